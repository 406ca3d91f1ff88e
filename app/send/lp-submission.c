/* lp-submission.c — see lp-submission.h */
#define G_LOG_DOMAIN "lp-submission"

#include "lp-submission.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "lp-secure.h"

struct _LpSubmission {
  gint ref_count;
  char *id;
  char *campaign_id;
  char *site_name;
  char *recipient;
  char *created_at;
  GPtrArray *files;   /* LpSubmissionFile* */
};

G_DEFINE_BOXED_TYPE (LpSubmission, lp_submission, lp_submission_ref, lp_submission_unref)

static void
submission_file_free (LpSubmissionFile *file)
{
  g_free (file->name);
  g_free (file->content_type);
  g_bytes_unref (file->data);
  g_free (file->sha256);
  g_free (file);
}

static LpSubmissionFile *
submission_file_new (const char *name,
                     const char *content_type,
                     GBytes     *data,
                     gboolean    is_letter)
{
  LpSubmissionFile *file = g_new0 (LpSubmissionFile, 1);

  file->name = g_strdup (name);
  file->content_type = g_strdup (content_type);
  file->data = g_bytes_ref (data);
  file->sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, data);
  file->is_letter = is_letter;
  return file;
}

LpSubmission *
lp_submission_new (const char *campaign_id,
                   const char *site_name,
                   GBytes     *letter_pdf)
{
  LpSubmission *submission;
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (campaign_id != NULL && letter_pdf != NULL, NULL);

  submission = g_new0 (LpSubmission, 1);
  now = g_date_time_new_now_utc ();
  submission->ref_count = 1;
  submission->id = g_uuid_string_random ();
  submission->campaign_id = g_strdup (campaign_id);
  submission->site_name = g_strdup (site_name != NULL ? site_name : "");
  submission->recipient = g_strdup ("");
  submission->created_at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  submission->files = g_ptr_array_new_with_free_func ((GDestroyNotify) submission_file_free);
  g_ptr_array_add (submission->files,
                   submission_file_new (LP_SUBMISSION_LETTER_NAME, "application/pdf",
                                        letter_pdf, TRUE));
  return submission;
}

LpSubmission *
lp_submission_ref (LpSubmission *submission)
{
  g_return_val_if_fail (submission != NULL, NULL);
  g_atomic_int_inc (&submission->ref_count);
  return submission;
}

void
lp_submission_unref (LpSubmission *submission)
{
  if (submission == NULL || !g_atomic_int_dec_and_test (&submission->ref_count))
    return;
  g_free (submission->id);
  g_free (submission->campaign_id);
  g_free (submission->site_name);
  g_free (submission->recipient);
  g_free (submission->created_at);
  g_ptr_array_unref (submission->files);
  g_free (submission);
}

typedef struct {
  const char *extension;
  const char *content_type;
} KnownType;

/* The types lp_validate_attachment() lets through, by extension. */
static const KnownType known_types[] = {
  { "pdf", "application/pdf" },
  { "jpg", "image/jpeg" },
  { "jpeg", "image/jpeg" },
  { "png", "image/png" },
  { "gif", "image/gif" },
  { "bmp", "image/bmp" },
  { "tif", "image/tiff" },
  { "tiff", "image/tiff" },
  { "webp", "image/webp" },
  { "heic", "image/heif" },
  { "heif", "image/heif" },
};

/* The original name's extension, lower-case ASCII letters and digits only ("JPG" -> "jpg"),
 * or NULL when it has none worth keeping. */
static char *
safe_extension (const char *original_name)
{
  const char *dot = original_name != NULL ? strrchr (original_name, '.') : NULL;
  GString *ext;

  if (dot == NULL || dot[1] == '\0' || strchr (dot, '/') != NULL)
    return NULL;
  ext = g_string_new (NULL);
  for (const char *p = dot + 1; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) || ext->len >= 8)
        {
          g_string_free (ext, TRUE);
          return NULL;
        }
      g_string_append_c (ext, g_ascii_tolower (*p));
    }
  return g_string_free (ext, FALSE);
}

static char *
guess_content_type (GBytes     *data,
                    const char *extension)
{
  g_autofree char *guessed = NULL;
  gboolean uncertain = FALSE;

  for (guint i = 0; extension != NULL && i < G_N_ELEMENTS (known_types); i++)
    if (strcmp (extension, known_types[i].extension) == 0)
      return g_strdup (known_types[i].content_type);

  guessed = g_content_type_guess (NULL, g_bytes_get_data (data, NULL),
                                  MIN (g_bytes_get_size (data), 4096), &uncertain);
  if (guessed != NULL)
    {
      char *mime = g_content_type_get_mime_type (guessed);

      if (mime != NULL)
        return mime;
    }
  return g_strdup ("application/octet-stream");
}

static const char *
extension_for_type (const char *content_type)
{
  for (guint i = 0; i < G_N_ELEMENTS (known_types); i++)
    if (strcmp (content_type, known_types[i].content_type) == 0)
      return known_types[i].extension;
  return "bin";
}

