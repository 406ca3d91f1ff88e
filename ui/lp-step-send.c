/* lp-step-send.c — step 8: send the letter, print it, or save it for FranceTransfert's page
 *
 * The routes depend on the site configuration (architecture.md §5):
 *
 *   home      save the PDF + the FranceTransfert web guide; print through GTK's dialog; and
 *             "Send now" if the configuration names a transport
 *   kiosk     "Send now" when there is a transport; print straight to the configured
 *             printer ([print] printer, or the default one), no dialog; never save
 *   assisted  like kiosk, and the victim ticks "I have read my complaint and I file it"
 *             before each sending or printing; the association's name is on the receipt
 *
 * The letter is rendered once (lp_letter_render_async) and kept: a failed sending loses
 * nothing, and "Try again" sends the same LpSubmission (same id: the relay stores it once).
 * After a sending or a printing, LpReceiptView shows the summary (récapitulatif), whose PDF
 * (lp_receipt_render) can be printed, or saved at home.
 */
#define G_LOG_DOMAIN "lp-step-send"

#include "lp-step-send.h"
#include "lp-application.h"
#include "lp-letter.h"
#include "lp-receipt-view.h"
#include "lp-site-config.h"
#include "lp-submission.h"
#include "lp-transport.h"
#include "lp-ui.h"

#include <glib/gi18n-lib.h>

/* The file names the person is offered (the letter is French whatever the language). */
#define DEFAULT_FILE_NAME "lettre-plainte.pdf"
#define SUMMARY_FILE_NAME "recapitulatif-plainte.pdf"

typedef enum {
  OUTPUT_LETTER,
  OUTPUT_SUMMARY,
} OutputKind;

struct _LpStepSend
{
  LpStep parent_instance;

  /* Template widgets */
  GtkBox               *box;
  GtkWidget            *intro_label;
  GtkWidget            *status_box;
  GtkImage             *status_icon;
  GtkLabel             *status_label;
  GtkWidget            *confirm_box;
  GtkCheckButton       *confirm_check;
  GtkWidget            *confirm_error;
  GtkWidget            *send_section;
  GtkLabel             *send_explanation;
  GtkWidget            *send_button;
  GtkWidget            *progress_box;
  GtkLabel             *progress_label;
  GtkProgressBar       *progress_bar;
  GtkWidget            *cancel_button;
  GtkWidget            *failure_box;
  GtkWidget            *retry_button;
  GtkWidget            *print_instead_button;
  GtkWidget            *save_instead_button;
  GtkWidget            *guide_section;
  GtkGrid              *guide;
  GtkWidget            *print_section;
  GtkWidget            *print_button;
  GtkLabel             *postal_address;

  /* Borrowed: built in init */
  GtkWidget            *save_button;
  GtkWidget            *page_link;
  GtkLabel             *recipient_label;
  GtkWidget            *copy_button;
  LpReceiptView        *receipt_view;

  /* Owned */
  GtkFileChooserNative *chooser;
  OutputKind            chooser_kind;
  OutputKind            print_kind;      /* what the print dialog / site printer is for */
  GCancellable         *cancellable;     /* everything but the sending; cancelled at dispose */
  GCancellable         *send_cancellable;
  char                 *page_uri;        /* FranceTransfert's upload page */
  gboolean              status_is_error;
  LpStepSendState       state;
  gboolean              done_by_printing;  /* the summary is of a printed letter */

  GBytes               *letter;          /* the rendered letter, kept while it is current */
  char                 *letter_sha256;
  gboolean              rendering;
  void                (*after_render) (LpStepSend *self);
  LpTransport          *transport;
  LpSendTimings        *timings;         /* tests: shorter timeouts */
  LpSubmission         *submission;      /* kept for "Try again": same id */
  GBytes               *receipt_pdf;
};

G_DEFINE_FINAL_TYPE (LpStepSend, lp_step_send, LP_TYPE_STEP)

static void update_routes (LpStepSend *self);

/* ---- The session --------------------------------------------------------------------------- */

static LpApplication *
get_application (LpStepSend *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkApplication *app = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root))
                                             : NULL;

  if (app == NULL)
    app = GTK_APPLICATION (g_application_get_default ());
  return LP_IS_APPLICATION (app) ? LP_APPLICATION (app) : NULL;
}

static LpSiteMode
get_mode (LpStepSend *self)
{
  LpApplication *app = get_application (self);

  return app != NULL ? lp_application_get_mode (app) : LP_SITE_MODE_HOME;
}

/* The home defaults when the step is not in an LpApplication (never NULL). */
static const LpSiteConfig *
get_site (LpStepSend *self)
{
  static LpSiteConfig *home = NULL;
  LpApplication *app = get_application (self);

  if (app != NULL)
    return lp_application_get_site_config (app);
  if (home == NULL)
    home = lp_site_config_new_home ();
  return home;
}

/* Kiosk and assisted: a public or borrowed computer where nothing may be written but to
 * the printer. */
static gboolean
is_public_terminal (LpStepSend *self)
{
  return get_mode (self) != LP_SITE_MODE_HOME;
}

static gboolean
has_transport (LpStepSend *self)
{
  return get_site (self)->transport != LP_SITE_TRANSPORT_NONE;
}

/* ---- What happened ----------------------------------------------------------------------- */

