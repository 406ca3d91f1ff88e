/* fuzz-site-config.c — the site configuration loader (a GLib keyfile, architecture.md §5)
 *
 * Input: the text of a site.conf. It is loaded as if it were /nonexistent/lp-fuzz/site.conf,
 * so that relative secret-file paths resolve to nothing; an absolute one may name a real
 * file, which the loader then refuses unless it is private to the account running the
 * fuzzer (and reads at most once).
 */
#define G_LOG_DOMAIN "lp-fuzz"

#include "fuzz-common.h"

#include "lp-site-config.h"

#include <stdlib.h>

#define FUZZ_CONFIG_PATH "/nonexistent/lp-fuzz/site.conf"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  lp_fuzz_quiet_logs ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  LpSiteConfig *config;

  config = lp_site_config_load_from_data ((const char *) data, size, FUZZ_CONFIG_PATH, &error);
  if (config == NULL)
    {
      if (error == NULL || error->domain != LP_SITE_CONFIG_ERROR || error->message[0] == '\0')
        abort ();
      return 0;
    }
  /* What loaded is complete: a transport that sends has somewhere to send to. */
  if (config->transport != LP_SITE_TRANSPORT_NONE && (config->url == NULL || config->url[0] == '\0')
      && config->transport != LP_SITE_TRANSPORT_FRANCETRANSFERT)
    abort ();
  lp_site_config_free (config);
  return 0;
}
