/* lp-step-review.h — step 7: check everything before sending (RGAA 11.12)
 *
 * Every answer, grouped as the steps asked them, each group with a "Change" button that goes
 * back to its step (win.go-to-step); every problem the core validators still find in the
 * whole complaint, each with a button to the step where it is corrected ("Next" stays
 * blocked while one is an error); the place and date of signature; an optional drawn
 * signature; and a preview of the real letter, made in a worker thread.
 */
#pragma once

#include "lp-step.h"
#include "lp-pdf-preview.h"
#include "lp-signature-pad.h"

G_BEGIN_DECLS

#define LP_TYPE_STEP_REVIEW (lp_step_review_get_type ())
G_DECLARE_FINAL_TYPE (LpStepReview, lp_step_review, LP, STEP_REVIEW, LpStep)

/* For tests. */
LpPdfPreview   *lp_step_review_get_preview       (LpStepReview *self);
LpSignaturePad *lp_step_review_get_signature_pad (LpStepReview *self);
GtkWidget      *lp_step_review_get_clear_button  (LpStepReview *self);
/* The "Change" button of the group that @step_name asks ("identity", "contact",
 * "insurance", "facts", "documents"; "representative" for the legal representative), or
 * NULL when that group is not shown. */
GtkWidget      *lp_step_review_get_change_button (LpStepReview *self,
                                                  const char   *group);
/* The problems listed (errors and warnings), and how many are errors. */
guint           lp_step_review_get_n_problems    (LpStepReview *self);
guint           lp_step_review_get_n_errors      (LpStepReview *self);
/* The step where the @index-th problem is corrected, or NULL. */
const char     *lp_step_review_get_problem_step  (LpStepReview *self,
                                                  guint         index);
/* Every term and answer of the groups, one per line, as shown. */
char           *lp_step_review_dup_answers_text  (LpStepReview *self);

G_END_DECLS
