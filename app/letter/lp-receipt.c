/* lp-receipt.c — the "récapitulatif d'envoi" (domain.md §1.5)
 *
 * What the person keeps after sending or printing: when, how, to whom, the server's
 * receipt id, the SHA-256 of the letter (so that the exact file can be shown later), the
 * site that helped, a plain warning that this is not an official récépissé, and the
 * campaign's next steps and helplines.
 */
#define G_LOG_DOMAIN "lp-letter"

#include "lp-letter.h"
#include "lp-letter-private.h"

#define LABEL_WIDTH  150.0
#define ROW_SPACE    5.0
/* The advice lists are set a little smaller so that the whole receipt fits on one page. */
#define LIST_SIZE    10.0

typedef struct {
  LpPdfDocument *doc;
  LpLetterTexts *texts;
} Receipt;

/* One "label — value" row; the value is shown as given (an address, an id, a hash). */
static void
row (Receipt    *receipt,
     const char *label_key,
     const char *value)
{
  g_autofree char *label = NULL;
  LpPdfStyle label_style = { .bold = TRUE };
  LpPdfStyle value_style = { 0 };
  double value_width = LP_PDF_TEXT_WIDTH - LABEL_WIDTH;
  double top, label_bottom, value_bottom;

  if (value == NULL || value[0] == '\0')
    return;
  label = lp_letter_texts_expand (receipt->texts, label_key);
  {
    g_autoptr(GPtrArray) lines = lp_pdf_document_wrap (receipt->doc, value, LP_PDF_BODY_SIZE,
                                                       value_width);

    lp_pdf_document_ensure_space (receipt->doc,
                                  lines->len * lp_pdf_document_leading (&value_style));
  }
  top = lp_pdf_document_get_cursor (receipt->doc);
  label_bottom = lp_pdf_document_column (receipt->doc, LP_PDF_MARGIN_LEFT, top,
                                         LABEL_WIDTH - 10.0, label, &label_style);
  value_bottom = lp_pdf_document_column (receipt->doc, LP_PDF_MARGIN_LEFT + LABEL_WIDTH, top,
                                         value_width, value, &value_style);
  lp_pdf_document_set_cursor (receipt->doc, MIN (label_bottom, value_bottom) - ROW_SPACE);
}

/* A long unbroken value (the SHA-256, 64 characters): the label, then the value on its own
 * line across the page, a little smaller, so that it stays in one piece for comparing. */
static void
wide_row (Receipt    *receipt,
          const char *label_key,
          const char *value)
{
  g_autofree char *label = NULL;
  LpPdfStyle label_style = { .bold = TRUE, .space_after = 1.0 };
  LpPdfStyle value_style = { .size = 9.5, .space_after = ROW_SPACE };

  if (value == NULL || value[0] == '\0')
    return;
  label = lp_letter_texts_expand (receipt->texts, label_key);
  lp_pdf_document_ensure_space (receipt->doc, lp_pdf_document_measure (receipt->doc, label, &label_style)
                                + lp_pdf_document_measure (receipt->doc, value, &value_style));
  lp_pdf_document_flow (receipt->doc, label, &label_style);
  lp_pdf_document_flow (receipt->doc, value, &value_style);
}

static char *
route_in_words (Receipt    *receipt,
                const char *route)
{
  static const char * const routes[] = { "relay", "webdav", "francetransfert", "print", "save" };

  for (gsize i = 0; i < G_N_ELEMENTS (routes); i++)
    if (g_strcmp0 (route, routes[i]) == 0)
      {
        g_autofree char *key = g_strconcat ("route_", route, NULL);

        return lp_letter_texts_expand (receipt->texts, key);
      }
  return g_strdup (route != NULL ? route : "");
}

static char *
when_in_words (Receipt   *receipt,
               GDateTime *when)
{
  GDate date;
  g_autofree char *day = NULL;
  g_autofree char *time = NULL;

  if (when == NULL)
    return g_strdup ("");
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (when), g_date_time_get_month (when),
                  g_date_time_get_year (when));
  day = lp_letter_format_gdate (&date);
  /* French writes the time "14 h 05". */
  time = g_strdup_printf ("%d\u00A0h\u00A0%02d", g_date_time_get_hour (when),
                          g_date_time_get_minute (when));
  lp_letter_texts_set (receipt->texts, "date", day);
  lp_letter_texts_set (receipt->texts, "time", time);
  return lp_letter_texts_expand (receipt->texts, "receipt_when");
}

static void
section_heading (Receipt    *receipt,
                 const char *key)
{
  g_autofree char *text = lp_letter_texts_expand (receipt->texts, key);
  LpPdfStyle style = { .size = 12.0, .bold = TRUE, .space_after = 4.0 };
  LpPdfStyle body = { 0 };

  lp_pdf_document_skip (receipt->doc, 8.0);
  lp_pdf_document_ensure_space (receipt->doc, lp_pdf_document_measure (receipt->doc, text, &style)
                                + 2 * lp_pdf_document_leading (&body));
  lp_pdf_document_flow (receipt->doc, text, &style);
}

