/* test-wizard-review.c — steps 7 (review) and 8 (send): every answer shown, "Change" links,
 * remaining problems blocking "Next", the masked NIR, place and date prefilled, the drawn
 * signature, the preview of the real letter, saving the PDF and printing it to a file, the
 * Arabic layout; and screenshots of both steps filled in. */
#define G_LOG_DOMAIN "test-wizard-review"

#include "test-wizard-utils.h"
#include "lp-nir.h"
#include "lp-secure.h"
#include "lp-step-review.h"
#include "lp-step-send.h"
#include "lp-test-utils.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

/* Long enough for a slow CI machine; a hang fails instead of blocking forever. */
#define WAIT_TIMEOUT_S 60

static char *runtime_dir;

/* Puts the complaint of tests/data/@name into the session, as if the person had typed it. */
static void
load_into_session (LpApplication *app,
                   const char    *name)
{
  LpComplaint *session = lp_application_get_complaint (app);
  LpComplaint *loaded = lp_test_load_complaint (name);
  LpComplaint swap = *session;

  *session = *loaded;
  *loaded = swap;
  lp_complaint_free (loaded);
}

static LpStepReview *
show_review (LpWindow *window)
{
  g_assert_true (lp_window_go_to_step (window, "review"));
  lp_wizard_test_wait_drawn (window);
  return LP_STEP_REVIEW (lp_window_get_current_step (window));
}

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Spins the main loop until *@flag is set. */
static void
wait_for_flag (const gboolean *flag)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (WAIT_TIMEOUT_S, timeout_cb, &timed_out);

  while (!*flag && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
}

static void
wait_for_preview (LpStepReview *review)
{
  LpPdfPreview *preview = lp_step_review_get_preview (review);
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (WAIT_TIMEOUT_S, timeout_cb, &timed_out);

  while ((lp_pdf_preview_get_loading (preview) || lp_pdf_preview_get_n_pages (preview) == 0)
         && !timed_out)
    {
      if (!lp_pdf_preview_get_loading (preview) && lp_pdf_preview_get_n_pages (preview) == 0)
        g_error ("the preview failed: %s", lp_pdf_preview_get_message (preview));
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_false (timed_out);
  g_source_remove (id);
}

/* ---- Review ------------------------------------------------------------------------------ */

static void
test_review_lists_answers (void)
{
  LpApplication *app = lp_wizard_test_app_new ("en");
  LpWindow *window = lp_wizard_test_get_window (app);
  LpStepReview *review;
  g_autofree char *text = NULL;
  static const char * const expected[] = {
    "Civility: Madame", "Birth name: Dupré", "Given names: Élodie Marie",
    "Date of birth: 14/12/1984", "Place of birth: Lyon (69), France",
    "12 rue des Lilas\n69003 Lyon\nFrance", "Phone number: 06 12 34 56 78",
    "Health insurer or mutuelle: Harmonie Mutuelle", "Viamedis", "Date you were told: 08/02/2024",
    "In your own words: Depuis le courrier de ma mutuelle", "Attached: No document",
  };

  load_into_session (app, "complaint-typical.json");
  review = show_review (window);
  text = lp_step_review_dup_answers_text (review);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (strstr (text, expected[i]) == NULL)
      g_error ("the review does not show “%s”:\n%s", expected[i], text);
  /* No representative: no group for one. */
  g_assert_null (lp_step_review_get_change_button (review, "representative"));
  g_assert_null (strstr (text, "legal representative"));

  /* A complete complaint has nothing to correct: "Next" goes on. */
  g_assert_cmpuint (lp_step_review_get_n_errors (review), ==, 0);
  g_assert_true (lp_wizard_test_next (window));
  g_assert_cmpstr (lp_wizard_test_current_name (window), ==, "send");

  lp_wizard_test_app_free (app);
}

static void
test_review_masks_nir (void)
{
  LpApplication *app = lp_wizard_test_app_new ("en");
  LpWindow *window = lp_wizard_test_get_window (app);
  LpComplaint *complaint = lp_application_get_complaint (app);
  const char *body = "2841269123456";
  g_autofree char *nir = g_strdup_printf ("%s%02u", body, lp_nir_compute_key (body));
  g_autofree char *masked = lp_nir_mask (nir);
  g_autofree char *text = NULL;

  load_into_session (app, "complaint-typical.json");
  lp_secure_set_string (&complaint->complainant.nir, nir);
  text = lp_step_review_dup_answers_text (show_review (window));
  g_assert_nonnull (strstr (text, masked));
  g_assert_null (strstr (text, body));
  g_assert_null (strstr (text, "69 123"));
  g_assert_null (strstr (text, "123456"));

  lp_wizard_test_app_free (app);
}

static void
test_review_change_buttons (void)
{
  LpApplication *app = lp_wizard_test_app_new ("en");
  LpWindow *window = lp_wizard_test_get_window (app);
  static const struct { const char *group, *step, *name; } groups[] = {
    { "identity", "identity", "Change the identity" },
    { "contact", "contact", "Change the contact details" },
    { "insurance", "insurance", "Change the health insurance" },
    { "facts", "facts", "Change what happened since" },
    { "documents", "documents", "Change the documents" },
  };

  load_into_session (app, "complaint-typical.json");
  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      LpStepReview *review = show_review (window);
      GtkWidget *button = lp_step_review_get_change_button (review, groups[i].group);

      g_assert_nonnull (button);
      gtk_test_accessible_assert_role (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_ROLE_BUTTON);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button),
                                           GTK_ACCESSIBLE_PROPERTY_LABEL, groups[i].name);
      g_signal_emit_by_name (button, "clicked");
      lp_wizard_test_iterate ();
      g_assert_cmpstr (lp_wizard_test_current_name (window), ==, groups[i].step);
    }

  /* With a representative, their group appears and goes to the identity step. */
  lp_application_get_complaint (app)->representative = lp_person_new ();
  {
    LpStepReview *review = show_review (window);
    GtkWidget *button = lp_step_review_get_change_button (review, "representative");

    g_assert_nonnull (button);
    g_signal_emit_by_name (button, "clicked");
    lp_wizard_test_iterate ();
    g_assert_cmpstr (lp_wizard_test_current_name (window), ==, "identity");
  }

  lp_wizard_test_app_free (app);
}

