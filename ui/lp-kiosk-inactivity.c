/* lp-kiosk-inactivity.c — see lp-kiosk-inactivity.h */
#define G_LOG_DOMAIN "lp-kiosk-inactivity"

#include "lp-kiosk-inactivity.h"

struct _LpKioskInactivity
{
  GObject             parent_instance;

  GtkWidget          *widget;      /* weak */
  GtkEventController *controller;  /* owned by the widget */
  gint64              limit_us;
  gint64              last_input;  /* monotonic µs */
  guint               timeout_id;
  gboolean            running;
};

G_DEFINE_FINAL_TYPE (LpKioskInactivity, lp_kiosk_inactivity, G_TYPE_OBJECT)

enum {
  SIGNAL_IDLE,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

static void schedule (LpKioskInactivity *self);

/* The timer is not re-armed at every event (motion comes by the hundred): when it fires,
 * it looks at the last input and sleeps again for what is left. */
static gboolean
timeout_cb (gpointer user_data)
{
  LpKioskInactivity *self = user_data;
  gint64 quiet = g_get_monotonic_time () - self->last_input;

  self->timeout_id = 0;
  if (quiet + 1000 < self->limit_us)
    {
      schedule (self);
      return G_SOURCE_REMOVE;
    }
  self->running = FALSE;
  g_signal_emit (self, signals[SIGNAL_IDLE], 0);
  return G_SOURCE_REMOVE;
}

static void
schedule (LpKioskInactivity *self)
{
  gint64 left = self->limit_us - (g_get_monotonic_time () - self->last_input);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_id = g_timeout_add ((guint) MAX (left / 1000, 1), timeout_cb, self);
}

static gboolean
event_cb (GtkEventControllerLegacy *controller,
          GdkEvent                 *event,
          LpKioskInactivity        *self)
{
  switch (gdk_event_get_event_type (event))
    {
    case GDK_MOTION_NOTIFY:
    case GDK_BUTTON_PRESS:
    case GDK_BUTTON_RELEASE:
    case GDK_KEY_PRESS:
    case GDK_KEY_RELEASE:
    case GDK_SCROLL:
    case GDK_TOUCH_BEGIN:
    case GDK_TOUCH_UPDATE:
    case GDK_TOUCH_END:
    case GDK_TOUCHPAD_SWIPE:
    case GDK_TOUCHPAD_PINCH:
    case GDK_TOUCHPAD_HOLD:
    case GDK_PAD_BUTTON_PRESS:
    case GDK_PAD_RING:
    case GDK_PAD_STRIP:
      lp_kiosk_inactivity_poke (self);
      break;
    default:
      break;
    }
  /* Only watching: the event goes on to its widget. */
  return FALSE;
}

static void
widget_gone_cb (gpointer  user_data,
                GObject  *where_the_object_was)
{
  LpKioskInactivity *self = user_data;

  self->widget = NULL;
  self->controller = NULL;
  lp_kiosk_inactivity_pause (self);
}

static void
lp_kiosk_inactivity_dispose (GObject *object)
{
  LpKioskInactivity *self = LP_KIOSK_INACTIVITY (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->widget != NULL)
    {
      g_object_weak_unref (G_OBJECT (self->widget), widget_gone_cb, self);
      if (self->controller != NULL)
        gtk_widget_remove_controller (self->widget, self->controller);
      self->widget = NULL;
      self->controller = NULL;
    }
  G_OBJECT_CLASS (lp_kiosk_inactivity_parent_class)->dispose (object);
}

static void
lp_kiosk_inactivity_class_init (LpKioskInactivityClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = lp_kiosk_inactivity_dispose;
  signals[SIGNAL_IDLE] = g_signal_new ("idle", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
lp_kiosk_inactivity_init (LpKioskInactivity *self)
{
}

LpKioskInactivity *
lp_kiosk_inactivity_new (GtkWidget *widget,
                         guint      seconds)
{
  LpKioskInactivity *self;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  g_return_val_if_fail (seconds > 0, NULL);

  self = g_object_new (LP_TYPE_KIOSK_INACTIVITY, NULL);
  self->widget = widget;
  self->limit_us = (gint64) seconds * G_USEC_PER_SEC;
  self->controller = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (self->controller, GTK_PHASE_CAPTURE);
  g_signal_connect (self->controller, "event", G_CALLBACK (event_cb), self);
  gtk_widget_add_controller (widget, self->controller);
  g_object_weak_ref (G_OBJECT (widget), widget_gone_cb, self);
  lp_kiosk_inactivity_restart (self);
  return self;
}

void
lp_kiosk_inactivity_poke (LpKioskInactivity *self)
{
  g_return_if_fail (LP_IS_KIOSK_INACTIVITY (self));
  self->last_input = g_get_monotonic_time ();
}

void
lp_kiosk_inactivity_restart (LpKioskInactivity *self)
{
  g_return_if_fail (LP_IS_KIOSK_INACTIVITY (self));
  self->last_input = g_get_monotonic_time ();
  self->running = TRUE;
  schedule (self);
}

void
lp_kiosk_inactivity_pause (LpKioskInactivity *self)
{
  g_return_if_fail (LP_IS_KIOSK_INACTIVITY (self));
  self->running = FALSE;
  g_clear_handle_id (&self->timeout_id, g_source_remove);
}
