/* test-on-demand.c — libraries opened on first use (app/core/lp-on-demand.h): the program is
 * not linked with libcurl or poppler-glib, a library is opened once, and a missing one is
 * reported without a crash.
 */
#include <math.h>
#include <string.h>

#include "lp-on-demand.h"
#include "lp-transport.h"
#include "lp-test-utils.h"

/* Whether a file whose name holds NAME is mapped into this process. */
static gboolean
is_mapped (const char *name)
{
  g_autofree char *maps = NULL;

  g_assert_true (g_file_get_contents ("/proc/self/maps", &maps, NULL, NULL));
  return strstr (maps, name) != NULL;
}

static void
test_opens_once_and_finds (void)
{
  static LpOnDemandLibrary libm = LP_ON_DEMAND_LIBRARY_INIT ("libm.so.6");
  double (*cosine) (double);

  g_assert_true (lp_on_demand_available (&libm));
  cosine = (double (*) (double)) lp_on_demand_symbol (&libm, "cos");
  g_assert_nonnull (cosine);
  g_assert_cmpfloat_with_epsilon (cosine (0.0), 1.0, 1e-12);
  /* The same handle the second time. */
  g_assert_true (lp_on_demand_symbol (&libm, "cos") == (gpointer) cosine);
}

/* The warnings are checked in a subprocess: g_test_expect_message() does not see GLib 2.74's
 * structured logging, which the project uses. */
static void
test_missing_library (void)
{
  if (g_test_subprocess ())
    {
      static LpOnDemandLibrary missing = LP_ON_DEMAND_LIBRARY_INIT ("liblp-not-installed.so.1");

      g_log_set_always_fatal (G_LOG_FATAL_MASK);
      g_assert_false (lp_on_demand_available (&missing));
      g_assert_null (lp_on_demand_symbol (&missing, "anything"));
      g_assert_false (lp_on_demand_available (&missing));
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  /* One warning that names the library and the reason, however often it is asked for. */
  g_test_trap_assert_stderr ("*Cannot open liblp-not-installed.so.1: *No such file*");
  g_test_trap_assert_stderr_unmatched ("*Cannot open*Cannot open*");
}

static void
test_missing_symbol (void)
{
  if (g_test_subprocess ())
    {
      static LpOnDemandLibrary libm = LP_ON_DEMAND_LIBRARY_INIT ("libm.so.6");

      g_log_set_always_fatal (G_LOG_FATAL_MASK);
      g_assert_null (lp_on_demand_symbol (&libm, "lp_no_such_function"));
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*libm.so.6 has no lp_no_such_function*");
}

/* The program's own dynamic section: what the loader maps before main(). */
static void
test_program_not_linked (void)
{
  const char *argv[] = { "readelf", "--dynamic", g_getenv ("LP_TEST_PROGRAM"), NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_nonnull (argv[2]);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  /* Linked with GTK and libharu as before... */
  g_assert_nonnull (strstr (out, "[libgtk-4.so.1]"));
  g_assert_nonnull (strstr (out, "[libhpdf"));
  /* ...but not with the two libraries it opens on first use. */
  g_assert_null (strstr (out, "libcurl"));
  g_assert_null (strstr (out, "libpoppler"));
}

/* This test links app/send like the program: libcurl comes in only when first needed. */
static void
test_curl_opened_on_first_use (void)
{
  g_assert_false (is_mapped ("libcurl.so"));
  lp_send_global_init ();
  g_assert_true (is_mapped ("libcurl.so"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/on-demand/opens-once-and-finds", test_opens_once_and_finds);
  g_test_add_func ("/on-demand/missing-library", test_missing_library);
  g_test_add_func ("/on-demand/missing-symbol", test_missing_symbol);
  g_test_add_func ("/on-demand/program-not-linked", test_program_not_linked);
  g_test_add_func ("/on-demand/curl-opened-on-first-use", test_curl_opened_on_first_use);
  return g_test_run ();
}
