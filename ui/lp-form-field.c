/* lp-form-field.c — see lp-form-field.h */
#define G_LOG_DOMAIN "lp-form-field"

#include "lp-form-field.h"
#include "lp-ui.h"

#include <glib/gi18n-lib.h>

typedef struct
{
  /* Template widgets */
  GtkLabel  *label_widget;
  GtkLabel  *hint_label;
  GtkBox    *control_box;
  GtkEntry  *entry;        /* NULL once the control was replaced */
  GtkBox    *error_box;
  GtkLabel  *error_label;

  /* Owned */
  char      *label;
  char      *hint;
  char      *path;
  char      *error;
  GtkWidget *control;      /* the custom control, when set */

  gboolean   optional;
  gboolean   touched;      /* the person changed the value */
  gboolean   changed_since_focus;
  gboolean   loading;      /* set_text() in progress: not the person's change */
} LpFormFieldPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (LpFormField, lp_form_field, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LABEL,
  PROP_HINT,
  PROP_OPTIONAL,
  PROP_PATH,
  PROP_TEXT,
  N_PROPS
};

enum {
  SIGNAL_CHANGED,
  SIGNAL_LEFT,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static char *
dup_visible_label (LpFormField *self)
{
  LpFormFieldPrivate *priv = lp_form_field_get_instance_private (self);
  const char *label = priv->label != NULL ? priv->label : "";

  if (!priv->optional)
    return g_strdup (label);
  /* Translators: an optional field's label; %s is the field name, e.g.
   * "Usage name (optional)". DSFR: "Nom d'usage (optionnel)" */
  return g_strdup_printf (_("%s (optional)"), label);
}

static char *
dup_description (LpFormField *self)
{
  LpFormFieldPrivate *priv = lp_form_field_get_instance_private (self);
  GString *text = g_string_new (NULL);

  if (priv->hint != NULL && priv->hint[0] != '\0')
    g_string_append (text, priv->hint);
  if (priv->error != NULL)
    {
      if (text->len > 0)
        g_string_append (text, " ");
      g_string_append (text, priv->error);
    }
  return g_string_free (text, FALSE);
}

static GList *
lp_form_field_real_get_accessibles (LpFormField *self)
{
  LpFormFieldPrivate *priv = lp_form_field_get_instance_private (self);

  if (priv->entry != NULL)
    return g_list_prepend (NULL, priv->entry);
  if (priv->control != NULL)
    return g_list_prepend (NULL, priv->control);
  return NULL;
}

void
lp_form_field_update_accessible (LpFormField *self)
{
  LpFormFieldPrivate *priv = lp_form_field_get_instance_private (self);
  g_autofree char *label = dup_visible_label (self);
  g_autofree char *description = dup_description (self);
  GList *accessibles;

  gtk_label_set_text (priv->label_widget, label);
  accessibles = LP_FORM_FIELD_GET_CLASS (self)->get_accessibles (self);
  for (GList *l = accessibles; l != NULL; l = l->next)
    {
      GtkAccessible *accessible = GTK_ACCESSIBLE (l->data);

      if (!LP_FORM_FIELD_GET_CLASS (self)->names_own_accessibles)
        gtk_accessible_update_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_accessible_update_property (accessible,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                      GTK_ACCESSIBLE_PROPERTY_REQUIRED, !priv->optional,
                                      -1);
      gtk_accessible_update_state (accessible, GTK_ACCESSIBLE_STATE_INVALID,
                                   priv->error != NULL ? GTK_ACCESSIBLE_INVALID_TRUE
                                                       : GTK_ACCESSIBLE_INVALID_FALSE,
                                   -1);
    }
  g_list_free (accessibles);
}

static void
entry_changed_cb (LpFormField *self)
{
  LpFormFieldPrivate *priv = lp_form_field_get_instance_private (self);

  if (priv->loading)
    return;
  lp_form_field_notify_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

static void
focus_left_cb (LpFormField *self)
{
  LpFormFieldPrivate *priv = lp_form_field_get_instance_private (self);

  if (!priv->changed_since_focus)
    return;
  priv->changed_since_focus = FALSE;
  g_signal_emit (self, signals[SIGNAL_LEFT], 0);
}

static void
lp_form_field_dispose (GObject *object)
{
  GtkWidget *child;

  /* Not gtk_widget_dispose_template(): GTK 4.8 asserts when the instance is of a subclass
   * (LpDateField...) that has no template of its own. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (lp_form_field_parent_class)->dispose (object);
}

static void
lp_form_field_finalize (GObject *object)
{
  LpFormFieldPrivate *priv = lp_form_field_get_instance_private (LP_FORM_FIELD (object));

  g_free (priv->label);
  g_free (priv->hint);
  g_free (priv->path);
  g_free (priv->error);
  G_OBJECT_CLASS (lp_form_field_parent_class)->finalize (object);
}

static void
lp_form_field_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LpFormField *self = LP_FORM_FIELD (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, lp_form_field_get_label (self));
      break;
    case PROP_HINT:
      g_value_set_string (value, lp_form_field_get_hint (self));
      break;
    case PROP_OPTIONAL:
      g_value_set_boolean (value, lp_form_field_get_optional (self));
      break;
    case PROP_PATH:
      g_value_set_string (value, lp_form_field_get_path (self));
      break;
    case PROP_TEXT:
      g_value_set_string (value, lp_form_field_get_text (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lp_form_field_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  LpFormField *self = LP_FORM_FIELD (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      lp_form_field_set_label (self, g_value_get_string (value));
      break;
    case PROP_HINT:
      lp_form_field_set_hint (self, g_value_get_string (value));
      break;
    case PROP_OPTIONAL:
      lp_form_field_set_optional (self, g_value_get_boolean (value));
      break;
    case PROP_PATH:
      lp_form_field_set_path (self, g_value_get_string (value));
      break;
    case PROP_TEXT:
      lp_form_field_set_text (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
lp_form_field_grab_focus (GtkWidget *widget)
{
  return lp_form_field_focus (LP_FORM_FIELD (widget));
}

static void
lp_form_field_class_init (LpFormFieldClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lp_form_field_dispose;
  object_class->finalize = lp_form_field_finalize;
  object_class->get_property = lp_form_field_get_property;
  object_class->set_property = lp_form_field_set_property;
  widget_class->grab_focus = lp_form_field_grab_focus;
  klass->get_accessibles = lp_form_field_real_get_accessibles;

  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HINT] =
    g_param_spec_string ("hint", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OPTIONAL] =
    g_param_spec_boolean ("optional", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_LEFT] =
    g_signal_new ("left", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  lp_ui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               LP_RESOURCE_PREFIX "lp-form-field.ui");
  gtk_widget_class_bind_template_child_private (widget_class, LpFormField, control_box);
  gtk_widget_class_bind_template_child_private (widget_class, LpFormField, entry);
  gtk_widget_class_bind_template_child_private (widget_class, LpFormField, error_box);
  gtk_widget_class_bind_template_child_private (widget_class, LpFormField, error_label);
  gtk_widget_class_bind_template_child_private (widget_class, LpFormField, hint_label);
  gtk_widget_class_bind_template_child_private (widget_class, LpFormField, label_widget);
  gtk_widget_class_set_css_name (widget_class, "lpformfield");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
lp_form_field_init (LpFormField *self)
{
  LpFormFieldPrivate *priv = lp_form_field_get_instance_private (self);
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (priv->entry, "changed", G_CALLBACK (entry_changed_cb), self);
  /* "leave" fires when the focus leaves the whole field (moving between the day, month
   * and year of a date does not count). */
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (focus_left_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
  lp_form_field_update_accessible (self);
}

LpFormField *
lp_form_field_new (const char *label,
                   const char *path)
{
  return g_object_new (LP_TYPE_FORM_FIELD, "label", label, "path", path, NULL);
}

const char *
lp_form_field_get_label (LpFormField *self)
{
  LpFormFieldPrivate *priv = lp_form_field_get_instance_private (self);

  g_return_val_if_fail (LP_IS_FORM_FIELD (self), NULL);
  return priv->label;
}

void
lp_form_field_set_label (LpFormField *self,
                         const char  *label)
{
  LpFormFieldPrivate *priv = lp_form_field_get_instance_private (self);

  g_return_if_fail (LP_IS_FORM_FIELD (self));
  if (g_strcmp0 (priv->label, label) == 0)
    return;
  g_free (priv->label);
  priv->label = g_strdup (label);
  lp_form_field_update_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

const char *
lp_form_field_get_hint (LpFormField *self)
{
  LpFormFieldPrivate *priv = lp_form_field_get_instance_private (self);

  g_return_val_if_fail (LP_IS_FORM_FIELD (self), NULL);
  return priv->hint;
}

void
lp_form_field_set_hint (LpFormField *self,
                        const char  *hint)
{
  LpFormFieldPrivate *priv = lp_form_field_get_instance_private (self);

  g_return_if_fail (LP_IS_FORM_FIELD (self));
  if (g_strcmp0 (priv->hint, hint) == 0)
    return;
  g_free (priv->hint);
  priv->hint = g_strdup (hint);
  gtk_label_set_text (priv->hint_label, hint != NULL ? hint : "");
  gtk_widget_set_visible (GTK_WIDGET (priv->hint_label), hint != NULL && hint[0] != '\0');
  lp_form_field_update_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HINT]);
}

gboolean
lp_form_field_get_optional (LpFormField *self)
{
  LpFormFieldPrivate *priv = lp_form_field_get_instance_private (self);

  g_return_val_if_fail (LP_IS_FORM_FIELD (self), FALSE);
  return priv->optional;
}

void
lp_form_field_set_optional (LpFormField *self,
                            gboolean     optional)
{
  LpFormFieldPrivate *priv = lp_form_field_get_instance_private (self);

  g_return_if_fail (LP_IS_FORM_FIELD (self));
  optional = !!optional;
  if (priv->optional == optional)
    return;
  priv->optional = optional;
  lp_form_field_update_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPTIONAL]);
}

