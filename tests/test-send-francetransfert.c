/* test-send-francetransfert.c — the FranceTransfert public API transport against the
 * emulator tests/servers/francetransfert.py (built from francetransfert-api.md)
 *
 * Checks what arrived byte for byte (the emulator's SHA-256 of each reassembled file), the
 * 5 MiB chunks sent in order, statutPli polled to the final status, the 422 ERR_FT… errors
 * said plainly, the 011-ECH trap handled by starting over once, and a wrong key not retried.
 */
#include <string.h>

#include "lp-test-servers.h"
#include "lp-transport.h"

#define API_KEY "ft-test-key-0123456789"
#define SENDER "agent@prefecture.gouv.fr"
#define RECIPIENT "plainte-befti@interieur.gouv.fr"

static LpTestServer *ft;

static LpSubmission *
make_submission (gsize attachment_size)
{
  g_autoptr(GBytes) letter = lp_test_random_bytes (150 * 1024, 11);
  g_autoptr(GBytes) photo = lp_test_random_bytes (attachment_size, 12);
  LpSubmission *submission = lp_submission_new ("viamedis-almerys-2024", "Mairie de Test", letter);

  lp_submission_add_attachment (submission, photo, "IMG_2024.jpeg");
  lp_submission_set_recipient (submission, RECIPIENT);
  return submission;
}

static LpTransport *
make_transport (const char *key,
                const char *recipient)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = g_strconcat (ft->base_url, "/api-public/", NULL);
  LpTransportConfig config = {
    .kind = LP_TRANSPORT_FRANCETRANSFERT, .url = url, .secret = key, .sender = SENDER,
    .recipient = recipient,
  };
  LpTransport *transport = lp_transport_new (&config, &error);
  LpSendTimings timings;

  g_assert_no_error (error);
  lp_send_timings_init_default (&timings);
  timings.backoff_initial_ms = 10;
  timings.backoff_max_ms = 50;
  timings.poll_interval_ms = 10;
  lp_transport_set_timings (transport, &timings);
  return transport;
}

static char *
send_with_faults (LpTransport   *transport,
                  LpSubmission  *submission,
                  const char    *faults,
                  GError       **error)
{
  lp_test_server_reset (ft);
  if (faults != NULL)
    lp_test_server_set_faults (ft, faults);
  return lp_transport_send (transport, submission, NULL, NULL, NULL, error);
}

static JsonArray *
plis (JsonNode *received)
{
  return json_object_get_array_member (json_node_get_object (received), "plis");
}

static void
assert_pli_delivered (JsonObject   *pli,
                      LpSubmission *submission,
                      const char   *receipt,
                      const char   *recipient)
{
  JsonArray *files = json_object_get_array_member (pli, "files");
  JsonArray *recipients = json_object_get_array_member (pli, "recipients");

  g_assert_cmpstr (json_object_get_string_member (pli, "idPli"), ==, receipt);
  g_assert_cmpstr (json_object_get_string_member (pli, "sender"), ==, SENDER);
  g_assert_cmpuint (json_array_get_length (recipients), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (recipients, 0), ==, recipient);
  g_assert_cmpstr (json_object_get_string_member (pli, "status"), ==, "032-PAT");
  g_assert_cmpuint (json_array_get_length (files), ==, lp_submission_get_n_files (submission));
  for (guint i = 0; i < lp_submission_get_n_files (submission); i++)
    {
      const LpSubmissionFile *file = lp_submission_get_file (submission, i);
      JsonObject *stored = json_array_get_object_element (files, i);
      JsonArray *chunks = json_object_get_array_member (stored, "chunks");
      gsize size = g_bytes_get_size (file->data);
      guint expected_chunks = (guint) MAX (1, (size + 5 * 1024 * 1024 - 1) / (5 * 1024 * 1024));

      g_assert_cmpstr (json_object_get_string_member (stored, "name"), ==, file->name);
      g_assert_true (json_object_get_boolean_member (stored, "complete"));
      g_assert_cmpint (json_object_get_int_member (stored, "size"), ==, (gint64) size);
      g_assert_cmpstr (json_object_get_string_member (stored, "sha256"), ==, file->sha256);
      /* In order, chunk 1 first, none twice. */
      g_assert_cmpuint (json_array_get_length (chunks), ==, expected_chunks);
      for (guint k = 0; k < expected_chunks; k++)
        g_assert_cmpint (json_array_get_int_element (chunks, k), ==, k + 1);
    }
}

