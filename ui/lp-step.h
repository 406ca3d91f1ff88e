/* lp-step.h — the base class of the eight steps of the wizard
 *
 * A step is a page of the wizard. The window (lp-window.h) creates it from the list in
 * lp-steps.c, gives it the session's complaint and campaign, calls load() each time the
 * step is shown and store() each time the person leaves it (either way), and validate()
 * on "Next". A subclass writes the model <-> widgets code and registers its fields; the
 * base class does the rest:
 *
 *  - every LpFormField added with lp_step_add_field() is watched: when the person leaves
 *    a field they changed, the step stores itself into the model, runs the core validators
 *    and shows the field's problem under it (or clears it);
 *  - validate() stores, runs the core validators (collect_issues, by default the whole
 *    complaint through lp_validate_complaint()), and gives each issue to the field bound to
 *    its JSON path. Issues whose path belongs to no visible field of this step are left to
 *    the step that owns them (the review step shows them all), so "Next" never blocks on
 *    something the person cannot see.
 *
 * Rules never live here: a message under a field is the core validator's message.
 */
#pragma once

#include <gtk/gtk.h>

#include "lp-campaign.h"
#include "lp-complaint.h"
#include "lp-form-field.h"
#include "lp-issue.h"

G_BEGIN_DECLS

#define LP_TYPE_STEP (lp_step_get_type ())
G_DECLARE_DERIVABLE_TYPE (LpStep, lp_step, LP, STEP, GtkWidget)

struct _LpStepClass
{
  GtkWidgetClass parent_class;

  /* Fills the widgets from @complaint (called each time the step is shown). */
  void (*load_from_model) (LpStep            *self,
                           const LpComplaint *complaint);
  /* Writes the widgets into @complaint (called on leaving the step and on leaving a
   * field). Must not lose anything: what is typed goes to the model as typed. */
  void (*store_to_model)  (LpStep            *self,
                           LpComplaint       *complaint);
  /* Appends the issues to match to this step's fields. Default: lp_validate_complaint()
   * of @complaint with the session's campaign. */
  void (*collect_issues)  (LpStep            *self,
                           const LpComplaint *complaint,
                           LpIssueList       *issues);
  /* Puts the keyboard focus where the person starts on this step. Default: the first
   * visible registered field, else the first focusable widget. */
  gboolean (*focus_first) (LpStep            *self);

  /*< private >*/
  gpointer padding[8];
};

/* Identity: the name in lp-steps.c ("identity") and the translated title. */
const char  *lp_step_get_name         (LpStep *self);
const char  *lp_step_get_title        (LpStep *self);
void         lp_step_set_title        (LpStep     *self,
                                       const char *title);

/* Whether the window offers "Back" on this step (TRUE unless the step says otherwise: the
 * send step once the complaint is sent, when nothing before it can change the letter). */
gboolean     lp_step_get_can_go_back  (LpStep *self);
void         lp_step_set_can_go_back  (LpStep   *self,
                                       gboolean  can_go_back);

/* The session's model, set by the window before the first load(). Borrowed. */
void         lp_step_set_model        (LpStep      *self,
                                       LpComplaint *complaint,
                                       LpCampaign  *campaign);
LpComplaint *lp_step_get_complaint    (LpStep *self);
/* May be NULL when the campaign file could not be loaded. */
LpCampaign  *lp_step_get_campaign     (LpStep *self);

/* Calls the class's load_from_model / store_to_model with the session's complaint. */
void         lp_step_load             (LpStep *self);
void         lp_step_store            (LpStep *self);

/* Registers @field, bound to its "path" property, in visual order (the order of the error
 * summary and of "focus the first error"). */
void         lp_step_add_field        (LpStep      *self,
                                       LpFormField *field);
/* Also gives @field the issues of @path (exact path, or anything under it: "a.b" takes
 * "a.b.c" and "a.b[2]"). The most specific binding wins. */
void         lp_step_bind_path        (LpStep      *self,
                                       LpFormField *field,
                                       const char  *path);
/* Forgets every field (for a step that rebuilds its widgets). */
void         lp_step_remove_fields    (LpStep *self);
/* The field bound to @path (most specific binding, visible or not), or NULL. */
LpFormField *lp_step_find_field       (LpStep     *self,
                                       const char *path);

/* Stores, validates and shows each visible field's first problem under it; clears the
 * others. Returns the fields now showing an error, in visual order (container owned by
 * the caller; fields borrowed). Warnings are shown under their field but do not count. */
GPtrArray   *lp_step_validate         (LpStep *self);
/* Moves the focus to the first field showing an error. FALSE when there is none. */
gboolean     lp_step_focus_first_error (LpStep *self);
void         lp_step_clear_errors     (LpStep *self);

/* Moves the focus into the step (the class's focus_first). */
gboolean     lp_step_focus_first      (LpStep *self);

G_END_DECLS
