/* test-validate.c — every validator of lp-validate.h, and the whole complaint */
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "lp-nir.h"
#include "lp-test-utils.h"
#include "lp-validate.h"

/* ------------------------------------------------------------------------------------ */
/* Helpers                                                                                */

static void
dump (const LpIssueList *issues)
{
  for (guint i = 0; i < lp_issue_list_get_length (issues); i++)
    {
      const LpIssue *issue = lp_issue_list_get (issues, i);

      g_test_message ("%s %s: %s", issue->severity == LP_SEVERITY_ERROR ? "error" : "warning",
                      issue->path, issue->message);
    }
}

static void
assert_no_issue (const LpIssueList *issues)
{
  if (lp_issue_list_get_length (issues) > 0)
    {
      const LpIssue *issue = lp_issue_list_get (issues, 0);

      dump (issues);
      g_error ("unexpected issue at %s: %s", issue->path, issue->message);
    }
}

/* An issue at @path of @severity whose message holds @word (case-sensitive). */
static void
assert_issue (const LpIssueList *issues,
              const char        *path,
              LpSeverity         severity,
              const char        *word)
{
  for (guint i = 0; i < lp_issue_list_get_length (issues); i++)
    {
      const LpIssue *issue = lp_issue_list_get (issues, i);

      if (g_strcmp0 (issue->path, path) != 0)
        continue;
      if (issue->severity != severity)
        g_error ("%s: wrong severity for “%s”", path, issue->message);
      if (word != NULL && strstr (issue->message, word) == NULL)
        g_error ("%s: message “%s” lacks “%s”", path, issue->message, word);
      return;
    }
  dump (issues);
  g_error ("no issue at %s (expected one with “%s”)", path, word ? word : "");
}

/* Exactly one issue, at @path, of @severity, with @word. */
static void
assert_only_issue (const LpIssueList *issues,
                   const char        *path,
                   LpSeverity         severity,
                   const char        *word)
{
  if (lp_issue_list_get_length (issues) != 1)
    {
      dump (issues);
      g_error ("expected exactly one issue at %s, got %u", path, lp_issue_list_get_length (issues));
    }
  assert_issue (issues, path, severity, word);
}

static LpIssueList *
check_text (const char *value,
            LpTextKind  kind,
            gboolean    required)
{
  LpIssueList *issues = lp_issue_list_new ();

  lp_validate_text (value, kind, "Birth name", required, "complainant.birth_name", issues);
  return issues;
}

static void
assert_text_ok (const char *value,
                LpTextKind  kind)
{
  g_autoptr(LpIssueList) issues = check_text (value, kind, TRUE);

  if (lp_issue_list_get_length (issues) > 0)
    g_error ("“%s” refused: %s", value, lp_issue_list_get (issues, 0)->message);
}

static void
assert_text_error (const char *value,
                   LpTextKind  kind,
                   const char *word)
{
  g_autoptr(LpIssueList) issues = check_text (value, kind, TRUE);

  assert_only_issue (issues, "complainant.birth_name", LP_SEVERITY_ERROR, word);
  g_assert_true (g_str_has_prefix (lp_issue_list_get (issues, 0)->message, "Birth name: "));
}

/* ------------------------------------------------------------------------------------ */
/* Text                                                                                   */

static void
test_person_names (void)
{
  const char *valid[] = {
    "Nguyễn Thị Minh Khai", "Łukasz Żółć", "Zoë L'Haÿ", "O’Brien", "Jean-Pierre", "Dupré",
    "Dupre\xcc\x81" /* e + combining acute */, "Æsir Øre Strauß", "d'Artagnan", "Ndiaye",
    "  Dupré  ", "Đặng", "Ağaoğlu", "Nuñez", "Çelik", "Ōtomo",
  };
  g_autofree char *longest = g_strnfill (LP_NAME_MAX_CHARS, 'a');
  g_autofree char *too_long = g_strnfill (LP_NAME_MAX_CHARS + 1, 'a');
  g_autofree char *megabyte = g_strnfill (1024 * 1024, 'a');
  g_autofree char *long_accents = NULL;
  GString *accents = g_string_new (NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (valid); i++)
    assert_text_ok (valid[i], LP_TEXT_PERSON_NAME);
  assert_text_ok (longest, LP_TEXT_PERSON_NAME);

  /* 100 two-byte letters are 100 characters, not 200. */
  for (guint i = 0; i < LP_NAME_MAX_CHARS; i++)
    g_string_append (accents, "é");
  long_accents = g_string_free (accents, FALSE);
  assert_text_ok (long_accents, LP_TEXT_PERSON_NAME);

  assert_text_error (too_long, LP_TEXT_PERSON_NAME, "too long");
  assert_text_error (megabyte, LP_TEXT_PERSON_NAME, "at most 100 characters");
  assert_text_error ("Jean2", LP_TEXT_PERSON_NAME, "digits");
  assert_text_error ("Иван", LP_TEXT_PERSON_NAME, "Latin letters");
  assert_text_error ("Dupré 山田", LP_TEXT_PERSON_NAME, "identity papers");
  assert_text_error ("Du\x01pré", LP_TEXT_PERSON_NAME, "control character");
  assert_text_error ("Du\tpré", LP_TEXT_PERSON_NAME, "control character");
  assert_text_error ("Dupré\n", LP_TEXT_PERSON_NAME, "control character");
  assert_text_error ("Du\xe2\x80\x8bpr\xc3\xa9", LP_TEXT_PERSON_NAME, "control character");
  assert_text_error ("Dupr\xe9", LP_TEXT_PERSON_NAME, "UTF-8");
  assert_text_error ("\xff\xfe", LP_TEXT_PERSON_NAME, "UTF-8");
  assert_text_error ("Jean,Pierre", LP_TEXT_PERSON_NAME, "“,”");
  assert_text_error ("Zoë 😀", LP_TEXT_PERSON_NAME, "not allowed");
  assert_text_error ("-", LP_TEXT_PERSON_NAME, "at least one letter");
  assert_text_error ("", LP_TEXT_PERSON_NAME, "required");
  assert_text_error ("   ", LP_TEXT_PERSON_NAME, "required");

  {
    g_autoptr(LpIssueList) issues = check_text ("", LP_TEXT_PERSON_NAME, FALSE);
    g_autoptr(LpIssueList) null_issues = check_text (NULL, LP_TEXT_PERSON_NAME, FALSE);

    assert_no_issue (issues);
    assert_no_issue (null_issues);
  }
}

