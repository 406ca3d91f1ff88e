/* lp-pdf-preview.c — see lp-pdf-preview.h */
#define G_LOG_DOMAIN "lp-pdf-preview"

#include "lp-pdf-preview.h"
#include "lp-secure.h"

#include <glib/gi18n-lib.h>
#include <poppler.h>

#include "lp-poppler-on-demand.h"

/* Pixels across a rendered page: sharp on the 800-pixel-wide page of the wizard, and on a
 * screen with twice the density; GtkPicture scales it down to the width. */
#define RENDER_WIDTH 1200

struct _LpPdfPreview
{
  GtkWidget parent_instance;

  /* Children */
  GtkWidget    *status_box;
  GtkWidget    *spinner;
  GtkWidget    *status_label;
  GtkWidget    *scroller;
  GtkBox       *pages_box;
  GtkWidget    *more_label;

  GCancellable *cancellable;   /* the rendering under way, or NULL */
  guint         n_pages;
  gboolean      loading;
};

G_DEFINE_FINAL_TYPE (LpPdfPreview, lp_pdf_preview, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_N_PAGES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What the worker thread gives back. */
typedef struct {
  GPtrArray *textures;   /* GdkTexture*, at most LP_PDF_PREVIEW_MAX_PAGES */
  guint      total_pages;
} Rendered;

static void
rendered_free (gpointer data)
{
  Rendered *rendered = data;

  g_ptr_array_unref (rendered->textures);
  g_free (rendered);
}

/* The pixels show a letter full of personal data: zeroed when the texture goes. */
static void
secure_free_pixels (gpointer data)
{
  cairo_surface_t *surface = data;

  cairo_surface_flush (surface);
  lp_secure_zero (cairo_image_surface_get_data (surface),
                  (gsize) cairo_image_surface_get_stride (surface)
                  * (gsize) cairo_image_surface_get_height (surface));
  cairo_surface_destroy (surface);
}

static GdkTexture *
render_page (PopplerPage *page)
{
  double width_pt, height_pt, scale;
  int height;
  cairo_surface_t *surface;
  cairo_t *cr;
  g_autoptr (GBytes) pixels = NULL;

  poppler_page_get_size (page, &width_pt, &height_pt);
  scale = RENDER_WIDTH / MAX (width_pt, 1.0);
  height = MAX (1, (int) (height_pt * scale + 0.5));
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, RENDER_WIDTH, height);
  cr = cairo_create (surface);
  /* Poppler does not paint the paper (tech-notes.md §2.5). */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* Cairo's ARGB32 is premultiplied, native-endian: GDK_MEMORY_DEFAULT. */
  pixels = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                       (gsize) cairo_image_surface_get_stride (surface) * height,
                                       secure_free_pixels, surface);
  return gdk_memory_texture_new (RENDER_WIDTH, height, GDK_MEMORY_DEFAULT, pixels,
                                 cairo_image_surface_get_stride (surface));
}

static void
render_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  GBytes *pdf = task_data;
  g_autoptr (GError) error = NULL;
  /* One thread in poppler at a time, until the document is freed (lp-poppler-on-demand.h). */
  g_autoptr (GMutexLocker) locker = lp_poppler_lock ();
  PopplerDocument *document;
  Rendered *rendered;
  guint shown;

  /* Replaced by a newer PDF while waiting for the lock: nothing to draw. */
  if (g_task_return_error_if_cancelled (task))
    return;
  document = poppler_document_new_from_bytes (pdf, NULL, &error);
  if (document == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  rendered = g_new0 (Rendered, 1);
  rendered->textures = g_ptr_array_new_with_free_func (g_object_unref);
  rendered->total_pages = (guint) MAX (0, poppler_document_get_n_pages (document));
  shown = MIN (rendered->total_pages, LP_PDF_PREVIEW_MAX_PAGES);
  for (guint i = 0; i < shown && !g_cancellable_is_cancelled (cancellable); i++)
    {
      PopplerPage *page = poppler_document_get_page (document, (int) i);

      if (page != NULL)
        {
          g_ptr_array_add (rendered->textures, render_page (page));
          g_object_unref (page);
        }
    }
  g_object_unref (document);
  g_task_return_pointer (task, rendered, rendered_free);
}

static void
remove_pages (LpPdfPreview *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->pages_box))) != NULL)
    gtk_box_remove (self->pages_box, child);
  gtk_widget_set_visible (self->more_label, FALSE);
  if (self->n_pages != 0)
    {
      self->n_pages = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
    }
}

static void
cancel_rendering (LpPdfPreview *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
}

static void
show_status (LpPdfPreview *self,
             gboolean      spinning,
             const char   *message)
{
  self->loading = spinning;
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), spinning);
  gtk_widget_set_visible (self->spinner, spinning);
  gtk_label_set_text (GTK_LABEL (self->status_label), message != NULL ? message : "");
  gtk_widget_set_visible (self->status_box, message != NULL && message[0] != '\0');
}

