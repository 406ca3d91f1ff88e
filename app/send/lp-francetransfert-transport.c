/* lp-francetransfert-transport.c — see lp-francetransfert-transport.h
 *
 * The public API of francetransfert-api.md §1: initPli (JSON) with the site's agent sender
 * and the campaign's recipient, then each file in 5 MiB chunks to chargementPli (multipart,
 * chunk 1 first, the "fichier" part with a filename), then statutPli until a final status.
 * "cleAPI" on every call, no Authorization header. The receipt id is the idPli.
 *
 * The 011-ECH trap (§1.5 point 7): any chunk failure puts the pli in error for good; the
 * only way on is a new initPli. That is done once; a second trap is reported.
 */
#define G_LOG_DOMAIN "lp-francetransfert"

#include "lp-francetransfert-transport.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "lp-http.h"
#include "lp-secure.h"

/* S3 wants every part but the last to be at least 5 MiB; Spring caps a request at 20 MB. */
#define CHUNK_SIZE (5 * 1024 * 1024)

#define STATUS_TRAP "011-ECH"

struct _LpFrancetransfertTransport {
  GObject parent_instance;
  LpHttpClient *http;
  char *base_url;    /* ".../api-public", no trailing slash */
  char *api_key;
  char *sender;
  char *recipient;   /* the site's override, or NULL */
};

static void lp_francetransfert_transport_iface_init (LpTransportInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LpFrancetransfertTransport, lp_francetransfert_transport,
                               G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (LP_TYPE_TRANSPORT,
                                                      lp_francetransfert_transport_iface_init))

static void
lp_francetransfert_transport_finalize (GObject *object)
{
  LpFrancetransfertTransport *self = LP_FRANCETRANSFERT_TRANSPORT (object);

  g_clear_pointer (&self->http, lp_http_client_unref);
  g_free (self->base_url);
  lp_secure_clear_string (&self->api_key);
  g_free (self->sender);
  g_free (self->recipient);
  G_OBJECT_CLASS (lp_francetransfert_transport_parent_class)->finalize (object);
}

static void
lp_francetransfert_transport_class_init (LpFrancetransfertTransportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lp_francetransfert_transport_finalize;
}

static void
lp_francetransfert_transport_init (LpFrancetransfertTransport *self)
{
}

LpTransport *
lp_francetransfert_transport_new (const LpTransportConfig  *config,
                                  GError                  **error)
{
  g_autoptr(LpFrancetransfertTransport) self = NULL;
  gsize length;

  g_return_val_if_fail (config != NULL, NULL);

  if (config->secret == NULL || config->secret[0] == '\0'
      || config->sender == NULL || config->sender[0] == '\0')
    {
      g_set_error (error, LP_SEND_ERROR, LP_SEND_ERROR_CONFIG,
                   _("FranceTransfert needs an API key and the State agent's sender address. "
                     "Ask the site administrator to set api-key-file and sender in the [send] "
                     "group."));
      return NULL;
    }
  self = g_object_new (LP_TYPE_FRANCETRANSFERT_TRANSPORT, NULL);
  self->http = lp_http_client_new (config->url, config->ca_file, config->pin, error);
  if (self->http == NULL)
    return NULL;
  self->base_url = g_strdup (config->url);
  length = strlen (self->base_url);
  while (length > 0 && self->base_url[length - 1] == '/')
    self->base_url[--length] = '\0';
  self->api_key = g_strdup (config->secret);
  self->sender = g_strdup (config->sender);
  if (config->recipient != NULL && config->recipient[0] != '\0')
    self->recipient = g_strdup (config->recipient);
  return LP_TRANSPORT (g_steal_pointer (&self));
}

/* ---- answers ------------------------------------------------------------------------ */

typedef struct {
  const char *code;
  const char *message;
} KnownError;

/* The validation errors of francetransfert-api.md §1.4-1.5, said plainly with what to do.
 * The code itself is added to the message, for the administrator. */
