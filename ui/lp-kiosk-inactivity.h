/* lp-kiosk-inactivity.h — noticing that nobody has touched the kiosk for a while
 *
 * Watches every input event that reaches a window (pointer motion, keys, clicks, touch,
 * scrolling: a GtkEventControllerLegacy in the capture phase, so that no widget can hide an
 * event from it) and emits "idle" once @seconds have passed without any. It then waits for
 * lp_kiosk_inactivity_restart(). Pausing stops the clock (while the countdown is shown).
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LP_TYPE_KIOSK_INACTIVITY (lp_kiosk_inactivity_get_type ())
G_DECLARE_FINAL_TYPE (LpKioskInactivity, lp_kiosk_inactivity, LP, KIOSK_INACTIVITY, GObject)

/* Starts watching @widget (usually a window) at once; holds no reference on it and stops
 * when it is destroyed. */
LpKioskInactivity *lp_kiosk_inactivity_new     (GtkWidget         *widget,
                                                guint              seconds);
/* Some input happened (the controller calls it; tests may too). */
void               lp_kiosk_inactivity_poke    (LpKioskInactivity *self);
/* Counts again from now (after "idle" was emitted, or after a pause). */
void               lp_kiosk_inactivity_restart (LpKioskInactivity *self);
void               lp_kiosk_inactivity_pause   (LpKioskInactivity *self);

G_END_DECLS
