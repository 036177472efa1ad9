/* ent-connection-panel.c: the chains of relations between two entities, hop by hop with their quotes
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Why are these two connected?" is answered here: up to three chains,
 * best first, one shown at a time, each hop with what says so — its first
 * supporting quote and that quote's source — or a warning that nothing
 * does. The window finds the chains and picks the chosen one out in the
 * diagram.
 */

#define G_LOG_DOMAIN "ent-connection-panel"

#include "config.h"

#include "ent-connection-panel.h"
#include "ent-pane.h"
#include "ent-paths.h"

#include <glib/gi18n.h>

struct _EntConnectionPanel
{
  GtkWidget   parent_instance;

  GtkWidget  *box;
  GtkLabel   *title;
  GtkWidget  *chains_box;
  GtkLabel   *summary;
  GtkListBox *hops;
  GtkWidget  *scroller;
  GtkWidget  *status;

  EntGraph   *graph;
  /* Copies of the chains shown: EntPath */
  GPtrArray  *paths;
  int         chosen;
};

enum
{
  CHAIN_CHOSEN,
  RELATION_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (EntConnectionPanel, ent_connection_panel, GTK_TYPE_WIDGET)

static EntPath *
copy_path (const EntPath *path)
{
  EntPath *copy = g_new0 (EntPath, 1);

  copy->entity_ids = g_array_copy (path->entity_ids);
  copy->relation_ids = g_array_copy (path->relation_ids);
  copy->n_unsupported = path->n_unsupported;
  return copy;
}

static const char *
entity_name (EntConnectionPanel *self,
             gint64              entity_id)
{
  EntEntity *entity = ent_graph_get_entity (self->graph, entity_id);

  return entity != NULL ? entity->name : "?";
}

/* The first quote that supports the relation, or %NULL. */
static EntQuote *
supporting_quote (EntConnectionPanel *self,
                  const EntRelation  *relation)
{
  for (guint i = 0; relation->quote_ids != NULL && i < relation->quote_ids->len; i++)
    {
      gint64 quote_id = g_array_index (relation->quote_ids, gint64, i);

      if (!ent_quote_ids_contain (relation->disputing_ids, quote_id))
        return ent_graph_get_quote (self->graph, quote_id);
    }

  return NULL;
}

static GtkWidget *
new_label (const char *text,
           const char *css_class)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                   "label", text,
                                   "xalign", 0.0f,
                                   "wrap", TRUE,
                                   "wrap-mode", PANGO_WRAP_WORD_CHAR,
                                   NULL);

  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/*
 * A hop of the chain: "A — label → B" the way the relation goes, then its
 * quote and the quote's source, or that no quote supports it.
 */
static GtkWidget *
create_hop_row (EntConnectionPanel *self,
                guint               hop,
                gint64              relation_id,
                gint64              from_id)
{
  EntRelation *relation = ent_graph_get_relation (self->graph, relation_id);
  gboolean forward = relation->from_id == from_id;
  const char *label = relation->label != NULL && *relation->label != '\0' ? relation->label : relation->kind;
  g_autofree char *heading = NULL;
  EntQuote *quote = supporting_quote (self, relation);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = g_object_new (GTK_TYPE_BOX,
                                 "orientation", GTK_ORIENTATION_VERTICAL,
                                 "spacing", 6,
                                 "margin-top", 12,
                                 "margin-bottom", 12,
                                 "margin-start", 12,
                                 "margin-end", 12,
                                 NULL);

  /* Translators: a hop of a chain of relations: its number, the entity it starts from, the relation and where it
   * leads, e.g. "1. Sergei Aleinik — met → Subrahmanyam Jaishankar" */
  heading = g_strdup_printf (forward ? _("%u. %s — %s → %s") : _("%u. %s ← %s — %s"), hop + 1,
                             entity_name (self, from_id), label,
                             entity_name (self, forward ? relation->to_id : relation->from_id));
  gtk_box_append (GTK_BOX (box), new_label (heading, "heading"));

  if (quote != NULL)
    {
      EntSource *source = ent_graph_get_source (self->graph, quote->source_id);
      /* Translators: a quotation from a source; use your language's quotation marks */
      g_autofree char *text = g_strdup_printf (_("“%s”"), quote->text);

      gtk_box_append (GTK_BOX (box), new_label (text, NULL));
      if (source != NULL)
        {
          g_autofree char *origin = NULL;

          if (source->published != NULL && *source->published != '\0')
            {
              g_autofree char *published = ent_date_format (source->published);

              /* Translators: where a quote comes from: a source's title and its date of publication */
              origin = g_strdup_printf (_("— %s, %s"), source->title, published);
            }
          else
            /* Translators: where a quote comes from: a source's title */
            origin = g_strdup_printf (_("— %s"), source->title);
          gtk_box_append (GTK_BOX (box), new_label (origin, "caption"));
          gtk_widget_add_css_class (gtk_widget_get_last_child (box), "dim-label");
        }
    }
  else
    gtk_box_append (GTK_BOX (box), new_label (_("No quote supports this relation"), "warning"));

  g_object_set_data_full (G_OBJECT (row), "relation-id", g_memdup2 (&relation_id, sizeof relation_id), g_free);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static char *
describe_chain (const EntPath *path)
{
  guint n_hops = path->relation_ids->len;

  if (path->n_unsupported == 0)
    /* Translators: a chain of relations, every one of them backed by a quote */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u hop, supported by a quote",
                                         "%u hops, each supported by a quote", n_hops), n_hops);

  /* Translators: a chain of relations, some of which no quote backs: "1 of 3 hops has no supporting quote" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u hops has no supporting quote",
                                       "%u of %u hops have no supporting quote", path->n_unsupported),
                          path->n_unsupported, n_hops);
}

static void
show_chosen (EntConnectionPanel *self)
{
  const EntPath *path = g_ptr_array_index (self->paths, self->chosen);
  g_autofree char *summary = describe_chain (path);
  GtkWidget *child;

  gtk_label_set_text (self->summary, summary);
  ent_pane_clear_list (self->hops);
  for (guint i = 0; i < path->relation_ids->len; i++)
    gtk_list_box_append (self->hops, create_hop_row (self, i, g_array_index (path->relation_ids, gint64, i),
                                                     g_array_index (path->entity_ids, gint64, i)));

  child = gtk_widget_get_first_child (self->chains_box);
  for (guint i = 0; child != NULL; i++, child = gtk_widget_get_next_sibling (child))
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (child), (int) i == self->chosen);
}

/**
 * ent_connection_panel_choose:
 * @self: a panel
 * @index: which of the chains, 0 for the best
 *
 * Lists the hops of that chain and emits ::chain-chosen.
 */
