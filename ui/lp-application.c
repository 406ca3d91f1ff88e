/* lp-application.c — see lp-application.h */
#define G_LOG_DOMAIN "lp-application"

#include "lp-application.h"
#include "lp-kiosk-error.h"
#include "lp-language.h"
#include "lp-ui.h"
#include "lp-window.h"

#include <errno.h>
#include <glib-unix.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

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
  GtkCssProvider *kiosk_css;           /* the kiosk's cards and keyboard */
  char           *default_language;    /* what the next person finds: [site] language, or
                                        * the environment's at startup */

  gboolean        campaign_tried;
  gboolean        force_kiosk;
  int             system_xft_dpi;      /* the system's text size, read at startup */
  double          text_scale;
  gboolean        high_contrast;
  gboolean        in_use;              /* someone has started: something to wipe */
  guint           inhibit_cookie;      /* the screen is kept awake while in use */
  guint           signal_ids[2];       /* SIGTERM, SIGINT: quit, wiping */
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

  lp_application_mark_in_use (self);
  lp_application_set_text_scale (self, self->text_scale + TEXT_SCALE_STEP);
}

static void
text_smaller_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  LpApplication *self = user_data;

  lp_application_mark_in_use (self);
  lp_application_set_text_scale (self, self->text_scale - TEXT_SCALE_STEP);
}

static void
high_contrast_changed (GSimpleAction *action,
                       GVariant      *state,
                       gpointer       user_data)
{
  lp_application_mark_in_use (LP_APPLICATION (user_data));
  lp_application_set_high_contrast (LP_APPLICATION (user_data), g_variant_get_boolean (state));
}

static void
language_activated (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  lp_application_mark_in_use (LP_APPLICATION (user_data));
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

static void
erase_and_finish_activated (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  lp_application_wipe (LP_APPLICATION (user_data));
}

static void
new_household_complaint_activated (GSimpleAction *action,
                                   GVariant      *parameter,
                                   gpointer       user_data)
{
  lp_application_new_household_complaint (LP_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { .name = "quit", .activate = quit_activated },
  { .name = "erase-and-finish", .activate = erase_and_finish_activated },
  { .name = "new-household-complaint", .activate = new_household_complaint_activated },
  { .name = "language", .activate = language_activated, .parameter_type = "s" },
  { .name = "text-bigger", .activate = text_bigger_activated },
  { .name = "text-smaller", .activate = text_smaller_activated },
  { .name = "high-contrast", .state = "false", .change_state = high_contrast_changed },
};

static void
new_complaint (LpApplication *self)
{
  self->complaint = lp_complaint_new ();
  g_free (self->complaint->campaign);
  self->complaint->campaign = g_strdup (LP_CAMPAIGN_ID);
}

/* The language the next person finds: the site's, else the environment's at startup. */
static void
apply_default_language (LpApplication *self)
{
  const char *site = self->site_config->language;

  if (self->default_language == NULL)
    {
      if (site[0] != '\0' && lp_language_find (site) != NULL)
        self->default_language = g_strdup (site);
      else
        {
          if (site[0] != '\0')
            g_message ("[site] language=%s is not one of the program's languages; the "
                       "environment's is used.", site);
          self->default_language = g_strdup (lp_language_get_current ());
        }
    }
  if (g_strcmp0 (lp_language_get_current (), self->default_language) != 0)
    lp_language_apply (self->default_language);
  else
    lp_language_apply_direction ();
}

/* This process's user id, as the runtime directory's owner (it is created for us). */
static guint32
own_uid (void)
{
  g_autoptr (GFile) runtime = g_file_new_for_path (g_get_user_runtime_dir ());
  g_autoptr (GFileInfo) info = g_file_query_info (runtime, G_FILE_ATTRIBUTE_UNIX_UID,
                                                  G_FILE_QUERY_INFO_NONE, NULL, NULL);

  return info != NULL ? g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_UNIX_UID)
                      : G_MAXUINT32;
}

/* The private directories the print route makes under $XDG_RUNTIME_DIR
 * (lp-letter-output.c: "lettre-plainte-XXXXXX", mode 0700) and their files. Only ours:
 * a directory, not a link, owned by this user. */
static void
remove_private_directories (void)
{
  const char *runtime = g_get_user_runtime_dir ();
  g_autoptr (GDir) dir = g_dir_open (runtime, 0, NULL);
  const char *name;
  guint removed = 0;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autoptr (GFile) location = NULL;
      g_autoptr (GFileInfo) info = NULL;
      g_autoptr (GDir) inner = NULL;
      const char *file;

      if (!g_str_has_prefix (name, "lettre-plainte-")
          || strlen (name) != strlen ("lettre-plainte-XXXXXX"))
        continue;
      path = g_build_filename (runtime, name, NULL);
      location = g_file_new_for_path (path);
      info = g_file_query_info (location, G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                G_FILE_ATTRIBUTE_UNIX_UID, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                NULL, NULL);
      if (info == NULL || g_file_info_get_file_type (info) != G_FILE_TYPE_DIRECTORY
          || g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_UNIX_UID) != own_uid ())
        continue;
      inner = g_dir_open (path, 0, NULL);
      while (inner != NULL && (file = g_dir_read_name (inner)) != NULL)
        {
          g_autofree char *file_path = g_build_filename (path, file, NULL);

          if (g_unlink (file_path) != 0)
            g_message ("A private file of the print route could not be removed: %s",
                       g_strerror (errno));
        }
      if (g_rmdir (path) == 0)
        removed++;
      else
        g_message ("A private directory of the print route could not be removed: %s",
                   g_strerror (errno));
    }
  if (removed > 0)
    g_debug ("Removed %u private print director%s.", removed, removed == 1 ? "y" : "ies");
}

