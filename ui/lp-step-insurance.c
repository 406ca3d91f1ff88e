/* lp-step-insurance.c — step 4: the health insurer, the third-party payment operator,
 * how the person was told, and the two numbers that may help the police
 *
 * Fields: domain.md §1.3 B (insurer, operator, notification) and §1.3 A (NIR). The
 * choices (operators, channels) and the insurer suggestions come from the campaign; the
 * campaign's labels are French, for the letter, so the screen names the known ids in the
 * interface language and falls back to the campaign's label for any other. */
#define G_LOG_DOMAIN "lp-step-insurance"

#include "lp-step-insurance.h"
#include "lp-choice-field.h"
#include "lp-date-field.h"
#include "lp-nir-field.h"
#include "lp-secure.h"
#include "lp-ui.h"

#include <glib/gi18n-lib.h>

struct _LpStepInsurance
{
  LpStep parent_instance;

  /* Template widgets */
  GtkBox        *insurer_box;
  GtkBox        *notified_box;
  GtkBox        *numbers_box;

  /* Borrowed: children of the boxes */
  LpFormField   *insurer;
  LpChoiceField *operator;
  LpFormField   *notified;
  GtkCheckButton *notified_check;
  LpDateField   *notified_on;
  LpChoiceField *channel;
  LpFormField   *member_number;
  LpNirField    *nir;

  /* Owned */
  GtkListStore  *suggestions;
  gboolean       choices_built;
};

G_DEFINE_FINAL_TYPE (LpStepInsurance, lp_step_insurance, LP_TYPE_STEP)

/* ---- choices from the campaign --------------------------------------------------- */

static const char *
operator_label (const LpCampaignChoice *choice)
{
  if (g_str_equal (choice->id, "viamedis"))
    return "Viamedis";
  if (g_str_equal (choice->id, "almerys"))
    return "Almerys";
  if (g_str_equal (choice->id, "unknown"))
    return _("I don’t know");
  return choice->label;
}

static const char *
channel_label (const LpCampaignChoice *choice)
{
  if (g_str_equal (choice->id, "courrier"))
    return _("By post");
  if (g_str_equal (choice->id, "e-mail"))
    return _("By e-mail");
  if (g_str_equal (choice->id, "sms"))
    return _("By text message (SMS)");
  if (g_str_equal (choice->id, "espace-adherent"))
    return _("By a message in my online member account");
  if (g_str_equal (choice->id, "autre"))
    return _("Another way");
  return choice->label;
}

/* The operator ids are fixed by the complaint file contract (architecture.md §3): without a
 * campaign the step still offers them. */
static void
add_operator_choices (LpStepInsurance *self,
                      LpCampaign      *campaign)
{
  static const LpCampaignChoice fallback[] = {
    { (char *) "viamedis", (char *) "Viamedis" },
    { (char *) "almerys", (char *) "Almerys" },
    { (char *) "unknown", (char *) "" },
  };

  if (campaign != NULL && campaign->operators != NULL)
    for (guint i = 0; i < campaign->operators->len; i++)
      {
        const LpCampaignChoice *choice = g_ptr_array_index (campaign->operators, i);

        lp_choice_field_add_choice (self->operator, choice->id, operator_label (choice));
      }
  else
    for (gsize i = 0; i < G_N_ELEMENTS (fallback); i++)
      lp_choice_field_add_choice (self->operator, fallback[i].id, operator_label (&fallback[i]));
}

static void
add_channel_choices (LpStepInsurance *self,
                     LpCampaign      *campaign)
{
  if (campaign != NULL && campaign->notification_channels != NULL)
    for (guint i = 0; i < campaign->notification_channels->len; i++)
      {
        const LpCampaignChoice *choice = g_ptr_array_index (campaign->notification_channels, i);

        lp_choice_field_add_choice (self->channel, choice->id, channel_label (choice));
      }
  /* The channel is optional: "" is a choice one can come back to. */
  lp_choice_field_add_choice (self->channel, "", _("I don’t remember"));
}

/* ---- insurer suggestions ---------------------------------------------------------- */

/* "mut gen" finds "La Mutuelle Générale": each word typed starts a word of the name,
 * accents ignored. */
static gboolean
suggestion_matches (GtkEntryCompletion *completion,
                    const char         *key,
                    GtkTreeIter        *iter,
                    gpointer            user_data)
{
  LpStepInsurance *self = user_data;
  g_autofree char *name = NULL;

  gtk_tree_model_get (GTK_TREE_MODEL (self->suggestions), iter, 0, &name, -1);
  return name != NULL && key != NULL && key[0] != '\0' && g_str_match_string (key, name, TRUE);
}

