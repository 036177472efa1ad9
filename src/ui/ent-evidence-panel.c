/* ent-evidence-panel.c: the panel of the evidence behind the selected entity or relation
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-evidence-panel"

#include "config.h"

#include "ent-evidence-panel.h"
#include "ent-mentions.h"
#include "ent-pane.h"

#include "ent-kind-swatch.h"
#include "ent-property-list.h"

#include <glib/gi18n.h>

struct _EntEvidencePanel
{
  GtkWidget      parent_instance;

  EntGraph      *graph;
  gint64         entity_id;
  gint64         relation_id;
  /* What each row of links_list stands for: relation ids when an entity is
   * shown, entity ids when a relation is shown. */
  GArray        *link_ids;
  /* The quote id of each row of quotes_list. */
  GArray        *quote_ids;

  GtkStack      *stack;
  GtkWidget     *scrolled_window;
  GtkWidget     *kind_dot;
  GtkLabel      *kind_label;
  GtkLabel      *title_label;
  GtkLabel      *description_label;
  GtkLabel      *dates_label;
  EntPropertyList *property_list;
  GtkLabel      *links_heading;
  GtkListBox    *links_list;
  GtkListBox    *quotes_list;
  GtkWidget     *no_quotes_label;
  GtkExpander   *mentions_expander;
  GtkListBox    *mentions_list;
  GtkWidget     *add_all_button;

  /* Where the graph's sources mention its entities, or NULL while they are being found. */
  GArray        *mentions;
  GCancellable  *mentions_cancellable;
  /* The mentions of the shown entity that no quote of it holds, one per row of mentions_list. */
  GArray        *unlinked;
};

G_DEFINE_FINAL_TYPE (EntEvidencePanel, ent_evidence_panel, GTK_TYPE_WIDGET)

enum {
  ENTITY_ACTIVATED,
  RELATION_ACTIVATED,
  QUOTE_ACTIVATED,
  QUOTE_REMOVE_REQUESTED,
  MENTIONS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The swatch of @entity's kind, as the graph draws it: a kind the file added has a look of its own. */
static GtkWidget *
create_kind_dot (EntEvidencePanel *self,
                 EntEntity        *entity)
{
  EntKindLook look;
  GtkWidget *dot;

  ent_style_entity_look (self->graph, entity, &look);
  dot = ent_kind_swatch_new_for_look (&look);
  gtk_widget_set_valign (dot, GTK_ALIGN_CENTER);
  return dot;
}

/* The kind @entity is shown by, by the name the graph gives it, and a person's role. */
static char *
dup_kind_and_role (EntEvidencePanel *self,
                   EntEntity        *entity)
{
  const char *kind = ent_style_entity_kind_label (self->graph, entity);

  if (entity->role != NULL && *entity->role != '\0')
    /* Translators: an entity's kind and role, e.g. "Person · Minister of Foreign Affairs of Belarus" */
    return g_strdup_printf (_("%s · %s"), kind, entity->role);
  return g_strdup (kind);
}

/* Relation kinds are identifiers such as "participates-in"; people read them
 * with spaces. */
static char *
humanize_kind (const char *kind)
{
  return g_strdelimit (g_strdup (kind != NULL ? kind : ""), "-_", ' ');
}

static char *
format_dates (const char *start,
              const char *end)
{
  if (start == NULL && end == NULL)
    return NULL;

  return ent_date_format_range (start, end);
}

static void
set_optional_label (GtkLabel   *label,
                    const char *text)
{
  gtk_label_set_label (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

static gint64
row_id (GArray        *ids,
        GtkListBoxRow *row)
{
  int index = gtk_list_box_row_get_index (row);

  g_return_val_if_fail (index >= 0 && (guint) index < ids->len, 0);

  return g_array_index (ids, gint64, index);
}

static void
other_entity_clicked_cb (EntEvidencePanel *self,
                         GtkButton        *button)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  EntRelation *relation = ent_graph_get_relation (self->graph, row_id (self->link_ids, GTK_LIST_BOX_ROW (row)));

  g_return_if_fail (relation != NULL);

  g_signal_emit (self, signals[ENTITY_ACTIVATED], 0,
                 relation->from_id == self->entity_id ? relation->to_id : relation->from_id);
}

static GtkWidget *
create_relation_row (EntEvidencePanel *self,
                     EntRelation      *relation,
                     EntEntity        *other)
{
  g_autofree char *kind = humanize_kind (relation->kind);
  g_autofree char *dates = format_dates (relation->start_date, relation->end_date);
  g_autofree char *title = NULL;
  g_autofree char *go_label = NULL;
  const char *label = relation->label != NULL && *relation->label != '\0' ? relation->label : kind;
  GtkWidget *row;
  GtkWidget *button;

  if (!relation->directed)
    /* Translators: an undirected relation of the shown entity, e.g. "meets — Sergei Aleinik" */
    title = g_strdup_printf (_("%s — %s"), label, other->name);
  else if (relation->from_id == self->entity_id)
    /* Translators: a relation from the shown entity, e.g. "takes part in → Meeting with S Jaishankar" */
    title = g_strdup_printf (_("%s → %s"), label, other->name);
  else
    /* Translators: a relation to the shown entity, e.g. "Minister of Foreign Affairs of ← Sergei Aleinik" */
    title = g_strdup_printf (_("%s ← %s"), label, other->name);

  /* Names are plain text ("Science & Technology"); markup is turned off before any is set. */
  row = g_object_new (ADW_TYPE_ACTION_ROW,
                      "activatable", TRUE,
                      "use-markup", FALSE,
                      NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (dates != NULL && *dates != '\0')
    {
      /* Translators: a relation's kind and its dates, e.g. "visits · 11–13 March" */
      g_autofree char *subtitle = g_strdup_printf (_("%s · %s"), kind, dates);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
    }
  else
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), kind);
    }
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), create_kind_dot (self, other));

  /* Translators: a button that selects the entity at the other end of a relation */
  go_label = g_strdup_printf (_("Show %s"), other->name);
  button = g_object_new (GTK_TYPE_BUTTON,
                         "icon-name", "go-jump-symbolic",
                         "tooltip-text", go_label,
                         "valign", GTK_ALIGN_CENTER,
                         NULL);
  gtk_widget_add_css_class (button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, go_label,
                                  -1);
  g_signal_connect_object (button, "clicked", G_CALLBACK (other_entity_clicked_cb), self, G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static GtkWidget *
create_entity_row (EntEvidencePanel *self,
                   EntEntity        *entity)
{
  g_autofree char *subtitle = dup_kind_and_role (self, entity);
  GtkWidget *row;

  row = g_object_new (ADW_TYPE_ACTION_ROW,
                      "activatable", TRUE,
                      "use-markup", FALSE,
                      NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), entity->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), create_kind_dot (self, entity));
  /* The arrow only says that the row leads somewhere; the row's title names where. */
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             g_object_new (GTK_TYPE_IMAGE,
                                           "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                           "icon-name", "go-next-symbolic",
                                           NULL));

  return row;
}

