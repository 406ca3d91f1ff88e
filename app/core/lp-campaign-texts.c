/* lp-campaign-texts.c — which templates a campaign must carry, and which placeholders
 * they may use (lp-campaign.h)
 *
 * The letter code (app/letter) asks the campaign for these keys and fills these
 * placeholders: the two lists must follow the letter code, and
 * assets/campaigns/README.md documents them ("Texts and placeholders"). A placeholder is
 * only filled where it makes sense (see the comments); every key may use any name of
 * the list, and the letter reports a template that uses a name it did not fill.
 */
#define G_LOG_DOMAIN "lp-campaign"

#include "lp-campaign.h"

const char * const *
lp_campaign_required_texts (void)
{
  static const char * const keys[] = {
    "letter_title",
    "letter_subject",
    "civility_madame",
    "civility_monsieur",
    "identity_born",
    "identity_born_with_birth_name",
    "identity_nationality",
    "identity_profession",
    "identity_phone",
    "identity_email",
    "identity_nir",
    "place_date",
    "subject",
    "salutation",
    "declaration",
    "declaration_representative",
    "represented_minor",
    "represented_protected",
    "representative_heading",
    "heading_facts",
    "facts_operator",
    "facts_operator_unknown",
    "facts_notified",
    "facts_notified_representative",
    "notice_date",
    "notice_channel",
    "facts_notice",
    "facts_data",
    "facts_member_number",
    "facts_member_number_representative",
    "heading_offences",
    "offences_intro",
    "offence_item",
    "heading_since",
    "since_intro",
    "since_intro_representative",
    "consequences_none",
    "consequences_none_representative",
    "account_intro",
    "heading_prejudice",
    "prejudice_amount",
    "prejudice_amount_representative",
    "prejudice_moral",
    "prejudice_moral_representative",
    "attachments_intro",
    "attachment_item",
    "closing",
    "signature_place_date",
    "signature_name",
    "signature_representative",
    "footer",
    "attachment_page_title",
    "attachment_separate_file",
    "cover_title",
    "cover_content",
    "cover_attachments",
    "cover_advice_title",
    "cover_advice",
    "receipt_title",
    "receipt_intro",
    "receipt_when",
    "receipt_label_when",
    "receipt_label_route",
    "receipt_label_recipient",
    "receipt_label_id",
    "receipt_label_sha256",
    "receipt_label_site",
    "route_relay",
    "route_webdav",
    "route_francetransfert",
    "route_print",
    "route_save",
    "receipt_not_official",
    "receipt_next_steps_title",
    "receipt_helplines_title",
    "helpline_item",
    "helpline_item_short",
    NULL
  };

  return keys;
}

const char * const *
lp_campaign_allowed_placeholders (void)
{
  static const char * const names[] = {
    "case_reference",       /* the campaign's case reference, "BL2C 2024/030" */
    "name",                 /* given names + usage (else birth) name, as typed */
    "of_name",              /* "de Léa Martin", "d’Inès Benali": {name} after an elided "de" */
    "civility_name",        /* "Madame Élodie Marie Dupré"; the name alone without a civility */
    "birth_name",           /* the complainant's birth name */
    "e",                    /* agreement: "e" madame, "" monsieur, "(e)" no answer */
    "signer_name",          /* the name of whoever signs: the representative when there is one */
    "signer_civility_name", /* the same with the civility */
    "re",                   /* agreement with the signer, like {e} */
    "quality",              /* the representative's quality as typed: "mère", "père", "tuteur" */
    "status",               /* represented_minor or represented_protected, expanded */
    "signature_place",      /* the place of signature, as typed */
    "signature_date",       /* the date of signature in words, "12 février 2024" */
    "insurer",              /* the insurer, as typed */
    "operator",             /* the operator's label (not set when unknown) */
    "operator_phrase",      /* facts_operator or facts_operator_unknown, expanded */
    "notified_on",          /* the date the insurer told the person, in words (only when given) */
    "channel",              /* the label of the notification channel (only when given) */
    "notice",               /* notice_date and notice_channel expanded, joined by ", " */
    "data",                 /* the campaign's leaked_data, joined as "a, b et c" */
    "member_number",        /* the member number, as typed */
    "amount",               /* the prejudice amount, "1 234,56 €" (only when given) */
    "attachments_count",    /* the number of attachments */
    "label",                /* list items: offence label, helpline name */
    "article",              /* offence_item: the article, "323-1" */
    "code",                 /* offence_item: the code, "Code pénal" */
    "number",               /* attachment number (1, 2...) or helpline number */
    "title",                /* attachment title, as typed */
    "description",          /* helpline description */
    "page",                 /* footer: this page's number */
    "pages",                /* footer: the number of pages */
    "value",                /* identity_* lines: the field's value, as typed (NIR formatted) */
    "person_e",             /* identity_born*: agreement with the person of the block */
    "person_birth_date",    /* identity_born*: birth date in words */
    "person_birthplace",    /* identity_born*: "Lyon (69)" or "Casablanca, Maroc" */
    "person_birth_name",    /* identity_born_with_birth_name: the birth name */
    "date",                 /* receipt_when: the date in words */
    "time",                 /* receipt_when: the time, "14 h 05" */
    NULL
  };

  return names;
}
