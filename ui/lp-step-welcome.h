/* lp-step-welcome.h — step "welcome" of the wizard (see lp-steps.c for the order) */
#pragma once

#include "lp-step.h"

G_BEGIN_DECLS

#define LP_TYPE_STEP_WELCOME (lp_step_welcome_get_type ())
G_DECLARE_FINAL_TYPE (LpStepWelcome, lp_step_welcome, LP, STEP_WELCOME, LpStep)

G_END_DECLS
