/* ent-view-state.c: what the diagram shows and how, short of drawing it
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The graph view keeps one of these for its scene: which items the kind
 * filter and the focus hide, and which the selection fades or the pointer
 * highlights. None of it needs a widget, so all of it is tested here.
 */

#define G_LOG_DOMAIN "ent-view-state"

#include "config.h"

#include "ent-view-state.h"
#include "ent-renderer.h"

#include <math.h>

struct _EntViewState
{
  EntScene   *scene;
  /* Scene item indices by entity and by relation id; the keys point at the ids in the scene's items. */
  GHashTable *node_indices;
  GHashTable *edge_indices;
  /* The scene paints edges first: items below this index are edges, the rest nodes. */
  guint       n_edges;
  /* The indices of each edge's two nodes, so that nothing needs looking up by id as the filters change. */
  guint      *edge_from;
  guint      *edge_to;

  /* The keys of the hidden kinds, which outlive a scene, and whether each of the scene's kinds is one of them. */
  GHashTable *hidden_kinds;
  gboolean   *kind_hidden;
  gint64      focus_entity;
  guint       focus_depth;
  EntItemFilter *filters[ENT_VIEW_N_FILTERS];
  /* The entities and relations of a chain between two entities that the view picks out, or NULL. */
  GHashTable *chain_entities;
  GHashTable *chain_relations;
  char       *chain_caption;

  /* One byte per scene item: whether the kind filter or the focus hides it. */
  guint8     *hidden;
  /* One EntItemState per scene item, rebuilt when something changes rather than each frame. */
  guint8     *states;
};

EntViewState *
ent_view_state_new (void)
{
  EntViewState *self = g_new0 (EntViewState, 1);

  self->node_indices = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->edge_indices = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->hidden_kinds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->focus_depth = 1;

  return self;
}

void
ent_view_state_free (EntViewState *self)
{
  if (self == NULL)
    return;

  /* The indices point into the scene, so they go first. */
  g_hash_table_unref (self->node_indices);
  g_hash_table_unref (self->edge_indices);
  g_clear_pointer (&self->scene, ent_scene_unref);
  g_hash_table_unref (self->hidden_kinds);
  for (guint i = 0; i < ENT_VIEW_N_FILTERS; i++)
    g_clear_pointer (&self->filters[i], ent_item_filter_unref);
  g_clear_pointer (&self->chain_entities, g_hash_table_unref);
  g_clear_pointer (&self->chain_relations, g_hash_table_unref);
  g_free (self->chain_caption);
  g_free (self->kind_hidden);
  g_free (self->edge_from);
  g_free (self->edge_to);
  g_free (self->hidden);
  g_free (self->states);
  g_free (self);
}

static int
lookup_index (GHashTable *indices,
              gint64      id)
{
  gpointer value;

  if (!g_hash_table_lookup_extended (indices, &id, NULL, &value))
    return -1;

  return GPOINTER_TO_INT (value);
}

/* The index of the entity's node in the scene, or -1. */
int
ent_view_state_node_index (EntViewState *self,
                           gint64        entity_id)
{
  g_return_val_if_fail (self != NULL, -1);

  return lookup_index (self->node_indices, entity_id);
}

/* The index of the relation's edge in the scene, or -1. */
int
ent_view_state_edge_index (EntViewState *self,
                           gint64        relation_id)
{
  g_return_val_if_fail (self != NULL, -1);

  return lookup_index (self->edge_indices, relation_id);
}

/*
 * The entities within @depth relations of @entity_id, breadth first along
 * edges either way, never passing through a hidden kind. Keys point at the
 * ids in the scene's items.
 */