static void
show_status (LpStepSend *self,
             gboolean    is_error,
             const char *message)
{
  self->status_is_error = is_error;
  gtk_label_set_text (self->status_label, message);
  gtk_image_set_from_icon_name (self->status_icon,
                                is_error ? "dialog-error-symbolic" : "emblem-ok-symbolic");
  if (is_error)
    {
      gtk_widget_add_css_class (self->status_box, "error");
      gtk_widget_remove_css_class (self->status_box, "success");
    }
  else
    {
      gtk_widget_add_css_class (self->status_box, "success");
      gtk_widget_remove_css_class (self->status_box, "error");
    }
  /* The box is an "alert": showing it is announced by screen readers. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->status_box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, message, -1);
  gtk_widget_set_visible (self->status_box, TRUE);
}

static void
hide_status (LpStepSend *self)
{
  gtk_widget_set_visible (self->status_box, FALSE);
  gtk_label_set_text (self->status_label, "");
  self->status_is_error = FALSE;
}

static void
set_busy (LpStepSend *self,
          gboolean    busy)
{
  gtk_widget_set_sensitive (self->save_button, !busy);
  gtk_widget_set_sensitive (self->print_button, !busy);
  gtk_widget_set_sensitive (self->send_button, !busy);
  gtk_widget_set_sensitive (self->failure_box, !busy);
  gtk_widget_set_sensitive (lp_receipt_view_get_button (self->receipt_view, "print"), !busy);
  gtk_widget_set_sensitive (lp_receipt_view_get_button (self->receipt_view, "save"), !busy);
}

static void
set_state (LpStepSend      *self,
           LpStepSendState  state)
{
  self->state = state;
  if (state != LP_STEP_SEND_DONE)
    {
      self->done_by_printing = FALSE;
      lp_step_set_can_go_back (LP_STEP (self), TRUE);
    }
  update_routes (self);
}

/* Shows what the mode and the configuration allow, for the current state. */
static void
update_routes (LpStepSend *self)
{
  gboolean done = self->state == LP_STEP_SEND_DONE;
  gboolean sending = self->state == LP_STEP_SEND_SENDING;
  gboolean failed = self->state == LP_STEP_SEND_FAILED;
  gboolean home = !is_public_terminal (self);

  gtk_widget_set_visible (self->intro_label, !done);
  gtk_widget_set_visible (GTK_WIDGET (self->receipt_view), done);
  gtk_widget_set_visible (self->confirm_box, !done && get_mode (self) == LP_SITE_MODE_ASSISTED);
  gtk_widget_set_visible (self->send_section, !done && has_transport (self));
  gtk_widget_set_visible (self->send_button, !sending && !failed);
  gtk_widget_set_visible (self->progress_box, sending);
  gtk_widget_set_visible (self->failure_box, failed);
  gtk_widget_set_visible (self->save_instead_button, home);
  gtk_widget_set_visible (self->guide_section, !done && home);
  gtk_widget_set_visible (self->print_section, !done);
  gtk_widget_set_sensitive (self->print_button, !sending);
  gtk_widget_set_sensitive (self->save_button, !sending);
}

/* Assisted mode: the victim's own tick comes before every sending or printing. */
static gboolean
check_confirmed (LpStepSend *self)
{
  gboolean ok = get_mode (self) != LP_SITE_MODE_ASSISTED
                || gtk_check_button_get_active (self->confirm_check);

  gtk_widget_set_visible (self->confirm_error, !ok);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->confirm_check),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               ok ? GTK_ACCESSIBLE_INVALID_FALSE : GTK_ACCESSIBLE_INVALID_TRUE,
                               -1);
  if (!ok)
    {
      gtk_widget_add_css_class (self->confirm_box, "error");
      gtk_widget_grab_focus (GTK_WIDGET (self->confirm_check));
    }
  else
    gtk_widget_remove_css_class (self->confirm_box, "error");
  return ok;
}

static void
confirm_toggled_cb (LpStepSend *self)
{
  if (gtk_check_button_get_active (self->confirm_check))
    check_confirmed (self);
}

/* ---- The letter, rendered once ----------------------------------------------------------- */

static void
drop_letter (LpStepSend *self)
{
  g_clear_pointer (&self->letter, g_bytes_unref);
  g_clear_pointer (&self->letter_sha256, g_free);
}

static void
letter_rendered_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr (LpStepSend) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) letter = lp_letter_render_finish (result, &error);
  void (*then) (LpStepSend *) = g_steal_pointer (&self->after_render);

  self->rendering = FALSE;
  set_busy (self, FALSE);
  if (letter == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          /* Translators: %s says why */
          g_autofree char *message = g_strdup_printf (_("The letter cannot be prepared: %s"),
                                                      error->message);

          show_status (self, TRUE, message);
        }
      return;
    }
  drop_letter (self);
  self->letter = g_steal_pointer (&letter);
  self->letter_sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, self->letter);
  /* A changed letter is a new submission; the same letter keeps its id for retries. */
  if (self->submission != NULL
      && g_strcmp0 (lp_submission_get_file (self->submission, 0)->sha256, self->letter_sha256) != 0)
    g_clear_pointer (&self->submission, lp_submission_unref);
  if (then != NULL)
    then (self);
}

/* Calls @then once the letter is there (at once if it is). */
static void
with_letter (LpStepSend *self,
             void      (*then) (LpStepSend *self))
{
  LpComplaint *complaint = lp_step_get_complaint (LP_STEP (self));
  LpCampaign *campaign = lp_step_get_campaign (LP_STEP (self));

  if (self->letter != NULL)
    {
      then (self);
      return;
    }
  self->after_render = then;
  if (self->rendering)
    return;
  if (complaint == NULL || campaign == NULL)
    {
      show_status (self, TRUE, _("The letter cannot be prepared: the description of this "
                                 "complaint campaign could not be loaded."));
      return;
    }
  self->rendering = TRUE;
  set_busy (self, TRUE);
  lp_letter_render_async (complaint, campaign, self->cancellable, letter_rendered_cb,
                          g_object_ref (self));
}

/* ---- The summary ------------------------------------------------------------------------- */

static char *
dup_postal_address (LpStepSend *self)
{
  LpCampaign *campaign = lp_step_get_campaign (LP_STEP (self));

  if (campaign == NULL || campaign->postal_recipient == NULL)
    return g_strdup ("");
  return g_strjoinv (", ", campaign->postal_recipient);
}

