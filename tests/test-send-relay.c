/* test-send-relay.c — the relay transport against tests/servers/relay.py on loopback
 *
 * What arrived is checked byte for byte (the server's SHA-256 of every part), and the faults
 * of architecture.md §7 are injected by the server: 500 then success, 429 with Retry-After,
 * a connection dropped in the middle of the body, a lost answer (the idempotency key keeps
 * it to one stored submission), a server too slow, a wrong token (exactly one request).
 * Cancel and TLS (CA file, pin, system trust) are checked too.
 */
#include <string.h>

#include "lp-test-servers.h"
#include "lp-transport.h"

#define TOKEN "relay-test-token-0123456789"

static LpTestServer *relay;   /* shared by the tests; reset before each */

static LpSubmission *
make_submission (gsize letter_size)
{
  g_autoptr(GBytes) letter = lp_test_random_bytes (letter_size, 1);
  g_autoptr(GBytes) photo = lp_test_random_bytes (300 * 1024, 2);
  g_autoptr(GBytes) scan = lp_test_random_bytes (50 * 1024, 3);
  LpSubmission *submission = lp_submission_new ("viamedis-almerys-2024", "Mairie de Test", letter);

  lp_submission_add_attachment (submission, photo, "Photo de Élodie.JPG");
  lp_submission_add_attachment (submission, scan, "relevé.pdf");
  return submission;
}

static void
fast_timings (LpTransport *transport)
{
  LpSendTimings timings;

  lp_send_timings_init_default (&timings);
  timings.backoff_initial_ms = 10;
  timings.backoff_max_ms = 50;
  timings.connect_timeout_ms = 2000;
  timings.low_speed_time_s = 5;
  lp_transport_set_timings (transport, &timings);
}

static LpTransport *
make_transport (const char *url,
                const char *token,
                const char *ca_file,
                const char *pin)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *full = g_strconcat (url, "/api/v1/submissions", NULL);
  LpTransportConfig config = {
    .kind = LP_TRANSPORT_RELAY, .url = full, .secret = token, .ca_file = ca_file, .pin = pin,
  };
  LpTransport *transport = lp_transport_new (&config, &error);

  g_assert_no_error (error);
  g_assert_nonnull (transport);
  fast_timings (transport);
  return transport;
}

static JsonObject *
only_submission (JsonNode *received)
{
  JsonArray *submissions = json_object_get_array_member (json_node_get_object (received),
                                                         "submissions");

  g_assert_cmpuint (json_array_get_length (submissions), ==, 1);
  return json_array_get_object_element (submissions, 0);
}

/* Every file of @submission arrived unchanged, under its plain name, in order. */
static void
assert_delivered (JsonObject   *stored,
                  LpSubmission *submission,
                  const char   *receipt)
{
  JsonArray *parts = json_object_get_array_member (stored, "parts");
  JsonObject *metadata = json_object_get_object_member (stored, "metadata");

  g_assert_cmpstr (json_object_get_string_member (stored, "receipt"), ==, receipt);
  g_assert_cmpstr (json_object_get_string_member (stored, "idempotency_key"), ==,
                   lp_submission_get_id (submission));
  g_assert_cmpstr (json_object_get_string_member (stored, "authorization"), ==, "Bearer " TOKEN);
  g_assert_cmpstr (json_object_get_string_member (metadata, "format"), ==,
                   "lettre-plainte/submission");
  g_assert_cmpint (json_object_get_int_member (metadata, "version"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (metadata, "campaign_id"), ==,
                   "viamedis-almerys-2024");
  g_assert_cmpstr (json_object_get_string_member (metadata, "site_name"), ==, "Mairie de Test");
  g_assert_cmpuint (json_array_get_length (parts), ==, lp_submission_get_n_files (submission));
  for (guint i = 0; i < lp_submission_get_n_files (submission); i++)
    {
      const LpSubmissionFile *file = lp_submission_get_file (submission, i);
      JsonObject *part = json_array_get_object_element (parts, i);
      g_autofree char *sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, file->data);

      g_assert_cmpstr (json_object_get_string_member (part, "name"), ==,
                       i == 0 ? "letter" : "attachment");
      g_assert_cmpstr (json_object_get_string_member (part, "filename"), ==, file->name);
      g_assert_cmpint (json_object_get_int_member (part, "size"), ==,
                       (gint64) g_bytes_get_size (file->data));
      g_assert_cmpstr (json_object_get_string_member (part, "sha256"), ==, sha);
    }
}