static void
test_place_names (void)
{
  assert_text_ok ("Paris 15e", LP_TEXT_PLACE_NAME);
  assert_text_ok ("Saint-Denis (La Réunion)", LP_TEXT_PLACE_NAME);
  assert_text_ok ("L'Haÿ-les-Roses", LP_TEXT_PLACE_NAME);
  assert_text_ok ("St. Gallen", LP_TEXT_PLACE_NAME);
  assert_text_ok ("Marseille 8e, quartier Périer", LP_TEXT_PLACE_NAME);
  assert_text_error ("東京", LP_TEXT_PLACE_NAME, "Latin letters");
  assert_text_error ("75", LP_TEXT_PLACE_NAME, "at least one letter");
  assert_text_error ("Lyon;", LP_TEXT_PLACE_NAME, "“;”");
}

static void
test_lines (void)
{
  g_autofree char *too_long = g_strnfill (LP_LINE_MAX_CHARS + 1, 'x');

  assert_text_ok ("12 rue des Lilas, bât. B n° 3 & 4 — 2e étage", LP_TEXT_LINE);
  assert_text_ok ("Harmonie Mutuelle", LP_TEXT_LINE);
  assert_text_ok ("#42 / 7", LP_TEXT_LINE);    /* no letter needed on a line */
  assert_text_error ("ул. Ленина, 5", LP_TEXT_LINE, "Latin letters");
  assert_text_error ("12 rue\ndes Lilas", LP_TEXT_LINE, "control character");
  assert_text_error (too_long, LP_TEXT_LINE, "at most 200 characters");
  assert_text_error ("Maison 🏠", LP_TEXT_LINE, "cannot be printed");
}

static void
test_free_text (void)
{
  g_autofree char *longest = g_strnfill (LP_FREE_MAX_CHARS, 'a');
  g_autofree char *too_long = g_strnfill (LP_FREE_MAX_CHARS + 1, 'a');
  g_autoptr(LpIssueList) emoji = NULL;

  assert_text_ok ("Premier paragraphe.\n\n\tDeuxième paragraphe, « cité ».\r\n", LP_TEXT_FREE);
  assert_text_ok ("Un SMS disait : « Ваша карта заблокирована »", LP_TEXT_FREE);
  assert_text_ok (longest, LP_TEXT_FREE);
  assert_text_error (too_long, LP_TEXT_FREE, "20000");
  assert_text_error ("Un bip\x07 ici", LP_TEXT_FREE, "control character");
  /* Printed in the French letter: no script the letter cannot print. */
  assert_text_error ("J’ai reçu un SMS : « بطاقتك »", LP_TEXT_FREE, "Latin letters");
  assert_text_error ("收到短信", LP_TEXT_FREE, "Latin letters");
  assert_text_error ("Dupr\xe9", LP_TEXT_FREE, "UTF-8");

  /* Emoji: a warning, given once however many there are. */
  emoji = check_text ("J'ai eu peur 😱 et encore 😡.", LP_TEXT_FREE, FALSE);
  assert_only_issue (emoji, "complainant.birth_name", LP_SEVERITY_WARNING, "emoji");
}

/* ------------------------------------------------------------------------------------ */
/* Dates                                                                                  */

static void
test_parse_date (void)
{
  GDate date;

  g_assert_true (lp_parse_iso_date ("2024-02-29", &date));
  g_assert_cmpuint (g_date_get_day (&date), ==, 29);
  g_assert_cmpuint (g_date_get_month (&date), ==, 2);
  g_assert_cmpuint (g_date_get_year (&date), ==, 2024);
  g_assert_true (lp_parse_iso_date ("1984-12-14", NULL));
  g_assert_true (lp_parse_iso_date ("2000-02-29", NULL));

  g_assert_false (lp_parse_iso_date ("2023-02-29", NULL));
  g_assert_false (lp_parse_iso_date ("1900-02-29", NULL));
  g_assert_false (lp_parse_iso_date ("2023-04-31", NULL));
  g_assert_false (lp_parse_iso_date ("2023-00-10", NULL));
  g_assert_false (lp_parse_iso_date ("2023-13-01", NULL));
  g_assert_false (lp_parse_iso_date ("2023-01-00", NULL));
  g_assert_false (lp_parse_iso_date ("0000-01-01", NULL));
  g_assert_false (lp_parse_iso_date ("2023-4-1", NULL));
  g_assert_false (lp_parse_iso_date ("14/12/1984", NULL));
  g_assert_false (lp_parse_iso_date ("1984-12-14 ", NULL));
  g_assert_false (lp_parse_iso_date ("", NULL));
  g_assert_false (lp_parse_iso_date (NULL, NULL));
}

static LpIssueList *
check_date (const char *value,
            LpDateKind  kind)
{
  LpIssueList *issues = lp_issue_list_new ();
  GDate today;

  lp_test_today (&today);   /* 2024-03-01 */
  lp_validate_date (value, kind, &today, "complainant.birth_date", issues);
  return issues;
}

static void
assert_date_ok (const char *value,
                LpDateKind  kind)
{
  g_autoptr(LpIssueList) issues = check_date (value, kind);

  assert_no_issue (issues);
}

static void
assert_date_error (const char *value,
                   LpDateKind  kind,
                   const char *word)
{
  g_autoptr(LpIssueList) issues = check_date (value, kind);

  assert_only_issue (issues, "complainant.birth_date", LP_SEVERITY_ERROR, word);
}

