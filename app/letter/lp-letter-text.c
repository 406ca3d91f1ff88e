/* lp-letter-text.c — see lp-letter-text.h */
#define G_LOG_DOMAIN "lp-letter"

#include "lp-letter-text.h"
#include "lp-letter.h"
#include "lp-nir.h"
#include "lp-secure.h"
#include "lp-template.h"
#include "lp-validate.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#define NARROW_NBSP "\u202F"
#define NBSP        "\u00A0"

struct _LpLetterTexts {
  const LpCampaign *campaign;
  gboolean has_representative;
  GHashTable *values;   /* placeholder -> value; values are personal data */
  GError *error;        /* first expansion failure */
};

static void
secure_free_value (gpointer data)
{
  lp_secure_free_string (data);
}

/* Month names of the French calendar: part of the date format, not of the wording. */
static const char * const french_months[] = {
  "janvier", "février", "mars", "avril", "mai", "juin",
  "juillet", "août", "septembre", "octobre", "novembre", "décembre",
};

char *
lp_letter_format_gdate (const GDate *date)
{
  guint day = g_date_get_day (date);

  /* The first day of a month is written "1er" in French; no-break spaces keep a date on
   * one line ("27 février" and "2024" were split at the end of a narrow signature block). */
  return g_strdup_printf ("%u%s" NBSP "%s" NBSP "%u", day, day == 1 ? "er" : "",
                          french_months[g_date_get_month (date) - 1],
                          (guint) g_date_get_year (date));
}

char *
lp_letter_format_date (const char *iso_date)
{
  GDate date;

  if (!lp_parse_iso_date (iso_date, &date))
    return g_strdup (iso_date != NULL ? iso_date : "");
  return lp_letter_format_gdate (&date);
}

char *
lp_letter_format_amount (gint64 cents)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *units = NULL;
  guint64 magnitude = cents < 0 ? (guint64) (-(cents + 1)) + 1 : (guint64) cents;
  gsize length;

  units = g_strdup_printf ("%" G_GUINT64_FORMAT, magnitude / 100);
  length = strlen (units);
  if (cents < 0)
    g_string_append (out, "−");
  for (gsize i = 0; i < length; i++)
    {
      /* French groups thousands with a narrow no-break space. */
      if (i > 0 && (length - i) % 3 == 0)
        g_string_append (out, NARROW_NBSP);
      g_string_append_c (out, units[i]);
    }
  g_string_append_printf (out, ",%02u" NBSP "€", (guint) (magnitude % 100));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* @text with each space made a no-break space; @text is zeroed and freed. One allocation
 * of the right size: no copy of a NIR is left in freed memory. */
static char *
nbsp_spaces (char *text)
{
  gsize spaces = 0;
  gsize length = strlen (text);
  char *out, *q;

  for (const char *p = text; *p != '\0'; p++)
    spaces += *p == ' ';
  q = out = g_malloc (length + spaces * (strlen (NBSP) - 1) + 1);
  for (const char *p = text; *p != '\0'; p++)
    if (*p == ' ')
      q = g_stpcpy (q, NBSP);
    else
      *q++ = *p;
  *q = '\0';
  lp_secure_zero (text, length);
  g_free (text);
  return out;
}

char *
lp_letter_format_nir (const char *typed)
{
  char normalized[16] = { 0 };
  char *formatted;

  if (!lp_nir_normalize (typed, normalized))
    return g_strdup (typed);
  formatted = lp_nir_format (normalized);
  lp_secure_zero (normalized, sizeof normalized);
  /* One unit on the page: the sender's narrow block broke it before its key. */
  return nbsp_spaces (formatted);
}

const char *
lp_letter_agreement (const LpPerson *person)
{
  if (g_strcmp0 (person->civility, "madame") == 0)
    return "e";
  if (g_strcmp0 (person->civility, "monsieur") == 0)
    return "";
  return "(e)";
}

