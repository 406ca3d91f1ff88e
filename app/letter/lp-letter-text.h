/* lp-letter-text.h — the French words of the documents: campaign templates filled with the
 * complaint's values, and the few formats that are not wording (dates, amounts, NIR)
 *
 * Internal to app/letter. A LpLetterTexts holds every placeholder value of one complaint
 * (see assets/campaigns/README.md, "Placeholders of the texts"). Expanding a template never
 * fails loudly in the middle of a layout: the first failure is kept and returned by
 * lp_letter_texts_check() before the PDF is saved, so layout code stays readable.
 */
#pragma once

#include <glib.h>

#include "lp-campaign.h"
#include "lp-complaint.h"

G_BEGIN_DECLS

typedef struct _LpLetterTexts LpLetterTexts;

LpLetterTexts *lp_letter_texts_new        (const LpComplaint *complaint,
                                           const LpCampaign  *campaign);
void           lp_letter_texts_free       (LpLetterTexts *texts);

/* Sets (or replaces) the value of placeholder @name; @value NULL removes it. */
void           lp_letter_texts_set        (LpLetterTexts *texts,
                                           const char    *name,
                                           const char    *value);
/* The template @key expanded; "" (and the error kept) when it cannot be. */
char          *lp_letter_texts_expand     (LpLetterTexts *texts,
                                           const char    *key);
/* @key + "_representative" when the complaint is filed by a representative, else @key. */
char          *lp_letter_texts_expand_for (LpLetterTexts *texts,
                                           const char    *key);
gboolean       lp_letter_texts_has_representative (LpLetterTexts *texts);
/* FALSE with the first expansion error (LP_LETTER_ERROR_TEMPLATE). */
gboolean       lp_letter_texts_check      (LpLetterTexts  *texts,
                                           GError        **error);

/* "14 décembre 1984", "1er mars 2024"; an unparsable value is returned as typed. */
char          *lp_letter_format_date      (const char *iso_date);
char          *lp_letter_format_gdate     (const GDate *date);
/* "1 234,56 €" with U+202F between thousands and U+00A0 before the euro sign. */
char          *lp_letter_format_amount    (gint64 cents);
/* "2 84 05 88 321 025 32" (lp_nir_format), or the NIR as typed when it is not made of
 * NIR characters. */
char          *lp_letter_format_nir       (const char *typed);

/* "Élodie Marie Dupré" / "Élodie Marie Martin" (usage name); given names as typed. */
char          *lp_letter_person_name      (const LpPerson *person);
/* "Madame Élodie Marie Dupré", or the name alone when there is no civility. */
char          *lp_letter_person_civility_name (LpLetterTexts  *texts,
                                               const LpPerson *person);
/* "Lyon (69)" or "Casablanca, Maroc". */
char          *lp_letter_person_birthplace (const LpPerson *person);
/* The postal address as lines (street, complement, postal code + city, country unless
 * France). */
GPtrArray     *lp_letter_person_address_lines (const LpPerson *person);
/* "e" for madame, "" for monsieur, "(e)" when no civility was given. */
const char    *lp_letter_agreement        (const LpPerson *person);

/* The lines of the identity block of @person: civility and name, birth, nationality,
 * profession, address, phone, e-mail, NIR — each only when given. The first line is
 * the name. */
GPtrArray     *lp_letter_identity_lines   (LpLetterTexts  *texts,
                                           const LpPerson *person,
                                           gboolean        with_nir);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LpLetterTexts, lp_letter_texts_free)

G_END_DECLS