GHashTable *
ent_view_state_reach (EntViewState *self,
                      gint64        entity_id,
                      guint         depth)
{
  GHashTable *reached = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) frontier = g_hash_table_new (g_int64_hash, g_int64_equal);
  const EntSceneItem *start;

  g_return_val_if_fail (self != NULL, reached);

  start = self->scene != NULL ? ent_scene_find_node (self->scene, entity_id) : NULL;
  if (start == NULL)
    return reached;

  g_hash_table_add (reached, (gpointer) &start->id);
  g_hash_table_add (frontier, (gpointer) &start->id);

  for (guint level = 0; level < depth && g_hash_table_size (frontier) > 0; level++)
    {
      g_autoptr(GHashTable) next = g_hash_table_new (g_int64_hash, g_int64_equal);

      for (guint i = 0; i < self->n_edges; i++)
        {
          const EntSceneItem *from = ent_scene_get_item (self->scene, self->edge_from[i]);
          const EntSceneItem *to = ent_scene_get_item (self->scene, self->edge_to[i]);

          if (self->kind_hidden[from->kind] || self->kind_hidden[to->kind])
            continue;

          if (g_hash_table_contains (frontier, &from->id) && !g_hash_table_contains (reached, &to->id))
            {
              g_hash_table_add (reached, (gpointer) &to->id);
              g_hash_table_add (next, (gpointer) &to->id);
            }
          if (g_hash_table_contains (frontier, &to->id) && !g_hash_table_contains (reached, &from->id))
            {
              g_hash_table_add (reached, (gpointer) &from->id);
              g_hash_table_add (next, (gpointer) &from->id);
            }
        }

      g_hash_table_unref (frontier);
      frontier = g_steal_pointer (&next);
    }

  return reached;
}

typedef struct
{
  GHashTable *indices;
  guint8     *passes;
} Counting;

static void
count_pass (gint64   id,
            gpointer user_data)
{
  Counting *counting = user_data;
  gpointer index;

  if (g_hash_table_lookup_extended (counting->indices, &id, NULL, &index))
    counting->passes[GPOINTER_TO_UINT (index)]++;
}

/*
 * How many of the view's filters let each scene item through, and how
 * many filters there are: an item passes when all of them let it through.
 * The filters are walked rather than the items, as what a filter lets
 * through is often a small part of the network. %NULL without a filter.
 */
static guint8 *
count_passes (EntViewState *self,
              guint         n_items,
              guint        *n_filters)
{
  guint8 *passes = NULL;

  *n_filters = 0;
  for (guint i = 0; i < ENT_VIEW_N_FILTERS; i++)
    {
      Counting counting;

      if (self->filters[i] == NULL)
        continue;
      if (passes == NULL)
        passes = g_new0 (guint8, MAX (n_items, 1));
      (*n_filters)++;
      counting.passes = passes;
      counting.indices = self->node_indices;
      ent_item_filter_foreach_entity (self->filters[i], count_pass, &counting);
      counting.indices = self->edge_indices;
      ent_item_filter_foreach_relation (self->filters[i], count_pass, &counting);
    }

  return passes;
}

/*
 * Works out what the kind filter, the other filters and the focus hide: a
 * node of a hidden kind, left out by a filter or beyond the focus's reach,
 * and an edge a filter leaves out or with a hidden end. The
 * states start over from that, with nothing selected or hovered.
 */
static void
update_hidden (EntViewState *self)
{
  g_autoptr(GHashTable) reached = NULL;
  g_autofree guint8 *passes = NULL;
  guint n_items, n_kinds, n_filters;

  g_clear_pointer (&self->hidden, g_free);
  g_clear_pointer (&self->kind_hidden, g_free);

  if (self->scene == NULL)
    {
      ent_view_state_update_states (self, -1, -1);
      return;
    }

  n_kinds = ent_scene_get_n_kinds (self->scene);
  self->kind_hidden = g_new0 (gboolean, MAX (n_kinds, 1));
  for (guint i = 0; i < n_kinds; i++)
    self->kind_hidden[i] = g_hash_table_contains (self->hidden_kinds, ent_scene_get_kind (self->scene, i)->key);

  n_items = ent_scene_get_n_items (self->scene);
  self->hidden = g_new0 (guint8, MAX (n_items, 1));

  if (self->focus_entity != 0)
    reached = ent_view_state_reach (self, self->focus_entity, self->focus_depth);
  passes = count_passes (self, n_items, &n_filters);

  for (guint i = self->n_edges; i < n_items; i++)
    {
      const EntSceneItem *node = ent_scene_get_item (self->scene, i);

      self->hidden[i] = self->kind_hidden[node->kind] || (passes != NULL && passes[i] != n_filters) ||
                        (reached != NULL && !g_hash_table_contains (reached, &node->id));
    }

  for (guint i = 0; i < self->n_edges; i++)
    self->hidden[i] = self->hidden[self->edge_from[i]] || self->hidden[self->edge_to[i]] ||
                      (passes != NULL && passes[i] != n_filters);

  ent_view_state_update_states (self, -1, -1);
}