static void
test_file_names (void)
{
  g_autoptr(LpSubmission) submission = make_submission (1000);

  g_assert_cmpstr (lp_submission_get_file (submission, 0)->name, ==, "lettre-plainte.pdf");
  g_assert_cmpstr (lp_submission_get_file (submission, 1)->name, ==, "piece-1.jpg");
  g_assert_cmpstr (lp_submission_get_file (submission, 1)->content_type, ==, "image/jpeg");
  g_assert_cmpstr (lp_submission_get_file (submission, 2)->name, ==, "piece-2.pdf");
  g_assert_true (g_uuid_string_is_valid (lp_submission_get_id (submission)));
}

typedef struct {
  GMainLoop *loop;
  char *receipt;
  GError *error;
  guint reports;
  double last_fraction;
  gboolean saw_attachment;
  gboolean called_on_main;
  gint64 cancelled_at;
  gint64 finished_at;
} AsyncRun;

static void
on_progress (const LpSendProgress *progress,
             gpointer              user_data)
{
  AsyncRun *run = user_data;

  run->called_on_main = run->called_on_main || g_main_context_is_owner (g_main_context_default ());
  g_assert_cmpfloat (progress->fraction, >=, 0.0);
  g_assert_cmpfloat (progress->fraction, <=, 1.0);
  run->reports++;
  run->last_fraction = progress->fraction;
  if (g_str_has_prefix (progress->current_file, "piece-"))
    run->saw_attachment = TRUE;
}

static void
on_sent (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  AsyncRun *run = user_data;

  run->receipt = lp_transport_send_finish (LP_TRANSPORT (source), result, &run->error);
  run->finished_at = g_get_monotonic_time ();
  g_main_loop_quit (run->loop);
}

static void
test_async_progress (void)
{
  g_autoptr(LpTransport) transport = make_transport (relay->base_url, TOKEN, NULL, NULL);
  g_autoptr(LpSubmission) submission = make_submission (4 * 1024 * 1024);
  g_autoptr(JsonNode) received = NULL;
  AsyncRun run = { g_main_loop_new (NULL, FALSE) };

  lp_test_server_reset (relay);
  lp_transport_send_async (transport, submission, NULL, on_progress, &run, NULL, on_sent, &run);
  g_main_loop_run (run.loop);
  g_assert_no_error (run.error);
  g_assert_nonnull (run.receipt);
  g_assert_true (g_str_has_prefix (run.receipt, "R-"));
  g_assert_cmpuint (run.reports, >=, 2);
  g_assert_true (run.called_on_main);
  g_assert_true (run.saw_attachment);
  g_assert_cmpfloat (run.last_fraction, ==, 1.0);
  g_assert_cmpstr (lp_transport_get_route (transport), ==, "relay");

  received = lp_test_server_received (relay);
  assert_delivered (only_submission (received), submission, run.receipt);
  g_free (run.receipt);
  g_main_loop_unref (run.loop);
}

/* Sends with the given faults queued; returns the receipt or NULL with @error. */
static char *
send_with_faults (LpTransport   *transport,
                  LpSubmission  *submission,
                  const char    *faults,
                  GError       **error)
{
  lp_test_server_reset (relay);
  if (faults != NULL)
    lp_test_server_set_faults (relay, faults);
  return lp_transport_send (transport, submission, NULL, NULL, NULL, error);
}

static void
test_500_then_success (void)
{
  g_autoptr(LpTransport) transport = make_transport (relay->base_url, TOKEN, NULL, NULL);
  g_autoptr(LpSubmission) submission = make_submission (100 * 1024);
  g_autoptr(GError) error = NULL;
  g_autofree char *receipt = send_with_faults (transport, submission,
                                               "[{\"status\": 500}, {\"status\": 503}]", &error);
  g_autoptr(JsonNode) received = lp_test_server_received (relay);

  g_assert_no_error (error);
  g_assert_cmpuint (lp_test_server_settled_count (relay, "POST", "/api/v1/submissions", 3), ==, 3);
  assert_delivered (only_submission (received), submission, receipt);
}

