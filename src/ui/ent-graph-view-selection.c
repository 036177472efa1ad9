/* ent-graph-view-selection.c: what the graph view selects and what it shows
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The selection, and the kind filter and the focus that decide which
 * entities are shown; the view state works out what they hide.
 */

#define G_LOG_DOMAIN "ent-graph-view"

#include "config.h"

#include "ent-graph-view-private.h"

/* The index of the selected item in the scene, or -1. */
int
_ent_graph_view_selected_index (EntGraphView *self)
{
  if (self->scene == NULL)
    return -1;
  if (self->selected_entity != 0)
    return ent_view_state_node_index (self->state, self->selected_entity);
  if (self->selected_relation != 0)
    return ent_view_state_edge_index (self->state, self->selected_relation);
  return -1;
}

/*
 * Selects an entity, a relation or nothing. Tab cycles around an anchor
 * node, so every other way of selecting makes the selection the new anchor.
 */
void
_ent_graph_view_set_selection (EntGraphView *self,
                               gint64        entity_id,
                               gint64        relation_id,
                               gboolean      by_tab)
{
  gboolean entity_changed = entity_id != self->selected_entity;
  gboolean relation_changed = relation_id != self->selected_relation;

  if (!by_tab)
    self->anchor = entity_id;

  if (!entity_changed && !relation_changed)
    return;

  self->selected_entity = entity_id;
  self->selected_relation = relation_id;
  _ent_graph_view_update_states (self);
  _ent_graph_view_update_accessible (self);

  g_object_freeze_notify (G_OBJECT (self));
  if (entity_changed)
    _ent_graph_view_notify (self, PROP_SELECTED_ENTITY);
  if (relation_changed)
    _ent_graph_view_notify (self, PROP_SELECTED_RELATION);
  g_object_thaw_notify (G_OBJECT (self));
}

/*
 * What the kind filter or the focus hides changed: lets go of whatever
 * became hidden, the selection, the Tab anchor and the hover.
 */
void
_ent_graph_view_update_visibility (EntGraphView *self)
{
  if (self->hover >= 0 && ent_view_state_is_hidden (self->state, self->hover))
    {
      self->hover = -1;
      _ent_graph_view_update_cursor (self);
    }
  if (self->anchor != 0 && !ent_view_state_entity_shown (self->state, self->anchor))
    self->anchor = 0;

  if ((self->selected_entity != 0 && !ent_view_state_entity_shown (self->state, self->selected_entity)) ||
      (self->selected_relation != 0 && !ent_view_state_relation_shown (self->state, self->selected_relation)))
    _ent_graph_view_set_selection (self, 0, 0, FALSE);

  _ent_graph_view_update_states (self);
  _ent_graph_view_update_accessible (self);
}

/* The selected entity, or 0. */
gint64
ent_graph_view_get_selected_entity (EntGraphView *self)
{
  g_return_val_if_fail (ENT_IS_GRAPH_VIEW (self), 0);

  return self->selected_entity;
}

/* The selected relation, or 0. */
gint64
ent_graph_view_get_selected_relation (EntGraphView *self)
{
  g_return_val_if_fail (ENT_IS_GRAPH_VIEW (self), 0);

  return self->selected_relation;
}

/**
 * ent_graph_view_select_entity:
 * @self: a view
 * @entity_id: the entity to select, or 0 for none
 *
 * Selects an entity. One that is not shown, hidden by the kind filter or the
 * focus or not in the scene at all, leaves nothing selected. The view does
 * not scroll; see ent_graph_view_center_on().
 */
void
ent_graph_view_select_entity (EntGraphView *self,
                              gint64        entity_id)
{
  g_return_if_fail (ENT_IS_GRAPH_VIEW (self));

  if (entity_id != 0 && ent_view_state_entity_shown (self->state, entity_id))
    _ent_graph_view_set_selection (self, entity_id, 0, FALSE);
  else
    _ent_graph_view_set_selection (self, 0, 0, FALSE);
}

/* Selects a relation; one that is not shown leaves nothing selected. */
void
ent_graph_view_select_relation (EntGraphView *self,
                                gint64        relation_id)
{
  g_return_if_fail (ENT_IS_GRAPH_VIEW (self));

  if (relation_id != 0 && ent_view_state_relation_shown (self->state, relation_id))
    _ent_graph_view_set_selection (self, 0, relation_id, FALSE);
  else
    _ent_graph_view_set_selection (self, 0, 0, FALSE);
}

