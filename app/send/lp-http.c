/* lp-http.c — see lp-http.h */
#define G_LOG_DOMAIN "lp-http"

#include "lp-http.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "lp-secure.h"

#define RESPONSE_MAX_BYTES   (1024 * 1024)
#define PROGRESS_INTERVAL_US (100 * 1000)
/* How long the transfer loop may sleep without looking at the cancellable. The wake-up
 * below usually ends the wait at once; this bounds it if it does not. */
#define POLL_SLICE_MS        50

G_DEFINE_QUARK (lp-send-error-quark, lp_send_error)

struct _LpHttpClient {
  gint ref_count;
  char *url;
  char *host;
  char *protocols;    /* "https", or "http" for a loopback http:// address */
  char *ca_file;      /* NULL = system trust store */
  char *pin;          /* NULL = none */
  GMutex lock;        /* guards timings */
  LpSendTimings timings;
};

/* What the progress callback needs; shared by the job and every report in flight, so the
 * caller's data is released after the last report, on the caller's context. */
typedef struct {
  gint ref_count;
  GMainContext *context;
  LpSendProgressFunc func;
  gpointer data;
  GDestroyNotify destroy;
} ProgressSink;

struct _LpSendJob {
  LpHttpClient *client;
  GCancellable *cancellable;
  ProgressSink *sink;        /* NULL when nobody listens */
  CURL *curl;
  CURLM *multi;
  guint64 bytes_total;
  guint64 bytes_done;
  char *current_file;
  guint64 current_payload;
  guint64 last_reported;
  gint64 last_report_time;
  char error_buffer[CURL_ERROR_SIZE];
};

/* ---- global init -------------------------------------------------------------------- */

static gpointer
global_init_once (gpointer data)
{
  CURLcode code;

  /* Without libcurl (lp-curl-on-demand.c has said why), lp_http_client_new() says it. */
  if (!lp_send_curl_available ())
    return NULL;
  code = curl_global_init (CURL_GLOBAL_DEFAULT);
  if (code != CURLE_OK)
    g_critical ("curl_global_init failed: %s", curl_easy_strerror (code));
  return NULL;
}

void
lp_send_global_init (void)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, global_init_once, NULL);
}

/* ---- timings and client ------------------------------------------------------------- */

void
lp_send_timings_init_default (LpSendTimings *timings)
{
  timings->connect_timeout_ms = 15000;
  timings->low_speed_limit = 100;
  timings->low_speed_time_s = 30;
  timings->max_attempts = 4;
  timings->backoff_initial_ms = 1000;
  timings->backoff_max_ms = 30000;
  timings->retry_after_max_s = 120;
  timings->poll_interval_ms = 5000;
  timings->poll_max_s = 900;
}

/* localhost, or a loopback address written as one (127.0.0.0/8, ::1). Not a name that
 * merely begins with "127.": http://127.example.org/ would go out unencrypted. */
static gboolean
is_loopback_host (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;

  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;
  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

gboolean
lp_send_check_url (const char  *url,
                   GError     **error)
{
  g_autoptr(GUri) uri = url != NULL ? g_uri_parse (url, G_URI_FLAGS_NONE, NULL) : NULL;
  const char *scheme;

  if (uri == NULL || g_uri_get_host (uri) == NULL || g_uri_get_host (uri)[0] == '\0')
    {
      g_set_error (error, LP_SEND_ERROR, LP_SEND_ERROR_CONFIG,
                   _("This is not a complete web address. Write it whole, for example "
                     "https://plaintes.example.org/api/v1/submissions."));
      return FALSE;
    }
  if (g_uri_get_userinfo (uri) != NULL)
    {
      g_set_error (error, LP_SEND_ERROR, LP_SEND_ERROR_CONFIG,
                   _("The address must not hold a user name or password. Remove the part "
                     "before “@” and put them in the settings made for them."));
      return FALSE;
    }
  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "https") == 0)
    return TRUE;
  if (g_ascii_strcasecmp (scheme, "http") == 0 && is_loopback_host (g_uri_get_host (uri)))
    return TRUE;
  if (g_ascii_strcasecmp (scheme, "http") == 0)
    g_set_error (error, LP_SEND_ERROR, LP_SEND_ERROR_CONFIG,
                 _("http:// is accepted only for this computer (127.0.0.1, localhost): it "
                   "would send the complaint unencrypted. Use https://."));
  else
    g_set_error (error, LP_SEND_ERROR, LP_SEND_ERROR_CONFIG,
                 _("The address must start with https://."));
  return FALSE;
}

