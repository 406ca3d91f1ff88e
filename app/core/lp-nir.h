/* lp-nir.h — the French social-security number (NIR), domain.md §2
 *
 * A NIR is 15 characters: a 13-character body (sex or number type, year, month,
 * department, commune or country, order) and a 2-digit control key. People type it with
 * spaces, dots or dashes, as printed on the carte Vitale ("2 84 05 88 321 025 32"); the
 * validator accepts that and reports, in the tone of domain.md §4.2, every rule of §2.7.
 *
 * Privacy (architecture.md §8): no function here logs anything, and no message quotes the
 * number. Display it with lp_nir_mask() once entered.
 */
#pragma once

#include <glib.h>

#include "lp-issue.h"

G_BEGIN_DECLS

#define LP_NIR_LENGTH 15

/* Strips spaces, dots and dashes and uppercases "2a"/"2b" into @out. Returns FALSE when
 * @input holds any other character (letters other than A/B, tabs, ...) or more than 15
 * significant characters; @out then holds an empty string. TRUE does not mean the number
 * is valid, only that it is made of the right characters: @out may be shorter than 15. */
gboolean  lp_nir_normalize    (const char *input,
                               char        out[16]);

/* The control key (1..97) of a 13-character body, with 2A read as 19 and 2B as 18;
 * 0 when @body is not 13 digits (or 2A/2B at positions 6-7). */
guint     lp_nir_compute_key  (const char *body);

/* Appends to @issues (under @path, e.g. "complainant.nir") the errors and warnings for
 * @input. Empty input (or only separators) adds nothing: the NIR is optional.
 * @birth_date (ISO YYYY-MM-DD, may be NULL or empty) is used for cross-checks, which only
 * ever give warnings. The first digit is never checked against the civility. */
void      lp_validate_nir     (const char  *input,
                               const char  *birth_date,
                               const char  *path,
                               LpIssueList *issues);

/* TRUE when lp_validate_nir() would report no error (warnings allowed). */
gboolean  lp_nir_is_valid     (const char *input);

/* "2 84 05 88 321 025 32" from "284058832102532": groups of 1, 2, 2, 2, 3, 3, 2 as on the
 * carte Vitale. A shorter input is grouped as far as it goes. NULL gives NULL. */
char     *lp_nir_format       (const char *normalized);

/* "2 •• •• •• ••• ••• 32": only the first digit and the key stay visible, for shared
 * screens (domain.md §2.7.7). An input that is not 15 characters is masked entirely. */
char     *lp_nir_mask         (const char *normalized);

G_END_DECLS
