/* ent-sources-page.c: the sidebar page that chooses sources, to show only what they support
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-sources-page"

#include "config.h"

#include "ent-sources-page.h"
#include "ent-source-filter.h"

#include <glib/gi18n.h>
#include <string.h>

/*
 * One source of the list, as its row shows it. Networks may have thousands of
 * sources, so the list is a GtkListView over these, and a row is only made
 * for what is on screen. Whether the source is chosen lives here, so that a
 * row recycled for another source shows that one's check button.
 */
#define ENT_TYPE_SOURCE_ITEM (ent_source_item_get_type ())
G_DECLARE_FINAL_TYPE (EntSourceItem, ent_source_item, ENT, SOURCE_ITEM, GObject)

struct _EntSourceItem
{
  GObject   parent_instance;

  gint64    source_id;
  char     *title;
  char     *details;   /* publisher · date, or %NULL for neither */
  char     *support;   /* "3 entities · 2 relations" */
  char     *folded;    /* title and publisher, folded, for the search */
  gboolean  chosen;
};

G_DEFINE_FINAL_TYPE (EntSourceItem, ent_source_item, G_TYPE_OBJECT)

enum {
  ITEM_PROP_0,
  ITEM_PROP_CHOSEN,
  ITEM_N_PROPS
};

static GParamSpec *item_properties[ITEM_N_PROPS];

static void
ent_source_item_finalize (GObject *object)
{
  EntSourceItem *self = ENT_SOURCE_ITEM (object);

  g_free (self->title);
  g_free (self->details);
  g_free (self->support);
  g_free (self->folded);

  G_OBJECT_CLASS (ent_source_item_parent_class)->finalize (object);
}

static void
ent_source_item_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  EntSourceItem *self = ENT_SOURCE_ITEM (object);

  if (prop_id == ITEM_PROP_CHOSEN)
    g_value_set_boolean (value, self->chosen);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
ent_source_item_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  EntSourceItem *self = ENT_SOURCE_ITEM (object);

  if (prop_id == ITEM_PROP_CHOSEN)
    {
      gboolean chosen = g_value_get_boolean (value);

      if (chosen != self->chosen)
        {
          self->chosen = chosen;
          g_object_notify_by_pspec (object, pspec);
        }
    }
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
ent_source_item_class_init (EntSourceItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ent_source_item_finalize;
  object_class->get_property = ent_source_item_get_property;
  object_class->set_property = ent_source_item_set_property;

  item_properties[ITEM_PROP_CHOSEN] =
    g_param_spec_boolean ("chosen", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, ITEM_N_PROPS, item_properties);
}

static void
ent_source_item_init (EntSourceItem *self)
{
}

struct _EntSourcesPage
{
  GtkWidget           parent_instance;

  EntGraph           *graph;
  /* What each of @graph's sources supports, so that choosing them costs only that. */
  EntSourceIndex     *index;
  GListStore         *items;
  GtkFilterListModel *shown;
  GtkCustomFilter    *search_filter;
  char               *search;           /* folded, or %NULL for every source */
  GtkStringList      *publishers;       /* "Any publisher", then each publisher once */
  /* While above zero, changes are the page's own and emit nothing. */
  guint               quiet;

  /* Bound, as the list's stack is, so that gtk_widget_dispose_template() unparents it. */
  GtkWidget          *controls;
  GtkWidget          *search_entry;
  GtkWidget          *publisher_drop_down;
  GtkWidget          *from_entry;
  GtkWidget          *to_entry;
  GtkWidget          *summary_label;
  GtkWidget          *clear_button;
  GtkWidget          *list_stack;
  GtkWidget          *list_view;
  GtkWidget          *empty_label;
};

G_DEFINE_FINAL_TYPE (EntSourcesPage, ent_sources_page, GTK_TYPE_WIDGET)

enum {
  FILTER_CHANGED,
  SOURCE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The text of a date entry when it holds a date a range can use, else %NULL: a day without a year is none. */
static const char *
entry_date (GtkWidget *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  if (!ent_date_is_valid (text) || g_str_has_prefix (text, "--"))
    return NULL;
  return text;
}

static const char *
chosen_publisher (EntSourcesPage *self)
{
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->publisher_drop_down));

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return NULL;
  return gtk_string_list_get_string (self->publishers, selected);
}

