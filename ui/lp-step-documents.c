/* lp-step-documents.c — step 6: pictures or PDF files (the insurer's letter, screenshots
 * of phishing messages), shown as thumbnails, each with a title and a "Remove" button
 *
 * Fields: domain.md §1.3 C ("Optional attachments"). Each document is two fields: the file
 * ("attachments[i].file", where the core validator's message about the file goes) and its
 * title ("attachments[i].title", required once the document is there). The list is rebuilt
 * whenever it changes (ui/README.md "Dynamic lists"). Thumbnails are made in a worker
 * thread (GTask): a 20 MB photo never freezes the screen. */
#define G_LOG_DOMAIN "lp-step-documents"

#include "lp-step-documents.h"
#include "lp-secure.h"
#include "lp-ui.h"
#include "lp-validate.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#if __has_include (<poppler.h>)
#include <poppler.h>
#include "lp-poppler-on-demand.h"
#define LP_HAVE_POPPLER 1
#else
#define LP_HAVE_POPPLER 0
#endif

#define THUMBNAIL_SIZE 160

typedef struct
{
  GtkWidget   *widget;        /* the card, child of rows_box */
  LpFormField *file_field;
  LpFormField *title_field;
  GtkPicture  *picture;
  GtkLabel    *details;
  GtkButton   *remove;
  char        *path;          /* the file on disk */
  char        *name;          /* its display name */
} Row;

typedef struct
{
  GdkTexture *texture;        /* NULL when the file could not be drawn */
  int         n_pages;        /* PDF: its pages; 0 for a picture */
  gboolean    is_pdf;
} Thumbnail;

struct _LpStepDocuments
{
  LpStep parent_instance;

  /* Template widgets */
  GtkBox       *rows_box;
  GtkWidget    *empty_label;
  GtkButton    *add_button;

  /* Owned */
  GPtrArray    *rows;          /* Row* */
  GHashTable   *thumbnails;    /* path -> Thumbnail*, or path -> NULL while loading */
  GCancellable *cancellable;
  guint         n_loading;
  GtkNativeDialog *chooser;
};

G_DEFINE_FINAL_TYPE (LpStepDocuments, lp_step_documents, LP_TYPE_STEP)

static void
row_free (gpointer data)
{
  Row *row = data;

  g_free (row->path);
  g_free (row->name);
  g_free (row);
}

static void
thumbnail_free (gpointer data)
{
  Thumbnail *thumbnail = data;

  if (thumbnail == NULL)
    return;
  g_clear_object (&thumbnail->texture);
  g_free (thumbnail);
}

/* ---- thumbnails, in a worker thread ---------------------------------------------- */

static gboolean
file_is_pdf (const char *path)
{
  char head[5] = { 0 };
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFileInputStream) stream = g_file_read (file, NULL, NULL);
  gsize read = 0;

  return stream != NULL
         && g_input_stream_read_all (G_INPUT_STREAM (stream), head, sizeof head, &read, NULL, NULL)
         && read == sizeof head && memcmp (head, "%PDF-", 5) == 0;
}

#if LP_HAVE_POPPLER
/* The first page, drawn white-backed at thumbnail size. */
static GdkTexture *
render_pdf_first_page (PopplerDocument *document)
{
  PopplerPage *page = poppler_document_get_page (document, 0);
  cairo_surface_t *surface;
  cairo_t *cr;
  double width = 0, height = 0, scale;
  int w, h;
  g_autoptr (GBytes) bytes = NULL;
  GdkTexture *texture;

  if (page == NULL)
    return NULL;
  poppler_page_get_size (page, &width, &height);
  if (width <= 0 || height <= 0)
    {
      g_object_unref (page);
      return NULL;
    }
  scale = THUMBNAIL_SIZE * 1.5 / MAX (width, height);
  w = MAX (1, (int) (width * scale));
  h = MAX (1, (int) (height * scale));
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render (page, cr);
  g_object_unref (page);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  /* cairo's ARGB32 is GDK_MEMORY_DEFAULT. */
  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       (gsize) cairo_image_surface_get_stride (surface) * h);
  texture = gdk_memory_texture_new (w, h, GDK_MEMORY_DEFAULT, bytes,
                                    cairo_image_surface_get_stride (surface));
  cairo_surface_destroy (surface);
  return texture;
}
#endif

