/* lp-complaint-json.c — see lp-complaint-json.h */
#define G_LOG_DOMAIN "lp-complaint-json"

#include "lp-complaint-json.h"
#include "lp-secure.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

G_DEFINE_QUARK (lp-complaint-error-quark, lp_complaint_error)

#define REPLACEMENT_CHARACTER "\357\277\275"  /* U+FFFD */
#define PNG_SIGNATURE "\211PNG\r\n\032\n"
/* Keys longer than this are cut in error messages: a 1 MB key must not flood the screen. */
#define MAX_KEY_SHOWN 40

/* The keys each object of the format may hold (architecture.md §3). */
static const char * const complaint_keys[] = {
  "format", "version", "campaign", "complainant", "representative", "facts", "signature",
  "attachments", NULL
};
static const char * const person_keys[] = {
  "civility", "birth_name", "usage_name", "given_names", "no_given_name", "birth_date",
  "birth_place", "nationality", "profession", "address", "phone", "email", "nir", NULL
};
static const char * const representative_keys[] = {
  "quality", "civility", "birth_name", "usage_name", "given_names", "no_given_name",
  "birth_date", "birth_place", "nationality", "profession", "address", "phone", "email",
  "nir", NULL
};
static const char * const birth_place_keys[] = { "commune", "department", "country", NULL };
static const char * const address_keys[] = {
  "street", "complement", "postal_code", "city", "country", NULL
};
static const char * const facts_keys[] = {
  "insurer", "operator", "notified", "notified_on", "notification_channel", "member_number",
  "consequences", "account", "prejudice", NULL
};
static const char * const prejudice_keys[] = { "description", "amount_eur", NULL };
static const char * const signature_keys[] = { "place", "date", "image_png_base64", NULL };
static const char * const attachment_keys[] = { "file", "title", NULL };

/* ---------------------------------------------------------------------------------------
 * Loading
 * --------------------------------------------------------------------------------------- */

typedef struct {
  GString *path;              /* JSON path of what is being read; "" = the document */
  GHashTable *member_counts;  /* JsonObject* -> members the parser saw (GUINT_TO_POINTER) */
  GHashTable *duplicates;     /* JsonObject* -> the first key it saw twice (owned) */
  gboolean repaired;          /* invalid UTF-8 was replaced by U+FFFD before parsing */
  guint bad_utf8_line;
  char *base_dir;             /* absolute */
} Loader;

static gboolean fail (Loader           *loader,
                      GError          **error,
                      LpComplaintError  code,
                      const char       *format,
                      ...) G_GNUC_PRINTF (4, 5);

static gboolean
fail (Loader           *loader,
      GError          **error,
      LpComplaintError  code,
      const char       *format,
      ...)
{
  g_autofree char *detail = NULL;
  va_list args;

  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, LP_COMPLAINT_ERROR, code, "%s: %s",
               loader->path->len > 0 ? loader->path->str : "$", detail);
  return FALSE;
}

static gboolean
is_plain_key (const char *key)
{
  if (key[0] == '\0')
    return FALSE;
  for (const char *p = key; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '_' && *p != '-')
      return FALSE;
  return TRUE;
}

/* Appends @key to the path and returns the length to restore with path_pop(). */
static gsize
path_push_key (Loader     *loader,
               const char *key)
{
  gsize saved = loader->path->len;

  if (is_plain_key (key))
    {
      if (loader->path->len > 0)
        g_string_append_c (loader->path, '.');
      g_string_append (loader->path, key);
    }
  else
    {
      const char *end = key;

      /* Cut long keys on a character boundary. */
      for (guint n = 0; *end != '\0' && n < MAX_KEY_SHOWN; n++)
        end = g_utf8_next_char (end);
      g_string_append (loader->path, "[\"");
      g_string_append_len (loader->path, key, end - key);
      g_string_append (loader->path, *end != '\0' ? "…\"]" : "\"]");
    }
  return saved;
}

static gsize
path_push_index (Loader *loader,
                 guint   index)
{
  gsize saved = loader->path->len;

  g_string_append_printf (loader->path, "[%u]", index);
  return saved;
}

static void
path_pop (Loader *loader,
          gsize   saved)
{
  g_string_truncate (loader->path, saved);
}

static const char *
describe_node (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return _("an object");
    case JSON_NODE_ARRAY:
      return _("an array");
    case JSON_NODE_NULL:
      return "null";
    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          return _("a string");
        case G_TYPE_BOOLEAN:
          return json_node_get_boolean (node) ? "true" : "false";
        case G_TYPE_INT64:
        case G_TYPE_DOUBLE:
          return _("a number");
        default:
          return _("a value");
        }
    default:
      return _("a value");
    }
}

/* @expected: "a string", "an array", ... */
static gboolean
fail_type (Loader      *loader,
           GError     **error,
           const char  *expected,
           JsonNode    *found)
{
  /* Translators: the message that follows a JSON path such as "facts.notified: ". The first
   * placeholder is what the format wants ("a string", "true or false"), the second what the
   * file holds ("a number", "null"). */
  return fail (loader, error, LP_COMPLAINT_ERROR_TYPE, _("expected %s, found %s."),
               expected, describe_node (found));
}

