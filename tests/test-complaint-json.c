/* test-complaint-json.c — reading and writing the complaint file (architecture.md §3) */
#include "lp-complaint-json.h"
#include "lp-secure.h"
#include "lp-test-utils.h"

#include <glib/gstdio.h>
#include <string.h>

#define HEAD "\"format\": \"lettre-plainte/complaint\", \"version\": 1"

static char *
data_dir (void)
{
  return g_test_build_filename (G_TEST_DIST, "data", NULL);
}

static GPtrArray *
load_fixture (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = lp_test_data_path (name);
  GPtrArray *all = lp_complaint_load_file (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (all);
  return all;
}

static GPtrArray *
load_text (const char *json,
           const char *base_dir)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *all = lp_complaint_load_data (json, -1, base_dir, &error);

  g_assert_no_error (error);
  g_assert_nonnull (all);
  return all;
}

/* The message must begin with @prefix (the JSON path, then ": " and the start of the text). */
static void
assert_error_prefix (const GError     *error,
                     LpComplaintError  code,
                     const char       *prefix)
{
  g_autofree char *head = NULL;

  g_assert_nonnull (error);
  g_test_message ("error: %s", error->message);
  g_assert_error (error, LP_COMPLAINT_ERROR, (int) code);
  head = g_strndup (error->message, strlen (prefix));
  g_assert_cmpstr (head, ==, prefix);
}

static void
assert_load_error (const char       *json,
                   gssize            length,
                   LpComplaintError  code,
                   const char       *prefix)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = lp_complaint_load_data (json, length, NULL, &error);

  g_assert_null (all);
  assert_error_prefix (error, code, prefix);
}

