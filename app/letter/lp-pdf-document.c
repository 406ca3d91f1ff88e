/* lp-pdf-document.c — see lp-pdf-document.h
 *
 * libharu 2.3.0 recipes followed here (tech-notes.md §1): compression set before the
 * first page, UTF-8 encoder made current before any metadata, TTF embedded once and used
 * through the "UTF-8" encoder, an error handler that only records, output read back from
 * the memory stream.
 */
#define G_LOG_DOMAIN "lp-letter"

#include "lp-pdf-document.h"
#include "lp-font-composites.h"
#include "lp-letter.h"
#include "lp-paths.h"
#include "lp-secure.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* Stroke width of the "bold" outline, relative to the font size: 0.033 × 11 pt ≈ 0.36 pt,
 * a visible but not heavy emphasis. */
#define BOLD_STROKE_RATIO   0.033
/* Where the baseline sits in a line box, from its top, as a share of the leading. */
#define BASELINE_RATIO      0.76
/* A blank line of the text takes this share of a line. */
#define BLANK_LINE_RATIO    0.6
#define FOOTER_SIZE         8.0
#define FOOTER_BASELINE     40.0
#define GRAY_LEVEL          0.35

struct _LpPdfDocument {
  HPDF_Doc pdf;
  HPDF_Font font;
  char *font_path;
  HPDF_Page page;        /* current page, NULL before the first */
  GPtrArray *pages;      /* of HPDF_Page, not owned */
  double y;              /* cursor */
  /* First error reported by libharu (sticky). */
  HPDF_STATUS error_no;
  HPDF_STATUS detail_no;
  guint n_errors;
  LpPdfFooterFunc footer_func;
  gpointer footer_data;
};

static void
record_error (HPDF_STATUS  error_no,
              HPDF_STATUS  detail_no,
              void        *user_data)
{
  LpPdfDocument *doc = user_data;

  /* No longjmp: libharu returns to the caller, which sees a NULL handle or a status, and
   * every later call is skipped once lp_pdf_document_failed() says so. */
  if (doc->n_errors++ == 0)
    {
      doc->error_no = error_no;
      doc->detail_no = detail_no;
    }
}

gboolean
lp_pdf_document_failed (LpPdfDocument *doc)
{
  return doc->n_errors > 0;
}

static void
set_pdf_error (LpPdfDocument  *doc,
               GError        **error)
{
  g_set_error (error, LP_LETTER_ERROR, LP_LETTER_ERROR_PDF,
               /* Translators: the two numbers are libharu's error and detail codes. */
               _("The PDF could not be made (PDF library error 0x%04X, detail %u)."),
               (guint) doc->error_no, (guint) doc->detail_no);
}

static gboolean
set_metadata (LpPdfDocument *doc,
              const char    *title,
              const char    *subject)
{
  /* The creator is the program; no author (it would be the person's name) and no date
   * (identical input must give identical bytes). Never put the NIR here. */
  HPDF_SetInfoAttr (doc->pdf, HPDF_INFO_TITLE, title);
  HPDF_SetInfoAttr (doc->pdf, HPDF_INFO_SUBJECT, subject);
  HPDF_SetInfoAttr (doc->pdf, HPDF_INFO_CREATOR, "Lettre-plainte");
  HPDF_SetInfoAttr (doc->pdf, HPDF_INFO_PRODUCER, "Lettre-plainte " PACKAGE_VERSION);
  return !lp_pdf_document_failed (doc);
}

