/* lp-validate.c — see lp-validate.h
 *
 * Every message starts with the field's name and ends with what to do, as the DSFR
 * patterns do (domain.md §4.2). Messages may quote a single offending character or a
 * file name, never a whole field value: they are shown to the person, not logged.
 */
#define G_LOG_DOMAIN "lp-validate"

#include "lp-validate.h"
#include "lp-nir.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#define UTF8_MAX_BYTES       4
#define FOREIGN_POSTAL_MAX   16
#define PHONE_MAX_BYTES      64
#define EMAIL_MAX_BYTES      254
#define EMAIL_LOCAL_MAX      64
#define BIRTH_YEAR_MIN       1900
#define AMOUNT_MAX_CENTS     G_GINT64_CONSTANT (1000000000)  /* 10 million euros */
#define SIGNATURE_MAX_SIDE   10000

/* ------------------------------------------------------------------------------------ */
/* Text                                                                                   */

static guint
max_chars_for (LpTextKind kind)
{
  switch (kind)
    {
    case LP_TEXT_PERSON_NAME:
    case LP_TEXT_PLACE_NAME:
      return LP_NAME_MAX_CHARS;
    case LP_TEXT_LINE:
      return LP_LINE_MAX_CHARS;
    case LP_TEXT_FREE:
      return LP_FREE_MAX_CHARS;
    default:
      g_return_val_if_reached (LP_LINE_MAX_CHARS);
    }
}

/* Empty or only white space. Invalid UTF-8 is not blank (and is never walked here: a
 * truncated sequence at the end would send g_utf8_next_char() past the NUL). */
static gboolean
is_blank (const char *value)
{
  if (!g_utf8_validate (value, -1, NULL))
    return FALSE;
  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static gboolean
is_apostrophe (gunichar c)
{
  /* ' and ’ (what a phone keyboard types), and the modifier letter apostrophe. */
  return c == '\'' || c == 0x2019 || c == 0x02BC;
}

static gboolean
is_hyphen (gunichar c)
{
  return c == '-' || c == 0x2010 || c == 0x2011;
}

static gboolean
is_mark (gunichar c)
{
  GUnicodeType type = g_unichar_type (c);

  return type == G_UNICODE_NON_SPACING_MARK || type == G_UNICODE_SPACING_MARK
         || type == G_UNICODE_ENCLOSING_MARK;
}

/* A Latin letter, or a combining mark (a decomposed é is "e" + U+0301). */
static gboolean
is_latin_letter (gunichar c)
{
  GUnicodeScript script = g_unichar_get_script (c);

  if (is_mark (c))
    return script == G_UNICODE_SCRIPT_INHERITED || script == G_UNICODE_SCRIPT_LATIN;
  return g_unichar_isalpha (c) && script == G_UNICODE_SCRIPT_LATIN;
}

/* Characters that are invisible or that change how text is laid out: never wanted in a
 * one-line field, and a sign of copy-paste from somewhere odd. */
static gboolean
is_invisible (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_CONTROL:
    case G_UNICODE_FORMAT:
    case G_UNICODE_SURROGATE:
    case G_UNICODE_UNASSIGNED:
    case G_UNICODE_PRIVATE_USE:
    case G_UNICODE_LINE_SEPARATOR:
    case G_UNICODE_PARAGRAPH_SEPARATOR:
      return TRUE;
    default:
      return FALSE;
    }
}

typedef enum {
  CHAR_OK,
  CHAR_INVISIBLE,
  CHAR_DIGIT,
  CHAR_OTHER_SCRIPT,
  CHAR_NOT_ALLOWED,
  CHAR_OUTSIDE_BMP,   /* free text only: a warning */
} CharVerdict;

static CharVerdict
judge_name_char (gunichar   c,
                 LpTextKind kind)
{
  if (is_latin_letter (c) || c == ' ' || c == 0x00A0 || is_apostrophe (c) || is_hyphen (c))
    return CHAR_OK;
  if (kind == LP_TEXT_PLACE_NAME
      && (g_ascii_isdigit (c) || (c < 0x80 && strchr (".,()/", (int) c) != NULL)
          || c == 0x00B0))
    return CHAR_OK;
  if (g_unichar_isdigit (c))
    return CHAR_DIGIT;
  if (g_unichar_isalpha (c))
    return CHAR_OTHER_SCRIPT;
  return CHAR_NOT_ALLOWED;
}

static CharVerdict
judge_char (gunichar   c,
            LpTextKind kind)
{
  if (kind == LP_TEXT_FREE)
    {
      if (c == '\n' || c == '\t' || c == '\r')
        return CHAR_OK;
      /* Format characters (zero-width joiners in emoji sequences...) are harmless here. */
      if (g_unichar_type (c) == G_UNICODE_FORMAT)
        return CHAR_OK;
      if (is_invisible (c))
        return CHAR_INVISIBLE;
      if (c > 0xFFFF)
        return CHAR_OUTSIDE_BMP;
      /* The account is printed in the French letter. Quoting a scam text in Cyrillic or
       * Greek prints fine (the letter's font has them, no shaping needed); Arabic, Hebrew or
       * Chinese would come out as unjoined, reversed or missing glyphs (libharu does no
       * shaping and no right-to-left), so they are refused with a request for French. */
      if (g_unichar_isalpha (c))
        {
          GUnicodeScript script = g_unichar_get_script (c);

          if (script != G_UNICODE_SCRIPT_LATIN && script != G_UNICODE_SCRIPT_COMMON
              && script != G_UNICODE_SCRIPT_INHERITED && script != G_UNICODE_SCRIPT_CYRILLIC
              && script != G_UNICODE_SCRIPT_GREEK)
            return CHAR_OTHER_SCRIPT;
        }
      return CHAR_OK;
    }

  if (is_invisible (c))
    return CHAR_INVISIBLE;
  if (kind == LP_TEXT_LINE)
    {
      GUnicodeScript script = g_unichar_get_script (c);

      if (g_unichar_isalpha (c) && script != G_UNICODE_SCRIPT_LATIN
          && script != G_UNICODE_SCRIPT_COMMON && script != G_UNICODE_SCRIPT_INHERITED)
        return CHAR_OTHER_SCRIPT;
      /* Emoji in a street or a title: the font cannot print them. */
      return c > 0xFFFF ? CHAR_NOT_ALLOWED : CHAR_OK;
    }
  return judge_name_char (c, kind);
}

