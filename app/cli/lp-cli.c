/* lp-cli.c — see lp-cli.h */
#define G_LOG_DOMAIN "lp-cli"

#include "lp-cli.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "lp-campaign.h"
#include "lp-complaint-json.h"
#include "lp-letter.h"
#include "lp-site-config.h"
#include "lp-transport.h"
#include "lp-validate.h"

typedef struct {
  gboolean check;
  gboolean render;
  gboolean version;
  gboolean kiosk;           /* --kiosk: a wizard option, listed here for --help */
  char *output;
  char *output_dir;
  char *send;               /* --send FILE.json */
  char *config;             /* --config FILE */
  char **files;
  int n_files;

  GHashTable *campaigns;    /* id -> LpCampaign*, loaded once per run */
  GHashTable *used_names;   /* output file names already written by this run */

  /* Rendering runs on every core: making the PDF (libharu building its font tables,
   * compressing the streams) is what costs, and letters are independent. */
  GThreadPool *renderers;
  GAsyncQueue *results;     /* RenderJob* coming back from the pool */
  guint in_flight;
  int status;
} LpCli;

/* One letter to make. The complaint and campaign are borrowed: the main thread waits for
 * every job of a file before it frees that file's complaints. */
typedef struct {
  const LpComplaint *complaint;
  LpCampaign *campaign;
  char *prefix;   /* "[2]" for the third complaint of an array, or NULL */
  const char *file;  /* the input file (argv), named when there are several */
  char *output;
  GError *error;  /* set by the worker on failure */
} RenderJob;

static void lp_cli_clear (LpCli *cli);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LpCli, lp_cli_clear)

static void
render_job_free (RenderJob *job)
{
  g_clear_pointer (&job->campaign, lp_campaign_unref);
  g_clear_pointer (&job->prefix, g_free);
  g_clear_pointer (&job->output, g_free);
  g_clear_error (&job->error);
  g_free (job);
}

static void
lp_cli_clear (LpCli *cli)
{
  if (cli->renderers != NULL)
    g_thread_pool_free (g_steal_pointer (&cli->renderers), FALSE, TRUE);
  g_clear_pointer (&cli->results, g_async_queue_unref);
  g_clear_pointer (&cli->output, g_free);
  g_clear_pointer (&cli->output_dir, g_free);
  g_clear_pointer (&cli->send, g_free);
  g_clear_pointer (&cli->config, g_free);
  g_clear_pointer (&cli->files, g_strfreev);
  g_clear_pointer (&cli->campaigns, g_hash_table_unref);
  g_clear_pointer (&cli->used_names, g_hash_table_unref);
}

static const char * const command_line_switches[] = {
  "--check", "--render", "--output", "--output-dir", "--send", "--help", "-h", "--help-all",
  "--version", NULL,
};

gboolean
lp_cli_is_command_line (int    argc,
                        char **argv)
{
  for (int i = 1; i < argc; i++)
    for (guint j = 0; command_line_switches[j] != NULL; j++)
      {
        gsize len = strlen (command_line_switches[j]);

        if (strncmp (argv[i], command_line_switches[j], len) == 0
            && (argv[i][len] == '\0' || argv[i][len] == '='))
          return TRUE;
      }
  return FALSE;
}

/* Prints one problem. The line begins with the JSON path (architecture.md §6); when several
 * files were given, the file name follows the message so lines stay machine-readable. */
static void
print_issue (const LpCli   *cli,
             const char    *file,
             const char    *prefix,
             const LpIssue *issue)
{
  g_autofree char *path = prefix != NULL ? g_strconcat (prefix, ".", issue->path, NULL)
                                         : g_strdup (issue->path);

  if (issue->severity == LP_SEVERITY_WARNING)
    /* Translators: a line of the command line's output: "<field path>: warning: <message>" */
    g_printerr (_("%s: warning: %s"), path, issue->message);
  else
    g_printerr ("%s: %s", path, issue->message);
  if (cli->n_files > 1)
    g_printerr (" (%s)", file);
  g_printerr ("\n");
}

/* The loader's messages already begin with the JSON path. */
static void
print_load_error (const LpCli  *cli,
                  const char   *file,
                  const GError *error)
{
  if (cli->n_files > 1)
    g_printerr ("%s (%s)\n", error->message, file);
  else
    g_printerr ("%s\n", error->message);
}

static LpCampaign *
lookup_campaign (LpCli       *cli,
                 const char  *id,
                 GError     **error)
{
  LpCampaign *campaign = g_hash_table_lookup (cli->campaigns, id);

  if (campaign == NULL)
    {
      campaign = lp_campaign_load_by_id (id, error);
      if (campaign == NULL)
        return NULL;
      g_hash_table_insert (cli->campaigns, g_strdup (id), campaign);
    }
  return campaign;
}