static const char *
describe_error (const char *code)
{
  static const KnownError known[] = {
    { "ERR_FTXX_001", N_("the sender address is not a State agent's address, which the public "
                         "API requires. Ask the site administrator to check sender in the "
                         "[send] group.") },
    { "ERR_FTXX_002", N_("the sender address is missing. Ask the site administrator to set "
                         "sender in the [send] group.") },
    { "ERR_FTXX_003", N_("the sender address is not valid. Ask the site administrator to check "
                         "sender in the [send] group.") },
    { "ERR_FTXX_008", N_("the sender address does not match the one the sending was opened "
                         "with. Try again.") },
    { "ERR_FT01_007", N_("there is no recipient. Ask the site administrator to set recipient "
                         "in the [send] group, or to update the campaign file.") },
    { "ERR_FT01_009", N_("the recipient address is not valid. Ask the site administrator to "
                         "check recipient in the [send] group, or the campaign file.") },
    { "ERR_FT01_018", N_("there was no file to send. Make the letter again.") },
    { "ERR_FTXX_007", N_("the files are empty. Make the letter again.") },
    { "ERR_FT01_021", N_("a file is larger than FranceTransfert accepts (2 GB). Attach a smaller "
                         "copy.") },
    { "ERR_FT01_022", N_("the files together are larger than FranceTransfert accepts. Attach "
                         "fewer or smaller files.") },
    { "ERR_FT01_025", N_("the type of an attached file is refused. Attach a PDF or a photo "
                         "(JPEG, PNG) instead.") },
    { "ERR_FTXX_004", N_("FranceTransfert no longer knows this sending. Try again.") },
    { "ERR_FT02_017", N_("FranceTransfert had already closed this sending. Try again.") },
  };

  for (guint i = 0; code != NULL && i < G_N_ELEMENTS (known); i++)
    if (strcmp (code, known[i].code) == 0)
      return _(known[i].message);
  return NULL;
}

/* The 422 body {"erreurs": [{"libelleErreur", "codeChamp", "numErreur"}...]}: the codes in
 * @codes (may be NULL), and one sentence per error. */
static char *
describe_errors (const LpHttpResponse *response,
                 GPtrArray            *codes)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  gsize length = 0;
  const char *data = response->body != NULL ? g_bytes_get_data (response->body, &length) : NULL;
  JsonNode *root;
  JsonArray *errors;

  if (data == NULL || !json_parser_load_from_data (parser, data, (gssize) length, NULL)
      || (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root)
      || !json_object_has_member (json_node_get_object (root), "erreurs"))
    return lp_http_dup_server_message (response);

  errors = json_object_get_array_member (json_node_get_object (root), "erreurs");
  for (guint i = 0; errors != NULL && i < json_array_get_length (errors); i++)
    {
      JsonNode *node = json_array_get_element (errors, i);
      JsonObject *error;
      const char *code;
      const char *label;
      const char *plain;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      error = json_node_get_object (node);
      code = json_object_get_string_member_with_default (error, "numErreur", "");
      label = json_object_get_string_member_with_default (error, "libelleErreur", "");
      plain = describe_error (code);
      if (codes != NULL)
        g_ptr_array_add (codes, g_strdup (code));
      if (text->len > 0)
        g_string_append (text, " ");
      if (plain != NULL)
        g_string_append_printf (text, "%s (%s)", plain, code);
      else
        /* Translators: FranceTransfert's own French label, then its error code */
        g_string_append_printf (text, _("“%s” (%s)."), label, code);
    }
  return text->len > 0 ? g_strdup (text->str) : NULL;
}

/* Sets @error for an answer that is neither success nor a trap. */
static void
set_answer_error (LpFrancetransfertTransport  *self,
                  const LpHttpResponse        *response,
                  GError                     **error)
{
  g_autofree char *details = NULL;

  if (response->status == 422 || response->status == 400)
    details = describe_errors (response, NULL);
  if (details != NULL)
    g_set_error (error, LP_SEND_ERROR, LP_SEND_ERROR_REFUSED,
                 /* Translators: %ld is the HTTP status, %s says why and what to do */
                 _("FranceTransfert refused the sending (HTTP %ld): %s The letter is kept "
                   "ready; you can print it instead."), response->status, details);
  else
    lp_http_set_status_error (error, self->http, response,
                              _("the API key in the file named by api-key-file, the sender "
                                "address, and that this computer's Internet address is "
                                "registered with FranceTransfert for this key"));
}

