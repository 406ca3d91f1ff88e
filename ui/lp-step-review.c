/* lp-step-review.c — step 7: check everything before sending (RGAA 11.12)
 *
 * What the person sees comes from the model, never from the other steps' widgets: a step
 * not shown since the language changed has no widgets worth reading. The problems are the
 * core validators' issues for the whole complaint (lp_validate_complaint, as the base class
 * does); each becomes an LpFormField bound to the issue's path, so that the base class
 * shows it, counts it, lists it in the window's error summary and blocks "Next" on it like
 * any field of this step.
 */
#define G_LOG_DOMAIN "lp-step-review"

#include "lp-step-review.h"
#include "lp-date-field.h"
#include "lp-nir.h"
#include "lp-letter.h"
#include "lp-secure.h"
#include "lp-steps.h"
#include "lp-ui.h"
#include "lp-validate.h"
#include "lp-window.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* Long accounts are cut in the summary: the preview below shows the whole letter. */
#define ACCOUNT_SUMMARY_CHARS 600
/* Typing in "place" or "date" redraws the preview once the person pauses. */
#define PREVIEW_DELAY_MS 700

struct _LpStepReview
{
  LpStep parent_instance;

  /* Template widgets */
  GtkBox         *box;
  GtkWidget      *problems_section;
  GtkLabel       *problems_heading;
  GtkBox         *problems_box;
  GtkBox         *groups_box;
  GtkBox         *signing_box;
  GtkBox         *preview_box;

  /* Borrowed: descendants */
  LpFormField    *place;
  LpDateField    *date;
  LpFormField    *signature;
  LpSignaturePad *pad;
  GtkWidget      *clear_button;
  LpPdfPreview   *preview;

  /* Owned */
  GtkSizeGroup   *terms;            /* every group's first column, aligned */
  GHashTable     *change_buttons;   /* group name -> GtkWidget* (borrowed) */
  GPtrArray      *problem_steps;    /* char*: the step of each problem field, or NULL */
  guint           n_errors;
  char           *answers_text;     /* personal data: zeroed when freed */
  GCancellable   *render_cancellable;
  guint           preview_timeout;
};

G_DEFINE_FINAL_TYPE (LpStepReview, lp_step_review, LP_TYPE_STEP)

/* ---- Which step asks what --------------------------------------------------------------- */

/* When the window is not there (a step tested alone):
 * the steps as issue 3 lists them. First match wins. */
static const struct {
  const char *prefix;
  const char *step;
} path_steps[] = {
  { "complainant.address",       "contact" },
  { "complainant.phone",         "contact" },
  { "complainant.email",         "contact" },
  { "complainant.nir",           "insurance" },
  { "complainant",               "identity" },
  { "representative.address",    "contact" },
  { "representative.phone",      "contact" },
  { "representative.email",      "contact" },
  { "representative.",           "identity" },
  { "representative",            "welcome" },
  { "facts.insurer",             "insurance" },
  { "facts.operator",            "insurance" },
  { "facts.notified",            "insurance" },
  { "facts.notification_channel", "insurance" },
  { "facts.member_number",       "insurance" },
  { "facts",                     "facts" },
  { "attachments",               "documents" },
};

static const char *
step_for_path (LpStepReview *self,
               const char   *path)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), LP_TYPE_WINDOW);

  /* The steps themselves know best: the one with a field bound to the path. */
  if (window != NULL)
    for (guint i = 0; i < lp_window_get_n_steps (LP_WINDOW (window)); i++)
      {
        LpStep *step = lp_window_get_step (LP_WINDOW (window), i);

        if (step != LP_STEP (self) && lp_step_find_field (step, path) != NULL)
          return lp_step_get_name (step);
      }
  for (guint i = 0; i < G_N_ELEMENTS (path_steps); i++)
    if (g_str_has_prefix (path, path_steps[i].prefix))
      return path_steps[i].step;
  return NULL;
}

static const char *
step_title (const char *name)
{
  int index = lp_steps_find (name);

  return index >= 0 ? lp_steps_get_title ((guint) index) : name;
}

