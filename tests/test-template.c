/* test-template.c — lp-template: expansion, escapes, errors */
#include "lp-test-utils.h"
#include "lp-template.h"

#include <string.h>

static GHashTable *
make_values (void)
{
  GHashTable *values = g_hash_table_new (g_str_hash, g_str_equal);

  g_hash_table_insert (values, (char *) "insurer", (char *) "Harmonie Mutuelle");
  g_hash_table_insert (values, (char *) "case_reference", (char *) "BL2C 2024/030");
  g_hash_table_insert (values, (char *) "e", (char *) "e");
  g_hash_table_insert (values, (char *) "empty", (char *) "");
  g_hash_table_insert (values, (char *) "name2", (char *) "Zoë L’Haÿ");
  return values;
}

static void
assert_expands_to (const char *template_text,
                   const char *expected)
{
  g_autoptr(GHashTable) values = make_values ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = lp_template_expand (template_text, values, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (out, ==, expected);
}

static void
assert_fails (const char *template_text,
              int         code)
{
  g_autoptr(GHashTable) values = make_values ();
  g_autoptr(GError) expand_error = NULL;
  g_autoptr(GError) check_error = NULL;
  g_autofree char *out = lp_template_expand (template_text, values, &expand_error);

  g_assert_null (out);
  g_assert_error (expand_error, LP_TEMPLATE_ERROR, code);
  g_assert_nonnull (expand_error->message);
  g_assert_cmpstr (expand_error->message, !=, "");

  /* A syntax error is also what lp_template_check() reports, whatever the allowed names. */
  if (code == LP_TEMPLATE_ERROR_SYNTAX)
    {
      g_assert_false (lp_template_check (template_text, NULL, &check_error));
      g_assert_error (check_error, LP_TEMPLATE_ERROR, LP_TEMPLATE_ERROR_SYNTAX);
    }
}

static void
test_expand (void)
{
  assert_expands_to ("", "");
  assert_expands_to ("Aucun champ.", "Aucun champ.");
  assert_expands_to ("{insurer}", "Harmonie Mutuelle");
  assert_expands_to ("Assureur : {insurer}.", "Assureur : Harmonie Mutuelle.");
  assert_expands_to ("J’ai été informé{e} par {insurer} ({case_reference}).",
                     "J’ai été informée par Harmonie Mutuelle (BL2C 2024/030).");
  assert_expands_to ("{insurer}{insurer}", "Harmonie MutuelleHarmonie Mutuelle");
  assert_expands_to ("[{empty}]", "[]");
  assert_expands_to ("{name2}", "Zoë L’Haÿ");
}

static void
test_braces (void)
{
  assert_expands_to ("{{", "{");
  assert_expands_to ("}}", "}");
  assert_expands_to ("{{insurer}}", "{insurer}");
  assert_expands_to ("{{{insurer}}}", "{Harmonie Mutuelle}");
  assert_expands_to ("a {{ b }} c", "a { b } c");
  /* A value is inserted as it is: its braces are not read again. */
  {
    g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
    g_autoptr(GError) error = NULL;
    g_autofree char *out = NULL;

    g_hash_table_insert (values, (char *) "account", (char *) "{insurer} }} {{");
    out = lp_template_expand ("<{account}>", values, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (out, ==, "<{insurer} }} {{>");
  }
}

static void
test_unknown_placeholder (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char * const allowed[] = { "insurer", "e", NULL };

  assert_fails ("Bonjour {signer_name}.", LP_TEMPLATE_ERROR_UNKNOWN_PLACEHOLDER);
  assert_fails ("{insurer} et {nobody}", LP_TEMPLATE_ERROR_UNKNOWN_PLACEHOLDER);

  /* No table at all: any placeholder is missing, plain text still expands. */
  out = lp_template_expand ("{insurer}", NULL, &error);
  g_assert_null (out);
  g_assert_error (error, LP_TEMPLATE_ERROR, LP_TEMPLATE_ERROR_UNKNOWN_PLACEHOLDER);
  g_assert_nonnull (strstr (error->message, "insurer"));
  g_clear_error (&error);
  out = lp_template_expand ("texte {{seul}}", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (out, ==, "texte {seul}");

  g_assert_true (lp_template_check ("informé{e} par {insurer} {{x}}", allowed, &error));
  g_assert_no_error (error);
  g_assert_false (lp_template_check ("informé{e} par {operator}", allowed, &error));
  g_assert_error (error, LP_TEMPLATE_ERROR, LP_TEMPLATE_ERROR_UNKNOWN_PLACEHOLDER);
  g_assert_nonnull (strstr (error->message, "{operator}"));
  g_clear_error (&error);
  /* NULL allows every name. */
  g_assert_true (lp_template_check ("{anything_at_all}", NULL, &error));
  g_assert_no_error (error);
}

static void
test_syntax (void)
{
  const char *bad[] = {
    "{",
    "}",
    "fin {",
    "{insurer",
    "insurer}",
    "{}",
    "{Insurer}",
    "{1insurer}",
    "{insu rer}",
    "{insu-rer}",
    "{é}",
    "{{insurer}",       /* "{" then "insurer" then a lone "}" */
    "{insurer}}",       /* the placeholder, then a lone "}" */
    "{ insurer }",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_message ("template: %s", bad[i]);
      assert_fails (bad[i], LP_TEMPLATE_ERROR_SYNTAX);
    }
}

static void
test_utf8_untouched (void)
{
  const char *text = "Nguyễn Thị Minh Khai — « Łukasz Żółć » ; 100 000 € ! ’ 日本 🙂";
  g_autofree char *with_value = g_strconcat (text, " Harmonie Mutuelle", NULL);
  g_autofree char *template_text = g_strconcat (text, " {insurer}", NULL);

  assert_expands_to (text, text);
  assert_expands_to (template_text, with_value);
  g_assert_true (lp_template_check (text, NULL, NULL));
}

static void
test_error_position (void)
{
  g_autoptr(GError) error = NULL;

  /* The position counts characters, not bytes: "é" is one. */
  g_assert_false (lp_template_check ("éé}", NULL, &error));
  g_assert_error (error, LP_TEMPLATE_ERROR, LP_TEMPLATE_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, " 3"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/template/expand", test_expand);
  g_test_add_func ("/template/braces", test_braces);
  g_test_add_func ("/template/unknown-placeholder", test_unknown_placeholder);
  g_test_add_func ("/template/syntax", test_syntax);
  g_test_add_func ("/template/utf8-untouched", test_utf8_untouched);
  g_test_add_func ("/template/error-position", test_error_position);

  return g_test_run ();
}
