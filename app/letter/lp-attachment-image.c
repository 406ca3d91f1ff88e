/* lp-attachment-image.c — see lp-attachment-image.h */
#define G_LOG_DOMAIN "lp-attachment-image"

#include "lp-attachment-image.h"
#include "lp-secure.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <string.h>

/* Photos are re-encoded at this quality: two 12-megapixel photos at 200 dpi on A4 stay well
 * under the 2 MB budget of architecture.md §9, and text photographed on a letter stays sharp. */
#define JPEG_QUALITY "85"

/* BILINEAR in gdk-pixbuf averages every source pixel that falls in a destination pixel when
 * shrinking, so it does not alias; HYPER is sharper by a hair and several times slower. */
#define SCALE_FILTER GDK_INTERP_BILINEAR

G_DEFINE_QUARK (lp-pdf-image-error-quark, lp_pdf_image_error)

void
lp_pdf_image_free (LpPdfImage *image)
{
  if (image == NULL)
    return;
  g_clear_pointer (&image->data, g_bytes_unref);
  g_free (image);
}

/* ---- secure buffers ------------------------------------------------------------------------ */

static void
secure_free (gpointer data,
             gsize    len)
{
  lp_secure_zero (data, len);
  g_free (data);
}

/* A growing byte buffer that zeroes the old block whenever it moves, for the JPEG encoder's
 * output (gdk_pixbuf_save_to_buffer would leave copies of the photo in freed memory). */
typedef struct {
  guint8 *data;
  gsize len;
  gsize capacity;
} SecureBuffer;

static gboolean
secure_buffer_append_cb (const gchar  *buf,
                         gsize         count,
                         GError      **error,
                         gpointer      user_data)
{
  SecureBuffer *sb = user_data;

  if (count > sb->capacity - sb->len)
    {
      gsize capacity = MAX (sb->capacity * 2, sb->len + count);
      guint8 *data = g_malloc (capacity);

      if (sb->len > 0)
        memcpy (data, sb->data, sb->len);
      secure_free (sb->data, sb->capacity);
      sb->data = data;
      sb->capacity = capacity;
    }
  memcpy (sb->data + sb->len, buf, count);
  sb->len += count;
  return TRUE;
}

/* Zeroes the pixels of every pixbuf in the list, then drops them (GPtrArray free func). */
static void
wipe_pixbuf_unref (gpointer data)
{
  GdkPixbuf *pixbuf = data;

  lp_secure_zero (gdk_pixbuf_get_pixels (pixbuf), gdk_pixbuf_get_byte_length (pixbuf));
  g_object_unref (pixbuf);
}

/* Remembers @pixbuf (a new reference) for wiping when the whole job is done; intermediate
 * results may share one pixbuf (apply_embedded_orientation returns its input when the picture
 * is already upright), so nothing can be wiped before the end. */
static void
keep_for_wiping (GPtrArray *scratch,
                 GdkPixbuf *pixbuf)
{
  if (!g_ptr_array_find (scratch, pixbuf, NULL))
    g_ptr_array_add (scratch, g_object_ref (pixbuf));
}

/* ---- reading and recognising the file ----------------------------------------------------- */

static gboolean
check_file_size (goffset   size,
                 GError  **error)
{
  g_autofree char *size_text = NULL;

  if (size <= LP_PDF_IMAGE_MAX_FILE_SIZE)
    return TRUE;
  size_text = g_format_size ((guint64) size);
  g_set_error (error, LP_PDF_IMAGE_ERROR, LP_PDF_IMAGE_ERROR_TOO_LARGE,
               /* Translators: %s is the size of the file, e.g. "35.2 MB". */
               _("The file is too large (%s). Pictures of up to 20 MB can be attached: attach a "
                 "smaller copy, for example one exported at a lower resolution."),
               size_text);
  return FALSE;
}

/* The whole file in one secure buffer (at most LP_PDF_IMAGE_MAX_FILE_SIZE): it is read once,
 * so the checks and the decoding see the same bytes. */
