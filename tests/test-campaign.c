/* test-campaign.c — the shipped campaign, the schema checks, finding a campaign by id */
#include "lp-test-utils.h"
#include "lp-campaign.h"
#include "lp-paths.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

/* No-break space and narrow no-break space, as UTF-8. */
#define NBSP  "\xc2\xa0"
#define NNBSP "\xe2\x80\xaf"

/* A small valid campaign. "@TEXTS@" becomes every text the loader requires (whatever
 * lp_campaign_required_texts() holds today), so the broken variants below stay broken for
 * one reason only. */
static const char base_campaign[] =
  "{\n"
  "  \"format\": \"lettre-plainte/campaign\",\n"
  "  \"version\": 1,\n"
  "  \"id\": \"test-breach\",\n"
  "  \"title\": \"Fuite de données de test\",\n"
  "  \"verified_on\": \"2024-02-12\",\n"
  "  \"case_reference\": \"TEST 2024/001\",\n"
  "  \"recipient\": {\n"
  "    \"email\": \"plainte@example.gouv.fr\",\n"
  "    \"page_url\": \"https://transfert.example.gouv.fr/upload\",\n"
  "    \"postal\": [\"Service d’enquête de test\", \"1 rue de l’Exemple\", \"75000 Paris\"]\n"
  "  },\n"
  "  \"operators\": [\n"
  "    { \"id\": \"viamedis\", \"label\": \"Viamedis\" },\n"
  "    { \"id\": \"almerys\", \"label\": \"Almerys\" },\n"
  "    { \"id\": \"unknown\", \"label\": \"opérateur non identifié\" }\n"
  "  ],\n"
  "  \"insurers\": [\"Mutuelle Alpha\", \"Mutuelle Bêta\"],\n"
  "  \"leaked_data\": [\"date de naissance\", \"numéro de sécurité sociale (NIR)\"],\n"
  "  \"offences\": [\n"
  "    { \"code\": \"Code pénal\", \"article\": \"323-1\", \"label\": \"accès frauduleux\", \"penalty\": \"3 ans\" },\n"
  "    { \"code\": \"Code pénal\", \"article\": \"323-3\", \"label\": \"extraction frauduleuse\", \"penalty\": \"5 ans\" }\n"
  "  ],\n"
  "  \"consequences\": [\n"
  "    { \"id\": \"phishing-sms\", \"label\": \"SMS frauduleux\" },\n"
  "    { \"id\": \"none-yet\", \"label\": \"aucune conséquence à ce jour\" }\n"
  "  ],\n"
  "  \"notification_channels\": [ { \"id\": \"courrier\", \"label\": \"courrier postal\" } ],\n"
  "  \"next_steps\": [\"Gardez une copie de votre lettre.\"],\n"
  "  \"helplines\": [ { \"name\": \"Aide\", \"number\": \"0800 000 000\", \"description\": \"Écoute.\" } ],\n"
  "  \"texts\": { @TEXTS@ }\n"
  "}\n";

typedef enum {
  TEXTS_ALL,
  TEXTS_ALL_BUT_FIRST,   /* leaves out the first required text */
} TextsMode;

static char *
replace_once (const char *text,
              const char *from,
              const char *to)
{
  const char *at = strstr (text, from);

  g_assert_nonnull (at);
  return g_strdup_printf ("%.*s%s%s", (int) (at - text), text, to, at + strlen (from));
}

/* The base campaign with @from replaced by @to (nothing replaced when @from is NULL). */
static char *
make_campaign (const char *from,
               const char *to,
               TextsMode   mode)
{
  g_autofree char *edited = from != NULL ? replace_once (base_campaign, from, to)
                                         : g_strdup (base_campaign);
  const char * const *required = lp_campaign_required_texts ();
  g_autoptr(GString) texts = g_string_new (NULL);

  for (gsize i = mode == TEXTS_ALL_BUT_FIRST ? 1 : 0; required[i] != NULL; i++)
    g_string_append_printf (texts, "%s\"%s\": \"Texte de test.\"", texts->len > 0 ? ", " : "", required[i]);
  /* Keeps the JSON valid when @to added a text before @TEXTS@ and none follows. */
  if (texts->len == 0)
    g_string_append (texts, "\"unused\": \"Texte.\"");
  return replace_once (edited, "@TEXTS@", texts->str);
}