static GArray *
chosen_ids (EntSourcesPage *self)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EntSourceItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (item->chosen)
        g_array_append_val (ids, item->source_id);
    }
  return ids;
}

static gboolean
anything_chosen (EntSourcesPage *self)
{
  g_autoptr(GArray) ids = chosen_ids (self);

  return ids->len > 0 || chosen_publisher (self) != NULL ||
         entry_date (self->from_entry) != NULL || entry_date (self->to_entry) != NULL;
}

static void
update_summary (EntSourcesPage *self)
{
  g_autoptr(GArray) ids = chosen_ids (self);
  g_autofree char *summary = NULL;

  if (ids->len > 0)
    summary = g_strdup_printf (ngettext ("%u source chosen", "%u sources chosen", ids->len), ids->len);
  gtk_label_set_text (GTK_LABEL (self->summary_label), summary != NULL ? summary : "");
  gtk_widget_set_sensitive (self->clear_button, anything_chosen (self));
}

/* The page's own changes (clearing it, a new network) say so once, when they are done. */
static void
changed (EntSourcesPage *self)
{
  if (self->quiet > 0)
    return;
  update_summary (self);
  g_signal_emit (self, signals[FILTER_CHANGED], 0);
}

static void
item_chosen_cb (EntSourcesPage *self)
{
  changed (self);
}

static void
search_changed_cb (EntSourcesPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_clear_pointer (&self->search, g_free);
  if (text[0] != '\0')
    self->search = g_utf8_casefold (text, -1);
  /* Only which rows show changes: the list is not built again, and the filter stays as it was. */
  gtk_filter_changed (GTK_FILTER (self->search_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
publisher_changed_cb (EntSourcesPage *self)
{
  changed (self);
}

/* A date the entry cannot use is shown as an error and ignored, so that half a date typed hides nothing yet. */
static void
date_changed_cb (EntSourcesPage *self,
                 GtkEditable    *entry)
{
  const char *text = gtk_editable_get_text (entry);

  gboolean invalid = text[0] != '\0' && entry_date (GTK_WIDGET (entry)) == NULL;

  if (invalid)
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID,
                               invalid ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE, -1);
  changed (self);
}

static void
clear_clicked_cb (EntSourcesPage *self)
{
  ent_sources_page_clear (self);
}

static void
row_activated_cb (EntSourcesPage *self,
                  guint           position)
{
  g_autoptr(EntSourceItem) item = g_list_model_get_item (G_LIST_MODEL (self->shown), position);

  if (item != NULL)
    g_signal_emit (self, signals[SOURCE_ACTIVATED], 0, item->source_id);
}

static void
open_clicked_cb (GtkButton      *button,
                 EntSourcesPage *self)
{
  GtkListItem *list_item = g_object_get_data (G_OBJECT (button), "list-item");
  EntSourceItem *item = gtk_list_item_get_item (list_item);

  if (item != NULL)
    g_signal_emit (self, signals[SOURCE_ACTIVATED], 0, item->source_id);
}

static gboolean
search_match (gpointer object,
              gpointer user_data)
{
  EntSourcesPage *self = user_data;
  EntSourceItem *item = object;

  return self->search == NULL || strstr (item->folded, self->search) != NULL;
}

static void
shown_changed_cb (EntSourcesPage *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->shown)) == 0;

  if (g_list_model_get_n_items (G_LIST_MODEL (self->items)) == 0)
    gtk_label_set_text (GTK_LABEL (self->empty_label), _("This network has no sources"));
  else
    gtk_label_set_text (GTK_LABEL (self->empty_label), _("No source matches the search"));
  gtk_stack_set_visible_child_name (GTK_STACK (self->list_stack), empty ? "empty" : "list");
}

