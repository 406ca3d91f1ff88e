/* test-wizard-send.c — step 8 with a site configuration: "Send now" to the loopback relay
 * (progress to 100 %, the summary with the server's receipt id and the letter's SHA-256 as
 * the server received it), the assisted-mode confirmation, a refused sending and "Try
 * again" with the same submission id, cancel during a slow upload, and kiosk printing
 * straight to the configured CUPS queue (tests/cups/cups-pdf-queue.sh) with no dialog; and
 * screenshots of each state in French and Arabic.
 *
 * The CUPS oracle: cups-pdf turns the job into PostScript and back into PDF through
 * Ghostscript, so the printed file is not the letter's bytes. The test checks that a new
 * PDF appeared in the queue's output directory for each job, that the letter's one has the
 * letter's page count, and that its extracted text holds the complainant's name and the
 * case reference (Ghostscript keeps the text of libharu's embedded TrueType fonts: checked
 * with pdftotext on Debian 12's gs 10.0).
 */
#define G_LOG_DOMAIN "test-wizard-send"

#include "test-wizard-utils.h"
#include "lp-receipt-view.h"
#include "lp-secure.h"
#include "lp-step-send.h"
#include "lp-test-servers.h"
#include "lp-test-utils.h"

#include <glib/gstdio.h>
#include <string.h>

#define TOKEN "wizard-relay-token-7"
#define SITE_NAME "Association Aide aux Victimes du Rhône"
#define QUEUE "LpWizardPDF"
#define WAIT_TIMEOUT_S 60

static LpTestServer *relay;
static char *cups_state;   /* the private CUPS server's directory, or NULL */
static char *cups_out;     /* where cups-pdf writes the printed PDFs */

/* ---- Helpers ----------------------------------------------------------------------------- */

static gboolean
timeout_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

typedef gboolean (*Condition) (gpointer data);

static gboolean
wake_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* Spins the main loop until @condition holds; it is checked at least every 100 ms (files
 * written by another process wake nothing up). */
static void
wait_until (Condition condition,
            gpointer  data)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (WAIT_TIMEOUT_S, timeout_cb, &timed_out);
  guint wake = g_timeout_add (100, wake_cb, NULL);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (condition (data));
  g_source_remove (wake);
  if (!timed_out)
    g_source_remove (id);
}

static gboolean
is_sending (gpointer data)
{
  return lp_step_send_get_state (data) == LP_STEP_SEND_SENDING;
}

static gboolean
is_not_sending (gpointer data)
{
  return lp_step_send_get_state (data) != LP_STEP_SEND_SENDING;
}

/* The sending is over, one way or the other (the letter is rendered first: READY until then). */
static gboolean
is_finished (gpointer data)
{
  LpStepSendState state = lp_step_send_get_state (data);

  return state == LP_STEP_SEND_FAILED || state == LP_STEP_SEND_DONE;
}

static gboolean
is_done_or_error (gpointer data)
{
  return lp_step_send_get_state (data) == LP_STEP_SEND_DONE
         || lp_step_send_get_status_is_error (data);
}

static gboolean
is_done (gpointer data)
{
  return lp_step_send_get_state (data) == LP_STEP_SEND_DONE;
}

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

/* A site configuration in a private directory: @mode, the relay (unless @no_transport),
 * the CUPS queue as the printer. */
static LpSiteConfig *
make_site (const char *mode,
           gboolean    with_transport)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lp-wizard-site-XXXXXX", &error);
  g_autofree char *token_file = g_build_filename (dir, "relay-token", NULL);
  g_autofree char *path = g_build_filename (dir, "site.conf", NULL);
  g_autofree char *send = with_transport
                          ? g_strdup_printf ("[send]\ntransport=relay\nurl=%s/api/v1/submissions\n"
                                             "token-file=relay-token\n\n", relay->base_url)
                          : g_strdup ("");
  g_autofree char *text = g_strdup_printf ("[site]\nname=%s\nmode=%s\n\n%s[print]\nprinter=%s\n",
                                           SITE_NAME, mode, send, QUEUE);
  LpSiteConfig *config;

  g_assert_no_error (error);
  lp_test_write_file_mode (token_file, TOKEN "\n", 0600);
  lp_test_write_file_mode (path, text, 0644);
  config = lp_site_config_load (path, &error);
  g_assert_no_error (error);
  g_unlink (token_file);
  g_unlink (path);
  g_rmdir (dir);
  return config;
}

