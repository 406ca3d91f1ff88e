/* test-letter.c — the letter, the postal cover sheet and the receipt, read back with
 * poppler-utils and qpdf as a reader (or a clerk's software) would read them
 */
#include "lp-test-utils.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "lp-complaint-json.h"
#include "lp-letter.h"
#include "lp-pdf-document.h"

#define MM (72.0 / 25.4)
/* The margins of lp-pdf-document.h, repeated here on purpose: the test says where text
 * may be, whatever the code says. */
#define PAGE_WIDTH     595.276
#define PAGE_HEIGHT    841.89
#define MARGIN_SIDE    68.0
#define MARGIN_TOP     62.0
#define MARGIN_BOTTOM  72.0

/* ---- Helpers ------------------------------------------------------------------------- */

/* LP_TEST_DUMP_DIR=/some/dir keeps a copy of the documents, to look at them
 * (pdftoppm -r 60 -png). */
static void
maybe_dump (GBytes     *pdf,
            const char *name)
{
  const char *dir = g_getenv ("LP_TEST_DUMP_DIR");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (dir == NULL || dir[0] == '\0')
    return;
  path = g_build_filename (dir, name, NULL);
  g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), &error);
  g_assert_no_error (error);
}

static GBytes *
render_letter (const LpComplaint *complaint,
               const LpCampaign  *campaign)
{
  g_autoptr(GError) error = NULL;
  GBytes *pdf = lp_letter_render (complaint, campaign, &error);

  g_assert_no_error (error);
  g_assert_nonnull (pdf);
  return pdf;
}

/* The text in reading order, white space squeezed, without the running footers (they
 * would cut a paragraph that flows onto the next page). */
static char *
squeezed_text (GBytes *pdf)
{
  g_autofree char *text = lp_test_pdf_to_text (pdf, FALSE);
  g_autoptr(GRegex) footer = g_regex_new ("^.* — page [0-9]+ sur [0-9]+$", G_REGEX_MULTILINE,
                                          0, NULL);
  g_autofree char *body = g_regex_replace_literal (footer, text, -1, 0, "", 0, NULL);

  return lp_test_squeeze_space (body);
}

/* pdftotext gives no-break spaces (U+00A0, U+202F) back as plain spaces: the PDF holds
 * them (the lines never break there), the extracted text does not. Expected strings are
 * compared the same way, runs of white space squeezed. */
static char *
as_extracted (const char *text)
{
  g_autoptr(GString) plain = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x00A0 || c == 0x202F)
        g_string_append_c (plain, ' ');
      else
        g_string_append_unichar (plain, c);
    }
  return lp_test_squeeze_space (plain->str);
}

static void
assert_has (const char *haystack,
            const char *needle)
{
  g_autofree char *expected = as_extracted (needle);

  if (strstr (haystack, expected) == NULL)
    g_error ("expected to find «%s» in:\n%s", expected, haystack);
}

static void
assert_has_not (const char *haystack,
                const char *needle)
{
  g_autofree char *unexpected = as_extracted (needle);

  if (strstr (haystack, unexpected) != NULL)
    g_error ("did not expect «%s» in:\n%s", unexpected, haystack);
}

/* Output of a poppler/qpdf tool run on @pdf written to a temporary file. */
static char *
run_on_pdf (GBytes     *pdf,
            const char *tool,
            const char *option)
{
  g_autofree char *path = lp_test_write_temp (pdf, "doc.pdf");
  g_autofree char *dir = g_path_get_dirname (path);
  const char *argv_option[] = { tool, option, path, NULL };
  const char *argv_plain[] = { tool, path, NULL };
  const char *argv_bbox[] = { tool, "-q", "-bbox", path, "-", NULL };
  char *out;

  if (g_strcmp0 (option, "-bbox") == 0)
    out = lp_test_run_tool (argv_bbox);
  else
    out = lp_test_run_tool (option != NULL ? argv_option : argv_plain);
  g_unlink (path);
  g_rmdir (dir);
  return out;
}

static guint
count_pages (GBytes *pdf)
{
  g_autofree char *info = run_on_pdf (pdf, "pdfinfo", NULL);
  const char *pages = strstr (info, "\nPages:");

  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages + strlen ("\nPages:") + strspn (pages + 7, " "), NULL, 10);
}

typedef struct {
  double x_min, y_min, x_max, y_max;
  char *text;
} Word;

static void
word_free (gpointer data)
{
  Word *word = data;

  g_free (word->text);
  g_free (word);
}

static double
attribute (const char *tag,
           const char *name)
{
  g_autofree char *key = g_strdup_printf (" %s=\"", name);
  const char *at = strstr (tag, key);

  g_assert_nonnull (at);
  return g_ascii_strtod (at + strlen (key), NULL);
}