const char *
lp_form_field_get_path (LpFormField *self)
{
  LpFormFieldPrivate *priv = lp_form_field_get_instance_private (self);

  g_return_val_if_fail (LP_IS_FORM_FIELD (self), NULL);
  return priv->path;
}

void
lp_form_field_set_path (LpFormField *self,
                        const char  *path)
{
  LpFormFieldPrivate *priv = lp_form_field_get_instance_private (self);

  g_return_if_fail (LP_IS_FORM_FIELD (self));
  if (g_strcmp0 (priv->path, path) == 0)
    return;
  g_free (priv->path);
  priv->path = g_strdup (path);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATH]);
}

GtkEntry *
lp_form_field_get_entry (LpFormField *self)
{
  LpFormFieldPrivate *priv = lp_form_field_get_instance_private (self);

  g_return_val_if_fail (LP_IS_FORM_FIELD (self), NULL);
  return priv->entry;
}

const char *
lp_form_field_get_text (LpFormField *self)
{
  LpFormFieldPrivate *priv = lp_form_field_get_instance_private (self);

  g_return_val_if_fail (LP_IS_FORM_FIELD (self), "");
  if (priv->entry == NULL)
    return "";
  return gtk_editable_get_text (GTK_EDITABLE (priv->entry));
}

void
lp_form_field_set_text (LpFormField *self,
                        const char  *text)
{
  LpFormFieldPrivate *priv = lp_form_field_get_instance_private (self);

  g_return_if_fail (LP_IS_FORM_FIELD (self));
  if (priv->entry == NULL || g_strcmp0 (lp_form_field_get_text (self), text) == 0)
    return;
  priv->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (priv->entry), text != NULL ? text : "");
  priv->loading = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

