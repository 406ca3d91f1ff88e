/* lp-site-config.c — see lp-site-config.h */
#define G_LOG_DOMAIN "lp-site-config"

#include "lp-site-config.h"
#include "lp-kiosk-pin.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "lp-issue.h"
#include "lp-secure.h"
#include "lp-transport.h"
#include "lp-validate.h"

G_DEFINE_QUARK (lp-site-config-error-quark, lp_site_config_error)

/* Everything the checks need: the text is kept to find a key's line, since GKeyFile gives
 * line numbers only for syntax errors. */
typedef struct {
  const char *path;     /* for messages */
  const char *text;
  GKeyFile *keyfile;
  LpSiteConfig *config;
} Loader;

typedef struct {
  const char *group;
  const char * const *keys;
} KnownGroup;

static const char * const site_keys[] = { "name", "mode", "language", NULL };
static const char * const kiosk_keys[] = {
  "inactivity-warning", "inactivity-grace", "touch-keyboard", "admin-pin-hash", NULL,
};
static const char * const send_keys[] = {
  "transport", "url", "token-file", "username", "password-file", "api-key-file", "sender",
  "ca-file", "pin", "recipient", NULL,
};
static const char * const print_keys[] = { "printer", NULL };

static const KnownGroup known_groups[] = {
  { "site", site_keys },
  { "kiosk", kiosk_keys },
  { "send", send_keys },
  { "print", print_keys },
};

static const char * const mode_names[] = { "home", "kiosk", "assisted" };
static const char * const transport_names[] = { "none", "relay", "webdav", "francetransfert" };

const char *
lp_site_mode_to_string (LpSiteMode mode)
{
  g_return_val_if_fail ((guint) mode < G_N_ELEMENTS (mode_names), NULL);
  return mode_names[mode];
}

const char *
lp_site_transport_to_string (LpSiteTransport transport)
{
  g_return_val_if_fail ((guint) transport < G_N_ELEMENTS (transport_names), NULL);
  return transport_names[transport];
}

LpSiteConfig *
lp_site_config_new_home (void)
{
  LpSiteConfig *config = g_new0 (LpSiteConfig, 1);

  config->name = g_strdup ("");
  config->mode = LP_SITE_MODE_HOME;
  config->language = g_strdup ("");
  config->inactivity_warning = 120;
  config->inactivity_grace = 30;
  config->admin_pin_hash = g_strdup ("");
  config->transport = LP_SITE_TRANSPORT_NONE;
  config->url = g_strdup ("");
  config->username = g_strdup ("");
  config->secret = NULL;
  config->sender = g_strdup ("");
  config->recipient = g_strdup ("");
  config->ca_file = g_strdup ("");
  config->pin = g_strdup ("");
  config->printer = g_strdup ("");
  return config;
}

void
lp_site_config_free (LpSiteConfig *config)
{
  if (config == NULL)
    return;
  g_free (config->path);
  g_free (config->name);
  g_free (config->language);
  g_free (config->admin_pin_hash);
  g_free (config->url);
  g_free (config->username);
  lp_secure_free_string (config->secret);
  g_free (config->sender);
  g_free (config->recipient);
  g_free (config->ca_file);
  g_free (config->pin);
  g_free (config->printer);
  g_free (config);
}

/* 1-based line of "key=" inside "[group]", else the line of "[group]" itself (for a key
 * that is missing), else 0. Localised keys ("name[fr]=") count as the key. */
static guint
find_line (const char *text,
           const char *group,
           const char *key)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint group_line = 0;
  gboolean in_group = FALSE;
  gsize key_len = key != NULL ? strlen (key) : 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      while (*line == ' ' || *line == '\t')
        line++;
      if (*line == '[')
        {
          const char *end = strchr (line, ']');

          in_group = end != NULL && (gsize) (end - line - 1) == strlen (group)
                     && strncmp (line + 1, group, strlen (group)) == 0;
          if (in_group && group_line == 0)
            group_line = i + 1;
          continue;
        }
      if (in_group && key != NULL && strncmp (line, key, key_len) == 0)
        {
          const char *after = line + key_len;

          while (*after == ' ' || *after == '\t')
            after++;
          if (*after == '=' || *after == '[')
            return i + 1;
        }
    }
  return group_line;
}

