/* test-kiosk.c — kiosk and assisted modes (issue 5): inactivity, wipe, administrator, keyboard
 *
 * The application is started with a site configuration made in the test, with the inactivity
 * delays shortened below what the loader accepts (1 s warning, 2 s grace): the fields of
 * LpSiteConfig are set directly, the test-only way. Nothing here measures time: waits are
 * "until it happens", bounded only so that a broken build fails instead of hanging.
 *
 * $XDG_RUNTIME_DIR is a private temporary directory (set before GTK starts), so that the
 * wipe's removal of the print route's directories is seen, and touches nobody else's.
 *
 * Screenshots (into the build directory; look at them): kiosk-welcome.png (fullscreen,
 * French), kiosk-countdown.png, kiosk-admin-pin.png, kiosk-admin-menu.png,
 * kiosk-keyboard-identity.png, kiosk-config-error.png. */
#define G_LOG_DOMAIN "test-kiosk"

#include "test-wizard-utils.h"
#include "lp-kiosk-admin.h"
#include "lp-kiosk-countdown.h"
#include "lp-kiosk-error.h"
#include "lp-kiosk-keyboard.h"
#include "lp-kiosk-pin.h"
#include "lp-language.h"
#include "lp-nir-field.h"
#include "lp-secure-buffer.h"

#include <glib/gstdio.h>
#include <string.h>

#define PIN        "2468"
#define PIN_SALT   "0123456789abcdef0123456789abcdef"
#define SITE_NAME  "Mairie de Test-sur-Mer — espace France Services"
#define WAIT_LIMIT 30   /* seconds before a wait gives up and the test fails */

static char *runtime_dir;

/* ---- Helpers ------------------------------------------------------------------------------ */

static LpApplication *
kiosk_app_new_full (const char *mode,
                    gboolean    touch_keyboard,
                    gboolean    with_pin)
{
  static guint count = 0;
  g_autofree char *id = g_strdup_printf ("%s.KioskTest%u", APP_ID, ++count);
  g_autofree char *hash = lp_kiosk_pin_hash_new (PIN, PIN_SALT);
  g_autofree char *text = g_strdup_printf ("[site]\n"
                                           "name=%s\n"
                                           "mode=%s\n"
                                           "language=fr\n"
                                           "[kiosk]\n"
                                           "touch-keyboard=%s\n"
                                           "admin-pin-hash=%s\n",
                                           SITE_NAME, mode, touch_keyboard ? "true" : "false",
                                           with_pin ? hash : "");
  g_autoptr (GError) error = NULL;
  LpSiteConfig *config = lp_site_config_load_from_data (text, strlen (text), "/test/site.conf",
                                                        &error);
  LpApplication *app;

  g_assert_no_error (error);
  /* Test-only: shorter than the loader allows (10 s and 20 s at least). */
  config->inactivity_warning = 1;
  config->inactivity_grace = 2;
  app = g_object_new (LP_TYPE_APPLICATION, "application-id", id,
                      "flags", G_APPLICATION_NON_UNIQUE, NULL);
  lp_application_set_site (app, config, NULL, FALSE);
  /* The environment's language is English; the site's is French. */
  lp_language_apply ("en");
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  lp_wizard_test_wait_drawn (lp_wizard_test_get_window (app));
  return app;
}

static LpApplication *
kiosk_app_new (void)
{
  return kiosk_app_new_full ("kiosk", FALSE, TRUE);
}

static gboolean
wake_up_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Spins the main loop until @done (@data) is TRUE; fails after WAIT_LIMIT seconds. */
static void
wait_until (gboolean (*done) (gpointer data),
            gpointer  data)
{
  gint64 limit = g_get_monotonic_time () + WAIT_LIMIT * G_USEC_PER_SEC;
  guint wake = g_timeout_add (50, wake_up_cb, NULL);

  while (!done (data))
    {
      if (g_get_monotonic_time () > limit)
        g_error ("gave up waiting after %d s", WAIT_LIMIT);
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (wake);
}

static gboolean
countdown_shown (gpointer data)
{
  LpApplication *app = data;

  return LP_IS_KIOSK_COUNTDOWN (lp_window_get_card (lp_wizard_test_get_window (app)));
}

static gboolean
session_wiped (gpointer data)
{
  return !lp_application_get_in_use (LP_APPLICATION (data));
}

static void
go_to_identity_and_type (LpWindow   *window,
                         const char *birth_name)
{
  g_assert_true (lp_window_go_to_step (window, "identity"));
  lp_wizard_test_type (window, "complainant.birth_name", birth_name);
  lp_window_store (window);
}

static void
assert_png (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GdkTexture) texture = gdk_texture_new_from_filename (path, &error);

  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), >=, 1260);
  g_assert_cmpint (gdk_texture_get_height (texture), >=, 780);
  g_test_message ("wrote %s", path);
}

