/* test-nir.c — the NIR rules of domain.md §2 */
#include <glib.h>
#include <string.h>

#include "lp-nir.h"

#define PATH "complainant.nir"

/* The key computed here independently of lp-nir.c: the body as a 64-bit integer, with 2A
 * read as 19 and 2B as 18 (domain.md §2.2). */
static char *
with_key (const char *body)
{
  char digits[14];
  guint64 n;

  g_assert_cmpuint (strlen (body), ==, 13);
  memcpy (digits, body, 14);
  if (digits[5] == '2' && digits[6] == 'A')
    memcpy (digits + 5, "19", 2);
  else if (digits[5] == '2' && digits[6] == 'B')
    memcpy (digits + 5, "18", 2);
  n = g_ascii_strtoull (digits, NULL, 10);
  return g_strdup_printf ("%s%02u", body, (guint) (97 - n % 97));
}

static LpIssueList *
validate (const char *input,
          const char *birth_date)
{
  LpIssueList *issues = lp_issue_list_new ();

  lp_validate_nir (input, birth_date, PATH, issues);
  /* Privacy: no message ever quotes the number. */
  for (guint i = 0; i < lp_issue_list_get_length (issues); i++)
    {
      const LpIssue *issue = lp_issue_list_get (issues, i);
      char normalized[16];

      g_assert_cmpstr (issue->path, ==, PATH);
      if (lp_nir_normalize (input, normalized) && strlen (normalized) >= 8)
        g_assert_null (strstr (issue->message, normalized + 3));
    }
  return issues;
}

static void
assert_valid (const char *input,
              const char *birth_date)
{
  g_autoptr(LpIssueList) issues = validate (input, birth_date);

  if (lp_issue_list_get_length (issues) > 0)
    g_error ("“%s”: unexpected issue: %s", input, lp_issue_list_get (issues, 0)->message);
  g_assert_true (lp_nir_is_valid (input));
}

/* Exactly one issue, of @severity, whose message holds @word. */
static void
assert_one (const char *input,
            const char *birth_date,
            LpSeverity  severity,
            const char *word)
{
  g_autoptr(LpIssueList) issues = validate (input, birth_date);
  const LpIssue *issue;

  if (lp_issue_list_get_length (issues) != 1)
    g_error ("“%s”: expected one issue with “%s”, got %u", input, word,
             lp_issue_list_get_length (issues));
  issue = lp_issue_list_get (issues, 0);
  g_assert_cmpint (issue->severity, ==, severity);
  if (strstr (issue->message, word) == NULL)
    g_error ("“%s”: message “%s” lacks “%s”", input, issue->message, word);
  g_assert_true (g_str_has_prefix (issue->message, "Social security number: "));
  g_assert_cmpint (lp_nir_is_valid (input), ==, severity != LP_SEVERITY_ERROR);
}

static void
assert_error (const char *input,
              const char *word)
{
  assert_one (input, NULL, LP_SEVERITY_ERROR, word);
}

static void
assert_warning (const char *input,
                const char *birth_date,
                const char *word)
{
  assert_one (input, birth_date, LP_SEVERITY_WARNING, word);
}

static void
test_normalize (void)
{
  char out[16];

  g_assert_true (lp_nir_normalize ("2 84 05 88 321 025 32", out));
  g_assert_cmpstr (out, ==, "284058832102532");
  g_assert_true (lp_nir_normalize ("2.84.05.88.321.025.32", out));
  g_assert_cmpstr (out, ==, "284058832102532");
  g_assert_true (lp_nir_normalize ("2-53-07-2b-073-004-70", out));
  g_assert_cmpstr (out, ==, "253072B07300470");
  g_assert_true (lp_nir_normalize ("2530 72a073 00443", out));
  g_assert_cmpstr (out, ==, "253072A07300443");
  g_assert_true (lp_nir_normalize ("", out));
  g_assert_cmpstr (out, ==, "");
  g_assert_true (lp_nir_normalize ("1234", out));
  g_assert_cmpstr (out, ==, "1234");

  g_assert_false (lp_nir_normalize ("2840588321025O2", out));
  g_assert_cmpstr (out, ==, "");
  g_assert_false (lp_nir_normalize ("284058832\t102532", out));
  g_assert_false (lp_nir_normalize ("2840588321025321", out));  /* 16 characters */
  g_assert_false (lp_nir_normalize ("2 84 05 88 321 025 32 1", out));
  g_assert_false (lp_nir_normalize ("28405883210253\xff", out));
}