static JsonObject *
parse_object (const LpHttpResponse *response,
              JsonParser           *parser)
{
  gsize length = 0;
  const char *data = response->body != NULL ? g_bytes_get_data (response->body, &length) : NULL;
  JsonNode *root;

  if (data == NULL || !json_parser_load_from_data (parser, data, (gssize) length, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  return root != NULL && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
}

/* "statutPli": {"codeStatutPli": "010-ECC", ...} of an InitialisationInfo, or NULL. */
static char *
dup_status_code (const LpHttpResponse *response)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object = parse_object (response, parser);
  JsonNode *status;

  if (object == NULL || (status = json_object_get_member (object, "statutPli")) == NULL
      || !JSON_NODE_HOLDS_OBJECT (status))
    return NULL;
  return g_strdup (json_object_get_string_member_with_default (json_node_get_object (status),
                                                               "codeStatutPli", NULL));
}

static gboolean
set_protocol_error (LpFrancetransfertTransport  *self,
                    GError                     **error)
{
  g_set_error (error, LP_SEND_ERROR, LP_SEND_ERROR_PROTOCOL,
               /* Translators: %s is the server's host name */
               _("The server %s gave an answer this program does not understand. Check that "
                 "url in the [send] group is FranceTransfert's public API (ending in "
                 "/api-public)."), lp_http_client_get_host (self->http));
  return FALSE;
}

/* ---- the three calls ---------------------------------------------------------------- */

typedef struct {
  LpFrancetransfertTransport *self;
  LpSubmission *submission;
  LpSendJob *job;
  const char *recipient;
  char *key_header;       /* "cleAPI: ..." (secret) */
  const char *headers[3];
} Sending;

static GBytes *
build_init_body (const Sending *sending)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  LpSubmission *submission = sending->submission;
  const char *site = lp_submission_get_site_name (submission);
  g_autofree char *message = NULL;
  char *text;
  gsize length = 0;

  /* What the recipient reads in the e-mail: French (it goes to the police), and nothing
   * about the person (their identity is in the letter). */
  if (site[0] != '\0')
    message = g_strdup_printf ("Lettre-plainte déposée depuis : %s.\n"
                               "Campagne : %s.\nRéférence de l’envoi : %s.",
                               site, lp_submission_get_campaign_id (submission),
                               lp_submission_get_id (submission));
  else
    message = g_strdup_printf ("Lettre-plainte.\nCampagne : %s.\nRéférence de l’envoi : %s.",
                               lp_submission_get_campaign_id (submission),
                               lp_submission_get_id (submission));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "typePli");
  json_builder_add_string_value (builder, "COU");
  json_builder_set_member_name (builder, "courrielExpediteur");
  json_builder_add_string_value (builder, sending->self->sender);
  json_builder_set_member_name (builder, "destinataires");
  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, sending->recipient);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "objet");
  json_builder_add_string_value (builder, "Lettre-plainte");
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, message);
  /* Always an object: the server dereferences it without a check (§1.4). */
  json_builder_set_member_name (builder, "preferences");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "langueCourriel");
  json_builder_add_string_value (builder, "fr-FR");
  json_builder_set_member_name (builder, "envoiMdpDestinataires");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "fichiers");
  json_builder_begin_array (builder);
  for (guint i = 0; i < lp_submission_get_n_files (submission); i++)
    {
      const LpSubmissionFile *file = lp_submission_get_file (submission, i);
      g_autofree char *id = g_strdup_printf ("f%u", i + 1);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "idFichier");
      json_builder_add_string_value (builder, id);
      json_builder_set_member_name (builder, "nomFichier");
      json_builder_add_string_value (builder, file->name);
      json_builder_set_member_name (builder, "tailleFichier");
      json_builder_add_int_value (builder, (gint64) g_bytes_get_size (file->data));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &length);
  return g_bytes_new_take (text, length);
}