/* A row: the check button that chooses the source, its title, details and support, and a button to read it. */
static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              EntSourcesPage           *self)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *details = gtk_label_new (NULL);
  GtkWidget *support = gtk_label_new (NULL);
  GtkWidget *open = gtk_button_new_from_icon_name ("go-next-symbolic");

  gtk_widget_set_margin_top (row, 6);
  gtk_widget_set_margin_bottom (row, 6);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_widget_set_valign (texts, GTK_ALIGN_CENTER);
  for (guint i = 0; i < 3; i++)
    {
      GtkWidget *label = i == 0 ? title : i == 1 ? details : support;

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_box_append (GTK_BOX (texts), label);
    }
  gtk_label_set_lines (GTK_LABEL (title), 2);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (details, "dim-label");
  gtk_widget_add_css_class (details, "caption");
  gtk_widget_add_css_class (support, "dim-label");
  gtk_widget_add_css_class (support, "caption");
  gtk_widget_add_css_class (open, "flat");
  gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (open, _("Read the source"));
  g_object_set_data (G_OBJECT (open), "list-item", list_item);
  g_signal_connect (open, "clicked", G_CALLBACK (open_clicked_cb), self);

  gtk_box_append (GTK_BOX (row), check);
  gtk_box_append (GTK_BOX (row), texts);
  gtk_box_append (GTK_BOX (row), open);
  g_object_set_data (G_OBJECT (row), "check", check);
  g_object_set_data (G_OBJECT (row), "title", title);
  g_object_set_data (G_OBJECT (row), "details", details);
  g_object_set_data (G_OBJECT (row), "support", support);
  g_object_set_data (G_OBJECT (row), "open", open);
  gtk_list_item_set_child (list_item, row);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             EntSourcesPage           *self)
{
  EntSourceItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *row = gtk_list_item_get_child (list_item);
  GtkWidget *check = g_object_get_data (G_OBJECT (row), "check");
  GtkWidget *details = g_object_get_data (G_OBJECT (row), "details");
  g_autofree char *choose = g_strdup_printf (_("Show only what ‘%s’ supports"), item->title);
  g_autofree char *read = g_strdup_printf (_("Read ‘%s’"), item->title);
  GBinding *binding;

  /* Titles come from files of others: plain text, never markup. */
  gtk_label_set_text (g_object_get_data (G_OBJECT (row), "title"), item->title);
  gtk_widget_set_tooltip_text (g_object_get_data (G_OBJECT (row), "title"), item->title);
  gtk_label_set_text (GTK_LABEL (details), item->details != NULL ? item->details : "");
  gtk_widget_set_visible (details, item->details != NULL);
  gtk_label_set_text (g_object_get_data (G_OBJECT (row), "support"), item->support);

  binding = g_object_bind_property (item, "chosen", check, "active", G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_set_data (G_OBJECT (list_item), "binding", binding);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, choose, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (g_object_get_data (G_OBJECT (row), "open")),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, read, -1);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               EntSourcesPage           *self)
{
  GBinding *binding = g_object_steal_data (G_OBJECT (list_item), "binding");

  if (binding != NULL)
    g_binding_unbind (binding);
}

static char *
describe_support (const EntSourceSupport *support)
{
  g_autofree char *entities = g_strdup_printf (ngettext ("%u entity", "%u entities", support->n_entities),
                                               support->n_entities);
  g_autofree char *relations = g_strdup_printf (ngettext ("%u relation", "%u relations", support->n_relations),
                                                support->n_relations);

  /* Translators: what a source supports, e.g. "3 entities · 2 relations" */
  return g_strdup_printf (_("%s · %s"), entities, relations);
}

