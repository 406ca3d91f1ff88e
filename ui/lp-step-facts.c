/* lp-step-facts.c — step 5: what happened since the breach (the campaign's consequence
 * check boxes), the person's own words, and the harm: a description and an amount
 *
 * Fields: domain.md §1.3 B ("Consequences suffered since", "Récit des faits",
 * "Préjudice"). The campaign's consequence labels are French, for the letter: the screen
 * names the known ids in the interface language and falls back to the campaign's label. */
#define G_LOG_DOMAIN "lp-step-facts"

#include "lp-step-facts.h"
#include "lp-secure.h"
#include "lp-text-area-field.h"
#include "lp-ui.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#define NONE_YET_ID LP_CONSEQUENCE_NONE_YET
#define CONSEQUENCE_ID_KEY "lp-consequence-id"

struct _LpStepFacts
{
  LpStep parent_instance;

  /* Template widgets */
  GtkBox          *events_box;
  GtkBox          *prejudice_box;

  /* Borrowed: children of the boxes */
  LpFormField     *consequences;
  GtkBox          *consequence_box;   /* the check buttons, in campaign order */
  LpTextAreaField *account;
  LpTextAreaField *prejudice;
  LpFormField     *amount;

  gboolean         consequences_built;
  gboolean         syncing;           /* unticking "none yet" or the others */
};

G_DEFINE_FINAL_TYPE (LpStepFacts, lp_step_facts, LP_TYPE_STEP)

/* ---- the amount ------------------------------------------------------------------- */

static gboolean
is_group_space (gunichar c)
{
  /* space, no-break space, narrow no-break space, thin space: "1 234,56" */
  return c == ' ' || c == 0x00A0 || c == 0x202F || c == 0x2009;
}

gboolean
lp_step_facts_parse_amount (const char *text,
                            gint64     *cents)
{
  gint64 euros = 0, fraction = 0;
  guint int_digits = 0, frac_digits = 0;
  gboolean negative = FALSE, in_fraction = FALSE, seen_euro = FALSE;
  gunichar previous = 0;

  g_return_val_if_fail (cents != NULL, FALSE);
  *cents = 0;
  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_group_space (c) || c == '\t')
        {
          /* Spaces group thousands, or surround the number and the euro sign. */
        }
      else if (seen_euro)
        return FALSE;
      else if ((c == '-' || c == '+') && int_digits == 0 && !in_fraction && !negative)
        negative = c == '-';
      else if (c >= '0' && c <= '9' && !in_fraction)
        {
          /* 15 digits of euros: beyond, no amount a person lost (the core caps far lower). */
          if (++int_digits > 15)
            return FALSE;
          euros = euros * 10 + (c - '0');
        }
      else if (c >= '0' && c <= '9')
        {
          if (++frac_digits > 2 || is_group_space (previous))
            return FALSE;
          fraction = fraction * 10 + (c - '0');
        }
      else if ((c == ',' || c == '.') && !in_fraction && int_digits > 0)
        in_fraction = TRUE;
      else if (c == 0x20AC && int_digits > 0)   /* € */
        seen_euro = TRUE;
      else
        return FALSE;
      previous = c;
    }
  if (int_digits == 0)
    return FALSE;
  if (frac_digits == 1)
    fraction *= 10;
  *cents = (euros * 100 + fraction) * (negative ? -1 : 1);
  return TRUE;
}

/* "1234,56": what the screen shows for an amount that came from the model (a complaint
 * file), in the French way the letter writes it. */
static char *
format_cents (gint64 cents)
{
  gint64 whole = cents / 100, part = ABS (cents % 100);

  if (part == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT, whole);
  return g_strdup_printf ("%s%" G_GINT64_FORMAT ",%02" G_GINT64_FORMAT,
                          cents < 0 && whole == 0 ? "-" : "", whole, part);
}

static gboolean
amount_text_is_unreadable (LpStepFacts *self)
{
  const char *text = lp_form_field_get_text (self->amount);
  gint64 cents;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return !lp_step_facts_parse_amount (text, &cents);
  return FALSE;   /* empty: no amount, which is fine */
}