static GBytes *
read_file_limited (const char  *path,
                   GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  goffset size;
  guint8 *data;
  gsize n_read = 0;

  stream = g_file_read (file, NULL, &local_error);
  if (stream == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error_literal (error, LP_PDF_IMAGE_ERROR, LP_PDF_IMAGE_ERROR_READ,
                             _("The file cannot be found. Check that it is still there, "
                               "or attach it again."));
      else
        g_set_error_literal (error, LP_PDF_IMAGE_ERROR, LP_PDF_IMAGE_ERROR_READ,
                             _("The file cannot be opened. Check that it is a file, not a folder, "
                               "and that you are allowed to read it."));
      return NULL;
    }

  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, NULL, &local_error);
  if (info == NULL)
    {
      g_set_error_literal (error, LP_PDF_IMAGE_ERROR, LP_PDF_IMAGE_ERROR_READ,
                           _("The file cannot be read. Check that it is still there, or attach it again."));
      return NULL;
    }
  size = g_file_info_get_size (info);
  if (!check_file_size (size, error))
    return NULL;

  /* One byte more than announced, to notice a file that grows while we read it (or a device
   * that never ends). */
  data = g_malloc ((gsize) size + 1);
  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), data, (gsize) size + 1, &n_read,
                                NULL, &local_error))
    {
      secure_free (data, (gsize) size + 1);
      g_set_error_literal (error, LP_PDF_IMAGE_ERROR, LP_PDF_IMAGE_ERROR_READ,
                           _("The file cannot be read. Check that it is still there, or attach it again."));
      return NULL;
    }
  if (n_read > (gsize) size)
    {
      secure_free (data, (gsize) size + 1);
      g_set_error_literal (error, LP_PDF_IMAGE_ERROR, LP_PDF_IMAGE_ERROR_READ,
                           _("The file changed while it was being read. Wait until it is completely "
                             "saved, then try again."));
      return NULL;
    }
  return lp_secure_bytes_new_take (data, n_read, (gsize) size + 1);
}

typedef enum {
  FORMAT_UNKNOWN,
  FORMAT_HEIF,     /* HEIC/AVIF photos from recent phones: no loader in Debian 12 */
  FORMAT_JPEG,
  FORMAT_PNG,
  FORMAT_GIF,
  FORMAT_BMP,
  FORMAT_TIFF,
  FORMAT_WEBP,
} PictureFormat;

static gboolean
has_prefix_at (const guint8 *data,
               gsize         len,
               gsize         offset,
               const char   *magic,
               gsize         magic_len)
{
  return len >= offset + magic_len && memcmp (data + offset, magic, magic_len) == 0;
}

/* "BM" alone would catch text files: the DIB header that follows the 14-byte file header
 * starts with its own size, one of a few values (little-endian 32 bits). */