static void
test_delivered_in_chunks (void)
{
  g_autoptr(LpTransport) transport = make_transport (API_KEY, NULL);
  /* 11 MiB: three chunks, the last one short. */
  g_autoptr(LpSubmission) submission = make_submission (11 * 1024 * 1024 + 123);
  g_autoptr(GError) error = NULL;
  g_autofree char *receipt = send_with_faults (transport, submission, NULL, &error);
  g_autoptr(JsonNode) received = lp_test_server_received (ft);

  g_assert_no_error (error);
  g_assert_nonnull (receipt);
  g_assert_cmpuint (json_array_get_length (plis (received)), ==, 1);
  assert_pli_delivered (json_array_get_object_element (plis (received), 0), submission, receipt,
                        RECIPIENT);
  /* Polled until the final status, through the worker's steps. */
  g_assert_cmpuint (lp_test_server_settled_count (ft, "GET", "statutPli", 4), >=, 4);
  g_assert_cmpstr (lp_transport_get_route (transport), ==, "francetransfert");
}

static void
test_recipient_override (void)
{
  g_autoptr(LpTransport) transport = make_transport (API_KEY, "greffe@justice.gouv.fr");
  g_autoptr(LpSubmission) submission = make_submission (1000);
  g_autoptr(GError) error = NULL;
  g_autofree char *receipt = send_with_faults (transport, submission, NULL, &error);
  g_autoptr(JsonNode) received = lp_test_server_received (ft);

  g_assert_no_error (error);
  assert_pli_delivered (json_array_get_object_element (plis (received), 0), submission, receipt,
                        "greffe@justice.gouv.fr");
}

static void
test_chunk_retried_after_500 (void)
{
  g_autoptr(LpTransport) transport = make_transport (API_KEY, NULL);
  g_autoptr(LpSubmission) submission = make_submission (6 * 1024 * 1024);
  g_autoptr(GError) error = NULL;
  g_autofree char *receipt = send_with_faults (
    transport, submission,
    "[{\"match\": \"chargementPli\", \"status\": 503}, "
    "{\"match\": \"chargementPli\", \"drop_after_bytes\": 100000}]", &error);
  g_autoptr(JsonNode) received = lp_test_server_received (ft);

  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (plis (received)), ==, 1);
  assert_pli_delivered (json_array_get_object_element (plis (received), 0), submission, receipt,
                        RECIPIENT);
}

static void
test_422_plain_message (void)
{
  struct {
    const char *code;
    const char *words;   /* what the message must point at */
  } cases[] = {
    { "ERR_FTXX_001", "sender" },
    { "ERR_FT01_009", "recipient" },
    { "ERR_FT01_025", "PDF" },
    { "ERR_FT01_999", "ERR_FT01_999" },   /* unknown: the server's own label and code */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LpTransport) transport = make_transport (API_KEY, NULL);
      g_autoptr(LpSubmission) submission = make_submission (1000);
      g_autoptr(GError) error = NULL;
      g_autofree char *faults = g_strdup_printf ("[{\"match\": \"initPli\", \"ft_error\": \"%s\"}]",
                                                 cases[i].code);
      g_autofree char *receipt = send_with_faults (transport, submission, faults, &error);
      g_autoptr(JsonNode) received = lp_test_server_received (ft);

      g_assert_null (receipt);
      g_assert_error (error, LP_SEND_ERROR, LP_SEND_ERROR_REFUSED);
      g_assert_nonnull (strstr (error->message, cases[i].words));
      g_assert_nonnull (strstr (error->message, cases[i].code));
      g_assert_null (strstr (error->message, "{"));
      /* A refusal is not retried. */
      g_assert_cmpuint (lp_test_server_settled_count (ft, "POST", "initPli", 1), ==, 1);
    }
}