static void
test_500_always (void)
{
  g_autoptr(LpTransport) transport = make_transport (relay->base_url, TOKEN, NULL, NULL);
  g_autoptr(LpSubmission) submission = make_submission (10 * 1024);
  g_autoptr(GError) error = NULL;
  g_autofree char *receipt = send_with_faults (
    transport, submission,
    "[{\"status\": 500}, {\"status\": 500}, {\"status\": 500}, {\"status\": 500}, "
    "{\"status\": 500}]", &error);
  g_autoptr(JsonNode) received = lp_test_server_received (relay);

  g_assert_error (error, LP_SEND_ERROR, LP_SEND_ERROR_SERVER);
  g_assert_null (receipt);
  g_assert_nonnull (strstr (error->message, "500"));
  /* The default: four attempts in all. */
  g_assert_cmpuint (lp_test_server_settled_count (relay, "POST", "/api/v1/submissions", 4), ==, 4);
}

static void
test_429_retry_after (void)
{
  g_autoptr(LpTransport) transport = make_transport (relay->base_url, TOKEN, NULL, NULL);
  g_autoptr(LpSubmission) submission = make_submission (10 * 1024);
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  g_autofree char *receipt = send_with_faults (transport, submission,
                                               "[{\"status\": 429, \"retry_after\": 1}]", &error);
  gint64 elapsed = g_get_monotonic_time () - start;
  g_autoptr(JsonNode) received = lp_test_server_received (relay);

  g_assert_no_error (error);
  assert_delivered (only_submission (received), submission, receipt);
  g_assert_cmpuint (lp_test_server_settled_count (relay, "POST", "/api/v1/submissions", 2), ==, 2);
  /* The backoff is 10-50 ms here: only the server's Retry-After explains a 1 s wait. */
  g_assert_cmpint (elapsed, >=, 900 * 1000);
}

static void
test_dropped_connection (void)
{
  g_autoptr(LpTransport) transport = make_transport (relay->base_url, TOKEN, NULL, NULL);
  g_autoptr(LpSubmission) submission = make_submission (2 * 1024 * 1024);
  g_autoptr(GError) error = NULL;
  g_autofree char *receipt = send_with_faults (transport, submission,
                                               "[{\"drop_after_bytes\": 65536}]", &error);
  g_autoptr(JsonNode) received = lp_test_server_received (relay);

  g_assert_no_error (error);
  assert_delivered (only_submission (received), submission, receipt);
}

/* The server stores the submission, then the answer is lost: the retry carries the same
 * Idempotency-Key, and the server answers with the first receipt instead of storing twice. */
static void
test_lost_answer_no_duplicate (void)
{
  g_autoptr(LpTransport) transport = make_transport (relay->base_url, TOKEN, NULL, NULL);
  g_autoptr(LpSubmission) submission = make_submission (100 * 1024);
  g_autoptr(GError) error = NULL;
  g_autofree char *receipt = send_with_faults (transport, submission,
                                               "[{\"drop_response\": true}]", &error);
  g_autoptr(JsonNode) received = lp_test_server_received (relay);
  JsonArray *duplicates = json_object_get_array_member (json_node_get_object (received),
                                                        "duplicates");

  g_assert_no_error (error);
  assert_delivered (only_submission (received), submission, receipt);
  g_assert_cmpuint (json_array_get_length (duplicates), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (duplicates, 0),
                                                  "idempotency_key"), ==,
                   lp_submission_get_id (submission));

  /* "Try again" by the person after a success: still one submission, same receipt. */
  {
    g_autofree char *again = lp_transport_send (transport, submission, NULL, NULL, NULL, &error);
    g_autoptr(JsonNode) after = lp_test_server_received (relay);

    g_assert_no_error (error);
    g_assert_cmpstr (again, ==, receipt);
    only_submission (after);
  }
}

static void
test_too_slow (void)
{
  g_autoptr(LpTransport) transport = make_transport (relay->base_url, TOKEN, NULL, NULL);
  g_autoptr(LpSubmission) submission = make_submission (10 * 1024);
  g_autoptr(GError) error = NULL;
  g_autofree char *receipt = NULL;
  LpSendTimings timings;

  lp_send_timings_init_default (&timings);
  timings.low_speed_time_s = 1;
  /* Far above what a 10 KB body averages once the server stops reading: stalls at once. */
  timings.low_speed_limit = 1000000;
  timings.max_attempts = 2;
  timings.backoff_initial_ms = 10;
  lp_transport_set_timings (transport, &timings);

  receipt = send_with_faults (transport, submission, "[{\"delay\": 4}, {\"delay\": 4}]", &error);
  g_assert_error (error, LP_SEND_ERROR, LP_SEND_ERROR_TIMEOUT);
  g_assert_null (receipt);
  g_assert_nonnull (strstr (error->message, "2 attempts"));
}

