/* test-cli-send.c — lettre-plainte --send FILE.json --config FILE, run as a separate process
 * against the loopback relay (architecture.md §6): the receipt id on stdout, exit 3 with a
 * message that says why when sending fails, exit 2 when the configuration cannot be used.
 */
#include <glib/gstdio.h>
#include <string.h>

#include "lp-test-servers.h"
#include "lp-test-utils.h"

#define TOKEN "cli-relay-token-42"

static LpTestServer *relay;

typedef struct {
  char *dir;
  char *config;
} Fixture;

static void
write_config (Fixture    *fx,
              const char *token)
{
  g_autofree char *token_file = g_build_filename (fx->dir, "relay-token", NULL);
  g_autofree char *text = g_strdup_printf ("[site]\nname=Mairie de Test\nmode=kiosk\n\n"
                                           "[send]\ntransport=relay\n"
                                           "url=%s/api/v1/submissions\n"
                                           "token-file=relay-token\n", relay->base_url);
  g_autofree char *token_line = g_strconcat (token, "\n", NULL);

  lp_test_write_file_mode (token_file, token_line, 0600);
  lp_test_write_file_mode (fx->config, text, 0644);
}

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fx->dir = g_dir_make_tmp ("lp-cli-send-XXXXXX", &error);
  g_assert_no_error (error);
  fx->config = g_build_filename (fx->dir, "site.conf", NULL);
  write_config (fx, TOKEN);
  lp_test_server_reset (relay);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  g_autofree char *token_file = g_build_filename (fx->dir, "relay-token", NULL);

  g_unlink (token_file);
  g_unlink (fx->config);
  g_rmdir (fx->dir);
  g_free (fx->config);
  g_free (fx->dir);
}

static void
test_sent (Fixture       *fx,
           gconstpointer  data)
{
  g_autofree char *complaint = lp_test_data_path ("complaint-attachments.json");
  const char *args[] = { "--send", complaint, "--config", fx->config, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = lp_test_run_program (args, &out, &err);
  g_autoptr(JsonNode) received = lp_test_server_received (relay);
  JsonArray *submissions = json_object_get_array_member (json_node_get_object (received),
                                                         "submissions");
  JsonObject *stored;
  JsonArray *parts;

  g_assert_cmpint (status, ==, 0);
  g_assert_cmpuint (json_array_get_length (submissions), ==, 1);
  stored = json_array_get_object_element (submissions, 0);
  g_strstrip (out);
  g_assert_cmpstr (out, ==, json_object_get_string_member (stored, "receipt"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (stored, "metadata"),
                                                  "site_name"), ==, "Mairie de Test");

  /* The attachments went unchanged, under plain names. */
  parts = json_object_get_array_member (stored, "parts");
  g_assert_cmpuint (json_array_get_length (parts), >=, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (parts, 0),
                                                  "filename"), ==, "lettre-plainte.pdf");
  {
    g_autofree char *photo = lp_test_data_path ("courrier-mutuelle.jpg");
    g_autofree char *contents = NULL;
    gsize length = 0;
    g_autofree char *sha = NULL;
    gboolean found = FALSE;

    g_assert_true (g_file_get_contents (photo, &contents, &length, NULL));
    sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
    for (guint i = 1; i < json_array_get_length (parts); i++)
      found = found || g_strcmp0 (json_object_get_string_member (json_array_get_object_element (parts, i),
                                                                 "sha256"), sha) == 0;
    g_assert_true (found);
  }
}

static void
test_refused_exit_3 (Fixture       *fx,
                     gconstpointer  data)
{
  g_autofree char *complaint = lp_test_data_path ("complaint-typical.json");
  const char *args[] = { "--send", complaint, "--config", fx->config, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  write_config (fx, "wrong-token");
  status = lp_test_run_program (args, &out, &err);
  g_assert_cmpint (status, ==, 3);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "token-file"));
  g_assert_null (strstr (err, "wrong-token"));
}

static void
test_server_refuses_exit_3 (Fixture       *fx,
                         gconstpointer  data)
{
  g_autofree char *complaint = lp_test_data_path ("complaint-typical.json");
  const char *args[] = { "--send", complaint, "--config", fx->config, NULL };
  g_autofree char *err = NULL;
  int status;

  /* A refusal (not retried): the server's own words reach the person. */
  lp_test_server_set_faults (relay, "[{\"status\": 400}]");
  status = lp_test_run_program (args, NULL, &err);
  g_assert_cmpint (status, ==, 3);
  g_assert_nonnull (strstr (err, "400"));
  g_assert_nonnull (strstr (err, "injected fault"));
}

static void
test_config_problems_exit_2 (Fixture       *fx,
                             gconstpointer  data)
{
  g_autofree char *complaint = lp_test_data_path ("complaint-typical.json");
  g_autofree char *missing = g_build_filename (fx->dir, "nowhere.conf", NULL);
  const char *args[] = { "--send", complaint, "--config", missing, NULL };
  g_autofree char *err = NULL;
  g_autofree char *token_file = g_build_filename (fx->dir, "relay-token", NULL);

  g_assert_cmpint (lp_test_run_program (args, NULL, &err), ==, 2);
  g_assert_nonnull (strstr (err, "nowhere.conf"));
  g_clear_pointer (&err, g_free);

  /* A token file others can read: refused before anything is sent. */
  g_assert_cmpint (g_chmod (token_file, 0644), ==, 0);
  args[3] = fx->config;
  g_assert_cmpint (lp_test_run_program (args, NULL, &err), ==, 2);
  g_assert_nonnull (strstr (err, "chmod 600"));
  g_assert_cmpuint (lp_test_server_settled_count (relay, "POST", "/api", 0), ==, 0);
}

