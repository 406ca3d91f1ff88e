/* lp-complaint-json.h — reading and writing the complaint file (architecture.md §3)
 *
 * A file holds one complaint object or an array of them. Anything that stops the file from
 * being read into the model is a GError in LP_COMPLAINT_ERROR whose message begins with
 * the JSON path of the culprit ("complainant.given_names[1]: ...", "[2].facts: ...";
 * "$" for the whole document): not JSON, wrong "format" or "version", unknown keys, wrong
 * types. Missing or badly filled fields are *not* load errors: they load as empty values and
 * the validators (lp-validate.h) report them, so the command line can tell "cannot read"
 * (exit 2) from "invalid" (exit 1).
 */
#pragma once

#include "lp-complaint.h"

G_BEGIN_DECLS

#define LP_COMPLAINT_ERROR (lp_complaint_error_quark ())
typedef enum {
  LP_COMPLAINT_ERROR_READ,         /* the file cannot be read */
  LP_COMPLAINT_ERROR_SYNTAX,       /* not JSON */
  LP_COMPLAINT_ERROR_FORMAT,       /* "format" missing or not lettre-plainte/complaint */
  LP_COMPLAINT_ERROR_VERSION,      /* unsupported "version" */
  LP_COMPLAINT_ERROR_UNKNOWN_KEY,  /* a key the format does not define */
  LP_COMPLAINT_ERROR_TYPE,         /* a value of the wrong JSON type */
  LP_COMPLAINT_ERROR_VALUE,        /* a value the model cannot hold (bad base64, ...) */
} LpComplaintError;
GQuark lp_complaint_error_quark (void);

/* Returns a GPtrArray of LpComplaint* (one element for a single object; the array frees its
 * elements). Attachment paths are resolved against @base_dir (NULL: the current directory). */
GPtrArray *lp_complaint_load_data  (const char  *data,
                                    gssize       length,
                                    const char  *base_dir,
                                    GError     **error);
GPtrArray *lp_complaint_load_file  (const char  *path,
                                    GError     **error);

/* Pretty-printed JSON of one complaint, every field written (attachment "file" as loaded). */
char      *lp_complaint_to_json    (const LpComplaint *complaint,
                                    gsize             *length);
/* Writes one complaint (an object) or, when @complaints has several, an array, atomically.
 * The buffer holding the JSON is zeroed after writing. */
gboolean   lp_complaint_save_file  (GPtrArray   *complaints,
                                    const char  *path,
                                    GError     **error);

G_END_DECLS
