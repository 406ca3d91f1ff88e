/* lp-letter.c — the letter-complaint itself (domain.md §1.3, §1.7)
 *
 * A classic French letter: the complainant's identity top left, the recipient on the
 * right (at the place of an envelope window), place and date, "Objet", the salutation,
 * then the body in short sections (declaration, facts, offences, what happened since,
 * prejudice, attachments), the closing and the signature. Every French word comes from
 * the campaign's texts; what the person typed is printed exactly as typed.
 */
#define G_LOG_DOMAIN "lp-letter"

#include "lp-letter.h"
#include "lp-letter-private.h"
#include "lp-secure.h"

#include <string.h>

G_DEFINE_QUARK (lp-letter-error-quark, lp_letter_error)

#define PARAGRAPH_SPACE   7.0
#define HEADING_SPACE     13.0
#define SIGNATURE_BOX_W   (62 * LP_MM)
#define SIGNATURE_BOX_H   (24 * LP_MM)
#define BULLET            "–\u00A0"

typedef struct {
  LpPdfDocument *doc;
  LpLetterTexts *texts;
  const LpComplaint *complaint;
  const LpCampaign *campaign;
} Letter;

static const LpPdfStyle body_style = { .space_after = PARAGRAPH_SPACE };

double
lp_letter_draw_lines (LpPdfDocument *doc,
                      GPtrArray     *lines,
                      double         x,
                      double         top,
                      double         width,
                      double         size,
                      gboolean       bold_first)
{
  double y = top;

  for (guint i = 0; i < lines->len; i++)
    {
      LpPdfStyle style = { .size = size, .bold = bold_first && i == 0 };

      y = lp_pdf_document_column (doc, x, y, width, g_ptr_array_index (lines, i), &style);
    }
  return y;
}

/* Writes the template @key as a body paragraph. */
static void
paragraph (Letter     *letter,
           const char *key)
{
  g_autofree char *text = lp_letter_texts_expand (letter->texts, key);

  lp_pdf_document_flow (letter->doc, text, &body_style);
}

static void
paragraph_for (Letter     *letter,
               const char *key)
{
  g_autofree char *text = lp_letter_texts_expand_for (letter->texts, key);

  lp_pdf_document_flow (letter->doc, text, &body_style);
}

/* A section heading, kept on the same page as the first two lines that follow it. */
static void
heading (Letter     *letter,
         const char *key)
{
  g_autofree char *text = lp_letter_texts_expand (letter->texts, key);
  LpPdfStyle style = { .bold = TRUE, .space_after = 2.0 };
  double needed = lp_pdf_document_measure (letter->doc, text, &style)
                  + 2 * lp_pdf_document_leading (&body_style);

  lp_pdf_document_skip (letter->doc, HEADING_SPACE - PARAGRAPH_SPACE);
  lp_pdf_document_ensure_space (letter->doc, needed + HEADING_SPACE);
  lp_pdf_document_flow (letter->doc, text, &style);
}

/* A list item with a hanging dash. */
static void
bullet (Letter     *letter,
        const char *text,
        gboolean    last)
{
  g_autofree char *item = g_strconcat (BULLET, text, NULL);
  double dash = lp_pdf_document_text_width (letter->doc, BULLET, LP_PDF_BODY_SIZE);
  LpPdfStyle style = {
    .indent = 14.0 + dash, .first_indent = -dash,
    .space_after = last ? PARAGRAPH_SPACE : 2.0,
  };

  lp_pdf_document_flow (letter->doc, item, &style);
}

/* ---- Top of the first page ------------------------------------------------------------ */

