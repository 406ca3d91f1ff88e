/* lp-application.h — the wizard's application object: one session
 *
 * Owns the session's complaint (what the person typed, in memory only) and the campaign
 * (loaded after the first frame, or on first use). Carries the session-wide choices: the
 * interface language, the text size (A+ / A−) and the in-program high contrast.
 *
 * Actions: app.quit, app.language (s: "fr", "en", "ar", "es"), app.text-bigger,
 * app.text-smaller, app.high-contrast (stateful boolean), app.erase-and-finish
 * (lp_application_wipe), app.new-household-complaint
 * (lp_application_new_household_complaint).
 *
 * Kiosk and assisted modes (issue 5; the window does the screens, see lp-window.h): the
 * site's language at startup and after every wipe; the screen kept awake from the moment
 * someone starts until the wipe; no Ctrl+Q in kiosk mode; a broken site configuration
 * shows LpKioskErrorWindow instead of the form.
 */
#pragma once

#include <adwaita.h>

#include "lp-campaign.h"
#include "lp-complaint.h"
#include "lp-site-config.h"

G_BEGIN_DECLS

#define LP_CAMPAIGN_ID "viamedis-almerys-2024"

#define LP_TYPE_APPLICATION (lp_application_get_type ())
G_DECLARE_FINAL_TYPE (LpApplication, lp_application, LP, APPLICATION, AdwApplication)

LpApplication *lp_application_new               (void);

/* The site configuration (architecture.md §5), given before g_application_run(). @config
 * NULL with @error set: the configuration could not be read (the kiosk must then show an
 * administrator-facing error screen, never run half-configured); both NULL: home use.
 * @force_kiosk: --kiosk was given. Takes ownership of @config and @error. */
void           lp_application_set_site          (LpApplication *self,
                                                 LpSiteConfig  *config,
                                                 GError        *error,
                                                 gboolean       force_kiosk);
/* Never NULL: the home defaults when no configuration was read. */
const LpSiteConfig *lp_application_get_site_config (LpApplication *self);
/* Why the site configuration could not be read, or NULL. */
const GError  *lp_application_get_site_error    (LpApplication *self);
/* Kiosk when --kiosk was given or mode=kiosk; else the configuration's mode. */
LpSiteMode     lp_application_get_mode          (LpApplication *self);

/* The session's complaint. Never NULL; owned by the application. */
LpComplaint   *lp_application_get_complaint     (LpApplication *self);
/* The campaign, loaded now if it was not yet. NULL when it cannot be loaded (a
 * warning says why, without any personal data). */
LpCampaign    *lp_application_get_campaign      (LpApplication *self);

/* Switches the screens to @code and rebuilds every window from the model: nothing typed
 * is lost and the same step stays shown. */
void           lp_application_set_language      (LpApplication *self,
                                                 const char    *code);

/* Someone has started (left the welcome step, or changed the language, text size or
 * contrast): from then on the screen is kept awake (kiosk, assisted) and the inactivity
 * warning has something to protect. */
void           lp_application_mark_in_use       (LpApplication *self);
gboolean       lp_application_get_in_use        (LpApplication *self);

/* Forgets the session (architecture.md §8): the old windows are cut from the model, the
 * model is zeroed and replaced by an empty one, the print route's private directories
 * under $XDG_RUNTIME_DIR are removed (kiosk, assisted), the clipboard and the primary
 * selection are emptied, the screen may sleep again, the language, text size and contrast
 * go back to the site's, and every window is rebuilt on the welcome step (other dialogs
 * are closed). The end of the inactivity countdown, "Erase my data and finish" and the
 * exit all come here (the exit without rebuilding anything). */
void           lp_application_wipe              (LpApplication *self);
/* Assisted mode: the next complaint of the same household. The one just finished is
 * wiped; the new one starts with its address, phone and insurer
 * (lp_complaint_new_for_household) on the welcome step, in the same language. */
void           lp_application_new_household_complaint (LpApplication *self);

/* Text size as a factor of the system's (1.0 = as the system says; up to 2.0). */
double         lp_application_get_text_scale    (LpApplication *self);
void           lp_application_set_text_scale    (LpApplication *self,
                                                 double         scale);

/* The in-program high contrast (the system's setting applies anyway). */
gboolean       lp_application_get_high_contrast (LpApplication *self);
void           lp_application_set_high_contrast (LpApplication *self,
                                                 gboolean       enabled);

G_END_DECLS
