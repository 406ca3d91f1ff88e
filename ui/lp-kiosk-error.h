/* lp-kiosk-error.h — the screen a broken site configuration leaves
 *
 * Shown instead of the form when the site configuration could not be read
 * (lp_application_get_site_error()): never a crash, never a half-configured kiosk with
 * personal data going nowhere. For the public: "out of order, ask the staff"; for the
 * administrator: the message of the configuration loader, which names the file, the line,
 * the group and key, and the fix (lp-site-config.h). Fullscreen and without window
 * controls in kiosk mode, like the form; "Quit" lets the administrator leave.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LP_TYPE_KIOSK_ERROR_WINDOW (lp_kiosk_error_window_get_type ())
G_DECLARE_FINAL_TYPE (LpKioskErrorWindow, lp_kiosk_error_window, LP, KIOSK_ERROR_WINDOW,
                      AdwApplicationWindow)

LpKioskErrorWindow *lp_kiosk_error_window_new         (GtkApplication *application,
                                                       const GError   *error,
                                                       gboolean        kiosk);
/* The administrator's message as shown. */
const char         *lp_kiosk_error_window_get_message (LpKioskErrorWindow *self);

G_END_DECLS
