/* lp-stepper.h — the DSFR step indicator ("Indicateur d'étapes", domain.md §4.2)
 *
 * "Step 2 of 8", the current step's title as a heading, a bar of segments, and "Next
 * step: <title>" (hidden on the last step).
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LP_TYPE_STEPPER (lp_stepper_get_type ())
G_DECLARE_FINAL_TYPE (LpStepper, lp_stepper, LP, STEPPER, GtkWidget)

GtkWidget  *lp_stepper_new            (void);
/* @current counts from 1. @next_title NULL hides the next-step line. */
void        lp_stepper_set_step       (LpStepper  *self,
                                       guint       current,
                                       guint       count,
                                       const char *title,
                                       const char *next_title);
/* The texts shown, for tests. */
const char *lp_stepper_get_count_text (LpStepper *self);
const char *lp_stepper_get_title      (LpStepper *self);
/* NULL when hidden (last step). */
const char *lp_stepper_get_next_text  (LpStepper *self);

G_END_DECLS