static const char *
electronic_recipient (LpStepSend *self)
{
  const LpSiteConfig *site = get_site (self);
  LpCampaign *campaign = lp_step_get_campaign (LP_STEP (self));

  if (site->recipient != NULL && site->recipient[0] != '\0')
    return site->recipient;
  return campaign != NULL && campaign->recipient_email != NULL ? campaign->recipient_email : "";
}

static void
show_summary (LpStepSend *self,
              const char *route,
              const char *recipient,
              const char *receipt_id)
{
  const LpSiteConfig *site = get_site (self);
  LpComplaint *complaint = lp_step_get_complaint (LP_STEP (self));
  LpCampaign *campaign = lp_step_get_campaign (LP_STEP (self));
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GError) error = NULL;
  LpReceiptInfo info = { 0 };

  info.when = now;
  info.route = route;
  info.recipient = recipient;
  info.receipt_id = receipt_id;
  info.letter_sha256 = self->letter_sha256;
  info.site_name = site->name != NULL && site->name[0] != '\0' ? site->name : NULL;

  g_clear_pointer (&self->receipt_pdf, g_bytes_unref);
  if (complaint != NULL && campaign != NULL)
    self->receipt_pdf = lp_receipt_render (complaint, campaign, &info, &error);
  if (self->receipt_pdf == NULL)
    g_debug ("the summary PDF could not be made: %s", error != NULL ? error->message : "no campaign");
  lp_receipt_view_show (self->receipt_view, &info, campaign, !is_public_terminal (self));
  gtk_widget_set_sensitive (lp_receipt_view_get_button (self->receipt_view, "print"),
                            self->receipt_pdf != NULL);
  gtk_widget_set_sensitive (lp_receipt_view_get_button (self->receipt_view, "save"),
                            self->receipt_pdf != NULL);
  set_state (self, LP_STEP_SEND_DONE);
  /* Sent: nothing before this step can change the letter the police received, and "Back"
   * would only lead to sending a second one. "Another complaint" and "Erase my data and
   * finish" are the ways on (lp-receipt-view.c). A printed letter can still be corrected
   * and printed again. */
  self->done_by_printing = g_strcmp0 (route, "print") == 0;
  lp_step_set_can_go_back (LP_STEP (self), self->done_by_printing);
  lp_receipt_view_focus_heading (self->receipt_view);
}

/* ---- Send -------------------------------------------------------------------------------- */

static void
progress_cb (const LpSendProgress *progress,
             gpointer              user_data)
{
  LpStepSend *self = user_data;
  int percent = (int) (progress->fraction * 100.0 + 0.5);
  g_autofree char *text = NULL;

  if (self->state != LP_STEP_SEND_SENDING)
    return;
  /* Translators: %s is the file being sent (lettre-plainte.pdf, piece-1.jpg), %d the percentage */
  text = g_strdup_printf (_("Sending %s… %d %%"), progress->current_file, percent);
  gtk_progress_bar_set_fraction (self->progress_bar, progress->fraction);
  gtk_label_set_text (self->progress_label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, (double) percent,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text,
                                  -1);
}

static void
sent_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr (LpStepSend) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *receipt = lp_transport_send_finish (LP_TRANSPORT (source), result, &error);

  g_clear_object (&self->send_cancellable);
  gtk_widget_set_sensitive (self->cancel_button, TRUE);
  if (receipt != NULL)
    {
      show_status (self, FALSE, _("Your complaint was sent. Here is the summary: keep it."));
      show_summary (self, lp_transport_get_route (LP_TRANSPORT (source)),
                    electronic_recipient (self), receipt);
      return;
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      set_state (self, LP_STEP_SEND_READY);
      show_status (self, FALSE, _("The sending was stopped. Nothing was lost: your letter is "
                                  "still ready."));
      gtk_widget_grab_focus (self->send_button);
      return;
    }
  {
    /* Translators: %s is what went wrong and what to do, from the sending code */
    g_autofree char *message = g_strdup_printf (_("Your complaint could not be sent. %s Nothing "
                                                  "was lost: try again, or choose another "
                                                  "way below."), error->message);

    set_state (self, LP_STEP_SEND_FAILED);
    show_status (self, TRUE, message);
    gtk_widget_grab_focus (self->retry_button);
  }
}

static void
start_sending (LpStepSend *self)
{
  const LpSiteConfig *site = get_site (self);
  g_autoptr (GError) error = NULL;

  if (self->submission == NULL)
    {
      self->submission = lp_submission_new_for_complaint (lp_step_get_complaint (LP_STEP (self)),
                                                          lp_step_get_campaign (LP_STEP (self)),
                                                          self->letter, site->name, &error);
      if (self->submission == NULL)
        {
          /* Translators: %s says which document cannot be read */
          g_autofree char *message = g_strdup_printf (_("Your complaint could not be sent. %s"),
                                                      error->message);

          show_status (self, TRUE, message);
          return;
        }
    }
  if (self->transport == NULL)
    {
      self->transport = lp_site_config_new_transport (site, &error);
      if (self->transport == NULL)
        {
          g_autofree char *message = g_strdup_printf (_("Your complaint could not be sent. %s"),
                                                      error->message);

          set_state (self, LP_STEP_SEND_FAILED);
          show_status (self, TRUE, message);
          return;
        }
      if (self->timings != NULL)
        lp_transport_set_timings (self->transport, self->timings);
    }

  hide_status (self);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_label_set_text (self->progress_label, _("Connecting…"));
  set_state (self, LP_STEP_SEND_SENDING);
  gtk_widget_grab_focus (self->cancel_button);
  self->send_cancellable = g_cancellable_new ();
  lp_transport_send_async (self->transport, self->submission, self->send_cancellable,
                           progress_cb, g_object_ref (self), g_object_unref,
                           sent_cb, g_object_ref (self));
}