void
ent_connection_panel_choose (EntConnectionPanel *self,
                             guint               index)
{
  g_return_if_fail (ENT_IS_CONNECTION_PANEL (self));

  if (self->paths == NULL || index >= self->paths->len)
    return;

  self->chosen = index;
  show_chosen (self);
  g_signal_emit (self, signals[CHAIN_CHOSEN], 0, index);
}

/* The chain shown, or -1 when there is none. */
int
ent_connection_panel_get_chosen (EntConnectionPanel *self)
{
  g_return_val_if_fail (ENT_IS_CONNECTION_PANEL (self), -1);

  return self->paths != NULL && self->paths->len > 0 ? self->chosen : -1;
}

static void
chain_toggled_cb (GtkToggleButton    *button,
                  EntConnectionPanel *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "chain"));

  if (gtk_toggle_button_get_active (button) && (int) index != self->chosen)
    ent_connection_panel_choose (self, index);
}

/**
 * ent_connection_panel_show:
 * @self: a panel
 * @graph: the network
 * @from_id: the entity asked about
 * @to_id: the other entity
 * @paths: (element-type EntPath): the chains found, best first; copied
 * @filtered: whether filters hid part of the network, which the "not
 *   connected" message then says
 *
 * Shows the chains, the first one chosen, or that there is none.
 */
void
ent_connection_panel_show (EntConnectionPanel *self,
                           EntGraph           *graph,
                           gint64              from_id,
                           gint64              to_id,
                           GPtrArray          *paths,
                           gboolean            filtered)
{
  g_autofree char *title = NULL;
  GtkWidget *child;

  g_return_if_fail (ENT_IS_CONNECTION_PANEL (self));
  g_return_if_fail (graph != NULL);
  g_return_if_fail (paths != NULL);

  ent_connection_panel_clear (self);
  ent_pane_replace_graph (&self->graph, graph);
  self->paths = g_ptr_array_new_with_free_func ((GDestroyNotify) ent_path_free);
  for (guint i = 0; i < paths->len; i++)
    g_ptr_array_add (self->paths, copy_path (g_ptr_array_index (paths, i)));

  /* Translators: the question the panel answers, with the two entities' names */
  title = g_strdup_printf (_("How %s and %s are connected"), entity_name (self, from_id), entity_name (self, to_id));
  gtk_label_set_text (self->title, title);

  while ((child = gtk_widget_get_first_child (self->chains_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->chains_box), child);

  if (paths->len == 0)
    {
      adw_status_page_set_description (ADW_STATUS_PAGE (self->status),
                                       filtered
                                       ? _("No chain of relations joins them among what the filters show.")
                                       : _("No chain of relations joins them in this network."));
      gtk_widget_set_visible (self->status, TRUE);
      gtk_widget_set_visible (self->scroller, FALSE);
      gtk_widget_set_visible (self->chains_box, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->summary), FALSE);
      return;
    }

  for (guint i = 0; i < paths->len; i++)
    {
      const EntPath *path = g_ptr_array_index (paths, i);
      g_autofree char *label = g_strdup_printf ("%u", i + 1);
      g_autofree char *tooltip = describe_chain (path);
      /* Translators: the accessible name of a button choosing one of the chains of relations found */
      g_autofree char *name = g_strdup_printf (_("Chain %u: %s"), i + 1, tooltip);
      GtkWidget *button = gtk_toggle_button_new_with_label (label);

      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      g_object_set_data (G_OBJECT (button), "chain", GUINT_TO_POINTER (i));
      if (i > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button),
                                     GTK_TOGGLE_BUTTON (gtk_widget_get_first_child (self->chains_box)));
      g_signal_connect (button, "toggled", G_CALLBACK (chain_toggled_cb), self);
      gtk_box_append (GTK_BOX (self->chains_box), button);
    }

  gtk_widget_set_visible (self->status, FALSE);
  gtk_widget_set_visible (self->scroller, TRUE);
  gtk_widget_set_visible (self->chains_box, paths->len > 1);
  gtk_widget_set_visible (GTK_WIDGET (self->summary), TRUE);
  self->chosen = 0;
  show_chosen (self);
}

