/* lp-test-servers.c — see lp-test-servers.h */
#include "lp-test-servers.h"

#include <curl/curl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>

#define PYTHON "/usr/bin/python3"
#define START_TIMEOUT_US (20 * G_USEC_PER_SEC)

static char *
servers_dir (void)
{
  return g_build_filename (g_getenv ("G_TEST_SRCDIR") != NULL ? g_getenv ("G_TEST_SRCDIR")
                                                                : SOURCE_ROOT "/tests",
                           "servers", NULL);
}

static char *
run_shell (const char *command)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;
  const char *argv[] = { "/bin/sh", "-c", command, NULL };

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status,
                &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("command failed: %s\n%s", command, err);
  return out;
}

char *
lp_test_make_certificate (const char  *dir,
                          char       **key_path,
                          char       **pin)
{
  char *cert = g_build_filename (dir, "cert.pem", NULL);
  char *key = g_build_filename (dir, "key.pem", NULL);
  g_autofree char *make = g_strdup_printf (
    "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes "
    "-keyout '%s' -out '%s' -days 2 -subj /CN=127.0.0.1 "
    "-addext subjectAltName=IP:127.0.0.1,DNS:localhost 2>&1", key, cert);
  g_autofree char *pin_command = g_strdup_printf (
    "openssl x509 -in '%s' -pubkey -noout | openssl pkey -pubin -outform der "
    "| openssl dgst -sha256 -binary | base64", cert);
  g_autofree char *made = run_shell (make);
  g_autofree char *base64 = run_shell (pin_command);

  g_strstrip (base64);
  if (pin != NULL)
    *pin = g_strconcat ("sha256//", base64, NULL);
  if (key_path != NULL)
    *key_path = key;
  else
    g_free (key);
  return cert;
}

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

/* A test that aborts must not leave its server running (holding meson's output pipe open
 * until the timeout): the server gets SIGTERM when the test process dies. Linux only. */
static void
die_with_parent (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

LpTestServer *
lp_test_server_start (const char         *script,
                      const char * const *args,
                      gboolean            tls)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *dir_servers = servers_dir ();
  g_autofree char *port_file = NULL;
  g_autofree char *key = NULL;
  LpTestServer *server = g_new0 (LpTestServer, 1);
  gint64 deadline;
  char *port_text = NULL;

  server->dir = g_dir_make_tmp ("lp-server-XXXXXX", &error);
  g_assert_no_error (error);
  port_file = g_build_filename (server->dir, "port", NULL);

  g_ptr_array_add (argv, g_strdup (PYTHON));
  g_ptr_array_add (argv, g_build_filename (dir_servers, script, NULL));
  g_ptr_array_add (argv, g_strdup ("--port-file"));
  g_ptr_array_add (argv, g_strdup (port_file));
  for (guint i = 0; args != NULL && args[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (args[i]));
  if (tls)
    {
      server->cert = lp_test_make_certificate (server->dir, &key, &server->pin);
      g_ptr_array_add (argv, g_strdup ("--tls-cert"));
      g_ptr_array_add (argv, g_strdup (server->cert));
      g_ptr_array_add (argv, g_strdup ("--tls-key"));
      g_ptr_array_add (argv, g_strdup (key));
    }
  g_ptr_array_add (argv, NULL);

  {
    g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);

    g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
    server->process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata,
                                                    &error);
  }
  g_assert_no_error (error);

  deadline = g_get_monotonic_time () + START_TIMEOUT_US;
  while (!g_file_get_contents (port_file, &port_text, NULL, NULL))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("%s did not write its port file within 20 s", script);
      /* The identifier goes once the process has exited. */
      if (g_subprocess_get_identifier (server->process) == NULL)
        g_error ("%s exited before writing its port file", script);
      g_usleep (20 * 1000);
    }
  g_strstrip (port_text);
  server->base_url = g_strdup_printf ("%s://127.0.0.1:%s", tls ? "https" : "http", port_text);
  g_free (port_text);
  return server;
}

LpTestServer *
lp_test_webdav_start (const char *user,
                      const char *password)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir_servers = servers_dir ();
  g_autofree char *script = g_build_filename (dir_servers, "nginx-webdav.sh", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  LpTestServer *server = g_new0 (LpTestServer, 1);
  int status = 0;
  gsize length;

  server->nginx = TRUE;
  server->dir = g_dir_make_tmp ("lp-webdav-XXXXXX", &error);
  g_assert_no_error (error);
  {
    const char *argv[] = { "/bin/sh", script, "START", server->dir, user, password, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status,
                  &error);
  }
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("nginx-webdav.sh START failed (is nginx-light installed?):\n%s", err);
  g_strstrip (out);
  length = strlen (out);
  while (length > 0 && out[length - 1] == '/')
    out[--length] = '\0';
  server->base_url = g_steal_pointer (&out);
  return server;
}

