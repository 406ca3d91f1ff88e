/* lp-step-contact.h — step "contact" of the wizard (see lp-steps.c for the order) */
#pragma once

#include "lp-step.h"

G_BEGIN_DECLS

#define LP_TYPE_STEP_CONTACT (lp_step_contact_get_type ())
G_DECLARE_FINAL_TYPE (LpStepContact, lp_step_contact, LP, STEP_CONTACT, LpStep)

G_END_DECLS