static void
test_invalid_complaint_exit_1 (Fixture       *fx,
                               gconstpointer  data)
{
  g_autofree char *bad = g_build_filename (fx->dir, "bad.json", NULL);
  g_autofree char *complaint = lp_test_data_path ("complaint-typical.json");
  g_autofree char *text = NULL;
  g_autofree char *err = NULL;
  const char *args[] = { "--send", bad, "--config", fx->config, NULL };
  char *date;

  g_assert_true (g_file_get_contents (complaint, &text, NULL, NULL));
  date = strstr (text, "\"birth_date\": \"");
  g_assert_nonnull (date);
  memcpy (date + strlen ("\"birth_date\": \""), "2999", 4);
  g_assert_true (g_file_set_contents (bad, text, -1, NULL));
  g_assert_cmpint (lp_test_run_program (args, NULL, &err), ==, 1);
  g_assert_nonnull (strstr (err, "complainant.birth_date"));
  g_unlink (bad);
}

/* The program is not linked with libcurl: it opens it only to send
 * (app/send/lp-curl-on-demand.c). Without a usable libcurl.so.4 (here a broken one, found
 * first through LD_LIBRARY_PATH), it still starts and renders letters, and --send says what
 * is missing, sends nothing and fails. */
static void
test_without_libcurl (Fixture       *fx,
                      gconstpointer  data)
{
  g_autofree char *complaint = lp_test_data_path ("complaint-typical.json");
  g_autofree char *lib_dir = g_build_filename (fx->dir, "lib", NULL);
  g_autofree char *broken = g_build_filename (lib_dir, "libcurl.so.4", NULL);
  g_autofree char *out_dir = g_build_filename (fx->dir, "out", NULL);
  g_autofree char *letter = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *render_err = NULL;
  const char *send_args[] = { "--send", complaint, "--config", fx->config, NULL };
  const char *render_args[] = { "--render", "--output-dir", out_dir, complaint, NULL };
  int send_status;
  int render_status;
  g_autoptr(GDir) rendered = NULL;
  const char *name;

  g_assert_cmpint (g_mkdir (lib_dir, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (out_dir, 0700), ==, 0);
  lp_test_write_file_mode (broken, "not a shared library\n", 0644);
  g_autofree char *saved_g_debug = g_strdup (g_getenv ("G_DEBUG"));

  g_setenv ("LD_LIBRARY_PATH", lib_dir, TRUE);
  /* The program warns (with dlopen's reason) when it cannot open libcurl: not fatal here. */
  g_setenv ("G_DEBUG", "gc-friendly", TRUE);
  send_status = lp_test_run_program (send_args, &out, &err);
  render_status = lp_test_run_program (render_args, NULL, &render_err);
  g_unsetenv ("LD_LIBRARY_PATH");
  if (saved_g_debug != NULL)
    g_setenv ("G_DEBUG", saved_g_debug, TRUE);
  else
    g_unsetenv ("G_DEBUG");

  g_assert_cmpint (send_status, !=, 0);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "libcurl.so.4 is missing"));
  g_assert_cmpuint (lp_test_server_settled_count (relay, "POST", "/api", 0), ==, 0);

  g_assert_cmpint (render_status, ==, 0);
  rendered = g_dir_open (out_dir, 0, NULL);
  g_assert_nonnull (rendered);
  while ((name = g_dir_read_name (rendered)) != NULL)
    {
      g_autofree char *path = g_build_filename (out_dir, name, NULL);

      if (g_str_has_suffix (name, ".pdf") && letter == NULL)
        letter = g_strdup (path);
      g_unlink (path);
    }
  g_assert_nonnull (letter);
  g_rmdir (out_dir);
  g_unlink (broken);
  g_rmdir (lib_dir);
}

int
main (int   argc,
      char *argv[])
{
  const char *args[] = { "--token", TOKEN, NULL };
  int status;

  g_test_init (&argc, &argv, NULL);
  relay = lp_test_server_start ("relay.py", args, FALSE);

  g_test_add ("/cli/send/sent", Fixture, NULL, fixture_set_up, test_sent, fixture_tear_down);
  g_test_add ("/cli/send/refused-exit-3", Fixture, NULL, fixture_set_up, test_refused_exit_3,
              fixture_tear_down);
  g_test_add ("/cli/send/server-refuses-exit-3", Fixture, NULL, fixture_set_up,
              test_server_refuses_exit_3, fixture_tear_down);
  g_test_add ("/cli/send/config-problems-exit-2", Fixture, NULL, fixture_set_up,
              test_config_problems_exit_2, fixture_tear_down);
  g_test_add ("/cli/send/invalid-complaint-exit-1", Fixture, NULL, fixture_set_up,
              test_invalid_complaint_exit_1, fixture_tear_down);

  g_test_add ("/cli/send/without-libcurl", Fixture, NULL, fixture_set_up, test_without_libcurl,
              fixture_tear_down);

  status = g_test_run ();
  lp_test_server_stop (relay);
  return status;
}
