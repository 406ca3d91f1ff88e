/* test-wizard.c — the wizard's frame and steps 1 to 3, driven as a person would
 *
 * Run through tests/run-gui-test.sh (Xvfb + D-Bus, GTK_A11Y=test). */
#define G_LOG_DOMAIN "test-wizard"

#include "test-wizard-utils.h"
#include "lp-given-names.h"
#include "lp-language.h"
#include "lp-letter.h"
#include "lp-steps.h"
#include "lp-test-utils.h"

#include <string.h>

/* ---- the frame -------------------------------------------------------------------- */

static void
test_frame_steps (void)
{
  LpApplication *app = lp_wizard_test_app_new ("en");
  LpWindow *window = lp_wizard_test_get_window (app);
  LpStepper *stepper = lp_window_get_stepper (window);

  g_assert_cmpuint (lp_window_get_n_steps (window), ==, 8);
  g_assert_cmpuint (lp_steps_get_count (), ==, 8);
  for (guint i = 0; i < 8; i++)
    {
      LpStep *step = lp_window_get_step (window, i);

      g_assert_cmpstr (lp_step_get_name (step), ==, lp_steps_get (i)->name);
      g_assert_cmpstr (lp_step_get_title (step), ==, lp_steps_get_title (i));
    }

  g_assert_cmpstr (lp_wizard_test_current_name (window), ==, "welcome");
  g_assert_cmpstr (lp_stepper_get_count_text (stepper), ==, "Step 1 of 8");
  g_assert_cmpstr (lp_stepper_get_title (stepper), ==, "Welcome");
  g_assert_cmpstr (lp_stepper_get_next_text (stepper), ==, "Next step: Your identity");

  /* The last step: no next line, no Next button. */
  g_assert_true (lp_window_go_to_step (window, "send"));
  g_assert_cmpstr (lp_stepper_get_count_text (stepper), ==, "Step 8 of 8");
  g_assert_null (lp_stepper_get_next_text (stepper));
  g_assert_false (lp_wizard_test_next (window));
  g_assert_false (lp_window_go_to_step (window, "no-such-step"));

  /* Enter in a field presses the default widget: the Next button. */
  g_assert_true (lp_window_go_to_step (window, "identity"));
  g_assert_true (gtk_widget_get_visible (gtk_window_get_default_widget (GTK_WINDOW (window))));
  g_assert_true (gtk_entry_get_activates_default (
    lp_form_field_get_entry (lp_wizard_test_field (window, "complainant.birth_name"))));
  lp_wizard_test_app_free (app);
}

static void
test_frame_placeholders_pass (void)
{
  LpApplication *app = lp_wizard_test_app_new ("en");
  LpWindow *window = lp_wizard_test_get_window (app);

  /* Back from step 4 goes to step 3 without checking anything. */
  g_assert_true (lp_window_go_to_step (window, "insurance"));
  lp_window_back (window);
  g_assert_cmpstr (lp_wizard_test_current_name (window), ==, "contact");
  g_assert_false (gtk_widget_get_visible (lp_window_get_error_summary (window)));
  lp_wizard_test_app_free (app);
}

/* ---- step 1 ----------------------------------------------------------------------- */

static void
test_welcome_for_whom (void)
{
  LpApplication *app = lp_wizard_test_app_new ("en");
  LpWindow *window = lp_wizard_test_get_window (app);
  LpComplaint *complaint = lp_application_get_complaint (app);

  g_assert_null (complaint->representative);
  g_assert_true (lp_wizard_test_next (window));
  g_assert_cmpstr (lp_wizard_test_current_name (window), ==, "identity");
  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (lp_wizard_test_field (window,
                                                     "representative.birth_name"))));

  lp_window_back (window);
  lp_wizard_test_choose (window, "for_whom", "represented");
  g_assert_true (lp_wizard_test_next (window));
  g_assert_nonnull (complaint->representative);
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (lp_wizard_test_field (window,
                                                    "representative.birth_name"))));
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (lp_wizard_test_field (window,
                                                    "representative.quality"))));

  /* Typed, then "for myself" and back again: the representative's details come back. */
  lp_wizard_test_type (window, "representative.birth_name", "Martin");
  lp_window_back (window);
  lp_wizard_test_choose (window, "for_whom", "myself");
  g_assert_true (lp_wizard_test_next (window));
  g_assert_null (complaint->representative);
  lp_window_back (window);
  lp_wizard_test_choose (window, "for_whom", "represented");
  g_assert_true (lp_wizard_test_next (window));
  g_assert_cmpstr (complaint->representative->birth_name, ==, "Martin");
  lp_wizard_test_app_free (app);
}