static void
shoot (GtkWindow  *window,
       const char *name)
{
  /* The helper takes any window: it only draws the widget. */
  g_autofree char *path = lp_wizard_test_screenshot ((LpWindow *) window, name);

  assert_png (path);
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* ---- Inactivity --------------------------------------------------------------------------- */

static void
test_inactivity_still_here_keeps_data (void)
{
  LpApplication *app = kiosk_app_new ();
  LpWindow *window = lp_wizard_test_get_window (app);
  LpComplaint *complaint;
  GtkWidget *card;

  go_to_identity_and_type (window, "Kiosquier");
  complaint = lp_application_get_complaint (app);
  wait_until (countdown_shown, app);

  card = lp_window_get_card (window);
  g_assert_cmpuint (lp_kiosk_countdown_get_remaining (LP_KIOSK_COUNTDOWN (card)), <=, 2);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_ROLE_ALERT_DIALOG);
  /* The big button has the focus: Enter is "I am still here", and a screen reader reads it. */
  g_assert_true (gtk_widget_has_focus (lp_kiosk_countdown_get_button (LP_KIOSK_COUNTDOWN (card))));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (lp_window_get_current_step (window))));

  g_signal_emit_by_name (lp_kiosk_countdown_get_button (LP_KIOSK_COUNTDOWN (card)), "clicked");
  lp_wizard_test_iterate ();
  g_assert_null (lp_window_get_card (window));
  g_assert_true (lp_wizard_test_get_window (app) == window);
  g_assert_true (lp_application_get_complaint (app) == complaint);
  g_assert_true (lp_application_get_in_use (app));
  g_assert_cmpstr (lp_wizard_test_current_name (window), ==, "identity");
  lp_window_store (window);
  g_assert_cmpstr (lp_application_get_complaint (app)->complainant.birth_name, ==, "Kiosquier");
  lp_wizard_test_app_free (app);
}

static void
test_inactivity_countdown_wipes (void)
{
  LpApplication *app = kiosk_app_new ();
  LpWindow *window = lp_wizard_test_get_window (app);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (window));
  g_autofree char *private_dir = g_build_filename (runtime_dir, "lettre-plainte-Ab12Cd", NULL);
  g_autofree char *private_file = g_build_filename (private_dir, "lettre-plainte.pdf", NULL);
  g_autofree char *other_dir = g_build_filename (runtime_dir, "someone-else", NULL);
  GValue value = G_VALUE_INIT;

  /* The site's language at start; the person switches to English. */
  g_assert_cmpstr (lp_language_get_current (), ==, "fr");
  g_action_group_activate_action (G_ACTION_GROUP (app), "language", g_variant_new_string ("en"));
  lp_wizard_test_iterate ();
  window = lp_wizard_test_get_window (app);
  g_assert_cmpstr (lp_language_get_current (), ==, "en");

  go_to_identity_and_type (window, "Effaçable");
  g_assert_cmpstr (lp_application_get_complaint (app)->complainant.birth_name, ==, "Effaçable");
  /* What the print route and the person left behind. */
  g_assert_cmpint (g_mkdir (private_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (private_file, "%PDF-1.4 Effaçable", -1, NULL));
  g_assert_cmpint (g_mkdir (other_dir, 0700), ==, 0);
  gdk_clipboard_set_text (clipboard, "Effaçable");

  wait_until (countdown_shown, app);
  wait_until (session_wiped, app);
  lp_wizard_test_iterate ();

  window = lp_wizard_test_get_window (app);
  g_assert_null (lp_window_get_card (window));
  g_assert_cmpuint (lp_window_get_current_index (window), ==, 0);
  g_assert_cmpstr (lp_wizard_test_current_name (window), ==, "welcome");
  g_assert_cmpstr (lp_application_get_complaint (app)->complainant.birth_name, ==, "");
  g_assert_cmpstr (lp_language_get_current (), ==, "fr");
  g_assert_true (gtk_window_is_fullscreen (GTK_WINDOW (window)));
  g_assert_false (g_file_test (private_dir, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other_dir, G_FILE_TEST_IS_DIR));
  g_rmdir (other_dir);
  /* The identity step of the new window is empty. */
  g_assert_true (lp_window_go_to_step (window, "identity"));
  g_assert_cmpstr (lp_form_field_get_text (lp_wizard_test_field (window, "complainant.birth_name")),
                   ==, "");
  g_assert_true (lp_window_go_to_step (window, "welcome"));

  g_value_init (&value, G_TYPE_STRING);
  g_assert_true (gdk_content_provider_get_value (gdk_clipboard_get_content (clipboard), &value,
                                                 NULL));
  g_assert_cmpstr (g_value_get_string (&value), ==, "");
  g_value_unset (&value);
  lp_wizard_test_app_free (app);
}

