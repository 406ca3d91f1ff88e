/* lp-window.c — see lp-window.h */
#define G_LOG_DOMAIN "lp-window"

#include "lp-window.h"
#include "lp-kiosk-admin.h"
#include "lp-kiosk-countdown.h"
#include "lp-kiosk-inactivity.h"
#include "lp-kiosk-pin.h"
#include "lp-steps.h"
#include "lp-ui.h"

#include <glib/gi18n-lib.h>

struct _LpWindow
{
  AdwApplicationWindow parent_instance;

  /* Template widgets */
  GtkOverlay        *overlay;
  GtkWidget         *wizard_box;
  AdwHeaderBar      *header_bar;
  AdwWindowTitle    *window_title;
  GtkRevealer       *keyboard_revealer;
  GtkWidget         *contrast_button;
  GtkWidget         *help_button;
  GtkScrolledWindow *scroller;
  LpStepper         *stepper;
  GtkWidget         *error_summary;
  GtkLabel          *error_heading;
  GtkBox            *error_list;
  GtkStack          *stack;
  GtkWidget         *back_button;
  GtkWidget         *nav_bar;
  GtkWidget         *next_button;

  /* Borrowed: children of the stack, one slot per step of lp-steps.c, in order; NULL until
   * the step is built. Only the step shown first is built before the first frame; the
   * others when first needed (ensure_step) or one per idle after that frame. */
  GPtrArray         *steps;
  guint              build_idle_id;
  gboolean           model_detached;
  /* Owned: the fields the summary links to, in order */
  GPtrArray         *summary_fields;
  /* Owned: the field to bring into view once the page is laid out, or NULL */
  GtkWidget         *scroll_target;
  gboolean           scroll_laid_out;
  guint              current;

  /* Kiosk and assisted modes (issue 5) */
  LpSiteMode         mode;
  LpKioskInactivity *inactivity;     /* owned; NULL in home mode */
  LpKioskKeyboard   *keyboard;       /* in the revealer; NULL without touch-keyboard */
  GtkWidget         *backdrop;       /* the overlay child shown over the form, or NULL */
  GtkWidget         *card;           /* the card in it (countdown or administrator) */
  GtkWidget         *focus_before;   /* weak: where the focus was before the card */
  GtkWidget         *erase_button;   /* in the header bar; NULL in home mode */
  guint              hold_id;        /* the administrator's press on the title */
};

G_DEFINE_FINAL_TYPE (LpWindow, lp_window, ADW_TYPE_APPLICATION_WINDOW)

#define ADMIN_HOLD_MS 3000

static LpApplication *
get_app (LpWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return LP_IS_APPLICATION (app) ? LP_APPLICATION (app) : NULL;
}

static void
hide_error_summary (LpWindow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->error_list))) != NULL)
    gtk_box_remove (self->error_list, child);
  g_ptr_array_set_size (self->summary_fields, 0);
  gtk_widget_set_visible (self->error_summary, FALSE);
}

/* Scrolls so that the whole field (its label first) is in view. Run after layout: the
 * summary that just appeared moved everything down. */
static gboolean
scroll_to_target_cb (GtkWidget     *widget,
                     GdkFrameClock *clock,
                     gpointer       user_data)
{
  LpWindow *self = LP_WINDOW (widget);
  GtkWidget *content = gtk_scrolled_window_get_child (self->scroller);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  graphene_rect_t bounds;

  /* Tick callbacks run before the layout of their frame: wait for the next one, when the
   * page has its new size. */
  if (!self->scroll_laid_out)
    {
      self->scroll_laid_out = TRUE;
      return G_SOURCE_CONTINUE;
    }
  self->scroll_laid_out = FALSE;
  /* The viewport moves its child by the scroll offset: measure in the child's space. */
  if (GTK_IS_VIEWPORT (content) && gtk_viewport_get_child (GTK_VIEWPORT (content)) != NULL)
    content = gtk_viewport_get_child (GTK_VIEWPORT (content));
  if (self->scroll_target != NULL && content != NULL
      && gtk_widget_compute_bounds (self->scroll_target, content, &bounds))
    {
      double top = gtk_adjustment_get_value (adjustment);
      double page = gtk_adjustment_get_page_size (adjustment);

      if (bounds.origin.y < top || bounds.origin.y + bounds.size.height > top + page)
        gtk_adjustment_set_value (adjustment, MAX (0, bounds.origin.y - 24));
    }
  g_clear_object (&self->scroll_target);
  return G_SOURCE_REMOVE;
}

/* Brings @widget into view once the page is laid out. */
static void
scroll_into_view (LpWindow  *self,
                  GtkWidget *widget)
{
  if (self->scroll_target == NULL)
    gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_to_target_cb, NULL, NULL);
  g_set_object (&self->scroll_target, widget);
}

