/* lp-pdf-document.h — the libharu engine under the letter, the cover sheet and the receipt
 *
 * One A4 document with ONE embedded TrueType face (the letter font of lp-paths.h) used in
 * UTF-8; bold is drawn by stroking the glyph outline (a second embedded face would double
 * the file size, architecture.md §9). Text is laid out by our own greedy line breaker: it
 * breaks only at ASCII spaces (U+00A0 and U+202F never break), honours '\n', and cuts a
 * word wider than the line between characters, so that nothing ever leaves the margins.
 *
 * libharu errors are recorded by a handler (no longjmp) and are sticky: once one happened
 * every later drawing call is skipped and lp_pdf_document_save() returns a GError
 * (LP_LETTER_ERROR_PDF). The document is freed with HPDF_Free whatever happened.
 *
 * Identical calls give byte-identical output: no date, no random id.
 */
#pragma once

#include <glib.h>
#include <hpdf.h>

G_BEGIN_DECLS

/* A4 in points, and the margins of every page (about 2.4 cm left/right). */
#define LP_PDF_PAGE_WIDTH     595.276
#define LP_PDF_PAGE_HEIGHT    841.89
#define LP_PDF_MARGIN_LEFT    68.0
#define LP_PDF_MARGIN_RIGHT   68.0
#define LP_PDF_MARGIN_TOP     62.0
#define LP_PDF_MARGIN_BOTTOM  72.0
#define LP_PDF_TEXT_WIDTH     (LP_PDF_PAGE_WIDTH - LP_PDF_MARGIN_LEFT - LP_PDF_MARGIN_RIGHT)

#define LP_PDF_BODY_SIZE      11.0
#define LP_PDF_LEADING_RATIO  1.35

typedef enum {
  LP_PDF_ALIGN_LEFT,
  LP_PDF_ALIGN_RIGHT,
  LP_PDF_ALIGN_CENTER,
} LpPdfAlign;

/* How a run of text looks. Zero-initialised = body text, left aligned. */
typedef struct {
  double     size;          /* points; 0 = LP_PDF_BODY_SIZE */
  gboolean   bold;
  LpPdfAlign align;
  double     indent;        /* added to the left edge of every line */
  double     first_indent;  /* added to the first line only (negative = hanging) */
  double     space_after;   /* points after the last line */
  gboolean   gray;          /* footers and small print */
} LpPdfStyle;

typedef struct _LpPdfDocument LpPdfDocument;

/* Builds the footer of page @page (1-based) of @pages; returns NULL for no footer. */
typedef char *(*LpPdfFooterFunc) (guint     page,
                                  guint     pages,
                                  gpointer  user_data);

LpPdfDocument *lp_pdf_document_new          (const char  *title,
                                             const char  *subject,
                                             GError     **error);
void           lp_pdf_document_free         (LpPdfDocument *doc);

void           lp_pdf_document_set_footer   (LpPdfDocument   *doc,
                                             LpPdfFooterFunc  func,
                                             gpointer         user_data);

/* Starts a new page; the cursor goes to the top margin. */
void           lp_pdf_document_new_page     (LpPdfDocument *doc);
guint          lp_pdf_document_get_n_pages  (LpPdfDocument *doc);
gboolean       lp_pdf_document_failed       (LpPdfDocument *doc);

/* The cursor is the baseline-free top of the next line, in PDF points from the bottom. */
double         lp_pdf_document_get_cursor   (LpPdfDocument *doc);
void           lp_pdf_document_set_cursor   (LpPdfDocument *doc,
                                             double         y);
/* Moves the cursor down by @points (no page break). */
void           lp_pdf_document_skip         (LpPdfDocument *doc,
                                             double         points);
/* Starts a new page unless @height points fit above the bottom margin. */
void           lp_pdf_document_ensure_space (LpPdfDocument *doc,
                                             double         height);

double         lp_pdf_document_text_width   (LpPdfDocument *doc,
                                             const char    *text,
                                             double         size);
double         lp_pdf_document_leading      (const LpPdfStyle *style);
/* The lines @text wraps into in @width points (see the header comment). Empty lines
 * stand for blank lines of the text. */
GPtrArray     *lp_pdf_document_wrap         (LpPdfDocument *doc,
                                             const char    *text,
                                             double         size,
                                             double         width);
/* Height that lp_pdf_document_flow() would use for @text, space_after included. */
double         lp_pdf_document_measure      (LpPdfDocument    *doc,
                                             const char       *text,
                                             const LpPdfStyle *style);

/* Writes @text at the cursor across the text width, flowing onto new pages; never leaves
 * a lone first line at the bottom of a page. */
void           lp_pdf_document_flow         (LpPdfDocument    *doc,
                                             const char       *text,
                                             const LpPdfStyle *style);
/* Writes @text wrapped in the column [@x, @x + @width] from @top down, on the current
 * page, with no page break; returns the y below the last line. */
double         lp_pdf_document_column       (LpPdfDocument    *doc,
                                             double            x,
                                             double            top,
                                             double            width,
                                             const char       *text,
                                             const LpPdfStyle *style);

/* A thin horizontal rule at @y from @x1 to @x2, and an empty rectangle. */
void           lp_pdf_document_rule         (LpPdfDocument *doc,
                                             double         x1,
                                             double         x2,
                                             double         y);
void           lp_pdf_document_frame        (LpPdfDocument *doc,
                                             double         x,
                                             double         y,
                                             double         width,
                                             double         height);

/* Images. @data is JPEG (kept as DCT) or 8-bit RGB rows (width × height × 3 bytes).
 * Returns NULL after an error (recorded, see lp_pdf_document_failed()). */
HPDF_Image     lp_pdf_document_load_jpeg    (LpPdfDocument *doc,
                                             GBytes        *data);
HPDF_Image     lp_pdf_document_load_rgb     (LpPdfDocument *doc,
                                             GBytes        *data,
                                             guint          width,
                                             guint          height);
HPDF_Image     lp_pdf_document_load_png     (LpPdfDocument *doc,
                                             GBytes        *data);
/* Draws @image with its bottom-left corner at (@x, @y). */
void           lp_pdf_document_draw_image   (LpPdfDocument *doc,
                                             HPDF_Image     image,
                                             double         x,
                                             double         y,
                                             double         width,
                                             double         height);

/* Writes the footers, then the whole PDF into memory. */
GBytes        *lp_pdf_document_save         (LpPdfDocument  *doc,
                                             GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LpPdfDocument, lp_pdf_document_free)

G_END_DECLS
