/* fuzz-template.c — the campaign wording templates: check and expand
 *
 * Input: a template. It is checked against the placeholders the campaign allows and
 * against any name, then expanded with every allowed placeholder set; a template that
 * passes the check must expand.
 */
#define G_LOG_DOMAIN "lp-fuzz"

#include "fuzz-common.h"

#include "lp-template.h"

#include <stdlib.h>

static GHashTable *values;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  lp_fuzz_quiet_logs ();
  values = g_hash_table_new (g_str_hash, g_str_equal);
  for (const char * const *name = lp_campaign_allowed_placeholders (); *name != NULL; name++)
    g_hash_table_insert (values, (gpointer) *name, (gpointer) "valeur {avec} accolades");
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(GError) error = NULL;
  g_autofree char *expanded = NULL;
  gboolean allowed_ok, any_ok;

  allowed_ok = lp_template_check (text, lp_campaign_allowed_placeholders (), NULL);
  any_ok = lp_template_check (text, NULL, NULL);
  /* A stricter check cannot accept what the looser one refuses. */
  if (allowed_ok && !any_ok)
    abort ();

  expanded = lp_template_expand (text, values, &error);
  if (allowed_ok && expanded == NULL)
    {
      g_printerr ("fuzz-template: a checked template does not expand: %s\n", error->message);
      abort ();
    }
  if (expanded == NULL && (error == NULL || error->message[0] == '\0'))
    abort ();
  return 0;
}