static void
fill_suggestions (LpStepInsurance *self,
                  LpCampaign      *campaign)
{
  gtk_list_store_clear (self->suggestions);
  for (guint i = 0; campaign != NULL && campaign->insurers != NULL && campaign->insurers[i] != NULL; i++)
    gtk_list_store_insert_with_values (self->suggestions, NULL, -1, 0, campaign->insurers[i], -1);
}

/* GtkEntryCompletion is the GTK 4.8 way (deprecated only from 4.10): arrows move in the
 * list, Enter takes a name, and any other name can be typed. */
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
static void
attach_suggestions (LpStepInsurance *self)
{
  g_autoptr (GtkEntryCompletion) completion = gtk_entry_completion_new ();

  self->suggestions = gtk_list_store_new (1, G_TYPE_STRING);
  gtk_entry_completion_set_model (completion, GTK_TREE_MODEL (self->suggestions));
  gtk_entry_completion_set_text_column (completion, 0);
  gtk_entry_completion_set_minimum_key_length (completion, 1);
  gtk_entry_completion_set_inline_completion (completion, FALSE);
  gtk_entry_completion_set_popup_single_match (completion, TRUE);
  gtk_entry_completion_set_match_func (completion, suggestion_matches, self, NULL);
  gtk_entry_set_completion (lp_form_field_get_entry (self->insurer), completion);
}
G_GNUC_END_IGNORE_DEPRECATIONS

/* ---- the model -------------------------------------------------------------------- */

static void
lp_step_insurance_load_from_model (LpStep            *step,
                                   const LpComplaint *complaint)
{
  LpStepInsurance *self = LP_STEP_INSURANCE (step);
  LpCampaign *campaign = lp_step_get_campaign (step);
  const LpFacts *facts = &complaint->facts;

  if (!self->choices_built)
    {
      add_operator_choices (self, campaign);
      add_channel_choices (self, campaign);
      self->choices_built = TRUE;
    }
  fill_suggestions (self, campaign);

  lp_form_field_set_text (self->insurer, facts->insurer);
  lp_choice_field_set_active (self->operator, facts->operator_id);
  gtk_check_button_set_active (self->notified_check, facts->notified);
  lp_date_field_set_iso (self->notified_on, facts->notified_on);
  lp_choice_field_set_active (self->channel, facts->notification_channel);
  lp_form_field_set_text (self->member_number, facts->member_number);
  lp_nir_field_set_value (self->nir, complaint->complainant.nir);
  lp_form_field_set_label (LP_FORM_FIELD (self->nir),
                           complaint->representative != NULL
                           ? _("Social security number of the person the complaint is for")
                           : _("Social security number"));
}

static void
lp_step_insurance_store_to_model (LpStep      *step,
                                  LpComplaint *complaint)
{
  LpStepInsurance *self = LP_STEP_INSURANCE (step);
  LpFacts *facts = &complaint->facts;
  const char *operator_id = lp_choice_field_get_active (self->operator);
  const char *channel = lp_choice_field_get_active (self->channel);
  g_autoptr (LpSecureString) notified_on = lp_date_field_dup_iso (self->notified_on);

  lp_secure_set_string (&facts->insurer, lp_form_field_get_text (self->insurer));
  lp_secure_set_string (&facts->operator_id, operator_id != NULL ? operator_id : "");
  facts->notified = gtk_check_button_get_active (self->notified_check);
  lp_secure_set_string (&facts->notified_on, notified_on);
  lp_secure_set_string (&facts->notification_channel, channel != NULL ? channel : "");
  lp_secure_set_string (&facts->member_number, lp_form_field_get_text (self->member_number));
  lp_secure_set_string (&complaint->complainant.nir, lp_nir_field_get_value (self->nir));
}

/* ---- construction ----------------------------------------------------------------- */

static void
notified_toggled_cb (LpStepInsurance *self)
{
  lp_form_field_notify_changed (self->notified);
}

static LpFormField *
build_notified (LpStepInsurance *self)
{
  LpFormField *field = lp_form_field_new (_("Did your health insurer or mutuelle tell you that "
                                            "your data were stolen?"),
                                          "facts.notified");
  GtkWidget *check = g_object_new (GTK_TYPE_CHECK_BUTTON,
                                   "label", _("_Yes, I was told that my data were part of this "
                                              "breach"),
                                   "use-underline", TRUE,
                                   NULL);

  lp_form_field_set_hint (field,
                          _("This letter is for people who were told, by letter, e-mail, text "
                            "message or in their online account. If you were not told, you can "
                            "still file a complaint at a police station or a gendarmerie, or ask "
                            "17Cyber (17cyber.gouv.fr) for advice."));
  gtk_check_button_set_use_underline (GTK_CHECK_BUTTON (check), TRUE);
  gtk_widget_add_css_class (check, "lp-choice");
  self->notified_check = GTK_CHECK_BUTTON (check);
  g_signal_connect_swapped (check, "toggled", G_CALLBACK (notified_toggled_cb), self);
  lp_form_field_set_control (field, check);
  return field;
}

