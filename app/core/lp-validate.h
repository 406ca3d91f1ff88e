/* lp-validate.h — validators for every field of a complaint
 *
 * Each validator appends LpIssues (errors block, warnings do not) to a list, with the JSON
 * path it was given and a message that names the field and says how to fix it, in the tone
 * of domain.md §4.2 ("Date de naissance : le jour est invalide. Exemple : 14"). The same
 * functions serve the command line (--check) and the wizard (one field at a time).
 * @today is passed in so that tests do not depend on the clock.
 */
#pragma once

#include "lp-campaign.h"
#include "lp-complaint.h"
#include "lp-issue.h"

G_BEGIN_DECLS

/* Validates the whole complaint. @campaign may be NULL: the "campaign" id, the operator,
 * channel and consequence ids are then not checked against it (the caller reports a
 * campaign it could not find). @today NULL means the current local date. A complainant
 * under 18 with no representative gets a warning; a represented complainant needs no
 * phone of their own (the representative's is required). */
void lp_validate_complaint (const LpComplaint *complaint,
                            const LpCampaign  *campaign,
                            const GDate       *today,
                            LpIssueList       *issues);

/* The kinds of text a field holds; each has its own characters and length limit. */
typedef enum {
  LP_TEXT_PERSON_NAME,  /* birth name, usage name, a given name: Latin letters with any
                         * diacritic, apostrophes, hyphens, spaces; no digit; <= 100 */
  LP_TEXT_PLACE_NAME,   /* commune, city, signature place: as a name, plus digits and
                         * . , ( ) / for "Paris 15e", "Saint-Denis (La Réunion)"; <= 100 */
  LP_TEXT_LINE,         /* street, insurer, nationality, title...: one printable line;
                         * letters must be Latin; <= 200 */
  LP_TEXT_FREE,         /* the account, the prejudice: several lines (newline and tab
                         * allowed), any script; <= 20,000 characters */
} LpTextKind;

#define LP_NAME_MAX_CHARS  100
#define LP_LINE_MAX_CHARS  200
#define LP_FREE_MAX_CHARS  20000

/* Checks one text field. @label is the translated field name that starts every message
 * ("Birth name"). Empty (or only spaces) is an error when @required, else fine. Leading and
 * trailing spaces are accepted silently. Invalid UTF-8, control characters, letters of
 * other scripts (for the name kinds and lines) and over-long values are errors; characters
 * outside the Basic Multilingual Plane (emoji) in free text are a warning, since the
 * letter's font cannot show them. Fast on any size: a 1 MB name is refused at once. */
void     lp_validate_text         (const char  *value,
                                   LpTextKind   kind,
                                   const char  *label,
                                   gboolean     required,
                                   const char  *path,
                                   LpIssueList *issues);

/* Strict ISO "YYYY-MM-DD" that exists in the calendar (29 February only in leap years).
 * @date may be NULL; when given and the text is valid it is set. */
gboolean lp_parse_iso_date        (const char *text,
                                   GDate      *date);

/* The age of majority in France. */
#define LP_ADULT_AGE 18
/* Age in whole years on @today, or -1 when @birth_date is not a valid ISO date. */
int      lp_age_on                (const char  *birth_date,
                                   const GDate *today);

typedef enum {
  LP_DATE_BIRTH,      /* required; from 1900 to today */
  LP_DATE_SIGNATURE,  /* required; not after today */
  LP_DATE_NOTIFIED,   /* optional (when the insurer told the person); not after today */
} LpDateKind;

/* @today NULL means the current local date. */
void     lp_validate_date         (const char  *value,
                                   LpDateKind   kind,
                                   const GDate *today,
                                   const char  *path,
                                   LpIssueList *issues);

/* TRUE for an empty country and for France written any usual way ("France", "FR",
 * "république française", "FRANCE", "Frânce"...), including the overseas departments and
 * territories by name ("Guadeloupe", "La Réunion"...): their postal codes are French. */
gboolean lp_country_is_france     (const char *country);

/* Required. France: five digits, not 00xxx (Corsica 20xxx and overseas 97xxx/98xxx are
 * ordinary codes). Elsewhere: any short printable code (at most 16 characters). */
void     lp_validate_postal_code  (const char  *postal_code,
                                   const char  *country,
                                   const char  *path,
                                   LpIssueList *issues);

/* Spaces, dots, dashes, slashes and parentheses are ignored. Accepted: a French number of
 * 10 digits starting with 0 (not 00); +33 (or 0033) followed by 9 digits; any international
 * number in E.164 form, + (or 00) then 8 to 15 digits. "+33 0…" is accepted with a warning
 * (the 0 must be dropped after +33, or the number does not work from abroad). */
void     lp_validate_phone        (const char  *phone,
                                   gboolean     required,
                                   const char  *path,
                                   LpIssueList *issues);

/* Optional. One @, a non-empty local part (<= 64), a domain with a dot, no spaces, at most
 * 254 characters. */
void     lp_validate_email        (const char  *email,
                                   const char  *path,
                                   LpIssueList *issues);

#define LP_ATTACHMENT_MAX_BYTES   (20 * 1024 * 1024)
#define LP_ATTACHMENT_MAX_PIXELS  (100 * 1000 * 1000)
#define LP_ATTACHMENT_MAX_SIDE    20000

/* One attachment, @index counting from 0 (paths "attachments[0].file", ".title"). The file
 * (attachment->path when set, else attachment->file) must exist, be a regular file of at
 * most 20 MiB, and be a PDF or a photo/scan gdk-pixbuf reads (JPEG, PNG, GIF, BMP, TIFF,
 * WebP, HEIF...) of at most 100 megapixels and 20,000 pixels a side. Only the image header
 * is read, never the whole image. */
void     lp_validate_attachment   (const LpAttachment *attachment,
                                   guint               index,
                                   LpIssueList        *issues);

/* Validates one person: the complainant (@prefix "complainant") or the legal
 * representative (@prefix "representative", who must also give a quality). */
void     lp_validate_person       (const LpPerson *person,
                                   const char     *prefix,
                                   gboolean        is_representative,
                                   const GDate    *today,
                                   LpIssueList    *issues);

G_END_DECLS