/* Nothing typed, nothing changed: an idle kiosk on its welcome step shows no warning. */
static void
test_inactivity_idle_welcome_no_warning (void)
{
  LpApplication *app = kiosk_app_new ();
  LpWindow *window = lp_wizard_test_get_window (app);

  g_assert_false (lp_application_get_in_use (app));
  g_assert_false (lp_window_show_inactivity_warning (window));
  g_assert_null (lp_window_get_card (window));
  lp_wizard_test_app_free (app);
}

static void
test_erase_and_finish (gconstpointer data)
{
  const char *mode = data;
  LpApplication *app = kiosk_app_new_full (mode, FALSE, FALSE);
  LpWindow *window = lp_wizard_test_get_window (app);

  go_to_identity_and_type (window, "Finisseur");
  g_assert_true (lp_application_get_in_use (app));
  g_action_group_activate_action (G_ACTION_GROUP (app), "erase-and-finish", NULL);
  lp_wizard_test_iterate ();
  window = lp_wizard_test_get_window (app);
  g_assert_false (lp_application_get_in_use (app));
  g_assert_cmpstr (lp_wizard_test_current_name (window), ==, "welcome");
  g_assert_cmpstr (lp_application_get_complaint (app)->complainant.birth_name, ==, "");
  g_assert_cmpstr (lp_language_get_current (), ==, "fr");
  lp_wizard_test_app_free (app);
}

/* ---- Lock-down ---------------------------------------------------------------------------- */

static void
test_kiosk_lock_down (void)
{
  LpApplication *app = kiosk_app_new ();
  LpWindow *window = lp_wizard_test_get_window (app);
  g_auto (GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.quit");
  AdwWindowTitle *title = ADW_WINDOW_TITLE (find_descendant (GTK_WIDGET (window),
                                                             ADW_TYPE_WINDOW_TITLE));
  AdwHeaderBar *header = ADW_HEADER_BAR (find_descendant (GTK_WIDGET (window),
                                                          ADW_TYPE_HEADER_BAR));
  GList *toplevels;
  guint n_toplevels;
  gboolean handled = FALSE;

  g_assert_true (gtk_window_is_fullscreen (GTK_WINDOW (window)));
  g_assert_false (gtk_window_get_deletable (GTK_WINDOW (window)));
  g_assert_false (adw_header_bar_get_show_end_title_buttons (header));
  g_assert_false (adw_header_bar_get_show_start_title_buttons (header));
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, SITE_NAME);
  g_assert_cmpuint (g_strv_length (accels), ==, 0);

  /* Closing is refused (Alt+F4 under a window manager). */
  gtk_window_close (GTK_WINDOW (window));
  lp_wizard_test_iterate ();
  g_assert_true (lp_wizard_test_get_window (app) == window);

  /* Ctrl+Shift+I / Ctrl+Shift+D: the inspector does not open. */
  toplevels = gtk_window_list_toplevels ();
  n_toplevels = g_list_length (toplevels);
  g_list_free (toplevels);
  g_signal_emit_by_name (window, "enable-debugging", TRUE, &handled);
  lp_wizard_test_iterate ();
  toplevels = gtk_window_list_toplevels ();
  g_assert_cmpuint (g_list_length (toplevels), ==, n_toplevels);
  g_list_free (toplevels);

  /* Past the welcome step the screen is kept awake until the wipe. */
  g_assert_false (lp_application_get_in_use (app));
  g_assert_true (lp_window_go_to_step (window, "identity"));
  g_assert_true (lp_application_get_in_use (app));
  lp_wizard_test_app_free (app);
}

