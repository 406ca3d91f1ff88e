/* test-cli.c — the command line, run as a separate process as a user would
 *
 * Checks the exit codes and stderr lines of architecture.md §6, that no display is needed,
 * that bad input never crashes the program and never leaves a partial PDF behind.
 */
#include <glib/gstdio.h>
#include <string.h>

#include "lp-test-utils.h"

typedef struct {
  char *dir;   /* a fresh temporary directory per test */
} Fixture;

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fx->dir = g_dir_make_tmp ("lp-cli-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  remove_tree (fx->dir);
  g_free (fx->dir);
}

/* The typical complaint's JSON with @from replaced by @to, written into the fixture dir. */
static char *
write_variant (Fixture    *fx,
               const char *name,
               const char *from,
               const char *to)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *src = lp_test_data_path ("complaint-typical.json");
  g_autofree char *contents = NULL;
  g_autoptr(GString) text = NULL;
  char *path = g_build_filename (fx->dir, name, NULL);

  g_file_get_contents (src, &contents, NULL, &error);
  g_assert_no_error (error);
  text = g_string_new (contents);
  if (from != NULL)
    g_assert_cmpuint (g_string_replace (text, from, to, 1), ==, 1);
  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);
  return path;
}

static char *
write_raw (Fixture    *fx,
           const char *name,
           const char *data,
           gssize      len)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fx->dir, name, NULL);

  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
  return path;
}