static void
focus_field (LpWindow    *self,
             LpFormField *field)
{
  lp_form_field_focus (field);
  scroll_into_view (self, GTK_WIDGET (field));
}

static void
summary_link_clicked_cb (GtkButton *button,
                         LpWindow  *self)
{
  LpFormField *field = g_object_get_data (G_OBJECT (button), "lp-field");

  if (field != NULL)
    focus_field (self, field);
}

/* The summary at the top of the step (DSFR/GOV.UK pattern): a heading that counts the
 * errors and one link per error that takes the focus to the field. Its accessible role is
 * "alert": showing it is announced by screen readers. */
static void
show_error_summary (LpWindow  *self,
                    GPtrArray *invalid)
{
  g_autofree char *heading = NULL;
  GString *description = g_string_new (NULL);

  hide_error_summary (self);
  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "There is %u error on this step. Correct it to go on:",
                                          "There are %u errors on this step. Correct them to go on:",
                                          invalid->len),
                             invalid->len);
  gtk_label_set_text (self->error_heading, heading);
  for (guint i = 0; i < invalid->len; i++)
    {
      LpFormField *field = g_ptr_array_index (invalid, i);
      const char *message = lp_form_field_get_error (field);
      GtkWidget *label = gtk_label_new (message);
      GtkWidget *button = gtk_button_new ();

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      /* A button centres its child: a wrapped message must start at the start edge. */
      gtk_widget_set_hexpand (label, TRUE);
      gtk_button_set_child (GTK_BUTTON (button), label);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_add_css_class (button, "lp-error-link");
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, message, -1);
      g_object_set_data_full (G_OBJECT (button), "lp-field", g_object_ref (field),
                              g_object_unref);
      g_signal_connect (button, "clicked", G_CALLBACK (summary_link_clicked_cb), self);
      gtk_box_append (self->error_list, button);
      g_ptr_array_add (self->summary_fields, g_object_ref (field));
      g_string_append_printf (description, "%s%s", i > 0 ? " " : "", message);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->error_summary),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, heading,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str,
                                  -1);
  g_string_free (description, TRUE);
  gtk_widget_set_visible (self->error_summary, TRUE);
}

/* Step @index, built and added to the stack on first use (issue 3: nothing slow before the
 * first frame, and building all eight steps is not quick). */
static void update_navigation (LpWindow *self);

static void
step_can_go_back_cb (LpStep     *step,
                     GParamSpec *pspec,
                     LpWindow   *self)
{
  if (g_ptr_array_index (self->steps, self->current) == step)
    update_navigation (self);
}

static LpStep *
ensure_step (LpWindow *self,
             guint     index)
{
  LpApplication *app;
  LpStep *step = g_ptr_array_index (self->steps, index);

  if (step != NULL)
    return step;
  step = lp_steps_create (index);
  /* The title names the page for screen readers. */
  gtk_stack_add_titled (self->stack, GTK_WIDGET (step), lp_steps_get (index)->name,
                        lp_steps_get_title (index));
  g_ptr_array_index (self->steps, index) = step;
  g_signal_connect_object (step, "notify::can-go-back", G_CALLBACK (step_can_go_back_cb), self, 0);
  app = get_app (self);
  /* Without the campaign: it may not be loaded yet; show_step() gives it. */
  if (app != NULL && !self->model_detached)
    lp_step_set_model (step, lp_application_get_complaint (app), NULL);
  /* The step on screen always shows the model (and a later store must not write empty
   * widgets into it). */
  if (index == self->current)
    lp_step_load (step);
  return step;
}

static void
update_navigation (LpWindow *self)
{
  guint count = self->steps->len;
  const char *next_title = NULL;
  LpStep *step = g_ptr_array_index (self->steps, self->current);
  /* Not back from a step that says so (the send step, once the complaint is sent). */
  gboolean back = self->current > 0 && (step == NULL || lp_step_get_can_go_back (step));

  /* The titles come from the list: the steps themselves may not be built yet. */
  if (self->current + 1 < count)
    next_title = lp_steps_get_title (self->current + 1);
  lp_stepper_set_step (self->stepper, self->current + 1, count,
                       lp_steps_get_title (self->current), next_title);
  gtk_widget_set_visible (self->back_button, back);
  /* Nothing to go to (the summary after sending): no empty bar either. */
  gtk_widget_set_visible (self->nav_bar, back || self->current + 1 < count);
  gtk_widget_set_visible (self->next_button, self->current + 1 < count);
  /* GTK forgets a default widget that was hidden (on the last step, from an idle): set it
   * again each time, so Enter always means Next. */
  if (self->current + 1 < count)
    gtk_window_set_default_widget (GTK_WINDOW (self), self->next_button);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back", back);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.next", self->current + 1 < count);
}

