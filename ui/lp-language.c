/* lp-language.c — see lp-language.h */
#define G_LOG_DOMAIN "lp-language"

#include "lp-language.h"

#include <gtk/gtk.h>
#include <locale.h>
#include <string.h>

/* GNU gettext caches translations; bumping this counter (exported by glibc's libintl)
 * after changing LANGUAGE makes the next lookup read the new catalogue. The gettext
 * manual documents the idiom ("Being a gettext grok", §11.5). */
extern int _nl_msg_cat_cntr;

static const LpLanguageInfo languages[] = {
  { "fr", "Français", FALSE },
  { "en", "English",  FALSE },
  { "ar", "العربية",  TRUE },
  { "es", "Español",  FALSE },
};

static char *chosen = NULL;

const LpLanguageInfo *
lp_language_get_all (guint *n_languages)
{
  if (n_languages != NULL)
    *n_languages = G_N_ELEMENTS (languages);
  return languages;
}

const LpLanguageInfo *
lp_language_find (const char *code)
{
  for (guint i = 0; code != NULL && i < G_N_ELEMENTS (languages); i++)
    if (g_str_equal (languages[i].code, code))
      return &languages[i];
  return NULL;
}

const char *
lp_language_get_current (void)
{
  const char * const *names;

  if (chosen != NULL)
    return chosen;
  /* "ar_MA.UTF-8", "ar_MA", "ar", ...: the bare language codes are in the list. */
  names = g_get_language_names ();
  for (guint i = 0; names[i] != NULL; i++)
    if (lp_language_find (names[i]) != NULL)
      return lp_language_find (names[i])->code;
  return "en";
}

void
lp_language_apply_direction (void)
{
  const LpLanguageInfo *info = lp_language_find (lp_language_get_current ());

  gtk_widget_set_default_direction (info != NULL && info->rtl ? GTK_TEXT_DIR_RTL
                                                              : GTK_TEXT_DIR_LTR);
}

void
lp_language_apply (const char *code)
{
  const char *messages;

  g_return_if_fail (lp_language_find (code) != NULL);

  g_free (chosen);
  chosen = g_strdup (code);
  /* English is the source language: "en" alone would still fall back to it, but saying
   * so keeps a French LANG from winning over the person's choice. */
  g_setenv ("LANGUAGE", code, TRUE);
  setlocale (LC_ALL, "");
  /* gettext ignores LANGUAGE in the "C" locale; C.UTF-8 is always there on Debian. */
  messages = setlocale (LC_MESSAGES, NULL);
  if (messages == NULL || strcmp (messages, "C") == 0 || strcmp (messages, "POSIX") == 0)
    setlocale (LC_MESSAGES, "C.UTF-8");
  ++_nl_msg_cat_cntr;
  lp_language_apply_direction ();
}