static void
remove_quote_clicked_cb (GtkButton        *button,
                         EntEvidencePanel *self)
{
  gint64 *quote_id = g_object_get_data (G_OBJECT (button), "quote-id");

  g_signal_emit (self, signals[QUOTE_REMOVE_REQUESTED], 0, *quote_id);
}

/* The text of a row of quotes or mentions: the passage (Pango markup if @markup), then, dimmed, where it is from.
 * Not selectable, so that a click anywhere on it activates the row. */
static GtkWidget *
new_passage_box (const char *text,
                 gboolean    markup,
                 const char *origin)
{
  GtkWidget *box = g_object_new (GTK_TYPE_BOX,
                                 "orientation", GTK_ORIENTATION_VERTICAL,
                                 "spacing", 6,
                                 "margin-top", 12,
                                 "margin-bottom", 12,
                                 "margin-start", 12,
                                 "margin-end", 12,
                                 "hexpand", TRUE,
                                 NULL);
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                   "label", text,
                                   "use-markup", markup,
                                   "xalign", 0.0f,
                                   "wrap", TRUE,
                                   "wrap-mode", PANGO_WRAP_WORD_CHAR,
                                   NULL);

  gtk_box_append (GTK_BOX (box), label);
  if (origin != NULL)
    {
      label = g_object_new (GTK_TYPE_LABEL,
                            "label", origin,
                            "xalign", 0.0f,
                            "wrap", TRUE,
                            "wrap-mode", PANGO_WRAP_WORD_CHAR,
                            NULL);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
    }

  return box;
}

/* Marks the quote as disputing what the panel shows, or as supporting it again: the window makes the edit. */
static void
stance_clicked_cb (GtkButton        *button,
                   EntEvidencePanel *self)
{
  gint64 *quote_id = g_object_get_data (G_OBJECT (button), "quote-id");
  gboolean disputes = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "disputes"));

  gtk_widget_activate_action (GTK_WIDGET (self), "win.set-stance", "(xxxb)", self->relation_id != 0 ? 0 : self->entity_id,
                              self->relation_id, *quote_id, !disputes);
}

