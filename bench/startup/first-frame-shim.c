/* first-frame-shim.c — LD_PRELOAD probe: time from exec to the first frame of a GTK 4 program,
 * and its memory at that moment. The same probe for both programs of bench/startup/run.sh, so
 * the two figures are taken the same way.
 *
 * It interposes g_application_run(): once the application's "startup" has run (GTK is then
 * initialised), an emission hook on GtkWidget::realize catches the first GtkWindow; once it is
 * mapped, the first "after-paint" of its surface's frame clock that follows a "render" of the
 * surface is the first frame on screen. There it writes one line and _exit()s:
 *
 *   first-frame ms=123.45 hwm_kb=65432 rss_kb=65000 renderer=GskCairoRenderer run_ms=...
 *     startup_ms=... realize_ms=... map_ms=...
 *
 * (the milestones: g_application_run() entered, "startup" done, the window realized, mapped).
 * ms is CLOCK_MONOTONIC now minus LP_BENCH_T0_NS (set by the driver just before exec), so the
 * dynamic loader, library constructors and main() before g_application_run() are counted.
 * With LP_BENCH_LINGER_MS=N it waits N ms more (the program goes on: after-first-frame work
 * such as loading the campaign) and adds "later_hwm_kb=... later_rss_kb=...".
 * The line goes to the file LP_BENCH_OUT (appended), or to stderr. */

#define _GNU_SOURCE
#include <dlfcn.h>
#include <gtk/gtk.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

typedef int (*RunFunc) (GApplication *application, int argc, char **argv);

static gboolean window_seen;
static gboolean surface_rendered;
static GdkSurface *watched_surface;
static gboolean frame_reported;
static char first_line[512];
/* Milestones on the way, in ms from exec: g_application_run() entered, "startup" done, the
 * first window realized, mapped. */
static double run_ms;
static double startup_ms;
static double realize_ms;
static double map_ms;

static long
status_kb (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, field);
  if (line == NULL)
    return -1;
  return strtol (line + strlen (field), NULL, 10);
}

static double
elapsed_ms (void)
{
  struct timespec now;
  const char *t0 = g_getenv ("LP_BENCH_T0_NS");
  gint64 start = t0 != NULL ? g_ascii_strtoll (t0, NULL, 10) : 0;

  clock_gettime (CLOCK_MONOTONIC, &now);
  return ((gint64) now.tv_sec * G_GINT64_CONSTANT (1000000000) + now.tv_nsec - start) / 1e6;
}

static void
write_line_and_exit (const char *line)
{
  const char *path = g_getenv ("LP_BENCH_OUT");
  FILE *out = path != NULL ? fopen (path, "a") : NULL;

  fprintf (out != NULL ? out : stderr, "%s\n", line);
  if (out != NULL)
    fclose (out);
  fflush (stderr);
  _exit (0);
}

static gboolean
linger_done_cb (gpointer user_data)
{
  g_autofree char *line = g_strdup_printf ("%s later_hwm_kb=%ld later_rss_kb=%ld", first_line,
                                           status_kb ("VmHWM:"), status_kb ("VmRSS:"));

  write_line_and_exit (line);
  return G_SOURCE_REMOVE;
}

/* GTK's own "render" handler returns TRUE, which stops the emission before any other handler:
 * an emission hook (run as the emission starts, in the same paint phase) sees it anyway. */
static gboolean
render_hook (GSignalInvocationHint *hint,
             guint                  n_values,
             const GValue          *values,
             gpointer               user_data)
{
  if (g_value_get_object (&values[0]) == watched_surface)
    surface_rendered = TRUE;
  return !surface_rendered;
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  GtkWidget *window = user_data;
  GskRenderer *renderer;
  const char *linger;

  if (frame_reported || !surface_rendered)
    return;
  frame_reported = TRUE;
  renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  g_snprintf (first_line, sizeof first_line,
              "first-frame ms=%.2f hwm_kb=%ld rss_kb=%ld renderer=%s run_ms=%.2f startup_ms=%.2f "
              "realize_ms=%.2f map_ms=%.2f", elapsed_ms (),
              status_kb ("VmHWM:"), status_kb ("VmRSS:"),
              renderer != NULL ? G_OBJECT_TYPE_NAME (renderer) : "none",
              run_ms, startup_ms, realize_ms, map_ms);
  linger = g_getenv ("LP_BENCH_LINGER_MS");
  if (linger != NULL && atoi (linger) > 0)
    g_timeout_add (atoi (linger), linger_done_cb, NULL);
  else
    write_line_and_exit (first_line);
}

static void
window_map_cb (GtkWidget *window,
               gpointer   user_data)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

  map_ms = elapsed_ms ();
  g_signal_handlers_disconnect_by_func (window, window_map_cb, user_data);
  watched_surface = surface;
  g_signal_add_emission_hook (g_signal_lookup ("render", GDK_TYPE_SURFACE), 0, render_hook,
                              NULL, NULL);
  g_signal_connect_after (gdk_surface_get_frame_clock (surface), "after-paint",
                          G_CALLBACK (after_paint_cb), window);
}

/* Emission hooks run before the class handler, when the window has no surface yet: wait for
 * its "map" (after realize) to reach the surface and its frame clock. */
static gboolean
realize_hook (GSignalInvocationHint *hint,
              guint                  n_values,
              const GValue          *values,
              gpointer               user_data)
{
  GtkWidget *widget = g_value_get_object (&values[0]);

  if (window_seen || !GTK_IS_WINDOW (widget))
    return TRUE;
  window_seen = TRUE;
  realize_ms = elapsed_ms ();
  g_signal_connect_after (widget, "map", G_CALLBACK (window_map_cb), NULL);
  return FALSE;   /* one window is enough: remove the hook */
}

static void
startup_cb (GApplication *application,
            gpointer      user_data)
{
  startup_ms = elapsed_ms ();
  g_type_class_ref (GTK_TYPE_WIDGET);
  g_signal_add_emission_hook (g_signal_lookup ("realize", GTK_TYPE_WIDGET), 0, realize_hook,
                              NULL, NULL);
}

int
g_application_run (GApplication *application,
                   int           argc,
                   char        **argv)
{
  RunFunc real_run = (RunFunc) dlsym (RTLD_NEXT, "g_application_run");

  if (real_run == NULL)
    abort ();
  run_ms = elapsed_ms ();
  g_signal_connect_after (application, "startup", G_CALLBACK (startup_cb), NULL);
  return real_run (application, argc, argv);
}
