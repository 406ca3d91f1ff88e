/* fuzz-nir.c — the NIR parser: normalize, validate, format and mask
 *
 * Input: the first line is the NIR as typed; what follows the first newline, if anything,
 * is the birth date used for the cross-checks.
 */
#define G_LOG_DOMAIN "lp-fuzz"

#include "fuzz-common.h"

#include "lp-issue.h"
#include "lp-nir.h"

#include <stdlib.h>
#include <string.h>

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  lp_fuzz_quiet_logs ();
  return 0;
}

/* The masked form shows the first digit and the key only: never more of the number. */
static void
check_mask (const char *normalized)
{
  g_autofree char *masked = lp_nir_mask (normalized);
  g_autofree char *formatted = lp_nir_format (normalized);

  if (masked == NULL || formatted == NULL)
    abort ();
  if (strlen (normalized) == LP_NIR_LENGTH)
    {
      /* Digits 2 to 13 must not appear: strip the visible first digit and key, and no
       * digit may remain. */
      const char *p = g_utf8_next_char (masked);
      const char *end = masked + strlen (masked);

      if (end - p < 2)
        abort ();
      for (; p < end - 2; p++)
        if (g_ascii_isdigit (*p))
          abort ();
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  char *newline = strchr (text, '\n');
  const char *birth_date = NULL;
  char normalized[16];
  g_autoptr(LpIssueList) issues = lp_issue_list_new ();
  gboolean valid;

  if (newline != NULL)
    {
      *newline = '\0';
      birth_date = newline + 1;
    }

  lp_validate_nir (text, birth_date, "complainant.nir", issues);
  valid = lp_nir_is_valid (text);
  if (valid == lp_issue_list_has_errors (issues))
    abort ();

  memset (normalized, 'X', sizeof normalized);
  if (lp_nir_normalize (text, normalized))
    {
      if (memchr (normalized, '\0', sizeof normalized) == NULL)
        abort ();
      if (strlen (normalized) >= 13)
        {
          char body[14];

          memcpy (body, normalized, 13);
          body[13] = '\0';
          if (lp_nir_compute_key (body) > 97)
            abort ();
        }
      check_mask (normalized);
    }
  else if (normalized[0] != '\0')
    abort ();

  /* format and mask must survive any string, not only normalized ones. */
  g_free (lp_nir_format (text));
  g_free (lp_nir_mask (text));
  return 0;
}
