/* lp-ui.c — see lp-ui.h */
#define G_LOG_DOMAIN "lp-ui"

#include "lp-ui.h"
#include "lp-resources.h"

void
lp_ui_ensure_resources (void)
{
  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      lp_ui_register_resource ();
      g_once_init_leave (&registered, 1);
    }
}

/* "_Next" -> "Next", "Rock __n roll" -> "Rock _n roll". */
static char *
strip_mnemonic (const char *label)
{
  GString *out = g_string_new (NULL);

  for (const char *p = label; *p != '\0'; p++)
    {
      if (*p == '_')
        {
          if (p[1] != '_')
            continue;
          p++;
        }
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

void
lp_ui_name_after_label (GtkWidget *widget)
{
  g_autofree char *name = NULL;

  if (GTK_IS_BUTTON (widget))
    {
      /* The mnemonic label already names the button through a labelled-by relation; the
       * label property GTK also sets holds the raw "_Next", and the two are concatenated. */
      gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL);
      return;
    }
  /* A check button is named by its label property alone: the raw "For _myself". */
  g_return_if_fail (GTK_IS_CHECK_BUTTON (widget));
  name = strip_mnemonic (gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}