void
lp_step_send_send_now (LpStepSend *self)
{
  g_return_if_fail (LP_IS_STEP_SEND (self));
  if (self->state == LP_STEP_SEND_SENDING || !has_transport (self) || !check_confirmed (self))
    return;
  with_letter (self, start_sending);
}

void
lp_step_send_cancel (LpStepSend *self)
{
  g_return_if_fail (LP_IS_STEP_SEND (self));
  if (self->send_cancellable == NULL)
    return;
  /* The transport stops within 200 ms; sent_cb then brings the ready state back. */
  gtk_label_set_text (self->progress_label, _("Stopping the sending…"));
  gtk_widget_set_sensitive (self->cancel_button, FALSE);
  g_cancellable_cancel (self->send_cancellable);
}

/* ---- Save -------------------------------------------------------------------------------- */

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  GTask *task = user_data;   /* owned */
  LpStepSend *self = g_task_get_source_object (task);
  GFile *file = g_task_get_task_data (task);
  GError *error = NULL;

  set_busy (self, FALSE);
  if (lp_letter_output_save_finish (result, &error))
    {
      g_autofree char *name = g_file_get_parse_name (file);
      g_autofree char *message = NULL;

      if (g_task_get_source_tag (task) == lp_step_send_save_pdf)
        /* Translators: %s is where the letter was saved, e.g. /home/elodie/Documents/lettre-plainte.pdf */
        message = g_strdup_printf (_("Your letter was saved: %s. Now follow steps 2 to 4 "
                                     "below to send it."), name);
      else
        /* Translators: %s is where the summary was saved */
        message = g_strdup_printf (_("The summary was saved: %s."), name);
      show_status (self, FALSE, message);
      g_task_return_boolean (task, TRUE);
    }
  else
    {
      /* Translators: %s says why, e.g. "Permission denied" */
      g_autofree char *message = g_strdup_printf (_("The file could not be saved: %s. Choose "
                                                    "another place and try again."),
                                                  error->message);

      show_status (self, TRUE, message);
      g_task_return_error (task, error);
    }
  g_object_unref (task);
}

static gboolean
check_ready (LpStepSend *self,
             GTask      *task)
{
  if (lp_step_get_complaint (LP_STEP (self)) != NULL && lp_step_get_campaign (LP_STEP (self)) != NULL)
    return TRUE;
  show_status (self, TRUE, _("The letter cannot be prepared: the description of this complaint "
                             "campaign could not be loaded."));
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                           "%s", gtk_label_get_text (self->status_label));
  return FALSE;
}

void
lp_step_send_save_pdf (LpStepSend          *self,
                       GFile               *file,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (LP_IS_STEP_SEND (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, lp_step_send_save_pdf);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  if (is_public_terminal (self))
    {
      /* Nothing but the printer may keep a copy on a public terminal. */
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                               "saving is not offered on this terminal");
      return;
    }
  if (!check_ready (self, task))
    return;
  hide_status (self);
  set_busy (self, TRUE);
  if (self->letter != NULL)
    lp_letter_output_save_pdf_async (self->letter, file, self->cancellable, saved_cb,
                                     g_object_ref (task));
  else
    lp_letter_output_save_async (lp_step_get_complaint (LP_STEP (self)),
                                 lp_step_get_campaign (LP_STEP (self)), file, self->cancellable,
                                 saved_cb, g_object_ref (task));
}

gboolean
lp_step_send_save_pdf_finish (LpStepSend    *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
lp_step_send_save_summary (LpStepSend          *self,
                           GFile               *file,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (LP_IS_STEP_SEND (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, lp_step_send_save_summary);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  if (is_public_terminal (self) || self->receipt_pdf == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                               "no summary to save here");
      return;
    }
  set_busy (self, TRUE);
  lp_letter_output_save_pdf_async (self->receipt_pdf, file, self->cancellable, saved_cb,
                                   g_object_ref (task));
}

static void
chooser_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     LpStepSend      *self)
{
  g_autoptr (GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_clear_object (&self->chooser);
  if (file == NULL)
    return;
  if (self->chooser_kind == OUTPUT_SUMMARY)
    lp_step_send_save_summary (self, file, NULL, NULL);
  else
    lp_step_send_save_pdf (self, file, NULL, NULL);
}

static void
choose_file (LpStepSend *self,
             OutputKind  kind)
{
  GtkRoot *root;
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->chooser != NULL || is_public_terminal (self))
    return;

  /* The file chooser would remember the letter in the recently used files: on a shared
   * computer, that tells the next person where to find it. */
  g_object_set (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-recent-files-enabled", FALSE,
                NULL);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  self->chooser_kind = kind;
  self->chooser = gtk_file_chooser_native_new (kind == OUTPUT_SUMMARY ? _("Save the summary")
                                                                      : _("Save the letter"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               /* No mnemonic: GTK 4.8 names the
                                                * native dialog's buttons "_Save Save". */
                                               _("Save"), _("Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    {
      g_autoptr (GFile) folder = g_file_new_for_path (documents);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser),
                                     kind == OUTPUT_SUMMARY ? SUMMARY_FILE_NAME : DEFAULT_FILE_NAME);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

void
lp_step_send_choose_file_and_save (LpStepSend *self)
{
  g_return_if_fail (LP_IS_STEP_SEND (self));
  choose_file (self, OUTPUT_LETTER);
}

/* ---- Print ------------------------------------------------------------------------------- */

static void
printed_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GTask *task = user_data;   /* owned */
  LpStepSend *self = g_task_get_source_object (task);
  GtkPrinter *printer = g_task_get_task_data (task);
  GError *error = NULL;

  set_busy (self, FALSE);
  if (lp_letter_output_print_finish (result, &error))
    {
      g_autofree char *message = NULL;

      if (g_task_get_source_tag (task) == lp_step_send_print)
        {
          g_autofree char *postal = dup_postal_address (self);
          g_autoptr (GBytes) printed = lp_letter_output_print_dup_document (result);

          /* The summary's fingerprint is the printed letter's (rendered in the print's
           * worker thread), unless a letter is already kept for sending. */
          if (self->letter == NULL && printed != NULL)
            {
              g_clear_pointer (&self->letter_sha256, g_free);
              self->letter = g_steal_pointer (&printed);
              self->letter_sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256,
                                                                  self->letter);
            }

          /* Translators: %s is the printer's name */
          message = g_strdup_printf (_("The sheet for the envelope and your letter were sent to "
                                       "the printer “%s”. Sign the letter, put both in the "
                                       "envelope, and post it by registered letter with "
                                       "acknowledgement of receipt."),
                                     gtk_printer_get_name (printer));
          show_status (self, FALSE, message);
          /* A sending in progress is not interrupted; otherwise the summary follows. */
          if (self->state != LP_STEP_SEND_SENDING)
            show_summary (self, "print", postal, NULL);
        }
      else
        {
          /* Translators: %s is the printer's name */
          message = g_strdup_printf (_("The summary was sent to the printer “%s”."),
                                     gtk_printer_get_name (printer));
          show_status (self, FALSE, message);
        }
      g_task_return_boolean (task, TRUE);
    }
  else
    {
      /* Translators: %s says why */
      g_autofree char *message = g_strdup_printf (g_task_get_source_tag (task)
                                                  == lp_step_send_print
                                                  ? _("The letter could not be printed: %s")
                                                  /* Translators: %s says why */
                                                  : _("The summary could not be printed: %s"),
                                                  error->message);

      show_status (self, TRUE, message);
      g_task_return_error (task, error);
    }
  g_object_unref (task);
}