static void
test_review_errors_block_next (void)
{
  LpApplication *app = lp_wizard_test_app_new ("en");
  LpWindow *window = lp_wizard_test_get_window (app);
  LpComplaint *complaint = lp_application_get_complaint (app);
  LpStepReview *review;
  gboolean saw_identity = FALSE, saw_contact = FALSE;

  load_into_session (app, "complaint-typical.json");
  lp_secure_set_string (&complaint->complainant.birth_name, "");
  lp_secure_set_string (&complaint->complainant.phone, "");
  review = show_review (window);

  g_assert_cmpuint (lp_step_review_get_n_errors (review), ==, 2);
  for (guint i = 0; i < lp_step_review_get_n_problems (review); i++)
    {
      saw_identity |= g_strcmp0 (lp_step_review_get_problem_step (review, i), "identity") == 0;
      saw_contact |= g_strcmp0 (lp_step_review_get_problem_step (review, i), "contact") == 0;
    }
  g_assert_true (saw_identity);
  g_assert_true (saw_contact);
  /* Each problem is shown with the core validator's message. */
  g_assert_nonnull (lp_form_field_get_error (lp_step_find_field (LP_STEP (review),
                                                                 "complainant.birth_name")));
  g_assert_nonnull (lp_form_field_get_error (lp_step_find_field (LP_STEP (review),
                                                                 "complainant.phone")));

  /* "Next" stays, with the summary listing both. */
  g_assert_false (lp_wizard_test_next (window));
  g_assert_cmpstr (lp_wizard_test_current_name (window), ==, "review");
  g_assert_true (gtk_widget_get_visible (lp_window_get_error_summary (window)));
  g_assert_cmpuint (lp_window_get_n_summary_errors (window), ==, 2);

  /* Correcting them elsewhere clears the review. */
  lp_secure_set_string (&complaint->complainant.birth_name, "Dupré");
  lp_secure_set_string (&complaint->complainant.phone, "06 12 34 56 78");
  review = show_review (window);
  g_assert_cmpuint (lp_step_review_get_n_errors (review), ==, 0);
  g_assert_true (lp_wizard_test_next (window));

  lp_wizard_test_app_free (app);
}

