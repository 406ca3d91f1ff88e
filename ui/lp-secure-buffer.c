/* lp-secure-buffer.c — see lp-secure-buffer.h */
#define G_LOG_DOMAIN "lp-secure-buffer"

#include "lp-secure-buffer.h"
#include "lp-secure.h"

#include <string.h>

#define MIN_BLOCK_SIZE 32

struct _LpSecureBuffer
{
  GtkEntryBuffer parent_instance;

  char  *block;        /* NUL-terminated text, or NULL before the first insertion */
  gsize  block_size;   /* bytes allocated */
  gsize  n_bytes;      /* bytes of text, without the NUL */
  guint  n_chars;
};

G_DEFINE_FINAL_TYPE (LpSecureBuffer, lp_secure_buffer, GTK_TYPE_ENTRY_BUFFER)

static LpSecureBufferReleaseHook release_hook;
static gpointer release_hook_data;

/* Zeroes the whole block, then frees it. */
static void
release_block (char  *block,
               gsize  size)
{
  if (block == NULL)
    return;
  lp_secure_zero (block, size);
  if (release_hook != NULL)
    release_hook (block, size, release_hook_data);
  g_free (block);
}

/* Makes room for @needed bytes of text and the NUL. A new block is taken and the old one
 * zeroed: g_realloc() could leave a copy of the text in the block it gives back. */
static void
ensure_room (LpSecureBuffer *self,
             gsize           needed)
{
  gsize size = MAX (self->block_size, MIN_BLOCK_SIZE);
  char *block;

  if (self->block != NULL && needed + 1 <= self->block_size)
    return;
  while (needed + 1 > size)
    size *= 2;
  block = g_malloc0 (size);
  if (self->block != NULL)
    memcpy (block, self->block, self->n_bytes + 1);
  release_block (self->block, self->block_size);
  self->block = block;
  self->block_size = size;
}

static const char *
lp_secure_buffer_get_text (GtkEntryBuffer *buffer,
                           gsize          *n_bytes)
{
  LpSecureBuffer *self = LP_SECURE_BUFFER (buffer);

  if (n_bytes != NULL)
    *n_bytes = self->n_bytes;
  return self->block != NULL ? self->block : "";
}

static guint
lp_secure_buffer_get_length (GtkEntryBuffer *buffer)
{
  return LP_SECURE_BUFFER (buffer)->n_chars;
}

static gsize
byte_offset (LpSecureBuffer *self,
             guint           position)
{
  if (self->block == NULL)
    return 0;
  return (gsize) (g_utf8_offset_to_pointer (self->block, position) - self->block);
}

static guint
lp_secure_buffer_insert_text (GtkEntryBuffer *buffer,
                              guint           position,
                              const char     *chars,
                              guint           n_chars)
{
  LpSecureBuffer *self = LP_SECURE_BUFFER (buffer);
  gsize n_bytes = (gsize) (g_utf8_offset_to_pointer (chars, n_chars) - chars);
  gsize at;

  position = MIN (position, self->n_chars);
  ensure_room (self, self->n_bytes + n_bytes);
  at = byte_offset (self, position);
  memmove (self->block + at + n_bytes, self->block + at, self->n_bytes - at + 1);
  memcpy (self->block + at, chars, n_bytes);
  self->n_bytes += n_bytes;
  self->n_chars += n_chars;
  gtk_entry_buffer_emit_inserted_text (buffer, position, chars, n_chars);
  return n_chars;
}

/* As GTK's own buffer does: the vfunc only announces the deletion; the "deleted-text"
 * class handler, which runs after the connected ones, removes the text. GtkText's handler
 * reads the text being deleted (for its undo history) before that. */
static guint
lp_secure_buffer_delete_text (GtkEntryBuffer *buffer,
                              guint           position,
                              guint           n_chars)
{
  LpSecureBuffer *self = LP_SECURE_BUFFER (buffer);

  if (position > self->n_chars)
    position = self->n_chars;
  if (n_chars > self->n_chars - position)
    n_chars = self->n_chars - position;
  if (n_chars > 0)
    gtk_entry_buffer_emit_deleted_text (buffer, position, n_chars);
  return n_chars;
}

static void
lp_secure_buffer_deleted_text (GtkEntryBuffer *buffer,
                               guint           position,
                               guint           n_chars)
{
  LpSecureBuffer *self = LP_SECURE_BUFFER (buffer);
  gsize start, end;

  if (self->block == NULL || position >= self->n_chars || n_chars == 0)
    return;
  n_chars = MIN (n_chars, self->n_chars - position);
  start = byte_offset (self, position);
  end = byte_offset (self, position + n_chars);
  memmove (self->block + start, self->block + end, self->n_bytes - end + 1);
  /* The tail that moved down still holds the deleted bytes' worth of old text. */
  lp_secure_zero (self->block + self->n_bytes - (end - start) + 1, end - start);
  self->n_bytes -= end - start;
  self->n_chars -= n_chars;
  g_object_notify (G_OBJECT (buffer), "text");
  g_object_notify (G_OBJECT (buffer), "length");
}

static void
lp_secure_buffer_inserted_text (GtkEntryBuffer *buffer,
                                guint           position,
                                const char     *chars,
                                guint           n_chars)
{
  g_object_notify (G_OBJECT (buffer), "text");
  g_object_notify (G_OBJECT (buffer), "length");
}

static void
lp_secure_buffer_finalize (GObject *object)
{
  LpSecureBuffer *self = LP_SECURE_BUFFER (object);

  release_block (self->block, self->block_size);
  self->block = NULL;
  G_OBJECT_CLASS (lp_secure_buffer_parent_class)->finalize (object);
}

static void
lp_secure_buffer_class_init (LpSecureBufferClass *klass)
{
  GtkEntryBufferClass *buffer_class = GTK_ENTRY_BUFFER_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = lp_secure_buffer_finalize;
  buffer_class->get_text = lp_secure_buffer_get_text;
  buffer_class->get_length = lp_secure_buffer_get_length;
  buffer_class->insert_text = lp_secure_buffer_insert_text;
  buffer_class->delete_text = lp_secure_buffer_delete_text;
  buffer_class->inserted_text = lp_secure_buffer_inserted_text;
  buffer_class->deleted_text = lp_secure_buffer_deleted_text;
}

static void
lp_secure_buffer_init (LpSecureBuffer *self)
{
}

GtkEntryBuffer *
lp_secure_buffer_new (void)
{
  return g_object_new (LP_TYPE_SECURE_BUFFER, NULL);
}

const char *
lp_secure_buffer_peek_storage (LpSecureBuffer *self,
                               gsize          *size)
{
  g_return_val_if_fail (LP_IS_SECURE_BUFFER (self), NULL);
  if (size != NULL)
    *size = self->block_size;
  return self->block;
}

void
lp_secure_buffer_set_release_hook (LpSecureBufferReleaseHook hook,
                                   gpointer                  user_data)
{
  release_hook = hook;
  release_hook_data = user_data;
}