static gboolean
node_holds (JsonNode *node,
            GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

/* When the text had invalid UTF-8, the parser read a repaired copy: a U+FFFD in a string
 * marks where the bad bytes were. */
static gboolean
check_text (Loader      *loader,
            const char  *text,
            GError     **error)
{
  if (loader->repaired && strstr (text, REPLACEMENT_CHARACTER) != NULL)
    return fail (loader, error, LP_COMPLAINT_ERROR_VALUE,
                 /* Translators: %u is a line number in the complaint file. */
                 _("this text is not valid UTF-8 (line %u of the file); save the file as UTF-8."),
                 loader->bad_utf8_line);
  return TRUE;
}

/* Levenshtein distance, for "did you mean" on a misspelt key. Keys of the format are short;
 * anything longer than 64 bytes is simply "far". */
static guint
edit_distance (const char *a,
               const char *b)
{
  gsize la = strlen (a), lb = strlen (b);
  guint row[65];

  if (la > 64 || lb > 64)
    return G_MAXUINT;
  for (gsize j = 0; j <= lb; j++)
    row[j] = j;
  for (gsize i = 1; i <= la; i++)
    {
      guint diagonal = row[0];

      row[0] = i;
      for (gsize j = 1; j <= lb; j++)
        {
          guint above = row[j];
          guint cost = a[i - 1] == b[j - 1] ? 0 : 1;

          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diagonal + cost);
          diagonal = above;
        }
    }
  return row[lb];
}

static const char *
closest_key (const char         *key,
             const char * const *known)
{
  const char *best = NULL;
  guint best_distance = 3;  /* suggest only near misses */

  g_autofree char *lower = g_ascii_strdown (key, -1);

  for (gsize i = 0; known[i] != NULL; i++)
    {
      guint distance = edit_distance (lower, known[i]);

      /* "amount" for "amount_eur", "image" for "image_png_base64". */
      if (strlen (lower) >= 4 && g_str_has_prefix (known[i], lower))
        distance = MIN (distance, 1);

      if (distance < best_distance)
        {
          best = known[i];
          best_distance = distance;
        }
    }
  return best;
}

static gboolean
check_members (Loader             *loader,
               JsonObject         *object,
               const char * const *known,
               GError            **error)
{
  const char *duplicate = g_hash_table_lookup (loader->duplicates, object);
  g_autoptr(GList) members = NULL;

  if (duplicate != NULL)
    {
      path_push_key (loader, duplicate);
      return fail (loader, error, LP_COMPLAINT_ERROR_SYNTAX,
                   _("this key appears more than once in the same object; keep only one."));
    }
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      const char *suggestion;

      if (g_strv_contains (known, name))
        continue;
      path_push_key (loader, name);
      if (!check_text (loader, name, error))
        return FALSE;
      suggestion = closest_key (name, known);
      if (suggestion != NULL)
        return fail (loader, error, LP_COMPLAINT_ERROR_UNKNOWN_KEY,
                     /* Translators: %s is the key of the format closest to the misspelt one. */
                     _("unknown key; did you mean \"%s\"?"), suggestion);
      return fail (loader, error, LP_COMPLAINT_ERROR_UNKNOWN_KEY,
                   _("unknown key; the complaint file format does not define it."));
    }
  return TRUE;
}

static gboolean
take_string (Loader    *loader,
             JsonNode  *node,
             char     **dest,
             GError   **error)
{
  const char *value;

  if (!node_holds (node, G_TYPE_STRING))
    return fail_type (loader, error, _("a string"), node);
  value = json_node_get_string (node);
  if (!check_text (loader, value, error))
    return FALSE;
  lp_secure_set_string (dest, value);
  return TRUE;
}

static gboolean
read_string (Loader      *loader,
             JsonObject  *object,
             const char  *key,
             char       **dest,
             GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);
  gsize saved;

  if (node == NULL)
    return TRUE;
  saved = path_push_key (loader, key);
  if (!take_string (loader, node, dest, error))
    return FALSE;
  path_pop (loader, saved);
  return TRUE;
}

static gboolean
read_boolean (Loader      *loader,
              JsonObject  *object,
              const char  *key,
              gboolean    *dest,
              GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL)
    return TRUE;
  if (!node_holds (node, G_TYPE_BOOLEAN))
    {
      path_push_key (loader, key);
      return fail_type (loader, error, _("true or false"), node);
    }
  *dest = json_node_get_boolean (node);
  return TRUE;
}

static gboolean
read_string_array (Loader      *loader,
                   JsonObject  *object,
                   const char  *key,
                   GPtrArray   *dest,
                   GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);
  JsonArray *array;
  gsize saved;

  if (node == NULL)
    return TRUE;
  saved = path_push_key (loader, key);
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail_type (loader, error, _("an array of strings"), node);
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      char *value = NULL;
      gsize saved_index = path_push_index (loader, i);

      if (!take_string (loader, json_array_get_element (array, i), &value, error))
        return FALSE;
      g_ptr_array_add (dest, value);
      path_pop (loader, saved_index);
    }
  path_pop (loader, saved);
  return TRUE;
}

typedef gboolean (*ObjectReader) (Loader      *loader,
                                  JsonObject  *object,
                                  gpointer     dest,
                                  GError     **error);

/* Reads the object under @key with @reader, after checking its keys. Missing = empty. */
static gboolean
read_object (Loader             *loader,
             JsonObject         *parent,
             const char         *key,
             const char * const *known,
             ObjectReader        reader,
             gpointer            dest,
             GError            **error)
{
  JsonNode *node = json_object_get_member (parent, key);
  JsonObject *object;
  gsize saved;

  if (node == NULL)
    return TRUE;
  saved = path_push_key (loader, key);
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail_type (loader, error, _("an object"), node);
  object = json_node_get_object (node);
  if (!check_members (loader, object, known, error) || !reader (loader, object, dest, error))
    return FALSE;
  path_pop (loader, saved);
  return TRUE;
}

static gboolean
read_birth_place (Loader      *loader,
                  JsonObject  *object,
                  gpointer     dest,
                  GError     **error)
{
  LpBirthPlace *place = dest;

  return read_string (loader, object, "commune", &place->commune, error) &&
         read_string (loader, object, "department", &place->department, error) &&
         read_string (loader, object, "country", &place->country, error);
}

