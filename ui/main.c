/* main.c — the lettre-plainte program
 *
 * Command-line actions (--check, --render, --send, --help...) run without a display and never
 * touch GTK; otherwise the graphical wizard starts, with the only options it takes: --kiosk
 * and --config FILE (architecture.md §6).
 */
#define G_LOG_DOMAIN "lettre-plainte"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "lp-application.h"
#include "lp-cli.h"

/* Installed translations live in LOCALEDIR; a program run from the build directory uses
 * the freshly built catalogues in BUILD_ROOT/po. LP_LOCALEDIR overrides both (tests). */
static const char *
find_locale_dir (void)
{
  static char *build_po = NULL;
  const char *env = g_getenv ("LP_LOCALEDIR");
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);

  if (env != NULL && env[0] != '\0')
    return env;
  if (exe != NULL && g_str_has_prefix (exe, BUILD_ROOT G_DIR_SEPARATOR_S))
    {
      if (build_po == NULL)
        build_po = g_build_filename (BUILD_ROOT, "po", NULL);
      return build_po;
    }
  return LOCALEDIR;
}

/* TRUE when every argument is a wizard option; fills them in. */
static gboolean
parse_wizard_options (int          argc,
                      char       **argv,
                      gboolean    *kiosk,
                      const char **config_path)
{
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--kiosk"))
        *kiosk = TRUE;
      else if (g_str_equal (argv[i], "--config") && i + 1 < argc)
        *config_path = argv[++i];
      else if (g_str_has_prefix (argv[i], "--config=") && argv[i][strlen ("--config=")] != '\0')
        *config_path = argv[i] + strlen ("--config=");
      else
        return FALSE;
    }
  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr (LpApplication) app = NULL;
  g_autoptr (GError) error = NULL;
  LpSiteConfig *config;
  gboolean kiosk = FALSE;
  const char *config_path = NULL;
  char *app_argv[] = { argv[0], NULL };

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, find_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  /* GLib decides once, at the first g_dgettext() of the process, whether to translate at
   * all: with a custom text domain, no catalogue for the environment's language and a
   * locale like C.UTF-8 (a kiosk's), it says no for good, and every _() of ours stays in
   * English even after the site's or the person's language is applied. GKeyFile calls
   * g_dgettext() while the site configuration is read, below: make that first call here,
   * while the default domain still is "messages", for which GLib always translates. */
  g_dgettext (GETTEXT_PACKAGE, "");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("lettre-plainte");

  /* Anything but the wizard's own options is the command line's: an unknown option is a
   * usage error there (exit code 2, architecture.md §6), not a window that opens anyway. */
  if (lp_cli_is_command_line (argc, argv)
      || !parse_wizard_options (argc, argv, &kiosk, &config_path))
    return lp_cli_run (argc, argv);

  /* A configuration that cannot be read is kept as an error for the window to show
   * (an administrator's screen), never a crash or a half-configured kiosk. */
  config = lp_site_config_load_default (config_path, &error);
  app = lp_application_new ();
  lp_application_set_site (app, config, g_steal_pointer (&error), kiosk);
  /* The options are ours: GApplication gets none to parse. */
  return g_application_run (G_APPLICATION (app), 1, app_argv);
}
