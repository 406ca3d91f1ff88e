/* lp-kiosk-keyboard.c — see lp-kiosk-keyboard.h */
#define G_LOG_DOMAIN "lp-kiosk-keyboard"

#include "lp-kiosk-keyboard.h"

#include <glib/gi18n-lib.h>

struct _LpKioskKeyboard
{
  GtkWidget   parent_instance;

  GtkWidget  *box;
  GHashTable *keys;       /* key id -> button (borrowed); letters by their lower case */
  GPtrArray  *letters;    /* buttons whose label follows shift (borrowed) */
  gboolean    shift;
};

G_DEFINE_FINAL_TYPE (LpKioskKeyboard, lp_kiosk_keyboard, GTK_TYPE_WIDGET)

enum {
  SIGNAL_HIDE_REQUESTED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

/* French AZERTY, with the accented letters on the row of w x c v b n, where there is room,
 * and what addresses and e-mail addresses need. "⌫" and "⇧" are the special keys. */
static const char *const rows[][15] = {
  { "1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "⌫", NULL },
  { "a", "z", "e", "r", "t", "y", "u", "i", "o", "p", "'", "-", NULL },
  { "q", "s", "d", "f", "g", "h", "j", "k", "l", "m", "@", ".", NULL },
  { "⇧", "w", "x", "c", "v", "b", "n", "é", "è", "ê", "à", "ç", "ù", "œ", NULL },
};

/* The text field with the focus: an entry's text (GtkEditable) or a text area. */
static GtkWidget *
find_target (LpKioskKeyboard *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus != NULL && GTK_IS_EDITABLE (focus)
      && gtk_editable_get_editable (GTK_EDITABLE (focus)))
    return focus;
  if (focus != NULL && GTK_IS_TEXT_VIEW (focus)
      && gtk_text_view_get_editable (GTK_TEXT_VIEW (focus)))
    return focus;
  return NULL;
}

static void
set_shift (LpKioskKeyboard *self,
           gboolean         shift)
{
  GtkWidget *shift_key = g_hash_table_lookup (self->keys, "shift");

  self->shift = shift;
  for (guint i = 0; i < self->letters->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (self->letters, i);
      const char *text = g_object_get_data (G_OBJECT (button), "lp-key");
      g_autofree char *upper = g_utf8_strup (text, -1);

      gtk_button_set_label (GTK_BUTTON (button), shift ? upper : text);
    }
  if (shift)
    gtk_widget_add_css_class (shift_key, "lp-key-on");
  else
    gtk_widget_remove_css_class (shift_key, "lp-key-on");
}

static void
scroll_to_cursor (GtkTextView *view)
{
  gtk_text_view_scroll_mark_onscreen (view,
                                      gtk_text_buffer_get_insert (gtk_text_view_get_buffer (view)));
}

static void
type_text (LpKioskKeyboard *self,
           const char      *text)
{
  GtkWidget *target = find_target (self);
  int start, end, position;

  if (target != NULL && GTK_IS_TEXT_VIEW (target))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (target));

      gtk_text_buffer_delete_selection (buffer, TRUE, TRUE);
      gtk_text_buffer_insert_interactive_at_cursor (buffer, text, -1, TRUE);
      scroll_to_cursor (GTK_TEXT_VIEW (target));
      return;
    }
  if (target == NULL)
    return;
  if (gtk_editable_get_selection_bounds (GTK_EDITABLE (target), &start, &end))
    gtk_editable_delete_text (GTK_EDITABLE (target), start, end);
  position = gtk_editable_get_position (GTK_EDITABLE (target));
  gtk_editable_insert_text (GTK_EDITABLE (target), text, -1, &position);
  gtk_editable_set_position (GTK_EDITABLE (target), position);
}

static void
backspace (LpKioskKeyboard *self)
{
  GtkWidget *target = find_target (self);
  int start, end;

  if (target != NULL && GTK_IS_TEXT_VIEW (target))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (target));
      GtkTextIter cursor;

      if (!gtk_text_buffer_delete_selection (buffer, TRUE, TRUE))
        {
          gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
          gtk_text_buffer_backspace (buffer, &cursor, TRUE, TRUE);
        }
      scroll_to_cursor (GTK_TEXT_VIEW (target));
      return;
    }
  if (target == NULL)
    return;
  if (gtk_editable_get_selection_bounds (GTK_EDITABLE (target), &start, &end))
    {
      gtk_editable_delete_text (GTK_EDITABLE (target), start, end);
      return;
    }
  end = gtk_editable_get_position (GTK_EDITABLE (target));
  if (end > 0)
    gtk_editable_delete_text (GTK_EDITABLE (target), end - 1, end);
}