void
lp_step_send_print (LpStepSend          *self,
                    GtkPrinter          *printer,
                    GtkPrintSettings    *settings,
                    GtkPageSetup        *page_setup,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (LP_IS_STEP_SEND (self));
  g_return_if_fail (GTK_IS_PRINTER (printer));

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, lp_step_send_print);
  g_task_set_task_data (task, g_object_ref (printer), g_object_unref);
  if (!check_ready (self, task))
    return;
  /* Making the PDFs and sending the jobs takes a moment: say so, as the summary does. */
  show_status (self, FALSE, _("Printing…"));
  set_busy (self, TRUE);
  lp_letter_output_print_async (lp_step_get_complaint (LP_STEP (self)),
                                lp_step_get_campaign (LP_STEP (self)), printer, settings,
                                page_setup, self->cancellable, printed_cb, g_object_ref (task));
}

gboolean
lp_step_send_print_finish (LpStepSend    *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
print_summary_on (LpStepSend       *self,
                  GtkPrinter       *printer,
                  GtkPrintSettings *settings,
                  GtkPageSetup     *page_setup)
{
  g_autoptr (GTask) task = g_task_new (self, NULL, NULL, NULL);

  g_task_set_source_tag (task, lp_step_send_print_summary);
  g_task_set_task_data (task, g_object_ref (printer), g_object_unref);
  if (self->receipt_pdf == NULL)
    {
      g_task_return_boolean (task, FALSE);
      return;
    }
  set_busy (self, TRUE);
  lp_letter_output_print_pdfs_async (NULL, self->receipt_pdf, _("Summary of the complaint"),
                                     printer, settings, page_setup, self->cancellable,
                                     printed_cb, g_object_ref (task));
}

static void
print_on (LpStepSend       *self,
          GtkPrinter       *printer,
          GtkPrintSettings *settings,
          GtkPageSetup     *page_setup)
{
  if (self->print_kind == OUTPUT_SUMMARY)
    print_summary_on (self, printer, settings, page_setup);
  else
    lp_step_send_print (self, printer, settings, page_setup, NULL, NULL);
}

static void
print_dialog_response_cb (GtkDialog  *dialog,
                          int         response,
                          LpStepSend *self)
{
  if (response == GTK_RESPONSE_OK)
    {
      GtkPrintUnixDialog *print_dialog = GTK_PRINT_UNIX_DIALOG (dialog);
      GtkPrinter *printer = gtk_print_unix_dialog_get_selected_printer (print_dialog);
      g_autoptr (GtkPrintSettings) settings = gtk_print_unix_dialog_get_settings (print_dialog);
      GtkPageSetup *page_setup = gtk_print_unix_dialog_get_page_setup (print_dialog);

      if (printer != NULL)
        print_on (self, printer, settings, page_setup);
    }
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
open_print_dialog (LpStepSend *self)
{
  GtkRoot *root;
  GtkWidget *dialog;
  g_autoptr (GtkPrintSettings) settings = gtk_print_settings_new ();

  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = gtk_print_unix_dialog_new (self->print_kind == OUTPUT_SUMMARY
                                      ? _("Print the summary") : _("Print the letter"),
                                      GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
  /* The PDF is sent as it is (gtk_print_job_set_source_file): "Print to File" must write
   * a PDF, and page ranges or several pages per sheet would not apply. */
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT, "pdf");
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME,
                          self->print_kind == OUTPUT_SUMMARY ? "recapitulatif-plainte"
                                                             : "lettre-plainte");
  gtk_print_unix_dialog_set_settings (GTK_PRINT_UNIX_DIALOG (dialog), settings);
  gtk_print_unix_dialog_set_embed_page_setup (GTK_PRINT_UNIX_DIALOG (dialog), FALSE);
  gtk_print_unix_dialog_set_manual_capabilities (GTK_PRINT_UNIX_DIALOG (dialog),
                                                 GTK_PRINT_CAPABILITY_COPIES
                                                 | GTK_PRINT_CAPABILITY_GENERATE_PDF);
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (print_dialog_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
lp_step_send_choose_printer_and_print (LpStepSend *self)
{
  g_return_if_fail (LP_IS_STEP_SEND (self));
  self->print_kind = OUTPUT_LETTER;
  open_print_dialog (self);
}

static void
site_printer_found_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr (LpStepSend) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GtkPrinter) printer = lp_letter_output_find_printer_finish (result, &error);

  set_busy (self, FALSE);
  if (printer == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *message = g_strdup_printf (self->print_kind == OUTPUT_SUMMARY
                                                      /* Translators: %s says why */
                                                      ? _("The summary could not be printed: %s")
                                                      : _("The letter could not be printed: %s"),
                                                      error->message);

          show_status (self, TRUE, message);
        }
      return;
    }
  print_on (self, printer, NULL, NULL);
}

