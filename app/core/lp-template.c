/* lp-template.c — see lp-template.h
 *
 * One parser walks the template and reports literal runs and placeholders to a callback;
 * lp_template_check() and lp_template_expand() are two callbacks over it, so both agree
 * exactly on what a template means.
 */
#define G_LOG_DOMAIN "lp-template"

#include "lp-template.h"
#include "lp-secure.h"

#include <glib/gi18n-lib.h>
#include <string.h>

G_DEFINE_QUARK (lp-template-error-quark, lp_template_error)

typedef enum {
  PIECE_LITERAL,
  PIECE_PLACEHOLDER,
} PieceKind;

/* @text is not NUL-terminated at @length. Returns FALSE (with @error set) to stop. */
typedef gboolean (*PieceFunc) (PieceKind    kind,
                               const char  *text,
                               gsize        length,
                               gpointer     user_data,
                               GError     **error);

static gboolean
is_name_start (char c)
{
  return (c >= 'a' && c <= 'z') || c == '_';
}

static gboolean
is_name_char (char c)
{
  return is_name_start (c) || (c >= '0' && c <= '9');
}

/* Character (not byte) position, 1-based, for messages a campaign author can follow. */
static glong
char_position (const char *start,
               const char *at)
{
  return g_utf8_pointer_to_offset (start, at) + 1;
}

static gboolean
parse_template (const char  *template_text,
                PieceFunc    func,
                gpointer     user_data,
                GError     **error)
{
  const char *p = template_text;
  const char *run = template_text;

  while (*p != '\0')
    {
      if (p[0] == '{' && p[1] == '{')
        {
          /* Flush the run including one brace, skip the other. */
          if (!func (PIECE_LITERAL, run, (p + 1) - run, user_data, error))
            return FALSE;
          p += 2;
          run = p;
        }
      else if (p[0] == '}' && p[1] == '}')
        {
          if (!func (PIECE_LITERAL, run, (p + 1) - run, user_data, error))
            return FALSE;
          p += 2;
          run = p;
        }
      else if (p[0] == '{')
        {
          const char *name = p + 1;
          const char *end = name;

          while (is_name_char (*end))
            end++;
          if (!is_name_start (*name) || *end != '}')
            {
              g_set_error (error, LP_TEMPLATE_ERROR, LP_TEMPLATE_ERROR_SYNTAX,
                           /* Translators: %ld is a character position in a template. */
                           _("The “{” at character %ld does not open a placeholder such as {name} "
                             "(lower-case letters, digits and “_”); write “{{” for a literal brace."),
                           char_position (template_text, p));
              return FALSE;
            }
          if (!func (PIECE_LITERAL, run, p - run, user_data, error) ||
              !func (PIECE_PLACEHOLDER, name, end - name, user_data, error))
            return FALSE;
          p = end + 1;
          run = p;
        }
      else if (p[0] == '}')
        {
          g_set_error (error, LP_TEMPLATE_ERROR, LP_TEMPLATE_ERROR_SYNTAX,
                       /* Translators: %ld is a character position in a template. */
                       _("The “}” at character %ld closes nothing; write “}}” for a literal brace."),
                       char_position (template_text, p));
          return FALSE;
        }
      else
        p++;
    }

  return func (PIECE_LITERAL, run, p - run, user_data, error);
}

typedef struct {
  const char * const *allowed;
} CheckData;

static gboolean
check_piece (PieceKind    kind,
             const char  *text,
             gsize        length,
             gpointer     user_data,
             GError     **error)
{
  CheckData *data = user_data;
  g_autofree char *name = NULL;

  if (kind != PIECE_PLACEHOLDER || data->allowed == NULL)
    return TRUE;

  name = g_strndup (text, length);
  if (g_strv_contains (data->allowed, name))
    return TRUE;

  g_set_error (error, LP_TEMPLATE_ERROR, LP_TEMPLATE_ERROR_UNKNOWN_PLACEHOLDER,
               /* Translators: %s is a placeholder name such as "insurer". */
               _("The placeholder {%s} is not one the program knows."), name);
  return FALSE;
}

gboolean
lp_template_check (const char          *template_text,
                   const char * const  *allowed,
                   GError             **error)
{
  CheckData data = { allowed };

  g_return_val_if_fail (template_text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return parse_template (template_text, check_piece, &data, error);
}

typedef struct {
  GHashTable *values;
  GString *out;
} ExpandData;

static gboolean
expand_piece (PieceKind    kind,
              const char  *text,
              gsize        length,
              gpointer     user_data,
              GError     **error)
{
  ExpandData *data = user_data;
  g_autofree char *name = NULL;
  const char *value = NULL;

  if (kind == PIECE_LITERAL)
    {
      g_string_append_len (data->out, text, length);
      return TRUE;
    }

  name = g_strndup (text, length);
  if (data->values != NULL)
    value = g_hash_table_lookup (data->values, name);
  if (value == NULL)
    {
      /* Never a silent blank in a letter to the police. */
      g_set_error (error, LP_TEMPLATE_ERROR, LP_TEMPLATE_ERROR_UNKNOWN_PLACEHOLDER,
                   /* Translators: %s is a placeholder name such as "insurer". */
                   _("The placeholder {%s} has no value."), name);
      return FALSE;
    }
  g_string_append (data->out, value);
  return TRUE;
}

char *
lp_template_expand (const char  *template_text,
                    GHashTable  *values,
                    GError     **error)
{
  ExpandData data;

  g_return_val_if_fail (template_text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data.values = values;
  data.out = g_string_sized_new (strlen (template_text) + 64);
  if (!parse_template (template_text, expand_piece, &data, error))
    {
      /* The partial text may already hold values (names): zero it before freeing. */
      lp_secure_zero (data.out->str, data.out->len);
      g_string_free (data.out, TRUE);
      return NULL;
    }
  return g_string_free (data.out, FALSE);
}
