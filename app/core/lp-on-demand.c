/* lp-on-demand.c — see lp-on-demand.h */
#define G_LOG_DOMAIN "lp-on-demand"

#include "lp-on-demand.h"

#include <dlfcn.h>

static void
open_once (LpOnDemandLibrary *library)
{
  if (g_once_init_enter (&library->opened))
    {
      /* RTLD_LAZY: the library's own functions are bound as they are first called. */
      library->handle = dlopen (library->soname, RTLD_LAZY | RTLD_LOCAL);
      if (library->handle == NULL)
        g_warning ("Cannot open %s: %s", library->soname, dlerror ());
      g_once_init_leave (&library->opened, 1);
    }
}

gboolean
lp_on_demand_available (LpOnDemandLibrary *library)
{
  open_once (library);
  return library->handle != NULL;
}

gpointer
lp_on_demand_symbol (LpOnDemandLibrary *library,
                     const char        *symbol)
{
  gpointer address;

  open_once (library);
  if (library->handle == NULL)
    return NULL;
  address = dlsym (library->handle, symbol);
  if (address == NULL)
    g_warning ("%s has no %s: %s", library->soname, symbol, dlerror ());
  return address;
}

gpointer
lp_on_demand_resolve (LpOnDemandLibrary *library,
                      const char        *symbol,
                      gpointer          *cache)
{
  gpointer address = g_atomic_pointer_get (cache);

  if (address == NULL)
    {
      /* Two threads may both look it up the first time: the same address either way. */
      address = lp_on_demand_symbol (library, symbol);
      g_atomic_pointer_set (cache, address);
    }
  return address;
}