/* A site is given before the window exists (main.c): the window built without one is built
 * again, so that it shows what the site asks (the header's "Erase my data and finish").
 * Returns the new window. */
static LpWindow *
use_site (LpApplication *app,
          const char    *mode,
          gboolean       with_transport)
{
  LpWindow *window;

  lp_application_set_site (app, make_site (mode, with_transport), NULL, FALSE);
  window = lp_window_rebuild (lp_wizard_test_get_window (app));
  lp_wizard_test_wait_drawn (window);
  return window;
}

static LpStepSend *
show_send (LpApplication *app,
           const char    *mode,
           gboolean       with_transport)
{
  LpWindow *window = use_site (app, mode, with_transport);
  LpStepSend *send;
  LpSendTimings timings;

  load_into_session (app, "complaint-attachments.json");
  g_assert_true (lp_window_go_to_step (window, "send"));
  lp_wizard_test_wait_drawn (window);
  send = LP_STEP_SEND (lp_window_get_current_step (window));
  lp_send_timings_init_default (&timings);
  timings.backoff_initial_ms = 10;
  timings.backoff_max_ms = 50;
  lp_step_send_set_timings (send, &timings);
  return send;
}

static void
click (LpStepSend *send,
       const char *name)
{
  GtkWidget *button = lp_step_send_get_widget (send, name);

  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static gboolean
visible (LpStepSend *send,
         const char *name)
{
  return gtk_widget_is_visible (lp_step_send_get_widget (send, name));
}

static JsonArray *
received_submissions (JsonNode *received)
{
  return json_object_get_array_member (json_node_get_object (received), "submissions");
}

static void
record_max_fraction (GtkProgressBar *bar,
                     GParamSpec     *pspec,
                     double         *max)
{
  *max = MAX (*max, gtk_progress_bar_get_fraction (bar));
}

static char *
receipt_text_without_spaces (LpStepSend *send)
{
  LpReceiptView *view = LP_RECEIPT_VIEW (lp_step_send_get_widget (send, "receipt"));
  g_autofree char *text = lp_receipt_view_dup_text (view);
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (*p != ' ')
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

/* ---- Sending ----------------------------------------------------------------------------- */

static void
test_send_assisted (void)
{
  LpApplication *app = lp_wizard_test_app_new ("en");
  LpStepSend *send = show_send (app, "assisted", TRUE);
  double max_fraction = 0;
  g_autoptr (JsonNode) received = NULL;
  JsonObject *stored;
  JsonObject *letter_part;
  g_autofree char *text = NULL;
  g_autofree char *letter_sha = NULL;
  g_autofree char *receipt_text = NULL;

  lp_test_server_reset (relay);
  /* Assisted: send and print are offered, saving is not. */
  g_assert_true (visible (send, "send-section"));
  g_assert_false (visible (send, "guide-section"));
  g_assert_true (visible (send, "confirm"));

  /* Not ticked: nothing leaves, the box says why and has the focus. */
  click (send, "send");
  lp_wizard_test_iterate ();
  g_assert_cmpint (lp_step_send_get_state (send), ==, LP_STEP_SEND_READY);
  g_assert_true (gtk_widget_has_focus (lp_step_send_get_widget (send, "confirm")));
  click (send, "print");
  lp_wizard_test_iterate ();
  g_assert_cmpint (lp_step_send_get_state (send), ==, LP_STEP_SEND_READY);
  received = lp_test_server_received (relay);
  g_assert_cmpuint (json_array_get_length (received_submissions (received)), ==, 0);
  g_clear_pointer (&received, json_node_unref);

  gtk_check_button_set_active (GTK_CHECK_BUTTON (lp_step_send_get_widget (send, "confirm")), TRUE);
  g_signal_connect (lp_step_send_get_widget (send, "progress"), "notify::fraction",
                    G_CALLBACK (record_max_fraction), &max_fraction);
  click (send, "send");
  wait_until (is_done, send);
  g_assert_cmpfloat (max_fraction, ==, 1.0);
  g_assert_false (lp_step_send_get_status_is_error (send));

  /* What arrived is the letter the step holds, byte for byte. */
  received = lp_test_server_received (relay);
  g_assert_cmpuint (json_array_get_length (received_submissions (received)), ==, 1);
  stored = json_array_get_object_element (received_submissions (received), 0);
  letter_part = json_array_get_object_element (json_object_get_array_member (stored, "parts"), 0);
  g_assert_cmpstr (json_object_get_string_member (letter_part, "filename"), ==, "lettre-plainte.pdf");
  letter_sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, lp_step_send_get_letter (send));
  g_assert_cmpstr (json_object_get_string_member (letter_part, "sha256"), ==, letter_sha);
  g_assert_cmpstr (json_object_get_string_member (stored, "idempotency_key"), ==,
                   lp_step_send_get_submission_id (send));

  /* The summary: the server's receipt id, the letter's SHA-256, the association. */
  receipt_text = receipt_text_without_spaces (send);
  if (strstr (receipt_text, json_object_get_string_member (stored, "receipt")) == NULL
      || strstr (receipt_text, letter_sha) == NULL)
    g_error ("the summary lacks the receipt id or the SHA-256:\n%s", receipt_text);
  text = lp_receipt_view_dup_text (LP_RECEIPT_VIEW (lp_step_send_get_widget (send, "receipt")));
  g_assert_nonnull (strstr (text, SITE_NAME));
  g_assert_nonnull (strstr (text, "not an official receipt"));
  g_assert_nonnull (strstr (text, "Another complaint for someone in my household"));
  g_assert_nonnull (strstr (text, "Erase my data and finish"));
  /* The summary PDF is the core's receipt, with the same facts. */
  {
    g_autofree char *pdf_text = lp_test_pdf_to_text (lp_step_send_get_summary_pdf (send), FALSE);
    g_autofree char *squeezed = lp_test_squeeze_space (pdf_text);

    g_assert_nonnull (strstr (squeezed, json_object_get_string_member (stored, "receipt")));
    g_assert_nonnull (strstr (squeezed, SITE_NAME));
  }
  /* No saving on a borrowed computer. */
  g_assert_false (gtk_widget_get_visible (
    lp_receipt_view_get_button (LP_RECEIPT_VIEW (lp_step_send_get_widget (send, "receipt")), "save")));
  /* Sent: no "Back" towards a letter the police already have (nor Alt+Left's action). */
  g_assert_false (lp_step_get_can_go_back (LP_STEP (send)));
  gtk_widget_activate_action (GTK_WIDGET (lp_wizard_test_get_window (app)), "win.back", NULL);
  g_assert_true (lp_window_get_current_step (lp_wizard_test_get_window (app)) == LP_STEP (send));

  lp_wizard_test_app_free (app);
}

static void
test_send_refused_then_retry (void)
{
  LpApplication *app = lp_wizard_test_app_new ("en");
  LpStepSend *send = show_send (app, "kiosk", TRUE);
  g_autoptr (JsonNode) received = NULL;
  g_autofree char *first_id = NULL;
  JsonObject *stored;

  lp_test_server_reset (relay);
  lp_test_server_set_faults (relay, "[{\"status\": 401}]");
  click (send, "send");
  wait_until (is_finished, send);
  g_assert_cmpint (lp_step_send_get_state (send), ==, LP_STEP_SEND_FAILED);
  g_assert_true (lp_step_send_get_status_is_error (send));
  /* The transport's own message, which names what to fix. */
  g_assert_nonnull (strstr (lp_step_send_get_status (send), "could not be sent"));
  g_assert_nonnull (strstr (lp_step_send_get_status (send), "token"));
  g_assert_null (strstr (lp_step_send_get_status (send), TOKEN));
  /* The choices: try again, print instead; no saving in kiosk mode. */
  g_assert_true (visible (send, "retry"));
  g_assert_true (visible (send, "print-instead"));
  g_assert_false (visible (send, "save-instead"));
  g_assert_true (gtk_widget_has_focus (lp_step_send_get_widget (send, "retry")));
  first_id = g_strdup (lp_step_send_get_submission_id (send));
  g_assert_nonnull (first_id);

  /* The server is fixed (the fault was used up): the same submission goes through. */
  click (send, "retry");
  wait_until (is_done, send);
  g_assert_cmpstr (lp_step_send_get_submission_id (send), ==, first_id);
  received = lp_test_server_received (relay);
  g_assert_cmpuint (json_array_get_length (received_submissions (received)), ==, 1);
  stored = json_array_get_object_element (received_submissions (received), 0);
  g_assert_cmpstr (json_object_get_string_member (stored, "idempotency_key"), ==, first_id);

  lp_wizard_test_app_free (app);
}

static void
test_send_cancel (void)
{
  LpApplication *app = lp_wizard_test_app_new ("en");
  LpStepSend *send = show_send (app, "kiosk", TRUE);
  g_autoptr (JsonNode) received = NULL;

  lp_test_server_reset (relay);
  lp_test_server_set_faults (relay, "[{\"delay\": 20}]");
  click (send, "send");
  wait_until (is_sending, send);
  g_assert_true (visible (send, "progress"));
  g_assert_true (visible (send, "cancel"));
  click (send, "cancel");
  wait_until (is_not_sending, send);
  /* Back to ready: nothing lost, the routes offered again. */
  g_assert_cmpint (lp_step_send_get_state (send), ==, LP_STEP_SEND_READY);
  g_assert_false (lp_step_send_get_status_is_error (send));
  g_assert_nonnull (strstr (lp_step_send_get_status (send), "stopped"));
  g_assert_true (visible (send, "send"));
  g_assert_nonnull (lp_step_send_get_letter (send));
  received = lp_test_server_received (relay);
  g_assert_cmpuint (json_array_get_length (received_submissions (received)), ==, 0);

  lp_wizard_test_app_free (app);
}

/* ---- Printing in kiosk mode -------------------------------------------------------------- */

static guint
count_pdfs (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".pdf"))
      n++;
  return n;
}

