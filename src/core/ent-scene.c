/* ent-scene.c: what to draw, in graph coordinates
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-scene"

#include "config.h"

#include "ent-scene.h"
#include "ent-label-measure.h"
#include "ent-scene-private.h"
#include "ent-spatial-index.h"
#include "ent-style.h"


/* The layout of @text, shared by every item of the scene with the same text and wrap width. Called with the lock held. */
static PangoLayout *
shared_label_layout (EntScene   *self,
                     const char *text,
                     double      wrap_width)
{
  g_autofree char *key = g_strdup_printf ("%g\n%s", wrap_width, text);
  PangoLayout *layout = g_hash_table_lookup (self->layouts, key);

  if (layout == NULL)
    {
      layout = ent_label_layout_new (text, wrap_width);
      g_hash_table_insert (self->layouts, g_steal_pointer (&key), layout);
    }

  return g_object_ref (layout);
}

/* A node, placed once its label is measured. */
static EntSceneItem
new_node (EntScene  *self,
          EntEntity *entity)
{
  EntSceneItem item = { 0 };
  guint kind = _ent_scene_kinds_resolve (&self->kinds, self->graph, entity);

  item.type = ENT_SCENE_ITEM_NODE;
  item.id = entity->id;
  item.kind = kind;
  item.look = &((EntSceneKind *) g_ptr_array_index (self->kinds.kinds, kind))->look;
  item.label = _ent_scene_node_label (entity);
  item.radius = _ent_scene_shape_radius ();

  return item;
}

static guint64
pair_key (gint64 a,
          gint64 b)
{
  gint64 lo = MIN (a, b), hi = MAX (a, b);

  return ((guint64) lo << 32) ^ (guint64) hi;
}

/* The width of an edge backed by @n_sources distinct sources, in points. */
double
ent_scene_edge_width (guint n_sources)
{
  return 0.8 + 0.45 * MIN (n_sources, ENT_SCENE_MAX_SOURCES_SHOWN);
}

/*
 * How many distinct sources back a relation: three quotes from one article
 * are one source. Relations have few quotes, so they are compared pairwise.
 */
static guint
count_sources (EntGraph    *graph,
               EntRelation *relation)
{
  guint n_quotes = relation->quote_ids ? relation->quote_ids->len : 0;
  guint n_sources = 0;

  for (guint i = 0; i < n_quotes; i++)
    {
      EntQuote *quote = ent_graph_get_quote (graph, g_array_index (relation->quote_ids, gint64, i));
      gboolean seen = FALSE;

      if (quote == NULL)
        continue;
      for (guint j = 0; j < i && !seen; j++)
        {
          EntQuote *other = ent_graph_get_quote (graph, g_array_index (relation->quote_ids, gint64, j));

          seen = other != NULL && other->source_id == quote->source_id;
        }
      n_sources += !seen;
    }

  return n_sources;
}

/* An edge, placed once its label is measured and its ends are placed. Its width grows with its sources, up to
 * ENT_SCENE_MAX_SOURCES_SHOWN; one no quote backs is dashed. */
static EntSceneItem
new_edge (EntGraph    *graph,
          EntRelation *relation,
          int          slot,
          int          n_slots)
{
  EntSceneItem item = { 0 };
  guint n_quotes = relation->quote_ids ? relation->quote_ids->len : 0;
  guint n_sources = n_quotes > 0 ? count_sources (graph, relation) : 0;

  item.type = ENT_SCENE_ITEM_EDGE;
  item.id = relation->id;
  item.from_id = relation->from_id;
  item.to_id = relation->to_id;
  item.directed = relation->directed;
  item.dashed = n_quotes == 0;
  item.disputed = relation->disputing_ids != NULL && relation->disputing_ids->len > 0;
  item.line_width = ent_scene_edge_width (n_sources);
  item.slot = slot;
  item.n_slots = n_slots;
  item.label = _ent_scene_edge_label (relation);

  return item;
}

