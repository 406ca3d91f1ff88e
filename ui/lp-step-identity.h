/* lp-step-identity.h — step "identity" of the wizard (see lp-steps.c for the order) */
#pragma once

#include "lp-step.h"

G_BEGIN_DECLS

#define LP_TYPE_STEP_IDENTITY (lp_step_identity_get_type ())
G_DECLARE_FINAL_TYPE (LpStepIdentity, lp_step_identity, LP, STEP_IDENTITY, LpStep)

G_END_DECLS