static gboolean
read_address (Loader      *loader,
              JsonObject  *object,
              gpointer     dest,
              GError     **error)
{
  LpAddress *address = dest;

  return read_string (loader, object, "street", &address->street, error) &&
         read_string (loader, object, "complement", &address->complement, error) &&
         read_string (loader, object, "postal_code", &address->postal_code, error) &&
         read_string (loader, object, "city", &address->city, error) &&
         read_string (loader, object, "country", &address->country, error);
}

/* Keys were checked by the caller ("quality" only exists for the representative). */
static gboolean
read_person (Loader      *loader,
             JsonObject  *object,
             gpointer     dest,
             GError     **error)
{
  LpPerson *person = dest;

  return read_string (loader, object, "quality", &person->quality, error) &&
         read_string (loader, object, "civility", &person->civility, error) &&
         read_string (loader, object, "birth_name", &person->birth_name, error) &&
         read_string (loader, object, "usage_name", &person->usage_name, error) &&
         read_string_array (loader, object, "given_names", person->given_names, error) &&
         read_boolean (loader, object, "no_given_name", &person->no_given_name, error) &&
         read_string (loader, object, "birth_date", &person->birth_date, error) &&
         read_object (loader, object, "birth_place", birth_place_keys, read_birth_place,
                      &person->birth_place, error) &&
         read_string (loader, object, "nationality", &person->nationality, error) &&
         read_string (loader, object, "profession", &person->profession, error) &&
         read_object (loader, object, "address", address_keys, read_address,
                      &person->address, error) &&
         read_string (loader, object, "phone", &person->phone, error) &&
         read_string (loader, object, "email", &person->email, error) &&
         read_string (loader, object, "nir", &person->nir, error);
}

static gboolean
read_representative (Loader      *loader,
                     JsonObject  *parent,
                     LpComplaint *complaint,
                     GError     **error)
{
  JsonNode *node = json_object_get_member (parent, "representative");

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      path_push_key (loader, "representative");
      return fail_type (loader, error, _("an object or null"), node);
    }
  complaint->representative = lp_person_new ();
  return read_object (loader, parent, "representative", representative_keys, read_person,
                      complaint->representative, error);
}

static gboolean
read_amount (Loader      *loader,
             JsonObject  *prejudice,
             LpFacts     *facts,
             GError     **error)
{
  JsonNode *node = json_object_get_member (prejudice, "amount_eur");
  const gint64 max_cents = LP_COMPLAINT_MAX_AMOUNT_EUR * 100;
  gsize saved;
  double euros;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  saved = path_push_key (loader, "amount_eur");
  if (node_holds (node, G_TYPE_INT64))
    euros = (double) json_node_get_int (node);
  else if (node_holds (node, G_TYPE_DOUBLE))
    euros = json_node_get_double (node);
  else
    return fail_type (loader, error, _("a number or null"), node);
  /* The bound keeps amount × 100 far inside gint64, and catches 1e400 (infinity). */
  if (!isfinite (euros) || euros > (double) LP_COMPLAINT_MAX_AMOUNT_EUR ||
      euros < -(double) LP_COMPLAINT_MAX_AMOUNT_EUR)
    return fail (loader, error, LP_COMPLAINT_ERROR_VALUE,
                 _("this amount is too large to be a sum of money in euros."));
  /* Nearest cent, without linking libm for round(). */
  facts->amount_cents = (gint64) (euros * 100.0 + (euros < 0 ? -0.5 : 0.5));
  facts->amount_cents = CLAMP (facts->amount_cents, -max_cents, max_cents);
  facts->has_amount = TRUE;
  path_pop (loader, saved);
  return TRUE;
}

static gboolean
read_prejudice (Loader      *loader,
                JsonObject  *object,
                gpointer     dest,
                GError     **error)
{
  LpFacts *facts = dest;

  return read_string (loader, object, "description", &facts->prejudice_description, error) &&
         read_amount (loader, object, facts, error);
}

static gboolean
read_facts (Loader      *loader,
            JsonObject  *object,
            gpointer     dest,
            GError     **error)
{
  LpFacts *facts = dest;

  return read_string (loader, object, "insurer", &facts->insurer, error) &&
         read_string (loader, object, "operator", &facts->operator_id, error) &&
         read_boolean (loader, object, "notified", &facts->notified, error) &&
         read_string (loader, object, "notified_on", &facts->notified_on, error) &&
         read_string (loader, object, "notification_channel", &facts->notification_channel,
                      error) &&
         read_string (loader, object, "member_number", &facts->member_number, error) &&
         read_string_array (loader, object, "consequences", facts->consequences, error) &&
         read_string (loader, object, "account", &facts->account, error) &&
         read_object (loader, object, "prejudice", prejudice_keys, read_prejudice, facts, error);
}

static gboolean
is_base64_char (char c)
{
  return g_ascii_isalnum (c) || c == '+' || c == '/';
}

/* g_base64_decode() skips characters it does not know, so a damaged value would decode to a
 * different image without a word: check the text strictly first. */