static void
assert_strings (GPtrArray          *array,
                const char * const *expected)
{
  guint n = g_strv_length ((char **) expected);

  g_assert_nonnull (array);
  g_assert_cmpuint (array->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (g_ptr_array_index (array, i), ==, expected[i]);
}

static void
assert_strv_equal (GPtrArray *a,
                   GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    g_assert_cmpstr (g_ptr_array_index (a, i), ==, g_ptr_array_index (b, i));
}

static void
assert_person_equal (const LpPerson *a,
                     const LpPerson *b)
{
  g_assert_cmpstr (a->civility, ==, b->civility);
  g_assert_cmpstr (a->birth_name, ==, b->birth_name);
  g_assert_cmpstr (a->usage_name, ==, b->usage_name);
  assert_strv_equal (a->given_names, b->given_names);
  g_assert_cmpint (a->no_given_name, ==, b->no_given_name);
  g_assert_cmpstr (a->birth_date, ==, b->birth_date);
  g_assert_cmpstr (a->birth_place.commune, ==, b->birth_place.commune);
  g_assert_cmpstr (a->birth_place.department, ==, b->birth_place.department);
  g_assert_cmpstr (a->birth_place.country, ==, b->birth_place.country);
  g_assert_cmpstr (a->nationality, ==, b->nationality);
  g_assert_cmpstr (a->profession, ==, b->profession);
  g_assert_cmpstr (a->address.street, ==, b->address.street);
  g_assert_cmpstr (a->address.complement, ==, b->address.complement);
  g_assert_cmpstr (a->address.postal_code, ==, b->address.postal_code);
  g_assert_cmpstr (a->address.city, ==, b->address.city);
  g_assert_cmpstr (a->address.country, ==, b->address.country);
  g_assert_cmpstr (a->phone, ==, b->phone);
  g_assert_cmpstr (a->email, ==, b->email);
  g_assert_cmpstr (a->nir, ==, b->nir);
  g_assert_cmpstr (a->quality, ==, b->quality);
}

static void
assert_complaint_equal (const LpComplaint *a,
                        const LpComplaint *b)
{
  g_assert_cmpstr (a->campaign, ==, b->campaign);
  assert_person_equal (&a->complainant, &b->complainant);
  g_assert_cmpint (a->representative != NULL, ==, b->representative != NULL);
  if (a->representative != NULL)
    assert_person_equal (a->representative, b->representative);
  g_assert_cmpstr (a->facts.insurer, ==, b->facts.insurer);
  g_assert_cmpstr (a->facts.operator_id, ==, b->facts.operator_id);
  g_assert_cmpint (a->facts.notified, ==, b->facts.notified);
  g_assert_cmpstr (a->facts.notified_on, ==, b->facts.notified_on);
  g_assert_cmpstr (a->facts.notification_channel, ==, b->facts.notification_channel);
  g_assert_cmpstr (a->facts.member_number, ==, b->facts.member_number);
  assert_strv_equal (a->facts.consequences, b->facts.consequences);
  g_assert_cmpstr (a->facts.account, ==, b->facts.account);
  g_assert_cmpstr (a->facts.prejudice_description, ==, b->facts.prejudice_description);
  g_assert_cmpint (a->facts.has_amount, ==, b->facts.has_amount);
  g_assert_cmpint (a->facts.amount_cents, ==, b->facts.amount_cents);
  g_assert_cmpstr (a->signature_place, ==, b->signature_place);
  g_assert_cmpstr (a->signature_date, ==, b->signature_date);
  g_assert_cmpint (a->signature_png != NULL, ==, b->signature_png != NULL);
  if (a->signature_png != NULL)
    g_assert_true (g_bytes_equal (a->signature_png, b->signature_png));
  g_assert_cmpuint (a->attachments->len, ==, b->attachments->len);
  for (guint i = 0; i < a->attachments->len; i++)
    {
      const LpAttachment *x = g_ptr_array_index (a->attachments, i);
      const LpAttachment *y = g_ptr_array_index (b->attachments, i);

      g_assert_cmpstr (x->file, ==, y->file);
      g_assert_cmpstr (x->title, ==, y->title);
      g_assert_cmpstr (x->path, ==, y->path);
    }
}

/* to_json, then load again (attachments resolved against @base_dir): equal, and writing the
 * copy gives the same bytes. */
static void
assert_round_trip (const LpComplaint *complaint,
                   const char        *base_dir)
{
  g_autoptr(GError) error = NULL;
  gsize length = 0, length_again = 0;
  g_autofree char *json = lp_complaint_to_json (complaint, &length);
  g_autofree char *json_again = NULL;
  g_autoptr(GPtrArray) again = NULL;

  g_assert_cmpuint (length, ==, strlen (json));
  g_assert_true (g_utf8_validate (json, -1, NULL));
  again = lp_complaint_load_data (json, length, base_dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->len, ==, 1);
  assert_complaint_equal (complaint, g_ptr_array_index (again, 0));
  json_again = lp_complaint_to_json (g_ptr_array_index (again, 0), &length_again);
  g_assert_cmpstr (json, ==, json_again);
}

/* ---- loading the fixtures ---- */

static void
test_load_typical (void)
{
  g_autoptr(GPtrArray) all = load_fixture ("complaint-typical.json");
  const LpComplaint *c;
  const LpPerson *p;

  g_assert_cmpuint (all->len, ==, 1);
  c = g_ptr_array_index (all, 0);
  p = &c->complainant;
  g_assert_cmpstr (c->campaign, ==, "viamedis-almerys-2024");
  g_assert_cmpstr (p->civility, ==, "madame");
  g_assert_cmpstr (p->birth_name, ==, "Dupré");
  g_assert_cmpstr (p->usage_name, ==, "");
  assert_strings (p->given_names, (const char *[]) { "Élodie", "Marie", NULL });
  g_assert_false (p->no_given_name);
  g_assert_cmpstr (p->birth_date, ==, "1984-12-14");
  g_assert_cmpstr (p->birth_place.commune, ==, "Lyon");
  g_assert_cmpstr (p->birth_place.department, ==, "69");
  g_assert_cmpstr (p->birth_place.country, ==, "France");
  g_assert_cmpstr (p->nationality, ==, "française");
  g_assert_cmpstr (p->profession, ==, "");
  g_assert_cmpstr (p->address.street, ==, "12 rue des Lilas");
  g_assert_cmpstr (p->address.complement, ==, "");
  g_assert_cmpstr (p->address.postal_code, ==, "69003");
  g_assert_cmpstr (p->address.city, ==, "Lyon");
  g_assert_cmpstr (p->address.country, ==, "France");
  g_assert_cmpstr (p->phone, ==, "06 12 34 56 78");
  g_assert_cmpstr (p->email, ==, "");
  g_assert_cmpstr (p->nir, ==, "");
  g_assert_cmpstr (p->quality, ==, "");
  g_assert_null (c->representative);
  g_assert_cmpstr (c->facts.insurer, ==, "Harmonie Mutuelle");
  g_assert_cmpstr (c->facts.operator_id, ==, "viamedis");
  g_assert_true (c->facts.notified);
  g_assert_cmpstr (c->facts.notified_on, ==, "2024-02-08");
  g_assert_cmpstr (c->facts.notification_channel, ==, "courrier");
  g_assert_cmpstr (c->facts.member_number, ==, "");
  assert_strings (c->facts.consequences, (const char *[]) { "phishing-sms", NULL });
  g_assert_cmpstr (c->facts.account, ==,
                   "Depuis le courrier de ma mutuelle, j'ai reçu deux SMS me demandant de "
                   "renouveler ma carte Vitale sur un site qui n'était pas celui de "
                   "l'Assurance maladie.");
  g_assert_cmpstr (c->facts.prejudice_description, ==, "");
  g_assert_false (c->facts.has_amount);
  g_assert_cmpint (c->facts.amount_cents, ==, 0);
  g_assert_cmpstr (c->signature_place, ==, "Lyon");
  g_assert_cmpstr (c->signature_date, ==, "2024-02-12");
  g_assert_null (c->signature_png);
  g_assert_cmpuint (c->attachments->len, ==, 0);
}

static void
test_load_minor (void)
{
  g_autoptr(GPtrArray) all = load_fixture ("complaint-minor.json");
  const LpComplaint *c = g_ptr_array_index (all, 0);
  const LpPerson *r = c->representative;

  g_assert_cmpuint (all->len, ==, 1);
  g_assert_cmpstr (c->complainant.birth_name, ==, "Benali");
  assert_strings (c->complainant.given_names, (const char *[]) { "Inès", "Yasmine", NULL });
  g_assert_cmpstr (c->complainant.birth_date, ==, "2014-05-03");
  g_assert_cmpstr (c->complainant.quality, ==, "");
  g_assert_nonnull (r);
  g_assert_cmpstr (r->quality, ==, "mère");
  g_assert_cmpstr (r->civility, ==, "madame");
  g_assert_cmpstr (r->birth_name, ==, "Haddad");
  g_assert_cmpstr (r->usage_name, ==, "Benali");
  assert_strings (r->given_names, (const char *[]) { "Samira", NULL });
  g_assert_cmpstr (r->birth_place.commune, ==, "Oran");
  g_assert_cmpstr (r->birth_place.department, ==, "");
  g_assert_cmpstr (r->birth_place.country, ==, "Algérie");
  g_assert_cmpstr (r->address.complement, ==, "Bâtiment C, appartement 14");
  g_assert_cmpstr (r->email, ==, "samira.benali@example.org");
  g_assert_true (lp_complaint_get_signer (c) == r);
  g_assert_cmpstr (c->facts.operator_id, ==, "almerys");
  g_assert_cmpstr (c->facts.notification_channel, ==, "e-mail");
}

static void
test_load_household (void)
{
  g_autoptr(GPtrArray) all = load_fixture ("complaint-household.json");
  const char *names[] = { "Jean-Baptiste", "Sylvie", "Léa" };

  g_assert_cmpuint (all->len, ==, 3);
  for (guint i = 0; i < all->len; i++)
    {
      const LpComplaint *c = g_ptr_array_index (all, i);
      const LpComplaint *first = g_ptr_array_index (all, 0);

      g_assert_cmpstr (g_ptr_array_index (c->complainant.given_names, 0), ==, names[i]);
      g_assert_cmpstr (c->complainant.address.street, ==, first->complainant.address.street);
      g_assert_cmpstr (c->complainant.address.postal_code, ==, "44300");
      g_assert_true (c->facts.notified);
      g_assert_null (c->representative);
    }
  g_assert_cmpstr (((LpComplaint *) g_ptr_array_index (all, 1))->complainant.usage_name, ==,
                   "Martin");
  g_assert_cmpstr (((LpComplaint *) g_ptr_array_index (all, 1))->complainant.birth_name, ==,
                   "Caron");
  g_assert_cmpuint (((LpComplaint *) g_ptr_array_index (all, 2))->complainant.given_names->len,
                    ==, 3);
}

static void
test_load_names (void)
{
  g_autoptr(GPtrArray) all = load_fixture ("complaint-names.json");
  const LpComplaint *khai, *lukasz, *zoe;
  g_auto(GStrv) paragraphs = NULL;

  g_assert_cmpuint (all->len, ==, 3);
  khai = g_ptr_array_index (all, 0);
  lukasz = g_ptr_array_index (all, 1);
  zoe = g_ptr_array_index (all, 2);
  g_assert_cmpstr (khai->complainant.birth_name, ==, "Nguyễn");
  assert_strings (khai->complainant.given_names, (const char *[]) { "Thị Minh Khai", NULL });
  g_assert_cmpstr (lukasz->complainant.birth_name, ==, "Żółć");
  assert_strings (lukasz->complainant.given_names, (const char *[]) { "Łukasz", "Paweł", NULL });
  g_assert_cmpstr (lukasz->complainant.birth_place.commune, ==, "Wrocław");
  g_assert_cmpstr (zoe->complainant.birth_name, ==, "L'Haÿ");
  assert_strings (zoe->complainant.given_names, (const char *[]) { "Zoë", "Anaïs", NULL });
  g_assert_cmpstr (zoe->complainant.birth_place.commune, ==, "L'Haÿ-les-Roses");

  /* Three A4 pages and more: over 10,000 characters in many paragraphs. */
  g_assert_cmpuint (g_utf8_strlen (khai->facts.account, -1), >, 10000);
  paragraphs = g_strsplit (khai->facts.account, "\n\n", -1);
  g_assert_cmpuint (g_strv_length (paragraphs), >=, 15);
  g_assert_true (khai->facts.has_amount);
  g_assert_cmpint (khai->facts.amount_cents, ==, 124990);
}

static void
test_load_attachments (void)
{
  g_autoptr(GPtrArray) all = load_fixture ("complaint-attachments.json");
  g_autofree char *dir = data_dir ();
  const LpComplaint *c = g_ptr_array_index (all, 0);
  const char *files[] = { "courrier-mutuelle.jpg", "capture-sms.png", "releve-bancaire.pdf" };
  g_autofree char *png = NULL;
  g_autofree char *png_path = lp_test_data_path ("signature.png");
  gsize png_length = 0;

  g_assert_cmpuint (c->attachments->len, ==, G_N_ELEMENTS (files));
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      const LpAttachment *a = g_ptr_array_index (c->attachments, i);
      g_autofree char *expected = g_build_filename (dir, files[i], NULL);
      g_autofree char *canonical = g_canonicalize_filename (expected, NULL);

      g_assert_cmpstr (a->file, ==, files[i]);
      g_assert_cmpstr (a->title, !=, "");
      g_assert_true (g_path_is_absolute (a->path));
      g_assert_cmpstr (a->path, ==, canonical);
      g_assert_true (g_file_test (a->path, G_FILE_TEST_IS_REGULAR));
    }
  g_assert_cmpstr (((LpAttachment *) g_ptr_array_index (c->attachments, 0))->title, ==,
                   "Courrier de la Mutuelle des Tilleuls du 7 février 2024");

  /* The drawn signature decodes to the very bytes of signature.png. */
  g_assert_nonnull (c->signature_png);
  g_assert_true (g_file_get_contents (png_path, &png, &png_length, NULL));
  g_assert_cmpmem (g_bytes_get_data (c->signature_png, NULL), g_bytes_get_size (c->signature_png),
                   png, png_length);

  g_assert_true (c->facts.has_amount);
  g_assert_cmpint (c->facts.amount_cents, ==, 48990);
  assert_strings (c->facts.consequences,
                  (const char *[]) { "phishing-sms", "fraudulent-payment", NULL });
}

