/* lp-step-welcome.c — step 1: language, what the program does, who can file, privacy,
 * other ways to file, and for whom the complaint is filed */
#define G_LOG_DOMAIN "lp-step-welcome"

#include "lp-step-welcome.h"
#include "lp-choice-field.h"
#include "lp-language.h"
#include "lp-ui.h"

#include <glib/gi18n-lib.h>

struct _LpStepWelcome
{
  LpStep parent_instance;

  /* Template widgets */
  GtkFlowBox    *language_box;
  GtkWidget     *details;
  GtkBox        *for_whom_box;

  /* Borrowed */
  LpChoiceField *for_whom;
  GtkWidget     *current_language;

  /* Owned: the representative's details while "for myself" is chosen, so that changing
   * one's mind twice loses nothing. Zeroed when freed. */
  LpPerson      *stashed_representative;
};

G_DEFINE_FINAL_TYPE (LpStepWelcome, lp_step_welcome, LP_TYPE_STEP)

static void
lp_step_welcome_load_from_model (LpStep            *step,
                                 const LpComplaint *complaint)
{
  LpStepWelcome *self = LP_STEP_WELCOME (step);

  lp_choice_field_set_active (self->for_whom,
                              complaint->representative != NULL ? "represented" : "myself");
}

static void
lp_step_welcome_store_to_model (LpStep      *step,
                                LpComplaint *complaint)
{
  LpStepWelcome *self = LP_STEP_WELCOME (step);
  gboolean represented = g_strcmp0 (lp_choice_field_get_active (self->for_whom),
                                    "represented") == 0;

  if (represented && complaint->representative == NULL)
    complaint->representative = self->stashed_representative != NULL
                                ? g_steal_pointer (&self->stashed_representative)
                                : lp_person_new ();
  else if (!represented && complaint->representative != NULL)
    {
      g_clear_pointer (&self->stashed_representative, lp_person_free);
      self->stashed_representative = g_steal_pointer (&complaint->representative);
    }
}

/* The step starts at the top, with the language: the first thing a person may need. */
static gboolean
lp_step_welcome_focus_first (LpStep *step)
{
  LpStepWelcome *self = LP_STEP_WELCOME (step);

  return self->current_language != NULL && gtk_widget_grab_focus (self->current_language);
}

static void
add_language_buttons (LpStepWelcome *self)
{
  guint n;
  const LpLanguageInfo *languages = lp_language_get_all (&n);
  const char *current = lp_language_get_current ();

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *button = gtk_button_new_with_label (languages[i].native_name);

      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "app.language");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", languages[i].code);
      gtk_widget_add_css_class (button, "lp-language");
      if (g_str_equal (languages[i].code, current))
        {
          gtk_widget_add_css_class (button, "suggested-action");
          self->current_language = button;
          gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                          GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                          /* Translators: accessible description of the button of
                                           * the language in use */
                                          _("Language in use"), -1);
        }
      gtk_flow_box_append (self->language_box, button);
      /* The flow box wraps each button in a focusable child with no name: Tab would stop
       * on it and a screen reader would read "GtkFlowBoxChild". The button is enough. */
      gtk_widget_set_focusable (gtk_widget_get_parent (button), FALSE);
    }
}

/* Everything below the lead paragraph comes one frame after the first: GTK 4.8 lays out a
 * wrapped label several times, and the scrolled window measures the whole page, so those
 * paragraphs cost a third of the time from start to first frame (bench/README.md,
 * "Start-up"). The person sees the top of the page at once and the rest in the next frame. */
static void
show_details_after_paint (GdkFrameClock *clock,
                          LpStepWelcome *self)
{
  g_signal_handlers_disconnect_by_func (clock, show_details_after_paint, self);
  gtk_widget_set_visible (self->details, TRUE);
}

static void
lp_step_welcome_map (GtkWidget *widget)
{
  LpStepWelcome *self = LP_STEP_WELCOME (widget);
  GdkFrameClock *clock;

  GTK_WIDGET_CLASS (lp_step_welcome_parent_class)->map (widget);
  if (gtk_widget_get_visible (self->details))
    return;
  /* Only while the window has drawn no frame yet: coming back to this step later, or a step
   * built after the first frame, shows everything at once. */
  clock = gtk_widget_get_frame_clock (widget);
  if (clock == NULL || gdk_frame_clock_get_frame_counter (clock) >= 0)
    gtk_widget_set_visible (self->details, TRUE);
  else if (g_signal_handler_find (clock, G_SIGNAL_MATCH_FUNC | G_SIGNAL_MATCH_DATA, 0, 0, NULL,
                                  show_details_after_paint, self) == 0)
    g_signal_connect_object (clock, "after-paint", G_CALLBACK (show_details_after_paint),
                             self, 0);
}

static void
lp_step_welcome_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LP_TYPE_STEP_WELCOME);
  G_OBJECT_CLASS (lp_step_welcome_parent_class)->dispose (object);
}

static void
lp_step_welcome_finalize (GObject *object)
{
  g_clear_pointer (&LP_STEP_WELCOME (object)->stashed_representative, lp_person_free);
  G_OBJECT_CLASS (lp_step_welcome_parent_class)->finalize (object);
}

static void
lp_step_welcome_class_init (LpStepWelcomeClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LpStepClass *step_class = LP_STEP_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = lp_step_welcome_dispose;
  G_OBJECT_CLASS (klass)->finalize = lp_step_welcome_finalize;
  step_class->load_from_model = lp_step_welcome_load_from_model;
  step_class->store_to_model = lp_step_welcome_store_to_model;
  step_class->focus_first = lp_step_welcome_focus_first;
  widget_class->map = lp_step_welcome_map;

  lp_ui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               LP_RESOURCE_PREFIX "lp-step-welcome.ui");
  gtk_widget_class_bind_template_child (widget_class, LpStepWelcome, details);
  gtk_widget_class_bind_template_child (widget_class, LpStepWelcome, for_whom_box);
  gtk_widget_class_bind_template_child (widget_class, LpStepWelcome, language_box);
}

static void
lp_step_welcome_init (LpStepWelcome *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  add_language_buttons (self);

  /* "for_whom" is no JSON path: the choice decides whether "representative" exists, and
   * binding that path would catch every issue of the representative's fields. */
  self->for_whom = lp_choice_field_new (_("Who is this complaint for?"), "for_whom");
  lp_choice_field_add_choice (self->for_whom, "myself", _("For _myself"));
  lp_choice_field_add_choice (self->for_whom, "represented",
                              _("For a _child or a protected adult whom I legally represent"));
  lp_choice_field_set_active (self->for_whom, "myself");
  gtk_box_append (self->for_whom_box, GTK_WIDGET (self->for_whom));
  lp_step_add_field (LP_STEP (self), LP_FORM_FIELD (self->for_whom));
}
