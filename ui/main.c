/* main.c — the lettre-plainte program
 *
 * Command-line actions (--check, --render, --help...) run without a display and never touch
 * GTK; without any argument the graphical wizard starts.
 */
#define G_LOG_DOMAIN "lettre-plainte"

#include <glib/gi18n.h>
#include <locale.h>

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

int
main (int    argc,
      char **argv)
{
  g_autoptr (LpApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, find_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("lettre-plainte");

  /* Any argument means the command line: an unknown one is a usage error there (exit
   * code 2, architecture.md §6), not a window that opens anyway. */
  if (argc > 1 || lp_cli_is_command_line (argc, argv))
    return lp_cli_run (argc, argv);

  app = lp_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
