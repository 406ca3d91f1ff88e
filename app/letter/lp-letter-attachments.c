/* lp-letter-attachments.c — the pages after the letter (one per attachment) and the drawn
 * signature
 *
 * Pictures are never given to libharu's own decoders: lp-attachment-image.c decodes them
 * with gdk-pixbuf, turns them upright, resamples them to about 200 dpi for the box they
 * will fill and hands back a JPEG or raw RGB that we produced (tech-notes.md §1.4, §1.12).
 */
#define G_LOG_DOMAIN "lp-letter"

#include "lp-letter-private.h"
#include "lp-attachment-image.h"
#include "lp-letter.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

/* An upscaled small picture gets blurry; twice its natural size is still readable. */
#define MAX_UPSCALE 2.0

static HPDF_Image
load_prepared_image (LpPdfDocument    *doc,
                     const LpPdfImage *image)
{
  switch (image->kind)
    {
    case LP_PDF_IMAGE_JPEG:
      return lp_pdf_document_load_jpeg (doc, image->data);
    case LP_PDF_IMAGE_RAW_RGB:
      return lp_pdf_document_load_rgb (doc, image->data, image->width, image->height);
    default:
      return NULL;
    }
}

/* Draws @image as large as fits in the box (x, y, width, height), centred horizontally,
 * at the top of the box, aspect ratio kept. */
static void
draw_fitted (LpPdfDocument    *doc,
             const LpPdfImage *image,
             double            x,
             double            y,
             double            width,
             double            height,
             gboolean          centre)
{
  HPDF_Image loaded = load_prepared_image (doc, image);
  double natural_w = image->width * 72.0 / LP_PDF_IMAGE_DPI;
  double natural_h = image->height * 72.0 / LP_PDF_IMAGE_DPI;
  double scale;

  if (loaded == NULL || natural_w <= 0 || natural_h <= 0)
    return;
  scale = MIN (width / natural_w, height / natural_h);
  scale = MIN (scale, MAX_UPSCALE);
  natural_w *= scale;
  natural_h *= scale;
  lp_pdf_document_draw_image (doc, loaded,
                              centre ? x + (width - natural_w) / 2 : x,
                              y + height - natural_h, natural_w, natural_h);
}

gboolean
lp_letter_draw_signature (LpPdfDocument     *doc,
                          const LpComplaint *complaint,
                          double             x,
                          double             y,
                          double             width,
                          double             height,
                          GError           **error)
{
  g_autoptr(LpPdfImage) image = NULL;
  g_autoptr(GError) local_error = NULL;

  if (complaint->signature_png == NULL || g_bytes_get_size (complaint->signature_png) == 0)
    return TRUE;  /* room is left for a handwritten signature */

  image = lp_pdf_image_load_signature (complaint->signature_png, width, height,
                                       LP_PDF_IMAGE_DPI, &local_error);
  if (image == NULL)
    {
      g_set_error (error, LP_LETTER_ERROR, LP_LETTER_ERROR_SIGNATURE,
                   "signature.image_png_base64: %s", local_error->message);
      return FALSE;
    }
  draw_fitted (doc, image, x, y, width, height, FALSE);
  return TRUE;
}

/* A PDF is not turned into pictures: the transports send the original file beside the
 * letter (architecture.md §7), and the letter says so. */
static gboolean
is_pdf_file (const char *path)
{
  char head[5] = { 0 };
  FILE *file = g_fopen (path, "rb");
  gboolean is_pdf;

  if (file == NULL)
    return FALSE;
  is_pdf = fread (head, 1, sizeof head, file) == sizeof head && memcmp (head, "%PDF-", 5) == 0;
  fclose (file);
  return is_pdf;
}

static gboolean
add_attachment_page (LpPdfDocument      *doc,
                     LpLetterTexts      *texts,
                     const LpAttachment *attachment,
                     guint               index,
                     GError            **error)
{
  g_autofree char *number = g_strdup_printf ("%u", index + 1);
  g_autofree char *title = NULL;
  g_autoptr(LpPdfImage) image = NULL;
  g_autoptr(GError) local_error = NULL;
  LpPdfStyle title_style = { .size = 12.0, .bold = TRUE, .space_after = 12.0 };
  const char *path = lp_attachment_get_disk_path (attachment);
  double top, box_h;

  lp_letter_texts_set (texts, "number", number);
  lp_letter_texts_set (texts, "title", attachment->title);
  title = lp_letter_texts_expand (texts, "attachment_page_title");
  lp_pdf_document_new_page (doc);
  lp_pdf_document_flow (doc, title, &title_style);

  if (is_pdf_file (path))
    {
      g_autofree char *note = NULL;
      LpPdfStyle note_style = { 0 };

      note = lp_letter_texts_expand (texts, "attachment_separate_file");
      lp_pdf_document_flow (doc, note, &note_style);
      return TRUE;
    }

  top = lp_pdf_document_get_cursor (doc);
  box_h = top - LP_PDF_MARGIN_BOTTOM;
  image = lp_pdf_image_load_attachment (path, LP_PDF_TEXT_WIDTH, box_h, LP_PDF_IMAGE_DPI,
                                        &local_error);
  if (image == NULL)
    {
      g_set_error (error, LP_LETTER_ERROR, LP_LETTER_ERROR_ATTACHMENT,
                   "attachments[%u].file: %s", index, local_error->message);
      return FALSE;
    }
  draw_fitted (doc, image, LP_PDF_MARGIN_LEFT, LP_PDF_MARGIN_BOTTOM, LP_PDF_TEXT_WIDTH, box_h,
               TRUE);
  return TRUE;
}

gboolean
lp_letter_add_attachment_pages (LpPdfDocument     *doc,
                                LpLetterTexts     *texts,
                                const LpComplaint *complaint,
                                GError           **error)
{
  for (guint i = 0; i < complaint->attachments->len; i++)
    if (!add_attachment_page (doc, texts, g_ptr_array_index (complaint->attachments, i), i, error))
      return FALSE;
  return TRUE;
}
