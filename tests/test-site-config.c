/* test-site-config.c — the site configuration keyfile (architecture.md §5)
 *
 * A good file loads with its secrets; each mistake is refused with the file, the line, the
 * group and key, and how to fix it; secret files others can read are refused; absent = home.
 */
#include <glib/gstdio.h>
#include <string.h>

#include "lp-site-config.h"
#include "lp-test-servers.h"

typedef struct {
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  g_autofree char *open_token = NULL;

  fx->dir = g_dir_make_tmp ("lp-site-XXXXXX", &error);
  g_assert_no_error (error);
  fx->path = g_build_filename (fx->dir, "site.conf", NULL);
  token = g_build_filename (fx->dir, "token", NULL);
  open_token = g_build_filename (fx->dir, "open-token", NULL);
  lp_test_write_file_mode (token, "s3cr3t-token\n", 0600);
  lp_test_write_file_mode (open_token, "s3cr3t-token\n", 0644);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fx->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (fx->dir, name, NULL);

      g_unlink (child);
    }
  g_rmdir (fx->dir);
  g_free (fx->path);
  g_free (fx->dir);
}

static LpSiteConfig *
load (Fixture     *fx,
      const char  *text,
      GError     **error)
{
  g_assert_true (g_file_set_contents (fx->path, text, -1, NULL));
  return lp_site_config_load (fx->path, error);
}

static void
test_full_file (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LpSiteConfig) config = load (fx,
    "# Mairie\n"
    "[site]\n"
    "name=Mairie de Saint-Ouen — espace France Services\n"
    "mode=kiosk                     # kiosk | home | assisted\n"
    "language=fr\n"
    "\n"
    "[kiosk]\n"
    "inactivity-warning=90\n"
    "inactivity-grace=20\n"
    "touch-keyboard=true\n"
    "admin-pin-hash=sha256:00112233445566778899aabbccddeeff:"
    "9c56cc51b374c3ba189210d5b6d4bf57790d351c96c47c02190ecf1e430635ab\n"
    "\n"
    "[send]\n"
    "transport=relay\n"
    "url=https://plaintes.example.org/api/v1/submissions\n"
    "token-file=token\n"
    "recipient=plainte@example.org\n"
    "\n"
    "[print]\n"
    "printer=Accueil\n", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (config->name, ==, "Mairie de Saint-Ouen — espace France Services");
  g_assert_cmpint (config->mode, ==, LP_SITE_MODE_KIOSK);
  g_assert_cmpstr (config->language, ==, "fr");
  g_assert_cmpuint (config->inactivity_warning, ==, 90);
  g_assert_cmpuint (config->inactivity_grace, ==, 20);
  g_assert_true (config->touch_keyboard);
  g_assert_cmpstr (config->admin_pin_hash, ==, "sha256:00112233445566778899aabbccddeeff:"
                   "9c56cc51b374c3ba189210d5b6d4bf57790d351c96c47c02190ecf1e430635ab");
  g_assert_cmpint (config->transport, ==, LP_SITE_TRANSPORT_RELAY);
  g_assert_cmpstr (config->secret, ==, "s3cr3t-token");
  g_assert_cmpstr (config->recipient, ==, "plainte@example.org");
  g_assert_cmpstr (config->printer, ==, "Accueil");

  {
    g_autoptr(LpTransport) transport = lp_site_config_new_transport (config, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (lp_transport_get_route (transport), ==, "relay");
  }
}

static void
test_defaults (Fixture       *fx,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LpSiteConfig) config = load (fx, "[site]\nname=Asso\nmode=assisted\n", &error);
  g_autoptr(LpSiteConfig) home = lp_site_config_new_home ();

  g_assert_no_error (error);
  g_assert_cmpint (config->mode, ==, LP_SITE_MODE_ASSISTED);
  g_assert_cmpuint (config->inactivity_warning, ==, 120);
  g_assert_cmpuint (config->inactivity_grace, ==, 30);
  g_assert_cmpint (config->transport, ==, LP_SITE_TRANSPORT_NONE);
  g_assert_null (config->secret);
  g_assert_cmpint (home->mode, ==, LP_SITE_MODE_HOME);
  g_assert_null (home->path);

  /* Nothing to send through: said plainly. */
  g_assert_null (lp_site_config_new_transport (config, &error));
  g_assert_error (error, LP_SITE_CONFIG_ERROR, LP_SITE_CONFIG_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "transport"));
}

static void
test_francetransfert_and_webdav (Fixture       *fx,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LpSiteConfig) ft = load (fx,
    "[send]\ntransport=francetransfert\napi-key-file=token\nsender=agent@prefecture.gouv.fr\n",
    &error);

  g_assert_no_error (error);
  g_assert_cmpstr (ft->url, ==, LP_FRANCETRANSFERT_DEFAULT_URL);
  g_assert_cmpstr (ft->sender, ==, "agent@prefecture.gouv.fr");
  {
    g_autoptr(LpSiteConfig) dav = load (fx,
      "[send]\ntransport=webdav\nurl=https://cloud.example.org/public.php/webdav\n"
      "username=AbCdEf\npassword-file=token\n", &error);

    g_assert_no_error (error);
    g_assert_cmpstr (dav->username, ==, "AbCdEf");
  }
}

