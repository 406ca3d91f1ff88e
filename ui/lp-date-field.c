/* lp-date-field.c — see lp-date-field.h */
#define G_LOG_DOMAIN "lp-date-field"

#include "lp-date-field.h"

#include <glib/gi18n-lib.h>
#include <string.h>

enum { PART_DAY, PART_MONTH, PART_YEAR, N_PARTS };

struct _LpDateField
{
  LpFormField parent_instance;

  GtkEntry *parts[N_PARTS];
  gboolean  loading;
};

G_DEFINE_FINAL_TYPE (LpDateField, lp_date_field, LP_TYPE_FORM_FIELD)

static const char *
part_name (guint part)
{
  switch (part)
    {
    case PART_DAY:
      /* Translators: one of the three boxes of a date (DSFR: "Jour") */
      return _("Day");
    case PART_MONTH:
      /* Translators: one of the three boxes of a date (DSFR: "Mois") */
      return _("Month");
    case PART_YEAR:
      /* Translators: one of the three boxes of a date (DSFR: "Année") */
      return _("Year");
    default:
      g_assert_not_reached ();
    }
}

static const char *
part_hint (guint part)
{
  switch (part)
    {
    case PART_DAY:
      /* Translators: hint under the day box of a date (DSFR: "Exemple : 14") */
      return _("Example: 14");
    case PART_MONTH:
      /* Translators: hint under the month box of a date (DSFR: "Exemple : 12") */
      return _("Example: 12");
    case PART_YEAR:
      /* Translators: hint under the year box of a date (DSFR: "Exemple : 1984") */
      return _("Example: 1984");
    default:
      g_assert_not_reached ();
    }
}

/* Only digits: the model holds an ISO date and a letter could only become an error. */
static void
insert_text_cb (GtkEditable *editable,
                const char  *text,
                int          length,
                int         *position,
                gpointer     user_data)
{
  gsize len = length < 0 ? strlen (text) : (gsize) length;

  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (text[i]))
      {
        g_signal_stop_emission_by_name (editable, "insert-text");
        gtk_widget_error_bell (GTK_WIDGET (editable));
        return;
      }
}

static void
part_changed_cb (LpDateField *self)
{
  if (!self->loading)
    lp_form_field_notify_changed (LP_FORM_FIELD (self));
}

static GList *
lp_date_field_get_accessibles (LpFormField *field)
{
  LpDateField *self = LP_DATE_FIELD (field);
  GList *list = NULL;

  for (guint i = N_PARTS; i > 0; i--)
    if (self->parts[i - 1] != NULL)
      list = g_list_prepend (list, self->parts[i - 1]);
  return list;
}

static void
label_parts (LpDateField *self)
{
  const char *label = lp_form_field_get_label (LP_FORM_FIELD (self));

  for (guint i = 0; i < N_PARTS; i++)
    {
      /* Translators: accessible name of one box of a date: the date's name, then "Day",
       * "Month" or "Year", e.g. "Date of birth, day" */
      g_autofree char *name = g_strdup_printf (C_("date part", "%s, %s"),
                                               label != NULL ? label : "", part_name (i));

      gtk_accessible_update_property (GTK_ACCESSIBLE (self->parts[i]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
    }
}

static GtkWidget *
build_part (LpDateField *self,
            guint        part)
{
  static const int width[N_PARTS] = { 2, 2, 4 };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *name = gtk_label_new (part_name (part));
  GtkWidget *hint = gtk_label_new (part_hint (part));
  GtkWidget *entry = gtk_entry_new ();
  GtkEditable *text = gtk_editable_get_delegate (GTK_EDITABLE (entry));

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_widget_add_css_class (name, "lp-date-part-label");
  gtk_widget_add_css_class (hint, "lp-field-hint");
  gtk_entry_set_max_length (GTK_ENTRY (entry), width[part]);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), width[part] + 2);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_DIGITS);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_widget_set_halign (entry, GTK_ALIGN_START);
  g_signal_connect (text, "insert-text", G_CALLBACK (insert_text_cb), NULL);
  g_signal_connect_swapped (entry, "changed", G_CALLBACK (part_changed_cb), self);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), hint);
  gtk_box_append (GTK_BOX (box), entry);
  self->parts[part] = GTK_ENTRY (entry);
  return box;
}