/* "Supporting" above the first quote when some dispute, and "Disputing" above the first that does. */
static void
quote_header_func (GtkListBoxRow *row,
                   GtkListBoxRow *before,
                   gpointer       user_data)
{
  gboolean disputes = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "disputes"));
  gboolean any_disputes = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "any-disputes"));
  const char *title = NULL;

  if (before == NULL && any_disputes)
    title = disputes ? _("Disputing") : _("Supporting");
  else if (before != NULL && disputes && !GPOINTER_TO_INT (g_object_get_data (G_OBJECT (before), "disputes")))
    title = _("Disputing");

  if (title != NULL)
    {
      GtkWidget *header = g_object_new (GTK_TYPE_LABEL, "label", title, "xalign", 0.0f, "margin-start", 12,
                                        "margin-top", 6, "margin-bottom", 6, NULL);

      gtk_widget_add_css_class (header, "heading");
      if (disputes)
        gtk_widget_add_css_class (header, "warning");
      gtk_list_box_row_set_header (row, header);
    }
  else
    gtk_list_box_row_set_header (row, NULL);
}

static GtkWidget *
create_quote_row (EntEvidencePanel *self,
                  EntGraph         *graph,
                  EntQuote         *quote,
                  gboolean          disputes,
                  gboolean          any_disputes)
{
  GtkWidget *stance;
  GtkWidget *remove;
  GtkWidget *content;
  EntSource *source = ent_graph_get_source (graph, quote->source_id);
  g_autofree char *text = NULL;
  g_autofree char *origin = NULL;
  g_autofree char *accessible = NULL;
  GtkWidget *row;
  GtkWidget *box;

  /* Translators: a quotation from a source; use your language's quotation marks */
  text = g_strdup_printf (_("“%s”"), quote->text);

  if (source != NULL && source->published != NULL && *source->published != '\0')
    {
      g_autofree char *published = ent_date_format (source->published);

      /* Translators: where a quote comes from: a source's title and its date of publication */
      origin = g_strdup_printf (_("— %s, %s"), source->title, published);
    }
  else if (source != NULL)
    {
      /* Translators: where a quote comes from: a source's title */
      origin = g_strdup_printf (_("— %s"), source->title);
    }

  box = new_passage_box (text, FALSE, origin);

  /* The quote can be taken back from what it backs; the passage stays in its source. */
  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_end (remove, 6);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove This Quote"));
  g_object_set_data_full (G_OBJECT (remove), "quote-id", g_memdup2 (&quote->id, sizeof quote->id), g_free);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_quote_clicked_cb), self, 0);

  /* A quote may say the opposite of what it is attached to. */
  stance = gtk_button_new_from_icon_name (disputes ? "emblem-ok-symbolic" : "dialog-warning-symbolic");
  gtk_widget_set_valign (stance, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (stance, "flat");
  gtk_widget_set_tooltip_text (stance, disputes ? _("Mark as Supporting") : _("Mark as Disputing"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (stance), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  disputes ? _("Mark as Supporting") : _("Mark as Disputing"), -1);
  g_object_set_data_full (G_OBJECT (stance), "quote-id", g_memdup2 (&quote->id, sizeof quote->id), g_free);
  g_object_set_data (G_OBJECT (stance), "disputes", GINT_TO_POINTER (disputes));
  g_signal_connect_object (stance, "clicked", G_CALLBACK (stance_clicked_cb), self, 0);

  content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_box_append (GTK_BOX (content), box);
  gtk_box_append (GTK_BOX (content), stance);
  gtk_box_append (GTK_BOX (content), remove);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), content);
  g_object_set_data (G_OBJECT (row), "disputes", GINT_TO_POINTER (disputes));
  g_object_set_data (G_OBJECT (row), "any-disputes", GINT_TO_POINTER (any_disputes));

  /* GTK 4.8 does not name a row after its content, and a screen reader
   * announces a focused row by its name. */
  accessible = g_strconcat (disputes ? _("Disputing: ") : "", text, origin != NULL ? " " : "", origin != NULL ? origin : "",
                            NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);

  return row;
}