static void
test_home_mode_untouched (void)
{
  LpApplication *app = lp_wizard_test_app_new (NULL);
  LpWindow *window = lp_wizard_test_get_window (app);
  g_auto (GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.quit");

  g_assert_true (gtk_window_get_deletable (GTK_WINDOW (window)));
  g_assert_cmpuint (g_strv_length (accels), ==, 1);
  g_assert_false (lp_window_open_admin (window));
  g_assert_false (lp_window_show_inactivity_warning (window));
  g_assert_null (lp_window_get_keyboard (window));
  lp_wizard_test_app_free (app);
}

/* ---- Administrator ------------------------------------------------------------------------ */

static void
press_pin (LpKioskAdmin *admin,
           const char   *pin)
{
  for (const char *c = pin; *c != '\0'; c++)
    {
      char key[2] = { *c, '\0' };

      g_signal_emit_by_name (lp_kiosk_admin_get_button (admin, key), "clicked");
    }
  g_signal_emit_by_name (lp_kiosk_admin_get_button (admin, "ok"), "clicked");
}

static void
test_admin_right_pin (void)
{
  LpApplication *app = kiosk_app_new ();
  LpWindow *window = lp_wizard_test_get_window (app);
  LpKioskAdmin *admin;

  /* The gesture: the key chord's action. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.admin", NULL);
  admin = LP_KIOSK_ADMIN (lp_window_get_card (window));
  g_assert_true (LP_IS_KIOSK_ADMIN (admin));
  g_assert_false (lp_kiosk_admin_is_unlocked (admin));
  lp_kiosk_admin_press (admin, "2");
  lp_kiosk_admin_press (admin, "4");
  shoot (GTK_WINDOW (window), "kiosk-admin-pin.png");
  lp_kiosk_admin_press (admin, "erase");
  lp_kiosk_admin_press (admin, "erase");
  press_pin (admin, PIN);
  g_assert_true (lp_kiosk_admin_is_unlocked (admin));
  shoot (GTK_WINDOW (window), "kiosk-admin-menu.png");

  /* "Back to the form", then "Quit the program". */
  g_signal_emit_by_name (lp_kiosk_admin_get_button (admin, "back"), "clicked");
  g_assert_null (lp_window_get_card (window));
  g_assert_true (lp_window_open_admin (window));
  admin = LP_KIOSK_ADMIN (lp_window_get_card (window));
  press_pin (admin, PIN);
  g_signal_emit_by_name (lp_kiosk_admin_get_button (admin, "quit"), "clicked");
  lp_wizard_test_iterate ();
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
  lp_wizard_test_app_free (app);
}

static gboolean
card_shown (gpointer data)
{
  return lp_window_get_card (LP_WINDOW (data)) != NULL;
}

/* The touch gesture: holding the program's name in the header bar. */
static void
test_admin_hold_title (void)
{
  LpApplication *app = kiosk_app_new ();
  LpWindow *window = lp_wizard_test_get_window (app);
  GtkWidget *title = find_descendant (GTK_WIDGET (window), ADW_TYPE_WINDOW_TITLE);
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (title);
  GtkGesture *hold = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller))
        hold = GTK_GESTURE (controller);
    }
  g_assert_nonnull (hold);

  /* Let go at once: nothing. */
  g_signal_emit_by_name (hold, "pressed", 1, 10.0, 10.0);
  g_signal_emit_by_name (hold, "released", 1, 10.0, 10.0);
  lp_wizard_test_iterate ();
  g_assert_null (lp_window_get_card (window));
  /* Held: the PIN card. */
  g_signal_emit_by_name (hold, "pressed", 1, 10.0, 10.0);
  wait_until (card_shown, window);
  g_assert_true (LP_IS_KIOSK_ADMIN (lp_window_get_card (window)));
  lp_wizard_test_app_free (app);
}

static void
test_admin_wrong_pin (void)
{
  LpApplication *app = kiosk_app_new ();
  LpWindow *window = lp_wizard_test_get_window (app);
  LpKioskAdmin *admin;

  g_assert_true (lp_window_open_admin (window));
  admin = LP_KIOSK_ADMIN (lp_window_get_card (window));
  press_pin (admin, "1357");
  g_assert_false (lp_kiosk_admin_is_unlocked (admin));
  g_assert_false (lp_kiosk_admin_is_waiting (admin));
  /* The site's language, French, is in use. */
  g_assert_cmpstr (lp_kiosk_admin_get_message (admin), ==,
                   g_dgettext (GETTEXT_PACKAGE, "Wrong PIN. Try again."));
  press_pin (admin, "0000");
  g_assert_false (lp_kiosk_admin_is_waiting (admin));
  /* The third wrong PIN: the keypad waits, and even the right PIN is not looked at. */
  press_pin (admin, "99999");
  g_assert_true (lp_kiosk_admin_is_waiting (admin));
  g_assert_false (gtk_widget_is_sensitive (lp_kiosk_admin_get_button (admin, "5")));
  g_assert_cmpstr (lp_kiosk_admin_get_message (admin), !=,
                   g_dgettext (GETTEXT_PACKAGE, "Wrong PIN. Try again."));
  g_assert_cmpstr (lp_kiosk_admin_get_message (admin), !=, "");
  lp_kiosk_admin_press (admin, "2");
  lp_kiosk_admin_press (admin, "4");
  lp_kiosk_admin_press (admin, "6");
  lp_kiosk_admin_press (admin, "8");
  lp_kiosk_admin_press (admin, "ok");
  g_assert_false (lp_kiosk_admin_is_unlocked (admin));

  /* Cancel and come back: still waiting (the count belongs to the application). */
  g_signal_emit_by_name (lp_kiosk_admin_get_button (admin, "cancel"), "clicked");
  g_assert_null (lp_window_get_card (window));
  g_assert_true (lp_window_open_admin (window));
  admin = LP_KIOSK_ADMIN (lp_window_get_card (window));
  g_assert_true (lp_kiosk_admin_is_waiting (admin));
  lp_wizard_test_app_free (app);
}

