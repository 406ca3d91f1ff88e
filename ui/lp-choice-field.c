/* lp-choice-field.c — see lp-choice-field.h */
#define G_LOG_DOMAIN "lp-choice-field"

#include "lp-choice-field.h"
#include "lp-ui.h"

struct _LpChoiceField
{
  LpFormField parent_instance;

  GtkBox         *box;
  GtkCheckButton *first;    /* the group leader */
  gboolean        loading;
};

G_DEFINE_FINAL_TYPE (LpChoiceField, lp_choice_field, LP_TYPE_FORM_FIELD)

#define CHOICE_ID_KEY "lp-choice-id"

static void
toggled_cb (GtkCheckButton *button,
            LpChoiceField  *self)
{
  /* Both the old and the new button emit "toggled": count the one that became active. */
  if (!self->loading && gtk_check_button_get_active (button))
    lp_form_field_notify_changed (LP_FORM_FIELD (self));
}

static void
lp_choice_field_class_init (LpChoiceFieldClass *klass)
{
}

static void
lp_choice_field_init (LpChoiceField *self)
{
  self->box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 4));
  gtk_widget_add_css_class (GTK_WIDGET (self->box), "lp-choices");
  lp_form_field_set_control (LP_FORM_FIELD (self), GTK_WIDGET (self->box));
}

LpChoiceField *
lp_choice_field_new (const char *label,
                     const char *path)
{
  return g_object_new (LP_TYPE_CHOICE_FIELD, "label", label, "path", path, NULL);
}

GtkCheckButton *
lp_choice_field_add_choice (LpChoiceField *self,
                            const char    *id,
                            const char    *label)
{
  GtkWidget *button;

  g_return_val_if_fail (LP_IS_CHOICE_FIELD (self), NULL);
  g_return_val_if_fail (id != NULL && label != NULL, NULL);

  /* A radio button for screen readers too: GTK 4.8 keeps the check-box role of a
   * grouped GtkCheckButton, and the role can only be given at construction. */
  button = g_object_new (GTK_TYPE_CHECK_BUTTON,
                         "accessible-role", GTK_ACCESSIBLE_ROLE_RADIO,
                         "label", label,
                         "use-underline", TRUE,
                         NULL);
  lp_ui_name_after_label (button);
  g_object_set_data_full (G_OBJECT (button), CHOICE_ID_KEY, g_strdup (id), g_free);
  gtk_widget_add_css_class (button, "lp-choice");
  if (self->first == NULL)
    self->first = GTK_CHECK_BUTTON (button);
  else
    gtk_check_button_set_group (GTK_CHECK_BUTTON (button), self->first);
  g_signal_connect (button, "toggled", G_CALLBACK (toggled_cb), self);
  gtk_box_append (self->box, button);
  return GTK_CHECK_BUTTON (button);
}

const char *
lp_choice_field_get_active (LpChoiceField *self)
{
  g_return_val_if_fail (LP_IS_CHOICE_FIELD (self), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (child)))
      return g_object_get_data (G_OBJECT (child), CHOICE_ID_KEY);
  return NULL;
}

void
lp_choice_field_set_active (LpChoiceField *self,
                            const char    *id)
{
  g_return_if_fail (LP_IS_CHOICE_FIELD (self));

  self->loading = TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      const char *child_id = g_object_get_data (G_OBJECT (child), CHOICE_ID_KEY);

      gtk_check_button_set_active (GTK_CHECK_BUTTON (child),
                                   id != NULL && g_strcmp0 (child_id, id) == 0);
    }
  self->loading = FALSE;
}

void
lp_choice_field_set_horizontal (LpChoiceField *self,
                                gboolean       horizontal)
{
  g_return_if_fail (LP_IS_CHOICE_FIELD (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->box),
                                  horizontal ? GTK_ORIENTATION_HORIZONTAL
                                             : GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (self->box, horizontal ? 24 : 4);
}
