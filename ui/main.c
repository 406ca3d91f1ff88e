/* main.c — the lettre-plainte program
 *
 * Command-line actions (--check, --render) run without a display. The graphical wizard is
 * not built yet (issue 3); without arguments the program says so and shows its options.
 */
#define G_LOG_DOMAIN "lettre-plainte"

#include <glib/gi18n.h>
#include <locale.h>

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
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, find_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("lettre-plainte");

  if (argc == 1)
    {
      char *help_argv[] = { argv[0], (char *) "--help", NULL };

      g_print ("%s\n\n", _("The graphical wizard is not part of this version yet. "
                           "The command line below already checks complaint files and makes "
                           "the letter."));
      return lp_cli_run (2, help_argv);
    }
  return lp_cli_run (argc, argv);
}