/* Every word of the PDF with its box (points, origin top left), from pdftotext -bbox. */
static GPtrArray *
words_of (GBytes *pdf)
{
  g_autofree char *xml = run_on_pdf (pdf, "pdftotext", "-bbox");
  GPtrArray *words = g_ptr_array_new_with_free_func (word_free);
  const char *p = xml;

  while ((p = strstr (p, "<word ")) != NULL)
    {
      const char *close = strchr (p, '>');
      const char *end = strstr (p, "</word>");
      g_autofree char *tag = NULL;
      Word *word = g_new0 (Word, 1);

      g_assert_nonnull (close);
      g_assert_nonnull (end);
      tag = g_strndup (p, close - p);
      word->x_min = attribute (tag, "xMin");
      word->y_min = attribute (tag, "yMin");
      word->x_max = attribute (tag, "xMax");
      word->y_max = attribute (tag, "yMax");
      word->text = g_strndup (close + 1, end - close - 1);
      g_ptr_array_add (words, word);
      p = end;
    }
  return words;
}

/* No word may leave the margins: sides always; top and bottom for body text (the small
 * footer lives in the bottom margin). */
static void
assert_inside_margins (GBytes *pdf)
{
  g_autoptr(GPtrArray) words = words_of (pdf);

  g_assert_cmpuint (words->len, >, 100);
  for (guint i = 0; i < words->len; i++)
    {
      const Word *word = g_ptr_array_index (words, i);
      gboolean footer = word->y_max - word->y_min < 10.0;

      if (word->x_min < MARGIN_SIDE - 0.5 || word->x_max > PAGE_WIDTH - MARGIN_SIDE + 0.5)
        g_error ("word «%s» leaves the side margins: %.1f–%.1f", word->text, word->x_min, word->x_max);
      if (word->y_min < MARGIN_TOP - 1.0)
        g_error ("word «%s» is in the top margin: %.1f", word->text, word->y_min);
      if (!footer && word->y_max > PAGE_HEIGHT - MARGIN_BOTTOM + 1.0)
        g_error ("word «%s» is in the bottom margin: %.1f", word->text, word->y_max);
      if (footer && word->y_max > PAGE_HEIGHT - 20.0)
        g_error ("footer word «%s» is too low: %.1f", word->text, word->y_max);
    }
}

static void
set_string (char       **field,
            const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

static void
set_given_names (LpPerson           *person,
                 const char * const *names)
{
  g_ptr_array_set_size (person->given_names, 0);
  for (guint i = 0; names[i] != NULL; i++)
    g_ptr_array_add (person->given_names, g_strdup (names[i]));
}

/* ---- The letter ------------------------------------------------------------------------ */

static void
test_letter_typical_fields (void)
{
  g_autoptr(LpCampaign) campaign = lp_test_load_campaign ();
  g_autoptr(LpComplaint) complaint = lp_test_load_complaint ("complaint-typical.json");
  g_autoptr(GBytes) pdf = render_letter (complaint, campaign);
  g_autofree char *text = squeezed_text (pdf);
  g_autofree char *account = lp_test_squeeze_space (complaint->facts.account);
  const char *expected[] = {
    "Madame Élodie Marie Dupré",
    "Née le 14 décembre 1984 à Lyon (69)",
    "Nationalité\u00A0: française",
    "12 rue des Lilas", "69003 Lyon",
    "Téléphone\u00A0: 06 12 34 56 78",
    "Direction de la Police Judiciaire PP", "36 rue du Bastion", "75017 Paris",
    "À Lyon, le 12 février 2024",
    "BL2C 2024/030",
    "Madame, Monsieur,",
    "je dépose plainte contre toute personne que l’enquête déterminera",
    "Harmonie Mutuelle",
    "l’opérateur de tiers payant Viamedis",
    "le 8 février 2024, par courrier postal",
    "numéro de sécurité sociale (NIR)",
    "garanties du contrat ouvertes au tiers payant",
    "article 323-1 du Code pénal", "article 323-3 du Code pénal",
    "article 226-18 du Code pénal", "article 321-1 du Code pénal",
    "réception de SMS frauduleux",
    "préjudice moral",
    "Fait à Lyon, le 12 février 2024",
  };

  maybe_dump (pdf, "letter-typical.pdf");
  for (gsize i = 0; i < G_N_ELEMENTS (expected); i++)
    assert_has (text, expected[i]);
  /* The account is given back verbatim, straight apostrophes and all. */
  assert_has (text, account);
  /* Nothing the person did not give. */
  assert_has_not (text, "Courriel");
  assert_has_not (text, "Profession");
  assert_has_not (text, "sécurité sociale\u00A0:");
}

static void
test_letter_attachments_and_signature (void)
{
  g_autoptr(LpCampaign) campaign = lp_test_load_campaign ();
  g_autoptr(LpComplaint) complaint = lp_test_load_complaint ("complaint-attachments.json");
  g_autoptr(GBytes) pdf = render_letter (complaint, campaign);
  g_autofree char *text = squeezed_text (pdf);
  g_autofree char *images = run_on_pdf (pdf, "pdfimages", "-list");
  guint n_images = 0;

  maybe_dump (pdf, "letter-attachments.pdf");
  g_assert_cmpuint (complaint->attachments->len, ==, 3);
  assert_has (text, "Pièces jointes");
  for (guint i = 0; i < complaint->attachments->len; i++)
    {
      const LpAttachment *attachment = g_ptr_array_index (complaint->attachments, i);
      g_autofree char *item = g_strdup_printf ("%u. %s", i + 1, attachment->title);
      g_autofree char *page = g_strdup_printf ("Pièce n°\u00A0%u\u00A0: %s", i + 1, attachment->title);

      assert_has (text, item);
      assert_has (text, page);
    }
  /* The PDF attachment is announced as a separate file, not drawn. */
  assert_has (text, "fichier séparé (pièce n°\u00A03)");
  /* Letter pages, then one page per attachment. */
  g_assert_cmpuint (count_pages (pdf), >=, 1 + 3);
  /* Two pictures and the signature. */
  {
    g_auto(GStrv) lines = g_strsplit (images, "\n", -1);

    /* After the two header lines, one line per image, starting with its page number. */
    for (guint i = 2; lines[i] != NULL; i++)
      if (g_ascii_isdigit (lines[i][strspn (lines[i], " ")]))
        n_images++;
  }
  g_assert_cmpuint (n_images, ==, 3);
}

static void
test_letter_names_given_back (void)
{
  g_autoptr(LpCampaign) campaign = lp_test_load_campaign ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = lp_test_data_path ("complaint-names.json");
  g_autoptr(GPtrArray) complaints = lp_complaint_load_file (path, &error);
  const char *names[] = { "Thị Minh Khai Nguyễn", "Łukasz Paweł Żółć", "Zoë Anaïs L'Haÿ" };

  g_assert_no_error (error);
  g_assert_cmpuint (complaints->len, ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < complaints->len; i++)
    {
      const LpComplaint *complaint = g_ptr_array_index (complaints, i);
      g_autoptr(GBytes) pdf = render_letter (complaint, campaign);
      g_autofree char *text = squeezed_text (pdf);

      /* Exactly as typed: no case change, the straight apostrophe of L'Haÿ kept. */
      assert_has (text, names[i]);
      assert_has (text, complaint->complainant.birth_name);
    }
}

/* What French typography keeps on one line, whatever the width: a NIR (its key not alone on
 * the next line), a date, a department with its commune, « and » with their words; and the
 * closing formula on the page of the signature. Lines as pdftotext gives them. */
static void
assert_no_line_starts_with (char       **lines,
                            const char  *mark)
{
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (g_strchug (lines[i]), mark))
      g_error ("a line begins with “%s”: %s", mark, lines[i]);
}