LpHttpClient *
lp_http_client_new (const char  *url,
                    const char  *ca_file,
                    const char  *pin,
                    GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  LpHttpClient *client;

  if (!lp_send_check_url (url, error))
    return NULL;
  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);

  lp_send_global_init ();
  if (!lp_send_curl_available ())
    {
      g_set_error_literal (error, LP_SEND_ERROR, LP_SEND_ERROR_FAILED,
                           /* Translators: libcurl.so.4 and libcurl4 are names: keep them */
                           _("This computer cannot send the letter: the library libcurl.so.4 "
                             "is missing. Ask whoever installed the program to install "
                             "libcurl4; meanwhile, the letter can be printed and posted."));
      return NULL;
    }
  client = g_new0 (LpHttpClient, 1);
  client->ref_count = 1;
  client->url = g_strdup (url);
  client->host = g_strdup (g_uri_get_host (uri));
  /* Only the scheme the address names: a redirect or a typo cannot downgrade to http. */
  client->protocols = g_ascii_strcasecmp (g_uri_get_scheme (uri), "http") == 0
                      ? g_strdup ("http") : g_strdup ("https");
  client->ca_file = ca_file != NULL && ca_file[0] != '\0' ? g_strdup (ca_file) : NULL;
  client->pin = pin != NULL && pin[0] != '\0' ? g_strdup (pin) : NULL;
  g_mutex_init (&client->lock);
  lp_send_timings_init_default (&client->timings);
  return client;
}

LpHttpClient *
lp_http_client_ref (LpHttpClient *client)
{
  g_atomic_int_inc (&client->ref_count);
  return client;
}

void
lp_http_client_unref (LpHttpClient *client)
{
  if (client == NULL || !g_atomic_int_dec_and_test (&client->ref_count))
    return;
  g_free (client->url);
  g_free (client->host);
  g_free (client->protocols);
  g_free (client->ca_file);
  g_free (client->pin);
  g_mutex_clear (&client->lock);
  g_free (client);
}

void
lp_http_client_set_timings (LpHttpClient        *client,
                            const LpSendTimings *timings)
{
  g_mutex_lock (&client->lock);
  client->timings = *timings;
  if (client->timings.max_attempts == 0)
    client->timings.max_attempts = 1;
  g_mutex_unlock (&client->lock);
}

const LpSendTimings *
lp_http_client_get_timings (LpHttpClient *client)
{
  return &client->timings;
}

static LpSendTimings
copy_timings (LpHttpClient *client)
{
  LpSendTimings timings;

  g_mutex_lock (&client->lock);
  timings = client->timings;
  g_mutex_unlock (&client->lock);
  return timings;
}

const char *
lp_http_client_get_url (LpHttpClient *client)
{
  return client->url;
}

const char *
lp_http_client_get_host (LpHttpClient *client)
{
  return client->host;
}

void
lp_http_response_clear (LpHttpResponse *response)
{
  response->status = 0;
  g_clear_pointer (&response->body, g_bytes_unref);
}

/* ---- progress ----------------------------------------------------------------------- */

typedef struct {
  ProgressSink *sink;
  LpSendProgress progress;
  char *file;
} ProgressReport;

static ProgressSink *
progress_sink_ref (ProgressSink *sink)
{
  g_atomic_int_inc (&sink->ref_count);
  return sink;
}

static gboolean
progress_sink_destroy_cb (gpointer data)
{
  ProgressSink *sink = data;

  if (sink->destroy != NULL)
    sink->destroy (sink->data);
  g_clear_pointer (&sink->context, g_main_context_unref);
  g_free (sink);
  return G_SOURCE_REMOVE;
}

static void
progress_sink_unref (ProgressSink *sink)
{
  if (!g_atomic_int_dec_and_test (&sink->ref_count))
    return;
  /* The caller's data belongs to its own thread: release it there. */
  if (sink->context != NULL && !g_main_context_is_owner (sink->context))
    g_main_context_invoke (sink->context, progress_sink_destroy_cb, sink);
  else
    progress_sink_destroy_cb (sink);
}

