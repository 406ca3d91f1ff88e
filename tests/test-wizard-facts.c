/* test-wizard-facts.c — steps 4 to 6 (insurance, what happened since, documents), driven
 * as a person would: the valid path, each kind of invalid field, the NIR masked once
 * entered, back and forth, and the Arabic layout.
 *
 * Run through tests/run-gui-test.sh (Xvfb + D-Bus, GTK_A11Y=test). */
#define G_LOG_DOMAIN "test-wizard-facts"

#include "test-wizard-utils.h"
#include "lp-nir.h"
#include "lp-choice-field.h"
#include "lp-nir-field.h"
#include "lp-step-documents.h"
#include "lp-step-facts.h"
#include "lp-test-utils.h"
#include "lp-text-area-field.h"

#include <glib/gstdio.h>
#include <string.h>

#define VALID_NIR "2 84 05 88 321 025 32"      /* tests/test-nir.c: a valid number */
#define WRONG_KEY_NIR "2 84 05 88 321 025 33"

/* ---- small verbs ------------------------------------------------------------------ */

static void
set_notified (LpWindow *window,
              gboolean  notified)
{
  GtkWidget *check = lp_form_field_get_control (lp_wizard_test_field (window, "facts.notified"));

  g_assert_true (GTK_IS_CHECK_BUTTON (check));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), notified);
}

static LpNirField *
nir_field (LpWindow *window)
{
  LpFormField *field = lp_wizard_test_field (window, "complainant.nir");

  g_assert_true (LP_IS_NIR_FIELD (field));
  return LP_NIR_FIELD (field);
}

static void
type_nir (LpWindow   *window,
          const char *nir)
{
  LpNirField *field = nir_field (window);

  gtk_widget_grab_focus (GTK_WIDGET (lp_nir_field_get_entry (field)));
  gtk_editable_set_text (lp_nir_field_get_entry (field), nir);
  g_assert_true (lp_form_field_get_touched (LP_FORM_FIELD (field)));
}

static void
type_text_area (LpWindow   *window,
                const char *path,
                const char *text)
{
  LpFormField *field = lp_wizard_test_field (window, path);
  GtkTextView *view;

  g_assert_true (LP_IS_TEXT_AREA_FIELD (field));
  view = lp_text_area_field_get_view (LP_TEXT_AREA_FIELD (field));
  gtk_widget_grab_focus (GTK_WIDGET (view));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
  g_assert_true (lp_form_field_get_touched (field));
}

static GtkCheckButton *
consequence_button (LpWindow   *window,
                    const char *id)
{
  GtkWidget *box = lp_form_field_get_control (lp_wizard_test_field (window, "facts.consequences"));

  for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (child), "lp-consequence-id"), id) == 0)
      return GTK_CHECK_BUTTON (child);
  g_error ("no consequence %s", id);
}

static void
assert_blocked_on (LpWindow   *window,
                   const char *path,
                   const char *message_part)
{
  const char *error;

  g_assert_false (lp_wizard_test_next (window));
  error = lp_wizard_test_error (window, path);
  if (error == NULL)
    g_error ("no error under %s", path);
  if (message_part != NULL && strstr (error, message_part) == NULL)
    g_error ("error under %s is “%s”, expected it to contain “%s”", path, error, message_part);
  g_assert_true (gtk_widget_get_visible (lp_window_get_error_summary (window)));
  if (!lp_wizard_test_has_focus (window, path))
    {
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

      g_error ("focus is not in %s but on a %s (%s)", path,
               focus != NULL ? G_OBJECT_TYPE_NAME (focus) : "nothing",
               focus != NULL && gtk_widget_get_ancestor (focus, LP_TYPE_FORM_FIELD) != NULL
               ? lp_form_field_get_path (LP_FORM_FIELD (gtk_widget_get_ancestor (focus, LP_TYPE_FORM_FIELD)))
               : "-");
    }
}

static void
fill_insurance (LpWindow *window)
{
  g_assert_cmpstr (lp_wizard_test_current_name (window), ==, "insurance");
  lp_wizard_test_type (window, "facts.insurer", "Mutuelle Bleue");
  lp_wizard_test_choose (window, "facts.operator", "viamedis");
  set_notified (window, TRUE);
  lp_wizard_test_type_date (window, "facts.notified_on", "3", "02", "2024");
  lp_wizard_test_choose (window, "facts.notification_channel", "courrier");
  lp_wizard_test_type (window, "facts.member_number", "AB 123456");
  type_nir (window, VALID_NIR);
}

