/* lp-letter-private.h — what the letter, the cover sheet and the receipt share inside
 * app/letter (not installed, not used outside this directory)
 */
#pragma once

#include "lp-complaint.h"
#include "lp-letter-text.h"
#include "lp-pdf-document.h"

G_BEGIN_DECLS

/* The right-hand column: 110 mm from the left edge of the sheet, where La Poste puts the
 * recipient's address (see lp-cover-sheet.c). */
#define LP_LETTER_RIGHT_COLUMN_X   311.8
#define LP_LETTER_RIGHT_COLUMN_W   (LP_PDF_PAGE_WIDTH - LP_PDF_MARGIN_RIGHT - LP_LETTER_RIGHT_COLUMN_X)
/* Identity and address blocks are set a little smaller than the body. */
#define LP_LETTER_BLOCK_SIZE       10.0
#define LP_MM                      (72.0 / 25.4)

/* Draws @lines (first one bold when @bold_first) in a column; returns the y below. */
double   lp_letter_draw_lines           (LpPdfDocument *doc,
                                         GPtrArray     *lines,
                                         double         x,
                                         double         top,
                                         double         width,
                                         double         size,
                                         gboolean       bold_first);

/* One page per attachment after the letter: the image scaled into the page, or a note
 * that a PDF is sent as a separate file. Errors: LP_LETTER_ERROR_ATTACHMENT, starting
 * with the attachment's JSON path. */
gboolean lp_letter_add_attachment_pages (LpPdfDocument     *doc,
                                         LpLetterTexts     *texts,
                                         const LpComplaint *complaint,
                                         GError           **error);

/* Draws the drawn signature, if any, fitted into the box whose bottom-left corner is
 * (@x, @y). Errors: LP_LETTER_ERROR_SIGNATURE. */
gboolean lp_letter_draw_signature       (LpPdfDocument     *doc,
                                         const LpComplaint *complaint,
                                         double             x,
                                         double             y,
                                         double             width,
                                         double             height,
                                         GError           **error);

G_END_DECLS
