/* lp-receipt-view.c — see lp-receipt-view.h */
#define G_LOG_DOMAIN "lp-receipt-view"

#include "lp-receipt-view.h"
#include "lp-ui.h"

#include <glib/gi18n-lib.h>

struct _LpReceiptView
{
  GtkWidget parent_instance;

  GtkWidget *heading;
  GtkGrid   *facts;
  GtkWidget *print_button;
  GtkWidget *save_button;
  GtkWidget *advice;        /* box: next steps and helplines, rebuilt by show() */
  GtkWidget *household_button;
  GtkWidget *finish_button;
  guint      n_rows;
};

G_DEFINE_FINAL_TYPE (LpReceiptView, lp_receipt_view, GTK_TYPE_WIDGET)

enum {
  SIGNAL_PRINT_SUMMARY,
  SIGNAL_SAVE_SUMMARY,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

static GtkWidget *
wrapped_label (const char *text,
               const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (label, TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
heading_label (const char *text)
{
  /* The role is construct-only in GTK 4.8. */
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL, "label", text,
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING, NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, "lp-section-heading");
  return label;
}

static GtkWidget *
button_with_mnemonic (const char *text,
                      gboolean    suggested)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (text);

  gtk_widget_add_css_class (button, "lp-secondary-button");
  if (suggested)
    gtk_widget_add_css_class (button, "suggested-action");
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  lp_ui_name_after_label (button);
  return button;
}

/* ---- The facts --------------------------------------------------------------------------- */

static const char *
route_in_words (const char *route)
{
  if (g_strcmp0 (route, "relay") == 0 || g_strcmp0 (route, "webdav") == 0)
    return _("Sent over the Internet, through the secure server of this place");
  if (g_strcmp0 (route, "francetransfert") == 0)
    return _("Sent over the Internet, through FranceTransfert");
  if (g_strcmp0 (route, "print") == 0)
    return _("Printed, to be posted by registered letter");
  if (g_strcmp0 (route, "save") == 0)
    return _("Saved as a PDF file");
  return route != NULL ? route : "";
}

/* "3a7bd3e2 360a3d29 ..." : the same digits, in groups that the eye can follow and compare. */
static char *
group_digits (const char *hex)
{
  GString *grouped = g_string_new (NULL);

  for (const char *p = hex; *p != '\0'; p++)
    {
      if (p != hex && (p - hex) % 8 == 0)
        g_string_append_c (grouped, ' ');
      g_string_append_c (grouped, *p);
    }
  return g_string_free (grouped, FALSE);
}

static void
add_fact (LpReceiptView *self,
          const char    *label,
          const char    *value)
{
  GtkWidget *name;
  GtkWidget *text;

  if (value == NULL || value[0] == '\0')
    return;
  name = wrapped_label (label, "lp-body");
  gtk_widget_set_hexpand (name, FALSE);
  gtk_widget_set_valign (name, GTK_ALIGN_START);
  gtk_widget_add_css_class (name, "dim-label");
  text = wrapped_label (value, "lp-lead");
  gtk_label_set_selectable (GTK_LABEL (text), TRUE);
  /* Read as "Receipt number: R-…" by a screen reader. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (text), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  name, NULL, -1);
  gtk_grid_attach (self->facts, name, 0, (int) self->n_rows, 1, 1);
  gtk_grid_attach (self->facts, text, 1, (int) self->n_rows, 1, 1);
  self->n_rows++;
}

static void
clear_container (GtkWidget *container)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (container)) != NULL)
    {
      if (GTK_IS_GRID (container))
        gtk_grid_remove (GTK_GRID (container), child);
      else
        gtk_box_remove (GTK_BOX (container), child);
    }
}

static void
fill_advice (LpReceiptView    *self,
             const LpCampaign *campaign)
{
  GtkBox *advice = GTK_BOX (self->advice);

  clear_container (self->advice);
  gtk_widget_set_visible (self->advice, FALSE);
  if (campaign == NULL)
    return;

  if (campaign->next_steps != NULL && campaign->next_steps[0] != NULL)
    {
      gtk_box_append (advice, heading_label (_("What to do next")));
      for (guint i = 0; campaign->next_steps[i] != NULL; i++)
        {
          g_autofree char *line = g_strconcat ("•  ", campaign->next_steps[i], NULL);

          gtk_box_append (advice, wrapped_label (line, "lp-body"));
        }
      gtk_widget_set_visible (self->advice, TRUE);
    }
  if (campaign->helplines != NULL && campaign->helplines->len > 0)
    {
      gtk_box_append (advice, heading_label (_("Who can help you")));
      for (guint i = 0; i < campaign->helplines->len; i++)
        {
          const LpCampaignHelpline *line = g_ptr_array_index (campaign->helplines, i);
          g_autofree char *title = g_strdup_printf ("%s — %s", line->name, line->number);

          gtk_box_append (advice, wrapped_label (title, "lp-lead"));
          if (line->description != NULL && line->description[0] != '\0')
            gtk_box_append (advice, wrapped_label (line->description, "lp-body"));
        }
      gtk_widget_set_visible (self->advice, TRUE);
    }
}

void
lp_receipt_view_show (LpReceiptView       *self,
                      const LpReceiptInfo *info,
                      const LpCampaign    *campaign,
                      gboolean             can_save)
{
  g_autofree char *when = NULL;
  g_autofree char *digits = NULL;
  gboolean printed;

  g_return_if_fail (LP_IS_RECEIPT_VIEW (self));
  g_return_if_fail (info != NULL);

  printed = g_strcmp0 (info->route, "print") == 0;
  gtk_label_set_text (GTK_LABEL (self->heading),
                      printed ? _("Summary of your printed complaint")
                              : _("Summary of your complaint"));
  clear_container (GTK_WIDGET (self->facts));
  self->n_rows = 0;
  /* Translators: date and time on the summary, strftime format (30/03/2024 at 14:05) */
  when = info->when != NULL ? g_date_time_format (info->when, _("%d/%m/%Y at %H:%M")) : NULL;
  add_fact (self, _("Date and time"), when);
  add_fact (self, _("How"), route_in_words (info->route));
  add_fact (self, printed ? _("To be sent to") : _("Recipient"), info->recipient);
  add_fact (self, _("Receipt number"), info->receipt_id);
  digits = info->letter_sha256 != NULL ? group_digits (info->letter_sha256) : NULL;
  add_fact (self, _("Fingerprint of the letter (SHA-256)"), digits);
  add_fact (self, _("With the help of"), info->site_name);

  gtk_widget_set_visible (self->save_button, can_save);
  fill_advice (self, campaign);
}

void
lp_receipt_view_focus_heading (LpReceiptView *self)
{
  g_return_if_fail (LP_IS_RECEIPT_VIEW (self));
  gtk_widget_grab_focus (self->heading);
}

static void
collect_text (GtkWidget *widget,
              GString   *out)
{
  if (!gtk_widget_get_visible (widget))
    return;
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_text (child, out);
}

char *
lp_receipt_view_dup_text (LpReceiptView *self)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (LP_IS_RECEIPT_VIEW (self), NULL);
  collect_text (GTK_WIDGET (self), text);
  return g_string_free (text, FALSE);
}