char *
lp_letter_person_name (const LpPerson *person)
{
  g_autoptr(GString) name = g_string_new (NULL);
  const char *family = person->usage_name[0] != '\0' ? person->usage_name : person->birth_name;

  for (guint i = 0; person->given_names != NULL && i < person->given_names->len; i++)
    {
      const char *given = g_ptr_array_index (person->given_names, i);

      if (given[0] == '\0')
        continue;
      g_string_append (name, given);
      g_string_append_c (name, ' ');
    }
  g_string_append (name, family);
  return g_string_free (g_steal_pointer (&name), FALSE);
}

char *
lp_letter_person_civility_name (LpLetterTexts  *texts,
                                const LpPerson *person)
{
  g_autofree char *name = lp_letter_person_name (person);
  g_autofree char *civility = NULL;

  if (g_strcmp0 (person->civility, "madame") == 0)
    civility = lp_letter_texts_expand (texts, "civility_madame");
  else if (g_strcmp0 (person->civility, "monsieur") == 0)
    civility = lp_letter_texts_expand (texts, "civility_monsieur");
  if (civility == NULL || civility[0] == '\0')
    return g_steal_pointer (&name);
  return g_strconcat (civility, " ", name, NULL);
}

char *
lp_letter_person_birthplace (const LpPerson *person)
{
  const LpBirthPlace *place = &person->birth_place;

  /* The department stays with its commune ("L'Haÿ-les-Roses (94)" was split). */
  if (place->department[0] != '\0')
    return g_strdup_printf ("%s" NBSP "(%s)", place->commune, place->department);
  if (!lp_country_is_france (place->country))
    {
      if (place->commune[0] == '\0')
        return g_strdup (place->country);
      return g_strdup_printf ("%s, %s", place->commune, place->country);
    }
  return g_strdup (place->commune);
}

GPtrArray *
lp_letter_person_address_lines (const LpPerson *person)
{
  const LpAddress *address = &person->address;
  GPtrArray *lines = g_ptr_array_new_with_free_func (secure_free_value);

  if (address->street[0] != '\0')
    g_ptr_array_add (lines, g_strdup (address->street));
  if (address->complement[0] != '\0')
    g_ptr_array_add (lines, g_strdup (address->complement));
  if (address->postal_code[0] != '\0' || address->city[0] != '\0')
    g_ptr_array_add (lines, g_strstrip (g_strdup_printf ("%s %s", address->postal_code,
                                                         address->city)));
  if (!lp_country_is_france (address->country))
    g_ptr_array_add (lines, g_strdup (address->country));
  return lines;
}

static void
add_identity_line (LpLetterTexts *texts,
                   GPtrArray     *lines,
                   const char    *key,
                   const char    *value)
{
  if (value == NULL || value[0] == '\0')
    return;
  lp_letter_texts_set (texts, "value", value);
  g_ptr_array_add (lines, lp_letter_texts_expand (texts, key));
  lp_letter_texts_set (texts, "value", NULL);
}

GPtrArray *
lp_letter_identity_lines (LpLetterTexts  *texts,
                          const LpPerson *person,
                          gboolean        with_nir)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (secure_free_value);
  g_autoptr(GPtrArray) address = lp_letter_person_address_lines (person);
  g_autofree char *birth_date = lp_letter_format_date (person->birth_date);
  g_autofree char *birthplace = lp_letter_person_birthplace (person);

  g_ptr_array_add (lines, lp_letter_person_civility_name (texts, person));

  lp_letter_texts_set (texts, "person_e", lp_letter_agreement (person));
  lp_letter_texts_set (texts, "person_birth_date", birth_date);
  lp_letter_texts_set (texts, "person_birthplace", birthplace);
  lp_letter_texts_set (texts, "person_birth_name", person->birth_name);
  if (person->birth_date[0] != '\0')
    g_ptr_array_add (lines, lp_letter_texts_expand (texts, person->usage_name[0] != '\0'
                                                    ? "identity_born_with_birth_name"
                                                    : "identity_born"));
  lp_letter_texts_set (texts, "person_e", NULL);
  lp_letter_texts_set (texts, "person_birth_date", NULL);
  lp_letter_texts_set (texts, "person_birthplace", NULL);
  lp_letter_texts_set (texts, "person_birth_name", NULL);

  add_identity_line (texts, lines, "identity_nationality", person->nationality);
  add_identity_line (texts, lines, "identity_profession", person->profession);
  for (guint i = 0; i < address->len; i++)
    g_ptr_array_add (lines, g_strdup (g_ptr_array_index (address, i)));
  add_identity_line (texts, lines, "identity_phone", person->phone);
  add_identity_line (texts, lines, "identity_email", person->email);
  if (with_nir && person->nir[0] != '\0')
    {
      g_autofree char *nir = lp_letter_format_nir (person->nir);

      add_identity_line (texts, lines, "identity_nir", nir);
      lp_secure_zero (nir, strlen (nir));
    }
  return lines;
}

