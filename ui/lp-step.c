/* lp-step.c — see lp-step.h */
#define G_LOG_DOMAIN "lp-step"

#include "lp-step.h"
#include "lp-validate.h"

#include <string.h>

typedef struct
{
  char    *path;
  LpFormField *field;    /* borrowed: a descendant of the step */
} Binding;

typedef struct
{
  char        *step_name;
  char        *title;
  LpComplaint *complaint;  /* borrowed from the application */
  LpCampaign  *campaign;   /* owned reference, may be NULL */
  GPtrArray   *fields;     /* LpFormField*, borrowed, visual order */
  GArray      *bindings;   /* Binding */
  gboolean     cannot_go_back;
} LpStepPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (LpStep, lp_step, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STEP_NAME,
  PROP_TITLE,
  PROP_CAN_GO_BACK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
binding_clear (gpointer data)
{
  Binding *binding = data;

  g_free (binding->path);
}

/* "a.b" matches "a.b", "a.b.c" and "a.b[2]": the issue is about the field or a part of it. */
static gboolean
path_covers (const char *binding_path,
             const char *issue_path)
{
  gsize len = strlen (binding_path);

  if (strncmp (binding_path, issue_path, len) != 0)
    return FALSE;
  return issue_path[len] == '\0' || issue_path[len] == '.' || issue_path[len] == '[';
}

LpFormField *
lp_step_find_field (LpStep     *self,
                    const char *path)
{
  LpStepPrivate *priv = lp_step_get_instance_private (self);
  LpFormField *best = NULL;
  gsize best_len = 0;

  g_return_val_if_fail (LP_IS_STEP (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  for (guint i = 0; i < priv->bindings->len; i++)
    {
      Binding *binding = &g_array_index (priv->bindings, Binding, i);
      gsize len = strlen (binding->path);

      if (path_covers (binding->path, path) && (best == NULL || len > best_len))
        {
          best = binding->field;
          best_len = len;
        }
    }
  return best;
}

/* Visible on the page, not merely visible itself: a hidden section hides its fields. */
static gboolean
is_shown_in_step (LpStep    *self,
                  GtkWidget *widget)
{
  for (; widget != NULL && widget != GTK_WIDGET (self); widget = gtk_widget_get_parent (widget))
    if (!gtk_widget_get_visible (widget))
      return FALSE;
  return widget != NULL;
}

static LpIssueList *
run_validators (LpStep *self)
{
  LpStepPrivate *priv = lp_step_get_instance_private (self);
  LpIssueList *issues = lp_issue_list_new ();

  if (priv->complaint != NULL)
    LP_STEP_GET_CLASS (self)->collect_issues (self, priv->complaint, issues);
  return issues;
}

/* The first problem for @field, errors before warnings, or NULL. */
static const LpIssue *
issue_for_field (LpStep            *self,
                 const LpIssueList *issues,
                 LpFormField       *field)
{
  const LpIssue *warning = NULL;

  for (guint i = 0; i < lp_issue_list_get_length (issues); i++)
    {
      const LpIssue *issue = lp_issue_list_get (issues, i);

      if (lp_step_find_field (self, issue->path) != field)
        continue;
      if (issue->severity == LP_SEVERITY_ERROR)
        return issue;
      if (warning == NULL)
        warning = issue;
    }
  return warning;
}

static void
show_issue (LpFormField   *field,
            const LpIssue *issue)
{
  lp_form_field_set_error (field, issue != NULL ? issue->message : NULL);
  if (issue != NULL && issue->severity == LP_SEVERITY_WARNING)
    gtk_widget_add_css_class (GTK_WIDGET (field), "lp-warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (field), "lp-warning");
}

/* The person left @field after changing it: check it now, as DSFR forms do on blur, and
 * refresh the fields already showing a problem (fixing one may fix another). A field the
 * person has not touched yet stays quiet. */
static void
field_left_cb (LpFormField *field,
               LpStep      *self)
{
  LpStepPrivate *priv = lp_step_get_instance_private (self);
  g_autoptr (LpIssueList) issues = NULL;

  lp_step_store (self);
  issues = run_validators (self);
  for (guint i = 0; i < priv->fields->len; i++)
    {
      LpFormField *other = g_ptr_array_index (priv->fields, i);

      if (other == field || lp_form_field_get_error (other) != NULL)
        show_issue (other, issue_for_field (self, issues, other));
    }
}

/* The first field rather than gtk_widget_child_focus(): a page just made visible has no
 * layout yet, and GTK orders Tab focus by position. */
static gboolean
lp_step_real_focus_first (LpStep *self)
{
  LpStepPrivate *priv = lp_step_get_instance_private (self);

  for (guint i = 0; i < priv->fields->len; i++)
    {
      LpFormField *field = g_ptr_array_index (priv->fields, i);

      if (is_shown_in_step (self, GTK_WIDGET (field)))
        return lp_form_field_focus (field);
    }
  return gtk_widget_child_focus (GTK_WIDGET (self), GTK_DIR_TAB_FORWARD);
}

static void
lp_step_real_load_from_model (LpStep            *self,
                              const LpComplaint *complaint)
{
}

static void
lp_step_real_store_to_model (LpStep      *self,
                             LpComplaint *complaint)
{
}

static void
lp_step_real_collect_issues (LpStep            *self,
                             const LpComplaint *complaint,
                             LpIssueList       *issues)
{
  LpStepPrivate *priv = lp_step_get_instance_private (self);

  lp_validate_complaint (complaint, priv->campaign, NULL, issues);
}

static void
lp_step_dispose (GObject *object)
{
  LpStep *self = LP_STEP (object);
  LpStepPrivate *priv = lp_step_get_instance_private (self);
  GtkWidget *child;

  lp_step_remove_fields (self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&priv->campaign, lp_campaign_unref);
  priv->complaint = NULL;
  G_OBJECT_CLASS (lp_step_parent_class)->dispose (object);
}

static void
lp_step_finalize (GObject *object)
{
  LpStepPrivate *priv = lp_step_get_instance_private (LP_STEP (object));

  g_free (priv->step_name);
  g_free (priv->title);
  g_ptr_array_unref (priv->fields);
  g_array_unref (priv->bindings);
  G_OBJECT_CLASS (lp_step_parent_class)->finalize (object);
}

static void
lp_step_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  LpStep *self = LP_STEP (object);

  switch (prop_id)
    {
    case PROP_STEP_NAME:
      g_value_set_string (value, lp_step_get_name (self));
      break;
    case PROP_TITLE:
      g_value_set_string (value, lp_step_get_title (self));
      break;
    case PROP_CAN_GO_BACK:
      g_value_set_boolean (value, lp_step_get_can_go_back (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lp_step_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  LpStep *self = LP_STEP (object);
  LpStepPrivate *priv = lp_step_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_STEP_NAME:
      g_free (priv->step_name);
      priv->step_name = g_value_dup_string (value);
      break;
    case PROP_TITLE:
      lp_step_set_title (self, g_value_get_string (value));
      break;
    case PROP_CAN_GO_BACK:
      lp_step_set_can_go_back (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lp_step_class_init (LpStepClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lp_step_dispose;
  object_class->finalize = lp_step_finalize;
  object_class->get_property = lp_step_get_property;
  object_class->set_property = lp_step_set_property;
  klass->load_from_model = lp_step_real_load_from_model;
  klass->store_to_model = lp_step_real_store_to_model;
  klass->collect_issues = lp_step_real_collect_issues;
  klass->focus_first = lp_step_real_focus_first;

  properties[PROP_STEP_NAME] =
    g_param_spec_string ("step-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_GO_BACK] =
    g_param_spec_boolean ("can-go-back", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* One child: the subclass's template root (a vertical GtkBox). */
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "lpstep");
}

static void
lp_step_init (LpStep *self)
{
  LpStepPrivate *priv = lp_step_get_instance_private (self);

  /* Strong references: a subclass's dispose frees its template (and with it the fields)
   * before ours runs, and we still disconnect from the fields then. */
  priv->fields = g_ptr_array_new_with_free_func (g_object_unref);
  priv->bindings = g_array_new (FALSE, TRUE, sizeof (Binding));
  g_array_set_clear_func (priv->bindings, binding_clear);
}

const char *
lp_step_get_name (LpStep *self)
{
  LpStepPrivate *priv = lp_step_get_instance_private (self);

  g_return_val_if_fail (LP_IS_STEP (self), NULL);
  return priv->step_name;
}

const char *
lp_step_get_title (LpStep *self)
{
  LpStepPrivate *priv = lp_step_get_instance_private (self);

  g_return_val_if_fail (LP_IS_STEP (self), NULL);
  return priv->title;
}

void
lp_step_set_title (LpStep     *self,
                   const char *title)
{
  LpStepPrivate *priv = lp_step_get_instance_private (self);

  g_return_if_fail (LP_IS_STEP (self));
  if (g_strcmp0 (priv->title, title) == 0)
    return;
  g_free (priv->title);
  priv->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

gboolean
lp_step_get_can_go_back (LpStep *self)
{
  LpStepPrivate *priv = lp_step_get_instance_private (self);

  g_return_val_if_fail (LP_IS_STEP (self), TRUE);
  return !priv->cannot_go_back;
}

void
lp_step_set_can_go_back (LpStep   *self,
                         gboolean  can_go_back)
{
  LpStepPrivate *priv = lp_step_get_instance_private (self);

  g_return_if_fail (LP_IS_STEP (self));
  if (priv->cannot_go_back == !can_go_back)
    return;
  priv->cannot_go_back = !can_go_back;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_BACK]);
}

void
lp_step_set_model (LpStep      *self,
                   LpComplaint *complaint,
                   LpCampaign  *campaign)
{
  LpStepPrivate *priv = lp_step_get_instance_private (self);

  g_return_if_fail (LP_IS_STEP (self));
  priv->complaint = complaint;
  if (campaign != priv->campaign)
    {
      g_clear_pointer (&priv->campaign, lp_campaign_unref);
      priv->campaign = campaign != NULL ? lp_campaign_ref (campaign) : NULL;
    }
}

LpComplaint *
lp_step_get_complaint (LpStep *self)
{
  LpStepPrivate *priv = lp_step_get_instance_private (self);

  g_return_val_if_fail (LP_IS_STEP (self), NULL);
  return priv->complaint;
}

LpCampaign *
lp_step_get_campaign (LpStep *self)
{
  LpStepPrivate *priv = lp_step_get_instance_private (self);

  g_return_val_if_fail (LP_IS_STEP (self), NULL);
  return priv->campaign;
}

void
lp_step_load (LpStep *self)
{
  LpStepPrivate *priv = lp_step_get_instance_private (self);

  g_return_if_fail (LP_IS_STEP (self));
  if (priv->complaint != NULL)
    LP_STEP_GET_CLASS (self)->load_from_model (self, priv->complaint);
}

void
lp_step_store (LpStep *self)
{
  LpStepPrivate *priv = lp_step_get_instance_private (self);

  g_return_if_fail (LP_IS_STEP (self));
  if (priv->complaint != NULL)
    LP_STEP_GET_CLASS (self)->store_to_model (self, priv->complaint);
}

void
lp_step_bind_path (LpStep      *self,
                   LpFormField *field,
                   const char  *path)
{
  LpStepPrivate *priv = lp_step_get_instance_private (self);
  Binding binding;

  g_return_if_fail (LP_IS_STEP (self));
  g_return_if_fail (LP_IS_FORM_FIELD (field));
  g_return_if_fail (path != NULL);

  binding.path = g_strdup (path);
  binding.field = field;
  g_array_append_val (priv->bindings, binding);
}

void
lp_step_add_field (LpStep      *self,
                   LpFormField *field)
{
  LpStepPrivate *priv = lp_step_get_instance_private (self);
  const char *path;

  g_return_if_fail (LP_IS_STEP (self));
  g_return_if_fail (LP_IS_FORM_FIELD (field));

  path = lp_form_field_get_path (field);
  g_return_if_fail (path != NULL);
  g_ptr_array_add (priv->fields, g_object_ref (field));
  lp_step_bind_path (self, field, path);
  g_signal_connect_object (field, "left", G_CALLBACK (field_left_cb), self, 0);
}

void
lp_step_remove_fields (LpStep *self)
{
  LpStepPrivate *priv = lp_step_get_instance_private (self);

  g_return_if_fail (LP_IS_STEP (self));
  for (guint i = 0; i < priv->fields->len; i++)
    g_signal_handlers_disconnect_by_func (g_ptr_array_index (priv->fields, i),
                                          field_left_cb, self);
  g_ptr_array_set_size (priv->fields, 0);
  g_array_set_size (priv->bindings, 0);
}

GPtrArray *
lp_step_validate (LpStep *self)
{
  LpStepPrivate *priv = lp_step_get_instance_private (self);
  g_autoptr (LpIssueList) issues = NULL;
  GPtrArray *invalid = g_ptr_array_new ();

  g_return_val_if_fail (LP_IS_STEP (self), invalid);

  lp_step_store (self);
  issues = run_validators (self);
  for (guint i = 0; i < priv->fields->len; i++)
    {
      LpFormField *field = g_ptr_array_index (priv->fields, i);
      const LpIssue *issue = NULL;

      if (is_shown_in_step (self, GTK_WIDGET (field)))
        issue = issue_for_field (self, issues, field);
      show_issue (field, issue);
      if (issue != NULL && issue->severity == LP_SEVERITY_ERROR)
        g_ptr_array_add (invalid, field);
    }
  return invalid;
}

gboolean
lp_step_focus_first_error (LpStep *self)
{
  LpStepPrivate *priv = lp_step_get_instance_private (self);

  g_return_val_if_fail (LP_IS_STEP (self), FALSE);
  for (guint i = 0; i < priv->fields->len; i++)
    {
      LpFormField *field = g_ptr_array_index (priv->fields, i);

      if (lp_form_field_get_error (field) != NULL
          && !gtk_widget_has_css_class (GTK_WIDGET (field), "lp-warning"))
        return lp_form_field_focus (field);
    }
  return FALSE;
}

void
lp_step_clear_errors (LpStep *self)
{
  LpStepPrivate *priv = lp_step_get_instance_private (self);

  g_return_if_fail (LP_IS_STEP (self));
  for (guint i = 0; i < priv->fields->len; i++)
    show_issue (g_ptr_array_index (priv->fields, i), NULL);
}

gboolean
lp_step_focus_first (LpStep *self)
{
  g_return_val_if_fail (LP_IS_STEP (self), FALSE);
  return LP_STEP_GET_CLASS (self)->focus_first (self);
}
