/* fuzz-common.h — what every libFuzzer target shares
 *
 * Each fuzz-*.c file defines LLVMFuzzerTestOneInput (and may define
 * LLVMFuzzerInitialize). It is linked either with libFuzzer (clang,
 * -Dfuzzing=true) or with fuzz-replay.c, a tiny main() that feeds it the
 * seed corpus and the regression inputs in the ordinary test run.
 */
#pragma once

#include <glib.h>
#include <stddef.h>
#include <stdint.h>

#include "lp-campaign.h"

G_BEGIN_DECLS

int LLVMFuzzerInitialize   (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* The campaign shipped in assets/campaigns/, loaded once and kept for the whole run
 * (aborts when it does not load: every target needs it to mean anything). */
const LpCampaign *lp_fuzz_campaign   (void);
/* The fixed "today" of the tests (2024-03-01), so results do not depend on the clock. */
const GDate      *lp_fuzz_today      (void);
/* Silences GLib's default log handler for g_warning/g_message and turns off the
 * fatal-warnings of G_DEBUG: the libraries we call (gdk-pixbuf, json-glib) may warn about
 * a damaged input, which is not a bug of ours. Criticals stay fatal: a g_return_if_fail
 * that fires is one. */
void              lp_fuzz_quiet_logs (void);

G_END_DECLS