/* Sets @error to "<file>:<line>: [group] key: <message>". */
static gboolean
fail (const Loader *loader,
      GError      **error,
      gint          code,
      const char   *group,
      const char   *key,
      const char   *format,
      ...) G_GNUC_PRINTF (6, 7);

static gboolean
fail (const Loader *loader,
      GError      **error,
      gint          code,
      const char   *group,
      const char   *key,
      const char   *format,
      ...)
{
  g_autofree char *message = NULL;
  g_autofree char *where = NULL;
  guint line = find_line (loader->text, group, key);
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  where = line > 0 ? g_strdup_printf ("%s:%u", loader->path, line) : g_strdup (loader->path);
  if (key != NULL)
    g_set_error (error, LP_SITE_CONFIG_ERROR, code, "%s: [%s] %s: %s", where, group, key, message);
  else
    g_set_error (error, LP_SITE_CONFIG_ERROR, code, "%s: [%s]: %s", where, group, message);
  return FALSE;
}

/* A value with the keyfile's comments stripped: GKeyFile keeps "kiosk   # comment" whole,
 * while architecture.md §5 writes comments after values. */
static char *
get_string (const Loader *loader,
            const char   *group,
            const char   *key)
{
  g_autofree char *raw = g_key_file_get_string (loader->keyfile, group, key, NULL);
  char *hash;

  if (raw == NULL)
    return NULL;
  /* " #" starts a comment; a "#" inside a value (a URL fragment, a pin) is kept. */
  hash = strstr (raw, " #");
  if (hash == NULL)
    hash = strstr (raw, "\t#");
  if (hash != NULL)
    *hash = '\0';
  return g_strdup (g_strstrip (raw));
}

static gboolean
check_known_keys (const Loader *loader,
                  GError      **error)
{
  g_auto(GStrv) groups = g_key_file_get_groups (loader->keyfile, NULL);

  for (guint i = 0; groups[i] != NULL; i++)
    {
      const KnownGroup *known = NULL;
      g_auto(GStrv) keys = NULL;

      for (guint j = 0; j < G_N_ELEMENTS (known_groups); j++)
        if (g_strcmp0 (groups[i], known_groups[j].group) == 0)
          known = &known_groups[j];
      if (known == NULL)
        return fail (loader, error, LP_SITE_CONFIG_ERROR_INVALID, groups[i], NULL,
                     _("this program knows no such group. The groups are [site], [kiosk], "
                       "[send] and [print]; check the spelling."));

      keys = g_key_file_get_keys (loader->keyfile, groups[i], NULL, NULL);
      for (guint k = 0; keys != NULL && keys[k] != NULL; k++)
        if (!g_strv_contains (known->keys, keys[k]))
          {
            g_autofree char *list = g_strjoinv (", ", (GStrv) known->keys);

            return fail (loader, error, LP_SITE_CONFIG_ERROR_INVALID, groups[i], keys[k],
                         /* Translators: %s is the list of the group's keys */
                         _("this program knows no such key. The keys of this group are: %s; "
                           "check the spelling."), list);
          }
    }
  return TRUE;
}

static gboolean
get_choice (const Loader       *loader,
            const char         *group,
            const char         *key,
            const char * const *names,
            guint               n_names,
            guint              *value,
            GError            **error)
{
  g_autofree char *text = get_string (loader, group, key);
  g_autofree char *list = NULL;

  if (text == NULL)
    return TRUE;
  for (guint i = 0; i < n_names; i++)
    if (strcmp (text, names[i]) == 0)
      {
        *value = i;
        return TRUE;
      }
  {
    /* The name tables are not NULL-terminated: join exactly @n_names of them. */
    g_autoptr(GString) joined = g_string_new (NULL);

    for (guint i = 0; i < n_names; i++)
      g_string_append_printf (joined, "%s%s", i > 0 ? ", " : "", names[i]);
    list = g_string_free (g_steal_pointer (&joined), FALSE);
  }
  return fail (loader, error, LP_SITE_CONFIG_ERROR_INVALID, group, key,
               /* Translators: %s is the list of the accepted values */
               _("this value is not one this program knows. Use one of: %s."), list);
}