static void
assert_on_one_line (char       **lines,
                    const char  *unit)
{
  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], unit) != NULL)
      return;
  g_error ("“%s” is not on one line", unit);
}

static void
test_letter_keeps_units_together (void)
{
  g_autoptr(LpCampaign) campaign = lp_test_load_campaign ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = lp_test_data_path ("complaint-names.json");
  g_autoptr(GPtrArray) complaints = lp_complaint_load_file (path, &error);
  g_autoptr(LpComplaint) corsican = lp_test_load_complaint ("complaint-nir.json");

  g_assert_no_error (error);
  for (guint i = 0; i < complaints->len; i++)
    {
      g_autoptr(GBytes) pdf = render_letter (g_ptr_array_index (complaints, i), campaign);
      g_autofree char *text = lp_test_pdf_to_text (pdf, FALSE);
      g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
      g_auto(GStrv) pages = g_strsplit (text, "\f", -1);

      assert_no_line_starts_with (lines, "»");
      for (guint p = 0; pages[p] != NULL; p++)
        if (strstr (pages[p], "Fait à") != NULL)
          g_assert_nonnull (strstr (pages[p], "Je vous prie d’agréer"));
      if (i == 0)   /* Ivry-sur-Seine: the longest place of signature */
        assert_on_one_line (lines, "27 février 2024");
      if (i == 2)
        assert_on_one_line (lines, "L'Haÿ-les-Roses (94)");
    }
  {
    g_autoptr(GBytes) pdf = render_letter (corsican, campaign);
    g_autofree char *text = lp_test_pdf_to_text (pdf, FALSE);
    g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

    assert_on_one_line (lines, "2 53 07 2B 073 004 70");
  }
}

static void
test_letter_long_names (void)
{
  g_autoptr(LpCampaign) campaign = lp_test_load_campaign ();
  g_autoptr(LpComplaint) complaint = lp_test_load_complaint ("complaint-typical.json");
  const char *given[] = { "Marie-Charlotte-Emmanuelle", "Anne-Sophie-Bérénice",
                          "Geneviève-Éléonore", NULL };
  const char *family = "de La Tour-d’Auvergne-Lauraguais";
  g_autofree char *full = NULL;
  g_autofree char *one_word = g_strnfill (90, 'w');
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GBytes) pdf_word = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_word = NULL;

  set_given_names (&complaint->complainant, given);
  set_string (&complaint->complainant.birth_name, family);
  full = g_strjoin (" ", given[0], given[1], given[2], family, NULL);
  g_assert_cmpuint (g_utf8_strlen (full, -1), >=, 90);

  pdf = render_letter (complaint, campaign);
  maybe_dump (pdf, "letter-long-names.pdf");
  text = squeezed_text (pdf);
  assert_has (text, full);
  assert_inside_margins (pdf);

  /* A 90-letter name with no space at all is cut between letters, never past the margin. */
  set_string (&complaint->complainant.birth_name, one_word);
  pdf_word = render_letter (complaint, campaign);
  maybe_dump (pdf_word, "letter-long-word.pdf");
  assert_inside_margins (pdf_word);
  text_word = lp_test_pdf_to_text (pdf_word, FALSE);
  {
    g_autoptr(GString) letters = g_string_new (NULL);

    for (const char *p = text_word; *p != '\0'; p++)
      if (*p != '\n' && *p != ' ')
        g_string_append_c (letters, *p);
    assert_has (letters->str, one_word);
  }
}

