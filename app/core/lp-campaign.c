/* lp-campaign.c — see lp-campaign.h; the schema is documented in assets/campaigns/README.md
 *
 * The loader is strict on purpose: a campaign file carries the wording of a letter to the
 * police and the address it goes to, so a typo must stop the program at load, with the JSON
 * path of the culprit, rather than print a blank or a wrong address in somebody's letter.
 * Every message begins with that path ("offences[2].article: ...", "texts.subject: ...",
 * "$" for the whole document).
 */
#define G_LOG_DOMAIN "lp-campaign"

#include "lp-campaign.h"
#include "lp-paths.h"
#include "lp-template.h"
#include "lp-validate.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

G_DEFINE_QUARK (lp-campaign-error-quark, lp_campaign_error)
G_DEFINE_BOXED_TYPE (LpCampaign, lp_campaign, lp_campaign_ref, lp_campaign_unref)

#define NO_BREAK_SPACE        0x00A0
#define NARROW_NO_BREAK_SPACE 0x202F

/* The operator ids are part of the complaint file contract (architecture.md §3). */
static const char * const operator_ids[] = { "viamedis", "almerys", "unknown", NULL };

/* How a string value is checked beyond "a non-empty string". */
typedef enum {
  TEXT_PLAIN,    /* technical value (format, e-mail, URL, date): no typography rules */
  TEXT_FRENCH,   /* wording a person reads: French typography enforced */
} TextKind;

/* ---- Errors and paths ---------------------------------------------------------------- */

static void set_invalid (GError     **error,
                         const char  *path,
                         const char  *format,
                         ...) G_GNUC_PRINTF (3, 4);

static void
set_invalid (GError     **error,
             const char  *path,
             const char  *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, LP_CAMPAIGN_ERROR, LP_CAMPAIGN_ERROR_INVALID, "%s: %s", path, message);
}

static char *
member_path (const char *parent,
             const char *key)
{
  if (parent == NULL || *parent == '\0')
    return g_strdup (key);
  return g_strconcat (parent, ".", key, NULL);
}

static char *
index_path (const char *parent,
            guint       index)
{
  return g_strdup_printf ("%s[%u]", parent, index);
}

/* ---- Value checks ------------------------------------------------------------------------ */

static gboolean
is_id (const char *text)
{
  if (*text == '\0')
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-'))
      return FALSE;
  return TRUE;
}

/* Keys of "texts": lower-case names, "_", "-" and "." allowed ("receipt.title"). */
static gboolean
is_text_key (const char *text)
{
  if (!(*text >= 'a' && *text <= 'z'))
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
          *p == '_' || *p == '-' || *p == '.'))
      return FALSE;
  return TRUE;
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static gboolean
is_no_break_space (gunichar c)
{
  return c == NO_BREAK_SPACE || c == NARROW_NO_BREAK_SPACE;
}

/* The French typography the letter needs (domain.md §4.2, issue 2): no plain space before
 * « : ; ? ! », no straight apostrophe or quote, no-break spaces inside « ». A plain space
 * there would let the line break before the colon, and a straight apostrophe prints as a
 * typewriter mark in a letter to a prosecutor. */
static gboolean
check_typography (const char  *text,
                  const char  *path,
                  GError     **error)
{
  gunichar prev = 0;
  glong position = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gunichar next = g_utf8_get_char (g_utf8_next_char (p));  /* 0 at the end */

      position++;
      if (c == '\'')
        {
          set_invalid (error, path,
                       /* Translators: %ld is a character position. */
                       _("There is a straight apostrophe (') at character %ld; write the typographic apostrophe ’ (U+2019)."),
                       position);
          return FALSE;
        }
      if (c == '"')
        {
          set_invalid (error, path,
                       /* Translators: %ld is a character position. */
                       _("There is a straight quotation mark (\") at character %ld; write French quotation marks « » with no-break spaces inside."),
                       position);
          return FALSE;
        }
      if ((c == ':' || c == ';' || c == '?' || c == '!') && prev == ' ')
        {
          set_invalid (error, path,
                       /* Translators: %c is a punctuation mark (: ; ? !), %ld a character position. */
                       _("There is a plain space before “%c” at character %ld; use a no-break space (U+00A0) or a narrow no-break space (U+202F)."),
                       (char) c, position);
          return FALSE;
        }
      if (c == 0x00AB && !is_no_break_space (next))
        {
          set_invalid (error, path,
                       /* Translators: %ld is a character position. */
                       _("The “«” at character %ld must be followed by a no-break space (U+00A0 or U+202F)."),
                       position);
          return FALSE;
        }
      if (c == 0x00BB && !is_no_break_space (prev))
        {
          set_invalid (error, path,
                       /* Translators: %ld is a character position. */
                       _("The “»” at character %ld must be preceded by a no-break space (U+00A0 or U+202F)."),
                       position);
          return FALSE;
        }
      prev = c;
    }
  return TRUE;
}