/* Shows nothing and lets go of the network. */
void
ent_connection_panel_clear (EntConnectionPanel *self)
{
  g_return_if_fail (ENT_IS_CONNECTION_PANEL (self));

  ent_pane_clear_list (self->hops);
  g_clear_pointer (&self->paths, g_ptr_array_unref);
  g_clear_pointer (&self->graph, ent_graph_unref);
  self->chosen = -1;
}

static void
hop_activated_cb (GtkListBox         *list,
                  GtkListBoxRow      *row,
                  EntConnectionPanel *self)
{
  gint64 *relation_id = g_object_get_data (G_OBJECT (row), "relation-id");

  g_signal_emit (self, signals[RELATION_ACTIVATED], 0, *relation_id);
}

static void
ent_connection_panel_dispose (GObject *object)
{
  EntConnectionPanel *self = ENT_CONNECTION_PANEL (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_pointer (&self->paths, g_ptr_array_unref);
  g_clear_pointer (&self->graph, ent_graph_unref);

  G_OBJECT_CLASS (ent_connection_panel_parent_class)->dispose (object);
}

static void
ent_connection_panel_class_init (EntConnectionPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ent_connection_panel_dispose;

  /**
   * EntConnectionPanel::chain-chosen:
   * @index: which chain, 0 for the best
   *
   * The user chose another of the chains, or the panel showed its first.
   */
  signals[CHAIN_CHOSEN] =
    g_signal_new ("chain-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);
  /**
   * EntConnectionPanel::relation-activated:
   * @relation_id: the relation of the hop
   *
   * The user activated a hop, to see its relation in the diagram.
   */
  signals[RELATION_ACTIVATED] =
    g_signal_new ("relation-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "connection-panel");
}

static void
ent_connection_panel_init (EntConnectionPanel *self)
{
  GtkWidget *header, *back;

  self->chosen = -1;
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  header = g_object_new (GTK_TYPE_BOX, "spacing", 6, "margin-start", 6, "margin-end", 6, "margin-top", 6, NULL);
  back = gtk_button_new_from_icon_name ("go-previous-symbolic");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (back), "win.back-to-evidence");
  gtk_widget_set_tooltip_text (back, _("Back to the Evidence"));
  gtk_widget_set_valign (back, GTK_ALIGN_START);
  gtk_widget_add_css_class (back, "flat");
  gtk_box_append (GTK_BOX (header), back);
  self->title = GTK_LABEL (new_label ("", "title-4"));
  gtk_widget_set_hexpand (GTK_WIDGET (self->title), TRUE);
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->title));
  gtk_box_append (GTK_BOX (self->box), header);

  self->chains_box = g_object_new (GTK_TYPE_BOX, "halign", GTK_ALIGN_START, "margin-start", 12, NULL);
  gtk_widget_add_css_class (self->chains_box, "linked");
  gtk_box_append (GTK_BOX (self->box), self->chains_box);

  self->summary = GTK_LABEL (new_label ("", "dim-label"));
  gtk_widget_set_margin_start (GTK_WIDGET (self->summary), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->summary), 12);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->summary));

  self->hops = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->hops, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->hops), "boxed-list");
  gtk_widget_set_margin_start (GTK_WIDGET (self->hops), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->hops), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->hops), 12);
  gtk_widget_set_valign (GTK_WIDGET (self->hops), GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->hops), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Hops"), -1);
  g_signal_connect (self->hops, "row-activated", G_CALLBACK (hop_activated_cb), self);
  self->scroller = g_object_new (GTK_TYPE_SCROLLED_WINDOW, "vexpand", TRUE, "hscrollbar-policy", GTK_POLICY_NEVER,
                                 "child", self->hops, NULL);
  gtk_box_append (GTK_BOX (self->box), self->scroller);

  self->status = g_object_new (ADW_TYPE_STATUS_PAGE, "icon-name", "edit-find-symbolic", "title", _("Not Connected"),
                               "vexpand", TRUE, "visible", FALSE, NULL);
  gtk_widget_add_css_class (self->status, "compact");
  gtk_box_append (GTK_BOX (self->box), self->status);
}

GtkWidget *
ent_connection_panel_new (void)
{
  return g_object_new (ENT_TYPE_CONNECTION_PANEL, NULL);
}
