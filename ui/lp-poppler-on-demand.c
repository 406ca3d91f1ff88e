/* lp-poppler-on-demand.c — poppler-glib, opened the first time a PDF is drawn
 *
 * Only the review step's preview and the documents step's thumbnails draw PDFs, both after
 * the window's first frame; linking poppler-glib (and its 8 libraries: poppler, NSS, lcms2,
 * OpenJPEG...) cost that frame about 5 ms (bench/README.md, "Start-up"). Each function used
 * is defined here and calls the real one from libpoppler-glib.so.8 (lp-on-demand.h). When
 * that cannot be opened, documents fail to open with a GError, and the callers show their
 * usual "cannot be shown" state: the letter itself is made without poppler.
 *
 * A poppler function used anywhere in ui/ must be added here, or the link fails. Callers
 * hold lp_poppler_lock() (lp-poppler-on-demand.h says why).
 */
#define G_LOG_DOMAIN "lp-ui"

#include "lp-on-demand.h"
#include "lp-poppler-on-demand.h"

#include <gio/gio.h>
#include <poppler.h>

static LpOnDemandLibrary libpoppler_glib = LP_ON_DEMAND_LIBRARY_INIT ("libpoppler-glib.so.8");

static GMutex poppler_mutex;

GMutexLocker *
lp_poppler_lock (void)
{
  return g_mutex_locker_new (&poppler_mutex);
}

#define REAL(name) ((__typeof__ (&name)) lp_on_demand_symbol (&libpoppler_glib, #name))

static void
set_missing_error (GError **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
               "%s cannot be opened: PDF files cannot be drawn", libpoppler_glib.soname);
}

PopplerDocument *
poppler_document_new_from_bytes (GBytes      *bytes,
                                 const char  *password,
                                 GError     **error)
{
  __typeof__ (&poppler_document_new_from_bytes) real = REAL (poppler_document_new_from_bytes);

  if (real == NULL)
    {
      set_missing_error (error);
      return NULL;
    }
  return real (bytes, password, error);
}

PopplerDocument *
poppler_document_new_from_file (const char  *uri,
                                const char  *password,
                                GError     **error)
{
  __typeof__ (&poppler_document_new_from_file) real = REAL (poppler_document_new_from_file);

  if (real == NULL)
    {
      set_missing_error (error);
      return NULL;
    }
  return real (uri, password, error);
}

/* The functions below take a document or a page: poppler was opened to make it. */

int
poppler_document_get_n_pages (PopplerDocument *document)
{
  return REAL (poppler_document_get_n_pages) (document);
}

PopplerPage *
poppler_document_get_page (PopplerDocument *document,
                           int              index)
{
  return REAL (poppler_document_get_page) (document, index);
}

void
poppler_page_get_size (PopplerPage *page,
                       double      *width,
                       double      *height)
{
  REAL (poppler_page_get_size) (page, width, height);
}

void
poppler_page_render (PopplerPage *page,
                     cairo_t     *cairo)
{
  REAL (poppler_page_render) (page, cairo);
}