/* ---- the consequences ------------------------------------------------------------- */

static const char *
consequence_label (const LpCampaignChoice *choice)
{
  static const struct { const char *id; const char *label; } known[] = {
    { "phishing-sms", N_("Fraudulent text messages (phishing) claiming to come from the "
                         "Assurance maladie, my mutuelle or another body") },
    { "phishing-email", N_("Fraudulent e-mails (phishing) claiming to come from the "
                           "Assurance maladie, my mutuelle or another body") },
    { "phishing-call", N_("Fraudulent phone calls claiming to come from the Assurance "
                          "maladie, my mutuelle or another body") },
    { "fake-bank-adviser", N_("A call from a fake bank adviser") },
    { "fraudulent-payment", N_("Fraudulent payments or direct debits on my accounts") },
    { "identity-theft", N_("Someone used my identity (an account, a loan or a contract "
                           "opened in my name)") },
    { NONE_YET_ID, N_("Nothing so far") },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (known); i++)
    if (g_str_equal (choice->id, known[i].id))
      return _(known[i].label);
  return choice->label;
}

/* "Nothing so far" and the others exclude each other: ticking one unticks the other side,
 * so that the letter never says both. */
static void
consequence_toggled_cb (GtkCheckButton *button,
                        LpStepFacts    *self)
{
  const char *id = g_object_get_data (G_OBJECT (button), CONSEQUENCE_ID_KEY);
  gboolean none_yet = g_strcmp0 (id, NONE_YET_ID) == 0;

  if (self->syncing)
    return;
  if (gtk_check_button_get_active (button))
    {
      self->syncing = TRUE;
      for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->consequence_box));
           child != NULL; child = gtk_widget_get_next_sibling (child))
        {
          const char *other = g_object_get_data (G_OBJECT (child), CONSEQUENCE_ID_KEY);

          if (child != GTK_WIDGET (button) && (none_yet || g_strcmp0 (other, NONE_YET_ID) == 0))
            gtk_check_button_set_active (GTK_CHECK_BUTTON (child), FALSE);
        }
      self->syncing = FALSE;
    }
  lp_form_field_notify_changed (self->consequences);
}

static void
add_consequence (LpStepFacts *self,
                 const char  *id,
                 const char  *text)
{
  GtkWidget *button = gtk_check_button_new ();
  GtkWidget *label = gtk_label_new (text);

  /* A wrapping label: the longest choices do not fit a line at 200 % text. */
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD);
  /* A wrapping label asks for little width; this lets it take the line it needs. */
  gtk_label_set_max_width_chars (GTK_LABEL (label), 80);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_check_button_set_child (GTK_CHECK_BUTTON (button), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  gtk_widget_add_css_class (button, "lp-choice");
  g_object_set_data_full (G_OBJECT (button), CONSEQUENCE_ID_KEY, g_strdup (id), g_free);
  g_signal_connect (button, "toggled", G_CALLBACK (consequence_toggled_cb), self);
  gtk_box_append (self->consequence_box, button);
}

static void
build_consequences (LpStepFacts *self,
                    LpCampaign  *campaign)
{
  for (guint i = 0; campaign != NULL && campaign->consequences != NULL
                    && i < campaign->consequences->len; i++)
    {
      const LpCampaignChoice *choice = g_ptr_array_index (campaign->consequences, i);

      add_consequence (self, choice->id, consequence_label (choice));
    }
  /* Without a campaign there is nothing to tick: the question goes away. */
  gtk_widget_set_visible (GTK_WIDGET (self->consequences),
                          gtk_widget_get_first_child (GTK_WIDGET (self->consequence_box)) != NULL);
}

static gboolean
strings_contain (GPtrArray  *strings,
                 const char *id)
{
  for (guint i = 0; strings != NULL && i < strings->len; i++)
    if (g_strcmp0 (g_ptr_array_index (strings, i), id) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
shows_consequence (LpStepFacts *self,
                   const char  *id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->consequence_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (child), CONSEQUENCE_ID_KEY), id) == 0)
      return TRUE;
  return FALSE;
}