/* ---- step 2 ----------------------------------------------------------------------- */

static void
test_identity_valid (void)
{
  LpApplication *app = lp_wizard_test_app_new ("en");
  LpWindow *window = lp_wizard_test_get_window (app);
  LpComplaint *complaint = lp_application_get_complaint (app);

  g_assert_true (lp_wizard_test_next (window));
  lp_wizard_test_fill_identity (window);
  g_assert_true (lp_wizard_test_next (window));
  g_assert_cmpstr (lp_wizard_test_current_name (window), ==, "contact");
  /* A new step starts with the focus on its first field. */
  g_assert_true (lp_wizard_test_has_focus (window, "complainant.address.street"));

  /* The model holds what was typed, byte for byte. */
  g_assert_cmpstr (complaint->complainant.civility, ==, "madame");
  g_assert_cmpstr (complaint->complainant.birth_name, ==, "Dupré");
  g_assert_cmpstr (complaint->complainant.usage_name, ==, "Le Gall-Dupré");
  g_assert_cmpuint (complaint->complainant.given_names->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (complaint->complainant.given_names, 0), ==, "Élodie");
  g_assert_cmpstr (complaint->complainant.birth_date, ==, "1984-12-14");
  g_assert_cmpstr (complaint->complainant.birth_place.commune, ==, "Saint-Étienne");
  g_assert_cmpstr (complaint->complainant.birth_place.department, ==, "42");
  g_assert_cmpstr (complaint->complainant.birth_place.country, ==, "France");
  lp_wizard_test_app_free (app);
}

static void
assert_blocked_on (LpWindow   *window,
                   const char *path,
                   const char *message_part)
{
  const char *error;
  GtkWidget *summary = lp_window_get_error_summary (window);

  g_assert_false (lp_wizard_test_next (window));
  error = lp_wizard_test_error (window, path);
  g_assert_nonnull (error);
  if (message_part != NULL && strstr (error, message_part) == NULL)
    g_error ("error under %s is “%s”, expected it to contain “%s”", path, error, message_part);
  g_assert_true (gtk_widget_get_visible (summary));
  g_assert_cmpuint (lp_window_get_n_summary_errors (window), >=, 1);
  g_assert_true (lp_wizard_test_has_focus (window, path));
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (summary), GTK_ACCESSIBLE_ROLE_ALERT);
}

static void
test_identity_empty (void)
{
  LpApplication *app = lp_wizard_test_app_new ("en");
  LpWindow *window = lp_wizard_test_get_window (app);
  LpFormField *birth_name;
  GtkEntry *entry;
  g_autofree char *description = NULL;

  g_assert_true (lp_wizard_test_next (window));
  g_assert_false (lp_wizard_test_next (window));
  g_assert_cmpstr (lp_wizard_test_current_name (window), ==, "identity");

  /* Birth name, given names, date of birth, place of birth (under the commune). */
  g_assert_cmpuint (lp_window_get_n_summary_errors (window), ==, 4);
  g_assert_cmpstr (lp_window_get_error_heading (window), ==,
                   "There are 4 errors on this step. Correct them to go on:");
  g_assert_nonnull (lp_wizard_test_error (window, "complainant.birth_place.commune"));
  g_assert_true (lp_wizard_test_has_focus (window, "complainant.birth_name"));
  g_assert_nonnull (lp_wizard_test_error (window, "complainant.given_names"));
  g_assert_nonnull (lp_wizard_test_error (window, "complainant.birth_date"));
  g_assert_null (lp_wizard_test_error (window, "complainant.usage_name"));   /* optional */
  g_assert_null (lp_wizard_test_error (window, "complainant.civility"));     /* optional */

  /* The error is the entry's accessible description, after the hint; it is invalid. */
  birth_name = lp_wizard_test_field (window, "complainant.birth_name");
  entry = lp_form_field_get_entry (birth_name);
  description = g_strdup_printf ("%s %s", lp_form_field_get_hint (birth_name),
                                 lp_form_field_get_error (birth_name));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (entry),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (entry),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Birth name");
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID,
                                    GTK_ACCESSIBLE_INVALID_TRUE);

  /* A link of the summary takes the focus to its field. */
  lp_window_activate_summary_link (window, 2);
  g_assert_true (lp_wizard_test_has_focus (window, "complainant.birth_date"));

  /* Fixing everything clears the errors and the summary. */
  lp_wizard_test_fill_identity (window);
  g_assert_true (lp_wizard_test_next (window));
  g_assert_false (gtk_widget_get_visible (lp_window_get_error_summary (window)));
  lp_window_back (window);
  g_assert_null (lp_wizard_test_error (window, "complainant.birth_name"));
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID,
                                    GTK_ACCESSIBLE_INVALID_FALSE);
  lp_wizard_test_app_free (app);
}