/**
 * ent_scene_get_layout:
 * @self: a scene
 * @item: one of its items
 *
 * The Pango layout of the item's label, made on first use: most labels are
 * never drawn. Items with the same text share one.
 *
 * Returns: (transfer none) (nullable): the layout, or %NULL when the item has no label
 */
PangoLayout *
ent_scene_get_layout (EntScene           *self,
                      const EntSceneItem *item)
{
  PangoLayout *layout;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (item != NULL, NULL);

  if (item->label == NULL || *item->label == '\0')
    return NULL;

  g_mutex_lock (&self->lock);
  if (item->layout == NULL)
    ((EntSceneItem *) item)->layout =
      shared_label_layout (self, item->label, item->type == ENT_SCENE_ITEM_NODE ? ENT_STYLE_LABEL_WIDTH : 0);
  layout = item->layout;
  g_mutex_unlock (&self->lock);

  return layout;
}

/**
 * ent_scene_get_title:
 * @self: a scene
 * @index: an item's index
 *
 * The plain text for the item's tooltip and SVG title: the entity's name,
 * or the relation's ends and label, and the first quote behind it. Made on
 * first use, as most items never show one.
 *
 * Returns: (transfer none): the title
 */
const char *
ent_scene_get_title (EntScene *self,
                     guint     index)
{
  const EntSceneItem *item;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->items->len, NULL);

  if (self->titles[index] != NULL)
    return self->titles[index];

  item = &g_array_index (self->items, EntSceneItem, index);
  self->titles[index] = _ent_scene_item_title (self->graph, item);

  return self->titles[index];
}

/* Measures the whole scene and indexes every item's bounds. */
static void
index_items (EntScene *self)
{
  g_autofree EntRect *rects = g_new (EntRect, MAX (self->items->len, 1));

  self->bounds = (EntRect) { 0, 0, -1, -1 };
  for (guint i = 0; i < self->items->len; i++)
    {
      rects[i] = g_array_index (self->items, EntSceneItem, i).bounds;
      ent_rect_union (&self->bounds, &rects[i]);
    }
  if (ent_rect_is_empty (&self->bounds))
    self->bounds = (EntRect) { 0, 0, 0, 0 };

  g_clear_pointer (&self->index, ent_spatial_index_free);
  self->index = ent_spatial_index_new (rects, self->items->len);
}

static void
clear_item (gpointer data)
{
  EntSceneItem *item = data;

  g_free (item->label);
  g_free (item->route);
  g_free (item->bundle);
  g_clear_object (&item->layout);
}

static void
clear_legend_entry (gpointer data)
{
  EntSceneLegendEntry *entry = data;

  g_clear_object (&entry->layout);
}

/* The labels of @n items, each distinct text once, ready to measure; @item_measure gets each item's measure. */
static GArray *
collect_measures (const EntSceneItem *items,
                  guint               n,
                  guint              *item_measure)
{
  g_autoptr(GHashTable) measure_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GArray *measures = g_array_new (FALSE, TRUE, sizeof (EntLabelMeasure));

  for (guint i = 0; i < n; i++)
    {
      double wrap_width = items[i].type == ENT_SCENE_ITEM_NODE ? ENT_STYLE_LABEL_WIDTH : 0;
      char *key = g_strdup_printf ("%g\n%s", wrap_width, items[i].label);
      gpointer found;

      if (g_hash_table_lookup_extended (measure_index, key, NULL, &found))
        {
          item_measure[i] = GPOINTER_TO_UINT (found);
          g_free (key);
          continue;
        }

      item_measure[i] = measures->len;
      g_array_append_vals (measures, &(EntLabelMeasure) { items[i].label, wrap_width }, 1);
      g_hash_table_insert (measure_index, key, GUINT_TO_POINTER (item_measure[i]));
    }

  return measures;
}

static void
apply_measures (EntSceneItem *items,
                guint         n,
                const guint  *item_measure,
                GArray       *measures)
{
  for (guint i = 0; i < n; i++)
    {
      items[i].label_ink = g_array_index (measures, EntLabelMeasure, item_measure[i]).ink;
      items[i].label_logical = g_array_index (measures, EntLabelMeasure, item_measure[i]).logical;
    }
}