/* Kiosk and assisted mode: the configured printer, no dialog. */
static void
print_on_site_printer (LpStepSend *self)
{
  set_busy (self, TRUE);
  show_status (self, FALSE, _("Printing…"));
  lp_letter_output_find_printer_async (get_site (self)->printer, self->cancellable,
                                       site_printer_found_cb, g_object_ref (self));
}

void
lp_step_send_print_here (LpStepSend *self)
{
  g_return_if_fail (LP_IS_STEP_SEND (self));
  if (self->state == LP_STEP_SEND_SENDING || !check_confirmed (self))
    return;
  self->print_kind = OUTPUT_LETTER;
  if (is_public_terminal (self))
    print_on_site_printer (self);
  else
    open_print_dialog (self);
}

void
lp_step_send_print_summary (LpStepSend *self)
{
  g_return_if_fail (LP_IS_STEP_SEND (self));
  if (self->receipt_pdf == NULL)
    return;
  self->print_kind = OUTPUT_SUMMARY;
  if (is_public_terminal (self))
    print_on_site_printer (self);
  else
    open_print_dialog (self);
}

static void
save_summary_requested_cb (LpStepSend *self)
{
  choose_file (self, OUTPUT_SUMMARY);
}

/* ---- The guide --------------------------------------------------------------------------- */

static void
copy_clicked_cb (GtkButton  *button,
                 LpStepSend *self)
{
  const char *address = gtk_label_get_text (self->recipient_label);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (button)), address);
  /* Translators: after "Copy the address"; %s is the e-mail address */
  {
    g_autofree char *message = g_strdup_printf (_("The address %s was copied. Paste it in "
                                                  "FranceTransfert’s “Recipient” box."),
                                                address);

    show_status (self, FALSE, message);
  }
}

static void
open_page_clicked_cb (GtkButton  *button,
                      LpStepSend *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->page_uri != NULL)
    gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->page_uri,
                  GDK_CURRENT_TIME);
}

static GtkWidget *
wrapped_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "lp-body");
  return label;
}

/* One numbered step of the guide: the number, the sentence, and what to press. */
static void
add_guide_step (LpStepSend *self,
                guint       number,
                const char *text,
                GtkWidget  *action)
{
  g_autofree char *digits = g_strdup_printf ("%u", number);
  GtkWidget *number_label = gtk_label_new (digits);
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);

  gtk_widget_add_css_class (number_label, "lp-section-heading");
  gtk_widget_set_valign (number_label, GTK_ALIGN_START);
  gtk_widget_set_margin_top (number_label, 0);
  gtk_label_set_width_chars (GTK_LABEL (number_label), 2);
  gtk_box_append (GTK_BOX (content), wrapped_label (text));
  if (action != NULL)
    gtk_box_append (GTK_BOX (content), action);
  gtk_grid_attach (self->guide, number_label, 0, (int) number - 1, 1, 1);
  gtk_grid_attach (self->guide, content, 1, (int) number - 1, 1, 1);
}

static void
build_guide (LpStepSend *self)
{
  GtkWidget *recipient = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);

  self->save_button = gtk_button_new_with_mnemonic (_("_Save the letter (PDF)"));
  gtk_widget_add_css_class (self->save_button, "suggested-action");
  gtk_widget_add_css_class (self->save_button, "lp-secondary-button");
  gtk_widget_set_halign (self->save_button, GTK_ALIGN_START);
  lp_ui_name_after_label (self->save_button);
  g_signal_connect_swapped (self->save_button, "clicked",
                            G_CALLBACK (lp_step_send_choose_file_and_save), self);
  add_guide_step (self, 1, _("Save the letter on this computer. Remember where: you will attach "
                             "it in step 4."), self->save_button);

  /* A button rather than a GtkLinkButton: it looks like the other things to press. */
  self->page_link = gtk_button_new_with_mnemonic (_("_Open FranceTransfert’s page"));
  gtk_widget_set_halign (self->page_link, GTK_ALIGN_START);
  gtk_widget_add_css_class (self->page_link, "lp-secondary-button");
  lp_ui_name_after_label (self->page_link);
  g_signal_connect (self->page_link, "clicked", G_CALLBACK (open_page_clicked_cb), self);
  add_guide_step (self, 2, _("Open FranceTransfert’s page in your web browser."), self->page_link);

  self->recipient_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->recipient_label, TRUE);
  gtk_label_set_wrap_mode (self->recipient_label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (self->recipient_label, FALSE);
  gtk_label_set_xalign (self->recipient_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->recipient_label), "lp-field-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->recipient_label), "lp-lead");
  self->copy_button = gtk_button_new_with_mnemonic (_("_Copy the address"));
  gtk_widget_add_css_class (self->copy_button, "lp-secondary-button");
  gtk_widget_set_halign (self->copy_button, GTK_ALIGN_START);
  lp_ui_name_after_label (self->copy_button);
  g_signal_connect (self->copy_button, "clicked", G_CALLBACK (copy_clicked_cb), self);
  gtk_box_append (GTK_BOX (recipient), GTK_WIDGET (self->recipient_label));
  gtk_box_append (GTK_BOX (recipient), self->copy_button);
  add_guide_step (self, 3, _("In the “Recipient” box of that page, paste the address of the "
                             "police service in charge of this complaint:"), recipient);

  add_guide_step (self, 4, _("Attach the letter you saved (lettre-plainte.pdf), type your own "
                             "e-mail address, and send. FranceTransfert then e-mails you a code: "
                             "type it on the page to confirm the sending."), NULL);
}

