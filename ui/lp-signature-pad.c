/* lp-signature-pad.c — see lp-signature-pad.h */
#define G_LOG_DOMAIN "lp-signature-pad"

#include "lp-signature-pad.h"
#include "lp-secure.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* Ink thickness in ink-surface pixels: about 0.6 mm once in the letter. */
#define INK_LINE_WIDTH 4.0

struct _LpSignaturePad
{
  GtkDrawingArea parent_instance;

  /* Owned: the strokes, transparent where nothing is drawn. Allocated once (strokes must
   * survive a resize, tech-notes.md §2.6) and zeroed when freed: it is a signature. */
  cairo_surface_t *ink;
  /* Owned: the PNG given to set_png() or last exported; dropped by any new stroke. */
  GBytes          *png;

  gboolean         has_ink;
  gboolean         in_stroke;
  double           last_x, last_y;   /* ink coordinates */
  double           drag_x, drag_y;   /* widget coordinates where the drag began */
};

G_DEFINE_FINAL_TYPE (LpSignaturePad, lp_signature_pad, GTK_TYPE_DRAWING_AREA)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The ink surface is shown as large as fits, centred: the scale and offset that map it. */
static void
get_transform (LpSignaturePad *self,
               double         *scale,
               double         *offset_x,
               double         *offset_y)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));

  if (width <= 0 || height <= 0)
    {
      width = LP_SIGNATURE_PAD_WIDTH;
      height = LP_SIGNATURE_PAD_HEIGHT;
    }
  *scale = MIN (width / LP_SIGNATURE_PAD_WIDTH, height / LP_SIGNATURE_PAD_HEIGHT);
  *offset_x = (width - LP_SIGNATURE_PAD_WIDTH * *scale) / 2;
  *offset_y = (height - LP_SIGNATURE_PAD_HEIGHT * *scale) / 2;
}

static void
widget_to_ink (LpSignaturePad *self,
               double          x,
               double          y,
               double         *ink_x,
               double         *ink_y)
{
  double scale, offset_x, offset_y;

  get_transform (self, &scale, &offset_x, &offset_y);
  *ink_x = (x - offset_x) / scale;
  *ink_y = (y - offset_y) / scale;
}

static void
zero_surface (cairo_surface_t *surface)
{
  cairo_surface_flush (surface);
  lp_secure_zero (cairo_image_surface_get_data (surface),
                  (gsize) cairo_image_surface_get_stride (surface)
                  * (gsize) cairo_image_surface_get_height (surface));
  cairo_surface_mark_dirty (surface);
}