static LpCampaign *
load_string (const char  *data,
             GError     **error)
{
  return lp_campaign_new_from_data (data, -1, error);
}

/* Loading @data fails with INVALID and a message that begins with "@path: ". */
static void
assert_invalid (const char *data,
                const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LpCampaign) campaign = load_string (data, &error);
  g_autofree char *prefix = g_strconcat (path, ": ", NULL);

  g_assert_null (campaign);
  g_assert_error (error, LP_CAMPAIGN_ERROR, LP_CAMPAIGN_ERROR_INVALID);
  g_test_message ("%s", error->message);
  if (!g_str_has_prefix (error->message, prefix))
    g_error ("expected an error at “%s”, got “%s”", path, error->message);
  /* The message goes on to say something. */
  g_assert_cmpuint (strlen (error->message), >, strlen (prefix) + 10);
}

static void
assert_edit_invalid (const char *from,
                     const char *to,
                     const char *path)
{
  g_autofree char *data = make_campaign (from, to, TEXTS_ALL);

  assert_invalid (data, path);
}

static char *
normalize_spaces (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_string_append_unichar (out, (c == 0x00A0 || c == 0x202F) ? ' ' : c);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* ---- The shipped campaign ---------------------------------------------------------------- */

static void
test_shipped_recipients (void)
{
  g_autoptr(LpCampaign) campaign = lp_test_load_campaign ();
  const char *postal[] = {
    "Direction de la Police Judiciaire PP", "BL2C 2024/030", "36 rue du Bastion", "75017 Paris", NULL
  };
  guint year = 0, month = 0, day = 0;

  g_assert_cmpstr (campaign->id, ==, "viamedis-almerys-2024");
  g_assert_cmpstr (campaign->case_reference, ==, "BL2C 2024/030");
  g_assert_cmpstr (campaign->recipient_email, ==, "plainte-befti@interieur.gouv.fr");
  g_assert_cmpstr (campaign->recipient_page_url, ==, "https://francetransfert.numerique.gouv.fr/upload");
  g_assert_true (g_strv_equal ((const char * const *) campaign->postal_recipient, postal));

  g_assert_cmpint (sscanf (campaign->verified_on, "%4u-%2u-%2u", &year, &month, &day), ==, 3);
  g_assert_true (g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year));
  g_assert_cmpuint (year, >=, 2024);
  g_assert_nonnull (campaign->title);
}

static void
test_shipped_choices (void)
{
  g_autoptr(LpCampaign) campaign = lp_test_load_campaign ();
  const char *consequences[] = {
    "phishing-sms", "phishing-email", "phishing-call", "fake-bank-adviser",
    "fraudulent-payment", "identity-theft", "none-yet",
  };
  const char *channels[] = { "courrier", "e-mail", "sms", "espace-adherent", "autre" };

  g_assert_cmpuint (campaign->operators->len, ==, 3);
  g_assert_cmpstr (lp_campaign_find_operator (campaign, "viamedis")->label, ==, "Viamedis");
  g_assert_cmpstr (lp_campaign_find_operator (campaign, "almerys")->label, ==, "Almerys");
  g_assert_nonnull (lp_campaign_find_operator (campaign, "unknown"));
  g_assert_null (lp_campaign_find_operator (campaign, "nobody"));
  g_assert_null (lp_campaign_find_operator (campaign, NULL));

  g_assert_cmpuint (campaign->consequences->len, ==, G_N_ELEMENTS (consequences));
  for (gsize i = 0; i < G_N_ELEMENTS (consequences); i++)
    {
      const LpCampaignChoice *choice = lp_campaign_find_consequence (campaign, consequences[i]);

      g_assert_nonnull (choice);
      g_assert_cmpstr (choice->id, ==, consequences[i]);
      g_assert_cmpstr (choice->label, !=, "");
    }
  g_assert_null (lp_campaign_find_consequence (campaign, "courrier"));

  for (gsize i = 0; i < G_N_ELEMENTS (channels); i++)
    g_assert_nonnull (lp_campaign_find_channel (campaign, channels[i]));
  g_assert_null (lp_campaign_find_channel (campaign, "phishing-sms"));

  g_assert_nonnull (campaign->insurers);
  g_assert_true (g_strv_contains ((const char * const *) campaign->insurers, "Harmonie Mutuelle"));
  g_assert_true (g_strv_contains ((const char * const *) campaign->insurers, "Macif"));
  g_assert_true (g_strv_contains ((const char * const *) campaign->insurers, "Malakoff Humanis"));
  g_assert_true (g_strv_contains ((const char * const *) campaign->leaked_data,
                                  "numéro de sécurité sociale (NIR)"));
  g_assert_true (g_strv_length (campaign->next_steps) >= 3);
}

