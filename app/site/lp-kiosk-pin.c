/* lp-kiosk-pin.c — see lp-kiosk-pin.h */
#define G_LOG_DOMAIN "lp-kiosk-pin"

#include "lp-kiosk-pin.h"
#include "lp-secure.h"

#include <string.h>

#define PREFIX          "sha256:"
#define DIGEST_LENGTH   64
#define SALT_MIN_LENGTH 16
#define SALT_MAX_LENGTH 64

static gboolean
is_lower_hex (const char *text,
              gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (text[i]) && !(text[i] >= 'a' && text[i] <= 'f'))
      return FALSE;
  return TRUE;
}

/* Splits a valid hash: the salt is @hash + strlen (PREFIX), *salt_length long. */
static const char *
find_digest (const char *hash,
             gsize      *salt_length)
{
  const char *salt;
  const char *colon;

  if (hash == NULL || !g_str_has_prefix (hash, PREFIX))
    return NULL;
  salt = hash + strlen (PREFIX);
  colon = strchr (salt, ':');
  if (colon == NULL)
    return NULL;
  *salt_length = (gsize) (colon - salt);
  if (*salt_length < SALT_MIN_LENGTH || *salt_length > SALT_MAX_LENGTH
      || !is_lower_hex (salt, *salt_length)
      || strlen (colon + 1) != DIGEST_LENGTH || !is_lower_hex (colon + 1, DIGEST_LENGTH))
    return NULL;
  return colon + 1;
}

gboolean
lp_kiosk_pin_hash_is_valid (const char *hash)
{
  gsize salt_length;

  return find_digest (hash, &salt_length) != NULL;
}

static gboolean
is_pin (const char *pin)
{
  gsize length = pin != NULL ? strlen (pin) : 0;

  if (length < LP_KIOSK_PIN_MIN_DIGITS || length > LP_KIOSK_PIN_MAX_DIGITS)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (pin[i]))
      return FALSE;
  return TRUE;
}

static char *
digest_of (const char *salt,
           gsize       salt_length,
           const char *pin)
{
  g_autoptr (GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  g_checksum_update (checksum, (const guchar *) salt, (gssize) salt_length);
  g_checksum_update (checksum, (const guchar *) pin, (gssize) strlen (pin));
  return g_strdup (g_checksum_get_string (checksum));
}

gboolean
lp_kiosk_pin_check (const char *hash,
                    const char *pin)
{
  gsize salt_length;
  const char *expected = find_digest (hash, &salt_length);
  g_autofree char *actual = NULL;
  guint difference = 0;

  if (expected == NULL || !is_pin (pin))
    return FALSE;
  actual = digest_of (hash + strlen (PREFIX), salt_length, pin);
  /* Every character is compared whatever the first difference: no timing to learn from. */
  for (gsize i = 0; i < DIGEST_LENGTH; i++)
    difference |= (guint) (actual[i] ^ expected[i]);
  lp_secure_zero (actual, DIGEST_LENGTH);
  return difference == 0;
}

char *
lp_kiosk_pin_hash_new (const char *pin,
                       const char *salt)
{
  g_autofree char *random_salt = NULL;
  g_autofree char *digest = NULL;

  g_return_val_if_fail (is_pin (pin), NULL);
  if (salt == NULL)
    {
      GString *text = g_string_new (NULL);

      for (guint i = 0; i < 4; i++)
        g_string_append_printf (text, "%08x", g_random_int ());
      random_salt = g_string_free (text, FALSE);
      salt = random_salt;
    }
  g_return_val_if_fail (strlen (salt) >= SALT_MIN_LENGTH && strlen (salt) <= SALT_MAX_LENGTH
                        && is_lower_hex (salt, strlen (salt)), NULL);
  digest = digest_of (salt, strlen (salt), pin);
  return g_strdup_printf (PREFIX "%s:%s", salt, digest);
}