static gboolean
has_two_pdfs (gpointer data)
{
  return count_pdfs (data) >= 2;
}

static char *
pdf_info_pages (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *out = NULL;
  g_autoptr (GError) error = NULL;
  int status = 0;
  const char *line;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out,
                               NULL, &status, &error));
  g_assert_no_error (error);
  line = strstr (out, "Pages:");
  g_assert_nonnull (line);
  line += strlen ("Pages:");
  while (*line == ' ')
    line++;
  return g_strndup (line, strcspn (line, "\n"));
}

static char *
write_temp_pdf (GBytes *pdf)
{
  g_autoptr (GError) error = NULL;
  char *path = NULL;
  int fd = g_file_open_tmp ("lp-letter-XXXXXX.pdf", &path, &error);

  g_assert_no_error (error);
  close (fd);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (pdf, NULL),
                                      (gssize) g_bytes_get_size (pdf), NULL));
  return path;
}

/* The normalised RMSE (0 = identical) between the first pages of two PDFs, rasterised in
 * grey at 40 dpi, brought to the same size and blurred (anti-aliasing differs). */
static double
page_distance (const char *a,
               const char *b)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lp-raster-XXXXXX", &error);
  g_autofree char *script = NULL;
  g_autofree char *err = NULL;
  const char *open_paren;
  int status = 0;

  g_assert_no_error (error);
  script = g_strdup_printf ("set -e; cd '%s'; "
                            "pdftoppm -r 40 -gray -singlefile -png '%s' a; "
                            "pdftoppm -r 40 -gray -singlefile -png '%s' b; "
                            "convert a.png -resize '331x468!' -blur 0x1.5 a2.png; "
                            "convert b.png -resize '331x468!' -blur 0x1.5 b2.png; "
                            "compare -metric RMSE a2.png b2.png null: || true; "
                            "rm -f a.png b.png a2.png b2.png", dir, a, b);
  {
    const char *argv[] = { "/bin/sh", "-c", script, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL,
                                 &err, &status, &error));
  }
  g_assert_no_error (error);
  g_rmdir (dir);
  /* compare prints "1234.5 (0.0188)" on stderr. */
  open_paren = strchr (err, '(');
  if (!g_spawn_check_wait_status (status, NULL) || open_paren == NULL)
    g_error ("cannot compare %s and %s: %s", a, b, err);
  return g_ascii_strtod (open_paren + 1, NULL);
}

