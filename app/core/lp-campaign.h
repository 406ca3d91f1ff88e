/* lp-campaign.h — everything specific to one breach (architecture.md §4)
 *
 * Loaded from assets/campaigns/<id>.json and checked against the schema documented in
 * assets/campaigns/README.md: a campaign that does not validate is refused with an
 * error that gives the JSON path. Immutable once loaded; reference-counted.
 *
 * The French wording of the letter, the cover sheet and the receipt lives in the
 * campaign's "texts" object as named templates with {placeholders}; the letter code holds
 * the layout and no French sentence. lp_campaign_get_text() never returns NULL for a key
 * listed in lp_campaign_required_texts(): the loader refused the file otherwise.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LP_CAMPAIGN_FORMAT   "lettre-plainte/campaign"
#define LP_CAMPAIGN_VERSION  1

#define LP_CAMPAIGN_ERROR (lp_campaign_error_quark ())
typedef enum {
  LP_CAMPAIGN_ERROR_NOT_FOUND,
  LP_CAMPAIGN_ERROR_INVALID,   /* not JSON, or does not follow the schema */
} LpCampaignError;
GQuark lp_campaign_error_quark (void);

typedef struct {
  char *id;
  char *label;       /* French label, used in the letter */
} LpCampaignChoice;

typedef struct {
  char *code;        /* "Code pénal" */
  char *article;     /* "323-1" */
  char *label;       /* "accès ou maintien frauduleux dans un système de traitement automatisé de données" */
  char *penalty;     /* "3 ans d’emprisonnement et 100 000 € d’amende" (current text of the law) */
} LpCampaignOffence;

typedef struct {
  char *name;        /* "France Victimes" */
  char *number;      /* "116 006" */
  char *description;
} LpCampaignHelpline;

typedef struct _LpCampaign LpCampaign;

struct _LpCampaign {
  char *id;
  char *title;
  char *verified_on;             /* ISO date */
  char *case_reference;          /* "BL2C 2024/030" */
  char *recipient_email;         /* electronic recipient (FranceTransfert) */
  char *recipient_page_url;      /* FranceTransfert upload page */
  GStrv postal_recipient;        /* address lines, in order */
  GPtrArray *operators;          /* LpCampaignChoice*: viamedis, almerys, unknown */
  GStrv insurers;                /* suggestions */
  GStrv leaked_data;             /* French noun phrases: "numéro de sécurité sociale (NIR)" */
  GPtrArray *offences;           /* LpCampaignOffence* */
  GPtrArray *consequences;       /* LpCampaignChoice* */
  GPtrArray *notification_channels; /* LpCampaignChoice*: courrier, e-mail, sms, ... */
  GStrv next_steps;              /* advice after filing (French) */
  GPtrArray *helplines;          /* LpCampaignHelpline* */
  GHashTable *texts;             /* key -> template (French) */
  /*< private >*/
  gint ref_count;
};

GType        lp_campaign_get_type        (void) G_GNUC_CONST;
#define LP_TYPE_CAMPAIGN (lp_campaign_get_type ())

LpCampaign  *lp_campaign_new_from_data   (const char  *data,
                                          gssize       length,
                                          GError     **error);
LpCampaign  *lp_campaign_new_from_file   (const char  *path,
                                          GError     **error);
/* Finds assets/campaigns/<id>.json in the data directories (lp-paths.h) and loads it. */
LpCampaign  *lp_campaign_load_by_id      (const char  *id,
                                          GError     **error);
LpCampaign  *lp_campaign_ref             (LpCampaign *campaign);
void         lp_campaign_unref           (LpCampaign *campaign);

/* The template for @key, or NULL when the campaign has none. */
const char  *lp_campaign_get_text        (const LpCampaign *campaign,
                                          const char       *key);
/* The keys the loader insists on, NULL-terminated. */
const char * const *lp_campaign_required_texts (void);
/* The placeholder names a template in "texts" may use, NULL-terminated (the loader refuses
 * any other; lp-campaign-texts.c, documented in assets/campaigns/README.md). */
const char * const *lp_campaign_allowed_placeholders (void);

/* The consequence a person ticks when nothing has happened yet ("Nothing so far"): it
 * excludes the others in the wizard, and the letter says it in its own sentence
 * (texts.consequences_none) rather than as an item of the list. */
#define LP_CONSEQUENCE_NONE_YET "none-yet"

/* recipient.postal: what the cover sheet's address block shows in a window envelope
 * (NF EN ISO 269 DL window, La Poste's six lines). */
#define LP_CAMPAIGN_POSTAL_MAX_LINES 6

const LpCampaignChoice *lp_campaign_find_operator     (const LpCampaign *campaign,
                                                       const char       *id);
const LpCampaignChoice *lp_campaign_find_consequence  (const LpCampaign *campaign,
                                                       const char       *id);
const LpCampaignChoice *lp_campaign_find_channel      (const LpCampaign *campaign,
                                                       const char       *id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LpCampaign, lp_campaign_unref)

G_END_DECLS