/* Shows step @index: the model goes into its widgets first. */
static void
show_step (LpWindow *self,
           guint     index,
           gboolean  move_focus)
{
  LpApplication *app = get_app (self);
  LpStep *step = ensure_step (self, index);
  guint previous = self->current;

  hide_error_summary (self);
  if (app != NULL)
    lp_step_set_model (step, lp_application_get_complaint (app),
                       lp_application_get_campaign (app));
  lp_step_load (step);
  self->current = index;
  /* Past the welcome step someone is filling in: keep the screen awake (kiosk). */
  if (app != NULL && index > 0)
    lp_application_mark_in_use (app);
  /* Forward slides one way, back the other (mirrored in Arabic by GtkStack), as
   * "slide-left-right" would if the pages were always added in order: built on first use,
   * they may not be. */
  if (index != previous)
    gtk_stack_set_transition_type (self->stack, index > previous
                                                ? GTK_STACK_TRANSITION_TYPE_SLIDE_LEFT
                                                : GTK_STACK_TRANSITION_TYPE_SLIDE_RIGHT);
  gtk_stack_set_visible_child (self->stack, GTK_WIDGET (step));
  update_navigation (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  if (move_focus)
    lp_step_focus_first (step);
}

void
lp_window_store (LpWindow *self)
{
  LpStep *step;

  g_return_if_fail (LP_IS_WINDOW (self));
  /* A step never built was never shown: it has nothing to store. */
  step = self->steps->len > 0 ? g_ptr_array_index (self->steps, self->current) : NULL;
  if (step != NULL)
    lp_step_store (step);
}

gboolean
lp_window_next (LpWindow *self)
{
  LpStep *step;
  g_autoptr (GPtrArray) invalid = NULL;

  g_return_val_if_fail (LP_IS_WINDOW (self), FALSE);
  if (self->current + 1 >= self->steps->len)
    return FALSE;

  step = ensure_step (self, self->current);
  invalid = lp_step_validate (step);   /* stores first */
  if (invalid->len > 0)
    {
      show_error_summary (self, invalid);
      /* The focus goes to the first error (the view scrolls to it, its message under it);
       * the summary above it is announced by screen readers as an alert. */
      focus_field (self, g_ptr_array_index (invalid, 0));
      return FALSE;
    }
  show_step (self, self->current + 1, TRUE);
  return TRUE;
}

void
lp_window_back (LpWindow *self)
{
  g_return_if_fail (LP_IS_WINDOW (self));
  /* The same rule as the button: not back from a sent complaint's summary. */
  if (self->current == 0 || !lp_step_get_can_go_back (ensure_step (self, self->current)))
    return;
  lp_window_store (self);
  lp_step_clear_errors (ensure_step (self, self->current));
  show_step (self, self->current - 1, TRUE);
}

gboolean
lp_window_go_to_step (LpWindow   *self,
                      const char *name)
{
  int index;

  g_return_val_if_fail (LP_IS_WINDOW (self), FALSE);

  /* By the list's names: the step itself may not be built yet. */
  index = lp_steps_find (name);
  if (index < 0 || (guint) index >= self->steps->len)
    return FALSE;
  lp_window_store (self);
  show_step (self, (guint) index, TRUE);
  return TRUE;
}

static void
next_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  lp_window_next (LP_WINDOW (widget));
}

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  lp_window_back (LP_WINDOW (widget));
}

static void
go_to_step_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  lp_window_go_to_step (LP_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
help_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (widget), _("Help"), NULL);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
    _("Answer the questions of each step, then press “Next”. Unless a field says "
      "“optional”, it must be filled in. If something is wrong, a message under the field "
      "says how to correct it. “Back” returns to the previous step without losing anything.\n\n"
      "You can also file a complaint at a police station (commissariat) or a gendarmerie, "
      "or get advice from 17Cyber (17cyber.gouv.fr). Victims can call France Victimes, "
      "116 006, free of charge."));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/* One step per idle, in order, so that the person's first touches never wait for all of
 * them at once. */
static gboolean
build_next_step_idle (gpointer user_data)
{
  LpWindow *self = LP_WINDOW (user_data);

  for (guint i = 0; i < self->steps->len; i++)
    if (g_ptr_array_index (self->steps, i) == NULL)
      {
        ensure_step (self, i);
        return G_SOURCE_CONTINUE;
      }
  self->build_idle_id = 0;
  return G_SOURCE_REMOVE;
}