static void
test_dates (void)
{
  assert_date_ok ("1984-12-14", LP_DATE_BIRTH);
  assert_date_ok ("2024-02-29", LP_DATE_BIRTH);
  assert_date_ok ("2024-03-01", LP_DATE_BIRTH);    /* today */
  assert_date_ok ("1900-01-01", LP_DATE_BIRTH);
  assert_date_error ("2023-04-31", LP_DATE_BIRTH, "the day is invalid");
  assert_date_error ("2023-02-29", LP_DATE_BIRTH, "28 days");
  assert_date_error ("1984-13-01", LP_DATE_BIRTH, "the month is invalid");
  assert_date_error ("1984-00-01", LP_DATE_BIRTH, "the month is invalid");
  assert_date_error ("0000-05-01", LP_DATE_BIRTH, "the year is invalid");
  assert_date_error ("1899-12-31", LP_DATE_BIRTH, "1900");
  assert_date_error ("2024-03-02", LP_DATE_BIRTH, "after today");
  assert_date_error ("14/12/1984", LP_DATE_BIRTH, "Example: 1984-12-14");
  assert_date_error ("1984-12-14T00:00", LP_DATE_BIRTH, "year-month-day");
  assert_date_error ("", LP_DATE_BIRTH, "required");
  {
    g_autoptr(LpIssueList) issues = check_date ("2023-04-31", LP_DATE_BIRTH);

    g_assert_true (g_str_has_prefix (lp_issue_list_get (issues, 0)->message, "Date of birth: "));
  }

  assert_date_ok ("2024-02-12", LP_DATE_SIGNATURE);
  assert_date_ok ("1850-01-01", LP_DATE_SIGNATURE);  /* absurd, but only births have a floor */
  assert_date_error ("2024-03-02", LP_DATE_SIGNATURE, "after today");
  assert_date_error ("", LP_DATE_SIGNATURE, "Date of signature: this field is required");

  assert_date_ok ("", LP_DATE_NOTIFIED);
  assert_date_ok ("2024-02-08", LP_DATE_NOTIFIED);
  assert_date_error ("2025-02-08", LP_DATE_NOTIFIED, "after today");
  assert_date_error ("2024-02-30", LP_DATE_NOTIFIED, "day is invalid");

  /* Without a date given, today is the clock's. */
  {
    g_autoptr(LpIssueList) issues = lp_issue_list_new ();

    lp_validate_date ("2000-01-01", LP_DATE_BIRTH, NULL, "x", issues);
    assert_no_issue (issues);
    lp_validate_date ("2999-01-01", LP_DATE_BIRTH, NULL, "x", issues);
    assert_only_issue (issues, "x", LP_SEVERITY_ERROR, "after today");
  }
}

/* ------------------------------------------------------------------------------------ */
/* Postal codes, phones, e-mail                                                           */

static LpIssueList *
check_postal (const char *code,
              const char *country)
{
  LpIssueList *issues = lp_issue_list_new ();

  lp_validate_postal_code (code, country, "complainant.address.postal_code", issues);
  return issues;
}

static void
test_country (void)
{
  const char *france[] = { "", "France", "FRANCE", "france", "  France ", "FR", "fr",
                           "Frânce", "République française", "REPUBLIQUE FRANCAISE",
                           "France métropolitaine", "La Réunion", "Guadeloupe",
                           "Nouvelle-Calédonie", "Saint-Pierre-et-Miquelon", "Mayotte",
                           "Guyane", "Martinique", "Polynésie française" };
  const char *abroad[] = { "Belgique", "Royaume-Uni", "Maroc", "Francia", "Frances", "DE" };

  for (gsize i = 0; i < G_N_ELEMENTS (france); i++)
    if (!lp_country_is_france (france[i]))
      g_error ("“%s” not taken for France", france[i]);
  for (gsize i = 0; i < G_N_ELEMENTS (abroad); i++)
    if (lp_country_is_france (abroad[i]))
      g_error ("“%s” taken for France", abroad[i]);
}