static void
make_thumbnail_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  const char *path = task_data;
  Thumbnail *thumbnail = g_new0 (Thumbnail, 1);

  thumbnail->is_pdf = file_is_pdf (path);
  if (thumbnail->is_pdf)
    {
#if LP_HAVE_POPPLER
      g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
      /* One thread in poppler at a time, until the document is freed
       * (lp-poppler-on-demand.h). */
      g_autoptr (GMutexLocker) locker = lp_poppler_lock ();
      /* Poppler 22.12 (Debian 12) has no autoptr for its types. */
      PopplerDocument *document = NULL;

      if (uri != NULL)
        document = poppler_document_new_from_file (uri, NULL, NULL);
      if (document != NULL)
        {
          thumbnail->n_pages = poppler_document_get_n_pages (document);
          thumbnail->texture = render_pdf_first_page (document);
          g_object_unref (document);
        }
#endif
    }
  else
    {
      g_autoptr (GdkPixbuf) pixbuf = gdk_pixbuf_new_from_file_at_scale (path, THUMBNAIL_SIZE * 3 / 2,
                                                                        THUMBNAIL_SIZE * 3 / 2,
                                                                        TRUE, NULL);
      g_autoptr (GdkPixbuf) oriented = pixbuf != NULL ? gdk_pixbuf_apply_embedded_orientation (pixbuf)
                                                      : NULL;

      if (oriented != NULL)
        thumbnail->texture = gdk_texture_new_for_pixbuf (oriented);
    }
  g_task_return_pointer (task, thumbnail, thumbnail_free);
}

static void
show_thumbnail (Row             *row,
                const Thumbnail *thumbnail)
{
  g_autofree char *details = NULL;

  if (thumbnail == NULL)
    return;
  if (thumbnail->texture != NULL)
    gtk_picture_set_paintable (row->picture, GDK_PAINTABLE (thumbnail->texture));
  if (thumbnail->is_pdf && thumbnail->n_pages > 0)
    /* Translators: under a document's name; %d is its number of pages */
    details = g_strdup_printf (ngettext ("PDF file, %d page", "PDF file, %d pages",
                                         thumbnail->n_pages),
                               thumbnail->n_pages);
  else if (thumbnail->is_pdf)
    details = g_strdup (_("PDF file"));
  else
    details = g_strdup (_("Picture"));
  gtk_label_set_text (row->details, details);
}

static void
thumbnail_made_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  LpStepDocuments *self = LP_STEP_DOCUMENTS (source);
  const char *path = g_task_get_task_data (G_TASK (result));
  Thumbnail *thumbnail = g_task_propagate_pointer (G_TASK (result), NULL);

  self->n_loading--;
  if (thumbnail == NULL || self->thumbnails == NULL)
    {
      thumbnail_free (thumbnail);
      return;
    }
  g_hash_table_replace (self->thumbnails, g_strdup (path), thumbnail);
  for (guint i = 0; self->rows != NULL && i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);

      if (g_str_equal (row->path, path))
        show_thumbnail (row, thumbnail);
    }
}

static void
request_thumbnail (LpStepDocuments *self,
                   Row             *row)
{
  g_autoptr (GTask) task = NULL;

  if (g_hash_table_contains (self->thumbnails, row->path))
    {
      show_thumbnail (row, g_hash_table_lookup (self->thumbnails, row->path));
      return;
    }
  g_hash_table_insert (self->thumbnails, g_strdup (row->path), NULL);
  self->n_loading++;
  task = g_task_new (self, self->cancellable, thumbnail_made_cb, NULL);
  g_task_set_source_tag (task, request_thumbnail);
  g_task_set_task_data (task, g_strdup (row->path), g_free);
  g_task_run_in_thread (task, make_thumbnail_thread);
}

/* ---- rows ------------------------------------------------------------------------- */

