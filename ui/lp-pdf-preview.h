/* lp-pdf-preview.h — the pages of a PDF, shown as pictures in a scrolled area
 *
 * Given the bytes of a PDF (the letter, as lp_letter_render made it), renders its pages with
 * poppler-glib in a worker thread (poppler_document_new_from_bytes: no temporary file) and
 * shows them one under the other, scaled to the width. A spinner and a sentence say when a
 * rendering is under way; a new PDF cancels the rendering of the previous one.
 *
 * Property "n-pages": the number of pages shown (0 while loading or on error).
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Pages beyond this are not drawn (a letter with many attached scans): a line says how many
 * more there are. */
#define LP_PDF_PREVIEW_MAX_PAGES 12

#define LP_TYPE_PDF_PREVIEW (lp_pdf_preview_get_type ())
G_DECLARE_FINAL_TYPE (LpPdfPreview, lp_pdf_preview, LP, PDF_PREVIEW, GtkWidget)

GtkWidget  *lp_pdf_preview_new           (void);

/* Shows the spinner ("Preparing the preview…") and drops the pages shown. */
void        lp_pdf_preview_set_loading   (LpPdfPreview *self);
/* Renders @pdf (a reference is taken) and shows its pages when ready. */
void        lp_pdf_preview_set_pdf       (LpPdfPreview *self,
                                          GBytes       *pdf);
/* Shows @message instead of the pages (the letter could not be made). */
void        lp_pdf_preview_set_error     (LpPdfPreview *self,
                                          const char   *message);

guint       lp_pdf_preview_get_n_pages   (LpPdfPreview *self);
/* TRUE while a PDF is being made or rendered. */
gboolean    lp_pdf_preview_get_loading   (LpPdfPreview *self);
/* The sentence under the pages or instead of them ("" when there is none). */
const char *lp_pdf_preview_get_message   (LpPdfPreview *self);

G_END_DECLS