static void
test_shipped_offences (void)
{
  g_autoptr(LpCampaign) campaign = lp_test_load_campaign ();
  const char *articles[] = { "323-1", "323-3", "226-18", "321-1" };

  g_assert_cmpuint (campaign->offences->len, ==, G_N_ELEMENTS (articles));
  for (guint i = 0; i < campaign->offences->len; i++)
    {
      const LpCampaignOffence *offence = g_ptr_array_index (campaign->offences, i);
      g_autofree char *penalty = normalize_spaces (offence->penalty);

      g_assert_cmpstr (offence->code, ==, "Code pénal");
      g_assert_cmpstr (offence->article, ==, articles[i]);
      g_assert_cmpstr (offence->label, !=, "");
      g_assert_true (g_str_has_suffix (penalty, " € d’amende"));
    }
  /* The current penalty of 323-1 (loi n° 2023-22), not the outdated 2 years / 60 000 €. */
  {
    const LpCampaignOffence *first = g_ptr_array_index (campaign->offences, 0);
    g_autofree char *penalty = normalize_spaces (first->penalty);

    g_assert_cmpstr (penalty, ==, "3 ans d’emprisonnement et 100 000 € d’amende");
  }
}

static const LpCampaignHelpline *
find_helpline (const LpCampaign *campaign,
               const char       *name)
{
  for (guint i = 0; i < campaign->helplines->len; i++)
    {
      const LpCampaignHelpline *helpline = g_ptr_array_index (campaign->helplines, i);

      if (g_str_equal (helpline->name, name))
        return helpline;
    }
  return NULL;
}

static void
assert_helpline_number (const LpCampaign *campaign,
                        const char       *name,
                        const char       *number)
{
  const LpCampaignHelpline *helpline = find_helpline (campaign, name);
  g_autofree char *normalized = NULL;

  if (helpline == NULL)
    g_error ("no helpline named %s", name);
  normalized = normalize_spaces (helpline->number);
  g_assert_cmpstr (normalized, ==, number);
  g_assert_cmpstr (helpline->description, !=, "");
}

static void
test_shipped_helplines (void)
{
  g_autoptr(LpCampaign) campaign = lp_test_load_campaign ();

  assert_helpline_number (campaign, "France Victimes", "116 006");
  assert_helpline_number (campaign, "33700", "33700");
  assert_helpline_number (campaign, "Info Escroqueries", "0805 805 817");
  g_assert_nonnull (find_helpline (campaign, "17Cyber"));
  g_assert_nonnull (find_helpline (campaign, "CNIL"));
}

static void
test_shipped_texts (void)
{
  g_autoptr(LpCampaign) campaign = lp_test_load_campaign ();
  const char * const *required = lp_campaign_required_texts ();

  g_assert_nonnull (required[0]);
  for (gsize i = 0; required[i] != NULL; i++)
    g_assert_nonnull (lp_campaign_get_text (campaign, required[i]));
  g_assert_null (lp_campaign_get_text (campaign, "no-such-text"));
  g_assert_nonnull (strstr (lp_campaign_get_text (campaign, "subject"), "{case_reference}"));
}

