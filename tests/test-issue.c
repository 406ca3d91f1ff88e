/* test-issue.c — the issue list the validators report into */
#include "lp-issue.h"

static void
test_issue_add_and_count (void)
{
  g_autoptr(LpIssueList) list = lp_issue_list_new ();

  g_assert_cmpuint (lp_issue_list_get_length (list), ==, 0);
  g_assert_false (lp_issue_list_has_errors (list));

  lp_issue_list_add (list, LP_SEVERITY_WARNING, "complainant.nir", "Notice %d", 1);
  g_assert_false (lp_issue_list_has_errors (list));
  lp_issue_list_add (list, LP_SEVERITY_ERROR, "complainant.birth_date", "Bad %s", "date");

  g_assert_cmpuint (lp_issue_list_get_length (list), ==, 2);
  g_assert_cmpuint (lp_issue_list_count (list, LP_SEVERITY_ERROR), ==, 1);
  g_assert_cmpuint (lp_issue_list_count (list, LP_SEVERITY_WARNING), ==, 1);
  g_assert_true (lp_issue_list_has_errors (list));
  g_assert_cmpstr (lp_issue_list_get (list, 1)->message, ==, "Bad date");
  g_assert_cmpstr (lp_issue_list_find (list, "complainant.nir")->message, ==, "Notice 1");
  g_assert_null (lp_issue_list_find (list, "complainant"));
}

static void
test_issue_append_with_prefix (void)
{
  g_autoptr(LpIssueList) to = lp_issue_list_new ();
  g_autoptr(LpIssueList) from = lp_issue_list_new ();

  lp_issue_list_add (from, LP_SEVERITY_ERROR, "facts.insurer", "Missing");
  lp_issue_list_add (from, LP_SEVERITY_ERROR, "[1]", "Whole element");
  lp_issue_list_append (to, from, "[2]");

  g_assert_cmpuint (lp_issue_list_get_length (from), ==, 0);
  g_assert_cmpuint (lp_issue_list_get_length (to), ==, 2);
  g_assert_cmpstr (lp_issue_list_get (to, 0)->path, ==, "[2].facts.insurer");
  g_assert_cmpstr (lp_issue_list_get (to, 1)->path, ==, "[2][1]");
  g_assert_cmpstr (lp_issue_list_get (to, 0)->message, ==, "Missing");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/issue/add-and-count", test_issue_add_and_count);
  g_test_add_func ("/issue/append-with-prefix", test_issue_append_with_prefix);
  return g_test_run ();
}
