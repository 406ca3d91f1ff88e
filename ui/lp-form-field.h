/* lp-form-field.h — one field of a step: label, hint, control, error line
 *
 * The DSFR field (domain.md §4.2) in GTK: the label above ("(optional)" appended when the
 * field is optional), a hint line ("Example: Montpellier"), the control (a GtkEntry by
 * default, or any widget given to lp_form_field_set_control()), and an error line under
 * the control, shown only when the field is invalid. The control's accessible label is
 * the label; its accessible description is the hint followed by the error; it is marked
 * invalid while an error shows.
 *
 * A field knows the JSON path of the model value it edits ("complainant.birth_name"): the
 * step it belongs to (lp-step.h) matches the core validators' issues to fields by that
 * path. A field never validates anything itself: rules live in app/core/lp-validate.c.
 *
 * Signals:
 *   "changed"  the person changed the value (every keystroke);
 *   "left"     the focus left the field after a change (the step then stores and validates).
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LP_TYPE_FORM_FIELD (lp_form_field_get_type ())
G_DECLARE_DERIVABLE_TYPE (LpFormField, lp_form_field, LP, FORM_FIELD, GtkWidget)

struct _LpFormFieldClass
{
  GtkWidgetClass parent_class;

  /* The widgets whose accessible label/description/invalid state the field keeps up to
   * date. Default: the entry, or the control given to set_control(). */
  GList *(*get_accessibles) (LpFormField *self);
  /* TRUE for a field whose controls each need a name of their own (the date's Day, Month
   * and Year; the given names 1, 2...): it names them itself. Otherwise every accessible
   * listed gets the field's visible label. */
  gboolean names_own_accessibles;

  /*< private >*/
  gpointer padding[8];
};

LpFormField *lp_form_field_new            (const char *label,
                                           const char *path);

const char  *lp_form_field_get_label      (LpFormField *self);
void         lp_form_field_set_label      (LpFormField *self,
                                           const char  *label);
const char  *lp_form_field_get_hint       (LpFormField *self);
void         lp_form_field_set_hint       (LpFormField *self,
                                           const char  *hint);
gboolean     lp_form_field_get_optional   (LpFormField *self);
void         lp_form_field_set_optional   (LpFormField *self,
                                           gboolean     optional);
const char  *lp_form_field_get_path       (LpFormField *self);
void         lp_form_field_set_path       (LpFormField *self,
                                           const char  *path);

/* The default control. NULL once set_control() replaced it. */
GtkEntry    *lp_form_field_get_entry      (LpFormField *self);
/* Text of the default entry ("" when the control was replaced). Never NULL. */
const char  *lp_form_field_get_text       (LpFormField *self);
/* Sets the entry's text without marking the field as changed by the person. */
void         lp_form_field_set_text       (LpFormField *self,
                                           const char  *text);

/* Replaces the entry with @control (a radio group, three date entries...). The subclass or
 * caller then calls lp_form_field_notify_changed() when the person changes it. */
void         lp_form_field_set_control    (LpFormField *self,
                                           GtkWidget   *control);
GtkWidget   *lp_form_field_get_control    (LpFormField *self);
void         lp_form_field_notify_changed (LpFormField *self);

/* Shows @message under the control (NULL or "" hides the error line). */
void         lp_form_field_set_error      (LpFormField *self,
                                           const char  *message);
/* The error shown, or NULL. */
const char  *lp_form_field_get_error      (LpFormField *self);
/* TRUE once the person changed the value (set_text() does not count). */
gboolean     lp_form_field_get_touched    (LpFormField *self);
void         lp_form_field_reset_touched  (LpFormField *self);

/* Moves the keyboard focus to the field's first control. */
gboolean     lp_form_field_focus          (LpFormField *self);

/* Re-applies the accessible label/description (subclasses call it after rebuilding their
 * control). */
void         lp_form_field_update_accessible (LpFormField *self);

G_END_DECLS
