/* lp-francetransfert-transport.h — the francetransfert implementation of LpTransport (see lp-transport.h) */
#pragma once

#include "lp-transport.h"

G_BEGIN_DECLS

#define LP_TYPE_FRANCETRANSFERT_TRANSPORT (lp_francetransfert_transport_get_type ())
G_DECLARE_FINAL_TYPE (LpFrancetransfertTransport, lp_francetransfert_transport, LP, FRANCETRANSFERT_TRANSPORT, GObject)

/* Prefer lp_transport_new(), which picks the implementation from @config->kind. */
LpTransport *lp_francetransfert_transport_new (const LpTransportConfig  *config,
                                               GError                 **error);

G_END_DECLS