static void
test_postal_codes (void)
{
  const char *ok_france[][2] = {
    { "69003", "France" }, { "69003", "" }, { "69003", "FR" }, { "75001", "fr" },
    { "20000", "France" }, { "20200", "France" }, { "97100", "Guadeloupe" },
    { "97400", "France" }, { "98800", "Nouvelle-Calédonie" }, { " 69003 ", "France" },
    { "01000", "France" },
  };
  const char *ok_abroad[][2] = {
    { "SW1A 1AA", "Royaume-Uni" }, { "1000", "Belgique" }, { "H3Z 2Y7", "Canada" },
    { "20000", "Maroc" }, { "00100", "Italie" },
  };
  struct { const char *code, *country, *word; } bad[] = {
    { "00123", "France", "00" },
    { "6900", "France", "5 digits" },
    { "690030", "", "5 digits" },
    { "69 003", "France", "5 digits" },
    { "ABCDE", "FR", "5 digits" },
    { "", "France", "required" },
    { "", "Belgique", "required" },
    { "12345678901234567", "Allemagne", "too long" },
    { "12\x01" "34", "Allemagne", "control character" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (ok_france); i++)
    {
      g_autoptr(LpIssueList) issues = check_postal (ok_france[i][0], ok_france[i][1]);

      assert_no_issue (issues);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (ok_abroad); i++)
    {
      g_autoptr(LpIssueList) issues = check_postal (ok_abroad[i][0], ok_abroad[i][1]);

      assert_no_issue (issues);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(LpIssueList) issues = check_postal (bad[i].code, bad[i].country);

      assert_only_issue (issues, "complainant.address.postal_code", LP_SEVERITY_ERROR, bad[i].word);
      g_assert_true (g_str_has_prefix (lp_issue_list_get (issues, 0)->message, "Postal code: "));
    }
}

static LpIssueList *
check_phone (const char *phone,
             gboolean    required)
{
  LpIssueList *issues = lp_issue_list_new ();

  lp_validate_phone (phone, required, "complainant.phone", issues);
  return issues;
}

static void
test_phones (void)
{
  const char *valid[] = {
    "06 12 34 56 78", "06.12.34.56.78", "06-12-34-56-78", "0612345678", "01 23 45 67 89",
    "+33 6 12 34 56 78", "+33612345678", "0033 6 12 34 56 78", "+32 470 12 34 56",
    "+1 (415) 555-0123", "+44 20 7946 0958", "+262 262 12 34 56", "+49 30 123456",
    " 06 12 34 56 78 ",
  };
  struct { const char *phone, *word; } bad[] = {
    { "", "required" },
    { "   ", "required" },
    { "061234567", "10 digits" },
    { "06123456789", "10 digits" },
    { "6 12 34 56 78", "starts with 0" },
    { "+33 6 12 34 56", "9 digits" },
    { "+33 6 12 34 56 78 9", "9 digits" },
    { "+33 0 12 34 56 78", "9 digits" },
    { "+123", "8 to 15 digits" },
    { "+1234567890123456", "8 to 15 digits" },
    { "+0 612 345 678", "8 to 15 digits" },
    { "06 12 AB 56 78", "only digits" },
    { "06 12 34 56 78 poste 12", "only digits" },
    { "+33 +6 12 34 56 78", "only digits" },
    { "06 12 34 56 7\xf0", "only digits" },
    { "\xf0", "only digits" },
  };
  g_autofree char *long_phone = g_strnfill (100, '1');

  for (gsize i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autoptr(LpIssueList) issues = check_phone (valid[i], TRUE);

      assert_no_issue (issues);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(LpIssueList) issues = check_phone (bad[i].phone, TRUE);

      assert_only_issue (issues, "complainant.phone", LP_SEVERITY_ERROR, bad[i].word);
      g_assert_true (g_str_has_prefix (lp_issue_list_get (issues, 0)->message, "Phone: "));
    }
  {
    g_autoptr(LpIssueList) zero = check_phone ("+33 06 12 34 56 78", TRUE);
    g_autoptr(LpIssueList) too_long = check_phone (long_phone, TRUE);
    g_autoptr(LpIssueList) optional = check_phone ("", FALSE);

    /* Tolerated with a warning: the 0 after +33 breaks dialling from abroad. */
    assert_only_issue (zero, "complainant.phone", LP_SEVERITY_WARNING, "leave out the first 0");
    assert_only_issue (too_long, "complainant.phone", LP_SEVERITY_ERROR, "too long");
    assert_no_issue (optional);
  }
}

static void
test_email (void)
{
  const char *valid[] = {
    "", "name@example.com", "élodie.dupré@exemple.fr", "a+b@sub.example.org",
    "x@example.museum",
  };
  const char *bad[] = {
    "name", "name@", "@example.com", "a@b@example.com", "name@example", "na me@example.com",
    "name@example..com", "name@.example.com", "name@example.c", " name@example.com",
    "name@example.com.", "na\x01me@example.com",
  };
  g_autofree char *local = g_strnfill (250, 'a');
  g_autofree char *too_long = g_strconcat (local, "@example.com", NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autoptr(LpIssueList) issues = lp_issue_list_new ();

      lp_validate_email (valid[i], "complainant.email", issues);
      assert_no_issue (issues);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(LpIssueList) issues = lp_issue_list_new ();

      lp_validate_email (bad[i], "complainant.email", issues);
      assert_only_issue (issues, "complainant.email", LP_SEVERITY_ERROR, "E-mail address: ");
    }
  {
    g_autoptr(LpIssueList) issues = lp_issue_list_new ();

    lp_validate_email (too_long, "complainant.email", issues);
    assert_only_issue (issues, "complainant.email", LP_SEVERITY_ERROR, "too long");
  }
}

/* ------------------------------------------------------------------------------------ */
/* The whole complaint                                                                    */

static void
set (char      **field,
     const char *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

static void
fill_person (LpPerson *person)
{
  set (&person->civility, "madame");
  set (&person->birth_name, "Dupré");
  g_ptr_array_add (person->given_names, g_strdup ("Élodie"));
  g_ptr_array_add (person->given_names, g_strdup ("Marie"));
  set (&person->birth_date, "1984-12-14");
  set (&person->birth_place.commune, "Lyon");
  set (&person->birth_place.department, "69");
  set (&person->birth_place.country, "France");
  set (&person->nationality, "française");
  set (&person->address.street, "12 rue des Lilas");
  set (&person->address.postal_code, "69003");
  set (&person->address.city, "Lyon");
  set (&person->address.country, "France");
  set (&person->phone, "06 12 34 56 78");
}

/* tests/data/complaint-typical.json, built in code. */
static LpComplaint *
make_typical (void)
{
  LpComplaint *complaint = lp_complaint_new ();

  set (&complaint->campaign, "viamedis-almerys-2024");
  fill_person (&complaint->complainant);
  set (&complaint->facts.insurer, "Harmonie Mutuelle");
  set (&complaint->facts.operator_id, "viamedis");
  complaint->facts.notified = TRUE;
  set (&complaint->facts.notified_on, "2024-02-08");
  set (&complaint->facts.notification_channel, "courrier");
  g_ptr_array_add (complaint->facts.consequences, g_strdup ("phishing-sms"));
  set (&complaint->facts.account,
       "Depuis le courrier de ma mutuelle, j'ai reçu deux SMS me demandant de renouveler ma "
       "carte Vitale sur un site qui n'était pas celui de l'Assurance maladie.");
  set (&complaint->signature_place, "Lyon");
  set (&complaint->signature_date, "2024-02-12");
  return complaint;
}

static LpIssueList *
check_complaint (const LpComplaint *complaint,
                 const LpCampaign  *campaign)
{
  LpIssueList *issues = lp_issue_list_new ();
  GDate today;

  lp_test_today (&today);
  lp_validate_complaint (complaint, campaign, &today, issues);
  return issues;
}

static void
test_complaint_typical (void)
{
  g_autoptr(LpComplaint) complaint = make_typical ();
  g_autoptr(LpIssueList) issues = check_complaint (complaint, NULL);

  assert_no_issue (issues);
}

static void
test_complaint_typical_file (void)
{
  g_autoptr(LpComplaint) complaint = lp_test_load_complaint ("complaint-typical.json");
  g_autoptr(LpIssueList) issues = NULL;

  if (complaint == NULL)
    return;   /* skipped where the loader is not built */
  issues = check_complaint (complaint, NULL);
  assert_no_issue (issues);
}

static void
test_complaint_required (void)
{
  g_autoptr(LpComplaint) complaint = lp_complaint_new ();
  g_autoptr(LpIssueList) issues = check_complaint (complaint, NULL);
  const char *required[] = {
    "complainant.birth_name", "complainant.given_names",
    "complainant.birth_date", "complainant.birth_place", "complainant.address.street",
    "complainant.address.postal_code", "complainant.address.city",
    "complainant.address.country", "complainant.phone", "facts.insurer", "facts.notified",
    "signature.place", "signature.date",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (required); i++)
    assert_issue (issues, required[i], LP_SEVERITY_ERROR, NULL);
  g_assert_cmpuint (lp_issue_list_get_length (issues), ==, G_N_ELEMENTS (required));
  assert_issue (issues, "facts.notified", LP_SEVERITY_ERROR, "insurer");
  assert_issue (issues, "facts.notified", LP_SEVERITY_ERROR, "told");
  assert_issue (issues, "complainant.given_names", LP_SEVERITY_ERROR, "no given name");
}

typedef void (*Mutate) (LpComplaint *complaint);

/* Applies @mutate to a typical complaint and expects exactly one issue. */
static void
assert_mutation (Mutate      mutate,
                 const char *path,
                 LpSeverity  severity,
                 const char *word)
{
  g_autoptr(LpComplaint) complaint = make_typical ();
  g_autoptr(LpIssueList) issues = NULL;

  mutate (complaint);
  issues = check_complaint (complaint, NULL);
  assert_only_issue (issues, path, severity, word);
}

static void
assert_mutation_ok (Mutate mutate)
{
  g_autoptr(LpComplaint) complaint = make_typical ();
  g_autoptr(LpIssueList) issues = NULL;

  mutate (complaint);
  issues = check_complaint (complaint, NULL);
  assert_no_issue (issues);
}

static void bad_civility (LpComplaint *c) { set (&c->complainant.civility, "mademoiselle"); }
static void no_civility (LpComplaint *c) { set (&c->complainant.civility, ""); }
static void digit_given_name (LpComplaint *c) { set ((char **) &c->complainant.given_names->pdata[1], "Mar1e"); }
static void empty_given_name (LpComplaint *c) { set ((char **) &c->complainant.given_names->pdata[0], " "); }
static void no_given_name_but_names (LpComplaint *c) { c->complainant.no_given_name = TRUE; }
static void
no_given_name (LpComplaint *c)
{
  c->complainant.no_given_name = TRUE;
  g_ptr_array_set_size (c->complainant.given_names, 0);
}
static void impossible_birth_date (LpComplaint *c) { set (&c->complainant.birth_date, "1984-02-30"); }
static void future_birth_date (LpComplaint *c) { set (&c->complainant.birth_date, "2025-01-01"); }
static void bad_email (LpComplaint *c) { set (&c->complainant.email, "elodie.example.com"); }
static void good_email (LpComplaint *c) { set (&c->complainant.email, "elodie@example.com"); }
static void bad_postal (LpComplaint *c) { set (&c->complainant.address.postal_code, "6900"); }
static void bad_phone (LpComplaint *c) { set (&c->complainant.phone, "12 34"); }
static void long_name (LpComplaint *c) { g_free (c->complainant.birth_name); c->complainant.birth_name = g_strnfill (1024 * 1024, 'x'); }
static void cyrillic_city (LpComplaint *c) { set (&c->complainant.address.city, "Москва"); set (&c->complainant.address.country, "Russie"); set (&c->complainant.address.postal_code, "101000"); }
static void
born_abroad (LpComplaint *c)
{
  set (&c->complainant.birth_place.country, "Maroc");
  set (&c->complainant.birth_place.department, "");
  set (&c->complainant.birth_place.commune, "Casablanca");
}
static void
born_abroad_no_commune (LpComplaint *c)
{
  born_abroad (c);
  set (&c->complainant.birth_place.commune, "");
}
static void broken_commune (LpComplaint *c) { set (&c->complainant.birth_place.commune, "Lyo\xf0"); }
static void dept_name (LpComplaint *c) { set (&c->complainant.birth_place.department, "Rhône"); }
static void dept_missing (LpComplaint *c) { set (&c->complainant.birth_place.department, ""); }
static void dept_97 (LpComplaint *c) { set (&c->complainant.birth_place.department, "97"); }
static void dept_971 (LpComplaint *c) { set (&c->complainant.birth_place.department, "971"); }
static void dept_2a (LpComplaint *c) { set (&c->complainant.birth_place.department, "2a"); }
static void commune_missing (LpComplaint *c) { set (&c->complainant.birth_place.commune, ""); }
static void address_abroad (LpComplaint *c) { set (&c->complainant.address.country, "Belgique"); set (&c->complainant.address.postal_code, "1000"); set (&c->complainant.address.city, "Bruxelles"); set (&c->complainant.phone, "+32 470 12 34 56"); }
static void bad_operator (LpComplaint *c) { set (&c->facts.operator_id, "other"); }
static void unknown_operator (LpComplaint *c) { set (&c->facts.operator_id, "unknown"); }
static void not_notified (LpComplaint *c) { c->facts.notified = FALSE; }
static void notified_future (LpComplaint *c) { set (&c->facts.notified_on, "2024-03-05"); }
static void negative_amount (LpComplaint *c) { c->facts.has_amount = TRUE; c->facts.amount_cents = -100; }
static void huge_amount (LpComplaint *c) { c->facts.has_amount = TRUE; c->facts.amount_cents = G_GINT64_CONSTANT (1000000000); }
static void fine_amount (LpComplaint *c) { c->facts.has_amount = TRUE; c->facts.amount_cents = 15000; }
static void signature_future (LpComplaint *c) { set (&c->signature_date, "2024-03-02"); }
static void signature_before_notice (LpComplaint *c) { set (&c->signature_date, "2024-02-01"); }
static void no_signature_place (LpComplaint *c) { set (&c->signature_place, ""); }
static void emoji_account (LpComplaint *c) { set (&c->facts.account, "J'ai eu très peur 😱."); }
static void long_account (LpComplaint *c) { g_free (c->facts.account); c->facts.account = g_strnfill (LP_FREE_MAX_CHARS + 1, 'a'); }
static void bad_account (LpComplaint *c) { set (&c->facts.account, "Texte \xc3\x28 abîmé"); }
static void no_campaign (LpComplaint *c) { set (&c->campaign, ""); }
static void empty_consequence (LpComplaint *c) { g_ptr_array_add (c->facts.consequences, g_strdup ("")); }
static void bad_signature_png (LpComplaint *c) { c->signature_png = g_bytes_new_static ("GIF89a not a png at all", 23); }
static void
good_signature_png (LpComplaint *c)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, TRUE, 8, 40, 20);
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize size = 0;

  gdk_pixbuf_fill (pixbuf, 0xffffffff);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &data, &size, "png", &error, NULL));
  g_assert_no_error (error);
  c->signature_png = g_bytes_new_take (data, size);
}
static void
nir_matching (LpComplaint *c)
{
  /* A woman's NIR born in December 1984 in the Rhône. */
  g_autofree char *nir = g_strdup_printf ("2841269123456%02u", lp_nir_compute_key ("2841269123456"));

  set (&c->complainant.nir, nir);
}
static void
nir_first_digit_vs_civility (LpComplaint *c)
{
  /* Never an issue because the first digit and the civility disagree (domain.md §2.3). */
  nir_matching (c);
  set (&c->complainant.civility, "monsieur");
}
static void nir_bad_key (LpComplaint *c) { set (&c->complainant.nir, "2 84 12 69 123 456 00"); }
static void
nir_other_year (LpComplaint *c)
{
  nir_matching (c);
  set (&c->complainant.birth_date, "1985-12-14");
}