static void
fill_facts (LpWindow *window)
{
  g_assert_cmpstr (lp_wizard_test_current_name (window), ==, "facts");
  gtk_check_button_set_active (consequence_button (window, "phishing-sms"), TRUE);
  gtk_check_button_set_active (consequence_button (window, "fake-bank-adviser"), TRUE);
  type_text_area (window, "facts.account", "J’ai reçu un SMS.\nPuis un appel.");
  type_text_area (window, "facts.prejudice.description", "Beaucoup d’inquiétude.");
  lp_wizard_test_type (window, "facts.prejudice.amount_eur", "1 234,56");
}

static LpStepDocuments *
documents_step (LpWindow *window)
{
  g_assert_cmpstr (lp_wizard_test_current_name (window), ==, "documents");
  return LP_STEP_DOCUMENTS (lp_window_get_current_step (window));
}

static void
add_fixture (LpStepDocuments *step,
             const char      *name)
{
  g_autofree char *path = lp_test_data_path (name);
  g_autoptr (GFile) file = g_file_new_for_path (path);

  g_assert_true (lp_step_documents_add_file (step, file));
}

static void
wait_thumbnails (LpStepDocuments *step)
{
  while (lp_step_documents_is_loading (step))
    g_main_context_iteration (NULL, TRUE);
  lp_wizard_test_iterate ();
}

/* ---- step 4 ----------------------------------------------------------------------- */

static void
test_insurance_valid (void)
{
  LpApplication *app = lp_wizard_test_app_new ("en");
  LpWindow *window = lp_wizard_test_get_window (app);
  LpComplaint *complaint = lp_application_get_complaint (app);

  g_assert_true (lp_window_go_to_step (window, "insurance"));
  /* The operators and channels come from the campaign. */
  lp_wizard_test_choose (window, "facts.operator", "unknown");
  lp_wizard_test_choose (window, "facts.notification_channel", "espace-adherent");
  fill_insurance (window);
  g_assert_true (lp_wizard_test_next (window));
  g_assert_cmpstr (lp_wizard_test_current_name (window), ==, "facts");

  g_assert_cmpstr (complaint->facts.insurer, ==, "Mutuelle Bleue");
  g_assert_cmpstr (complaint->facts.operator_id, ==, "viamedis");
  g_assert_true (complaint->facts.notified);
  g_assert_cmpstr (complaint->facts.notified_on, ==, "2024-02-03");
  g_assert_cmpstr (complaint->facts.notification_channel, ==, "courrier");
  g_assert_cmpstr (complaint->facts.member_number, ==, "AB 123456");
  g_assert_cmpstr (complaint->complainant.nir, ==, VALID_NIR);
  lp_wizard_test_app_free (app);
}

static void
test_insurance_invalid (void)
{
  LpApplication *app = lp_wizard_test_app_new ("en");
  LpWindow *window = lp_wizard_test_get_window (app);
  LpComplaint *complaint = lp_application_get_complaint (app);

  g_assert_true (lp_window_go_to_step (window, "insurance"));
  lp_wizard_test_type (window, "facts.insurer", "MGEN");

  /* Not told: the letter is not for this person, and the message says what to do. */
  assert_blocked_on (window, "facts.notified", "told");
  g_assert_null (lp_wizard_test_error (window, "facts.insurer"));
  set_notified (window, TRUE);

  /* A date after today. */
  lp_wizard_test_type_date (window, "facts.notified_on", "1", "01", "2099");
  assert_blocked_on (window, "facts.notified_on", NULL);
  lp_wizard_test_type_date (window, "facts.notified_on", "", "", "");

  /* A wrong key: the error shows when leaving the field, the number stays readable. */
  type_nir (window, WRONG_KEY_NIR);
  lp_wizard_test_leave (window, "complainant.nir");
  g_assert_nonnull (lp_wizard_test_error (window, "complainant.nir"));
  g_assert_false (lp_nir_field_get_masked (nir_field (window)));
  /* The message never quotes the number. */
  g_assert_null (strstr (lp_wizard_test_error (window, "complainant.nir"), "321"));
  assert_blocked_on (window, "complainant.nir", NULL);
  g_free (lp_wizard_test_screenshot (window, "screenshot-facts-insurance-nir-error.png"));

  /* Fixed: nothing blocks, and the empty optional fields are fine. */
  type_nir (window, "");
  g_assert_true (lp_wizard_test_next (window));
  g_assert_cmpstr (complaint->facts.operator_id, ==, "");
  g_assert_cmpstr (complaint->facts.notified_on, ==, "");
  g_assert_cmpstr (complaint->complainant.nir, ==, "");

  /* An empty insurer is an error too. */
  lp_window_back (window);
  lp_wizard_test_type (window, "facts.insurer", "");
  assert_blocked_on (window, "facts.insurer", NULL);
  lp_wizard_test_app_free (app);
}