static void
test_kiosk_print_cups (void)
{
  LpApplication *app = lp_wizard_test_app_new ("en");
  LpStepSend *send = show_send (app, "kiosk", FALSE);
  LpCampaign *campaign = lp_application_get_campaign (app);
  g_autoptr (GDir) dir = NULL;
  g_autoptr (GBytes) letter = NULL;
  g_autofree char *letter_path = NULL;
  g_autofree char *letter_pages = NULL;
  g_autoptr (GBytes) cover = NULL;
  g_autofree char *cover_path = NULL;
  g_autoptr (GError) error = NULL;
  const char *name;
  gboolean found_letter = FALSE;

  g_assert_nonnull (cups_out);
  g_assert_cmpuint (count_pdfs (cups_out), ==, 0);
  /* Kiosk without a transport: print only. */
  g_assert_false (visible (send, "send-section"));
  g_assert_false (visible (send, "guide-section"));

  /* No dialog: the jobs go to [print] printer at once. */
  click (send, "print");
  wait_until (has_two_pdfs, cups_out);
  wait_until (is_done_or_error, send);
  if (lp_step_send_get_state (send) != LP_STEP_SEND_DONE)
    g_error ("printing did not finish: %s", lp_step_send_get_status (send));
  /* Printed: the letter can still be corrected and printed again. */
  g_assert_true (lp_step_get_can_go_back (LP_STEP (send)));

  letter = lp_letter_render (lp_application_get_complaint (app), campaign, &error);
  g_assert_no_error (error);
  letter_path = write_temp_pdf (letter);
  letter_pages = pdf_info_pages (letter_path);

  /* Two jobs: the cover sheet and the letter. Ghostscript's PDF has no extractable text (its
   * Type 3 fonts map to nothing), so each printed first page is rasterised and compared
   * with the letter's own first page and with the cover sheet's: the printed letter must
   * look like the letter (its RMSE to the letter under 2/3 of its RMSE to the cover sheet),
   * with the letter's page count; the other file must look like the cover sheet. */
  cover = lp_cover_sheet_render (lp_application_get_complaint (app), campaign, &error);
  g_assert_no_error (error);
  cover_path = write_temp_pdf (cover);
  dir = g_dir_open (cups_out, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (cups_out, name, NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;
      double to_letter, to_cover;

      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_cmpmem (contents, 5, "%PDF-", 5);
      to_letter = page_distance (path, letter_path);
      to_cover = page_distance (path, cover_path);
      g_test_message ("%s: distance to the letter %.4f, to the cover sheet %.4f", name, to_letter,
                      to_cover);
      /* Measured without the blur: 0.06-0.10 to its own source (anti-aliasing), 0.18 to the
       * other one; the blur takes most of the anti-aliasing away. */
      if (to_letter * 1.5 < to_cover)
        {
          g_autofree char *pages = pdf_info_pages (path);

          g_assert_cmpstr (pages, ==, letter_pages);
          found_letter = TRUE;
        }
      else
        {
          g_assert_cmpfloat (to_cover * 1.5, <, to_letter);
        }
      g_unlink (path);
    }
  g_unlink (cover_path);
  g_assert_true (found_letter);

  /* The summary says it was printed, with the postal address and the letter's SHA-256. */
  {
    g_autofree char *text = receipt_text_without_spaces (send);
    g_autofree char *sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, letter);

    g_assert_nonnull (strstr (text, sha));
    g_assert_nonnull (strstr (text, "Printed"));
  }
  /* Back to correct something, then here again: ready to print the corrected letter. */
  {
    LpWindow *window = lp_wizard_test_get_window (app);

    lp_window_back (window);
    g_assert_true (lp_window_get_current_step (window) != LP_STEP (send));
    g_assert_true (lp_window_go_to_step (window, "send"));
    g_assert_cmpint (lp_step_send_get_state (send), ==, LP_STEP_SEND_READY);
    g_assert_true (visible (send, "print"));
    g_assert_false (visible (send, "receipt"));
  }
  g_unlink (letter_path);
  lp_wizard_test_app_free (app);
}