/* ---- the model -------------------------------------------------------------------- */

static void
load_amount (LpStepFacts   *self,
             const LpFacts *facts)
{
  gint64 shown;
  g_autofree char *text = NULL;

  /* What the person typed stays as typed ("1 234,56 €") while it says the same amount; an
   * unreadable amount stays too, with its message, until they fix it. */
  if (facts->has_amount)
    {
      if (lp_step_facts_parse_amount (lp_form_field_get_text (self->amount), &shown)
          && shown == facts->amount_cents)
        return;
      text = format_cents (facts->amount_cents);
      lp_form_field_set_text (self->amount, text);
    }
  else if (!amount_text_is_unreadable (self))
    lp_form_field_set_text (self->amount, "");
}

static void
lp_step_facts_load_from_model (LpStep            *step,
                               const LpComplaint *complaint)
{
  LpStepFacts *self = LP_STEP_FACTS (step);
  const LpFacts *facts = &complaint->facts;

  if (!self->consequences_built)
    {
      build_consequences (self, lp_step_get_campaign (step));
      self->consequences_built = TRUE;
    }
  self->syncing = TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->consequence_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    gtk_check_button_set_active (GTK_CHECK_BUTTON (child),
                                 strings_contain (facts->consequences,
                                                  g_object_get_data (G_OBJECT (child),
                                                                     CONSEQUENCE_ID_KEY)));
  self->syncing = FALSE;

  lp_text_area_field_set_text (self->account, facts->account);
  lp_text_area_field_set_text (self->prejudice, facts->prejudice_description);
  load_amount (self, facts);
}

static void
store_text_area (LpTextAreaField *field,
                 char           **target)
{
  char *text = lp_text_area_field_dup_text (field);

  lp_secure_set_string (target, text);
  lp_secure_free_string (text);
}

static void
lp_step_facts_store_to_model (LpStep      *step,
                              LpComplaint *complaint)
{
  LpStepFacts *self = LP_STEP_FACTS (step);
  LpFacts *facts = &complaint->facts;
  gint64 cents = 0;

  /* Only the ids the screen shows are replaced: one from a complaint file that this
   * campaign does not list stays, and the core validator names it. */
  if (self->consequences_built
      && gtk_widget_get_first_child (GTK_WIDGET (self->consequence_box)) != NULL)
    {
      for (guint i = facts->consequences->len; i > 0; i--)
        if (shows_consequence (self, g_ptr_array_index (facts->consequences, i - 1)))
          g_ptr_array_remove_index (facts->consequences, i - 1);
      for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->consequence_box));
           child != NULL; child = gtk_widget_get_next_sibling (child))
        if (gtk_check_button_get_active (GTK_CHECK_BUTTON (child)))
          g_ptr_array_add (facts->consequences,
                           g_strdup (g_object_get_data (G_OBJECT (child), CONSEQUENCE_ID_KEY)));
    }

  store_text_area (self->account, &facts->account);
  store_text_area (self->prejudice, &facts->prejudice_description);
  facts->has_amount = lp_step_facts_parse_amount (lp_form_field_get_text (self->amount), &cents);
  facts->amount_cents = facts->has_amount ? cents : 0;
}

/* The one check the core cannot make: the model holds an amount in cents, so text that
 * is not an amount never reaches it. Everything else is lp_validate_complaint()'s. */
static void
lp_step_facts_collect_issues (LpStep            *step,
                              const LpComplaint *complaint,
                              LpIssueList       *issues)
{
  LpStepFacts *self = LP_STEP_FACTS (step);

  LP_STEP_CLASS (lp_step_facts_parent_class)->collect_issues (step, complaint, issues);
  if (amount_text_is_unreadable (self))
    lp_issue_list_add (issues, LP_SEVERITY_ERROR, "facts.prejudice.amount_eur",
                       _("Amount of the loss: type a number of euros, for example 150 or "
                         "1 234,56, or leave it empty."));
}

/* ---- construction ----------------------------------------------------------------- */

