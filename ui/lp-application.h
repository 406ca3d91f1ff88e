/* lp-application.h — the wizard's application object: one session
 *
 * Owns the session's complaint (what the person typed, in memory only) and the campaign
 * (loaded after the first frame, or on first use). Carries the session-wide choices: the
 * interface language, the text size (A+ / A−) and the in-program high contrast.
 *
 * Actions: app.quit, app.language (s: "fr", "en", "ar", "es"), app.text-bigger,
 * app.text-smaller, app.high-contrast (stateful boolean).
 */
#pragma once

#include <adwaita.h>

#include "lp-campaign.h"
#include "lp-complaint.h"

G_BEGIN_DECLS

#define LP_CAMPAIGN_ID "viamedis-almerys-2024"

#define LP_TYPE_APPLICATION (lp_application_get_type ())
G_DECLARE_FINAL_TYPE (LpApplication, lp_application, LP, APPLICATION, AdwApplication)

LpApplication *lp_application_new               (void);

/* The session's complaint. Never NULL; owned by the application. */
LpComplaint   *lp_application_get_complaint     (LpApplication *self);
/* The campaign, loaded now if it was not yet. NULL when it cannot be loaded (a
 * warning says why, without any personal data). */
LpCampaign    *lp_application_get_campaign      (LpApplication *self);

/* Switches the screens to @code and rebuilds every window from the model: nothing typed
 * is lost and the same step stays shown. */
void           lp_application_set_language      (LpApplication *self,
                                                 const char    *code);

/* Text size as a factor of the system's (1.0 = as the system says; up to 2.0). */
double         lp_application_get_text_scale    (LpApplication *self);
void           lp_application_set_text_scale    (LpApplication *self,
                                                 double         scale);

/* The in-program high contrast (the system's setting applies anyway). */
gboolean       lp_application_get_high_contrast (LpApplication *self);
void           lp_application_set_high_contrast (LpApplication *self,
                                                 gboolean       enabled);

G_END_DECLS