/* ---- The step ---------------------------------------------------------------------------- */

static void
lp_step_send_load_from_model (LpStep            *step,
                              const LpComplaint *complaint)
{
  LpStepSend *self = LP_STEP_SEND (step);
  LpCampaign *campaign = lp_step_get_campaign (step);
  const LpSiteConfig *site = get_site (self);
  gboolean electronic = campaign != NULL && campaign->recipient_email != NULL
                        && campaign->recipient_email[0] != '\0';
  g_autofree char *postal = NULL;

  /* A sending under way, or a sent complaint's summary, stays on screen; otherwise the
   * complaint may have changed since: the letter is made again (a changed letter is a new
   * submission). Coming back after printing is coming back to correct and print again. */
  if (self->state != LP_STEP_SEND_SENDING
      && (self->state != LP_STEP_SEND_DONE || self->done_by_printing))
    {
      hide_status (self);
      drop_letter (self);
      set_state (self, LP_STEP_SEND_READY);
      /* Assisted mode: the tick is for this letter, as it is now. */
      gtk_check_button_set_active (self->confirm_check, FALSE);
      gtk_widget_set_visible (self->confirm_error, FALSE);
      gtk_widget_remove_css_class (self->confirm_box, "error");
    }
  else
    update_routes (self);

  gtk_label_set_text (self->recipient_label, electronic ? campaign->recipient_email : "");
  gtk_widget_set_visible (self->copy_button, electronic);
  g_free (self->page_uri);
  self->page_uri = g_strdup (campaign != NULL && campaign->recipient_page_url != NULL
                             && campaign->recipient_page_url[0] != '\0'
                             ? campaign->recipient_page_url
                             : "https://francetransfert.numerique.gouv.fr/");
  if (campaign != NULL && campaign->postal_recipient != NULL)
    postal = g_strjoinv ("\n", campaign->postal_recipient);
  gtk_label_set_text (self->postal_address, postal != NULL ? postal : "");

  if (site->name != NULL && site->name[0] != '\0')
    {
      /* Translators: %s is the name of the mairie or association ([site] name) */
      g_autofree char *text = g_strdup_printf (_("Your letter and your documents go straight to "
                                                 "the police service in charge, over a secure "
                                                 "connection set up by %s. You will see a "
                                                 "summary with a receipt number."), site->name);

      gtk_label_set_text (self->send_explanation, text);
    }
  else
    gtk_label_set_text (self->send_explanation,
                        _("Your letter and your documents go straight to the police service in "
                          "charge, over a secure connection. You will see a summary with a "
                          "receipt number."));
}

static void
lp_step_send_dispose (GObject *object)
{
  LpStepSend *self = LP_STEP_SEND (object);

  g_cancellable_cancel (self->cancellable);
  if (self->send_cancellable != NULL)
    g_cancellable_cancel (self->send_cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (object), LP_TYPE_STEP_SEND);
  G_OBJECT_CLASS (lp_step_send_parent_class)->dispose (object);
}

static void
lp_step_send_finalize (GObject *object)
{
  LpStepSend *self = LP_STEP_SEND (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->send_cancellable);
  g_clear_object (&self->transport);
  g_clear_pointer (&self->submission, lp_submission_unref);
  g_clear_pointer (&self->receipt_pdf, g_bytes_unref);
  g_clear_pointer (&self->timings, g_free);
  drop_letter (self);
  g_free (self->page_uri);
  G_OBJECT_CLASS (lp_step_send_parent_class)->finalize (object);
}

static void
lp_step_send_class_init (LpStepSendClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LpStepClass *step_class = LP_STEP_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = lp_step_send_dispose;
  G_OBJECT_CLASS (klass)->finalize = lp_step_send_finalize;
  step_class->load_from_model = lp_step_send_load_from_model;

  g_type_ensure (LP_TYPE_RECEIPT_VIEW);
  lp_ui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               LP_RESOURCE_PREFIX "lp-step-send.ui");
  gtk_widget_class_bind_template_child (widget_class, LpStepSend, box);
  gtk_widget_class_bind_template_child (widget_class, LpStepSend, intro_label);
  gtk_widget_class_bind_template_child (widget_class, LpStepSend, status_box);
  gtk_widget_class_bind_template_child (widget_class, LpStepSend, status_icon);
  gtk_widget_class_bind_template_child (widget_class, LpStepSend, status_label);
  gtk_widget_class_bind_template_child (widget_class, LpStepSend, confirm_box);
  gtk_widget_class_bind_template_child (widget_class, LpStepSend, confirm_check);
  gtk_widget_class_bind_template_child (widget_class, LpStepSend, confirm_error);
  gtk_widget_class_bind_template_child (widget_class, LpStepSend, send_section);
  gtk_widget_class_bind_template_child (widget_class, LpStepSend, send_explanation);
  gtk_widget_class_bind_template_child (widget_class, LpStepSend, send_button);
  gtk_widget_class_bind_template_child (widget_class, LpStepSend, progress_box);
  gtk_widget_class_bind_template_child (widget_class, LpStepSend, progress_label);
  gtk_widget_class_bind_template_child (widget_class, LpStepSend, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, LpStepSend, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, LpStepSend, failure_box);
  gtk_widget_class_bind_template_child (widget_class, LpStepSend, retry_button);
  gtk_widget_class_bind_template_child (widget_class, LpStepSend, print_instead_button);
  gtk_widget_class_bind_template_child (widget_class, LpStepSend, save_instead_button);
  gtk_widget_class_bind_template_child (widget_class, LpStepSend, guide_section);
  gtk_widget_class_bind_template_child (widget_class, LpStepSend, guide);
  gtk_widget_class_bind_template_child (widget_class, LpStepSend, print_section);
  gtk_widget_class_bind_template_child (widget_class, LpStepSend, postal_address);
  gtk_widget_class_bind_template_child (widget_class, LpStepSend, print_button);
}