LpPdfDocument *
lp_pdf_document_new (const char  *title,
                     const char  *subject,
                     GError     **error)
{
  g_autoptr(LpPdfDocument) doc = g_new0 (LpPdfDocument, 1);
  const char *font_path = lp_paths_get_letter_font ();
  const char *font_name;

  doc->pages = g_ptr_array_new ();
  if (font_path == NULL)
    {
      g_set_error (error, LP_LETTER_ERROR, LP_LETTER_ERROR_FONT,
                   _("The letter font (DejaVuSerif.ttf) is missing. Install the fonts-dejavu-core package."));
      return NULL;
    }

  doc->pdf = HPDF_New (record_error, doc);
  if (doc->pdf == NULL)
    {
      g_set_error (error, LP_LETTER_ERROR, LP_LETTER_ERROR_PDF,
                   _("The PDF could not be made: out of memory."));
      return NULL;
    }

  /* Compression must be on before the first page, or that page stays uncompressed. */
  HPDF_SetCompressionMode (doc->pdf, HPDF_COMP_ALL);
  HPDF_UseUTFEncodings (doc->pdf);
  /* Makes the metadata strings UTF-16 instead of mojibake. */
  HPDF_SetCurrentEncoder (doc->pdf, "UTF-8");

  doc->font_path = g_strdup (font_path);
  font_name = HPDF_LoadTTFontFromFile (doc->pdf, font_path, HPDF_TRUE);
  if (font_name != NULL)
    doc->font = HPDF_GetFont (doc->pdf, font_name, "UTF-8");
  if (doc->font == NULL || lp_pdf_document_failed (doc))
    {
      g_set_error (error, LP_LETTER_ERROR, LP_LETTER_ERROR_FONT,
                   /* Translators: %s is a file path. */
                   _("The letter font %s could not be loaded."), font_path);
      return NULL;
    }

  if (!set_metadata (doc, title, subject))
    {
      set_pdf_error (doc, error);
      return NULL;
    }

  return g_steal_pointer (&doc);
}

void
lp_pdf_document_free (LpPdfDocument *doc)
{
  if (doc == NULL)
    return;
  if (doc->pdf != NULL)
    HPDF_Free (doc->pdf);
  g_ptr_array_unref (doc->pages);
  g_free (doc->font_path);
  g_free (doc);
}

void
lp_pdf_document_set_footer (LpPdfDocument   *doc,
                            LpPdfFooterFunc  func,
                            gpointer         user_data)
{
  doc->footer_func = func;
  doc->footer_data = user_data;
}