static gboolean
has_letter (const char *value)
{
  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalpha (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

static void
report_char (CharVerdict  verdict,
             gunichar     c,
             LpTextKind   kind,
             const char  *label,
             const char  *path,
             LpIssueList *issues)
{
  char shown[8] = { 0 };

  switch (verdict)
    {
    case CHAR_INVISIBLE:
      lp_issue_list_add (issues, LP_SEVERITY_ERROR, path,
                         /* Translators: %s is the name of a field, e.g. "Birth name" */
                         _("%s: it contains an invisible control character. Type it again "
                           "rather than copying and pasting it."), label);
      break;
    case CHAR_DIGIT:
      lp_issue_list_add (issues, LP_SEVERITY_ERROR, path,
                         _("%s: digits are not allowed in a name. Type the name as written "
                           "on your identity papers."), label);
      break;
    case CHAR_OTHER_SCRIPT:
      if (kind == LP_TEXT_PERSON_NAME)
        lp_issue_list_add (issues, LP_SEVERITY_ERROR, path,
                           _("%s: type it in Latin letters, as written on your identity "
                             "papers (passport or identity card)."), label);
      else
        lp_issue_list_add (issues, LP_SEVERITY_ERROR, path,
                           _("%s: type it in Latin letters: the letter is read by the French "
                             "police."), label);
      break;
    case CHAR_NOT_ALLOWED:
      g_unichar_to_utf8 (c, shown);
      if (kind == LP_TEXT_LINE)
        lp_issue_list_add (issues, LP_SEVERITY_ERROR, path,
                           /* Translators: the first %s is the name of a field, the second a
                            * character */
                           _("%s: the character “%s” cannot be printed in the letter. "
                             "Remove it."), label, shown);
      else
        lp_issue_list_add (issues, LP_SEVERITY_ERROR, path,
                           _("%s: the character “%s” is not allowed. Use only letters, "
                             "spaces, hyphens (-) and apostrophes (')."), label, shown);
      break;
    case CHAR_OUTSIDE_BMP:
      lp_issue_list_add (issues, LP_SEVERITY_WARNING, path,
                         _("%s: some characters, such as emoji, cannot be printed and will "
                           "not appear in the letter."), label);
      break;
    case CHAR_OK:
    default:
      break;
    }
}

void
lp_validate_text (const char  *value,
                  LpTextKind   kind,
                  const char  *label,
                  gboolean     required,
                  const char  *path,
                  LpIssueList *issues)
{
  guint max_chars = max_chars_for (kind);
  gsize length;
  gboolean warned = FALSE;

  g_return_if_fail (label != NULL && path != NULL && issues != NULL);

  if (value == NULL)
    value = "";
  length = strlen (value);

  /* Before anything that walks the characters: a 1 MB name is refused in one step. */
  if (length > (gsize) max_chars * UTF8_MAX_BYTES)
    {
      lp_issue_list_add (issues, LP_SEVERITY_ERROR, path,
                         /* Translators: %s is the name of a field, %u the number of characters
                          * allowed */
                         _("%s: it is too long. Type at most %u characters."), label, max_chars);
      return;
    }
  if (!g_utf8_validate (value, (gssize) length, NULL))
    {
      lp_issue_list_add (issues, LP_SEVERITY_ERROR, path,
                         _("%s: the text is damaged (it is not valid UTF-8). Type it again."),
                         label);
      return;
    }
  if (is_blank (value))
    {
      if (required)
        lp_issue_list_add (issues, LP_SEVERITY_ERROR, path,
                           _("%s: this field is required."), label);
      return;
    }
  if (g_utf8_strlen (value, (gssize) length) > (glong) max_chars)
    {
      lp_issue_list_add (issues, LP_SEVERITY_ERROR, path,
                         _("%s: it is too long. Type at most %u characters."), label, max_chars);
      return;
    }

  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      CharVerdict verdict = judge_char (c, kind);

      if (verdict == CHAR_OK)
        continue;
      if (verdict == CHAR_OUTSIDE_BMP)
        {
          if (!warned)
            report_char (verdict, c, kind, label, path, issues);
          warned = TRUE;
          continue;
        }
      /* One error per field: the person fixes it and sees the next one, if any. */
      report_char (verdict, c, kind, label, path, issues);
      return;
    }

  if ((kind == LP_TEXT_PERSON_NAME || kind == LP_TEXT_PLACE_NAME) && !has_letter (value))
    lp_issue_list_add (issues, LP_SEVERITY_ERROR, path,
                       _("%s: type at least one letter."), label);
}

/* ------------------------------------------------------------------------------------ */
/* Dates                                                                                  */

static void
resolve_today (const GDate *today,
               GDate       *out)
{
  g_autoptr(GDateTime) now = NULL;

  g_date_clear (out, 1);
  if (today != NULL && g_date_valid (today))
    {
      g_date_set_julian (out, g_date_get_julian (today));
      return;
    }
  now = g_date_time_new_now_local ();
  g_date_set_dmy (out, (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now),
                  (GDateYear) g_date_time_get_year (now));
}

/* The parts of "YYYY-MM-DD" when the shape is right, whatever their values. */
static gboolean
split_iso_date (const char *text,
                guint      *year,
                guint      *month,
                guint      *day)
{
  static const char shape[] = "dddd-dd-dd";

  if (text == NULL || strlen (text) != sizeof shape - 1)
    return FALSE;
  for (gsize i = 0; i < sizeof shape - 1; i++)
    if (shape[i] == 'd' ? !g_ascii_isdigit (text[i]) : text[i] != shape[i])
      return FALSE;
  *year = (guint) g_ascii_digit_value (text[0]) * 1000 + (guint) g_ascii_digit_value (text[1]) * 100
          + (guint) g_ascii_digit_value (text[2]) * 10 + (guint) g_ascii_digit_value (text[3]);
  *month = (guint) g_ascii_digit_value (text[5]) * 10 + (guint) g_ascii_digit_value (text[6]);
  *day = (guint) g_ascii_digit_value (text[8]) * 10 + (guint) g_ascii_digit_value (text[9]);
  return TRUE;
}

gboolean
lp_parse_iso_date (const char *text,
                   GDate      *date)
{
  guint year, month, day;

  if (!split_iso_date (text, &year, &month, &day)
      || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;
  if (date != NULL)
    {
      g_date_clear (date, 1);
      g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
    }
  return TRUE;
}

static const char *
date_label (LpDateKind kind)
{
  switch (kind)
    {
    case LP_DATE_BIRTH:
      return _("Date of birth");
    case LP_DATE_SIGNATURE:
      return _("Date of signature");
    case LP_DATE_NOTIFIED:
      return _("Date your insurer told you");
    default:
      g_return_val_if_reached ("");
    }
}

static const char *
date_example (LpDateKind kind)
{
  /* The file holds ISO dates; the wizard shows its own three fields. */
  return kind == LP_DATE_BIRTH ? "1984-12-14" : "2024-02-12";
}

void
lp_validate_date (const char  *value,
                  LpDateKind   kind,
                  const GDate *today,
                  const char  *path,
                  LpIssueList *issues)
{
  const char *label = date_label (kind);
  const char *example = date_example (kind);
  guint year, month, day;
  GDate date, now;

  g_return_if_fail (path != NULL && issues != NULL);

  if (value == NULL || value[0] == '\0')
    {
      if (kind != LP_DATE_NOTIFIED)
        lp_issue_list_add (issues, LP_SEVERITY_ERROR, path,
                           /* Translators: %s is the name of a date field */
                           _("%s: this field is required."), label);
      return;
    }
  if (!split_iso_date (value, &year, &month, &day))
    {
      /* Only a complaint file can hold a badly formed date (the wizard has three fields):
       * the example is the file's ISO format. */
      lp_issue_list_add (issues, LP_SEVERITY_ERROR, path,
                         /* Translators: %s is the name of a date field, then an example
                          * date as written in the file (YYYY-MM-DD) */
                         _("%s: write the date as year-month-day. Example: %s."), label, example);
      return;
    }
  if (year == 0)
    {
      lp_issue_list_add (issues, LP_SEVERITY_ERROR, path,
                         _("%s: the year is invalid. Write it with 4 digits, for example "
                           "1984."), label);
      return;
    }
  if (month < 1 || month > 12)
    {
      lp_issue_list_add (issues, LP_SEVERITY_ERROR, path,
                         _("%s: the month is invalid. It must be between 1 and 12."), label);
      return;
    }
  if (day < 1 || day > g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year))
    {
      lp_issue_list_add (issues, LP_SEVERITY_ERROR, path,
                         /* Translators: %s is the name of a date field, %u the number of days of
                          * the month the person typed */
                         _("%s: the day is invalid. This month has %u days."),
                         label, (guint) g_date_get_days_in_month ((GDateMonth) month,
                                                                  (GDateYear) year));
      return;
    }

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  resolve_today (today, &now);
  if (g_date_compare (&date, &now) > 0)
    {
      lp_issue_list_add (issues, LP_SEVERITY_ERROR, path,
                         _("%s: the date is after today. Check the day, the month and the "
                           "year."), label);
      return;
    }
  if (kind == LP_DATE_BIRTH && year < BIRTH_YEAR_MIN)
    lp_issue_list_add (issues, LP_SEVERITY_ERROR, path,
                       _("%s: the year is invalid. It must be 1900 or later."), label);
}

/* ------------------------------------------------------------------------------------ */
/* Addresses                                                                              */

/* Lowercase ASCII without accents, hyphens and apostrophes as spaces, spaces squeezed:
 * "  La Réunion " -> "la reunion". */
static char *
fold_country (const char *country)
{
  g_autofree char *decomposed = g_utf8_normalize (country, -1, G_NORMALIZE_NFD);
  GString *out = g_string_new (NULL);

  for (const char *p = decomposed; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_mark (c))
        continue;
      if (g_unichar_isspace (c) || is_hyphen (c) || is_apostrophe (c) || c == '.')
        {
          if (out->len > 0 && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
          continue;
        }
      g_string_append_unichar (out, g_unichar_tolower (c));
    }
  if (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

gboolean
lp_country_is_france (const char *country)
{
  static const char * const names[] = {
    "", "france", "fr", "fra", "france metropolitaine", "republique francaise",
    /* Overseas: people there often write the territory, and their codes are French. */
    "guadeloupe", "martinique", "guyane", "guyane francaise", "la reunion", "reunion",
    "mayotte", "saint pierre et miquelon", "saint barthelemy", "saint martin",
    "wallis et futuna", "polynesie francaise", "nouvelle caledonie", NULL,
  };
  g_autofree char *folded = NULL;

  if (country == NULL || !g_utf8_validate (country, -1, NULL) || strlen (country) > 100)
    return country == NULL;
  folded = fold_country (country);
  return g_strv_contains (names, folded);
}

void
lp_validate_postal_code (const char  *postal_code,
                         const char  *country,
                         const char  *path,
                         LpIssueList *issues)
{
  g_autofree char *code = NULL;
  guint before = lp_issue_list_get_length (issues);

  lp_validate_text (postal_code, LP_TEXT_LINE, _("Postal code"), TRUE, path, issues);
  if (lp_issue_list_get_length (issues) != before)
    return;

  code = g_strstrip (g_strdup (postal_code));
  if (!lp_country_is_france (country))
    {
      if (g_utf8_strlen (code, -1) > FOREIGN_POSTAL_MAX)
        lp_issue_list_add (issues, LP_SEVERITY_ERROR, path,
                           _("Postal code: it is too long for a postal code. Check it."));
      return;
    }

  if (strlen (code) != 5 || strspn (code, "0123456789") != 5)
    {
      lp_issue_list_add (issues, LP_SEVERITY_ERROR, path,
                         _("Postal code: the expected format is 5 digits. Example: 69003. For "
                           "an address abroad, fill in the country."));
      return;
    }
  if (code[0] == '0' && code[1] == '0')
    lp_issue_list_add (issues, LP_SEVERITY_ERROR, path,
                       _("Postal code: a French postal code never starts with 00. Check it. "
                         "Example: 69003."));
}

/* ------------------------------------------------------------------------------------ */
/* Phone and e-mail                                                                       */

static gboolean
is_phone_separator (char c)
{
  return c == ' ' || c == '.' || c == '-' || c == '/' || c == '(' || c == ')';
}

void
lp_validate_phone (const char  *phone,
                   gboolean     required,
                   const char  *path,
                   LpIssueList *issues)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  gboolean international = FALSE;
  const char *p;

  g_return_if_fail (path != NULL && issues != NULL);

  if (phone == NULL || is_blank (phone))
    {
      if (required)
        lp_issue_list_add (issues, LP_SEVERITY_ERROR, path,
                           _("Phone: this field is required. Example: 06 12 34 56 78."));
      return;
    }
  if (strlen (phone) > PHONE_MAX_BYTES)
    {
      lp_issue_list_add (issues, LP_SEVERITY_ERROR, path,
                         _("Phone: it is too long for a phone number. Example: 06 12 34 56 78."));
      return;
    }

  p = phone;
  while (*p == ' ')
    p++;
  if (*p == '+')
    {
      international = TRUE;
      p++;
    }
  for (; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (!is_phone_separator (*p))
        {
          lp_issue_list_add (issues, LP_SEVERITY_ERROR, path,
                             _("Phone: use only digits, with spaces, dots or dashes between them "
                               "if you wish, and + at the start for a number abroad. Example: "
                               "06 12 34 56 78."));
          return;
        }
    }
  /* "00" is how an international number is dialled from France: the same as "+". */
  if (!international && g_str_has_prefix (digits->str, "00"))
    {
      international = TRUE;
      g_string_erase (digits, 0, 2);
    }

  if (!international)
    {
      if (digits->len != 10 || digits->str[0] != '0')
        lp_issue_list_add (issues, LP_SEVERITY_ERROR, path,
                           _("Phone: a French number has 10 digits and starts with 0. Example: "
                             "06 12 34 56 78. For a number abroad, start with + and the country "
                             "code."));
      return;
    }

  if (g_str_has_prefix (digits->str, "33"))
    {
      const char *national = digits->str + 2;
      gsize len = digits->len - 2;

      if (len == 9 && national[0] != '0')
        return;
      if (len == 10 && national[0] == '0' && national[1] != '0')
        {
          /* Accepted (a person reading it will understand), but the number as written
           * does not work when dialled from abroad. */
          lp_issue_list_add (issues, LP_SEVERITY_WARNING, path,
                             _("Phone: after +33, leave out the first 0 of the number. Example: "
                               "+33 6 12 34 56 78."));
          return;
        }
      lp_issue_list_add (issues, LP_SEVERITY_ERROR, path,
                         _("Phone: after +33, a French number has 9 digits. Example: "
                           "+33 6 12 34 56 78."));
      return;
    }
  /* E.164: a country code that never starts with 0, at most 15 digits in all. */
  if (digits->len < 8 || digits->len > 15 || digits->str[0] == '0')
    lp_issue_list_add (issues, LP_SEVERITY_ERROR, path,
                       _("Phone: a number abroad is + followed by the country code and the "
                         "number, 8 to 15 digits in all. Example: +32 470 12 34 56."));
}

static gboolean
email_domain_is_sane (const char *domain)
{
  const char *last_dot = strrchr (domain, '.');

  return domain[0] != '\0' && last_dot != NULL && domain[0] != '.' && domain[0] != '-'
         && last_dot[1] != '\0' && strstr (domain, "..") == NULL
         && strlen (last_dot + 1) >= 2;
}

void
lp_validate_email (const char  *email,
                   const char  *path,
                   LpIssueList *issues)
{
  const char *at;
  gsize length;

  g_return_if_fail (path != NULL && issues != NULL);

  if (email == NULL || email[0] == '\0')
    return;
  length = strlen (email);
  if (length > EMAIL_MAX_BYTES)
    {
      lp_issue_list_add (issues, LP_SEVERITY_ERROR, path,
                         _("E-mail address: it is too long. Check it."));
      return;
    }
  if (!g_utf8_validate (email, (gssize) length, NULL))
    {
      lp_issue_list_add (issues, LP_SEVERITY_ERROR, path,
                         _("E-mail address: the text is damaged (it is not valid UTF-8). Type "
                           "it again."));
      return;
    }
  for (const char *p = email; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || is_invisible (c))
        {
          lp_issue_list_add (issues, LP_SEVERITY_ERROR, path,
                             _("E-mail address: it must not contain spaces. Example: "
                               "name@example.com."));
          return;
        }
    }
  at = strchr (email, '@');
  if (at == NULL || strchr (at + 1, '@') != NULL || at == email
      || (gsize) (at - email) > EMAIL_LOCAL_MAX || !email_domain_is_sane (at + 1))
    lp_issue_list_add (issues, LP_SEVERITY_ERROR, path,
                       _("E-mail address: the format is not valid. Example: name@example.com."));
}

/* ------------------------------------------------------------------------------------ */
/* Attachments                                                                            */

typedef enum {
  FILE_KIND_OTHER,
  FILE_KIND_PDF,
  FILE_KIND_IMAGE,   /* a photo or scan format, by its first bytes */
} FileKind;

/* Judges a file by its first bytes, whatever its name says. Only the formats of photos
 * and scans count as images: gdk-pixbuf is never handed an SVG, an icon or an XPM, so its
 * loaders for those (a whole SVG renderer among them) never run on what a person picked. */
static FileKind
sniff_file_kind (const char *path)
{
  guint8 head[12] = { 0 };
  FILE *file;
  gsize n;

  file = g_fopen (path, "rb");
  if (file == NULL)
    return FILE_KIND_OTHER;
  n = fread (head, 1, sizeof head, file);
  fclose (file);

  if (n >= 5 && memcmp (head, "%PDF-", 5) == 0)
    return FILE_KIND_PDF;
  if ((n >= 8 && memcmp (head, "\x89PNG\r\n\x1a\n", 8) == 0)          /* PNG */
      || (n >= 3 && memcmp (head, "\xff\xd8\xff", 3) == 0)               /* JPEG */
      || (n >= 4 && memcmp (head, "GIF8", 4) == 0)                       /* GIF */
      || (n >= 2 && memcmp (head, "BM", 2) == 0)                         /* BMP */
      || (n >= 4 && (memcmp (head, "II*\0", 4) == 0 || memcmp (head, "MM\0*", 4) == 0))
      || (n >= 12 && memcmp (head, "RIFF", 4) == 0 && memcmp (head + 8, "WEBP", 4) == 0)
      || (n >= 12 && memcmp (head + 4, "ftyp", 4) == 0))                 /* HEIF, AVIF */
    return FILE_KIND_IMAGE;
  return FILE_KIND_OTHER;
}

static void
validate_attachment_file (const char  *file_path,
                          const char  *shown_name,
                          guint        number,
                          const char  *path,
                          LpIssueList *issues)
{
  GStatBuf st;
  GdkPixbufFormat *format;
  FileKind kind;
  int width = 0, height = 0;

  if (g_stat (file_path, &st) != 0)
    {
      /* Translators: %u is the number of the attachment (1, 2...), %s its file name */
      lp_issue_list_add (issues, LP_SEVERITY_ERROR, path,
                         _("Attachment %u: the file “%s” cannot be found. Check that it is "
                           "still there, or choose it again."), number, shown_name);
      return;
    }
  if (!S_ISREG (st.st_mode))
    {
      lp_issue_list_add (issues, LP_SEVERITY_ERROR, path,
                         _("Attachment %u: “%s” is not a file (it is a folder or a device). "
                           "Choose a PDF or a photo."), number, shown_name);
      return;
    }
  if (st.st_size > LP_ATTACHMENT_MAX_BYTES)
    {
      g_autofree char *size = g_format_size ((guint64) st.st_size);

      lp_issue_list_add (issues, LP_SEVERITY_ERROR, path,
                         /* Translators: %u is the number of the attachment, %s its size
                          * ("25.3 MB") */
                         _("Attachment %u: the file is too large (%s); the limit is 20 MB. "
                           "Take a smaller photo or a screenshot, or scan at a lower "
                           "resolution."), number, size);
      return;
    }
  if (st.st_size == 0)
    {
      lp_issue_list_add (issues, LP_SEVERITY_ERROR, path,
                         _("Attachment %u: the file “%s” is empty. Choose it again."),
                         number, shown_name);
      return;
    }
  kind = sniff_file_kind (file_path);
  if (kind == FILE_KIND_PDF)
    return;

  /* Reads the header only: a 20,000 × 20,000 PNG is judged without decoding a pixel. */
  format = kind == FILE_KIND_IMAGE ? gdk_pixbuf_get_file_info (file_path, &width, &height)
                                   : NULL;
  if (format == NULL || width <= 0 || height <= 0)
    {
      lp_issue_list_add (issues, LP_SEVERITY_ERROR, path,
                         _("Attachment %u: “%s” is not a PDF or a photo this program can read; "
                           "it may be damaged or of another kind. Attach a PDF, or a photo or "
                           "scan in JPEG or PNG."), number, shown_name);
      return;
    }
  if (width > LP_ATTACHMENT_MAX_SIDE || height > LP_ATTACHMENT_MAX_SIDE
      || (guint64) width * (guint64) height > LP_ATTACHMENT_MAX_PIXELS)
    lp_issue_list_add (issues, LP_SEVERITY_ERROR, path,
                       /* Translators: %u is the number of the attachment, then the width and height
                        * in pixels */
                       _("Attachment %u: the image is too large (%d × %d pixels). Take a "
                         "smaller photo or a screenshot: at most 20,000 pixels a side and "
                         "100 megapixels."), number, width, height);
}

void
lp_validate_attachment (const LpAttachment *attachment,
                        guint               index,
                        LpIssueList        *issues)
{
  g_autofree char *file_path = g_strdup_printf ("attachments[%u].file", index);
  g_autofree char *title_path = g_strdup_printf ("attachments[%u].title", index);
  g_autofree char *title_label = NULL;
  g_autofree char *shown_name = NULL;
  const char *on_disk;
  guint number = index + 1;

  g_return_if_fail (attachment != NULL && issues != NULL);

  on_disk = lp_attachment_get_disk_path (attachment);
  if (on_disk == NULL || on_disk[0] == '\0')
    lp_issue_list_add (issues, LP_SEVERITY_ERROR, file_path,
                       _("Attachment %u: choose a file."), number);
  else if (!g_utf8_validate (attachment->file, -1, NULL) || strlen (attachment->file) > 4096)
    lp_issue_list_add (issues, LP_SEVERITY_ERROR, file_path,
                       _("Attachment %u: the file name cannot be read. Rename the file and "
                         "choose it again."), number);
  else
    {
      shown_name = g_path_get_basename (attachment->file[0] != '\0' ? attachment->file
                                                                      : on_disk);
      validate_attachment_file (on_disk, shown_name, number, file_path, issues);
    }

  /* Translators: %u is the number of the attachment (1, 2...) */
  title_label = g_strdup_printf (_("Title of attachment %u"), number);
  lp_validate_text (attachment->title, LP_TEXT_LINE, title_label, TRUE, title_path, issues);
}

/* ------------------------------------------------------------------------------------ */
/* Persons                                                                                */

typedef enum {
  ROLE_COMPLAINANT,             /* files for themself: phone required */
  ROLE_REPRESENTED_COMPLAINANT, /* a minor: the representative gives the phone */
  ROLE_REPRESENTATIVE,          /* quality required; birth details optional */
} PersonRole;

static char *
join_path (const char *prefix,
           const char *field)
{
  return g_strconcat (prefix, ".", field, NULL);
}

static void
check_text_field (const char  *value,
                  LpTextKind   kind,
                  const char  *label,
                  gboolean     required,
                  const char  *prefix,
                  const char  *field,
                  LpIssueList *issues)
{
  g_autofree char *path = join_path (prefix, field);

  lp_validate_text (value, kind, label, required, path, issues);
}

static void
validate_civility (const LpPerson *person,
                   const char     *prefix,
                   LpIssueList    *issues)
{
  static const char * const accepted[] = { "", "madame", "monsieur", NULL };
  g_autofree char *path = join_path (prefix, "civility");

  if (person->civility == NULL || g_strv_contains (accepted, person->civility))
    return;
  lp_issue_list_add (issues, LP_SEVERITY_ERROR, path,
                     _("Civility: choose “madame”, “monsieur”, or leave it empty (no answer)."));
}

static void
validate_given_names (const LpPerson *person,
                      const char     *prefix,
                      LpIssueList    *issues)
{
  g_autofree char *path = join_path (prefix, "given_names");
  guint n = person->given_names != NULL ? person->given_names->len : 0;

  if (person->no_given_name)
    {
      if (n > 0)
        {
          g_autofree char *flag_path = join_path (prefix, "no_given_name");

          lp_issue_list_add (issues, LP_SEVERITY_ERROR, flag_path,
                             _("Given names: you ticked “I have no given name” but typed given "
                               "names. Untick it, or remove the given names."));
        }
      return;
    }
  if (n == 0)
    {
      lp_issue_list_add (issues, LP_SEVERITY_ERROR, path,
                         _("Given names: type at least one given name, or tick “I have no "
                           "given name”."));
      return;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *item_path = g_strdup_printf ("%s[%u]", path, i);
      /* Translators: %u is the position of the given name: 1, 2, 3... */
      g_autofree char *label = g_strdup_printf (_("Given name %u"), i + 1);

      lp_validate_text (g_ptr_array_index (person->given_names, i), LP_TEXT_PERSON_NAME,
                        label, TRUE, item_path, issues);
    }
}

static gboolean
is_department_number (const char *value)
{
  g_autofree char *dept = g_strstrip (g_ascii_strup (value, -1));
  gsize len = strlen (dept);

  if (len == 2 && dept[0] == '2' && (dept[1] == 'A' || dept[1] == 'B'))
    return TRUE;
  if (len == 2 && g_ascii_isdigit (dept[0]) && g_ascii_isdigit (dept[1]))
    {
      /* 01-96, 20 for Corsica before 1976, 91-96 for Algeria, Morocco and Tunisia
       * before independence (domain.md §2.5). 97/98 alone lack their third digit. */
      guint n = (guint) ((dept[0] - '0') * 10 + (dept[1] - '0'));
      return n >= 1 && n <= 96;
    }
  return len == 3 && dept[0] == '9' && (dept[1] == '7' || dept[1] == '8')
         && g_ascii_isdigit (dept[2]);
}

static void
validate_birth_place (const LpPerson *person,
                      const char     *prefix,
                      gboolean        required,
                      LpIssueList    *issues)
{
  const LpBirthPlace *place = &person->birth_place;
  g_autofree char *place_prefix = join_path (prefix, "birth_place");
  g_autofree char *dept_path = join_path (place_prefix, "department");
  gboolean in_france = lp_country_is_france (place->country);
  gboolean empty = (place->commune == NULL || is_blank (place->commune))
                   && (place->department == NULL || is_blank (place->department))
                   && (place->country == NULL || is_blank (place->country));

  if (empty && !required)
    return;
  if (empty)
    {
      lp_issue_list_add (issues, LP_SEVERITY_ERROR, place_prefix,
                         _("Place of birth: type the commune and the department, or the country "
                           "if you were born abroad."));
      return;
    }

  check_text_field (place->country, LP_TEXT_PLACE_NAME, _("Country of birth"), FALSE,
                    place_prefix, "country", issues);
  check_text_field (place->commune, LP_TEXT_PLACE_NAME, _("Commune of birth"), in_france,
                    place_prefix, "commune", issues);
  if (!in_france)
    return;

  if (place->department == NULL || is_blank (place->department))
    lp_issue_list_add (issues, LP_SEVERITY_ERROR, dept_path,
                       _("Department of birth: this field is required. Example: 69, 2A or 971. "
                         "If you were born abroad, fill in the country of birth instead."));
  else if (!is_department_number (place->department))
    lp_issue_list_add (issues, LP_SEVERITY_ERROR, dept_path,
                       _("Department of birth: type the number of the department as it was at "
                         "your birth. Example: 69, 2A or 971."));
}

static void
validate_address (const LpPerson *person,
                  const char     *prefix,
                  LpIssueList    *issues)
{
  const LpAddress *address = &person->address;
  g_autofree char *address_prefix = join_path (prefix, "address");
  g_autofree char *postal_path = join_path (address_prefix, "postal_code");

  check_text_field (address->street, LP_TEXT_LINE, _("Address"), TRUE,
                    address_prefix, "street", issues);
  check_text_field (address->complement, LP_TEXT_LINE, _("Address complement"), FALSE,
                    address_prefix, "complement", issues);
  lp_validate_postal_code (address->postal_code, address->country, postal_path, issues);
  check_text_field (address->city, LP_TEXT_PLACE_NAME, _("Town or city"), TRUE,
                    address_prefix, "city", issues);
  check_text_field (address->country, LP_TEXT_PLACE_NAME, _("Country"), TRUE,
                    address_prefix, "country", issues);
}

static void
validate_person_as (const LpPerson *person,
                    const char     *prefix,
                    PersonRole      role,
                    const GDate    *today,
                    LpIssueList    *issues)
{
  gboolean representative = role == ROLE_REPRESENTATIVE;
  g_autofree char *birth_date_path = join_path (prefix, "birth_date");
  g_autofree char *phone_path = join_path (prefix, "phone");
  g_autofree char *email_path = join_path (prefix, "email");
  g_autofree char *nir_path = join_path (prefix, "nir");

  validate_civility (person, prefix, issues);
  check_text_field (person->birth_name, LP_TEXT_PERSON_NAME, _("Birth name"), TRUE,
                    prefix, "birth_name", issues);
  check_text_field (person->usage_name, LP_TEXT_PERSON_NAME, _("Usage name"), FALSE,
                    prefix, "usage_name", issues);
  validate_given_names (person, prefix, issues);

  /* The letter gives the complainant's full civil status; the representative's birth
   * details are welcome but not required. */
  if (!representative || (person->birth_date != NULL && person->birth_date[0] != '\0'))
    lp_validate_date (person->birth_date, LP_DATE_BIRTH, today, birth_date_path, issues);
  validate_birth_place (person, prefix, !representative, issues);

  check_text_field (person->nationality, LP_TEXT_LINE, _("Nationality"), FALSE,
                    prefix, "nationality", issues);
  check_text_field (person->profession, LP_TEXT_LINE, _("Profession"), FALSE,
                    prefix, "profession", issues);
  validate_address (person, prefix, issues);
  lp_validate_phone (person->phone, role != ROLE_REPRESENTED_COMPLAINANT, phone_path, issues);
  lp_validate_email (person->email, email_path, issues);
  lp_validate_nir (person->nir, person->birth_date, nir_path, issues);
  if (representative)
    check_text_field (person->quality, LP_TEXT_LINE, _("Relationship to the complainant"),
                      TRUE, prefix, "quality", issues);
}

void
lp_validate_person (const LpPerson *person,
                    const char     *prefix,
                    gboolean        is_representative,
                    const GDate    *today,
                    LpIssueList    *issues)
{
  g_return_if_fail (person != NULL && prefix != NULL && issues != NULL);

  validate_person_as (person, prefix, is_representative ? ROLE_REPRESENTATIVE : ROLE_COMPLAINANT,
                      today, issues);
}

int
lp_age_on (const char  *birth_date,
           const GDate *today)
{
  GDate birth;
  int age;

  if (!lp_parse_iso_date (birth_date, &birth))
    return -1;
  age = (int) g_date_get_year (today) - (int) g_date_get_year (&birth);
  if (g_date_get_month (today) < g_date_get_month (&birth)
      || (g_date_get_month (today) == g_date_get_month (&birth)
          && g_date_get_day (today) < g_date_get_day (&birth)))
    age--;
  return age;
}

/* ------------------------------------------------------------------------------------ */
/* The complaint                                                                          */

static void
validate_campaign_id (const LpComplaint *complaint,
                      const LpCampaign  *campaign,
                      LpIssueList       *issues)
{
  /* Without a campaign the caller checks the id itself (the command line looks the
   * campaign up by this id and reports what it cannot find): no second message here. */
  if (campaign == NULL)
    return;
  if (complaint->campaign == NULL || complaint->campaign[0] == '\0')
    {
      lp_issue_list_add (issues, LP_SEVERITY_ERROR, "campaign",
                         _("Campaign: the complaint does not say which data breach it is about. "
                           "Fill in the campaign."));
      return;
    }
  if (g_strcmp0 (complaint->campaign, campaign->id) != 0)
    lp_issue_list_add (issues, LP_SEVERITY_ERROR, "campaign",
                       /* Translators: %s is the identifier of a campaign, e.g.
                        * "viamedis-almerys-2024" */
                       _("Campaign: this complaint is not about the data breach this program "
                         "was given (%s). Check the campaign."), campaign->id);
}

static void
validate_operator (const LpFacts    *facts,
                   const LpCampaign *campaign,
                   LpIssueList      *issues)
{
  static const char * const known[] = { "", "viamedis", "almerys", "unknown", NULL };
  const char *id = facts->operator_id != NULL ? facts->operator_id : "";

  if (g_strv_contains (known, id)
      && (campaign == NULL || id[0] == '\0' || lp_campaign_find_operator (campaign, id) != NULL))
    return;
  lp_issue_list_add (issues, LP_SEVERITY_ERROR, "facts.operator",
                     _("Third-party payment operator: choose Viamedis, Almerys, or “I don’t "
                       "know” (unknown)."));
}

static void
validate_channel (const LpFacts    *facts,
                  const LpCampaign *campaign,
                  LpIssueList      *issues)
{
  const char *id = facts->notification_channel;

  if (id == NULL || id[0] == '\0' || campaign == NULL
      || lp_campaign_find_channel (campaign, id) != NULL)
    return;
  lp_issue_list_add (issues, LP_SEVERITY_ERROR, "facts.notification_channel",
                     _("How you were told: this choice is not in the list. Choose letter, "
                       "e-mail, text message or another channel from the list."));
}

static void
validate_consequences (const LpFacts    *facts,
                       const LpCampaign *campaign,
                       LpIssueList      *issues)
{
  for (guint i = 0; facts->consequences != NULL && i < facts->consequences->len; i++)
    {
      const char *id = g_ptr_array_index (facts->consequences, i);
      g_autofree char *path = g_strdup_printf ("facts.consequences[%u]", i);

      if (id == NULL || id[0] == '\0')
        lp_issue_list_add (issues, LP_SEVERITY_ERROR, path,
                           _("Consequences: one of the choices is empty. Remove it."));
      else if (campaign != NULL && lp_campaign_find_consequence (campaign, id) == NULL)
        lp_issue_list_add (issues, LP_SEVERITY_ERROR, path,
                           _("Consequences: this choice is not in the list of this campaign. "
                             "Choose one from the list."));
    }
}

static void
validate_amount (const LpFacts *facts,
                 LpIssueList   *issues)
{
  if (!facts->has_amount)
    return;
  if (facts->amount_cents < 0)
    lp_issue_list_add (issues, LP_SEVERITY_ERROR, "facts.prejudice.amount_eur",
                       _("Amount of the loss: it cannot be negative. Type the amount in euros, "
                         "for example 150, or leave it empty."));
  else if (facts->amount_cents >= AMOUNT_MAX_CENTS)
    lp_issue_list_add (issues, LP_SEVERITY_ERROR, "facts.prejudice.amount_eur",
                       _("Amount of the loss: it is too large (10 million euros or more). Check "
                         "the amount, in euros."));
}

static void
validate_facts (const LpFacts    *facts,
                const LpCampaign *campaign,
                const GDate      *today,
                LpIssueList      *issues)
{
  lp_validate_text (facts->insurer, LP_TEXT_LINE, _("Insurer"), TRUE, "facts.insurer", issues);
  validate_operator (facts, campaign, issues);
  if (!facts->notified)
    lp_issue_list_add (issues, LP_SEVERITY_ERROR, "facts.notified",
                       _("Were you told by your insurer? This letter is for people whose health "
                         "insurer or mutuelle told them their data was part of the breach. If "
                         "you were told, confirm it."));
  lp_validate_date (facts->notified_on, LP_DATE_NOTIFIED, today, "facts.notified_on", issues);
  validate_channel (facts, campaign, issues);
  lp_validate_text (facts->member_number, LP_TEXT_LINE, _("Member number"), FALSE,
                    "facts.member_number", issues);
  validate_consequences (facts, campaign, issues);
  lp_validate_text (facts->account, LP_TEXT_FREE, _("Account of the facts"), FALSE,
                    "facts.account", issues);
  lp_validate_text (facts->prejudice_description, LP_TEXT_FREE, _("Prejudice"), FALSE,
                    "facts.prejudice.description", issues);
  validate_amount (facts, issues);
}

/* The IHDR chunk gives the size right after the 8-byte signature. */
static void
validate_signature_image (GBytes      *png,
                          LpIssueList *issues)
{
  static const guint8 magic[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  gsize size = 0;
  const guint8 *data;
  guint32 width, height;

  if (png == NULL)
    return;
  data = g_bytes_get_data (png, &size);
  if (size < 24 || memcmp (data, magic, sizeof magic) != 0 || memcmp (data + 12, "IHDR", 4) != 0)
    {
      lp_issue_list_add (issues, LP_SEVERITY_ERROR, "signature.image_png_base64",
                         _("Signature image: it is not a PNG image. Draw the signature again."));
      return;
    }
  width = (guint32) data[16] << 24 | (guint32) data[17] << 16 | (guint32) data[18] << 8 | data[19];
  height = (guint32) data[20] << 24 | (guint32) data[21] << 16 | (guint32) data[22] << 8 | data[23];
  if (width == 0 || height == 0 || width > SIGNATURE_MAX_SIDE || height > SIGNATURE_MAX_SIDE)
    lp_issue_list_add (issues, LP_SEVERITY_ERROR, "signature.image_png_base64",
                       _("Signature image: the image is empty or too large. Draw the signature "
                         "again."));
}

static void
validate_signature (const LpComplaint *complaint,
                    const GDate       *today,
                    LpIssueList       *issues)
{
  GDate signed_on, notified_on;

  lp_validate_text (complaint->signature_place, LP_TEXT_PLACE_NAME, _("Place of signature"),
                    TRUE, "signature.place", issues);
  lp_validate_date (complaint->signature_date, LP_DATE_SIGNATURE, today, "signature.date",
                    issues);
  if (lp_parse_iso_date (complaint->signature_date, &signed_on)
      && lp_parse_iso_date (complaint->facts.notified_on, &notified_on)
      && g_date_compare (&notified_on, today) <= 0   /* else already an error of its own */
      && g_date_compare (&signed_on, &notified_on) < 0)
    lp_issue_list_add (issues, LP_SEVERITY_WARNING, "signature.date",
                       _("Date of signature: it is before the date your insurer told you. "
                         "Check both dates."));
  validate_signature_image (complaint->signature_png, issues);
}

void
lp_validate_complaint (const LpComplaint *complaint,
                       const LpCampaign  *campaign,
                       const GDate       *today,
                       LpIssueList       *issues)
{
  GDate now;
  int age;

  g_return_if_fail (complaint != NULL);
  g_return_if_fail (issues != NULL);

  resolve_today (today, &now);

  validate_campaign_id (complaint, campaign, issues);
  validate_person_as (&complaint->complainant, "complainant",
                      complaint->representative != NULL ? ROLE_REPRESENTED_COMPLAINANT
                                                        : ROLE_COMPLAINANT,
                      &now, issues);
  if (complaint->representative != NULL)
    validate_person_as (complaint->representative, "representative", ROLE_REPRESENTATIVE,
                        &now, issues);

  age = lp_age_on (complaint->complainant.birth_date, &now);
  if (complaint->representative == NULL && age >= 0 && age < LP_ADULT_AGE)
    lp_issue_list_add (issues, LP_SEVERITY_WARNING, "representative",
                       _("Legal representative: the complainant is under 18. A parent or legal "
                         "guardian should file the complaint for them: add a legal "
                         "representative."));

  validate_facts (&complaint->facts, campaign, &now, issues);
  validate_signature (complaint, &now, issues);

  for (guint i = 0; complaint->attachments != NULL && i < complaint->attachments->len; i++)
    lp_validate_attachment (g_ptr_array_index (complaint->attachments, i), i, issues);
}