/* The first frame is on screen: the other steps can be built. */
static void
first_frame_cb (GdkFrameClock *clock,
                LpWindow      *self)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_cb, self);
  if (self->build_idle_id == 0)
    self->build_idle_id = g_idle_add_full (G_PRIORITY_LOW, build_next_step_idle, self, NULL);
}

/* Only the step shown first is built before the first frame (issue 3: start-up is fast; the
 * eight steps and their templates took a fifth of it). Whoever needs another step earlier
 * gets it built on the spot (ensure_step). */
static void
lp_window_realize (GtkWidget *widget)
{
  LpWindow *self = LP_WINDOW (widget);

  ensure_step (self, self->current);
  GTK_WIDGET_CLASS (lp_window_parent_class)->realize (widget);
  g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                           G_CALLBACK (first_frame_cb), self, 0);
}

/* ---- Kiosk and assisted modes (issue 5) -------------------------------------------------- */

static void
hide_card (LpWindow *self)
{
  GtkWidget *focus = self->focus_before;

  if (self->backdrop == NULL)
    return;
  gtk_overlay_remove_overlay (self->overlay, self->backdrop);
  self->backdrop = NULL;
  self->card = NULL;
  gtk_widget_set_sensitive (self->wizard_box, TRUE);
  g_clear_weak_pointer (&self->focus_before);
  if (focus != NULL && gtk_widget_get_root (focus) == GTK_ROOT (self))
    gtk_widget_grab_focus (focus);
  else
    lp_step_focus_first (lp_window_get_current_step (self));
}

/* Puts @card over the dimmed form, which cannot be reached until the card goes. */
static void
show_card (LpWindow  *self,
           GtkWidget *card)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *scroller;

  hide_card (self);
  if (focus != NULL)
    g_set_weak_pointer (&self->focus_before, focus);
  self->backdrop = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (self->backdrop, "lp-kiosk-backdrop");
  /* Centred when it fits; scrolled when the text is large (A+, 200 %). */
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_widget_set_valign (scroller, GTK_ALIGN_CENTER);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_widget_set_halign (card, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (card, GTK_ALIGN_CENTER);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), card);
  gtk_box_append (GTK_BOX (self->backdrop), scroller);
  self->card = card;
  gtk_overlay_add_overlay (self->overlay, self->backdrop);
  gtk_widget_set_sensitive (self->wizard_box, FALSE);
  gtk_revealer_set_reveal_child (self->keyboard_revealer, FALSE);
  gtk_widget_grab_focus (card);
}

static void
countdown_still_here_cb (LpWindow *self)
{
  hide_card (self);
  if (self->inactivity != NULL)
    lp_kiosk_inactivity_restart (self->inactivity);
}

static void
countdown_expired_cb (LpWindow *self)
{
  LpApplication *app = get_app (self);

  g_message ("Nobody answered the inactivity warning: the session is erased.");
  if (app != NULL)
    lp_application_wipe (app);
}