static guint
count_files (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

/* Every stderr line must begin with a JSON path: "$", "[n]" or a key. */
static void
assert_lines_start_with_path (const char *err)
{
  g_auto(GStrv) lines = g_strsplit (err, "\n", -1);
  g_autoptr(GRegex) path = g_regex_new ("^(\\$|(\\[[0-9]+\\]\\.?)?[a-z_]+(\\[[0-9]+\\])?"
                                        "(\\.[a-z_0-9]+(\\[[0-9]+\\])?)*): \\S",
                                        0, 0, NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (lines[i][0] == '\0')
        continue;
      if (!g_regex_match (path, lines[i], 0, NULL))
        g_error ("stderr line does not begin with a JSON path: %s", lines[i]);
    }
}

static void
test_cli_check_valid (Fixture       *fx,
                      gconstpointer  data)
{
  g_autofree char *file = lp_test_data_path ("complaint-typical.json");
  const char *args[] = { "--check", file, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (lp_test_run_program (args, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
}

static void
test_cli_check_invalid_fields (Fixture       *fx,
                               gconstpointer  data)
{
  g_autofree char *file = write_variant (fx, "bad-date.json",
                                         "\"birth_date\": \"1984-12-14\"",
                                         "\"birth_date\": \"2023-02-29\"");
  const char *args[] = { "--check", file, NULL };
  g_autofree char *err = NULL;

  g_assert_cmpint (lp_test_run_program (args, NULL, &err), ==, 1);
  g_assert_true (g_str_has_prefix (err, "complainant.birth_date: "));
  assert_lines_start_with_path (err);
}

static void
test_cli_check_several_problems (Fixture       *fx,
                                 gconstpointer  data)
{
  g_autofree char *file = write_variant (fx, "bad-phone.json",
                                         "\"phone\": \"06 12 34 56 78\"", "\"phone\": \"\"");
  const char *args[] = { "--check", file, NULL };
  g_autofree char *err = NULL;

  g_assert_cmpint (lp_test_run_program (args, NULL, &err), ==, 1);
  g_assert_nonnull (strstr (err, "complainant.phone: "));
  assert_lines_start_with_path (err);
}

static void
test_cli_unreadable_inputs (Fixture       *fx,
                            gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (fx->dir, "missing.json", NULL);
  g_autofree char *not_json = write_raw (fx, "not.json", "{ \"format\": ", -1);
  g_autofree char *bad_version = write_variant (fx, "v2.json", "\"version\": 1", "\"version\": 2");
  g_autofree char *unknown_key = write_variant (fx, "key.json", "\"profession\"",
                                                "\"proffession\"");
  g_autofree char *wrong_type = write_variant (fx, "type.json", "\"notified\": true",
                                               "\"notified\": \"yes\"");
  g_autofree char *bad_utf8 = write_variant (fx, "utf8.json", "Dupré", "Dupr\xe9\xff");
  const char *files[] = { missing, not_json, bad_version, unknown_key, wrong_type, bad_utf8 };
  const char *expected_paths[] = { "$", "$", "version", "complainant.proffession",
                                   "facts.notified", "complainant.birth_name" };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      const char *args[] = { "--check", files[i], NULL };
      g_autofree char *err = NULL;
      g_autofree char *prefix = g_strconcat (expected_paths[i], ": ", NULL);

      g_test_message ("input %u: %s", i, files[i]);
      g_assert_cmpint (lp_test_run_program (args, NULL, &err), ==, 2);
      if (!g_str_has_prefix (err, prefix))
        g_error ("expected stderr to begin with \"%s\", got: %s", prefix, err);
    }
}

static void
test_cli_render_output (Fixture       *fx,
                        gconstpointer  data)
{
  g_autofree char *file = lp_test_data_path ("complaint-typical.json");
  g_autofree char *pdf = g_build_filename (fx->dir, "lettre.pdf", NULL);
  const char *args[] = { "--render", file, "--output", pdf, NULL };
  g_autofree char *err = NULL;
  g_autofree char *contents = NULL;
  gsize len = 0;
  GStatBuf st;

  g_assert_cmpint (lp_test_run_program (args, NULL, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_file_get_contents (pdf, &contents, &len, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  /* The letter holds a person's identity: readable by its owner only. */
  g_assert_cmpint (g_stat (pdf, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static void
test_cli_render_invalid_writes_nothing (Fixture       *fx,
                                        gconstpointer  data)
{
  g_autofree char *file = write_variant (fx, "future.json", "\"date\": \"2024-02-12\"",
                                         "\"date\": \"2999-01-01\"");
  g_autofree char *out_dir = g_build_filename (fx->dir, "out", NULL);
  g_autofree char *pdf = g_build_filename (out_dir, "lettre.pdf", NULL);
  const char *args[] = { "--render", file, "--output", pdf, NULL };
  g_autofree char *err = NULL;

  g_mkdir (out_dir, 0700);
  g_assert_cmpint (lp_test_run_program (args, NULL, &err), ==, 1);
  g_assert_true (g_str_has_prefix (err, "signature.date: "));
  g_assert_cmpuint (count_files (out_dir), ==, 0);
}

static void
test_cli_render_output_dir (Fixture       *fx,
                            gconstpointer  data)
{
  g_autofree char *household = lp_test_data_path ("complaint-household.json");
  g_autofree char *typical = lp_test_data_path ("complaint-typical.json");
  g_autofree char *out_dir = g_build_filename (fx->dir, "out", NULL);
  const char *args[] = { "--render", household, typical, "--output-dir", out_dir, NULL };
  g_autofree char *err = NULL;
  g_autofree char *first = g_build_filename (out_dir, "complaint-household-1.pdf", NULL);
  g_autofree char *single = g_build_filename (out_dir, "complaint-typical.pdf", NULL);

  g_mkdir (out_dir, 0700);
  g_assert_cmpint (lp_test_run_program (args, NULL, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpuint (count_files (out_dir), ==, 4);
  g_assert_true (g_file_test (first, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (single, G_FILE_TEST_IS_REGULAR));
}

/* A letter that cannot be written (a folder stands where the second letter of an array
 * goes): its line begins with that complaint's JSON path, and names the file when there
 * are several (architecture.md §6); the other letters are made. */
static void
test_cli_render_write_failure (Fixture       *fx,
                               gconstpointer  data)
{
  g_autofree char *household = lp_test_data_path ("complaint-household.json");
  g_autofree char *typical = lp_test_data_path ("complaint-typical.json");
  g_autofree char *out_dir = g_build_filename (fx->dir, "out", NULL);
  g_autofree char *blocker = g_build_filename (out_dir, "complaint-household-2.pdf", NULL);
  const char *args[] = { "--render", household, typical, "--output-dir", out_dir, NULL };
  g_autofree char *err = NULL;
  g_autofree char *expected = NULL;

  g_assert_cmpint (g_mkdir (out_dir, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (blocker, 0700), ==, 0);
  g_assert_cmpint (lp_test_run_program (args, NULL, &err), ==, 1);
  g_assert_true (g_str_has_prefix (err, "[1]: the letter could not be made: "));
  expected = g_strdup_printf (" (%s)\n", household);
  g_assert_true (g_str_has_suffix (err, expected));
  g_assert_cmpuint (count_files (out_dir), ==, 4);   /* 3 letters and the folder */
}

/* An attachment named .jpg that holds text: a clear error naming the attachment, exit 1,
 * and no PDF. */
static void
test_cli_render_bad_attachment (Fixture       *fx,
                                gconstpointer  data)
{
  g_autofree char *fake = write_raw (fx, "photo.jpg", "this is not a picture\n", -1);
  g_autofree char *file = write_variant (fx, "attach.json", "\"attachments\": []",
                                         "\"attachments\": [ { \"file\": \"photo.jpg\", "
                                         "\"title\": \"Photo\" } ]");
  g_autofree char *pdf = g_build_filename (fx->dir, "lettre.pdf", NULL);
  const char *args[] = { "--render", file, "--output", pdf, NULL };
  g_autofree char *err = NULL;

  g_assert_cmpint (lp_test_run_program (args, NULL, &err), ==, 1);
  g_assert_true (g_str_has_prefix (err, "attachments[0].file: "));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

static void
test_cli_render_missing_attachment (Fixture       *fx,
                                    gconstpointer  data)
{
  g_autofree char *file = write_variant (fx, "attach.json", "\"attachments\": []",
                                         "\"attachments\": [ { \"file\": \"absent.png\", "
                                         "\"title\": \"Capture\" } ]");
  g_autofree char *pdf = g_build_filename (fx->dir, "lettre.pdf", NULL);
  const char *args[] = { "--render", file, "--output", pdf, NULL };
  g_autofree char *err = NULL;

  g_assert_cmpint (lp_test_run_program (args, NULL, &err), ==, 1);
  g_assert_true (g_str_has_prefix (err, "attachments[0].file: "));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

/* A 1 MB name: refused by the validator, quickly and without a crash. */
static void
test_cli_huge_name (Fixture       *fx,
                    gconstpointer  data)
{
  g_autofree char *huge = g_strnfill (1024 * 1024, 'a');
  g_autofree char *replacement = g_strdup_printf ("\"birth_name\": \"%s\"", huge);
  g_autofree char *file = write_variant (fx, "huge.json", "\"birth_name\": \"Dupré\"",
                                         replacement);
  g_autofree char *pdf = g_build_filename (fx->dir, "lettre.pdf", NULL);
  const char *args[] = { "--render", file, "--output", pdf, NULL };
  g_autofree char *err = NULL;

  g_assert_cmpint (lp_test_run_program (args, NULL, &err), ==, 1);
  g_assert_true (g_str_has_prefix (err, "complainant.birth_name: "));
  /* The message names the problem; it does not echo a megabyte back. */
  g_assert_cmpuint (strlen (err), <, 2000);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

static void
test_cli_usage_errors (Fixture       *fx,
                       gconstpointer  data)
{
  g_autofree char *file = lp_test_data_path ("complaint-typical.json");
  g_autofree char *nowhere = g_build_filename (fx->dir, "no-such-dir", NULL);
  const char *no_output[] = { "--render", file, NULL };
  const char *bad_dir[] = { "--render", file, "--output-dir", nowhere, NULL };
  const char *no_file[] = { "--check", NULL };
  const char *unknown[] = { "--frobnicate", NULL };

  g_assert_cmpint (lp_test_run_program (no_output, NULL, NULL), ==, 2);
  g_assert_cmpint (lp_test_run_program (bad_dir, NULL, NULL), ==, 2);
  g_assert_cmpint (lp_test_run_program (no_file, NULL, NULL), ==, 2);
  g_assert_cmpint (lp_test_run_program (unknown, NULL, NULL), ==, 2);
}

/* The command line must work on a machine with no display at all. */
static void
test_cli_needs_no_display (Fixture       *fx,
                           gconstpointer  data)
{
  g_autofree char *file = lp_test_data_path ("complaint-typical.json");
  g_autofree char *pdf = g_build_filename (fx->dir, "lettre.pdf", NULL);
  const char *args[] = { "--render", file, "--output", pdf, NULL };

  g_unsetenv ("DISPLAY");
  g_unsetenv ("WAYLAND_DISPLAY");
  g_assert_cmpint (lp_test_run_program (args, NULL, NULL), ==, 0);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
}

static void
test_cli_messages_in_french (Fixture       *fx,
                             gconstpointer  data)
{
  g_autofree char *file = write_variant (fx, "bad-date.json",
                                         "\"birth_date\": \"1984-12-14\"",
                                         "\"birth_date\": \"2023-02-29\"");
  const char *args[] = { "--check", file, NULL };
  g_autofree char *err = NULL;

  g_setenv ("LANGUAGE", "fr", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_assert_cmpint (lp_test_run_program (args, NULL, &err), ==, 1);
  g_unsetenv ("LANGUAGE");
  g_assert_true (g_str_has_prefix (err, "complainant.birth_date: Date de naissance"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/cli/check/valid", test_cli_check_valid);
  ADD ("/cli/check/invalid-field", test_cli_check_invalid_fields);
  ADD ("/cli/check/several-problems", test_cli_check_several_problems);
  ADD ("/cli/check/unreadable", test_cli_unreadable_inputs);
  ADD ("/cli/render/output", test_cli_render_output);
  ADD ("/cli/render/invalid-writes-nothing", test_cli_render_invalid_writes_nothing);
  ADD ("/cli/render/output-dir", test_cli_render_output_dir);
  ADD ("/cli/render/write-failure", test_cli_render_write_failure);
  ADD ("/cli/render/bad-attachment", test_cli_render_bad_attachment);
  ADD ("/cli/render/missing-attachment", test_cli_render_missing_attachment);
  ADD ("/cli/render/huge-name", test_cli_huge_name);
  ADD ("/cli/usage-errors", test_cli_usage_errors);
  ADD ("/cli/no-display", test_cli_needs_no_display);
  ADD ("/cli/messages-in-french", test_cli_messages_in_french);
#undef ADD

  return g_test_run ();
}