typedef struct {
  const char *path;
  const char *value;           /* typed into the field at @path */
  const char *date[3];         /* or a date: day, month, year */
  const char *expected;        /* part of the core's message */
} InvalidCase;

static void
test_identity_invalid_kinds (void)
{
  static const InvalidCase cases[] = {
    { "complainant.birth_name", "Dupr3", { NULL }, "Birth name" },
    { "complainant.usage_name", "Δημήτρης", { NULL }, "Usage name" },
    { "complainant.given_names", "Élodie2", { NULL }, "Given name 1" },
    { "complainant.birth_date", NULL, { "31", "02", "1984" }, "day is invalid" },
    { "complainant.birth_date", NULL, { "", "12", "1984" }, "day is invalid" },
    { "complainant.birth_date", NULL, { "14", "13", "1984" }, "month is invalid" },
    { "complainant.birth_date", NULL, { "14", "12", "84" }, "1900" },
    { "complainant.birth_date", NULL, { "14", "12", "2999" }, "after today" },
    { "complainant.birth_place.department", "100", { NULL }, "Department of birth" },
    { "complainant.birth_place.commune", "", { NULL }, "Commune of birth" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      LpApplication *app = lp_wizard_test_app_new ("en");
      LpWindow *window = lp_wizard_test_get_window (app);

      g_test_message ("case %" G_GSIZE_FORMAT ": %s", i, cases[i].path);
      lp_window_go_to_step (window, "identity");
      lp_wizard_test_fill_identity (window);
      if (cases[i].date[0] != NULL)
        lp_wizard_test_type_date (window, cases[i].path, cases[i].date[0], cases[i].date[1],
                                  cases[i].date[2]);
      else
        lp_wizard_test_type (window, cases[i].path, cases[i].value);
      assert_blocked_on (window, cases[i].path, cases[i].expected);
      g_assert_cmpuint (lp_window_get_n_summary_errors (window), ==, 1);
      lp_wizard_test_app_free (app);
    }
}

static void
test_identity_given_names (void)
{
  LpApplication *app = lp_wizard_test_app_new ("en");
  LpWindow *window = lp_wizard_test_get_window (app);
  LpComplaint *complaint = lp_application_get_complaint (app);
  LpGivenNames *names;

  lp_window_go_to_step (window, "identity");
  lp_wizard_test_fill_identity (window);
  names = LP_GIVEN_NAMES (lp_wizard_test_field (window, "complainant.given_names"));

  /* "Add a given name" adds a box; names are kept in order. */
  gtk_editable_set_text (lp_given_names_add_entry (names), "Marie");
  g_assert_cmpuint (lp_given_names_get_n_entries (names), ==, 2);
  g_assert_true (lp_wizard_test_next (window));
  g_assert_cmpuint (complaint->complainant.given_names->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (complaint->complainant.given_names, 1), ==, "Marie");

  /* "I have no given name" with names typed: the core says which to undo. */
  lp_window_back (window);
  gtk_check_button_set_active (lp_given_names_get_none_button (names), TRUE);
  assert_blocked_on (window, "complainant.given_names", "no given name");

  /* No given name at all, and the box ticked: fine. */
  gtk_editable_set_text (lp_given_names_get_entry (names, 0), "");
  gtk_editable_set_text (lp_given_names_get_entry (names, 1), "");
  g_assert_true (lp_wizard_test_next (window));
  g_assert_true (complaint->complainant.no_given_name);
  g_assert_cmpuint (complaint->complainant.given_names->len, ==, 0);
  lp_wizard_test_app_free (app);
}

static void
test_identity_born_abroad (void)
{
  LpApplication *app = lp_wizard_test_app_new ("en");
  LpWindow *window = lp_wizard_test_get_window (app);
  LpComplaint *complaint = lp_application_get_complaint (app);

  lp_window_go_to_step (window, "identity");
  lp_wizard_test_fill_identity (window);
  lp_wizard_test_choose (window, "complainant.born_where", "abroad");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (lp_wizard_test_field (window,
                                          "complainant.birth_place.department"))));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (lp_wizard_test_field (window,
                                         "complainant.birth_place.country"))));
  lp_wizard_test_type (window, "complainant.birth_place.commune", "Oran");
  lp_wizard_test_type (window, "complainant.birth_place.country", "Algérie");
  g_assert_true (lp_wizard_test_next (window));
  g_assert_cmpstr (complaint->complainant.birth_place.country, ==, "Algérie");
  g_assert_cmpstr (complaint->complainant.birth_place.department, ==, "");
  lp_wizard_test_app_free (app);
}

