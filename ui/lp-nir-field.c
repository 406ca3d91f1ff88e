/* lp-nir-field.c — see lp-nir-field.h */
#define G_LOG_DOMAIN "lp-nir-field"

#include "lp-nir-field.h"
#include "lp-nir.h"
#include "lp-secure.h"
#include "lp-secure-buffer.h"

#include <glib/gi18n-lib.h>

struct _LpNirField
{
  LpFormField parent_instance;

  GtkStack        *stack;
  GtkEntry        *entry;
  GtkLabel        *shown;        /* the masked number, or the whole one after "Show" */
  GtkToggleButton *show_button;
  GtkButton       *change_button;
  gboolean         loading;
};

G_DEFINE_FINAL_TYPE (LpNirField, lp_nir_field, LP_TYPE_FORM_FIELD)

/* The number as the carte Vitale prints it, whole or masked. */
static void
update_shown_text (LpNirField *self)
{
  char normalized[16];
  g_autoptr (LpSecureString) text = NULL;

  if (!lp_nir_normalize (lp_nir_field_get_value (self), normalized))
    normalized[0] = '\0';
  if (gtk_toggle_button_get_active (self->show_button))
    text = lp_nir_format (normalized);
  else
    text = lp_nir_mask (normalized);
  gtk_label_set_text (self->shown, text != NULL ? text : "");
  gtk_button_set_label (GTK_BUTTON (self->show_button),
                        gtk_toggle_button_get_active (self->show_button) ? _("_Hide")
                                                                        : _("_Show"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->show_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_toggle_button_get_active (self->show_button)
                                  ? _("Hide the social security number")
                                  : _("Show the whole social security number"),
                                  -1);
  lp_secure_zero (normalized, sizeof normalized);
}

/* Masks a number the core calls valid; a wrong one stays readable so it can be fixed. */
static void
mask_if_valid (LpNirField *self)
{
  const char *value = lp_nir_field_get_value (self);
  gboolean mask = value[0] != '\0' && lp_nir_is_valid (value);

  if (mask)
    {
      gtk_toggle_button_set_active (self->show_button, FALSE);
      update_shown_text (self);
      gtk_stack_set_visible_child_name (self->stack, "masked");
    }
  else
    gtk_stack_set_visible_child_name (self->stack, "edit");
}

static void
focus_left_cb (LpNirField *self)
{
  mask_if_valid (self);
}

static void
change_clicked_cb (LpNirField *self)
{
  gtk_toggle_button_set_active (self->show_button, FALSE);
  gtk_stack_set_visible_child_name (self->stack, "edit");
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
  gtk_editable_set_position (GTK_EDITABLE (self->entry), -1);
}

static void
entry_changed_cb (LpNirField *self)
{
  if (!self->loading)
    lp_form_field_notify_changed (LP_FORM_FIELD (self));
}

static GList *
lp_nir_field_get_accessibles (LpFormField *field)
{
  return g_list_prepend (NULL, LP_NIR_FIELD (field)->entry);
}

static GtkWidget *
build_masked_page (LpNirField *self)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *show = gtk_toggle_button_new_with_mnemonic (_("_Show"));
  GtkWidget *change = gtk_button_new_with_mnemonic (_("C_hange"));

  self->shown = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->shown), "lp-nir-shown");
  gtk_label_set_xalign (self->shown, 0);
  gtk_label_set_wrap (self->shown, TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->shown), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (show, "lp-secondary-button");
  gtk_widget_add_css_class (change, "lp-secondary-button");
  gtk_widget_set_valign (show, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (change, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (change), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Change the social security number"), -1);
  self->show_button = GTK_TOGGLE_BUTTON (show);
  self->change_button = GTK_BUTTON (change);
  g_signal_connect_swapped (show, "toggled", G_CALLBACK (update_shown_text), self);
  g_signal_connect_swapped (change, "clicked", G_CALLBACK (change_clicked_cb), self);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->shown));
  gtk_box_append (GTK_BOX (row), show);
  gtk_box_append (GTK_BOX (row), change);
  return row;
}

static void
lp_nir_field_class_init (LpNirFieldClass *klass)
{
  LP_FORM_FIELD_CLASS (klass)->get_accessibles = lp_nir_field_get_accessibles;
}

static void
lp_nir_field_init (LpNirField *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();
  g_autoptr (GtkEntryBuffer) buffer = lp_secure_buffer_new ();

  /* The number's memory is zeroed when it changes and when the entry dies; the undo
   * history would keep copies of its own (architecture.md §8). */
  self->entry = GTK_ENTRY (gtk_entry_new_with_buffer (buffer));
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->entry), FALSE);
  /* 15 characters and the spaces of the carte Vitale's grouping, with some slack. */
  gtk_entry_set_max_length (self->entry, 30);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->entry), 24);
  gtk_widget_set_halign (GTK_WIDGET (self->entry), GTK_ALIGN_START);
  gtk_entry_set_activates_default (self->entry, TRUE);
  gtk_entry_set_input_hints (self->entry, GTK_INPUT_HINT_NO_SPELLCHECK
                                          | GTK_INPUT_HINT_NO_EMOJI);
  g_signal_connect_swapped (self->entry, "changed", G_CALLBACK (entry_changed_cb), self);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_hhomogeneous (self->stack, FALSE);
  gtk_stack_set_vhomogeneous (self->stack, FALSE);
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->entry), "edit");
  gtk_stack_add_named (self->stack, build_masked_page (self), "masked");
  gtk_stack_set_visible_child_name (self->stack, "edit");
  lp_form_field_set_control (LP_FORM_FIELD (self), GTK_WIDGET (self->stack));

  g_signal_connect_swapped (focus, "leave", G_CALLBACK (focus_left_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
  lp_form_field_update_accessible (LP_FORM_FIELD (self));
}

LpNirField *
lp_nir_field_new (const char *label,
                  const char *path)
{
  return g_object_new (LP_TYPE_NIR_FIELD, "label", label, "path", path, NULL);
}

const char *
lp_nir_field_get_value (LpNirField *self)
{
  g_return_val_if_fail (LP_IS_NIR_FIELD (self), "");
  return gtk_editable_get_text (GTK_EDITABLE (self->entry));
}

void
lp_nir_field_set_value (LpNirField *self,
                        const char *value)
{
  g_return_if_fail (LP_IS_NIR_FIELD (self));
  if (value == NULL)
    value = "";
  if (g_strcmp0 (lp_nir_field_get_value (self), value) != 0)
    {
      self->loading = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->entry), value);
      self->loading = FALSE;
    }
  mask_if_valid (self);
}

gboolean
lp_nir_field_get_masked (LpNirField *self)
{
  g_return_val_if_fail (LP_IS_NIR_FIELD (self), FALSE);
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "masked") == 0;
}

GtkEditable *
lp_nir_field_get_entry (LpNirField *self)
{
  g_return_val_if_fail (LP_IS_NIR_FIELD (self), NULL);
  return GTK_EDITABLE (self->entry);
}

const char *
lp_nir_field_get_shown_text (LpNirField *self)
{
  g_return_val_if_fail (LP_IS_NIR_FIELD (self), NULL);
  return gtk_label_get_text (self->shown);
}