static char *
describe_details (const EntSource *source)
{
  gboolean has_publisher = source->publisher != NULL && source->publisher[0] != '\0';
  g_autofree char *date = ent_date_is_valid (source->published) ? ent_date_format (source->published) : NULL;

  if (has_publisher && date != NULL)
    /* Translators: a source's publisher and the date it was published, e.g. "The Hindu · 11 March 2024" */
    return g_strdup_printf (_("%s · %s"), source->publisher, date);
  if (has_publisher)
    return g_strdup (source->publisher);
  return g_steal_pointer (&date);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

/* The drop-down's publishers: each once, however it is written, in order; @keep stays chosen if it is still there. */
static void
fill_publishers (EntSourcesPage *self,
                 const char     *keep)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GtkStringList) publishers = gtk_string_list_new (NULL);
  g_autofree char *kept = keep != NULL ? g_utf8_casefold (keep, -1) : NULL;
  guint selected = 0;

  for (guint i = 0; self->graph != NULL && i < self->graph->sources->len; i++)
    {
      const EntSource *source = g_ptr_array_index (self->graph->sources, i);
      char *folded;

      if (source->publisher == NULL || source->publisher[0] == '\0')
        continue;
      folded = g_utf8_casefold (source->publisher, -1);
      if (!g_hash_table_add (seen, folded))
        continue;
      g_ptr_array_add (names, source->publisher);
    }
  g_ptr_array_sort (names, compare_strings);

  gtk_string_list_append (publishers, _("Any publisher"));
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *folded = g_utf8_casefold (g_ptr_array_index (names, i), -1);

      gtk_string_list_append (publishers, g_ptr_array_index (names, i));
      if (kept != NULL && g_str_equal (folded, kept))
        selected = i + 1;
    }

  g_set_object (&self->publishers, publishers);
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->publisher_drop_down), G_LIST_MODEL (publishers));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->publisher_drop_down), selected);
  gtk_widget_set_sensitive (self->publisher_drop_down, names->len > 0);
}

static void
ent_sources_page_dispose (GObject *object)
{
  EntSourcesPage *self = ENT_SOURCES_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ENT_TYPE_SOURCES_PAGE);
  g_clear_object (&self->shown);
  g_clear_object (&self->items);
  g_clear_object (&self->publishers);
  g_clear_pointer (&self->index, ent_source_index_free);
  g_clear_pointer (&self->graph, ent_graph_unref);
  g_clear_pointer (&self->search, g_free);

  G_OBJECT_CLASS (ent_sources_page_parent_class)->dispose (object);
}

static void
ent_sources_page_class_init (EntSourcesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ent_sources_page_dispose;

  /**
   * EntSourcesPage::filter-changed:
   *
   * What the page chooses changed: ent_sources_page_get_filter() says what it is now.
   */
  signals[FILTER_CHANGED] =
    g_signal_new ("filter-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
  /**
   * EntSourcesPage::source-activated:
   * @source_id: the id of the source
   *
   * The user asked to read a source.
   */
  signals[SOURCE_ACTIVATED] =
    g_signal_new ("source-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ent-sources-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EntSourcesPage, controls);
  gtk_widget_class_bind_template_child (widget_class, EntSourcesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, EntSourcesPage, publisher_drop_down);
  gtk_widget_class_bind_template_child (widget_class, EntSourcesPage, from_entry);
  gtk_widget_class_bind_template_child (widget_class, EntSourcesPage, to_entry);
  gtk_widget_class_bind_template_child (widget_class, EntSourcesPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, EntSourcesPage, clear_button);
  gtk_widget_class_bind_template_child (widget_class, EntSourcesPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, EntSourcesPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, EntSourcesPage, empty_label);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, publisher_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
ent_sources_page_init (EntSourcesPage *self)
{
  GtkListItemFactory *factory;
  GtkNoSelection *selection;
  GtkExpression *publisher;

  self->quiet = 1;
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  self->items = g_list_store_new (ENT_TYPE_SOURCE_ITEM);
  self->search_filter = gtk_custom_filter_new (search_match, self, NULL);
  self->shown = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->items)),
                                           GTK_FILTER (self->search_filter));
  g_signal_connect_swapped (self->shown, "items-changed", G_CALLBACK (shown_changed_cb), self);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->shown)));
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  gtk_list_view_set_model (GTK_LIST_VIEW (self->list_view), GTK_SELECTION_MODEL (selection));
  gtk_list_view_set_factory (GTK_LIST_VIEW (self->list_view), factory);
  g_object_unref (selection);
  g_object_unref (factory);

  /* The drop-down keeps a reference of its own. */
  publisher = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_drop_down_set_expression (GTK_DROP_DOWN (self->publisher_drop_down), publisher);
  gtk_expression_unref (publisher);
  fill_publishers (self, NULL);
  shown_changed_cb (self);
  update_summary (self);
  self->quiet = 0;
}

GtkWidget *
ent_sources_page_new (void)
{
  return g_object_new (ENT_TYPE_SOURCES_PAGE, NULL);
}

