/* lp-nir-field.h — the social-security number (NIR) field, masked once entered
 *
 * An LpFormField whose control is an entry while the person types, and the masked number
 * (lp_nir_mask(): "2 •• •• •• ••• ••• 32") with "Show" and "Change" buttons once the
 * focus has left a number the core calls valid (lp_nir_is_valid()): a kiosk screen is seen
 * by others (domain.md §2.7.7). A number with an error stays in the clear, so that the
 * person can fix it. Nothing here judges the number: the step's validation does.
 *
 * Every place that holds the number in the clear is in lp-nir-field.c (issue 5 will give
 * its entry a buffer that is zeroed when freed).
 */
#pragma once

#include "lp-form-field.h"

G_BEGIN_DECLS

#define LP_TYPE_NIR_FIELD (lp_nir_field_get_type ())
G_DECLARE_FINAL_TYPE (LpNirField, lp_nir_field, LP, NIR_FIELD, LpFormField)

LpNirField  *lp_nir_field_new        (const char *label,
                                      const char *path);
/* The number as typed (never NULL). */
const char  *lp_nir_field_get_value  (LpNirField *self);
/* Sets the number without marking the field changed, and masks it when it is valid. */
void         lp_nir_field_set_value  (LpNirField *self,
                                      const char *value);
/* TRUE while the masked number is shown instead of the entry. */
gboolean     lp_nir_field_get_masked (LpNirField *self);
/* The entry the person types into (for tests). */
GtkEditable *lp_nir_field_get_entry  (LpNirField *self);
/* The text shown while masked (for tests). */
const char  *lp_nir_field_get_shown_text (LpNirField *self);

G_END_DECLS
