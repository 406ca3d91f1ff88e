/* test-complaint-household.c — lp_complaint_new_for_household(): the next complaint of the
 * same household keeps the shared facts (address, phone, insurer, how they were told) and
 * nothing that belongs to the previous person. */
#include "lp-complaint.h"
#include "lp-test-utils.h"

static void
test_household_copies_shared_facts (void)
{
  g_autoptr (LpComplaint) from = lp_test_load_complaint ("complaint-attachments.json");
  g_autoptr (LpComplaint) next = NULL;

  g_assert_cmpuint (from->attachments->len, >, 0);
  g_assert_cmpstr (from->complainant.birth_name, !=, "");
  next = lp_complaint_new_for_household (from);

  g_assert_cmpstr (next->campaign, ==, from->campaign);
  g_assert_cmpstr (next->complainant.address.street, ==, "12 rue des Lilas");
  g_assert_cmpstr (next->complainant.address.complement, ==, from->complainant.address.complement);
  g_assert_cmpstr (next->complainant.address.postal_code, ==, "69003");
  g_assert_cmpstr (next->complainant.address.city, ==, "Lyon");
  g_assert_cmpstr (next->complainant.address.country, ==, "France");
  g_assert_cmpstr (next->complainant.phone, ==, "06 39 98 77 12");
  g_assert_cmpstr (next->facts.insurer, ==, "Mutuelle des Tilleuls");
  g_assert_cmpstr (next->facts.operator_id, ==, "viamedis");
  g_assert_true (next->facts.notified);
  g_assert_cmpstr (next->facts.notified_on, ==, "2024-02-09");
  g_assert_cmpstr (next->facts.notification_channel, ==, "courrier");
}

static void
test_household_leaves_the_person_out (void)
{
  g_autoptr (LpComplaint) from = lp_test_load_complaint ("complaint-attachments.json");
  g_autoptr (LpComplaint) next = NULL;

  lp_complaint_free (g_steal_pointer (&from));
  from = lp_test_load_complaint ("complaint-attachments.json");
  from->representative = lp_person_new ();
  next = lp_complaint_new_for_household (from);

  /* Who the person is, what happened to them, their documents and signature: not copied. */
  g_assert_cmpstr (next->complainant.civility, ==, "");
  g_assert_cmpstr (next->complainant.birth_name, ==, "");
  g_assert_cmpuint (next->complainant.given_names->len, ==, 0);
  g_assert_cmpstr (next->complainant.birth_date, ==, "");
  g_assert_cmpstr (next->complainant.birth_place.commune, ==, "");
  g_assert_cmpstr (next->complainant.email, ==, "");
  g_assert_cmpstr (next->complainant.nir, ==, "");
  g_assert_cmpstr (next->complainant.profession, ==, "");
  g_assert_null (next->representative);
  g_assert_cmpstr (next->facts.member_number, ==, "");
  g_assert_cmpuint (next->facts.consequences->len, ==, 0);
  g_assert_cmpstr (next->facts.account, ==, "");
  g_assert_cmpstr (next->facts.prejudice_description, ==, "");
  g_assert_false (next->facts.has_amount);
  g_assert_cmpuint (next->attachments->len, ==, 0);
  g_assert_null (next->signature_png);
  g_assert_cmpstr (next->signature_place, ==, "");
  g_assert_cmpstr (next->signature_date, ==, "");

  /* A copy, not a share: freeing the first leaves the second whole. */
  g_clear_pointer (&from, lp_complaint_free);
  g_assert_cmpstr (next->complainant.address.city, ==, "Lyon");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/complaint/household/copies-shared-facts", test_household_copies_shared_facts);
  g_test_add_func ("/complaint/household/leaves-the-person-out", test_household_leaves_the_person_out);
  return g_test_run ();
}
