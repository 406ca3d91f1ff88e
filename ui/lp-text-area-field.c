/* lp-text-area-field.c — see lp-text-area-field.h */
#define G_LOG_DOMAIN "lp-text-area-field"

#include "lp-text-area-field.h"
#include "lp-secure.h"

#include <glib/gi18n-lib.h>

struct _LpTextAreaField
{
  LpFormField parent_instance;

  GtkTextView *view;
  gboolean     loading;
};

G_DEFINE_FINAL_TYPE (LpTextAreaField, lp_text_area_field, LP_TYPE_FORM_FIELD)

static void
buffer_changed_cb (LpTextAreaField *self)
{
  if (!self->loading)
    lp_form_field_notify_changed (LP_FORM_FIELD (self));
}

static GList *
lp_text_area_field_get_accessibles (LpFormField *field)
{
  return g_list_prepend (NULL, LP_TEXT_AREA_FIELD (field)->view);
}

static void
lp_text_area_field_class_init (LpTextAreaFieldClass *klass)
{
  LP_FORM_FIELD_CLASS (klass)->get_accessibles = lp_text_area_field_get_accessibles;
}

static void
lp_text_area_field_init (LpTextAreaField *self)
{
  GtkWidget *frame = gtk_frame_new (NULL);

  self->view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (self->view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (self->view, FALSE);
  gtk_text_view_set_left_margin (self->view, 12);
  gtk_text_view_set_right_margin (self->view, 12);
  gtk_text_view_set_top_margin (self->view, 10);
  gtk_text_view_set_bottom_margin (self->view, 10);
  gtk_widget_add_css_class (GTK_WIDGET (self->view), "lp-text-area");
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->view), "changed",
                            G_CALLBACK (buffer_changed_cb), self);
  gtk_frame_set_child (GTK_FRAME (frame), GTK_WIDGET (self->view));
  lp_form_field_set_control (LP_FORM_FIELD (self), frame);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view),
                                  GTK_ACCESSIBLE_PROPERTY_MULTI_LINE, TRUE, -1);
  lp_form_field_update_accessible (LP_FORM_FIELD (self));
}

LpTextAreaField *
lp_text_area_field_new (const char *label,
                        const char *path,
                        int         min_lines)
{
  LpTextAreaField *self = g_object_new (LP_TYPE_TEXT_AREA_FIELD,
                                        "label", label, "path", path, NULL);
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self->view), "X");
  int line_height = 0;

  /* A generous box: about @min_lines lines of the current font, whatever the text size. */
  pango_layout_get_pixel_size (layout, NULL, &line_height);
  g_object_unref (layout);
  gtk_widget_set_size_request (GTK_WIDGET (self->view), -1,
                               MAX (min_lines, 1) * MAX (line_height, 16) + 20);
  return self;
}

char *
lp_text_area_field_dup_text (LpTextAreaField *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (LP_IS_TEXT_AREA_FIELD (self), NULL);
  buffer = gtk_text_view_get_buffer (self->view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}

void
lp_text_area_field_set_text (LpTextAreaField *self,
                             const char      *text)
{
  char *current;
  gboolean same;

  g_return_if_fail (LP_IS_TEXT_AREA_FIELD (self));
  current = lp_text_area_field_dup_text (self);
  same = g_strcmp0 (current, text != NULL ? text : "") == 0;
  lp_secure_free_string (current);
  if (same)
    return;
  self->loading = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->view), text != NULL ? text : "", -1);
  self->loading = FALSE;
}

GtkTextView *
lp_text_area_field_get_view (LpTextAreaField *self)
{
  g_return_val_if_fail (LP_IS_TEXT_AREA_FIELD (self), NULL);
  return self->view;
}