static void
lp_date_field_class_init (LpDateFieldClass *klass)
{
  LP_FORM_FIELD_CLASS (klass)->get_accessibles = lp_date_field_get_accessibles;
  LP_FORM_FIELD_CLASS (klass)->names_own_accessibles = TRUE;   /* Day, Month, Year */
}

static void
lp_date_field_init (LpDateField *self)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 16);

  gtk_widget_add_css_class (row, "lp-date");
  for (guint i = 0; i < N_PARTS; i++)
    gtk_box_append (GTK_BOX (row), build_part (self, i));
  lp_form_field_set_control (LP_FORM_FIELD (self), row);
  g_signal_connect (self, "notify::label", G_CALLBACK (label_parts), NULL);
  label_parts (self);
}

LpDateField *
lp_date_field_new (const char *label,
                   const char *path)
{
  return g_object_new (LP_TYPE_DATE_FIELD, "label", label, "path", path, NULL);
}

static const char *
part_text (LpDateField *self,
           guint        part)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->parts[part]));
}

/* "7" -> "07", "" -> "00", "84" -> "0084": the validator then names the wrong part. */
static void
append_padded (GString    *out,
               const char *digits,
               guint       width)
{
  gsize len = strlen (digits);

  for (gsize i = len; i < width; i++)
    g_string_append_c (out, '0');
  g_string_append (out, digits);
}

char *
lp_date_field_dup_iso (LpDateField *self)
{
  GString *iso;

  g_return_val_if_fail (LP_IS_DATE_FIELD (self), NULL);
  if (part_text (self, PART_DAY)[0] == '\0' && part_text (self, PART_MONTH)[0] == '\0'
      && part_text (self, PART_YEAR)[0] == '\0')
    return g_strdup ("");

  iso = g_string_new (NULL);
  append_padded (iso, part_text (self, PART_YEAR), 4);
  g_string_append_c (iso, '-');
  append_padded (iso, part_text (self, PART_MONTH), 2);
  g_string_append_c (iso, '-');
  append_padded (iso, part_text (self, PART_DAY), 2);
  return g_string_free (iso, FALSE);
}

/* "0084" -> "84", "00" -> "": gives back what the person typed. */
static const char *
skip_padding (const char *digits)
{
  while (digits[0] == '0' && digits[1] != '\0')
    digits++;
  return g_strcmp0 (digits, "0") == 0 ? "" : digits;
}

void
lp_date_field_set_iso (LpDateField *self,
                       const char  *iso)
{
  g_auto (GStrv) fields = NULL;
  const char *values[N_PARTS] = { "", "", "" };

  g_return_if_fail (LP_IS_DATE_FIELD (self));
  if (iso != NULL && iso[0] != '\0')
    {
      fields = g_strsplit (iso, "-", 3);
      if (g_strv_length (fields) == 3)
        {
          /* Months and days keep their zero ("03"), as on paper forms; a part that was
           * left empty was stored as zeros and comes back empty. */
          values[PART_YEAR] = skip_padding (fields[0]);
          values[PART_MONTH] = g_strcmp0 (fields[1], "00") == 0 ? "" : fields[1];
          values[PART_DAY] = g_strcmp0 (fields[2], "00") == 0 ? "" : fields[2];
        }
    }
  self->loading = TRUE;
  for (guint i = 0; i < N_PARTS; i++)
    gtk_editable_set_text (GTK_EDITABLE (self->parts[i]), values[i]);
  self->loading = FALSE;
}

GtkEditable *
lp_date_field_get_part (LpDateField *self,
                        guint        index)
{
  g_return_val_if_fail (LP_IS_DATE_FIELD (self), NULL);
  g_return_val_if_fail (index < N_PARTS, NULL);
  return GTK_EDITABLE (self->parts[index]);
}