static void
name_remove_button (Row *row)
{
  const char *title = lp_form_field_get_text (row->title_field);
  /* Translators: accessible name of the "Remove" button of one document; %s is the
   * document's title, or its file name while it has no title */
  g_autofree char *name = g_strdup_printf (_("Remove the document “%s”"),
                                           title[0] != '\0' ? title : row->name);

  gtk_accessible_update_property (GTK_ACCESSIBLE (row->remove),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void rebuild_rows (LpStepDocuments *self, const LpComplaint *complaint);

static void
remove_clicked_cb (GtkButton       *button,
                   LpStepDocuments *self)
{
  LpComplaint *complaint = lp_step_get_complaint (LP_STEP (self));
  guint index;

  for (index = 0; index < self->rows->len; index++)
    if (((Row *) g_ptr_array_index (self->rows, index))->remove == button)
      break;
  if (complaint == NULL || index >= self->rows->len || index >= complaint->attachments->len)
    return;

  lp_step_store (LP_STEP (self));
  g_ptr_array_remove_index (complaint->attachments, index);
  rebuild_rows (self, complaint);
  /* The focus stays in the list: on the next document, the one before, or "Add". */
  if (self->rows->len == 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->add_button));
  else
    gtk_widget_grab_focus (GTK_WIDGET (((Row *) g_ptr_array_index (self->rows,
                                        MIN (index, self->rows->len - 1)))->remove));
}

static GtkWidget *
build_file_control (Row *row)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 16);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *name = gtk_label_new (row->name);
  GtkWidget *details = gtk_label_new (NULL);

  row->picture = GTK_PICTURE (gtk_picture_new ());
  gtk_picture_set_can_shrink (row->picture, TRUE);
  gtk_picture_set_content_fit (row->picture, GTK_CONTENT_FIT_CONTAIN);
  gtk_widget_set_size_request (GTK_WIDGET (row->picture), THUMBNAIL_SIZE, THUMBNAIL_SIZE);
  /* The thumbnail repeats the name and the details for a screen reader: nothing to add. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (row->picture), GTK_ACCESSIBLE_STATE_HIDDEN,
                               TRUE, -1);
  gtk_frame_set_child (GTK_FRAME (frame), GTK_WIDGET (row->picture));
  gtk_widget_set_valign (frame, GTK_ALIGN_START);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (name), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (name, "lp-field-label");
  gtk_label_set_xalign (GTK_LABEL (details), 0);
  gtk_widget_add_css_class (details, "lp-field-hint");
  row->details = GTK_LABEL (details);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (text), name);
  gtk_box_append (GTK_BOX (text), details);

  gtk_box_append (GTK_BOX (box), frame);
  gtk_box_append (GTK_BOX (box), text);
  /* "Remove" is part of the file's field: the focus lands on it when the file cannot be
   * joined, the one thing to do then. */
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->remove));
  return box;
}

static void
title_changed_cb (LpFormField *field,
                  gpointer     user_data)
{
  name_remove_button (user_data);
}

/* The core's message about the file itself, shown as soon as the document is listed: the
 * person learns at once that a file cannot be joined, not only on "Next". */
static void
show_file_problem (Row                *row,
                   const LpAttachment *attachment,
                   guint               index)
{
  g_autoptr (LpIssueList) issues = lp_issue_list_new ();
  g_autofree char *file_path = g_strdup_printf ("attachments[%u].file", index);
  const char *message = NULL;

  lp_validate_attachment (attachment, index, issues);
  for (guint i = 0; i < lp_issue_list_get_length (issues); i++)
    {
      const LpIssue *issue = lp_issue_list_get (issues, i);

      if (issue->severity == LP_SEVERITY_ERROR && g_str_equal (issue->path, file_path))
        {
          message = issue->message;
          break;
        }
    }
  lp_form_field_set_error (row->file_field, message);
}

static Row *
build_row (LpStepDocuments    *self,
           const LpAttachment *attachment,
           guint               index)
{
  Row *row = g_new0 (Row, 1);
  g_autofree char *file_path = g_strdup_printf ("attachments[%u].file", index);
  g_autofree char *title_path = g_strdup_printf ("attachments[%u].title", index);
  g_autofree char *whole_path = g_strdup_printf ("attachments[%u]", index);
  /* Translators: the heading of one document in the list; %u is its number (1, 2...) */
  g_autofree char *heading = g_strdup_printf (_("Document %u"), index + 1);
  GtkWidget *remove = gtk_button_new_with_mnemonic (_("_Remove"));

  row->path = g_strdup (lp_attachment_get_disk_path (attachment));
  row->name = g_filename_display_basename (row->path);
  row->widget = gtk_box_new (GTK_ORIENTATION_VERTICAL, 16);
  gtk_widget_add_css_class (row->widget, "card");
  gtk_widget_add_css_class (row->widget, "lp-document");
  g_object_set (row->widget, "margin-start", 0, NULL);

  row->remove = GTK_BUTTON (remove);
  gtk_widget_add_css_class (remove, "lp-secondary-button");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);

  row->file_field = lp_form_field_new (heading, file_path);
  lp_form_field_set_control (row->file_field, build_file_control (row));

  row->title_field = lp_form_field_new (_("Title of this document"), title_path);
  lp_form_field_set_hint (row->title_field, _("In French, as it will appear in the letter. Example: Courrier de ma mutuelle"));
  lp_form_field_set_text (row->title_field, attachment->title);
  g_signal_connect (row->title_field, "changed", G_CALLBACK (title_changed_cb), row);
  name_remove_button (row);

  gtk_box_append (GTK_BOX (row->widget), GTK_WIDGET (row->file_field));
  gtk_box_append (GTK_BOX (row->widget), GTK_WIDGET (row->title_field));

  lp_step_add_field (LP_STEP (self), row->file_field);
  lp_step_bind_path (LP_STEP (self), row->file_field, whole_path);
  lp_step_add_field (LP_STEP (self), row->title_field);

  show_file_problem (row, attachment, index);
  if (lp_form_field_get_error (row->file_field) == NULL)
    request_thumbnail (self, row);
  else
    {
      gtk_picture_set_paintable (row->picture, NULL);
      gtk_label_set_text (row->details, "");
    }
  return row;
}

