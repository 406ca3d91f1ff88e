/* lp-paths.h — where the program finds its data
 *
 * Installed: PKGDATADIR (campaigns/, fonts/). Run from the build directory (or the tests):
 * the source tree's assets/. LP_DATA_DIR in the environment overrides both (tests, fuzzing).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Directory holding campaigns/<id>.json. Never NULL. */
const char *lp_paths_get_campaigns_dir (void);
/* Path of a campaign file by id (may not exist). */
char       *lp_paths_dup_campaign_file (const char *campaign_id);
/* The TrueType face used for every document; NULL if none of the known places has it. */
const char *lp_paths_get_letter_font   (void);

G_END_DECLS