/**
 * ent_sources_page_set_graph:
 * @self: the page
 * @graph: (nullable): the network, or %NULL for none
 *
 * Lists @graph's sources with what each supports. Sources chosen before stay
 * chosen if @graph still has them, and so do the publisher and the dates; the
 * page emits ::filter-changed when anything was chosen, as the filter of the
 * same choice in another network is another filter.
 */
void
ent_sources_page_set_graph (EntSourcesPage *self,
                            EntGraph       *graph)
{
  g_autoptr(GHashTable) chosen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) before = NULL;
  g_autoptr(GArray) counts = NULL;
  g_autofree char *publisher = NULL;
  gboolean was_chosen;

  g_return_if_fail (ENT_IS_SOURCES_PAGE (self));

  was_chosen = anything_chosen (self);
  before = chosen_ids (self);
  for (guint i = 0; i < before->len; i++)
    g_hash_table_add (chosen, &g_array_index (before, gint64, i));
  publisher = g_strdup (chosen_publisher (self));

  if (graph != NULL)
    ent_graph_ref (graph);
  g_clear_pointer (&self->index, ent_source_index_free);
  g_clear_pointer (&self->graph, ent_graph_unref);
  self->graph = graph;
  self->index = graph != NULL ? ent_source_index_new (graph) : NULL;

  counts = self->index != NULL ? ent_source_index_support_count (self->index) : NULL;
  for (guint i = 0; graph != NULL && i < graph->sources->len; i++)
    {
      const EntSource *source = g_ptr_array_index (graph->sources, i);
      EntSourceItem *item = g_object_new (ENT_TYPE_SOURCE_ITEM, NULL);
      g_autofree char *searched = NULL;

      item->source_id = source->id;
      item->title = g_strdup (source->title != NULL && source->title[0] != '\0' ? source->title : _("Untitled source"));
      item->details = describe_details (source);
      item->support = describe_support (&g_array_index (counts, EntSourceSupport, i));
      searched = g_strconcat (item->title, "\n", source->publisher != NULL ? source->publisher : "", NULL);
      item->folded = g_utf8_casefold (searched, -1);
      item->chosen = g_hash_table_contains (chosen, &source->id);
      g_signal_connect_object (item, "notify::chosen", G_CALLBACK (item_chosen_cb), self, G_CONNECT_SWAPPED);
      g_ptr_array_add (items, item);
    }

  self->quiet++;
  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       items->pdata, items->len);
  fill_publishers (self, publisher);
  shown_changed_cb (self);
  self->quiet--;

  update_summary (self);
  if (was_chosen || anything_chosen (self))
    g_signal_emit (self, signals[FILTER_CHANGED], 0);
}

/**
 * ent_sources_page_get_filter:
 * @self: the page
 *
 * Returns: (transfer full) (nullable): what the chosen sources, publisher and
 *   dates support, or %NULL when nothing is chosen
 */
EntItemFilter *
ent_sources_page_get_filter (EntSourcesPage *self)
{
  g_autoptr(GArray) ids = NULL;
  EntSourceSelection selection;

  g_return_val_if_fail (ENT_IS_SOURCES_PAGE (self), NULL);

  if (self->index == NULL || !anything_chosen (self))
    return NULL;

  ids = chosen_ids (self);
  selection = (EntSourceSelection) {
    .source_ids = ids,
    .publisher = chosen_publisher (self),
    .published_from = entry_date (self->from_entry),
    .published_to = entry_date (self->to_entry),
  };
  return ent_source_index_filter (self->index, &selection);
}

/**
 * ent_sources_page_clear:
 * @self: the page
 *
 * Chooses nothing: no source, any publisher, no dates. Emits ::filter-changed once.
 */
void
ent_sources_page_clear (EntSourcesPage *self)
{
  guint n;

  g_return_if_fail (ENT_IS_SOURCES_PAGE (self));

  self->quiet++;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EntSourceItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      g_object_set (item, "chosen", FALSE, NULL);
    }
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->publisher_drop_down), 0);
  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), "");
  self->quiet--;

  update_summary (self);
  g_signal_emit (self, signals[FILTER_CHANGED], 0);
}
