/* lp-person-form.c — see lp-person-form.h */
#define G_LOG_DOMAIN "lp-person-form"

#include "lp-person-form.h"
#include "lp-choice-field.h"
#include "lp-date-field.h"
#include "lp-given-names.h"
#include "lp-secure.h"
#include "lp-validate.h"

#include <glib/gi18n-lib.h>

/* The relationships offered as buttons; anything else is typed under "Other". These are
 * the model's values (French: they go into the letter as they are). */
static const char * const known_qualities[] = { "mère", "père", "tuteur", NULL };

struct _LpPersonForm
{
  GtkWidget parent_instance;

  LpPersonFormPart part;
  char            *prefix;
  gboolean         representative;
  GPtrArray       *fields;          /* LpFormField*, visual order, borrowed */

  /* Identity */
  LpChoiceField   *civility;
  LpFormField     *birth_name;
  LpFormField     *usage_name;
  LpGivenNames    *given_names;
  LpDateField     *birth_date;
  LpChoiceField   *born_where;
  LpFormField     *birth_commune;
  LpFormField     *birth_department;
  LpFormField     *birth_country;
  LpFormField     *nationality;
  LpFormField     *profession;
  LpChoiceField   *quality;
  LpFormField     *quality_other;

  /* Contact */
  LpFormField     *street;
  LpFormField     *complement;
  LpFormField     *postal_code;
  LpFormField     *city;
  LpFormField     *country;
  LpFormField     *phone;
  LpFormField     *email;
};

G_DEFINE_FINAL_TYPE (LpPersonForm, lp_person_form, GTK_TYPE_WIDGET)

static char *
path_for (LpPersonForm *self,
          const char   *field)
{
  return g_strconcat (self->prefix, ".", field, NULL);
}

static LpFormField *
append (LpPersonForm *self,
        LpFormField  *field)
{
  gtk_widget_set_parent (GTK_WIDGET (field), GTK_WIDGET (self));
  g_ptr_array_add (self->fields, field);
  return field;
}

static LpFormField *
add_entry (LpPersonForm    *self,
           const char      *name,
           const char      *label,
           const char      *hint,
           gboolean         optional,
           GtkInputPurpose  purpose)
{
  g_autofree char *path = path_for (self, name);
  LpFormField *field = lp_form_field_new (label, path);

  lp_form_field_set_hint (field, hint);
  lp_form_field_set_optional (field, optional);
  gtk_entry_set_input_purpose (lp_form_field_get_entry (field), purpose);
  return append (self, field);
}

static void
update_birth_place (LpPersonForm *self)
{
  gboolean abroad = g_strcmp0 (lp_choice_field_get_active (self->born_where), "abroad") == 0;

  gtk_widget_set_visible (GTK_WIDGET (self->birth_department), !abroad);
  gtk_widget_set_visible (GTK_WIDGET (self->birth_country), abroad);
  /* The core requires the commune only for a birth in France. */
  lp_form_field_set_optional (self->birth_commune, abroad || self->representative);
  lp_form_field_set_label (self->birth_commune,
                           abroad ? _("Town of birth") : _("Commune of birth"));
}

static void
update_quality (LpPersonForm *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->quality_other),
                          g_strcmp0 (lp_choice_field_get_active (self->quality), "other") == 0);
}

