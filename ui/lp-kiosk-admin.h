/* lp-kiosk-admin.h — the administrator's way out of a kiosk
 *
 * The gesture (Ctrl+Alt+Shift+A, or a 3-second press on the program's name in the header
 * bar) shows this card over the form: a large keypad for the PIN, checked against
 * [kiosk] admin-pin-hash (lp-kiosk-pin.h). Wrong PINs are counted per application: from
 * the third one on, the keypad waits longer after each (5 s, 10 s, 20 s... up to 5 min).
 * The right PIN shows the administration menu: where the site configuration is, the mode,
 * "Quit the program" (emits "quit") and "Back to the form" (emits "done", as "Cancel" does).
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LP_TYPE_KIOSK_ADMIN (lp_kiosk_admin_get_type ())
G_DECLARE_FINAL_TYPE (LpKioskAdmin, lp_kiosk_admin, LP, KIOSK_ADMIN, GtkWidget)

/* @application keeps the count of wrong PINs; @config_path may be NULL (no file). */
LpKioskAdmin *lp_kiosk_admin_new           (GApplication *application,
                                            const char   *pin_hash,
                                            const char   *config_path,
                                            const char   *mode_name);

/* For tests: what the person would press. @key is "0".."9", "erase" or "ok". */
void          lp_kiosk_admin_press         (LpKioskAdmin *self,
                                            const char   *key);
/* TRUE once the right PIN was entered (the menu shows). */
gboolean      lp_kiosk_admin_is_unlocked   (LpKioskAdmin *self);
/* TRUE while the keypad waits after too many wrong PINs. */
gboolean      lp_kiosk_admin_is_waiting    (LpKioskAdmin *self);
/* The line under the keypad ("Wrong PIN."...), "" when none. */
const char   *lp_kiosk_admin_get_message   (LpKioskAdmin *self);
/* The button of @key ("0".."9", "erase", "ok", "cancel", "quit", "back"). */
GtkWidget    *lp_kiosk_admin_get_button    (LpKioskAdmin *self,
                                            const char   *key);

G_END_DECLS