static void
test_insurance_nir_masked (void)
{
  LpApplication *app = lp_wizard_test_app_new ("en");
  LpWindow *window = lp_wizard_test_get_window (app);
  LpComplaint *complaint = lp_application_get_complaint (app);
  LpNirField *field;
  GtkWidget *focus;
  char normalized[16];
  g_autofree char *mask = NULL;

  g_assert_true (lp_window_go_to_step (window, "insurance"));
  field = nir_field (window);
  type_nir (window, VALID_NIR);
  g_assert_false (lp_nir_field_get_masked (field));
  lp_wizard_test_leave (window, "complainant.nir");

  /* Masked on the screen, whole in the model. */
  g_assert_true (lp_nir_field_get_masked (field));
  g_assert_true (lp_nir_normalize (VALID_NIR, normalized));
  mask = lp_nir_mask (normalized);
  g_assert_cmpstr (lp_nir_field_get_shown_text (field), ==, mask);
  g_assert_null (strstr (lp_nir_field_get_shown_text (field), "321"));
  g_assert_cmpstr (complaint->complainant.nir, ==, VALID_NIR);
  g_assert_null (lp_wizard_test_error (window, "complainant.nir"));
  g_free (lp_wizard_test_screenshot (window, "screenshot-facts-insurance-nir-masked.png"));

  /* Back and forth: still masked, still whole in the model. */
  lp_window_back (window);
  lp_window_go_to_step (window, "insurance");
  field = nir_field (window);
  g_assert_true (lp_nir_field_get_masked (field));
  g_assert_cmpstr (lp_nir_field_get_value (field), ==, VALID_NIR);

  /* "Change" gives the number back to the entry, with the focus. */
  lp_form_field_focus (LP_FORM_FIELD (field));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (GTK_IS_BUTTON (focus));
  for (GtkWidget *w = gtk_widget_get_next_sibling (focus); w != NULL; w = gtk_widget_get_next_sibling (w))
    if (GTK_IS_BUTTON (w) && !GTK_IS_TOGGLE_BUTTON (w))
      g_signal_emit_by_name (w, "clicked");
  lp_wizard_test_iterate ();
  g_assert_false (lp_nir_field_get_masked (field));
  g_assert_cmpstr (gtk_editable_get_text (lp_nir_field_get_entry (field)), ==, VALID_NIR);
  g_assert_true (lp_wizard_test_has_focus (window, "complainant.nir"));
  lp_wizard_test_app_free (app);
}

/* ---- step 5 ----------------------------------------------------------------------- */