/* Measures the labels of @n items, each distinct text once, and keeps the extents on the items. */
static void
measure_items (EntSceneItem *items,
               guint         n)
{
  g_autofree guint *item_measure = g_new (guint, n + 1);
  g_autoptr(GArray) measures = collect_measures (items, n, item_measure);

  ent_label_measure ((EntLabelMeasure *) measures->data, measures->len);
  apply_measures (items, n, item_measure, measures);
}

static guint
count_edges (EntScene *self)
{
  guint n_edges = 0;

  while (n_edges < self->items->len && g_array_index (self->items, EntSceneItem, n_edges).type == ENT_SCENE_ITEM_EDGE)
    n_edges++;

  return n_edges;
}

/* Places the edges anew with their labels measured, and indexes them so. Called with the lock held. */
static void
index_edge_labels (EntScene *self,
                   guint     n_edges)
{
  for (guint i = 0; i < n_edges; i++)
    _ent_scene_place_edge (&g_array_index (self->items, EntSceneItem, i),
                &g_array_index (self->items, EntSceneItem, self->edge_ends[2 * i]),
                &g_array_index (self->items, EntSceneItem, self->edge_ends[2 * i + 1]));
  index_items (self);
  self->edge_labels_measured = TRUE;
}

/**
 * ent_scene_measure_edge_labels:
 * @self: a scene
 *
 * Measures the labels of the edges, which a new scene leaves out of their
 * bounds, and indexes the edges with them. Drawing calls this before it
 * shows an edge label; it does something only the first time.
 */
void
ent_scene_measure_edge_labels (EntScene *self)
{
  guint n_edges;

  g_return_if_fail (self != NULL);

  g_mutex_lock (&self->lock);
  if (!self->edge_labels_measured)
    {
      n_edges = count_edges (self);
      measure_items ((EntSceneItem *) self->items->data, n_edges);
      index_edge_labels (self, n_edges);
    }
  g_mutex_unlock (&self->lock);
}

/**
 * ent_scene_has_edge_labels:
 * @self: a scene
 *
 * Returns: whether the edge labels are measured and in the edges' bounds
 */
gboolean
ent_scene_has_edge_labels (EntScene *self)
{
  gboolean measured;

  g_return_val_if_fail (self != NULL, FALSE);

  g_mutex_lock (&self->lock);
  measured = self->edge_labels_measured;
  g_mutex_unlock (&self->lock);

  return measured;
}

typedef struct
{
  EntScene *scene;          /* kept alive: the measures point at its labels */
  guint     n_edges;
  guint    *item_measure;
  GArray   *measures;
} EdgeLabelJob;

static void
edge_label_job_free (EdgeLabelJob *job)
{
  ent_scene_unref (job->scene);
  g_free (job->item_measure);
  g_array_unref (job->measures);
  g_free (job);
}

static void
measure_edge_labels_thread (GTask        *task,
                            gpointer      source_object,
                            gpointer      task_data,
                            GCancellable *cancellable)
{
  EdgeLabelJob *job = task_data;

  ent_label_measure_in_pool ((EntLabelMeasure *) job->measures->data, job->measures->len);
  g_task_return_boolean (task, TRUE);
}

/**
 * ent_scene_measure_edge_labels_async:
 * @self: a scene
 * @cancellable: (nullable): a cancellable
 * @callback: called when done
 * @user_data: for @callback
 *
 * Measures the edge labels on other threads, so that the first frame that
 * shows one need not wait; ent_scene_measure_edge_labels_finish(), called
 * on the scene's thread, puts them in place.
 */
