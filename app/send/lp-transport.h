/* lp-transport.h — sending a submission: one interface, three implementations
 *
 *   relay            HTTPS multipart POST to the site's own receiver (architecture.md §7)
 *   webdav           MKCOL + PUT of each file + metadata.json last (nginx dav, a Nextcloud account)
 *   francetransfert  the public API: initPli, 5 MiB chunks, statutPli (francetransfert-api.md)
 *
 * Every sending runs libcurl in a worker thread (lp_transport_send_async) and reports its
 * progress to the main context of the thread that started it. It is cancelled through the
 * GCancellable within 200 ms; it retries, with exponential backoff and jitter, on 408, 429
 * (honouring Retry-After), 5xx, timeouts and broken connections only, never on another 4xx.
 * Certificates are always verified (optional private CA file and public-key pin); http://
 * is refused except to this computer (tests). Secrets are never logged.
 *
 * The receipt id returned is the relay's "receipt", the WebDAV folder (the submission id),
 * or FranceTransfert's idPli. Errors are LP_SEND_ERROR, with a message for the person that
 * says what happened and what to do; a cancelled sending gives G_IO_ERROR_CANCELLED.
 */
#pragma once

#include <gio/gio.h>

#include "lp-submission.h"

G_BEGIN_DECLS

#define LP_SEND_ERROR (lp_send_error_quark ())
typedef enum {
  LP_SEND_ERROR_CONFIG,     /* the transport's settings are wrong (address, http://...) */
  LP_SEND_ERROR_NETWORK,    /* the server could not be reached, or the connection broke */
  LP_SEND_ERROR_TIMEOUT,    /* the server did not answer in time */
  LP_SEND_ERROR_TLS,        /* the server's certificate or pin did not check out */
  LP_SEND_ERROR_AUTH,       /* 401/403: the site's token, password or API key was refused */
  LP_SEND_ERROR_REFUSED,    /* another 4xx: the server refused the complaint (its message) */
  LP_SEND_ERROR_SERVER,     /* 408/429/5xx still after every retry */
  LP_SEND_ERROR_PROTOCOL,   /* the server answered something this program does not understand */
  LP_SEND_ERROR_FAILED,     /* the server accepted the files, then reported a failure */
} LpSendError;
GQuark lp_send_error_quark (void);

typedef enum {
  LP_TRANSPORT_RELAY,
  LP_TRANSPORT_WEBDAV,
  LP_TRANSPORT_FRANCETRANSFERT,
} LpTransportKind;

/* Everything a transport needs, usually from the site configuration's [send] group. */
typedef struct {
  LpTransportKind kind;
  const char *url;        /* relay: the POST URL; webdav: the folder; francetransfert: .../api-public */
  const char *secret;     /* relay token, WebDAV password or FranceTransfert API key */
  const char *username;   /* webdav */
  const char *sender;     /* francetransfert: the State agent's address */
  const char *recipient;  /* francetransfert: overrides the submission's recipient; NULL/"" = keep */
  const char *ca_file;    /* NULL/"" = the system's trust store */
  const char *pin;        /* "sha256//..." (several joined by ";"), NULL/"" = none */
} LpTransportConfig;

/* Progress, delivered on the main context of the thread that called
 * lp_transport_send_async(), at most about ten times a second. */
typedef struct {
  guint64 bytes_sent;     /* of the files' bytes (request overhead not counted) */
  guint64 bytes_total;
  double fraction;        /* 0.0 .. 1.0 */
  const char *current_file;  /* "lettre-plainte.pdf", "piece-1.jpg", "metadata.json" */
} LpSendProgress;

typedef void (*LpSendProgressFunc) (const LpSendProgress *progress,
                                    gpointer              user_data);

/* Timeouts, retries and polling. The defaults suit real networks; tests shorten them. */
typedef struct {
  guint connect_timeout_ms;   /* 15000 */
  guint low_speed_limit;      /* bytes/s below which the transfer counts as stalled: 100 */
  guint low_speed_time_s;     /* for this long: 30 */
  guint max_attempts;         /* per request, the first included: 4 */
  guint backoff_initial_ms;   /* 1000, doubled at every retry, plus up to 100% jitter */
  guint backoff_max_ms;       /* 30000 */
  guint retry_after_max_s;    /* a longer Retry-After gives up at once: 120 */
  guint poll_interval_ms;     /* francetransfert statutPli: 5000 */
  guint poll_max_s;           /* then the pli is reported as still being processed: 900 */
} LpSendTimings;

#define LP_TYPE_TRANSPORT (lp_transport_get_type ())
G_DECLARE_INTERFACE (LpTransport, lp_transport, LP, TRANSPORT, GObject)

typedef struct _LpSendJob LpSendJob;   /* private to app/send: progress, cancel, HTTP session */

struct _LpTransportInterface {
  GTypeInterface parent_iface;

  /* "relay", "webdav", "francetransfert" (the receipt's route). */
  const char *(*get_route)  (LpTransport   *self);
  /* Blocking; runs in the worker thread. Returns the receipt id. */
  char       *(*send)       (LpTransport   *self,
                             LpSubmission  *submission,
                             LpSendJob     *job,
                             GError       **error);
  /* Where the timings live (every implementation holds one HTTP client). */
  gpointer    (*get_http)   (LpTransport   *self);
};

/* Makes the transport @config asks for, after checking its address (https://, or http://
 * to a loopback host) and that it has the secret and names it needs. */
LpTransport *lp_transport_new                (const LpTransportConfig *config,
                                              GError                 **error);

const char  *lp_transport_get_route          (LpTransport          *self);

void         lp_transport_send_async         (LpTransport          *self,
                                              LpSubmission         *submission,
                                              GCancellable         *cancellable,
                                              LpSendProgressFunc    progress_func,
                                              gpointer              progress_data,
                                              GDestroyNotify        progress_data_destroy,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
/* The receipt id, or NULL with @error set. */
char        *lp_transport_send_finish        (LpTransport          *self,
                                              GAsyncResult         *result,
                                              GError              **error);
/* The same, blocking the calling thread (the command line). @progress_func, if any, is
 * called from a worker thread. */
char        *lp_transport_send               (LpTransport          *self,
                                              LpSubmission         *submission,
                                              GCancellable         *cancellable,
                                              LpSendProgressFunc    progress_func,
                                              gpointer              progress_data,
                                              GError              **error);

/* TRUE for https://, and for http:// to localhost, 127.x.x.x or ::1 (tests); else an
 * LP_SEND_ERROR_CONFIG that says why and what to write instead. */
gboolean     lp_send_check_url               (const char           *url,
                                              GError              **error);

void         lp_send_timings_init_default    (LpSendTimings        *timings);
/* Replaces the transport's timings (tests: short timeouts and backoff). */
void         lp_transport_set_timings        (LpTransport          *self,
                                              const LpSendTimings  *timings);

/* Call once from main() before any thread starts; later calls do nothing. The transports
 * call it too (under a GOnce), for programs that did not. */
void         lp_send_global_init             (void);

G_END_DECLS