/* Validates one complaint and prints its problems. Returns the campaign to render with, or
 * NULL when the complaint has blocking errors. */
static LpCampaign *
check_one (LpCli             *cli,
           const char        *file,
           const char        *prefix,
           const LpComplaint *complaint)
{
  g_autoptr(LpIssueList) issues = lp_issue_list_new ();
  g_autoptr(GError) error = NULL;
  LpCampaign *campaign = NULL;

  if (complaint->campaign[0] == '\0')
    lp_issue_list_add (issues, LP_SEVERITY_ERROR, "campaign",
                       _("Campaign: the complaint does not say which data breach it is about. "
                         "Set \"campaign\" to \"viamedis-almerys-2024\"."));
  else if ((campaign = lookup_campaign (cli, complaint->campaign, &error)) == NULL)
    {
      if (g_error_matches (error, LP_CAMPAIGN_ERROR, LP_CAMPAIGN_ERROR_NOT_FOUND))
        lp_issue_list_add (issues, LP_SEVERITY_ERROR, "campaign",
                           _("Campaign: this program knows no campaign with this name. "
                             "Check the spelling, for example \"viamedis-almerys-2024\"."));
      else
        /* A broken campaign file is the installation's fault, not the person's: say so. */
        lp_issue_list_add (issues, LP_SEVERITY_ERROR, "campaign",
                           /* Translators: %s is the loader's own message, a sentence */
                           _("Campaign: the campaign file installed with this program is "
                             "damaged; reinstall the program. Details: %s"), error->message);
    }

  lp_validate_complaint (complaint, campaign, NULL, issues);
  for (guint i = 0; i < lp_issue_list_get_length (issues); i++)
    print_issue (cli, file, prefix, lp_issue_list_get (issues, i));

  return lp_issue_list_has_errors (issues) ? NULL : campaign;
}

static char *
output_name_for (LpCli      *cli,
                 const char *file,
                 guint       index,
                 guint       count)
{
  g_autofree char *base = g_path_get_basename (file);
  char *dot = strrchr (base, '.');
  g_autofree char *stem = NULL;
  char *name;

  if (dot != NULL && dot != base)
    *dot = '\0';
  stem = count > 1 ? g_strdup_printf ("%s-%u", base, index + 1) : g_strdup (base);
  name = g_strconcat (stem, ".pdf", NULL);
  /* Two inputs with the same name in different folders must not overwrite each other. */
  for (guint n = 2; g_hash_table_contains (cli->used_names, name); n++)
    {
      g_free (name);
      name = g_strdup_printf ("%s-%u.pdf", stem, n);
    }
  g_hash_table_add (cli->used_names, g_strdup (name));
  return name;
}

/* Renders and writes atomically: the PDF appears whole or not at all. Mode 0600, since it
 * holds the person's identity. */