void
lp_pdf_document_new_page (LpPdfDocument *doc)
{
  HPDF_Page page;

  if (lp_pdf_document_failed (doc))
    return;
  page = HPDF_AddPage (doc->pdf);
  if (page == NULL)
    return;
  HPDF_Page_SetSize (page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
  doc->page = page;
  g_ptr_array_add (doc->pages, page);
  doc->y = LP_PDF_PAGE_HEIGHT - LP_PDF_MARGIN_TOP;
}

guint
lp_pdf_document_get_n_pages (LpPdfDocument *doc)
{
  return doc->pages->len;
}

double
lp_pdf_document_get_cursor (LpPdfDocument *doc)
{
  return doc->y;
}

void
lp_pdf_document_set_cursor (LpPdfDocument *doc,
                            double         y)
{
  doc->y = y;
}

void
lp_pdf_document_skip (LpPdfDocument *doc,
                      double         points)
{
  doc->y -= points;
}

static gboolean
at_page_top (LpPdfDocument *doc)
{
  return doc->y >= LP_PDF_PAGE_HEIGHT - LP_PDF_MARGIN_TOP - 0.01;
}

void
lp_pdf_document_ensure_space (LpPdfDocument *doc,
                              double         height)
{
  if (doc->page == NULL || (doc->y - height < LP_PDF_MARGIN_BOTTOM && !at_page_top (doc)))
    lp_pdf_document_new_page (doc);
}

double
lp_pdf_document_leading (const LpPdfStyle *style)
{
  double size = style->size > 0 ? style->size : LP_PDF_BODY_SIZE;

  return size * LP_PDF_LEADING_RATIO;
}

static double
style_size (const LpPdfStyle *style)
{
  return style->size > 0 ? style->size : LP_PDF_BODY_SIZE;
}

static double
measure_bytes (LpPdfDocument *doc,
               const char    *text,
               gsize          length,
               double         size)
{
  HPDF_TextWidth tw;

  if (length == 0 || doc->font == NULL)
    return 0;
  tw = HPDF_Font_TextWidth (doc->font, (const HPDF_BYTE *) text, (HPDF_UINT) length);
  /* Widths come in thousandths of an em. */
  return tw.width * size / 1000.0;
}

double
lp_pdf_document_text_width (LpPdfDocument *doc,
                            const char    *text,
                            double         size)
{
  return measure_bytes (doc, text, strlen (text), size);
}

/* Whether the spaces at @spaces (up to @end) must not break the line: French typography
 * keeps « with what follows and » ; : ! ? with what precedes. The person types ordinary
 * spaces there ("« Łukasz Żółć »"); a line must not begin with » or end with «. */
static gboolean
spaces_are_glued (const char *word,
                  const char *spaces,
                  const char *end)
{
  static const char * const closing[] = { "»", ";", ":", "!", "?" };
  const char *next = spaces;

  if (spaces - word >= 2 && memcmp (spaces - 2, "«", 2) == 0)
    return TRUE;
  while (next < end && *next == ' ')
    next++;
  for (gsize i = 0; i < G_N_ELEMENTS (closing); i++)
    {
      gsize n = strlen (closing[i]);

      if ((gsize) (end - next) >= n && memcmp (next, closing[i], n) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Greedy breaking of one hard line (no '\n') into @out. Widths add up because libharu
 * applies no kerning, so each word is measured once. */
static void
wrap_hard_line (LpPdfDocument *doc,
                const char    *line,
                gsize          length,
                double         size,
                double        *avail,
                double         width,
                GPtrArray     *out)
{
  g_autoptr(GString) cur = g_string_new (NULL);
  double cur_width = 0;
  double space_width = measure_bytes (doc, " ", 1, size);
  const char *p = line;
  const char *end = line + length;

  while (p < end)
    {
      const char *spaces = p;
      const char *word;
      gsize n_spaces, word_length;
      double word_width;

      while (p < end && *p == ' ')
        p++;
      n_spaces = p - spaces;
      word = p;
      while (p < end && (*p != ' ' || spaces_are_glued (word, p, end)))
        p++;
      word_length = p - word;
      if (word_length == 0)
        break;  /* trailing spaces: nothing to show */

      word_width = measure_bytes (doc, word, word_length, size);
      if (cur_width + n_spaces * space_width + word_width <= *avail)
        {
          g_string_append_len (cur, spaces, n_spaces + word_length);
          cur_width += n_spaces * space_width + word_width;
          continue;
        }

      if (cur->len > 0)
        {
          g_ptr_array_add (out, g_strndup (cur->str, cur->len));
          g_string_truncate (cur, 0);
          cur_width = 0;
          *avail = width;
        }
      if (word_width <= *avail)
        {
          g_string_append_len (cur, word, word_length);
          cur_width = word_width;
          continue;
        }

      /* A word wider than the line (a very long name, a URL): cut it between
       * characters rather than let it run past the margin. */
      for (const char *c = word; c < word + word_length; c = g_utf8_next_char (c))
        {
          gsize char_length = g_utf8_next_char (c) - c;
          double char_width = measure_bytes (doc, c, char_length, size);

          if (cur->len > 0 && cur_width + char_width > *avail)
            {
              g_ptr_array_add (out, g_strndup (cur->str, cur->len));
              g_string_truncate (cur, 0);
              cur_width = 0;
              *avail = width;
            }
          g_string_append_len (cur, c, char_length);
          cur_width += char_width;
        }
    }

  g_ptr_array_add (out, g_strndup (cur->str, cur->len));
  *avail = width;
}

static GPtrArray *
wrap_with_first (LpPdfDocument *doc,
                 const char    *text,
                 double         size,
                 double         first_width,
                 double         width)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  double avail = first_width;
  const char *p = text;

  while (TRUE)
    {
      const char *eol = p;

      while (*eol != '\0' && *eol != '\n' && *eol != '\r')
        eol++;
      wrap_hard_line (doc, p, eol - p, size, &avail, width, lines);
      if (*eol == '\0')
        break;
      /* "\r\n", "\r" and "\n" all end a line. */
      p = (eol[0] == '\r' && eol[1] == '\n') ? eol + 2 : eol + 1;
    }
  return lines;
}

GPtrArray *
lp_pdf_document_wrap (LpPdfDocument *doc,
                      const char    *text,
                      double         size,
                      double         width)
{
  return wrap_with_first (doc, text, size, width, width);
}

static GPtrArray *
wrap_styled (LpPdfDocument    *doc,
             const char       *text,
             const LpPdfStyle *style,
             double            width)
{
  double inner = width - style->indent;

  return wrap_with_first (doc, text, style_size (style), inner - style->first_indent, inner);
}

static double
lines_height (GPtrArray        *lines,
              const LpPdfStyle *style)
{
  double leading = lp_pdf_document_leading (style);
  double height = 0;

  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);

      height += line[0] == '\0' && lines->len > 1 ? leading * BLANK_LINE_RATIO : leading;
    }
  return height;
}

double
lp_pdf_document_measure (LpPdfDocument    *doc,
                         const char       *text,
                         const LpPdfStyle *style)
{
  g_autoptr(GPtrArray) lines = wrap_styled (doc, text, style, LP_PDF_TEXT_WIDTH);

  return lines_height (lines, style) + style->space_after;
}

/* Control characters have no glyph; a tab is shown as a space. The text given back by a
 * PDF reader then differs only in white space, which the person sees as typed. */
static char *
printable_copy (const char *line)
{
  char *copy = g_strdup (line);

  for (char *c = copy; *c != '\0'; c++)
    if ((guchar) *c < 0x20 || *c == 0x7f)
      *c = ' ';
  return copy;
}

static void
draw_line (LpPdfDocument    *doc,
           HPDF_Page         page,
           double            x,
           double            baseline,
           const char       *line,
           const LpPdfStyle *style)
{
  double size = style_size (style);
  g_autofree char *shown = NULL;

  if (lp_pdf_document_failed (doc) || page == NULL || line[0] == '\0')
    return;

  shown = printable_copy (line);
  if (style->bold)
    HPDF_Page_SetLineWidth (page, size * BOLD_STROKE_RATIO);
  if (style->gray)
    {
      HPDF_Page_SetGrayFill (page, GRAY_LEVEL);
      HPDF_Page_SetGrayStroke (page, GRAY_LEVEL);
    }
  HPDF_Page_BeginText (page);
  HPDF_Page_SetFontAndSize (page, doc->font, size);
  if (style->bold)
    HPDF_Page_SetTextRenderingMode (page, HPDF_FILL_THEN_STROKE);
  HPDF_Page_TextOut (page, x, baseline, shown);
  if (style->bold)
    HPDF_Page_SetTextRenderingMode (page, HPDF_FILL);
  HPDF_Page_EndText (page);
  if (style->gray)
    {
      HPDF_Page_SetGrayFill (page, 0);
      HPDF_Page_SetGrayStroke (page, 0);
    }
}

static double
line_x (LpPdfDocument    *doc,
        const char       *line,
        gboolean          first,
        double            left,
        double            width,
        const LpPdfStyle *style)
{
  double x = left + style->indent + (first ? style->first_indent : 0);
  double room = left + width - x;
  double line_width;

  switch (style->align)
    {
    case LP_PDF_ALIGN_RIGHT:
      line_width = lp_pdf_document_text_width (doc, line, style_size (style));
      return x + MAX (0, room - line_width);
    case LP_PDF_ALIGN_CENTER:
      line_width = lp_pdf_document_text_width (doc, line, style_size (style));
      return x + MAX (0, (room - line_width) / 2);
    case LP_PDF_ALIGN_LEFT:
    default:
      return x;
    }
}

void
lp_pdf_document_flow (LpPdfDocument    *doc,
                      const char       *text,
                      const LpPdfStyle *style)
{
  g_autoptr(GPtrArray) lines = wrap_styled (doc, text, style, LP_PDF_TEXT_WIDTH);
  double leading = lp_pdf_document_leading (style);

  /* No orphan: the first two lines of a paragraph start on the same page. */
  lp_pdf_document_ensure_space (doc, leading * MIN (lines->len, 2));

  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);

      if (line[0] == '\0' && lines->len > 1)
        {
          /* A blank line the person typed; none at the top of a page. */
          if (!at_page_top (doc))
            doc->y -= leading * BLANK_LINE_RATIO;
          continue;
        }
      /* No widow either: the last line does not go alone onto a new page. */
      if (doc->y - leading < LP_PDF_MARGIN_BOTTOM
          || (i + 2 == lines->len && i >= 2 && doc->y - 2 * leading < LP_PDF_MARGIN_BOTTOM))
        lp_pdf_document_new_page (doc);

      draw_line (doc, doc->page,
                 line_x (doc, line, i == 0, LP_PDF_MARGIN_LEFT, LP_PDF_TEXT_WIDTH, style),
                 doc->y - leading * BASELINE_RATIO, line, style);
      doc->y -= leading;
    }
  doc->y -= style->space_after;
}