static gboolean
check_text (const char  *text,
            TextKind     kind,
            const char  *path,
            GError     **error)
{
  if (is_blank (text))
    {
      set_invalid (error, path, _("The text is empty; write the value."));
      return FALSE;
    }
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p < 0x20 && *p != '\n')
      {
        set_invalid (error, path, _("The text holds a control character; remove it."));
        return FALSE;
      }
  if (kind == TEXT_FRENCH && !check_typography (text, path, error))
    return FALSE;
  return TRUE;
}

/* A plain, sane check: one "@", a local part and a dotted domain, printable ASCII, no space. */
static gboolean
is_sane_email (const char *text)
{
  const char *at = strchr (text, '@');
  const char *dot;

  if (at == NULL || at == text || strchr (at + 1, '@') != NULL)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && strchr (".-_+%@", *p) == NULL)
      return FALSE;
  dot = strchr (at + 1, '.');
  if (dot == NULL || at[1] == '.' || text[strlen (text) - 1] == '.' || strstr (text, "..") != NULL)
    return FALSE;
  return TRUE;
}

static gboolean
check_https_url (const char  *text,
                 const char  *path,
                 GError     **error)
{
  g_autoptr(GUri) uri = NULL;

  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p <= 0x20 || (guchar) *p >= 0x7f)
      {
        set_invalid (error, path, _("The address holds a space or a character outside ASCII; encode it."));
        return FALSE;
      }
  uri = g_uri_parse (text, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL || strchr (g_uri_get_host (uri), '.') == NULL)
    {
      set_invalid (error, path, _("This is not a web address; write it in full, such as https://example.gouv.fr/page."));
      return FALSE;
    }
  if (strcmp (g_uri_get_scheme (uri), "https") != 0)
    {
      set_invalid (error, path, _("The address must begin with https:// (a secure connection)."));
      return FALSE;
    }
  if (g_uri_get_userinfo (uri) != NULL)
    {
      set_invalid (error, path, _("The address must not hold a user name or a password."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_iso_date (const char  *text,
                const char  *path,
                GError     **error)
{
  if (lp_parse_iso_date (text, NULL))
    return TRUE;
  set_invalid (error, path, _("The date must be a real date written YYYY-MM-DD, such as 2024-02-12."));
  return FALSE;
}

/* ---- JSON access ------------------------------------------------------------------------- */

/* Refuses keys outside @keys, then requires every key of @keys. */
static gboolean
check_members (JsonObject          *object,
               const char          *path,
               const char * const  *keys,
               GError             **error)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (keys, l->data))
      {
        g_autofree char *key_path = member_path (path, l->data);

        set_invalid (error, key_path, _("This key is not part of the campaign format; remove it or check its spelling."));
        return FALSE;
      }
  for (gsize i = 0; keys[i] != NULL; i++)
    if (!json_object_has_member (object, keys[i]))
      {
        g_autofree char *key_path = member_path (path, keys[i]);

        set_invalid (error, key_path, _("This key is required."));
        return FALSE;
      }
  return TRUE;
}

static gboolean
node_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

/* A string value checked by check_text(). */
static gboolean
read_string_node (JsonNode     *node,
                  TextKind      kind,
                  const char   *path,
                  char        **out,
                  GError      **error)
{
  if (!node_is_string (node))
    {
      set_invalid (error, path, _("The value must be a string."));
      return FALSE;
    }
  if (!check_text (json_node_get_string (node), kind, path, error))
    return FALSE;
  *out = json_node_dup_string (node);
  return TRUE;
}

static gboolean
read_string (JsonObject   *object,
             const char   *parent,
             const char   *key,
             TextKind      kind,
             char        **out,
             GError      **error)
{
  g_autofree char *path = member_path (parent, key);

  return read_string_node (json_object_get_member (object, key), kind, path, out, error);
}

static gboolean
get_array (JsonObject   *object,
           const char   *parent,
           const char   *key,
           gboolean      allow_empty,
           JsonArray   **out,
           GError      **error)
{
  g_autofree char *path = member_path (parent, key);
  JsonNode *node = json_object_get_member (object, key);

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      set_invalid (error, path, _("The value must be an array."));
      return FALSE;
    }
  *out = json_node_get_array (node);
  if (!allow_empty && json_array_get_length (*out) == 0)
    {
      set_invalid (error, path, _("The array is empty; it needs at least one element."));
      return FALSE;
    }
  return TRUE;
}