static gboolean
deliver_report (gpointer data)
{
  ProgressReport *report = data;

  report->sink->func (&report->progress, report->sink->data);
  return G_SOURCE_REMOVE;
}

static void
report_free (gpointer data)
{
  ProgressReport *report = data;

  progress_sink_unref (report->sink);
  g_free (report->file);
  g_free (report);
}

static void
report_progress (LpSendJob *job,
                 guint64    bytes,
                 gboolean   force)
{
  gint64 now = g_get_monotonic_time ();
  ProgressReport *report;

  if (job->sink == NULL)
    return;
  bytes = MIN (bytes, job->bytes_total);
  if (!force && (bytes == job->last_reported || now - job->last_report_time < PROGRESS_INTERVAL_US))
    return;
  job->last_reported = bytes;
  job->last_report_time = now;

  report = g_new0 (ProgressReport, 1);
  report->sink = progress_sink_ref (job->sink);
  report->file = g_strdup (job->current_file != NULL ? job->current_file : "");
  report->progress.bytes_sent = bytes;
  report->progress.bytes_total = job->bytes_total;
  report->progress.fraction = job->bytes_total > 0 ? (double) bytes / (double) job->bytes_total : 0.0;
  report->progress.current_file = report->file;
  if (job->sink->context != NULL)
    g_main_context_invoke_full (job->sink->context, G_PRIORITY_DEFAULT, deliver_report, report,
                                report_free);
  else
    {
      deliver_report (report);
      report_free (report);
    }
}

/* ---- the job ------------------------------------------------------------------------ */

LpSendJob *
lp_send_job_new (LpHttpClient       *client,
                 guint64             bytes_total,
                 GMainContext       *context,
                 LpSendProgressFunc  progress_func,
                 gpointer            progress_data,
                 GDestroyNotify      progress_destroy,
                 GCancellable       *cancellable)
{
  LpSendJob *job = g_new0 (LpSendJob, 1);

  job->client = lp_http_client_ref (client);
  job->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  job->bytes_total = bytes_total;
  if (progress_func != NULL)
    {
      job->sink = g_new0 (ProgressSink, 1);
      job->sink->ref_count = 1;
      job->sink->context = context != NULL ? g_main_context_ref (context) : NULL;
      job->sink->func = progress_func;
      job->sink->data = progress_data;
      job->sink->destroy = progress_destroy;
    }
  else if (progress_destroy != NULL)
    progress_destroy (progress_data);
  job->curl = curl_easy_init ();
  job->multi = curl_multi_init ();
  return job;
}

void
lp_send_job_free (LpSendJob *job)
{
  if (job == NULL)
    return;
  g_clear_pointer (&job->multi, curl_multi_cleanup);
  g_clear_pointer (&job->curl, curl_easy_cleanup);
  g_clear_pointer (&job->sink, progress_sink_unref);
  g_clear_object (&job->cancellable);
  g_clear_pointer (&job->client, lp_http_client_unref);
  g_free (job->current_file);
  g_free (job);
}

GCancellable *
lp_send_job_get_cancellable (LpSendJob *job)
{
  return job->cancellable;
}

LpHttpClient *
lp_send_job_get_client (LpSendJob *job)
{
  return job->client;
}

void
lp_send_job_add_done (LpSendJob *job,
                      guint64    bytes)
{
  job->bytes_done += bytes;
  report_progress (job, job->bytes_done, TRUE);
}

void
lp_send_job_set_current_file (LpSendJob  *job,
                              const char *name)
{
  if (g_strcmp0 (job->current_file, name) == 0)
    return;
  g_free (job->current_file);
  job->current_file = g_strdup (name);
  /* A new file name is worth showing at once. */
  job->last_report_time = 0;
}

void
lp_send_job_reset_done (LpSendJob *job)
{
  job->bytes_done = 0;
  report_progress (job, 0, TRUE);
}

gboolean
lp_send_job_sleep (LpSendJob  *job,
                   guint       ms,
                   GError    **error)
{
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;

  for (;;)
    {
      gint64 left = end - g_get_monotonic_time ();

      if (g_cancellable_set_error_if_cancelled (job->cancellable, error))
        return FALSE;
      if (left <= 0)
        return TRUE;
      g_usleep ((gulong) MIN (left, POLL_SLICE_MS * 1000));
    }
}

