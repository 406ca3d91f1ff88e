/* lp-kiosk-pin.h — the administrator's PIN of a kiosk ([kiosk] admin-pin-hash)
 *
 * The site configuration never holds the PIN itself, only
 *
 *   sha256:<salt>:<digest>
 *
 * where <salt> is 16 to 64 lowercase hexadecimal digits chosen at random, and <digest> the
 * 64 lowercase hexadecimal digits of SHA-256 over the salt *as written* followed by the PIN
 * (digits only, 4 to 12 of them). With coreutils:
 *
 *   salt=$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')
 *   printf 'sha256:%s:%s\n' "$salt" "$(printf '%s%s' "$salt" "$PIN" | sha256sum | cut -d' ' -f1)"
 *
 * A PIN of a few digits is no secret to anyone who can read the file: the file is readable
 * by the kiosk account only (architecture.md §5); the hash keeps the PIN off screens and
 * out of backups, and the keypad slows down after wrong tries.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LP_KIOSK_PIN_MIN_DIGITS 4
#define LP_KIOSK_PIN_MAX_DIGITS 12

/* TRUE when @hash has the form above. */
gboolean  lp_kiosk_pin_hash_is_valid (const char *hash);
/* TRUE when @pin matches @hash; the digests are compared in constant time. FALSE for a
 * hash that is not valid. */
gboolean  lp_kiosk_pin_check         (const char *hash,
                                      const char *pin);
/* A new hash of @pin (digits) with @salt, or a random salt when @salt is NULL. */
char     *lp_kiosk_pin_hash_new      (const char *pin,
                                      const char *salt);

G_END_DECLS