static void
test_complaint_fields (void)
{
  assert_mutation (bad_civility, "complainant.civility", LP_SEVERITY_ERROR, "madame");
  assert_mutation_ok (no_civility);
  assert_mutation (digit_given_name, "complainant.given_names[1]", LP_SEVERITY_ERROR, "Given name 2: digits");
  assert_mutation (empty_given_name, "complainant.given_names[0]", LP_SEVERITY_ERROR, "Given name 1: this field is required");
  assert_mutation (no_given_name_but_names, "complainant.no_given_name", LP_SEVERITY_ERROR, "no given name");
  assert_mutation_ok (no_given_name);
  assert_mutation (impossible_birth_date, "complainant.birth_date", LP_SEVERITY_ERROR, "day is invalid");
  assert_mutation (future_birth_date, "complainant.birth_date", LP_SEVERITY_ERROR, "after today");
  assert_mutation (bad_email, "complainant.email", LP_SEVERITY_ERROR, "name@example.com");
  assert_mutation_ok (good_email);
  assert_mutation (bad_postal, "complainant.address.postal_code", LP_SEVERITY_ERROR, "5 digits");
  assert_mutation (bad_phone, "complainant.phone", LP_SEVERITY_ERROR, "Phone");
  assert_mutation (long_name, "complainant.birth_name", LP_SEVERITY_ERROR, "too long");
  assert_mutation (cyrillic_city, "complainant.address.city", LP_SEVERITY_ERROR, "Latin letters");
  assert_mutation_ok (born_abroad);
  assert_mutation_ok (born_abroad_no_commune);
  assert_mutation (broken_commune, "complainant.birth_place.commune", LP_SEVERITY_ERROR, "UTF-8");
  assert_mutation (dept_name, "complainant.birth_place.department", LP_SEVERITY_ERROR, "Example: 69, 2A or 971");
  assert_mutation (dept_missing, "complainant.birth_place.department", LP_SEVERITY_ERROR, "required");
  assert_mutation (dept_97, "complainant.birth_place.department", LP_SEVERITY_ERROR, "971");
  assert_mutation_ok (dept_971);
  assert_mutation_ok (dept_2a);
  assert_mutation (commune_missing, "complainant.birth_place.commune", LP_SEVERITY_ERROR, "Commune of birth: this field is required");
  assert_mutation_ok (address_abroad);
  assert_mutation (bad_operator, "facts.operator", LP_SEVERITY_ERROR, "Viamedis");
  assert_mutation_ok (unknown_operator);
  assert_mutation (not_notified, "facts.notified", LP_SEVERITY_ERROR, "insurer");
  assert_mutation (notified_future, "facts.notified_on", LP_SEVERITY_ERROR, "after today");
  assert_mutation (negative_amount, "facts.prejudice.amount_eur", LP_SEVERITY_ERROR, "negative");
  assert_mutation (huge_amount, "facts.prejudice.amount_eur", LP_SEVERITY_ERROR, "too large");
  assert_mutation_ok (fine_amount);
  assert_mutation (signature_future, "signature.date", LP_SEVERITY_ERROR, "after today");
  assert_mutation (signature_before_notice, "signature.date", LP_SEVERITY_WARNING, "before");
  assert_mutation (no_signature_place, "signature.place", LP_SEVERITY_ERROR, "required");
  assert_mutation (emoji_account, "facts.account", LP_SEVERITY_WARNING, "emoji");
  assert_mutation (long_account, "facts.account", LP_SEVERITY_ERROR, "too long");
  assert_mutation (bad_account, "facts.account", LP_SEVERITY_ERROR, "UTF-8");
  assert_mutation_ok (no_campaign);   /* checked only against a campaign */
  assert_mutation (empty_consequence, "facts.consequences[1]", LP_SEVERITY_ERROR, "empty");
  assert_mutation (bad_signature_png, "signature.image_png_base64", LP_SEVERITY_ERROR, "PNG");
  assert_mutation_ok (good_signature_png);
  assert_mutation_ok (nir_matching);
  assert_mutation_ok (nir_first_digit_vs_civility);
  assert_mutation (nir_bad_key, "complainant.nir", LP_SEVERITY_ERROR, "key");
  assert_mutation (nir_other_year, "complainant.nir", LP_SEVERITY_WARNING, "year of birth");
}

