/* fuzz-letter.c — the letter renderer fed with fuzzed complaints
 *
 * Two ways to read the input, chosen by its first byte:
 *
 * - "{" or "[": a complaint file, loaded as the program loads it;
 * - anything else: edits to a valid complaint (structure-aware). The first byte picks the
 *   base (tests/data/complaint-typical.json or complaint-minor.json, which has a legal
 *   representative); then each record is [field][length][bytes...] and replaces one text
 *   field (a length of 255 takes the rest of the input), or toggles / adds something. Most
 *   inputs then stay valid, so the fuzzer reaches the renderer instead of the validator.
 *
 * Either way, the complaint is validated against the real campaign with today fixed at
 * 2024-03-01 and rendered only when it has no error, as `lettre-plainte --render` does:
 * the letter, the postal cover sheet and the receipt. Attachments are kept only when they
 * are files of tests/data (a fuzzed path must not make a run read the disk at large).
 */
#define G_LOG_DOMAIN "lp-fuzz"

#include "fuzz-common.h"

#include "lp-complaint-json.h"
#include "lp-issue.h"
#include "lp-letter.h"
#include "lp-validate.h"

#include <stdlib.h>
#include <string.h>

#define FUZZ_BASE_DIR   SOURCE_ROOT "/tests/data"
/* Keeps one run under a second even when the text flows over several pages. */
#define MAX_INPUT_SIZE  (32 * 1024)
#define MAX_ATTACHMENTS 2

static LpComplaint *bases[2];

static LpComplaint *
load_base (const char *name)
{
  g_autofree char *path = g_build_filename (FUZZ_BASE_DIR, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) complaints = lp_complaint_load_file (path, &error);

  if (complaints == NULL)
    {
      g_printerr ("fuzz-letter: %s does not load: %s\n", name, error->message);
      abort ();
    }
  return lp_complaint_copy (g_ptr_array_index (complaints, 0));
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  lp_fuzz_quiet_logs ();
  lp_fuzz_campaign ();
  bases[0] = load_base ("complaint-typical.json");
  bases[1] = load_base ("complaint-minor.json");
  return 0;
}

/* ---- Structure-aware edits ---------------------------------------------------------------- */

typedef struct {
  const guint8 *data;
  gsize left;
} Reader;

static gboolean
read_byte (Reader *reader,
           guint8 *byte)
{
  if (reader->left == 0)
    return FALSE;
  *byte = *reader->data++;
  reader->left--;
  return TRUE;
}

/* A string of [length][bytes]; 255 takes everything left. */
static char *
read_string (Reader *reader)
{
  guint8 length_byte;
  gsize length;
  char *text;

  if (!read_byte (reader, &length_byte))
    return g_strdup ("");
  length = length_byte == 255 ? reader->left : MIN ((gsize) length_byte, reader->left);
  text = g_strndup ((const char *) reader->data, length);
  reader->data += length;
  reader->left -= length;
  return text;
}

static void
replace (char **field,
         char  *value)
{
  g_free (*field);
  *field = value;
}

/* The text fields of a person, in a fixed order. */
static char **
person_field (LpPerson *person,
              guint     index)
{
  char **fields[] = {
    &person->civility, &person->birth_name, &person->usage_name, &person->birth_date,
    &person->birth_place.commune, &person->birth_place.department, &person->birth_place.country,
    &person->nationality, &person->profession, &person->address.street,
    &person->address.complement, &person->address.postal_code, &person->address.city,
    &person->address.country, &person->phone, &person->email, &person->nir, &person->quality,
  };

  return fields[index % G_N_ELEMENTS (fields)];
}

static void
edit_given_names (LpPerson *person,
                  Reader   *reader)
{
  guint8 which = 0;
  char *name;

  read_byte (reader, &which);
  name = read_string (reader);
  if (which < person->given_names->len)
    {
      g_free (g_ptr_array_index (person->given_names, which));
      g_ptr_array_index (person->given_names, which) = name;
    }
  else if (person->given_names->len < 8)
    g_ptr_array_add (person->given_names, name);
  else
    g_free (name);
}