static void
test_key (void)
{
  g_assert_cmpuint (lp_nir_compute_key ("2951099126111"), ==, 93);
  g_assert_cmpuint (lp_nir_compute_key ("253072B073004"), ==, 70);
  g_assert_cmpuint (lp_nir_compute_key ("253072A073004"), ==, 43);
  g_assert_cmpuint (lp_nir_compute_key ("2550814168025"), ==, 38);
  g_assert_cmpuint (lp_nir_compute_key ("1780599330108"), ==, 17);
  g_assert_cmpuint (lp_nir_compute_key ("1801275123456"), ==, 42);
  /* The example in the CNAM README has key 30; its right key is 32. */
  g_assert_cmpuint (lp_nir_compute_key ("2840588321025"), ==, 32);
  g_assert_cmpuint (lp_nir_compute_key ("12345"), ==, 0);
  g_assert_cmpuint (lp_nir_compute_key ("1801275X23456"), ==, 0);
}

static void
test_vectors (void)
{
  const char *valid[] = {
    "295109912611193", "253072B07300470", "253072A07300443", "255081416802538",
    "178059933010817", "180127512345642", "2 84 05 88 321 025 32", "253072b07300470",
    "2.53.07.2a.073.004.43", " 1 80 12 75 123 456 42 ",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (valid); i++)
    assert_valid (valid[i], NULL);
}

static void
test_empty (void)
{
  g_autoptr(LpIssueList) issues = lp_issue_list_new ();

  lp_validate_nir ("", "1984-12-14", PATH, issues);
  lp_validate_nir (NULL, NULL, PATH, issues);
  lp_validate_nir ("   ", NULL, PATH, issues);
  g_assert_cmpuint (lp_issue_list_get_length (issues), ==, 0);
}

static void
test_length (void)
{
  assert_error ("2 84 05 88 321 025", "key (last 2 digits) is missing");
  assert_error ("2840588321025", "key (last 2 digits) is missing");
  assert_error ("28405883210253", "15 characters");
  assert_error ("2840588321025320", "15 characters");
  assert_error ("2 84", "15 characters");
}

static void
test_characters (void)
{
  g_autoptr(LpIssueList) big = NULL;
  g_autofree char *huge = g_strnfill (1024 * 1024, '1');

  assert_error ("2840588321O2532", "“O”");
  assert_error ("284058832102532\n", "not allowed");
  assert_error ("2840\xc3\x28" "58832102532", "not allowed");
  /* A or B anywhere but after the 2 of Corsica. */
  assert_error ("2840588A2102532", "Corsica");
  assert_error ("A84058832102532", "Corsica");
  assert_error ("253073A07300443", "Corsica");

  big = validate (huge, NULL);
  g_assert_cmpuint (lp_issue_list_get_length (big), ==, 1);
  g_assert_cmpint (lp_issue_list_get (big, 0)->severity, ==, LP_SEVERITY_ERROR);
}

static void
test_first_digit (void)
{
  g_autofree char *three = with_key ("3840588321025");
  g_autofree char *four = with_key ("4840588321025");
  g_autofree char *seven = with_key ("7840588321025");
  g_autofree char *eight = with_key ("8840588321025");
  g_autofree char *five = with_key ("5840588321025");
  g_autofree char *six = with_key ("6840588321025");
  g_autofree char *zero = with_key ("0840588321025");
  g_autofree char *nine = with_key ("9840588321025");

  assert_valid (three, NULL);
  assert_valid (four, NULL);
  assert_valid (seven, "1984-05-02");   /* provisional numbers */
  assert_valid (eight, NULL);
  assert_error (five, "temporary");
  assert_error (six, "temporary");
  assert_error (zero, "first digit");
  assert_error (nine, "first digit");
}

static void
test_month (void)
{
  const char *warned[] = { "2842088321025", "2843588321025", "2845088321025", "2849988321025",
                           "2843088321025", "2844288321025", "2842588321025" };
  const char *refused[] = { "2840088321025", "2841388321025", "2841988321025", "2844388321025",
                            "2844988321025" };

  for (gsize i = 0; i < G_N_ELEMENTS (warned); i++)
    {
      g_autofree char *nir = with_key (warned[i]);

      assert_warning (nir, NULL, "month of birth");
    }
  for (gsize i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *nir = with_key (refused[i]);

      assert_error (nir, "between 01 and 12");
    }
}

