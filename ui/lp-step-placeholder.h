/* lp-step-placeholder.h — stands in for a step whose class is not written yet */
#pragma once

#include "lp-step.h"

G_BEGIN_DECLS

#define LP_TYPE_STEP_PLACEHOLDER (lp_step_placeholder_get_type ())
G_DECLARE_FINAL_TYPE (LpStepPlaceholder, lp_step_placeholder, LP, STEP_PLACEHOLDER, LpStep)

G_END_DECLS
