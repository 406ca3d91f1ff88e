/* lp-step-send.h — step 8: how the letter gets to the police
 *
 * The routes the site configuration allows (see lp-step-send.c): "Send now" through the
 * site's transport (relay, WebDAV, FranceTransfert API) with progress and cancel, and on
 * failure "Try again" (same submission, same id), "Print instead", "Save instead" (home
 * only); print (GTK's dialog at home, straight to the configured printer in kiosk and
 * assisted mode); at home, save the PDF for FranceTransfert's web page (step-by-step guide).
 * In assisted mode the victim ticks "I have read my complaint and I file it" first. After
 * sending or printing, the summary (LpReceiptView).
 */
#pragma once

#include "lp-step.h"
#include "lp-letter-output.h"
#include "lp-transport.h"

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

/* Where the step is. */
typedef enum {
  LP_STEP_SEND_READY,     /* the routes are offered */
  LP_STEP_SEND_SENDING,   /* progress and "Cancel" */
  LP_STEP_SEND_FAILED,    /* the message and "Try again", "Print instead", "Save instead" */
  LP_STEP_SEND_DONE,      /* the summary */
} LpStepSendState;

/* "Send now" and "Try again": sends the letter and the documents through the site's
 * transport (nothing when there is none, when a sending is under way, or, in assisted
 * mode, while the confirmation is not ticked). */
void        lp_step_send_send_now        (LpStepSend *self);
/* "Cancel the sending": back to the ready state within about 200 ms. */
void        lp_step_send_cancel          (LpStepSend *self);
/* "Print the letter" and "Print instead": the print dialog at home; in kiosk and assisted
 * mode straight to [print] printer (or the default printer). */
void        lp_step_send_print_here      (LpStepSend *self);
/* "Print the summary" on the summary (same choice of printer). */
void        lp_step_send_print_summary   (LpStepSend *self);
/* Writes the summary PDF to @file (home mode only). */
void        lp_step_send_save_summary    (LpStepSend          *self,
                                          GFile               *file,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);

LpStepSendState lp_step_send_get_state   (LpStepSend *self);
/* For tests: "send", "cancel", "retry", "print-instead", "save-instead", "print", "save",
 * "confirm" (GtkCheckButton), "progress" (GtkProgressBar), "progress-label", "send-section",
 * "guide-section", "receipt" (LpReceiptView). */
GtkWidget  *lp_step_send_get_widget      (LpStepSend *self,
                                          const char *name);
/* The id of the submission kept for "Try again", or NULL. */
const char *lp_step_send_get_submission_id (LpStepSend *self);
/* The letter as it was (or will be) sent, once rendered; NULL before. */
GBytes     *lp_step_send_get_letter      (LpStepSend *self);
/* The summary PDF (lp_receipt_render), once done. */
GBytes     *lp_step_send_get_summary_pdf (LpStepSend *self);
/* Tests: shorter timeouts and backoff for the transport. */
void        lp_step_send_set_timings     (LpStepSend          *self,
                                          const LpSendTimings *timings);

/* The confirmation or error shown after saving or printing, or NULL. */
const char *lp_step_send_get_status      (LpStepSend *self);
/* TRUE when the status shown is an error. */
gboolean    lp_step_send_get_status_is_error (LpStepSend *self);

G_END_DECLS
