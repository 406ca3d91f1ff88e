/* lp-secure.h — freeing memory that held personal data
 *
 * architecture.md §8: buffers that held personal data are zeroed before they are freed,
 * so that a core dump or a reused heap block does not carry a name or a NIR.
 * The zeroing writes through a volatile pointer, which the compiler may not elide.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void  lp_secure_zero          (gpointer data,
                               gsize    len);
/* Zeroes the whole string (up to its NUL) and frees it. NULL is fine. */
void  lp_secure_free_string   (char    *str);
/* lp_secure_free_string (*str_ptr), then *str_ptr = NULL. */
void  lp_secure_clear_string  (char   **str_ptr);
/* Replaces *str_ptr with a copy of @value, securely freeing the old one. */
void  lp_secure_set_string    (char      **str_ptr,
                               const char *value);
/* A GPtrArray of strings whose elements are zeroed when removed or freed. */
GPtrArray *lp_secure_strv_new (void);
/* Zeroes and frees a GBytes's data when the last reference goes (copies @data). */
GBytes *lp_secure_bytes_new   (gconstpointer data,
                               gsize         len);
/* The same without the copy, for buffers of several megabytes: takes @data (g_malloc'ed,
 * @allocated bytes of which the first @len are used); the whole allocation is zeroed when
 * the GBytes goes. */
GBytes *lp_secure_bytes_new_take (gpointer data,
                                  gsize    len,
                                  gsize    allocated);

/* A string that held personal data, for g_autoptr(): zeroed and freed at the end of the
 * scope (g_autoptr (LpSecureString) nir = lp_nir_format (...)). */
typedef char LpSecureString;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LpSecureString, lp_secure_free_string)

G_END_DECLS
