/* lp-site-config.h — the site configuration (architecture.md §5)
 *
 * A GLib keyfile, default /etc/lettre-plainte/site.conf; no file at all means home use with
 * nothing to send through. Loading checks every key and refuses the whole file on the first
 * problem, with a message that names the file, the line, the group and key, and the fix:
 *
 *   /etc/lettre-plainte/site.conf:12: [send] url: http:// is accepted only for this computer
 *   (127.0.0.1, localhost); use https://.
 *
 * Secrets (relay token, WebDAV password, FranceTransfert API key) are read from their own
 * files, which must be readable by the kiosk account only (no group or other permission bit);
 * they are kept in memory, zeroed when the configuration is freed, and never printed.
 * Unknown groups and keys are errors: a typo must not silently turn a setting off.
 */
#pragma once

#include <glib.h>

#include "lp-transport.h"

G_BEGIN_DECLS

#define LP_SITE_CONFIG_DEFAULT_PATH "/etc/lettre-plainte/site.conf"
#define LP_FRANCETRANSFERT_DEFAULT_URL "https://francetransfert.numerique.gouv.fr/api-public"

#define LP_SITE_CONFIG_ERROR (lp_site_config_error_quark ())
typedef enum {
  LP_SITE_CONFIG_ERROR_NOT_FOUND,   /* the file given does not exist */
  LP_SITE_CONFIG_ERROR_UNREADABLE,  /* cannot be read, or is not a keyfile */
  LP_SITE_CONFIG_ERROR_INVALID,     /* a key is missing, unknown or wrong */
  LP_SITE_CONFIG_ERROR_SECRET,      /* a secret file is missing, empty or readable by others */
} LpSiteConfigError;
GQuark lp_site_config_error_quark (void);

typedef enum {
  LP_SITE_MODE_HOME,
  LP_SITE_MODE_KIOSK,
  LP_SITE_MODE_ASSISTED,
} LpSiteMode;

typedef enum {
  LP_SITE_TRANSPORT_NONE,
  LP_SITE_TRANSPORT_RELAY,
  LP_SITE_TRANSPORT_WEBDAV,
  LP_SITE_TRANSPORT_FRANCETRANSFERT,
} LpSiteTransport;

typedef struct _LpSiteConfig LpSiteConfig;

struct _LpSiteConfig {
  char *path;                 /* the file read, or NULL for the built-in home defaults */

  /* [site] */
  char *name;                 /* "" when not set */
  LpSiteMode mode;
  char *language;             /* "fr", "en", "pt_BR"...; "" = the environment's */

  /* [kiosk] */
  guint inactivity_warning;   /* seconds, default 120 */
  guint inactivity_grace;     /* seconds, default 30 */
  gboolean touch_keyboard;    /* show the in-app keyboard (default FALSE) */
  char *admin_pin_hash;       /* "" when not set; else "sha256:<salt>:<digest>": <salt> 16 to 64
                               * lowercase hex digits, <digest> the 64 lowercase hex digits of
                               * SHA-256 over the salt as written followed by the PIN (4 to 12
                               * digits). Checked by app/site/lp-kiosk-pin.h, which says how to make
                               * one; opaque to this module. */

  /* [send] */
  LpSiteTransport transport;
  char *url;                  /* validated: https://, or http:// to a loopback host */
  char *username;             /* webdav */
  char *secret;               /* the token, password or API key read from its file; never print */
  char *sender;               /* francetransfert: the agent's address */
  char *recipient;            /* overrides the campaign's electronic recipient; "" = campaign's */
  char *ca_file;              /* "" = the system's trust store */
  char *pin;                  /* "sha256//..." public-key pin(s), "" = none */

  /* [print] */
  char *printer;              /* "" = the default printer */
};

/* Loads and validates @path. */
LpSiteConfig *lp_site_config_load          (const char  *path,
                                            GError     **error);
/* Same, from text (@path only names the file in messages and resolves relative secret
 * paths; it is not read). */
LpSiteConfig *lp_site_config_load_from_data (const char  *data,
                                             gsize        length,
                                             const char  *path,
                                             GError     **error);
/* @path, or the default path when @path is NULL. When @path is NULL and the default file
 * does not exist, the home defaults (architecture.md §5: absent = home use). A path given
 * explicitly must exist. */
LpSiteConfig *lp_site_config_load_default  (const char  *path,
                                            GError     **error);
/* Home mode, nothing to send through. */
LpSiteConfig *lp_site_config_new_home      (void);
/* Zeroes the secret, then frees. NULL is fine. */
void          lp_site_config_free          (LpSiteConfig *config);

/* The transport [send] describes; an LP_SITE_CONFIG_ERROR when transport is none. */
LpTransport  *lp_site_config_new_transport (const LpSiteConfig  *config,
                                            GError             **error);

const char   *lp_site_mode_to_string       (LpSiteMode      mode);
const char   *lp_site_transport_to_string  (LpSiteTransport transport);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LpSiteConfig, lp_site_config_free)

G_END_DECLS
