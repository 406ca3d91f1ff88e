/* lp-complaint.c — see lp-complaint.h */
#define G_LOG_DOMAIN "lp-complaint"

#include "lp-complaint.h"
#include "lp-secure.h"

#include <string.h>

G_DEFINE_BOXED_TYPE (LpComplaint, lp_complaint, lp_complaint_copy, lp_complaint_free)

static GPtrArray *
copy_strings (const GPtrArray *src)
{
  GPtrArray *dest = lp_secure_strv_new ();

  for (guint i = 0; src != NULL && i < src->len; i++)
    g_ptr_array_add (dest, g_strdup (g_ptr_array_index (src, i)));
  return dest;
}

void
lp_person_init (LpPerson *person)
{
  char **fields[] = {
    &person->civility, &person->birth_name, &person->usage_name, &person->birth_date,
    &person->birth_place.commune, &person->birth_place.department, &person->birth_place.country,
    &person->nationality, &person->profession,
    &person->address.street, &person->address.complement, &person->address.postal_code,
    &person->address.city, &person->address.country,
    &person->phone, &person->email, &person->nir, &person->quality,
  };

  memset (person, 0, sizeof *person);
  for (gsize i = 0; i < G_N_ELEMENTS (fields); i++)
    *fields[i] = g_strdup ("");
  person->given_names = lp_secure_strv_new ();
}

void
lp_person_clear (LpPerson *person)
{
  char **fields[] = {
    &person->civility, &person->birth_name, &person->usage_name, &person->birth_date,
    &person->birth_place.commune, &person->birth_place.department, &person->birth_place.country,
    &person->nationality, &person->profession,
    &person->address.street, &person->address.complement, &person->address.postal_code,
    &person->address.city, &person->address.country,
    &person->phone, &person->email, &person->nir, &person->quality,
  };

  for (gsize i = 0; i < G_N_ELEMENTS (fields); i++)
    lp_secure_clear_string (fields[i]);
  g_clear_pointer (&person->given_names, g_ptr_array_unref);
  person->no_given_name = FALSE;
}

void
lp_person_copy_into (LpPerson       *dest,
                     const LpPerson *src)
{
  dest->civility = g_strdup (src->civility);
  dest->birth_name = g_strdup (src->birth_name);
  dest->usage_name = g_strdup (src->usage_name);
  dest->given_names = copy_strings (src->given_names);
  dest->no_given_name = src->no_given_name;
  dest->birth_date = g_strdup (src->birth_date);
  dest->birth_place.commune = g_strdup (src->birth_place.commune);
  dest->birth_place.department = g_strdup (src->birth_place.department);
  dest->birth_place.country = g_strdup (src->birth_place.country);
  dest->nationality = g_strdup (src->nationality);
  dest->profession = g_strdup (src->profession);
  dest->address.street = g_strdup (src->address.street);
  dest->address.complement = g_strdup (src->address.complement);
  dest->address.postal_code = g_strdup (src->address.postal_code);
  dest->address.city = g_strdup (src->address.city);
  dest->address.country = g_strdup (src->address.country);
  dest->phone = g_strdup (src->phone);
  dest->email = g_strdup (src->email);
  dest->nir = g_strdup (src->nir);
  dest->quality = g_strdup (src->quality);
}

LpPerson *
lp_person_new (void)
{
  LpPerson *person = g_new0 (LpPerson, 1);

  lp_person_init (person);
  return person;
}

void
lp_person_free (LpPerson *person)
{
  if (person == NULL)
    return;
  lp_person_clear (person);
  g_free (person);
}

LpAttachment *
lp_attachment_new (const char *file,
                   const char *title)
{
  LpAttachment *attachment = g_new0 (LpAttachment, 1);

  attachment->file = g_strdup (file ? file : "");
  attachment->title = g_strdup (title ? title : "");
  attachment->path = g_strdup ("");
  return attachment;
}

const char *
lp_attachment_get_disk_path (const LpAttachment *attachment)
{
  g_return_val_if_fail (attachment != NULL, NULL);
  return attachment->path != NULL && attachment->path[0] != '\0' ? attachment->path
                                                                   : attachment->file;
}

void
lp_attachment_free (LpAttachment *attachment)
{
  if (attachment == NULL)
    return;
  lp_secure_clear_string (&attachment->file);
  lp_secure_clear_string (&attachment->title);
  lp_secure_clear_string (&attachment->path);
  g_free (attachment);
}

static void
attachment_free_cb (gpointer data)
{
  lp_attachment_free (data);
}

static void
facts_init (LpFacts *facts)
{
  memset (facts, 0, sizeof *facts);
  facts->insurer = g_strdup ("");
  facts->operator_id = g_strdup ("");
  facts->notified_on = g_strdup ("");
  facts->notification_channel = g_strdup ("");
  facts->member_number = g_strdup ("");
  facts->consequences = lp_secure_strv_new ();
  facts->account = g_strdup ("");
  facts->prejudice_description = g_strdup ("");
}

static void
facts_clear (LpFacts *facts)
{
  lp_secure_clear_string (&facts->insurer);
  lp_secure_clear_string (&facts->operator_id);
  lp_secure_clear_string (&facts->notified_on);
  lp_secure_clear_string (&facts->notification_channel);
  lp_secure_clear_string (&facts->member_number);
  g_clear_pointer (&facts->consequences, g_ptr_array_unref);
  lp_secure_clear_string (&facts->account);
  lp_secure_clear_string (&facts->prejudice_description);
  facts->amount_cents = 0;
  facts->has_amount = FALSE;
  facts->notified = FALSE;
}