void
ent_scene_measure_edge_labels_async (EntScene            *self,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  EdgeLabelJob *job;

  g_return_if_fail (self != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ent_scene_measure_edge_labels_async);
  if (self->edge_labels_measured)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  /* The labels' text does not change once the scene is built, so the job may read it from another thread. */
  job = g_new0 (EdgeLabelJob, 1);
  job->scene = ent_scene_ref (self);
  job->n_edges = count_edges (self);
  job->item_measure = g_new (guint, job->n_edges + 1);
  job->measures = collect_measures ((const EntSceneItem *) self->items->data, job->n_edges, job->item_measure);
  g_task_set_task_data (task, job, (GDestroyNotify) edge_label_job_free);
  g_task_set_check_cancellable (task, TRUE);
  g_task_run_in_thread (task, measure_edge_labels_thread);
}

/**
 * ent_scene_measure_edge_labels_finish:
 * @self: the scene
 * @result: the result given to the callback
 * @error: return location for an error
 *
 * Returns: %FALSE when cancelled
 */
gboolean
ent_scene_measure_edge_labels_finish (EntScene      *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  EdgeLabelJob *job;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  job = g_task_get_task_data (G_TASK (result));
  g_return_val_if_fail (job == NULL || job->scene == self, FALSE);
  g_mutex_lock (&self->lock);
  if (job != NULL && !self->edge_labels_measured)
    {
      apply_measures ((EntSceneItem *) self->items->data, job->n_edges, job->item_measure, job->measures);
      index_edge_labels (self, job->n_edges);
    }
  g_mutex_unlock (&self->lock);

  return TRUE;
}

/**
 * ent_scene_new:
 * @graph: the network
 * @positions: (element-type EntPosition): where each entity's node is centred
 *
 * Builds the display list. Entities without a position are left out, and so
 * are relations to them.
 *
 * Returns: (transfer full): the scene
 */
EntScene *
ent_scene_new (EntGraph *graph,
               GArray   *positions)
{
  return ent_scene_new_routed (graph, positions, NULL);
}

/**
 * ent_scene_new_routed:
 * @graph: the network
 * @positions: (element-type EntPosition): where each entity's node is centred
 * @routes: (nullable) (element-type EntRoute): the layout engine's routes of
 *   some relations, as stored with @positions
 *
 * Builds the display list as ent_scene_new() does, drawing each relation
 * along its route where it has one whose ends are at its two nodes.
 *
 * Returns: (transfer full): the scene
 */
EntScene *
ent_scene_new_routed (EntGraph *graph,
                      GArray   *positions,
                      GArray   *routes)
{
  return ent_scene_new_full (graph, positions, routes, NULL);
}

/* Maps the relation of each of @paths (EntRoute) to it. */
static GHashTable *
index_paths (GArray *paths)
{
  GHashTable *by_relation = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; paths != NULL && i < paths->len; i++)
    {
      EntRoute *path = &g_array_index (paths, EntRoute, i);
      g_hash_table_insert (by_relation, &path->relation_id, path);
    }

  return by_relation;
}

/**
 * ent_scene_new_full:
 * @graph: the network
 * @positions: (element-type EntPosition): where each entity's node is centred
 * @routes: (nullable) (element-type EntRoute): the layout engine's routes of
 *   some relations, as stored with @positions
 * @bundles: (nullable) (element-type EntRoute): the edge bundles of some
 *   relations, as stored with @positions
 *
 * Builds the display list as ent_scene_new_routed() does, drawing each
 * relation along its bundle where it has one whose ends are at its two
 * nodes, in place of its route.
 *
 * Returns: (transfer full): the scene
 */