/* The account, repeated up to 64 times: long texts that flow over pages, cheaply. */
static void
edit_account (LpFacts *facts,
              Reader  *reader)
{
  guint8 repeat = 0;
  g_autofree char *piece = NULL;
  GString *account = g_string_new (NULL);

  read_byte (reader, &repeat);
  piece = read_string (reader);
  for (guint i = 0; i <= (repeat & 63u) && account->len < LP_FREE_MAX_CHARS; i++)
    g_string_append (account, piece);
  g_free (facts->account);
  facts->account = g_string_free (account, FALSE);
}

static void
edit_amount (LpFacts *facts,
             Reader  *reader)
{
  guint64 cents = 0;
  guint8 byte;

  for (guint i = 0; i < 6 && read_byte (reader, &byte); i++)
    cents = cents << 8 | byte;
  facts->has_amount = cents != 0;
  facts->amount_cents = (gint64) cents;
}

static void
edit_consequences (LpFacts *facts,
                   Reader  *reader)
{
  GPtrArray *known = lp_fuzz_campaign ()->consequences;
  guint8 which = 0;

  read_byte (reader, &which);
  if (which == 255 || known->len == 0)
    g_ptr_array_set_size (facts->consequences, 0);
  else if (facts->consequences->len < 16)
    {
      const LpCampaignChoice *choice = g_ptr_array_index (known, which % known->len);

      g_ptr_array_add (facts->consequences, g_strdup (choice->id));
    }
}

enum {
  EDIT_COMPLAINANT,
  EDIT_REPRESENTATIVE,
  EDIT_GIVEN_NAMES,
  EDIT_INSURER,
  EDIT_OPERATOR,
  EDIT_NOTIFIED,
  EDIT_NOTIFIED_ON,
  EDIT_CHANNEL,
  EDIT_MEMBER_NUMBER,
  EDIT_CONSEQUENCES,
  EDIT_ACCOUNT,
  EDIT_PREJUDICE,
  EDIT_AMOUNT,
  EDIT_SIGNATURE_PLACE,
  EDIT_SIGNATURE_DATE,
  EDIT_NO_GIVEN_NAME,
  N_EDITS
};

static void
apply_edit (LpComplaint *complaint,
            guint8       edit,
            Reader      *reader)
{
  LpFacts *facts = &complaint->facts;
  guint8 index = 0;

  switch (edit % N_EDITS)
    {
    case EDIT_COMPLAINANT:
      read_byte (reader, &index);
      replace (person_field (&complaint->complainant, index), read_string (reader));
      break;
    case EDIT_REPRESENTATIVE:
      read_byte (reader, &index);
      if (complaint->representative != NULL)
        replace (person_field (complaint->representative, index), read_string (reader));
      break;
    case EDIT_GIVEN_NAMES:
      edit_given_names (&complaint->complainant, reader);
      break;
    case EDIT_INSURER:
      replace (&facts->insurer, read_string (reader));
      break;
    case EDIT_OPERATOR:
      replace (&facts->operator_id, read_string (reader));
      break;
    case EDIT_NOTIFIED:
      facts->notified = !facts->notified;
      break;
    case EDIT_NOTIFIED_ON:
      replace (&facts->notified_on, read_string (reader));
      break;
    case EDIT_CHANNEL:
      replace (&facts->notification_channel, read_string (reader));
      break;
    case EDIT_MEMBER_NUMBER:
      replace (&facts->member_number, read_string (reader));
      break;
    case EDIT_CONSEQUENCES:
      edit_consequences (facts, reader);
      break;
    case EDIT_ACCOUNT:
      edit_account (facts, reader);
      break;
    case EDIT_PREJUDICE:
      replace (&facts->prejudice_description, read_string (reader));
      break;
    case EDIT_AMOUNT:
      edit_amount (facts, reader);
      break;
    case EDIT_SIGNATURE_PLACE:
      replace (&complaint->signature_place, read_string (reader));
      break;
    case EDIT_SIGNATURE_DATE:
      replace (&complaint->signature_date, read_string (reader));
      break;
    case EDIT_NO_GIVEN_NAME:
      complaint->complainant.no_given_name = !complaint->complainant.no_given_name;
      break;
    default:
      g_assert_not_reached ();
    }
}