LpComplaint *
lp_complaint_new (void)
{
  LpComplaint *complaint = g_new0 (LpComplaint, 1);

  complaint->campaign = g_strdup ("");
  lp_person_init (&complaint->complainant);
  facts_init (&complaint->facts);
  complaint->signature_place = g_strdup ("");
  complaint->signature_date = g_strdup ("");
  complaint->attachments = g_ptr_array_new_with_free_func (attachment_free_cb);
  return complaint;
}

LpComplaint *
lp_complaint_copy (const LpComplaint *src)
{
  LpComplaint *dest = g_new0 (LpComplaint, 1);

  dest->campaign = g_strdup (src->campaign);
  lp_person_copy_into (&dest->complainant, &src->complainant);
  if (src->representative != NULL)
    {
      dest->representative = g_new0 (LpPerson, 1);
      lp_person_copy_into (dest->representative, src->representative);
    }
  dest->facts.insurer = g_strdup (src->facts.insurer);
  dest->facts.operator_id = g_strdup (src->facts.operator_id);
  dest->facts.notified = src->facts.notified;
  dest->facts.notified_on = g_strdup (src->facts.notified_on);
  dest->facts.notification_channel = g_strdup (src->facts.notification_channel);
  dest->facts.member_number = g_strdup (src->facts.member_number);
  dest->facts.consequences = copy_strings (src->facts.consequences);
  dest->facts.account = g_strdup (src->facts.account);
  dest->facts.prejudice_description = g_strdup (src->facts.prejudice_description);
  dest->facts.has_amount = src->facts.has_amount;
  dest->facts.amount_cents = src->facts.amount_cents;
  dest->signature_place = g_strdup (src->signature_place);
  dest->signature_date = g_strdup (src->signature_date);
  if (src->signature_png != NULL)
    dest->signature_png = lp_secure_bytes_new (g_bytes_get_data (src->signature_png, NULL),
                                               g_bytes_get_size (src->signature_png));
  dest->attachments = g_ptr_array_new_with_free_func (attachment_free_cb);
  for (guint i = 0; i < src->attachments->len; i++)
    {
      const LpAttachment *a = g_ptr_array_index (src->attachments, i);
      LpAttachment *copy = lp_attachment_new (a->file, a->title);

      lp_secure_set_string (&copy->path, a->path);
      g_ptr_array_add (dest->attachments, copy);
    }
  return dest;
}

/* Each field is set with lp_secure_set_string: lp_complaint_new() filled it with "". */
LpComplaint *
lp_complaint_new_for_household (const LpComplaint *from)
{
  LpComplaint *complaint;
  const LpAddress *address;

  g_return_val_if_fail (from != NULL, NULL);

  complaint = lp_complaint_new ();
  address = &from->complainant.address;
  lp_secure_set_string (&complaint->campaign, from->campaign);
  lp_secure_set_string (&complaint->complainant.address.street, address->street);
  lp_secure_set_string (&complaint->complainant.address.complement, address->complement);
  lp_secure_set_string (&complaint->complainant.address.postal_code, address->postal_code);
  lp_secure_set_string (&complaint->complainant.address.city, address->city);
  lp_secure_set_string (&complaint->complainant.address.country, address->country);
  lp_secure_set_string (&complaint->complainant.phone, from->complainant.phone);
  lp_secure_set_string (&complaint->facts.insurer, from->facts.insurer);
  lp_secure_set_string (&complaint->facts.operator_id, from->facts.operator_id);
  complaint->facts.notified = from->facts.notified;
  lp_secure_set_string (&complaint->facts.notified_on, from->facts.notified_on);
  lp_secure_set_string (&complaint->facts.notification_channel, from->facts.notification_channel);
  return complaint;
}

void
lp_complaint_free (LpComplaint *complaint)
{
  if (complaint == NULL)
    return;
  lp_secure_clear_string (&complaint->campaign);
  lp_person_clear (&complaint->complainant);
  g_clear_pointer (&complaint->representative, lp_person_free);
  facts_clear (&complaint->facts);
  lp_secure_clear_string (&complaint->signature_place);
  lp_secure_clear_string (&complaint->signature_date);
  g_clear_pointer (&complaint->signature_png, g_bytes_unref);
  g_clear_pointer (&complaint->attachments, g_ptr_array_unref);
  g_free (complaint);
}

char *
lp_person_dup_display_name (const LpPerson *person)
{
  GString *name = g_string_new (NULL);
  const char *family = person->usage_name[0] != '\0' ? person->usage_name : person->birth_name;

  for (guint i = 0; person->given_names != NULL && i < person->given_names->len; i++)
    {
      const char *given = g_ptr_array_index (person->given_names, i);

      if (given[0] == '\0')
        continue;
      if (name->len > 0)
        g_string_append_c (name, ' ');
      g_string_append (name, given);
    }
  if (family[0] != '\0')
    {
      if (name->len > 0)
        g_string_append_c (name, ' ');
      g_string_append (name, family);
    }
  return g_string_free (name, FALSE);
}

const LpPerson *
lp_complaint_get_signer (const LpComplaint *complaint)
{
  return complaint->representative != NULL ? complaint->representative : &complaint->complainant;
}
