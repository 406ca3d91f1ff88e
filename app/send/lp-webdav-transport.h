/* lp-webdav-transport.h — the webdav implementation of LpTransport (see lp-transport.h) */
#pragma once

#include "lp-transport.h"

G_BEGIN_DECLS

#define LP_TYPE_WEBDAV_TRANSPORT (lp_webdav_transport_get_type ())
G_DECLARE_FINAL_TYPE (LpWebdavTransport, lp_webdav_transport, LP, WEBDAV_TRANSPORT, GObject)

/* Prefer lp_transport_new(), which picks the implementation from @config->kind. */
LpTransport *lp_webdav_transport_new (const LpTransportConfig  *config,
                                      GError                 **error);

G_END_DECLS