/* Nobody touched anything for [kiosk] inactivity-warning seconds. */
static void
inactivity_idle_cb (LpWindow *self)
{
  LpApplication *app = get_app (self);
  LpKioskCountdown *countdown;

  /* An administrator's card left open goes, whatever the rest. */
  if (LP_IS_KIOSK_ADMIN (self->card))
    hide_card (self);
  /* Nothing to protect and nothing to put back (the next person finds the welcome step as
   * it should be): no warning, just keep watching. */
  if (app == NULL || !lp_application_get_in_use (app))
    {
      lp_kiosk_inactivity_restart (self->inactivity);
      return;
    }
  countdown = lp_kiosk_countdown_new (lp_application_get_site_config (app)->inactivity_grace);
  g_signal_connect_object (countdown, "still-here", G_CALLBACK (countdown_still_here_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (countdown, "expired", G_CALLBACK (countdown_expired_cb), self,
                           G_CONNECT_SWAPPED);
  show_card (self, GTK_WIDGET (countdown));
}

gboolean
lp_window_show_inactivity_warning (LpWindow *self)
{
  g_return_val_if_fail (LP_IS_WINDOW (self), FALSE);
  if (self->inactivity == NULL)
    return FALSE;
  lp_kiosk_inactivity_pause (self->inactivity);
  inactivity_idle_cb (self);
  return LP_IS_KIOSK_COUNTDOWN (self->card);
}

static void
admin_done_cb (LpWindow *self)
{
  hide_card (self);
}

static void
admin_quit_cb (LpWindow *self)
{
  LpApplication *app = get_app (self);

  g_message ("The administrator quits the program.");
  hide_card (self);
  if (app != NULL)
    g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
}

gboolean
lp_window_open_admin (LpWindow *self)
{
  LpApplication *app;
  const LpSiteConfig *config;
  LpKioskAdmin *admin;

  g_return_val_if_fail (LP_IS_WINDOW (self), FALSE);
  app = get_app (self);
  if (app == NULL || self->mode != LP_SITE_MODE_KIOSK || LP_IS_KIOSK_COUNTDOWN (self->card))
    return FALSE;
  config = lp_application_get_site_config (app);
  if (!lp_kiosk_pin_hash_is_valid (config->admin_pin_hash))
    {
      /* No personal data here: only the configuration's state. */
      if (config->admin_pin_hash[0] == '\0')
        g_message ("The administrator gesture was used, but [kiosk] admin-pin-hash is not set: "
                   "there is no way out of the kiosk but stopping its session.");
      else
        g_message ("The administrator gesture was used, but [kiosk] admin-pin-hash is not of the "
                   "form sha256:<salt>:<digest>: it is ignored.");
      return FALSE;
    }
  if (LP_IS_KIOSK_ADMIN (self->card))
    return TRUE;
  admin = lp_kiosk_admin_new (G_APPLICATION (app), config->admin_pin_hash, config->path,
                              lp_site_mode_to_string (self->mode));
  g_signal_connect_object (admin, "done", G_CALLBACK (admin_done_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (admin, "quit", G_CALLBACK (admin_quit_cb), self, G_CONNECT_SWAPPED);
  show_card (self, GTK_WIDGET (admin));
  return TRUE;
}

static void
admin_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  lp_window_open_admin (LP_WINDOW (widget));
}

/* The touch gesture: holding the program's name for ADMIN_HOLD_MS (GtkGestureLongPress
 * stops at about one second, which a curious finger reaches too easily). */
static gboolean
title_held_cb (gpointer user_data)
{
  LpWindow *self = user_data;

  self->hold_id = 0;
  lp_window_open_admin (self);
  return G_SOURCE_REMOVE;
}

static void
title_pressed_cb (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  LpWindow        *self)
{
  g_clear_handle_id (&self->hold_id, g_source_remove);
  self->hold_id = g_timeout_add (ADMIN_HOLD_MS, title_held_cb, self);
}

static void
title_released_cb (LpWindow *self)
{
  g_clear_handle_id (&self->hold_id, g_source_remove);
}

static gboolean
refuse_cb (GtkWindow *window)
{
  return TRUE;
}

/* GtkWindow's handler of "enable-debugging" (Ctrl+Shift+I, Ctrl+Shift+D) opens the
 * inspector: never in a kiosk, where it would show every widget's content. */
static gboolean
lp_window_enable_debugging (GtkWindow *window,
                            gboolean   toggle)
{
  if (LP_WINDOW (window)->mode == LP_SITE_MODE_KIOSK)
    return TRUE;
  return GTK_WINDOW_CLASS (lp_window_parent_class)->enable_debugging (window, toggle);
}

/* Kiosk: no way to the desktop, to the inspector or out of the window but the
 * administrator's (tech-notes.md §2.1). */
static void
lock_down (LpWindow *self)
{
  GtkGesture *hold = gtk_gesture_click_new ();

  gtk_window_set_deletable (GTK_WINDOW (self), FALSE);
  adw_header_bar_set_show_start_title_buttons (self->header_bar, FALSE);
  adw_header_bar_set_show_end_title_buttons (self->header_bar, FALSE);
  g_signal_connect (self, "close-request", G_CALLBACK (refuse_cb), NULL);
  /* Ctrl+Shift+I / Ctrl+Shift+D are refused by lp_window_enable_debugging(); the deployment
   * also turns the keybinding off (dconf, org.gtk.gtk4.Settings.Debug). */
  gtk_window_set_interactive_debugging (FALSE);
  gtk_window_fullscreen (GTK_WINDOW (self));

  g_signal_connect (hold, "pressed", G_CALLBACK (title_pressed_cb), self);
  g_signal_connect_swapped (hold, "released", G_CALLBACK (title_released_cb), self);
  g_signal_connect_swapped (hold, "stopped", G_CALLBACK (title_released_cb), self);
  g_signal_connect_swapped (hold, "cancel", G_CALLBACK (title_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->window_title), GTK_EVENT_CONTROLLER (hold));
}

static gboolean
is_text_field (GtkWidget *widget)
{
  if (GTK_IS_EDITABLE (widget))
    return gtk_editable_get_editable (GTK_EDITABLE (widget));
  if (GTK_IS_TEXT_VIEW (widget))
    return gtk_text_view_get_editable (GTK_TEXT_VIEW (widget));
  return FALSE;
}

/* The keyboard comes with a text field, and goes when the focus leaves text fields. */
static void
focus_widget_changed_cb (LpWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *field;

  if (self->keyboard == NULL || focus == NULL || self->card != NULL)
    return;
  if (gtk_widget_is_ancestor (focus, GTK_WIDGET (self->keyboard)))
    return;
  if (!is_text_field (focus))
    {
      gtk_revealer_set_reveal_child (self->keyboard_revealer, FALSE);
      return;
    }
  gtk_revealer_set_reveal_child (self->keyboard_revealer, TRUE);
  /* The form just lost the keyboard's height: keep the field, its label first, in view. */
  field = gtk_widget_get_ancestor (focus, LP_TYPE_FORM_FIELD);
  scroll_into_view (self, field != NULL ? field : focus);
}

/* A touch on the field that already has the focus brings back a keyboard that was hidden. */
static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            LpWindow        *self)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT);

  if (self->card != NULL || picked == NULL)
    return;
  for (GtkWidget *w = picked; w != NULL && w != GTK_WIDGET (self); w = gtk_widget_get_parent (w))
    if (is_text_field (w))
      {
        gtk_revealer_set_reveal_child (self->keyboard_revealer, TRUE);
        return;
      }
}