static void
test_boxed_refcount (void)
{
  g_autoptr(LpCampaign) campaign = lp_test_load_campaign ();
  LpCampaign *copy;

  g_assert_true (G_TYPE_IS_BOXED (LP_TYPE_CAMPAIGN));
  g_assert_cmpstr (g_type_name (LP_TYPE_CAMPAIGN), ==, "LpCampaign");
  copy = g_boxed_copy (LP_TYPE_CAMPAIGN, campaign);
  g_assert_true (copy == campaign);
  g_assert_cmpint (campaign->ref_count, ==, 2);
  g_boxed_free (LP_TYPE_CAMPAIGN, copy);
  g_assert_cmpint (campaign->ref_count, ==, 1);
  lp_campaign_unref (lp_campaign_ref (campaign));
  g_assert_cmpint (campaign->ref_count, ==, 1);
  lp_campaign_unref (NULL);
}

/* ---- The schema -------------------------------------------------------------------------- */

static void
test_base_is_valid (void)
{
  g_autofree char *data = make_campaign (NULL, NULL, TEXTS_ALL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LpCampaign) campaign = load_string (data, &error);

  /* Otherwise every "broken" case below would prove nothing. */
  g_assert_no_error (error);
  g_assert_nonnull (campaign);
  g_assert_cmpstr (campaign->postal_recipient[1], ==, "1 rue de l’Exemple");
  g_assert_cmpuint (g_strv_length (campaign->insurers), ==, 2);
}

static void
test_not_json (void)
{
  assert_invalid ("{ \"format\": ", "$");
  assert_invalid ("", "$");
  assert_invalid ("[]", "$");
  assert_invalid ("\"lettre-plainte/campaign\"", "$");
  assert_invalid ("{ \"format\": \"lettre-plainte/campaign\xff\" }", "$");
}

static void
test_header (void)
{
  assert_edit_invalid ("\"format\": \"lettre-plainte/campaign\"",
                       "\"format\": \"lettre-plainte/complaint\"", "format");
  assert_edit_invalid ("\"format\": \"lettre-plainte/campaign\",", "", "format");
  assert_edit_invalid ("\"version\": 1", "\"version\": 2", "version");
  assert_edit_invalid ("\"version\": 1", "\"version\": \"1\"", "version");
  assert_edit_invalid ("\"version\": 1", "\"version\": 1.5", "version");
}

static void
test_missing_key (void)
{
  assert_edit_invalid ("\"case_reference\": \"TEST 2024/001\",", "", "case_reference");
  assert_edit_invalid ("\"email\": \"plainte@example.gouv.fr\",", "", "recipient.email");
  assert_edit_invalid ("\"label\": \"accès frauduleux\", ", "", "offences[0].label");
}

static void
test_wrong_type (void)
{
  assert_edit_invalid ("\"article\": \"323-3\"", "\"article\": 323", "offences[1].article");
  assert_edit_invalid ("\"article\": \"323-3\"", "\"article\": null", "offences[1].article");
  assert_edit_invalid ("\"insurers\": [\"Mutuelle Alpha\", \"Mutuelle Bêta\"]",
                       "\"insurers\": \"Mutuelle Alpha\"", "insurers");
  assert_edit_invalid ("\"Mutuelle Bêta\"", "[\"Mutuelle Bêta\"]", "insurers[1]");
  assert_edit_invalid ("{ \"id\": \"none-yet\", \"label\": \"aucune conséquence à ce jour\" }",
                       "\"none-yet\"", "consequences[1]");
  assert_edit_invalid ("\"notification_channels\": [ { \"id\": \"courrier\", \"label\": \"courrier postal\" } ]",
                       "\"notification_channels\": { \"id\": \"courrier\", \"label\": \"courrier postal\" }",
                       "notification_channels");
  assert_edit_invalid ("\"postal\": [\"Service d’enquête de test\", \"1 rue de l’Exemple\", \"75000 Paris\"]",
                       "\"postal\": \"Service d’enquête de test\"", "recipient.postal");
  /* Seven lines would not fit in the envelope's window. */
  assert_edit_invalid ("\"75000 Paris\"]",
                       "\"a\", \"b\", \"c\", \"d\", \"75000 Paris\"]", "recipient.postal");
}