static void
make_minor (LpComplaint *c)
{
  set (&c->complainant.birth_date, "2015-06-01");
  set (&c->complainant.phone, "");
}

static LpPerson *
make_representative (void)
{
  LpPerson *person = lp_person_new ();

  fill_person (person);
  set (&person->quality, "mère");
  set (&person->birth_date, "");
  set (&person->birth_place.commune, "");
  set (&person->birth_place.department, "");
  set (&person->birth_place.country, "");
  return person;
}

static void
test_complaint_representative (void)
{
  g_autoptr(LpComplaint) minor = make_typical ();
  g_autoptr(LpIssueList) alone = NULL;
  g_autoptr(LpIssueList) represented = NULL;
  g_autoptr(LpIssueList) incomplete = NULL;
  g_autoptr(LpIssueList) adult = NULL;
  g_autoptr(LpComplaint) eighteen = make_typical ();

  /* A minor filing alone: a warning, and the missing phone is an error. */
  make_minor (minor);
  alone = check_complaint (minor, NULL);
  assert_issue (alone, "representative", LP_SEVERITY_WARNING, "under 18");
  assert_issue (alone, "complainant.phone", LP_SEVERITY_ERROR, "required");
  g_assert_cmpuint (lp_issue_list_get_length (alone), ==, 2);

  /* With a representative: the phone is the representative's. */
  minor->representative = make_representative ();
  represented = check_complaint (minor, NULL);
  assert_no_issue (represented);

  /* Eighteen today: an adult. */
  set (&eighteen->complainant.birth_date, "2006-03-01");
  adult = check_complaint (eighteen, NULL);
  assert_no_issue (adult);
  set (&eighteen->complainant.birth_date, "2006-03-02");
  g_clear_pointer (&adult, lp_issue_list_free);
  adult = check_complaint (eighteen, NULL);
  assert_only_issue (adult, "representative", LP_SEVERITY_WARNING, "legal");

  /* The representative's own fields are checked the same way. */
  set (&minor->representative->quality, "");
  set (&minor->representative->phone, "");
  set (&minor->representative->birth_name, "");
  set (&minor->representative->email, "mere@");
  set (&minor->representative->birth_date, "2030-01-01");
  set (&minor->representative->address.postal_code, "");
  set (&minor->representative->nir, "1234");
  g_ptr_array_set_size (minor->representative->given_names, 0);
  incomplete = check_complaint (minor, NULL);
  assert_issue (incomplete, "representative.quality", LP_SEVERITY_ERROR, "required");
  assert_issue (incomplete, "representative.phone", LP_SEVERITY_ERROR, "required");
  assert_issue (incomplete, "representative.birth_name", LP_SEVERITY_ERROR, "required");
  assert_issue (incomplete, "representative.given_names", LP_SEVERITY_ERROR, "given name");
  assert_issue (incomplete, "representative.email", LP_SEVERITY_ERROR, "E-mail");
  assert_issue (incomplete, "representative.birth_date", LP_SEVERITY_ERROR, "after today");
  assert_issue (incomplete, "representative.address.postal_code", LP_SEVERITY_ERROR, "required");
  assert_issue (incomplete, "representative.nir", LP_SEVERITY_ERROR, "15 characters");
  g_assert_cmpuint (lp_issue_list_get_length (incomplete), ==, 8);
}