static gboolean
decode_signature (Loader      *loader,
                  const char  *text,
                  GBytes     **out,
                  GError     **error)
{
  g_autofree char *compact = NULL;
  gsize n = 0, padding = 0, decoded_len = 0;
  guchar *decoded;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        continue;
      if (*p == '=')
        padding++;
      else if (!is_base64_char (*p) || padding > 0)
        return fail (loader, error, LP_COMPLAINT_ERROR_VALUE,
                     _("this is not valid base64 text; export the signature image again."));
      n++;
    }
  if (n == 0)
    return TRUE;  /* "" means no drawn signature, like null */
  if (n % 4 != 0 || padding > 2)
    return fail (loader, error, LP_COMPLAINT_ERROR_VALUE,
                 _("this is not valid base64 text; export the signature image again."));
  if (n / 4 * 3 - padding > LP_COMPLAINT_MAX_SIGNATURE_SIZE)
    /* Translators: %u is a size in megabytes. */
    return fail (loader, error, LP_COMPLAINT_ERROR_VALUE,
                 _("the signature image is larger than %u MB; use a smaller image."),
                 (guint) (LP_COMPLAINT_MAX_SIGNATURE_SIZE / (1024 * 1024)));

  compact = g_malloc (n + 1);
  n = 0;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      compact[n++] = *p;
  compact[n] = '\0';
  decoded = g_base64_decode_inplace (compact, &decoded_len);
  if (decoded_len < strlen (PNG_SIGNATURE) ||
      memcmp (decoded, PNG_SIGNATURE, strlen (PNG_SIGNATURE)) != 0)
    {
      lp_secure_zero (compact, n);
      return fail (loader, error, LP_COMPLAINT_ERROR_VALUE,
                   _("this is not a PNG image; the signature must be a PNG image."));
    }
  *out = lp_secure_bytes_new (decoded, decoded_len);
  lp_secure_zero (compact, n);
  return TRUE;
}

static gboolean
read_signature (Loader      *loader,
                JsonObject  *object,
                gpointer     dest,
                GError     **error)
{
  LpComplaint *complaint = dest;
  JsonNode *node = json_object_get_member (object, "image_png_base64");
  gsize saved;

  if (!read_string (loader, object, "place", &complaint->signature_place, error) ||
      !read_string (loader, object, "date", &complaint->signature_date, error))
    return FALSE;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  saved = path_push_key (loader, "image_png_base64");
  if (!node_holds (node, G_TYPE_STRING))
    return fail_type (loader, error, _("a string or null"), node);
  if (!decode_signature (loader, json_node_get_string (node), &complaint->signature_png, error))
    return FALSE;
  path_pop (loader, saved);
  return TRUE;
}

static gboolean
read_attachment (Loader      *loader,
                 JsonObject  *object,
                 gpointer     dest,
                 GError     **error)
{
  LpAttachment *attachment = dest;

  if (!read_string (loader, object, "file", &attachment->file, error) ||
      !read_string (loader, object, "title", &attachment->title, error))
    return FALSE;
  if (attachment->file[0] != '\0')
    {
      /* An absolute "file" is kept: g_canonicalize_filename() ignores the base then. */
      char *path = g_canonicalize_filename (attachment->file, loader->base_dir);

      lp_secure_clear_string (&attachment->path);
      attachment->path = path;
    }
  return TRUE;
}

static gboolean
read_attachments (Loader      *loader,
                  JsonObject  *parent,
                  GPtrArray   *dest,
                  GError     **error)
{
  JsonNode *node = json_object_get_member (parent, "attachments");
  JsonArray *array;
  gsize saved;

  if (node == NULL)
    return TRUE;
  saved = path_push_key (loader, "attachments");
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail_type (loader, error, _("an array"), node);
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      gsize saved_index = path_push_index (loader, i);
      LpAttachment *attachment;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        return fail_type (loader, error, _("an object"), element);
      if (!check_members (loader, json_node_get_object (element), attachment_keys, error))
        return FALSE;
      attachment = lp_attachment_new ("", "");
      g_ptr_array_add (dest, attachment);
      if (!read_attachment (loader, json_node_get_object (element), attachment, error))
        return FALSE;
      path_pop (loader, saved_index);
    }
  path_pop (loader, saved);
  return TRUE;
}

static gboolean
check_format_and_version (Loader      *loader,
                          JsonObject  *object,
                          GError     **error)
{
  JsonNode *format = json_object_get_member (object, "format");
  JsonNode *version = json_object_get_member (object, "version");
  gsize saved;

  saved = path_push_key (loader, "format");
  if (format == NULL)
    return fail (loader, error, LP_COMPLAINT_ERROR_FORMAT,
                 _("missing; a complaint file must contain \"format\": \"%s\"."),
                 LP_COMPLAINT_FORMAT);
  if (!node_holds (format, G_TYPE_STRING) ||
      g_strcmp0 (json_node_get_string (format), LP_COMPLAINT_FORMAT) != 0)
    return fail (loader, error, LP_COMPLAINT_ERROR_FORMAT,
                 /* Translators: %s is the format name, lettre-plainte/complaint. */
                 _("this is not a complaint file: \"format\" must be \"%s\"."),
                 LP_COMPLAINT_FORMAT);
  path_pop (loader, saved);

  path_push_key (loader, "version");
  if (version == NULL)
    return fail (loader, error, LP_COMPLAINT_ERROR_VERSION,
                 _("missing; a complaint file must contain \"version\": %d."),
                 LP_COMPLAINT_VERSION);
  if (!node_holds (version, G_TYPE_INT64))
    return fail (loader, error, LP_COMPLAINT_ERROR_VERSION,
                 /* Translators: %d is the version number (1); %s what the file holds
                  * ("a string"). */
                 _("expected the integer %d, found %s."),
                 LP_COMPLAINT_VERSION, describe_node (version));
  if (json_node_get_int (version) != LP_COMPLAINT_VERSION)
    {
      g_autofree char *found = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (version));

      return fail (loader, error, LP_COMPLAINT_ERROR_VERSION,
                   /* Translators: %d is the version this program reads (1), %s the one of
                    * the file. */
                   _("this program reads version %d of the complaint file, not version %s; "
                     "use a newer version of the program."),
                   LP_COMPLAINT_VERSION, found);
    }
  path_pop (loader, saved);
  return TRUE;
}