static void
keyboard_hide_cb (LpWindow *self)
{
  gtk_revealer_set_reveal_child (self->keyboard_revealer, FALSE);
}

static void
add_keyboard (LpWindow *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  self->keyboard = lp_kiosk_keyboard_new ();
  /* "Next field" must not select the next field's text: the next key would replace it. */
  g_object_set (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-entry-select-on-focus", FALSE,
                NULL);
  g_signal_connect_swapped (self->keyboard, "hide-requested", G_CALLBACK (keyboard_hide_cb),
                            self);
  gtk_revealer_set_child (self->keyboard_revealer, GTK_WIDGET (self->keyboard));
  g_signal_connect (self, "notify::focus-widget", G_CALLBACK (focus_widget_changed_cb), NULL);
  /* Capture, and never claimed: the touch goes on to the field. */
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

static void
erase_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   LpWindow         *self)
{
  if (g_strcmp0 (response, "erase") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "app.erase-and-finish", NULL);
}

/* Asked first: a touch by mistake must not throw away ten minutes of typing. */
static void
erase_clicked_cb (LpWindow *self)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Erase everything you typed?"), NULL));
  adw_message_dialog_set_body (dialog,
                               _("Everything you typed on this terminal is erased, and the "
                                 "welcome screen comes back for the next person. What was "
                                 "already sent or printed is not affected."));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "erase", _("_Erase"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "erase", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (erase_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Kiosk and assisted modes: the person may leave at any step, and must be able to take
 * what they typed with them (issue 5), not only from the receipt. */
static void
add_erase_button (LpWindow *self)
{
  self->erase_button = gtk_button_new_with_mnemonic (_("_Erase my data and finish"));
  gtk_widget_add_css_class (self->erase_button, "destructive-action");
  /* GTK 4.8 would name it "_Erase my data and finish Erase my data and finish". */
  lp_ui_name_after_label (self->erase_button);
  g_signal_connect_swapped (self->erase_button, "clicked", G_CALLBACK (erase_clicked_cb), self);
  adw_header_bar_pack_start (self->header_bar, self->erase_button);
}

/* What the site configuration asks of this window. */
static void
apply_site (LpWindow      *self,
            LpApplication *app)
{
  const LpSiteConfig *config = lp_application_get_site_config (app);

  self->mode = lp_application_get_mode (app);
  /* The mairie's or the association's name, so that the person knows whose terminal (or
   * whose helper) this is. */
  if (self->mode != LP_SITE_MODE_HOME && config->name[0] != '\0')
    adw_window_title_set_subtitle (self->window_title, config->name);
  if (self->mode == LP_SITE_MODE_KIOSK)
    lock_down (self);
  if (self->mode != LP_SITE_MODE_HOME && self->erase_button == NULL)
    add_erase_button (self);
  if (self->mode != LP_SITE_MODE_HOME && self->inactivity == NULL)
    {
      self->inactivity = lp_kiosk_inactivity_new (GTK_WIDGET (self), config->inactivity_warning);
      g_signal_connect_object (self->inactivity, "idle", G_CALLBACK (inactivity_idle_cb), self,
                               G_CONNECT_SWAPPED);
    }
  if (config->touch_keyboard && self->keyboard == NULL)
    add_keyboard (self);
}

GtkWidget *
lp_window_get_card (LpWindow *self)
{
  g_return_val_if_fail (LP_IS_WINDOW (self), NULL);
  return self->card;
}

LpKioskKeyboard *
lp_window_get_keyboard (LpWindow *self)
{
  g_return_val_if_fail (LP_IS_WINDOW (self), NULL);
  return self->keyboard;
}

gboolean
lp_window_get_keyboard_shown (LpWindow *self)
{
  g_return_val_if_fail (LP_IS_WINDOW (self), FALSE);
  return self->keyboard != NULL && gtk_revealer_get_reveal_child (self->keyboard_revealer);
}

void
lp_window_detach_model (LpWindow *self)
{
  g_return_if_fail (LP_IS_WINDOW (self));
  self->model_detached = TRUE;   /* and the steps built from now on get none */
  for (guint i = 0; i < self->steps->len; i++)
    if (g_ptr_array_index (self->steps, i) != NULL)
      lp_step_set_model (g_ptr_array_index (self->steps, i), NULL, NULL);
}

/* "application" is an ordinary property, set after construction: the steps get the
 * session's model once it is known. */
static void
application_set_cb (LpWindow *self)
{
  LpApplication *app = get_app (self);

  if (app == NULL)
    return;
  /* The first step shows without the campaign: it is loaded after the first frame. */
  for (guint i = 0; i < self->steps->len; i++)
    if (g_ptr_array_index (self->steps, i) != NULL)
      lp_step_set_model (g_ptr_array_index (self->steps, i),
                         lp_application_get_complaint (app), NULL);
  /* A step not built yet is loaded when it is shown (show_step), or built and loaded as
   * the window is realized. */
  if (g_ptr_array_index (self->steps, self->current) != NULL)
    lp_step_load (g_ptr_array_index (self->steps, self->current));
  apply_site (self, app);
}

static void
lp_window_dispose (GObject *object)
{
  LpWindow *self = LP_WINDOW (object);

  if (self->summary_fields != NULL)
    g_ptr_array_set_size (self->summary_fields, 0);
  g_clear_object (&self->scroll_target);
  g_clear_object (&self->inactivity);
  g_clear_handle_id (&self->hold_id, g_source_remove);
  g_clear_handle_id (&self->build_idle_id, g_source_remove);
  g_clear_weak_pointer (&self->focus_before);
  self->backdrop = NULL;
  self->card = NULL;
  self->keyboard = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), LP_TYPE_WINDOW);
  G_OBJECT_CLASS (lp_window_parent_class)->dispose (object);
}

