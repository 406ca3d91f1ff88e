/* lp-relay-transport.c — see lp-relay-transport.h */
#define G_LOG_DOMAIN "lp-relay"

#include "lp-relay-transport.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "lp-http.h"
#include "lp-secure.h"

struct _LpRelayTransport {
  GObject parent_instance;
  LpHttpClient *http;
  char *token;
};

static void lp_relay_transport_iface_init (LpTransportInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LpRelayTransport, lp_relay_transport, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (LP_TYPE_TRANSPORT,
                                                      lp_relay_transport_iface_init))

static void
lp_relay_transport_finalize (GObject *object)
{
  LpRelayTransport *self = LP_RELAY_TRANSPORT (object);

  g_clear_pointer (&self->http, lp_http_client_unref);
  lp_secure_clear_string (&self->token);
  G_OBJECT_CLASS (lp_relay_transport_parent_class)->finalize (object);
}

static void
lp_relay_transport_class_init (LpRelayTransportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lp_relay_transport_finalize;
}

static void
lp_relay_transport_init (LpRelayTransport *self)
{
}

LpTransport *
lp_relay_transport_new (const LpTransportConfig  *config,
                        GError                  **error)
{
  g_autoptr(LpRelayTransport) self = NULL;

  g_return_val_if_fail (config != NULL, NULL);

  if (config->secret == NULL || config->secret[0] == '\0')
    {
      g_set_error (error, LP_SEND_ERROR, LP_SEND_ERROR_CONFIG,
                   _("The relay needs its token. Ask the site administrator to set "
                     "token-file in the [send] group."));
      return NULL;
    }
  self = g_object_new (LP_TYPE_RELAY_TRANSPORT, NULL);
  self->http = lp_http_client_new (config->url, config->ca_file, config->pin, error);
  if (self->http == NULL)
    return NULL;
  self->token = g_strdup (config->secret);
  return LP_TRANSPORT (g_steal_pointer (&self));
}

typedef struct {
  LpSubmission *submission;
  GBytes *metadata;
  LpSendJob *job;
} RelayBody;

/* A fresh multipart body for each attempt: metadata, letter, attachments, in that order
 * (the receiver checks the files against the metadata it has already read). The files are
 * streamed from memory, never copied. */
static curl_mime *
build_body (CURL     *curl,
            gpointer  user_data)
{
  RelayBody *body = user_data;
  curl_mime *mime = curl_mime_init (curl);
  curl_mimepart *part = curl_mime_addpart (mime);

  curl_mime_name (part, "metadata");
  curl_mime_type (part, "application/json");
  lp_http_mime_part_set_bytes (part, body->metadata, body->job, NULL);

  for (guint i = 0; i < lp_submission_get_n_files (body->submission); i++)
    {
      const LpSubmissionFile *file = lp_submission_get_file (body->submission, i);

      part = curl_mime_addpart (mime);
      curl_mime_name (part, file->is_letter ? "letter" : "attachment");
      curl_mime_filename (part, file->name);
      curl_mime_type (part, file->content_type);
      lp_http_mime_part_set_bytes (part, file->data, body->job, file->name);
    }
  return mime;
}

static char *
parse_receipt (const LpHttpResponse  *response,
               LpHttpClient          *client,
               GError               **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize length = 0;
  const char *data = response->body != NULL ? g_bytes_get_data (response->body, &length) : NULL;
  JsonNode *root;

  if (data != NULL && json_parser_load_from_data (parser, data, (gssize) length, NULL)
      && (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_OBJECT (root))
    {
      const char *receipt = json_object_get_string_member_with_default (json_node_get_object (root),
                                                                        "receipt", NULL);

      if (receipt != NULL && receipt[0] != '\0')
        return g_strdup (receipt);
    }
  g_set_error (error, LP_SEND_ERROR, LP_SEND_ERROR_PROTOCOL,
               /* Translators: %s is the server's host name */
               _("The server %s accepted the complaint but did not return a receipt number. "
                 "Tell the site's staff, and keep a printed copy of the letter."),
               lp_http_client_get_host (client));
  return NULL;
}

static char *
lp_relay_transport_send (LpTransport   *transport,
                         LpSubmission  *submission,
                         LpSendJob     *job,
                         GError       **error)
{
  LpRelayTransport *self = LP_RELAY_TRANSPORT (transport);
  g_autoptr(GBytes) metadata = lp_submission_dup_metadata (submission);
  g_autofree char *key_header = g_strconcat ("Idempotency-Key: ", lp_submission_get_id (submission),
                                             NULL);
  const char *headers[] = { key_header, "Accept: application/json", NULL };
  RelayBody body = { submission, metadata, job };
  LpHttpRequest request = {
    .method = "POST",
    .url = lp_http_client_get_url (self->http),
    .headers = headers,
    .mime_func = build_body,
    .mime_data = &body,
    .bearer = self->token,
    .file_name = LP_SUBMISSION_LETTER_NAME,
    .payload_size = lp_submission_get_total_size (submission),
  };
  LpHttpResponse response = { 0 };
  char *receipt = NULL;

  if (!lp_send_job_perform (job, &request, &response, error))
    return NULL;
  if (response.status == 200 || response.status == 201)
    {
      receipt = parse_receipt (&response, self->http, error);
      if (receipt != NULL)
        lp_send_job_add_done (job, request.payload_size);
    }
  else
    lp_http_set_status_error (error, self->http, &response,
                              _("the token in the file named by token-file"));
  lp_http_response_clear (&response);
  return receipt;
}

static const char *
lp_relay_transport_get_route (LpTransport *transport)
{
  return "relay";
}

static gpointer
lp_relay_transport_get_http (LpTransport *transport)
{
  return LP_RELAY_TRANSPORT (transport)->http;
}

static void
lp_relay_transport_iface_init (LpTransportInterface *iface)
{
  iface->get_route = lp_relay_transport_get_route;
  iface->send = lp_relay_transport_send;
  iface->get_http = lp_relay_transport_get_http;
}