static char *
long_account (void)
{
  GString *account = g_string_new (NULL);

  for (guint i = 1; i <= 45; i++)
    {
      g_string_append_printf (account,
                              "Le %u février, une personne se présentant comme conseillère de ma "
                              "banque m'a appelé ; elle connaissait mon numéro de sécurité sociale, "
                              "le nom de ma mutuelle et la date de naissance de mes enfants.", i);
      /* Single and double newlines, as typed. */
      g_string_append (account, i % 3 == 0 ? "\n" : "\n\n");
    }
  /* A word longer than a line, and words held together by no-break spaces. */
  g_string_append (account, "https://ameli-renouvellement-carte-vitale.example/"
                            "session/0123456789abcdefghijklmnopqrstuvwxyz0123456789\n");
  g_string_append (account, "Montant\u00A0: 1\u202F234,56\u00A0€ ; « Urgent\u00A0! »");
  return g_string_free (account, FALSE);
}

static void
test_letter_long_account_flows (void)
{
  g_autoptr(LpCampaign) campaign = lp_test_load_campaign ();
  g_autoptr(LpComplaint) complaint = lp_test_load_complaint ("complaint-typical.json");
  g_autofree char *account = long_account ();
  g_autofree char *squeezed_account = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *url_free = NULL;

  set_string (&complaint->facts.account, account);
  pdf = render_letter (complaint, campaign);
  maybe_dump (pdf, "letter-long-account.pdf");
  g_assert_cmpuint (count_pages (pdf), >=, 3);
  assert_inside_margins (pdf);

  /* Everything but the over-long URL (cut between characters) comes back verbatim. */
  text = squeezed_text (pdf);
  url_free = g_strdup (account);
  *strstr (url_free, "https://") = '\0';
  squeezed_account = lp_test_squeeze_space (url_free);
  assert_has (text, squeezed_account);
  assert_has (text, "Montant\u00A0: 1\u202F234,56\u00A0€ ; « Urgent\u00A0! »");
  {
    g_autofree char *raw = lp_test_pdf_to_text (pdf, FALSE);

    assert_has (raw, "— page 3 sur");
  }
}

static void
test_letter_pdf_properties (void)
{
  g_autoptr(LpCampaign) campaign = lp_test_load_campaign ();
  g_autoptr(LpComplaint) complaint = lp_test_load_complaint ("complaint-typical.json");
  g_autoptr(GBytes) pdf = render_letter (complaint, campaign);
  g_autoptr(GBytes) again = render_letter (complaint, campaign);
  g_autofree char *fonts = run_on_pdf (pdf, "pdffonts", NULL);
  g_autofree char *raw_info = run_on_pdf (pdf, "pdfinfo", NULL);
  g_autofree char *info = lp_test_squeeze_space (raw_info);
  g_autofree char *check = run_on_pdf (pdf, "qpdf", "--check");
  g_auto(GStrv) font_lines = g_strsplit (fonts, "\n", -1);
  guint n_fonts = 0;

  /* Identical input, identical bytes. */
  g_assert_true (g_bytes_equal (pdf, again));

  /* One embedded face (bold is drawn, not a second font). */
  for (guint i = 2; font_lines[i] != NULL; i++)
    if (font_lines[i][0] != '\0')
      {
        n_fonts++;
        assert_has (font_lines[i], "DejaVuSerif");
        assert_has (font_lines[i], " yes yes yes ");
      }
  g_assert_cmpuint (n_fonts, ==, 1);

  assert_has (info, "Title:           Lettre-plainte — affaire BL2C 2024/030");
  assert_has (info, "Subject:         Plainte contre toute personne que l’enquête déterminera");
  assert_has (info, "Producer:        Lettre-plainte " PACKAGE_VERSION);
  assert_has (info, "Page size:       595.276 x 841.89 pts (A4)");
  assert_has_not (info, "CreationDate");
  assert_has_not (info, "Dupré");

  assert_has (check, "No syntax or stream encoding errors found");
  /* Budget of architecture.md §9. */
  g_assert_cmpuint (g_bytes_get_size (pdf), <=, 100 * 1024);
}

/* Binary-safe search (the PDF holds NUL bytes); @reverse finds the last occurrence. */
static const char *
find_bytes (const char *data,
            gsize       size,
            const char *needle,
            gboolean    reverse)
{
  gsize length = strlen (needle);

  if (size < length)
    return NULL;
  for (gsize k = 0; k <= size - length; k++)
    {
      gsize i = reverse ? size - length - k : k;

      if (memcmp (data + i, needle, length) == 0)
        return data + i;
    }
  return NULL;
}