/*
 * Takes @scene, or nothing. A focus on an entity the scene lacks goes, as
 * the focus shows only entities of the scene; the kind filter stays.
 */
void
ent_view_state_set_scene (EntViewState *self,
                          EntScene     *scene)
{
  guint n_items;

  g_return_if_fail (self != NULL);

  g_hash_table_remove_all (self->node_indices);
  g_hash_table_remove_all (self->edge_indices);
  g_clear_pointer (&self->scene, ent_scene_unref);
  g_clear_pointer (&self->edge_from, g_free);
  g_clear_pointer (&self->edge_to, g_free);
  self->scene = scene != NULL ? ent_scene_ref (scene) : NULL;
  self->n_edges = 0;

  n_items = scene != NULL ? ent_scene_get_n_items (scene) : 0;
  for (guint i = 0; i < n_items; i++)
    {
      const EntSceneItem *item = ent_scene_get_item (scene, i);

      if (item->type == ENT_SCENE_ITEM_NODE)
        g_hash_table_insert (self->node_indices, (gpointer) &item->id, GUINT_TO_POINTER (i));
      else
        {
          g_hash_table_insert (self->edge_indices, (gpointer) &item->id, GUINT_TO_POINTER (i));
          self->n_edges = i + 1;
        }
    }

  self->edge_from = g_new (guint, MAX (self->n_edges, 1));
  self->edge_to = g_new (guint, MAX (self->n_edges, 1));
  for (guint i = 0; i < self->n_edges; i++)
    {
      const EntSceneItem *edge = ent_scene_get_item (scene, i);

      self->edge_from[i] = ent_view_state_node_index (self, edge->from_id);
      self->edge_to[i] = ent_view_state_node_index (self, edge->to_id);
    }

  if (self->focus_entity != 0 && ent_view_state_node_index (self, self->focus_entity) < 0)
    self->focus_entity = 0;

  update_hidden (self);
}

EntScene *
ent_view_state_get_scene (EntViewState *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->scene;
}

/* How many of the scene's items are edges, which come first. */
guint
ent_view_state_get_n_edges (EntViewState *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_edges;
}

/*
 * Shows or hides the kind of entity with @key, its nodes and the edges that
 * touch them. The kind is remembered by its key, so it stays hidden in the
 * next scene. Returns: whether that changed anything
 */
gboolean
ent_view_state_set_kind_visible (EntViewState *self,
                                 const char   *key,
                                 gboolean      visible)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (visible == !g_hash_table_contains (self->hidden_kinds, key))
    return FALSE;

  if (visible)
    g_hash_table_remove (self->hidden_kinds, key);
  else
    g_hash_table_add (self->hidden_kinds, g_strdup (key));
  update_hidden (self);
  return TRUE;
}

gboolean
ent_view_state_get_kind_visible (EntViewState *self,
                                 const char   *key)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  return !g_hash_table_contains (self->hidden_kinds, key);
}

/*
 * Shows only what lies within @depth relations of @entity_id; 0, or an
 * entity without a node, shows everything.
 *
 * Returns: whether what is shown may have changed
 */
gboolean
ent_view_state_set_focus (EntViewState *self,
                          gint64        entity_id,
                          guint         depth)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (ent_view_state_node_index (self, entity_id) < 0)
    entity_id = 0;

  if (entity_id == self->focus_entity && depth == self->focus_depth)
    return FALSE;

  self->focus_entity = entity_id;
  self->focus_depth = depth;
  update_hidden (self);
  return TRUE;
}

/* The entity in focus, or 0 when everything is shown. */
gint64
ent_view_state_get_focus (EntViewState *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->focus_entity;
}