static void
test_trap_started_over_once (void)
{
  g_autoptr(LpTransport) transport = make_transport (API_KEY, NULL);
  g_autoptr(LpSubmission) submission = make_submission (6 * 1024 * 1024);
  g_autoptr(GError) error = NULL;
  g_autofree char *receipt = send_with_faults (transport, submission, "[{\"ech011\": true}]", &error);
  g_autoptr(JsonNode) received = lp_test_server_received (ft);
  JsonObject *first;

  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (plis (received)), ==, 2);
  first = json_array_get_object_element (plis (received), 0);
  g_assert_cmpstr (json_object_get_string_member (first, "status"), ==, "011-ECH");
  g_assert_cmpstr (json_object_get_string_member (first, "idPli"), !=, receipt);
  assert_pli_delivered (json_array_get_object_element (plis (received), 1), submission, receipt,
                        RECIPIENT);
}

static void
test_trap_twice_reported (void)
{
  g_autoptr(LpTransport) transport = make_transport (API_KEY, NULL);
  g_autoptr(LpSubmission) submission = make_submission (1000);
  g_autoptr(GError) error = NULL;
  g_autofree char *receipt = send_with_faults (transport, submission,
                                               "[{\"ech011\": true}, {\"ech011\": true}]", &error);
  g_autoptr(JsonNode) received = lp_test_server_received (ft);

  g_assert_null (receipt);
  g_assert_error (error, LP_SEND_ERROR, LP_SEND_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "011-ECH"));
  g_assert_cmpuint (json_array_get_length (plis (received)), ==, 2);
}

static void
test_wrong_key (void)
{
  g_autoptr(LpTransport) transport = make_transport ("wrong-key", NULL);
  g_autoptr(LpSubmission) submission = make_submission (1000);
  g_autoptr(GError) error = NULL;
  g_autofree char *receipt = send_with_faults (transport, submission, NULL, &error);
  g_autoptr(JsonNode) received = lp_test_server_received (ft);

  g_assert_null (receipt);
  g_assert_error (error, LP_SEND_ERROR, LP_SEND_ERROR_AUTH);
  g_assert_nonnull (strstr (error->message, "api-key-file"));
  g_assert_null (strstr (error->message, "wrong-key"));
  g_assert_cmpuint (lp_test_server_settled_count (ft, "POST", "initPli", 1), ==, 1);
}

static void
test_virus_reported (void)
{
  g_autoptr(LpTransport) transport = make_transport (API_KEY, NULL);
  g_autoptr(LpSubmission) submission = make_submission (1000);
  g_autoptr(GError) error = NULL;
  g_autofree char *receipt = send_with_faults (transport, submission,
                                               "[{\"final_status\": \"022-EAV\"}]", &error);

  g_assert_null (receipt);
  g_assert_error (error, LP_SEND_ERROR, LP_SEND_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "022-EAV"));
}

static void
test_no_recipient (void)
{
  g_autoptr(LpTransport) transport = make_transport (API_KEY, NULL);
  g_autoptr(LpSubmission) submission = make_submission (1000);
  g_autoptr(GError) error = NULL;
  g_autofree char *receipt = NULL;

  lp_submission_set_recipient (submission, "");
  receipt = send_with_faults (transport, submission, NULL, &error);
  g_assert_null (receipt);
  g_assert_error (error, LP_SEND_ERROR, LP_SEND_ERROR_CONFIG);
}

int
main (int   argc,
      char *argv[])
{
  const char *args[] = { "--api-key", API_KEY, NULL };
  int status;

  g_test_init (&argc, &argv, NULL);
  lp_send_global_init ();
  ft = lp_test_server_start ("francetransfert.py", args, FALSE);

  g_test_add_func ("/send/francetransfert/delivered-in-chunks", test_delivered_in_chunks);
  g_test_add_func ("/send/francetransfert/recipient-override", test_recipient_override);
  g_test_add_func ("/send/francetransfert/chunk-retried-after-500", test_chunk_retried_after_500);
  g_test_add_func ("/send/francetransfert/422-plain-message", test_422_plain_message);
  g_test_add_func ("/send/francetransfert/trap-started-over-once", test_trap_started_over_once);
  g_test_add_func ("/send/francetransfert/trap-twice-reported", test_trap_twice_reported);
  g_test_add_func ("/send/francetransfert/wrong-key", test_wrong_key);
  g_test_add_func ("/send/francetransfert/virus-reported", test_virus_reported);
  g_test_add_func ("/send/francetransfert/no-recipient", test_no_recipient);

  status = g_test_run ();
  lp_test_server_stop (ft);
  return status;
}