static void
test_empty_values (void)
{
  assert_edit_invalid ("\"title\": \"Fuite de données de test\"", "\"title\": \"\"", "title");
  assert_edit_invalid ("\"title\": \"Fuite de données de test\"", "\"title\": \"  \\n \"", "title");
  assert_edit_invalid ("\"next_steps\": [\"Gardez une copie de votre lettre.\"]",
                       "\"next_steps\": []", "next_steps");
  assert_edit_invalid ("\"Mutuelle Alpha\"", "\"Mutuelle\\tAlpha\"", "insurers[0]");
  assert_edit_invalid ("\"Mutuelle Bêta\"", "\"Mutuelle Alpha\"", "insurers[1]");
}

static void
test_ids (void)
{
  assert_edit_invalid ("{ \"id\": \"none-yet\"", "{ \"id\": \"phishing-sms\"", "consequences[1].id");
  assert_edit_invalid ("{ \"id\": \"none-yet\"", "{ \"id\": \"None_yet\"", "consequences[1].id");
  assert_edit_invalid ("{ \"id\": \"courrier\"", "{ \"id\": \"\"", "notification_channels[0].id");
  assert_edit_invalid ("\"id\": \"test-breach\"", "\"id\": \"../test\"", "id");
  assert_edit_invalid ("{ \"id\": \"unknown\"", "{ \"id\": \"inconnu\"", "operators[2].id");
  assert_edit_invalid (",\n    { \"id\": \"unknown\", \"label\": \"opérateur non identifié\" }", "", "operators");
  assert_edit_invalid ("{ \"id\": \"almerys\"", "{ \"id\": \"viamedis\"", "operators[1].id");
  assert_edit_invalid ("{ \"code\": \"Code pénal\", \"article\": \"323-3\"",
                       "{ \"code\": \"Code pénal\", \"article\": \"323-1\"", "offences[1].article");
}

static void
test_unknown_key (void)
{
  assert_edit_invalid ("\"title\":", "\"titel\": \"x\", \"title\":", "titel");
  assert_edit_invalid ("\"postal\":", "\"fax\": \"01 00 00 00 00\", \"postal\":", "recipient.fax");
  assert_edit_invalid ("\"penalty\": \"5 ans\"", "\"penalty\": \"5 ans\", \"note\": \"x\"", "offences[1].note");
}

static void
test_recipient_values (void)
{
  const char *bad_emails[] = {
    "plainte.example.gouv.fr", "plainte@", "@example.gouv.fr", "plainte@example",
    "plainte@@example.gouv.fr", "plain te@example.gouv.fr", "plainte@example..gouv.fr",
  };
  const char *bad_urls[] = {
    "http://transfert.example.gouv.fr/upload", "transfert.example.gouv.fr/upload",
    "https://", "https://user:pass@transfert.example.gouv.fr/", "https://transfert example.fr/",
    "ftp://transfert.example.gouv.fr/", "https://localhost/upload",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (bad_emails); i++)
    {
      g_autofree char *to = g_strdup_printf ("\"email\": \"%s\"", bad_emails[i]);

      assert_edit_invalid ("\"email\": \"plainte@example.gouv.fr\"", to, "recipient.email");
    }
  for (gsize i = 0; i < G_N_ELEMENTS (bad_urls); i++)
    {
      g_autofree char *to = g_strdup_printf ("\"page_url\": \"%s\"", bad_urls[i]);

      assert_edit_invalid ("\"page_url\": \"https://transfert.example.gouv.fr/upload\"", to,
                           "recipient.page_url");
    }
  assert_edit_invalid ("\"verified_on\": \"2024-02-12\"", "\"verified_on\": \"2024-02-30\"", "verified_on");
  assert_edit_invalid ("\"verified_on\": \"2024-02-12\"", "\"verified_on\": \"12/02/2024\"", "verified_on");
  assert_edit_invalid ("\"verified_on\": \"2024-02-12\"", "\"verified_on\": \"2024-2-12\"", "verified_on");
  assert_edit_invalid ("\"75000 Paris\"", "\"75000\\nParis\"", "recipient.postal[2]");
}

