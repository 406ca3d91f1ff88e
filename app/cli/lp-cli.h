/* lp-cli.h — the command line (architecture.md §6)
 *
 *   lettre-plainte --check FILE.json...
 *   lettre-plainte --render FILE.json --output OUT.pdf
 *   lettre-plainte --render FILE.json... --output-dir DIR
 *
 * Exit codes: 0 success; 1 a complaint is invalid (one line per problem on stderr, each
 * beginning with the JSON path of the field); 2 the input cannot be read. These paths never
 * open a display and never load GTK.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  LP_EXIT_OK = 0,
  LP_EXIT_INVALID = 1,
  LP_EXIT_UNREADABLE = 2,
  LP_EXIT_SEND_FAILED = 3,
} LpExitCode;

/* TRUE when @argv asks for a command-line action (--check, --render, --help, --version ...)
 * rather than the graphical wizard. */
gboolean lp_cli_is_command_line (int    argc,
                                 char **argv);
/* Runs the command line and returns the process exit code. */
int      lp_cli_run             (int    argc,
                                 char **argv);

G_END_DECLS
