/* lp-validate.h — validators for every field of a complaint
 *
 * Each validator appends LpIssues (errors block, warnings do not) to a list, with the JSON
 * path it was given and a message that names the field and says how to fix it, in the tone
 * of domain.md §4.2 ("Date de naissance : le jour est invalide. Exemple : 14"). The same
 * functions serve the command line (--check) and the wizard (one field at a time).
 * @today is passed in so that tests do not depend on the clock.
 */
#pragma once

#include "lp-campaign.h"
#include "lp-complaint.h"
#include "lp-issue.h"

G_BEGIN_DECLS

/* Validates the whole complaint. @campaign may be NULL (ids are then not checked against
 * it); @today NULL means the current local date. */
void lp_validate_complaint (const LpComplaint *complaint,
                            const LpCampaign  *campaign,
                            const GDate       *today,
                            LpIssueList       *issues);

G_END_DECLS