EntScene *
ent_scene_new_full (EntGraph *graph,
                    GArray   *positions,
                    GArray   *routes,
                    GArray   *bundles)
{
  EntScene *self;
  g_autoptr(GHashTable) by_relation = index_paths (routes);
  g_autoptr(GHashTable) bundle_by_relation = index_paths (bundles);
  g_autoptr(GHashTable) by_entity = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) pair_counts = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) pair_slots = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) nodes = g_array_new (FALSE, FALSE, sizeof (EntSceneItem));
  g_autoptr(GArray) keys = g_array_sized_new (FALSE, FALSE, sizeof (guint64), graph->relations->len);
  g_autoptr(GPtrArray) node_positions = g_ptr_array_new ();
  g_autoptr(GArray) edge_ends = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n_edges;

  g_return_val_if_fail (graph != NULL, NULL);
  g_return_val_if_fail (positions != NULL, NULL);

  self = g_new0 (EntScene, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->graph = ent_graph_ref (graph);
  self->items = g_array_new (FALSE, FALSE, sizeof (EntSceneItem));
  g_array_set_clear_func (self->items, clear_item);
  self->legend = g_array_new (FALSE, FALSE, sizeof (EntSceneLegendEntry));
  g_array_set_clear_func (self->legend, clear_legend_entry);
  self->node_index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_mutex_init (&self->lock);
  _ent_scene_kinds_init (&self->kinds, graph);

  for (guint i = 0; i < positions->len; i++)
    {
      EntPosition *position = &g_array_index (positions, EntPosition, i);
      g_hash_table_insert (by_entity, &position->entity_id, position);
    }

  /* Nodes are built first, in an array of their own, for the edges to read; they are painted last. */
  for (guint i = 0; i < graph->entities->len; i++)
    {
      EntEntity *entity = g_ptr_array_index (graph->entities, i);
      EntPosition *position = g_hash_table_lookup (by_entity, &entity->id);
      EntSceneItem item;

      if (position == NULL)
        continue;
      item = new_node (self, entity);
      g_array_append_val (nodes, item);
      g_ptr_array_add (node_positions, position);
    }

  for (guint i = 0; i < nodes->len; i++)
    {
      EntSceneItem *node = &g_array_index (nodes, EntSceneItem, i);
      g_hash_table_insert (self->node_index, g_memdup2 (&node->id, sizeof node->id), GUINT_TO_POINTER (i + 1));
    }

  for (guint i = 0; i < graph->relations->len; i++)
    {
      EntRelation *relation = g_ptr_array_index (graph->relations, i);
      guint64 key = pair_key (relation->from_id, relation->to_id);
      gpointer count = g_hash_table_lookup (pair_counts, &key);

      g_array_append_val (keys, key);
      g_hash_table_insert (pair_counts, &g_array_index (keys, guint64, keys->len - 1),
                           GINT_TO_POINTER (GPOINTER_TO_INT (count) + 1));
    }

  for (guint i = 0; i < graph->relations->len; i++)
    {
      EntRelation *relation = g_ptr_array_index (graph->relations, i);
      guint from = GPOINTER_TO_UINT (g_hash_table_lookup (self->node_index, &relation->from_id));
      guint to = GPOINTER_TO_UINT (g_hash_table_lookup (self->node_index, &relation->to_id));
      guint64 *key = &g_array_index (keys, guint64, i);
      int slot = GPOINTER_TO_INT (g_hash_table_lookup (pair_slots, key));
      EntSceneItem item;

      g_hash_table_insert (pair_slots, key, GINT_TO_POINTER (slot + 1));
      if (from == 0 || to == 0)
        continue;

      item = new_edge (graph, relation, slot, GPOINTER_TO_INT (g_hash_table_lookup (pair_counts, key)));
      g_array_append_val (self->items, item);
      g_array_append_val (edge_ends, from);
      g_array_append_val (edge_ends, to);
    }

  /* Node labels decide where shapes go and are measured now; edge labels, drawn only when zoomed in, when needed. */
  measure_items ((EntSceneItem *) nodes->data, nodes->len);

  for (guint i = 0; i < nodes->len; i++)
    {
      EntPosition *position = g_ptr_array_index (node_positions, i);
      _ent_scene_place_node (&g_array_index (nodes, EntSceneItem, i), position->x, position->y);
    }
  for (guint i = 0; i < self->items->len; i++)
    {
      EntSceneItem *edge = &g_array_index (self->items, EntSceneItem, i);
      const EntSceneItem *from = &g_array_index (nodes, EntSceneItem, g_array_index (edge_ends, guint, 2 * i) - 1);
      const EntSceneItem *to = &g_array_index (nodes, EntSceneItem, g_array_index (edge_ends, guint, 2 * i + 1) - 1);
      const EntRoute *bundle = g_hash_table_lookup (bundle_by_relation, &edge->id);

      _ent_scene_route_edge (edge, from, to, g_hash_table_lookup (by_relation, &edge->id));
      if (bundle != NULL)
        _ent_scene_bundle_edge (edge, from, to, bundle);
    }

  /* Now the nodes follow the edges, and the index maps to their final places. */
  n_edges = self->items->len;
  self->edge_ends = g_new (guint, 2 * n_edges + 1);
  for (guint i = 0; i < 2 * n_edges; i++)
    self->edge_ends[i] = g_array_index (edge_ends, guint, i) - 1 + n_edges;
  g_array_append_vals (self->items, nodes->data, nodes->len);
  g_array_set_size (nodes, 0);
  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, self->node_index);
    while (g_hash_table_iter_next (&iter, &key, &value))
      g_hash_table_iter_replace (&iter, GUINT_TO_POINTER (GPOINTER_TO_UINT (value) + n_edges));
  }

  index_items (self);
  _ent_scene_kinds_build_legend (&self->kinds, graph, &self->bounds, self->legend, &self->legend_bounds);
  self->titles = g_new0 (char *, self->items->len);

  return self;
}

