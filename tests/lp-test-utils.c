/* lp-test-utils.c — see lp-test-utils.h */
#include "lp-test-utils.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

#include "lp-complaint-json.h"

char *
lp_test_data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

LpCampaign *
lp_test_load_campaign (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (SOURCE_ROOT, "assets", "campaigns",
                                            "viamedis-almerys-2024.json", NULL);
  LpCampaign *campaign = lp_campaign_new_from_file (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (campaign);
  return campaign;
}

LpComplaint *
lp_test_load_complaint (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = lp_test_data_path (name);
  g_autoptr(GPtrArray) all = lp_complaint_load_file (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (all);
  g_assert_cmpuint (all->len, >=, 1);
  return g_ptr_array_steal_index (all, 0);
}

void
lp_test_today (GDate *date)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, 1, G_DATE_MARCH, 2024);
}

char *
lp_test_run_tool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);
  return out;
}

char *
lp_test_write_temp (GBytes     *bytes,
                    const char *basename)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lp-test-XXXXXX", &error);
  char *path;

  g_assert_no_error (error);
  path = g_build_filename (dir, basename, NULL);
  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  return path;
}

char *
lp_test_pdf_to_text (GBytes   *pdf,
                     gboolean  layout)
{
  g_autofree char *path = lp_test_write_temp (pdf, "doc.pdf");
  const char *argv_layout[] = { "pdftotext", "-q", "-enc", "UTF-8", "-layout", path, "-", NULL };
  const char *argv_plain[] = { "pdftotext", "-q", "-enc", "UTF-8", path, "-", NULL };
  char *text = lp_test_run_tool (layout ? argv_layout : argv_plain);
  g_autofree char *dir = g_path_get_dirname (path);

  g_unlink (path);
  g_rmdir (dir);
  return text;
}

int
lp_test_run_program (const char * const *args,
                     char              **out,
                     char              **err)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *program = g_getenv ("LP_TEST_PROGRAM");
  int status = 0;

  g_assert_nonnull (program);
  g_ptr_array_add (argv, (char *) program);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                out, err, &status, &error);
  g_assert_no_error (error);
  if (WIFEXITED (status))
    return WEXITSTATUS (status);
  g_error ("%s did not exit normally (status %d)", program, status);
  return -1;
}

char *
lp_test_squeeze_space (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean in_space = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f')
        {
          in_space = TRUE;
          continue;
        }
      if (in_space && out->len > 0)
        g_string_append_c (out, ' ');
      in_space = FALSE;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}
