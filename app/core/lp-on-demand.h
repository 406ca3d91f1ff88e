/* lp-on-demand.h — a shared library opened the first time one of its functions is called
 *
 * Why: every library linked into the program is loaded and relocated before main(), and
 * each one makes every later symbol lookup of the process longer (GTK's, and the GL
 * driver's when GDK probes it). libcurl (24 libraries with its own) and poppler-glib (9)
 * are needed only to send a letter and to preview one: opened on first use, they no longer
 * delay the window's first frame (architecture.md §9; bench/README.md, "Start-up").
 *
 * A stub file (app/send/lp-curl-on-demand.c, ui/lp-poppler-on-demand.c) defines each
 * function the program uses under its own name, with its own prototype from the library's
 * header, and calls the real one through lp_on_demand_symbol(). The library is opened with
 * RTLD_LOCAL: its symbols stay out of the process's global scope.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *soname;   /* as in the library's DT_SONAME, e.g. "libcurl.so.4" */
  gsize       opened;   /* g_once_init_enter() guard */
  gpointer    handle;   /* dlopen()'s handle, NULL when the library could not be opened */
} LpOnDemandLibrary;

#define LP_ON_DEMAND_LIBRARY_INIT(soname) { (soname), 0, NULL }

/* The address of SYMBOL in LIBRARY, opening it on the first call (thread-safe). NULL, with
 * one warning naming the library and the reason, when it cannot be opened or lacks SYMBOL. */
gpointer lp_on_demand_symbol    (LpOnDemandLibrary *library,
                                 const char        *symbol);

/* lp_on_demand_symbol() looked up once: *CACHE (a static of the caller's, NULL at first)
 * keeps the address for the next calls. */
gpointer lp_on_demand_resolve   (LpOnDemandLibrary *library,
                                 const char        *symbol,
                                 gpointer          *cache);

/* Whether LIBRARY is (or can be) opened; opens it. For clear error messages. */
gboolean lp_on_demand_available (LpOnDemandLibrary *library);

G_END_DECLS