/* ---- Formatting answers ------------------------------------------------------------------ */

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

/* "14/12/1984": day first, as the person typed it in the day / month / year boxes. A
 * date that does not parse is shown as it is. */
static char *
format_date (const char *iso)
{
  GDate date;

  if (!lp_parse_iso_date (iso, &date))
    return g_strdup (iso);
  return g_strdup_printf ("%02u/%02u/%04u", g_date_get_day (&date), g_date_get_month (&date),
                          g_date_get_year (&date));
}

static const char *
civility_text (const char *civility)
{
  if (g_strcmp0 (civility, "madame") == 0)
    return _("Madame");
  if (g_strcmp0 (civility, "monsieur") == 0)
    return _("Monsieur");
  return _("No answer");
}

static char *
given_names_text (const LpPerson *person)
{
  GString *text = g_string_new (NULL);

  if (person->no_given_name)
    return g_string_free (text, FALSE);
  for (guint i = 0; person->given_names != NULL && i < person->given_names->len; i++)
    {
      const char *name = g_ptr_array_index (person->given_names, i);

      if (is_blank (name))
        continue;
      if (text->len > 0)
        g_string_append (text, " ");
      g_string_append (text, name);
    }
  return g_string_free (text, FALSE);
}

static char *
birth_place_text (const LpBirthPlace *place)
{
  GString *text = g_string_new (place->commune);

  if (!is_blank (place->department))
    g_string_append_printf (text, " (%s)", place->department);
  if (!is_blank (place->country))
    g_string_append_printf (text, "%s%s", text->len > 0 ? ", " : "", place->country);
  return g_string_free (text, FALSE);
}

static char *
address_text (const LpAddress *address)
{
  GString *text = g_string_new (NULL);
  const char *lines[4] = { address->street, address->complement, NULL, address->country };
  g_autofree char *town = g_strdup_printf ("%s %s", address->postal_code, address->city);

  lines[2] = g_strstrip (town);
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    if (!is_blank (lines[i]))
      g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "", lines[i]);
  return g_string_free (text, FALSE);
}

/* The NIR is never shown in full on this shared screen (domain.md §2.7.7). */
static char *
nir_text (const char *nir)
{
  char normalized[16] = { 0 };
  char *masked;

  if (is_blank (nir))
    return g_strdup ("");
  if (!lp_nir_normalize (nir, normalized) || normalized[0] == '\0')
    g_strlcpy (normalized, "?", sizeof normalized);   /* masked entirely */
  masked = lp_nir_mask (normalized);
  lp_secure_zero (normalized, sizeof normalized);
  return masked;
}

static const char *
choice_label (const LpCampaignChoice *choice,
              const char             *id)
{
  return choice != NULL ? choice->label : id;
}

static char *
amount_text (const LpFacts *facts)
{
  g_autofree char *euros = NULL;
  g_autofree char *cents = NULL;

  if (!facts->has_amount)
    return g_strdup ("");
  euros = g_strdup_printf ("%s%" G_GINT64_FORMAT, facts->amount_cents < 0 ? "-" : "",
                           ABS (facts->amount_cents) / 100);
  cents = g_strdup_printf ("%02d", (int) (ABS (facts->amount_cents) % 100));
  /* Translators: an amount in euros: %1$s is the whole euros, %2$s the cents ("120.50 €");
   * put your language's decimal separator between them (French: "%1$s,%2$s €") */
  return g_strdup_printf (_("%1$s.%2$s €"), euros, cents);
}

/* ---- The groups of answers --------------------------------------------------------------- */