static JsonObject *
get_object_node (JsonNode    *node,
                 const char  *path,
                 GError     **error)
{
  if (node == NULL)
    {
      /* json-glib reads an empty document as no root at all. */
      set_invalid (error, path, _("The file is empty."));
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      set_invalid (error, path, _("The value must be an object."));
      return NULL;
    }
  return json_node_get_object (node);
}

/* An array of French strings, none repeated. */
static gboolean
read_string_list (JsonObject   *root,
                  const char   *key,
                  gboolean      allow_empty,
                  GStrv        *out,
                  GError      **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonArray *array;

  if (!get_array (root, NULL, key, allow_empty, &array, error))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *path = index_path (key, i);
      char *value = NULL;

      if (!read_string_node (json_array_get_element (array, i), TEXT_FRENCH, path, &value, error))
        return FALSE;
      if (!g_hash_table_add (seen, value))
        {
          set_invalid (error, path, _("This entry repeats an earlier one; remove it."));
          return FALSE;
        }
      g_strv_builder_add (builder, value);
    }
  *out = g_strv_builder_end (builder);
  return TRUE;
}

/* ---- The parts of a campaign ----------------------------------------------------------- */

static void
choice_free (gpointer data)
{
  LpCampaignChoice *choice = data;

  g_free (choice->id);
  g_free (choice->label);
  g_free (choice);
}

static void
offence_free (gpointer data)
{
  LpCampaignOffence *offence = data;

  g_free (offence->code);
  g_free (offence->article);
  g_free (offence->label);
  g_free (offence->penalty);
  g_free (offence);
}

static void
helpline_free (gpointer data)
{
  LpCampaignHelpline *helpline = data;

  g_free (helpline->name);
  g_free (helpline->number);
  g_free (helpline->description);
  g_free (helpline);
}

/* [{id, label}], ids unique and [a-z0-9-]+. */
static gboolean
read_choices (JsonObject   *root,
              const char   *key,
              GPtrArray   **out,
              GError      **error)
{
  static const char * const keys[] = { "id", "label", NULL };
  g_autoptr(GPtrArray) choices = g_ptr_array_new_with_free_func (choice_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *array;

  if (!get_array (root, NULL, key, FALSE, &array, error))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *path = index_path (key, i);
      g_autofree char *id_path = member_path (path, "id");
      JsonObject *object = get_object_node (json_array_get_element (array, i), path, error);
      LpCampaignChoice *choice;

      if (object == NULL || !check_members (object, path, keys, error))
        return FALSE;
      choice = g_new0 (LpCampaignChoice, 1);
      g_ptr_array_add (choices, choice);
      if (!read_string (object, path, "id", TEXT_PLAIN, &choice->id, error) ||
          !read_string (object, path, "label", TEXT_FRENCH, &choice->label, error))
        return FALSE;
      if (!is_id (choice->id))
        {
          set_invalid (error, id_path, _("An id may hold only lower-case letters a–z, digits and “-”."));
          return FALSE;
        }
      if (!g_hash_table_add (seen, choice->id))
        {
          /* Translators: %s is an id such as "phishing-sms". */
          set_invalid (error, id_path, _("The id “%s” is used twice; each id must be unique."), choice->id);
          return FALSE;
        }
    }
  *out = g_steal_pointer (&choices);
  return TRUE;
}