static gboolean
get_seconds (const Loader *loader,
             const char   *group,
             const char   *key,
             guint         min,
             guint         max,
             guint        *value,
             GError      **error)
{
  g_autofree char *text = get_string (loader, group, key);
  guint64 number;

  if (text == NULL)
    return TRUE;
  if (!g_ascii_string_to_unsigned (text, 10, min, max, &number, NULL))
    return fail (loader, error, LP_SITE_CONFIG_ERROR_INVALID, group, key,
                 /* Translators: a number of seconds is expected between %u and %u */
                 _("this must be a whole number of seconds between %u and %u."), min, max);
  *value = (guint) number;
  return TRUE;
}

static gboolean
get_boolean (const Loader *loader,
             const char   *group,
             const char   *key,
             gboolean     *value,
             GError      **error)
{
  g_autofree char *text = get_string (loader, group, key);

  if (text == NULL)
    return TRUE;
  if (strcmp (text, "true") == 0 || strcmp (text, "false") == 0)
    {
      *value = strcmp (text, "true") == 0;
      return TRUE;
    }
  return fail (loader, error, LP_SITE_CONFIG_ERROR_INVALID, group, key,
               _("write true or false."));
}

/* Replaces *@field with the key's value when the key is set. */
static void
get_text (const Loader  *loader,
          const char    *group,
          const char    *key,
          char         **field)
{
  char *text = get_string (loader, group, key);

  if (text != NULL)
    {
      g_free (*field);
      *field = text;
    }
}

static gboolean
check_url (const Loader *loader,
           const char   *url,
           GError      **error)
{
  g_autoptr(GError) local_error = NULL;

  /* The transports' own rule (https://, or http:// to this computer), with their words. */
  if (lp_send_check_url (url, &local_error))
    return TRUE;
  return fail (loader, error, LP_SITE_CONFIG_ERROR_INVALID, "send", "url", "%s",
               local_error->message);
}

static char *
resolve_path (const Loader *loader,
              const char   *file)
{
  g_autofree char *dir = NULL;

  if (g_path_is_absolute (file))
    return g_strdup (file);
  dir = g_path_get_dirname (loader->path);
  return g_build_filename (dir, file, NULL);
}

/* Reads the secret file named by @key. Refuses a file that the group or others may read
 * (architecture.md §5): the secret would be one account away from leaking. The secret's
 * content never appears in a message. */
static gboolean
read_secret (const Loader *loader,
             const char   *key,
             char        **secret,
             GError      **error)
{
  g_autofree char *name = get_string (loader, "send", key);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  char *contents = NULL;
  gsize length = 0;
  gboolean has_nul;
  guint32 mode;

  if (name == NULL || name[0] == '\0')
    return fail (loader, error, LP_SITE_CONFIG_ERROR_INVALID, "send", key,
                 _("this transport needs it. Give the path of the file that holds the secret "
                   "(readable by the kiosk account only)."));
  path = resolve_path (loader, name);
  file = g_file_new_for_path (path);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_UNIX_MODE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info == NULL)
    return fail (loader, error, LP_SITE_CONFIG_ERROR_SECRET, "send", key,
                 /* Translators: %s is the path of a secret file, then the system's reason */
                 _("the file %s cannot be read (%s). Check the path."), path,
                 local_error->message);
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    return fail (loader, error, LP_SITE_CONFIG_ERROR_SECRET, "send", key,
                 _("%s is not a regular file. Give the path of the file that holds the "
                   "secret."), path);
  mode = g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_UNIX_MODE);
  if ((mode & 0077) != 0)
    return fail (loader, error, LP_SITE_CONFIG_ERROR_SECRET, "send", key,
                 /* Translators: both %s are the path of the secret file */
                 _("the file %s can be read by other accounts of this computer. Make it "
                   "private to the kiosk account: chmod 600 %s"), path, path);
  if (!g_file_get_contents (path, &contents, &length, &local_error))
    return fail (loader, error, LP_SITE_CONFIG_ERROR_SECRET, "send", key,
                 _("the file %s cannot be read (%s). Check the path."), path,
                 local_error->message);

  /* One line: the trailing newline an editor adds is not part of the secret. A NUL byte
   * inside would cut the secret short without a word: refused as "more than one line". */
  has_nul = strlen (contents) != length;
  g_strchomp (contents);
  if (contents[0] == '\0' || has_nul
      || strchr (contents, '\n') != NULL || strchr (contents, '\r') != NULL)
    {
      gboolean empty = contents[0] == '\0' && !has_nul;

      lp_secure_zero (contents, length);
      g_free (contents);
      if (empty)
        return fail (loader, error, LP_SITE_CONFIG_ERROR_SECRET, "send", key,
                     _("the file %s is empty. Put the secret in it, on one line."), path);
      return fail (loader, error, LP_SITE_CONFIG_ERROR_SECRET, "send", key,
                   _("the file %s holds more than one line. Put only the secret in it, on one "
                     "line."), path);
    }
  lp_secure_free_string (*secret);
  *secret = contents;
  return TRUE;
}