static void
test_review_prefills_place_and_date (void)
{
  LpApplication *app = lp_wizard_test_app_new ("en");
  LpWindow *window = lp_wizard_test_get_window (app);
  LpComplaint *complaint = lp_application_get_complaint (app);
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *shown = NULL;

  load_into_session (app, "complaint-typical.json");
  lp_secure_set_string (&complaint->signature_place, "");
  lp_secure_set_string (&complaint->signature_date, "");
  show_review (window);

  g_assert_cmpstr (lp_form_field_get_text (lp_wizard_test_field (window, "signature.place")), ==,
                   "Lyon");
  shown = lp_date_field_dup_iso (LP_DATE_FIELD (lp_wizard_test_field (window, "signature.date")));
  g_assert_cmpstr (shown, ==, today);
  /* Into the model at once: the preview and the checks use them. */
  g_assert_cmpstr (complaint->signature_place, ==, "Lyon");
  g_assert_cmpstr (complaint->signature_date, ==, today);

  /* What the person typed is kept, never replaced by the prefill. */
  lp_wizard_test_type (window, "signature.place", "Villeurbanne");
  lp_window_go_to_step (window, "facts");
  show_review (window);
  g_assert_cmpstr (lp_form_field_get_text (lp_wizard_test_field (window, "signature.place")), ==,
                   "Villeurbanne");

  /* An empty place is an error of this step, under its field. */
  lp_wizard_test_type (window, "signature.place", "");
  g_assert_false (lp_wizard_test_next (window));
  g_assert_nonnull (lp_wizard_test_error (window, "signature.place"));

  lp_wizard_test_app_free (app);
}

static void
draw_signature (LpSignaturePad *pad)
{
  lp_signature_pad_begin_stroke (pad, 40, 150);
  for (int i = 1; i <= 40; i++)
    lp_signature_pad_extend_stroke (pad, 40 + i * 12, (i / 5) % 2 == 0 ? 150 - (i % 5) * 15 : 90 + (i % 5) * 15);
  lp_signature_pad_end_stroke (pad);
}

static void
test_review_signature (void)
{
  LpApplication *app = lp_wizard_test_app_new ("en");
  LpWindow *window = lp_wizard_test_get_window (app);
  LpComplaint *complaint = lp_application_get_complaint (app);
  LpStepReview *review;
  LpSignaturePad *pad;
  g_autoptr (GdkPixbufLoader) loader = gdk_pixbuf_loader_new_with_type ("png", NULL);
  g_autoptr (GError) error = NULL;
  GdkPixbuf *pixbuf;
  gboolean has_ink = FALSE;

  load_into_session (app, "complaint-typical.json");
  review = show_review (window);
  pad = lp_step_review_get_signature_pad (review);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (pad), GTK_ACCESSIBLE_ROLE_IMG);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (pad), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Signature area");
  /* Keyboard users go past it. */
  g_assert_false (gtk_widget_get_focusable (GTK_WIDGET (pad)));
  g_assert_true (lp_signature_pad_is_empty (pad));
  g_assert_null (complaint->signature_png);

  draw_signature (pad);
  g_assert_false (lp_signature_pad_is_empty (pad));
  g_assert_nonnull (complaint->signature_png);
  /* Small: the letter's box is 62 × 24 mm. */
  g_assert_cmpuint (g_bytes_get_size (complaint->signature_png), <, 40 * 1024);

  g_assert_true (gdk_pixbuf_loader_write_bytes (loader, complaint->signature_png, &error));
  g_assert_no_error (error);
  g_assert_true (gdk_pixbuf_loader_close (loader, &error));
  g_assert_no_error (error);
  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, LP_SIGNATURE_PNG_WIDTH);
  g_assert_cmpint (gdk_pixbuf_get_height (pixbuf), ==, LP_SIGNATURE_PNG_HEIGHT);
  g_assert_false (gdk_pixbuf_get_has_alpha (pixbuf));   /* flattened on white */
  for (int y = 0; y < gdk_pixbuf_get_height (pixbuf) && !has_ink; y++)
    {
      const guint8 *row = gdk_pixbuf_read_pixels (pixbuf) + y * gdk_pixbuf_get_rowstride (pixbuf);

      for (int x = 0; x < gdk_pixbuf_get_width (pixbuf); x++)
        if (row[x * 3] < 128 && row[x * 3 + 2] > row[x * 3])   /* dark blue ink */
          has_ink = TRUE;
    }
  g_assert_true (has_ink);

  /* It reaches the letter: the preview is made again with it. */
  wait_for_preview (review);

  /* Back and forth keeps it, byte for byte. */
  {
    g_autoptr (GBytes) before = g_bytes_ref (complaint->signature_png);

    lp_window_go_to_step (window, "documents");
    show_review (window);
    g_assert_nonnull (complaint->signature_png);
    g_assert_true (g_bytes_equal (before, complaint->signature_png));
    g_assert_false (lp_signature_pad_is_empty (lp_step_review_get_signature_pad (review)));
  }

  /* "Clear" empties the pad and the model. */
  g_signal_emit_by_name (lp_step_review_get_clear_button (review), "clicked");
  g_assert_true (lp_signature_pad_is_empty (pad));
  g_assert_null (complaint->signature_png);
  g_assert_true (lp_wizard_test_next (window));
  g_assert_null (complaint->signature_png);

  lp_wizard_test_app_free (app);
}