static void
item (Receipt    *receipt,
      const char *text)
{
  double dash = lp_pdf_document_text_width (receipt->doc, "–\u00A0", LIST_SIZE);
  g_autofree char *line = g_strconcat ("–\u00A0", text, NULL);
  LpPdfStyle style = {
    .size = LIST_SIZE, .indent = 8.0 + dash, .first_indent = -dash, .space_after = 2.5,
  };

  lp_pdf_document_flow (receipt->doc, line, &style);
}

/* The warning, framed so that nobody takes the page for an official record. */
static void
draw_warning (Receipt *receipt)
{
  g_autofree char *text = lp_letter_texts_expand (receipt->texts, "receipt_not_official");
  LpPdfStyle style = { .bold = TRUE };
  double inner = LP_PDF_TEXT_WIDTH - 20.0;
  g_autoptr(GPtrArray) lines = lp_pdf_document_wrap (receipt->doc, text, LP_PDF_BODY_SIZE, inner);
  double height = lines->len * lp_pdf_document_leading (&style) + 14.0;
  double top;

  lp_pdf_document_skip (receipt->doc, 6.0);
  lp_pdf_document_ensure_space (receipt->doc, height);
  top = lp_pdf_document_get_cursor (receipt->doc);
  lp_pdf_document_frame (receipt->doc, LP_PDF_MARGIN_LEFT, top - height, LP_PDF_TEXT_WIDTH, height);
  lp_pdf_document_column (receipt->doc, LP_PDF_MARGIN_LEFT + 10.0, top - 7.0, inner, text, &style);
  lp_pdf_document_set_cursor (receipt->doc, top - height - 6.0);
}

static void
draw_receipt (Receipt             *receipt,
              const LpCampaign    *campaign,
              const LpReceiptInfo *info)
{
  g_autofree char *title = lp_letter_texts_expand (receipt->texts, "receipt_title");
  g_autofree char *intro = lp_letter_texts_expand (receipt->texts, "receipt_intro");
  g_autofree char *when = when_in_words (receipt, info->when);
  g_autofree char *route = route_in_words (receipt, info->route);
  LpPdfStyle title_style = { .size = 18.0, .bold = TRUE, .space_after = 6.0 };
  LpPdfStyle intro_style = { .space_after = 14.0 };

  lp_pdf_document_new_page (receipt->doc);
  lp_pdf_document_flow (receipt->doc, title, &title_style);
  lp_pdf_document_flow (receipt->doc, intro, &intro_style);

  row (receipt, "receipt_label_when", when);
  row (receipt, "receipt_label_route", route);
  row (receipt, "receipt_label_recipient", info->recipient);
  row (receipt, "receipt_label_id", info->receipt_id);
  row (receipt, "receipt_label_site", info->site_name);
  wide_row (receipt, "receipt_label_sha256", info->letter_sha256);

  draw_warning (receipt);

  section_heading (receipt, "receipt_next_steps_title");
  for (guint i = 0; campaign->next_steps != NULL && campaign->next_steps[i] != NULL; i++)
    item (receipt, campaign->next_steps[i]);

  section_heading (receipt, "receipt_helplines_title");
  for (guint i = 0; i < campaign->helplines->len; i++)
    {
      const LpCampaignHelpline *helpline = g_ptr_array_index (campaign->helplines, i);
      g_autofree char *text = NULL;

      lp_letter_texts_set (receipt->texts, "label", helpline->name);
      lp_letter_texts_set (receipt->texts, "number", helpline->number);
      lp_letter_texts_set (receipt->texts, "description", helpline->description);
      /* "33700 (33700)" would read oddly when the name is the number. */
      text = lp_letter_texts_expand (receipt->texts,
                                     g_strcmp0 (helpline->name, helpline->number) == 0
                                     ? "helpline_item_short" : "helpline_item");
      item (receipt, text);
    }
}

GBytes *
lp_receipt_render (const LpComplaint    *complaint,
                   const LpCampaign     *campaign,
                   const LpReceiptInfo  *info,
                   GError              **error)
{
  g_autoptr(LpLetterTexts) texts = NULL;
  g_autoptr(LpPdfDocument) doc = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subject = NULL;
  g_autoptr(GBytes) pdf = NULL;
  Receipt receipt;

  g_return_val_if_fail (complaint != NULL, NULL);
  g_return_val_if_fail (campaign != NULL, NULL);
  g_return_val_if_fail (info != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  texts = lp_letter_texts_new (complaint, campaign);
  title = lp_letter_texts_expand (texts, "receipt_title");
  subject = lp_letter_texts_expand (texts, "letter_subject");
  if (!lp_letter_texts_check (texts, error))
    return NULL;
  doc = lp_pdf_document_new (title, subject, error);
  if (doc == NULL)
    return NULL;

  receipt = (Receipt) { doc, texts };
  draw_receipt (&receipt, campaign, info);

  pdf = lp_pdf_document_save (doc, error);
  if (pdf == NULL || !lp_letter_texts_check (texts, error))
    return NULL;
  return g_steal_pointer (&pdf);
}
