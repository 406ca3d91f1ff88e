/* lp-kiosk-countdown.c — see lp-kiosk-countdown.h */
#define G_LOG_DOMAIN "lp-kiosk-countdown"

#include "lp-kiosk-countdown.h"

#include <glib/gi18n-lib.h>

struct _LpKioskCountdown
{
  GtkWidget  parent_instance;

  GtkWidget *box;
  GtkLabel  *seconds_label;
  GtkLabel  *body;
  GtkWidget *button;
  guint      remaining;
  guint      tick_id;
};

G_DEFINE_FINAL_TYPE (LpKioskCountdown, lp_kiosk_countdown, GTK_TYPE_WIDGET)

enum {
  SIGNAL_STILL_HERE,
  SIGNAL_EXPIRED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

static void
update_labels (LpKioskCountdown *self)
{
  g_autofree char *number = g_strdup_printf ("%u", self->remaining);
  g_autofree char *body = NULL;

  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "For your privacy, everything you typed will be erased "
                                       "in %u second, and the program will start again.",
                                       "For your privacy, everything you typed will be erased "
                                       "in %u seconds, and the program will start again.",
                                       self->remaining),
                          self->remaining);
  gtk_label_set_text (self->seconds_label, number);
  gtk_label_set_text (self->body, body);
}

static void
stop_ticking (LpKioskCountdown *self)
{
  if (self->tick_id != 0)
    {
      g_source_remove (self->tick_id);
      self->tick_id = 0;
    }
}

static gboolean
tick_cb (gpointer user_data)
{
  LpKioskCountdown *self = user_data;

  if (self->remaining > 0)
    self->remaining--;
  update_labels (self);
  if (self->remaining > 0)
    return G_SOURCE_CONTINUE;
  self->tick_id = 0;
  g_signal_emit (self, signals[SIGNAL_EXPIRED], 0);
  return G_SOURCE_REMOVE;
}

static void
still_here (LpKioskCountdown *self)
{
  if (self->remaining == 0)
    return;
  stop_ticking (self);
  g_signal_emit (self, signals[SIGNAL_STILL_HERE], 0);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                LpKioskCountdown      *self)
{
  switch (keyval)
    {
    case GDK_KEY_Escape:
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
      still_here (self);
      return TRUE;
    default:
      return FALSE;
    }
}

static GtkWidget *
new_label (const char        *text,
           const char        *css_class,
           GtkAccessibleRole  role)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL, "label", text, "accessible-role", role, NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (label, css_class);
  return label;
}

static gboolean
lp_kiosk_countdown_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (LP_KIOSK_COUNTDOWN (widget)->button);
}

static void
lp_kiosk_countdown_dispose (GObject *object)
{
  LpKioskCountdown *self = LP_KIOSK_COUNTDOWN (object);

  stop_ticking (self);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  G_OBJECT_CLASS (lp_kiosk_countdown_parent_class)->dispose (object);
}

static void
lp_kiosk_countdown_class_init (LpKioskCountdownClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = lp_kiosk_countdown_dispose;
  widget_class->grab_focus = lp_kiosk_countdown_grab_focus;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_ALERT_DIALOG);
  gtk_widget_class_set_css_name (widget_class, "lpkioskcountdown");

  signals[SIGNAL_STILL_HERE] = g_signal_new ("still-here", G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                             G_TYPE_NONE, 0);
  signals[SIGNAL_EXPIRED] = g_signal_new ("expired", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);
}

static void
lp_kiosk_countdown_init (LpKioskCountdown *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkWidget *heading = new_label (_("Are you still there?"), "lp-kiosk-heading",
                                  GTK_ACCESSIBLE_ROLE_HEADING);
  GtkWidget *unit;

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 20);
  gtk_widget_add_css_class (self->box, "lp-kiosk-card");
  gtk_widget_set_halign (self->box, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (self->box, GTK_ALIGN_CENTER);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  gtk_box_append (GTK_BOX (self->box), heading);
  self->seconds_label = GTK_LABEL (new_label (NULL, "lp-kiosk-countdown-number",
                                                GTK_ACCESSIBLE_ROLE_LABEL));
  /* The number alone means nothing to a screen reader: the sentence below says it all. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->seconds_label),
                               GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->seconds_label));
  /* Translators: under the big number of seconds left before the wipe */
  unit = new_label (_("seconds"), "lp-kiosk-countdown-unit", GTK_ACCESSIBLE_ROLE_LABEL);
  gtk_accessible_update_state (GTK_ACCESSIBLE (unit), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_box_append (GTK_BOX (self->box), unit);
  self->body = GTK_LABEL (new_label (NULL, "lp-kiosk-body", GTK_ACCESSIBLE_ROLE_LABEL));
  gtk_label_set_max_width_chars (self->body, 40);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->body));

  /* Translators: the big button of the inactivity warning (French: "Je suis encore là") */
  self->button = gtk_button_new_with_label (_("I am still here"));
  gtk_widget_add_css_class (self->button, "suggested-action");
  gtk_widget_add_css_class (self->button, "pill");
  gtk_widget_add_css_class (self->button, "lp-kiosk-big-button");
  g_signal_connect_swapped (self->button, "clicked", G_CALLBACK (still_here), self);
  gtk_box_append (GTK_BOX (self->box), self->button);

  gtk_accessible_update_relation (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, heading, NULL,
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->body, NULL,
                                  -1);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

LpKioskCountdown *
lp_kiosk_countdown_new (guint seconds)
{
  LpKioskCountdown *self = g_object_new (LP_TYPE_KIOSK_COUNTDOWN, NULL);

  self->remaining = MAX (seconds, 1);
  update_labels (self);
  self->tick_id = g_timeout_add (1000, tick_cb, self);
  return self;
}

guint
lp_kiosk_countdown_get_remaining (LpKioskCountdown *self)
{
  g_return_val_if_fail (LP_IS_KIOSK_COUNTDOWN (self), 0);
  return self->remaining;
}

GtkWidget *
lp_kiosk_countdown_get_button (LpKioskCountdown *self)
{
  g_return_val_if_fail (LP_IS_KIOSK_COUNTDOWN (self), NULL);
  return self->button;
}