static gboolean
check_email (const Loader *loader,
             const char   *key,
             const char   *value,
             GError      **error)
{
  g_autoptr(LpIssueList) issues = lp_issue_list_new ();

  lp_validate_email (value, key, issues);
  if (!lp_issue_list_has_errors (issues))
    return TRUE;
  return fail (loader, error, LP_SITE_CONFIG_ERROR_INVALID, "send", key,
               _("this is not a valid e-mail address. Write it whole, for example "
                 "agent@prefecture.gouv.fr."));
}

static gboolean
check_pin (const Loader *loader,
           const char   *pin,
           GError      **error)
{
  g_auto(GStrv) pins = g_strsplit (pin, ";", -1);

  for (guint i = 0; pins[i] != NULL; i++)
    {
      const char *base64 = pins[i] + strlen ("sha256//");
      gsize decoded_len = 0;
      g_autofree guchar *decoded = NULL;

      if (!g_str_has_prefix (pins[i], "sha256//") || strlen (base64) != 44)
        return fail (loader, error, LP_SITE_CONFIG_ERROR_INVALID, "send", "pin",
                     _("write the public-key pin as sha256// followed by the base64 SHA-256 "
                       "of the server's public key (several pins separated by “;”). Compute "
                       "it with: openssl x509 -in cert.pem -pubkey -noout | openssl pkey "
                       "-pubin -outform der | openssl dgst -sha256 -binary | base64"));
      decoded = g_base64_decode (base64, &decoded_len);
      if (decoded_len != 32)
        return fail (loader, error, LP_SITE_CONFIG_ERROR_INVALID, "send", "pin",
                     _("the pin is not a base64 SHA-256 (32 bytes). Compute it again."));
    }
  return TRUE;
}

static gboolean
load_site (Loader  *loader,
           GError **error)
{
  LpSiteConfig *config = loader->config;
  guint mode = config->mode;

  get_text (loader, "site", "name", &config->name);
  if (!g_utf8_validate (config->name, -1, NULL))
    return fail (loader, error, LP_SITE_CONFIG_ERROR_INVALID, "site", "name",
                 _("the text is not valid UTF-8. Save the file as UTF-8."));
  if (!get_choice (loader, "site", "mode", mode_names, G_N_ELEMENTS (mode_names), &mode, error))
    return FALSE;
  config->mode = mode;

  get_text (loader, "site", "language", &config->language);
  if (config->language[0] != '\0')
    {
      gboolean ok = strlen (config->language) >= 2;

      for (const char *p = config->language; *p != '\0'; p++)
        ok = ok && (g_ascii_isalpha (*p) || *p == '_');
      if (!ok)
        return fail (loader, error, LP_SITE_CONFIG_ERROR_INVALID, "site", "language",
                     _("write a language code such as fr, en or pt_BR."));
    }
  return TRUE;
}

static gboolean
load_kiosk (Loader  *loader,
            GError **error)
{
  LpSiteConfig *config = loader->config;

  if (!get_seconds (loader, "kiosk", "inactivity-warning", 10, 3600,
                    &config->inactivity_warning, error)
      /* At least 20 s to answer "Are you still there?" (RGAA 13.1, domain.md §4). */
      || !get_seconds (loader, "kiosk", "inactivity-grace", 20, 600,
                       &config->inactivity_grace, error)
      || !get_boolean (loader, "kiosk", "touch-keyboard", &config->touch_keyboard, error))
    return FALSE;
  get_text (loader, "kiosk", "admin-pin-hash", &config->admin_pin_hash);
  if (config->admin_pin_hash[0] != '\0' && !lp_kiosk_pin_hash_is_valid (config->admin_pin_hash))
    return fail (loader, error, LP_SITE_CONFIG_ERROR_INVALID, "kiosk", "admin-pin-hash",
                 _("this is not a PIN hash of the form sha256:<salt>:<digest>. Make one with "
                   "the commands given in the installation guide, never write the PIN itself."));
  return TRUE;
}

