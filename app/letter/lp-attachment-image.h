/* lp-attachment-image.h — pictures prepared for the letter PDF: attachments and the drawn signature
 *
 * libharu 2.3.0's own PNG and JPEG loaders must never see a file the person gave us (tech-notes.md
 * §1.4, §1.12: they crash on some malformed PNGs). So every picture is decoded here with
 * gdk-pixbuf, turned upright (EXIF orientation), shrunk to the resolution it will be printed at,
 * flattened onto white, and handed to libharu in a form we produced ourselves:
 *
 *   LP_PDF_IMAGE_JPEG     HPDF_LoadJpegImageFromMem (pdf, data, size)
 *                         a baseline JPEG that we encoded (no EXIF, no GPS position, no ICC)
 *   LP_PDF_IMAGE_RAW_RGB  HPDF_LoadRawImageFromMem (pdf, data, width, height, HPDF_CS_DEVICE_RGB, 8)
 *                         width * height * 3 bytes, rows top to bottom, no padding; libharu
 *                         flate-compresses it when the document uses HPDF_COMP_ALL
 *
 * Size limits are checked before anything is decoded (a 20,000 × 20,000 PNG is refused after
 * reading its header). Identical input gives byte-identical output. The pixel data is personal
 * data (architecture.md §8): @data is zeroed when its last reference goes, and so are the
 * intermediate buffers.
 *
 * Functions are safe to call from a worker thread (no global state).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The resolution attachments and the signature are printed at (issue 2: "about 200 dpi"). */
#define LP_PDF_IMAGE_DPI 200.0

/* Limits on what is accepted at all (the person is told how to fix it). */
#define LP_PDF_IMAGE_MAX_FILE_SIZE  (20 * 1024 * 1024)  /* bytes */
#define LP_PDF_IMAGE_MAX_PIXELS     (100 * 1000 * 1000) /* width * height of the file */
#define LP_PDF_IMAGE_MAX_SIDE       20000               /* pixels, width or height */

#define LP_PDF_IMAGE_ERROR (lp_pdf_image_error_quark ())
typedef enum {
  LP_PDF_IMAGE_ERROR_READ,       /* the file is missing or cannot be read */
  LP_PDF_IMAGE_ERROR_TOO_LARGE,  /* file size or pixel dimensions over the limits above */
  LP_PDF_IMAGE_ERROR_NOT_IMAGE,  /* not a picture, or a format we do not read (HEIC, SVG...) */
  LP_PDF_IMAGE_ERROR_DAMAGED,    /* a picture that cannot be decoded (truncated, corrupt) */
  LP_PDF_IMAGE_ERROR_FAILED,     /* out of memory, or the JPEG encoder failed */
} LpPdfImageError;
GQuark lp_pdf_image_error_quark (void);

typedef enum {
  LP_PDF_IMAGE_JPEG,
  LP_PDF_IMAGE_RAW_RGB,
} LpPdfImageKind;

typedef struct {
  LpPdfImageKind kind;
  int width;    /* pixels of the prepared image, upright */
  int height;
  GBytes *data; /* JPEG file bytes, or width * height * 3 RGB bytes */
} LpPdfImage;

void        lp_pdf_image_free              (LpPdfImage  *image);

/* Loads the attachment at @path and prepares it to be printed inside a box of @box_w_pt ×
 * @box_h_pt points at @dpi (LP_PDF_IMAGE_DPI): EXIF orientation applied, then shrunk (never
 * enlarged) so that it fits in box_in_inches * dpi pixels, aspect ratio kept, transparency
 * flattened onto white. Photos (JPEG files) come back as LP_PDF_IMAGE_JPEG (quality 85); other
 * pictures (PNG, GIF, BMP, TIFF, WebP when a loader is installed: screenshots, scans) as
 * LP_PDF_IMAGE_RAW_RGB, which keeps text sharp.
 *
 * Errors are LP_PDF_IMAGE_ERROR, with a message for the person that does not name the file
 * (the caller puts the JSON path in front, e.g. "attachments[0].file: ..."). */
LpPdfImage *lp_pdf_image_load_attachment   (const char  *path,
                                            double       box_w_pt,
                                            double       box_h_pt,
                                            double       dpi,
                                            GError     **error);

/* The drawn signature: @png (PNG bytes, as the signature pad exports them) decoded, shrunk to
 * fit the box at @dpi, flattened onto white: always LP_PDF_IMAGE_RAW_RGB. Anything but a PNG
 * is refused. */
LpPdfImage *lp_pdf_image_load_signature    (GBytes      *png,
                                            double       box_w_pt,
                                            double       box_h_pt,
                                            double       dpi,
                                            GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LpPdfImage, lp_pdf_image_free)

G_END_DECLS