static void
test_load_nir (void)
{
  g_autoptr(GPtrArray) all = load_fixture ("complaint-nir.json");
  const LpComplaint *c = g_ptr_array_index (all, 0);

  g_assert_cmpstr (c->complainant.nir, ==, "2 53 07 2B 073 004 70");
  g_assert_true (g_str_has_prefix (c->complainant.birth_date, "1953-07-"));
  g_assert_cmpstr (c->complainant.birth_place.department, ==, "2B");
  g_assert_cmpstr (c->complainant.civility, ==, "madame");
}

/* Dates in every fixture are on or before the fixed test day, 2024-03-01, and the person was
 * notified (architecture.md §3): the fixtures are valid complaints. */
static void
test_fixtures_dates (void)
{
  const char *fixtures[] = {
    "complaint-typical.json", "complaint-minor.json", "complaint-household.json",
    "complaint-names.json", "complaint-attachments.json", "complaint-nir.json",
  };

  for (guint f = 0; f < G_N_ELEMENTS (fixtures); f++)
    {
      g_autoptr(GPtrArray) all = load_fixture (fixtures[f]);

      for (guint i = 0; i < all->len; i++)
        {
          const LpComplaint *c = g_ptr_array_index (all, i);

          g_assert_true (c->facts.notified);
          g_assert_cmpstr (c->signature_date, <=, "2024-03-01");
          g_assert_cmpstr (c->facts.notified_on, <=, c->signature_date);
          g_assert_cmpstr (c->complainant.birth_date, <, c->signature_date);
          g_assert_cmpstr (c->complainant.birth_name, !=, "");
          g_assert_cmpuint (c->complainant.given_names->len, >, 0);
          g_assert_cmpstr (c->complainant.phone, !=, "");
          g_assert_cmpstr (c->facts.insurer, !=, "");
          g_assert_cmpstr (c->signature_place, !=, "");
        }
    }
}

/* ---- round trips ---- */

static void
test_round_trip_fixtures (void)
{
  const char *fixtures[] = {
    "complaint-typical.json", "complaint-minor.json", "complaint-household.json",
    "complaint-names.json", "complaint-attachments.json", "complaint-nir.json",
  };
  g_autofree char *dir = data_dir ();

  for (guint f = 0; f < G_N_ELEMENTS (fixtures); f++)
    {
      g_autoptr(GPtrArray) all = load_fixture (fixtures[f]);

      g_test_message ("round trip of %s", fixtures[f]);
      for (guint i = 0; i < all->len; i++)
        assert_round_trip (g_ptr_array_index (all, i), dir);
    }
}