GtkWidget *
lp_receipt_view_get_button (LpReceiptView *self,
                            const char    *name)
{
  g_return_val_if_fail (LP_IS_RECEIPT_VIEW (self), NULL);
  if (g_str_equal (name, "print"))
    return self->print_button;
  if (g_str_equal (name, "save"))
    return self->save_button;
  if (g_str_equal (name, "household"))
    return self->household_button;
  if (g_str_equal (name, "finish"))
    return self->finish_button;
  return NULL;
}

/* ---- Buttons ----------------------------------------------------------------------------- */

static void
activate_app_action (GtkWidget  *button,
                     const char *action)
{
  /* LpApplication implements it; the button only asks. */
  if (!gtk_widget_activate_action (button, action, NULL))
    g_debug ("no action %s", action);
}

static void
household_clicked_cb (GtkButton *button)
{
  activate_app_action (GTK_WIDGET (button), "app.new-household-complaint");
}

static void
finish_clicked_cb (GtkButton *button)
{
  activate_app_action (GTK_WIDGET (button), "app.erase-and-finish");
}

static void
print_clicked_cb (LpReceiptView *self)
{
  g_signal_emit (self, signals[SIGNAL_PRINT_SUMMARY], 0);
}

static void
save_clicked_cb (LpReceiptView *self)
{
  g_signal_emit (self, signals[SIGNAL_SAVE_SUMMARY], 0);
}

