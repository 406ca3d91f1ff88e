/* lp-step-contact.c — step 3: where and how to reach the complainant (and the legal
 * representative, who then gives the phone number)
 *
 * Fields: domain.md §1.3 A, DSFR address pattern, national and international
 * (lp-person-form.c). */
#define G_LOG_DOMAIN "lp-step-contact"

#include "lp-step-contact.h"
#include "lp-person-form.h"
#include "lp-ui.h"

#include <glib/gi18n-lib.h>

struct _LpStepContact
{
  LpStep parent_instance;

  /* Template widgets */
  GtkLabel     *complainant_heading;
  GtkBox       *complainant_box;
  GtkWidget    *representative_section;
  GtkBox       *representative_box;

  /* Borrowed: children of the boxes */
  LpPersonForm *complainant;
  LpPersonForm *representative;
};

G_DEFINE_FINAL_TYPE (LpStepContact, lp_step_contact, LP_TYPE_STEP)

static void
lp_step_contact_load_from_model (LpStep            *step,
                                 const LpComplaint *complaint)
{
  LpStepContact *self = LP_STEP_CONTACT (step);
  gboolean represented = complaint->representative != NULL;

  gtk_label_set_text (self->complainant_heading,
                      represented ? _("How to reach the person the complaint is for")
                                  : _("How to reach you"));
  /* The representative's phone is the one the police will call (lp_validate_complaint). */
  lp_person_form_set_phone_optional (self->complainant, represented);
  lp_person_form_load (self->complainant, &complaint->complainant);
  gtk_widget_set_visible (self->representative_section, represented);
  if (represented)
    lp_person_form_load (self->representative, complaint->representative);
}

static void
lp_step_contact_store_to_model (LpStep      *step,
                                LpComplaint *complaint)
{
  LpStepContact *self = LP_STEP_CONTACT (step);

  lp_person_form_store (self->complainant, &complaint->complainant);
  if (complaint->representative != NULL)
    lp_person_form_store (self->representative, complaint->representative);
}

static void
lp_step_contact_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LP_TYPE_STEP_CONTACT);
  G_OBJECT_CLASS (lp_step_contact_parent_class)->dispose (object);
}

static void
lp_step_contact_class_init (LpStepContactClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LpStepClass *step_class = LP_STEP_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = lp_step_contact_dispose;
  step_class->load_from_model = lp_step_contact_load_from_model;
  step_class->store_to_model = lp_step_contact_store_to_model;

  lp_ui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               LP_RESOURCE_PREFIX "lp-step-contact.ui");
  gtk_widget_class_bind_template_child (widget_class, LpStepContact, complainant_box);
  gtk_widget_class_bind_template_child (widget_class, LpStepContact, complainant_heading);
  gtk_widget_class_bind_template_child (widget_class, LpStepContact, representative_box);
  gtk_widget_class_bind_template_child (widget_class, LpStepContact, representative_section);
}

static void
lp_step_contact_init (LpStepContact *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->complainant = lp_person_form_new (LP_PERSON_FORM_CONTACT, "complainant");
  self->representative = lp_person_form_new (LP_PERSON_FORM_CONTACT, "representative");
  gtk_box_append (self->complainant_box, GTK_WIDGET (self->complainant));
  gtk_box_append (self->representative_box, GTK_WIDGET (self->representative));
  lp_person_form_add_to_step (self->complainant, LP_STEP (self));
  lp_person_form_add_to_step (self->representative, LP_STEP (self));
}