static LpComplaint *
read_complaint (Loader    *loader,
                JsonNode  *node,
                GError   **error)
{
  g_autoptr(LpComplaint) complaint = NULL;
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail_type (loader, error, _("an object"), node);
      return NULL;
    }
  object = json_node_get_object (node);
  if (!check_format_and_version (loader, object, error) ||
      !check_members (loader, object, complaint_keys, error))
    return NULL;

  complaint = lp_complaint_new ();
  if (!read_string (loader, object, "campaign", &complaint->campaign, error) ||
      !read_object (loader, object, "complainant", person_keys, read_person,
                    &complaint->complainant, error) ||
      !read_representative (loader, object, complaint, error) ||
      !read_object (loader, object, "facts", facts_keys, read_facts, &complaint->facts, error) ||
      !read_object (loader, object, "signature", signature_keys, read_signature, complaint,
                    error) ||
      !read_attachments (loader, object, complaint->attachments, error))
    return NULL;
  return g_steal_pointer (&complaint);
}

static void
complaint_free_cb (gpointer data)
{
  lp_complaint_free (data);
}

static GPtrArray *
read_document (Loader    *loader,
               JsonNode  *root,
               GError   **error)
{
  g_autoptr(GPtrArray) complaints = g_ptr_array_new_with_free_func (complaint_free_cb);

  if (JSON_NODE_HOLDS_ARRAY (root))
    {
      JsonArray *array = json_node_get_array (root);

      if (json_array_get_length (array) == 0)
        {
          fail (loader, error, LP_COMPLAINT_ERROR_FORMAT,
                _("the file holds an empty list; it must hold at least one complaint."));
          return NULL;
        }
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          gsize saved = path_push_index (loader, i);
          LpComplaint *complaint = read_complaint (loader, json_array_get_element (array, i),
                                                   error);

          if (complaint == NULL)
            return NULL;
          g_ptr_array_add (complaints, complaint);
          path_pop (loader, saved);
        }
    }
  else if (JSON_NODE_HOLDS_OBJECT (root))
    {
      LpComplaint *complaint = read_complaint (loader, root, error);

      if (complaint == NULL)
        return NULL;
      g_ptr_array_add (complaints, complaint);
    }
  else
    {
      fail_type (loader, error, _("an object or an array of objects"), root);
      return NULL;
    }
  return g_steal_pointer (&complaints);
}

static guint
line_at (const char *text,
         const char *position)
{
  guint line = 1;

  for (const char *p = text; p < position; p++)
    if (*p == '\n')
      line++;
  return line;
}

/* A quick pass over the raw text before json-glib sees it: json-glib recurses once per
 * nesting level (a file of 100,000 "[" overflows the stack), and silently cuts a string at
 * an escaped NUL. Strings are followed well enough for both checks; json-glib still judges
 * the syntax. */
static gboolean
prescan (Loader      *loader,
         const char  *text,
         gsize        length,
         GError     **error)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = text[i];

      if (in_string)
        {
          if (c == '"')
            in_string = FALSE;
          else if (c == '\\' && i + 1 < length)
            {
              if (text[i + 1] == 'u' && i + 6 <= length &&
                  g_ascii_strncasecmp (text + i + 2, "0000", 4) == 0)
                return fail (loader, error, LP_COMPLAINT_ERROR_VALUE,
                             /* Translators: %u is a line number in the complaint file. */
                             _("the file contains a NUL character (\\u0000, line %u), "
                               "which no field can hold."),
                             line_at (text, text + i));
              i++;  /* skip the escaped character, "\"" above all */
            }
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > LP_COMPLAINT_MAX_DEPTH)
            return fail (loader, error, LP_COMPLAINT_ERROR_SYNTAX,
                         /* Translators: %u is a line number in the complaint file. */
                         _("the data is nested too deeply (line %u); this is not a "
                           "complaint file."),
                         line_at (text, text + i));
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }
  return TRUE;
}

/* Like g_utf8_make_valid(), but into one buffer of the final size, so that no reallocated
 * copy of personal data is left behind unzeroed. */
static char *
repair_utf8 (const char *text,
             gsize       length,
             gsize      *repaired_length)
{
  char *repaired = g_malloc (length * 3 + 1);
  const char *remainder = text;
  gsize remaining = length, n = 0;

  while (remaining > 0)
    {
      const char *invalid;
      gsize valid;

      if (g_utf8_validate (remainder, remaining, &invalid))
        {
          memcpy (repaired + n, remainder, remaining);
          n += remaining;
          break;
        }
      valid = invalid - remainder;
      memcpy (repaired + n, remainder, valid);
      n += valid;
      memcpy (repaired + n, REPLACEMENT_CHARACTER, 3);
      n += 3;
      remainder = invalid + 1;
      remaining -= valid + 1;
    }
  repaired[n] = '\0';
  *repaired_length = n;
  return repaired;
}

/* json-glib's messages look like "<data>:3:14: Parse error: unexpected ..." */
static gboolean
fail_syntax (Loader      *loader,
             GError     **error,
             const char  *parser_message)
{
  guint line = 0, column = 0;
  int consumed = 0;

  if (sscanf (parser_message, "<data>:%u:%u: Parse error: %n", &line, &column, &consumed) >= 2 &&
      consumed > 0)
    return fail (loader, error, LP_COMPLAINT_ERROR_SYNTAX,
                 /* Translators: %u are the line and column, %s json-glib's description of the error
                  * (in English). */
                 _("the file is not valid JSON (line %u, column %u: %s)."),
                 line, column, parser_message + consumed);
  return fail (loader, error, LP_COMPLAINT_ERROR_SYNTAX,
               _("the file is not valid JSON (%s)."), parser_message);
}

/* "object-member" is emitted once per member parsed, after it is stored: when the object
 * did not grow, the key was already there and its first value was just thrown away. */