static gboolean
render_one (const LpComplaint  *complaint,
            const LpCampaign   *campaign,
            const char         *output,
            GError            **error)
{
  g_autoptr(GBytes) pdf = lp_letter_render (complaint, campaign, error);

  if (pdf == NULL)
    return FALSE;
  return g_file_set_contents_full (output, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf),
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

static void
render_worker (gpointer data,
               gpointer user_data)
{
  RenderJob *job = data;
  LpCli *cli = user_data;

  render_one (job->complaint, job->campaign, job->output, &job->error);
  g_async_queue_push (cli->results, job);
}

/* Takes one finished job back (waiting for it) and reports its failure, if any. */
static void
collect_one (LpCli *cli)
{
  RenderJob *job = g_async_queue_pop (cli->results);

  cli->in_flight--;
  if (job->error != NULL)
    {
      /* The complaint's JSON path first (architecture.md §6), and the file when there are
       * several, as for every other complaint error (print_issue). Attachment errors
       * already begin with their own path. */
      if (g_error_matches (job->error, LP_LETTER_ERROR, LP_LETTER_ERROR_ATTACHMENT))
        g_printerr ("%s%s%s", job->prefix ? job->prefix : "", job->prefix ? "." : "",
                    job->error->message);
      else
        /* Translators: %s is where in the file ("$" or "[2]"), then why */
        g_printerr (_("%s: the letter could not be made: %s"),
                    job->prefix != NULL ? job->prefix : "$", job->error->message);
      if (cli->n_files > 1)
        g_printerr (" (%s)", job->file);
      g_printerr ("\n");
      cli->status = MAX (cli->status, LP_EXIT_INVALID);
    }
  render_job_free (job);
}

static void
queue_render (LpCli             *cli,
              const char        *file,
              const LpComplaint *complaint,
              LpCampaign        *campaign,
              const char        *prefix,
              char              *output)
{
  RenderJob *job = g_new0 (RenderJob, 1);
  /* Two letters per core keep the cores busy; more would only hold memory. */
  guint max_in_flight = 2 * (guint) g_thread_pool_get_max_threads (cli->renderers);

  job->complaint = complaint;
  job->campaign = lp_campaign_ref (campaign);
  job->prefix = g_strdup (prefix);
  job->file = file;
  job->output = output;
  while (cli->in_flight >= max_in_flight)
    collect_one (cli);
  cli->in_flight++;
  g_thread_pool_push (cli->renderers, job, NULL);
}

static int
run_files (LpCli *cli)
{
  int status = LP_EXIT_OK;

  for (int f = 0; f < cli->n_files; f++)
    {
      const char *file = cli->files[f];
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) complaints = lp_complaint_load_file (file, &error);

      if (complaints == NULL)
        {
          print_load_error (cli, file, error);
          status = LP_EXIT_UNREADABLE;
          continue;
        }

      if (cli->render && cli->output != NULL && complaints->len != 1)
        {
          g_printerr (_("$: this file holds %u complaints; use --output-dir DIR to make one PDF "
                        "for each.\n"), complaints->len);
          status = LP_EXIT_UNREADABLE;
          continue;
        }

      for (guint i = 0; i < complaints->len; i++)
        {
          const LpComplaint *complaint = g_ptr_array_index (complaints, i);
          g_autofree char *prefix = complaints->len > 1 ? g_strdup_printf ("[%u]", i) : NULL;
          LpCampaign *campaign = check_one (cli, file, prefix, complaint);
          g_autofree char *output = NULL;

          if (campaign == NULL)
            {
              status = MAX (status, LP_EXIT_INVALID);
              continue;
            }
          if (!cli->render)
            continue;

          if (cli->output != NULL)
            output = g_strdup (cli->output);
          else
            {
              g_autofree char *name = output_name_for (cli, file, i, complaints->len);

              output = g_build_filename (cli->output_dir, name, NULL);
            }

          queue_render (cli, file, complaint, campaign, prefix, g_steal_pointer (&output));
        }

      /* This file's complaints are freed at the end of the iteration. */
      while (cli->in_flight > 0)
        collect_one (cli);
    }
  return MAX (status, cli->status);
}

/* --send: load, validate, render and send one complaint through the site's transport
 * (architecture.md §6), with the same code as the wizard. The receipt id goes to stdout. */
static int
run_send (LpCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LpSiteConfig) config = NULL;
  g_autoptr(GPtrArray) complaints = NULL;
  g_autoptr(LpTransport) transport = NULL;
  g_autoptr(GBytes) letter = NULL;
  g_autoptr(LpSubmission) submission = NULL;
  g_autofree char *receipt = NULL;
  const LpComplaint *complaint;
  LpCampaign *campaign;

  lp_send_global_init ();
  config = lp_site_config_load_default (cli->config, &error);
  if (config == NULL)
    {
      g_printerr ("%s\n", error->message);
      return LP_EXIT_UNREADABLE;
    }
  transport = lp_site_config_new_transport (config, &error);
  if (transport == NULL)
    {
      g_printerr ("%s\n", error->message);
      return LP_EXIT_UNREADABLE;
    }

  complaints = lp_complaint_load_file (cli->send, &error);
  if (complaints == NULL)
    {
      print_load_error (cli, cli->send, error);
      return LP_EXIT_UNREADABLE;
    }
  if (complaints->len != 1)
    {
      g_printerr (_("$: this file holds %u complaints; --send takes a file with one "
                    "complaint.\n"), complaints->len);
      return LP_EXIT_UNREADABLE;
    }
  complaint = g_ptr_array_index (complaints, 0);
  campaign = check_one (cli, cli->send, NULL, complaint);
  if (campaign == NULL)
    return LP_EXIT_INVALID;

  letter = lp_letter_render (complaint, campaign, &error);
  if (letter == NULL)
    {
      g_printerr (_("$: the letter could not be made: %s\n"), error->message);
      return LP_EXIT_INVALID;
    }
  submission = lp_submission_new_for_complaint (complaint, campaign, letter, config->name, &error);
  if (submission == NULL)
    {
      g_printerr ("%s\n", error->message);
      return LP_EXIT_UNREADABLE;
    }

  receipt = lp_transport_send (transport, submission, NULL, NULL, NULL, &error);
  if (receipt == NULL)
    {
      /* Translators: %s says why the sending failed and what to do */
      g_printerr (_("The complaint was not sent: %s\n"), error->message);
      return LP_EXIT_SEND_FAILED;
    }
  g_print ("%s\n", receipt);
  return LP_EXIT_OK;
}