/* A key that belongs to another transport is a mistake worth saying: the administrator
 * believes it is used. */
static gboolean
refuse_foreign_key (Loader     *loader,
                    const char *key,
                    GError    **error)
{
  if (!g_key_file_has_key (loader->keyfile, "send", key, NULL))
    return TRUE;
  return fail (loader, error, LP_SITE_CONFIG_ERROR_INVALID, "send", key,
               /* Translators: %s is the transport name (relay, webdav, francetransfert) */
               _("this key is not used by transport=%s. Remove it, or change transport."),
               lp_site_transport_to_string (loader->config->transport));
}

static gboolean
load_send (Loader  *loader,
           GError **error)
{
  LpSiteConfig *config = loader->config;
  guint transport = LP_SITE_TRANSPORT_NONE;
  const char *secret_key = NULL;
  const char * const all_secret_keys[] = { "token-file", "password-file", "api-key-file" };

  if (!get_choice (loader, "send", "transport", transport_names,
                   G_N_ELEMENTS (transport_names), &transport, error))
    return FALSE;
  config->transport = transport;

  get_text (loader, "send", "url", &config->url);
  get_text (loader, "send", "username", &config->username);
  get_text (loader, "send", "sender", &config->sender);
  get_text (loader, "send", "recipient", &config->recipient);
  get_text (loader, "send", "ca-file", &config->ca_file);
  get_text (loader, "send", "pin", &config->pin);

  if (config->transport == LP_SITE_TRANSPORT_NONE)
    return TRUE;

  switch (config->transport)
    {
    case LP_SITE_TRANSPORT_RELAY:
      secret_key = "token-file";
      if (!refuse_foreign_key (loader, "username", error)
          || !refuse_foreign_key (loader, "sender", error))
        return FALSE;
      break;
    case LP_SITE_TRANSPORT_WEBDAV:
      secret_key = "password-file";
      if (config->username[0] == '\0')
        return fail (loader, error, LP_SITE_CONFIG_ERROR_INVALID, "send", "username",
                     _("transport=webdav needs the user name of the WebDAV account."));
      if (!refuse_foreign_key (loader, "sender", error))
        return FALSE;
      break;
    case LP_SITE_TRANSPORT_FRANCETRANSFERT:
      secret_key = "api-key-file";
      if (config->url[0] == '\0')
        {
          g_free (config->url);
          config->url = g_strdup (LP_FRANCETRANSFERT_DEFAULT_URL);
        }
      if (config->sender[0] == '\0')
        return fail (loader, error, LP_SITE_CONFIG_ERROR_INVALID, "send", "sender",
                     _("transport=francetransfert needs the State agent's e-mail address the "
                       "API key was issued for, for example sender=agent@prefecture.gouv.fr."));
      if (!check_email (loader, "sender", config->sender, error)
          || !refuse_foreign_key (loader, "username", error))
        return FALSE;
      break;
    case LP_SITE_TRANSPORT_NONE:
    default:
      g_assert_not_reached ();
    }

  if (config->url[0] == '\0')
    return fail (loader, error, LP_SITE_CONFIG_ERROR_INVALID, "send", "url",
                 _("this transport needs the address to send to, for example "
                   "url=https://plaintes.example.org/api/v1/submissions."));
  if (!check_url (loader, config->url, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (all_secret_keys); i++)
    if (strcmp (all_secret_keys[i], secret_key) != 0
        && !refuse_foreign_key (loader, all_secret_keys[i], error))
      return FALSE;
  if (!read_secret (loader, secret_key, &config->secret, error))
    return FALSE;
  if (config->recipient[0] != '\0' && !check_email (loader, "recipient", config->recipient, error))
    return FALSE;
  if (config->ca_file[0] != '\0')
    {
      g_autofree char *ca = resolve_path (loader, config->ca_file);

      if (!g_file_test (ca, G_FILE_TEST_IS_REGULAR))
        return fail (loader, error, LP_SITE_CONFIG_ERROR_INVALID, "send", "ca-file",
                     _("the file %s does not exist. Give the path of the certificate "
                       "authority's PEM file, or remove the key to use the system's."), ca);
      g_free (config->ca_file);
      config->ca_file = g_steal_pointer (&ca);
    }
  if (config->pin[0] != '\0' && !check_pin (loader, config->pin, error))
    return FALSE;
  return TRUE;
}

LpSiteConfig *
lp_site_config_load_from_data (const char  *data,
                               gsize        length,
                               const char  *path,
                               GError     **error)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(LpSiteConfig) config = lp_site_config_new_home ();
  g_autofree char *text = g_strndup (data, length);
  g_autoptr(GError) local_error = NULL;
  Loader loader = { path, text, keyfile, config };

  g_return_val_if_fail (data != NULL && path != NULL, NULL);

  if (!g_key_file_load_from_data (keyfile, text, length, G_KEY_FILE_NONE, &local_error))
    {
      /* GKeyFile's own message carries the line number of a syntax error. */
      g_set_error (error, LP_SITE_CONFIG_ERROR, LP_SITE_CONFIG_ERROR_UNREADABLE,
                   /* Translators: %s: the file, then the parser's explanation with its line */
                   _("%s: this is not a valid configuration file (%s). Each line must be "
                     "a [group], a key=value or a # comment."), path, local_error->message);
      return NULL;
    }
  config->path = g_strdup (path);
  if (!check_known_keys (&loader, error)
      || !load_site (&loader, error)
      || !load_kiosk (&loader, error)
      || !load_send (&loader, error))
    return NULL;
  get_text (&loader, "print", "printer", &config->printer);
  return g_steal_pointer (&config);
}