/* ---- one transfer ------------------------------------------------------------------- */

typedef struct {
  const guint8 *data;
  gsize size;
  gsize offset;
} BodyReader;

static size_t
read_body (char   *buffer,
           size_t  size,
           size_t  nitems,
           void   *user_data)
{
  BodyReader *reader = user_data;
  gsize n = MIN (size * nitems, reader->size - reader->offset);

  memcpy (buffer, reader->data + reader->offset, n);
  reader->offset += n;
  return n;
}

static int
seek_body (void       *user_data,
           curl_off_t  offset,
           int         origin)
{
  BodyReader *reader = user_data;

  if (origin != SEEK_SET || offset < 0 || (guint64) offset > reader->size)
    return CURL_SEEKFUNC_FAIL;
  reader->offset = (gsize) offset;
  return CURL_SEEKFUNC_OK;
}

static size_t
write_response (char   *data,
                size_t  size,
                size_t  nmemb,
                void   *user_data)
{
  GByteArray *buffer = user_data;
  gsize n = size * nmemb;

  /* A huge answer is not ours to keep: the start says enough. */
  if (buffer->len < RESPONSE_MAX_BYTES)
    g_byte_array_append (buffer, (const guint8 *) data, MIN (n, RESPONSE_MAX_BYTES - buffer->len));
  return n;
}

static int
on_transfer_info (void       *user_data,
                  curl_off_t  dltotal,
                  curl_off_t  dlnow,
                  curl_off_t  ultotal,
                  curl_off_t  ulnow)
{
  LpSendJob *job = user_data;

  if (g_cancellable_is_cancelled (job->cancellable))
    return 1;
  /* ulnow counts the request's own overhead (multipart headers); scale it to the file's
   * bytes so that the total ends where it should. */
  if (job->current_payload > 0 && ultotal > 0)
    {
      guint64 sent = (guint64) ((double) ulnow / (double) ultotal * (double) job->current_payload);

      report_progress (job, job->bytes_done + MIN (sent, job->current_payload), FALSE);
    }
  return 0;
}

static void
wake_transfer (GCancellable *cancellable,
               gpointer      user_data)
{
  curl_multi_wakeup (user_data);
}

/* Runs the configured easy handle to the end, or until the cancellable fires. */
static CURLcode
run_transfer (LpSendJob *job)
{
  CURLcode result = CURLE_OK;
  gulong handler = 0;
  int running = 1;

  curl_multi_add_handle (job->multi, job->curl);
  if (job->cancellable != NULL)
    handler = g_cancellable_connect (job->cancellable, G_CALLBACK (wake_transfer), job->multi, NULL);

  while (running > 0)
    {
      CURLMcode code = curl_multi_perform (job->multi, &running);

      if (code == CURLM_OK && running > 0)
        code = curl_multi_poll (job->multi, NULL, 0, POLL_SLICE_MS, NULL);
      if (code != CURLM_OK)
        {
          result = CURLE_RECV_ERROR;
          break;
        }
      if (g_cancellable_is_cancelled (job->cancellable))
        {
          result = CURLE_ABORTED_BY_CALLBACK;
          break;
        }
    }

  if (running == 0)
    {
      CURLMsg *message;
      int left;

      while ((message = curl_multi_info_read (job->multi, &left)) != NULL)
        if (message->msg == CURLMSG_DONE)
          result = message->data.result;
    }

  if (handler != 0)
    g_cancellable_disconnect (job->cancellable, handler);
  curl_multi_remove_handle (job->multi, job->curl);
  return result;
}

/* Holds what the easy handle points to during one attempt. */
typedef struct {
  struct curl_slist *headers;
  curl_mime *mime;
  BodyReader reader;
  GByteArray *response;
} Attempt;

static void
attempt_clear (Attempt *attempt)
{
  /* Header lines may hold an API key: zero them before they go back to the heap. */
  for (struct curl_slist *item = attempt->headers; item != NULL; item = item->next)
    lp_secure_zero (item->data, strlen (item->data));
  g_clear_pointer (&attempt->headers, curl_slist_free_all);
  g_clear_pointer (&attempt->mime, curl_mime_free);
  g_clear_pointer (&attempt->response, g_byte_array_unref);
}