double
lp_pdf_document_column (LpPdfDocument    *doc,
                        double            x,
                        double            top,
                        double            width,
                        const char       *text,
                        const LpPdfStyle *style)
{
  g_autoptr(GPtrArray) lines = wrap_styled (doc, text, style, width);
  double leading = lp_pdf_document_leading (style);
  double y = top;

  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);

      draw_line (doc, doc->page, line_x (doc, line, i == 0, x, width, style),
                 y - leading * BASELINE_RATIO, line, style);
      y -= leading;
    }
  return y - style->space_after;
}

void
lp_pdf_document_rule (LpPdfDocument *doc,
                      double         x1,
                      double         x2,
                      double         y)
{
  if (lp_pdf_document_failed (doc) || doc->page == NULL)
    return;
  HPDF_Page_SetLineWidth (doc->page, 0.5);
  HPDF_Page_SetGrayStroke (doc->page, GRAY_LEVEL);
  HPDF_Page_MoveTo (doc->page, x1, y);
  HPDF_Page_LineTo (doc->page, x2, y);
  HPDF_Page_Stroke (doc->page);
  HPDF_Page_SetGrayStroke (doc->page, 0);
}

void
lp_pdf_document_frame (LpPdfDocument *doc,
                       double         x,
                       double         y,
                       double         width,
                       double         height)
{
  if (lp_pdf_document_failed (doc) || doc->page == NULL)
    return;
  HPDF_Page_SetLineWidth (doc->page, 0.6);
  HPDF_Page_SetGrayStroke (doc->page, GRAY_LEVEL);
  HPDF_Page_Rectangle (doc->page, x, y, width, height);
  HPDF_Page_Stroke (doc->page);
  HPDF_Page_SetGrayStroke (doc->page, 0);
}

