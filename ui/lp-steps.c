/* lp-steps.c — see lp-steps.h
 *
 * The eight steps in order: a name (for win.go-to-step and the review's "Change"), a
 * title, and the class.
 */
#define G_LOG_DOMAIN "lp-steps"

#include "lp-steps.h"
#include "lp-step-contact.h"
#include "lp-step-identity.h"
#include "lp-step-insurance.h"
#include "lp-step-facts.h"
#include "lp-step-documents.h"
#include "lp-step-review.h"
#include "lp-step-send.h"
#include "lp-step-welcome.h"

#include <glib/gi18n-lib.h>

static const LpStepInfo steps[] = {
  /* Translators: title of step 1 of the wizard, shown in the stepper */
  { "welcome",   N_("Welcome"),                  lp_step_welcome_get_type },
  /* Translators: title of step 2 of the wizard */
  { "identity",  N_("Your identity"),            lp_step_identity_get_type },
  /* Translators: title of step 3 of the wizard */
  { "contact",   N_("How to reach you"),         lp_step_contact_get_type },
  /* Translators: title of step 4 of the wizard */
  { "insurance", N_("Your health insurance"),    lp_step_insurance_get_type },
  /* Translators: title of step 5 of the wizard */
  { "facts",     N_("What happened since"),      lp_step_facts_get_type },
  /* Translators: title of step 6 of the wizard */
  { "documents", N_("Documents"),                lp_step_documents_get_type },
  /* Translators: title of step 7 of the wizard (RGAA 11.12: check before sending) */
  { "review",    N_("Check your letter"),        lp_step_review_get_type },
  /* Translators: title of step 8 of the wizard */
  { "send",      N_("Send or print"),            lp_step_send_get_type },
};

G_STATIC_ASSERT (G_N_ELEMENTS (steps) <= 8);   /* DSFR steppers stop at 8 (domain.md §4.2) */

guint
lp_steps_get_count (void)
{
  return G_N_ELEMENTS (steps);
}

const LpStepInfo *
lp_steps_get (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (steps), NULL);
  return &steps[index];
}

int
lp_steps_find (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (g_strcmp0 (steps[i].name, name) == 0)
      return (int) i;
  return -1;
}

const char *
lp_steps_get_title (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (steps), NULL);
  return _(steps[index].title);
}

LpStep *
lp_steps_create (guint index)
{
  const LpStepInfo *info = lp_steps_get (index);
  GType type;

  g_return_val_if_fail (info != NULL, NULL);
  type = info->get_type ();
  return g_object_new (type,
                       "step-name", info->name,
                       "title", lp_steps_get_title (index),
                       NULL);
}