/* ---- step 3 ----------------------------------------------------------------------- */

static void
test_contact_valid_and_invalid (void)
{
  static const InvalidCase cases[] = {
    { "complainant.address.postal_code", "3400", { NULL }, "Postal code" },
    { "complainant.address.street", "", { NULL }, "Address" },
    { "complainant.address.city", "", { NULL }, "Town or city" },
    { "complainant.phone", "12", { NULL }, "Phone" },
    { "complainant.email", "elodie.example.org", { NULL }, "mail" },
  };
  LpApplication *app;
  LpWindow *window;
  LpComplaint *complaint;

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      app = lp_wizard_test_app_new ("en");
      window = lp_wizard_test_get_window (app);
      g_test_message ("case %" G_GSIZE_FORMAT ": %s", i, cases[i].path);
      lp_window_go_to_step (window, "contact");
      lp_wizard_test_fill_contact (window);
      lp_wizard_test_type (window, cases[i].path, cases[i].value);
      assert_blocked_on (window, cases[i].path, cases[i].expected);
      lp_wizard_test_app_free (app);
    }

  /* International variant: a Belgian address with a 4-digit postal code is fine, and the
   * postal-code hint stops asking for 5 digits. */
  app = lp_wizard_test_app_new ("en");
  window = lp_wizard_test_get_window (app);
  complaint = lp_application_get_complaint (app);
  lp_window_go_to_step (window, "contact");
  lp_wizard_test_fill_contact (window);
  g_assert_cmpstr (lp_form_field_get_hint (lp_wizard_test_field (window,
                   "complainant.address.postal_code")), ==, "Expected format: 5 digits");
  lp_wizard_test_type (window, "complainant.address.country", "Belgique");
  lp_wizard_test_type (window, "complainant.address.postal_code", "1000");
  lp_wizard_test_type (window, "complainant.address.city", "Bruxelles");
  lp_wizard_test_type (window, "complainant.phone", "+32 2 123 45 67");
  g_assert_cmpstr (lp_form_field_get_hint (lp_wizard_test_field (window,
                   "complainant.address.postal_code")), !=, "Expected format: 5 digits");
  g_assert_true (lp_wizard_test_next (window));
  g_assert_cmpstr (complaint->complainant.address.postal_code, ==, "1000");
  g_assert_cmpstr (complaint->complainant.address.country, ==, "Belgique");
  lp_wizard_test_app_free (app);
}

static void
test_contact_represented_phone (void)
{
  LpApplication *app = lp_wizard_test_app_new ("en");
  LpWindow *window = lp_wizard_test_get_window (app);

  lp_wizard_test_choose (window, "for_whom", "represented");
  lp_window_go_to_step (window, "contact");
  g_assert_nonnull (lp_application_get_complaint (app)->representative);
  g_assert_true (lp_form_field_get_optional (lp_wizard_test_field (window, "complainant.phone")));
  lp_wizard_test_fill_contact (window);
  lp_wizard_test_type (window, "complainant.phone", "");
  /* The child needs no phone of their own; the representative's is required. */
  g_assert_true (lp_form_field_get_optional (lp_wizard_test_field (window, "complainant.phone")));
  g_assert_false (lp_wizard_test_next (window));
  g_assert_null (lp_wizard_test_error (window, "complainant.phone"));
  g_assert_nonnull (lp_wizard_test_error (window, "representative.phone"));
  g_assert_nonnull (lp_wizard_test_error (window, "representative.address.street"));
  lp_wizard_test_app_free (app);
}

