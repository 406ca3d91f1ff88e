/* lp-complaint-json.h — reading and writing the complaint file (architecture.md §3)
 *
 * A file holds one complaint object or an array of them. Anything that stops the file from
 * being read into the model is a GError in LP_COMPLAINT_ERROR whose message begins with
 * the JSON path of the culprit ("complainant.given_names[1]: ...", "[2].facts: ...";
 * "$" for the whole document): not JSON, wrong "format" or "version", unknown keys, wrong
 * types. Missing or badly filled fields are *not* load errors: they load as empty values and
 * the validators (lp-validate.h) report them, so the command line can tell "cannot read"
 * (exit 2) from "invalid" (exit 1).
 *
 * What the loader accepts, precisely:
 * - Paths: keys joined with ".", array indices in brackets and counted from 0; in a file
 *   holding an array, every path starts with the complaint's index ("[2].facts.notified").
 *   A key that is not a plain identifier is quoted: ["my key"].
 * - Strings must be JSON strings: null is refused for them. null is accepted only where
 *   the format gives it a meaning: "representative" (files for themself), "amount_eur"
 *   (no amount) and "image_png_base64" (no drawn signature; "" means the same).
 * - Any key may be missing: it loads as the empty value (""; [], false, NULL), except
 *   "format" and "version", which must be there ("format": "lettre-plainte/complaint",
 *   "version": the integer 1). A key given twice in one object is an error
 *   (LP_COMPLAINT_ERROR_SYNTAX), since one of the two values would be silently lost.
 * - "amount_eur" is a JSON number, rounded to the nearest cent; negative amounts load (the
 *   validators judge them); beyond ±LP_COMPLAINT_MAX_AMOUNT_EUR is LP_COMPLAINT_ERROR_VALUE.
 * - "image_png_base64" must be strict base64 (white space tolerated) of a PNG file of at most
 *   LP_COMPLAINT_MAX_SIGNATURE_SIZE bytes, else LP_COMPLAINT_ERROR_VALUE.
 * - Text that is not UTF-8: inside a string, LP_COMPLAINT_ERROR_VALUE with the string's path;
 *   elsewhere, LP_COMPLAINT_ERROR_SYNTAX on "$" with the line. An escaped NUL (backslash u0000) is
 *   LP_COMPLAINT_ERROR_VALUE (no field can hold it). More than LP_COMPLAINT_MAX_DEPTH nested
 *   arrays or objects is LP_COMPLAINT_ERROR_SYNTAX (refused before parsing, so that a hostile
 *   file cannot overflow the stack).
 * - Inputs larger than LP_COMPLAINT_MAX_FILE_SIZE are LP_COMPLAINT_ERROR_READ, before parsing.
 * - Attachments: "file" is kept as written; "path" is "file" made absolute against the
 *   directory of the JSON file (or @base_dir). An absolute "file" is kept as it is.
 *
 * Privacy (architecture.md §8): the text read from disk, the parsed tree's strings and the
 * written JSON are zeroed before they are freed; nothing is logged.
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

#define LP_COMPLAINT_MAX_FILE_SIZE       (64 * 1024 * 1024)  /* bytes of JSON */
#define LP_COMPLAINT_MAX_SIGNATURE_SIZE  (2 * 1024 * 1024)   /* bytes of decoded PNG */
#define LP_COMPLAINT_MAX_DEPTH           64                  /* nested arrays and objects */
#define LP_COMPLAINT_MAX_AMOUNT_EUR      G_GINT64_CONSTANT (1000000000000)

/* Returns a GPtrArray of LpComplaint* (one element for a single object; the array frees its
 * elements). Attachment paths are resolved against @base_dir (NULL: the current directory). */
GPtrArray *lp_complaint_load_data  (const char  *data,
                                    gssize       length,
                                    const char  *base_dir,
                                    GError     **error);
GPtrArray *lp_complaint_load_file  (const char  *path,
                                    GError     **error);

/* Pretty-printed JSON of one complaint, every field written in the order of architecture.md §3
 * (attachment "file" as loaded, "path" not written), UTF-8 unescaped, ending with a newline.
 * Amounts are written in euros with their cents ("12.05", "150"). @length may be NULL.
 * Free the result with lp_secure_free_string(). */
char      *lp_complaint_to_json    (const LpComplaint *complaint,
                                    gsize             *length);
/* Writes one complaint (an object) or, when @complaints has several, an array, atomically,
 * with mode 0600 (it holds personal data). @complaints must not be empty. The buffer holding
 * the JSON is zeroed after writing. Errors are in G_FILE_ERROR. */
gboolean   lp_complaint_save_file  (GPtrArray   *complaints,
                                    const char  *path,
                                    GError     **error);

G_END_DECLS