void
lp_form_field_set_control (LpFormField *self,
                           GtkWidget   *control)
{
  LpFormFieldPrivate *priv = lp_form_field_get_instance_private (self);

  g_return_if_fail (LP_IS_FORM_FIELD (self));
  g_return_if_fail (GTK_IS_WIDGET (control));

  if (priv->entry != NULL)
    {
      gtk_box_remove (priv->control_box, GTK_WIDGET (priv->entry));
      priv->entry = NULL;
    }
  if (priv->control != NULL)
    gtk_box_remove (priv->control_box, priv->control);
  priv->control = control;
  gtk_box_append (priv->control_box, control);
  lp_form_field_update_accessible (self);
}

GtkWidget *
lp_form_field_get_control (LpFormField *self)
{
  LpFormFieldPrivate *priv = lp_form_field_get_instance_private (self);

  g_return_val_if_fail (LP_IS_FORM_FIELD (self), NULL);
  return priv->entry != NULL ? GTK_WIDGET (priv->entry) : priv->control;
}

void
lp_form_field_notify_changed (LpFormField *self)
{
  LpFormFieldPrivate *priv = lp_form_field_get_instance_private (self);

  g_return_if_fail (LP_IS_FORM_FIELD (self));
  priv->touched = TRUE;
  priv->changed_since_focus = TRUE;
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

void
lp_form_field_set_error (LpFormField *self,
                         const char  *message)
{
  LpFormFieldPrivate *priv = lp_form_field_get_instance_private (self);

  g_return_if_fail (LP_IS_FORM_FIELD (self));
  if (message != NULL && message[0] == '\0')
    message = NULL;
  if (g_strcmp0 (priv->error, message) == 0)
    return;
  g_free (priv->error);
  priv->error = g_strdup (message);
  gtk_label_set_text (priv->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (priv->error_box), message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), "lp-invalid");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "lp-invalid");
  lp_form_field_update_accessible (self);
}

const char *
lp_form_field_get_error (LpFormField *self)
{
  LpFormFieldPrivate *priv = lp_form_field_get_instance_private (self);

  g_return_val_if_fail (LP_IS_FORM_FIELD (self), NULL);
  return priv->error;
}

gboolean
lp_form_field_get_touched (LpFormField *self)
{
  LpFormFieldPrivate *priv = lp_form_field_get_instance_private (self);

  g_return_val_if_fail (LP_IS_FORM_FIELD (self), FALSE);
  return priv->touched;
}

void
lp_form_field_reset_touched (LpFormField *self)
{
  LpFormFieldPrivate *priv = lp_form_field_get_instance_private (self);

  g_return_if_fail (LP_IS_FORM_FIELD (self));
  priv->touched = FALSE;
  priv->changed_since_focus = FALSE;
}

gboolean
lp_form_field_focus (LpFormField *self)
{
  LpFormFieldPrivate *priv = lp_form_field_get_instance_private (self);

  g_return_val_if_fail (LP_IS_FORM_FIELD (self), FALSE);
  if (priv->entry != NULL)
    return gtk_widget_grab_focus (GTK_WIDGET (priv->entry));
  /* A custom control: its first focusable child (a radio button, the day entry). */
  return gtk_widget_child_focus (GTK_WIDGET (priv->control_box), GTK_DIR_TAB_FORWARD);
}