static void
add_row (LpStepReview *self,
         GtkGrid      *grid,
         const char   *term,
         const char   *value)
{
  int row = 0;
  GtkWidget *term_label = gtk_label_new (term);
  GtkWidget *value_label;
  gboolean given = !is_blank (value);
  g_autofree char *line = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (grid)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    row++;
  row /= 2;

  value_label = gtk_label_new (given ? value : _("Not given"));
  gtk_label_set_xalign (GTK_LABEL (term_label), 0);
  gtk_label_set_yalign (GTK_LABEL (term_label), 0);
  gtk_label_set_wrap (GTK_LABEL (term_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (term_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_width_chars (GTK_LABEL (term_label), 16);
  gtk_label_set_max_width_chars (GTK_LABEL (term_label), 22);
  gtk_widget_add_css_class (term_label, "lp-field-label");
  gtk_size_group_add_widget (self->terms, term_label);
  gtk_label_set_xalign (GTK_LABEL (value_label), 0);
  gtk_label_set_yalign (GTK_LABEL (value_label), 0);
  gtk_label_set_wrap (GTK_LABEL (value_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (value_label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (value_label, TRUE);
  if (!given)
    gtk_widget_add_css_class (value_label, "dim-label");
  gtk_grid_attach (grid, term_label, 0, row, 1, 1);
  gtk_grid_attach (grid, value_label, 1, row, 1, 1);

  line = g_strdup_printf ("%s: %s\n", term, given ? value : _("Not given"));
  {
    char *joined = g_strconcat (self->answers_text != NULL ? self->answers_text : "", line, NULL);

    lp_secure_free_string (self->answers_text);
    self->answers_text = joined;
  }
  lp_secure_zero (line, strlen (line));
}

/* Same as add_row(), freeing @value (zeroed: it may be personal data). */
static void
add_row_take (LpStepReview *self,
              GtkGrid      *grid,
              const char   *term,
              char         *value)
{
  add_row (self, grid, term, value);
  lp_secure_free_string (value);
}

/* A card: the group's heading, its "Change" button (going back to @step), and a grid of
 * answers, returned. */
static GtkGrid *
add_group (LpStepReview *self,
           const char   *group,
           const char   *step,
           const char   *title,
           const char   *change_name)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *heading = g_object_new (GTK_TYPE_LABEL, "label", title,
                                     "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING, NULL);
  GtkWidget *button = gtk_button_new_with_label (_("Change"));
  GtkWidget *grid = gtk_grid_new ();
  g_autofree char *line = g_strdup_printf ("[%s]\n", title);
  char *joined;

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "lp-review-group");
  gtk_widget_set_margin_top (header, 16);
  gtk_widget_set_margin_start (header, 20);
  gtk_widget_set_margin_end (header, 16);
  gtk_widget_set_margin_start (grid, 20);
  gtk_widget_set_margin_end (grid, 20);
  gtk_widget_set_margin_bottom (grid, 20);

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_widget_set_hexpand (heading, TRUE);
  gtk_widget_set_valign (heading, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (heading, "lp-section-heading");
  gtk_accessible_update_property (GTK_ACCESSIBLE (heading),
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, 3, -1);

  gtk_widget_add_css_class (button, "lp-secondary-button");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.go-to-step");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", step);
  /* "Change" alone says nothing out of context (RGAA 6.1): the name says what. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, change_name, -1);

  gtk_grid_set_column_spacing (GTK_GRID (grid), 24);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 10);

  gtk_box_append (GTK_BOX (header), heading);
  gtk_box_append (GTK_BOX (header), button);
  gtk_box_append (GTK_BOX (card), header);
  gtk_box_append (GTK_BOX (card), grid);
  gtk_box_append (self->groups_box, card);
  g_hash_table_insert (self->change_buttons, g_strdup (group), button);

  joined = g_strconcat (self->answers_text != NULL ? self->answers_text : "", line, NULL);
  lp_secure_free_string (self->answers_text);
  self->answers_text = joined;
  return GTK_GRID (grid);
}

static void
add_identity_rows (LpStepReview   *self,
                   GtkGrid        *grid,
                   const LpPerson *person)
{
  add_row (self, grid, _("Civility"), civility_text (person->civility));
  add_row (self, grid, _("Birth name"), person->birth_name);
  add_row (self, grid, _("Usage name"), person->usage_name);
  add_row_take (self, grid, _("Given names"),
                person->no_given_name ? g_strdup (_("No given name")) : given_names_text (person));
  add_row_take (self, grid, _("Date of birth"), format_date (person->birth_date));
  add_row_take (self, grid, _("Place of birth"), birth_place_text (&person->birth_place));
  add_row (self, grid, _("Nationality"), person->nationality);
  add_row (self, grid, _("Profession"), person->profession);
}

static void
add_contact_rows (LpStepReview   *self,
                  GtkGrid        *grid,
                  const LpPerson *person)
{
  add_row_take (self, grid, _("Address"), address_text (&person->address));
  add_row (self, grid, _("Phone number"), person->phone);
  add_row (self, grid, _("E-mail address"), person->email);
}

static void
add_insurance_group (LpStepReview      *self,
                     const LpComplaint *complaint,
                     const LpCampaign  *campaign)
{
  const LpFacts *facts = &complaint->facts;
  GtkGrid *grid = add_group (self, "insurance", "insurance", _("Health insurance"),
                             _("Change the health insurance"));

  add_row (self, grid, _("Health insurer or mutuelle"), facts->insurer);
  add_row (self, grid, _("Company that handles its payments"),
           is_blank (facts->operator_id) ? ""
           : choice_label (campaign != NULL ? lp_campaign_find_operator (campaign, facts->operator_id)
                                            : NULL, facts->operator_id));
  add_row (self, grid, _("Told of the breach"), facts->notified ? _("Yes") : _("No"));
  if (facts->notified)
    {
      add_row_take (self, grid, _("Date you were told"), format_date (facts->notified_on));
      add_row (self, grid, _("How you were told"),
               is_blank (facts->notification_channel) ? ""
               : choice_label (campaign != NULL
                               ? lp_campaign_find_channel (campaign, facts->notification_channel)
                               : NULL, facts->notification_channel));
    }
  add_row (self, grid, _("Member number"), facts->member_number);
  add_row_take (self, grid, _("Social security number"), nir_text (complaint->complainant.nir));
}

static void
add_facts_group (LpStepReview      *self,
                 const LpComplaint *complaint,
                 const LpCampaign  *campaign)
{
  const LpFacts *facts = &complaint->facts;
  GtkGrid *grid = add_group (self, "facts", "facts", _("What happened since"),
                             _("Change what happened since"));
  GString *consequences = g_string_new (NULL);
  char *account;

  for (guint i = 0; facts->consequences != NULL && i < facts->consequences->len; i++)
    {
      const char *id = g_ptr_array_index (facts->consequences, i);

      g_string_append_printf (consequences, "%s• %s", i > 0 ? "\n" : "",
                              choice_label (campaign != NULL
                                            ? lp_campaign_find_consequence (campaign, id)
                                            : NULL, id));
    }
  add_row_take (self, grid, _("What happened"), g_string_free (consequences, FALSE));

  if (g_utf8_strlen (facts->account, -1) > ACCOUNT_SUMMARY_CHARS)
    {
      g_autofree char *start = g_utf8_substring (facts->account, 0, ACCOUNT_SUMMARY_CHARS);

      account = g_strconcat (start, "…", NULL);
      lp_secure_zero (start, strlen (start));
    }
  else
    account = g_strdup (facts->account);
  add_row_take (self, grid, _("In your own words"), account);
  add_row (self, grid, _("Harm suffered"), facts->prejudice_description);
  add_row_take (self, grid, _("Amount lost"), amount_text (facts));
}

static void
add_documents_group (LpStepReview      *self,
                     const LpComplaint *complaint)
{
  GtkGrid *grid = add_group (self, "documents", "documents", _("Documents"),
                             _("Change the documents"));
  guint count = complaint->attachments != NULL ? complaint->attachments->len : 0;

  if (count == 0)
    add_row (self, grid, _("Attached"), _("No document"));
  for (guint i = 0; i < count; i++)
    {
      const LpAttachment *attachment = g_ptr_array_index (complaint->attachments, i);
      g_autofree char *name = g_path_get_basename (attachment->file);
      /* Translators: the term before one attached document in the review: "Document 1" */
      g_autofree char *term = g_strdup_printf (_("Document %u"), i + 1);

      add_row_take (self, grid, term,
                    is_blank (attachment->title) ? g_strdup (name)
                    : g_strdup_printf ("%s (%s)", attachment->title, name));
    }
}

static void
rebuild_groups (LpStepReview      *self,
                const LpComplaint *complaint)
{
  const LpCampaign *campaign = lp_step_get_campaign (LP_STEP (self));
  gboolean represented = complaint->representative != NULL;
  GtkWidget *child;
  GtkGrid *grid;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box))) != NULL)
    gtk_box_remove (self->groups_box, child);
  g_hash_table_remove_all (self->change_buttons);
  lp_secure_clear_string (&self->answers_text);

  grid = add_group (self, "identity", "identity",
                    represented ? _("The person the complaint is for") : _("Identity"),
                    represented ? _("Change the person the complaint is for")
                                : _("Change the identity"));
  add_identity_rows (self, grid, &complaint->complainant);

  grid = add_group (self, "contact", "contact", _("Contact details"),
                    _("Change the contact details"));
  add_contact_rows (self, grid, &complaint->complainant);

  if (represented)
    {
      const LpPerson *representative = complaint->representative;

      grid = add_group (self, "representative", "identity", _("The legal representative"),
                        _("Change the legal representative"));
      add_row (self, grid, _("Relationship to the complainant"), representative->quality);
      add_identity_rows (self, grid, representative);
      add_contact_rows (self, grid, representative);
    }

  add_insurance_group (self, complaint, campaign);
  add_facts_group (self, complaint, campaign);
  add_documents_group (self, complaint);
}