/* The drag gesture itself, as a mouse or a finger drives it. */
static void
test_review_signature_gesture (void)
{
  LpSignaturePad *pad = LP_SIGNATURE_PAD (g_object_ref_sink (lp_signature_pad_new ()));
  GtkEventController *drag = NULL;
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (pad));
  guint changed = 0;
  g_autoptr (GBytes) png = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_DRAG (controller))
        drag = GTK_EVENT_CONTROLLER (controller);
    }
  g_assert_nonnull (drag);
  g_signal_connect_swapped (pad, "changed", G_CALLBACK (g_atomic_int_inc), &changed);

  g_signal_emit_by_name (drag, "drag-begin", 100.0, 100.0);
  g_signal_emit_by_name (drag, "drag-update", 50.0, 20.0);
  g_signal_emit_by_name (drag, "drag-update", 120.0, -30.0);
  g_signal_emit_by_name (drag, "drag-end", 120.0, -30.0);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_false (lp_signature_pad_is_empty (pad));
  png = lp_signature_pad_get_png (pad);
  g_assert_nonnull (png);
  g_assert_cmpmem (g_bytes_get_data (png, NULL), 4, "\x89PNG", 4);

  lp_signature_pad_clear (pad);
  g_assert_cmpuint (changed, ==, 2);
  g_assert_true (lp_signature_pad_is_empty (pad));
  g_assert_null (lp_signature_pad_get_png (pad));
  g_object_unref (pad);
}

static void
test_review_preview (void)
{
  LpApplication *app = lp_wizard_test_app_new ("en");
  LpWindow *window = lp_wizard_test_get_window (app);
  LpStepReview *review;

  load_into_session (app, "complaint-typical.json");
  /* Never made in the interface's thread: right after showing the step, before the main
   * loop runs again, the spinner is there and no page yet. */
  g_assert_true (lp_window_go_to_step (window, "review"));
  review = LP_STEP_REVIEW (lp_window_get_current_step (window));
  g_assert_true (lp_pdf_preview_get_loading (lp_step_review_get_preview (review)));
  g_assert_cmpuint (lp_pdf_preview_get_n_pages (lp_step_review_get_preview (review)), ==, 0);
  wait_for_preview (review);
  g_assert_cmpuint (lp_pdf_preview_get_n_pages (lp_step_review_get_preview (review)), >, 0);

  /* Shown again: a new preview, the old one cancelled without harm. */
  lp_window_go_to_step (window, "documents");
  review = show_review (window);
  lp_window_go_to_step (window, "documents");
  review = show_review (window);
  wait_for_preview (review);
  g_assert_cmpuint (lp_pdf_preview_get_n_pages (lp_step_review_get_preview (review)), >, 0);

  lp_wizard_test_app_free (app);
}

/* ---- Send -------------------------------------------------------------------------------- */