static void
test_complaint_campaign (void)
{
  g_autoptr(LpCampaign) campaign = lp_test_load_campaign ();
  g_autoptr(LpComplaint) complaint = make_typical ();
  g_autoptr(LpIssueList) good = NULL;
  g_autoptr(LpIssueList) bad = NULL;

  if (campaign == NULL)
    return;   /* skipped where the campaign is not built */
  good = check_complaint (complaint, campaign);
  assert_no_issue (good);

  set (&complaint->campaign, "");
  g_clear_pointer (&bad, lp_issue_list_free);
  bad = check_complaint (complaint, campaign);
  assert_only_issue (bad, "campaign", LP_SEVERITY_ERROR, "breach");
  g_clear_pointer (&bad, lp_issue_list_free);

  set (&complaint->campaign, "another-breach-2031");
  set (&complaint->facts.notification_channel, "pigeon");
  set (&complaint->facts.operator_id, "unknown");
  g_ptr_array_add (complaint->facts.consequences, g_strdup ("identity-theft"));
  g_ptr_array_add (complaint->facts.consequences, g_strdup ("alien-abduction"));
  bad = check_complaint (complaint, campaign);
  assert_issue (bad, "campaign", LP_SEVERITY_ERROR, "viamedis-almerys-2024");
  assert_issue (bad, "facts.notification_channel", LP_SEVERITY_ERROR, "list");
  assert_issue (bad, "facts.consequences[2]", LP_SEVERITY_ERROR, "list");
  g_assert_cmpuint (lp_issue_list_get_length (bad), ==, 3);
}

/* ------------------------------------------------------------------------------------ */
/* Attachments                                                                            */

static void
put_be32 (GByteArray *out,
          guint32     value)
{
  guint8 b[4] = { value >> 24, (value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff };

  g_byte_array_append (out, b, 4);
}

static void
put_chunk (GByteArray   *out,
           const char   *type,
           const guint8 *data,
           gsize         size)
{
  /* CRC-32 of type + data, as PNG wants. */
  guint32 crc = 0xffffffff;

  put_be32 (out, (guint32) size);
  g_byte_array_append (out, (const guint8 *) type, 4);
  g_byte_array_append (out, data, (guint) size);
  for (gsize i = 0; i < 4 + size; i++)
    {
      crc ^= i < 4 ? (guint8) type[i] : data[i - 4];
      for (int k = 0; k < 8; k++)
        crc = (crc >> 1) ^ (0xedb88320 & (0 - (crc & 1)));
    }
  put_be32 (out, crc ^ 0xffffffff);
}

/* A real, complete 1-bit grey PNG of @width × @height, all black, written without ever
 * holding the pixels: a 20,000 × 20,000 image is 50 MB raw and about 50 KB compressed. */
static void
write_big_png (const char *path,
               guint32     width,
               guint32     height)
{
  static const guint8 magic[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  g_autoptr(GByteArray) png = g_byte_array_new ();
  g_autoptr(GByteArray) ihdr = g_byte_array_new ();
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB, 9);
  g_autoptr(GByteArray) idat = g_byte_array_new ();
  g_autoptr(GError) error = NULL;
  gsize row_size = 1 + (width + 7) / 8;
  g_autofree guint8 *row = g_malloc0 (row_size);
  guint8 buffer[65536];
  guint8 tail[] = { 1, 0, 0, 0, 0 };   /* bit depth 1, grey, deflate, filter 0, no interlace */

  g_byte_array_append (png, magic, sizeof magic);
  put_be32 (ihdr, width);
  put_be32 (ihdr, height);
  g_byte_array_append (ihdr, tail, sizeof tail);
  put_chunk (png, "IHDR", ihdr->data, ihdr->len);

  for (guint32 y = 0; y <= height; y++)
    {
      gboolean last = y == height;
      gsize read = 0, written = 0;
      const guint8 *in = row;
      gsize left = last ? 0 : row_size;
      GConverterResult result;

      do
        {
          result = g_converter_convert (G_CONVERTER (compressor), in, left, buffer, sizeof buffer,
                                        last ? G_CONVERTER_INPUT_AT_END : G_CONVERTER_NO_FLAGS,
                                        &read, &written, &error);
          g_assert_no_error (error);
          g_byte_array_append (idat, buffer, (guint) written);
          in += read;
          left -= read;
        }
      while (left > 0 || (last && result != G_CONVERTER_FINISHED));
    }
  put_chunk (png, "IDAT", idat->data, idat->len);
  put_chunk (png, "IEND", NULL, 0);
  g_file_set_contents (path, (const char *) png->data, png->len, &error);
  g_assert_no_error (error);
}

static void
save_pixbuf (const char *path,
             const char *type,
             int         width,
             int         height)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  g_autoptr(GError) error = NULL;

  gdk_pixbuf_fill (pixbuf, 0x336699ff);
  gdk_pixbuf_save (pixbuf, path, type, &error, NULL);
  g_assert_no_error (error);
}

static void
write_text (const char *path,
            const char *text)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

static LpIssueList *
check_attachment (const char *path,
                  const char *title)
{
  LpIssueList *issues = lp_issue_list_new ();
  LpAttachment *attachment = lp_attachment_new (path, title);

  lp_validate_attachment (attachment, 2, issues);
  lp_attachment_free (attachment);
  return issues;
}

static void
assert_attachment_ok (const char *path)
{
  g_autoptr(LpIssueList) issues = check_attachment (path, "Courrier de ma mutuelle");

  assert_no_issue (issues);
}

static void
assert_attachment_error (const char *path,
                         const char *word)
{
  g_autoptr(LpIssueList) issues = check_attachment (path, "Courrier de ma mutuelle");

  assert_only_issue (issues, "attachments[2].file", LP_SEVERITY_ERROR, word);
  g_assert_true (g_str_has_prefix (lp_issue_list_get (issues, 0)->message, "Attachment 3: "));
}

