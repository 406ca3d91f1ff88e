/* lp-cover-sheet.c — the sheet that goes first in the envelope of the postal route
 *
 * The recipient's address is placed for a window envelope, following La Poste's layout
 * rule for letters in window envelopes: the address sits in a frame 85 mm wide and 33 mm
 * high whose top-left corner is 110 mm from the left edge and 55 mm from the top edge of
 * the A4 sheet (at most 6 lines, no blank line). Folded in three (99 mm panels), the
 * sheet then shows the address through the window of a DL envelope (110 × 220 mm, window
 * 100 × 45 mm, 20 mm from the right edge and 15 mm from the bottom: the window spans
 * 50–95 mm from the top of the envelope) and of a C5/6 or C5 envelope with the same window.
 * Small fold marks at 99 mm and 198 mm help fold it right.
 *
 * Below the address: what the envelope holds, and advice to the sender (registered letter
 * with acknowledgement of receipt, keep the receipt) — all from the campaign's texts.
 */
#define G_LOG_DOMAIN "lp-letter"

#include "lp-letter.h"
#include "lp-letter-private.h"

#define WINDOW_X         (110 * LP_MM)
#define WINDOW_TOP       (55 * LP_MM)
#define WINDOW_WIDTH     (85 * LP_MM)
#define WINDOW_HEIGHT    (33 * LP_MM)
#define ADDRESS_SIZE     11.0
#define FOLD_1           (99 * LP_MM)
#define FOLD_2           (198 * LP_MM)
#define CONTENT_TOP      (112 * LP_MM)

static void
draw_fold_marks (LpPdfDocument *doc)
{
  /* Short ticks in the left margin, inside what home printers can print. */
  lp_pdf_document_rule (doc, 6 * LP_MM, 12 * LP_MM, LP_PDF_PAGE_HEIGHT - FOLD_1);
  lp_pdf_document_rule (doc, 6 * LP_MM, 12 * LP_MM, LP_PDF_PAGE_HEIGHT - FOLD_2);
}

static void
draw_sender (LpPdfDocument     *doc,
             LpLetterTexts     *texts,
             const LpComplaint *complaint)
{
  /* Whoever signs posts the letter: the representative, when there is one. */
  const LpPerson *person = lp_complaint_get_signer (complaint);
  g_autoptr(GPtrArray) lines = lp_letter_person_address_lines (person);

  g_ptr_array_insert (lines, 0, lp_letter_person_civility_name (texts, person));
  lp_letter_draw_lines (doc, lines, LP_PDF_MARGIN_LEFT, LP_PDF_PAGE_HEIGHT - LP_PDF_MARGIN_TOP,
                        WINDOW_X - LP_PDF_MARGIN_LEFT - 16.0, LP_LETTER_BLOCK_SIZE, TRUE);
}

static void
draw_recipient (LpPdfDocument    *doc,
                const LpCampaign *campaign)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new ();

  for (guint i = 0; campaign->postal_recipient[i] != NULL; i++)
    g_ptr_array_add (lines, campaign->postal_recipient[i]);
  /* A few points inside the frame, so that a sheet that slides a little in the envelope
   * still shows every line. */
  lp_letter_draw_lines (doc, lines, WINDOW_X + 3.0, LP_PDF_PAGE_HEIGHT - WINDOW_TOP - 4.0,
                        WINDOW_WIDTH - 6.0, ADDRESS_SIZE, TRUE);
}

static void
draw_content (LpPdfDocument     *doc,
              LpLetterTexts     *texts,
              const LpComplaint *complaint)
{
  g_autofree char *title = lp_letter_texts_expand (texts, "cover_title");
  g_autofree char *content = lp_letter_texts_expand (texts, "cover_content");
  LpPdfStyle title_style = { .size = 13.0, .bold = TRUE, .space_after = 8.0 };
  LpPdfStyle body = { .space_after = 6.0 };

  lp_pdf_document_set_cursor (doc, LP_PDF_PAGE_HEIGHT - CONTENT_TOP);
  lp_pdf_document_flow (doc, title, &title_style);
  lp_pdf_document_flow (doc, content, &body);
  if (complaint->attachments->len > 0)
    {
      g_autofree char *attachments = lp_letter_texts_expand (texts, "cover_attachments");

      lp_pdf_document_flow (doc, attachments, &body);
    }
}

/* The advice, in a frame at the bottom: one line of the template per item. */
static void
draw_advice (LpPdfDocument *doc,
             LpLetterTexts *texts)
{
  g_autofree char *title = lp_letter_texts_expand (texts, "cover_advice_title");
  g_autofree char *advice = lp_letter_texts_expand (texts, "cover_advice");
  g_auto(GStrv) items = g_strsplit (advice, "\n", -1);
  LpPdfStyle title_style = { .bold = TRUE, .space_after = 4.0, .indent = 12.0 };
  double inner = LP_PDF_TEXT_WIDTH - 24.0;
  double height = lp_pdf_document_measure (doc, title, &title_style);
  double top, y;

  for (guint i = 0; items[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) lines = lp_pdf_document_wrap (doc, items[i], LP_PDF_BODY_SIZE, inner - 14.0);

      height += lines->len * LP_PDF_BODY_SIZE * LP_PDF_LEADING_RATIO + 3.0;
    }
  height += 16.0;

  /* Anchored to the bottom of the page, unless the content above reaches that far. */
  top = MIN (LP_PDF_MARGIN_BOTTOM + height, lp_pdf_document_get_cursor (doc) - 12.0);
  lp_pdf_document_frame (doc, LP_PDF_MARGIN_LEFT, top - height, LP_PDF_TEXT_WIDTH, height);
  y = lp_pdf_document_column (doc, LP_PDF_MARGIN_LEFT, top - 8.0, LP_PDF_TEXT_WIDTH, title,
                              &title_style);
  for (guint i = 0; items[i] != NULL; i++)
    {
      g_autofree char *item = g_strconcat ("–\u00A0", items[i], NULL);
      double dash = lp_pdf_document_text_width (doc, "–\u00A0", LP_PDF_BODY_SIZE);
      LpPdfStyle style = { .indent = 12.0 + dash, .first_indent = -dash, .space_after = 3.0 };

      y = lp_pdf_document_column (doc, LP_PDF_MARGIN_LEFT, y, LP_PDF_TEXT_WIDTH - 12.0, item, &style);
    }
}

GBytes *
lp_cover_sheet_render (const LpComplaint  *complaint,
                       const LpCampaign   *campaign,
                       GError            **error)
{
  g_autoptr(LpLetterTexts) texts = NULL;
  g_autoptr(LpPdfDocument) doc = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subject = NULL;
  g_autoptr(GBytes) pdf = NULL;

  g_return_val_if_fail (complaint != NULL, NULL);
  g_return_val_if_fail (campaign != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  texts = lp_letter_texts_new (complaint, campaign);
  title = lp_letter_texts_expand (texts, "cover_title");
  subject = lp_letter_texts_expand (texts, "letter_subject");
  if (!lp_letter_texts_check (texts, error))
    return NULL;
  doc = lp_pdf_document_new (title, subject, error);
  if (doc == NULL)
    return NULL;

  lp_pdf_document_new_page (doc);
  draw_fold_marks (doc);
  draw_sender (doc, texts, complaint);
  draw_recipient (doc, campaign);
  draw_content (doc, texts, complaint);
  draw_advice (doc, texts);

  pdf = lp_pdf_document_save (doc, error);
  if (pdf == NULL || !lp_letter_texts_check (texts, error))
    return NULL;
  return g_steal_pointer (&pdf);
}
