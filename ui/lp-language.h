/* lp-language.h — the interface language, switched at run time
 *
 * The letter is always French (it comes from the campaign file); only the screens follow
 * the language chosen here. Each language is named in itself on the welcome step.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  const char *code;         /* gettext language: "fr", "en", "ar", "es" */
  const char *native_name;  /* "Français", "English", "العربية", "Español" (not translated) */
  gboolean    rtl;          /* written right to left: the whole layout mirrors */
} LpLanguageInfo;

/* The languages offered, in the order shown; *n_languages is set. */
const LpLanguageInfo *lp_language_get_all     (guint      *n_languages);
const LpLanguageInfo *lp_language_find        (const char *code);
/* The language the screens are in now: the one chosen, else the first of the
 * environment's (LANGUAGE, LC_ALL, LC_MESSAGES, LANG) that is offered, else "en". */
const char           *lp_language_get_current (void);
/* Switches gettext to @code (LANGUAGE, catalogue cache flushed) and sets the default
 * text direction. Widgets built afterwards speak the new language; the caller rebuilds
 * the ones already shown. */
void                  lp_language_apply       (const char *code);
/* Sets the default text direction from the current language (at startup). */
void                  lp_language_apply_direction (void);

G_END_DECLS