static char *
init_pli (Sending  *sending,
          GError  **error)
{
  LpFrancetransfertTransport *self = sending->self;
  g_autofree char *url = g_strconcat (self->base_url, "/initPli", NULL);
  g_autoptr(GBytes) body = build_init_body (sending);
  g_autoptr(JsonParser) parser = json_parser_new ();
  LpHttpRequest request = {
    .method = "POST",
    .url = url,
    .headers = sending->headers,
    .body = body,
    .content_type = "application/json",
  };
  LpHttpResponse response = { 0 };
  JsonObject *object;
  char *id_pli = NULL;

  if (!lp_send_job_perform (sending->job, &request, &response, error))
    return NULL;
  if (response.status != 201 && response.status != 200)
    set_answer_error (self, &response, error);
  else if ((object = parse_object (&response, parser)) == NULL
           || json_object_get_string_member_with_default (object, "idPli", NULL) == NULL)
    set_protocol_error (self, error);
  else
    id_pli = g_strdup (json_object_get_string_member (object, "idPli"));
  lp_http_response_clear (&response);
  return id_pli;
}

typedef struct {
  const Sending *sending;
  const char *id_pli;
  const LpSubmissionFile *file;
  const char *id_file;
  guint number;          /* 1-based */
  guint total;
  GBytes *chunk;
} Chunk;

static void
add_field (curl_mime  *mime,
           const char *name,
           const char *value)
{
  curl_mimepart *part = curl_mime_addpart (mime);

  curl_mime_name (part, name);
  curl_mime_data (part, value, CURL_ZERO_TERMINATED);
}

static curl_mime *
build_chunk_body (CURL     *curl,
                  gpointer  user_data)
{
  Chunk *chunk = user_data;
  curl_mime *mime = curl_mime_init (curl);
  curl_mimepart *part;
  g_autofree char *number = g_strdup_printf ("%u", chunk->number);
  g_autofree char *total = g_strdup_printf ("%u", chunk->total);
  g_autofree char *chunk_size = g_strdup_printf ("%u", (guint) CHUNK_SIZE);
  g_autofree char *file_size = g_strdup_printf ("%" G_GSIZE_FORMAT,
                                                g_bytes_get_size (chunk->file->data));

  add_field (mime, "idPli", chunk->id_pli);
  add_field (mime, "courrielExpediteur", chunk->sending->self->sender);
  add_field (mime, "idFichier", chunk->id_file);
  add_field (mime, "nomFichier", chunk->file->name);
  add_field (mime, "numMorceauFichier", number);
  add_field (mime, "totalMorceauxFichier", total);
  add_field (mime, "tailleMorceauFichier", chunk_size);
  add_field (mime, "tailleFichier", file_size);
  /* The server reads the extension from this filename; without one it deletes the pli. */
  part = curl_mime_addpart (mime);
  curl_mime_name (part, "fichier");
  curl_mime_filename (part, chunk->file->name);
  curl_mime_type (part, chunk->file->content_type);
  lp_http_mime_part_set_bytes (part, chunk->chunk, chunk->sending->job, chunk->file->name);
  return mime;
}

typedef enum {
  STEP_OK,
  STEP_TRAPPED,    /* the pli is in 011-ECH: start over */
  STEP_FAILED,     /* @error is set */
} Step;

static Step query_status (const Sending  *sending,
                          const char     *id_pli,
                          char          **code,
                          GError        **error);

/* After a failed chunk: is the pli caught in the trap? Then start over rather than fail. */
static Step
check_trapped (const Sending         *sending,
               const char            *id_pli,
               const LpHttpResponse  *response,
               GError               **error)
{
  g_autofree char *code = NULL;
  g_autoptr(GError) status_error = NULL;

  if (query_status (sending, id_pli, &code, &status_error) == STEP_OK
      && g_strcmp0 (code, STATUS_TRAP) == 0)
    return STEP_TRAPPED;
  set_answer_error (sending->self, response, error);
  return STEP_FAILED;
}