static void
test_texts (void)
{
  const char * const *required = lp_campaign_required_texts ();
  const char * const *allowed = lp_campaign_allowed_placeholders ();
  g_autofree char *missing = make_campaign (NULL, NULL, TEXTS_ALL_BUT_FIRST);
  g_autofree char *missing_path = g_strconcat ("texts.", required[0], NULL);
  g_autofree char *good_text = g_strdup_printf ("\"extra\": \"Réf. {%s} {{brut}}" NBSP ": «" NNBSP "oui" NNBSP "»"
                                                NNBSP "; «" NBSP "bien" NBSP "»" NNBSP "?\", @TEXTS@",
                                                allowed[0]);
  g_autofree char *good = make_campaign ("@TEXTS@", good_text, TEXTS_ALL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LpCampaign) campaign = NULL;

  /* The good one: placeholders, escaped braces, no-break spaces. */
  campaign = load_string (good, &error);
  g_assert_no_error (error);
  g_assert_nonnull (lp_campaign_get_text (campaign, "extra"));

  assert_invalid (missing, missing_path);
  assert_edit_invalid ("@TEXTS@", "\"extra\": \"Bonjour {nobody}.\", @TEXTS@", "texts.extra");
  assert_edit_invalid ("@TEXTS@", "\"extra\": \"Accolade { seule.\", @TEXTS@", "texts.extra");
  assert_edit_invalid ("@TEXTS@", "\"extra\": \"Accolade } seule.\", @TEXTS@", "texts.extra");
  assert_edit_invalid ("@TEXTS@", "\"extra\": 42, @TEXTS@", "texts.extra");
  assert_edit_invalid ("@TEXTS@", "\"Extra\": \"Texte.\", @TEXTS@", "texts.Extra");
  /* "texts" must be an object: cut the document there and give it an array. */
  {
    g_autofree char *valid = make_campaign (NULL, NULL, TEXTS_ALL);
    g_autofree char *head = g_strndup (valid, strstr (valid, "\"texts\":") - valid);
    g_autofree char *not_object = g_strconcat (head, "\"texts\": [] }", NULL);

    assert_invalid (not_object, "texts");
  }
}

static void
test_typography (void)
{
  /* A plain space before : ; ? ! */
  assert_edit_invalid ("@TEXTS@", "\"extra\": \"Objet : test\", @TEXTS@", "texts.extra");
  assert_edit_invalid ("@TEXTS@", "\"extra\": \"Vraiment ?\", @TEXTS@", "texts.extra");
  assert_edit_invalid ("@TEXTS@", "\"extra\": \"Attention !\", @TEXTS@", "texts.extra");
  assert_edit_invalid ("@TEXTS@", "\"extra\": \"un ; deux\", @TEXTS@", "texts.extra");
  assert_edit_invalid ("\"label\": \"SMS frauduleux\"", "\"label\": \"SMS : frauduleux\"",
                       "consequences[0].label");
  /* A straight apostrophe, in a text and in an address line. */
  assert_edit_invalid ("@TEXTS@", "\"extra\": \"J'ai reçu un SMS.\", @TEXTS@", "texts.extra");
  assert_edit_invalid ("1 rue de l’Exemple", "1 rue de l'Exemple", "recipient.postal[1]");
  /* Quotation marks. */
  assert_edit_invalid ("@TEXTS@", "\"extra\": \"dit \\\"oui\\\"\", @TEXTS@", "texts.extra");
  assert_edit_invalid ("@TEXTS@", "\"extra\": \"dit « oui »\", @TEXTS@", "texts.extra");
  assert_edit_invalid ("@TEXTS@", "\"extra\": \"dit «oui" NBSP "»\", @TEXTS@", "texts.extra");
  assert_edit_invalid ("@TEXTS@", "\"extra\": \"dit «" NBSP "oui»\", @TEXTS@", "texts.extra");
  assert_edit_invalid ("@TEXTS@", "\"extra\": \"dit «" NBSP "oui »\", @TEXTS@", "texts.extra");
  assert_edit_invalid ("\"description\": \"Écoute.\"", "\"description\": \"L'écoute.\"",
                       "helplines[0].description");
}

