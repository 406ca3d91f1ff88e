/* lp-issue.h — problems found in a complaint: blocking errors and non-blocking warnings
 *
 * Every validator reports into an LpIssueList. An issue carries the JSON path of the
 * field (e.g. "complainant.birth_date"), so the command line can print it first and the
 * wizard can put the message under the right field, and a message that names the field
 * and says how to fix it (domain.md §4.2). Messages are translated with gettext.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  LP_SEVERITY_ERROR,    /* blocks the complaint: it cannot be rendered or sent */
  LP_SEVERITY_WARNING,  /* shown to the person, never blocking */
} LpSeverity;

typedef struct {
  LpSeverity severity;
  char *path;     /* JSON path of the field, "complainant.nir", "complainant.given_names[1]" */
  char *message;  /* full sentence naming the field and the fix */
} LpIssue;

typedef struct _LpIssueList LpIssueList;

LpIssueList   *lp_issue_list_new          (void);
void           lp_issue_list_free         (LpIssueList *list);

void           lp_issue_list_add          (LpIssueList *list,
                                           LpSeverity   severity,
                                           const char  *path,
                                           const char  *format,
                                           ...) G_GNUC_PRINTF (4, 5);
guint          lp_issue_list_get_length   (const LpIssueList *list);
const LpIssue *lp_issue_list_get          (const LpIssueList *list,
                                           guint              index);
guint          lp_issue_list_count        (const LpIssueList *list,
                                           LpSeverity         severity);
gboolean       lp_issue_list_has_errors   (const LpIssueList *list);
/* First issue whose path is @path (exact match), or NULL. */
const LpIssue *lp_issue_list_find         (const LpIssueList *list,
                                           const char        *path);
/* Moves every issue of @from to the end of @to, prefixing paths with @prefix + "." when
 * @prefix is not NULL (used for arrays: "[2]" + ".complainant.nir"). */
void           lp_issue_list_append       (LpIssueList *to,
                                           LpIssueList *from,
                                           const char  *prefix);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LpIssueList, lp_issue_list_free)

G_END_DECLS