/*
 * Puts @filter (or none) in @slot, replacing the one there: the view then
 * hides what it leaves out. Filters are kept by id, so they outlive a scene
 * until their owner replaces them.
 *
 * Returns: whether that changed anything
 */
gboolean
ent_view_state_set_filter (EntViewState  *self,
                           EntViewFilter  slot,
                           EntItemFilter *filter)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (slot < ENT_VIEW_N_FILTERS, FALSE);

  if (self->filters[slot] == filter)
    return FALSE;

  g_clear_pointer (&self->filters[slot], ent_item_filter_unref);
  self->filters[slot] = filter != NULL ? ent_item_filter_ref (filter) : NULL;
  update_hidden (self);
  return TRUE;
}

/* The filter in @slot, or %NULL. */
EntItemFilter *
ent_view_state_get_filter (EntViewState  *self,
                           EntViewFilter  slot)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (slot < ENT_VIEW_N_FILTERS, NULL);

  return self->filters[slot];
}

/*
 * The captions of the filters in force and of the chain picked out,
 * joined by semicolons ("Only what ‘X’ supports; Only what happened in
 * 1991"), for an export's caption; %NULL for none.
 */
char *
ent_view_state_describe_filters (EntViewState *self)
{
  g_autoptr(GString) text = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < ENT_VIEW_N_FILTERS; i++)
    {
      if (self->filters[i] == NULL)
        continue;
      if (text == NULL)
        text = g_string_new (NULL);
      else
        g_string_append (text, "; ");
      g_string_append (text, ent_item_filter_get_caption (self->filters[i]));
    }

  if (self->chain_caption != NULL)
    {
      if (text == NULL)
        text = g_string_new (NULL);
      else
        g_string_append (text, "; ");
      g_string_append (text, self->chain_caption);
    }

  return text != NULL ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

/* Whether the kind filter, another filter or the focus hides the scene item at @index. */
gboolean
ent_view_state_is_hidden (EntViewState *self,
                          guint         index)
{
  g_return_val_if_fail (self != NULL && self->scene != NULL, TRUE);
  g_return_val_if_fail (index < ent_scene_get_n_items (self->scene), TRUE);

  return self->hidden[index];
}

gboolean
ent_view_state_entity_shown (EntViewState *self,
                             gint64        entity_id)
{
  int index;

  g_return_val_if_fail (self != NULL, FALSE);

  index = ent_view_state_node_index (self, entity_id);
  return index >= 0 && !self->hidden[index];
}

gboolean
ent_view_state_relation_shown (EntViewState *self,
                               gint64        relation_id)
{
  int index;

  g_return_val_if_fail (self != NULL, FALSE);

  index = ent_view_state_edge_index (self, relation_id);
  return index >= 0 && !self->hidden[index];
}

/* How many nodes and edges are shown; zero of each without a scene. */
void
ent_view_state_count_shown (EntViewState *self,
                            guint        *n_entities,
                            guint        *n_relations)
{
  guint n_items;

  g_return_if_fail (self != NULL);

  *n_entities = 0;
  *n_relations = 0;
  n_items = self->scene != NULL ? ent_scene_get_n_items (self->scene) : 0;

  for (guint i = 0; i < n_items; i++)
    {
      if (self->hidden[i])
        continue;
      if (i < self->n_edges)
        (*n_relations)++;
      else
        (*n_entities)++;
    }
}

/* How many edges of the scene touch the entity's node, shown or not. */
guint
ent_view_state_count_relations (EntViewState *self,
                                gint64        entity_id)
{
  guint n_relations = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < self->n_edges; i++)
    {
      const EntSceneItem *edge = ent_scene_get_item (self->scene, i);

      if (edge->from_id == entity_id || edge->to_id == entity_id)
        n_relations++;
    }

  return n_relations;
}

/*
 * What a click at a graph point picks among the items shown, or -1: what
 * the filter hides cannot be hovered or clicked nor shadow what it covered.
 * @reach is how far from an item, in graph points, the point still picks it.
 */