/* ---- Finding a campaign by id ------------------------------------------------------------ */

static char *
write_data_dir (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lp-campaign-XXXXXX", &error);
  g_autofree char *campaigns = NULL;
  g_autofree char *fonts = NULL;
  g_autofree char *good = make_campaign (NULL, NULL, TEXTS_ALL);
  g_autofree char *wrong_id = make_campaign ("\"id\": \"test-breach\"", "\"id\": \"other\"", TEXTS_ALL);
  g_autofree char *good_path = NULL;
  g_autofree char *wrong_path = NULL;
  g_autofree char *font_path = NULL;

  g_assert_no_error (error);
  campaigns = g_build_filename (dir, "campaigns", NULL);
  fonts = g_build_filename (dir, "fonts", NULL);
  g_assert_cmpint (g_mkdir (campaigns, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (fonts, 0700), ==, 0);
  good_path = g_build_filename (campaigns, "test-breach.json", NULL);
  wrong_path = g_build_filename (campaigns, "mislabelled.json", NULL);
  font_path = g_build_filename (fonts, "DejaVuSerif.ttf", NULL);
  g_file_set_contents (good_path, good, -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (wrong_path, wrong_id, -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (font_path, "not really a font", -1, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&dir);
}

static void
remove_data_dir (const char *dir)
{
  const char *files[] = {
    "campaigns/test-breach.json", "campaigns/mislabelled.json", "fonts/DejaVuSerif.ttf",
    "campaigns", "fonts", "",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (dir, files[i], NULL);

      g_assert_cmpint (g_remove (path), ==, 0);
    }
}

static void
assert_not_found (const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LpCampaign) campaign = lp_campaign_load_by_id (id, &error);

  g_assert_null (campaign);
  g_assert_error (error, LP_CAMPAIGN_ERROR, LP_CAMPAIGN_ERROR_NOT_FOUND);
}

static void
test_load_by_id (void)
{
  g_autofree char *dir = write_data_dir ();
  g_autofree char *campaigns_dir = g_build_filename (dir, "campaigns", NULL);
  g_autofree char *font = g_build_filename (dir, "fonts", "DejaVuSerif.ttf", NULL);
  g_autofree char *expected_file = g_build_filename (campaigns_dir, "test-breach.json", NULL);
  g_autofree char *file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LpCampaign) campaign = NULL;
  g_autoptr(LpCampaign) mislabelled = NULL;

  g_assert_true (g_setenv ("LP_DATA_DIR", dir, TRUE));

  g_assert_cmpstr (lp_paths_get_campaigns_dir (), ==, campaigns_dir);
  file = lp_paths_dup_campaign_file ("test-breach");
  g_assert_cmpstr (file, ==, expected_file);
  g_assert_cmpstr (lp_paths_get_letter_font (), ==, font);

  campaign = lp_campaign_load_by_id ("test-breach", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (campaign->id, ==, "test-breach");

  /* The file must carry the id it is named after. */
  mislabelled = lp_campaign_load_by_id ("mislabelled", &error);
  g_assert_null (mislabelled);
  g_assert_error (error, LP_CAMPAIGN_ERROR, LP_CAMPAIGN_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "id: "));
  g_clear_error (&error);

  assert_not_found ("no-such-campaign");
  /* The shipped campaign is not in LP_DATA_DIR: the override is complete. */
  assert_not_found ("viamedis-almerys-2024");
  /* Path traversal and other names that are not plain ids. */
  assert_not_found ("../etc");
  assert_not_found ("..");
  assert_not_found ("../campaigns/test-breach");
  assert_not_found ("campaigns/../test-breach");
  assert_not_found ("/etc/passwd");
  assert_not_found (".hidden");
  assert_not_found ("test-breach.json");
  assert_not_found ("Test-Breach");
  assert_not_found ("");
  g_assert_null (lp_paths_dup_campaign_file ("../etc"));
  g_assert_null (lp_paths_dup_campaign_file (""));

  g_unsetenv ("LP_DATA_DIR");
  remove_data_dir (dir);
}

/* Without LP_DATA_DIR a test program (built in the build tree) reads the source tree. */
static void
test_default_dirs (void)
{
  g_autofree char *expected = g_build_filename (SOURCE_ROOT, "assets", "campaigns", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LpCampaign) campaign = NULL;
  const char *font;

  g_unsetenv ("LP_DATA_DIR");
  g_assert_cmpstr (lp_paths_get_campaigns_dir (), ==, expected);
  campaign = lp_campaign_load_by_id ("viamedis-almerys-2024", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (campaign->case_reference, ==, "BL2C 2024/030");

  /* An empty LP_DATA_DIR counts as unset. */
  g_assert_true (g_setenv ("LP_DATA_DIR", "", TRUE));
  g_assert_cmpstr (lp_paths_get_campaigns_dir (), ==, expected);
  g_unsetenv ("LP_DATA_DIR");

  /* fonts-dejavu-core is a dependency; the font is found and is a file. */
  font = lp_paths_get_letter_font ();
  g_assert_nonnull (font);
  g_assert_true (g_str_has_suffix (font, "/DejaVuSerif.ttf"));
  g_assert_true (g_file_test (font, G_FILE_TEST_IS_REGULAR));
}

static void
test_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LpCampaign) campaign = lp_campaign_new_from_file ("/nonexistent/campaign.json", &error);

  g_assert_null (campaign);
  g_assert_error (error, LP_CAMPAIGN_ERROR, LP_CAMPAIGN_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/campaign/shipped/recipients", test_shipped_recipients);
  g_test_add_func ("/campaign/shipped/choices", test_shipped_choices);
  g_test_add_func ("/campaign/shipped/offences", test_shipped_offences);
  g_test_add_func ("/campaign/shipped/helplines", test_shipped_helplines);
  g_test_add_func ("/campaign/shipped/texts", test_shipped_texts);
  g_test_add_func ("/campaign/boxed-refcount", test_boxed_refcount);
  g_test_add_func ("/campaign/schema/base-is-valid", test_base_is_valid);
  g_test_add_func ("/campaign/schema/not-json", test_not_json);
  g_test_add_func ("/campaign/schema/header", test_header);
  g_test_add_func ("/campaign/schema/missing-key", test_missing_key);
  g_test_add_func ("/campaign/schema/wrong-type", test_wrong_type);
  g_test_add_func ("/campaign/schema/empty-values", test_empty_values);
  g_test_add_func ("/campaign/schema/ids", test_ids);
  g_test_add_func ("/campaign/schema/unknown-key", test_unknown_key);
  g_test_add_func ("/campaign/schema/recipient-values", test_recipient_values);
  g_test_add_func ("/campaign/schema/texts", test_texts);
  g_test_add_func ("/campaign/schema/typography", test_typography);
  g_test_add_func ("/campaign/load-by-id", test_load_by_id);
  g_test_add_func ("/campaign/default-dirs", test_default_dirs);
  g_test_add_func ("/campaign/missing-file", test_missing_file);

  return g_test_run ();
}