/* Every stream of the file is compressed: the dictionary in front of each "stream"
 * keyword has a FlateDecode filter. */
static void
test_letter_compressed (void)
{
  g_autoptr(LpCampaign) campaign = lp_test_load_campaign ();
  g_autoptr(LpComplaint) complaint = lp_test_load_complaint ("complaint-typical.json");
  g_autoptr(GBytes) pdf = render_letter (complaint, campaign);
  gsize size = 0;
  const char *data = g_bytes_get_data (pdf, &size);
  const char *start = data;
  guint n_streams = 0;
  const char *stream;

  while ((stream = find_bytes (start, size - (start - data), "\nstream\r\n", FALSE)) != NULL ||
         (stream = find_bytes (start, size - (start - data), "\nstream\n", FALSE)) != NULL)
    {
      const char *object = find_bytes (data, stream - data, " obj", TRUE);

      g_assert_nonnull (object);
      if (find_bytes (object, stream - object, "/FlateDecode", FALSE) == NULL)
        g_error ("an uncompressed stream at byte %ld", (long) (stream - data));
      n_streams++;
      start = stream + 1;
    }
  /* Page contents, the font program, its widths and ToUnicode at least. */
  g_assert_cmpuint (n_streams, >=, 3);
}

static void
test_letter_nir (void)
{
  g_autoptr(LpCampaign) campaign = lp_test_load_campaign ();
  g_autoptr(LpComplaint) complaint = lp_test_load_complaint ("complaint-nir.json");
  g_autoptr(GBytes) pdf = render_letter (complaint, campaign);
  g_autofree char *text = squeezed_text (pdf);
  g_autofree char *info = run_on_pdf (pdf, "pdfinfo", NULL);
  gsize size = 0;
  const char *data = g_bytes_get_data (pdf, &size);

  g_assert_cmpstr (complaint->complainant.nir, !=, "");
  /* In the text, grouped as on the carte Vitale... */
  assert_has (text, "N°\u00A0de sécurité sociale\u00A0: 2 53 07 2B 073 004 70");
  /* ...and nowhere in the metadata, nor in clear in the file. */
  assert_has_not (info, "2 53 07");
  assert_has_not (info, "253072B");
  g_assert_null (find_bytes (data, size, "2B 073", FALSE));
  g_assert_null (find_bytes (data, size, "253072B07300470", FALSE));
}

static void
test_letter_representative (void)
{
  g_autoptr(LpCampaign) campaign = lp_test_load_campaign ();
  g_autoptr(LpComplaint) complaint = lp_test_load_complaint ("complaint-minor.json");
  g_autoptr(GBytes) pdf = render_letter (complaint, campaign);
  g_autofree char *text = squeezed_text (pdf);

  maybe_dump (pdf, "letter-representative.pdf");
  g_assert_nonnull (complaint->representative);
  /* The child, with the civil status of the complainant... */
  assert_has (text, "Inès Yasmine Benali");
  assert_has (text, "Né(e) le 3 mai 2014 à Toulouse (31)");
  /* ...the mother files in her name, as her representative... */
  assert_has (text, "Agissant en qualité de mère d’Inès Yasmine Benali, mineur(e), et en son nom, "
                    "je dépose plainte contre toute personne que l’enquête déterminera");
  assert_has (text, "Représentant légal");
  assert_has (text, "Madame Samira Benali");
  assert_has (text, "Née Haddad le 17 septembre 1983 à Oran, Algérie");
  assert_has (text, "Courriel\u00A0: samira.benali@example.org");
  /* ...and signs. */
  assert_has (text, "Madame Samira Benali agissant en qualité de mère d’Inès Yasmine Benali");
  /* What happened since is said for both of them: no "my mutuelle" for the child's SMS. */
  assert_has (text, "Depuis cette fuite de données, nous avons constaté");
  assert_has (text, "se réclamant de l’Assurance maladie, d’une mutuelle ou d’un autre organisme");
  assert_has_not (text, "de ma mutuelle ou");
}

/* "Nothing so far" is the sentence of consequences_none, not an item of the list; beside
 * other consequences (a complaint file may hold both) it is left out. */
static void
test_letter_nothing_so_far (void)
{
  g_autoptr(LpCampaign) campaign = lp_test_load_campaign ();
  g_autoptr(LpComplaint) complaint = lp_test_load_complaint ("complaint-typical.json");
  g_autofree char *alone = NULL;
  g_autofree char *with_other = NULL;

  g_ptr_array_set_size (complaint->facts.consequences, 0);
  g_ptr_array_add (complaint->facts.consequences, g_strdup (LP_CONSEQUENCE_NONE_YET));
  {
    g_autoptr(GBytes) pdf = render_letter (complaint, campaign);

    alone = squeezed_text (pdf);
  }
  assert_has (alone, "Je n’ai pas constaté de conséquence particulière à ce jour");
  assert_has_not (alone, "aucune conséquence constatée à ce jour");
  assert_has_not (alone, "j’ai constaté :");

  g_ptr_array_add (complaint->facts.consequences, g_strdup ("phishing-sms"));
  {
    g_autoptr(GBytes) pdf = render_letter (complaint, campaign);

    with_other = squeezed_text (pdf);
  }
  assert_has (with_other, "réception de SMS frauduleux");
  assert_has_not (with_other, "aucune conséquence constatée à ce jour");
  assert_has_not (with_other, "Je n’ai pas constaté de conséquence particulière");
}