LpSiteConfig *
lp_site_config_load (const char  *path,
                     GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      gboolean missing = g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT);

      g_set_error (error, LP_SITE_CONFIG_ERROR,
                   missing ? LP_SITE_CONFIG_ERROR_NOT_FOUND : LP_SITE_CONFIG_ERROR_UNREADABLE,
                   /* Translators: %s: the file, then the system's reason */
                   _("%s: the site configuration cannot be read (%s). Check the path given "
                     "to --config."), path, local_error->message);
      return NULL;
    }
  return lp_site_config_load_from_data (contents, length, path, error);
}

LpSiteConfig *
lp_site_config_load_default (const char  *path,
                             GError     **error)
{
  if (path != NULL)
    return lp_site_config_load (path, error);
  if (!g_file_test (LP_SITE_CONFIG_DEFAULT_PATH, G_FILE_TEST_EXISTS))
    return lp_site_config_new_home ();
  return lp_site_config_load (LP_SITE_CONFIG_DEFAULT_PATH, error);
}

LpTransport *
lp_site_config_new_transport (const LpSiteConfig  *config,
                              GError             **error)
{
  LpTransportConfig transport = { 0 };

  g_return_val_if_fail (config != NULL, NULL);

  transport.url = config->url;
  transport.secret = config->secret;
  transport.username = config->username;
  transport.sender = config->sender;
  transport.recipient = config->recipient;
  transport.ca_file = config->ca_file;
  transport.pin = config->pin;

  switch (config->transport)
    {
    case LP_SITE_TRANSPORT_RELAY:
      transport.kind = LP_TRANSPORT_RELAY;
      break;
    case LP_SITE_TRANSPORT_WEBDAV:
      transport.kind = LP_TRANSPORT_WEBDAV;
      break;
    case LP_SITE_TRANSPORT_FRANCETRANSFERT:
      transport.kind = LP_TRANSPORT_FRANCETRANSFERT;
      break;
    case LP_SITE_TRANSPORT_NONE:
    default:
      if (config->path != NULL)
        g_set_error (error, LP_SITE_CONFIG_ERROR, LP_SITE_CONFIG_ERROR_INVALID,
                     /* Translators: %s is the configuration file */
                     _("%s: [send] transport: this site sends nothing (transport is none or "
                       "not set). Set transport=relay, webdav or francetransfert, or print the "
                       "letter instead."), config->path);
      else
        g_set_error (error, LP_SITE_CONFIG_ERROR, LP_SITE_CONFIG_ERROR_INVALID,
                     _("There is no site configuration, so there is nothing to send through. "
                       "Give one with --config FILE, or print the letter instead."));
      return NULL;
    }
  return lp_transport_new (&transport, error);
}