static gboolean
has_bmp_info_header (const guint8 *data,
                     gsize         len)
{
  if (len < 18 || data[15] != 0 || data[16] != 0 || data[17] != 0)
    return FALSE;
  switch (data[14])
    {
    case 12: case 40: case 52: case 56: case 64: case 108: case 124:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Recognised from the first bytes, never from the file name: only the gdk-pixbuf loaders listed
 * here ever see the person's file (not the SVG, XPM, ICO, ANI, TGA... ones that gdk-pixbuf
 * would otherwise pick by sniffing). */
static PictureFormat
sniff_format (GBytes *bytes)
{
  gsize len = 0;
  const guint8 *data = g_bytes_get_data (bytes, &len);

#define IS(offset, magic) has_prefix_at (data, len, (offset), (magic), sizeof (magic) - 1)
  if (IS (0, "\xff\xd8\xff"))
    return FORMAT_JPEG;
  if (IS (0, "\x89PNG\r\n\x1a\n"))
    return FORMAT_PNG;
  if (IS (0, "GIF87a") || IS (0, "GIF89a"))
    return FORMAT_GIF;
  if (IS (0, "BM") && has_bmp_info_header (data, len))
    return FORMAT_BMP;
  if (IS (0, "II*\0") || IS (0, "MM\0*"))
    return FORMAT_TIFF;
  if (IS (0, "RIFF") && IS (8, "WEBP"))
    return FORMAT_WEBP;
  if (IS (4, "ftypheic") || IS (4, "ftypheix") || IS (4, "ftyphevc") || IS (4, "ftypmif1")
      || IS (4, "ftypmsf1") || IS (4, "ftypavif"))
    return FORMAT_HEIF;
#undef IS
  return FORMAT_UNKNOWN;
}

static const char *
loader_type_for (PictureFormat format)
{
  switch (format)
    {
    case FORMAT_JPEG: return "jpeg";
    case FORMAT_PNG: return "png";
    case FORMAT_GIF: return "gif";
    case FORMAT_BMP: return "bmp";
    case FORMAT_TIFF: return "tiff";
    case FORMAT_WEBP: return "webp";
    case FORMAT_HEIF:
    case FORMAT_UNKNOWN:
    default:
      return NULL;
    }
}

static void
set_not_a_picture_error (PictureFormat   format,
                         GError        **error)
{
  if (format == FORMAT_HEIF)
    g_set_error_literal (error, LP_PDF_IMAGE_ERROR, LP_PDF_IMAGE_ERROR_NOT_IMAGE,
                         _("This photo is in HEIC or AVIF format, which cannot be read here. "
                           "Export it as JPEG (on an iPhone: Settings, Camera, Formats, "
                           "Most Compatible) and attach it again."));
  else
    g_set_error_literal (error, LP_PDF_IMAGE_ERROR, LP_PDF_IMAGE_ERROR_NOT_IMAGE,
                         _("This file is not a picture that can be read. Attach a photo "
                           "(JPEG or PNG) or a PDF."));
}

/* ---- sizes --------------------------------------------------------------------------------- */

/* Box size in points -> pixels at @dpi, rounded, at least 1, and never beyond the largest
 * picture we accept (so that absurd arguments cannot overflow). */
static int
box_pixels (double points,
            double dpi)
{
  double pixels = points / 72.0 * dpi + 0.5;

  if (pixels < 1.0)
    return 1;
  if (pixels > LP_PDF_IMAGE_MAX_SIDE)
    return LP_PDF_IMAGE_MAX_SIDE;
  return (int) pixels;
}

/* The largest size with the aspect ratio of @w x @h that fits in @max_w x @max_h, or @w x @h
 * itself when it already fits (never enlarged: libharu scales when drawing, more pixels would
 * only make the PDF bigger). */
static void
fit_in_box (int  w,
            int  h,
            int  max_w,
            int  max_h,
            int *out_w,
            int *out_h)
{
  double scale;

  if (w <= max_w && h <= max_h)
    {
      *out_w = w;
      *out_h = h;
      return;
    }
  scale = MIN ((double) max_w / w, (double) max_h / h);
  *out_w = CLAMP ((int) (w * scale + 0.5), 1, max_w);
  *out_h = CLAMP ((int) (h * scale + 0.5), 1, max_h);
}

static gboolean
orientation_swaps_sides (GdkPixbuf *pixbuf)
{
  const char *value = gdk_pixbuf_get_option (pixbuf, "orientation");
  gint64 orientation = value != NULL ? g_ascii_strtoll (value, NULL, 10) : 1;

  /* EXIF orientations 5 to 8 are the ones with a quarter turn. */
  return orientation >= 5 && orientation <= 8;
}

/* ---- decoding ------------------------------------------------------------------------------ */

typedef struct {
  int max_w;               /* the box, in pixels */
  int max_h;
  gboolean reduce_jpeg;    /* ask libjpeg for a smaller decode when the box allows it */
  int file_w;              /* as the header says, 0 until known */
  int file_h;
  gboolean too_large;
  gboolean check_rows;     /* the loader reports rows as it decodes them (JPEG, PNG) */
  int rows_done;           /* rows reported so far */
} DecodeState;

/* The largest libjpeg reduction (1/2, 1/4, 1/8, done inside the DCT, much faster than decoding
 * everything and shrinking) whose result is still at least the final size. The EXIF
 * orientation is not known yet at this point (gdk-pixbuf reads it with the header but only
 * tells after decoding), so the result must be big enough for both the upright and the
 * quarter-turned case; the final resize happens after decoding either way. */
static int
jpeg_reduction (int w,
                int h,
                int max_w,
                int max_h)
{
  int upright_w, upright_h, turned_w, turned_h;
  int need_w, need_h;
  int denom = 1;

  fit_in_box (w, h, max_w, max_h, &upright_w, &upright_h);
  fit_in_box (h, w, max_w, max_h, &turned_w, &turned_h);
  need_w = MAX (upright_w, turned_h);
  need_h = MAX (upright_h, turned_w);

  while (denom < 8
         && (w + 2 * denom - 1) / (2 * denom) >= need_w
         && (h + 2 * denom - 1) / (2 * denom) >= need_h)
    denom *= 2;
  return denom;
}

static void
size_prepared_cb (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  gpointer         user_data)
{
  DecodeState *state = user_data;

  state->file_w = width;
  state->file_h = height;

  /* The header is all we have read: refuse here, before the loader allocates the pixels
   * (setting the size to 0 x 0 makes every gdk-pixbuf loader stop with an error). */
  if (width > LP_PDF_IMAGE_MAX_SIDE || height > LP_PDF_IMAGE_MAX_SIDE
      || (gint64) width * height > LP_PDF_IMAGE_MAX_PIXELS)
    {
      state->too_large = TRUE;
      gdk_pixbuf_loader_set_size (loader, 0, 0);
      return;
    }

  if (state->reduce_jpeg)
    {
      int denom = jpeg_reduction (width, height, state->max_w, state->max_h);

      /* Exactly the size libjpeg gives at 1/denom (jdiv_round_up), so that the loader does
       * not add a resize of its own (it would also stop reporting rows, see below). */
      if (denom > 1)
        gdk_pixbuf_loader_set_size (loader, (width + denom - 1) / denom,
                                    (height + denom - 1) / denom);
    }
}

/* gdk-pixbuf hands back a truncated JPEG or PNG without an error, the missing rows made up
 * when the loader is closed (grey or black): counting the rows decoded from the data we
 * wrote, before closing, is how we notice. (Progressive JPEGs and interlaced PNGs report every
 * row from their first pass, so a truncated one passes, blurred: acceptable.) */
static void
area_updated_cb (GdkPixbufLoader *loader,
                 int              x,
                 int              y,
                 int              width,
                 int              height,
                 gpointer         user_data)
{
  DecodeState *state = user_data;

  state->rows_done = MAX (state->rows_done, y + height);
}

static void
set_too_large_error (const DecodeState  *state,
                     GError            **error)
{
  g_set_error (error, LP_PDF_IMAGE_ERROR, LP_PDF_IMAGE_ERROR_TOO_LARGE,
               /* Translators: the picture's width and height in pixels, e.g. "20000 × 20000". */
               _("The picture is too large (%d × %d pixels; the limit is 100 megapixels and "
                 "20,000 pixels on a side). Attach a smaller copy of it, for example one "
                 "exported at a lower resolution."),
               state->file_w, state->file_h);
}

static void
set_damaged_error (GError **error)
{
  g_set_error_literal (error, LP_PDF_IMAGE_ERROR, LP_PDF_IMAGE_ERROR_DAMAGED,
                       _("The picture is damaged and cannot be read completely. Copy it "
                         "again from the phone or camera, or save it again as JPEG or PNG, "
                         "and attach it again."));
}

/* ---- GIF frames ---------------------------------------------------------------------------- */

/* Skips the data sub-blocks that start at @pos (each is a length byte and that many bytes; a
 * zero length ends them). Returns the position after them, or @len when the file ends first. */
static gsize
gif_skip_sub_blocks (const guint8 *data,
                     gsize         len,
                     gsize         pos)
{
  while (pos < len && data[pos] != 0)
    pos += 1 + (gsize) data[pos];
  return MIN (pos + 1, len);
}

/* TRUE when a frame (image descriptor) of the GIF is 0 pixels wide or high. gdk-pixbuf 2.42's
 * GIF loader does not expect one: it asks gdk_pixbuf_new() for a 0-wide picture, which logs a
 * critical and then fails as if memory were short (found by tests/fuzz/fuzz-image, input kept
 * in tests/fuzz/regressions/fuzz-image/). Such a file is damaged; it is refused before the
 * loader sees it. The block structure is walked as the loader walks it (GIF89a §17-§24; a
 * byte that starts no block is skipped, as io-gif.c's gif_get_next_step() does); anything
 * else, truncation included, is left for the loader to judge. */
static gboolean
gif_has_empty_frame (GBytes *bytes)
{
  gsize len = 0;
  const guint8 *data = g_bytes_get_data (bytes, &len);
  gsize pos = 13;   /* "GIF89a" + the logical screen descriptor */

  if (len < pos)
    return FALSE;
  if (data[10] & 0x80)  /* global color table: 3 × 2^(n+1) bytes */
    pos += 3 * ((gsize) 1 << ((data[10] & 0x07) + 1));

  while (pos < len)
    {
      switch (data[pos])
        {
        case 0x21:  /* extension: introducer, label, sub-blocks */
          pos = gif_skip_sub_blocks (data, len, pos + 2);
          break;
        case 0x2c:  /* image descriptor: left, top, width, height (LE 16 bits), flags */
          {
            guint width, height;

            if (pos + 10 > len)
              return FALSE;
            width = data[pos + 5] | (guint) data[pos + 6] << 8;
            height = data[pos + 7] | (guint) data[pos + 8] << 8;
            if (width == 0 || height == 0)
              return TRUE;
            if (data[pos + 9] & 0x80)  /* local color table */
              pos += 3 * ((gsize) 1 << ((data[pos + 9] & 0x07) + 1));
            /* the LZW minimum code size, then the image data sub-blocks */
            pos = gif_skip_sub_blocks (data, len, pos + 11);
          }
          break;
        case 0x3b:  /* trailer */
          return FALSE;
        default:    /* the loader skips any other byte, looking for the next block */
          pos++;
          break;
        }
    }
  return FALSE;
}

/* ---- BMP headers ---------------------------------------------------------------------------- */

/* TRUE when a BMP's headers announce something its bytes cannot hold, which gdk-pixbuf 2.42's
 * BMP loader turns into a huge allocation before reading any pixel (both found by
 * tests/fuzz/fuzz-image as out-of-memory reports; inputs kept in
 * tests/fuzz/regressions/fuzz-image/):
 * - the pixel data starting past the end of the file: the loader grows its buffer up to
 *   that offset, 4 GB for a 138-byte file;
 * - at 8 bits per pixel or less, more palette colours than the depth allows (the format's
 *   rule: at most 2^bits): the loader reads the count as a signed int, from 2^31 up it is
 *   negative, passes the loader's own check, and the palette buffer asked for is its 32-bit
 *   product by 4, 2.4 GB for a 252-byte file.
 * With overcommit such a request may succeed untouched; on a kiosk with little memory it
 * fails as "not enough memory". Either way the file is damaged; it is refused before the
 * loader sees it. OS/2 1.x files (a 12-byte info header) have no colour count. */
static gboolean
bmp_headers_are_bogus (GBytes *bytes)
{
  gsize len = 0;
  const guint8 *data = g_bytes_get_data (bytes, &len);
  guint32 pixels_offset;
  guint bits;
  guint32 colours;

  if (len < 14)
    return FALSE;
  pixels_offset = data[10] | (guint32) data[11] << 8 | (guint32) data[12] << 16
                  | (guint32) data[13] << 24;
  if (pixels_offset > len)
    return TRUE;

  /* 14-byte file header, then the info header: its size (4), width (4), height (4),
   * planes (2), bits per pixel (2), compression (4), image size (4), resolution (8), then
   * the number of colours used (4), at offset 46 of the file. */
  if (len < 50 || data[14] == 12)
    return FALSE;
  bits = data[28] | (guint) data[29] << 8;
  colours = data[46] | (guint32) data[47] << 8 | (guint32) data[48] << 16
            | (guint32) data[49] << 24;
  return bits <= 8 && colours > (1u << bits);
}

/* Decodes @bytes with the gdk-pixbuf loader @type only. Returns a new reference. */
static GdkPixbuf *
decode_picture (GBytes       *bytes,
                const char   *type,
                DecodeState  *state,
                GError      **error)
{
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean written, closed;
  int rows_written;
  GdkPixbuf *pixbuf;

  loader = gdk_pixbuf_loader_new_with_type (type, &local_error);
  if (loader == NULL)
    {
      /* WebP and TIFF loaders are optional packages. */
      g_set_error_literal (error, LP_PDF_IMAGE_ERROR, LP_PDF_IMAGE_ERROR_NOT_IMAGE,
                           _("Pictures in this format cannot be read on this computer. "
                             "Save the picture as JPEG or PNG and attach it again."));
      return NULL;
    }
  g_signal_connect (loader, "size-prepared", G_CALLBACK (size_prepared_cb), state);
  g_signal_connect (loader, "area-updated", G_CALLBACK (area_updated_cb), state);

  written = gdk_pixbuf_loader_write_bytes (loader, bytes, &local_error);
  rows_written = state->rows_done;
  /* A loader must always be closed, even after a failed write. */
  closed = gdk_pixbuf_loader_close (loader, written ? &local_error : NULL);

  if (state->too_large)
    {
      set_too_large_error (state, error);
      return NULL;
    }
  if (g_error_matches (local_error, GDK_PIXBUF_ERROR, GDK_PIXBUF_ERROR_INSUFFICIENT_MEMORY))
    {
      g_set_error_literal (error, LP_PDF_IMAGE_ERROR, LP_PDF_IMAGE_ERROR_FAILED,
                           _("There is not enough memory to prepare the picture. Close other "
                             "programs and try again."));
      return NULL;
    }
  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  /* A truncated or corrupt picture is refused rather than printed half grey: a page of
   * evidence that looks damaged is worse than asking for the file again. */
  if (!written || !closed || pixbuf == NULL
      || (state->check_rows && rows_written < gdk_pixbuf_get_height (pixbuf)))
    {
      g_debug ("picture decoding failed: %s",
               local_error != NULL ? local_error->message : "no picture, or not every row");
      set_damaged_error (error);
      return NULL;
    }
  return g_object_ref (pixbuf);
}

static void
set_no_memory_error (GError **error)
{
  g_set_error_literal (error, LP_PDF_IMAGE_ERROR, LP_PDF_IMAGE_ERROR_FAILED,
                       _("There is not enough memory to prepare the picture. Close other "
                         "programs and try again."));
}

/* Shrinks @decoded to fit the box once turned upright, then turns it. Shrinking first makes
 * the rotation cheaper. Every pixbuf made on the way goes into @scratch. */
static GdkPixbuf *
make_upright_and_fit (GdkPixbuf  *decoded,
                      int         max_w,
                      int         max_h,
                      GPtrArray  *scratch,
                      GError    **error)
{
  gboolean swap = orientation_swaps_sides (decoded);
  int w = gdk_pixbuf_get_width (decoded);
  int h = gdk_pixbuf_get_height (decoded);
  int fit_w, fit_h;
  g_autoptr(GdkPixbuf) scaled = NULL;
  g_autoptr(GdkPixbuf) upright = NULL;

  /* Fit the upright size, then go back to the stored (unturned) orientation. */
  if (swap)
    fit_in_box (h, w, max_w, max_h, &fit_h, &fit_w);
  else
    fit_in_box (w, h, max_w, max_h, &fit_w, &fit_h);

  if (fit_w == w && fit_h == h)
    scaled = g_object_ref (decoded);
  else
    {
      scaled = gdk_pixbuf_scale_simple (decoded, fit_w, fit_h, SCALE_FILTER);
      if (scaled == NULL)
        {
          set_no_memory_error (error);
          return NULL;
        }
      keep_for_wiping (scratch, scaled);
      /* The orientation option travels with the pixels. */
      gdk_pixbuf_copy_options (decoded, scaled);
    }

  upright = gdk_pixbuf_apply_embedded_orientation (scaled);
  if (upright == NULL)
    {
      set_no_memory_error (error);
      return NULL;
    }
  keep_for_wiping (scratch, upright);
  return g_steal_pointer (&upright);
}

/* ---- output -------------------------------------------------------------------------------- */

/* width * height * 3 bytes, rows without padding, transparency flattened onto white (the
 * page is white; an alpha channel would need an SMask, which libharu 2.3.0 stores
 * uncompressed, tech-notes.md §1.4). */
static guint8 *
pack_rgb_on_white (GdkPixbuf *pixbuf,
                   gsize     *len_out)
{
  int w = gdk_pixbuf_get_width (pixbuf);
  int h = gdk_pixbuf_get_height (pixbuf);
  int n_channels = gdk_pixbuf_get_n_channels (pixbuf);
  int rowstride = gdk_pixbuf_get_rowstride (pixbuf);
  gboolean has_alpha = gdk_pixbuf_get_has_alpha (pixbuf);
  const guint8 *pixels = gdk_pixbuf_read_pixels (pixbuf);
  gsize len = (gsize) w * h * 3;
  guint8 *rgb = g_malloc (len);
  guint8 *out = rgb;

  for (int y = 0; y < h; y++)
    {
      const guint8 *in = pixels + (gsize) y * rowstride;

      if (!has_alpha && n_channels == 3)
        {
          memcpy (out, in, (gsize) w * 3);
          out += (gsize) w * 3;
          continue;
        }
      for (int x = 0; x < w; x++, in += n_channels)
        {
          guint alpha = has_alpha ? in[3] : 255;

          for (int c = 0; c < 3; c++)
            *out++ = (guint8) ((in[c] * alpha + 255 * (255 - alpha) + 127) / 255);
        }
    }
  *len_out = len;
  return rgb;
}

static GBytes *
encode_jpeg (guint8   *rgb,
             int       w,
             int       h,
             GError  **error)
{
  g_autoptr(GdkPixbuf) wrapper = NULL;
  g_autoptr(GError) local_error = NULL;
  /* About 1.5 bits per pixel at quality 85 for a photo: one allocation in most cases. */
  SecureBuffer sb = { NULL, 0, 0 };

  sb.capacity = MAX ((gsize) w * h / 5, 4096);
  sb.data = g_malloc (sb.capacity);
  wrapper = gdk_pixbuf_new_from_data (rgb, GDK_COLORSPACE_RGB, FALSE, 8, w, h, w * 3, NULL, NULL);
  if (!gdk_pixbuf_save_to_callback (wrapper, secure_buffer_append_cb, &sb, "jpeg", &local_error,
                                    "quality", JPEG_QUALITY, NULL))
    {
      g_debug ("JPEG encoding failed: %s", local_error->message);
      secure_free (sb.data, sb.capacity);
      g_set_error_literal (error, LP_PDF_IMAGE_ERROR, LP_PDF_IMAGE_ERROR_FAILED,
                           _("The picture could not be prepared for the letter. Try again; if "
                             "it fails again, save the picture as PNG and attach that."));
      return NULL;
    }
  return lp_secure_bytes_new_take (sb.data, sb.len, sb.capacity);
}

static LpPdfImage *
prepare_image (GBytes         *bytes,
               PictureFormat   format,
               gboolean        as_jpeg,
               double          box_w_pt,
               double          box_h_pt,
               double          dpi,
               GError        **error)
{
  g_autoptr(GPtrArray) scratch = g_ptr_array_new_with_free_func (wipe_pixbuf_unref);
  DecodeState state = { 0, };
  g_autoptr(GdkPixbuf) decoded = NULL;
  g_autoptr(GdkPixbuf) upright = NULL;
  g_autoptr(LpPdfImage) image = g_new0 (LpPdfImage, 1);
  guint8 *rgb;
  gsize rgb_len = 0;

  state.max_w = box_pixels (box_w_pt, dpi);
  state.max_h = box_pixels (box_h_pt, dpi);
  state.reduce_jpeg = (format == FORMAT_JPEG);
  /* The TIFF loader, for one, decodes only when closed. */
  state.check_rows = (format == FORMAT_JPEG || format == FORMAT_PNG);

  if ((format == FORMAT_GIF && gif_has_empty_frame (bytes))
      || (format == FORMAT_BMP && bmp_headers_are_bogus (bytes)))
    {
      set_damaged_error (error);
      return NULL;
    }
  decoded = decode_picture (bytes, loader_type_for (format), &state, error);
  if (decoded == NULL)
    return NULL;
  keep_for_wiping (scratch, decoded);

  upright = make_upright_and_fit (decoded, state.max_w, state.max_h, scratch, error);
  if (upright == NULL)
    return NULL;

  image->width = gdk_pixbuf_get_width (upright);
  image->height = gdk_pixbuf_get_height (upright);
  rgb = pack_rgb_on_white (upright, &rgb_len);
  if (as_jpeg)
    {
      image->kind = LP_PDF_IMAGE_JPEG;
      image->data = encode_jpeg (rgb, image->width, image->height, error);
      secure_free (rgb, rgb_len);
      if (image->data == NULL)
        return NULL;
    }
  else
    {
      image->kind = LP_PDF_IMAGE_RAW_RGB;
      image->data = lp_secure_bytes_new_take (rgb, rgb_len, rgb_len);
    }
  return g_steal_pointer (&image);
}

/* ---- public -------------------------------------------------------------------------------- */

LpPdfImage *
lp_pdf_image_load_attachment (const char  *path,
                              double       box_w_pt,
                              double       box_h_pt,
                              double       dpi,
                              GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  PictureFormat format;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (box_w_pt > 0 && box_h_pt > 0 && dpi > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = read_file_limited (path, error);
  if (bytes == NULL)
    return NULL;

  format = sniff_format (bytes);
  if (loader_type_for (format) == NULL)
    {
      set_not_a_picture_error (format, error);
      return NULL;
    }
  /* Photos stay JPEG (flate on photo pixels would be several times bigger); everything else
   * (screenshots, scans saved as PNG, drawings) stays lossless so that text stays crisp. */
  return prepare_image (bytes, format, format == FORMAT_JPEG, box_w_pt, box_h_pt, dpi, error);
}

LpPdfImage *
lp_pdf_image_load_signature (GBytes  *png,
                             double   box_w_pt,
                             double   box_h_pt,
                             double   dpi,
                             GError **error)
{
  g_autoptr(GError) local_error = NULL;
  LpPdfImage *image;

  g_return_val_if_fail (png != NULL, NULL);
  g_return_val_if_fail (box_w_pt > 0 && box_h_pt > 0 && dpi > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (sniff_format (png) != FORMAT_PNG)
    {
      g_set_error_literal (error, LP_PDF_IMAGE_ERROR, LP_PDF_IMAGE_ERROR_NOT_IMAGE,
                           _("The drawn signature is not a PNG picture. Draw the signature again."));
      return NULL;
    }
  if (g_bytes_get_size (png) <= LP_PDF_IMAGE_MAX_FILE_SIZE)
    image = prepare_image (png, FORMAT_PNG, FALSE, box_w_pt, box_h_pt, dpi, &local_error);
  else
    {
      image = NULL;
      g_set_error_literal (&local_error, LP_PDF_IMAGE_ERROR, LP_PDF_IMAGE_ERROR_TOO_LARGE, "");
    }
  if (image != NULL)
    return image;

  /* The attachment messages talk about files and cameras; the signature is drawn. */
  if (g_error_matches (local_error, LP_PDF_IMAGE_ERROR, LP_PDF_IMAGE_ERROR_FAILED))
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    g_set_error_literal (error, LP_PDF_IMAGE_ERROR, local_error->code,
                         _("The drawn signature cannot be read. Draw the signature again."));
  return NULL;
}
