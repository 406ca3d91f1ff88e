/* lp-choice-field.h — one choice among a few: radio buttons (DSFR: 2 to 5 choices)
 *
 * An LpFormField whose control is a column of radio buttons (GtkCheckButton in a group),
 * each with a model id ("madame", "monsieur", "" for "No answer"). Every button is at least
 * 44 px high, a comfortable target for a finger.
 */
#pragma once

#include "lp-form-field.h"

G_BEGIN_DECLS

#define LP_TYPE_CHOICE_FIELD (lp_choice_field_get_type ())
G_DECLARE_FINAL_TYPE (LpChoiceField, lp_choice_field, LP, CHOICE_FIELD, LpFormField)

LpChoiceField  *lp_choice_field_new        (const char    *label,
                                            const char    *path);
/* Adds a button; @label may hold a mnemonic ("_Madame"). Returns it (owned by the field). */
GtkCheckButton *lp_choice_field_add_choice (LpChoiceField *self,
                                            const char    *id,
                                            const char    *label);
/* The id of the chosen button, or NULL when none is chosen. */
const char     *lp_choice_field_get_active (LpChoiceField *self);
/* Chooses the button with @id; NULL (or an unknown id) leaves none chosen. */
void            lp_choice_field_set_active (LpChoiceField *self,
                                            const char    *id);
/* Lays the buttons out in a row instead of a column (short choices). */
void            lp_choice_field_set_horizontal (LpChoiceField *self,
                                                gboolean       horizontal);

G_END_DECLS
