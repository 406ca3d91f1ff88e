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
#include <stdlib.h>

static LpOnDemandLibrary libpoppler_glib = LP_ON_DEMAND_LIBRARY_INIT ("libpoppler-glib.so.8");

static GMutex poppler_mutex;
static gsize exit_guard;

/* At exit the C++ runtime destroys poppler's static objects, its global mutexes among them:
 * a worker thread still drawing, or waiting to, then threw std::system_error and aborted the
 * program (seen in test-wizard-facts). This handler, registered once poppler is open so that
 * it runs before poppler's own destructors, waits for the thread drawing now and keeps the
 * lock: no thread enters poppler again. */
static void
hold_lock_at_exit (void)
{
  g_mutex_lock (&poppler_mutex);
}

GMutexLocker *
lp_poppler_lock (void)
{
  GMutexLocker *locker = g_mutex_locker_new (&poppler_mutex);

  if (g_once_init_enter (&exit_guard))
    {
      if (lp_on_demand_available (&libpoppler_glib))
        atexit (hold_lock_at_exit);
      g_once_init_leave (&exit_guard, 1);
    }
  return locker;
}

/* The real function NAME, looked up once. */
#define REAL(name) \
  ((__typeof__ (&name)) lp_on_demand_resolve (&libpoppler_glib, #name, &name##_address))

static void
set_missing_error (GError **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
               "%s cannot be opened: PDF files cannot be drawn", libpoppler_glib.soname);
}

static gpointer poppler_document_new_from_bytes_address;

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

static gpointer poppler_document_new_from_file_address;

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

static gpointer poppler_document_get_n_pages_address;

int
poppler_document_get_n_pages (PopplerDocument *document)
{
  return REAL (poppler_document_get_n_pages) (document);
}

static gpointer poppler_document_get_page_address;

PopplerPage *
poppler_document_get_page (PopplerDocument *document,
                           int              index)
{
  return REAL (poppler_document_get_page) (document, index);
}

static gpointer poppler_page_get_size_address;

void
poppler_page_get_size (PopplerPage *page,
                       double      *width,
                       double      *height)
{
  REAL (poppler_page_get_size) (page, width, height);
}

static gpointer poppler_page_render_address;

void
poppler_page_render (PopplerPage *page,
                     cairo_t     *cairo)
{
  REAL (poppler_page_render) (page, cairo);
}