static int
compare_quotes (gconstpointer a,
                gconstpointer b)
{
  const EntQuote *qa = *(EntQuote * const *) a;
  const EntQuote *qb = *(EntQuote * const *) b;

  if (qa->source_id != qb->source_id)
    return qa->source_id < qb->source_id ? -1 : 1;
  if (qa->start != qb->start)
    return qa->start < qb->start ? -1 : 1;
  return (qa->end > qb->end) - (qa->end < qb->end);
}

/* Quotes are listed in the order they appear in their sources, so the panel
 * reads like the article: the supporting ones, then under their own
 * heading those that dispute what is shown. */
static void
fill_quotes (EntEvidencePanel *self,
             GArray           *quote_ids,
             GArray           *disputing_ids)
{
  g_autoptr(GPtrArray) quotes = g_ptr_array_new ();
  gboolean any_disputes = disputing_ids != NULL && disputing_ids->len > 0;

  for (guint i = 0; quote_ids != NULL && i < quote_ids->len; i++)
    {
      EntQuote *quote = ent_graph_get_quote (self->graph, g_array_index (quote_ids, gint64, i));

      if (quote != NULL)
        g_ptr_array_add (quotes, quote);
    }
  g_ptr_array_sort (quotes, compare_quotes);

  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < quotes->len; i++)
      {
        EntQuote *quote = g_ptr_array_index (quotes, i);
        gboolean disputes = ent_quote_ids_contain (disputing_ids, quote->id);

        if (disputes != (pass == 1))
          continue;
        g_array_append_val (self->quote_ids, quote->id);
        gtk_list_box_append (self->quotes_list, create_quote_row (self, self->graph, quote, disputes, any_disputes));
      }

  gtk_widget_set_visible (GTK_WIDGET (self->quotes_list), quotes->len > 0);
  gtk_widget_set_visible (self->no_quotes_label, quotes->len == 0);
}

/* Properties describe what is shown as its description and dates do, so they follow those. */
static void
show_properties (EntEvidencePanel *self,
                 GPtrArray        *properties)
{
  ent_property_list_set_properties (self->property_list, properties);
  gtk_widget_set_visible (GTK_WIDGET (self->property_list), properties != NULL && properties->len > 0);
}

static void
clear_details (EntEvidencePanel *self)
{
  ent_pane_clear_list (self->links_list);
  ent_pane_clear_list (self->quotes_list);
  ent_pane_clear_list (self->mentions_list);
  if (self->unlinked != NULL)
    {
      g_clear_pointer (&self->unlinked, g_array_unref);
      g_signal_emit (self, signals[MENTIONS_CHANGED], 0);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->mentions_expander), FALSE);
  g_array_set_size (self->link_ids, 0);
  g_array_set_size (self->quote_ids, 0);
}

/* The mention's sentence, the mention in bold, as Pango markup. */
static char *
dup_passage_markup (const char       *body,
                    const EntMention *mention,
                    gint64            start,
                    gint64            end)
{
  g_autofree char *before = g_utf8_substring (body, start, mention->start);
  g_autofree char *name = g_utf8_substring (body, mention->start, mention->end);
  g_autofree char *after = g_utf8_substring (body, mention->end, end);

  return g_markup_printf_escaped ("%s<b>%s</b>%s", before, name, after);
}

/* What accepting @mentions adds: the passage of each, for the win.accept-mentions action. */
static GVariant *
create_accept_parameter (EntEvidencePanel *self,
                         const EntMention *mentions,
                         guint             n_mentions)
{
  GVariantBuilder passages;

  g_variant_builder_init (&passages, G_VARIANT_TYPE ("a(xxx)"));
  for (guint i = 0; i < n_mentions; i++)
    {
      EntSource *source = ent_graph_get_source (self->graph, mentions[i].source_id);
      gint64 start, end;

      if (source == NULL || source->body == NULL)
        continue;
      ent_mention_get_passage (source->body, &mentions[i], &start, &end);
      g_variant_builder_add (&passages, "(xxx)", source->id, start, end);
    }

  return g_variant_new ("(xa(xxx))", self->entity_id, &passages);
}

static void
accept_mentions (EntEvidencePanel *self,
                 const EntMention *mentions,
                 guint             n_mentions)
{
  g_autoptr(GVariant) parameter = g_variant_ref_sink (create_accept_parameter (self, mentions, n_mentions));

  /* A floating parameter is not sunk when no action takes it: ours is freed here either way. */
  gtk_widget_activate_action_variant (GTK_WIDGET (self), "win.accept-mentions", parameter);
}

