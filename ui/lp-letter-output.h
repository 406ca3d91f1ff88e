/* lp-letter-output.h — the letter leaves the program: saved to a file, or printed
 *
 * The two routes that need no server, shared by the send step and by the sending issue
 * (kiosk mode prints straight to the configured printer with the same function). Both
 * render in a worker thread (never blocking the interface) from a copy of the complaint.
 *
 * Printing: the postal cover sheet, then the letter, each as its own GtkPrintJob fed with
 * the PDF file (gtk_print_job_set_source_file, tech-notes.md §2.5). The files live in a
 * private directory (0700) under $XDG_RUNTIME_DIR and are deleted when the jobs are done.
 * Nothing is ever added to GtkRecentManager.
 */
#pragma once

#include <gtk/gtk.h>
#include <gtk/gtkunixprint.h>

#include "lp-campaign.h"
#include "lp-complaint.h"

G_BEGIN_DECLS

/* Renders the letter and writes it to @file (created private, 0600; replaced if it exists). */
void     lp_letter_output_save_async   (const LpComplaint   *complaint,
                                        LpCampaign          *campaign,
                                        GFile               *file,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
gboolean lp_letter_output_save_finish  (GAsyncResult        *result,
                                        GError             **error);

/* Renders the cover sheet and the letter and prints them on @printer (which must accept
 * PDF: gtk_printer_accepts_pdf). @settings and @page_setup may be NULL. With the "Print to
 * File" printer, the cover sheet goes to the output URI with "-envoi" before ".pdf" and the
 * letter to the output URI itself. */
void     lp_letter_output_print_async  (const LpComplaint   *complaint,
                                        LpCampaign          *campaign,
                                        GtkPrinter          *printer,
                                        GtkPrintSettings    *settings,
                                        GtkPageSetup        *page_setup,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
gboolean lp_letter_output_print_finish (GAsyncResult        *result,
                                        GError             **error);
/* The document a finished print sent (the letter, for lp_letter_output_print_async()), or
 * NULL. For the summary's fingerprint. */
GBytes  *lp_letter_output_print_dup_document (GAsyncResult *result);

/* Writes @pdf, already made (the letter of a sending, the receipt), to @file (private,
 * 0600). Finish with lp_letter_output_save_finish(). */
void     lp_letter_output_save_pdf_async (GBytes              *pdf,
                                          GFile               *file,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);

/* Prints PDFs already made: @cover (NULL for none) first, then @document, as a job titled
 * @title. Finish with lp_letter_output_print_finish(). */
void     lp_letter_output_print_pdfs_async (GBytes              *cover,
                                            GBytes              *document,
                                            const char          *title,
                                            GtkPrinter          *printer,
                                            GtkPrintSettings    *settings,
                                            GtkPageSetup        *page_setup,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);

/* The printer called @name, or the default printer when @name is NULL or "" (kiosk mode:
 * [print] printer of the site configuration, no dialog). G_IO_ERROR_NOT_FOUND with a
 * message for the person when there is none. */
void        lp_letter_output_find_printer_async  (const char          *name,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
GtkPrinter *lp_letter_output_find_printer_finish (GAsyncResult        *result,
                                                  GError             **error);

G_END_DECLS