void
lp_submission_add_attachment (LpSubmission *submission,
                              GBytes       *data,
                              const char   *original_name)
{
  g_autofree char *extension = NULL;
  g_autofree char *content_type = NULL;
  g_autofree char *name = NULL;
  guint number;

  g_return_if_fail (submission != NULL && data != NULL);

  extension = safe_extension (original_name);
  content_type = guess_content_type (data, extension);
  /* piece-1 is the first attachment: the letter is file 0. */
  number = submission->files->len;
  name = g_strdup_printf ("piece-%u.%s", number,
                          extension != NULL ? extension : extension_for_type (content_type));
  g_ptr_array_add (submission->files, submission_file_new (name, content_type, data, FALSE));
}

gboolean
lp_submission_add_attachment_file (LpSubmission *submission,
                                   const char   *path,
                                   GError      **error)
{
  char *contents = NULL;
  gsize length = 0;
  g_autoptr(GBytes) data = NULL;

  g_return_val_if_fail (submission != NULL && path != NULL, FALSE);

  if (!g_file_get_contents (path, &contents, &length, error))
    return FALSE;
  /* The copy is zeroed when the submission goes; so is this one, now. */
  data = lp_secure_bytes_new (contents, length);
  lp_secure_zero (contents, length);
  g_free (contents);
  lp_submission_add_attachment (submission, data, path);
  return TRUE;
}

LpSubmission *
lp_submission_new_for_complaint (const LpComplaint *complaint,
                                 const LpCampaign  *campaign,
                                 GBytes            *letter_pdf,
                                 const char        *site_name,
                                 GError           **error)
{
  g_autoptr(LpSubmission) submission = NULL;

  g_return_val_if_fail (complaint != NULL && campaign != NULL && letter_pdf != NULL, NULL);

  submission = lp_submission_new (campaign->id, site_name, letter_pdf);
  lp_submission_set_recipient (submission, campaign->recipient_email);
  for (guint i = 0; complaint->attachments != NULL && i < complaint->attachments->len; i++)
    {
      const LpAttachment *attachment = g_ptr_array_index (complaint->attachments, i);
      const char *path = lp_attachment_get_disk_path (attachment);
      g_autoptr(GError) local_error = NULL;

      if (!lp_submission_add_attachment_file (submission, path, &local_error))
        {
          /* The JSON path first, as every complaint error (architecture.md §6). */
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       /* Translators: %u is the attachment index, %s the system's reason */
                       _("attachments[%u].file: the attached file cannot be read (%s). Check "
                         "that it is still there."), i, local_error->message);
          return NULL;
        }
    }
  return g_steal_pointer (&submission);
}

void
lp_submission_set_recipient (LpSubmission *submission,
                             const char   *recipient)
{
  g_return_if_fail (submission != NULL);
  g_free (submission->recipient);
  submission->recipient = g_strdup (recipient != NULL ? recipient : "");
}

const char *
lp_submission_get_id (const LpSubmission *submission)
{
  return submission->id;
}

const char *
lp_submission_get_campaign_id (const LpSubmission *submission)
{
  return submission->campaign_id;
}

const char *
lp_submission_get_site_name (const LpSubmission *submission)
{
  return submission->site_name;
}

const char *
lp_submission_get_recipient (const LpSubmission *submission)
{
  return submission->recipient;
}

const char *
lp_submission_get_created_at (const LpSubmission *submission)
{
  return submission->created_at;
}

guint
lp_submission_get_n_files (const LpSubmission *submission)
{
  return submission->files->len;
}

const LpSubmissionFile *
lp_submission_get_file (const LpSubmission *submission,
                        guint               index)
{
  g_return_val_if_fail (index < submission->files->len, NULL);
  return g_ptr_array_index (submission->files, index);
}

guint64
lp_submission_get_total_size (const LpSubmission *submission)
{
  guint64 total = 0;

  for (guint i = 0; i < submission->files->len; i++)
    total += g_bytes_get_size (((LpSubmissionFile *) g_ptr_array_index (submission->files, i))->data);
  return total;
}

GBytes *
lp_submission_dup_metadata (const LpSubmission *submission)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  char *text;
  gsize length = 0;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, LP_SUBMISSION_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, LP_SUBMISSION_VERSION);
  json_builder_set_member_name (builder, "submission_id");
  json_builder_add_string_value (builder, submission->id);
  json_builder_set_member_name (builder, "campaign_id");
  json_builder_add_string_value (builder, submission->campaign_id);
  json_builder_set_member_name (builder, "site_name");
  json_builder_add_string_value (builder, submission->site_name);
  json_builder_set_member_name (builder, "created_at");
  json_builder_add_string_value (builder, submission->created_at);
  json_builder_set_member_name (builder, "files");
  json_builder_begin_array (builder);
  for (guint i = 0; i < submission->files->len; i++)
    {
      const LpSubmissionFile *file = g_ptr_array_index (submission->files, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, file->name);
      json_builder_set_member_name (builder, "role");
      json_builder_add_string_value (builder, file->is_letter ? "letter" : "attachment");
      json_builder_set_member_name (builder, "size");
      json_builder_add_int_value (builder, (gint64) g_bytes_get_size (file->data));
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, file->content_type);
      json_builder_set_member_name (builder, "sha256");
      json_builder_add_string_value (builder, file->sha256);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, &length);
  return g_bytes_new_take (text, length);
}