/* ---- Screenshots ------------------------------------------------------------------------- */

static void
scroll_to_top (LpWindow  *window,
               GtkWidget *widget)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);

  lp_wizard_test_wait_drawn (window);
  if (scroller != NULL)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)), 0);
  lp_wizard_test_wait_drawn (window);
}

static void
shoot (LpWindow   *window,
       const char *language,
       const char *what)
{
  g_autofree char *name = g_strdup_printf ("screenshot-%s-8-send-%s.png", language, what);
  g_autofree char *path = NULL;

  scroll_to_top (window, GTK_WIDGET (lp_window_get_current_step (window)));
  path = lp_wizard_test_screenshot (window, name);
  g_test_message ("wrote %s", path);
}

static void
test_screenshots (gconstpointer data)
{
  const char *language = data;
  LpApplication *app = lp_wizard_test_app_new (language);
  LpWindow *window = lp_wizard_test_get_window (app);
  LpStepSend *send;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  send = show_send (app, "home", FALSE);
  window = lp_wizard_test_get_window (app);
  shoot (window, language, "home");

  /* The same person at a mairie kiosk with a relay. */
  window = use_site (app, "kiosk", TRUE);
  g_assert_true (lp_window_go_to_step (window, "review"));
  g_assert_true (lp_window_go_to_step (window, "send"));
  send = LP_STEP_SEND (lp_window_get_current_step (window));
  shoot (window, language, "kiosk");

  lp_test_server_reset (relay);
  lp_test_server_set_faults (relay, "[{\"delay\": 20}]");
  click (send, "send");
  wait_until (is_sending, send);
  shoot (window, language, "progress");
  click (send, "cancel");
  wait_until (is_not_sending, send);

  lp_test_server_set_faults (relay, "[{\"status\": 401}]");
  click (send, "send");
  wait_until (is_finished, send);
  g_assert_cmpint (lp_step_send_get_state (send), ==, LP_STEP_SEND_FAILED);
  shoot (window, language, "failure");

  click (send, "retry");
  wait_until (is_done, send);
  shoot (window, language, "receipt");

  lp_wizard_test_app_free (app);
}