static void
test_wrong_token (void)
{
  g_autoptr(LpTransport) transport = make_transport (relay->base_url, "not-the-token", NULL, NULL);
  g_autoptr(LpSubmission) submission = make_submission (10 * 1024);
  g_autoptr(GError) error = NULL;
  g_autofree char *receipt = send_with_faults (transport, submission, NULL, &error);
  g_autoptr(JsonNode) received = lp_test_server_received (relay);

  g_assert_error (error, LP_SEND_ERROR, LP_SEND_ERROR_AUTH);
  g_assert_nonnull (strstr (error->message, "token-file"));
  /* Never the token itself in a message. */
  g_assert_null (strstr (error->message, "not-the-token"));
  g_assert_cmpuint (lp_test_server_settled_count (relay, "POST", "/api/v1/submissions", 1), ==, 1);
}

static void
test_refused_4xx (void)
{
  g_autoptr(LpTransport) transport = make_transport (relay->base_url, TOKEN, NULL, NULL);
  g_autoptr(LpSubmission) submission = make_submission (10 * 1024);
  g_autoptr(GError) error = NULL;
  g_autofree char *receipt = send_with_faults (transport, submission, "[{\"status\": 413}]", &error);
  g_autoptr(JsonNode) received = lp_test_server_received (relay);

  g_assert_error (error, LP_SEND_ERROR, LP_SEND_ERROR_REFUSED);
  /* The server's own message is shown. */
  g_assert_nonnull (strstr (error->message, "injected fault"));
  g_assert_cmpuint (lp_test_server_settled_count (relay, "POST", "/api/v1/submissions", 1), ==, 1);
}

typedef struct {
  AsyncRun *run;
  GCancellable *cancellable;
} CancelData;

static gboolean
cancel_cb (gpointer user_data)
{
  CancelData *data = user_data;

  data->run->cancelled_at = g_get_monotonic_time ();
  g_cancellable_cancel (data->cancellable);
  return G_SOURCE_REMOVE;
}

/* Cancel while the body is on its way (the server reads it slowly), and while waiting for
 * an answer (the server sleeps): both end cancelled. The latency is measured, not asserted
 * (bench/ has the budget). */
