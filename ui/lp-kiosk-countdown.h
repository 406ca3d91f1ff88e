/* lp-kiosk-countdown.h — "Are you still there?": the inactivity warning of a kiosk
 *
 * A large card shown over the form (LpWindow puts it in its overlay) after the site's
 * inactivity-warning seconds without input (RGAA 13.1: a time limit must warn and let the
 * person extend it). It counts down the site's inactivity-grace seconds; "I am still here"
 * (or Enter, or Escape) emits "still-here", zero emits "expired" (everything is then wiped).
 * Its accessible role is alert dialog and the button has the focus: a screen reader reads
 * the question, the time left and the button.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LP_TYPE_KIOSK_COUNTDOWN (lp_kiosk_countdown_get_type ())
G_DECLARE_FINAL_TYPE (LpKioskCountdown, lp_kiosk_countdown, LP, KIOSK_COUNTDOWN, GtkWidget)

/* Starts counting at once. */
LpKioskCountdown *lp_kiosk_countdown_new           (guint seconds);
guint             lp_kiosk_countdown_get_remaining (LpKioskCountdown *self);
/* "I am still here" (for tests and for the window that moves the focus to it). */
GtkWidget        *lp_kiosk_countdown_get_button    (LpKioskCountdown *self);

G_END_DECLS
