/* lp-step-send.h — step 8: how the letter gets to the police
 *
 * In home mode (no site configuration) two routes: save the PDF and file it on
 * FranceTransfert's web page (a step-by-step guide, the recipient address copyable), or
 * print the letter with its cover sheet and post it. The sending routes of a site (relay,
 * WebDAV, FranceTransfert API) come with the sending issue and reuse the entry points
 * below. After saving or printing, a confirmation says what happened.
 */
#pragma once

#include "lp-step.h"
#include "lp-letter-output.h"

G_BEGIN_DECLS

#define LP_TYPE_STEP_SEND (lp_step_send_get_type ())
G_DECLARE_FINAL_TYPE (LpStepSend, lp_step_send, LP, STEP_SEND, LpStep)

/* The "Save" button: a file chooser (default name lettre-plainte.pdf), then
 * lp_step_send_save_pdf(). */
void        lp_step_send_choose_file_and_save     (LpStepSend *self);
/* The "Print" button: GTK's print dialog to choose the printer, then lp_step_send_print(). */
void        lp_step_send_choose_printer_and_print (LpStepSend *self);

/* Writes the session's letter to @file and shows the confirmation (or the error). */
void        lp_step_send_save_pdf        (LpStepSend          *self,
                                          GFile               *file,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
gboolean    lp_step_send_save_pdf_finish (LpStepSend          *self,
                                          GAsyncResult        *result,
                                          GError             **error);

/* Prints the cover sheet and the letter on @printer and shows the confirmation (or the
 * error). @settings and @page_setup may be NULL. */
void        lp_step_send_print           (LpStepSend          *self,
                                          GtkPrinter          *printer,
                                          GtkPrintSettings    *settings,
                                          GtkPageSetup        *page_setup,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
gboolean    lp_step_send_print_finish    (LpStepSend          *self,
                                          GAsyncResult        *result,
                                          GError             **error);

/* The confirmation or error shown after saving or printing, or NULL. */
const char *lp_step_send_get_status      (LpStepSend *self);
/* TRUE when the status shown is an error. */
gboolean    lp_step_send_get_status_is_error (LpStepSend *self);

G_END_DECLS
