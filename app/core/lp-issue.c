/* lp-issue.c — see lp-issue.h */
#define G_LOG_DOMAIN "lp-issue"

#include "lp-issue.h"

struct _LpIssueList {
  GArray *issues;  /* of LpIssue */
};

static void
clear_issue (gpointer data)
{
  LpIssue *issue = data;

  g_clear_pointer (&issue->path, g_free);
  g_clear_pointer (&issue->message, g_free);
}

LpIssueList *
lp_issue_list_new (void)
{
  LpIssueList *list = g_new0 (LpIssueList, 1);

  list->issues = g_array_new (FALSE, TRUE, sizeof (LpIssue));
  g_array_set_clear_func (list->issues, clear_issue);
  return list;
}

void
lp_issue_list_free (LpIssueList *list)
{
  if (list == NULL)
    return;
  g_array_unref (list->issues);
  g_free (list);
}

void
lp_issue_list_add (LpIssueList *list,
                   LpSeverity   severity,
                   const char  *path,
                   const char  *format,
                   ...)
{
  LpIssue issue = { severity, NULL, NULL };
  va_list args;

  g_return_if_fail (list != NULL);
  g_return_if_fail (path != NULL);

  va_start (args, format);
  issue.message = g_strdup_vprintf (format, args);
  va_end (args);
  issue.path = g_strdup (path);
  g_array_append_val (list->issues, issue);
}

guint
lp_issue_list_get_length (const LpIssueList *list)
{
  return list->issues->len;
}

const LpIssue *
lp_issue_list_get (const LpIssueList *list,
                   guint              index)
{
  g_return_val_if_fail (index < list->issues->len, NULL);
  return &g_array_index (list->issues, LpIssue, index);
}

guint
lp_issue_list_count (const LpIssueList *list,
                     LpSeverity         severity)
{
  guint n = 0;

  for (guint i = 0; i < list->issues->len; i++)
    if (g_array_index (list->issues, LpIssue, i).severity == severity)
      n++;
  return n;
}

gboolean
lp_issue_list_has_errors (const LpIssueList *list)
{
  return lp_issue_list_count (list, LP_SEVERITY_ERROR) > 0;
}

const LpIssue *
lp_issue_list_find (const LpIssueList *list,
                    const char        *path)
{
  for (guint i = 0; i < list->issues->len; i++)
    {
      const LpIssue *issue = &g_array_index (list->issues, LpIssue, i);

      if (g_strcmp0 (issue->path, path) == 0)
        return issue;
    }
  return NULL;
}

void
lp_issue_list_append (LpIssueList *to,
                      LpIssueList *from,
                      const char  *prefix)
{
  for (guint i = 0; i < from->issues->len; i++)
    {
      LpIssue *issue = &g_array_index (from->issues, LpIssue, i);
      LpIssue moved = { issue->severity, NULL, g_steal_pointer (&issue->message) };

      if (prefix != NULL)
        moved.path = issue->path[0] == '[' ? g_strconcat (prefix, issue->path, NULL)
                                           : g_strconcat (prefix, ".", issue->path, NULL);
      else
        moved.path = g_strdup (issue->path);
      g_array_append_val (to->issues, moved);
    }
  g_array_set_size (from->issues, 0);
}
