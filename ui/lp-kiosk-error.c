/* lp-kiosk-error.c — see lp-kiosk-error.h */
#define G_LOG_DOMAIN "lp-kiosk-error"

#include "lp-kiosk-error.h"

#include <glib/gi18n-lib.h>

struct _LpKioskErrorWindow
{
  AdwApplicationWindow parent_instance;

  GtkLabel *message;
};

G_DEFINE_FINAL_TYPE (LpKioskErrorWindow, lp_kiosk_error_window, ADW_TYPE_APPLICATION_WINDOW)

static GtkWidget *
new_label (const char        *text,
           const char        *css_class,
           GtkAccessibleRole  role)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL, "label", text, "accessible-role", role,
                                   "wrap", TRUE, "wrap-mode", PANGO_WRAP_WORD_CHAR,
                                   "xalign", 0.0f, NULL);

  gtk_widget_add_css_class (label, css_class);
  return label;
}

static gboolean
refuse_close_cb (GtkWindow *window)
{
  return TRUE;
}

static void
lp_kiosk_error_window_class_init (LpKioskErrorWindowClass *klass)
{
}

static void
lp_kiosk_error_window_init (LpKioskErrorWindow *self)
{
}

static GtkWidget *
build_content (LpKioskErrorWindow *self,
               const GError       *error)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 20);
  GtkWidget *heading;
  GtkWidget *admin;
  GtkWidget *quit;

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 900);
  gtk_widget_add_css_class (box, "lp-page");
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_vexpand (box, TRUE);

  heading = new_label (_("This terminal is out of order"), "lp-kiosk-heading",
                       GTK_ACCESSIBLE_ROLE_HEADING);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box),
                  new_label (_("Please ask the staff for help. You can also file your complaint "
                               "at a police station or a gendarmerie."), "lp-lead",
                             GTK_ACCESSIBLE_ROLE_LABEL));

  admin = new_label (_("For the administrator: the site configuration cannot be used."),
                     "lp-section-heading", GTK_ACCESSIBLE_ROLE_HEADING);
  gtk_box_append (GTK_BOX (box), admin);
  self->message = GTK_LABEL (new_label (error->message, "lp-kiosk-error-message",
                                        GTK_ACCESSIBLE_ROLE_LABEL));
  gtk_label_set_selectable (self->message, TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->message));
  gtk_box_append (GTK_BOX (box),
                  new_label (_("Correct the file as the message says, then start the program "
                               "again. Until then, nobody can enter anything on this terminal."),
                             "lp-body", GTK_ACCESSIBLE_ROLE_LABEL));

  quit = gtk_button_new_with_mnemonic (_("_Quit"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (quit), "app.quit");
  gtk_widget_set_halign (quit, GTK_ALIGN_START);
  gtk_widget_add_css_class (quit, "pill");
  gtk_widget_add_css_class (quit, "lp-nav-button");
  gtk_box_append (GTK_BOX (box), quit);
  /* The first focus on the button: on the selectable message it would select it all. */
  gtk_window_set_focus (GTK_WINDOW (self), quit);

  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  return scroller;
}

LpKioskErrorWindow *
lp_kiosk_error_window_new (GtkApplication *application,
                           const GError   *error,
                           gboolean        kiosk)
{
  LpKioskErrorWindow *self;
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();

  g_return_val_if_fail (error != NULL, NULL);

  self = g_object_new (LP_TYPE_KIOSK_ERROR_WINDOW, "application", application,
                       /* Translators: the program's name, in the window title */
                       "title", _("Letter-complaint"),
                       "default-width", 1280, "default-height", 800, NULL);
  /* The configuration's problem is about the program, not a person: it can be logged. */
  g_message ("The site configuration cannot be used: %s", error->message);

  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new (_("Letter-complaint"), NULL));
  gtk_box_append (GTK_BOX (content), header);
  gtk_box_append (GTK_BOX (content), build_content (self, error));
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (self), content);
  if (kiosk)
    {
      adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
      adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
      gtk_window_set_deletable (GTK_WINDOW (self), FALSE);
      g_signal_connect (self, "close-request", G_CALLBACK (refuse_close_cb), NULL);
      gtk_window_fullscreen (GTK_WINDOW (self));
    }
  return self;
}

const char *
lp_kiosk_error_window_get_message (LpKioskErrorWindow *self)
{
  g_return_val_if_fail (LP_IS_KIOSK_ERROR_WINDOW (self), NULL);
  return gtk_label_get_text (self->message);
}
