/* lp-poppler-on-demand.h — poppler-glib, opened on first use, used by one thread at a time
 *
 * poppler builds process-wide state lazily and without locks (GlobalParams and its caches,
 * the colour-management profiles of GfxState): two threads drawing PDFs at once (the review
 * step's preview and a document's thumbnail, or an old preview still drawing when a newer
 * one starts) crashed inside it under AddressSanitizer. Whoever uses poppler holds this lock
 * from opening the document to freeing it:
 *
 *   g_autoptr (GMutexLocker) locker = lp_poppler_lock ();
 *
 * At exit the lock is taken for good, before poppler's static objects are destroyed.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

GMutexLocker *lp_poppler_lock (void);

G_END_DECLS