static void
on_object_member (JsonParser *parser,
                  JsonObject *object,
                  const char *member_name,
                  gpointer    user_data)
{
  Loader *loader = user_data;
  guint seen = GPOINTER_TO_UINT (g_hash_table_lookup (loader->member_counts, object)) + 1;

  g_hash_table_insert (loader->member_counts, object, GUINT_TO_POINTER (seen));
  if (json_object_get_size (object) < seen && !g_hash_table_contains (loader->duplicates, object))
    g_hash_table_insert (loader->duplicates, object, g_strdup (member_name));
}

/* Zeroes the strings the parser copied out of the text (architecture.md §8). The tree is
 * ours and about to be freed, so writing through the const pointer is safe. */
static void
scrub_node (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        g_autoptr(GList) values = json_object_get_values (json_node_get_object (node));

        for (GList *l = values; l != NULL; l = l->next)
          scrub_node (l->data);
      }
      break;
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        for (guint i = 0; i < json_array_get_length (array); i++)
          scrub_node (json_array_get_element (array, i));
      }
      break;
    case JSON_NODE_VALUE:
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        {
          char *value = (char *) json_node_get_string (node);

          if (value != NULL)
            lp_secure_zero (value, strlen (value));
        }
      break;
    case JSON_NODE_NULL:
    default:
      break;
    }
}

static char *
absolute_base_dir (const char *base_dir)
{
  g_autofree char *cwd = g_get_current_dir ();

  if (base_dir == NULL)
    return g_steal_pointer (&cwd);
  return g_canonicalize_filename (base_dir, cwd);
}

GPtrArray *
lp_complaint_load_data (const char  *data,
                        gssize       length,
                        const char  *base_dir,
                        GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(GString) path = g_string_new (NULL);
  Loader loader = { .path = path };
  char *repaired = NULL;
  gsize repaired_length = 0;
  const char *text = data != NULL ? data : "";
  const char *invalid;
  gsize text_length;
  JsonNode *root;
  GPtrArray *result = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  text_length = length < 0 ? strlen (text) : (gsize) length;
  if (text_length > LP_COMPLAINT_MAX_FILE_SIZE)
    {
      /* Translators: %u is a size in megabytes. */
      fail (&loader, error, LP_COMPLAINT_ERROR_READ,
            _("the file is too large; a complaint file holds at most %u MB."),
            (guint) (LP_COMPLAINT_MAX_FILE_SIZE / (1024 * 1024)));
      return NULL;
    }
  if (!prescan (&loader, text, text_length, error))
    return NULL;

  if (!g_utf8_validate (text, text_length, &invalid))
    {
      loader.repaired = TRUE;
      loader.bad_utf8_line = line_at (text, invalid);
      repaired = repair_utf8 (text, text_length, &repaired_length);
      text = repaired;
      text_length = repaired_length;
    }

  loader.member_counts = g_hash_table_new (NULL, NULL);
  loader.duplicates = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  loader.base_dir = absolute_base_dir (base_dir);
  parser = json_parser_new ();
  g_signal_connect (parser, "object-member", G_CALLBACK (on_object_member), &loader);

  if (!json_parser_load_from_data (parser, text, text_length, &parse_error))
    {
      if (loader.repaired)
        fail (&loader, error, LP_COMPLAINT_ERROR_SYNTAX,
              /* Translators: %u is a line number in the complaint file. */
              _("the file is not UTF-8 text (first invalid byte on line %u); "
                "save it as UTF-8."), loader.bad_utf8_line);
      else
        fail_syntax (&loader, error, parse_error->message);
      goto out;
    }
  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      fail (&loader, error, LP_COMPLAINT_ERROR_SYNTAX,
            _("the file is empty; it must hold a complaint."));
      goto out;
    }
  result = read_document (&loader, root, error);
  /* The repaired text parsed, but if no string carried the U+FFFD (bytes outside strings,
   * or a key), the file is still not what it should be. */
  if (result != NULL && loader.repaired)
    {
      g_clear_pointer (&result, g_ptr_array_unref);
      fail (&loader, error, LP_COMPLAINT_ERROR_SYNTAX,
            _("the file is not UTF-8 text (first invalid byte on line %u); "
              "save it as UTF-8."), loader.bad_utf8_line);
    }
  scrub_node (root);

out:
  if (repaired != NULL)
    {
      lp_secure_zero (repaired, repaired_length);
      g_free (repaired);
    }
  g_clear_object (&parser);
  g_hash_table_unref (loader.member_counts);
  g_hash_table_unref (loader.duplicates);
  g_free (loader.base_dir);
  return result;
}

GPtrArray *
lp_complaint_load_file (const char  *path,
                        GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *dir = NULL;
  char *contents = NULL;
  gsize length = 0;
  GStatBuf st;
  GPtrArray *result;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Refuse a huge file before reading it into memory. */
  if (g_stat (path, &st) == 0 && S_ISREG (st.st_mode) &&
      (guint64) st.st_size > LP_COMPLAINT_MAX_FILE_SIZE)
    {
      g_set_error (error, LP_COMPLAINT_ERROR, LP_COMPLAINT_ERROR_READ,
                   /* Translators: %u is a size in megabytes. */
                   _("$: the file is too large; a complaint file holds at most %u MB."),
                   (guint) (LP_COMPLAINT_MAX_FILE_SIZE / (1024 * 1024)));
      return NULL;
    }
  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, LP_COMPLAINT_ERROR, LP_COMPLAINT_ERROR_READ,
                   /* Translators: %s is the system's reason, which names the file. */
                   _("$: cannot read the file: %s"), local_error->message);
      return NULL;
    }
  dir = g_path_get_dirname (path);
  result = lp_complaint_load_data (contents, length, dir, error);
  lp_secure_zero (contents, length);
  g_free (contents);
  return result;
}