static void
add_field (LpStepInsurance *self,
           GtkBox          *box,
           LpFormField     *field)
{
  gtk_box_append (box, GTK_WIDGET (field));
  lp_step_add_field (LP_STEP (self), field);
}

static void
lp_step_insurance_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LP_TYPE_STEP_INSURANCE);
  G_OBJECT_CLASS (lp_step_insurance_parent_class)->dispose (object);
}

static void
lp_step_insurance_finalize (GObject *object)
{
  g_clear_object (&LP_STEP_INSURANCE (object)->suggestions);
  G_OBJECT_CLASS (lp_step_insurance_parent_class)->finalize (object);
}

static void
lp_step_insurance_class_init (LpStepInsuranceClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LpStepClass *step_class = LP_STEP_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = lp_step_insurance_dispose;
  G_OBJECT_CLASS (klass)->finalize = lp_step_insurance_finalize;
  step_class->load_from_model = lp_step_insurance_load_from_model;
  step_class->store_to_model = lp_step_insurance_store_to_model;

  lp_ui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               LP_RESOURCE_PREFIX "lp-step-insurance.ui");
  gtk_widget_class_bind_template_child (widget_class, LpStepInsurance, insurer_box);
  gtk_widget_class_bind_template_child (widget_class, LpStepInsurance, notified_box);
  gtk_widget_class_bind_template_child (widget_class, LpStepInsurance, numbers_box);
}

static void
lp_step_insurance_init (LpStepInsurance *self)
{
  GtkEntry *entry;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->insurer = lp_form_field_new (_("Name of your health insurer or mutuelle"),
                                     "facts.insurer");
  lp_form_field_set_hint (self->insurer,
                          _("Example: MGEN. Names appear as you type; you may also type a name "
                            "that is not in the list."));
  entry = lp_form_field_get_entry (self->insurer);
  gtk_entry_set_input_hints (entry, GTK_INPUT_HINT_NO_SPELLCHECK);
  attach_suggestions (self);
  add_field (self, self->insurer_box, self->insurer);

  self->operator = lp_choice_field_new (_("Which company handles your third-party payment "
                                          "(tiers payant)?"),
                                        "facts.operator");
  lp_form_field_set_hint (LP_FORM_FIELD (self->operator),
                          _("It is written on your mutuelle card (carte de tiers payant). If you "
                            "are not sure, choose “I don’t know”."));
  lp_form_field_set_optional (LP_FORM_FIELD (self->operator), TRUE);
  add_field (self, self->insurer_box, LP_FORM_FIELD (self->operator));

  self->notified = build_notified (self);
  add_field (self, self->notified_box, self->notified);

  self->notified_on = lp_date_field_new (_("When did they tell you?"), "facts.notified_on");
  lp_form_field_set_hint (LP_FORM_FIELD (self->notified_on),
                          _("An approximate date is fine."));
  lp_form_field_set_optional (LP_FORM_FIELD (self->notified_on), TRUE);
  add_field (self, self->notified_box, LP_FORM_FIELD (self->notified_on));

  self->channel = lp_choice_field_new (_("How did they tell you?"), "facts.notification_channel");
  lp_form_field_set_optional (LP_FORM_FIELD (self->channel), TRUE);
  add_field (self, self->notified_box, LP_FORM_FIELD (self->channel));

  self->member_number = lp_form_field_new (_("Member number"), "facts.member_number");
  lp_form_field_set_hint (self->member_number,
                          _("It is on your mutuelle card, often as “N° adhérent”."));
  lp_form_field_set_optional (self->member_number, TRUE);
  entry = lp_form_field_get_entry (self->member_number);
  gtk_entry_set_input_hints (entry, GTK_INPUT_HINT_NO_SPELLCHECK);
  gtk_widget_set_hexpand (GTK_WIDGET (entry), FALSE);
  gtk_widget_set_halign (GTK_WIDGET (entry), GTK_ALIGN_START);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 24);
  add_field (self, self->numbers_box, self->member_number);

  self->nir = lp_nir_field_new (_("Social security number"), "complainant.nir");
  lp_form_field_set_hint (LP_FORM_FIELD (self->nir),
                          _("Expected format: 15 characters, as on your carte Vitale, with or "
                            "without spaces."));
  lp_form_field_set_optional (LP_FORM_FIELD (self->nir), TRUE);
  add_field (self, self->numbers_box, LP_FORM_FIELD (self->nir));
}
