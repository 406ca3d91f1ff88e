/* lp-step-documents.h — step 6: pictures or PDF files joined to the letter (optional) */
#pragma once

#include "lp-step.h"

G_BEGIN_DECLS

#define LP_TYPE_STEP_DOCUMENTS (lp_step_documents_get_type ())
G_DECLARE_FINAL_TYPE (LpStepDocuments, lp_step_documents, LP, STEP_DOCUMENTS, LpStep)

/* Adds @file to the complaint's attachments, as "Add a document…" does, and shows the core
 * validator's message under it at once when the file cannot be joined. FALSE when @file
 * has no local path. */
gboolean      lp_step_documents_add_file      (LpStepDocuments *self,
                                               GFile           *file);
/* For tests: the documents shown, their thumbnail (NULL until loaded, or for a file that
 * cannot be read) and their "Remove" button. */
guint         lp_step_documents_get_n_rows    (LpStepDocuments *self);
GdkPaintable *lp_step_documents_get_thumbnail (LpStepDocuments *self,
                                               guint            index);
GtkButton    *lp_step_documents_get_remove_button (LpStepDocuments *self,
                                                   guint            index);
/* TRUE while a thumbnail is being made. */
gboolean      lp_step_documents_is_loading    (LpStepDocuments *self);

G_END_DECLS