/* The campaign's consequences suit a letter written for someone else: no possessive. */
static void
test_campaign_consequences_impersonal (void)
{
  g_autoptr(LpCampaign) campaign = lp_test_load_campaign ();
  const char *first_person[] = { " mon ", " ma ", " mes ", "à mon nom", "m’", "j’" };

  for (guint i = 0; i < campaign->consequences->len; i++)
    {
      const LpCampaignChoice *choice = g_ptr_array_index (campaign->consequences, i);
      g_autofree char *padded = g_strconcat (" ", choice->label, " ", NULL);

      for (gsize j = 0; j < G_N_ELEMENTS (first_person); j++)
        if (strstr (padded, first_person[j]) != NULL)
          g_error ("consequence %s says “%s”: %s", choice->id, first_person[j], choice->label);
    }
}

static void
test_letter_amount (void)
{
  g_autoptr(LpCampaign) campaign = lp_test_load_campaign ();
  g_autoptr(LpComplaint) complaint = lp_test_load_complaint ("complaint-typical.json");
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *text = NULL;

  complaint->facts.has_amount = TRUE;
  complaint->facts.amount_cents = 123456;
  set_string (&complaint->facts.prejudice_description, "Un virement de 1234,56 € que je n'ai pas fait.");
  set_string (&complaint->facts.operator_id, "unknown");
  pdf = render_letter (complaint, campaign);
  text = squeezed_text (pdf);
  assert_has (text, "à titre provisoire, à 1\u202F234,56\u00A0€.");
  assert_has (text, "Un virement de 1234,56 € que je n'ai pas fait.");
  assert_has (text, "Viamedis ou Almerys (je ne sais pas lequel)");
  assert_has_not (text, "préjudice moral");
}

/* The renderer does not validate (lp-validate.c does): an empty complaint still gives a
 * PDF, and never a crash. */
static void
test_letter_empty_complaint (void)
{
  g_autoptr(LpCampaign) campaign = lp_test_load_campaign ();
  g_autoptr(LpComplaint) complaint = lp_complaint_new ();
  g_autoptr(GBytes) pdf = render_letter (complaint, campaign);
  g_autoptr(GBytes) cover = lp_cover_sheet_render (complaint, campaign, NULL);

  g_assert_cmpuint (count_pages (pdf), >=, 1);
  g_assert_nonnull (cover);
}

static void
rendered_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GBytes **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = lp_letter_render_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_letter_async (void)
{
  g_autoptr(LpCampaign) campaign = lp_test_load_campaign ();
  g_autoptr(LpComplaint) complaint = lp_test_load_complaint ("complaint-typical.json");
  g_autoptr(GBytes) expected = render_letter (complaint, campaign);
  g_autoptr(GBytes) pdf = NULL;

  lp_letter_render_async (complaint, campaign, NULL, rendered_cb, &pdf);
  /* The worker has its own copy: changing ours now must not matter. */
  set_string (&complaint->facts.insurer, "changed");
  while (pdf == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_bytes_equal (pdf, expected));
}

static void
test_letter_errors (void)
{
  g_autoptr(LpCampaign) campaign = lp_test_load_campaign ();
  g_autoptr(LpComplaint) complaint = lp_test_load_complaint ("complaint-typical.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;

  /* A missing attachment: the message starts with its JSON path. */
  g_ptr_array_add (complaint->attachments, lp_attachment_new ("absent.jpg", "Absent"));
  set_string (&((LpAttachment *) g_ptr_array_index (complaint->attachments, 0))->path,
              "/nonexistent/absent.jpg");
  pdf = lp_letter_render (complaint, campaign, &error);
  g_assert_null (pdf);
  g_assert_error (error, LP_LETTER_ERROR, LP_LETTER_ERROR_ATTACHMENT);
  g_assert_true (g_str_has_prefix (error->message, "attachments[0].file: "));
  g_clear_error (&error);
  g_ptr_array_set_size (complaint->attachments, 0);

  /* A signature that is not a picture. */
  complaint->signature_png = g_bytes_new_static ("not a png", 9);
  pdf = lp_letter_render (complaint, campaign, &error);
  g_assert_null (pdf);
  g_assert_error (error, LP_LETTER_ERROR, LP_LETTER_ERROR_SIGNATURE);
  g_clear_error (&error);
  g_clear_pointer (&complaint->signature_png, g_bytes_unref);
}

static void
test_letter_template_error (void)
{
  g_autoptr(LpComplaint) complaint = lp_test_load_complaint ("complaint-typical.json");
  g_autofree char *path = g_build_filename (SOURCE_ROOT, "assets", "campaigns",
                                            "viamedis-almerys-2024.json", NULL);
  g_autofree char *json = NULL;
  g_autofree char *broken = NULL;
  g_autoptr(LpCampaign) campaign = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GRegex) regex = g_regex_new ("\"facts_data\": \"[^\"]*\"", 0, 0, NULL);

  g_assert_true (g_file_get_contents (path, &json, NULL, NULL));
  /* {amount} is a known placeholder, but the typical complaint gives no amount. */
  broken = g_regex_replace_literal (regex, json, -1, 0, "\"facts_data\": \"{amount}\"", 0, NULL);
  g_assert_cmpstr (broken, !=, json);
  campaign = lp_campaign_new_from_data (broken, -1, &error);
  g_assert_no_error (error);

  pdf = lp_letter_render (complaint, campaign, &error);
  g_assert_null (pdf);
  g_assert_error (error, LP_LETTER_ERROR, LP_LETTER_ERROR_TEMPLATE);
  g_assert_true (g_str_has_prefix (error->message, "texts.facts_data: "));
}