/* ---- behaviour -------------------------------------------------------------------- */

static void
test_back_and_forth_keeps_data (void)
{
  LpApplication *app = lp_wizard_test_app_new ("en");
  LpWindow *window = lp_wizard_test_get_window (app);

  lp_window_go_to_step (window, "identity");
  lp_wizard_test_fill_identity (window);
  /* Something invalid stays as typed too. */
  lp_wizard_test_type (window, "complainant.profession", "infirmière retraitée");
  g_assert_true (lp_wizard_test_next (window));
  lp_wizard_test_fill_contact (window);
  lp_wizard_test_type (window, "complainant.email", "pas-encore-fini@");
  lp_window_back (window);
  lp_window_back (window);
  g_assert_cmpstr (lp_wizard_test_current_name (window), ==, "welcome");
  g_assert_true (lp_wizard_test_next (window));
  g_assert_cmpstr (lp_form_field_get_text (lp_wizard_test_field (window,
                   "complainant.birth_name")), ==, "Dupré");
  g_assert_cmpstr (lp_form_field_get_text (lp_wizard_test_field (window,
                   "complainant.profession")), ==, "infirmière retraitée");
  {
    g_autofree char *iso = lp_date_field_dup_iso (LP_DATE_FIELD (lp_wizard_test_field (window,
                                                  "complainant.birth_date")));
    g_assert_cmpstr (iso, ==, "1984-12-14");
  }
  g_assert_true (lp_wizard_test_next (window));
  g_assert_cmpstr (lp_form_field_get_text (lp_wizard_test_field (window, "complainant.email")),
                   ==, "pas-encore-fini@");
  g_assert_cmpstr (lp_form_field_get_text (lp_wizard_test_field (window,
                   "complainant.address.city")), ==, "Montpellier");
  lp_wizard_test_app_free (app);
}

static void
test_validate_on_leaving_field (void)
{
  LpApplication *app = lp_wizard_test_app_new ("en");
  LpWindow *window = lp_wizard_test_get_window (app);

  lp_window_go_to_step (window, "contact");
  /* An untouched field stays quiet when the focus passes through it. */
  lp_wizard_test_leave (window, "complainant.address.street");
  g_assert_null (lp_wizard_test_error (window, "complainant.address.street"));

  lp_wizard_test_type (window, "complainant.phone", "12");
  lp_wizard_test_leave (window, "complainant.phone");
  g_assert_nonnull (lp_wizard_test_error (window, "complainant.phone"));
  /* Other fields were not judged yet. */
  g_assert_null (lp_wizard_test_error (window, "complainant.address.street"));

  lp_wizard_test_type (window, "complainant.phone", "06 12 34 56 78");
  lp_wizard_test_leave (window, "complainant.phone");
  g_assert_null (lp_wizard_test_error (window, "complainant.phone"));
  lp_wizard_test_app_free (app);
}

