/* lp-nir.c — see lp-nir.h; the rules come from domain.md §2 */
#define G_LOG_DOMAIN "lp-nir"

#include "lp-nir.h"
#include "lp-secure.h"
#include "lp-validate.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* Positions (0-based) of the parts of a normalized NIR, domain.md §2.1. */
#define POS_YEAR    1
#define POS_MONTH   3
#define POS_DEPT    5
#define POS_ORDER   10
#define POS_KEY     13
#define BODY_LENGTH 13

static gboolean
is_separator (gunichar c)
{
  /* What people put between the groups printed on the carte Vitale. A no-break space
   * comes from copying the number out of a PDF attestation. */
  return c == ' ' || c == '.' || c == '-' || c == 0x00A0 || c == 0x202F;
}

/* Strips separators and uppercases into @out. Returns FALSE at the first character that
 * has no place in a NIR, storing it in @bad. */
static gboolean
normalize_into (const char *input,
                GString    *out,
                gunichar   *bad)
{
  const char *p;

  *bad = 0;
  if (!g_utf8_validate (input, -1, NULL))
    {
      *bad = 0xFFFD;
      return FALSE;
    }
  for (p = input; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_separator (c))
        continue;
      if (c >= '0' && c <= '9')
        g_string_append_c (out, (char) c);
      else if (c == 'a' || c == 'b' || c == 'A' || c == 'B')
        g_string_append_c (out, g_ascii_toupper ((char) c));
      else
        {
          *bad = c;
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
lp_nir_normalize (const char *input,
                  char        out[16])
{
  g_autoptr(GString) buffer = g_string_new (NULL);
  gunichar bad;
  gboolean ok;

  out[0] = '\0';
  g_return_val_if_fail (input != NULL, FALSE);

  ok = normalize_into (input, buffer, &bad) && buffer->len <= LP_NIR_LENGTH;
  if (ok)
    memcpy (out, buffer->str, buffer->len + 1);
  lp_secure_zero (buffer->str, buffer->allocated_len);
  return ok;
}

static guint
two_digits (const char *s)
{
  return (guint) (s[0] - '0') * 10 + (guint) (s[1] - '0');
}

static gboolean
is_corsica_letters (const char *dept)
{
  return dept[0] == '2' && (dept[1] == 'A' || dept[1] == 'B');
}

guint
lp_nir_compute_key (const char *body)
{
  guint64 rest = 0;

  g_return_val_if_fail (body != NULL, 0);
  if (strlen (body) < BODY_LENGTH)
    return 0;

  /* The number is read digit by digit, mod 97, with 2A standing for 19 and 2B for 18
   * (domain.md §2.2): never as a whole, so nothing depends on its size. */
  for (guint i = 0; i < BODY_LENGTH; i++)
    {
      guint digit;

      if (i == POS_DEPT + 1 && is_corsica_letters (body + POS_DEPT))
        {
          /* "2A" -> "19": the '2' already added must count as a '1'. */
          rest = (rest + 97 - 1) % 97;
          digit = body[i] == 'A' ? 9 : 8;
        }
      else if (g_ascii_isdigit (body[i]))
        digit = (guint) (body[i] - '0');
      else
        return 0;
      rest = (rest * 10 + digit) % 97;
    }
  return 97 - (guint) rest;
}

/* Every NIR message starts with the name of the field, as the DSFR patterns do. */
static void
add_error (LpIssueList *issues,
           const char  *path,
           const char  *problem)
{
  /* Translators: "Social security number: <what is wrong and how to fix it>" */
  lp_issue_list_add (issues, LP_SEVERITY_ERROR, path, _("Social security number: %s"), problem);
}

static void
add_warning (LpIssueList *issues,
             const char  *path,
             const char  *problem)
{
  lp_issue_list_add (issues, LP_SEVERITY_WARNING, path, _("Social security number: %s"), problem);
}

static gboolean
check_characters (const char  *input,
                  GString     *nir,
                  const char  *path,
                  LpIssueList *issues)
{
  gunichar bad;
  g_autofree char *problem = NULL;

  if (normalize_into (input, nir, &bad))
    return TRUE;

  if (bad == 0xFFFD || g_unichar_iscntrl (bad) || !g_unichar_isprint (bad))
    problem = g_strdup (_("it contains characters that are not allowed. Type only the digits, "
                          "and the letter A or B for Corsica, as on your carte Vitale."));
  else
    {
      char c[8] = { 0 };

      g_unichar_to_utf8 (bad, c);
      /* Translators: %s is the single character that is not allowed, e.g. "O" */
      problem = g_strdup_printf (_("the character “%s” is not allowed. Type only the digits, "
                                   "and the letter A or B for Corsica, as on your carte Vitale."),
                                 c);
    }
  add_error (issues, path, problem);
  return FALSE;
}

static gboolean
check_length (const GString *nir,
              const char    *path,
              LpIssueList   *issues)
{
  g_autofree char *problem = NULL;

  if (nir->len == LP_NIR_LENGTH)
    return TRUE;
  if (nir->len == BODY_LENGTH)
    {
      add_error (issues, path,
                 _("the key (last 2 digits) is missing. Type all 15 characters written on your "
                   "carte Vitale or your attestation de droits."));
      return FALSE;
    }
  /* Translators: %u is how many characters the person typed (not 15) */
  problem = g_strdup_printf (_("it must have 15 characters, but you typed %u. Check it on your "
                               "carte Vitale or your attestation de droits."),
                             (guint) MIN (nir->len, G_MAXUINT));
  add_error (issues, path, problem);
  return FALSE;
}

static gboolean
check_letters_place (const char  *nir,
                     const char  *path,
                     LpIssueList *issues)
{
  for (guint i = 0; i < LP_NIR_LENGTH; i++)
    {
      if (g_ascii_isdigit (nir[i]))
        continue;
      if (i == POS_DEPT + 1 && nir[POS_DEPT] == '2')
        continue;
      add_error (issues, path,
                 _("the letters A and B are only allowed in 6th and 7th position, for people "
                   "born in Corsica (2A or 2B). Check the other characters: they are digits."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_first_digit (const char  *nir,
                   const char  *path,
                   LpIssueList *issues)
{
  switch (nir[0])
    {
    case '1': case '2': case '3': case '4': case '7': case '8':
      return TRUE;
    case '5': case '6':
      add_error (issues, path,
                 _("a number that starts with 5 or 6 is a temporary number for people passing "
                   "through, which cannot be used here. Type the 15 characters written on your "
                   "carte Vitale, or leave this field empty."));
      return FALSE;
    default:
      add_error (issues, path,
                 _("the first digit must be 1 or 2 (3, 4, 7 or 8 for some numbers); a number "
                   "never starts with 0 or 9. Check it on your carte Vitale."));
      return FALSE;
    }
}

static gboolean
check_month (const char  *nir,
             const char  *path,
             LpIssueList *issues)
{
  guint month = two_digits (nir + POS_MONTH);

  if (month >= 1 && month <= 12)
    return TRUE;
  /* domain.md §2.4: 20-42 and 50-99 are given to people registered from an incomplete
   * birth record (31-42 being the real month + 30); everything else is a typo. */
  if ((month >= 20 && month <= 42) || month >= 50)
    {
      add_warning (issues, path,
                   _("the 4th and 5th digits (month of birth) hold an unusual value. This is "
                     "possible when the birth record was incomplete; check it on your carte "
                     "Vitale."));
      return TRUE;
    }
  add_error (issues, path,
             _("the 4th and 5th digits (month of birth) are not valid: they must be between 01 "
               "and 12. Check them on your carte Vitale."));
  return FALSE;
}

/* Department and commune (or country) together, since a 3-digit overseas department
 * leaves 2 digits to the commune (domain.md §2.5). */
static gboolean
check_place (const char  *nir,
             const char  *path,
             LpIssueList *issues)
{
  const char *dept = nir + POS_DEPT;

  if (is_corsica_letters (dept))
    return TRUE;
  if (dept[0] == '0' && dept[1] == '0')
    {
      add_error (issues, path,
                 _("the 6th and 7th characters (department of birth) cannot be 00. Check them on "
                   "your carte Vitale: 99 is used for people born abroad, 2A or 2B for Corsica."));
      return FALSE;
    }
  /* 01-99, 20 (Corsica before 1976), 97x/98x overseas and 99 abroad are all digits, and
   * every digit combination left is one of them: nothing more to refuse. */
  return TRUE;
}

static gboolean
check_order (const char  *nir,
             const char  *path,
             LpIssueList *issues)
{
  if (strncmp (nir + POS_ORDER, "000", 3) != 0)
    return TRUE;
  add_error (issues, path,
             _("the 11th to 13th digits (order number) cannot be 000. Check them on your carte "
               "Vitale."));
  return FALSE;
}

static gboolean
check_key (const char  *nir,
           const char  *path,
           LpIssueList *issues)
{
  guint key = two_digits (nir + POS_KEY);

  if (key < 1 || key > 97)
    {
      add_error (issues, path,
                 _("the key (last 2 digits) must be between 01 and 97. Check the 15 characters on "
                   "your carte Vitale or your attestation de droits."));
      return FALSE;
    }
  if (key != lp_nir_compute_key (nir))
    {
      add_error (issues, path,
                 _("the key (last 2 digits) does not match the other digits. Check the 15 "
                   "characters on your carte Vitale or your attestation de droits."));
      return FALSE;
    }
  return TRUE;
}

/* Warnings only (domain.md §2.4): a wrong birth date is as likely as a wrong NIR, and the
 * person knows better than we do. */
static void
cross_check_birth_date (const char  *nir,
                        const char  *birth_date,
                        const char  *path,
                        LpIssueList *issues)
{
  guint nir_month = two_digits (nir + POS_MONTH);
  GDate date;
  guint year, month;

  if (!lp_parse_iso_date (birth_date, &date))
    return;
  year = g_date_get_year (&date);
  month = g_date_get_month (&date);

  if (two_digits (nir + POS_YEAR) != year % 100)
    add_warning (issues, path,
                 _("the 2nd and 3rd digits (year of birth) do not match your date of birth. "
                   "Check both."));

  if (nir_month >= 31 && nir_month <= 42)
    nir_month -= 30;
  if (nir_month >= 1 && nir_month <= 12 && nir_month != month)
    add_warning (issues, path,
                 _("the 4th and 5th digits (month of birth) do not match your date of birth. "
                   "Check both."));
}

/* Runs every check; returns TRUE when none gave an error. */
static gboolean
validate_into (const char  *input,
               const char  *birth_date,
               const char  *path,
               LpIssueList *issues)
{
  g_autoptr(GString) nir = g_string_new (NULL);
  gboolean ok;

  /* One error at a time: the later checks are meaningless once the shape is wrong, and a
   * list of five errors for one typo would not help anybody. */
  ok = check_characters (input, nir, path, issues)
       && (nir->len == 0
           || (check_length (nir, path, issues)
               && check_letters_place (nir->str, path, issues)
               && check_first_digit (nir->str, path, issues)
               && check_month (nir->str, path, issues)
               && check_place (nir->str, path, issues)
               && check_order (nir->str, path, issues)
               && check_key (nir->str, path, issues)));
  if (ok && nir->len == LP_NIR_LENGTH)
    cross_check_birth_date (nir->str, birth_date, path, issues);

  lp_secure_zero (nir->str, nir->allocated_len);
  return ok;
}

void
lp_validate_nir (const char  *input,
                 const char  *birth_date,
                 const char  *path,
                 LpIssueList *issues)
{
  g_return_if_fail (path != NULL);
  g_return_if_fail (issues != NULL);

  if (input == NULL || input[0] == '\0')
    return;
  validate_into (input, birth_date, path, issues);
}

gboolean
lp_nir_is_valid (const char *input)
{
  g_autoptr(LpIssueList) issues = lp_issue_list_new ();

  if (input == NULL)
    return FALSE;
  return validate_into (input, NULL, "nir", issues);
}

static const guint groups[] = { 1, 2, 2, 2, 3, 3, 2 };

char *
lp_nir_format (const char *normalized)
{
  GString *out;
  gsize len, pos = 0;

  if (normalized == NULL)
    return NULL;
  len = strlen (normalized);
  out = g_string_sized_new (len + G_N_ELEMENTS (groups));
  for (guint g = 0; g < G_N_ELEMENTS (groups) && pos < len; g++)
    {
      if (g > 0)
        g_string_append_c (out, ' ');
      g_string_append_len (out, normalized + pos, MIN (groups[g], len - pos));
      pos += groups[g];
    }
  if (pos < len)
    {
      g_string_append_c (out, ' ');
      g_string_append (out, normalized + pos);
    }
  return g_string_free (out, FALSE);
}

char *
lp_nir_mask (const char *normalized)
{
  GString *out;
  gboolean whole;

  if (normalized == NULL)
    return NULL;
  whole = strlen (normalized) == LP_NIR_LENGTH;
  out = g_string_new (NULL);
  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      gboolean shown = whole && (g == 0 || g == G_N_ELEMENTS (groups) - 1);

      if (g > 0)
        g_string_append_c (out, ' ');
      if (shown)
        g_string_append_len (out, normalized + (g == 0 ? 0 : POS_KEY), groups[g]);
      else
        for (guint i = 0; i < groups[g]; i++)
          g_string_append (out, "•");
    }
  return g_string_free (out, FALSE);
}
