/* fuzz-common.c — the campaign and the date every target shares */
#define G_LOG_DOMAIN "lp-fuzz"

#include "fuzz-common.h"

#include <stdlib.h>

static LpCampaign *campaign;

const LpCampaign *
lp_fuzz_campaign (void)
{
  if (campaign == NULL)
    {
      g_autoptr(GError) error = NULL;

      campaign = lp_campaign_new_from_file (SOURCE_ROOT "/assets/campaigns/viamedis-almerys-2024.json",
                                            &error);
      if (campaign == NULL)
        {
          g_printerr ("fuzz: the campaign does not load: %s\n", error->message);
          abort ();
        }
    }
  return campaign;
}

const GDate *
lp_fuzz_today (void)
{
  static GDate today;

  if (!g_date_valid (&today))
    g_date_set_dmy (&today, 1, G_DATE_MARCH, 2024);
  return &today;
}

static GLogWriterOutput
quiet_writer (GLogLevelFlags   log_level,
              const GLogField *fields,
              gsize            n_fields,
              gpointer         user_data)
{
  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL))
    {
      g_log_writer_default (log_level, fields, n_fields, user_data);
      abort ();
    }
  return G_LOG_WRITER_HANDLED;
}

void
lp_fuzz_quiet_logs (void)
{
  /* G_DEBUG=fatal-warnings (set for the unit tests) would make a library's warning about a
   * damaged picture abort the run; criticals stay fatal. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  g_log_set_writer_func (quiet_writer, NULL, NULL);
}