/* libharu returns NULL for some bad images without calling the error handler: make that
 * a recorded failure too, so that no half-made PDF comes out. */
static HPDF_Image
check_image (LpPdfDocument *doc,
             HPDF_Image     image,
             HPDF_STATUS    code)
{
  if (image == NULL && doc->n_errors == 0)
    record_error (code, 0, doc);
  return image;
}

HPDF_Image
lp_pdf_document_load_jpeg (LpPdfDocument *doc,
                           GBytes        *data)
{
  gsize size = 0;
  const guint8 *bytes = g_bytes_get_data (data, &size);

  if (lp_pdf_document_failed (doc))
    return NULL;
  if (size == 0 || size > G_MAXUINT32)
    return check_image (doc, NULL, HPDF_INVALID_JPEG_DATA);
  return check_image (doc, HPDF_LoadJpegImageFromMem (doc->pdf, bytes, (HPDF_UINT) size),
                      HPDF_INVALID_JPEG_DATA);
}

HPDF_Image
lp_pdf_document_load_rgb (LpPdfDocument *doc,
                          GBytes        *data,
                          guint          width,
                          guint          height)
{
  gsize size = 0;
  const guint8 *bytes = g_bytes_get_data (data, &size);

  /* libharu reads width × height × 3 bytes without knowing the buffer's size. */
  if (lp_pdf_document_failed (doc))
    return NULL;
  if (width == 0 || height == 0 || (guint64) width * height * 3 != size)
    return check_image (doc, NULL, HPDF_INVALID_IMAGE);
  return check_image (doc, HPDF_LoadRawImageFromMem (doc->pdf, bytes, width, height,
                                                     HPDF_CS_DEVICE_RGB, 8),
                      HPDF_INVALID_IMAGE);
}