/* The complaint file refers to operators by these three ids, so a campaign has exactly them. */
static gboolean
check_operator_ids (GPtrArray   *operators,
                    GError     **error)
{
  for (guint i = 0; i < operators->len; i++)
    {
      const LpCampaignChoice *choice = g_ptr_array_index (operators, i);

      if (!g_strv_contains (operator_ids, choice->id))
        {
          g_autofree char *path = g_strdup_printf ("operators[%u].id", i);

          set_invalid (error, path, _("The operator id must be “viamedis”, “almerys” or “unknown”."));
          return FALSE;
        }
    }
  for (gsize i = 0; operator_ids[i] != NULL; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < operators->len && !found; j++)
        found = g_str_equal (((LpCampaignChoice *) g_ptr_array_index (operators, j))->id, operator_ids[i]);
      if (!found)
        {
          /* Translators: %s is an operator id such as "unknown". */
          set_invalid (error, "operators", _("The operator “%s” is missing; the list must hold viamedis, almerys and unknown."),
                       operator_ids[i]);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
read_offences (JsonObject   *root,
               GPtrArray   **out,
               GError      **error)
{
  static const char * const keys[] = { "code", "article", "label", "penalty", NULL };
  g_autoptr(GPtrArray) offences = g_ptr_array_new_with_free_func (offence_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonArray *array;

  if (!get_array (root, NULL, "offences", FALSE, &array, error))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *path = index_path ("offences", i);
      JsonObject *object = get_object_node (json_array_get_element (array, i), path, error);
      LpCampaignOffence *offence;

      if (object == NULL || !check_members (object, path, keys, error))
        return FALSE;
      offence = g_new0 (LpCampaignOffence, 1);
      g_ptr_array_add (offences, offence);
      if (!read_string (object, path, "code", TEXT_FRENCH, &offence->code, error) ||
          !read_string (object, path, "article", TEXT_FRENCH, &offence->article, error) ||
          !read_string (object, path, "label", TEXT_FRENCH, &offence->label, error) ||
          !read_string (object, path, "penalty", TEXT_FRENCH, &offence->penalty, error))
        return FALSE;
      if (!g_hash_table_add (seen, g_strconcat (offence->code, " ", offence->article, NULL)))
        {
          g_autofree char *article_path = member_path (path, "article");

          set_invalid (error, article_path, _("This article is listed twice."));
          return FALSE;
        }
    }
  *out = g_steal_pointer (&offences);
  return TRUE;
}

static gboolean
read_helplines (JsonObject   *root,
                GPtrArray   **out,
                GError      **error)
{
  static const char * const keys[] = { "name", "number", "description", NULL };
  g_autoptr(GPtrArray) helplines = g_ptr_array_new_with_free_func (helpline_free);
  JsonArray *array;

  if (!get_array (root, NULL, "helplines", FALSE, &array, error))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *path = index_path ("helplines", i);
      JsonObject *object = get_object_node (json_array_get_element (array, i), path, error);
      LpCampaignHelpline *helpline;

      if (object == NULL || !check_members (object, path, keys, error))
        return FALSE;
      helpline = g_new0 (LpCampaignHelpline, 1);
      g_ptr_array_add (helplines, helpline);
      if (!read_string (object, path, "name", TEXT_FRENCH, &helpline->name, error) ||
          !read_string (object, path, "number", TEXT_FRENCH, &helpline->number, error) ||
          !read_string (object, path, "description", TEXT_FRENCH, &helpline->description, error))
        return FALSE;
    }
  *out = g_steal_pointer (&helplines);
  return TRUE;
}

static gboolean
read_recipient (JsonObject   *root,
                LpCampaign   *campaign,
                GError      **error)
{
  static const char * const keys[] = { "email", "page_url", "postal", NULL };
  JsonObject *object = get_object_node (json_object_get_member (root, "recipient"), "recipient", error);

  if (object == NULL || !check_members (object, "recipient", keys, error))
    return FALSE;
  if (!read_string (object, "recipient", "email", TEXT_PLAIN, &campaign->recipient_email, error))
    return FALSE;
  if (!is_sane_email (campaign->recipient_email))
    {
      set_invalid (error, "recipient.email", _("This is not an e-mail address; write it as name@domain.fr."));
      return FALSE;
    }
  if (!read_string (object, "recipient", "page_url", TEXT_PLAIN, &campaign->recipient_page_url, error) ||
      !check_https_url (campaign->recipient_page_url, "recipient.page_url", error))
    return FALSE;

  {
    g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
    JsonArray *lines;

    if (!get_array (object, "recipient", "postal", FALSE, &lines, error))
      return FALSE;
    /* The cover sheet prints it in the envelope's window, which holds six lines. */
    if (json_array_get_length (lines) > LP_CAMPAIGN_POSTAL_MAX_LINES)
      {
        set_invalid (error, "recipient.postal",
                     /* Translators: %d is the number of lines an envelope window shows (6) */
                     _("The address has more than %d lines: it would not fit in the envelope's "
                       "window. Shorten it."), LP_CAMPAIGN_POSTAL_MAX_LINES);
        return FALSE;
      }
    for (guint i = 0; i < json_array_get_length (lines); i++)
      {
        g_autofree char *path = index_path ("recipient.postal", i);
        char *line = NULL;  /* not g_autofree: freed as soon as it is copied */

        if (!read_string_node (json_array_get_element (lines, i), TEXT_FRENCH, path, &line, error))
          return FALSE;
        if (strchr (line, '\n') != NULL)
          {
            g_free (line);
            set_invalid (error, path, _("An address line must fit on one line; make it two entries."));
            return FALSE;
          }
        g_strv_builder_add (builder, line);  /* g_strv_builder_take() is GLib 2.80 */
        g_free (line);
      }
    campaign->postal_recipient = g_strv_builder_end (builder);
  }
  return TRUE;
}

static gboolean
read_texts (JsonObject   *root,
            LpCampaign   *campaign,
            GError      **error)
{
  const char * const *allowed = lp_campaign_allowed_placeholders ();
  const char * const *required = lp_campaign_required_texts ();
  JsonObject *object = get_object_node (json_object_get_member (root, "texts"), "texts", error);
  g_autoptr(GList) members = NULL;

  if (object == NULL)
    return FALSE;
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *key = l->data;
      g_autofree char *path = member_path ("texts", key);
      g_autoptr(GError) template_error = NULL;
      char *text = NULL;

      if (!is_text_key (key))
        {
          set_invalid (error, path, _("A text key may hold only lower-case letters, digits, “_”, “-” and “.”, and begins with a letter."));
          return FALSE;
        }
      if (!read_string (object, "texts", key, TEXT_FRENCH, &text, error))
        return FALSE;
      g_hash_table_replace (campaign->texts, g_strdup (key), text);
      if (!lp_template_check (text, allowed, &template_error))
        {
          set_invalid (error, path, "%s", template_error->message);
          return FALSE;
        }
    }
  for (gsize i = 0; required[i] != NULL; i++)
    if (!g_hash_table_contains (campaign->texts, required[i]))
      {
        g_autofree char *path = member_path ("texts", required[i]);

        set_invalid (error, path, _("This text is required: the documents use it."));
        return FALSE;
      }
  return TRUE;
}