static void
test_facts_parse_amount (void)
{
  static const struct { const char *text; gboolean ok; gint64 cents; } cases[] = {
    { "1 234,56", TRUE, 123456 }, { "1234.56", TRUE, 123456 }, { "150", TRUE, 15000 },
    { "150 €", TRUE, 15000 }, { "1\u202f234,5\u00a0€", TRUE, 123450 }, { "0,05", TRUE, 5 },
    { "-20", TRUE, -2000 }, { " 7 ", TRUE, 700 },
    { "", FALSE, 0 }, { "abc", FALSE, 0 }, { "12,3,4", FALSE, 0 }, { "1.234", FALSE, 0 },
    { "€", FALSE, 0 }, { "12 € 5", FALSE, 0 }, { ",5", FALSE, 0 }, { "1e5", FALSE, 0 },
    { "1234567890123456", FALSE, 0 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 cents = -1;

      g_test_message ("amount “%s”", cases[i].text);
      g_assert_cmpint (lp_step_facts_parse_amount (cases[i].text, &cents), ==, cases[i].ok);
      g_assert_cmpint (cents, ==, cases[i].cents);
    }
}

static void
test_facts_valid_and_invalid (void)
{
  LpApplication *app = lp_wizard_test_app_new ("en");
  LpWindow *window = lp_wizard_test_get_window (app);
  LpComplaint *complaint = lp_application_get_complaint (app);

  g_assert_true (lp_window_go_to_step (window, "facts"));
  fill_facts (window);

  /* "Nothing so far" and the others exclude each other. */
  gtk_check_button_set_active (consequence_button (window, "none-yet"), TRUE);
  g_assert_false (gtk_check_button_get_active (consequence_button (window, "phishing-sms")));
  g_assert_false (gtk_check_button_get_active (consequence_button (window, "fake-bank-adviser")));
  gtk_check_button_set_active (consequence_button (window, "phishing-sms"), TRUE);
  g_assert_false (gtk_check_button_get_active (consequence_button (window, "none-yet")));

  /* An amount that is not one, then a negative one (the core's own message). */
  lp_wizard_test_type (window, "facts.prejudice.amount_eur", "douze euros");
  lp_wizard_test_leave (window, "facts.prejudice.amount_eur");
  g_assert_nonnull (lp_wizard_test_error (window, "facts.prejudice.amount_eur"));
  assert_blocked_on (window, "facts.prejudice.amount_eur", "euros");
  g_assert_false (complaint->facts.has_amount);
  lp_wizard_test_type (window, "facts.prejudice.amount_eur", "-20");
  assert_blocked_on (window, "facts.prejudice.amount_eur", "negative");

  lp_wizard_test_type (window, "facts.prejudice.amount_eur", "1 234,56");
  g_assert_true (lp_wizard_test_next (window));
  g_assert_cmpstr (lp_wizard_test_current_name (window), ==, "documents");

  g_assert_cmpuint (complaint->facts.consequences->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (complaint->facts.consequences, 0), ==, "phishing-sms");
  g_assert_cmpstr (complaint->facts.account, ==, "J’ai reçu un SMS.\nPuis un appel.");
  g_assert_cmpstr (complaint->facts.prejudice_description, ==, "Beaucoup d’inquiétude.");
  g_assert_true (complaint->facts.has_amount);
  g_assert_cmpint (complaint->facts.amount_cents, ==, 123456);

  /* An empty amount is no amount. */
  lp_window_back (window);
  lp_wizard_test_type (window, "facts.prejudice.amount_eur", "");
  g_assert_true (lp_wizard_test_next (window));
  g_assert_false (complaint->facts.has_amount);
  lp_wizard_test_app_free (app);
}

/* ---- step 6 ----------------------------------------------------------------------- */

static void
test_documents (void)
{
  LpApplication *app = lp_wizard_test_app_new ("en");
  LpWindow *window = lp_wizard_test_get_window (app);
  LpComplaint *complaint = lp_application_get_complaint (app);
  g_autofree char *dir = g_dir_make_tmp ("lp-test-docs-XXXXXX", NULL);
  g_autofree char *text_path = g_build_filename (dir, "notes.png", NULL);
  g_autoptr (GFile) text_file = g_file_new_for_path (text_path);
  LpStepDocuments *step;

  g_assert_true (g_file_set_contents (text_path, "not a picture\n", -1, NULL));
  g_assert_true (lp_window_go_to_step (window, "documents"));
  step = documents_step (window);

  /* No document: nothing to check, Next goes on. */
  g_assert_cmpuint (lp_step_documents_get_n_rows (step), ==, 0);

  add_fixture (step, "courrier-mutuelle.jpg");
  add_fixture (step, "releve-bancaire.pdf");
  wait_thumbnails (step);
  g_assert_cmpuint (lp_step_documents_get_n_rows (step), ==, 2);
  g_assert_nonnull (lp_step_documents_get_thumbnail (step, 0));
  g_assert_nonnull (lp_step_documents_get_thumbnail (step, 1));
  g_assert_null (lp_wizard_test_error (window, "attachments[0].file"));
  /* The focus waits in the new document's title. */
  g_assert_true (lp_wizard_test_has_focus (window, "attachments[1].title"));

  /* A title is required once the document is there. */
  lp_wizard_test_type (window, "attachments[0].title", "Lettre de ma mutuelle");
  assert_blocked_on (window, "attachments[1].title", NULL);
  lp_wizard_test_type (window, "attachments[1].title", "Relevé bancaire");

  /* A file that is no picture: the core's message under it, at once and on Next. */
  g_assert_true (lp_step_documents_add_file (step, text_file));
  wait_thumbnails (step);
  g_assert_nonnull (lp_wizard_test_error (window, "attachments[2].file"));
  g_assert_null (lp_step_documents_get_thumbnail (step, 2));
  lp_wizard_test_type (window, "attachments[2].title", "Notes");
  assert_blocked_on (window, "attachments[2].file", NULL);
  g_free (lp_wizard_test_screenshot (window, "screenshot-facts-documents-error.png"));

  /* "Remove" is named after the document it removes. */
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (lp_step_documents_get_remove_button (step, 2)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Remove the document “Notes”");
  g_signal_emit_by_name (lp_step_documents_get_remove_button (step, 2), "clicked");
  lp_wizard_test_iterate ();
  g_assert_cmpuint (lp_step_documents_get_n_rows (step), ==, 2);
  g_assert_cmpuint (complaint->attachments->len, ==, 2);

  g_assert_true (lp_wizard_test_next (window));
  g_assert_cmpstr (lp_wizard_test_current_name (window), ==, "review");
  g_assert_cmpstr (((LpAttachment *) g_ptr_array_index (complaint->attachments, 0))->title, ==,
                   "Lettre de ma mutuelle");
  g_assert_cmpstr (((LpAttachment *) g_ptr_array_index (complaint->attachments, 1))->title, ==,
                   "Relevé bancaire");
  g_assert_true (g_str_has_suffix (((LpAttachment *) g_ptr_array_index (complaint->attachments,
                                                                          1))->path,
                                   "releve-bancaire.pdf"));

  g_assert_cmpint (g_remove (text_path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
  lp_wizard_test_app_free (app);
}

/* ---- the three steps together ----------------------------------------------------- */

static void
test_back_and_forth (void)
{
  LpApplication *app = lp_wizard_test_app_new ("en");
  LpWindow *window = lp_wizard_test_get_window (app);
  g_autofree char *account = NULL;
  LpStepDocuments *step;

  g_assert_true (lp_window_go_to_step (window, "insurance"));
  fill_insurance (window);
  g_assert_true (lp_wizard_test_next (window));
  fill_facts (window);
  /* Typed but not an amount: it stays as typed, with its message, going back and forth. */
  lp_wizard_test_type (window, "facts.prejudice.amount_eur", "12,3,4");
  lp_window_back (window);
  lp_window_go_to_step (window, "facts");
  g_assert_cmpstr (lp_form_field_get_text (lp_wizard_test_field (window,
                   "facts.prejudice.amount_eur")), ==, "12,3,4");
  lp_wizard_test_type (window, "facts.prejudice.amount_eur", "1 234,56");
  g_assert_true (lp_wizard_test_next (window));
  step = documents_step (window);
  add_fixture (step, "capture-sms.png");
  wait_thumbnails (step);
  lp_wizard_test_type (window, "attachments[0].title", "Capture du SMS");

  /* Back to step 4 and forward again, without validating. */
  lp_window_back (window);
  lp_window_back (window);
  g_assert_cmpstr (lp_wizard_test_current_name (window), ==, "insurance");
  g_assert_cmpstr (lp_form_field_get_text (lp_wizard_test_field (window, "facts.insurer")), ==,
                   "Mutuelle Bleue");
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (lp_form_field_get_control (
                   lp_wizard_test_field (window, "facts.notified")))));
  g_assert_cmpstr (lp_choice_field_get_active (LP_CHOICE_FIELD (lp_wizard_test_field (window,
                   "facts.operator"))), ==, "viamedis");
  g_assert_cmpstr (lp_choice_field_get_active (LP_CHOICE_FIELD (lp_wizard_test_field (window,
                   "facts.notification_channel"))), ==, "courrier");
  account = lp_date_field_dup_iso (LP_DATE_FIELD (lp_wizard_test_field (window,
                                                                       "facts.notified_on")));
  g_assert_cmpstr (account, ==, "2024-02-03");
  g_clear_pointer (&account, g_free);
  g_assert_cmpstr (lp_nir_field_get_value (nir_field (window)), ==, VALID_NIR);
  g_assert_cmpstr (lp_form_field_get_text (lp_wizard_test_field (window, "facts.member_number")),
                   ==, "AB 123456");

  g_assert_true (lp_wizard_test_next (window));
  g_assert_true (gtk_check_button_get_active (consequence_button (window, "phishing-sms")));
  g_assert_true (gtk_check_button_get_active (consequence_button (window, "fake-bank-adviser")));
  g_assert_false (gtk_check_button_get_active (consequence_button (window, "none-yet")));
  account = lp_text_area_field_dup_text (LP_TEXT_AREA_FIELD (lp_wizard_test_field (window,
                                                                                 "facts.account")));
  g_assert_cmpstr (account, ==, "J’ai reçu un SMS.\nPuis un appel.");
  g_assert_cmpstr (lp_form_field_get_text (lp_wizard_test_field (window,
                   "facts.prejudice.amount_eur")), ==, "1 234,56");

  g_assert_true (lp_wizard_test_next (window));
  step = documents_step (window);
  g_assert_cmpuint (lp_step_documents_get_n_rows (step), ==, 1);
  g_assert_nonnull (lp_step_documents_get_thumbnail (step, 0));
  g_assert_cmpstr (lp_form_field_get_text (lp_wizard_test_field (window, "attachments[0].title")),
                   ==, "Capture du SMS");
  g_assert_true (lp_wizard_test_next (window));
  g_assert_cmpstr (lp_wizard_test_current_name (window), ==, "review");
  lp_wizard_test_app_free (app);
}

/* In Arabic the steps mirror: the start of a row is on the right. */
static void
test_arabic_layout (void)
{
  LpApplication *app = lp_wizard_test_app_new ("ar");
  LpWindow *window = lp_wizard_test_get_window (app);
  LpStepDocuments *step;
  graphene_rect_t file_bounds, remove_bounds;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  g_assert_true (lp_window_go_to_step (window, "insurance"));
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (nir_field (window))), ==,
                   GTK_TEXT_DIR_RTL);
  fill_insurance (window);
  lp_wizard_test_leave (window, "complainant.nir");
  g_assert_true (lp_nir_field_get_masked (nir_field (window)));
  g_assert_true (lp_wizard_test_next (window));

  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (lp_wizard_test_field (window,
                   "facts.account"))), ==, GTK_TEXT_DIR_RTL);
  fill_facts (window);
  g_free (lp_wizard_test_screenshot (window, "screenshot-facts-ar-facts.png"));
  g_assert_true (lp_wizard_test_next (window));

  step = documents_step (window);
  add_fixture (step, "courrier-mutuelle.jpg");
  wait_thumbnails (step);
  lp_wizard_test_wait_drawn (window);
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (lp_wizard_test_field (window,
                                            "attachments[0].file")), GTK_WIDGET (window),
                                            &file_bounds));
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (lp_step_documents_get_remove_button (step, 0)),
                                            GTK_WIDGET (window), &remove_bounds));
  /* "Remove" ends the row: on the left in Arabic. */
  g_assert_cmpfloat (remove_bounds.origin.x + remove_bounds.size.width, <,
                     file_bounds.origin.x + file_bounds.size.width / 2);
  g_free (lp_wizard_test_screenshot (window, "screenshot-facts-ar-documents.png"));
  /* The letter is French: a title in Arabic script is refused by the core, under it. */
  lp_wizard_test_type (window, "attachments[0].title", "رسالة");
  assert_blocked_on (window, "attachments[0].title", NULL);
  lp_wizard_test_type (window, "attachments[0].title", "Lettre de la mutuelle");
  g_assert_true (lp_wizard_test_next (window));
  lp_wizard_test_app_free (app);
}

int
main (int    argc,
      char **argv)
{
  lp_wizard_test_init (&argc, &argv);

  g_test_add_func ("/wizard/insurance/valid", test_insurance_valid);
  g_test_add_func ("/wizard/insurance/invalid", test_insurance_invalid);
  g_test_add_func ("/wizard/insurance/nir-masked", test_insurance_nir_masked);
  g_test_add_func ("/wizard/facts/parse-amount", test_facts_parse_amount);
  g_test_add_func ("/wizard/facts/valid-and-invalid", test_facts_valid_and_invalid);
  g_test_add_func ("/wizard/documents", test_documents);
  g_test_add_func ("/wizard/steps-4-6/back-and-forth", test_back_and_forth);
  g_test_add_func ("/wizard/steps-4-6/arabic", test_arabic_layout);
  return g_test_run ();
}