/* ---- The cover sheet and the receipt ------------------------------------------------------ */

static void
test_cover_sheet (void)
{
  g_autoptr(LpCampaign) campaign = lp_test_load_campaign ();
  g_autoptr(LpComplaint) complaint = lp_test_load_complaint ("complaint-typical.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = lp_cover_sheet_render (complaint, campaign, &error);
  g_autoptr(GBytes) again = lp_cover_sheet_render (complaint, campaign, NULL);
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) words = NULL;
  guint in_window = 0;

  g_assert_no_error (error);
  g_assert_nonnull (pdf);
  maybe_dump (pdf, "cover-sheet.pdf");
  g_assert_true (g_bytes_equal (pdf, again));
  g_assert_cmpuint (count_pages (pdf), ==, 1);
  text = squeezed_text (pdf);
  assert_has (text, "Madame Élodie Marie Dupré 12 rue des Lilas 69003 Lyon");
  assert_has (text, "Direction de la Police Judiciaire PP BL2C 2024/030 36 rue du Bastion 75017 Paris");
  assert_has (text, "lettre recommandée avec accusé de réception");
  assert_has (text, "preuve de dépôt");

  /* The recipient sits in La Poste's address frame: 110 mm from the left, 55 to 88 mm
   * from the top, 85 mm wide (what a DL window shows). */
  words = words_of (pdf);
  for (guint i = 0; i < words->len; i++)
    {
      const Word *word = g_ptr_array_index (words, i);

      if (word->x_min < 100 * MM || word->y_min > 100 * MM)
        continue;
      in_window++;
      g_assert_cmpfloat (word->x_min, >=, 110 * MM);
      g_assert_cmpfloat (word->x_max, <=, 195 * MM);
      g_assert_cmpfloat (word->y_min, >=, 55 * MM);
      g_assert_cmpfloat (word->y_max, <=, 88 * MM);
    }
  /* "Direction de la Police Judiciaire PP BL2C 2024/030 36 rue du Bastion 75017 Paris" */
  g_assert_cmpuint (in_window, ==, 14);
}

static void
test_receipt (void)
{
  g_autoptr(LpCampaign) campaign = lp_test_load_campaign ();
  g_autoptr(LpComplaint) complaint = lp_test_load_complaint ("complaint-typical.json");
  g_autoptr(GTimeZone) paris = g_time_zone_new_identifier ("+01:00");
  g_autoptr(GDateTime) when = g_date_time_new (paris, 2024, 2, 12, 14, 5, 0);
  const char *sha = "3f79bb7b435b05321651daefd374cdc681dc06faa65e374e38337b88ca046dea";
  LpReceiptInfo info = {
    .when = when, .route = "relay", .recipient = "https://plaintes.example.org/api/v1/submissions",
    .receipt_id = "R-2024-000042", .letter_sha256 = sha,
    .site_name = "Mairie de Saint-Ouen — espace France Services",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = lp_receipt_render (complaint, campaign, &info, &error);
  g_autoptr(GBytes) again = lp_receipt_render (complaint, campaign, &info, NULL);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  maybe_dump (pdf, "receipt.pdf");
  g_assert_true (g_bytes_equal (pdf, again));
  text = squeezed_text (pdf);
  assert_has (text, "Récapitulatif");
  assert_has (text, "Madame Élodie Marie Dupré");
  assert_has (text, "le 12 février 2024 à 14\u00A0h\u00A005");
  assert_has (text, "envoi électronique au service d’accueil");
  assert_has (text, info.recipient);
  assert_has (text, "R-2024-000042");
  assert_has (text, sha);
  assert_has (text, info.site_name);
  assert_has (text, "ceci n’est pas un récépissé officiel");
  assert_has (text, "116 006");
  assert_has (text, "France Victimes");
  assert_has (text, campaign->next_steps[0]);
  assert_inside_margins (pdf);

  /* Without a receipt id or site, those rows are left out. */
  info.receipt_id = NULL;
  info.site_name = NULL;
  info.route = "print";
  g_clear_pointer (&pdf, g_bytes_unref);
  pdf = lp_receipt_render (complaint, campaign, &info, &error);
  g_assert_no_error (error);
  g_free (text);
  text = squeezed_text (pdf);
  assert_has_not (text, "Numéro de dépôt");
  assert_has_not (text, "Avec l’aide de");
  assert_has (text, "impression, pour un envoi par la poste");
}

/* A libharu failure (here a JPEG that is not one) comes back as a GError, without a crash
 * and without a partial PDF. */
static void
test_pdf_document_error (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LpPdfDocument) doc = lp_pdf_document_new ("Titre", "Sujet", &error);
  g_autoptr(GBytes) garbage = g_bytes_new_static ("not a jpeg at all", 17);
  g_autoptr(GBytes) pdf = NULL;
  LpPdfStyle style = { 0 };

  g_assert_no_error (error);
  lp_pdf_document_new_page (doc);
  g_assert_null (lp_pdf_document_load_jpeg (doc, garbage));
  g_assert_true (lp_pdf_document_failed (doc));
  /* Later calls are skipped, not crashed on. */
  lp_pdf_document_flow (doc, "Encore du texte.", &style);
  pdf = lp_pdf_document_save (doc, &error);
  g_assert_null (pdf);
  g_assert_error (error, LP_LETTER_ERROR, LP_LETTER_ERROR_PDF);
}