static void
async_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GBytes *
read_file_bytes (const char *path)
{
  g_autoptr (GError) error = NULL;
  char *data = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &data, &length, &error));
  g_assert_no_error (error);
  return g_bytes_new_take (data, length);
}

static void
assert_letter_pdf (const char *path,
                   const char *expected_text)
{
  g_autoptr (GBytes) pdf = read_file_bytes (path);
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;

  g_assert_cmpuint (g_bytes_get_size (pdf), >, 5);
  g_assert_cmpmem (g_bytes_get_data (pdf, NULL), 5, "%PDF-", 5);
  text = lp_test_pdf_to_text (pdf, FALSE);
  squeezed = lp_test_squeeze_space (text);
  if (strstr (squeezed, expected_text) == NULL)
    g_error ("“%s” is not in %s:\n%s", expected_text, path, squeezed);
}

static LpStepSend *
show_send (LpApplication *app)
{
  LpWindow *window = lp_wizard_test_get_window (app);

  load_into_session (app, "complaint-typical.json");
  g_assert_true (lp_window_go_to_step (window, "send"));
  lp_wizard_test_wait_drawn (window);
  return LP_STEP_SEND (lp_window_get_current_step (window));
}

static void
test_send_save_pdf (void)
{
  LpApplication *app = lp_wizard_test_app_new ("en");
  LpStepSend *send = show_send (app);
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lp-save-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "lettre-plainte.pdf", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GAsyncResult) result = NULL;
  GStatBuf st;

  g_assert_no_error (error);
  g_assert_null (lp_step_send_get_status (send));
  lp_step_send_save_pdf (send, file, async_done_cb, &result);
  wait_for_flag ((gboolean *) &result);
  g_assert_true (lp_step_send_save_pdf_finish (send, result, &error));
  g_assert_no_error (error);

  assert_letter_pdf (path, "Dupré");
  /* Private to the person. */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  /* A clear confirmation naming the file. */
  g_assert_nonnull (lp_step_send_get_status (send));
  g_assert_false (lp_step_send_get_status_is_error (send));
  g_assert_nonnull (strstr (lp_step_send_get_status (send), path));

  /* A place that cannot be written: a plain error, shown. */
  {
    g_autoptr (GFile) bad = g_file_new_for_path ("/nonexistent-directory/lettre.pdf");
    g_autoptr (GAsyncResult) failed = NULL;

    lp_step_send_save_pdf (send, bad, async_done_cb, &failed);
    wait_for_flag ((gboolean *) &failed);
    g_assert_false (lp_step_send_save_pdf_finish (send, failed, NULL));
    g_assert_true (lp_step_send_get_status_is_error (send));
  }

  g_unlink (path);
  g_rmdir (dir);
  lp_wizard_test_app_free (app);
}

static gboolean
find_file_printer_cb (GtkPrinter *printer,
                      gpointer    user_data)
{
  GtkPrinter **found = user_data;

  /* The "Print to File" backend: virtual, and it takes PDF as it is. */
  if (*found == NULL && gtk_printer_is_virtual (printer) && gtk_printer_accepts_pdf (printer)
      && g_strcmp0 (gtk_printer_get_name (printer), "Print to File") == 0)
    *found = g_object_ref (printer);
  return FALSE;
}

static void
test_send_print_to_file (void)
{
  LpApplication *app = lp_wizard_test_app_new ("en");
  LpStepSend *send = show_send (app);
  g_autoptr (GError) error = NULL;
  g_autoptr (GtkPrinter) printer = NULL;
  g_autoptr (GtkPrintSettings) settings = gtk_print_settings_new ();
  g_autofree char *dir = g_dir_make_tmp ("lp-print-XXXXXX", &error);
  g_autofree char *letter = g_build_filename (dir, "lettre.pdf", NULL);
  g_autofree char *cover = g_build_filename (dir, "lettre-envoi.pdf", NULL);
  g_autofree char *uri = g_filename_to_uri (letter, NULL, NULL);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GDir) leftovers = NULL;

  g_assert_no_error (error);
  gtk_enumerate_printers (find_file_printer_cb, &printer, NULL, TRUE);
  g_assert_nonnull (printer);
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_URI, uri);
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT, "pdf");

  lp_step_send_print (send, printer, settings, NULL, async_done_cb, &result);
  wait_for_flag ((gboolean *) &result);
  g_assert_true (lp_step_send_print_finish (send, result, &error));
  g_assert_no_error (error);

  assert_letter_pdf (letter, "Dupré");
  assert_letter_pdf (cover, "recommandée");
  g_assert_false (lp_step_send_get_status_is_error (send));
  g_assert_nonnull (strstr (lp_step_send_get_status (send), "Print to File"));

  /* The temporary copies under the runtime directory are gone. */
  leftovers = g_dir_open (runtime_dir, 0, &error);
  g_assert_no_error (error);
  g_assert_null (g_dir_read_name (leftovers));

  g_unlink (letter);
  g_unlink (cover);
  g_rmdir (dir);
  lp_wizard_test_app_free (app);
}