static void
lp_step_send_init (LpStepSend *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  build_guide (self);

  /* After the status: the summary takes the place of the routes once done. */
  self->receipt_view = LP_RECEIPT_VIEW (lp_receipt_view_new ());
  gtk_widget_set_visible (GTK_WIDGET (self->receipt_view), FALSE);
  gtk_box_insert_child_after (self->box, GTK_WIDGET (self->receipt_view), self->status_box);
  g_signal_connect_swapped (self->receipt_view, "print-summary",
                            G_CALLBACK (lp_step_send_print_summary), self);
  g_signal_connect_swapped (self->receipt_view, "save-summary",
                            G_CALLBACK (save_summary_requested_cb), self);

  for (GtkWidget **button = (GtkWidget *[]) { self->print_button, self->send_button,
                                              self->cancel_button, self->retry_button,
                                              self->print_instead_button,
                                              self->save_instead_button, NULL };
       *button != NULL; button++)
    lp_ui_name_after_label (*button);
  g_signal_connect_swapped (self->print_button, "clicked",
                            G_CALLBACK (lp_step_send_print_here), self);
  g_signal_connect_swapped (self->print_instead_button, "clicked",
                            G_CALLBACK (lp_step_send_print_here), self);
  g_signal_connect_swapped (self->send_button, "clicked",
                            G_CALLBACK (lp_step_send_send_now), self);
  g_signal_connect_swapped (self->retry_button, "clicked",
                            G_CALLBACK (lp_step_send_send_now), self);
  g_signal_connect_swapped (self->cancel_button, "clicked",
                            G_CALLBACK (lp_step_send_cancel), self);
  g_signal_connect_swapped (self->save_instead_button, "clicked",
                            G_CALLBACK (lp_step_send_choose_file_and_save), self);
  g_signal_connect_swapped (self->confirm_check, "toggled",
                            G_CALLBACK (confirm_toggled_cb), self);
  gtk_widget_set_visible (self->confirm_error, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, 0.0,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, 100.0,
                                  -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->progress_bar),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->progress_label, NULL,
                                  -1);
}

/* ---- For tests --------------------------------------------------------------------------- */

const char *
lp_step_send_get_status (LpStepSend *self)
{
  g_return_val_if_fail (LP_IS_STEP_SEND (self), NULL);
  if (!gtk_widget_get_visible (self->status_box))
    return NULL;
  return gtk_label_get_text (self->status_label);
}

gboolean
lp_step_send_get_status_is_error (LpStepSend *self)
{
  g_return_val_if_fail (LP_IS_STEP_SEND (self), FALSE);
  return self->status_is_error;
}

LpStepSendState
lp_step_send_get_state (LpStepSend *self)
{
  g_return_val_if_fail (LP_IS_STEP_SEND (self), LP_STEP_SEND_READY);
  return self->state;
}

GtkWidget *
lp_step_send_get_widget (LpStepSend *self,
                         const char *name)
{
  static const struct { const char *name; gsize offset; } widgets[] = {
    { "send", G_STRUCT_OFFSET (LpStepSend, send_button) },
    { "cancel", G_STRUCT_OFFSET (LpStepSend, cancel_button) },
    { "retry", G_STRUCT_OFFSET (LpStepSend, retry_button) },
    { "print-instead", G_STRUCT_OFFSET (LpStepSend, print_instead_button) },
    { "save-instead", G_STRUCT_OFFSET (LpStepSend, save_instead_button) },
    { "print", G_STRUCT_OFFSET (LpStepSend, print_button) },
    { "save", G_STRUCT_OFFSET (LpStepSend, save_button) },
    { "confirm", G_STRUCT_OFFSET (LpStepSend, confirm_check) },
    { "progress", G_STRUCT_OFFSET (LpStepSend, progress_bar) },
    { "progress-label", G_STRUCT_OFFSET (LpStepSend, progress_label) },
    { "send-section", G_STRUCT_OFFSET (LpStepSend, send_section) },
    { "guide-section", G_STRUCT_OFFSET (LpStepSend, guide_section) },
    { "receipt", G_STRUCT_OFFSET (LpStepSend, receipt_view) },
  };

  g_return_val_if_fail (LP_IS_STEP_SEND (self), NULL);
  for (gsize i = 0; i < G_N_ELEMENTS (widgets); i++)
    if (g_str_equal (widgets[i].name, name))
      return G_STRUCT_MEMBER (GtkWidget *, self, widgets[i].offset);
  return NULL;
}

const char *
lp_step_send_get_submission_id (LpStepSend *self)
{
  g_return_val_if_fail (LP_IS_STEP_SEND (self), NULL);
  return self->submission != NULL ? lp_submission_get_id (self->submission) : NULL;
}

GBytes *
lp_step_send_get_letter (LpStepSend *self)
{
  g_return_val_if_fail (LP_IS_STEP_SEND (self), NULL);
  return self->letter;
}

GBytes *
lp_step_send_get_summary_pdf (LpStepSend *self)
{
  g_return_val_if_fail (LP_IS_STEP_SEND (self), NULL);
  return self->receipt_pdf;
}

void
lp_step_send_set_timings (LpStepSend          *self,
                          const LpSendTimings *timings)
{
  g_return_if_fail (LP_IS_STEP_SEND (self));
  g_clear_pointer (&self->timings, g_free);
  if (timings != NULL)
    self->timings = g_memdup2 (timings, sizeof *timings);
  if (self->transport != NULL && timings != NULL)
    lp_transport_set_timings (self->transport, timings);
}
