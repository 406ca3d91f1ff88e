/* test-wizard-utils.h — driving the wizard in widget tests (Xvfb, tests/run-gui-test.sh)
 *
 * A registered LpApplication (no main loop run: the test spins it), its window, and small
 * verbs: go to a step, type into the field bound to a JSON path, press Next, read what is
 * shown, take a screenshot.
 */
#pragma once

#include "lp-application.h"
#include "lp-window.h"
#include "lp-date-field.h"

G_BEGIN_DECLS

/* gtk_test_init + gettext bound to the build's catalogues + animations off. Call first. */
void         lp_wizard_test_init          (int    *argc,
                                           char ***argv);
/* A fresh application (new session, English unless @language) and its window, drawn. */
LpApplication *lp_wizard_test_app_new     (const char *language);
LpWindow    *lp_wizard_test_get_window    (LpApplication *app);
/* Quits the application and drops it (the complaint is zeroed). */
void         lp_wizard_test_app_free      (LpApplication *app);

/* Runs the main loop until nothing is pending. */
void         lp_wizard_test_iterate       (void);
/* Waits for the window to be drawn after a change. */
void         lp_wizard_test_wait_drawn    (LpWindow *window);

/* The field of the current step bound to @path (asserts it exists). */
LpFormField *lp_wizard_test_field         (LpWindow   *window,
                                           const char *path);
/* Types @text into the field's entry as the person would (marks it changed). */
void         lp_wizard_test_type          (LpWindow   *window,
                                           const char *path,
                                           const char *text);
/* Types a date into the three boxes of the date field at @path. */
void         lp_wizard_test_type_date     (LpWindow   *window,
                                           const char *path,
                                           const char *day,
                                           const char *month,
                                           const char *year);
/* Chooses the radio button @id of the choice field at @path. */
void         lp_wizard_test_choose        (LpWindow   *window,
                                           const char *path,
                                           const char *id);
/* The error under the field at @path, or NULL. */
const char  *lp_wizard_test_error         (LpWindow   *window,
                                           const char *path);
/* TRUE when the keyboard focus is inside the field at @path. */
gboolean     lp_wizard_test_has_focus     (LpWindow   *window,
                                           const char *path);
/* Moves the keyboard focus out of the field at @path, as Tab would ("left" fires). */
void         lp_wizard_test_leave         (LpWindow   *window,
                                           const char *path);
/* Presses Next (win.next) and returns whether the step changed. */
gboolean     lp_wizard_test_next          (LpWindow   *window);
const char  *lp_wizard_test_current_name  (LpWindow   *window);

/* Fills steps 2 and 3 with a valid invented person (Élodie Dupré, tests/data/README.md). */
void         lp_wizard_test_fill_identity (LpWindow *window);
void         lp_wizard_test_fill_contact  (LpWindow *window);

/* Writes a PNG of @window into the build directory (G_TEST_BUILDDIR) and returns its path. */
char        *lp_wizard_test_screenshot    (LpWindow   *window,
                                           const char *basename);

G_END_DECLS
