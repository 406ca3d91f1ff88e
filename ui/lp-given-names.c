/* lp-given-names.c — see lp-given-names.h */
#define G_LOG_DOMAIN "lp-given-names"

#include "lp-given-names.h"
#include "lp-ui.h"

#include <glib/gi18n-lib.h>

/* More given names than this is surely a mistake; the button then greys out. */
#define MAX_GIVEN_NAMES 8

struct _LpGivenNames
{
  LpFormField parent_instance;

  GtkBox         *entries_box;
  GtkWidget      *add_button;
  GtkCheckButton *none_button;
  GPtrArray      *entries;    /* GtkEntry*, borrowed */
  gboolean        loading;
};

G_DEFINE_FINAL_TYPE (LpGivenNames, lp_given_names, LP_TYPE_FORM_FIELD)

static void
changed_cb (LpGivenNames *self)
{
  if (!self->loading)
    lp_form_field_notify_changed (LP_FORM_FIELD (self));
}

static void
label_entry (LpGivenNames *self,
             GtkEntry     *entry,
             guint         index)
{
  /* Translators: the accessible name of the n-th given-name entry (DSFR: "Prénom 2") */
  g_autofree char *name = g_strdup_printf (_("Given name %u"), index + 1);

  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
}

GtkEditable *
lp_given_names_add_entry (LpGivenNames *self)
{
  GtkWidget *entry;

  g_return_val_if_fail (LP_IS_GIVEN_NAMES (self), NULL);

  entry = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_NAME);
  gtk_entry_set_input_hints (GTK_ENTRY (entry), GTK_INPUT_HINT_UPPERCASE_WORDS);
  gtk_widget_set_sensitive (entry, !gtk_check_button_get_active (self->none_button));
  label_entry (self, GTK_ENTRY (entry), self->entries->len);
  g_signal_connect_swapped (entry, "changed", G_CALLBACK (changed_cb), self);
  gtk_box_append (self->entries_box, entry);
  g_ptr_array_add (self->entries, entry);
  gtk_widget_set_sensitive (self->add_button, self->entries->len < MAX_GIVEN_NAMES);
  lp_form_field_update_accessible (LP_FORM_FIELD (self));
  return GTK_EDITABLE (entry);
}

static void
add_clicked_cb (LpGivenNames *self)
{
  GtkEditable *entry = lp_given_names_add_entry (self);

  gtk_widget_grab_focus (GTK_WIDGET (entry));
}

static void
none_toggled_cb (LpGivenNames *self)
{
  gboolean none = gtk_check_button_get_active (self->none_button);

  for (guint i = 0; i < self->entries->len; i++)
    gtk_widget_set_sensitive (g_ptr_array_index (self->entries, i), !none);
  gtk_widget_set_sensitive (self->add_button, !none && self->entries->len < MAX_GIVEN_NAMES);
  changed_cb (self);
}

static GList *
lp_given_names_get_accessibles (LpFormField *field)
{
  LpGivenNames *self = LP_GIVEN_NAMES (field);
  GList *list = NULL;

  /* Called by the parent's init, before ours. */
  if (self->entries == NULL)
    return NULL;
  for (guint i = self->entries->len; i > 0; i--)
    list = g_list_prepend (list, g_ptr_array_index (self->entries, i - 1));
  return g_list_append (list, self->none_button);
}

static void
lp_given_names_finalize (GObject *object)
{
  g_ptr_array_unref (LP_GIVEN_NAMES (object)->entries);
  G_OBJECT_CLASS (lp_given_names_parent_class)->finalize (object);
}

static void
lp_given_names_class_init (LpGivenNamesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lp_given_names_finalize;
  LP_FORM_FIELD_CLASS (klass)->get_accessibles = lp_given_names_get_accessibles;
  LP_FORM_FIELD_CLASS (klass)->names_own_accessibles = TRUE;   /* Given name 1, 2... */
}

static void
lp_given_names_init (LpGivenNames *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *add = gtk_button_new_with_mnemonic (_("_Add a given name"));
  GtkWidget *none = g_object_new (GTK_TYPE_CHECK_BUTTON,
                                  "label", _("I have _no given name"),
                                  "use-underline", TRUE,
                                  NULL);

  lp_ui_name_after_label (add);
  lp_ui_name_after_label (none);
  self->entries = g_ptr_array_new ();
  self->entries_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 8));
  self->add_button = add;
  self->none_button = GTK_CHECK_BUTTON (none);
  gtk_widget_set_halign (add, GTK_ALIGN_START);
  gtk_widget_add_css_class (add, "lp-secondary-button");
  g_signal_connect_swapped (add, "clicked", G_CALLBACK (add_clicked_cb), self);
  g_signal_connect_swapped (none, "toggled", G_CALLBACK (none_toggled_cb), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->entries_box));
  gtk_box_append (GTK_BOX (box), add);
  gtk_box_append (GTK_BOX (box), none);
  lp_form_field_set_control (LP_FORM_FIELD (self), box);
  lp_given_names_add_entry (self);
}

LpGivenNames *
lp_given_names_new (const char *path)
{
  return g_object_new (LP_TYPE_GIVEN_NAMES,
                       /* Translators: DSFR "Prénom(s)" */
                       "label", _("Given names"),
                       "hint", _("All your given names, in the order of your birth certificate. "
                                 "One name per box."),
                       "path", path,
                       NULL);
}

void
lp_given_names_set (LpGivenNames    *self,
                    const GPtrArray *names,
                    gboolean         no_given_name)
{
  guint n = names != NULL ? names->len : 0;

  g_return_if_fail (LP_IS_GIVEN_NAMES (self));

  self->loading = TRUE;
  while (self->entries->len < MAX (n, 1))
    lp_given_names_add_entry (self);
  /* Extra empty entries stay: the person added them on purpose and may still type. */
  for (guint i = 0; i < self->entries->len; i++)
    gtk_editable_set_text (g_ptr_array_index (self->entries, i),
                           i < n ? g_ptr_array_index (names, i) : "");
  gtk_check_button_set_active (self->none_button, no_given_name);
  self->loading = FALSE;
}

void
lp_given_names_get (LpGivenNames *self,
                    GPtrArray    *names,
                    gboolean     *no_given_name)
{
  g_return_if_fail (LP_IS_GIVEN_NAMES (self));
  g_return_if_fail (names != NULL);

  g_ptr_array_set_size (names, 0);
  for (guint i = 0; i < self->entries->len; i++)
    {
      const char *text = gtk_editable_get_text (g_ptr_array_index (self->entries, i));
      const char *c = text;

      /* An empty box is not a given name; the others go to the model as typed (no copy of
       * a name is made to find out). */
      while (g_ascii_isspace (*c))
        c++;
      if (*c != '\0')
        g_ptr_array_add (names, g_strdup (text));
    }
  if (no_given_name != NULL)
    *no_given_name = gtk_check_button_get_active (self->none_button);
}

guint
lp_given_names_get_n_entries (LpGivenNames *self)
{
  g_return_val_if_fail (LP_IS_GIVEN_NAMES (self), 0);
  return self->entries->len;
}

GtkEditable *
lp_given_names_get_entry (LpGivenNames *self,
                          guint         index)
{
  g_return_val_if_fail (LP_IS_GIVEN_NAMES (self), NULL);
  g_return_val_if_fail (index < self->entries->len, NULL);
  return g_ptr_array_index (self->entries, index);
}

GtkCheckButton *
lp_given_names_get_none_button (LpGivenNames *self)
{
  g_return_val_if_fail (LP_IS_GIVEN_NAMES (self), NULL);
  return self->none_button;
}