static gboolean
read_header (JsonObject   *root,
             GError      **error)
{
  JsonNode *format = json_object_get_member (root, "format");
  JsonNode *version = json_object_get_member (root, "version");

  if (format == NULL || !node_is_string (format) ||
      g_strcmp0 (json_node_get_string (format), LP_CAMPAIGN_FORMAT) != 0)
    {
      set_invalid (error, "format",
                   /* Translators: %s is the format name "lettre-plainte/campaign". */
                   _("This is not a campaign file: “format” must be “%s”."), LP_CAMPAIGN_FORMAT);
      return FALSE;
    }
  if (version == NULL || !JSON_NODE_HOLDS_VALUE (version) ||
      json_node_get_value_type (version) != G_TYPE_INT64)
    {
      set_invalid (error, "version", _("The version must be a whole number."));
      return FALSE;
    }
  if (json_node_get_int (version) != LP_CAMPAIGN_VERSION)
    {
      set_invalid (error, "version",
                   /* Translators: the first %d is the file's version, the second the one this program reads. */
                   _("Version %d of the campaign format is not supported; this program reads version %d."),
                   (int) CLAMP (json_node_get_int (version), G_MININT, G_MAXINT), LP_CAMPAIGN_VERSION);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_campaign (JsonNode     *root_node,
               LpCampaign   *campaign,
               GError      **error)
{
  static const char * const keys[] = {
    "format", "version", "id", "title", "verified_on", "case_reference", "recipient",
    "operators", "insurers", "leaked_data", "offences", "consequences",
    "notification_channels", "next_steps", "helplines", "texts", NULL
  };
  JsonObject *root = get_object_node (root_node, "$", error);

  if (root == NULL || !read_header (root, error) || !check_members (root, NULL, keys, error))
    return FALSE;

  if (!read_string (root, NULL, "id", TEXT_PLAIN, &campaign->id, error))
    return FALSE;
  if (!is_id (campaign->id))
    {
      set_invalid (error, "id", _("An id may hold only lower-case letters a–z, digits and “-”."));
      return FALSE;
    }
  return read_string (root, NULL, "title", TEXT_FRENCH, &campaign->title, error) &&
         read_string (root, NULL, "verified_on", TEXT_PLAIN, &campaign->verified_on, error) &&
         check_iso_date (campaign->verified_on, "verified_on", error) &&
         read_string (root, NULL, "case_reference", TEXT_FRENCH, &campaign->case_reference, error) &&
         read_recipient (root, campaign, error) &&
         read_choices (root, "operators", &campaign->operators, error) &&
         check_operator_ids (campaign->operators, error) &&
         read_string_list (root, "insurers", TRUE, &campaign->insurers, error) &&
         read_string_list (root, "leaked_data", FALSE, &campaign->leaked_data, error) &&
         read_offences (root, &campaign->offences, error) &&
         read_choices (root, "consequences", &campaign->consequences, error) &&
         read_choices (root, "notification_channels", &campaign->notification_channels, error) &&
         read_string_list (root, "next_steps", FALSE, &campaign->next_steps, error) &&
         read_helplines (root, &campaign->helplines, error) &&
         read_texts (root, campaign, error);
}

/* ---- Public API -------------------------------------------------------------------------- */

static LpCampaign *
campaign_new (void)
{
  LpCampaign *campaign = g_new0 (LpCampaign, 1);

  campaign->ref_count = 1;
  campaign->texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return campaign;
}

LpCampaign *
lp_campaign_new_from_data (const char  *data,
                           gssize       length,
                           GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(LpCampaign) campaign = NULL;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length < 0)
    length = (gssize) strlen (data);
  if (!g_utf8_validate_len (data, (gsize) length, NULL))
    {
      set_invalid (error, "$", _("The file is not valid UTF-8 text."));
      return NULL;
    }
  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, length, &parse_error))
    {
      /* Translators: %s is the JSON parser's own message (line and column). */
      set_invalid (error, "$", _("This is not valid JSON: %s"), parse_error->message);
      return NULL;
    }

  campaign = campaign_new ();
  if (!read_campaign (json_parser_get_root (parser), campaign, error))
    return NULL;
  return g_steal_pointer (&campaign);
}

