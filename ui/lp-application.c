/* lp-application.c — see lp-application.h */
#define G_LOG_DOMAIN "lp-application"

#include "lp-application.h"
#include "lp-language.h"
#include "lp-ui.h"
#include "lp-window.h"

#include <glib/gi18n-lib.h>

#define TEXT_SCALE_MIN   1.0
#define TEXT_SCALE_MAX   2.0     /* the layout must hold at 200 % (RGAA 10.4) */
#define TEXT_SCALE_STEP  0.25
#define DEFAULT_XFT_DPI  (96 * 1024)

struct _LpApplication
{
  AdwApplication parent_instance;

  /* Owned */
  LpComplaint    *complaint;
  LpCampaign     *campaign;
  LpSiteConfig   *site_config;         /* never NULL: the home defaults at least */
  GError         *site_error;          /* why the configuration could not be read */
  GtkCssProvider *high_contrast_css;   /* loaded while the in-program toggle is on */

  gboolean        campaign_tried;
  gboolean        force_kiosk;
  int             system_xft_dpi;      /* the system's text size, read at startup */
  double          text_scale;
  gboolean        high_contrast;
};

G_DEFINE_FINAL_TYPE (LpApplication, lp_application, ADW_TYPE_APPLICATION)

static void
apply_text_scale (LpApplication *self)
{
  GtkSettings *settings = gtk_settings_get_default ();

  if (settings == NULL)
    return;
  /* gtk-xft-dpi scales every font of the program (labels, entries, buttons), and the
   * layout follows because every size in style.css is in em or comes from the text. */
  g_object_set (settings, "gtk-xft-dpi", (int) (self->system_xft_dpi * self->text_scale), NULL);
}

static void
update_text_actions (LpApplication *self)
{
  GAction *bigger = g_action_map_lookup_action (G_ACTION_MAP (self), "text-bigger");
  GAction *smaller = g_action_map_lookup_action (G_ACTION_MAP (self), "text-smaller");

  if (bigger != NULL)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (bigger),
                                 self->text_scale < TEXT_SCALE_MAX - 0.01);
  if (smaller != NULL)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (smaller),
                                 self->text_scale > TEXT_SCALE_MIN + 0.01);
}

static void
text_bigger_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  LpApplication *self = user_data;

  lp_application_set_text_scale (self, self->text_scale + TEXT_SCALE_STEP);
}

static void
text_smaller_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  LpApplication *self = user_data;

  lp_application_set_text_scale (self, self->text_scale - TEXT_SCALE_STEP);
}

static void
high_contrast_changed (GSimpleAction *action,
                       GVariant      *state,
                       gpointer       user_data)
{
  lp_application_set_high_contrast (LP_APPLICATION (user_data), g_variant_get_boolean (state));
}

static void
language_activated (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  lp_application_set_language (LP_APPLICATION (user_data), g_variant_get_string (parameter, NULL));
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GList *windows;

  /* Destroying the windows ends the application once the last one is gone. */
  while ((windows = gtk_application_get_windows (app)) != NULL)
    gtk_window_destroy (GTK_WINDOW (windows->data));
}

static const GActionEntry app_actions[] = {
  { .name = "quit", .activate = quit_activated },
  { .name = "language", .activate = language_activated, .parameter_type = "s" },
  { .name = "text-bigger", .activate = text_bigger_activated },
  { .name = "text-smaller", .activate = text_smaller_activated },
  { .name = "high-contrast", .state = "false", .change_state = high_contrast_changed },
};

/* The system turned its high contrast on or off: follow it, as the toggle shows. */
static void
system_contrast_changed_cb (AdwStyleManager *manager,
                            GParamSpec      *pspec,
                            LpApplication   *self)
{
  lp_application_set_high_contrast (self, adw_style_manager_get_high_contrast (manager));
}

static gboolean
load_campaign_idle (gpointer user_data)
{
  lp_application_get_campaign (LP_APPLICATION (user_data));
  return G_SOURCE_REMOVE;
}

/* Loads the campaign once the first frame is on screen: nothing slow before it. */
static void
first_frame_cb (GdkFrameClock *clock,
                LpApplication *self)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_cb, self);
  g_idle_add_full (G_PRIORITY_LOW, load_campaign_idle, g_object_ref (self), g_object_unref);
}