/* ---- CUPS -------------------------------------------------------------------------------- */

static void
start_cups (void)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "cups", "cups-pdf-queue.sh", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto (GStrv) lines = NULL;
  int status = 0;

  cups_state = g_dir_make_tmp ("lp-cups-XXXXXX", &error);
  g_assert_no_error (error);
  {
    const char *argv[] = { script, "START", cups_state, QUEUE, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out,
                                 &err, &status, &error));
  }
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("the CUPS queue did not start:\n%s", err);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "CUPS_SERVER="))
      g_setenv ("CUPS_SERVER", lines[i] + strlen ("CUPS_SERVER="), TRUE);
    else if (g_str_has_prefix (lines[i], "OUT="))
      cups_out = g_strdup (lines[i] + strlen ("OUT="));
}

static void
stop_cups (void)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "cups", "cups-pdf-queue.sh", NULL);
  g_autofree char *rm = g_strdup_printf ("rm -rf '%s'", cups_state);
  const char *argv[] = { script, "STOP", cups_state, NULL };

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, NULL, NULL);
  g_spawn_command_line_sync (rm, NULL, NULL, NULL, NULL);
}

int
main (int   argc,
      char *argv[])
{
  const char *relay_args[] = { "--token", TOKEN, NULL };
  g_autofree char *runtime_dir = NULL;
  int status;

  /* The print route's copies go under the runtime directory: a private one. */
  runtime_dir = g_dir_make_tmp ("lp-runtime-XXXXXX", NULL);
  g_chmod (runtime_dir, 0700);
  g_setenv ("XDG_RUNTIME_DIR", runtime_dir, TRUE);
  g_setenv ("G_TEST_SRCDIR", g_getenv ("G_TEST_SRCDIR") != NULL ? g_getenv ("G_TEST_SRCDIR") : ".", FALSE);
  /* Before GTK's CUPS backend reads CUPS_SERVER. */
  lp_wizard_test_init (&argc, &argv);
  /* GTK's CUPS backend warns that it cannot reach colord (the colour manager, on the
   * system bus): there is no system bus on a CI machine, and printing works without it.
   * Criticals stay fatal. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  start_cups ();
  relay = lp_test_server_start ("relay.py", relay_args, FALSE);

  g_test_add_func ("/wizard-send/assisted-send", test_send_assisted);
  g_test_add_func ("/wizard-send/refused-then-retry", test_send_refused_then_retry);
  g_test_add_func ("/wizard-send/cancel", test_send_cancel);
  g_test_add_func ("/wizard-send/kiosk-print-cups", test_kiosk_print_cups);
  g_test_add_data_func ("/wizard-send/screenshots/fr", "fr", test_screenshots);
  g_test_add_data_func ("/wizard-send/screenshots/ar", "ar", test_screenshots);
  status = g_test_run ();

  lp_test_server_stop (relay);
  stop_cups ();
  g_rmdir (runtime_dir);
  return status;
}