static void
lp_window_finalize (GObject *object)
{
  LpWindow *self = LP_WINDOW (object);

  g_ptr_array_unref (self->steps);
  g_ptr_array_unref (self->summary_fields);
  G_OBJECT_CLASS (lp_window_parent_class)->finalize (object);
}

static void
lp_window_class_init (LpWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lp_window_dispose;
  object_class->finalize = lp_window_finalize;
  widget_class->realize = lp_window_realize;
  GTK_WINDOW_CLASS (klass)->enable_debugging = lp_window_enable_debugging;

  g_type_ensure (LP_TYPE_STEPPER);
  lp_ui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, LP_RESOURCE_PREFIX "lp-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LpWindow, overlay);
  gtk_widget_class_bind_template_child (widget_class, LpWindow, wizard_box);
  gtk_widget_class_bind_template_child (widget_class, LpWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, LpWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, LpWindow, keyboard_revealer);
  gtk_widget_class_bind_template_child (widget_class, LpWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, LpWindow, nav_bar);
  gtk_widget_class_bind_template_child (widget_class, LpWindow, contrast_button);
  gtk_widget_class_bind_template_child (widget_class, LpWindow, help_button);
  gtk_widget_class_bind_template_child (widget_class, LpWindow, error_heading);
  gtk_widget_class_bind_template_child (widget_class, LpWindow, error_list);
  gtk_widget_class_bind_template_child (widget_class, LpWindow, error_summary);
  gtk_widget_class_bind_template_child (widget_class, LpWindow, next_button);
  gtk_widget_class_bind_template_child (widget_class, LpWindow, scroller);
  gtk_widget_class_bind_template_child (widget_class, LpWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, LpWindow, stepper);

  gtk_widget_class_install_action (widget_class, "win.next", NULL, next_activated);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_activated);
  gtk_widget_class_install_action (widget_class, "win.go-to-step", "s", go_to_step_activated);
  gtk_widget_class_install_action (widget_class, "win.help", NULL, help_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F1, 0, "win.help", NULL);
  /* The administrator's way out of a kiosk (does nothing elsewhere): Ctrl+Alt+Shift+A. */
  gtk_widget_class_install_action (widget_class, "win.admin", NULL, admin_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_A,
                                       GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK,
                                       "win.admin", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a,
                                       GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK,
                                       "win.admin", NULL);
}