static void
lp_application_startup (GApplication *application)
{
  LpApplication *self = LP_APPLICATION (application);
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkSettings *settings;
  const char *quit_accels[] = { "<Control>q", NULL };
  const char *bigger_accels[] = { "<Control>plus", "<Control>equal", NULL };
  const char *smaller_accels[] = { "<Control>minus", NULL };

  /* AdwApplication loads style.css and style-hc.css from the resources here. */
  lp_ui_ensure_resources ();
  G_APPLICATION_CLASS (lp_application_parent_class)->startup (application);

  lp_language_apply_direction ();
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions),
                                   self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.text-bigger",
                                         bigger_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.text-smaller",
                                         smaller_accels);

  settings = gtk_settings_get_default ();
  if (settings != NULL)
    {
      g_object_get (settings, "gtk-xft-dpi", &self->system_xft_dpi, NULL);
      /* architecture.md §8: GtkRecentManager is never fed, whatever dialog opens. */
      g_object_set (settings, "gtk-recent-files-enabled", FALSE, NULL);
    }
  if (self->system_xft_dpi <= 0)
    self->system_xft_dpi = DEFAULT_XFT_DPI;
  update_text_actions (self);

  /* Light scheme only: calm, and the high-contrast stylesheet is written against it. */
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_signal_connect_object (style, "notify::high-contrast",
                           G_CALLBACK (system_contrast_changed_cb), self, 0);
  if (adw_style_manager_get_high_contrast (style))
    lp_application_set_high_contrast (self, TRUE);
}

static void
lp_application_activate (GApplication *application)
{
  LpApplication *self = LP_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    {
      window = GTK_WINDOW (lp_window_new (self));
      if (!self->campaign_tried)
        {
          GdkFrameClock *clock;

          gtk_widget_realize (GTK_WIDGET (window));
          clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
          if (clock != NULL)
            g_signal_connect (clock, "after-paint", G_CALLBACK (first_frame_cb), self);
        }
    }
  gtk_window_present (window);
}

static void
lp_application_shutdown (GApplication *application)
{
  LpApplication *self = LP_APPLICATION (application);

  /* architecture.md §8: what the person typed is zeroed before the memory is freed. */
  g_clear_pointer (&self->complaint, lp_complaint_free);
  self->complaint = lp_complaint_new ();
  G_APPLICATION_CLASS (lp_application_parent_class)->shutdown (application);
}

static void
lp_application_finalize (GObject *object)
{
  LpApplication *self = LP_APPLICATION (object);

  g_clear_pointer (&self->complaint, lp_complaint_free);
  g_clear_pointer (&self->campaign, lp_campaign_unref);
  g_clear_pointer (&self->site_config, lp_site_config_free);
  g_clear_error (&self->site_error);
  g_clear_object (&self->high_contrast_css);
  G_OBJECT_CLASS (lp_application_parent_class)->finalize (object);
}

static void
lp_application_constructed (GObject *object)
{
  G_OBJECT_CLASS (lp_application_parent_class)->constructed (object);
  /* Explicit, so that style.css is found whatever the application id (tests use others). */
  g_application_set_resource_base_path (G_APPLICATION (object),
                                        "/io/github/lettreplainte/LettrePlainte");
}

static void
lp_application_class_init (LpApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->constructed = lp_application_constructed;
  G_OBJECT_CLASS (klass)->finalize = lp_application_finalize;
  app_class->startup = lp_application_startup;
  app_class->activate = lp_application_activate;
  app_class->shutdown = lp_application_shutdown;
}

static void
new_complaint (LpApplication *self)
{
  self->complaint = lp_complaint_new ();
  g_free (self->complaint->campaign);
  self->complaint->campaign = g_strdup (LP_CAMPAIGN_ID);
}

static void
lp_application_init (LpApplication *self)
{
  new_complaint (self);
  self->site_config = lp_site_config_new_home ();
  self->text_scale = TEXT_SCALE_MIN;
}

LpApplication *
lp_application_new (void)
{
  return g_object_new (LP_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       /* Each start is a new session: never hand a complaint over to a
                        * running instance. */
                       "flags", G_APPLICATION_NON_UNIQUE,
                       NULL);
}