static void
build_identity (LpPersonForm *self)
{
  g_autofree char *civility_path = path_for (self, "civility");
  g_autofree char *given_path = path_for (self, "given_names");
  g_autofree char *date_path = path_for (self, "birth_date");
  /* A UI-only path: whether the birth was abroad is told by the country in the model. */
  g_autofree char *where_path = path_for (self, "born_where");
  g_autofree char *quality_path = path_for (self, "quality");

  if (self->representative)
    {
      /* Translators: question about the legal representative (DSFR "qualité") */
      self->quality = lp_choice_field_new (_("You are the complainant’s"), quality_path);
      /* Translators: a relationship; the letter says "mère" */
      lp_choice_field_add_choice (self->quality, "mère", _("_Mother"));
      /* Translators: a relationship; the letter says "père" */
      lp_choice_field_add_choice (self->quality, "père", _("_Father"));
      /* Translators: a relationship; the letter says "tuteur" (legal guardian) */
      lp_choice_field_add_choice (self->quality, "tuteur", _("Legal _guardian"));
      lp_choice_field_add_choice (self->quality, "other", _("_Other"));
      append (self, LP_FORM_FIELD (self->quality));
      g_signal_connect_swapped (self->quality, "changed", G_CALLBACK (update_quality), self);
      self->quality_other = lp_form_field_new (_("Your relationship to the complainant"),
                                               quality_path);
      lp_form_field_set_hint (self->quality_other,
                              _("In French, as it will appear in the letter. Example: curatrice"));
      append (self, self->quality_other);
    }

  /* Translators: DSFR "Civilité" */
  self->civility = lp_choice_field_new (_("Civility"), civility_path);
  /* Translators: the civility "Madame" */
  lp_choice_field_add_choice (self->civility, "madame", _("Madame"));
  /* Translators: the civility "Monsieur" */
  lp_choice_field_add_choice (self->civility, "monsieur", _("Monsieur"));
  /* Translators: DSFR "Sans réponse": the person prefers not to say */
  lp_choice_field_add_choice (self->civility, "", _("No answer"));
  lp_choice_field_set_horizontal (self->civility, TRUE);
  lp_form_field_set_optional (LP_FORM_FIELD (self->civility), TRUE);
  append (self, LP_FORM_FIELD (self->civility));

  self->birth_name = add_entry (self, "birth_name", _("Birth name"),
                                _("The family name given at birth, as on the birth certificate."),
                                FALSE, GTK_INPUT_PURPOSE_NAME);
  self->usage_name = add_entry (self, "usage_name", _("Usage name"),
                                _("For example a married name."), TRUE, GTK_INPUT_PURPOSE_NAME);
  self->given_names = lp_given_names_new (given_path);
  append (self, LP_FORM_FIELD (self->given_names));

  self->birth_date = lp_date_field_new (_("Date of birth"), date_path);
  lp_form_field_set_optional (LP_FORM_FIELD (self->birth_date), self->representative);
  append (self, LP_FORM_FIELD (self->birth_date));

  self->born_where = lp_choice_field_new (_("Place of birth"), where_path);
  lp_choice_field_add_choice (self->born_where, "france", _("In _France (overseas included)"));
  lp_choice_field_add_choice (self->born_where, "abroad", _("_Abroad"));
  lp_form_field_set_optional (LP_FORM_FIELD (self->born_where), self->representative);
  append (self, LP_FORM_FIELD (self->born_where));
  g_signal_connect_swapped (self->born_where, "changed", G_CALLBACK (update_birth_place), self);

  self->birth_commune = add_entry (self, "birth_place.commune", _("Commune of birth"),
                                   _("Example: Montpellier"), FALSE, GTK_INPUT_PURPOSE_FREE_FORM);
  self->birth_department = add_entry (self, "birth_place.department", _("Department of birth"),
                                      _("The number of the department at the time of the birth. "
                                        "Example: 69, 2A or 971"),
                                      self->representative, GTK_INPUT_PURPOSE_FREE_FORM);
  self->birth_country = add_entry (self, "birth_place.country", _("Country of birth"),
                                   _("In French, as it will appear in the letter. Example: Algérie"), FALSE, GTK_INPUT_PURPOSE_FREE_FORM);
  lp_form_field_set_optional (self->birth_country, self->representative);

  self->nationality = add_entry (self, "nationality", _("Nationality"), _("In French, as it will appear in the letter. Example: française"),
                                 TRUE, GTK_INPUT_PURPOSE_FREE_FORM);
  self->profession = add_entry (self, "profession", _("Profession"),
                                _("In French, as it will appear in the letter. Example: infirmière retraitée"), TRUE, GTK_INPUT_PURPOSE_FREE_FORM);
  lp_choice_field_set_active (self->born_where, "france");
  update_birth_place (self);
}

static void
update_postal_hint (LpPersonForm *self)
{
  /* Which countries use French postal codes is the core's knowledge. */
  if (lp_country_is_france (lp_form_field_get_text (self->country)))
    /* Translators: DSFR "Format attendu : 5 chiffres" */
    lp_form_field_set_hint (self->postal_code, _("Expected format: 5 digits"));
  else
    lp_form_field_set_hint (self->postal_code, _("The postal code, as written in this country"));
}