static Step
upload_chunk (const Sending  *sending,
              Chunk          *chunk,
              GError        **error)
{
  g_autofree char *url = g_strconcat (sending->self->base_url, "/chargementPli", NULL);
  LpHttpRequest request = {
    .method = "POST",
    .url = url,
    .headers = sending->headers,
    .mime_func = build_chunk_body,
    .mime_data = chunk,
    .file_name = chunk->file->name,
    .payload_size = g_bytes_get_size (chunk->chunk),
  };
  LpHttpResponse response = { 0 };
  g_autofree char *code = NULL;
  Step step = STEP_OK;

  /* Re-sending a chunk is idempotent on the server (§1.5 point 3): retries are safe. */
  if (!lp_send_job_perform (sending->job, &request, &response, error))
    return STEP_FAILED;
  if (response.status == 201 || response.status == 200)
    {
      code = dup_status_code (&response);
      if (g_strcmp0 (code, STATUS_TRAP) == 0)
        step = STEP_TRAPPED;
      else
        lp_send_job_add_done (sending->job, request.payload_size);
    }
  else if (response.status == 401 || response.status == 403)
    {
      set_answer_error (sending->self, &response, error);
      step = STEP_FAILED;
    }
  else
    step = check_trapped (sending, chunk->id_pli, &response, error);
  lp_http_response_clear (&response);
  return step;
}

static Step
upload_files (const Sending  *sending,
              const char     *id_pli,
              GError        **error)
{
  LpSubmission *submission = sending->submission;

  for (guint i = 0; i < lp_submission_get_n_files (submission); i++)
    {
      const LpSubmissionFile *file = lp_submission_get_file (submission, i);
      gsize size = g_bytes_get_size (file->data);
      guint total = MAX (1, (guint) ((size + CHUNK_SIZE - 1) / CHUNK_SIZE));
      g_autofree char *id_file = g_strdup_printf ("f%u", i + 1);

      /* In order, each answered before the next: chunk 1 creates the upload on the
       * server, which later chunks wait for (§1.5 point 2). */
      for (guint k = 1; k <= total; k++)
        {
          gsize offset = (gsize) (k - 1) * CHUNK_SIZE;
          g_autoptr(GBytes) slice = g_bytes_new_from_bytes (file->data, offset,
                                                            MIN ((gsize) CHUNK_SIZE, size - offset));
          Chunk chunk = { sending, id_pli, file, id_file, k, total, slice };
          Step step = upload_chunk (sending, &chunk, error);

          if (step != STEP_OK)
            return step;
        }
    }
  return STEP_OK;
}

static Step
query_status (const Sending  *sending,
              const char     *id_pli,
              char          **code,
              GError        **error)
{
  LpFrancetransfertTransport *self = sending->self;
  g_autofree char *pli = g_uri_escape_string (id_pli, NULL, FALSE);
  g_autofree char *sender = g_uri_escape_string (self->sender, NULL, FALSE);
  g_autofree char *url = g_strdup_printf ("%s/statutPli?idPli=%s&courrielExpediteur=%s",
                                          self->base_url, pli, sender);
  LpHttpRequest request = { .method = "GET", .url = url, .headers = sending->headers };
  LpHttpResponse response = { 0 };
  Step step = STEP_OK;

  if (!lp_send_job_perform (sending->job, &request, &response, error))
    return STEP_FAILED;
  if (response.status != 200)
    {
      set_answer_error (self, &response, error);
      step = STEP_FAILED;
    }
  else if ((*code = dup_status_code (&response)) == NULL)
    {
      set_protocol_error (self, error);
      step = STEP_FAILED;
    }
  lp_http_response_clear (&response);
  return step;
}

static gboolean
is_delivered (const char *code)
{
  return strcmp (code, "032-PAT") == 0 || strcmp (code, "040-ECT") == 0
         || strcmp (code, "090-ARC") == 0;
}

/* Polls statutPli until the pli is delivered or failed. A pli still being analysed after
 * poll_max_s counts as sent: the files are on the server and FranceTransfert e-mails the
 * sender if its analysis fails. */