static void
test_admin_without_hash (void)
{
  LpApplication *app = kiosk_app_new_full ("kiosk", FALSE, FALSE);
  LpWindow *window = lp_wizard_test_get_window (app);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.admin", NULL);
  g_assert_null (lp_window_get_card (window));
  g_assert_false (lp_window_open_admin (window));
  lp_wizard_test_app_free (app);
}

static void
test_pin_hash (void)
{
  g_autofree char *hash = lp_kiosk_pin_hash_new (PIN, PIN_SALT);
  g_autofree char *random = lp_kiosk_pin_hash_new (PIN, NULL);
  g_autofree char *other = lp_kiosk_pin_hash_new (PIN, NULL);

  /* The documented shell recipe's result for this salt and PIN: printf '%s%s' salt pin | sha256sum */
  g_assert_cmpstr (hash, ==, "sha256:" PIN_SALT ":"
                   "378b6e9922150378ff316e2cbdc51c20727e86fb65cf24885b26b45775efb8a7");
  g_assert_true (lp_kiosk_pin_hash_is_valid (hash));
  g_assert_true (lp_kiosk_pin_check (hash, PIN));
  g_assert_false (lp_kiosk_pin_check (hash, "2469"));
  g_assert_false (lp_kiosk_pin_check (hash, ""));
  g_assert_false (lp_kiosk_pin_check (hash, "24680"));
  g_assert_true (lp_kiosk_pin_check (random, PIN));
  g_assert_cmpstr (random, !=, other);
  g_assert_false (lp_kiosk_pin_hash_is_valid (""));
  g_assert_false (lp_kiosk_pin_hash_is_valid ("2468"));
  g_assert_false (lp_kiosk_pin_hash_is_valid ("sha256:short:abcd"));
  g_assert_false (lp_kiosk_pin_hash_is_valid ("$argon2id$v=19$abc"));
  g_assert_false (lp_kiosk_pin_check ("$argon2id$v=19$abc", PIN));
}

/* ---- On-screen keyboard ------------------------------------------------------------------- */

static void
test_keyboard_types (void)
{
  LpApplication *app = kiosk_app_new_full ("kiosk", TRUE, TRUE);
  LpWindow *window = lp_wizard_test_get_window (app);
  LpKioskKeyboard *keyboard = lp_window_get_keyboard (window);
  GtkEditable *entry;
  GtkWidget *key;
  const char *keys[] = { "d", "u", "p", "r", "é", NULL };

  g_assert_nonnull (keyboard);
  g_assert_false (lp_window_get_keyboard_shown (window));
  g_assert_true (lp_window_go_to_step (window, "identity"));
  entry = GTK_EDITABLE (lp_form_field_get_entry (lp_wizard_test_field (window,
                                                                        "complainant.birth_name")));
  gtk_widget_grab_focus (GTK_WIDGET (entry));
  g_assert_true (lp_window_get_keyboard_shown (window));

  for (guint i = 0; keys[i] != NULL; i++)
    g_signal_emit_by_name (lp_kiosk_keyboard_get_key (keyboard, keys[i]), "clicked");
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "dupré");
  /* Shift gives one capital, accented too; backspace removes one letter. */
  lp_kiosk_keyboard_press (keyboard, "backspace");
  lp_kiosk_keyboard_press (keyboard, "shift");
  lp_kiosk_keyboard_press (keyboard, "é");
  lp_kiosk_keyboard_press (keyboard, "œ");
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "duprÉœ");
  /* At the cursor, not at the end. */
  gtk_editable_set_position (entry, 0);
  lp_kiosk_keyboard_press (keyboard, "shift");
  lp_kiosk_keyboard_press (keyboard, "x");
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "XduprÉœ");
  gtk_editable_set_text (entry, "Dupré");
  gtk_editable_set_position (entry, -1);

  /* The keys never take the focus, and say what they do. */
  key = lp_kiosk_keyboard_get_key (keyboard, "backspace");
  g_assert_false (gtk_widget_get_focusable (key));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (key), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       g_dgettext (GETTEXT_PACKAGE, "Erase the previous letter"));
  g_assert_true (lp_wizard_test_has_focus (window, "complainant.birth_name"));
  lp_wizard_test_wait_drawn (window);
  g_assert_cmpint (gtk_widget_get_height (lp_kiosk_keyboard_get_key (keyboard, "a")), >=, 56);
  g_assert_cmpint (gtk_widget_get_width (lp_kiosk_keyboard_get_key (keyboard, "a")), >=, 56);

  /* Digits into the department. */
  entry = GTK_EDITABLE (lp_form_field_get_entry (lp_wizard_test_field (window,
                                                 "complainant.birth_place.department")));
  gtk_widget_grab_focus (GTK_WIDGET (entry));
  lp_kiosk_keyboard_press (keyboard, "4");
  lp_kiosk_keyboard_press (keyboard, "2");
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "42");
  gtk_widget_grab_focus (GTK_WIDGET (lp_form_field_get_entry (lp_wizard_test_field (window,
                                                              "complainant.birth_name"))));
  /* The window scrolls the field into view one frame after the layout. */
  lp_wizard_test_wait_drawn (window);
  lp_wizard_test_wait_drawn (window);
  shoot (GTK_WINDOW (window), "kiosk-keyboard-identity.png");

  /* "Next field" moves on; "Hide" hides; a button takes the keyboard away. */
  lp_kiosk_keyboard_press (keyboard, "next");
  g_assert_false (lp_wizard_test_has_focus (window, "complainant.birth_name"));
  lp_kiosk_keyboard_press (keyboard, "hide");
  g_assert_false (lp_window_get_keyboard_shown (window));
  lp_window_store (window);
  g_assert_cmpstr (lp_application_get_complaint (app)->complainant.birth_name, ==, "Dupré");
  lp_wizard_test_app_free (app);
}