static void
lp_receipt_view_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (lp_receipt_view_parent_class)->dispose (object);
}

static void
lp_receipt_view_class_init (LpReceiptViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = lp_receipt_view_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "lp-receipt-view");

  /* "Print the summary": print the receipt PDF. */
  signals[SIGNAL_PRINT_SUMMARY] = g_signal_new ("print-summary", G_TYPE_FROM_CLASS (klass),
                                                G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                G_TYPE_NONE, 0);
  /* "Save the summary": save the receipt PDF. */
  signals[SIGNAL_SAVE_SUMMARY] = g_signal_new ("save-summary", G_TYPE_FROM_CLASS (klass),
                                               G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                               G_TYPE_NONE, 0);
}

static void
lp_receipt_view_init (LpReceiptView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkBoxLayout *layout = GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (widget));
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 16);
  GtkWidget *note;
  GtkWidget *row;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (layout, 24);

  self->heading = heading_label ("");
  /* Focusable, so that the focus can land on it when the summary appears. */
  gtk_widget_set_focusable (self->heading, TRUE);
  gtk_widget_set_parent (self->heading, widget);

  gtk_widget_add_css_class (card, "card");
  self->facts = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_column_spacing (self->facts, 24);
  gtk_grid_set_row_spacing (self->facts, 12);
  gtk_widget_set_margin_start (GTK_WIDGET (self->facts), 24);
  gtk_widget_set_margin_end (GTK_WIDGET (self->facts), 24);
  gtk_widget_set_margin_top (GTK_WIDGET (self->facts), 20);
  gtk_box_append (GTK_BOX (card), GTK_WIDGET (self->facts));
  note = wrapped_label (_("This summary is not an official receipt. Keep it with your copy of "
                          "the letter."), "lp-body");
  gtk_widget_set_margin_start (note, 24);
  gtk_widget_set_margin_end (note, 24);
  gtk_widget_set_margin_bottom (note, 20);
  gtk_box_append (GTK_BOX (card), note);
  gtk_widget_set_parent (card, widget);

  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  self->print_button = button_with_mnemonic (_("P_rint the summary"), FALSE);
  g_signal_connect_swapped (self->print_button, "clicked", G_CALLBACK (print_clicked_cb), self);
  gtk_box_append (GTK_BOX (row), self->print_button);
  self->save_button = button_with_mnemonic (_("Sa_ve the summary"), FALSE);
  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (save_clicked_cb), self);
  gtk_box_append (GTK_BOX (row), self->save_button);
  gtk_widget_set_parent (row, widget);

  self->advice = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_parent (self->advice, widget);

  gtk_widget_set_parent (gtk_separator_new (GTK_ORIENTATION_HORIZONTAL), widget);
  row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  self->household_button = button_with_mnemonic (_("_Another complaint for someone in my "
                                                   "household"), FALSE);
  g_signal_connect (self->household_button, "clicked", G_CALLBACK (household_clicked_cb), NULL);
  gtk_box_append (GTK_BOX (row), self->household_button);
  self->finish_button = button_with_mnemonic (_("_Erase my data and finish"), TRUE);
  g_signal_connect (self->finish_button, "clicked", G_CALLBACK (finish_clicked_cb), NULL);
  gtk_box_append (GTK_BOX (row), self->finish_button);
  gtk_widget_set_parent (row, widget);
}

GtkWidget *
lp_receipt_view_new (void)
{
  return g_object_new (LP_TYPE_RECEIPT_VIEW, NULL);
}
