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

G_END_DECLS
