/* lp-paths.c — see lp-paths.h
 *
 * Where the data comes from, in this order:
 *
 *  1. $LP_DATA_DIR, when set and not empty: $LP_DATA_DIR/campaigns and $LP_DATA_DIR/fonts.
 *     Read at every call (not cached) so that a test can point it at a temporary directory.
 *  2. Run from the build tree (the executable, found through /proc/self/exe, lies under
 *     BUILD_ROOT): the source tree's assets/, so that a freshly built program and the tests
 *     use the data being edited, even when an older copy is installed.
 *  3. Otherwise the installed PKGDATADIR. When /proc/self/exe cannot be read (not Linux),
 *     PKGDATADIR is used if it holds campaigns/, else the source tree.
 *
 * The returned strings are interned: they stay valid for the life of the process.
 */
#define G_LOG_DOMAIN "lp-paths"

#include "lp-paths.h"

#include <string.h>

#define LETTER_FONT_FILE "DejaVuSerif.ttf"
/* Debian's fonts-dejavu-core. */
#define SYSTEM_LETTER_FONT "/usr/share/fonts/truetype/dejavu/" LETTER_FONT_FILE

static const char *
get_env_data_dir (void)
{
  const char *dir = g_getenv ("LP_DATA_DIR");

  return (dir != NULL && *dir != '\0') ? dir : NULL;
}

static gboolean
path_is_under (const char *path,
               const char *dir)
{
  gsize len = strlen (dir);

  while (len > 1 && dir[len - 1] == G_DIR_SEPARATOR)
    len--;
  return strncmp (path, dir, len) == 0 && path[len] == G_DIR_SEPARATOR;
}

/* TRUE when the running program is the one in the build directory. */
static gboolean
running_uninstalled (gboolean *known)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *build_root = NULL;

  *known = exe != NULL;
  if (exe == NULL)
    return FALSE;
  /* BUILD_ROOT may go through a symlink that /proc/self/exe has resolved. */
  build_root = g_canonicalize_filename (BUILD_ROOT, NULL);
  return path_is_under (exe, BUILD_ROOT) || path_is_under (exe, build_root);
}

/* The directory holding campaigns/ and fonts/ when LP_DATA_DIR is not set. */
static const char *
get_default_data_dir (void)
{
  static const char *data_dir = NULL;

  if (g_once_init_enter (&data_dir))
    {
      g_autofree char *source_assets = g_build_filename (SOURCE_ROOT, "assets", NULL);
      g_autofree char *installed_campaigns = g_build_filename (PKGDATADIR, "campaigns", NULL);
      gboolean known = FALSE;
      const char *chosen;

      if (running_uninstalled (&known))
        chosen = source_assets;
      else if (known || g_file_test (installed_campaigns, G_FILE_TEST_IS_DIR))
        chosen = PKGDATADIR;
      else
        chosen = source_assets;
      g_once_init_leave (&data_dir, g_intern_string (chosen));
    }
  return data_dir;
}

static const char *
get_data_dir (void)
{
  const char *env_dir = get_env_data_dir ();

  return env_dir != NULL ? env_dir : get_default_data_dir ();
}

const char *
lp_paths_get_campaigns_dir (void)
{
  g_autofree char *dir = g_build_filename (get_data_dir (), "campaigns", NULL);

  return g_intern_string (dir);
}

/* A campaign id is a plain file name: lower-case letters, digits and "-". That keeps out
 * "/", "..", hidden files and anything else that could leave the campaigns directory. */
static gboolean
is_plain_campaign_id (const char *campaign_id)
{
  if (campaign_id == NULL || *campaign_id == '\0')
    return FALSE;
  for (const char *p = campaign_id; *p != '\0'; p++)
    if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-'))
      return FALSE;
  return TRUE;
}

/* Returns NULL when @campaign_id is not a plain id (see is_plain_campaign_id()). */
char *
lp_paths_dup_campaign_file (const char *campaign_id)
{
  g_autofree char *basename = NULL;

  if (!is_plain_campaign_id (campaign_id))
    return NULL;
  basename = g_strconcat (campaign_id, ".json", NULL);
  return g_build_filename (lp_paths_get_campaigns_dir (), basename, NULL);
}

const char *
lp_paths_get_letter_font (void)
{
  const char *env_dir = get_env_data_dir ();
  g_autofree char *from_env = NULL;
  g_autofree char *from_default = NULL;
  const char *candidates[3];
  gsize n = 0;

  if (env_dir != NULL)
    candidates[n++] = from_env = g_build_filename (env_dir, "fonts", LETTER_FONT_FILE, NULL);
  /* The installed or source-tree fonts/ (a bundled copy, e.g. in the Flatpak). */
  candidates[n++] = from_default = g_build_filename (get_default_data_dir (), "fonts",
                                                     LETTER_FONT_FILE, NULL);
  candidates[n++] = SYSTEM_LETTER_FONT;

  for (gsize i = 0; i < n; i++)
    if (g_file_test (candidates[i], G_FILE_TEST_IS_REGULAR))
      return g_intern_string (candidates[i]);
  return NULL;
}
