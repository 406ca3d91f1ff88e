/* lp-letter-output.c — see lp-letter-output.h */
#define G_LOG_DOMAIN "lp-letter-output"

#include "lp-letter-output.h"
#include "lp-letter.h"
#include "lp-secure.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

typedef struct {
  LpComplaint      *complaint;   /* a copy: the person may go on editing meanwhile */
  LpCampaign       *campaign;
  GFile            *file;        /* save: the destination */
  GBytes           *bytes;       /* save: a PDF already made, or NULL to render the letter */
  GtkPrinter       *printer;     /* print */
  GtkPrintSettings *settings;
  GtkPageSetup     *page_setup;
  /* print: PDFs already made (cover sheet, letter), or NULL to render them */
  GBytes           *pdfs[2];
  const char       *job_title;   /* of the second job: static or translated string */
  /* print: the private directory and its two files, cover sheet first */
  char             *directory;
  char             *paths[2];
  guint             next_job;
} OutputData;

static void
output_data_free (gpointer data)
{
  OutputData *output = data;

  g_clear_pointer (&output->complaint, lp_complaint_free);
  g_clear_pointer (&output->campaign, lp_campaign_unref);
  g_clear_object (&output->file);
  g_clear_pointer (&output->bytes, g_bytes_unref);
  for (guint i = 0; i < G_N_ELEMENTS (output->pdfs); i++)
    g_clear_pointer (&output->pdfs[i], g_bytes_unref);
  g_clear_object (&output->printer);
  g_clear_object (&output->settings);
  g_clear_object (&output->page_setup);
  /* Whatever happened, no copy of the letter stays behind. */
  for (guint i = 0; i < G_N_ELEMENTS (output->paths); i++)
    if (output->paths[i] != NULL)
      {
        g_unlink (output->paths[i]);
        g_free (output->paths[i]);
      }
  if (output->directory != NULL)
    g_rmdir (output->directory);
  g_free (output->directory);
  g_free (output);
}

static OutputData *
output_data_new (const LpComplaint *complaint,
                 LpCampaign        *campaign)
{
  OutputData *output = g_new0 (OutputData, 1);

  /* Both NULL when the PDFs come already made. */
  if (complaint != NULL)
    output->complaint = lp_complaint_copy (complaint);
  if (campaign != NULL)
    output->campaign = lp_campaign_ref (campaign);
  return output;
}

/* ---- Save -------------------------------------------------------------------------------- */

static void
save_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  OutputData *output = task_data;
  GError *error = NULL;
  g_autoptr (GBytes) pdf = output->bytes != NULL
                           ? g_bytes_ref (output->bytes)
                           : lp_letter_render (output->complaint, output->campaign, &error);

  if (pdf == NULL
      || !g_file_replace_contents (output->file, g_bytes_get_data (pdf, NULL),
                                   g_bytes_get_size (pdf), NULL, FALSE,
                                   G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                                   NULL, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

void
lp_letter_output_save_async (const LpComplaint   *complaint,
                             LpCampaign          *campaign,
                             GFile               *file,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  OutputData *output;

  g_return_if_fail (complaint != NULL);
  g_return_if_fail (campaign != NULL);
  g_return_if_fail (G_IS_FILE (file));

  output = output_data_new (complaint, campaign);
  output->file = g_object_ref (file);
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, lp_letter_output_save_async);
  g_task_set_task_data (task, output, output_data_free);
  g_task_run_in_thread (task, save_in_thread);
}

void
lp_letter_output_save_pdf_async (GBytes              *pdf,
                                 GFile               *file,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  OutputData *output;

  g_return_if_fail (pdf != NULL);
  g_return_if_fail (G_IS_FILE (file));

  output = output_data_new (NULL, NULL);
  output->bytes = g_bytes_ref (pdf);
  output->file = g_object_ref (file);
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, lp_letter_output_save_async);
  g_task_set_task_data (task, output, output_data_free);
  g_task_run_in_thread (task, save_in_thread);
}

gboolean
lp_letter_output_save_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- Print ------------------------------------------------------------------------------- */

static gboolean
write_private_file (const char  *path,
                    GBytes      *bytes,
                    GError     **error)
{
  return g_file_set_contents_full (path, g_bytes_get_data (bytes, NULL),
                                   (gssize) g_bytes_get_size (bytes),
                                   G_FILE_SET_CONTENTS_NONE, 0600, error);
}