static void
lp_window_init (LpWindow *self)
{
  self->steps = g_ptr_array_new ();
  self->summary_fields = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_widget_init_template (GTK_WIDGET (self));
  lp_ui_name_after_label (self->back_button);
  lp_ui_name_after_label (self->next_button);
  lp_ui_name_after_label (self->help_button);
  lp_ui_name_after_label (self->contrast_button);
  /* One empty slot per step: see ensure_step(). */
  g_ptr_array_set_size (self->steps, lp_steps_get_count ());
  update_navigation (self);
  g_signal_connect (self, "notify::application", G_CALLBACK (application_set_cb), NULL);
  /* Enter in any field whose "activates-default" is set presses "Next". */
  gtk_window_set_default_widget (GTK_WINDOW (self), self->next_button);
}

LpWindow *
lp_window_new (LpApplication *application)
{
  return g_object_new (LP_TYPE_WINDOW, "application", application, NULL);
}

guint
lp_window_get_n_steps (LpWindow *self)
{
  g_return_val_if_fail (LP_IS_WINDOW (self), 0);
  return self->steps->len;
}

LpStep *
lp_window_get_step (LpWindow *self,
                    guint     index)
{
  g_return_val_if_fail (LP_IS_WINDOW (self), NULL);
  g_return_val_if_fail (index < self->steps->len, NULL);
  return ensure_step (self, index);
}

LpStep *
lp_window_get_step_by_name (LpWindow   *self,
                            const char *name)
{
  int index;

  g_return_val_if_fail (LP_IS_WINDOW (self), NULL);
  index = lp_steps_find (name);
  if (index < 0 || (guint) index >= self->steps->len)
    return NULL;
  return ensure_step (self, (guint) index);
}

guint
lp_window_get_current_index (LpWindow *self)
{
  g_return_val_if_fail (LP_IS_WINDOW (self), 0);
  return self->current;
}

LpStep *
lp_window_get_current_step (LpWindow *self)
{
  g_return_val_if_fail (LP_IS_WINDOW (self), NULL);
  return ensure_step (self, self->current);
}

/* A new window like this one (size, maximised, fullscreen), showing step @index; this
 * one is destroyed. */
static LpWindow *
replace_window (LpWindow *self,
                guint     index)
{
  LpWindow *window;
  int width, height;

  window = lp_window_new (get_app (self));
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  if (gtk_window_is_maximized (GTK_WINDOW (self)))
    gtk_window_maximize (GTK_WINDOW (window));
  if (gtk_window_is_fullscreen (GTK_WINDOW (self)))
    gtk_window_fullscreen (GTK_WINDOW (window));
  show_step (window, index, FALSE);
  gtk_window_present (GTK_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (self));
  lp_step_focus_first (lp_window_get_current_step (window));
  return window;
}

LpWindow *
lp_window_rebuild (LpWindow *self)
{
  g_return_val_if_fail (LP_IS_WINDOW (self), NULL);

  lp_window_store (self);
  return replace_window (self, self->current);
}

LpWindow *
lp_window_reset (LpWindow *self,
                 guint     index)
{
  g_return_val_if_fail (LP_IS_WINDOW (self), NULL);

  /* Nothing of the old widgets may reach the new model, not even a last "focus left". */
  lp_window_detach_model (self);
  return replace_window (self, MIN (index, self->steps->len - 1));
}

LpStepper *
lp_window_get_stepper (LpWindow *self)
{
  g_return_val_if_fail (LP_IS_WINDOW (self), NULL);
  return self->stepper;
}

GtkWidget *
lp_window_get_error_summary (LpWindow *self)
{
  g_return_val_if_fail (LP_IS_WINDOW (self), NULL);
  return self->error_summary;
}

const char *
lp_window_get_error_heading (LpWindow *self)
{
  g_return_val_if_fail (LP_IS_WINDOW (self), NULL);
  return gtk_label_get_text (self->error_heading);
}

guint
lp_window_get_n_summary_errors (LpWindow *self)
{
  g_return_val_if_fail (LP_IS_WINDOW (self), 0);
  return self->summary_fields->len;
}

void
lp_window_activate_summary_link (LpWindow *self,
                                 guint     index)
{
  GtkWidget *button;
  guint i = 0;

  g_return_if_fail (LP_IS_WINDOW (self));
  for (button = gtk_widget_get_first_child (GTK_WIDGET (self->error_list));
       button != NULL && i < index; button = gtk_widget_get_next_sibling (button))
    i++;
  g_return_if_fail (button != NULL);
  g_signal_emit_by_name (button, "clicked");
}