LpCampaign *
lp_campaign_new_from_file (const char  *path,
                           GError     **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) file_error = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_file_get_contents (path, &contents, &length, &file_error))
    {
      g_set_error (error, LP_CAMPAIGN_ERROR, LP_CAMPAIGN_ERROR_NOT_FOUND,
                   /* Translators: %s is the system's reason (it names the file). */
                   _("The campaign file cannot be read: %s"), file_error->message);
      return NULL;
    }
  if (length > G_MAXSSIZE)
    {
      set_invalid (error, "$", _("The file is too large."));
      return NULL;
    }
  return lp_campaign_new_from_data (contents, (gssize) length, error);
}

LpCampaign *
lp_campaign_load_by_id (const char  *id,
                        GError     **error)
{
  g_autofree char *path = NULL;
  g_autoptr(LpCampaign) campaign = NULL;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* lp_paths_dup_campaign_file() refuses "/", ".." and anything but [a-z0-9-]. */
  path = lp_paths_dup_campaign_file (id);
  if (path == NULL)
    {
      g_set_error (error, LP_CAMPAIGN_ERROR, LP_CAMPAIGN_ERROR_NOT_FOUND,
                   /* Translators: %s is a campaign id as written in a complaint file. */
                   _("“%s” is not a campaign id: an id holds only lower-case letters, digits and “-”."), id);
      return NULL;
    }
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, LP_CAMPAIGN_ERROR, LP_CAMPAIGN_ERROR_NOT_FOUND,
                   /* Translators: the first %s is a campaign id, the second a directory. */
                   _("There is no campaign “%s” in %s."), id, lp_paths_get_campaigns_dir ());
      return NULL;
    }
  campaign = lp_campaign_new_from_file (path, error);
  if (campaign == NULL)
    return NULL;
  /* The complaint names its campaign by id: the file must be the one it says it is. */
  if (g_strcmp0 (campaign->id, id) != 0)
    {
      set_invalid (error, "id",
                   /* Translators: %s is the campaign id taken from the file name. */
                   _("The id does not match the file name; it must be “%s”."), id);
      return NULL;
    }
  return g_steal_pointer (&campaign);
}