static gboolean
rows_match (LpStepDocuments   *self,
            const LpComplaint *complaint)
{
  if (self->rows->len != complaint->attachments->len)
    return FALSE;
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);

      if (g_strcmp0 (row->path, lp_attachment_get_disk_path (g_ptr_array_index (complaint->attachments,
                                                                         i))) != 0)
        return FALSE;
    }
  return TRUE;
}

static void
rebuild_rows (LpStepDocuments   *self,
              const LpComplaint *complaint)
{
  GtkWidget *child;

  lp_step_remove_fields (LP_STEP (self));
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->rows_box))) != NULL)
    gtk_box_remove (self->rows_box, child);
  g_ptr_array_set_size (self->rows, 0);

  for (guint i = 0; i < complaint->attachments->len; i++)
    {
      Row *row = build_row (self, g_ptr_array_index (complaint->attachments, i), i);

      g_ptr_array_add (self->rows, row);
      gtk_box_append (self->rows_box, row->widget);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->rows_box), self->rows->len > 0);
  gtk_widget_set_visible (self->empty_label, self->rows->len == 0);
  gtk_button_set_label (self->add_button, self->rows->len == 0 ? _("_Add a document…")
                                                               : _("_Add another document…"));
}

/* ---- the model -------------------------------------------------------------------- */

static void
lp_step_documents_load_from_model (LpStep            *step,
                                   const LpComplaint *complaint)
{
  LpStepDocuments *self = LP_STEP_DOCUMENTS (step);

  if (!rows_match (self, complaint))
    {
      rebuild_rows (self, complaint);
      return;
    }
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);
      const LpAttachment *attachment = g_ptr_array_index (complaint->attachments, i);

      lp_form_field_set_text (row->title_field, attachment->title);
      name_remove_button (row);
    }
}

static void
lp_step_documents_store_to_model (LpStep      *step,
                                  LpComplaint *complaint)
{
  LpStepDocuments *self = LP_STEP_DOCUMENTS (step);

  for (guint i = 0; i < self->rows->len && i < complaint->attachments->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);
      LpAttachment *attachment = g_ptr_array_index (complaint->attachments, i);

      lp_secure_set_string (&attachment->title, lp_form_field_get_text (row->title_field));
    }
}

gboolean
lp_step_documents_add_file (LpStepDocuments *self,
                            GFile           *file)
{
  LpComplaint *complaint = lp_step_get_complaint (LP_STEP (self));
  g_autofree char *path = NULL;
  LpAttachment *attachment;
  Row *row;

  g_return_val_if_fail (LP_IS_STEP_DOCUMENTS (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL || complaint == NULL)
    return FALSE;
  lp_step_store (LP_STEP (self));
  attachment = lp_attachment_new (path, "");
  lp_secure_set_string (&attachment->path, path);
  g_ptr_array_add (complaint->attachments, attachment);
  rebuild_rows (self, complaint);
  /* Next: the title of the new document. */
  row = g_ptr_array_index (self->rows, self->rows->len - 1);
  lp_form_field_focus (row->title_field);
  return TRUE;
}

/* ---- "Add a document…" ------------------------------------------------------------ */

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
static void
chooser_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     LpStepDocuments *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr (GFile) file = g_list_model_get_item (files, i);

          lp_step_documents_add_file (self, file);
        }
    }
  g_clear_object (&self->chooser);
}

/* GtkFileChooserNative: the desktop's own dialog, and the portal inside Flatpak (GTK 4.8
 * has no GtkFileDialog). */
