/* lp-send-bench.c — the sending budgets of architecture.md §9, driven by bench/send.sh
 *
 *   lp-send-bench inputs DIR SIZE_MB       writes DIR/letter.bin and DIR/metadata.json (+ id)
 *                                          for the curl tool to send the same bytes
 *   lp-send-bench upload URL TOKEN SIZE_MB RUNS
 *                                          relay uploads with app/send; prints MB/s per run
 *   lp-send-bench cancel URL TOKEN RUNS    cancels sendings mid-body (the script makes the
 *                                          server read slowly); prints the latency per run
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lp-transport.h"

static GBytes *
make_letter (gsize size)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  guint32 *data = g_malloc (size + 4);

  for (gsize i = 0; i < size / 4 + 1; i++)
    data[i] = g_rand_int (rand);
  return g_bytes_new_take (data, size);
}

static LpTransport *
make_transport (const char *url,
                const char *token)
{
  g_autoptr(GError) error = NULL;
  LpTransportConfig config = { .kind = LP_TRANSPORT_RELAY, .url = url, .secret = token };
  LpTransport *transport = lp_transport_new (&config, &error);

  if (transport == NULL)
    g_error ("%s", error->message);
  return transport;
}

static int
write_inputs (const char *dir,
              guint       size_mb)
{
  g_autoptr(GBytes) letter = make_letter ((gsize) size_mb * 1000 * 1000);
  g_autoptr(LpSubmission) submission = lp_submission_new ("bench", "bench", letter);
  g_autoptr(GBytes) metadata = lp_submission_dup_metadata (submission);
  g_autofree char *letter_path = g_build_filename (dir, "letter.bin", NULL);
  g_autofree char *metadata_path = g_build_filename (dir, "metadata.json", NULL);
  g_autofree char *id_path = g_build_filename (dir, "id", NULL);

  if (!g_file_set_contents (letter_path, g_bytes_get_data (letter, NULL),
                            (gssize) g_bytes_get_size (letter), NULL)
      || !g_file_set_contents (metadata_path, g_bytes_get_data (metadata, NULL),
                               (gssize) g_bytes_get_size (metadata), NULL)
      || !g_file_set_contents (id_path, lp_submission_get_id (submission), -1, NULL))
    return 1;
  return 0;
}

static int
upload (const char *url,
        const char *token,
        guint       size_mb,
        guint       runs)
{
  g_autoptr(LpTransport) transport = make_transport (url, token);
  g_autoptr(GBytes) letter = make_letter ((gsize) size_mb * 1000 * 1000);

  for (guint i = 0; i < runs; i++)
    {
      /* A new submission each time, as the curl runs use a new key. */
      g_autoptr(LpSubmission) submission = lp_submission_new ("bench", "bench", letter);
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      g_autofree char *receipt = lp_transport_send (transport, submission, NULL, NULL, NULL, &error);
      double seconds = (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;

      if (receipt == NULL)
        g_error ("%s", error->message);
      printf ("%.3f %.1f\n", seconds, (double) g_bytes_get_size (letter) / seconds / 1e6);
      fflush (stdout);
    }
  return 0;
}

typedef struct {
  GMainLoop *loop;
  GCancellable *cancellable;
  gint64 cancelled_at;
  gint64 finished_at;
  gboolean was_cancelled;
} CancelRun;

static void
on_sent (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  CancelRun *run = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *receipt = lp_transport_send_finish (LP_TRANSPORT (source), result, &error);

  run->finished_at = g_get_monotonic_time ();
  run->was_cancelled = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_main_loop_quit (run->loop);
}

static gboolean
cancel_now (gpointer user_data)
{
  CancelRun *run = user_data;

  run->cancelled_at = g_get_monotonic_time ();
  g_cancellable_cancel (run->cancellable);
  return G_SOURCE_REMOVE;
}

static int
cancel (const char *url,
        const char *token,
        guint       runs)
{
  g_autoptr(LpTransport) transport = make_transport (url, token);
  g_autoptr(GBytes) letter = make_letter (20 * 1000 * 1000);

  for (guint i = 0; i < runs; i++)
    {
      g_autoptr(LpSubmission) submission = lp_submission_new ("bench", "bench", letter);
      CancelRun run = { g_main_loop_new (NULL, FALSE), g_cancellable_new () };

      lp_transport_send_async (transport, submission, run.cancellable, NULL, NULL, NULL,
                               on_sent, &run);
      /* 300-700 ms in: somewhere in the body, at a random point of curl's loop. */
      g_timeout_add (300 + (guint) g_random_int_range (0, 400), cancel_now, &run);
      g_main_loop_run (run.loop);
      if (!run.was_cancelled)
        g_error ("run %u was not cancelled (the server read too fast?)", i);
      printf ("%.2f\n", (double) (run.finished_at - run.cancelled_at) / 1000.0);
      fflush (stdout);
      g_main_loop_unref (run.loop);
      g_object_unref (run.cancellable);
    }
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  lp_send_global_init ();
  if (argc == 4 && strcmp (argv[1], "inputs") == 0)
    return write_inputs (argv[2], (guint) atoi (argv[3]));
  if (argc == 6 && strcmp (argv[1], "upload") == 0)
    return upload (argv[2], argv[3], (guint) atoi (argv[4]), (guint) atoi (argv[5]));
  if (argc == 5 && strcmp (argv[1], "cancel") == 0)
    return cancel (argv[2], argv[3], (guint) atoi (argv[4]));
  fprintf (stderr, "usage: see the comment at the top of bench/lp-send-bench.c\n");
  return 2;
}
