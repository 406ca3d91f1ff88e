/* test-wizard-screenshots.c — a PNG of every step, in French and in Arabic
 *
 * Writes screenshot-<lang>-<n>-<step>.png into the build directory (tests/), plus the
 * identity step with its errors shown (also in high contrast) and at 200 % text. A person looks at them (issue 3:
 * "as a 70-year-old at a mairie kiosk would"); the test checks that each was written at
 * about the kiosk's 1280 × 800 and that the Arabic window is mirrored.
 *
 * French and Arabic strings come from po/fr.po and po/ar.po as built; a string not yet
 * translated shows in English. */
#define G_LOG_DOMAIN "test-wizard-screenshots"

#include "test-wizard-utils.h"

static void
assert_png (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GdkTexture) texture = gdk_texture_new_from_filename (path, &error);

  g_assert_no_error (error);
  /* The kiosk's screen, less the few pixels of the window frame Xvfb leaves around it. */
  g_assert_cmpint (gdk_texture_get_width (texture), >=, 1260);
  g_assert_cmpint (gdk_texture_get_width (texture), <=, 1280);
  g_assert_cmpint (gdk_texture_get_height (texture), >=, 780);
  g_assert_cmpint (gdk_texture_get_height (texture), <=, 800);
  g_test_message ("wrote %s", path);
}

static void
shoot (LpWindow   *window,
       const char *language,
       const char *suffix)
{
  guint index = lp_window_get_current_index (window);
  g_autofree char *name = g_strdup_printf ("screenshot-%s-%u-%s%s.png", language, index + 1,
                                           lp_wizard_test_current_name (window),
                                           suffix != NULL ? suffix : "");
  g_autofree char *path = lp_wizard_test_screenshot (window, name);

  assert_png (path);
}

static void
test_screenshots (gconstpointer data)
{
  const char *language = data;
  LpApplication *app = lp_wizard_test_app_new (language);
  LpWindow *window = lp_wizard_test_get_window (app);
  GtkTextDirection expected = g_str_equal (language, "ar") ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (window)), ==, expected);

  for (guint i = 0; i < lp_window_get_n_steps (window); i++)
    {
      g_assert_true (lp_window_go_to_step (window, lp_step_get_name (lp_window_get_step (window, i))));
      shoot (window, language, NULL);
    }

  /* The identity step as a person sees it after "Next" on an almost empty form. */
  lp_window_go_to_step (window, "identity");
  lp_wizard_test_type (window, "complainant.birth_name", "Dupré");
  lp_wizard_test_type_date (window, "complainant.birth_date", "31", "02", "1984");
  g_assert_false (lp_wizard_test_next (window));
  shoot (window, language, "-errors");
  lp_application_set_high_contrast (app, TRUE);
  shoot (window, language, "-errors-high-contrast");
  lp_application_set_high_contrast (app, FALSE);

  /* The same at 200 % text, filled in, and the contact step for a representative. */
  lp_window_back (window);
  lp_wizard_test_choose (window, "for_whom", "represented");
  lp_window_go_to_step (window, "identity");
  lp_wizard_test_fill_identity (window);
  lp_application_set_text_scale (app, 2.0);
  shoot (window, language, "-200");
  lp_application_set_text_scale (app, 1.0);
  lp_window_go_to_step (window, "contact");
  shoot (window, language, "-representative");

  lp_wizard_test_app_free (app);
}

int
main (int    argc,
      char **argv)
{
  lp_wizard_test_init (&argc, &argv);
  g_test_add_data_func ("/wizard/screenshots/fr", "fr", test_screenshots);
  g_test_add_data_func ("/wizard/screenshots/ar", "ar", test_screenshots);
  return g_test_run ();
}