static void
add_field (LpStepFacts *self,
           GtkBox      *box,
           LpFormField *field)
{
  gtk_box_append (box, GTK_WIDGET (field));
  lp_step_add_field (LP_STEP (self), field);
}

static void
lp_step_facts_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LP_TYPE_STEP_FACTS);
  G_OBJECT_CLASS (lp_step_facts_parent_class)->dispose (object);
}

/* The step starts on its first question, the first consequence, whichever of the check
 * buttons the box would pick by itself. */
static gboolean
lp_step_facts_focus_first (LpStep *step)
{
  LpStepFacts *self = LP_STEP_FACTS (step);
  GtkWidget *first = gtk_widget_get_first_child (GTK_WIDGET (self->consequence_box));

  if (first != NULL && gtk_widget_get_visible (GTK_WIDGET (self->consequences)))
    return gtk_widget_grab_focus (first);
  return LP_STEP_CLASS (lp_step_facts_parent_class)->focus_first (step);
}

static void
lp_step_facts_class_init (LpStepFactsClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LpStepClass *step_class = LP_STEP_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = lp_step_facts_dispose;
  step_class->load_from_model = lp_step_facts_load_from_model;
  step_class->store_to_model = lp_step_facts_store_to_model;
  step_class->collect_issues = lp_step_facts_collect_issues;
  step_class->focus_first = lp_step_facts_focus_first;

  lp_ui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               LP_RESOURCE_PREFIX "lp-step-facts.ui");
  gtk_widget_class_bind_template_child (widget_class, LpStepFacts, events_box);
  gtk_widget_class_bind_template_child (widget_class, LpStepFacts, prejudice_box);
}

static void
lp_step_facts_init (LpStepFacts *self)
{
  GtkEntry *entry;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->consequences = lp_form_field_new (_("Since you were told, has any of this happened "
                                            "to you?"),
                                          "facts.consequences");
  lp_form_field_set_hint (self->consequences, _("Tick every line that applies."));
  lp_form_field_set_optional (self->consequences, TRUE);
  /* A named group, as a fieldset: each box keeps its own name. */
  self->consequence_box = g_object_new (GTK_TYPE_BOX,
                                        "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP,
                                        "orientation", GTK_ORIENTATION_VERTICAL,
                                        "spacing", 4,
                                        NULL);
  lp_form_field_set_control (self->consequences, GTK_WIDGET (self->consequence_box));
  add_field (self, self->events_box, self->consequences);

  self->account = lp_text_area_field_new (_("In your own words, what happened?"),
                                          "facts.account", 6);
  lp_form_field_set_hint (LP_FORM_FIELD (self->account),
                          _("For example: the messages or calls you received, when, and what "
                            "you did. The letter already says that your insurer told you about "
                            "the breach."));
  lp_form_field_set_optional (LP_FORM_FIELD (self->account), TRUE);
  add_field (self, self->events_box, LP_FORM_FIELD (self->account));

  self->prejudice = lp_text_area_field_new (_("How has this affected you?"),
                                            "facts.prejudice.description", 4);
  lp_form_field_set_hint (LP_FORM_FIELD (self->prejudice),
                          _("For example: worry, time spent on calls and letters, money lost."));
  lp_form_field_set_optional (LP_FORM_FIELD (self->prejudice), TRUE);
  add_field (self, self->prejudice_box, LP_FORM_FIELD (self->prejudice));

  self->amount = lp_form_field_new (_("Money lost, in euros"), "facts.prejudice.amount_eur");
  lp_form_field_set_hint (self->amount,
                          _("Only if you lost money. Example: 1 234,56"));
  lp_form_field_set_optional (self->amount, TRUE);
  entry = lp_form_field_get_entry (self->amount);
  gtk_entry_set_input_purpose (entry, GTK_INPUT_PURPOSE_NUMBER);
  gtk_widget_set_hexpand (GTK_WIDGET (entry), FALSE);
  gtk_widget_set_halign (GTK_WIDGET (entry), GTK_ALIGN_START);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 16);
  add_field (self, self->prejudice_box, self->amount);
}