static void
test_round_trip_values (void)
{
  g_autoptr(LpComplaint) c = lp_complaint_new ();
  g_autofree char *png = NULL;
  g_autofree char *png_path = lp_test_data_path ("signature.png");
  gsize png_length = 0;
  const gint64 amounts[] = {
    0, 7, 5, 99, 100, 150000, -350, 124990, G_GINT64_CONSTANT (99999999999999)
  };

  lp_secure_set_string (&c->complainant.birth_name,
                        "Zoë \"Zozo\" \\ L'Haÿ\t\r\n\001\037\177 \u2028 / « »");
  lp_secure_set_string (&c->complainant.usage_name, "Nguyễn");
  c->complainant.no_given_name = TRUE;
  lp_secure_set_string (&c->facts.account, "Premier paragraphe.\n\nSecond paragraphe.\n");
  c->facts.notified = TRUE;
  g_ptr_array_add (c->facts.consequences, g_strdup ("phishing-sms"));
  g_ptr_array_add (c->facts.consequences, g_strdup (""));
  g_ptr_array_add (c->attachments, lp_attachment_new ("/srv/pièces/photo 1.jpg", "Photo « 1 »"));
  lp_secure_set_string (&((LpAttachment *) g_ptr_array_index (c->attachments, 0))->path,
                        "/srv/pièces/photo 1.jpg");
  g_assert_true (g_file_get_contents (png_path, &png, &png_length, NULL));
  c->signature_png = lp_secure_bytes_new (png, png_length);
  c->representative = lp_person_new ();
  lp_secure_set_string (&c->representative->quality, "tuteur");
  g_ptr_array_add (c->representative->given_names, g_strdup ("Łukasz"));

  for (guint i = 0; i < G_N_ELEMENTS (amounts); i++)
    {
      c->facts.has_amount = TRUE;
      c->facts.amount_cents = amounts[i];
      assert_round_trip (c, NULL);
    }
  c->facts.has_amount = FALSE;
  c->facts.amount_cents = 0;
  assert_round_trip (c, NULL);
}

/* Bytes that are not UTF-8 in the model (the wizard could hand them) still give a file that
 * loads, with U+FFFD in their place. */
static void
test_write_invalid_utf8 (void)
{
  g_autoptr(LpComplaint) c = lp_complaint_new ();
  g_autofree char *json = NULL;
  g_autoptr(GPtrArray) again = NULL;

  lp_secure_set_string (&c->complainant.birth_name, "Zo\377\376");
  json = lp_complaint_to_json (c, NULL);
  g_assert_true (g_utf8_validate (json, -1, NULL));
  again = load_text (json, NULL);
  g_assert_cmpstr (((LpComplaint *) g_ptr_array_index (again, 0))->complainant.birth_name, ==,
                   "Zo\uFFFD\uFFFD");
}

static const char *
find_after (const char *haystack,
            const char *needle)
{
  const char *found = strstr (haystack, needle);

  if (found == NULL)
    g_error ("%s not found in order", needle);
  return found + strlen (needle);
}

static void
test_to_json_shape (void)
{
  g_autoptr(GPtrArray) all = load_fixture ("complaint-names.json");
  g_autofree char *json = lp_complaint_to_json (g_ptr_array_index (all, 0), NULL);
  const char *order[] = {
    "\"format\": \"lettre-plainte/complaint\"", "\"version\": 1,", "\"campaign\": ",
    "\"complainant\": {", "\"civility\"", "\"birth_name\": \"Nguyễn\"", "\"usage_name\"",
    "\"given_names\": [\"Thị Minh Khai\"]", "\"no_given_name\": false", "\"birth_date\"",
    "\"birth_place\": {", "\"commune\"", "\"department\"", "\"country\"", "\"nationality\"",
    "\"profession\"", "\"address\": {", "\"street\"", "\"complement\"", "\"postal_code\"",
    "\"city\"", "\"country\"", "\"phone\"", "\"email\"", "\"nir\"", "\"representative\": null",
    "\"facts\": {", "\"insurer\"", "\"operator\": \"viamedis\"", "\"notified\": true",
    "\"notified_on\"", "\"notification_channel\"", "\"member_number\"", "\"consequences\": [",
    "\"account\"", "\"prejudice\": {", "\"description\"", "\"amount_eur\": 1249.90",
    "\"signature\": {", "\"place\"", "\"date\"", "\"image_png_base64\": null",
    "\"attachments\": []", NULL,
  };
  const char *at = json;

  g_test_message ("%.600s", json);
  for (guint i = 0; order[i] != NULL; i++)
    at = find_after (at, order[i]);
  g_assert_true (g_str_has_prefix (json, "{\n  \"format\""));
  g_assert_true (g_str_has_suffix (json, "\n}\n"));
  /* UTF-8 as is, paragraphs as \n escapes. */
  g_assert_nonnull (strstr (json, "\"city\": \"Ivry-sur-Seine\""));
  g_assert_nonnull (strstr (json, "\"country\": \"Viêt Nam\""));
  g_assert_null (strstr (json, "\\u00"));
  g_assert_nonnull (strstr (json, "février 2024, j'ai trouvé"));
  g_assert_nonnull (strstr (json, "en me disant que je ferais attention.\\n\\nCinq jours"));
}

