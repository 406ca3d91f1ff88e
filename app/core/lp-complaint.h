/* lp-complaint.h — one complaint, as the person typed it (architecture.md §3)
 *
 * A plain value type: public fields, every string non-NULL (empty when not given) once
 * created with lp_complaint_new() or loaded. Field values are kept exactly as typed: no
 * trimming, no case change, because the letter must give back what the person wrote.
 * Freeing zeroes every string first (architecture.md §8).
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LP_COMPLAINT_FORMAT   "lettre-plainte/complaint"
#define LP_COMPLAINT_VERSION  1

typedef struct {
  char *commune;
  char *department;   /* "69", "2A", "971"; empty when born abroad */
  char *country;      /* "France" or the country of birth */
} LpBirthPlace;

typedef struct {
  char *street;
  char *complement;
  char *postal_code;
  char *city;
  char *country;
} LpAddress;

/* The identity and contact of a person: the complainant, or the legal representative. */
typedef struct {
  char *civility;        /* "madame", "monsieur" or "" (no answer) */
  char *birth_name;
  char *usage_name;
  GPtrArray *given_names;  /* of char*, in order */
  gboolean no_given_name;  /* explicit "I have no given name" */
  char *birth_date;      /* ISO YYYY-MM-DD as typed */
  LpBirthPlace birth_place;
  char *nationality;
  char *profession;
  LpAddress address;
  char *phone;
  char *email;
  char *nir;             /* social-security number as typed (spaces allowed), or "" */
  char *quality;         /* representative only: "mère", "père", "tuteur", ...; "" otherwise */
} LpPerson;

typedef struct {
  char *insurer;
  char *operator_id;           /* "viamedis", "almerys", "unknown" or "" */
  gboolean notified;
  char *notified_on;           /* ISO date or "" */
  char *notification_channel;  /* campaign channel id or "" */
  char *member_number;
  GPtrArray *consequences;     /* campaign consequence ids (char*) */
  char *account;               /* the person's own words */
  char *prejudice_description;
  gboolean has_amount;
  gint64 amount_cents;         /* prejudice.amount_eur × 100, when has_amount */
} LpFacts;

typedef struct {
  char *file;   /* as written in the JSON, relative to the JSON file */
  char *title;
  char *path;   /* resolved absolute path (not saved) */
} LpAttachment;

typedef struct {
  char *campaign;
  LpPerson complainant;
  LpPerson *representative;    /* NULL when the person files for themself */
  LpFacts facts;
  char *signature_place;
  char *signature_date;
  GBytes *signature_png;       /* decoded image_png_base64, or NULL */
  GPtrArray *attachments;      /* of LpAttachment* */
} LpComplaint;

GType        lp_complaint_get_type         (void) G_GNUC_CONST;
#define LP_TYPE_COMPLAINT (lp_complaint_get_type ())

LpComplaint *lp_complaint_new              (void);
LpComplaint *lp_complaint_copy             (const LpComplaint *complaint);
/* The next complaint of the same household (assisted mode: each adult files their own):
 * a new complaint with @from's campaign, the complainant's address and phone, and the
 * insurer, operator, "notified", date and channel copied; nothing else (no name, NIR,
 * account, attachment or signature). */
LpComplaint *lp_complaint_new_for_household (const LpComplaint *from);
/* Zeroes every string and image, then frees. */
void         lp_complaint_free             (LpComplaint *complaint);

void         lp_person_init                (LpPerson *person);
void         lp_person_clear               (LpPerson *person);
void         lp_person_copy_into           (LpPerson       *dest,
                                            const LpPerson *src);
LpPerson    *lp_person_new                 (void);
void         lp_person_free                (LpPerson *person);

LpAttachment *lp_attachment_new            (const char *file,
                                            const char *title);
void          lp_attachment_free           (LpAttachment *attachment);
/* Where the file is: the resolved path when there is one, else the file as written. */
const char   *lp_attachment_get_disk_path (const LpAttachment *attachment);

/* "Élodie Marie Dupré", with "née Dupré" handled by the letter, not here: given names
 * joined by spaces, then the usage name if any, else the birth name. */
char        *lp_person_dup_display_name    (const LpPerson *person);

/* The person the letter speaks for is always the complainant; the signer is the
 * representative when there is one. */
const LpPerson *lp_complaint_get_signer    (const LpComplaint *complaint);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LpComplaint, lp_complaint_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LpPerson, lp_person_free)

G_END_DECLS
