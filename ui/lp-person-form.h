/* lp-person-form.h — the fields of one person, for the identity or the contact step
 *
 * The same fields serve the complainant ("complainant.…") and the legal representative
 * ("representative.…"), so the two sections of a step look and behave alike. Built in code
 * from a short list, in visual order; each field is an LpFormField bound to its JSON path.
 *
 *   LP_PERSON_FORM_IDENTITY  civility, birth name, usage name, given names, date of birth,
 *                            born in France or abroad + commune/department/country,
 *                            nationality, profession; + relationship (representative)
 *   LP_PERSON_FORM_CONTACT   street, complement, postal code, town, country, phone, e-mail
 */
#pragma once

#include "lp-complaint.h"
#include "lp-step.h"

G_BEGIN_DECLS

typedef enum {
  LP_PERSON_FORM_IDENTITY,
  LP_PERSON_FORM_CONTACT,
} LpPersonFormPart;

#define LP_TYPE_PERSON_FORM (lp_person_form_get_type ())
G_DECLARE_FINAL_TYPE (LpPersonForm, lp_person_form, LP, PERSON_FORM, GtkWidget)

/* @prefix: "complainant" or "representative" (the latter adds the relationship and makes
 * the birth details optional, as the core validator does). */
LpPersonForm *lp_person_form_new          (LpPersonFormPart part,
                                           const char      *prefix);
/* Registers every field with @step, in visual order. */
void          lp_person_form_add_to_step  (LpPersonForm *self,
                                           LpStep       *step);
void          lp_person_form_load         (LpPersonForm   *self,
                                           const LpPerson *person);
void          lp_person_form_store        (LpPersonForm *self,
                                           LpPerson     *person);
/* The complainant's phone is optional when a representative gives theirs. */
void          lp_person_form_set_phone_optional (LpPersonForm *self,
                                                 gboolean      optional);
/* The field bound to exactly @path, e.g. "complainant.birth_name", or NULL. */
LpFormField  *lp_person_form_get_field    (LpPersonForm *self,
                                           const char   *path);

G_END_DECLS