static void
prepare_print_in_thread (GTask        *task,
                         gpointer      source_object,
                         gpointer      task_data,
                         GCancellable *cancellable)
{
  OutputData *output = task_data;
  GError *error = NULL;
  g_autoptr (GBytes) cover = NULL;
  g_autoptr (GBytes) letter = NULL;
  g_autofree char *template = NULL;

  if (output->pdfs[1] != NULL)
    {
      cover = output->pdfs[0] != NULL ? g_bytes_ref (output->pdfs[0]) : NULL;
      letter = g_bytes_ref (output->pdfs[1]);
    }
  else
    {
      cover = lp_cover_sheet_render (output->complaint, output->campaign, &error);
      if (cover != NULL)
        letter = lp_letter_render (output->complaint, output->campaign, &error);
      /* Kept for lp_letter_output_print_dup_document(): the summary's fingerprint is that
       * of the letter printed, not of a second rendering. */
      if (letter != NULL)
        {
          output->pdfs[0] = g_bytes_ref (cover);
          output->pdfs[1] = g_bytes_ref (letter);
        }
    }
  if (letter == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* Private to this user and this session (tmpfs on most systems): the letter is full of
   * personal data. */
  template = g_build_filename (g_get_user_runtime_dir (), "lettre-plainte-XXXXXX", NULL);
  if (g_mkdtemp_full (template, 0700) == NULL)
    {
      int saved_errno = errno;

      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                               _("The letter could not be prepared for printing: %s"),
                               g_strerror (saved_errno));
      return;
    }
  output->directory = g_steal_pointer (&template);
  /* No cover sheet: a single document (the receipt). */
  if (cover != NULL)
    output->paths[0] = g_build_filename (output->directory, "envoi.pdf", NULL);
  output->paths[1] = g_build_filename (output->directory, "lettre-plainte.pdf", NULL);
  if ((cover != NULL && !write_private_file (output->paths[0], cover, &error))
      || !write_private_file (output->paths[1], letter, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

/* "file:///home/x/lettre.pdf" -> "file:///home/x/lettre-envoi.pdf" */
static char *
cover_output_uri (const char *uri)
{
  g_autofree char *stem = g_str_has_suffix (uri, ".pdf")
                          ? g_strndup (uri, strlen (uri) - strlen (".pdf"))
                          : g_strdup (uri);

  return g_strconcat (stem, "-envoi.pdf", NULL);
}

static void send_next_job (GTask *task);

static void
job_complete_cb (GtkPrintJob  *job,
                 gpointer      user_data,
                 const GError *error)
{
  GTask *task = user_data;

  if (error != NULL)
    {
      g_task_return_error (task, g_error_copy (error));
      g_object_unref (task);
      return;
    }
  send_next_job (task);
}

/* One job after the other, so that the cover sheet comes out first. Owns a reference to
 * @task until it returns. */
static void
send_next_job (GTask *task)
{
  OutputData *output = g_task_get_task_data (task);
  guint index = output->next_job++;
  g_autoptr (GtkPrintSettings) settings = NULL;
  g_autoptr (GtkPageSetup) page_setup = NULL;
  g_autoptr (GtkPrintJob) job = NULL;
  GError *error = NULL;
  const char *uri;

  while (index < G_N_ELEMENTS (output->paths) && output->paths[index] == NULL)
    index = output->next_job++;

  if (index >= G_N_ELEMENTS (output->paths))
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    {
      g_object_unref (task);
      return;
    }

  settings = output->settings != NULL ? gtk_print_settings_copy (output->settings)
                                      : gtk_print_settings_new ();
  uri = gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_URI);
  if (index == 0 && uri != NULL && uri[0] != '\0')
    {
      g_autofree char *cover_uri = cover_output_uri (uri);

      gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_URI, cover_uri);
    }
  page_setup = output->page_setup != NULL ? g_object_ref (output->page_setup)
                                          : gtk_page_setup_new ();
  job = gtk_print_job_new (index == 0 ? _("Cover sheet for the envelope") : output->job_title,
                           output->printer, settings, page_setup);
  if (!gtk_print_job_set_source_file (job, output->paths[index], &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  gtk_print_job_send (job, job_complete_cb, task, NULL);
}

static void
print_prepared_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GTask *task = user_data;   /* owned */
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  send_next_job (task);
}

/* What both print entry points share: the printer must take PDF; then the files are written
 * in a worker thread and the print jobs, which are GTK objects, sent from the main thread.
 * Takes @output. */
static void
print_output_async (OutputData          *output,
                    GtkPrinter          *printer,
                    GtkPrintSettings    *settings,
                    GtkPageSetup        *page_setup,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr (GTask) prepare = NULL;

  g_task_set_source_tag (task, lp_letter_output_print_async);
  g_task_set_task_data (task, output, output_data_free);
  if (!gtk_printer_accepts_pdf (printer))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("The printer “%s” cannot print this letter. Choose another "
                                 "printer."), gtk_printer_get_name (printer));
      g_object_unref (task);
      return;
    }
  output->printer = g_object_ref (printer);
  output->settings = settings != NULL ? g_object_ref (settings) : NULL;
  output->page_setup = page_setup != NULL ? g_object_ref (page_setup) : NULL;
  prepare = g_task_new (NULL, cancellable, print_prepared_cb, task);
  g_task_set_task_data (prepare, output, NULL);
  g_task_run_in_thread (prepare, prepare_print_in_thread);
}

