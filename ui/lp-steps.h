/* lp-steps.h — the eight steps of the wizard, in order (issue 3)
 *
 * The list lives in lp-steps.c. A step whose class is not built yet (its lp-step-<name>.c
 * is missing) is shown as a placeholder page with its title, so the stepper always counts
 * eight steps. See ui/README.md, "How to write a step".
 */
#pragma once

#include "lp-step.h"

G_BEGIN_DECLS

typedef struct {
  const char *name;             /* "identity": the stack page name, "win.go-to-step" target */
  const char *title;            /* untranslated (N_()); lp_steps_dup_title() translates */
  GType     (*get_type) (void);
} LpStepInfo;

guint             lp_steps_get_count  (void);
const LpStepInfo *lp_steps_get        (guint       index);
/* Index of the step called @name, or -1. */
int               lp_steps_find       (const char *name);
/* The translated title, in the current language. */
const char       *lp_steps_get_title  (guint       index);
/* A new (floating) step widget for @index: its class, or a placeholder. */
LpStep           *lp_steps_create     (guint       index);

G_END_DECLS