void
ent_graph_view_clear_selection (EntGraphView *self)
{
  g_return_if_fail (ENT_IS_GRAPH_VIEW (self));

  _ent_graph_view_set_selection (self, 0, 0, FALSE);
}

/*
 * Shows or hides the kind of entity with @key: its nodes and every edge that touches
 * them are neither drawn nor hit, and a selection among them goes.
 */
void
ent_graph_view_set_kind_visible (EntGraphView *self,
                                 const char   *key,
                                 gboolean      visible)
{
  g_return_if_fail (ENT_IS_GRAPH_VIEW (self));
  g_return_if_fail (key != NULL);

  if (ent_view_state_set_kind_visible (self->state, key, visible))
    _ent_graph_view_update_visibility (self);
}

gboolean
ent_graph_view_get_kind_visible (EntGraphView *self,
                                 const char   *key)
{
  g_return_val_if_fail (ENT_IS_GRAPH_VIEW (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  return ent_view_state_get_kind_visible (self->state, key);
}

/**
 * ent_graph_view_set_focus:
 * @self: a view
 * @entity_id: the entity to focus on, or 0 to show everything again
 * @depth: how many relations away from it entities are still shown
 *
 * Shows only the entities within @depth relations of @entity_id, following
 * relations either way but not through kinds the filter hides, and the
 * relations among them. An entity that is not in the scene shows everything.
 */
void
ent_graph_view_set_focus (EntGraphView *self,
                          gint64        entity_id,
                          guint         depth)
{
  gint64 focus;

  g_return_if_fail (ENT_IS_GRAPH_VIEW (self));

  focus = ent_view_state_get_focus (self->state);
  if (!ent_view_state_set_focus (self->state, entity_id, depth))
    return;

  _ent_graph_view_update_visibility (self);

  if (ent_view_state_get_focus (self->state) != focus)
    _ent_graph_view_notify (self, PROP_FOCUS_ENTITY);
}

/**
 * ent_graph_view_set_filter:
 * @self: a view
 * @slot: which of the view's filters
 * @filter: (nullable): what it lets through, or %NULL for none
 *
 * Shows only what @filter lets through (and the other filters too); a
 * selection it hides goes.
 */
void
ent_graph_view_set_filter (EntGraphView  *self,
                           EntViewFilter  slot,
                           EntItemFilter *filter)
{
  g_return_if_fail (ENT_IS_GRAPH_VIEW (self));

  if (ent_view_state_set_filter (self->state, slot, filter))
    _ent_graph_view_update_visibility (self);
}

/*
 * Picks out a chain of relations (gint64 ids of its entities and relations)
 * over the rest, which fades; %NULL for none. @caption names it in exports.
 */
void
ent_graph_view_set_chain (EntGraphView *self,
                          GArray       *entity_ids,
                          GArray       *relation_ids,
                          const char   *caption)
{
  g_return_if_fail (ENT_IS_GRAPH_VIEW (self));

  if (ent_view_state_set_chain (self->state, entity_ids, relation_ids, caption))
    {
      _ent_graph_view_update_states (self);
      _ent_graph_view_update_accessible (self);
    }
}

/* The entity in focus, or 0 when everything is shown. */
/* The view's filters and focus, as a core EntViewState, for exports that show what the view shows. */
EntViewState *
ent_graph_view_get_view_state (EntGraphView *self)
{
  g_return_val_if_fail (ENT_IS_GRAPH_VIEW (self), NULL);

  return self->state;
}

gint64
ent_graph_view_get_focus (EntGraphView *self)
{
  g_return_val_if_fail (ENT_IS_GRAPH_VIEW (self), 0);

  return ent_view_state_get_focus (self->state);
}

/* Whether the entity has a node that neither the kind filter nor the focus hides. */
gboolean
ent_graph_view_is_entity_shown (EntGraphView *self,
                                gint64        entity_id)
{
  g_return_val_if_fail (ENT_IS_GRAPH_VIEW (self), FALSE);

  return ent_view_state_entity_shown (self->state, entity_id);
}