static LpComplaint *
complaint_from_edits (const uint8_t *data,
                      size_t         size)
{
  Reader reader = { data + 1, size - 1 };
  LpComplaint *complaint = lp_complaint_copy (bases[data[0] & 1]);
  guint8 edit;

  while (read_byte (&reader, &edit))
    apply_edit (complaint, edit, &reader);
  return complaint;
}

/* ---- Complaint files ------------------------------------------------------------------------ */

static gboolean
is_test_data_file (const LpAttachment *attachment)
{
  g_autofree char *dir = NULL;

  if (attachment->path == NULL || strstr (attachment->path, "..") != NULL)
    return FALSE;
  dir = g_path_get_dirname (attachment->path);
  return strcmp (dir, FUZZ_BASE_DIR) == 0;
}

static LpComplaint *
complaint_from_file (const uint8_t *data,
                     size_t         size)
{
  g_autoptr(GPtrArray) complaints = NULL;
  LpComplaint *complaint;
  guint i = 0;

  complaints = lp_complaint_load_data ((const char *) data, (gssize) size, FUZZ_BASE_DIR, NULL);
  if (complaints == NULL || complaints->len == 0)
    return NULL;
  complaint = lp_complaint_copy (g_ptr_array_index (complaints, 0));
  while (i < complaint->attachments->len)
    {
      if (i < MAX_ATTACHMENTS && is_test_data_file (g_ptr_array_index (complaint->attachments, i)))
        i++;
      else
        g_ptr_array_remove_index (complaint->attachments, i);
    }
  return complaint;
}

/* ---- Rendering ------------------------------------------------------------------------------ */

static void
check_pdf (GBytes       *pdf,
           const GError *error)
{
  if (pdf == NULL)
    {
      if (error == NULL || error->domain != LP_LETTER_ERROR)
        abort ();
      return;
    }
  if (g_bytes_get_size (pdf) < 5 || memcmp (g_bytes_get_data (pdf, NULL), "%PDF-", 5) != 0)
    abort ();
}

static void
render_all (const LpComplaint *complaint)
{
  const LpCampaign *campaign = lp_fuzz_campaign ();
  g_autoptr(GDateTime) when = g_date_time_new_utc (2024, 3, 1, 10, 30, 0);
  LpReceiptInfo info = {
    .when = when,
    .route = "print",
    .recipient = "Imprimante de la mairie",
    .letter_sha256 = "0000000000000000000000000000000000000000000000000000000000000000",
  };
  g_autoptr(GError) letter_error = NULL;
  g_autoptr(GError) cover_error = NULL;
  g_autoptr(GError) receipt_error = NULL;
  g_autoptr(GBytes) letter = NULL;
  g_autoptr(GBytes) cover = NULL;
  g_autoptr(GBytes) receipt = NULL;

  letter = lp_letter_render (complaint, campaign, &letter_error);
  check_pdf (letter, letter_error);
  cover = lp_cover_sheet_render (complaint, campaign, &cover_error);
  check_pdf (cover, cover_error);
  receipt = lp_receipt_render (complaint, campaign, &info, &receipt_error);
  check_pdf (receipt, receipt_error);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(LpComplaint) complaint = NULL;
  g_autoptr(LpIssueList) issues = lp_issue_list_new ();

  if (size == 0 || size > MAX_INPUT_SIZE)
    return 0;
  if (data[0] == '{' || data[0] == '[')
    complaint = complaint_from_file (data, size);
  else
    complaint = complaint_from_edits (data, size);
  if (complaint == NULL)
    return 0;

  lp_validate_complaint (complaint, lp_fuzz_campaign (), lp_fuzz_today (), issues);
  if (lp_issue_list_has_errors (issues))
    return 0;
  render_all (complaint);
  return 0;
}