static void
draw_header (Letter *letter)
{
  LpPdfDocument *doc = letter->doc;
  g_autoptr(GPtrArray) identity = lp_letter_identity_lines (letter->texts,
                                                            &letter->complaint->complainant,
                                                            TRUE);
  g_autoptr(GPtrArray) recipient = g_ptr_array_new ();
  g_autofree char *place_date = lp_letter_texts_expand (letter->texts, "place_date");
  g_autofree char *subject = lp_letter_texts_expand (letter->texts, "subject");
  double top = lp_pdf_document_get_cursor (doc);
  double left_bottom, right_bottom;
  LpPdfStyle date_style = { 0 };
  LpPdfStyle subject_style = { .bold = TRUE, .space_after = 16.0 };

  /* The sender's column stops short of the recipient's. */
  left_bottom = lp_letter_draw_lines (doc, identity, LP_PDF_MARGIN_LEFT, top,
                                      LP_LETTER_RIGHT_COLUMN_X - LP_PDF_MARGIN_LEFT - 16.0,
                                      LP_LETTER_BLOCK_SIZE, TRUE);

  for (guint i = 0; letter->campaign->postal_recipient[i] != NULL; i++)
    g_ptr_array_add (recipient, letter->campaign->postal_recipient[i]);
  right_bottom = lp_letter_draw_lines (doc, recipient, LP_LETTER_RIGHT_COLUMN_X,
                                       LP_PDF_PAGE_HEIGHT - 50 * LP_MM,
                                       LP_LETTER_RIGHT_COLUMN_W, LP_PDF_BODY_SIZE, TRUE);

  right_bottom = lp_pdf_document_column (doc, LP_LETTER_RIGHT_COLUMN_X, right_bottom - 22.0,
                                         LP_LETTER_RIGHT_COLUMN_W, place_date, &date_style);
  lp_pdf_document_set_cursor (doc, MIN (left_bottom, right_bottom) - 22.0);
  lp_pdf_document_flow (doc, subject, &subject_style);
  paragraph (letter, "salutation");
}

/* ---- Body ------------------------------------------------------------------------------ */

static void
draw_declaration (Letter *letter)
{
  const LpPerson *representative = letter->complaint->representative;
  g_autoptr(GPtrArray) identity = NULL;
  g_autofree char *title = NULL;
  LpPdfDocument *doc = letter->doc;
  double indent = 14.0;
  double height;

  paragraph_for (letter, "declaration");
  if (representative == NULL)
    return;

  /* The representative's identity and contact, as a block under the declaration. */
  title = lp_letter_texts_expand (letter->texts, "representative_heading");
  identity = lp_letter_identity_lines (letter->texts, representative, TRUE);
  g_ptr_array_insert (identity, 0, g_steal_pointer (&title));
  height = identity->len * LP_LETTER_BLOCK_SIZE * LP_PDF_LEADING_RATIO * 1.5;
  lp_pdf_document_ensure_space (doc, height);
  lp_pdf_document_set_cursor (doc, lp_letter_draw_lines (doc, identity,
                                                         LP_PDF_MARGIN_LEFT + indent,
                                                         lp_pdf_document_get_cursor (doc),
                                                         LP_PDF_TEXT_WIDTH - indent,
                                                         LP_LETTER_BLOCK_SIZE, TRUE)
                                 - PARAGRAPH_SPACE);
}

static void
draw_facts (Letter *letter)
{
  const LpFacts *facts = &letter->complaint->facts;
  g_autoptr(GPtrArray) notice = g_ptr_array_new_with_free_func (g_free);

  heading (letter, "heading_facts");
  paragraph_for (letter, "facts_notified");

  /* "… le 8 février 2024, par courrier postal.": only the parts that were given. */
  if (facts->notified_on[0] != '\0')
    g_ptr_array_add (notice, lp_letter_texts_expand (letter->texts, "notice_date"));
  if (lp_campaign_find_channel (letter->campaign, facts->notification_channel) != NULL)
    g_ptr_array_add (notice, lp_letter_texts_expand (letter->texts, "notice_channel"));
  if (notice->len > 0)
    {
      g_autofree char *joined = NULL;

      g_ptr_array_add (notice, NULL);
      joined = g_strjoinv (", ", (char **) notice->pdata);
      lp_letter_texts_set (letter->texts, "notice", joined);
      paragraph (letter, "facts_notice");
    }

  paragraph (letter, "facts_data");
  if (facts->member_number[0] != '\0')
    paragraph_for (letter, "facts_member_number");
}

static void
draw_offences (Letter *letter)
{
  GPtrArray *offences = letter->campaign->offences;

  heading (letter, "heading_offences");
  paragraph (letter, "offences_intro");
  for (guint i = 0; i < offences->len; i++)
    {
      const LpCampaignOffence *offence = g_ptr_array_index (offences, i);
      g_autofree char *item = NULL;

      lp_letter_texts_set (letter->texts, "label", offence->label);
      lp_letter_texts_set (letter->texts, "article", offence->article);
      lp_letter_texts_set (letter->texts, "code", offence->code);
      item = lp_letter_texts_expand (letter->texts, "offence_item");
      bullet (letter, item, i + 1 == offences->len);
    }
}

