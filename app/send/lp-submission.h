/* lp-submission.h — what one sending carries (architecture.md §7)
 *
 * One submission = one complaint: the letter PDF named lettre-plainte.pdf, then each
 * attachment's original file, unchanged, named piece-1.<ext>, piece-2.<ext>... (plain ASCII:
 * the person's file names may hold their name). Each file has its size, MIME type and
 * SHA-256. The submission id is a UUID made once, when the submission is made, and reused
 * by every retry and every "try again": the relay uses it as the idempotency key and WebDAV
 * as the folder name, so a complaint sent twice is stored once.
 *
 * Immutable once built (the transports read it from a worker thread); reference-counted.
 * File contents hold personal data: they are zeroed when the last reference goes.
 */
#pragma once

#include <glib.h>

#include "lp-campaign.h"
#include "lp-complaint.h"

G_BEGIN_DECLS

#define LP_SUBMISSION_FORMAT   "lettre-plainte/submission"
#define LP_SUBMISSION_VERSION  1
#define LP_SUBMISSION_LETTER_NAME "lettre-plainte.pdf"

typedef struct {
  char *name;          /* "lettre-plainte.pdf", "piece-1.jpg": [A-Za-z0-9._-] only */
  char *content_type;  /* "application/pdf", "image/jpeg" */
  GBytes *data;
  char *sha256;        /* lower-case hex */
  gboolean is_letter;
} LpSubmissionFile;

typedef struct _LpSubmission LpSubmission;

GType         lp_submission_get_type            (void) G_GNUC_CONST;
#define LP_TYPE_SUBMISSION (lp_submission_get_type ())

/* A new submission with a fresh id and created-at = now, holding @letter_pdf. @site_name
 * may be NULL or "". */
LpSubmission *lp_submission_new                 (const char  *campaign_id,
                                                 const char  *site_name,
                                                 GBytes      *letter_pdf);
/* The complaint's letter and every attachment's original file (read from disk now), with
 * the campaign's electronic recipient. */
LpSubmission *lp_submission_new_for_complaint   (const LpComplaint *complaint,
                                                 const LpCampaign  *campaign,
                                                 GBytes            *letter_pdf,
                                                 const char        *site_name,
                                                 GError           **error);
LpSubmission *lp_submission_ref                 (LpSubmission *submission);
void          lp_submission_unref               (LpSubmission *submission);

/* Adds the next attachment, unchanged. @original_name gives the extension only. */
void          lp_submission_add_attachment      (LpSubmission *submission,
                                                 GBytes       *data,
                                                 const char   *original_name);
gboolean      lp_submission_add_attachment_file (LpSubmission *submission,
                                                 const char   *path,
                                                 GError      **error);
/* The electronic recipient (FranceTransfert), from the campaign; "" if none. */
void          lp_submission_set_recipient       (LpSubmission *submission,
                                                 const char   *recipient);

const char   *lp_submission_get_id              (const LpSubmission *submission);
const char   *lp_submission_get_campaign_id     (const LpSubmission *submission);
const char   *lp_submission_get_site_name       (const LpSubmission *submission);
const char   *lp_submission_get_recipient       (const LpSubmission *submission);
/* ISO 8601 UTC, "2024-03-01T10:15:00Z". */
const char   *lp_submission_get_created_at      (const LpSubmission *submission);
/* File 0 is the letter. */
guint         lp_submission_get_n_files         (const LpSubmission *submission);
const LpSubmissionFile *lp_submission_get_file  (const LpSubmission *submission,
                                                 guint               index);
guint64       lp_submission_get_total_size      (const LpSubmission *submission);
/* The metadata document (format, version, submission_id, campaign_id, site_name,
 * created_at, files[{name, size, type, sha256}]) as UTF-8 JSON. No personal data. */
GBytes       *lp_submission_dup_metadata        (const LpSubmission *submission);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LpSubmission, lp_submission_unref)

G_END_DECLS