void
lp_letter_output_print_async (const LpComplaint   *complaint,
                              LpCampaign          *campaign,
                              GtkPrinter          *printer,
                              GtkPrintSettings    *settings,
                              GtkPageSetup        *page_setup,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  OutputData *output;

  g_return_if_fail (complaint != NULL);
  g_return_if_fail (campaign != NULL);
  g_return_if_fail (GTK_IS_PRINTER (printer));

  output = output_data_new (complaint, campaign);
  output->job_title = _("Complaint letter");
  print_output_async (output, printer, settings, page_setup, cancellable, callback, user_data);
}

void
lp_letter_output_print_pdfs_async (GBytes              *cover,
                                   GBytes              *document,
                                   const char          *title,
                                   GtkPrinter          *printer,
                                   GtkPrintSettings    *settings,
                                   GtkPageSetup        *page_setup,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  OutputData *output;

  g_return_if_fail (document != NULL);
  g_return_if_fail (title != NULL);
  g_return_if_fail (GTK_IS_PRINTER (printer));

  output = output_data_new (NULL, NULL);
  output->pdfs[0] = cover != NULL ? g_bytes_ref (cover) : NULL;
  output->pdfs[1] = g_bytes_ref (document);
  output->job_title = g_intern_string (title);
  print_output_async (output, printer, settings, page_setup, cancellable, callback, user_data);
}

/* ---- Finding a printer ------------------------------------------------------------------- */

typedef struct {
  char       *name;      /* NULL or "": the default printer */
  GtkPrinter *named;
  GtkPrinter *fallback;  /* the default printer */
} FindData;

static void
find_data_free (gpointer data)
{
  FindData *find = data;

  g_free (find->name);
  g_clear_object (&find->named);
  g_clear_object (&find->fallback);
  g_free (find);
}

static gboolean
find_printer_cb (GtkPrinter *printer,
                 gpointer    user_data)
{
  FindData *find = g_task_get_task_data (G_TASK (user_data));

  if (find->name != NULL && find->name[0] != '\0')
    {
      if (find->named == NULL && g_strcmp0 (gtk_printer_get_name (printer), find->name) == 0)
        find->named = g_object_ref (printer);
      return find->named != NULL;
    }
  if (find->fallback == NULL && gtk_printer_is_default (printer))
    find->fallback = g_object_ref (printer);
  return find->fallback != NULL;
}

/* Called once every backend has listed its printers (or find_printer_cb stopped it). */
static void
find_printer_done (gpointer user_data)
{
  GTask *task = user_data;   /* owned */
  FindData *find = g_task_get_task_data (task);
  GtkPrinter *found = find->named != NULL ? find->named : find->fallback;

  if (found != NULL)
    g_task_return_pointer (task, g_object_ref (found), g_object_unref);
  else if (find->name != NULL && find->name[0] != '\0')
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                             /* Translators: %s is the printer's name from the site configuration
                              * ([print] printer) */
                             _("The printer “%s” cannot be found. Ask the staff to check that "
                               "it is on and connected."), find->name);
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                             _("No printer is set up on this computer. Ask the staff to check "
                               "that the printer is on and connected."));
  g_object_unref (task);
}

void
lp_letter_output_find_printer_async (const char          *name,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  FindData *find = g_new0 (FindData, 1);

  g_task_set_source_tag (task, lp_letter_output_find_printer_async);
  find->name = g_strdup (name);
  g_task_set_task_data (task, find, find_data_free);
  /* Not waiting: the backends answer in the main loop, which keeps the screen alive. */
  gtk_enumerate_printers (find_printer_cb, task, find_printer_done, FALSE);
}

GtkPrinter *
lp_letter_output_find_printer_finish (GAsyncResult  *result,
                                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

GBytes *
lp_letter_output_print_dup_document (GAsyncResult *result)
{
  OutputData *output;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  output = g_task_get_task_data (G_TASK (result));
  return output != NULL && output->pdfs[1] != NULL ? g_bytes_ref (output->pdfs[1]) : NULL;
}

gboolean
lp_letter_output_print_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
