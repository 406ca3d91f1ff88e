/* lp-kiosk-keyboard.h — the on-screen keyboard of touch kiosks ([kiosk] touch-keyboard)
 *
 * GTK 4 has no on-screen keyboard and cage provides none (tech-notes.md §2.4): this one is
 * made of buttons inside the program. French AZERTY with é è ê à ç ù œ, a row of digits,
 * shift (one capital letter), backspace, space, "Next field" and "Hide". Keys are never
 * focusable: the text field keeps the focus and receives the text at its cursor
 * (gtk_editable_insert_text), replacing a selection. LpWindow shows the keyboard when a
 * text field takes the focus or is touched, and hides it otherwise.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LP_TYPE_KIOSK_KEYBOARD (lp_kiosk_keyboard_get_type ())
G_DECLARE_FINAL_TYPE (LpKioskKeyboard, lp_kiosk_keyboard, LP, KIOSK_KEYBOARD, GtkWidget)

LpKioskKeyboard *lp_kiosk_keyboard_new      (void);

/* The key that types @text ("é", "7"...) or the special key "shift", "backspace", "space",
 * "next", "hide"; NULL if there is none. */
GtkWidget       *lp_kiosk_keyboard_get_key  (LpKioskKeyboard *self,
                                             const char      *key);
/* Presses a key as a touch would (for tests). */
void             lp_kiosk_keyboard_press    (LpKioskKeyboard *self,
                                             const char      *key);

G_END_DECLS