static void
clear_clipboard (GdkClipboard *clipboard,
                 gboolean      always)
{
  /* At home, somebody else's clipboard (another program's) is left alone. */
  if (clipboard != NULL && (always || gdk_clipboard_is_local (clipboard)))
    gdk_clipboard_set_text (clipboard, "");
}

/* Whatever the session left outside the model: the print route's files, the clipboard.
 * Nothing goes to GtkRecentManager (gtk-recent-files-enabled is off since startup). */
static void
erase_traces (LpApplication *self)
{
  GdkDisplay *display = gdk_display_get_default ();
  gboolean shared = lp_application_get_mode (self) != LP_SITE_MODE_HOME;

  /* At home another instance may be printing from its own private directory; in kiosk and
   * assisted modes this is the only instance. */
  if (shared)
    remove_private_directories ();
  if (display != NULL)
    {
      clear_clipboard (gdk_display_get_clipboard (display), shared);
      clear_clipboard (gdk_display_get_primary_clipboard (display), shared);
    }
}

static void
release_screen (LpApplication *self)
{
  if (self->inhibit_cookie != 0)
    gtk_application_uninhibit (GTK_APPLICATION (self), self->inhibit_cookie);
  self->inhibit_cookie = 0;
  self->in_use = FALSE;
}

/* Every toplevel but the form's windows (dialogs, the print dialog...) goes; each form
 * window is replaced by a new one showing step @index of the (new) model. */
static void
reset_windows (LpApplication *self,
               guint          index)
{
  GList *toplevels = gtk_window_list_toplevels ();
  GList *windows;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (!LP_IS_WINDOW (l->data))
      gtk_window_destroy (GTK_WINDOW (l->data));
  g_list_free (toplevels);

  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l != NULL; l = l->next)
    if (LP_IS_WINDOW (l->data))
      lp_window_reset (LP_WINDOW (l->data), index);
  g_list_free (windows);
}

static void
detach_windows (LpApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (LP_IS_WINDOW (l->data))
      lp_window_detach_model (LP_WINDOW (l->data));
}

/* systemd stopping the kiosk, Ctrl+C in a terminal: quit as the menu would, so that the
 * session is wiped (the print route's private files included) before the process ends. */
static gboolean
quit_on_signal (gpointer user_data)
{
  g_message ("Asked to stop: the session is erased before quitting.");
  g_action_group_activate_action (G_ACTION_GROUP (user_data), "quit", NULL);
  return G_SOURCE_CONTINUE;
}