static void
test_arabic_mirrors_letter_stays_french (void)
{
  LpApplication *app = lp_wizard_test_app_new ("en");
  LpWindow *window = lp_wizard_test_get_window (app);
  LpComplaint *complaint = lp_application_get_complaint (app);
  g_autoptr (LpCampaign) campaign = lp_test_load_campaign ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) pdf = NULL;
  g_autofree char *text = NULL;

  lp_window_go_to_step (window, "identity");
  lp_wizard_test_fill_identity (window);
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (window)), ==, GTK_TEXT_DIR_LTR);

  /* The language button of the welcome step, as a click would. */
  lp_application_set_language (app, "ar");
  lp_wizard_test_iterate ();
  window = lp_wizard_test_get_window (app);
  lp_wizard_test_wait_drawn (window);
  g_assert_cmpstr (lp_language_get_current (), ==, "ar");
  g_assert_cmpint (gtk_widget_get_default_direction (), ==, GTK_TEXT_DIR_RTL);
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (window)), ==, GTK_TEXT_DIR_RTL);
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (lp_wizard_test_field (window,
                   "complainant.birth_name"))), ==, GTK_TEXT_DIR_RTL);
  /* Same step, nothing lost. */
  g_assert_cmpstr (lp_wizard_test_current_name (window), ==, "identity");
  g_assert_cmpstr (lp_form_field_get_text (lp_wizard_test_field (window,
                   "complainant.birth_name")), ==, "Dupré");

  /* The letter made from the model stays French whatever the screens speak. */
  g_assert_true (lp_wizard_test_next (window));
  lp_wizard_test_fill_contact (window);
  lp_window_store (window);
  pdf = lp_letter_render (complaint, campaign, &error);
  g_assert_no_error (error);
  text = lp_test_pdf_to_text (pdf, FALSE);
  g_assert_nonnull (strstr (text, "plainte"));
  g_assert_nonnull (strstr (text, "Dupré"));

  lp_application_set_language (app, "en");
  lp_wizard_test_iterate ();
  g_assert_cmpint (gtk_widget_get_default_direction (), ==, GTK_TEXT_DIR_LTR);
  lp_wizard_test_app_free (app);
}

static void
test_text_size_and_contrast (void)
{
  LpApplication *app = lp_wizard_test_app_new ("en");
  LpWindow *window = lp_wizard_test_get_window (app);
  GtkSettings *settings = gtk_settings_get_default ();
  int dpi_before, dpi_after, min_width;

  g_object_get (settings, "gtk-xft-dpi", &dpi_before, NULL);
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "text-smaller"));
  g_action_group_activate_action (G_ACTION_GROUP (app), "text-bigger", NULL);
  g_object_get (settings, "gtk-xft-dpi", &dpi_after, NULL);
  g_assert_cmpint (dpi_after, >, dpi_before);
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "text-smaller"));

  /* At 200 % the widest step still fits a 1280 px screen (no horizontal scrolling). */
  lp_application_set_text_scale (app, 2.0);
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "text-bigger"));
  for (guint i = 0; i < 3; i++)
    {
      lp_window_go_to_step (window, lp_step_get_name (lp_window_get_step (window, i)));
      lp_wizard_test_wait_drawn (window);
      gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL,
                          NULL, NULL);
      g_assert_cmpint (min_width, <=, 1280);
    }
  lp_application_set_text_scale (app, 1.0);

  g_assert_false (lp_application_get_high_contrast (app));
  g_action_group_change_action_state (G_ACTION_GROUP (app), "high-contrast",
                                      g_variant_new_boolean (TRUE));
  g_assert_true (lp_application_get_high_contrast (app));
  g_action_group_change_action_state (G_ACTION_GROUP (app), "high-contrast",
                                      g_variant_new_boolean (FALSE));
  g_assert_false (lp_application_get_high_contrast (app));
  lp_wizard_test_app_free (app);
}

int
main (int    argc,
      char **argv)
{
  lp_wizard_test_init (&argc, &argv);

  g_test_add_func ("/wizard/frame/steps", test_frame_steps);
  g_test_add_func ("/wizard/frame/placeholders", test_frame_placeholders_pass);
  g_test_add_func ("/wizard/welcome/for-whom", test_welcome_for_whom);
  g_test_add_func ("/wizard/identity/valid", test_identity_valid);
  g_test_add_func ("/wizard/identity/empty", test_identity_empty);
  g_test_add_func ("/wizard/identity/invalid-kinds", test_identity_invalid_kinds);
  g_test_add_func ("/wizard/identity/given-names", test_identity_given_names);
  g_test_add_func ("/wizard/identity/born-abroad", test_identity_born_abroad);
  g_test_add_func ("/wizard/contact/valid-and-invalid", test_contact_valid_and_invalid);
  g_test_add_func ("/wizard/contact/represented-phone", test_contact_represented_phone);
  g_test_add_func ("/wizard/back-and-forth", test_back_and_forth_keeps_data);
  g_test_add_func ("/wizard/validate-on-leave", test_validate_on_leaving_field);
  g_test_add_func ("/wizard/arabic", test_arabic_mirrors_letter_stays_french);
  g_test_add_func ("/wizard/text-size-and-contrast", test_text_size_and_contrast);
  return g_test_run ();
}
