/* minimal-window.c — the reference of architecture.md §9's start-up budget: the smallest GTK 4
 * program that shows a window (a GtkApplication, a GtkApplicationWindow of the wizard's size,
 * a label). bench/startup/run.sh measures its first frame and the wizard's with the same
 * LD_PRELOAD probe (first-frame-shim.c).
 *
 * Built with -DMINIMAL_ADW it is the same with libadwaita (AdwApplication and
 * AdwApplicationWindow): not the budget's reference, but it tells how much of the wizard's
 * start-up is libadwaita's own. */

#ifdef MINIMAL_ADW
#include <adwaita.h>
#else
#include <gtk/gtk.h>
#endif

static void
activate_cb (GApplication *application,
             gpointer      user_data)
{
#ifdef MINIMAL_ADW
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (application));

  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), gtk_label_new ("Hello"));
#else
  GtkWidget *window = gtk_application_window_new (GTK_APPLICATION (application));

  gtk_window_set_child (GTK_WINDOW (window), gtk_label_new ("Hello"));
#endif
  gtk_window_set_title (GTK_WINDOW (window), "Minimal window");
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
#ifdef MINIMAL_ADW
  g_autoptr (AdwApplication) application =
    adw_application_new ("io.github.lettreplainte.MinimalWindow", G_APPLICATION_NON_UNIQUE);
#else
  g_autoptr (GtkApplication) application =
    gtk_application_new ("io.github.lettreplainte.MinimalWindow", G_APPLICATION_NON_UNIQUE);
#endif

  g_signal_connect (application, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (application), argc, argv);
}