/* ---- The problems ------------------------------------------------------------------------ */

static gboolean
is_own_path (const char *path)
{
  return g_str_has_prefix (path, "signature.");
}

static void
add_problem (LpStepReview  *self,
             const LpIssue *issue)
{
  const char *step = step_for_path (self, issue->path);
  gboolean is_error = issue->severity == LP_SEVERITY_ERROR;
  LpFormField *field;
  GtkWidget *control;

  if (step != NULL)
    {
      /* Translators: above a problem of the review step; %s is the title of the step where
       * it is corrected, e.g. "In the step “Your identity”" */
      g_autofree char *label = g_strdup_printf (_("In the step “%s”"), step_title (step));

      field = lp_form_field_new (label, issue->path);
      control = gtk_button_new_with_label (is_error ? _("Correct it") : _("Check it"));
      gtk_widget_add_css_class (control, "lp-secondary-button");
      gtk_widget_set_halign (control, GTK_ALIGN_START);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (control), "win.go-to-step");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (control), "s", step);
    }
  else
    {
      field = lp_form_field_new (_("Not something you can correct"), issue->path);
      control = gtk_label_new (_("Ask the person who installed this program for help."));
      gtk_label_set_xalign (GTK_LABEL (control), 0);
      gtk_label_set_wrap (GTK_LABEL (control), TRUE);
    }
  lp_form_field_set_control (field, control);
  lp_form_field_set_error (field, issue->message);
  if (!is_error)
    gtk_widget_add_css_class (GTK_WIDGET (field), "lp-warning");
  gtk_box_append (self->problems_box, GTK_WIDGET (field));
  lp_step_add_field (LP_STEP (self), field);
  g_ptr_array_add (self->problem_steps, g_strdup (step));
}