static void
run_cancel (const char *faults,
            const char *what)
{
  g_autoptr(LpTransport) transport = make_transport (relay->base_url, TOKEN, NULL, NULL);
  g_autoptr(LpSubmission) submission = make_submission (8 * 1024 * 1024);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  AsyncRun run = { g_main_loop_new (NULL, FALSE) };
  CancelData data = { &run, cancellable };

  lp_test_server_reset (relay);
  lp_test_server_set_faults (relay, faults);
  lp_transport_send_async (transport, submission, cancellable, NULL, NULL, NULL, on_sent, &run);
  g_timeout_add (300, cancel_cb, &data);
  g_main_loop_run (run.loop);
  g_assert_error (run.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (run.receipt);
  g_test_message ("cancel latency (%s): %.1f ms", what,
                  (double) (run.finished_at - run.cancelled_at) / 1000.0);
  g_clear_error (&run.error);
  g_main_loop_unref (run.loop);
}

static void
test_cancel (void)
{
  run_cancel ("[{\"slow_body_bytes_per_s\": 200000}]", "during the body");
  run_cancel ("[{\"delay\": 10}]", "waiting for the answer");
}

static void
test_tls (void)
{
  g_autoptr(GError) error = NULL;
  const char *args[] = { "--token", TOKEN, NULL };
  g_autoptr(LpTestServer) server = lp_test_server_start ("relay.py", args, TRUE);
  g_autoptr(LpSubmission) submission = make_submission (10 * 1024);
  g_autofree char *receipt = NULL;
  const char *wrong_pin = "sha256//AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

  g_assert_true (g_str_has_prefix (server->base_url, "https://"));

  /* The private CA file: accepted. */
  {
    g_autoptr(LpTransport) transport = make_transport (server->base_url, TOKEN, server->cert, NULL);

    receipt = lp_transport_send (transport, submission, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_nonnull (receipt);
  }
  /* The CA file and the right pin: accepted. */
  {
    g_autoptr(LpTransport) transport = make_transport (server->base_url, TOKEN, server->cert,
                                                       server->pin);
    g_autofree char *again = lp_transport_send (transport, submission, NULL, NULL, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (again, ==, receipt);
  }
  /* A wrong pin: refused, not retried. */
  {
    g_autoptr(LpTransport) transport = make_transport (server->base_url, TOKEN, server->cert,
                                                       wrong_pin);
    g_autofree char *none = lp_transport_send (transport, submission, NULL, NULL, NULL, &error);

    g_assert_error (error, LP_SEND_ERROR, LP_SEND_ERROR_TLS);
    g_assert_null (none);
    g_clear_error (&error);
  }
  /* The system's trust store does not know a self-signed certificate: refused. */
  {
    g_autoptr(LpTransport) transport = make_transport (server->base_url, TOKEN, NULL, NULL);
    g_autofree char *none = lp_transport_send (transport, submission, NULL, NULL, NULL, &error);

    g_assert_error (error, LP_SEND_ERROR, LP_SEND_ERROR_TLS);
    g_assert_null (none);
    g_clear_error (&error);
  }
  {
    g_autoptr(JsonNode) received = lp_test_server_received (server);

    only_submission (received);
  }
}

static void
test_http_refused_off_loopback (void)
{
  const char * const refused[] = {
    "http://plaintes.example.org/api/v1/submissions",
    "http://10.0.0.1/api",
    "http://127.example.org/api",   /* a name, not a loopback address */
    "ftp://127.0.0.1/x",
    "https://user:pass@plaintes.example.org/api",
    "not a url",
  };
  const char * const accepted[] = {
    "http://127.0.0.1:8080/api", "http://127.1.2.3/api", "http://localhost/api",
    "http://[::1]:9/x",
    "https://plaintes.example.org/api/v1/submissions",
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;
      LpTransportConfig config = { .kind = LP_TRANSPORT_RELAY, .url = refused[i], .secret = "t" };
      LpTransport *transport = lp_transport_new (&config, &error);

      g_assert_null (transport);
      g_assert_error (error, LP_SEND_ERROR, LP_SEND_ERROR_CONFIG);
    }
  for (guint i = 0; i < G_N_ELEMENTS (accepted); i++)
    {
      g_autoptr(GError) error = NULL;
      LpTransportConfig config = { .kind = LP_TRANSPORT_RELAY, .url = accepted[i], .secret = "t" };
      g_autoptr(LpTransport) transport = lp_transport_new (&config, &error);

      g_assert_no_error (error);
      g_assert_nonnull (transport);
    }
}

static void
test_unreachable (void)
{
  /* A port nobody listens on (the relay's, after it stopped, would race): port 9 on
   * loopback is refused at once. */
  g_autoptr(LpTransport) transport = make_transport ("http://127.0.0.1:9", TOKEN, NULL, NULL);
  g_autoptr(LpSubmission) submission = make_submission (1000);
  g_autoptr(GError) error = NULL;
  g_autofree char *receipt = lp_transport_send (transport, submission, NULL, NULL, NULL, &error);

  g_assert_error (error, LP_SEND_ERROR, LP_SEND_ERROR_NETWORK);
  g_assert_nonnull (strstr (error->message, "4 attempts"));
}

int
main (int   argc,
      char *argv[])
{
  const char *args[] = { "--token", TOKEN, NULL };
  int status;

  g_test_init (&argc, &argv, NULL);
  lp_send_global_init ();

  relay = lp_test_server_start ("relay.py", args, FALSE);

  g_test_add_func ("/send/relay/file-names", test_file_names);
  g_test_add_func ("/send/relay/async-progress", test_async_progress);
  g_test_add_func ("/send/relay/500-then-success", test_500_then_success);
  g_test_add_func ("/send/relay/500-always", test_500_always);
  g_test_add_func ("/send/relay/429-retry-after", test_429_retry_after);
  g_test_add_func ("/send/relay/dropped-connection", test_dropped_connection);
  g_test_add_func ("/send/relay/lost-answer-no-duplicate", test_lost_answer_no_duplicate);
  g_test_add_func ("/send/relay/too-slow", test_too_slow);
  g_test_add_func ("/send/relay/wrong-token", test_wrong_token);
  g_test_add_func ("/send/relay/refused-4xx", test_refused_4xx);
  g_test_add_func ("/send/relay/cancel", test_cancel);
  g_test_add_func ("/send/relay/tls", test_tls);
  g_test_add_func ("/send/relay/http-refused-off-loopback", test_http_refused_off_loopback);
  g_test_add_func ("/send/relay/unreachable", test_unreachable);

  status = g_test_run ();
  lp_test_server_stop (relay);
  return status;
}