static void
add_mention_clicked_cb (GtkButton        *button,
                        EntEvidencePanel *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  int index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));

  g_return_if_fail (self->unlinked != NULL && index >= 0 && (guint) index < self->unlinked->len);

  accept_mentions (self, &g_array_index (self->unlinked, EntMention, index), 1);
}

static void
add_all_clicked_cb (EntEvidencePanel *self)
{
  if (self->unlinked != NULL && self->unlinked->len > 0)
    accept_mentions (self, (EntMention *) self->unlinked->data, self->unlinked->len);
}

static GtkWidget *
create_mention_row (EntEvidencePanel *self,
                    EntSource        *source,
                    const EntMention *mention)
{
  g_autofree char *markup = NULL;
  g_autofree char *origin = NULL;
  g_autofree char *accessible = NULL;
  g_autofree char *plain = NULL;
  GtkWidget *box;
  GtkWidget *add;
  GtkWidget *content;
  GtkWidget *row;
  gint64 start, end;

  ent_mention_get_passage (source->body, mention, &start, &end);
  markup = dup_passage_markup (source->body, mention, start, end);
  plain = g_utf8_substring (source->body, start, end);
  /* Translators: where a mention of an entity comes from: a source's title */
  origin = g_strdup_printf (_("— %s"), source->title);

  box = new_passage_box (markup, TRUE, origin);

  add = gtk_button_new_from_icon_name ("list-add-symbolic");
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_end (add, 6);
  gtk_widget_add_css_class (add, "flat");
  gtk_widget_set_tooltip_text (add, _("Add as Evidence"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add as Evidence"), -1);
  g_signal_connect_object (add, "clicked", G_CALLBACK (add_mention_clicked_cb), self, 0);

  content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_box_append (GTK_BOX (content), box);
  gtk_box_append (GTK_BOX (content), add);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), content);
  accessible = g_strconcat (plain, " ", origin, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);

  return row;
}

/* The unlinked mentions of the shown entity, under its quotes; nothing while they are being found, or when there are none. */
static void
update_mentions (EntEvidencePanel *self)
{
  g_autofree char *heading = NULL;

  ent_pane_clear_list (self->mentions_list);
  g_clear_pointer (&self->unlinked, g_array_unref);

  if (self->graph != NULL && self->mentions != NULL && self->entity_id != 0)
    {
      g_autoptr(GArray) unlinked = ent_mentions_unlinked (self->graph, self->mentions, self->entity_id);

      self->unlinked = g_array_new (FALSE, FALSE, sizeof (EntMention));
      for (guint i = 0; i < unlinked->len; i++)
        {
          const EntMention *mention = &g_array_index (unlinked, EntMention, i);
          EntSource *source = ent_graph_get_source (self->graph, mention->source_id);

          if (source == NULL || source->body == NULL)
            continue;
          g_array_append_val (self->unlinked, *mention);
          gtk_list_box_append (self->mentions_list, create_mention_row (self, source, mention));
        }
    }

  if (self->unlinked == NULL || self->unlinked->len == 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->mentions_expander), FALSE);
      g_signal_emit (self, signals[MENTIONS_CHANGED], 0);
      return;
    }

  /* Translators: a line under an entity's quotes, that opens to list the places its name is found but no quote links */
  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u unlinked mention", "%u unlinked mentions",
                                          self->unlinked->len),
                             self->unlinked->len);
  gtk_expander_set_label (self->mentions_expander, heading);
  gtk_widget_set_visible (GTK_WIDGET (self->mentions_expander), TRUE);
  g_signal_emit (self, signals[MENTIONS_CHANGED], 0);
}

static void
mentions_found_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(EntEvidencePanel) self = user_data;
  g_autoptr(GError) error = NULL;
  GArray *mentions = ent_mentions_find_finish (result, &error);

  /* A newer graph superseded the one these were found in. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->mentions_cancellable);
  if (mentions == NULL)
    {
      g_warning ("Could not find the mentions: %s", error->message);
      return;
    }

  g_clear_pointer (&self->mentions, g_array_unref);
  self->mentions = mentions;
  update_mentions (self);
}

/* Mentions are found again in every new graph, since an edit may add a name, an alias or a quote. */
static void
find_mentions (EntEvidencePanel *self)
{
  g_cancellable_cancel (self->mentions_cancellable);
  g_clear_object (&self->mentions_cancellable);
  g_clear_pointer (&self->mentions, g_array_unref);

  if (self->graph == NULL)
    return;

  self->mentions_cancellable = g_cancellable_new ();
  ent_mentions_find_async (self->graph, self->mentions_cancellable, mentions_found_cb, g_object_ref (self));
}

