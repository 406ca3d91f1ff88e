/* lp-secure-buffer.h — an entry buffer that leaves no copy of what was typed behind
 *
 * A GtkEntryBuffer for the entries that hold the NIR (architecture.md §8): its text lives
 * in memory of its own, zeroed when the text shrinks (the deleted bytes), when it grows
 * (the old block, before it is freed) and when the buffer dies. GTK's own buffer happens to
 * do much the same in 4.8, but nothing promises it: this one is ours and is tested.
 *
 * Use it with gtk_entry_new_with_buffer (lp_secure_buffer_new ()), and turn the entry's
 * undo history off (gtk_editable_set_enable_undo): the history keeps its own copies.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LP_TYPE_SECURE_BUFFER (lp_secure_buffer_get_type ())
G_DECLARE_FINAL_TYPE (LpSecureBuffer, lp_secure_buffer, LP, SECURE_BUFFER, GtkEntryBuffer)

GtkEntryBuffer *lp_secure_buffer_new (void);

/* ---- For tests --------------------------------------------------------------------------- */

/* The block that holds the text now and its size in bytes (NULL before the first text). */
const char *lp_secure_buffer_peek_storage (LpSecureBuffer *self,
                                           gsize          *size);

/* Called with every block the buffers give back, after it was zeroed and before it is
 * freed (NULL: none). Process-wide; tests only. */
typedef void (*LpSecureBufferReleaseHook) (const char *block,
                                           gsize       size,
                                           gpointer    user_data);
void        lp_secure_buffer_set_release_hook (LpSecureBufferReleaseHook hook,
                                               gpointer                  user_data);

G_END_DECLS
