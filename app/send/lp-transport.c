/* lp-transport.c — see lp-transport.h */
#define G_LOG_DOMAIN "lp-transport"

#include "lp-transport.h"

#include <glib/gi18n-lib.h>

#include "lp-francetransfert-transport.h"
#include "lp-http.h"
#include "lp-relay-transport.h"
#include "lp-webdav-transport.h"

G_DEFINE_INTERFACE (LpTransport, lp_transport, G_TYPE_OBJECT)

static void
lp_transport_default_init (LpTransportInterface *iface)
{
}

LpTransport *
lp_transport_new (const LpTransportConfig  *config,
                  GError                  **error)
{
  g_return_val_if_fail (config != NULL, NULL);

  switch (config->kind)
    {
    case LP_TRANSPORT_RELAY:
      return lp_relay_transport_new (config, error);
    case LP_TRANSPORT_WEBDAV:
      return lp_webdav_transport_new (config, error);
    case LP_TRANSPORT_FRANCETRANSFERT:
      return lp_francetransfert_transport_new (config, error);
    default:
      g_set_error (error, LP_SEND_ERROR, LP_SEND_ERROR_CONFIG,
                   _("This kind of transport is not known. Use relay, webdav or "
                     "francetransfert."));
      return NULL;
    }
}

const char *
lp_transport_get_route (LpTransport *self)
{
  g_return_val_if_fail (LP_IS_TRANSPORT (self), NULL);
  return LP_TRANSPORT_GET_IFACE (self)->get_route (self);
}

void
lp_transport_set_timings (LpTransport         *self,
                          const LpSendTimings *timings)
{
  g_return_if_fail (LP_IS_TRANSPORT (self) && timings != NULL);
  lp_http_client_set_timings (LP_TRANSPORT_GET_IFACE (self)->get_http (self), timings);
}

/* Runs the transport in the calling thread. */
static char *
send_in_this_thread (LpTransport        *self,
                     LpSubmission       *submission,
                     GMainContext       *context,
                     LpSendProgressFunc  progress_func,
                     gpointer            progress_data,
                     GDestroyNotify      progress_destroy,
                     GCancellable       *cancellable,
                     GError            **error)
{
  LpHttpClient *client = LP_TRANSPORT_GET_IFACE (self)->get_http (self);
  g_autoptr(LpSendJob) job = lp_send_job_new (client, lp_submission_get_total_size (submission),
                                              context, progress_func, progress_data,
                                              progress_destroy, cancellable);

  return LP_TRANSPORT_GET_IFACE (self)->send (self, submission, job, error);
}

/* Snapshot of the request, made on the caller's thread (style.md §3.2). */
typedef struct {
  LpSubmission *submission;
  GMainContext *context;
  LpSendProgressFunc progress_func;
  gpointer progress_data;
  GDestroyNotify progress_destroy;
} SendData;

static void
send_data_free (SendData *data)
{
  /* The worker hands the progress data to its job; if it never ran, release it here. */
  if (data->progress_destroy != NULL)
    data->progress_destroy (data->progress_data);
  lp_submission_unref (data->submission);
  g_main_context_unref (data->context);
  g_free (data);
}

static void
send_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LpTransport *self = source_object;
  SendData *data = task_data;
  GDestroyNotify destroy = g_steal_pointer (&data->progress_destroy);
  g_autoptr(GError) error = NULL;
  char *receipt;

  receipt = send_in_this_thread (self, data->submission, data->context, data->progress_func,
                                 data->progress_data, destroy, cancellable, &error);
  if (receipt == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, receipt, g_free);
}

void
lp_transport_send_async (LpTransport         *self,
                         LpSubmission        *submission,
                         GCancellable        *cancellable,
                         LpSendProgressFunc   progress_func,
                         gpointer             progress_data,
                         GDestroyNotify       progress_data_destroy,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SendData *data;

  g_return_if_fail (LP_IS_TRANSPORT (self));
  g_return_if_fail (submission != NULL);

  data = g_new0 (SendData, 1);
  data->submission = lp_submission_ref (submission);
  data->context = g_main_context_ref_thread_default ();
  data->progress_func = progress_func;
  data->progress_data = progress_data;
  data->progress_destroy = progress_data_destroy;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, lp_transport_send_async);
  g_task_set_task_data (task, data, (GDestroyNotify) send_data_free);
  g_task_run_in_thread (task, send_thread);
}

char *
lp_transport_send_finish (LpTransport   *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

char *
lp_transport_send (LpTransport         *self,
                   LpSubmission        *submission,
                   GCancellable        *cancellable,
                   LpSendProgressFunc   progress_func,
                   gpointer             progress_data,
                   GError             **error)
{
  g_return_val_if_fail (LP_IS_TRANSPORT (self), NULL);
  g_return_val_if_fail (submission != NULL, NULL);

  return send_in_this_thread (self, submission, NULL, progress_func, progress_data, NULL,
                              cancellable, error);
}
