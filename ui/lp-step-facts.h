/* lp-step-facts.h — step 5: what happened since the breach, in the person's own words */
#pragma once

#include "lp-step.h"

G_BEGIN_DECLS

#define LP_TYPE_STEP_FACTS (lp_step_facts_get_type ())
G_DECLARE_FINAL_TYPE (LpStepFacts, lp_step_facts, LP, STEP_FACTS, LpStep)

/* Reads an amount of euros as people write it: "1 234,56", "1234.56", "150 €", "-20".
 * Returns FALSE when @text is not an amount (empty included); @cents is then 0. The sign
 * is kept: the core validator says what is wrong with a negative amount. */
gboolean lp_step_facts_parse_amount (const char *text,
                                     gint64     *cents);

G_END_DECLS
