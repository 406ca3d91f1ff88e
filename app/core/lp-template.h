/* lp-template.h — named placeholders in the campaign's French wording
 *
 * "{name}" is replaced by the value of "name"; "{{" and "}}" stand for literal braces.
 * A placeholder with no value is an error (never a silent blank in a letter to the
 * police). lp_template_check() validates a template's syntax and names at campaign load.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LP_TEMPLATE_ERROR (lp_template_error_quark ())
typedef enum {
  LP_TEMPLATE_ERROR_SYNTAX,
  LP_TEMPLATE_ERROR_UNKNOWN_PLACEHOLDER,
} LpTemplateError;
GQuark lp_template_error_quark (void);

/* @values: char* -> char*. */
char     *lp_template_expand  (const char  *template_text,
                               GHashTable  *values,
                               GError     **error);
/* Checks the syntax, and that every placeholder is in @allowed (NULL-terminated; NULL
 * allows any name). */
gboolean  lp_template_check   (const char          *template_text,
                               const char * const  *allowed,
                               GError             **error);

G_END_DECLS
