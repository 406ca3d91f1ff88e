/* lp-http.h — the libcurl code the transports share (private to app/send)
 *
 * LpHttpClient: what does not change between sendings (base address, CA file, pin,
 * timings); thread-safe to read, reference-counted.
 * LpSendJob: one sending in its worker thread: one curl easy handle reused across requests
 * (keeps the connection), the cancellable, the progress reporter.
 * lp_send_job_perform(): one request with the retry policy of lp-transport.h. It returns TRUE
 * when the server answered, whatever the status (after the retries of a 408/429/5xx), and
 * FALSE with an LP_SEND_ERROR / G_IO_ERROR_CANCELLED when no answer came.
 */
#pragma once

#include <curl/curl.h>
#include <gio/gio.h>

#include "lp-transport.h"

G_BEGIN_DECLS

typedef struct _LpHttpClient LpHttpClient;

LpHttpClient *lp_http_client_new          (const char           *url,
                                           const char           *ca_file,
                                           const char           *pin,
                                           GError              **error);
LpHttpClient *lp_http_client_ref          (LpHttpClient         *client);
void          lp_http_client_unref        (LpHttpClient         *client);
void          lp_http_client_set_timings  (LpHttpClient         *client,
                                           const LpSendTimings  *timings);
const LpSendTimings *lp_http_client_get_timings (LpHttpClient   *client);
/* The configured address (no trailing slash removed). */
const char   *lp_http_client_get_url      (LpHttpClient         *client);
/* The host name, for messages. */
const char   *lp_http_client_get_host     (LpHttpClient         *client);

/* Builds a fresh multipart body for each attempt. */
typedef curl_mime *(*LpHttpMimeFunc) (CURL     *curl,
                                      gpointer  user_data);

typedef struct {
  const char *method;          /* "GET", "POST", "PUT", "MKCOL" */
  const char *url;
  const char * const *headers; /* extra "Name: value" lines, NULL-terminated; may hold secrets */
  GBytes *body;                /* POST/PUT body, or NULL */
  const char *content_type;    /* of @body */
  LpHttpMimeFunc mime_func;    /* POST multipart instead of @body */
  gpointer mime_data;
  const char *bearer;          /* Authorization: Bearer */
  const char *username;        /* Basic authentication, with @password */
  const char *password;
  const char *file_name;       /* the file this request carries, for progress */
  guint64 payload_size;        /* its bytes, for progress (0 = not counted) */
} LpHttpRequest;

typedef struct {
  long status;
  GBytes *body;                /* at most 1 MiB of the answer */
} LpHttpResponse;

void          lp_http_response_clear      (LpHttpResponse       *response);

/* @context NULL: @progress_func is called in the worker thread. @progress_destroy runs on
 * @context (when given) once the last progress report is delivered. */
LpSendJob    *lp_send_job_new             (LpHttpClient         *client,
                                           guint64               bytes_total,
                                           GMainContext         *context,
                                           LpSendProgressFunc    progress_func,
                                           gpointer              progress_data,
                                           GDestroyNotify        progress_destroy,
                                           GCancellable         *cancellable);
void          lp_send_job_free            (LpSendJob            *job);
GCancellable *lp_send_job_get_cancellable (LpSendJob            *job);
LpHttpClient *lp_send_job_get_client      (LpSendJob            *job);
/* Counts @bytes of the files as delivered (after a request succeeded). */
void          lp_send_job_add_done        (LpSendJob            *job,
                                           guint64               bytes);
/* The file being read into the request now (multipart: changes part by part). */
void          lp_send_job_set_current_file (LpSendJob           *job,
                                           const char           *name);
/* Forgets the bytes delivered so far (FranceTransfert starting over). */
void          lp_send_job_reset_done      (LpSendJob            *job);
gboolean      lp_send_job_perform         (LpSendJob            *job,
                                           const LpHttpRequest  *request,
                                           LpHttpResponse       *response,
                                           GError              **error);
/* Waits @ms, waking early (FALSE, G_IO_ERROR_CANCELLED) on cancel. */
gboolean      lp_send_job_sleep           (LpSendJob            *job,
                                           guint                 ms,
                                           GError              **error);

/* A multipart part whose body is read from @data (kept alive by the part), without a copy. */
void          lp_http_mime_part_set_bytes (curl_mimepart        *part,
                                           GBytes               *data,
                                           LpSendJob            *job,
                                           const char           *file_name);

/* The error for an answer that is not a success: 401/403 -> AUTH (@auth_hint says which
 * setting to check), 408/429/5xx -> SERVER, other 4xx -> REFUSED with the server's own
 * message (the "error" or "message" member of a JSON body, or the first line of a text). */
void          lp_http_set_status_error    (GError              **error,
                                           LpHttpClient         *client,
                                           const LpHttpResponse *response,
                                           const char           *auth_hint);
/* The server's message in @response, short and printable, or NULL. */
char         *lp_http_dup_server_message  (const LpHttpResponse *response);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LpHttpClient, lp_http_client_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LpSendJob, lp_send_job_free)

/* Whether libcurl could be opened (app/send/lp-curl-on-demand.c); opens it. */
gboolean        lp_send_curl_available    (void);

G_END_DECLS