/* Every label's text under @widget, one per line. */
static void
collect_labels (GtkWidget *widget,
                GString   *out)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, out);
}

static void
test_send_shows_routes (void)
{
  LpApplication *app = lp_wizard_test_app_new ("en");
  LpStepSend *send = show_send (app);
  LpCampaign *campaign = lp_application_get_campaign (app);
  g_autofree char *postal = g_strjoinv ("\n", campaign->postal_recipient);
  g_autoptr (GString) text = g_string_new (NULL);

  collect_labels (GTK_WIDGET (send), text);
  g_assert_nonnull (strstr (text->str, "Save the letter (PDF)"));
  g_assert_nonnull (strstr (text->str, "Print the letter"));
  g_assert_nonnull (strstr (text->str, campaign->recipient_email));
  g_assert_nonnull (strstr (text->str, postal));
  g_assert_nonnull (strstr (text->str, "lettre recommandée avec accusé de réception"));
  g_assert_null (lp_step_send_get_status (send));

  lp_wizard_test_app_free (app);
}

/* ---- Arabic and screenshots -------------------------------------------------------------- */

static void
scroll_to (LpWindow  *window,
           GtkWidget *widget)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *content;
  graphene_rect_t bounds;

  /* The preview has its own scroller: the page's is the outer one. */
  while (gtk_widget_get_ancestor (gtk_widget_get_parent (scroller), GTK_TYPE_SCROLLED_WINDOW) != NULL)
    scroller = gtk_widget_get_ancestor (gtk_widget_get_parent (scroller), GTK_TYPE_SCROLLED_WINDOW);
  content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller));
  lp_wizard_test_wait_drawn (window);
  g_assert_true (gtk_widget_compute_bounds (widget, content, &bounds));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)),
                            bounds.origin.y - 16);
  /* Once more after a frame: the page may have grown (the preview's pages came in). */
  lp_wizard_test_wait_drawn (window);
  g_assert_true (gtk_widget_compute_bounds (widget, content, &bounds));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)),
                            bounds.origin.y - 16);
}

static void
shoot (LpWindow   *window,
       const char *name)
{
  g_autofree char *path = lp_wizard_test_screenshot (window, name);

  g_test_message ("wrote %s", path);
}