static void
test_attachments (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lp-test-validate-XXXXXX", &error);
  g_autofree char *png = g_build_filename (dir, "photo.png", NULL);
  g_autofree char *jpeg = g_build_filename (dir, "photo.jpg", NULL);
  g_autofree char *jpeg_upper = g_build_filename (dir, "SCAN.JPEG", NULL);
  g_autofree char *bmp = g_build_filename (dir, "scan.bmp", NULL);
  g_autofree char *pdf = g_build_filename (dir, "courrier.pdf", NULL);
  g_autofree char *fake_jpeg = g_build_filename (dir, "not-a-photo.jpg", NULL);
  g_autofree char *fake_pdf = g_build_filename (dir, "notes.pdf", NULL);
  g_autofree char *truncated = g_build_filename (dir, "truncated.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "drawing.svg", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty.pdf", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.jpg", NULL);
  g_autofree char *big_file = g_build_filename (dir, "big.pdf", NULL);
  g_autofree char *huge_png = g_build_filename (dir, "huge.png", NULL);
  g_autofree char *wide_png = g_build_filename (dir, "wide.png", NULL);
  g_autofree char *many_pixels = g_build_filename (dir, "many-pixels.png", NULL);
  g_autofree char *fine_big_png = g_build_filename (dir, "fine-big.png", NULL);
  g_autofree char *png_bytes = NULL;
  gsize png_size = 0;
  FILE *file;

  g_assert_no_error (error);
  save_pixbuf (png, "png", 120, 80);
  save_pixbuf (jpeg, "jpeg", 120, 80);
  save_pixbuf (jpeg_upper, "jpeg", 30, 20);
  save_pixbuf (bmp, "bmp", 32, 20);   /* no row padding, which BMP would write uninitialised */
  write_text (pdf, "%PDF-1.4\n%âãÏÓ\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");
  write_text (fake_jpeg, "This is a text file that pretends to be a photo.\n");
  write_text (fake_pdf, "PDF-1.4 but not really\n");
  write_text (svg, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>\n");
  write_text (empty, "");
  g_file_get_contents (png, &png_bytes, &png_size, &error);
  g_assert_no_error (error);
  g_file_set_contents (truncated, png_bytes, 12, &error);
  g_assert_no_error (error);

  /* One byte over 20 MiB, written sparse. */
  file = g_fopen (big_file, "wb");
  g_assert_nonnull (file);
  fputs ("%PDF-1.4\n", file);
  g_assert_cmpint (fseek (file, LP_ATTACHMENT_MAX_BYTES, SEEK_SET), ==, 0);
  fputc ('\n', file);
  fclose (file);

  write_big_png (huge_png, 20000, 20000);
  write_big_png (wide_png, 20001, 10);
  write_big_png (many_pixels, 12000, 9000);     /* 108 megapixels, each side fine */
  write_big_png (fine_big_png, 10000, 10000);   /* exactly 100 megapixels */

  assert_attachment_ok (png);
  assert_attachment_ok (jpeg);
  assert_attachment_ok (jpeg_upper);
  assert_attachment_ok (bmp);
  assert_attachment_ok (pdf);
  assert_attachment_ok (fine_big_png);

  assert_attachment_error (fake_jpeg, "not a PDF or a photo");
  assert_attachment_error (fake_pdf, "not a PDF or a photo");
  assert_attachment_error (truncated, "not a PDF or a photo");
  assert_attachment_error (svg, "JPEG or PNG");
  assert_attachment_error (empty, "empty");
  assert_attachment_error (missing, "cannot be found");
  assert_attachment_error (missing, "missing.jpg");
  assert_attachment_error (dir, "not a file");
  assert_attachment_error (big_file, "20 MB");
  assert_attachment_error (huge_png, "too large (20000 × 20000 pixels)");
  assert_attachment_error (huge_png, "smaller photo or a screenshot");
  assert_attachment_error (wide_png, "too large");
  assert_attachment_error (many_pixels, "100 megapixels");
  assert_attachment_error ("", "choose a file");

  {
    g_autoptr(LpIssueList) no_title = check_attachment (png, "");
    g_autofree char *long_title_text = g_strnfill (LP_LINE_MAX_CHARS + 1, 't');
    g_autoptr(LpIssueList) long_title = check_attachment (png, long_title_text);

    assert_only_issue (no_title, "attachments[2].title", LP_SEVERITY_ERROR,
                       "Title of attachment 3: this field is required");
    assert_only_issue (long_title, "attachments[2].title", LP_SEVERITY_ERROR, "too long");
  }

  /* In a complaint: paths carry the index, the resolved path wins over the file name. */
  {
    g_autoptr(LpComplaint) complaint = make_typical ();
    g_autoptr(LpIssueList) issues = NULL;
    LpAttachment *resolved = lp_attachment_new ("photo.png", "Photo");

    set (&resolved->path, png);
    g_ptr_array_add (complaint->attachments, resolved);
    g_ptr_array_add (complaint->attachments, lp_attachment_new (fake_jpeg, "Faux"));
    g_ptr_array_add (complaint->attachments, lp_attachment_new (pdf, "Courrier"));
    issues = check_complaint (complaint, NULL);
    assert_only_issue (issues, "attachments[1].file", LP_SEVERITY_ERROR, "Attachment 2: ");
  }

  const char *all[] = { png, jpeg, jpeg_upper, bmp, pdf, fake_jpeg, fake_pdf, truncated, svg,
                        empty, big_file, huge_png, wide_png, many_pixels, fine_big_png };
  for (gsize i = 0; i < G_N_ELEMENTS (all); i++)
    g_assert_cmpint (g_remove (all[i]), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/validate/text/person-names", test_person_names);
  g_test_add_func ("/validate/text/place-names", test_place_names);
  g_test_add_func ("/validate/text/lines", test_lines);
  g_test_add_func ("/validate/text/free", test_free_text);
  g_test_add_func ("/validate/date/parse", test_parse_date);
  g_test_add_func ("/validate/date/validate", test_dates);
  g_test_add_func ("/validate/address/country", test_country);
  g_test_add_func ("/validate/address/postal-code", test_postal_codes);
  g_test_add_func ("/validate/phone", test_phones);
  g_test_add_func ("/validate/email", test_email);
  g_test_add_func ("/validate/attachments", test_attachments);
  g_test_add_func ("/validate/complaint/typical", test_complaint_typical);
  g_test_add_func ("/validate/complaint/typical-file", test_complaint_typical_file);
  g_test_add_func ("/validate/complaint/required", test_complaint_required);
  g_test_add_func ("/validate/complaint/fields", test_complaint_fields);
  g_test_add_func ("/validate/complaint/representative", test_complaint_representative);
  g_test_add_func ("/validate/complaint/campaign", test_complaint_campaign);

  return g_test_run ();
}
