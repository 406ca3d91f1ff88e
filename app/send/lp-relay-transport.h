/* lp-relay-transport.h — the relay (HTTPS multipart to the site's own receiver) LpTransport
 *
 * One POST <url> per sending: Authorization: Bearer <token>, Idempotency-Key: <submission id>,
 * multipart/form-data with the parts "metadata" (application/json), "letter" (application/pdf,
 * filename lettre-plainte.pdf) and one "attachment" per attachment (filename piece-N.ext).
 * 201, or 200 for a repeated key, with {"receipt": "..."}. architecture.md §7.
 */
#pragma once

#include "lp-transport.h"

G_BEGIN_DECLS

#define LP_TYPE_RELAY_TRANSPORT (lp_relay_transport_get_type ())
G_DECLARE_FINAL_TYPE (LpRelayTransport, lp_relay_transport, LP, RELAY_TRANSPORT, GObject)

/* Prefer lp_transport_new(), which picks the implementation from @config->kind. */
LpTransport *lp_relay_transport_new (const LpTransportConfig  *config,
                                     GError                 **error);

G_END_DECLS