static void
remove_signal_handlers (LpApplication *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->signal_ids); i++)
    g_clear_handle_id (&self->signal_ids[i], g_source_remove);
}

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

  /* AdwApplication loads style.css from the resources here. The high-contrast sheet has
   * another name (lp-high-contrast.css), so that libadwaita does not load a second copy
   * that the in-program toggle could not remove: LpApplication alone applies it, following
   * the system (system_contrast_changed_cb) and the toggle. */
  lp_ui_ensure_resources ();
  G_APPLICATION_CLASS (lp_application_parent_class)->startup (application);

  apply_default_language (self);
  self->signal_ids[0] = g_unix_signal_add (SIGTERM, quit_on_signal, self);
  self->signal_ids[1] = g_unix_signal_add (SIGINT, quit_on_signal, self);
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions),
                                   self);
  if (lp_application_get_mode (self) == LP_SITE_MODE_KIOSK && self->site_error == NULL
      && self->site_config->admin_pin_hash[0] == '\0')
    g_message ("Kiosk mode without [kiosk] admin-pin-hash: the administrator gesture does "
               "nothing; only stopping the kiosk session ends the program.");
  /* A kiosk is left only through the administrator's PIN, not with Ctrl+Q. */
  if (lp_application_get_mode (self) != LP_SITE_MODE_KIOSK)
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

  self->kiosk_css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (self->kiosk_css, LP_RESOURCE_PREFIX "lp-kiosk.css");
  if (gdk_display_get_default () != NULL)
    gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                GTK_STYLE_PROVIDER (self->kiosk_css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

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

  if (window == NULL && self->site_error != NULL)
    /* Never the form behind a broken configuration: the administrator's screen alone. */
    window = GTK_WINDOW (lp_kiosk_error_window_new (GTK_APPLICATION (self), self->site_error,
                                                    self->force_kiosk));
  else if (window == NULL)
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
      gtk_window_present (window);
      /* As on every step change: the person starts on the step's first control (the
       * language choice), not on GTK's default pick, the Next button. */
      lp_step_focus_first (lp_window_get_current_step (LP_WINDOW (window)));
      return;
    }
  gtk_window_present (window);
}

static void
lp_application_shutdown (GApplication *application)
{
  LpApplication *self = LP_APPLICATION (application);

  /* architecture.md §8: what the person typed is zeroed before the memory is freed, and
   * nothing of the session stays behind. */
  g_clear_pointer (&self->complaint, lp_complaint_free);
  new_complaint (self);
  erase_traces (self);
  release_screen (self);
  remove_signal_handlers (self);
  G_APPLICATION_CLASS (lp_application_parent_class)->shutdown (application);
}

static void
lp_application_finalize (GObject *object)
{
  LpApplication *self = LP_APPLICATION (object);

  remove_signal_handlers (self);
  g_clear_pointer (&self->complaint, lp_complaint_free);
  g_clear_pointer (&self->campaign, lp_campaign_unref);
  g_clear_pointer (&self->site_config, lp_site_config_free);
  g_clear_error (&self->site_error);
  g_clear_object (&self->high_contrast_css);
  g_clear_object (&self->kiosk_css);
  g_clear_pointer (&self->default_language, g_free);
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
                                           LP_RESOURCE_PREFIX "lp-high-contrast.css");
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

void
lp_application_mark_in_use (LpApplication *self)
{
  GtkWindow *window;

  g_return_if_fail (LP_IS_APPLICATION (self));
  self->in_use = TRUE;
  if (self->inhibit_cookie != 0 || lp_application_get_mode (self) == LP_SITE_MODE_HOME)
    return;
  /* 0 where nobody offers the service (X11 without a session manager): the deployment
   * turns blanking off there (tech-notes.md §2.2); asked again at the next step. */
  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  self->inhibit_cookie = gtk_application_inhibit (GTK_APPLICATION (self), window,
                                                  GTK_APPLICATION_INHIBIT_IDLE,
                                                  _("Someone is filling in a complaint"));
}

gboolean
lp_application_get_in_use (LpApplication *self)
{
  g_return_val_if_fail (LP_IS_APPLICATION (self), FALSE);
  return self->in_use;
}

void
lp_application_wipe (LpApplication *self)
{
  AdwStyleManager *style = adw_style_manager_get_default ();

  g_return_if_fail (LP_IS_APPLICATION (self));

  /* The old widgets must not write into the new model, then the model goes, zeroed. */
  detach_windows (self);
  g_clear_pointer (&self->complaint, lp_complaint_free);
  new_complaint (self);
  erase_traces (self);
  release_screen (self);

  /* The next person finds the program as the site set it up. */
  apply_default_language (self);
  lp_application_set_text_scale (self, TEXT_SCALE_MIN);
  lp_application_set_high_contrast (self, adw_style_manager_get_high_contrast (style));
  reset_windows (self, 0);
  g_debug ("The session was wiped.");
}

void
lp_application_new_household_complaint (LpApplication *self)
{
  LpComplaint *next;

  g_return_if_fail (LP_IS_APPLICATION (self));

  /* What was typed last is in the model before the household's part is copied. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (LP_IS_WINDOW (l->data))
      lp_window_store (LP_WINDOW (l->data));
  next = lp_complaint_new_for_household (self->complaint);
  detach_windows (self);
  g_clear_pointer (&self->complaint, lp_complaint_free);
  self->complaint = next;
  erase_traces (self);
  /* Same sitting, same language and text size; the welcome step asks for whom this one is. */
  reset_windows (self, 0);
  lp_application_mark_in_use (self);
}