/* ---- The NIR's buffer --------------------------------------------------------------------- */

typedef struct {
  guint    released;
  gboolean all_zero;
} Released;

static void
release_hook (const char *block,
              gsize       size,
              gpointer    user_data)
{
  Released *released = user_data;

  released->released++;
  for (gsize i = 0; i < size; i++)
    if (block[i] != '\0')
      released->all_zero = FALSE;
}

static gboolean
block_is_zero (const char *block,
               gsize       size)
{
  for (gsize i = 0; i < size; i++)
    if (block[i] != '\0')
      return FALSE;
  return TRUE;
}

static void
test_secure_buffer (void)
{
  GtkEntryBuffer *buffer = lp_secure_buffer_new ();
  Released released = { 0, TRUE };
  const char *block;
  const char *grown;
  gsize size;

  lp_secure_buffer_set_release_hook (release_hook, &released);

  gtk_entry_buffer_set_text (buffer, "2 84 12 75 115 423 16", -1);
  g_assert_cmpstr (gtk_entry_buffer_get_text (buffer), ==, "2 84 12 75 115 423 16");
  g_assert_cmpuint (gtk_entry_buffer_get_length (buffer), ==, 21);
  block = lp_secure_buffer_peek_storage (LP_SECURE_BUFFER (buffer), &size);
  g_assert_nonnull (block);
  g_assert_nonnull (g_strstr_len (block, (gssize) size, "423"));

  /* Cleared: the same block, zeroed all through. */
  gtk_entry_buffer_set_text (buffer, "", -1);
  g_assert_true (lp_secure_buffer_peek_storage (LP_SECURE_BUFFER (buffer), NULL) == block);
  g_assert_true (block_is_zero (block, size));

  /* Deleting in the middle leaves nothing of the old tail. */
  gtk_entry_buffer_set_text (buffer, "é1234567", -1);
  gtk_entry_buffer_delete_text (buffer, 1, 3);
  g_assert_cmpstr (gtk_entry_buffer_get_text (buffer), ==, "é4567");
  g_assert_true (block_is_zero (block + strlen ("é4567"), size - strlen ("é4567")));
  gtk_entry_buffer_insert_text (buffer, 1, "X", 1);
  g_assert_cmpstr (gtk_entry_buffer_get_text (buffer), ==, "éX4567");

  /* Growing: the old block is zeroed before it is given back. */
  g_assert_cmpuint (released.released, ==, 0);
  gtk_entry_buffer_insert_text (buffer, 6, "a much longer text that does not fit in the first block", -1);
  grown = lp_secure_buffer_peek_storage (LP_SECURE_BUFFER (buffer), NULL);
  g_assert_true (grown != block);
  g_assert_cmpuint (released.released, ==, 1);
  g_assert_true (released.all_zero);
  g_assert_true (g_str_has_prefix (gtk_entry_buffer_get_text (buffer), "éX4567a much"));

  /* Dying: zeroed too. */
  g_object_unref (buffer);
  g_assert_cmpuint (released.released, ==, 2);
  g_assert_true (released.all_zero);
  lp_secure_buffer_set_release_hook (NULL, NULL);
}

