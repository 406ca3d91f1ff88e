/* lp-text-area-field.h — a field for several lines of the person's own words
 *
 * An LpFormField whose control is a framed GtkTextView that wraps words and grows with
 * the text (the page scrolls, not the box: easier with a finger). Tab leaves the box, as
 * in every other field; Enter starts a new line. The text is kept exactly as typed.
 */
#pragma once

#include "lp-form-field.h"

G_BEGIN_DECLS

#define LP_TYPE_TEXT_AREA_FIELD (lp_text_area_field_get_type ())
G_DECLARE_FINAL_TYPE (LpTextAreaField, lp_text_area_field, LP, TEXT_AREA_FIELD, LpFormField)

LpTextAreaField *lp_text_area_field_new       (const char      *label,
                                               const char      *path,
                                               int              min_lines);
/* The whole text, newly allocated (free it with lp_secure_free_string()). */
char            *lp_text_area_field_dup_text  (LpTextAreaField *self);
/* Sets the text without marking the field changed. */
void             lp_text_area_field_set_text  (LpTextAreaField *self,
                                               const char      *text);
GtkTextView     *lp_text_area_field_get_view  (LpTextAreaField *self);

G_END_DECLS
