/* test-send-webdav.c — the WebDAV transport against a real nginx with its dav module
 * (tests/servers/nginx-webdav.sh): the folder, every file byte for byte, metadata.json
 * last, a repeated sending, and a wrong password (not retried).
 */
#include <string.h>

#include "lp-test-servers.h"
#include "lp-transport.h"

#define USER "kiosque"
#define PASSWORD "webdav-test-password"

static LpTestServer *dav;

static LpTransport *
make_transport (const char *password)
{
  g_autoptr(GError) error = NULL;
  LpTransportConfig config = {
    .kind = LP_TRANSPORT_WEBDAV, .url = dav->base_url, .username = USER, .secret = password,
  };
  LpTransport *transport = lp_transport_new (&config, &error);
  LpSendTimings timings;

  g_assert_no_error (error);
  lp_send_timings_init_default (&timings);
  timings.backoff_initial_ms = 10;
  lp_transport_set_timings (transport, &timings);
  return transport;
}

static LpSubmission *
make_submission (void)
{
  g_autoptr(GBytes) letter = lp_test_random_bytes (120 * 1024, 21);
  g_autoptr(GBytes) photo = lp_test_random_bytes (2 * 1024 * 1024 + 7, 22);
  LpSubmission *submission = lp_submission_new ("viamedis-almerys-2024", "", letter);

  lp_submission_add_attachment (submission, photo, "scan.PNG");
  return submission;
}

static char *
stored_path (const char *id,
             const char *name)
{
  return g_build_filename (dav->dir, "root", "dav", id, name, NULL);
}

static void
assert_stored (LpSubmission *submission)
{
  const char *id = lp_submission_get_id (submission);
  g_autofree char *metadata_path = stored_path (id, "metadata.json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *metadata;

  for (guint i = 0; i < lp_submission_get_n_files (submission); i++)
    {
      const LpSubmissionFile *file = lp_submission_get_file (submission, i);
      g_autofree char *path = stored_path (id, file->name);
      g_autofree char *contents = NULL;
      gsize length = 0;
      g_autofree char *sha = NULL;

      g_file_get_contents (path, &contents, &length, &error);
      g_assert_no_error (error);
      sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
      g_assert_cmpuint (length, ==, g_bytes_get_size (file->data));
      g_assert_cmpstr (sha, ==, file->sha256);
    }

  json_parser_load_from_file (parser, metadata_path, &error);
  g_assert_no_error (error);
  metadata = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (metadata, "submission_id"), ==, id);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (metadata, "files")), ==,
                    lp_submission_get_n_files (submission));
}

/* nginx's access log, to count requests. */
static guint
count_requests (const char *method)
{
  g_autofree char *log_path = NULL;
  g_autofree char *log = NULL;
  g_autofree char *needle = g_strconcat ("\"", method, " ", NULL);
  guint count = 0;
  g_autoptr(GDir) dir = g_dir_open (dav->dir, 0, NULL);
  const char *name;

  /* The script names its log files; find the access log whatever its name. */
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (strstr (name, "access") != NULL)
      log_path = g_build_filename (dav->dir, name, NULL);
  g_assert_nonnull (log_path);
  g_assert_true (g_file_get_contents (log_path, &log, NULL, NULL));
  for (const char *p = log; (p = strstr (p, needle)) != NULL; p++)
    count++;
  return count;
}

static void
test_delivered (void)
{
  g_autoptr(LpTransport) transport = make_transport (PASSWORD);
  g_autoptr(LpSubmission) submission = make_submission ();
  g_autoptr(GError) error = NULL;
  g_autofree char *receipt = lp_transport_send (transport, submission, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (receipt, ==, lp_submission_get_id (submission));
  g_assert_cmpstr (lp_submission_get_file (submission, 1)->name, ==, "piece-1.png");
  assert_stored (submission);
  g_assert_cmpstr (lp_transport_get_route (transport), ==, "webdav");

  /* Again (a retry after a lost answer, or "try again"): the folder exists, nothing fails,
   * and the same files are there. */
  {
    g_autofree char *again = lp_transport_send (transport, submission, NULL, NULL, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (again, ==, receipt);
    assert_stored (submission);
  }
}

static void
test_wrong_password (void)
{
  g_autoptr(LpTransport) transport = make_transport ("not-the-password");
  g_autoptr(LpSubmission) submission = make_submission ();
  g_autoptr(GError) error = NULL;
  guint before = count_requests ("MKCOL");
  g_autofree char *receipt = lp_transport_send (transport, submission, NULL, NULL, NULL, &error);
  g_autofree char *folder = stored_path (lp_submission_get_id (submission), NULL);

  g_assert_null (receipt);
  g_assert_error (error, LP_SEND_ERROR, LP_SEND_ERROR_AUTH);
  g_assert_nonnull (strstr (error->message, "password-file"));
  g_assert_null (strstr (error->message, "not-the-password"));
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  /* nginx writes its log line after answering: give it a moment. */
  g_usleep (200 * 1000);
  g_assert_cmpuint (count_requests ("MKCOL") - before, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  lp_send_global_init ();
  dav = lp_test_webdav_start (USER, PASSWORD);

  g_test_add_func ("/send/webdav/delivered", test_delivered);
  g_test_add_func ("/send/webdav/wrong-password", test_wrong_password);

  status = g_test_run ();
  lp_test_server_stop (dav);
  return status;
}