static int
usage_error (GOptionContext *context,
             const char     *message)
{
  g_printerr ("%s\n", message);
  g_printerr (_("Run “%s --help” to see the options.\n"), g_get_prgname ());
  return LP_EXIT_UNREADABLE;
}

int
lp_cli_run (int    argc,
            char **argv)
{
  g_auto(LpCli) cli = { 0 };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  const GOptionEntry entries[] = {
    { "check", 0, 0, G_OPTION_ARG_NONE, &cli.check,
      N_("Check the complaint files and list every problem"), NULL },
    { "render", 0, 0, G_OPTION_ARG_NONE, &cli.render,
      N_("Make the letter PDF of each complaint"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &cli.output,
      N_("Write the letter to this PDF file (one complaint)"), N_("OUT.pdf") },
    { "output-dir", 0, 0, G_OPTION_ARG_FILENAME, &cli.output_dir,
      N_("Write one PDF per complaint into this folder"), N_("DIR") },
    { "send", 0, 0, G_OPTION_ARG_FILENAME, &cli.send,
      N_("Make the letter of this complaint and send it through the site's transport; "
         "prints the receipt id"), N_("FILE.json") },
    { "config", 0, 0, G_OPTION_ARG_FILENAME, &cli.config,
      N_("The site configuration (default: /etc/lettre-plainte/site.conf)"), N_("FILE") },
    { "kiosk", 0, 0, G_OPTION_ARG_NONE, &cli.kiosk,
      N_("Open the wizard in kiosk mode (fullscreen, forgets everything)"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &cli.version,
      N_("Show the program's version"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &cli.files, NULL, N_("FILE.json…") },
    { NULL },
  };

  context = g_option_context_new (NULL);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
    _("Lettre-plainte helps people whose health-insurance data leaked in the 2024 Viamedis and "
      "Almerys breach file a letter-complaint.\n\n"
      "Without options, or with --kiosk and --config, it opens the wizard. The other options "
      "work without a display."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  /* GOption rearranges argv: work on a copy so the caller's stays intact. */
  args = g_new0 (char *, argc + 1);
  for (int i = 0; i < argc; i++)
    args[i] = g_strdup (argv[i]);
  if (!g_option_context_parse_strv (context, &args, &error))
    return usage_error (context, error->message);

  if (cli.version)
    {
      g_print ("lettre-plainte %s\n", PACKAGE_VERSION);
      return LP_EXIT_OK;
    }

  cli.n_files = cli.files != NULL ? (int) g_strv_length (cli.files) : 0;
  if (cli.kiosk)
    return usage_error (context, _("--kiosk opens the wizard: it takes only --config FILE."));
  if (cli.send != NULL)
    {
      if (cli.check || cli.render || cli.n_files > 0 || cli.output != NULL
          || cli.output_dir != NULL)
        return usage_error (context, _("--send takes one complaint file and --config FILE, "
                                       "nothing else."));
      cli.n_files = 1;
      cli.campaigns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) lp_campaign_unref);
      return run_send (&cli);
    }
  if (cli.check == cli.render)
    return usage_error (context, _("Choose one of --check, --render or --send."));
  if (cli.n_files == 0)
    return usage_error (context, _("Give at least one complaint file (FILE.json)."));
  if (cli.check && (cli.output != NULL || cli.output_dir != NULL))
    return usage_error (context, _("--output and --output-dir go with --render, not --check."));
  if (cli.render && (cli.output == NULL) == (cli.output_dir == NULL))
    return usage_error (context, _("--render needs either --output OUT.pdf or --output-dir DIR."));
  if (cli.render && cli.output != NULL && cli.n_files > 1)
    return usage_error (context, _("--output takes one complaint file; use --output-dir DIR "
                                   "for several."));
  if (cli.output_dir != NULL && !g_file_test (cli.output_dir, G_FILE_TEST_IS_DIR))
    return usage_error (context, _("The folder given to --output-dir does not exist. Create it "
                                   "first."));

  cli.campaigns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) lp_campaign_unref);
  cli.used_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  cli.results = g_async_queue_new ();
  cli.renderers = g_thread_pool_new (render_worker, &cli, (int) g_get_num_processors (),
                                     FALSE, NULL);
  return run_files (&cli);
}