void
lp_kiosk_keyboard_press (LpKioskKeyboard *self,
                         const char      *key)
{
  g_return_if_fail (LP_IS_KIOSK_KEYBOARD (self));

  if (g_str_equal (key, "shift"))
    set_shift (self, !self->shift);
  else if (g_str_equal (key, "backspace"))
    backspace (self);
  else if (g_str_equal (key, "space"))
    type_text (self, " ");
  else if (g_str_equal (key, "next"))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

      if (root != NULL)
        gtk_widget_child_focus (GTK_WIDGET (root), GTK_DIR_TAB_FORWARD);
    }
  else if (g_str_equal (key, "hide"))
    g_signal_emit (self, signals[SIGNAL_HIDE_REQUESTED], 0);
  else if (self->shift)
    {
      g_autofree char *upper = g_utf8_strup (key, -1);

      type_text (self, upper);
      set_shift (self, FALSE);
    }
  else
    type_text (self, key);
}

static void
key_clicked_cb (GtkButton       *button,
                LpKioskKeyboard *self)
{
  lp_kiosk_keyboard_press (self, g_object_get_data (G_OBJECT (button), "lp-key"));
}

static GtkWidget *
add_key (LpKioskKeyboard *self,
         GtkWidget       *row,
         const char      *id,
         const char      *label,
         const char      *accessible_name)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  /* The text field keeps the focus: a key must never take it. */
  gtk_widget_set_focusable (button, FALSE);
  gtk_widget_set_focus_on_click (button, FALSE);
  gtk_widget_add_css_class (button, "lp-key");
  if (accessible_name != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    accessible_name, -1);
  g_object_set_data_full (G_OBJECT (button), "lp-key", g_strdup (id), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (key_clicked_cb), self);
  g_hash_table_insert (self->keys, g_strdup (id), button);
  gtk_box_append (GTK_BOX (row), button);
  return button;
}

static GtkWidget *
new_row (LpKioskKeyboard *self)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);

  gtk_widget_set_halign (row, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (self->box), row);
  return row;
}

static void
build_keys (LpKioskKeyboard *self)
{
  GtkWidget *row;
  GtkWidget *key;

  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    {
      row = new_row (self);
      for (guint k = 0; rows[r][k] != NULL; k++)
        {
          const char *text = rows[r][k];

          if (g_str_equal (text, "⌫"))
            add_key (self, row, "backspace", text, _("Erase the previous letter"));
          else if (g_str_equal (text, "⇧"))
            /* Translators: the shift key of the on-screen keyboard (French: "⇧ Maj") */
            add_key (self, row, "shift", _("⇧ Caps"), _("Capital letter"));
          else
            {
              key = add_key (self, row, text, text, NULL);
              if (g_unichar_isalpha (g_utf8_get_char (text)))
                g_ptr_array_add (self->letters, key);
            }
        }
    }

  row = new_row (self);
  /* Translators: on-screen keyboard key that hides the keyboard */
  key = add_key (self, row, "hide", _("Hide keyboard"), NULL);
  gtk_widget_add_css_class (key, "lp-key-wide");
  /* Translators: the space bar of the on-screen keyboard */
  key = add_key (self, row, "space", _("Space"), NULL);
  gtk_widget_add_css_class (key, "lp-key-space");
  add_key (self, row, ",", ",", NULL);
  /* Translators: on-screen keyboard key that moves to the next field */
  key = add_key (self, row, "next", _("Next field"), NULL);
  gtk_widget_add_css_class (key, "lp-key-wide");
  gtk_widget_add_css_class (key, "suggested-action");
}

static void
lp_kiosk_keyboard_dispose (GObject *object)
{
  LpKioskKeyboard *self = LP_KIOSK_KEYBOARD (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_pointer (&self->keys, g_hash_table_unref);
  g_clear_pointer (&self->letters, g_ptr_array_unref);
  G_OBJECT_CLASS (lp_kiosk_keyboard_parent_class)->dispose (object);
}

static void
lp_kiosk_keyboard_class_init (LpKioskKeyboardClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = lp_kiosk_keyboard_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_css_name (widget_class, "lpkioskkeyboard");

  signals[SIGNAL_HIDE_REQUESTED] = g_signal_new ("hide-requested", G_TYPE_FROM_CLASS (klass),
                                                 G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                 G_TYPE_NONE, 0);
}

static void
lp_kiosk_keyboard_init (LpKioskKeyboard *self)
{
  self->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->letters = g_ptr_array_new ();
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  build_keys (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("On-screen keyboard"), -1);
}

LpKioskKeyboard *
lp_kiosk_keyboard_new (void)
{
  return g_object_new (LP_TYPE_KIOSK_KEYBOARD, NULL);
}

GtkWidget *
lp_kiosk_keyboard_get_key (LpKioskKeyboard *self,
                           const char      *key)
{
  g_return_val_if_fail (LP_IS_KIOSK_KEYBOARD (self), NULL);
  return g_hash_table_lookup (self->keys, key);
}