static void
show_empty (EntEvidencePanel *self)
{
  self->entity_id = 0;
  self->relation_id = 0;
  clear_details (self);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
show_details (EntEvidencePanel *self)
{
  GtkAdjustment *vadjustment;

  gtk_stack_set_visible_child_name (self->stack, "details");

  /* A new selection starts at its top, not where the previous one was scrolled to. */
  vadjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scrolled_window));
  gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_lower (vadjustment));
}

static void
fill_entity (EntEvidencePanel *self,
             EntEntity        *entity)
{
  g_autofree char *dates = format_dates (entity->start_date, entity->end_date);
  g_autofree char *kind = dup_kind_and_role (self, entity);
  EntKindLook look;

  clear_details (self);
  self->entity_id = entity->id;
  self->relation_id = 0;

  ent_style_entity_look (self->graph, entity, &look);
  ent_kind_swatch_set_look (ENT_KIND_SWATCH (self->kind_dot), &look);
  gtk_widget_set_visible (self->kind_dot, TRUE);

  gtk_label_set_label (self->kind_label, kind);
  gtk_label_set_label (self->title_label, entity->name);
  set_optional_label (self->description_label, entity->description);
  set_optional_label (self->dates_label, dates);
  show_properties (self, entity->properties);

  gtk_label_set_label (self->links_heading, _("Relations"));
  for (guint i = 0; i < self->graph->relations->len; i++)
    {
      EntRelation *relation = g_ptr_array_index (self->graph->relations, i);
      EntEntity *other;

      if (relation->from_id != entity->id && relation->to_id != entity->id)
        continue;

      other = ent_graph_get_entity (self->graph, relation->from_id == entity->id ? relation->to_id : relation->from_id);
      if (other == NULL)
        continue;

      g_array_append_val (self->link_ids, relation->id);
      gtk_list_box_append (self->links_list, create_relation_row (self, relation, other));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->links_heading), self->link_ids->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->links_list), self->link_ids->len > 0);

  fill_quotes (self, entity->quote_ids, entity->disputing_ids);
  update_mentions (self);
  show_details (self);
}

static void
fill_relation (EntEvidencePanel *self,
               EntRelation      *relation,
               EntEntity        *from,
               EntEntity        *to)
{
  g_autofree char *kind = humanize_kind (relation->kind);
  g_autofree char *header = NULL;
  g_autofree char *title = NULL;
  g_autofree char *dates = format_dates (relation->start_date, relation->end_date);

  clear_details (self);
  self->entity_id = 0;
  self->relation_id = relation->id;

  gtk_widget_set_visible (self->kind_dot, FALSE);
  /* Translators: the header of a relation in the evidence panel, e.g. "Relation · participates in" */
  header = g_strdup_printf (_("Relation · %s"), kind);
  gtk_label_set_label (self->kind_label, header);

  if (relation->directed)
    /* Translators: a directed relation, e.g. "Sergei Aleinik → Delhi" */
    title = g_strdup_printf (_("%s → %s"), from->name, to->name);
  else
    /* Translators: an undirected relation, e.g. "Sergei Aleinik — S Jaishankar" */
    title = g_strdup_printf (_("%s — %s"), from->name, to->name);
  gtk_label_set_label (self->title_label, title);
  /* Many labels only repeat the kind, which the header already says. */
  set_optional_label (self->description_label, g_strcmp0 (relation->label, kind) != 0 ? relation->label : NULL);
  set_optional_label (self->dates_label, dates);
  show_properties (self, relation->properties);

  /* Translators: the heading above the two entities a relation connects */
  gtk_label_set_label (self->links_heading, _("Entities"));
  g_array_append_val (self->link_ids, from->id);
  gtk_list_box_append (self->links_list, create_entity_row (self, from));
  g_array_append_val (self->link_ids, to->id);
  gtk_list_box_append (self->links_list, create_entity_row (self, to));
  gtk_widget_set_visible (GTK_WIDGET (self->links_heading), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->links_list), TRUE);

  fill_quotes (self, relation->quote_ids, relation->disputing_ids);
  show_details (self);
}

static void
link_row_activated_cb (GtkListBox       *list,
                       GtkListBoxRow    *row,
                       EntEvidencePanel *self)
{
  gint64 id = row_id (self->link_ids, row);

  if (self->entity_id != 0)
    g_signal_emit (self, signals[RELATION_ACTIVATED], 0, id);
  else
    g_signal_emit (self, signals[ENTITY_ACTIVATED], 0, id);
}

