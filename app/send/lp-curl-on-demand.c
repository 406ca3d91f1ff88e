/* lp-curl-on-demand.c — libcurl, opened the first time something is sent
 *
 * The program is not linked with libcurl (it and its 23 libraries cost the window's first
 * frame about 15 ms, bench/README.md "Start-up"): each libcurl function the transports use
 * is defined here under its own name and calls the real one, found in libcurl.so.4 when it
 * is first needed (lp-on-demand.h). When libcurl cannot be opened, the functions fail the
 * way libcurl itself reports failure (NULL handles, CURLE_FAILED_INIT), and
 * lp_send_curl_available() lets the transports say so in words.
 *
 * A libcurl function used anywhere in app/send must be added here, or the link fails.
 */
#define G_LOG_DOMAIN "lp-send"

#include "lp-on-demand.h"
#include "lp-http.h"

#include <curl/curl.h>
#include <stdarg.h>

/* The type-checking macros of curl/typecheck-gcc.h have the functions' names. */
#undef curl_easy_setopt
#undef curl_easy_getinfo

static LpOnDemandLibrary libcurl = LP_ON_DEMAND_LIBRARY_INIT ("libcurl.so.4");

/* The real function NAME, typed as the header declares it; NULL when libcurl is missing.
 * Looked up once: the send loop calls some of them thousands of times. */
#define REAL(name) ((__typeof__ (&name)) lp_on_demand_resolve (&libcurl, #name, &name##_address))

/* Defines NAME (PARAMS) returning TYPE: calls the real one with ARGS, or returns FALLBACK. */
#define FORWARD(type, name, fallback, params, args) \
  static gpointer name##_address;                   \
  type name params                                  \
  {                                                 \
    __typeof__ (&name) real = REAL (name);          \
    return real != NULL ? real args : (fallback);   \
  }

#define FORWARD_VOID(name, params, args)            \
  static gpointer name##_address;                   \
  void name params                                  \
  {                                                 \
    __typeof__ (&name) real = REAL (name);          \
    if (real != NULL)                               \
      real args;                                    \
  }

gboolean
lp_send_curl_available (void)
{
  return lp_on_demand_available (&libcurl);
}

FORWARD (CURLcode, curl_global_init, CURLE_FAILED_INIT, (long flags), (flags))
FORWARD (const char *, curl_easy_strerror, "libcurl is missing", (CURLcode code), (code))

FORWARD (CURL *, curl_easy_init, NULL, (void), ())
FORWARD_VOID (curl_easy_cleanup, (CURL *curl), (curl))
FORWARD_VOID (curl_easy_reset, (CURL *curl), (curl))
FORWARD (CURLcode, curl_easy_perform, CURLE_FAILED_INIT, (CURL *curl), (curl))

/* Variadic: the argument's type follows from the option's number, as libcurl reads it
 * (curl.h: CURLOPTTYPE_LONG 0, OBJECTPOINT 10000, FUNCTIONPOINT 20000, OFF_T 30000,
 * BLOB 40000). Function pointers travel as void *, as POSIX allows. */
static gpointer curl_easy_setopt_address;

CURLcode
curl_easy_setopt (CURL       *curl,
                  CURLoption  option,
                  ...)
{
  __typeof__ (&curl_easy_setopt) real = REAL (curl_easy_setopt);
  CURLcode code;
  va_list args;

  if (real == NULL)
    return CURLE_FAILED_INIT;
  va_start (args, option);
  if (option < CURLOPTTYPE_OBJECTPOINT)
    code = real (curl, option, va_arg (args, long));
  else if (option < CURLOPTTYPE_OFF_T)
    code = real (curl, option, va_arg (args, void *));
  else if (option < CURLOPTTYPE_BLOB)
    code = real (curl, option, va_arg (args, curl_off_t));
  else
    code = real (curl, option, va_arg (args, void *));
  va_end (args);
  return code;
}

/* Variadic: always one pointer to where the answer goes. */
static gpointer curl_easy_getinfo_address;

CURLcode
curl_easy_getinfo (CURL     *curl,
                   CURLINFO  info,
                   ...)
{
  __typeof__ (&curl_easy_getinfo) real = REAL (curl_easy_getinfo);
  CURLcode code;
  va_list args;

  if (real == NULL)
    return CURLE_FAILED_INIT;
  va_start (args, info);
  code = real (curl, info, va_arg (args, void *));
  va_end (args);
  return code;
}

FORWARD (struct curl_slist *, curl_slist_append, NULL,
         (struct curl_slist *list, const char *data), (list, data))
FORWARD_VOID (curl_slist_free_all, (struct curl_slist *list), (list))

FORWARD (curl_mime *, curl_mime_init, NULL, (CURL *easy), (easy))
FORWARD_VOID (curl_mime_free, (curl_mime *mime), (mime))
FORWARD (curl_mimepart *, curl_mime_addpart, NULL, (curl_mime *mime), (mime))
FORWARD (CURLcode, curl_mime_name, CURLE_FAILED_INIT,
         (curl_mimepart *part, const char *name), (part, name))
FORWARD (CURLcode, curl_mime_filename, CURLE_FAILED_INIT,
         (curl_mimepart *part, const char *filename), (part, filename))
FORWARD (CURLcode, curl_mime_type, CURLE_FAILED_INIT,
         (curl_mimepart *part, const char *mimetype), (part, mimetype))
FORWARD (CURLcode, curl_mime_data, CURLE_FAILED_INIT,
         (curl_mimepart *part, const char *data, size_t datasize), (part, data, datasize))
FORWARD (CURLcode, curl_mime_data_cb, CURLE_FAILED_INIT,
         (curl_mimepart *part, curl_off_t datasize, curl_read_callback readfunc,
          curl_seek_callback seekfunc, curl_free_callback freefunc, void *arg),
         (part, datasize, readfunc, seekfunc, freefunc, arg))

FORWARD (CURLM *, curl_multi_init, NULL, (void), ())
FORWARD (CURLMcode, curl_multi_cleanup, CURLM_INTERNAL_ERROR, (CURLM *multi), (multi))
FORWARD (CURLMcode, curl_multi_add_handle, CURLM_INTERNAL_ERROR,
         (CURLM *multi, CURL *curl), (multi, curl))
FORWARD (CURLMcode, curl_multi_remove_handle, CURLM_INTERNAL_ERROR,
         (CURLM *multi, CURL *curl), (multi, curl))
FORWARD (CURLMcode, curl_multi_perform, CURLM_INTERNAL_ERROR,
         (CURLM *multi, int *running_handles), (multi, running_handles))
FORWARD (CURLMcode, curl_multi_poll, CURLM_INTERNAL_ERROR,
         (CURLM *multi, struct curl_waitfd extra_fds[], unsigned int extra_nfds,
          int timeout_ms, int *ret), (multi, extra_fds, extra_nfds, timeout_ms, ret))
FORWARD (CURLMcode, curl_multi_wakeup, CURLM_INTERNAL_ERROR, (CURLM *multi), (multi))
FORWARD (CURLMsg *, curl_multi_info_read, NULL,
         (CURLM *multi, int *msgs_in_queue), (multi, msgs_in_queue))