static void
ink_changed (LpSignaturePad *self)
{
  g_clear_pointer (&self->png, g_bytes_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Paper, a line to sign on, the ink, and a frame: the pad must look like a place to write. */
static void
draw_cb (GtkDrawingArea *area,
         cairo_t        *cr,
         int             width,
         int             height,
         gpointer        user_data)
{
  LpSignaturePad *self = LP_SIGNATURE_PAD (area);
  double scale, offset_x, offset_y;

  get_transform (self, &scale, &offset_x, &offset_y);
  cairo_save (cr);
  cairo_translate (cr, offset_x, offset_y);
  cairo_scale (cr, scale, scale);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, LP_SIGNATURE_PAD_WIDTH, LP_SIGNATURE_PAD_HEIGHT);
  cairo_fill (cr);

  cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
  cairo_set_line_width (cr, 1.5);
  cairo_move_to (cr, 30, LP_SIGNATURE_PAD_HEIGHT * 0.78);
  cairo_line_to (cr, LP_SIGNATURE_PAD_WIDTH - 30, LP_SIGNATURE_PAD_HEIGHT * 0.78);
  cairo_stroke (cr);

  cairo_set_source_surface (cr, self->ink, 0, 0);
  cairo_paint (cr);

  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  cairo_set_line_width (cr, 2);
  cairo_rectangle (cr, 1, 1, LP_SIGNATURE_PAD_WIDTH - 2, LP_SIGNATURE_PAD_HEIGHT - 2);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_segment_to (LpSignaturePad *self,
                 double          ink_x,
                 double          ink_y)
{
  cairo_t *cr = cairo_create (self->ink);

  /* Dark blue, like a ballpoint pen. A segment of length zero with round caps is a dot,
   * so a single tap leaves a mark. */
  cairo_set_source_rgb (cr, 0.05, 0.10, 0.35);
  cairo_set_line_width (cr, INK_LINE_WIDTH);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_move_to (cr, self->last_x, self->last_y);
  cairo_line_to (cr, ink_x, ink_y);
  cairo_stroke (cr);
  cairo_destroy (cr);

  self->last_x = ink_x;
  self->last_y = ink_y;
  self->has_ink = TRUE;
  ink_changed (self);
}

void
lp_signature_pad_begin_stroke (LpSignaturePad *self,
                               double          x,
                               double          y)
{
  g_return_if_fail (LP_IS_SIGNATURE_PAD (self));

  widget_to_ink (self, x, y, &self->last_x, &self->last_y);
  self->in_stroke = TRUE;
  draw_segment_to (self, self->last_x, self->last_y);
}

void
lp_signature_pad_extend_stroke (LpSignaturePad *self,
                                double          x,
                                double          y)
{
  double ink_x, ink_y;

  g_return_if_fail (LP_IS_SIGNATURE_PAD (self));
  if (!self->in_stroke)
    return;
  widget_to_ink (self, x, y, &ink_x, &ink_y);
  draw_segment_to (self, ink_x, ink_y);
}

void
lp_signature_pad_end_stroke (LpSignaturePad *self)
{
  g_return_if_fail (LP_IS_SIGNATURE_PAD (self));
  if (!self->in_stroke)
    return;
  self->in_stroke = FALSE;
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               LpSignaturePad *self)
{
  /* Claimed at once: on a touch screen the finger draws, it does not scroll the page. */
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  self->drag_x = x;
  self->drag_y = y;
  lp_signature_pad_begin_stroke (self, x, y);
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          offset_x,
                double          offset_y,
                LpSignaturePad *self)
{
  lp_signature_pad_extend_stroke (self, self->drag_x + offset_x, self->drag_y + offset_y);
}

static void
drag_end_cb (GtkGestureDrag *gesture,
             double          offset_x,
             double          offset_y,
             LpSignaturePad *self)
{
  lp_signature_pad_end_stroke (self);
}

gboolean
lp_signature_pad_is_empty (LpSignaturePad *self)
{
  g_return_val_if_fail (LP_IS_SIGNATURE_PAD (self), TRUE);
  return !self->has_ink;
}

static void
erase_ink (LpSignaturePad *self)
{
  zero_surface (self->ink);
  self->has_ink = FALSE;
  self->in_stroke = FALSE;
  ink_changed (self);
}

void
lp_signature_pad_clear (LpSignaturePad *self)
{
  gboolean had_ink;

  g_return_if_fail (LP_IS_SIGNATURE_PAD (self));
  had_ink = self->has_ink;
  erase_ink (self);
  if (had_ink)
    g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

typedef struct {
  const guint8 *data;
  gsize         size;
  gsize         offset;
} ReadCursor;

static cairo_status_t
read_png_cb (void          *closure,
             unsigned char *data,
             unsigned int   length)
{
  ReadCursor *cursor = closure;

  if (cursor->size - cursor->offset < length)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, cursor->data + cursor->offset, length);
  cursor->offset += length;
  return CAIRO_STATUS_SUCCESS;
}

gboolean
lp_signature_pad_set_png (LpSignaturePad *self,
                          GBytes         *png,
                          GError        **error)
{
  ReadCursor cursor = { NULL, 0, 0 };
  cairo_surface_t *image;
  cairo_t *cr;
  double scale;
  int width, height;

  g_return_val_if_fail (LP_IS_SIGNATURE_PAD (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  erase_ink (self);
  if (png == NULL)
    return TRUE;

  cursor.data = g_bytes_get_data (png, &cursor.size);
  image = cairo_image_surface_create_from_png_stream (read_png_cb, &cursor);
  if (cairo_surface_status (image) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (image);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The drawn signature cannot be read. Draw the signature again."));
      return FALSE;
    }
  width = cairo_image_surface_get_width (image);
  height = cairo_image_surface_get_height (image);
  scale = MIN ((double) LP_SIGNATURE_PAD_WIDTH / MAX (width, 1),
               (double) LP_SIGNATURE_PAD_HEIGHT / MAX (height, 1));

  cr = cairo_create (self->ink);
  cairo_translate (cr, (LP_SIGNATURE_PAD_WIDTH - width * scale) / 2,
                   (LP_SIGNATURE_PAD_HEIGHT - height * scale) / 2);
  cairo_scale (cr, scale, scale);
  cairo_set_source_surface (cr, image, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  zero_surface (image);
  cairo_surface_destroy (image);

  self->has_ink = TRUE;
  ink_changed (self);
  /* Kept as given: exporting it again would blur it a little more each time. */
  self->png = g_bytes_ref (png);
  return TRUE;
}

static cairo_status_t
write_png_cb (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static GBytes *
export_png (LpSignaturePad *self)
{
  cairo_surface_t *flat = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                                      LP_SIGNATURE_PNG_WIDTH,
                                                      LP_SIGNATURE_PNG_HEIGHT);
  cairo_t *cr = cairo_create (flat);
  GByteArray *buffer = g_byte_array_new ();
  cairo_status_t status;
  GBytes *png = NULL;

  /* Flattened on white: no alpha channel, so libharu has no uncompressed mask to write. */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, (double) LP_SIGNATURE_PNG_WIDTH / LP_SIGNATURE_PAD_WIDTH,
               (double) LP_SIGNATURE_PNG_HEIGHT / LP_SIGNATURE_PAD_HEIGHT);
  cairo_set_source_surface (cr, self->ink, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
  cairo_paint (cr);
  cairo_destroy (cr);

  status = cairo_surface_write_to_png_stream (flat, write_png_cb, buffer);
  if (status == CAIRO_STATUS_SUCCESS)
    png = lp_secure_bytes_new (buffer->data, buffer->len);
  else
    g_warning ("Could not encode the signature: %s", cairo_status_to_string (status));

  lp_secure_zero (buffer->data, buffer->len);
  g_byte_array_unref (buffer);
  zero_surface (flat);
  cairo_surface_destroy (flat);
  return png;
}

GBytes *
lp_signature_pad_get_png (LpSignaturePad *self)
{
  g_return_val_if_fail (LP_IS_SIGNATURE_PAD (self), NULL);

  if (!self->has_ink)
    return NULL;
  if (self->png == NULL)
    self->png = export_png (self);
  return self->png != NULL ? g_bytes_ref (self->png) : NULL;
}

static void
lp_signature_pad_finalize (GObject *object)
{
  LpSignaturePad *self = LP_SIGNATURE_PAD (object);

  zero_surface (self->ink);
  cairo_surface_destroy (self->ink);
  g_clear_pointer (&self->png, g_bytes_unref);
  G_OBJECT_CLASS (lp_signature_pad_parent_class)->finalize (object);
}

static void
lp_signature_pad_class_init (LpSignaturePadClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = lp_signature_pad_finalize;
  /* A plain drawing area is a "filler" for screen readers (tech-notes.md §2.7). */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "lpsignaturepad");

  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);
}

static void
lp_signature_pad_init (LpSignaturePad *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();

  self->ink = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, LP_SIGNATURE_PAD_WIDTH,
                                          LP_SIGNATURE_PAD_HEIGHT);
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (self), LP_SIGNATURE_PAD_WIDTH);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self), LP_SIGNATURE_PAD_HEIGHT);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self), draw_cb, NULL, NULL);
  gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_START);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "crosshair");

  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  /* Translators: accessible name of the box where one draws one's
                                   * signature */
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Signature area"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Draw your signature here with a finger, a pen or the "
                                    "mouse. It is optional."),
                                  -1);
}

GtkWidget *
lp_signature_pad_new (void)
{
  return g_object_new (LP_TYPE_SIGNATURE_PAD, NULL);
}
