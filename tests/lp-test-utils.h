/* lp-test-utils.h — helpers shared by the test programs */
#pragma once

#include <glib.h>

#include "lp-campaign.h"
#include "lp-complaint.h"

G_BEGIN_DECLS

/* Path of a file under tests/data/. */
char        *lp_test_data_path        (const char *name);
/* The campaign shipped in assets/campaigns/ (asserts it loads). */
LpCampaign  *lp_test_load_campaign    (void);
/* Loads tests/data/<name> and returns its first complaint (asserts it loads). */
LpComplaint *lp_test_load_complaint   (const char *name);
/* A fixed "today" (2024-03-01) so that date checks do not depend on the clock. */
void         lp_test_today            (GDate *date);
/* Text of a PDF as pdftotext -enc UTF-8 -layout gives it (asserts success). @layout FALSE
 * gives the reading-order text. */
char        *lp_test_pdf_to_text      (GBytes     *pdf,
                                       gboolean    layout);
/* Output of a command (argv[0] searched in PATH), asserts exit status 0. */
char        *lp_test_run_tool         (const char * const *argv);
/* Writes @bytes to a new file in a fresh temporary directory; returns its path. */
char        *lp_test_write_temp       (GBytes     *bytes,
                                       const char *basename);
/* Runs the lettre-plainte program with @argv (NULL-terminated, without argv[0]);
 * returns the exit status and fills stdout/stderr if asked. */
int          lp_test_run_program      (const char * const *args,
                                       char              **out,
                                       char              **err);
/* Squeezes every run of white space (including newlines and form feeds) into one space. */
char        *lp_test_squeeze_space    (const char *text);

G_END_DECLS