static void
quote_row_activated_cb (GtkListBox       *list,
                        GtkListBoxRow    *row,
                        EntEvidencePanel *self)
{
  g_signal_emit (self, signals[QUOTE_ACTIVATED], 0, row_id (self->quote_ids, row));
}

GtkWidget *
ent_evidence_panel_new (void)
{
  return g_object_new (ENT_TYPE_EVIDENCE_PANEL, NULL);
}

/**
 * ent_evidence_panel_set_graph:
 * @self: a #EntEvidencePanel
 * @graph: (nullable): the network to show evidence from
 *
 * Shows what was shown before in @graph, as it may hold an edited version of
 * the same entity or relation; when it is gone, the panel shows nothing.
 */
void
ent_evidence_panel_set_graph (EntEvidencePanel *self,
                              EntGraph         *graph)
{
  gint64 entity_id;
  gint64 relation_id;

  g_return_if_fail (ENT_IS_EVIDENCE_PANEL (self));

  entity_id = self->entity_id;
  relation_id = self->relation_id;

  ent_pane_replace_graph (&self->graph, graph);
  find_mentions (self);

  if (relation_id != 0)
    ent_evidence_panel_show_relation (self, relation_id);
  else
    ent_evidence_panel_show_entity (self, entity_id);
}

/**
 * ent_evidence_panel_show_entity:
 * @self: a #EntEvidencePanel
 * @entity_id: an entity of the graph, or 0 for nothing
 */
void
ent_evidence_panel_show_entity (EntEvidencePanel *self,
                                gint64            entity_id)
{
  EntEntity *entity = NULL;

  g_return_if_fail (ENT_IS_EVIDENCE_PANEL (self));

  if (self->graph != NULL && entity_id != 0)
    entity = ent_graph_get_entity (self->graph, entity_id);

  if (entity == NULL)
    show_empty (self);
  else
    fill_entity (self, entity);
}

/**
 * ent_evidence_panel_show_relation:
 * @self: a #EntEvidencePanel
 * @relation_id: a relation of the graph, or 0 for nothing
 */
void
ent_evidence_panel_show_relation (EntEvidencePanel *self,
                                  gint64            relation_id)
{
  EntRelation *relation = NULL;
  EntEntity *from = NULL;
  EntEntity *to = NULL;

  g_return_if_fail (ENT_IS_EVIDENCE_PANEL (self));

  if (self->graph != NULL && relation_id != 0)
    relation = ent_graph_get_relation (self->graph, relation_id);
  if (relation != NULL)
    {
      from = ent_graph_get_entity (self->graph, relation->from_id);
      to = ent_graph_get_entity (self->graph, relation->to_id);
    }

  if (from == NULL || to == NULL)
    show_empty (self);
  else
    fill_relation (self, relation, from, to);
}

/**
 * ent_evidence_panel_get_entity:
 * @self: a #EntEvidencePanel
 *
 * Returns: the id of the shown entity, or 0 when none is shown
 */
gint64
ent_evidence_panel_get_entity (EntEvidencePanel *self)
{
  g_return_val_if_fail (ENT_IS_EVIDENCE_PANEL (self), 0);

  return self->entity_id;
}

/**
 * ent_evidence_panel_get_relation:
 * @self: a #EntEvidencePanel
 *
 * Returns: the id of the shown relation, or 0 when none is shown
 */
gint64
ent_evidence_panel_get_relation (EntEvidencePanel *self)
{
  g_return_val_if_fail (ENT_IS_EVIDENCE_PANEL (self), 0);

  return self->relation_id;
}

/**
 * ent_evidence_panel_get_unlinked_mentions:
 * @self: a #EntEvidencePanel
 *
 * Returns: (transfer none) (nullable) (element-type EntMention): the
 *   mentions of the shown entity that no quote of it holds, as listed
 */
GArray *
ent_evidence_panel_get_unlinked_mentions (EntEvidencePanel *self)
{
  g_return_val_if_fail (ENT_IS_EVIDENCE_PANEL (self), NULL);

  return self->unlinked;
}

/**
 * ent_evidence_panel_is_finding_mentions:
 * @self: a #EntEvidencePanel
 *
 * Returns: whether the mentions in the panel's graph are still being looked
 *   for, so that those of the shown entity are not listed yet
 */
gboolean
ent_evidence_panel_is_finding_mentions (EntEvidencePanel *self)
{
  g_return_val_if_fail (ENT_IS_EVIDENCE_PANEL (self), FALSE);

  return self->mentions_cancellable != NULL;
}

