/* lp-kiosk-admin.c — see lp-kiosk-admin.h */
#define G_LOG_DOMAIN "lp-kiosk-admin"

#include "lp-kiosk-admin.h"
#include "lp-kiosk-pin.h"
#include "lp-secure.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#define FREE_TRIES        2      /* wrong PINs before the keypad starts to wait */
#define FIRST_WAIT        5      /* seconds, doubled at each further wrong PIN */
#define LONGEST_WAIT      300
#define GUARD_KEY         "lp-kiosk-admin-guard"

/* Kept on the application: closing and reopening the card must not reset the count. */
typedef struct {
  guint  failures;
  gint64 wait_until;    /* monotonic µs */
} Guard;

struct _LpKioskAdmin
{
  GtkWidget   parent_instance;

  GtkWidget  *box;
  GtkStack   *stack;
  GtkLabel   *dots;
  GtkLabel   *message;
  GtkWidget  *keypad;
  GHashTable *buttons;      /* key name -> GtkWidget (borrowed) */

  Guard      *guard;        /* owned by the application */
  char       *pin_hash;
  char        pin[LP_KIOSK_PIN_MAX_DIGITS + 1];
  guint       n_digits;
  guint       wait_id;
};

G_DEFINE_FINAL_TYPE (LpKioskAdmin, lp_kiosk_admin, GTK_TYPE_WIDGET)

enum {
  SIGNAL_QUIT,
  SIGNAL_DONE,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

static void
clear_pin (LpKioskAdmin *self)
{
  lp_secure_zero (self->pin, sizeof self->pin);
  self->n_digits = 0;
}

static void
update_dots (LpKioskAdmin *self)
{
  GString *dots = g_string_new (NULL);
  g_autofree char *name = NULL;

  for (guint i = 0; i < self->n_digits; i++)
    g_string_append (dots, i == 0 ? "●" : " ●");
  gtk_label_set_text (self->dots, dots->len > 0 ? dots->str : " ");
  g_string_free (dots, TRUE);
  name = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "PIN: %u digit entered",
                                       "PIN: %u digits entered", self->n_digits),
                          self->n_digits);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->dots), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  name, -1);
}

static guint
seconds_to_wait (LpKioskAdmin *self)
{
  gint64 left = self->guard->wait_until - g_get_monotonic_time ();

  return left > 0 ? (guint) ((left + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC) : 0;
}

static gboolean
wait_tick_cb (gpointer user_data)
{
  LpKioskAdmin *self = user_data;
  guint left = seconds_to_wait (self);
  g_autofree char *text = NULL;

  if (left == 0)
    {
      self->wait_id = 0;
      gtk_widget_set_sensitive (self->keypad, TRUE);
      gtk_label_set_text (self->message, _("You can try again."));
      return G_SOURCE_REMOVE;
    }
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Too many wrong PINs. Wait %u second before trying again.",
                                       "Too many wrong PINs. Wait %u seconds before trying again.",
                                       left),
                          left);
  gtk_label_set_text (self->message, text);
  return G_SOURCE_CONTINUE;
}

static void
start_waiting (LpKioskAdmin *self)
{
  gtk_widget_set_sensitive (self->keypad, FALSE);
  wait_tick_cb (self);
  if (self->wait_id == 0)
    self->wait_id = g_timeout_add (1000, wait_tick_cb, self);
}

static void
submit (LpKioskAdmin *self)
{
  if (lp_kiosk_admin_is_waiting (self) || lp_kiosk_admin_is_unlocked (self))
    return;
  if (self->n_digits < LP_KIOSK_PIN_MIN_DIGITS)
    {
      gtk_label_set_text (self->message, _("The PIN has at least 4 digits."));
      return;
    }
  if (lp_kiosk_pin_check (self->pin_hash, self->pin))
    {
      clear_pin (self);
      update_dots (self);
      self->guard->failures = 0;
      self->guard->wait_until = 0;
      g_message ("The administrator unlocked the kiosk.");
      gtk_stack_set_visible_child_name (self->stack, "menu");
      gtk_widget_grab_focus (g_hash_table_lookup (self->buttons, "back"));
      return;
    }

  clear_pin (self);
  update_dots (self);
  self->guard->failures++;
  g_message ("A wrong administrator PIN was entered (%u in a row).", self->guard->failures);
  if (self->guard->failures > FREE_TRIES)
    {
      guint shift = MIN (self->guard->failures - FREE_TRIES - 1, 16);
      guint wait = MIN ((guint) FIRST_WAIT << shift, LONGEST_WAIT);

      self->guard->wait_until = g_get_monotonic_time () + (gint64) wait * G_USEC_PER_SEC;
      start_waiting (self);
    }
  else
    gtk_label_set_text (self->message, _("Wrong PIN. Try again."));
}