static void
build_contact (LpPersonForm *self)
{
  GtkEntry *entry;

  self->street = add_entry (self, "address.street", _("Address"),
                            /* Translators: DSFR "Indication : Numéro et voie" */
                            _("Number and street"), FALSE, GTK_INPUT_PURPOSE_FREE_FORM);
  self->complement = add_entry (self, "address.complement", _("Address complement"),
                                /* Translators: DSFR "Bâtiment, immeuble, escalier et numéro
                                 * d'appartement" */
                                _("Building, staircase, flat number"), TRUE,
                                GTK_INPUT_PURPOSE_FREE_FORM);
  self->postal_code = add_entry (self, "address.postal_code", _("Postal code"), NULL, FALSE,
                                 GTK_INPUT_PURPOSE_FREE_FORM);
  entry = lp_form_field_get_entry (self->postal_code);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 10);
  gtk_widget_set_hexpand (GTK_WIDGET (entry), FALSE);
  gtk_widget_set_halign (GTK_WIDGET (entry), GTK_ALIGN_START);
  self->city = add_entry (self, "address.city", _("Town or city"),
                          /* Translators: DSFR "Exemple : Montpellier" */
                          _("Example: Montpellier"), FALSE, GTK_INPUT_PURPOSE_FREE_FORM);
  self->country = add_entry (self, "address.country", _("Country"),
                             _("Example: France. Another country is fine."), FALSE,
                             GTK_INPUT_PURPOSE_FREE_FORM);
  g_signal_connect_swapped (self->country, "notify::text", G_CALLBACK (update_postal_hint), self);

  self->phone = add_entry (self, "phone", _("Phone number"),
                           _("Example: 06 12 34 56 78, or +33 6 12 34 56 78 from abroad"), FALSE,
                           GTK_INPUT_PURPOSE_PHONE);
  self->email = add_entry (self, "email", _("E-mail address"),
                           _("Example: name@example.com"), TRUE, GTK_INPUT_PURPOSE_EMAIL);
  update_postal_hint (self);
}