G_DEFINE_BOXED_TYPE (EntScene, ent_scene, ent_scene_ref, ent_scene_unref)

EntScene *
ent_scene_ref (EntScene *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
ent_scene_unref (EntScene *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  for (guint i = 0; i < self->items->len; i++)
    g_free (self->titles[i]);
  g_free (self->titles);
  g_array_unref (self->items);
  g_array_unref (self->legend);
  g_hash_table_unref (self->layouts);
  g_mutex_clear (&self->lock);
  g_free (self->edge_ends);
  g_hash_table_unref (self->node_index);
  ent_spatial_index_free (self->index);
  _ent_scene_kinds_clear (&self->kinds);
  ent_graph_unref (self->graph);
  g_free (self);
}

guint
ent_scene_get_n_items (EntScene *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->items->len;
}

const EntSceneItem *
ent_scene_get_item (EntScene *self,
                    guint     index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->items->len, NULL);

  return &g_array_index (self->items, EntSceneItem, index);
}

guint
ent_scene_get_n_kinds (EntScene *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->kinds.kinds->len;
}

/* The kind at @index, which scene items and legend entries name. */
const EntSceneKind *
ent_scene_get_kind (EntScene *self,
                    guint     index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->kinds.kinds->len, NULL);

  return g_ptr_array_index (self->kinds.kinds, index);
}

/* The index of the kind with @key, or -1 when the scene has none. */
int
ent_scene_find_kind (EntScene   *self,
                     const char *key)
{
  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (key != NULL, -1);

  return (int) GPOINTER_TO_UINT (g_hash_table_lookup (self->kinds.index, key)) - 1;
}

const EntSceneItem *
ent_scene_find_node (EntScene *self,
                     gint64    entity_id)
{
  guint index;

  g_return_val_if_fail (self != NULL, NULL);

  index = GPOINTER_TO_UINT (g_hash_table_lookup (self->node_index, &entity_id));
  return index > 0 ? &g_array_index (self->items, EntSceneItem, index - 1) : NULL;
}

void
ent_scene_get_bounds (EntScene *self,
                      gboolean  with_legend,
                      EntRect  *bounds)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (bounds != NULL);

  *bounds = self->bounds;
  if (with_legend && self->legend->len > 0)
    ent_rect_union (bounds, &self->legend_bounds);
}

void
ent_scene_get_legend (EntScene                   *self,
                      const EntSceneLegendEntry **entries,
                      guint                      *n_entries,
                      EntRect                    *bounds)
{
  g_return_if_fail (self != NULL);

  *entries = (const EntSceneLegendEntry *) self->legend->data;
  *n_entries = self->legend->len;
  *bounds = self->legend_bounds;
}
