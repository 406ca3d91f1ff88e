/* lp-step-placeholder.c — see lp-step-placeholder.h
 *
 * No template: this page is one sentence and disappears as the steps are written. */
#define G_LOG_DOMAIN "lp-step-placeholder"

#include "lp-step-placeholder.h"

#include <glib/gi18n-lib.h>

struct _LpStepPlaceholder
{
  LpStep parent_instance;
};

G_DEFINE_FINAL_TYPE (LpStepPlaceholder, lp_step_placeholder, LP_TYPE_STEP)

static void
lp_step_placeholder_class_init (LpStepPlaceholderClass *klass)
{
}

static void
lp_step_placeholder_init (LpStepPlaceholder *self)
{
  GtkWidget *label = gtk_label_new (_("This step is not ready yet. Press “Next” to go on."));

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_parent (label, GTK_WIDGET (self));
}