typedef struct {
  const char *text;
  const char *expected;   /* the start of the message, after the file name */
  const char *fix;        /* a word of the advice */
} BadCase;

static void
test_errors_name_key_and_line (Fixture       *fx,
                               gconstpointer  data)
{
  const BadCase cases[] = {
    { "[site]\nname=A\nmode=kiosque\n", ":3: [site] mode:", "kiosk" },
    { "[site]\nname=A\n[kiosk]\ninactivity-warning=2\n", ":4: [kiosk] inactivity-warning:", "between" },
    { "[kiosk]\n\ninactivity-grace=abc\n", ":3: [kiosk] inactivity-grace:", "seconds" },
    /* RGAA 13.1: at least 20 s to answer the inactivity warning. */
    { "[kiosk]\ninactivity-grace=10\n", ":2: [kiosk] inactivity-grace:", "between 20 and 600" },
    { "[kiosk]\nadmin-pin-hash=1234\n", ":2: [kiosk] admin-pin-hash:", "sha256:" },
    { "[kiosk]\ntouch-keyboard=oui\n", ":2: [kiosk] touch-keyboard:", "true or false" },
    { "[site]\nnom=A\n", ":2: [site] nom:", "name" },
    { "[sites]\nname=A\n", ":1: [sites]:", "[site]" },
    { "[send]\ntransport=relay\nurl=http://plaintes.example.org/x\ntoken-file=token\n",
      ":3: [send] url:", "https://" },
    { "[send]\ntransport=relay\ntoken-file=token\n", ":1: [send] url:", "url=https://" },
    { "[send]\ntransport=relay\nurl=https://a.example/x\n", ":1: [send] token-file:", "path" },
    { "[send]\ntransport=relay\nurl=https://a.example/x\ntoken-file=open-token\n",
      ":4: [send] token-file:", "chmod 600" },
    { "[send]\ntransport=relay\nurl=https://a.example/x\ntoken-file=missing\n",
      ":4: [send] token-file:", "Check the path" },
    { "[send]\ntransport=relay\nurl=https://a.example/x\ntoken-file=token\npin=abc\n",
      ":5: [send] pin:", "openssl" },
    { "[send]\ntransport=relay\nurl=https://a.example/x\ntoken-file=token\nca-file=/nope.pem\n",
      ":5: [send] ca-file:", "PEM" },
    { "[send]\ntransport=relay\nurl=https://a.example/x\ntoken-file=token\nusername=bob\n",
      ":5: [send] username:", "transport=relay" },
    { "[send]\ntransport=webdav\nurl=https://a.example/x\npassword-file=token\n",
      ":1: [send] username:", "user name" },
    { "[send]\ntransport=francetransfert\napi-key-file=token\nsender=not-an-address\n",
      ":4: [send] sender:", "agent@" },
    { "[send]\ntransport=francetransfert\napi-key-file=token\n", ":1: [send] sender:", "agent" },
    { "[send]\ntransport=relay\nurl=https://a.example/x\ntoken-file=token\nrecipient=x@\n",
      ":5: [send] recipient:", "e-mail" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LpSiteConfig) config = load (fx, cases[i].text, &error);
      g_autofree char *expected = g_strconcat (fx->path, cases[i].expected, NULL);

      g_test_message ("case %u: %s", i, error != NULL ? error->message : "(no error)");
      g_assert_null (config);
      g_assert_nonnull (error);
      g_assert_true (error->domain == LP_SITE_CONFIG_ERROR);
      g_assert_true (g_str_has_prefix (error->message, expected));
      g_assert_nonnull (strstr (error->message, cases[i].fix));
      /* Never the secret. */
      g_assert_null (strstr (error->message, "s3cr3t"));
    }
}

static void
test_syntax_error_has_line (Fixture       *fx,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LpSiteConfig) config = load (fx, "[site]\nname=A\nthis line is wrong\n", &error);

  g_assert_null (config);
  g_assert_error (error, LP_SITE_CONFIG_ERROR, LP_SITE_CONFIG_ERROR_UNREADABLE);
  g_assert_nonnull (strstr (error->message, "3"));
}

static void
test_absent (Fixture       *fx,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = g_build_filename (fx->dir, "none.conf", NULL);
  g_autoptr(LpSiteConfig) config = lp_site_config_load_default (missing, &error);

  /* Given explicitly: must exist. */
  g_assert_null (config);
  g_assert_error (error, LP_SITE_CONFIG_ERROR, LP_SITE_CONFIG_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/site-config/full-file", test_full_file);
  ADD ("/site-config/defaults", test_defaults);
  ADD ("/site-config/francetransfert-and-webdav", test_francetransfert_and_webdav);
  ADD ("/site-config/errors-name-key-and-line", test_errors_name_key_and_line);
  ADD ("/site-config/syntax-error-has-line", test_syntax_error_has_line);
  ADD ("/site-config/absent", test_absent);
#undef ADD

  return g_test_run ();
}