static void
rebuild_problems (LpStepReview      *self,
                  const LpComplaint *complaint)
{
  g_autoptr (LpIssueList) issues = lp_issue_list_new ();
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_warnings = 0;
  GtkWidget *child;
  g_autofree char *heading = NULL;

  lp_step_remove_fields (LP_STEP (self));
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->problems_box))) != NULL)
    gtk_box_remove (self->problems_box, child);
  g_ptr_array_set_size (self->problem_steps, 0);
  self->n_errors = 0;

  lp_validate_complaint (complaint, lp_step_get_campaign (LP_STEP (self)), NULL, issues);
  /* Errors first (they block), then warnings; one entry per path, as under a field. */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < lp_issue_list_get_length (issues); i++)
      {
        const LpIssue *issue = lp_issue_list_get (issues, i);
        gboolean is_error = issue->severity == LP_SEVERITY_ERROR;

        if (is_error != (pass == 0) || is_own_path (issue->path)
            || g_hash_table_contains (seen, issue->path))
          continue;
        g_hash_table_add (seen, issue->path);
        add_problem (self, issue);
        if (is_error)
          self->n_errors++;
        else
          n_warnings++;
      }

  /* This step's own fields, after the problems: the order of the error summary. */
  lp_step_add_field (LP_STEP (self), self->place);
  lp_step_add_field (LP_STEP (self), LP_FORM_FIELD (self->date));
  lp_step_add_field (LP_STEP (self), self->signature);

  if (self->n_errors > 0)
    heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u answer must be corrected before you can send the letter",
                                            "%u answers must be corrected before you can send the letter",
                                            self->n_errors),
                               self->n_errors);
  else
    heading = g_strdup (g_dngettext (GETTEXT_PACKAGE, "Please check this answer",
                                     "Please check these answers", n_warnings));
  gtk_label_set_text (self->problems_heading, heading);
  gtk_widget_set_visible (self->problems_section, self->n_errors + n_warnings > 0);
}

