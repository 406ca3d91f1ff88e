/* fuzz-campaign.c — the campaign loader and its schema check
 *
 * Input: the bytes of a campaign file. Whatever loads is looked into the way the letter
 * does (texts, choices) so that a loader that accepts a half-filled campaign shows up.
 */
#define G_LOG_DOMAIN "lp-fuzz"

#include "fuzz-common.h"

#include <stdlib.h>

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  lp_fuzz_quiet_logs ();
  return 0;
}

static void
touch_choices (GPtrArray *choices)
{
  for (guint i = 0; choices != NULL && i < choices->len; i++)
    {
      const LpCampaignChoice *choice = g_ptr_array_index (choices, i);

      if (choice->id == NULL || choice->label == NULL)
        abort ();
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(LpCampaign) campaign = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *keys;

  campaign = lp_campaign_new_from_data ((const char *) data, (gssize) size, &error);
  if (campaign == NULL)
    {
      if (error == NULL || error->message == NULL || error->message[0] == '\0')
        abort ();
      return 0;
    }

  /* The letter relies on every required text being there. */
  for (keys = lp_campaign_required_texts (); *keys != NULL; keys++)
    if (lp_campaign_get_text (campaign, *keys) == NULL)
      abort ();
  touch_choices (campaign->operators);
  touch_choices (campaign->consequences);
  touch_choices (campaign->notification_channels);
  lp_campaign_find_operator (campaign, "viamedis");
  lp_campaign_find_consequence (campaign, "phishing-sms");
  lp_campaign_find_channel (campaign, "courrier");
  return 0;
}