int
ent_view_state_hit_test (EntViewState *self,
                         double        x,
                         double        y,
                         double        reach)
{
  g_return_val_if_fail (self != NULL, -1);

  if (self->scene == NULL)
    return -1;

  return ent_scene_pick (self->scene, x, y, reach, self->hidden);
}

static void
set_state (EntViewState *self,
           guint         index,
           guint8        state)
{
  if (!self->hidden[index])
    self->states[index] = state;
}

static void
highlight (EntViewState *self,
           guint         index)
{
  if (!self->hidden[index])
    self->states[index] = (self->states[index] & ~ENT_ITEM_STATE_FADED) | ENT_ITEM_STATE_HIGHLIGHTED;
}

/* Brings back from the fade what a selected item touches: a node's edges and their ends, an edge's ends. */
static void
show_touching (EntViewState       *self,
               const EntSceneItem *item)
{
  if (item->type != ENT_SCENE_ITEM_NODE)
    {
      set_state (self, ent_view_state_node_index (self, item->from_id), ENT_ITEM_STATE_NORMAL);
      set_state (self, ent_view_state_node_index (self, item->to_id), ENT_ITEM_STATE_NORMAL);
      return;
    }

  for (guint i = 0; i < self->n_edges; i++)
    {
      const EntSceneItem *edge = ent_scene_get_item (self->scene, i);

      if (self->hidden[i] || (edge->from_id != item->id && edge->to_id != item->id))
        continue;

      set_state (self, i, ENT_ITEM_STATE_NORMAL);
      show_touching (self, edge);
    }
}

static GHashTable *
id_set (GArray *ids)
{
  GHashTable *set = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < ids->len; i++)
    g_hash_table_add (set, g_memdup2 (&g_array_index (ids, gint64, i), sizeof (gint64)));

  return set;
}

/*
 * Picks out a chain of relations between two entities (gint64 ids of its
 * entities and of its relations), or none with %NULL: the chain stands out
 * and the rest fades, whatever is selected. @caption says which chain, for
 * an export's caption. Call ent_view_state_update_states() afterwards.
 *
 * Returns: whether there was a chain before or is one now
 */
gboolean
ent_view_state_set_chain (EntViewState *self,
                          GArray       *entity_ids,
                          GArray       *relation_ids,
                          const char   *caption)
{
  gboolean had = FALSE;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail ((entity_ids == NULL) == (relation_ids == NULL), FALSE);

  had = self->chain_entities != NULL;
  g_clear_pointer (&self->chain_entities, g_hash_table_unref);
  g_clear_pointer (&self->chain_relations, g_hash_table_unref);
  g_clear_pointer (&self->chain_caption, g_free);
  if (entity_ids == NULL)
    return had;

  self->chain_entities = id_set (entity_ids);
  self->chain_relations = id_set (relation_ids);
  self->chain_caption = g_strdup (caption);
  return TRUE;
}

/* Whether the item at @index is part of the chain picked out; every item is when there is none. */
gboolean
ent_view_state_in_chain (EntViewState *self,
                         guint         index)
{
  const EntSceneItem *item;

  g_return_val_if_fail (self != NULL && self->scene != NULL, FALSE);

  if (self->chain_entities == NULL)
    return TRUE;

  item = ent_scene_get_item (self->scene, index);
  return g_hash_table_contains (item->type == ENT_SCENE_ITEM_NODE ? self->chain_entities : self->chain_relations,
                                &item->id);
}

gboolean
ent_view_state_has_chain (EntViewState *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->chain_entities != NULL;
}

/* Fades all but the chain, which it highlights; the selected item stays selected. */
static void
pick_out_chain (EntViewState *self,
                int           selected)
{
  guint n_items = ent_scene_get_n_items (self->scene);

  for (guint i = 0; i < n_items; i++)
    {
      const EntSceneItem *item = ent_scene_get_item (self->scene, i);
      GHashTable *chain = item->type == ENT_SCENE_ITEM_NODE ? self->chain_entities : self->chain_relations;

      if ((int) i == selected)
        continue;
      set_state (self, i, g_hash_table_contains (chain, &item->id) ? ENT_ITEM_STATE_HIGHLIGHTED
                                                                    : ENT_ITEM_STATE_FADED);
    }
}

