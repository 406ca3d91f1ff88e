/* fuzz-image.c — attachment pictures and the drawn signature
 *
 * Input: the bytes of a file the person attached. lp_pdf_image_load_attachment() takes a
 * path, so the bytes are written to one temporary file, created once and rewritten in place
 * for every run (no fsync, no rename: runs stay fast); it is removed at exit. When the bytes start like a PNG they also go through
 * the signature loader, which takes them in memory.
 *
 * The print box is small (a quarter of a page at 72 dpi) so that even a large picture is
 * scaled down to a few hundred pixels and a run stays fast.
 */
/* pwrite() and ftruncate(): the program is built as strict C11. */
#define _POSIX_C_SOURCE 200809L
#define G_LOG_DOMAIN "lp-fuzz"

#include "fuzz-common.h"

#include "lp-attachment-image.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define BOX_W_PT 300.0
#define BOX_H_PT 400.0
#define DPI      72.0

static char *temp_path;
static int temp_fd = -1;

static void
remove_temp_file (void)
{
  if (temp_path != NULL)
    g_unlink (temp_path);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;

  lp_fuzz_quiet_logs ();
  temp_fd = g_file_open_tmp ("lp-fuzz-image-XXXXXX", &temp_path, &error);
  if (temp_fd < 0)
    {
      g_printerr ("fuzz-image: %s\n", error->message);
      abort ();
    }
  atexit (remove_temp_file);
  return 0;
}

static void
check_image (const LpPdfImage *image,
             const GError     *error)
{
  if (image == NULL)
    {
      if (error == NULL || error->domain != LP_PDF_IMAGE_ERROR)
        abort ();
      return;
    }
  if (image->width <= 0 || image->height <= 0 || image->data == NULL)
    abort ();
  if (image->kind == LP_PDF_IMAGE_RAW_RGB
      && g_bytes_get_size (image->data) != (gsize) image->width * (gsize) image->height * 3)
    abort ();
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const guint8 png_magic[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  g_autoptr(GError) error = NULL;
  g_autoptr(LpPdfImage) image = NULL;

  if (ftruncate (temp_fd, 0) != 0
      || (size > 0 && pwrite (temp_fd, data, size, 0) != (ssize_t) size))
    abort ();
  image = lp_pdf_image_load_attachment (temp_path, BOX_W_PT, BOX_H_PT, DPI, &error);
  check_image (image, error);

  if (size >= sizeof png_magic && memcmp (data, png_magic, sizeof png_magic) == 0)
    {
      g_autoptr(GBytes) png = g_bytes_new (data, size);
      g_autoptr(GError) sig_error = NULL;
      g_autoptr(LpPdfImage) signature = NULL;

      signature = lp_pdf_image_load_signature (png, BOX_W_PT, BOX_H_PT / 4, DPI, &sig_error);
      check_image (signature, sig_error);
    }
  return 0;
}
