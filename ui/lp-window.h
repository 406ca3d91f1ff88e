/* lp-window.h — the wizard's window
 *
 * Header bar (A− / A+, high contrast, help), the stepper, the error summary, the eight
 * steps in a GtkStack (built from lp-steps.c) and the "Back" / "Next" buttons.
 *
 * Actions: win.next (validate the step with the core validators, then go on or show the
 * errors), win.back, win.go-to-step (s: a step name, no validation: the review step's
 * "Change" links), win.help, win.admin (Ctrl+Alt+Shift+A). Enter in a field activates
 * "Next" (the default widget).
 *
 * Kiosk and assisted modes (issue 5), from the application's site configuration: the
 * site's name under the title; in kiosk mode fullscreen, no window controls, no inspector,
 * and the administrator's gesture (Ctrl+Alt+Shift+A, or a 3-second press on the program's
 * name) that opens the PIN card; outside home mode the inactivity warning (a countdown card
 * over the form, then lp_application_wipe()); with [kiosk] touch-keyboard the on-screen
 * keyboard under the form while a text field has the focus.
 */
#pragma once

#include <adwaita.h>

#include "lp-application.h"
#include "lp-kiosk-keyboard.h"
#include "lp-step.h"
#include "lp-stepper.h"

G_BEGIN_DECLS

#define LP_TYPE_WINDOW (lp_window_get_type ())
G_DECLARE_FINAL_TYPE (LpWindow, lp_window, LP, WINDOW, AdwApplicationWindow)

LpWindow  *lp_window_new              (LpApplication *application);

guint      lp_window_get_n_steps      (LpWindow   *self);
LpStep    *lp_window_get_step         (LpWindow   *self,
                                       guint       index);
LpStep    *lp_window_get_step_by_name (LpWindow   *self,
                                       const char *name);
guint      lp_window_get_current_index (LpWindow  *self);
LpStep    *lp_window_get_current_step (LpWindow   *self);

/* Validates the current step; moves on when it is valid, else shows the errors (under
 * the fields, in the summary), moves the focus to the first one and returns FALSE. */
gboolean   lp_window_next             (LpWindow   *self);
/* Stores the current step and shows the previous one (no validation). */
void       lp_window_back             (LpWindow   *self);
/* Stores the current step and shows @name (no validation). FALSE for an unknown name. */
gboolean   lp_window_go_to_step       (LpWindow   *self,
                                       const char *name);
/* Stores the current step into the model (what is typed is never only in the widgets). */
void       lp_window_store            (LpWindow   *self);

/* Replaces this window by a new one built in the current language, on the same step,
 * with the same size; this one is destroyed. Returns the new window. */
LpWindow  *lp_window_rebuild          (LpWindow   *self);

/* A new window in the current language showing step @index from the session's model, as
 * after a wipe; this one is detached from the model first (nothing it holds can reach the
 * new model), then destroyed. Returns the new window. */
LpWindow  *lp_window_reset            (LpWindow   *self,
                                       guint       index);
/* Stops every step from reading or writing the model (before the model is replaced). */
void       lp_window_detach_model     (LpWindow   *self);

/* The administrator's gesture: shows the PIN card and returns TRUE in kiosk mode with a
 * valid [kiosk] admin-pin-hash; otherwise does nothing (and says so in the log). */
gboolean   lp_window_open_admin       (LpWindow   *self);
/* Shows the inactivity countdown now, as the timer would (tests). FALSE when there is no
 * inactivity watch (home mode) or nothing to protect. */
gboolean   lp_window_show_inactivity_warning (LpWindow *self);
/* The card shown over the form (an LpKioskCountdown or LpKioskAdmin), or NULL. */
GtkWidget *lp_window_get_card         (LpWindow   *self);
/* The on-screen keyboard (NULL without [kiosk] touch-keyboard), and whether it shows. */
LpKioskKeyboard *lp_window_get_keyboard (LpWindow *self);
gboolean   lp_window_get_keyboard_shown (LpWindow *self);

/* For tests and for the steps. */
LpStepper *lp_window_get_stepper      (LpWindow   *self);
/* The error summary box (hidden when there is no error), its heading, and how many
 * links it holds. */
GtkWidget *lp_window_get_error_summary (LpWindow  *self);
const char *lp_window_get_error_heading (LpWindow *self);
guint      lp_window_get_n_summary_errors (LpWindow *self);
/* Activates the @index-th link of the summary (it focuses the field). */
void       lp_window_activate_summary_link (LpWindow *self,
                                            guint     index);

G_END_DECLS
