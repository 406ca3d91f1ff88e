/* lp-test-servers.h — starting and steering the loopback servers of tests/servers/
 * (the contract is in tests/servers/README.md): relay.py, francetransfert.py, and nginx
 * with WebDAV through nginx-webdav.sh. Every helper asserts: a server that cannot start
 * fails the test, it never skips it.
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct {
  GSubprocess *process;   /* NULL for nginx (a daemon driven by nginx-webdav.sh) */
  char *dir;              /* private temporary directory (port file, certificates, state) */
  char *base_url;         /* "http://127.0.0.1:PORT" (https:// with TLS), no trailing slash */
  char *cert;             /* the self-signed certificate, when TLS */
  char *pin;              /* its "sha256//..." public-key pin, when TLS */
  gboolean nginx;
} LpTestServer;

/* Makes a throwaway self-signed certificate for 127.0.0.1 in @dir with openssl; returns
 * the certificate path, and the key path and pin through the out arguments. */
char         *lp_test_make_certificate (const char  *dir,
                                        char       **key_path,
                                        char       **pin);
/* python3 tests/servers/@script --port-file ... @args; @tls adds a fresh certificate. */
LpTestServer *lp_test_server_start     (const char         *script,
                                        const char * const *args,
                                        gboolean            tls);
/* nginx WebDAV with basic authentication @user / @password; base_url is the share. */
LpTestServer *lp_test_webdav_start     (const char         *user,
                                        const char         *password);
void          lp_test_server_stop      (LpTestServer       *server);

/* POST /_control/faults with @faults_json (a JSON array). */
void          lp_test_server_set_faults (LpTestServer      *server,
                                         const char        *faults_json);
void          lp_test_server_reset     (LpTestServer       *server);
/* GET /_control/received, parsed (the root object). */
JsonNode     *lp_test_server_received  (LpTestServer       *server);
/* How many logged requests to the API have @method and a path containing @path_part. */
guint         lp_test_server_count_requests (JsonNode      *received,
                                             const char    *method,
                                             const char    *path_part);

/* Like lp_test_server_count_requests() on a fresh GET /_control/received, once the count has
 * reached @at_least and stayed still for 100 ms (or after 5 s): the servers log a request
 * just after answering it, so the client may ask before the last line is in. */
guint         lp_test_server_settled_count (LpTestServer   *server,
                                            const char     *method,
                                            const char     *path_part,
                                            guint           at_least);

/* Deterministic pseudo-random bytes (a fixed seed per @seed). */
GBytes       *lp_test_random_bytes     (gsize               size,
                                        guint32             seed);
/* Writes @contents to @path with @mode. */
void          lp_test_write_file_mode  (const char         *path,
                                        const char         *contents,
                                        int                 mode);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LpTestServer, lp_test_server_stop)

G_END_DECLS
