/* lp-given-names.h — the given names of a person, in order (DSFR name pattern)
 *
 * An LpFormField whose control is one entry per given name ("Given name 1", "Given name
 * 2"...), an "Add a given name" button, and an "I have no given name" check box that
 * greys the entries out. Bound to "<prefix>.given_names" and "<prefix>.no_given_name".
 */
#pragma once

#include "lp-form-field.h"

G_BEGIN_DECLS

#define LP_TYPE_GIVEN_NAMES (lp_given_names_get_type ())
G_DECLARE_FINAL_TYPE (LpGivenNames, lp_given_names, LP, GIVEN_NAMES, LpFormField)

LpGivenNames *lp_given_names_new        (const char   *path);
/* Fills the entries (at least one, even when @names is empty). */
void          lp_given_names_set        (LpGivenNames    *self,
                                         const GPtrArray *names,
                                         gboolean         no_given_name);
/* The non-empty names, in order (strings typed, untouched), into @names (emptied first). */
void          lp_given_names_get        (LpGivenNames *self,
                                         GPtrArray    *names,
                                         gboolean     *no_given_name);
/* Adds an empty entry at the end and returns it. */
GtkEditable  *lp_given_names_add_entry  (LpGivenNames *self);
guint         lp_given_names_get_n_entries (LpGivenNames *self);
GtkEditable  *lp_given_names_get_entry  (LpGivenNames *self,
                                         guint         index);
GtkCheckButton *lp_given_names_get_none_button (LpGivenNames *self);

G_END_DECLS