void
lp_test_server_stop (LpTestServer *server)
{
  if (server == NULL)
    return;
  if (server->process != NULL)
    {
      g_subprocess_send_signal (server->process, SIGTERM);
      g_subprocess_wait (server->process, NULL, NULL);
      g_object_unref (server->process);
    }
  if (server->nginx)
    {
      g_autofree char *dir_servers = servers_dir ();
      g_autofree char *script = g_build_filename (dir_servers, "nginx-webdav.sh", NULL);
      const char *argv[] = { "/bin/sh", script, "STOP", server->dir, NULL };

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, NULL,
                    NULL);
    }
  remove_tree (server->dir);
  g_free (server->dir);
  g_free (server->base_url);
  g_free (server->cert);
  g_free (server->pin);
  g_free (server);
}

static size_t
collect (char   *data,
         size_t  size,
         size_t  nmemb,
         void   *user_data)
{
  g_byte_array_append (user_data, (const guint8 *) data, (guint) (size * nmemb));
  return size * nmemb;
}

/* A plain request to the control API; asserts a 200. */
static GBytes *
control (LpTestServer *server,
         const char   *path,
         const char   *body)
{
  g_autofree char *url = g_strconcat (server->base_url, path, NULL);
  GByteArray *answer = g_byte_array_new ();
  struct curl_slist *headers = curl_slist_append (NULL, "Content-Type: application/json");
  CURL *curl = curl_easy_init ();
  CURLcode code;
  long status = 0;

  curl_easy_setopt (curl, CURLOPT_URL, url);
  curl_easy_setopt (curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt (curl, CURLOPT_WRITEFUNCTION, collect);
  curl_easy_setopt (curl, CURLOPT_WRITEDATA, answer);
  curl_easy_setopt (curl, CURLOPT_TIMEOUT, 20L);
  if (server->cert != NULL)
    curl_easy_setopt (curl, CURLOPT_CAINFO, server->cert);
  if (body != NULL)
    {
      curl_easy_setopt (curl, CURLOPT_HTTPHEADER, headers);
      curl_easy_setopt (curl, CURLOPT_POSTFIELDS, body);
    }
  code = curl_easy_perform (curl);
  curl_easy_getinfo (curl, CURLINFO_RESPONSE_CODE, &status);
  curl_easy_cleanup (curl);
  curl_slist_free_all (headers);
  if (code != CURLE_OK || status != 200)
    g_error ("control request %s failed: curl %d, HTTP %ld", path, (int) code, status);
  return g_byte_array_free_to_bytes (answer);
}

void
lp_test_server_set_faults (LpTestServer *server,
                           const char   *faults_json)
{
  g_autoptr(GBytes) answer = control (server, "/_control/faults", faults_json);
}

void
lp_test_server_reset (LpTestServer *server)
{
  g_autoptr(GBytes) answer = control (server, "/_control/reset", "{}");
}

JsonNode *
lp_test_server_received (LpTestServer *server)
{
  g_autoptr(GBytes) answer = control (server, "/_control/received", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  const char *data = g_bytes_get_data (answer, &length);

  json_parser_load_from_data (parser, data, (gssize) length, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

guint
lp_test_server_count_requests (JsonNode   *received,
                               const char *method,
                               const char *path_part)
{
  JsonArray *log = json_object_get_array_member (json_node_get_object (received), "log");
  guint count = 0;

  for (guint i = 0; i < json_array_get_length (log); i++)
    {
      JsonArray *entry = json_array_get_array_element (log, i);

      if (g_strcmp0 (json_array_get_string_element (entry, 0), method) == 0
          && strstr (json_array_get_string_element (entry, 1), path_part) != NULL)
        count++;
    }
  return count;
}

guint
lp_test_server_settled_count (LpTestServer *server,
                              const char   *method,
                              const char   *path_part,
                              guint         at_least)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  guint count;

  for (;;)
    {
      g_autoptr(JsonNode) received = lp_test_server_received (server);

      count = lp_test_server_count_requests (received, method, path_part);
      if (count >= at_least || g_get_monotonic_time () > deadline)
        break;
      g_usleep (20 * 1000);
    }
  g_usleep (100 * 1000);
  {
    g_autoptr(JsonNode) received = lp_test_server_received (server);

    return lp_test_server_count_requests (received, method, path_part);
  }
}

GBytes *
lp_test_random_bytes (gsize   size,
                      guint32 seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  guint8 *data = g_malloc (size);

  for (gsize i = 0; i < size; i++)
    data[i] = (guint8) g_rand_int_range (rand, 0, 256);
  return g_bytes_new_take (data, size);
}

void
lp_test_write_file_mode (const char *path,
                         const char *contents,
                         int         mode)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (path, mode), ==, 0);
}