static void
test_nir_field_uses_secure_buffer (void)
{
  LpNirField *field = g_object_ref_sink (lp_nir_field_new ("NIR", "complainant.nir"));
  GtkEditable *entry = lp_nir_field_get_entry (field);

  g_assert_true (LP_IS_SECURE_BUFFER (gtk_entry_get_buffer (GTK_ENTRY (entry))));
  g_assert_false (gtk_editable_get_enable_undo (entry));
  lp_nir_field_set_value (field, "2 84 12 75 115 423 16");
  g_assert_cmpstr (lp_nir_field_get_value (field), ==, "2 84 12 75 115 423 16");
  g_object_unref (field);
}

/* ---- Configuration errors ----------------------------------------------------------------- */

typedef struct {
  const char *name;
  const char *text;        /* NULL: the file does not exist */
  int         error_code;
  const char *where;       /* what the message must hold to point at the mistake */
} ConfigCase;

static const ConfigCase config_cases[] = {
  { "missing", NULL, LP_SITE_CONFIG_ERROR_NOT_FOUND, "site.conf" },
  /* GKeyFile names the line by its text, not its number. */
  { "syntax", "[site]\nmode=kiosk\nthis line is not a key\n", LP_SITE_CONFIG_ERROR_UNREADABLE,
    "this line is not a key" },
  { "invalid", "[site]\nname=Mairie\nmode=kiosque\n", LP_SITE_CONFIG_ERROR_INVALID,
    "site.conf:3: [site] mode" },
  { "unknown-key", "[site]\nmode=kiosk\n[kiosk]\ninactivity-warnin=90\n",
    LP_SITE_CONFIG_ERROR_INVALID, "site.conf:4: [kiosk] inactivity-warnin" },
  { "secret", "[site]\nmode=kiosk\n[send]\ntransport=relay\n"
              "url=https://plaintes.example.org/api/v1/submissions\n"
              "token-file=open-token\n", LP_SITE_CONFIG_ERROR_SECRET,
    "site.conf:6: [send] token-file" },
};

static void
test_config_error (gconstpointer data)
{
  const ConfigCase *c = data;
  g_autoptr (GError) dir_error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lp-kiosk-config-XXXXXX", &dir_error);
  g_autofree char *path = g_build_filename (dir, "site.conf", NULL);
  g_autofree char *token = g_build_filename (dir, "open-token", NULL);
  static guint count = 0;
  g_autofree char *id = g_strdup_printf ("%s.KioskConfig%u", APP_ID, ++count);
  GError *error = NULL;
  g_autoptr (GError) register_error = NULL;
  LpSiteConfig *config;
  LpApplication *app;
  GList *windows;
  LpKioskErrorWindow *screen;

  g_assert_no_error (dir_error);
  g_assert_true (g_file_set_contents (token, "s3cr3t-token\n", -1, NULL));
  g_assert_cmpint (g_chmod (token, 0644), ==, 0);
  if (c->text != NULL)
    g_assert_true (g_file_set_contents (path, c->text, -1, NULL));
  config = lp_site_config_load_default (path, &error);
  g_assert_null (config);
  g_assert_error (error, LP_SITE_CONFIG_ERROR, c->error_code);

  app = g_object_new (LP_TYPE_APPLICATION, "application-id", id,
                      "flags", G_APPLICATION_NON_UNIQUE, NULL);
  lp_application_set_site (app, NULL, error, TRUE);
  lp_language_apply ("en");
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &register_error));
  g_application_activate (G_APPLICATION (app));
  lp_wizard_test_iterate ();

  /* One window, the error screen; no form behind it. */
  windows = gtk_application_get_windows (GTK_APPLICATION (app));
  g_assert_cmpuint (g_list_length (windows), ==, 1);
  g_assert_true (LP_IS_KIOSK_ERROR_WINDOW (windows->data));
  screen = windows->data;
  g_assert_cmpstr (lp_kiosk_error_window_get_message (screen), ==,
                   lp_application_get_site_error (app)->message);
  g_assert_nonnull (strstr (lp_kiosk_error_window_get_message (screen), path));
  g_assert_nonnull (strstr (lp_kiosk_error_window_get_message (screen), c->where));
  g_assert_true (gtk_window_is_fullscreen (GTK_WINDOW (screen)));
  g_assert_false (gtk_window_get_deletable (GTK_WINDOW (screen)));
  if (g_str_equal (c->name, "invalid"))
    shoot (GTK_WINDOW (screen), "kiosk-config-error.png");

  lp_wizard_test_app_free (app);
  g_unlink (token);
  g_unlink (path);
  g_rmdir (dir);
}

/* ---- Assisted mode ------------------------------------------------------------------------ */