static void
ent_evidence_panel_dispose (GObject *object)
{
  EntEvidencePanel *self = (EntEvidencePanel *)object;

  g_cancellable_cancel (self->mentions_cancellable);
  g_clear_object (&self->mentions_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), ENT_TYPE_EVIDENCE_PANEL);
  g_clear_pointer (&self->graph, ent_graph_unref);
  g_clear_pointer (&self->mentions, g_array_unref);
  g_clear_pointer (&self->unlinked, g_array_unref);

  G_OBJECT_CLASS (ent_evidence_panel_parent_class)->dispose (object);
}

static void
ent_evidence_panel_finalize (GObject *object)
{
  EntEvidencePanel *self = (EntEvidencePanel *)object;

  g_array_unref (self->link_ids);
  g_array_unref (self->quote_ids);

  G_OBJECT_CLASS (ent_evidence_panel_parent_class)->finalize (object);
}

static void
ent_evidence_panel_class_init (EntEvidencePanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ent_evidence_panel_dispose;
  object_class->finalize = ent_evidence_panel_finalize;

  /**
   * EntEvidencePanel::entity-activated:
   * @self: a #EntEvidencePanel
   * @entity_id: the entity the user chose
   */
  signals[ENTITY_ACTIVATED] = ent_pane_signal_new_id (G_TYPE_FROM_CLASS (klass), "entity-activated");

  /**
   * EntEvidencePanel::relation-activated:
   * @self: a #EntEvidencePanel
   * @relation_id: the relation the user chose
   */
  signals[RELATION_ACTIVATED] = ent_pane_signal_new_id (G_TYPE_FROM_CLASS (klass), "relation-activated");

  /**
   * EntEvidencePanel::quote-activated:
   * @self: a #EntEvidencePanel
   * @quote_id: the quote the user chose, to be read in its source
   */
  signals[QUOTE_ACTIVATED] = ent_pane_signal_new_id (G_TYPE_FROM_CLASS (klass), "quote-activated");

  /**
   * EntEvidencePanel::quote-remove-requested:
   * @self: a #EntEvidencePanel
   * @quote_id: the quote the user wants to take back from what is shown
   */
  signals[QUOTE_REMOVE_REQUESTED] = ent_pane_signal_new_id (G_TYPE_FROM_CLASS (klass), "quote-remove-requested");

  /**
   * EntEvidencePanel::mentions-changed:
   * @self: a #EntEvidencePanel
   *
   * The unlinked mentions listed changed: see
   * ent_evidence_panel_get_unlinked_mentions().
   */
  signals[MENTIONS_CHANGED] = g_signal_new ("mentions-changed",
                                            G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST,
                                            0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  g_type_ensure (ENT_TYPE_KIND_SWATCH);
  g_type_ensure (ENT_TYPE_PROPERTY_LIST);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ent-evidence-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, EntEvidencePanel, stack);
  gtk_widget_class_bind_template_child (widget_class, EntEvidencePanel, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, EntEvidencePanel, kind_dot);
  gtk_widget_class_bind_template_child (widget_class, EntEvidencePanel, kind_label);
  gtk_widget_class_bind_template_child (widget_class, EntEvidencePanel, title_label);
  gtk_widget_class_bind_template_child (widget_class, EntEvidencePanel, description_label);
  gtk_widget_class_bind_template_child (widget_class, EntEvidencePanel, dates_label);
  gtk_widget_class_bind_template_child (widget_class, EntEvidencePanel, property_list);
  gtk_widget_class_bind_template_child (widget_class, EntEvidencePanel, links_heading);
  gtk_widget_class_bind_template_child (widget_class, EntEvidencePanel, links_list);
  gtk_widget_class_bind_template_child (widget_class, EntEvidencePanel, quotes_list);
  gtk_widget_class_bind_template_child (widget_class, EntEvidencePanel, no_quotes_label);
  gtk_widget_class_bind_template_child (widget_class, EntEvidencePanel, mentions_expander);
  gtk_widget_class_bind_template_child (widget_class, EntEvidencePanel, mentions_list);
  gtk_widget_class_bind_template_child (widget_class, EntEvidencePanel, add_all_button);
  gtk_widget_class_bind_template_callback (widget_class, add_all_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, link_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, quote_row_activated_cb);
}

static void
ent_evidence_panel_init (EntEvidencePanel *self)
{
  self->link_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->quote_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_list_box_set_header_func (self->quotes_list, quote_header_func, NULL, NULL);
}