void
lp_application_set_site (LpApplication *self,
                         LpSiteConfig  *config,
                         GError        *error,
                         gboolean       force_kiosk)
{
  g_return_if_fail (LP_IS_APPLICATION (self));

  g_clear_pointer (&self->site_config, lp_site_config_free);
  g_clear_error (&self->site_error);
  self->site_config = config != NULL ? config : lp_site_config_new_home ();
  self->site_error = error;
  self->force_kiosk = force_kiosk;
}

const LpSiteConfig *
lp_application_get_site_config (LpApplication *self)
{
  g_return_val_if_fail (LP_IS_APPLICATION (self), NULL);
  return self->site_config;
}

const GError *
lp_application_get_site_error (LpApplication *self)
{
  g_return_val_if_fail (LP_IS_APPLICATION (self), NULL);
  return self->site_error;
}

LpSiteMode
lp_application_get_mode (LpApplication *self)
{
  g_return_val_if_fail (LP_IS_APPLICATION (self), LP_SITE_MODE_HOME);
  if (self->force_kiosk)
    return LP_SITE_MODE_KIOSK;
  return self->site_config->mode;
}

LpComplaint *
lp_application_get_complaint (LpApplication *self)
{
  g_return_val_if_fail (LP_IS_APPLICATION (self), NULL);
  return self->complaint;
}

LpCampaign *
lp_application_get_campaign (LpApplication *self)
{
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (LP_IS_APPLICATION (self), NULL);
  if (self->campaign != NULL || self->campaign_tried)
    return self->campaign;

  self->campaign_tried = TRUE;
  self->campaign = lp_campaign_load_by_id (LP_CAMPAIGN_ID, &error);
  if (self->campaign == NULL)
    /* The campaign file is program data, not personal data: its error can be logged. */
    g_warning ("Cannot load the campaign %s: %s", LP_CAMPAIGN_ID, error->message);
  return self->campaign;
}

void
lp_application_set_language (LpApplication *self,
                             const char    *code)
{
  GList *windows;

  g_return_if_fail (LP_IS_APPLICATION (self));
  g_return_if_fail (lp_language_find (code) != NULL);

  lp_language_apply (code);
  /* .ui templates are translated when they are built: build every window again. The
   * model holds what was typed, so the new window shows it all. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l != NULL; l = l->next)
    if (LP_IS_WINDOW (l->data))
      lp_window_rebuild (LP_WINDOW (l->data));
  g_list_free (windows);
}

double
lp_application_get_text_scale (LpApplication *self)
{
  g_return_val_if_fail (LP_IS_APPLICATION (self), 1.0);
  return self->text_scale;
}

void
lp_application_set_text_scale (LpApplication *self,
                               double         scale)
{
  g_return_if_fail (LP_IS_APPLICATION (self));

  self->text_scale = CLAMP (scale, TEXT_SCALE_MIN, TEXT_SCALE_MAX);
  apply_text_scale (self);
  update_text_actions (self);
}

gboolean
lp_application_get_high_contrast (LpApplication *self)
{
  g_return_val_if_fail (LP_IS_APPLICATION (self), FALSE);
  return self->high_contrast;
}

void
lp_application_set_high_contrast (LpApplication *self,
                                  gboolean       enabled)
{
  GdkDisplay *display = gdk_display_get_default ();
  GAction *action;

  g_return_if_fail (LP_IS_APPLICATION (self));
  enabled = !!enabled;
  if (self->high_contrast == enabled)
    return;
  self->high_contrast = enabled;

  if (self->high_contrast_css == NULL)
    {
      self->high_contrast_css = gtk_css_provider_new ();
      gtk_css_provider_load_from_resource (self->high_contrast_css,
                                           LP_RESOURCE_PREFIX "style-hc.css");
    }
  if (display != NULL && enabled)
    gtk_style_context_add_provider_for_display (display,
                                                GTK_STYLE_PROVIDER (self->high_contrast_css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
  else if (display != NULL)
    gtk_style_context_remove_provider_for_display (display,
                                                   GTK_STYLE_PROVIDER (self->high_contrast_css));

  action = g_action_map_lookup_action (G_ACTION_MAP (self), "high-contrast");
  if (action != NULL)
    g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_boolean (enabled));
}