/* ---- Placeholder values of a complaint ----------------------------------------------- */

static char *
join_french_list (GStrv items)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint n = items != NULL ? g_strv_length (items) : 0;

  /* "a, b et c": the conjunction is the French list format. */
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (out, i + 1 == n ? " et " : ", ");
      g_string_append (out, items[i]);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* A person under 18 on the signature date is a minor; otherwise the representative acts
 * for a protected adult. */
static gboolean
is_minor_on (const LpPerson *person,
             const char     *on)
{
  GDate day;
  int age;

  if (!lp_parse_iso_date (on, &day))
    return FALSE;
  age = lp_age_on (person->birth_date, &day);
  return age >= 0 && age < LP_ADULT_AGE;
}

static void
set_fact_values (LpLetterTexts     *texts,
                 const LpComplaint *complaint,
                 const LpCampaign  *campaign)
{
  const LpFacts *facts = &complaint->facts;
  const LpCampaignChoice *operator = lp_campaign_find_operator (campaign, facts->operator_id);
  const LpCampaignChoice *channel = lp_campaign_find_channel (campaign, facts->notification_channel);
  g_autofree char *data = join_french_list (campaign->leaked_data);
  g_autofree char *notified_on = lp_letter_format_date (facts->notified_on);
  g_autofree char *phrase = NULL;

  lp_letter_texts_set (texts, "insurer", facts->insurer);
  lp_letter_texts_set (texts, "data", data);
  lp_letter_texts_set (texts, "member_number", facts->member_number);
  if (facts->notified_on[0] != '\0')
    lp_letter_texts_set (texts, "notified_on", notified_on);
  if (channel != NULL)
    lp_letter_texts_set (texts, "channel", channel->label);

  if (operator != NULL && g_strcmp0 (operator->id, "unknown") != 0)
    {
      lp_letter_texts_set (texts, "operator", operator->label);
      phrase = lp_letter_texts_expand (texts, "facts_operator");
    }
  else
    {
      phrase = lp_letter_texts_expand (texts, "facts_operator_unknown");
    }
  lp_letter_texts_set (texts, "operator_phrase", phrase);

  if (facts->has_amount)
    {
      g_autofree char *amount = lp_letter_format_amount (facts->amount_cents);

      lp_letter_texts_set (texts, "amount", amount);
    }
}

/* "de Léa Martin", "d’Inès Benali": French elides "de" before a vowel. A leading "h" is
 * left alone (muet or aspiré cannot be told from the spelling). */
static char *
of_name (const char *name)
{
  gunichar base[4] = { 0 };
  gunichar first = g_unichar_tolower (g_utf8_get_char (name));

  /* "É" decomposes into "E" + accent: look at the base letter. */
  if (g_unichar_fully_decompose (first, FALSE, base, G_N_ELEMENTS (base)) == 0)
    base[0] = first;
  switch (base[0])
    {
    case 'a': case 'e': case 'i': case 'o': case 'u': case 'y':
    case 0x00E6: case 0x0153:  /* æ, œ */
      return g_strconcat ("d’", name, NULL);
    default:
      return g_strconcat ("de ", name, NULL);
    }
}

