/* fuzz-complaint.c — the complaint file loader and every validator
 *
 * Input: the bytes of a complaint file (one object or an array). Whatever loads is
 * validated against the real campaign, written back to JSON and loaded again: the round
 * trip must hold.
 */
#define G_LOG_DOMAIN "lp-fuzz"

#include "fuzz-common.h"

#include "lp-complaint-json.h"
#include "lp-issue.h"
#include "lp-validate.h"

#include <stdlib.h>
#include <string.h>

/* Attachments are resolved against this directory; it holds the pictures of the tests. */
#define FUZZ_BASE_DIR SOURCE_ROOT "/tests/data"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  lp_fuzz_quiet_logs ();
  lp_fuzz_campaign ();
  return 0;
}

static void
check_round_trip (const LpComplaint *complaint)
{
  g_autofree char *json = NULL;
  gsize length = 0;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json_again = NULL;

  json = lp_complaint_to_json (complaint, &length);
  again = lp_complaint_load_data (json, (gssize) length, FUZZ_BASE_DIR, &error);
  if (again == NULL || again->len != 1)
    {
      g_printerr ("fuzz-complaint: a saved complaint does not load again: %s\n",
                  error != NULL ? error->message : "(not one complaint)");
      abort ();
    }
  json_again = lp_complaint_to_json (g_ptr_array_index (again, 0), NULL);
  if (strcmp (json, json_again) != 0)
    {
      g_printerr ("fuzz-complaint: saving, loading and saving again changes the file\n");
      abort ();
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) complaints = NULL;
  g_autoptr(GError) error = NULL;

  complaints = lp_complaint_load_data ((const char *) data, (gssize) size, FUZZ_BASE_DIR, &error);
  if (complaints == NULL)
    {
      /* Every refusal must say why. */
      if (error == NULL || error->message == NULL || error->message[0] == '\0')
        abort ();
      return 0;
    }

  for (guint i = 0; i < complaints->len; i++)
    {
      const LpComplaint *complaint = g_ptr_array_index (complaints, i);
      g_autoptr(LpIssueList) with_campaign = lp_issue_list_new ();
      g_autoptr(LpIssueList) without_campaign = lp_issue_list_new ();

      lp_validate_complaint (complaint, lp_fuzz_campaign (), lp_fuzz_today (), with_campaign);
      lp_validate_complaint (complaint, NULL, lp_fuzz_today (), without_campaign);
      /* Only the first few: an array of a thousand complaints would make a run slow. */
      if (i < 4)
        check_round_trip (complaint);
    }
  return 0;
}