LpCampaign *
lp_campaign_ref (LpCampaign *campaign)
{
  g_return_val_if_fail (campaign != NULL, NULL);

  g_atomic_int_inc (&campaign->ref_count);
  return campaign;
}

void
lp_campaign_unref (LpCampaign *campaign)
{
  if (campaign == NULL || !g_atomic_int_dec_and_test (&campaign->ref_count))
    return;

  g_free (campaign->id);
  g_free (campaign->title);
  g_free (campaign->verified_on);
  g_free (campaign->case_reference);
  g_free (campaign->recipient_email);
  g_free (campaign->recipient_page_url);
  g_strfreev (campaign->postal_recipient);
  g_clear_pointer (&campaign->operators, g_ptr_array_unref);
  g_strfreev (campaign->insurers);
  g_strfreev (campaign->leaked_data);
  g_clear_pointer (&campaign->offences, g_ptr_array_unref);
  g_clear_pointer (&campaign->consequences, g_ptr_array_unref);
  g_clear_pointer (&campaign->notification_channels, g_ptr_array_unref);
  g_strfreev (campaign->next_steps);
  g_clear_pointer (&campaign->helplines, g_ptr_array_unref);
  g_clear_pointer (&campaign->texts, g_hash_table_unref);
  g_free (campaign);
}

const char *
lp_campaign_get_text (const LpCampaign *campaign,
                      const char       *key)
{
  g_return_val_if_fail (campaign != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  return g_hash_table_lookup (campaign->texts, key);
}

static const LpCampaignChoice *
find_choice (GPtrArray  *choices,
             const char *id)
{
  if (choices == NULL || id == NULL)
    return NULL;
  for (guint i = 0; i < choices->len; i++)
    {
      const LpCampaignChoice *choice = g_ptr_array_index (choices, i);

      if (g_str_equal (choice->id, id))
        return choice;
    }
  return NULL;
}

const LpCampaignChoice *
lp_campaign_find_operator (const LpCampaign *campaign,
                           const char       *id)
{
  g_return_val_if_fail (campaign != NULL, NULL);
  return find_choice (campaign->operators, id);
}

const LpCampaignChoice *
lp_campaign_find_consequence (const LpCampaign *campaign,
                              const char       *id)
{
  g_return_val_if_fail (campaign != NULL, NULL);
  return find_choice (campaign->consequences, id);
}

const LpCampaignChoice *
lp_campaign_find_channel (const LpCampaign *campaign,
                          const char       *id)
{
  g_return_val_if_fail (campaign != NULL, NULL);
  return find_choice (campaign->notification_channels, id);
}
