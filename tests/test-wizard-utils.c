/* test-wizard-utils.c — see test-wizard-utils.h */
#define G_LOG_DOMAIN "lp-test-wizard"

#include "test-wizard-utils.h"
#include "lp-choice-field.h"
#include "lp-given-names.h"
#include "lp-language.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

void
lp_wizard_test_init (int    *argc,
                     char ***argv)
{
  const char *localedir = g_getenv ("LP_LOCALEDIR");

  gtk_test_init (argc, argv, NULL);
  setlocale (LC_ALL, "");
  if (localedir != NULL && localedir[0] != '\0')
    bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  /* As main() does: GtkBuilder translates the .ui files through the default domain. */
  textdomain (GETTEXT_PACKAGE);
  /* Screenshots and focus checks must not catch a sliding transition half-way. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  /* GTK 4.8 warns "GtkText - unexpected blinking selection" when a blink tick meets an
   * entry whose text was set while focused; warnings are fatal in the tests. */
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);
}

void
lp_wizard_test_iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

void
lp_wizard_test_wait_drawn (LpWindow *window)
{
  lp_wizard_test_iterate ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  lp_wizard_test_iterate ();
}

LpApplication *
lp_wizard_test_app_new (const char *language)
{
  static guint count = 0;
  g_autofree char *id = g_strdup_printf ("%s.Test%u", APP_ID, ++count);
  /* One id per application: two registered applications of one process cannot share the
   * object paths their actions are exported on. */
  LpApplication *app = g_object_new (LP_TYPE_APPLICATION,
                                     "application-id", id,
                                     "flags", G_APPLICATION_NON_UNIQUE,
                                     NULL);
  g_autoptr (GError) error = NULL;

  lp_language_apply (language != NULL ? language : "en");
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  lp_wizard_test_wait_drawn (lp_wizard_test_get_window (app));
  return app;
}

LpWindow *
lp_wizard_test_get_window (LpApplication *app)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  for (GList *l = windows; l != NULL; l = l->next)
    if (LP_IS_WINDOW (l->data))
      return l->data;
  g_assert_not_reached ();
}

void
lp_wizard_test_app_free (LpApplication *app)
{
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  lp_wizard_test_iterate ();
  g_object_unref (app);
}

LpFormField *
lp_wizard_test_field (LpWindow   *window,
                      const char *path)
{
  LpFormField *field = lp_step_find_field (lp_window_get_current_step (window), path);

  if (field == NULL)
    g_error ("no field for %s on step %s", path, lp_wizard_test_current_name (window));
  return field;
}

void
lp_wizard_test_type (LpWindow   *window,
                     const char *path,
                     const char *text)
{
  LpFormField *field = lp_wizard_test_field (window, path);
  GtkEditable *editable;

  /* "complainant.given_names": the first given name. */
  if (LP_IS_GIVEN_NAMES (field))
    editable = lp_given_names_get_entry (LP_GIVEN_NAMES (field), 0);
  else
    editable = GTK_EDITABLE (lp_form_field_get_entry (field));
  g_assert_nonnull (editable);
  gtk_widget_grab_focus (GTK_WIDGET (editable));
  gtk_editable_set_text (editable, text);
  g_assert_true (lp_form_field_get_touched (field));
}

void
lp_wizard_test_type_date (LpWindow   *window,
                          const char *path,
                          const char *day,
                          const char *month,
                          const char *year)
{
  LpDateField *field = LP_DATE_FIELD (lp_wizard_test_field (window, path));

  gtk_editable_set_text (lp_date_field_get_part (field, 0), day);
  gtk_editable_set_text (lp_date_field_get_part (field, 1), month);
  gtk_editable_set_text (lp_date_field_get_part (field, 2), year);
}

void
lp_wizard_test_choose (LpWindow   *window,
                       const char *path,
                       const char *id)
{
  LpChoiceField *field = LP_CHOICE_FIELD (lp_wizard_test_field (window, path));
  GtkWidget *box = lp_form_field_get_control (LP_FORM_FIELD (field));

  /* As a click: the button's "toggled" marks the field changed. */
  for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (child), "lp-choice-id"), id) == 0)
      {
        gtk_check_button_set_active (GTK_CHECK_BUTTON (child), TRUE);
        g_assert_cmpstr (lp_choice_field_get_active (field), ==, id);
        return;
      }
  g_error ("no choice %s in %s", id, path);
}

const char *
lp_wizard_test_error (LpWindow   *window,
                      const char *path)
{
  return lp_form_field_get_error (lp_wizard_test_field (window, path));
}

gboolean
lp_wizard_test_has_focus (LpWindow   *window,
                          const char *path)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL
         && gtk_widget_is_ancestor (focus, GTK_WIDGET (lp_wizard_test_field (window, path)));
}

void
lp_wizard_test_leave (LpWindow   *window,
                      const char *path)
{
  LpFormField *field = lp_wizard_test_field (window, path);

  lp_form_field_focus (field);
  lp_wizard_test_iterate ();
  /* The Next button is outside every field: focusing it is leaving the field. */
  gtk_widget_grab_focus (GTK_WIDGET (window));
  gtk_root_set_focus (GTK_ROOT (window), NULL);
  lp_wizard_test_iterate ();
}

const char *
lp_wizard_test_current_name (LpWindow *window)
{
  return lp_step_get_name (lp_window_get_current_step (window));
}

gboolean
lp_wizard_test_next (LpWindow *window)
{
  guint before = lp_window_get_current_index (window);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.next", NULL);
  lp_wizard_test_iterate ();
  return lp_window_get_current_index (window) != before;
}

void
lp_wizard_test_fill_identity (LpWindow *window)
{
  g_assert_cmpstr (lp_wizard_test_current_name (window), ==, "identity");
  lp_wizard_test_choose (window, "complainant.civility", "madame");
  lp_wizard_test_type (window, "complainant.birth_name", "Dupré");
  lp_wizard_test_type (window, "complainant.usage_name", "Le Gall-Dupré");
  lp_wizard_test_type (window, "complainant.given_names", "Élodie");
  lp_wizard_test_type_date (window, "complainant.birth_date", "14", "12", "1984");
  lp_wizard_test_choose (window, "complainant.born_where", "france");
  lp_wizard_test_type (window, "complainant.birth_place.commune", "Saint-Étienne");
  lp_wizard_test_type (window, "complainant.birth_place.department", "42");
}

void
lp_wizard_test_fill_contact (LpWindow *window)
{
  g_assert_cmpstr (lp_wizard_test_current_name (window), ==, "contact");
  lp_wizard_test_type (window, "complainant.address.street", "12 rue de l’Exemple");
  lp_wizard_test_type (window, "complainant.address.postal_code", "34000");
  lp_wizard_test_type (window, "complainant.address.city", "Montpellier");
  lp_wizard_test_type (window, "complainant.address.country", "France");
  lp_wizard_test_type (window, "complainant.phone", "06 12 34 56 78");
}

char *
lp_wizard_test_screenshot (LpWindow   *window,
                           const char *basename)
{
  GtkWidget *widget = GTK_WIDGET (window);
  g_autoptr (GdkPaintable) paintable = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  GtkSnapshot *snapshot;
  GskRenderNode *node;
  GskRenderer *renderer;
  int width, height;
  char *path;

  lp_wizard_test_wait_drawn (window);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  g_assert_cmpint (width, >, 0);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gsk_render_node_unref (node);
  path = g_test_build_filename (G_TEST_BUILT, basename, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  return path;
}