static void
draw_since (Letter *letter)
{
  const LpFacts *facts = &letter->complaint->facts;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  for (guint i = 0; i < facts->consequences->len; i++)
    {
      const char *id = g_ptr_array_index (facts->consequences, i);
      const LpCampaignChoice *choice = lp_campaign_find_consequence (letter->campaign, id);

      /* "Nothing so far" is said by consequences_none, not listed as something seen. */
      if (choice != NULL && g_strcmp0 (id, LP_CONSEQUENCE_NONE_YET) != 0)
        g_ptr_array_add (labels, choice->label);
    }

  heading (letter, "heading_since");
  if (labels->len == 0)
    {
      paragraph_for (letter, "consequences_none");
    }
  else
    {
      paragraph_for (letter, "since_intro");
      for (guint i = 0; i < labels->len; i++)
        bullet (letter, g_ptr_array_index (labels, i), i + 1 == labels->len);
    }

  if (facts->account[0] != '\0')
    {
      paragraph (letter, "account_intro");
      /* The person's own words, exactly as typed. */
      lp_pdf_document_flow (letter->doc, facts->account, &body_style);
    }
}

static void
draw_prejudice (Letter *letter)
{
  const LpFacts *facts = &letter->complaint->facts;

  heading (letter, "heading_prejudice");
  if (facts->prejudice_description[0] != '\0')
    lp_pdf_document_flow (letter->doc, facts->prejudice_description, &body_style);
  if (facts->has_amount)
    paragraph_for (letter, "prejudice_amount");
  else
    paragraph_for (letter, "prejudice_moral");
}

static void
draw_attachment_list (Letter *letter)
{
  GPtrArray *attachments = letter->complaint->attachments;

  if (attachments->len == 0)
    return;
  heading (letter, "attachments_intro");
  for (guint i = 0; i < attachments->len; i++)
    {
      const LpAttachment *attachment = g_ptr_array_index (attachments, i);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autofree char *item = NULL;
      LpPdfStyle style = { .indent = 14.0, .space_after = i + 1 == attachments->len ? PARAGRAPH_SPACE : 2.0 };

      lp_letter_texts_set (letter->texts, "number", number);
      lp_letter_texts_set (letter->texts, "title", attachment->title);
      item = lp_letter_texts_expand (letter->texts, "attachment_item");
      lp_pdf_document_flow (letter->doc, item, &style);
    }
}

#define SIGNATURE_SKIP 10.0   /* above the place and date */
#define SIGNATURE_GAP   6.0   /* between the typed name and the signature's box */

/* Place and date, the signer's typed name (and quality). */
static GPtrArray *
signature_lines (Letter *letter)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (lines, lp_letter_texts_expand (letter->texts, "signature_place_date"));
  g_ptr_array_add (lines, lp_letter_texts_expand (letter->texts, "signature_name"));
  if (letter->complaint->representative != NULL)
    g_ptr_array_add (lines, lp_letter_texts_expand (letter->texts, "signature_representative"));
  return lines;
}

/* The height of the signature block: @lines in the right column, then the box. */
static double
signature_height (Letter    *letter,
                  GPtrArray *lines)
{
  LpPdfStyle style = { 0 };
  double height = SIGNATURE_GAP + SIGNATURE_BOX_H;

  for (guint i = 0; i < lines->len; i++)
    {
      g_autoptr(GPtrArray) wrapped = lp_pdf_document_wrap (letter->doc,
                                                           g_ptr_array_index (lines, i),
                                                           LP_PDF_BODY_SIZE,
                                                           LP_LETTER_RIGHT_COLUMN_W);

      height += wrapped->len * lp_pdf_document_leading (&style);
    }
  return height;
}

/* The closing formula and the signature block on one page: a signature alone at the top of
 * the last page reads as detached from the letter it signs. */
static void
keep_closing_with_signature (Letter *letter)
{
  g_autofree char *closing = lp_letter_texts_expand (letter->texts, "closing");
  g_autoptr(GPtrArray) lines = signature_lines (letter);

  lp_pdf_document_ensure_space (letter->doc,
                                lp_pdf_document_measure (letter->doc, closing, &body_style)
                                + SIGNATURE_SKIP + signature_height (letter, lines));
}

