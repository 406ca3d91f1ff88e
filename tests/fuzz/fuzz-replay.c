/* fuzz-replay.c — runs a fuzz target's entry function over files, without libFuzzer
 *
 * Usage: fuzz-<target>-replay PATH...  where each PATH is a file or a directory (every
 * regular file in it, sorted). Prints TAP, one case per file: the seed corpus and the
 * regression inputs are replayed in the ordinary test run, with gcc, and under ASan/UBSan
 * in the sanitizer run. A crash is the failure (the entry function aborts on a broken
 * invariant); a directory that holds no file at all is a failure too, so that a corpus that
 * went missing is noticed.
 */
#define G_LOG_DOMAIN "lp-fuzz"

#include "fuzz-common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
collect_files (const char *path,
               GPtrArray  *files)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_ptr_array_add (files, g_strdup (path));
      return;
    }
  dir = g_dir_open (path, 0, NULL);
  if (dir == NULL)
    return;
  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_build_filename (path, name, NULL));
  g_ptr_array_sort (names, compare_paths);
  for (guint i = 0; i < names->len; i++)
    if (g_file_test (g_ptr_array_index (names, i), G_FILE_TEST_IS_REGULAR))
      g_ptr_array_add (files, g_strdup (g_ptr_array_index (names, i)));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  guint failed = 0;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_has_prefix (argv[i], "--"))
        continue; /* --tap, which meson passes */
      collect_files (argv[i], files);
    }
  LLVMFuzzerInitialize (&argc, &argv);

  printf ("1..%u\n", MAX (files->len, 1u));
  if (files->len == 0)
    {
      printf ("not ok 1 - no input file to replay\n");
      return 1;
    }
  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autofree char *contents = NULL;
      gsize length = 0;
      g_autoptr(GError) error = NULL;
      g_autofree char *shown = g_path_get_basename (path);

      /* The name goes out first: if the input crashes the program, the log says which. */
      if (!g_file_get_contents (path, &contents, &length, &error))
        {
          printf ("not ok %u - %s: %s\n", i + 1, shown, error->message);
          failed++;
          continue;
        }
      printf ("# replaying %s\n", path);
      fflush (stdout);
      LLVMFuzzerTestOneInput ((const uint8_t *) contents, length);
      printf ("ok %u - %s\n", i + 1, shown);
      fflush (stdout);
    }
  return failed > 0 ? 1 : 0;
}
