/* lp-ui.h — things every widget of the wizard needs once */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LP_RESOURCE_PREFIX "/io/github/lettreplainte/LettrePlainte/"

/* Registers the compiled .ui templates and style sheets (idempotent). Every class with a
 * template calls it in its class_init. */
void lp_ui_ensure_resources (void);

/* GTK 4.8 names a button whose label has a mnemonic "_Next Next" for screen readers (the
 * raw label property, then the mnemonic label's text). Leaves only the text: "Next". Call
 * after setting the label of @widget (a GtkButton or GtkCheckButton). */
void lp_ui_name_after_label (GtkWidget *widget);

G_END_DECLS
