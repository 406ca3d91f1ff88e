/* lp-secure.c — see lp-secure.h */
#define G_LOG_DOMAIN "lp-secure"

#include "lp-secure.h"

#include <string.h>

void
lp_secure_zero (gpointer data,
                gsize    len)
{
  volatile guchar *p = data;

  if (data == NULL)
    return;
  /* A volatile store loop: unlike memset, the compiler may not drop it because the
   * buffer is freed right after. */
  while (len--)
    *p++ = 0;
}

void
lp_secure_free_string (char *str)
{
  if (str == NULL)
    return;
  lp_secure_zero (str, strlen (str));
  g_free (str);
}

void
lp_secure_clear_string (char **str_ptr)
{
  char *str = g_steal_pointer (str_ptr);

  lp_secure_free_string (str);
}

void
lp_secure_set_string (char      **str_ptr,
                      const char *value)
{
  char *copy = g_strdup (value);

  lp_secure_free_string (*str_ptr);
  *str_ptr = copy;
}

static void
secure_free_string_cb (gpointer data)
{
  lp_secure_free_string (data);
}

GPtrArray *
lp_secure_strv_new (void)
{
  return g_ptr_array_new_with_free_func (secure_free_string_cb);
}

typedef struct {
  gpointer data;
  gsize len;
} SecureBlock;

static void
secure_block_free (gpointer data)
{
  SecureBlock *block = data;

  lp_secure_zero (block->data, block->len);
  g_free (block->data);
  g_free (block);
}

GBytes *
lp_secure_bytes_new_take (gpointer data,
                          gsize    len,
                          gsize    allocated)
{
  SecureBlock *block = g_new0 (SecureBlock, 1);

  block->data = data;
  block->len = allocated;
  return g_bytes_new_with_free_func (data, len, secure_block_free, block);
}

GBytes *
lp_secure_bytes_new (gconstpointer data,
                     gsize         len)
{
  return lp_secure_bytes_new_take (g_memdup2 (data, len), len, len);
}
