/* lp-step-send.c — step 8: save the letter for FranceTransfert's web page, or print it
 *
 * Home mode: no site configuration, so no server of ours. The person either saves the PDF
 * and files it on FranceTransfert's page (the guide says how), or prints the letter with
 * its cover sheet and posts it. Both go through lp-letter-output.c, which the sending
 * issue reuses for its own routes and for kiosk printing.
 */
#define G_LOG_DOMAIN "lp-step-send"

#include "lp-step-send.h"
#include "lp-ui.h"

#include <glib/gi18n-lib.h>

/* The file name the person is offered (the letter is French whatever the language). */
#define DEFAULT_FILE_NAME "lettre-plainte.pdf"

struct _LpStepSend
{
  LpStep parent_instance;

  /* Template widgets */
  GtkBox               *box;
  GtkWidget            *status_box;
  GtkImage             *status_icon;
  GtkLabel             *status_label;
  GtkGrid              *guide;
  GtkWidget            *print_button;
  GtkLabel             *postal_address;

  /* Borrowed: built in init */
  GtkWidget            *save_button;
  GtkWidget            *page_link;
  GtkLabel             *recipient_label;
  GtkWidget            *copy_button;

  /* Owned */
  GtkFileChooserNative *chooser;
  GCancellable         *cancellable;
  char                 *page_uri;       /* FranceTransfert's upload page */
  gboolean              status_is_error;
};

G_DEFINE_FINAL_TYPE (LpStepSend, lp_step_send, LP_TYPE_STEP)

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
      /* Translators: %s is where the letter was saved, e.g. /home/elodie/Documents/lettre-plainte.pdf */
      g_autofree char *message = g_strdup_printf (_("Your letter was saved: %s. Now follow steps 2 to 4 "
                                                    "below to send it."), name);

      show_status (self, FALSE, message);
      g_task_return_boolean (task, TRUE);
    }
  else
    {
      /* Translators: %s says why, e.g. "Permission denied" */
      g_autofree char *message = g_strdup_printf (_("The letter could not be saved: %s. Choose "
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
  if (!check_ready (self, task))
    return;
  hide_status (self);
  set_busy (self, TRUE);
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

static void
chooser_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     LpStepSend      *self)
{
  g_autoptr (GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_clear_object (&self->chooser);
  if (file != NULL)
    lp_step_send_save_pdf (self, file, NULL, NULL);
}

void
lp_step_send_choose_file_and_save (LpStepSend *self)
{
  GtkRoot *root;
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  g_return_if_fail (LP_IS_STEP_SEND (self));
  if (self->chooser != NULL)
    return;

  /* The file chooser would remember the letter in the recently used files: on a shared
   * computer, that tells the next person where to find it. */
  g_object_set (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-recent-files-enabled", FALSE,
                NULL);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  self->chooser = gtk_file_chooser_native_new (_("Save the letter"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Save"), _("_Cancel"));
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
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), DEFAULT_FILE_NAME);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
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
      /* Translators: %s is the printer's name */
      g_autofree char *message =
        g_strdup_printf (_("The sheet for the envelope and your letter were sent to the printer "
                           "“%s”. Sign the letter, put both in the envelope, and post it by "
                           "registered letter with acknowledgement of receipt."),
                         gtk_printer_get_name (printer));

      show_status (self, FALSE, message);
      g_task_return_boolean (task, TRUE);
    }
  else
    {
      /* Translators: %s says why */
      g_autofree char *message = g_strdup_printf (_("The letter could not be printed: %s"),
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
  hide_status (self);
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
        lp_step_send_print (self, printer, settings, page_setup, NULL, NULL);
    }
  gtk_window_destroy (GTK_WINDOW (dialog));
}

void
lp_step_send_choose_printer_and_print (LpStepSend *self)
{
  GtkRoot *root;
  GtkWidget *dialog;
  g_autoptr (GtkPrintSettings) settings = gtk_print_settings_new ();

  g_return_if_fail (LP_IS_STEP_SEND (self));

  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = gtk_print_unix_dialog_new (_("Print the letter"),
                                      GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
  /* The PDF is sent as it is (gtk_print_job_set_source_file): "Print to File" must write
   * a PDF, and page ranges or several pages per sheet would not apply. */
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT, "pdf");
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME, "lettre-plainte");
  gtk_print_unix_dialog_set_settings (GTK_PRINT_UNIX_DIALOG (dialog), settings);
  gtk_print_unix_dialog_set_embed_page_setup (GTK_PRINT_UNIX_DIALOG (dialog), FALSE);
  gtk_print_unix_dialog_set_manual_capabilities (GTK_PRINT_UNIX_DIALOG (dialog),
                                                 GTK_PRINT_CAPABILITY_COPIES
                                                 | GTK_PRINT_CAPABILITY_GENERATE_PDF);
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (print_dialog_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
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
  gboolean electronic = campaign != NULL && campaign->recipient_email != NULL
                        && campaign->recipient_email[0] != '\0';
  g_autofree char *postal = NULL;

  hide_status (self);
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
}

static void
lp_step_send_dispose (GObject *object)
{
  LpStepSend *self = LP_STEP_SEND (object);

  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (object), LP_TYPE_STEP_SEND);
  G_OBJECT_CLASS (lp_step_send_parent_class)->dispose (object);
}

static void
lp_step_send_finalize (GObject *object)
{
  g_clear_object (&LP_STEP_SEND (object)->cancellable);
  g_free (LP_STEP_SEND (object)->page_uri);
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

  lp_ui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               LP_RESOURCE_PREFIX "lp-step-send.ui");
  gtk_widget_class_bind_template_child (widget_class, LpStepSend, box);
  gtk_widget_class_bind_template_child (widget_class, LpStepSend, guide);
  gtk_widget_class_bind_template_child (widget_class, LpStepSend, postal_address);
  gtk_widget_class_bind_template_child (widget_class, LpStepSend, print_button);
  gtk_widget_class_bind_template_child (widget_class, LpStepSend, status_box);
  gtk_widget_class_bind_template_child (widget_class, LpStepSend, status_icon);
  gtk_widget_class_bind_template_child (widget_class, LpStepSend, status_label);
}

static void
lp_step_send_init (LpStepSend *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  build_guide (self);
  lp_ui_name_after_label (self->print_button);
  g_signal_connect_swapped (self->print_button, "clicked",
                            G_CALLBACK (lp_step_send_choose_printer_and_print), self);
}

/* ---- For tests and the sending issue ----------------------------------------------------- */

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