/* ---------------------------------------------------------------------------------------
 * Writing
 *
 * By hand rather than with JsonGenerator: json-glib 1.6 prints 0.07 as
 * 0.070000000000000007, and a person reading their own file must see 0.07. The writer runs
 * twice over the same code: once to measure, once to fill a buffer of exactly that size, so
 * that no grown-and-abandoned copy of personal data stays in the heap.
 * --------------------------------------------------------------------------------------- */

typedef struct {
  char *buffer;    /* NULL while measuring */
  gsize size;      /* bytes written (or measured) so far */
  guint depth;
  gboolean first;  /* nothing written yet in the current object or array */
} Writer;

static void
write_raw (Writer     *writer,
           const char *text,
           gsize       length)
{
  if (writer->buffer != NULL)
    memcpy (writer->buffer + writer->size, text, length);
  writer->size += length;
}

static void
write_text (Writer     *writer,
            const char *text)
{
  write_raw (writer, text, strlen (text));
}

static void
write_indent (Writer *writer)
{
  for (guint i = 0; i < writer->depth; i++)
    write_raw (writer, "  ", 2);
}

static void
write_escaped_valid (Writer     *writer,
                     const char *text)
{
  const char *run = text;
  const char *p;

  for (p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;
      const char *escape = NULL;
      char hex[8];

      switch (c)
        {
        case '"': escape = "\\\""; break;
        case '\\': escape = "\\\\"; break;
        case '\n': escape = "\\n"; break;
        case '\r': escape = "\\r"; break;
        case '\t': escape = "\\t"; break;
        case '\b': escape = "\\b"; break;
        case '\f': escape = "\\f"; break;
        default:
          if (c < 0x20)
            {
              g_snprintf (hex, sizeof hex, "\\u%04x", c);
              escape = hex;
            }
          break;
        }
      if (escape != NULL)
        {
          write_raw (writer, run, p - run);
          write_text (writer, escape);
          run = p + 1;
        }
    }
  write_raw (writer, run, p - run);
}

/* A JSON string, UTF-8 unescaped. Model strings are valid UTF-8 once loaded, but the wizard
 * may hand anything: invalid bytes become U+FFFD rather than a file that cannot be read back. */
static void
write_string (Writer     *writer,
              const char *text)
{
  write_raw (writer, "\"", 1);
  if (g_utf8_validate (text, -1, NULL))
    write_escaped_valid (writer, text);
  else
    {
      gsize length = 0;
      char *valid = repair_utf8 (text, strlen (text), &length);

      write_escaped_valid (writer, valid);
      lp_secure_zero (valid, length);
      g_free (valid);
    }
  write_raw (writer, "\"", 1);
}

static void
write_element_separator (Writer *writer)
{
  write_text (writer, writer->first ? "\n" : ",\n");
  writer->first = FALSE;
  write_indent (writer);
}

static void
write_key (Writer     *writer,
           const char *key)
{
  write_element_separator (writer);
  write_string (writer, key);
  write_raw (writer, ": ", 2);
}

static void
write_open (Writer     *writer,
            const char *bracket)
{
  write_text (writer, bracket);
  writer->depth++;
  writer->first = TRUE;
}

static void
write_close (Writer     *writer,
             const char *bracket)
{
  writer->depth--;
  if (!writer->first)
    {
      write_raw (writer, "\n", 1);
      write_indent (writer);
    }
  write_text (writer, bracket);
  writer->first = FALSE;
}

static void
write_string_member (Writer     *writer,
                     const char *key,
                     const char *value)
{
  write_key (writer, key);
  write_string (writer, value != NULL ? value : "");
}

static void
write_boolean_member (Writer     *writer,
                      const char *key,
                      gboolean    value)
{
  write_key (writer, key);
  write_text (writer, value ? "true" : "false");
}

/* Short lists of words stay on one line: ["Élodie", "Marie"]. */
static void
write_string_array_member (Writer    *writer,
                           const char *key,
                           GPtrArray *values)
{
  write_key (writer, key);
  write_raw (writer, "[", 1);
  for (guint i = 0; values != NULL && i < values->len; i++)
    {
      if (i > 0)
        write_raw (writer, ", ", 2);
      write_string (writer, g_ptr_array_index (values, i));
    }
  write_raw (writer, "]", 1);
}

static void
write_amount (Writer *writer,
              gint64  cents)
{
  /* Through guint64 so that the most negative value does not overflow. */
  guint64 magnitude = cents < 0 ? (guint64) (-(cents + 1)) + 1 : (guint64) cents;
  char number[48];

  if (magnitude % 100 == 0)
    g_snprintf (number, sizeof number, "%s%" G_GUINT64_FORMAT,
                cents < 0 ? "-" : "", magnitude / 100);
  else
    g_snprintf (number, sizeof number, "%s%" G_GUINT64_FORMAT ".%02u",
                cents < 0 ? "-" : "", magnitude / 100, (guint) (magnitude % 100));
  write_text (writer, number);
}

static void
write_person (Writer         *writer,
              const LpPerson *person,
              gboolean        is_representative)
{
  write_open (writer, "{");
  if (is_representative)
    write_string_member (writer, "quality", person->quality);
  write_string_member (writer, "civility", person->civility);
  write_string_member (writer, "birth_name", person->birth_name);
  write_string_member (writer, "usage_name", person->usage_name);
  write_string_array_member (writer, "given_names", person->given_names);
  write_boolean_member (writer, "no_given_name", person->no_given_name);
  write_string_member (writer, "birth_date", person->birth_date);
  write_key (writer, "birth_place");
  write_open (writer, "{");
  write_string_member (writer, "commune", person->birth_place.commune);
  write_string_member (writer, "department", person->birth_place.department);
  write_string_member (writer, "country", person->birth_place.country);
  write_close (writer, "}");
  write_string_member (writer, "nationality", person->nationality);
  write_string_member (writer, "profession", person->profession);
  write_key (writer, "address");
  write_open (writer, "{");
  write_string_member (writer, "street", person->address.street);
  write_string_member (writer, "complement", person->address.complement);
  write_string_member (writer, "postal_code", person->address.postal_code);
  write_string_member (writer, "city", person->address.city);
  write_string_member (writer, "country", person->address.country);
  write_close (writer, "}");
  write_string_member (writer, "phone", person->phone);
  write_string_member (writer, "email", person->email);
  write_string_member (writer, "nir", person->nir);
  write_close (writer, "}");
}