/* ---- The preview ------------------------------------------------------------------------- */

static void
letter_rendered_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr (LpStepReview) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) pdf = lp_letter_render_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* a newer rendering replaced this one */
  g_clear_object (&self->render_cancellable);
  if (pdf == NULL)
    {
      /* Translators: shown instead of the preview; %s says what is wrong */
      g_autofree char *message = g_strdup_printf (_("The letter cannot be prepared yet: %s"),
                                                  error->message);

      lp_pdf_preview_set_error (self->preview, message);
      return;
    }
  lp_pdf_preview_set_pdf (self->preview, pdf);
}

static void
refresh_preview (LpStepReview *self)
{
  LpComplaint *complaint = lp_step_get_complaint (LP_STEP (self));
  LpCampaign *campaign = lp_step_get_campaign (LP_STEP (self));

  g_clear_handle_id (&self->preview_timeout, g_source_remove);
  if (self->render_cancellable != NULL)
    g_cancellable_cancel (self->render_cancellable);
  g_clear_object (&self->render_cancellable);
  if (complaint == NULL)
    return;
  if (campaign == NULL)
    {
      lp_pdf_preview_set_error (self->preview,
                                _("The letter cannot be prepared: the description of this "
                                  "complaint campaign could not be loaded."));
      return;
    }
  lp_step_store (LP_STEP (self));
  lp_pdf_preview_set_loading (self->preview);
  self->render_cancellable = g_cancellable_new ();
  lp_letter_render_async (complaint, campaign, self->render_cancellable, letter_rendered_cb,
                          g_object_ref (self));
}

