/* lp-letter.h — the documents made from a complaint: the letter, the postal cover sheet and
 * the receipt (récapitulatif)
 *
 * All three are A4 PDFs made with libharu, in French whatever the interface language, with
 * the wording taken from the campaign. The PDF is returned in memory (it leaves the process
 * only when the caller writes or sends it). Identical input gives byte-identical output.
 * libharu errors come back as GErrors (LP_LETTER_ERROR), never as a crash.
 */
#pragma once

#include <gio/gio.h>

#include "lp-campaign.h"
#include "lp-complaint.h"

G_BEGIN_DECLS

#define LP_LETTER_ERROR (lp_letter_error_quark ())
typedef enum {
  LP_LETTER_ERROR_FONT,        /* the letter font is missing */
  LP_LETTER_ERROR_ATTACHMENT,  /* an attachment cannot be read or decoded; message starts with its JSON path */
  LP_LETTER_ERROR_SIGNATURE,   /* the signature image cannot be decoded */
  LP_LETTER_ERROR_TEMPLATE,    /* the campaign wording cannot be expanded */
  LP_LETTER_ERROR_PDF,         /* libharu reported an error */
} LpLetterError;
GQuark lp_letter_error_quark (void);

/* What the receipt says about one sending or printing. */
typedef struct {
  GDateTime  *when;          /* local time of the sending */
  const char *route;         /* "relay", "webdav", "francetransfert", "print", "save" */
  const char *recipient;     /* address, e-mail or printer, as shown to the person */
  const char *receipt_id;    /* the server's receipt id, or NULL */
  const char *letter_sha256; /* hex SHA-256 of the letter PDF */
  const char *site_name;     /* the association or mairie, or NULL */
} LpReceiptInfo;

GBytes *lp_letter_render       (const LpComplaint    *complaint,
                                const LpCampaign     *campaign,
                                GError              **error);
GBytes *lp_cover_sheet_render  (const LpComplaint    *complaint,
                                const LpCampaign     *campaign,
                                GError              **error);
GBytes *lp_receipt_render      (const LpComplaint    *complaint,
                                const LpCampaign     *campaign,
                                const LpReceiptInfo  *info,
                                GError              **error);

/* The letter rendered in a worker thread (attachments can take a while). */
void    lp_letter_render_async  (const LpComplaint    *complaint,
                                 LpCampaign           *campaign,
                                 GCancellable         *cancellable,
                                 GAsyncReadyCallback   callback,
                                 gpointer              user_data);
GBytes *lp_letter_render_finish (GAsyncResult         *result,
                                 GError              **error);

G_END_DECLS