void
lp_kiosk_admin_press (LpKioskAdmin *self,
                      const char   *key)
{
  g_return_if_fail (LP_IS_KIOSK_ADMIN (self));

  if (lp_kiosk_admin_is_waiting (self) || lp_kiosk_admin_is_unlocked (self))
    return;
  if (g_str_equal (key, "ok"))
    {
      submit (self);
      return;
    }
  if (g_str_equal (key, "erase"))
    {
      if (self->n_digits > 0)
        self->pin[--self->n_digits] = '\0';
    }
  else if (strlen (key) == 1 && g_ascii_isdigit (key[0])
           && self->n_digits < LP_KIOSK_PIN_MAX_DIGITS)
    self->pin[self->n_digits++] = key[0];
  gtk_label_set_text (self->message, "");
  update_dots (self);
}

static void
key_clicked_cb (GtkButton    *button,
                LpKioskAdmin *self)
{
  lp_kiosk_admin_press (self, g_object_get_data (G_OBJECT (button), "lp-key"));
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                LpKioskAdmin          *self)
{
  guint32 c = gdk_keyval_to_unicode (keyval);

  if (keyval == GDK_KEY_Escape)
    {
      g_signal_emit (self, signals[SIGNAL_DONE], 0);
      return TRUE;
    }
  if (lp_kiosk_admin_is_unlocked (self))
    return FALSE;
  if (c >= '0' && c <= '9')
    {
      char key[2] = { (char) c, '\0' };

      lp_kiosk_admin_press (self, key);
      return TRUE;
    }
  if (keyval == GDK_KEY_BackSpace)
    {
      lp_kiosk_admin_press (self, "erase");
      return TRUE;
    }
  if (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter)
    {
      lp_kiosk_admin_press (self, "ok");
      return TRUE;
    }
  return FALSE;
}

static GtkWidget *
add_button (LpKioskAdmin *self,
            const char   *key,
            const char   *label,
            const char   *accessible_name,
            const char   *css_class)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_widget_add_css_class (button, css_class);
  if (accessible_name != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    accessible_name, -1);
  g_object_set_data_full (G_OBJECT (button), "lp-key", g_strdup (key), g_free);
  g_hash_table_insert (self->buttons, g_strdup (key), button);
  return button;
}

static GtkWidget *
new_label_with_role (const char        *text,
                     const char        *css_class,
                     GtkAccessibleRole  role)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL, "label", text, "accessible-role", role, NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
