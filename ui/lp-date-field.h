/* lp-date-field.h — a date as three fields: day, month, year (DSFR date block)
 *
 * An LpFormField whose control is three small entries "Day" / "Month" / "Year" with the
 * hints "Example: 14", "Example: 12", "Example: 1984". Only digits can be typed. The value
 * is the ISO date the model holds ("1984-12-14"): a part left empty becomes zeros, so the
 * core validator (lp_validate_date) names the part that is wrong ("the day is invalid").
 */
#pragma once

#include "lp-form-field.h"

G_BEGIN_DECLS

#define LP_TYPE_DATE_FIELD (lp_date_field_get_type ())
G_DECLARE_FINAL_TYPE (LpDateField, lp_date_field, LP, DATE_FIELD, LpFormField)

LpDateField *lp_date_field_new      (const char  *label,
                                     const char  *path);
/* "YYYY-MM-DD", or "" when the three parts are empty. */
char        *lp_date_field_dup_iso  (LpDateField *self);
/* Fills the three parts from an ISO date ("" empties them). */
void         lp_date_field_set_iso  (LpDateField *self,
                                     const char  *iso);
/* The entries, for tests: 0 day, 1 month, 2 year. */
GtkEditable *lp_date_field_get_part (LpDateField *self,
                                     guint        index);

G_END_DECLS