static gboolean
preview_timeout_cb (gpointer user_data)
{
  LpStepReview *self = user_data;

  self->preview_timeout = 0;
  refresh_preview (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_preview (LpStepReview *self)
{
  g_clear_handle_id (&self->preview_timeout, g_source_remove);
  self->preview_timeout = g_timeout_add (PREVIEW_DELAY_MS, preview_timeout_cb, self);
}

/* ---- The step ---------------------------------------------------------------------------- */

static void
load_signing (LpStepReview      *self,
              const LpComplaint *complaint)
{
  const LpPerson *signer = lp_complaint_get_signer (complaint);
  const char *place = complaint->signature_place;
  g_autoptr (GError) error = NULL;
  g_autofree char *today = NULL;

  /* Where and when the person signs is almost always here and today. */
  if (is_blank (place))
    place = !is_blank (signer->address.city) ? signer->address.city
                                             : complaint->complainant.address.city;
  lp_form_field_set_text (self->place, place);
  if (is_blank (complaint->signature_date))
    {
      g_autoptr (GDateTime) now = g_date_time_new_now_local ();

      today = g_date_time_format (now, "%Y-%m-%d");
    }
  lp_date_field_set_iso (self->date, today != NULL ? today : complaint->signature_date);

  if (complaint->signature_png == NULL
      || !lp_signature_pad_set_png (self->pad, complaint->signature_png, &error))
    lp_signature_pad_set_png (self->pad, NULL, NULL);
}

static void
lp_step_review_load_from_model (LpStep            *step,
                                const LpComplaint *complaint)
{
  LpStepReview *self = LP_STEP_REVIEW (step);

  load_signing (self, complaint);
  /* The prefilled place and date go to the model now: the preview and the checks below
   * see the letter as it would be sent. */
  lp_step_store (step);
  rebuild_groups (self, complaint);
  rebuild_problems (self, complaint);
  refresh_preview (self);
}

static void
lp_step_review_store_to_model (LpStep      *step,
                               LpComplaint *complaint)
{
  LpStepReview *self = LP_STEP_REVIEW (step);
  g_autofree char *date = lp_date_field_dup_iso (self->date);
  GBytes *png = lp_signature_pad_get_png (self->pad);

  lp_secure_set_string (&complaint->signature_place, lp_form_field_get_text (self->place));
  lp_secure_set_string (&complaint->signature_date, date);
  g_clear_pointer (&complaint->signature_png, g_bytes_unref);
  complaint->signature_png = png;
}

static void
signature_changed_cb (LpSignaturePad *pad,
                      LpStepReview   *self)
{
  lp_form_field_notify_changed (self->signature);
  lp_step_store (LP_STEP (self));
  refresh_preview (self);
}

static void
clear_clicked_cb (GtkButton    *button,
                  LpStepReview *self)
{
  lp_signature_pad_clear (self->pad);
  lp_form_field_set_error (self->signature, NULL);
}

static void
signing_field_changed_cb (LpFormField  *field,
                          LpStepReview *self)
{
  schedule_preview (self);
}

static LpFormField *
build_signature_field (LpStepReview *self)
{
  LpFormField *field = lp_form_field_new (_("Your signature"), "signature.image_png_base64");
  GtkWidget *control = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  lp_form_field_set_optional (field, TRUE);
  lp_form_field_set_hint (field, _("Draw your signature in the white box with a finger or the "
                                   "mouse. You may also leave it empty and sign the printed "
                                   "letter by hand."));
  self->pad = LP_SIGNATURE_PAD (lp_signature_pad_new ());
  self->clear_button = gtk_button_new_with_mnemonic (_("C_lear the signature"));
  gtk_widget_add_css_class (self->clear_button, "lp-secondary-button");
  gtk_widget_set_halign (self->clear_button, GTK_ALIGN_START);
  lp_ui_name_after_label (self->clear_button);
  g_signal_connect (self->pad, "changed", G_CALLBACK (signature_changed_cb), self);
  g_signal_connect (self->clear_button, "clicked", G_CALLBACK (clear_clicked_cb), self);
  gtk_box_append (GTK_BOX (control), GTK_WIDGET (self->pad));
  gtk_box_append (GTK_BOX (control), self->clear_button);
  lp_form_field_set_control (field, control);
  return field;
}

static void
lp_step_review_dispose (GObject *object)
{
  LpStepReview *self = LP_STEP_REVIEW (object);

  g_clear_handle_id (&self->preview_timeout, g_source_remove);
  if (self->render_cancellable != NULL)
    g_cancellable_cancel (self->render_cancellable);
  g_clear_object (&self->render_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (object), LP_TYPE_STEP_REVIEW);
  G_OBJECT_CLASS (lp_step_review_parent_class)->dispose (object);
}

static void
lp_step_review_finalize (GObject *object)
{
  LpStepReview *self = LP_STEP_REVIEW (object);

  g_hash_table_unref (self->change_buttons);
  g_object_unref (self->terms);
  g_ptr_array_unref (self->problem_steps);
  lp_secure_clear_string (&self->answers_text);
  G_OBJECT_CLASS (lp_step_review_parent_class)->finalize (object);
}

static void
lp_step_review_class_init (LpStepReviewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LpStepClass *step_class = LP_STEP_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = lp_step_review_dispose;
  G_OBJECT_CLASS (klass)->finalize = lp_step_review_finalize;
  step_class->load_from_model = lp_step_review_load_from_model;
  step_class->store_to_model = lp_step_review_store_to_model;

  lp_ui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               LP_RESOURCE_PREFIX "lp-step-review.ui");
  gtk_widget_class_bind_template_child (widget_class, LpStepReview, box);
  gtk_widget_class_bind_template_child (widget_class, LpStepReview, groups_box);
  gtk_widget_class_bind_template_child (widget_class, LpStepReview, preview_box);
  gtk_widget_class_bind_template_child (widget_class, LpStepReview, problems_box);
  gtk_widget_class_bind_template_child (widget_class, LpStepReview, problems_heading);
  gtk_widget_class_bind_template_child (widget_class, LpStepReview, problems_section);
  gtk_widget_class_bind_template_child (widget_class, LpStepReview, signing_box);
}

static void
lp_step_review_init (LpStepReview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->terms = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  self->change_buttons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->problem_steps = g_ptr_array_new_with_free_func (g_free);

  self->place = lp_form_field_new (_("Place of signature"), "signature.place");
  lp_form_field_set_hint (self->place, _("The town where you sign the letter. Example: Lyon"));
  self->date = lp_date_field_new (_("Date of signature"), "signature.date");
  self->signature = build_signature_field (self);
  g_signal_connect (self->place, "changed", G_CALLBACK (signing_field_changed_cb), self);
  g_signal_connect (self->date, "changed", G_CALLBACK (signing_field_changed_cb), self);
  gtk_box_append (self->signing_box, GTK_WIDGET (self->place));
  gtk_box_append (self->signing_box, GTK_WIDGET (self->date));
  gtk_box_append (self->signing_box, GTK_WIDGET (self->signature));
  lp_step_add_field (LP_STEP (self), self->place);
  lp_step_add_field (LP_STEP (self), LP_FORM_FIELD (self->date));
  lp_step_add_field (LP_STEP (self), self->signature);

  self->preview = LP_PDF_PREVIEW (lp_pdf_preview_new ());
  gtk_box_append (self->preview_box, GTK_WIDGET (self->preview));
}

/* ---- For tests --------------------------------------------------------------------------- */

LpPdfPreview *
lp_step_review_get_preview (LpStepReview *self)
{
  g_return_val_if_fail (LP_IS_STEP_REVIEW (self), NULL);
  return self->preview;
}

LpSignaturePad *
lp_step_review_get_signature_pad (LpStepReview *self)
{
  g_return_val_if_fail (LP_IS_STEP_REVIEW (self), NULL);
  return self->pad;
}

GtkWidget *
lp_step_review_get_clear_button (LpStepReview *self)
{
  g_return_val_if_fail (LP_IS_STEP_REVIEW (self), NULL);
  return self->clear_button;
}

GtkWidget *
lp_step_review_get_change_button (LpStepReview *self,
                                  const char   *group)
{
  g_return_val_if_fail (LP_IS_STEP_REVIEW (self), NULL);
  return g_hash_table_lookup (self->change_buttons, group);
}

guint
lp_step_review_get_n_problems (LpStepReview *self)
{
  g_return_val_if_fail (LP_IS_STEP_REVIEW (self), 0);
  return self->problem_steps->len;
}

guint
lp_step_review_get_n_errors (LpStepReview *self)
{
  g_return_val_if_fail (LP_IS_STEP_REVIEW (self), 0);
  return self->n_errors;
}

const char *
lp_step_review_get_problem_step (LpStepReview *self,
                                 guint         index)
{
  g_return_val_if_fail (LP_IS_STEP_REVIEW (self), NULL);
  g_return_val_if_fail (index < self->problem_steps->len, NULL);
  return g_ptr_array_index (self->problem_steps, index);
}

char *
lp_step_review_dup_answers_text (LpStepReview *self)
{
  g_return_val_if_fail (LP_IS_STEP_REVIEW (self), NULL);
  return g_strdup (self->answers_text != NULL ? self->answers_text : "");
}