new_label (const char *text,
           const char *css_class)
{
  return new_label_with_role (text, css_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
emit_done (LpKioskAdmin *self)
{
  g_signal_emit (self, signals[SIGNAL_DONE], 0);
}

static void
emit_quit (LpKioskAdmin *self)
{
  g_signal_emit (self, signals[SIGNAL_QUIT], 0);
}

static GtkWidget *
build_pin_page (LpKioskAdmin *self)
{
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *heading = new_label_with_role (_("Administrator access"), "lp-kiosk-heading",
                                            GTK_ACCESSIBLE_ROLE_HEADING);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *cancel;
  static const char *digits[] = { "1", "2", "3", "4", "5", "6", "7", "8", "9" };

  gtk_box_append (GTK_BOX (page), heading);
  gtk_box_append (GTK_BOX (page),
                  new_label (_("Enter the administrator’s PIN. If you are not the administrator, "
                               "press “Cancel”."), "lp-kiosk-body"));
  self->dots = GTK_LABEL (new_label (" ", "lp-kiosk-pin-dots"));
  gtk_widget_set_halign (GTK_WIDGET (self->dots), GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (page), GTK_WIDGET (self->dots));

  gtk_grid_set_row_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_homogeneous (GTK_GRID (grid), TRUE);
  gtk_grid_set_column_homogeneous (GTK_GRID (grid), TRUE);
  gtk_widget_set_halign (grid, GTK_ALIGN_CENTER);
  for (guint i = 0; i < G_N_ELEMENTS (digits); i++)
    gtk_grid_attach (GTK_GRID (grid), add_button (self, digits[i], digits[i], NULL, "lp-kiosk-pin-key"),
                     (int) (i % 3), (int) (i / 3), 1, 1);
  /* Translators: keypad key that removes the last digit typed */
  gtk_grid_attach (GTK_GRID (grid), add_button (self, "erase", "⌫", _("Erase the last digit"),
                                                "lp-kiosk-pin-key"), 0, 3, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), add_button (self, "0", "0", NULL, "lp-kiosk-pin-key"),
                   1, 3, 1, 1);
  /* Translators: keypad key that checks the PIN typed */
  gtk_grid_attach (GTK_GRID (grid), add_button (self, "ok", _("OK"), _("Check the PIN"),
                                                "lp-kiosk-pin-key"), 2, 3, 1, 1);
  gtk_widget_add_css_class (g_hash_table_lookup (self->buttons, "ok"), "suggested-action");
  for (GtkWidget *child = gtk_widget_get_first_child (grid); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    g_signal_connect (child, "clicked", G_CALLBACK (key_clicked_cb), self);
  self->keypad = grid;
  gtk_box_append (GTK_BOX (page), grid);

  self->message = GTK_LABEL (new_label_with_role ("", "lp-kiosk-message",
                                                  GTK_ACCESSIBLE_ROLE_STATUS));
  gtk_box_append (GTK_BOX (page), GTK_WIDGET (self->message));

  cancel = add_button (self, "cancel", _("Cancel"), NULL, "lp-kiosk-wide-button");
  gtk_widget_add_css_class (cancel, "pill");
  gtk_widget_set_halign (cancel, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (emit_done), self);
  gtk_box_append (GTK_BOX (page), cancel);
  return page;
}

static GtkWidget *
build_menu_page (LpKioskAdmin *self,
                 const char   *config_path,
                 const char   *mode_name)
{
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 16);
  GtkWidget *heading = new_label_with_role (_("Administration"), "lp-kiosk-heading",
                                            GTK_ACCESSIBLE_ROLE_HEADING);
  GtkWidget *quit;
  GtkWidget *back;
  GtkWidget *path_label;
  g_autofree char *mode_text = NULL;
  g_autofree char *path_text = NULL;

  gtk_box_append (GTK_BOX (page), heading);
  /* Translators: %s is a path such as /etc/lettre-plainte/site.conf */
  path_text = g_strdup_printf (_("Site configuration: %s"),
                               config_path != NULL ? config_path : _("none (built-in defaults)"));
  path_label = new_label (path_text, "lp-kiosk-body");
  gtk_label_set_wrap_mode (GTK_LABEL (path_label), PANGO_WRAP_WORD_CHAR);
  gtk_box_append (GTK_BOX (page), path_label);
  /* Translators: %s is "kiosk", "assisted" or "home", as written in the configuration */
  mode_text = g_strdup_printf (_("Mode: %s"), mode_name);
  gtk_box_append (GTK_BOX (page), new_label (mode_text, "lp-kiosk-body"));
  gtk_box_append (GTK_BOX (page),
                  new_label (_("Quitting erases everything that was typed. Under the kiosk "
                               "session, the program starts again by itself."), "lp-kiosk-body"));

  quit = add_button (self, "quit", _("Quit the program"), NULL, "lp-kiosk-wide-button");
  gtk_widget_add_css_class (quit, "destructive-action");
  gtk_widget_add_css_class (quit, "pill");
  gtk_widget_set_halign (quit, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (quit, "clicked", G_CALLBACK (emit_quit), self);
  gtk_box_append (GTK_BOX (page), quit);
  back = add_button (self, "back", _("Back to the form"), NULL, "lp-kiosk-wide-button");
  gtk_widget_add_css_class (back, "pill");
  gtk_widget_set_halign (back, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (back, "clicked", G_CALLBACK (emit_done), self);
  gtk_box_append (GTK_BOX (page), back);
  return page;
}

static gboolean
lp_kiosk_admin_grab_focus (GtkWidget *widget)
{
  LpKioskAdmin *self = LP_KIOSK_ADMIN (widget);

  if (lp_kiosk_admin_is_unlocked (self))
    return gtk_widget_grab_focus (g_hash_table_lookup (self->buttons, "back"));
  if (lp_kiosk_admin_is_waiting (self))
    return gtk_widget_grab_focus (g_hash_table_lookup (self->buttons, "cancel"));
  return gtk_widget_grab_focus (g_hash_table_lookup (self->buttons, "1"));
}

static void
lp_kiosk_admin_dispose (GObject *object)
{
  LpKioskAdmin *self = LP_KIOSK_ADMIN (object);

  g_clear_handle_id (&self->wait_id, g_source_remove);
  clear_pin (self);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_pointer (&self->buttons, g_hash_table_unref);
  g_clear_pointer (&self->pin_hash, g_free);
  G_OBJECT_CLASS (lp_kiosk_admin_parent_class)->dispose (object);
}

static void
lp_kiosk_admin_class_init (LpKioskAdminClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = lp_kiosk_admin_dispose;
  widget_class->grab_focus = lp_kiosk_admin_grab_focus;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_widget_class_set_css_name (widget_class, "lpkioskadmin");

  signals[SIGNAL_QUIT] = g_signal_new ("quit", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
lp_kiosk_admin_init (LpKioskAdmin *self)
{
  self->buttons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

LpKioskAdmin *
lp_kiosk_admin_new (GApplication *application,
                    const char   *pin_hash,
                    const char   *config_path,
                    const char   *mode_name)
{
  LpKioskAdmin *self;
  GtkEventController *keys;

  g_return_val_if_fail (G_IS_APPLICATION (application), NULL);

  self = g_object_new (LP_TYPE_KIOSK_ADMIN, NULL);
  self->pin_hash = g_strdup (pin_hash != NULL ? pin_hash : "");
  self->guard = g_object_get_data (G_OBJECT (application), GUARD_KEY);
  if (self->guard == NULL)
    {
      self->guard = g_new0 (Guard, 1);
      g_object_set_data_full (G_OBJECT (application), GUARD_KEY, self->guard, g_free);
    }

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (self->box, "lp-kiosk-card");
  gtk_widget_set_halign (self->box, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (self->box, GTK_ALIGN_CENTER);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_vhomogeneous (self->stack, FALSE);
  gtk_stack_add_named (self->stack, build_pin_page (self), "pin");
  gtk_stack_add_named (self->stack, build_menu_page (self, config_path, mode_name), "menu");
  gtk_stack_set_visible_child_name (self->stack, "pin");
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->stack));
  update_dots (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Administrator access"), -1);

  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  if (seconds_to_wait (self) > 0)
    start_waiting (self);
  return self;
}

gboolean
lp_kiosk_admin_is_unlocked (LpKioskAdmin *self)
{
  g_return_val_if_fail (LP_IS_KIOSK_ADMIN (self), FALSE);
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "menu") == 0;
}

gboolean
lp_kiosk_admin_is_waiting (LpKioskAdmin *self)
{
  g_return_val_if_fail (LP_IS_KIOSK_ADMIN (self), FALSE);
  return seconds_to_wait (self) > 0;
}

const char *
lp_kiosk_admin_get_message (LpKioskAdmin *self)
{
  g_return_val_if_fail (LP_IS_KIOSK_ADMIN (self), "");
  return gtk_label_get_text (self->message);
}

GtkWidget *
lp_kiosk_admin_get_button (LpKioskAdmin *self,
                           const char   *key)
{
  g_return_val_if_fail (LP_IS_KIOSK_ADMIN (self), NULL);
  return g_hash_table_lookup (self->buttons, key);
}