HPDF_Image
lp_pdf_document_load_png (LpPdfDocument *doc,
                          GBytes        *data)
{
  gsize size = 0;
  const guint8 *bytes = g_bytes_get_data (data, &size);

  if (lp_pdf_document_failed (doc))
    return NULL;
  if (size == 0 || size > G_MAXUINT32)
    return check_image (doc, NULL, HPDF_INVALID_PNG_IMAGE);
  return check_image (doc, HPDF_LoadPngImageFromMem (doc->pdf, bytes, (HPDF_UINT) size),
                      HPDF_INVALID_PNG_IMAGE);
}

void
lp_pdf_document_draw_image (LpPdfDocument *doc,
                            HPDF_Image     image,
                            double         x,
                            double         y,
                            double         width,
                            double         height)
{
  if (lp_pdf_document_failed (doc) || doc->page == NULL || image == NULL)
    return;
  HPDF_Page_DrawImage (doc->page, image, x, y, width, height);
}

static void
write_footers (LpPdfDocument *doc)
{
  LpPdfStyle style = { .size = FOOTER_SIZE, .align = LP_PDF_ALIGN_CENTER, .gray = TRUE };
  double leading = lp_pdf_document_leading (&style);

  if (doc->footer_func == NULL)
    return;
  for (guint i = 0; i < doc->pages->len; i++)
    {
      g_autofree char *text = doc->footer_func (i + 1, doc->pages->len, doc->footer_data);
      g_autoptr(GPtrArray) lines = NULL;

      if (text == NULL)
        continue;
      /* A footer too long for one line grows upwards, into the empty bottom margin. */
      lines = lp_pdf_document_wrap (doc, text, FOOTER_SIZE, LP_PDF_TEXT_WIDTH);
      for (guint l = 0; l < lines->len; l++)
        {
          const char *line = g_ptr_array_index (lines, l);

          /* Pages are independent content streams: writing to an earlier page after
           * later ones were added is fine in libharu. */
          draw_line (doc, g_ptr_array_index (doc->pages, i),
                     line_x (doc, line, FALSE, LP_PDF_MARGIN_LEFT, LP_PDF_TEXT_WIDTH, &style),
                     FOOTER_BASELINE + (lines->len - 1 - l) * leading, line, &style);
        }
    }
}

GBytes *
lp_pdf_document_save (LpPdfDocument  *doc,
                      GError        **error)
{
  guint8 *data;
  gsize size;
  HPDF_UINT32 read;
  HPDF_STATUS status;
  guint errors_before;

  if (doc->pages->len == 0)
    lp_pdf_document_new_page (doc);
  write_footers (doc);
  /* Last, once every glyph is known: the accents of nested composite glyphs. */
  if (!lp_pdf_document_failed (doc))
    lp_font_complete_composites (doc->font, doc->font_path);
  if (lp_pdf_document_failed (doc) || HPDF_SaveToStream (doc->pdf) != HPDF_OK
      || lp_pdf_document_failed (doc))
    {
      set_pdf_error (doc, error);
      return NULL;
    }

  size = HPDF_GetStreamSize (doc->pdf);
  data = g_malloc (MAX (size, 1));
  read = (HPDF_UINT32) size;
  errors_before = doc->n_errors;
  HPDF_ResetStream (doc->pdf);
  status = HPDF_ReadFromStream (doc->pdf, data, &read);
  /* Reading the whole stream at once may end with "end of stream", which is success. */
  if ((status != HPDF_OK && status != HPDF_STREAM_EOF) || read != size || size == 0)
    {
      if (doc->n_errors == errors_before)
        doc->error_no = status;
      set_pdf_error (doc, error);
      lp_secure_zero (data, size);
      g_free (data);
      return NULL;
    }
  /* The PDF holds the person's identity (architecture.md §8): zeroed when freed. */
  return lp_secure_bytes_new_take (data, size, MAX (size, 1));
}