static void
write_facts (Writer        *writer,
             const LpFacts *facts)
{
  write_open (writer, "{");
  write_string_member (writer, "insurer", facts->insurer);
  write_string_member (writer, "operator", facts->operator_id);
  write_boolean_member (writer, "notified", facts->notified);
  write_string_member (writer, "notified_on", facts->notified_on);
  write_string_member (writer, "notification_channel", facts->notification_channel);
  write_string_member (writer, "member_number", facts->member_number);
  write_string_array_member (writer, "consequences", facts->consequences);
  write_string_member (writer, "account", facts->account);
  write_key (writer, "prejudice");
  write_open (writer, "{");
  write_string_member (writer, "description", facts->prejudice_description);
  write_key (writer, "amount_eur");
  if (facts->has_amount)
    write_amount (writer, facts->amount_cents);
  else
    write_text (writer, "null");
  write_close (writer, "}");
  write_close (writer, "}");
}

static void
write_signature (Writer            *writer,
                 const LpComplaint *complaint)
{
  write_open (writer, "{");
  write_string_member (writer, "place", complaint->signature_place);
  write_string_member (writer, "date", complaint->signature_date);
  write_key (writer, "image_png_base64");
  if (complaint->signature_png != NULL && g_bytes_get_size (complaint->signature_png) > 0)
    {
      gsize size = 0;
      const guchar *data = g_bytes_get_data (complaint->signature_png, &size);
      char *base64 = g_base64_encode (data, size);
      gsize length = strlen (base64);

      write_raw (writer, "\"", 1);
      write_raw (writer, base64, length);
      write_raw (writer, "\"", 1);
      lp_secure_zero (base64, length);
      g_free (base64);
    }
  else
    write_text (writer, "null");
  write_close (writer, "}");
}

static void
write_attachments (Writer            *writer,
                   const LpComplaint *complaint)
{
  write_open (writer, "[");
  for (guint i = 0; complaint->attachments != NULL && i < complaint->attachments->len; i++)
    {
      const LpAttachment *attachment = g_ptr_array_index (complaint->attachments, i);

      write_element_separator (writer);
      write_open (writer, "{");
      write_string_member (writer, "file", attachment->file);
      write_string_member (writer, "title", attachment->title);
      write_close (writer, "}");
    }
  write_close (writer, "]");
}

static void
write_complaint (Writer            *writer,
                 const LpComplaint *complaint)
{
  write_open (writer, "{");
  write_string_member (writer, "format", LP_COMPLAINT_FORMAT);
  write_key (writer, "version");
  write_text (writer, G_STRINGIFY (LP_COMPLAINT_VERSION));
  write_string_member (writer, "campaign", complaint->campaign);
  write_key (writer, "complainant");
  write_person (writer, &complaint->complainant, FALSE);
  write_key (writer, "representative");
  if (complaint->representative != NULL)
    write_person (writer, complaint->representative, TRUE);
  else
    write_text (writer, "null");
  write_key (writer, "facts");
  write_facts (writer, &complaint->facts);
  write_key (writer, "signature");
  write_signature (writer, complaint);
  write_key (writer, "attachments");
  write_attachments (writer, complaint);
  write_close (writer, "}");
}

static void
write_document (Writer     *writer,
                GPtrArray  *complaints)
{
  if (complaints->len == 1)
    write_complaint (writer, g_ptr_array_index (complaints, 0));
  else
    {
      write_open (writer, "[");
      for (guint i = 0; i < complaints->len; i++)
        {
          write_element_separator (writer);
          write_complaint (writer, g_ptr_array_index (complaints, i));
        }
      write_close (writer, "]");
    }
  write_raw (writer, "\n", 1);
}

/* Measures, then writes into a buffer of the exact size. */
static char *
write_to_buffer (GPtrArray *complaints,
                 gsize     *length)
{
  Writer measure = { NULL, 0, 0, FALSE };
  Writer writer = { NULL, 0, 0, FALSE };

  write_document (&measure, complaints);
  writer.buffer = g_malloc (measure.size + 1);
  write_document (&writer, complaints);
  g_assert (writer.size == measure.size);
  writer.buffer[writer.size] = '\0';
  if (length != NULL)
    *length = writer.size;
  return writer.buffer;
}

char *
lp_complaint_to_json (const LpComplaint *complaint,
                      gsize             *length)
{
  g_autoptr(GPtrArray) one = g_ptr_array_new ();

  g_return_val_if_fail (complaint != NULL, NULL);

  g_ptr_array_add (one, (gpointer) complaint);
  return write_to_buffer (one, length);
}

gboolean
lp_complaint_save_file (GPtrArray   *complaints,
                        const char  *path,
                        GError     **error)
{
  gsize length = 0;
  char *json;
  gboolean ok;

  g_return_val_if_fail (complaints != NULL && complaints->len > 0, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  json = write_to_buffer (complaints, &length);
  /* 0600: the file holds a person's identity. CONSISTENT = write to a temporary file, then
   * rename over the target. */
  ok = g_file_set_contents_full (path, json, length, G_FILE_SET_CONTENTS_CONSISTENT, 0600,
                                 error);
  lp_secure_zero (json, length);
  g_free (json);
  return ok;
}
