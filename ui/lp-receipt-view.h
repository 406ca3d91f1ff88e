/* lp-receipt-view.h — the summary (récapitulatif) shown after sending or printing
 *
 * What the receipt PDF says (lp_receipt_render), in the interface language and in large
 * type: date and time, route, recipient, receipt number, the letter's SHA-256, who helped
 * (the site's name), and that this is not an official receipt. Then the campaign's advice
 * (next steps, helplines) and what to do now: print or save the summary, start a complaint
 * for someone else of the household, or erase everything and finish.
 *
 * "Another complaint for someone in my household" activates app.new-household-complaint and
 * "Erase my data and finish" app.erase-and-finish (LpApplication implements them). The
 * print and save buttons emit "print-summary" and "save-summary": the send step prints or
 * saves the receipt PDF it made.
 */
#pragma once

#include <gtk/gtk.h>

#include "lp-campaign.h"
#include "lp-letter.h"

G_BEGIN_DECLS

#define LP_TYPE_RECEIPT_VIEW (lp_receipt_view_get_type ())
G_DECLARE_FINAL_TYPE (LpReceiptView, lp_receipt_view, LP, RECEIPT_VIEW, GtkWidget)

GtkWidget  *lp_receipt_view_new            (void);

/* Shows @info; @campaign (may be NULL) gives the advice. @can_save: the "Save the summary"
 * button is offered (never in kiosk or assisted mode: nothing may be written there). */
void        lp_receipt_view_show           (LpReceiptView       *self,
                                            const LpReceiptInfo *info,
                                            const LpCampaign    *campaign,
                                            gboolean             can_save);

/* Moves the keyboard focus to the heading, so that a screen reader starts there. */
void        lp_receipt_view_focus_heading  (LpReceiptView *self);

/* Every visible line, one per line ("Label: value"), for tests and the screen reader check. */
char       *lp_receipt_view_dup_text       (LpReceiptView *self);
/* "print", "save", "household" or "finish". */
GtkWidget  *lp_receipt_view_get_button     (LpReceiptView *self,
                                            const char    *name);

G_END_DECLS