static void
set_person_values (LpLetterTexts     *texts,
                   const LpComplaint *complaint)
{
  const LpPerson *signer = lp_complaint_get_signer (complaint);
  g_autofree char *name = lp_letter_person_name (&complaint->complainant);
  g_autofree char *civility_name = lp_letter_person_civility_name (texts, &complaint->complainant);
  g_autofree char *signer_name = lp_letter_person_name (signer);
  g_autofree char *signer_civility_name = lp_letter_person_civility_name (texts, signer);
  g_autofree char *signature_date = lp_letter_format_date (complaint->signature_date);

  lp_letter_texts_set (texts, "e", lp_letter_agreement (&complaint->complainant));
  lp_letter_texts_set (texts, "name", name);
  {
    g_autofree char *of = of_name (name);

    lp_letter_texts_set (texts, "of_name", of);
  }
  lp_letter_texts_set (texts, "civility_name", civility_name);
  lp_letter_texts_set (texts, "birth_name", complaint->complainant.birth_name);
  lp_letter_texts_set (texts, "signer_name", signer_name);
  lp_letter_texts_set (texts, "signer_civility_name", signer_civility_name);
  lp_letter_texts_set (texts, "re", lp_letter_agreement (signer));
  lp_letter_texts_set (texts, "signature_place", complaint->signature_place);
  lp_letter_texts_set (texts, "signature_date", signature_date);

  if (complaint->representative != NULL)
    {
      g_autofree char *status = NULL;

      lp_letter_texts_set (texts, "quality", complaint->representative->quality);
      status = lp_letter_texts_expand (texts, is_minor_on (&complaint->complainant,
                                                           complaint->signature_date)
                                       ? "represented_minor" : "represented_protected");
      lp_letter_texts_set (texts, "status", status);
    }
}

LpLetterTexts *
lp_letter_texts_new (const LpComplaint *complaint,
                     const LpCampaign  *campaign)
{
  LpLetterTexts *texts = g_new0 (LpLetterTexts, 1);
  g_autofree char *count = g_strdup_printf ("%u", complaint->attachments->len);

  texts->campaign = campaign;
  texts->has_representative = complaint->representative != NULL;
  texts->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, secure_free_value);

  lp_letter_texts_set (texts, "case_reference", campaign->case_reference);
  lp_letter_texts_set (texts, "attachments_count", count);
  set_person_values (texts, complaint);
  set_fact_values (texts, complaint, campaign);
  return texts;
}

void
lp_letter_texts_free (LpLetterTexts *texts)
{
  if (texts == NULL)
    return;
  g_hash_table_unref (texts->values);
  g_clear_error (&texts->error);
  g_free (texts);
}

void
lp_letter_texts_set (LpLetterTexts *texts,
                     const char    *name,
                     const char    *value)
{
  if (value == NULL)
    g_hash_table_remove (texts->values, name);
  else
    g_hash_table_replace (texts->values, g_strdup (name), g_strdup (value));
}

gboolean
lp_letter_texts_has_representative (LpLetterTexts *texts)
{
  return texts->has_representative;
}

char *
lp_letter_texts_expand (LpLetterTexts *texts,
                        const char    *key)
{
  const char *template_text = lp_campaign_get_text (texts->campaign, key);
  g_autoptr(GError) local_error = NULL;
  char *expanded;

  if (template_text == NULL)
    {
      if (texts->error == NULL)
        g_set_error (&texts->error, LP_LETTER_ERROR, LP_LETTER_ERROR_TEMPLATE,
                     /* Translators: %s is a key of the campaign file, e.g. "closing". */
                     _("texts.%s: the campaign has no such text; add it to the campaign file."), key);
      return g_strdup ("");
    }
  expanded = lp_template_expand (template_text, texts->values, &local_error);
  if (expanded == NULL)
    {
      if (texts->error == NULL)
        g_set_error (&texts->error, LP_LETTER_ERROR, LP_LETTER_ERROR_TEMPLATE,
                     "texts.%s: %s", key, local_error->message);
      return g_strdup ("");
    }
  return expanded;
}

char *
lp_letter_texts_expand_for (LpLetterTexts *texts,
                            const char    *key)
{
  g_autofree char *representative_key = NULL;

  if (!texts->has_representative)
    return lp_letter_texts_expand (texts, key);
  representative_key = g_strconcat (key, "_representative", NULL);
  return lp_letter_texts_expand (texts, representative_key);
}

gboolean
lp_letter_texts_check (LpLetterTexts  *texts,
                       GError        **error)
{
  if (texts->error != NULL)
    {
      g_propagate_error (error, g_error_copy (texts->error));
      return FALSE;
    }
  return TRUE;
}