static Step
wait_for_delivery (const Sending  *sending,
                   const char     *id_pli,
                   GError        **error)
{
  const LpSendTimings *timings = lp_http_client_get_timings (sending->self->http);
  gint64 deadline = g_get_monotonic_time () + (gint64) timings->poll_max_s * G_USEC_PER_SEC;

  for (;;)
    {
      g_autofree char *code = NULL;

      if (query_status (sending, id_pli, &code, error) != STEP_OK)
        return STEP_FAILED;
      if (is_delivered (code))
        return STEP_OK;
      if (strcmp (code, STATUS_TRAP) == 0)
        return STEP_TRAPPED;
      if (strcmp (code, "021-ETF") == 0)
        {
          g_set_error (error, LP_SEND_ERROR, LP_SEND_ERROR_FAILED,
                       _("FranceTransfert refused a file after receiving it (its type or size, "
                         "status 021-ETF). Attach PDF files or photos (JPEG, PNG) only, then "
                         "try again; you can print the letter instead."));
          return STEP_FAILED;
        }
      if (strcmp (code, "022-EAV") == 0)
        {
          g_set_error (error, LP_SEND_ERROR, LP_SEND_ERROR_FAILED,
                       _("FranceTransfert's antivirus stopped the sending (status 022-EAV). "
                         "Remove the attached files that did not come from a trusted source, "
                         "then try again; you can print the letter instead."));
          return STEP_FAILED;
        }
      if (strcmp (code, "031-EEC") == 0)
        {
          g_set_error (error, LP_SEND_ERROR, LP_SEND_ERROR_FAILED,
                       _("FranceTransfert received the files but could not e-mail the "
                         "recipient (status 031-EEC). Ask the site administrator to check the "
                         "recipient address; you can print the letter instead."));
          return STEP_FAILED;
        }
      if (g_get_monotonic_time () >= deadline)
        {
          g_message ("pli still in status %s after %u s: counted as sent", code, timings->poll_max_s);
          return STEP_OK;
        }
      if (!lp_send_job_sleep (sending->job, timings->poll_interval_ms, error))
        return STEP_FAILED;
    }
}

static char *
lp_francetransfert_transport_send (LpTransport   *transport,
                                   LpSubmission  *submission,
                                   LpSendJob     *job,
                                   GError       **error)
{
  LpFrancetransfertTransport *self = LP_FRANCETRANSFERT_TRANSPORT (transport);
  Sending sending = { self, submission, job, NULL, NULL, { NULL } };
  char *receipt = NULL;

  sending.recipient = self->recipient != NULL ? self->recipient
                                              : lp_submission_get_recipient (submission);
  if (sending.recipient == NULL || sending.recipient[0] == '\0')
    {
      g_set_error (error, LP_SEND_ERROR, LP_SEND_ERROR_CONFIG,
                   _("There is no recipient address to send to. Ask the site administrator to "
                     "set recipient in the [send] group."));
      return NULL;
    }
  sending.key_header = g_strconcat ("cleAPI: ", self->api_key, NULL);
  sending.headers[0] = sending.key_header;
  sending.headers[1] = "Accept: application/json";

  /* Two rounds: the second only when the first fell into the 011-ECH trap. */
  for (guint round = 1; round <= 2 && receipt == NULL; round++)
    {
      g_autofree char *id_pli = NULL;
      Step step;

      g_clear_error (error);
      id_pli = init_pli (&sending, error);
      if (id_pli == NULL)
        break;
      step = upload_files (&sending, id_pli, error);
      if (step == STEP_OK)
        step = wait_for_delivery (&sending, id_pli, error);
      if (step == STEP_OK)
        receipt = g_steal_pointer (&id_pli);
      else if (step == STEP_FAILED)
        break;
      else
        {
          g_debug ("pli fell into the 011-ECH trap (round %u)", round);
          lp_send_job_reset_done (job);
          if (round == 2)
            g_set_error (error, LP_SEND_ERROR, LP_SEND_ERROR_FAILED,
                         _("FranceTransfert could not store the files, twice (status 011-ECH). "
                           "Try again later; the letter is kept ready, and you can print it "
                           "instead."));
        }
    }
  lp_secure_free_string (sending.key_header);
  return receipt;
}

static const char *
lp_francetransfert_transport_get_route (LpTransport *transport)
{
  return "francetransfert";
}

static gpointer
lp_francetransfert_transport_get_http (LpTransport *transport)
{
  return LP_FRANCETRANSFERT_TRANSPORT (transport)->http;
}

static void
lp_francetransfert_transport_iface_init (LpTransportInterface *iface)
{
  iface->get_route = lp_francetransfert_transport_get_route;
  iface->send = lp_francetransfert_transport_send;
  iface->get_http = lp_francetransfert_transport_get_http;
}