static void
test_to_json_amounts (void)
{
  const struct { gint64 cents; const char *text; } cases[] = {
    { 0, "\"amount_eur\": 0\n" },
    { 7, "\"amount_eur\": 0.07\n" },
    { 150000, "\"amount_eur\": 1500\n" },
    { 124990, "\"amount_eur\": 1249.90\n" },
    { -350, "\"amount_eur\": -3.50\n" },
    { -5, "\"amount_eur\": -0.05\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LpComplaint) c = lp_complaint_new ();
      g_autofree char *json = NULL;

      c->facts.has_amount = TRUE;
      c->facts.amount_cents = cases[i].cents;
      json = lp_complaint_to_json (c, NULL);
      g_assert_nonnull (strstr (json, cases[i].text));
    }
}

static void
test_save_file (void)
{
  g_autoptr(GPtrArray) household = load_fixture ("complaint-household.json");
  g_autoptr(GPtrArray) one = load_fixture ("complaint-minor.json");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lp-json-XXXXXX", &error);
  g_autofree char *path_many = g_build_filename (dir, "foyer.json", NULL);
  g_autofree char *path_one = g_build_filename (dir, "mineure.json", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) many_again = NULL;
  g_autoptr(GPtrArray) one_again = NULL;
  GStatBuf st;

  g_assert_no_error (error);
  g_assert_true (lp_complaint_save_file (household, path_many, &error));
  g_assert_no_error (error);
  g_assert_true (lp_complaint_save_file (one, path_one, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path_many, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "[\n  {\n    \"format\""));
  g_clear_pointer (&text, g_free);
  g_assert_true (g_file_get_contents (path_one, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "{\n  \"format\""));

  g_assert_cmpint (g_stat (path_one, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  many_again = lp_complaint_load_file (path_many, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (many_again->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    assert_complaint_equal (g_ptr_array_index (household, i), g_ptr_array_index (many_again, i));
  one_again = lp_complaint_load_file (path_one, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (one_again->len, ==, 1);
  assert_complaint_equal (g_ptr_array_index (one, 0), g_ptr_array_index (one_again, 0));

  /* Saving into a directory that does not exist fails cleanly. */
  {
    g_autofree char *bad = g_build_filename (dir, "absent", "x.json", NULL);

    g_assert_false (lp_complaint_save_file (one, bad, &error));
    g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
    g_clear_error (&error);
  }

  g_remove (path_many);
  g_remove (path_one);
  g_rmdir (dir);
}

/* ---- what loads as empty, numbers, paths ---- */

static void
test_missing_keys_are_empty (void)
{
  g_autoptr(GPtrArray) all = load_text ("{" HEAD "}", NULL);
  const LpComplaint *c = g_ptr_array_index (all, 0);

  g_assert_cmpstr (c->campaign, ==, "");
  g_assert_cmpstr (c->complainant.birth_name, ==, "");
  g_assert_cmpstr (c->complainant.birth_place.commune, ==, "");
  g_assert_cmpstr (c->complainant.address.city, ==, "");
  g_assert_cmpuint (c->complainant.given_names->len, ==, 0);
  g_assert_null (c->representative);
  g_assert_false (c->facts.notified);
  g_assert_cmpstr (c->facts.insurer, ==, "");
  g_assert_cmpuint (c->facts.consequences->len, ==, 0);
  g_assert_false (c->facts.has_amount);
  g_assert_cmpstr (c->signature_place, ==, "");
  g_assert_null (c->signature_png);
  g_assert_cmpuint (c->attachments->len, ==, 0);
}

static void
test_no_given_name (void)
{
  g_autoptr(GPtrArray) all = load_text (
    "{" HEAD ", \"complainant\": {\"given_names\": [], \"no_given_name\": true},"
    " \"signature\": {\"image_png_base64\": \"\"}}", NULL);
  const LpComplaint *c = g_ptr_array_index (all, 0);

  g_assert_true (c->complainant.no_given_name);
  g_assert_cmpuint (c->complainant.given_names->len, ==, 0);
  g_assert_null (c->signature_png);
}

static void
test_amounts (void)
{
  const struct { const char *json; gboolean has; gint64 cents; } cases[] = {
    { "null", FALSE, 0 },
    { "0", TRUE, 0 },
    { "0.07", TRUE, 7 },
    { "19.999", TRUE, 2000 },
    { "150", TRUE, 15000 },
    { "-3.5", TRUE, -350 },
    { "1249.9", TRUE, 124990 },
    { "1e3", TRUE, 100000 },
    { "1000000000000", TRUE, G_GINT64_CONSTANT (100000000000000) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *json = g_strdup_printf (
        "{" HEAD ", \"facts\": {\"prejudice\": {\"amount_eur\": %s}}}", cases[i].json);
      g_autoptr(GPtrArray) all = load_text (json, NULL);
      const LpComplaint *c = g_ptr_array_index (all, 0);

      g_test_message ("amount %s", cases[i].json);
      g_assert_cmpint (c->facts.has_amount, ==, cases[i].has);
      g_assert_cmpint (c->facts.amount_cents, ==, cases[i].cents);
    }
}

static void
test_attachment_paths (void)
{
  const char *json =
    "{" HEAD ", \"attachments\": [{\"file\": \"a/b.png\", \"title\": \"B\"},"
    " {\"file\": \"/abs/x.png\"}, {\"file\": \"../c.pdf\"}, {\"title\": \"sans fichier\"}]}";
  g_autofree char *cwd = g_get_current_dir ();
  g_autoptr(GPtrArray) with_base = load_text (json, "/tmp/base");
  g_autoptr(GPtrArray) without_base = load_text (json, NULL);
  g_autoptr(GPtrArray) relative_base = load_text (json, "rel/dir");
  GPtrArray *a = ((LpComplaint *) g_ptr_array_index (with_base, 0))->attachments;
  GPtrArray *b = ((LpComplaint *) g_ptr_array_index (without_base, 0))->attachments;
  GPtrArray *r = ((LpComplaint *) g_ptr_array_index (relative_base, 0))->attachments;
  g_autofree char *in_cwd = g_canonicalize_filename ("a/b.png", cwd);
  g_autofree char *in_rel = g_canonicalize_filename ("rel/dir/a/b.png", cwd);

  g_assert_cmpuint (a->len, ==, 4);
  g_assert_cmpstr (((LpAttachment *) g_ptr_array_index (a, 0))->file, ==, "a/b.png");
  g_assert_cmpstr (((LpAttachment *) g_ptr_array_index (a, 0))->title, ==, "B");
  g_assert_cmpstr (((LpAttachment *) g_ptr_array_index (a, 0))->path, ==, "/tmp/base/a/b.png");
  g_assert_cmpstr (((LpAttachment *) g_ptr_array_index (a, 1))->path, ==, "/abs/x.png");
  g_assert_cmpstr (((LpAttachment *) g_ptr_array_index (a, 1))->title, ==, "");
  g_assert_cmpstr (((LpAttachment *) g_ptr_array_index (a, 2))->file, ==, "../c.pdf");
  g_assert_cmpstr (((LpAttachment *) g_ptr_array_index (a, 2))->path, ==, "/tmp/c.pdf");
  g_assert_cmpstr (((LpAttachment *) g_ptr_array_index (a, 3))->file, ==, "");
  g_assert_cmpstr (((LpAttachment *) g_ptr_array_index (a, 3))->path, ==, "");
  g_assert_cmpstr (((LpAttachment *) g_ptr_array_index (b, 0))->path, ==, in_cwd);
  g_assert_cmpstr (((LpAttachment *) g_ptr_array_index (r, 0))->path, ==, in_rel);
}

static void
test_big_name_loads (void)
{
  GString *json = g_string_new ("{" HEAD ", \"complainant\": {\"birth_name\": \"");
  g_autoptr(GPtrArray) all = NULL;
  const LpComplaint *c;

  for (guint i = 0; i < 500000; i++)
    g_string_append (json, "é");  /* 1,000,000 bytes */
  g_string_append (json, "\"}}");
  all = load_text (json->str, NULL);
  c = g_ptr_array_index (all, 0);
  g_assert_cmpuint (strlen (c->complainant.birth_name), ==, 1000000);
  g_assert_cmpuint (g_utf8_strlen (c->complainant.birth_name, -1), ==, 500000);
  g_string_free (json, TRUE);
}

/* ---- errors: kind and JSON path ---- */

typedef struct {
  const char *name;
  const char *json;
  LpComplaintError code;
  const char *prefix;
} ErrorCase;

static const ErrorCase error_cases[] = {
  /* Not JSON */
  { "malformed", "{\"format\": \"lettre-plainte/complaint\", \"version\": 1,,}",
    LP_COMPLAINT_ERROR_SYNTAX, "$: the file is not valid JSON (line 1, column " },
  { "unterminated", "{" HEAD ", \"campaign\": \"viamedis", LP_COMPLAINT_ERROR_SYNTAX,
    "$: the file is not valid JSON" },
  { "trailing-garbage", "{" HEAD "} junk", LP_COMPLAINT_ERROR_SYNTAX,
    "$: the file is not valid JSON" },
  { "empty", "", LP_COMPLAINT_ERROR_SYNTAX, "$: the file is empty" },
  { "blank", "  \n\t\n", LP_COMPLAINT_ERROR_SYNTAX, "$: the file is empty" },
  { "duplicate-key", "{" HEAD ", \"complainant\": {\"birth_name\": \"A\", \"birth_name\": \"B\"}}",
    LP_COMPLAINT_ERROR_SYNTAX, "complainant.birth_name: this key appears more than once" },
  /* Not a complaint file, or another version */
  { "format-missing", "{\"version\": 1}", LP_COMPLAINT_ERROR_FORMAT, "format: missing" },
  { "format-wrong", "{\"format\": \"lettre-plainte/campaign\", \"version\": 1}",
    LP_COMPLAINT_ERROR_FORMAT,
    "format: this is not a complaint file: \"format\" must be \"lettre-plainte/complaint\"." },
  { "format-number", "{\"format\": 1, \"version\": 1}", LP_COMPLAINT_ERROR_FORMAT, "format: " },
  { "version-missing", "{\"format\": \"lettre-plainte/complaint\"}", LP_COMPLAINT_ERROR_VERSION,
    "version: missing" },
  { "version-2", "{\"format\": \"lettre-plainte/complaint\", \"version\": 2}",
    LP_COMPLAINT_ERROR_VERSION,
    "version: this program reads version 1 of the complaint file, not version 2;" },
  { "version-string", "{\"format\": \"lettre-plainte/complaint\", \"version\": \"1\"}",
    LP_COMPLAINT_ERROR_VERSION, "version: expected the integer 1, found a string." },
  { "version-decimal", "{\"format\": \"lettre-plainte/complaint\", \"version\": 1.0}",
    LP_COMPLAINT_ERROR_VERSION, "version: expected the integer 1, found a number." },
  { "root-number", "42", LP_COMPLAINT_ERROR_TYPE,
    "$: expected an object or an array of objects, found a number." },
  { "root-empty-array", "[]", LP_COMPLAINT_ERROR_FORMAT, "$: the file holds an empty list" },
  /* Unknown keys */
  { "unknown-top", "{" HEAD ", \"complaintant\": {}}", LP_COMPLAINT_ERROR_UNKNOWN_KEY,
    "complaintant: unknown key; did you mean \"complainant\"?" },
  { "unknown-far", "{" HEAD ", \"colour\": \"blue\"}", LP_COMPLAINT_ERROR_UNKNOWN_KEY,
    "colour: unknown key; the complaint file format does not define it." },
  { "unknown-nested", "{" HEAD ", \"complainant\": {\"adress\": {}}}",
    LP_COMPLAINT_ERROR_UNKNOWN_KEY, "complainant.adress: unknown key; did you mean \"address\"?" },
  { "unknown-deep", "{" HEAD ", \"complainant\": {\"address\": {\"zip\": \"69003\"}}}",
    LP_COMPLAINT_ERROR_UNKNOWN_KEY, "complainant.address.zip: unknown key" },
  { "quality-of-complainant", "{" HEAD ", \"complainant\": {\"quality\": \"mère\"}}",
    LP_COMPLAINT_ERROR_UNKNOWN_KEY, "complainant.quality: unknown key" },
  { "unknown-in-attachment",
    "{" HEAD ", \"attachments\": [{\"file\": \"a.png\", \"path\": \"/x\"}]}",
    LP_COMPLAINT_ERROR_UNKNOWN_KEY, "attachments[0].path: unknown key" },
  { "unknown-in-prejudice", "{" HEAD ", \"facts\": {\"prejudice\": {\"amount\": 3}}}",
    LP_COMPLAINT_ERROR_UNKNOWN_KEY,
    "facts.prejudice.amount: unknown key; did you mean \"amount_eur\"?" },
  { "unknown-odd-key", "{" HEAD ", \"my key\": 1}", LP_COMPLAINT_ERROR_UNKNOWN_KEY,
    "[\"my key\"]: unknown key" },
  /* Wrong types */
  { "given-names-string", "{" HEAD ", \"complainant\": {\"given_names\": \"Élodie\"}}",
    LP_COMPLAINT_ERROR_TYPE,
    "complainant.given_names: expected an array of strings, found a string." },
  { "given-name-number", "{" HEAD ", \"complainant\": {\"given_names\": [\"Élodie\", 2]}}",
    LP_COMPLAINT_ERROR_TYPE, "complainant.given_names[1]: expected a string, found a number." },
  { "notified-yes", "{" HEAD ", \"facts\": {\"notified\": \"yes\"}}", LP_COMPLAINT_ERROR_TYPE,
    "facts.notified: expected true or false, found a string." },
  { "no-given-name-number", "{" HEAD ", \"complainant\": {\"no_given_name\": 1}}",
    LP_COMPLAINT_ERROR_TYPE, "complainant.no_given_name: expected true or false, found a number." },
  { "amount-string", "{" HEAD ", \"facts\": {\"prejudice\": {\"amount_eur\": \"12,50\"}}}",
    LP_COMPLAINT_ERROR_TYPE,
    "facts.prejudice.amount_eur: expected a number or null, found a string." },
  { "attachment-number", "{" HEAD ", \"attachments\": [{\"file\": \"a.png\"}, 3]}",
    LP_COMPLAINT_ERROR_TYPE, "attachments[1]: expected an object, found a number." },
  { "attachments-object", "{" HEAD ", \"attachments\": {\"file\": \"a.png\"}}",
    LP_COMPLAINT_ERROR_TYPE, "attachments: expected an array, found an object." },
  { "string-null", "{" HEAD ", \"complainant\": {\"birth_name\": null}}", LP_COMPLAINT_ERROR_TYPE,
    "complainant.birth_name: expected a string, found null." },
  { "string-bool", "{" HEAD ", \"campaign\": true}", LP_COMPLAINT_ERROR_TYPE,
    "campaign: expected a string, found true." },
  { "birth-place-string", "{" HEAD ", \"complainant\": {\"birth_place\": \"Lyon\"}}",
    LP_COMPLAINT_ERROR_TYPE, "complainant.birth_place: expected an object, found a string." },
  { "complainant-array", "{" HEAD ", \"complainant\": []}", LP_COMPLAINT_ERROR_TYPE,
    "complainant: expected an object, found an array." },
  { "facts-null", "{" HEAD ", \"facts\": null}", LP_COMPLAINT_ERROR_TYPE,
    "facts: expected an object, found null." },
  { "representative-string", "{" HEAD ", \"representative\": \"mère\"}", LP_COMPLAINT_ERROR_TYPE,
    "representative: expected an object or null, found a string." },
  { "representative-quality-number", "{" HEAD ", \"representative\": {\"quality\": 1}}",
    LP_COMPLAINT_ERROR_TYPE, "representative.quality: expected a string, found a number." },
  { "image-number", "{" HEAD ", \"signature\": {\"image_png_base64\": 1}}",
    LP_COMPLAINT_ERROR_TYPE,
    "signature.image_png_base64: expected a string or null, found a number." },
  /* Values the model cannot hold */
  { "base64-bad-character", "{" HEAD ", \"signature\": {\"image_png_base64\": \"iVBO*w0KGgo=\"}}",
    LP_COMPLAINT_ERROR_VALUE, "signature.image_png_base64: this is not valid base64 text" },
  { "base64-bad-length", "{" HEAD ", \"signature\": {\"image_png_base64\": \"iVBORw0KGgo\"}}",
    LP_COMPLAINT_ERROR_VALUE, "signature.image_png_base64: this is not valid base64 text" },
  { "base64-data-after-padding",
    "{" HEAD ", \"signature\": {\"image_png_base64\": \"iVBORw0KGg==AAAA\"}}",
    LP_COMPLAINT_ERROR_VALUE, "signature.image_png_base64: this is not valid base64 text" },
  { "base64-not-png", "{" HEAD ", \"signature\": {\"image_png_base64\": \"aGVsbG8gd29ybGQh\"}}",
    LP_COMPLAINT_ERROR_VALUE, "signature.image_png_base64: this is not a PNG image" },
  { "amount-infinite", "{" HEAD ", \"facts\": {\"prejudice\": {\"amount_eur\": 1e400}}}",
    LP_COMPLAINT_ERROR_VALUE, "facts.prejudice.amount_eur: this amount is too large" },
  { "amount-huge", "{" HEAD ", \"facts\": {\"prejudice\": {\"amount_eur\": -1e13}}}",
    LP_COMPLAINT_ERROR_VALUE, "facts.prejudice.amount_eur: this amount is too large" },
  { "escaped-nul", "{" HEAD ", \"complainant\": {\"birth_name\": \"Zo\\u0000\xc3\xab\"}}",
    LP_COMPLAINT_ERROR_VALUE, "$: the file contains a NUL character (\\u0000, line 1)" },
  /* Invalid UTF-8 */
  { "utf8-in-string", "{" HEAD ",\n \"complainant\": {\"birth_name\": \"Zo\xeb\"}}",
    LP_COMPLAINT_ERROR_VALUE,
    "complainant.birth_name: this text is not valid UTF-8 (line 2 of the file)" },
  { "utf8-in-array", "{" HEAD ", \"complainant\": {\"given_names\": [\"A\", \"\xc3\x28\"]}}",
    LP_COMPLAINT_ERROR_VALUE, "complainant.given_names[1]: this text is not valid UTF-8" },
  { "utf8-in-key", "{" HEAD ", \"complainant\": {\"n\xffm\": \"x\"}}", LP_COMPLAINT_ERROR_VALUE,
    "complainant[\"n\xef\xbf\xbdm\"]: this text is not valid UTF-8" },
  { "utf8-outside-strings", "{" HEAD ",\n\n \xff}", LP_COMPLAINT_ERROR_SYNTAX,
    "$: the file is not UTF-8 text (first invalid byte on line 3)" },
  { "latin1-file", "{" HEAD ", \"complainant\": {\"birth_name\": \"Dupr\xe9\","
    " \"birth_place\": {\"commune\": \"Ami\xe9ns\"}}}",
    LP_COMPLAINT_ERROR_VALUE, "complainant.birth_name: this text is not valid UTF-8" },
  /* Arrays: the index of the complaint comes first */
  { "array-element-number", "[{" HEAD "}, 7]", LP_COMPLAINT_ERROR_TYPE,
    "[1]: expected an object, found a number." },
  { "array-element-type", "[{" HEAD "}, {" HEAD "}, {" HEAD ", \"facts\": {\"notified\": 1}}]",
    LP_COMPLAINT_ERROR_TYPE, "[2].facts.notified: expected true or false, found a number." },
  { "array-element-version", "[{" HEAD "}, {\"format\": \"lettre-plainte/complaint\"}]",
    LP_COMPLAINT_ERROR_VERSION, "[1].version: missing" },
  { "array-element-unknown", "[{" HEAD ", \"complainant\": {\"adress\": {}}}]",
    LP_COMPLAINT_ERROR_UNKNOWN_KEY, "[0].complainant.adress: unknown key" },
};

static void
test_error_case (gconstpointer data)
{
  const ErrorCase *c = data;

  assert_load_error (c->json, -1, c->code, c->prefix);
}

static void
test_error_binary (void)
{
  /* A PNG given instead of the JSON file: NUL bytes and all. */
  const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01";

  assert_load_error (png, sizeof png - 1, LP_COMPLAINT_ERROR_SYNTAX,
                     "$: the file is not UTF-8 text (first invalid byte on line 1)");
}

/* 64 levels are read (and judged by the format), 65 are refused before parsing. */
static void
test_error_depth_limit (void)
{
  char json[2 * (LP_COMPLAINT_MAX_DEPTH + 1) + 2];

  memset (json, '[', LP_COMPLAINT_MAX_DEPTH);
  memset (json + LP_COMPLAINT_MAX_DEPTH, ']', LP_COMPLAINT_MAX_DEPTH);
  json[2 * LP_COMPLAINT_MAX_DEPTH] = '\0';
  assert_load_error (json, -1, LP_COMPLAINT_ERROR_TYPE, "[0]: expected an object, found an array.");

  json[0] = '\n';
  memset (json + 1, '[', LP_COMPLAINT_MAX_DEPTH + 1);
  memset (json + 2 + LP_COMPLAINT_MAX_DEPTH, ']', LP_COMPLAINT_MAX_DEPTH + 1);
  json[2 * (LP_COMPLAINT_MAX_DEPTH + 1) + 1] = '\0';
  assert_load_error (json, -1, LP_COMPLAINT_ERROR_SYNTAX,
                     "$: the data is nested too deeply (line 2);");
}

static void
test_error_very_deep (void)
{
  /* json-glib recurses once per level: 200,000 levels would overflow the stack. */
  gsize n = 200000;
  g_autofree char *json = g_malloc (2 * n + 1);

  memset (json, '[', n);
  memset (json + n, ']', n);
  json[2 * n] = '\0';
  assert_load_error (json, -1, LP_COMPLAINT_ERROR_SYNTAX, "$: the data is nested too deeply");
}

static void
test_error_too_large (void)
{
  gsize n = LP_COMPLAINT_MAX_FILE_SIZE + 1;
  g_autofree char *json = g_malloc (n);

  memset (json, ' ', n);
  assert_load_error (json, n, LP_COMPLAINT_ERROR_READ, "$: the file is too large");
}

static void
test_error_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = lp_test_data_path ("no-such-complaint.json");
  g_autoptr(GPtrArray) all = lp_complaint_load_file (path, &error);

  g_assert_null (all);
  assert_error_prefix (error, LP_COMPLAINT_ERROR_READ, "$: cannot read the file: ");
  g_assert_nonnull (strstr (error->message, "no-such-complaint.json"));
}

static void
test_error_directory (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = data_dir ();
  g_autoptr(GPtrArray) all = lp_complaint_load_file (path, &error);

  g_assert_null (all);
  assert_error_prefix (error, LP_COMPLAINT_ERROR_READ, "$: cannot read the file: ");
}

static void
test_error_empty_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) nothing = g_bytes_new_static ("", 0);
  g_autofree char *path = lp_test_write_temp (nothing, "vide.json");
  g_autoptr(GPtrArray) all = lp_complaint_load_file (path, &error);
  g_autofree char *dir = g_path_get_dirname (path);

  g_assert_null (all);
  assert_error_prefix (error, LP_COMPLAINT_ERROR_SYNTAX, "$: the file is empty");
  g_remove (path);
  g_rmdir (dir);
}

static void
test_error_file_with_path (void)
{
  static const char text[] = "{\n  " HEAD ",\n  \"complainant\": {\n    \"adress\": {}\n  }\n}\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, sizeof text - 1);
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(GPtrArray) all = NULL;

  path = lp_test_write_temp (bytes, "faute.json");
  dir = g_path_get_dirname (path);
  all = lp_complaint_load_file (path, &error);
  g_assert_null (all);
  assert_error_prefix (error, LP_COMPLAINT_ERROR_UNKNOWN_KEY, "complainant.adress: unknown key");
  g_remove (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/complaint-json/load/typical", test_load_typical);
  g_test_add_func ("/complaint-json/load/minor", test_load_minor);
  g_test_add_func ("/complaint-json/load/household", test_load_household);
  g_test_add_func ("/complaint-json/load/names", test_load_names);
  g_test_add_func ("/complaint-json/load/attachments", test_load_attachments);
  g_test_add_func ("/complaint-json/load/nir", test_load_nir);
  g_test_add_func ("/complaint-json/load/fixture-dates", test_fixtures_dates);
  g_test_add_func ("/complaint-json/load/missing-keys", test_missing_keys_are_empty);
  g_test_add_func ("/complaint-json/load/no-given-name", test_no_given_name);
  g_test_add_func ("/complaint-json/load/amounts", test_amounts);
  g_test_add_func ("/complaint-json/load/attachment-paths", test_attachment_paths);
  g_test_add_func ("/complaint-json/load/big-name", test_big_name_loads);
  g_test_add_func ("/complaint-json/round-trip/fixtures", test_round_trip_fixtures);
  g_test_add_func ("/complaint-json/round-trip/values", test_round_trip_values);
  g_test_add_func ("/complaint-json/write/invalid-utf8", test_write_invalid_utf8);
  g_test_add_func ("/complaint-json/write/shape", test_to_json_shape);
  g_test_add_func ("/complaint-json/write/amounts", test_to_json_amounts);
  g_test_add_func ("/complaint-json/write/save-file", test_save_file);
  for (guint i = 0; i < G_N_ELEMENTS (error_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/complaint-json/error/%s", error_cases[i].name);

      g_test_add_data_func (name, &error_cases[i], test_error_case);
    }
  g_test_add_func ("/complaint-json/error/binary", test_error_binary);
  g_test_add_func ("/complaint-json/error/depth-limit", test_error_depth_limit);
  g_test_add_func ("/complaint-json/error/very-deep", test_error_very_deep);
  g_test_add_func ("/complaint-json/error/too-large", test_error_too_large);
  g_test_add_func ("/complaint-json/error/missing-file", test_error_missing_file);
  g_test_add_func ("/complaint-json/error/directory", test_error_directory);
  g_test_add_func ("/complaint-json/error/empty-file", test_error_empty_file);
  g_test_add_func ("/complaint-json/error/file-with-path", test_error_file_with_path);

  return g_test_run ();
}
