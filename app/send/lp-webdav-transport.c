/* lp-webdav-transport.c — see lp-webdav-transport.h
 *
 * The layout (architecture.md §7): MKCOL <url>/<submission id>/, PUT each file into it,
 * then PUT metadata.json last, as the "complete" marker a collecting script waits for.
 * Basic authentication. Every step may be repeated safely: a folder that already exists
 * (405, a retry after a lost answer) is fine, and PUT replaces a file with the same bytes.
 *
 * What to configure:
 * - nginx with the dav module (dav_methods PUT MKCOL; create_full_put_path on; auth_basic):
 *   url=https://host/plaintes (the location), username= and password-file= of htpasswd.
 * - A Nextcloud account of its own (not a "file drop" share: there MKCOL is refused, files
 *   land flat and renamed, and newer versions refuse PUT into a folder, so the layout above
 *   and its "complete" marker are lost): url=https://cloud.example.org/remote.php/dav/files/
 *   <account>/<folder>, username=<account>, password-file= holding an app password.
 */
#define G_LOG_DOMAIN "lp-webdav"

#include "lp-webdav-transport.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lp-http.h"
#include "lp-secure.h"

#define METADATA_NAME "metadata.json"

struct _LpWebdavTransport {
  GObject parent_instance;
  LpHttpClient *http;
  char *base_url;    /* without a trailing slash */
  char *username;
  char *password;
};

static void lp_webdav_transport_iface_init (LpTransportInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LpWebdavTransport, lp_webdav_transport, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (LP_TYPE_TRANSPORT,
                                                      lp_webdav_transport_iface_init))

static void
lp_webdav_transport_finalize (GObject *object)
{
  LpWebdavTransport *self = LP_WEBDAV_TRANSPORT (object);

  g_clear_pointer (&self->http, lp_http_client_unref);
  g_free (self->base_url);
  g_free (self->username);
  lp_secure_clear_string (&self->password);
  G_OBJECT_CLASS (lp_webdav_transport_parent_class)->finalize (object);
}

static void
lp_webdav_transport_class_init (LpWebdavTransportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lp_webdav_transport_finalize;
}

static void
lp_webdav_transport_init (LpWebdavTransport *self)
{
}

LpTransport *
lp_webdav_transport_new (const LpTransportConfig  *config,
                         GError                  **error)
{
  g_autoptr(LpWebdavTransport) self = NULL;
  gsize length;

  g_return_val_if_fail (config != NULL, NULL);

  if (config->username == NULL || config->username[0] == '\0'
      || config->secret == NULL || config->secret[0] == '\0')
    {
      g_set_error (error, LP_SEND_ERROR, LP_SEND_ERROR_CONFIG,
                   _("WebDAV needs a user name and a password. Ask the site administrator to "
                     "set username and password-file in the [send] group."));
      return NULL;
    }
  self = g_object_new (LP_TYPE_WEBDAV_TRANSPORT, NULL);
  self->http = lp_http_client_new (config->url, config->ca_file, config->pin, error);
  if (self->http == NULL)
    return NULL;
  self->base_url = g_strdup (config->url);
  length = strlen (self->base_url);
  while (length > 0 && self->base_url[length - 1] == '/')
    self->base_url[--length] = '\0';
  self->username = g_strdup (config->username);
  self->password = g_strdup (config->secret);
  return LP_TRANSPORT (g_steal_pointer (&self));
}

static gboolean
is_success (long status)
{
  return status >= 200 && status <= 299;
}

/* One request, turned into an error unless the answer is in @extra_ok or a 2xx. */
static gboolean
request_ok (LpWebdavTransport  *self,
            LpSendJob          *job,
            LpHttpRequest      *request,
            long                extra_ok,
            GError            **error)
{
  LpHttpResponse response = { 0 };
  gboolean ok;

  request->username = self->username;
  request->password = self->password;
  if (!lp_send_job_perform (job, request, &response, error))
    return FALSE;
  ok = is_success (response.status) || response.status == extra_ok;
  if (!ok)
    lp_http_set_status_error (error, self->http, &response,
                              _("username and the password in the file named by password-file"));
  lp_http_response_clear (&response);
  return ok;
}

static gboolean
put_file (LpWebdavTransport  *self,
          LpSendJob          *job,
          const char         *folder,
          const char         *name,
          const char         *content_type,
          GBytes             *data,
          GError            **error)
{
  g_autofree char *url = g_strconcat (folder, name, NULL);
  LpHttpRequest request = {
    .method = "PUT",
    .url = url,
    .body = data,
    .content_type = content_type,
    .file_name = name,
    .payload_size = g_bytes_get_size (data),
  };

  if (!request_ok (self, job, &request, 0, error))
    return FALSE;
  lp_send_job_add_done (job, request.payload_size);
  return TRUE;
}

static char *
lp_webdav_transport_send (LpTransport   *transport,
                          LpSubmission  *submission,
                          LpSendJob     *job,
                          GError       **error)
{
  LpWebdavTransport *self = LP_WEBDAV_TRANSPORT (transport);
  const char *id = lp_submission_get_id (submission);
  g_autofree char *folder = g_strconcat (self->base_url, "/", id, "/", NULL);
  g_autoptr(GBytes) metadata = lp_submission_dup_metadata (submission);
  LpHttpRequest mkcol = { .method = "MKCOL", .url = folder };

  /* 405: the folder exists already, made by an earlier attempt of this same submission. */
  if (!request_ok (self, job, &mkcol, 405, error))
    return NULL;
  for (guint i = 0; i < lp_submission_get_n_files (submission); i++)
    {
      const LpSubmissionFile *file = lp_submission_get_file (submission, i);

      if (!put_file (self, job, folder, file->name, file->content_type, file->data, error))
        return NULL;
    }
  /* Last: its presence tells the collector that every file is there. */
  if (!put_file (self, job, folder, METADATA_NAME, "application/json", metadata, error))
    return NULL;
  return g_strdup (id);
}

static const char *
lp_webdav_transport_get_route (LpTransport *transport)
{
  return "webdav";
}

static gpointer
lp_webdav_transport_get_http (LpTransport *transport)
{
  return LP_WEBDAV_TRANSPORT (transport)->http;
}

static void
lp_webdav_transport_iface_init (LpTransportInterface *iface)
{
  iface->get_route = lp_webdav_transport_get_route;
  iface->send = lp_webdav_transport_send;
  iface->get_http = lp_webdav_transport_get_http;
}