static void
set_up_attempt (LpSendJob            *job,
                const LpHttpRequest  *request,
                const LpSendTimings  *timings,
                Attempt              *attempt)
{
  CURL *curl = job->curl;
  LpHttpClient *client = job->client;
  const char *method = request->method != NULL ? request->method : "GET";

  curl_easy_reset (curl);
  job->error_buffer[0] = '\0';
  attempt->response = g_byte_array_new ();

  curl_easy_setopt (curl, CURLOPT_URL, request->url);
  curl_easy_setopt (curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt (curl, CURLOPT_PROTOCOLS_STR, client->protocols);
  curl_easy_setopt (curl, CURLOPT_REDIR_PROTOCOLS_STR, client->protocols);
  curl_easy_setopt (curl, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt (curl, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt (curl, CURLOPT_SSL_VERIFYHOST, 2L);
  curl_easy_setopt (curl, CURLOPT_SSLVERSION, (long) CURL_SSLVERSION_TLSv1_2);
  if (client->ca_file != NULL)
    curl_easy_setopt (curl, CURLOPT_CAINFO, client->ca_file);
  if (client->pin != NULL)
    curl_easy_setopt (curl, CURLOPT_PINNEDPUBLICKEY, client->pin);
  curl_easy_setopt (curl, CURLOPT_CONNECTTIMEOUT_MS, (long) timings->connect_timeout_ms);
  curl_easy_setopt (curl, CURLOPT_LOW_SPEED_LIMIT, (long) timings->low_speed_limit);
  curl_easy_setopt (curl, CURLOPT_LOW_SPEED_TIME, (long) timings->low_speed_time_s);
  curl_easy_setopt (curl, CURLOPT_ERRORBUFFER, job->error_buffer);
  curl_easy_setopt (curl, CURLOPT_USERAGENT, "lettre-plainte/" PACKAGE_VERSION);
  curl_easy_setopt (curl, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt (curl, CURLOPT_XFERINFOFUNCTION, on_transfer_info);
  curl_easy_setopt (curl, CURLOPT_XFERINFODATA, job);
  curl_easy_setopt (curl, CURLOPT_WRITEFUNCTION, write_response);
  curl_easy_setopt (curl, CURLOPT_WRITEDATA, attempt->response);

  /* curl would wait for a "100 Continue" that many servers never send (tech-notes.md §4). */
  attempt->headers = curl_slist_append (NULL, "Expect:");
  for (guint i = 0; request->headers != NULL && request->headers[i] != NULL; i++)
    attempt->headers = curl_slist_append (attempt->headers, request->headers[i]);
  if (request->body != NULL && request->content_type != NULL)
    {
      g_autofree char *line = g_strconcat ("Content-Type: ", request->content_type, NULL);

      attempt->headers = curl_slist_append (attempt->headers, line);
    }
  curl_easy_setopt (curl, CURLOPT_HTTPHEADER, attempt->headers);

  if (request->bearer != NULL)
    {
      curl_easy_setopt (curl, CURLOPT_HTTPAUTH, (long) CURLAUTH_BEARER);
      curl_easy_setopt (curl, CURLOPT_XOAUTH2_BEARER, request->bearer);
    }
  else if (request->username != NULL)
    {
      curl_easy_setopt (curl, CURLOPT_HTTPAUTH, (long) CURLAUTH_BASIC);
      curl_easy_setopt (curl, CURLOPT_USERNAME, request->username);
      curl_easy_setopt (curl, CURLOPT_PASSWORD, request->password != NULL ? request->password : "");
    }

  if (request->mime_func != NULL)
    {
      attempt->mime = request->mime_func (curl, request->mime_data);
      curl_easy_setopt (curl, CURLOPT_MIMEPOST, attempt->mime);
    }
  else if (strcmp (method, "PUT") == 0)
    {
      attempt->reader.data = request->body != NULL ? g_bytes_get_data (request->body, NULL) : NULL;
      attempt->reader.size = request->body != NULL ? g_bytes_get_size (request->body) : 0;
      attempt->reader.offset = 0;
      curl_easy_setopt (curl, CURLOPT_UPLOAD, 1L);
      curl_easy_setopt (curl, CURLOPT_READFUNCTION, read_body);
      curl_easy_setopt (curl, CURLOPT_READDATA, &attempt->reader);
      curl_easy_setopt (curl, CURLOPT_SEEKFUNCTION, seek_body);
      curl_easy_setopt (curl, CURLOPT_SEEKDATA, &attempt->reader);
      curl_easy_setopt (curl, CURLOPT_INFILESIZE_LARGE, (curl_off_t) attempt->reader.size);
    }
  else if (strcmp (method, "POST") == 0)
    {
      gsize size = request->body != NULL ? g_bytes_get_size (request->body) : 0;

      curl_easy_setopt (curl, CURLOPT_POST, 1L);
      curl_easy_setopt (curl, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t) size);
      curl_easy_setopt (curl, CURLOPT_POSTFIELDS,
                        request->body != NULL ? g_bytes_get_data (request->body, NULL) : "");
    }
  else if (strcmp (method, "GET") != 0)
    curl_easy_setopt (curl, CURLOPT_CUSTOMREQUEST, method);
}

typedef enum {
  FAILURE_NONE,
  FAILURE_RETRY_NETWORK,
  FAILURE_RETRY_TIMEOUT,
  FAILURE_TLS,
  FAILURE_CONFIG,
  FAILURE_NETWORK,
} Failure;

static Failure
classify (CURLcode code)
{
  switch (code)
    {
    case CURLE_OK:
      return FAILURE_NONE;
    case CURLE_OPERATION_TIMEDOUT:
      return FAILURE_RETRY_TIMEOUT;
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_COULDNT_CONNECT:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
    case CURLE_HTTP3:
    case CURLE_WEIRD_SERVER_REPLY:
      return FAILURE_RETRY_NETWORK;
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_CRL_BADFILE:
      return FAILURE_TLS;
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_URL_MALFORMAT:
      return FAILURE_CONFIG;
    default:
      return FAILURE_NETWORK;
    }
}

static gboolean
is_retryable_status (long status)
{
  return status == 408 || status == 429 || (status >= 500 && status <= 599);
}

/* Exponential backoff with full jitter on top: 1 s, 2 s, 4 s... each plus up to as much
 * again, so that kiosks that failed together do not come back together. */
static guint
backoff_ms (const LpSendTimings *timings,
            guint                attempt)
{
  guint64 base = timings->backoff_initial_ms;

  for (guint i = 1; i < attempt && base < timings->backoff_max_ms; i++)
    base *= 2;
  base = MIN (base, timings->backoff_max_ms);
  base += (guint64) g_random_double_range (0.0, (double) base + 1.0);
  return (guint) MIN (base, (guint64) timings->backoff_max_ms);
}

static void
set_transfer_error (GError       **error,
                    LpSendJob     *job,
                    CURLcode       code,
                    Failure        failure,
                    guint          attempts)
{
  const char *host = job->client->host;
  const char *detail = job->error_buffer[0] != '\0' ? job->error_buffer : curl_easy_strerror (code);

  switch (failure)
    {
    case FAILURE_TLS:
      g_set_error (error, LP_SEND_ERROR, LP_SEND_ERROR_TLS,
                   /* Translators: %s: the server's host name, then libcurl's reason */
                   _("The identity of the server %s could not be verified (%s), so nothing was "
                     "sent. Ask the site administrator to check the server's certificate and "
                     "the ca-file and pin settings."), host, detail);
      break;
    case FAILURE_CONFIG:
      g_set_error (error, LP_SEND_ERROR, LP_SEND_ERROR_CONFIG,
                   _("The address of the server %s cannot be used (%s). Ask the site "
                     "administrator to check the url setting."), host, detail);
      break;
    case FAILURE_RETRY_TIMEOUT:
      g_set_error (error, LP_SEND_ERROR, LP_SEND_ERROR_TIMEOUT,
                   g_dngettext (GETTEXT_PACKAGE,
                                /* Translators: %s: the server's host name; %u: the number
                                 * of attempts */
                                "The server %s did not answer in time (%u attempt). Try again "
                                "later; the letter is kept ready.",
                                "The server %s did not answer in time (%u attempts). Try again "
                                "later; the letter is kept ready.", attempts),
                   host, attempts);
      break;
    case FAILURE_RETRY_NETWORK:
    case FAILURE_NETWORK:
    case FAILURE_NONE:
    default:
      g_set_error (error, LP_SEND_ERROR, LP_SEND_ERROR_NETWORK,
                   g_dngettext (GETTEXT_PACKAGE,
                                /* Translators: %s: host name; %s: libcurl's reason; %u: attempts */
                                "The server %s could not be reached, or the connection broke "
                                "(%s; %u attempt). Check this computer's network connection "
                                "and try again; the letter is kept ready.",
                                "The server %s could not be reached, or the connection broke "
                                "(%s; %u attempts). Check this computer's network connection "
                                "and try again; the letter is kept ready.", attempts),
                   host, detail, attempts);
      break;
    }
}

gboolean
lp_send_job_perform (LpSendJob            *job,
                     const LpHttpRequest  *request,
                     LpHttpResponse       *response,
                     GError              **error)
{
  LpSendTimings timings = copy_timings (job->client);

  g_return_val_if_fail (request != NULL && request->url != NULL && response != NULL, FALSE);

  lp_http_response_clear (response);
  g_free (job->current_file);
  job->current_file = g_strdup (request->file_name);
  job->current_payload = request->payload_size;
  if (request->file_name != NULL)
    report_progress (job, job->bytes_done, TRUE);

  for (guint attempt = 1; ; attempt++)
    {
      Attempt state = { 0 };
      CURLcode code;
      Failure failure;
      long status = 0;
      curl_off_t retry_after = -1;
      guint delay;

      if (g_cancellable_set_error_if_cancelled (job->cancellable, error))
        return FALSE;

      set_up_attempt (job, request, &timings, &state);
      code = run_transfer (job);
      if (g_cancellable_set_error_if_cancelled (job->cancellable, error))
        {
          attempt_clear (&state);
          return FALSE;
        }

      failure = classify (code);
      if (failure == FAILURE_NONE)
        {
          curl_easy_getinfo (job->curl, CURLINFO_RESPONSE_CODE, &status);
          curl_easy_getinfo (job->curl, CURLINFO_RETRY_AFTER, &retry_after);
        }
      g_debug ("%s to %s: attempt %u, curl %d, HTTP %ld",
               request->method != NULL ? request->method : "GET", job->client->host,
               attempt, (int) code, status);

      if (failure == FAILURE_NONE && !is_retryable_status (status))
        {
          response->status = status;
          response->body = g_byte_array_free_to_bytes (g_steal_pointer (&state.response));
          attempt_clear (&state);
          return TRUE;
        }

      if (failure != FAILURE_NONE
          && (failure == FAILURE_TLS || failure == FAILURE_CONFIG || failure == FAILURE_NETWORK
              || attempt >= timings.max_attempts))
        {
          set_transfer_error (error, job, code, failure, attempt);
          attempt_clear (&state);
          return FALSE;
        }

      /* A 408/429/5xx: retried, unless the attempts are spent or the server asks for a
       * longer pause than a person can wait at a kiosk. */
      if (failure == FAILURE_NONE
          && (attempt >= timings.max_attempts
              || (retry_after > 0 && (guint64) retry_after > timings.retry_after_max_s)))
        {
          response->status = status;
          response->body = g_byte_array_free_to_bytes (g_steal_pointer (&state.response));
          attempt_clear (&state);
          return TRUE;
        }

      delay = backoff_ms (&timings, attempt);
      if (failure == FAILURE_NONE && retry_after > 0)
        delay = MAX (delay, (guint) retry_after * 1000);
      attempt_clear (&state);
      /* The bytes of the failed attempt are not sent: the bar goes back. */
      report_progress (job, job->bytes_done, TRUE);
      if (!lp_send_job_sleep (job, delay, error))
        return FALSE;
    }
}

/* ---- multipart parts from memory --------------------------------------------------- */

typedef struct {
  GBytes *data;
  gsize offset;
  LpSendJob *job;     /* borrowed: the part lives no longer than the attempt */
  char *file_name;
} PartReader;

static size_t
read_part (char   *buffer,
           size_t  size,
           size_t  nitems,
           void   *user_data)
{
  PartReader *reader = user_data;
  gsize length = 0;
  const guint8 *data = g_bytes_get_data (reader->data, &length);
  gsize n = MIN (size * nitems, length - reader->offset);

  if (reader->file_name != NULL && n > 0)
    lp_send_job_set_current_file (reader->job, reader->file_name);
  memcpy (buffer, data + reader->offset, n);
  reader->offset += n;
  return n;
}

static int
seek_part (void       *user_data,
           curl_off_t  offset,
           int         origin)
{
  PartReader *reader = user_data;

  if (origin != SEEK_SET || offset < 0 || (guint64) offset > g_bytes_get_size (reader->data))
    return CURL_SEEKFUNC_FAIL;
  reader->offset = (gsize) offset;
  return CURL_SEEKFUNC_OK;
}

static void
free_part (void *user_data)
{
  PartReader *reader = user_data;

  g_bytes_unref (reader->data);
  g_free (reader->file_name);
  g_free (reader);
}

void
lp_http_mime_part_set_bytes (curl_mimepart *part,
                             GBytes        *data,
                             LpSendJob     *job,
                             const char    *file_name)
{
  PartReader *reader = g_new0 (PartReader, 1);

  reader->data = g_bytes_ref (data);
  reader->job = job;
  reader->file_name = g_strdup (file_name);
  curl_mime_data_cb (part, (curl_off_t) g_bytes_get_size (data), read_part, seek_part, free_part,
                     reader);
}

/* ---- answers ------------------------------------------------------------------------ */

static char *
printable_excerpt (const char *text,
                   gsize       length)
{
  GString *out = g_string_new (NULL);
  const char *end;
  g_autofree char *valid = NULL;

  valid = g_utf8_make_valid (text, (gssize) length);
  end = valid + strlen (valid);
  for (const char *p = valid; p < end && out->len < 300; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n' || c == '\r')
        {
          if (out->len > 0)
            break;
          continue;
        }
      if (g_unichar_iscntrl (c))
        continue;
      g_string_append_unichar (out, c);
    }
  g_strstrip (out->str);
  if (out->str[0] == '\0')
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

char *
lp_http_dup_server_message (const LpHttpResponse *response)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize length = 0;
  const char *data;

  if (response->body == NULL || g_bytes_get_size (response->body) == 0)
    return NULL;
  data = g_bytes_get_data (response->body, &length);
  if (json_parser_load_from_data (parser, data, (gssize) length, NULL)
      && JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      JsonObject *object = json_node_get_object (json_parser_get_root (parser));
      const char * const members[] = { "error", "message", "detail", "type", NULL };

      for (guint i = 0; members[i] != NULL; i++)
        {
          JsonNode *node = json_object_get_member (object, members[i]);

          if (node != NULL && JSON_NODE_HOLDS_VALUE (node)
              && json_node_get_value_type (node) == G_TYPE_STRING)
            {
              const char *text = json_node_get_string (node);

              return printable_excerpt (text, strlen (text));
            }
        }
      return NULL;
    }
  /* An HTML error page says nothing a person can use. */
  if (length > 0 && data[0] == '<')
    return NULL;
  return printable_excerpt (data, length);
}

void
lp_http_set_status_error (GError               **error,
                          LpHttpClient          *client,
                          const LpHttpResponse  *response,
                          const char            *auth_hint)
{
  g_autofree char *message = lp_http_dup_server_message (response);
  long status = response->status;

  if (status == 401 || status == 403)
    g_set_error (error, LP_SEND_ERROR, LP_SEND_ERROR_AUTH,
                 /* Translators: %s: host; %ld: HTTP status; %s: the setting to check */
                 _("The server %s refused this site's credentials (HTTP %ld). Ask the site "
                   "administrator to check %s; the letter is kept ready."),
                 client->host, status, auth_hint);
  else if (is_retryable_status (status))
    g_set_error (error, LP_SEND_ERROR, LP_SEND_ERROR_SERVER,
                 /* Translators: %s: host; %ld: HTTP status */
                 _("The server %s is busy or out of order (HTTP %ld) and kept failing. Try "
                   "again later; the letter is kept ready."), client->host, status);
  else if (message != NULL)
    g_set_error (error, LP_SEND_ERROR, LP_SEND_ERROR_REFUSED,
                 /* Translators: %s: host; %ld: HTTP status; %s: the server's own message */
                 _("The server %s refused the complaint (HTTP %ld): “%s”. Tell the site's "
                   "staff; you can print the letter instead."), client->host, status, message);
  else
    g_set_error (error, LP_SEND_ERROR, LP_SEND_ERROR_REFUSED,
                 _("The server %s refused the complaint (HTTP %ld). Tell the site's staff; "
                   "you can print the letter instead."), client->host, status);
}