static void
add_clicked_cb (LpStepDocuments *self)
{
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;
  GtkFileFilter *all = gtk_file_filter_new ();
  GtkFileFilter *pictures = gtk_file_filter_new ();
  GtkFileFilter *pdf = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Add a document"),
                                         native != NULL ? GTK_WINDOW (native) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         /* No mnemonic: GTK 4.8 names the
                                          * native dialog's buttons "_Add Add". */
                                         _("Add"), _("Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);

  gtk_file_filter_set_name (all, _("Pictures and PDF files"));
  gtk_file_filter_add_pixbuf_formats (all);
  gtk_file_filter_add_mime_type (all, "application/pdf");
  gtk_file_filter_add_suffix (all, "pdf");
  gtk_file_filter_set_name (pictures, _("Pictures"));
  gtk_file_filter_add_pixbuf_formats (pictures);
  gtk_file_filter_set_name (pdf, _("PDF files"));
  gtk_file_filter_add_mime_type (pdf, "application/pdf");
  gtk_file_filter_add_suffix (pdf, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), pictures);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), pdf);
  g_object_unref (all);
  g_object_unref (pictures);
  g_object_unref (pdf);

  self->chooser = GTK_NATIVE_DIALOG (chooser);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
G_GNUC_END_IGNORE_DEPRECATIONS

/* ---- for tests -------------------------------------------------------------------- */

guint
lp_step_documents_get_n_rows (LpStepDocuments *self)
{
  g_return_val_if_fail (LP_IS_STEP_DOCUMENTS (self), 0);
  return self->rows->len;
}

GdkPaintable *
lp_step_documents_get_thumbnail (LpStepDocuments *self,
                                 guint            index)
{
  g_return_val_if_fail (LP_IS_STEP_DOCUMENTS (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);
  return gtk_picture_get_paintable (((Row *) g_ptr_array_index (self->rows, index))->picture);
}

GtkButton *
lp_step_documents_get_remove_button (LpStepDocuments *self,
                                     guint            index)
{
  g_return_val_if_fail (LP_IS_STEP_DOCUMENTS (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);
  return ((Row *) g_ptr_array_index (self->rows, index))->remove;
}

gboolean
lp_step_documents_is_loading (LpStepDocuments *self)
{
  g_return_val_if_fail (LP_IS_STEP_DOCUMENTS (self), FALSE);
  return self->n_loading > 0;
}

/* ---- construction ----------------------------------------------------------------- */

static void
lp_step_documents_dispose (GObject *object)
{
  LpStepDocuments *self = LP_STEP_DOCUMENTS (object);

  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (self->chooser);
      g_clear_object (&self->chooser);
    }
  lp_step_remove_fields (LP_STEP (self));
  if (self->rows != NULL)
    g_ptr_array_set_size (self->rows, 0);
  gtk_widget_dispose_template (GTK_WIDGET (object), LP_TYPE_STEP_DOCUMENTS);
  G_OBJECT_CLASS (lp_step_documents_parent_class)->dispose (object);
}

static void
lp_step_documents_finalize (GObject *object)
{
  LpStepDocuments *self = LP_STEP_DOCUMENTS (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->thumbnails, g_hash_table_unref);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (lp_step_documents_parent_class)->finalize (object);
}

static void
lp_step_documents_class_init (LpStepDocumentsClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LpStepClass *step_class = LP_STEP_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = lp_step_documents_dispose;
  G_OBJECT_CLASS (klass)->finalize = lp_step_documents_finalize;
  step_class->load_from_model = lp_step_documents_load_from_model;
  step_class->store_to_model = lp_step_documents_store_to_model;

  lp_ui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               LP_RESOURCE_PREFIX "lp-step-documents.ui");
  gtk_widget_class_bind_template_child (widget_class, LpStepDocuments, add_button);
  gtk_widget_class_bind_template_child (widget_class, LpStepDocuments, empty_label);
  gtk_widget_class_bind_template_child (widget_class, LpStepDocuments, rows_box);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
}

static void
lp_step_documents_init (LpStepDocuments *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  lp_ui_name_after_label (GTK_WIDGET (self->add_button));
  self->rows = g_ptr_array_new_with_free_func (row_free);
  self->thumbnails = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, thumbnail_free);
  self->cancellable = g_cancellable_new ();
  gtk_widget_set_visible (GTK_WIDGET (self->rows_box), FALSE);
}