/* Dark pixels of @text drawn large, as pdftoppm renders it. */
static guint
ink_of (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LpPdfDocument) doc = lp_pdf_document_new ("Titre", "Sujet", &error);
  LpPdfStyle style = { .size = 60.0 };
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *root = NULL;
  g_autofree char *pgm_path = NULL;
  g_autofree char *pgm = NULL;
  gsize size = 0;
  guint width, height, max_value, ink = 0;
  int header = 0;

  g_assert_no_error (error);
  lp_pdf_document_new_page (doc);
  lp_pdf_document_flow (doc, text, &style);
  pdf = lp_pdf_document_save (doc, &error);
  g_assert_no_error (error);

  path = lp_test_write_temp (pdf, "glyph.pdf");
  dir = g_path_get_dirname (path);
  root = g_build_filename (dir, "glyph", NULL);
  {
    const char *argv[] = { "pdftoppm", "-q", "-gray", "-r", "40", "-singlefile", path, root, NULL };
    g_autofree char *out = lp_test_run_tool (argv);
  }
  pgm_path = g_strconcat (root, ".pgm", NULL);
  g_assert_true (g_file_get_contents (pgm_path, &pgm, &size, NULL));
  g_assert_cmpint (sscanf (pgm, "P5 %u %u %u%n", &width, &height, &max_value, &header), ==, 3);
  g_assert_cmpuint ((gsize) header + 1 + (gsize) width * height, <=, size);
  for (gsize i = header + 1; i < (gsize) header + 1 + (gsize) width * height; i++)
    if ((guchar) pgm[i] < 128)
      ink++;
  g_unlink (pgm_path);
  g_unlink (path);
  g_rmdir (dir);
  return ink;
}

/* libharu 2.3.0 drops the parts of nested composite glyphs: without the workaround of
 * lp-font-composites.c, "ễ" prints as a bare "e" and "ị" as "i". */
static void
test_pdf_document_nested_accents (void)
{
  g_assert_cmpuint (ink_of ("ễ"), >, ink_of ("e") + 20);
  g_assert_cmpuint (ink_of ("ị"), >, ink_of ("i") + 5);
  g_assert_cmpuint (ink_of ("Ǖ"), >, ink_of ("U") + 5);
}

int
main (int   argc,
      char *argv[])
{
  /* Failure messages quote French text: print it as UTF-8, not as "?". */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/letter/typical-fields", test_letter_typical_fields);
  g_test_add_func ("/letter/attachments-and-signature", test_letter_attachments_and_signature);
  g_test_add_func ("/letter/names-given-back", test_letter_names_given_back);
  g_test_add_func ("/letter/long-names", test_letter_long_names);
  g_test_add_func ("/letter/long-account-flows", test_letter_long_account_flows);
  g_test_add_func ("/letter/pdf-properties", test_letter_pdf_properties);
  g_test_add_func ("/letter/compressed", test_letter_compressed);
  g_test_add_func ("/letter/nir", test_letter_nir);
  g_test_add_func ("/letter/representative", test_letter_representative);
  g_test_add_func ("/letter/consequences-impersonal", test_campaign_consequences_impersonal);
  g_test_add_func ("/letter/keeps-units-together", test_letter_keeps_units_together);
  g_test_add_func ("/letter/nothing-so-far", test_letter_nothing_so_far);
  g_test_add_func ("/letter/amount", test_letter_amount);
  g_test_add_func ("/letter/empty-complaint", test_letter_empty_complaint);
  g_test_add_func ("/letter/async", test_letter_async);
  g_test_add_func ("/letter/errors", test_letter_errors);
  g_test_add_func ("/letter/template-error", test_letter_template_error);
  g_test_add_func ("/pdf-document/error", test_pdf_document_error);
  g_test_add_func ("/pdf-document/nested-accents", test_pdf_document_nested_accents);
  g_test_add_func ("/cover-sheet/contents", test_cover_sheet);
  g_test_add_func ("/receipt/contents", test_receipt);

  return g_test_run ();
}