static void
test_department (void)
{
  /* Corsica before 1976, overseas with a 2-digit commune, abroad with a country code,
   * Algeria before 1962 (91-94), and 96. */
  const char *valid[] = { "1550220004123", "2850597105123", "1850998401007", "1750399109045",
                          "1560291352001", "1600396001001", "2850597600123" };
  g_autofree char *zero = with_key ("2840500321025");

  for (gsize i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autofree char *nir = with_key (valid[i]);

      assert_valid (nir, NULL);
    }
  assert_error (zero, "00");
}

static void
test_order_and_key (void)
{
  g_autofree char *order0 = with_key ("2840588321000");
  g_autofree char *order1 = with_key ("2840588321001");
  g_autofree char *order999 = with_key ("2840588321999");

  assert_error (order0, "order number");
  assert_valid (order1, NULL);
  assert_valid (order999, NULL);

  assert_error ("2 84 05 88 321 025 30", "does not match");   /* the CNAM README example */
  assert_error ("295109912611194", "does not match");
  assert_error ("253072A07300470", "does not match");          /* 2A with the key of 2B */
  assert_error ("284058832102500", "between 01 and 97");
  assert_error ("284058832102598", "between 01 and 97");
  assert_error ("284058832102599", "between 01 and 97");
}

static void
test_cross_check (void)
{
  g_autofree char *pseudo = with_key ("2843588321025");  /* month 35 = May + 30 */
  g_autofree char *unknown_month = with_key ("2845088321025");

  assert_valid ("2 84 05 88 321 025 32", "1984-05-14");
  assert_valid ("2 84 05 88 321 025 32", "2084-05-14");  /* only the last two digits count */
  assert_warning ("2 84 05 88 321 025 32", "1985-05-14", "year of birth");
  assert_warning ("2 84 05 88 321 025 32", "1984-06-14", "month of birth");
  /* A birth date that is not a date gives no cross-check (its own validator complains). */
  assert_valid ("2 84 05 88 321 025 32", "1984-13-45");
  assert_valid ("2 84 05 88 321 025 32", "14/05/1984");

  /* 35 is May: the only warning is the unusual month, no mismatch. */
  assert_warning (pseudo, "1984-05-02", "unusual");
  {
    g_autoptr(LpIssueList) issues = validate (pseudo, "1984-06-02");

    g_assert_cmpuint (lp_issue_list_get_length (issues), ==, 2);
    g_assert_cmpuint (lp_issue_list_count (issues, LP_SEVERITY_WARNING), ==, 2);
    g_assert_nonnull (strstr (lp_issue_list_get (issues, 1)->message, "do not match"));
  }
  /* 50: month unknown, nothing to compare. */
  assert_warning (unknown_month, "1984-06-02", "unusual");
  {
    g_autoptr(LpIssueList) issues = validate ("2 84 05 88 321 025 32", "1990-01-01");

    g_assert_cmpuint (lp_issue_list_count (issues, LP_SEVERITY_WARNING), ==, 2);
    g_assert_false (lp_issue_list_has_errors (issues));
  }
}

static void
test_format_and_mask (void)
{
  g_autofree char *formatted = lp_nir_format ("284058832102532");
  g_autofree char *corsica = lp_nir_format ("253072B07300470");
  g_autofree char *partial = lp_nir_format ("28405");
  g_autofree char *masked = lp_nir_mask ("284058832102532");
  g_autofree char *masked_short = lp_nir_mask ("28405");

  g_assert_cmpstr (formatted, ==, "2 84 05 88 321 025 32");
  g_assert_cmpstr (corsica, ==, "2 53 07 2B 073 004 70");
  g_assert_cmpstr (partial, ==, "2 84 05");
  g_assert_cmpstr (masked, ==, "2 •• •• •• ••• ••• 32");
  g_assert_cmpstr (masked_short, ==, "• •• •• •• ••• ••• ••");
  g_assert_null (lp_nir_format (NULL));
  g_assert_null (lp_nir_mask (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/nir/normalize", test_normalize);
  g_test_add_func ("/nir/key", test_key);
  g_test_add_func ("/nir/vectors", test_vectors);
  g_test_add_func ("/nir/empty", test_empty);
  g_test_add_func ("/nir/length", test_length);
  g_test_add_func ("/nir/characters", test_characters);
  g_test_add_func ("/nir/first-digit", test_first_digit);
  g_test_add_func ("/nir/month", test_month);
  g_test_add_func ("/nir/department", test_department);
  g_test_add_func ("/nir/order-and-key", test_order_and_key);
  g_test_add_func ("/nir/cross-check", test_cross_check);
  g_test_add_func ("/nir/format-and-mask", test_format_and_mask);

  return g_test_run ();
}