static void
test_assisted_household (void)
{
  LpApplication *app = kiosk_app_new_full ("assisted", FALSE, FALSE);
  LpWindow *window = lp_wizard_test_get_window (app);
  AdwWindowTitle *title = ADW_WINDOW_TITLE (find_descendant (GTK_WIDGET (window),
                                                             ADW_TYPE_WINDOW_TITLE));
  const LpComplaint *complaint;

  /* Windowed, the association named. */
  g_assert_false (gtk_window_is_fullscreen (GTK_WINDOW (window)));
  g_assert_true (gtk_window_get_deletable (GTK_WINDOW (window)));
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, SITE_NAME);

  g_assert_true (lp_window_go_to_step (window, "identity"));
  lp_wizard_test_fill_identity (window);
  g_assert_true (lp_wizard_test_next (window));
  lp_wizard_test_fill_contact (window);
  lp_window_store (window);

  g_action_group_activate_action (G_ACTION_GROUP (app), "new-household-complaint", NULL);
  lp_wizard_test_iterate ();
  window = lp_wizard_test_get_window (app);
  complaint = lp_application_get_complaint (app);
  g_assert_cmpstr (lp_wizard_test_current_name (window), ==, "welcome");
  g_assert_cmpstr (complaint->complainant.birth_name, ==, "");
  g_assert_cmpstr (complaint->complainant.address.city, ==, "Montpellier");
  g_assert_cmpstr (complaint->complainant.phone, ==, "06 12 34 56 78");
  g_assert_true (lp_application_get_in_use (app));
  /* The contact step shows the shared address. */
  g_assert_true (lp_window_go_to_step (window, "contact"));
  g_assert_cmpstr (lp_form_field_get_text (lp_wizard_test_field (window,
                                                                 "complainant.address.city")),
                   ==, "Montpellier");
  lp_wizard_test_app_free (app);
}

/* ---- Screenshots -------------------------------------------------------------------------- */

static void
test_screenshots (void)
{
  LpApplication *app = kiosk_app_new_full ("kiosk", TRUE, TRUE);
  LpWindow *window = lp_wizard_test_get_window (app);

  g_assert_cmpstr (lp_language_get_current (), ==, "fr");
  shoot (GTK_WINDOW (window), "kiosk-welcome.png");
  g_assert_true (lp_window_go_to_step (window, "identity"));
  lp_wizard_test_type (window, "complainant.birth_name", "Dupré");
  g_assert_true (lp_window_show_inactivity_warning (window));
  shoot (GTK_WINDOW (window), "kiosk-countdown.png");
  lp_wizard_test_app_free (app);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr (GError) error = NULL;
  int result;

  /* Before anything asks GLib for it (it is read once). */
  runtime_dir = g_dir_make_tmp ("lp-kiosk-runtime-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_RUNTIME_DIR", runtime_dir, TRUE);
  lp_wizard_test_init (&argc, &argv);

  g_test_add_func ("/kiosk/inactivity/still-here-keeps-data", test_inactivity_still_here_keeps_data);
  g_test_add_func ("/kiosk/inactivity/countdown-wipes", test_inactivity_countdown_wipes);
  g_test_add_func ("/kiosk/inactivity/idle-welcome", test_inactivity_idle_welcome_no_warning);
  g_test_add_data_func ("/kiosk/erase-and-finish/kiosk", "kiosk", test_erase_and_finish);
  g_test_add_data_func ("/kiosk/erase-and-finish/assisted", "assisted", test_erase_and_finish);
  g_test_add_data_func ("/kiosk/erase-and-finish/home", "home", test_erase_and_finish);
  g_test_add_func ("/kiosk/lock-down", test_kiosk_lock_down);
  g_test_add_func ("/kiosk/home-mode-untouched", test_home_mode_untouched);
  g_test_add_func ("/kiosk/admin/right-pin", test_admin_right_pin);
  g_test_add_func ("/kiosk/admin/hold-title", test_admin_hold_title);
  g_test_add_func ("/kiosk/admin/wrong-pin", test_admin_wrong_pin);
  g_test_add_func ("/kiosk/admin/without-hash", test_admin_without_hash);
  g_test_add_func ("/kiosk/admin/pin-hash", test_pin_hash);
  g_test_add_func ("/kiosk/keyboard/types", test_keyboard_types);
  g_test_add_func ("/kiosk/secure-buffer/zeroed", test_secure_buffer);
  g_test_add_func ("/kiosk/secure-buffer/nir-field", test_nir_field_uses_secure_buffer);
  for (guint i = 0; i < G_N_ELEMENTS (config_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/kiosk/config-error/%s", config_cases[i].name);

      g_test_add_data_func (name, &config_cases[i], test_config_error);
    }
  g_test_add_func ("/kiosk/assisted/household", test_assisted_household);
  g_test_add_func ("/kiosk/screenshots", test_screenshots);

  result = g_test_run ();
  g_rmdir (runtime_dir);
  g_free (runtime_dir);
  return result;
}