/*
 * Decides how each item is drawn, given the indices of the selected and
 * the hovered item (or -1). Hidden items stay hidden; a selection fades all
 * but itself and what it touches; a chain fades all but itself; hovering
 * highlights an item and, for a node, its edges, bringing them back from
 * the fade.
 */
void
ent_view_state_update_states (EntViewState *self,
                              int           selected,
                              int           hover)
{
  guint n_items;

  g_return_if_fail (self != NULL);

  g_clear_pointer (&self->states, g_free);

  if (self->scene == NULL)
    return;

  n_items = ent_scene_get_n_items (self->scene);
  self->states = g_new (guint8, MAX (n_items, 1));
  for (guint i = 0; i < n_items; i++)
    self->states[i] = self->hidden[i] ? ENT_ITEM_STATE_HIDDEN : ENT_ITEM_STATE_NORMAL;

  if (selected >= 0)
    {
      for (guint i = 0; i < n_items; i++)
        set_state (self, i, ENT_ITEM_STATE_FADED);

      show_touching (self, ent_scene_get_item (self->scene, selected));
      set_state (self, selected, ENT_ITEM_STATE_SELECTED);
    }

  if (self->chain_entities != NULL)
    pick_out_chain (self, selected);

  if (hover >= 0)
    {
      const EntSceneItem *item = ent_scene_get_item (self->scene, hover);

      highlight (self, hover);
      if (item->type == ENT_SCENE_ITEM_NODE)
        {
          for (guint i = 0; i < self->n_edges; i++)
            {
              const EntSceneItem *edge = ent_scene_get_item (self->scene, i);

              if (edge->from_id == item->id || edge->to_id == item->id)
                highlight (self, i);
            }
        }
    }
}

/* One EntItemState per scene item, for EntRenderOptions; %NULL without a scene. */
const guint8 *
ent_view_state_get_states (EntViewState *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->states;
}

/*
 * The nodes of @after that @before has elsewhere, by more than half a
 * point: a layout run anew moves some and leaves the rest. An array of
 * EntNodeGlide, empty without @before.
 */
GArray *
ent_view_state_find_glides (EntScene *before,
                            EntScene *after)
{
  GArray *glides = g_array_new (FALSE, FALSE, sizeof (EntNodeGlide));

  g_return_val_if_fail (after != NULL, glides);

  for (guint i = 0; before != NULL && i < ent_scene_get_n_items (after); i++)
    {
      const EntSceneItem *item = ent_scene_get_item (after, i);
      const EntSceneItem *was;

      if (item->type != ENT_SCENE_ITEM_NODE)
        continue;

      was = ent_scene_find_node (before, item->id);
      if (was != NULL && (fabs (was->x - item->x) > 0.5 || fabs (was->y - item->y) > 0.5))
        {
          EntNodeGlide glide = { item->id, was->x, was->y, item->x, item->y };
          g_array_append_val (glides, glide);
        }
    }

  return glides;
}

/*
 * How far along its way a gliding node is after the fraction @t of
 * ENT_VIEW_STATE_GLIDE_US, from 0 to 1: quickly at first, then slowing down
 * as it arrives (a cubic ease-out).
 */
double
ent_view_state_glide_ease (double t)
{
  t = CLAMP (t, 0.0, 1.0);
  return 1 - (1 - t) * (1 - t) * (1 - t);
}

/* Moves each node of @glides to where it is at the fraction @t of its glide. */
void
ent_view_state_apply_glides (EntScene *scene,
                             GArray   *glides,
                             double    t)
{
  double ease = ent_view_state_glide_ease (t);

  g_return_if_fail (scene != NULL);

  for (guint i = 0; i < glides->len; i++)
    {
      const EntNodeGlide *glide = &g_array_index (glides, EntNodeGlide, i);

      ent_scene_move_node (scene, glide->entity_id,
                           glide->from_x + (glide->to_x - glide->from_x) * ease,
                           glide->from_y + (glide->to_y - glide->from_y) * ease);
    }
}
