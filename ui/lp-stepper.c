/* lp-stepper.c — see lp-stepper.h */
#define G_LOG_DOMAIN "lp-stepper"

#include "lp-stepper.h"
#include "lp-ui.h"

#include <glib/gi18n-lib.h>

struct _LpStepper
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkLabel *count_label;
  GtkLabel *title_label;
  GtkBox   *segments;
  GtkLabel *next_label;
};

G_DEFINE_FINAL_TYPE (LpStepper, lp_stepper, GTK_TYPE_WIDGET)

static void
lp_stepper_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LP_TYPE_STEPPER);
  G_OBJECT_CLASS (lp_stepper_parent_class)->dispose (object);
}

static void
lp_stepper_class_init (LpStepperClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = lp_stepper_dispose;
  lp_ui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, LP_RESOURCE_PREFIX "lp-stepper.ui");
  gtk_widget_class_bind_template_child (widget_class, LpStepper, count_label);
  gtk_widget_class_bind_template_child (widget_class, LpStepper, next_label);
  gtk_widget_class_bind_template_child (widget_class, LpStepper, segments);
  gtk_widget_class_bind_template_child (widget_class, LpStepper, title_label);
  gtk_widget_class_set_css_name (widget_class, "lpstepper");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
lp_stepper_init (LpStepper *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
lp_stepper_new (void)
{
  return g_object_new (LP_TYPE_STEPPER, NULL);
}

static void
fill_segments (LpStepper *self,
               guint      current,
               guint      count)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->segments))) != NULL)
    gtk_box_remove (self->segments, child);
  for (guint i = 1; i <= count; i++)
    {
      GtkWidget *segment = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

      gtk_widget_add_css_class (segment, "lp-stepper-segment");
      if (i <= current)
        gtk_widget_add_css_class (segment, "lp-done");
      gtk_box_append (self->segments, segment);
    }
}

void
lp_stepper_set_step (LpStepper  *self,
                     guint       current,
                     guint       count,
                     const char *title,
                     const char *next_title)
{
  g_autofree char *count_text = NULL;
  g_autofree char *next_text = NULL;

  g_return_if_fail (LP_IS_STEPPER (self));
  g_return_if_fail (current >= 1 && current <= count);

  /* Translators: the stepper above every step (DSFR: "Étape 2 sur 8") */
  count_text = g_strdup_printf (_("Step %u of %u"), current, count);
  gtk_label_set_text (self->count_label, count_text);
  gtk_label_set_text (self->title_label, title != NULL ? title : "");
  fill_segments (self, current, count);
  if (next_title != NULL)
    {
      /* Translators: under the stepper; %s is the next step's title (DSFR: "Étape
       * suivante : Vos coordonnées") */
      next_text = g_strdup_printf (_("Next step: %s"), next_title);
      gtk_label_set_text (self->next_label, next_text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->next_label), next_title != NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  count_text, -1);
}

const char *
lp_stepper_get_count_text (LpStepper *self)
{
  g_return_val_if_fail (LP_IS_STEPPER (self), NULL);
  return gtk_label_get_text (self->count_label);
}

const char *
lp_stepper_get_title (LpStepper *self)
{
  g_return_val_if_fail (LP_IS_STEPPER (self), NULL);
  return gtk_label_get_text (self->title_label);
}

const char *
lp_stepper_get_next_text (LpStepper *self)
{
  g_return_val_if_fail (LP_IS_STEPPER (self), NULL);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->next_label)))
    return NULL;
  return gtk_label_get_text (self->next_label);
}