static void
lp_person_form_dispose (GObject *object)
{
  LpPersonForm *self = LP_PERSON_FORM (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (lp_person_form_parent_class)->dispose (object);
}

static void
lp_person_form_finalize (GObject *object)
{
  LpPersonForm *self = LP_PERSON_FORM (object);

  g_free (self->prefix);
  g_ptr_array_unref (self->fields);
  G_OBJECT_CLASS (lp_person_form_parent_class)->finalize (object);
}

static void
lp_person_form_class_init (LpPersonFormClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = lp_person_form_dispose;
  G_OBJECT_CLASS (klass)->finalize = lp_person_form_finalize;
  gtk_widget_class_set_css_name (widget_class, "lppersonform");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
lp_person_form_init (LpPersonForm *self)
{
  GtkLayoutManager *layout = gtk_box_layout_new (GTK_ORIENTATION_VERTICAL);

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 28);
  gtk_widget_set_layout_manager (GTK_WIDGET (self), layout);
  self->fields = g_ptr_array_new ();
}

LpPersonForm *
lp_person_form_new (LpPersonFormPart part,
                    const char      *prefix)
{
  LpPersonForm *self;

  g_return_val_if_fail (prefix != NULL, NULL);

  self = g_object_new (LP_TYPE_PERSON_FORM, NULL);
  self->part = part;
  self->prefix = g_strdup (prefix);
  self->representative = g_str_equal (prefix, "representative");
  if (part == LP_PERSON_FORM_IDENTITY)
    build_identity (self);
  else
    build_contact (self);
  return self;
}

void
lp_person_form_add_to_step (LpPersonForm *self,
                            LpStep       *step)
{
  g_return_if_fail (LP_IS_PERSON_FORM (self));
  g_return_if_fail (LP_IS_STEP (step));

  for (guint i = 0; i < self->fields->len; i++)
    lp_step_add_field (step, g_ptr_array_index (self->fields, i));
  if (self->given_names != NULL)
    {
      g_autofree char *none_path = path_for (self, "no_given_name");
      g_autofree char *place_path = path_for (self, "birth_place");

      lp_step_bind_path (step, LP_FORM_FIELD (self->given_names), none_path);
      /* "Place of birth: type the commune…" (nothing typed) goes where one types. */
      lp_step_bind_path (step, self->birth_commune, place_path);
    }
}

LpFormField *
lp_person_form_get_field (LpPersonForm *self,
                          const char   *path)
{
  g_return_val_if_fail (LP_IS_PERSON_FORM (self), NULL);
  for (guint i = 0; i < self->fields->len; i++)
    if (g_strcmp0 (lp_form_field_get_path (g_ptr_array_index (self->fields, i)), path) == 0)
      return g_ptr_array_index (self->fields, i);
  return NULL;
}

void
lp_person_form_set_phone_optional (LpPersonForm *self,
                                   gboolean      optional)
{
  g_return_if_fail (LP_IS_PERSON_FORM (self));
  if (self->phone != NULL)
    lp_form_field_set_optional (self->phone, optional);
}

static void
load_identity (LpPersonForm   *self,
               const LpPerson *person)
{
  gboolean abroad = person->birth_place.country[0] != '\0'
                    && !lp_country_is_france (person->birth_place.country);

  lp_choice_field_set_active (self->civility, person->civility);
  lp_form_field_set_text (self->birth_name, person->birth_name);
  lp_form_field_set_text (self->usage_name, person->usage_name);
  lp_given_names_set (self->given_names, person->given_names, person->no_given_name);
  lp_date_field_set_iso (self->birth_date, person->birth_date);
  lp_choice_field_set_active (self->born_where, abroad ? "abroad" : "france");
  lp_form_field_set_text (self->birth_commune, person->birth_place.commune);
  lp_form_field_set_text (self->birth_department, person->birth_place.department);
  lp_form_field_set_text (self->birth_country, abroad ? person->birth_place.country : "");
  lp_form_field_set_text (self->nationality, person->nationality);
  lp_form_field_set_text (self->profession, person->profession);
  update_birth_place (self);

  if (self->quality != NULL)
    {
      gboolean known = g_strv_contains (known_qualities, person->quality);

      lp_choice_field_set_active (self->quality,
                                  known ? person->quality
                                        : person->quality[0] != '\0' ? "other" : NULL);
      lp_form_field_set_text (self->quality_other, known ? "" : person->quality);
      update_quality (self);
    }
}

static void
store_identity (LpPersonForm *self,
                LpPerson     *person)
{
  gboolean abroad = g_strcmp0 (lp_choice_field_get_active (self->born_where), "abroad") == 0;
  const char *civility = lp_choice_field_get_active (self->civility);
  g_autoptr (LpSecureString) birth_date = lp_date_field_dup_iso (self->birth_date);

  lp_secure_set_string (&person->civility, civility != NULL ? civility : "");
  lp_secure_set_string (&person->birth_name, lp_form_field_get_text (self->birth_name));
  lp_secure_set_string (&person->usage_name, lp_form_field_get_text (self->usage_name));
  lp_given_names_get (self->given_names, person->given_names, &person->no_given_name);
  lp_secure_set_string (&person->birth_date, birth_date);
  lp_secure_set_string (&person->birth_place.commune, lp_form_field_get_text (self->birth_commune));
  if (abroad)
    {
      lp_secure_set_string (&person->birth_place.department, "");
      lp_secure_set_string (&person->birth_place.country,
                            lp_form_field_get_text (self->birth_country));
    }
  else
    {
      gboolean empty = lp_form_field_get_text (self->birth_commune)[0] == '\0'
                       && lp_form_field_get_text (self->birth_department)[0] == '\0';

      lp_secure_set_string (&person->birth_place.department,
                            lp_form_field_get_text (self->birth_department));
      /* Nothing typed stays nothing: "France" alone would hide the missing commune. */
      lp_secure_set_string (&person->birth_place.country, empty ? "" : "France");
    }
  lp_secure_set_string (&person->nationality, lp_form_field_get_text (self->nationality));
  lp_secure_set_string (&person->profession, lp_form_field_get_text (self->profession));

  if (self->quality != NULL)
    {
      const char *quality = lp_choice_field_get_active (self->quality);

      if (g_strcmp0 (quality, "other") == 0)
        quality = lp_form_field_get_text (self->quality_other);
      lp_secure_set_string (&person->quality, quality != NULL ? quality : "");
    }
}

static void
load_contact (LpPersonForm   *self,
              const LpPerson *person)
{
  lp_form_field_set_text (self->street, person->address.street);
  lp_form_field_set_text (self->complement, person->address.complement);
  lp_form_field_set_text (self->postal_code, person->address.postal_code);
  lp_form_field_set_text (self->city, person->address.city);
  /* Most people filing live in France: the country is filled in, and can be changed. */
  lp_form_field_set_text (self->country, person->address.country[0] != '\0'
                                         ? person->address.country : "France");
  lp_form_field_set_text (self->phone, person->phone);
  lp_form_field_set_text (self->email, person->email);
  update_postal_hint (self);
}

static void
store_contact (LpPersonForm *self,
               LpPerson     *person)
{
  lp_secure_set_string (&person->address.street, lp_form_field_get_text (self->street));
  lp_secure_set_string (&person->address.complement, lp_form_field_get_text (self->complement));
  lp_secure_set_string (&person->address.postal_code,
                        lp_form_field_get_text (self->postal_code));
  lp_secure_set_string (&person->address.city, lp_form_field_get_text (self->city));
  lp_secure_set_string (&person->address.country, lp_form_field_get_text (self->country));
  lp_secure_set_string (&person->phone, lp_form_field_get_text (self->phone));
  lp_secure_set_string (&person->email, lp_form_field_get_text (self->email));
}

void
lp_person_form_load (LpPersonForm   *self,
                     const LpPerson *person)
{
  g_return_if_fail (LP_IS_PERSON_FORM (self));
  g_return_if_fail (person != NULL);

  if (self->part == LP_PERSON_FORM_IDENTITY)
    load_identity (self, person);
  else
    load_contact (self, person);
}

void
lp_person_form_store (LpPersonForm *self,
                      LpPerson     *person)
{
  g_return_if_fail (LP_IS_PERSON_FORM (self));
  g_return_if_fail (person != NULL);

  if (self->part == LP_PERSON_FORM_IDENTITY)
    store_identity (self, person);
  else
    store_contact (self, person);
}