static void
show_pages (LpPdfPreview *self,
            Rendered     *rendered)
{
  guint shown = rendered->textures->len;

  for (guint i = 0; i < shown; i++)
    {
      GtkWidget *picture = gtk_picture_new_for_paintable (g_ptr_array_index (rendered->textures, i));
      /* Translators: the description of a page image of the letter's preview, for screen
       * readers: "Page 1 of 3 of your letter" */
      g_autofree char *alt = g_strdup_printf (_("Page %u of %u of your letter"), i + 1,
                                              rendered->total_pages);

      gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
      gtk_picture_set_content_fit (GTK_PICTURE (picture), GTK_CONTENT_FIT_CONTAIN);
      gtk_picture_set_alternative_text (GTK_PICTURE (picture), alt);
      gtk_widget_add_css_class (picture, "lp-preview-page");
      gtk_box_append (self->pages_box, picture);
    }
  if (rendered->total_pages > shown)
    {
      guint more = rendered->total_pages - shown;
      g_autofree char *text =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%u more page is not shown here; it will be in the letter.",
                                      "%u more pages are not shown here; they will be in the letter.",
                                      more),
                         more);

      gtk_label_set_text (GTK_LABEL (self->more_label), text);
      gtk_widget_set_visible (self->more_label, TRUE);
    }
  self->n_pages = shown;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
}

static void
rendered_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr (LpPdfPreview) self = user_data;
  g_autoptr (GError) error = NULL;
  Rendered *rendered = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* a newer PDF replaced this one */
  g_clear_object (&self->cancellable);
  if (rendered == NULL)
    {
      /* Never the content of the PDF: poppler's message is about its structure. */
      g_warning ("Could not render the letter's preview: %s", error->message);
      show_status (self, FALSE, _("The preview cannot be shown. The letter itself is not affected."));
      return;
    }
  show_status (self, FALSE, NULL);
  show_pages (self, rendered);
  rendered_free (rendered);
}

void
lp_pdf_preview_set_loading (LpPdfPreview *self)
{
  g_return_if_fail (LP_IS_PDF_PREVIEW (self));
  cancel_rendering (self);
  remove_pages (self);
  show_status (self, TRUE, _("Preparing the preview of your letter…"));
}

void
lp_pdf_preview_set_pdf (LpPdfPreview *self,
                        GBytes       *pdf)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (LP_IS_PDF_PREVIEW (self));
  g_return_if_fail (pdf != NULL);

  lp_pdf_preview_set_loading (self);
  self->cancellable = g_cancellable_new ();
  task = g_task_new (NULL, self->cancellable, rendered_cb, g_object_ref (self));
  g_task_set_source_tag (task, lp_pdf_preview_set_pdf);
  g_task_set_task_data (task, g_bytes_ref (pdf), (GDestroyNotify) g_bytes_unref);
  g_task_run_in_thread (task, render_in_thread);
}

void
lp_pdf_preview_set_error (LpPdfPreview *self,
                          const char   *message)
{
  g_return_if_fail (LP_IS_PDF_PREVIEW (self));
  cancel_rendering (self);
  remove_pages (self);
  show_status (self, FALSE, message);
}

guint
lp_pdf_preview_get_n_pages (LpPdfPreview *self)
{
  g_return_val_if_fail (LP_IS_PDF_PREVIEW (self), 0);
  return self->n_pages;
}

gboolean
lp_pdf_preview_get_loading (LpPdfPreview *self)
{
  g_return_val_if_fail (LP_IS_PDF_PREVIEW (self), FALSE);
  return self->loading;
}

const char *
lp_pdf_preview_get_message (LpPdfPreview *self)
{
  g_return_val_if_fail (LP_IS_PDF_PREVIEW (self), "");
  if (gtk_widget_get_visible (self->more_label))
    return gtk_label_get_text (GTK_LABEL (self->more_label));
  return gtk_label_get_text (GTK_LABEL (self->status_label));
}

static void
lp_pdf_preview_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LpPdfPreview *self = LP_PDF_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_N_PAGES:
      g_value_set_uint (value, self->n_pages);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lp_pdf_preview_dispose (GObject *object)
{
  LpPdfPreview *self = LP_PDF_PREVIEW (object);
  GtkWidget *child;

  cancel_rendering (self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (lp_pdf_preview_parent_class)->dispose (object);
}

static void
lp_pdf_preview_class_init (LpPdfPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lp_pdf_preview_dispose;
  object_class->get_property = lp_pdf_preview_get_property;

  properties[PROP_N_PAGES] =
    g_param_spec_uint ("n-pages", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "lppdfpreview");
}

static void
lp_pdf_preview_init (LpPdfPreview *self)
{
  GtkWidget *pages;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                              12);

  self->status_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  self->spinner = gtk_spinner_new ();
  self->status_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->status_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->status_label), 0);
  gtk_widget_set_hexpand (self->status_label, TRUE);
  gtk_box_append (GTK_BOX (self->status_box), self->spinner);
  gtk_box_append (GTK_BOX (self->status_box), self->status_label);
  gtk_widget_set_parent (self->status_box, GTK_WIDGET (self));

  pages = gtk_box_new (GTK_ORIENTATION_VERTICAL, 16);
  gtk_widget_set_margin_start (pages, 12);
  gtk_widget_set_margin_end (pages, 12);
  gtk_widget_set_margin_top (pages, 12);
  gtk_widget_set_margin_bottom (pages, 12);
  self->pages_box = GTK_BOX (pages);

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  /* About two thirds of a page at a time: the page scrolls inside, the step stays put. */
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (self->scroller), 560);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), pages);
  gtk_widget_add_css_class (self->scroller, "lp-preview");
  gtk_widget_add_css_class (self->scroller, "card");
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));

  self->more_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->more_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->more_label), 0);
  gtk_widget_set_visible (self->more_label, FALSE);
  gtk_widget_set_parent (self->more_label, GTK_WIDGET (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Preview of your letter"),
                                  -1);
  show_status (self, FALSE, NULL);
}

GtkWidget *
lp_pdf_preview_new (void)
{
  return g_object_new (LP_TYPE_PDF_PREVIEW, NULL);
}