/* Place and date, the signer's typed name, and room for the signature: kept together. */
static gboolean
draw_signature_block (Letter  *letter,
                      GError **error)
{
  LpPdfDocument *doc = letter->doc;
  g_autoptr(GPtrArray) lines = signature_lines (letter);
  LpPdfStyle style = { 0 };
  double x = LP_LETTER_RIGHT_COLUMN_X;
  double width = LP_LETTER_RIGHT_COLUMN_W;
  double y;

  lp_pdf_document_skip (doc, SIGNATURE_SKIP);
  lp_pdf_document_ensure_space (doc, signature_height (letter, lines));

  y = lp_pdf_document_get_cursor (doc);
  for (guint i = 0; i < lines->len; i++)
    {
      style.bold = i == 1;
      y = lp_pdf_document_column (doc, x, y, width, g_ptr_array_index (lines, i), &style);
    }
  y -= SIGNATURE_GAP;
  if (!lp_letter_draw_signature (doc, letter->complaint, x, y - SIGNATURE_BOX_H,
                                 MIN (SIGNATURE_BOX_W, width), SIGNATURE_BOX_H, error))
    return FALSE;
  lp_pdf_document_set_cursor (doc, y - SIGNATURE_BOX_H);
  return TRUE;
}

static char *
footer_text (guint    page,
             guint    pages,
             gpointer user_data)
{
  LpLetterTexts *texts = user_data;
  g_autofree char *page_text = g_strdup_printf ("%u", page);
  g_autofree char *pages_text = g_strdup_printf ("%u", pages);

  lp_letter_texts_set (texts, "page", page_text);
  lp_letter_texts_set (texts, "pages", pages_text);
  return lp_letter_texts_expand (texts, "footer");
}

static gboolean
draw_letter (Letter  *letter,
             GError **error)
{
  lp_pdf_document_new_page (letter->doc);
  draw_header (letter);
  draw_declaration (letter);
  draw_facts (letter);
  draw_offences (letter);
  draw_since (letter);
  draw_prejudice (letter);
  draw_attachment_list (letter);
  lp_pdf_document_skip (letter->doc, HEADING_SPACE - PARAGRAPH_SPACE);
  keep_closing_with_signature (letter);
  paragraph (letter, "closing");
  if (!draw_signature_block (letter, error))
    return FALSE;
  return lp_letter_add_attachment_pages (letter->doc, letter->texts, letter->complaint, error);
}

GBytes *
lp_letter_render (const LpComplaint  *complaint,
                  const LpCampaign   *campaign,
                  GError            **error)
{
  g_autoptr(LpLetterTexts) texts = NULL;
  g_autoptr(LpPdfDocument) doc = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subject = NULL;
  g_autoptr(GBytes) pdf = NULL;
  Letter letter;

  g_return_val_if_fail (complaint != NULL, NULL);
  g_return_val_if_fail (campaign != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  texts = lp_letter_texts_new (complaint, campaign);
  title = lp_letter_texts_expand (texts, "letter_title");
  subject = lp_letter_texts_expand (texts, "letter_subject");
  if (!lp_letter_texts_check (texts, error))
    return NULL;

  doc = lp_pdf_document_new (title, subject, error);
  if (doc == NULL)
    return NULL;
  lp_pdf_document_set_footer (doc, footer_text, texts);

  letter = (Letter) { doc, texts, complaint, campaign };
  if (!draw_letter (&letter, error))
    return NULL;
  pdf = lp_pdf_document_save (doc, error);
  if (pdf == NULL || !lp_letter_texts_check (texts, error))
    return NULL;
  return g_steal_pointer (&pdf);
}

/* ---- In a worker thread ------------------------------------------------------------------ */

typedef struct {
  LpComplaint *complaint;
  LpCampaign *campaign;
} RenderData;

static void
render_data_free (gpointer data)
{
  RenderData *render = data;

  lp_complaint_free (render->complaint);
  lp_campaign_unref (render->campaign);
  g_free (render);
}

static void
render_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  RenderData *render = task_data;
  GError *error = NULL;
  GBytes *pdf;

  if (g_task_return_error_if_cancelled (task))
    return;
  pdf = lp_letter_render (render->complaint, render->campaign, &error);
  if (pdf == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, pdf, (GDestroyNotify) g_bytes_unref);
}

void
lp_letter_render_async (const LpComplaint   *complaint,
                        LpCampaign          *campaign,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  RenderData *render;

  g_return_if_fail (complaint != NULL);
  g_return_if_fail (campaign != NULL);

  /* The worker gets its own copy: the caller may edit or free the complaint meanwhile. */
  render = g_new0 (RenderData, 1);
  render->complaint = lp_complaint_copy (complaint);
  render->campaign = lp_campaign_ref (campaign);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, lp_letter_render_async);
  g_task_set_task_data (task, render, render_data_free);
  g_task_run_in_thread (task, render_in_thread);
}

GBytes *
lp_letter_render_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == lp_letter_render_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