static void
test_review_layout (gconstpointer data)
{
  const char *language = data;
  gboolean rtl = g_str_equal (language, "ar");
  LpApplication *app = lp_wizard_test_app_new (language);
  LpWindow *window = lp_wizard_test_get_window (app);
  LpStepReview *review;
  GtkWidget *button, *card;
  graphene_rect_t button_bounds, card_bounds;
  g_autofree char *name = NULL;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  load_into_session (app, "complaint-typical.json");
  lp_secure_set_string (&lp_application_get_complaint (app)->complainant.phone, "");
  review = show_review (window);
  draw_signature (lp_step_review_get_signature_pad (review));
  wait_for_preview (review);

  /* The "Change" button sits at the end of its heading's line: right in French, left in
   * Arabic. */
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (review)), ==,
                   rtl ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);
  button = lp_step_review_get_change_button (review, "identity");
  card = gtk_widget_get_parent (gtk_widget_get_parent (button));
  lp_wizard_test_wait_drawn (window);
  g_assert_true (gtk_widget_compute_bounds (button, card, &button_bounds));
  g_assert_true (gtk_widget_compute_bounds (card, card, &card_bounds));
  if (rtl)
    g_assert_cmpfloat (button_bounds.origin.x + button_bounds.size.width / 2, <,
                       card_bounds.size.width / 2);
  else
    g_assert_cmpfloat (button_bounds.origin.x + button_bounds.size.width / 2, >,
                       card_bounds.size.width / 2);

  name = g_strdup_printf ("screenshot-%s-7-review-filled.png", language);
  shoot (window, name);
  g_free (name);
  scroll_to (window, button);
  name = g_strdup_printf ("screenshot-%s-7-review-answers.png", language);
  shoot (window, name);
  g_free (name);
  scroll_to (window, GTK_WIDGET (lp_step_find_field (LP_STEP (review), "signature.place")));
  name = g_strdup_printf ("screenshot-%s-7-review-signing.png", language);
  shoot (window, name);
  g_free (name);
  scroll_to (window, GTK_WIDGET (lp_step_review_get_preview (review)));
  name = g_strdup_printf ("screenshot-%s-7-review-preview.png", language);
  shoot (window, name);
  g_free (name);

  lp_secure_set_string (&lp_application_get_complaint (app)->complainant.phone, "0612345678");
  g_assert_true (lp_window_go_to_step (window, "send"));
  scroll_to (window, gtk_widget_get_first_child (GTK_WIDGET (lp_window_get_current_step (window))));
  name = g_strdup_printf ("screenshot-%s-8-send-top.png", language);
  shoot (window, name);
  g_free (name);
  lp_step_send_save_pdf (LP_STEP_SEND (lp_window_get_current_step (window)),
                         g_file_new_for_path ("/nonexistent-directory/lettre.pdf"), NULL, NULL);
  {
    LpStepSend *send = LP_STEP_SEND (lp_window_get_current_step (window));
    gboolean timed_out = FALSE;
    guint id = g_timeout_add_seconds (WAIT_TIMEOUT_S, timeout_cb, &timed_out);

    while (lp_step_send_get_status (send) == NULL && !timed_out)
      g_main_context_iteration (NULL, TRUE);
    g_source_remove (id);
  }
  name = g_strdup_printf ("screenshot-%s-8-send-error.png", language);
  shoot (window, name);
  g_free (name);
  {
    GtkWidget *step = GTK_WIDGET (lp_window_get_current_step (window));
    GtkWidget *box = gtk_widget_get_first_child (step);
    GtkWidget *last = gtk_widget_get_last_child (box);

    scroll_to (window, last);
  }
  name = g_strdup_printf ("screenshot-%s-8-send-bottom.png", language);
  shoot (window, name);

  lp_wizard_test_app_free (app);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  int status;

  /* Before anything asks GLib for it (it is read once): the print route's temporary files
   * go there, and the test checks that none is left. */
  runtime_dir = g_dir_make_tmp ("lp-runtime-XXXXXX", &error);
  g_assert_no_error (error);
  g_chmod (runtime_dir, 0700);
  g_setenv ("XDG_RUNTIME_DIR", runtime_dir, TRUE);

  lp_wizard_test_init (&argc, &argv);
  g_test_add_func ("/review/lists-answers", test_review_lists_answers);
  g_test_add_func ("/review/masks-nir", test_review_masks_nir);
  g_test_add_func ("/review/change-buttons", test_review_change_buttons);
  g_test_add_func ("/review/errors-block-next", test_review_errors_block_next);
  g_test_add_func ("/review/prefills-place-and-date", test_review_prefills_place_and_date);
  g_test_add_func ("/review/signature", test_review_signature);
  g_test_add_func ("/review/signature-gesture", test_review_signature_gesture);
  g_test_add_func ("/review/preview", test_review_preview);
  g_test_add_func ("/send/routes", test_send_shows_routes);
  g_test_add_func ("/send/save-pdf", test_send_save_pdf);
  g_test_add_func ("/send/print-to-file", test_send_print_to_file);
  g_test_add_data_func ("/review/layout/fr", "fr", test_review_layout);
  g_test_add_data_func ("/review/layout/ar", "ar", test_review_layout);
  status = g_test_run ();
  g_rmdir (runtime_dir);
  g_free (runtime_dir);
  return status;
}
