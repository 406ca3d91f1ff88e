/* lp-step-insurance.h — step 4: the health insurer, how it told the person, the numbers */
#pragma once

#include "lp-step.h"

G_BEGIN_DECLS

#define LP_TYPE_STEP_INSURANCE (lp_step_insurance_get_type ())
G_DECLARE_FINAL_TYPE (LpStepInsurance, lp_step_insurance, LP, STEP_INSURANCE, LpStep)

G_END_DECLS
