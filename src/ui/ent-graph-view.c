/* ent-graph-view.c: the interactive diagram
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-graph-view"

#include "config.h"

#include "ent-graph-view.h"
#include "ent-frame.h"
#include "ent-renderer.h"
#include "ent-style.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#define ZOOM_MIN      0.02
#define ZOOM_MAX      8.0
#define ZOOM_STEP     1.25
/* Fitting never blows a small network up beyond this, where it would look coarse. */
#define FIT_ZOOM_MAX  1.5
#define FIT_MARGIN    24.0
/* Pixels one notch of a mouse wheel pans; smooth scrolling reports pixels itself. */
#define WHEEL_STEP    48.0
/* Rings and label halos reach a little beyond an item's bounds, so culling keeps a margin. */
/* An arrow key reaches the neighbours whose direction lies within this angle of the arrow's. */
#define ARROW_ANGLE   (G_PI / 3)
/* Angles closer than this are the same direction, so nodes in line fall back to distance. */
#define ANGLE_EPSILON 1e-9
#define FALLBACK_ACCENT "#3584e4"

struct _EntGraphView
{
  GtkWidget     parent_instance;

  EntScene     *scene;
  /* Scene item indices by entity and by relation id; the keys point at the ids in the scene's items. */
  GHashTable   *node_indices;
  GHashTable   *edge_indices;
  /* The scene paints edges first: items below this index are edges, the rest nodes. */
  guint         n_edges;

  /* A graph point (x, y) shows at widget point (x × zoom + offset_x, y × zoom + offset_y). */
  double        zoom;
  double        offset_x;
  double        offset_y;
  /* A first scene arriving before the widget has a size is fitted once it has one. */
  gboolean      fit_pending;
  int           last_width;
  int           last_height;

  gint64        selected_entity;
  gint64        selected_relation;
  /* The node Tab cycles around: the last one selected by any means other than Tab. */
  gint64        anchor;
  /* The item under the pointer, or -1. */
  int           hover;

  gboolean      hidden_kinds[ENT_N_KINDS];
  gint64        focus_entity;
  guint         focus_depth;

  /* One byte per scene item: whether the kind filter or the focus hides it. */
  guint8       *hidden;
  /* One EntItemState per scene item, rebuilt when something changes rather than each frame. */
  guint8       *states;

  gboolean      dark;
  EntColor      accent;

  double        pointer_x;
  double        pointer_y;
  gboolean      pointer_inside;

  /* The drag in progress moves the node drag_node, or pans when that is 0. */
  gint64        drag_node;
  double        drag_origin_x;
  double        drag_origin_y;
  gboolean      drag_active;
  /* The drag went beyond the threshold, so its press and release are no click. */
  gboolean      drag_moved;
  /* A Shift-drag from a node draws a line to where a new relation would lead. */
  gint64        connect_from;
  double        connect_x;
  double        connect_y;
  double        pinch_zoom;

  /* The image of the viewport. */
  EntFrame     *frame;
  /* Measures the scene's edge labels in the background, so that the first view of one does not wait. */
  GCancellable *measuring;
  /* During a zoom gesture the kept image is stretched, and drawn anew this long after the last step. */
  guint         refine_id;
};

#define REFINE_DELAY_MS 120

G_DEFINE_FINAL_TYPE (EntGraphView, ent_graph_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SCENE,
  PROP_ZOOM,
  PROP_SELECTED_ENTITY,
  PROP_SELECTED_RELATION,
  PROP_FOCUS_ENTITY,
  N_PROPS
};

enum {
  NODE_MOVED,
  ITEM_ACTIVATED,
  CONNECT_REQUESTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const EntSceneItem *
get_item (EntGraphView *self,
          guint         index)
{
  return ent_scene_get_item (self->scene, index);
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

static int
node_index (EntGraphView *self,
            gint64        entity_id)
{
  return lookup_index (self->node_indices, entity_id);
}

static int
edge_index (EntGraphView *self,
            gint64        relation_id)
{
  return lookup_index (self->edge_indices, relation_id);
}

static gboolean
entity_shown (EntGraphView *self,
              gint64        entity_id)
{
  int index;

  if (self->scene == NULL)
    return FALSE;

  index = node_index (self, entity_id);
  return index >= 0 && !self->hidden[index];
}

static gboolean
relation_shown (EntGraphView *self,
                gint64        relation_id)
{
  int index;

  if (self->scene == NULL)
    return FALSE;

  index = edge_index (self, relation_id);
  return index >= 0 && !self->hidden[index];
}

static int
selected_index (EntGraphView *self)
{
  if (self->scene == NULL)
    return -1;
  if (self->selected_entity != 0)
    return node_index (self, self->selected_entity);
  if (self->selected_relation != 0)
    return edge_index (self, self->selected_relation);
  return -1;
}

static gboolean
has_shown_nodes (EntGraphView *self)
{
  if (self->scene == NULL)
    return FALSE;

  for (guint i = self->n_edges; i < ent_scene_get_n_items (self->scene); i++)
    if (!self->hidden[i])
      return TRUE;

  return FALSE;
}

/* Whether a point lies on an edge's stroke, as wide as the scene's own hit test takes it. */
static gboolean
on_edge (const EntSceneItem *edge,
         double              x,
         double              y)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  cairo_t *cr = cairo_create (surface);
  gboolean inside;

  cairo_move_to (cr, edge->p[0], edge->p[1]);
  cairo_curve_to (cr, edge->p[2], edge->p[3], edge->p[4], edge->p[5], edge->p[6], edge->p[7]);
  cairo_set_line_width (cr, edge->line_width + 6);
  inside = cairo_in_stroke (cr, x, y);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return inside;
}

/*
 * The topmost shown item at a graph point, or -1. The scene's hit test
 * answers first; only when it finds a hidden item do we look beneath it, so
 * that what the filter hides cannot be hovered or clicked nor shadow what it
 * covered.
 */
static int
hit_test (EntGraphView *self,
          double        x,
          double        y)
{
  g_autoptr(GArray) candidates = NULL;
  EntRect point = { x, y, x, y };
  int index;

  if (self->scene == NULL)
    return -1;

  index = ent_scene_hit_test (self->scene, x, y);
  if (index < 0 || !self->hidden[index])
    return index;

  candidates = g_array_new (FALSE, FALSE, sizeof (guint));
  ent_scene_query_rect (self->scene, &point, candidates);

  for (guint i = candidates->len; i > 0; i--)
    {
      guint candidate = g_array_index (candidates, guint, i - 1);
      const EntSceneItem *item = get_item (self, candidate);

      if (self->hidden[candidate])
        continue;
      if (item->type == ENT_SCENE_ITEM_NODE || on_edge (item, x, y))
        return candidate;
    }

  return -1;
}

static void
update_actions (EntGraphView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_scene = self->scene != NULL;

  gtk_widget_action_set_enabled (widget, "view.zoom-in", has_scene && self->zoom < ZOOM_MAX);
  gtk_widget_action_set_enabled (widget, "view.zoom-out", has_scene && self->zoom > ZOOM_MIN);
  gtk_widget_action_set_enabled (widget, "view.zoom-fit", has_scene);
  gtk_widget_action_set_enabled (widget, "view.zoom-actual", has_scene);
}

/* Sets the zoom and offset together, telling only about what changed. */
/* Something drawn changed other than where the view looks: the next frame is drawn anew. */
static void
invalidate (EntGraphView *self)
{
  ent_frame_invalidate (self->frame);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * ent_graph_view_queue_redraw:
 * @self: a graph view
 *
 * Draws the scene anew, after its nodes were moved with ent_scene_move_node().
 */
void
ent_graph_view_queue_redraw (EntGraphView *self)
{
  g_return_if_fail (ENT_IS_GRAPH_VIEW (self));

  invalidate (self);
}

static void
set_transform (EntGraphView *self,
               double        zoom,
               double        offset_x,
               double        offset_y)
{
  gboolean zoom_changed = zoom != self->zoom;

  self->zoom = zoom;
  self->offset_x = offset_x;
  self->offset_y = offset_y;
  self->fit_pending = FALSE;

  gtk_widget_queue_draw (GTK_WIDGET (self));

  if (zoom_changed)
    {
      update_actions (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
    }
}

static void
update_cursor (EntGraphView *self)
{
  const char *name = NULL;

  if (self->drag_active && self->drag_moved)
    name = "grabbing";
  else if (self->hover >= 0)
    name = "pointer";

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), name);
}

static void
set_state (EntGraphView *self,
           guint         index,
           guint8        state)
{
  if (!self->hidden[index])
    self->states[index] = state;
}

static void
highlight (EntGraphView *self,
           guint         index)
{
  if (!self->hidden[index])
    self->states[index] = (self->states[index] & ~ENT_ITEM_STATE_FADED) | ENT_ITEM_STATE_HIGHLIGHTED;
}

/*
 * Decides how each item is drawn. Hidden items stay hidden; a selection
 * fades all but itself and what it touches; hovering highlights an item and,
 * for a node, its edges, bringing them back from the fade.
 */
static void
update_states (EntGraphView *self)
{
  guint n_items;
  int selected;

  g_clear_pointer (&self->states, g_free);
  invalidate (self);

  if (self->scene == NULL)
    return;

  n_items = ent_scene_get_n_items (self->scene);
  self->states = g_new (guint8, MAX (n_items, 1));
  for (guint i = 0; i < n_items; i++)
    self->states[i] = self->hidden[i] ? ENT_ITEM_STATE_HIDDEN : ENT_ITEM_STATE_NORMAL;

  selected = selected_index (self);
  if (selected >= 0)
    {
      const EntSceneItem *item = get_item (self, selected);

      for (guint i = 0; i < n_items; i++)
        set_state (self, i, ENT_ITEM_STATE_FADED);

      if (item->type == ENT_SCENE_ITEM_NODE)
        {
          for (guint i = 0; i < self->n_edges; i++)
            {
              const EntSceneItem *edge = get_item (self, i);

              if (self->hidden[i] || (edge->from_id != item->id && edge->to_id != item->id))
                continue;

              set_state (self, i, ENT_ITEM_STATE_NORMAL);
              set_state (self, node_index (self, edge->from_id), ENT_ITEM_STATE_NORMAL);
              set_state (self, node_index (self, edge->to_id), ENT_ITEM_STATE_NORMAL);
            }
        }
      else
        {
          set_state (self, node_index (self, item->from_id), ENT_ITEM_STATE_NORMAL);
          set_state (self, node_index (self, item->to_id), ENT_ITEM_STATE_NORMAL);
        }

      set_state (self, selected, ENT_ITEM_STATE_SELECTED);
    }

  if (self->hover >= 0)
    {
      const EntSceneItem *item = get_item (self, self->hover);

      highlight (self, self->hover);
      if (item->type == ENT_SCENE_ITEM_NODE)
        {
          for (guint i = 0; i < self->n_edges; i++)
            {
              const EntSceneItem *edge = get_item (self, i);

              if (edge->from_id == item->id || edge->to_id == item->id)
                highlight (self, i);
            }
        }
    }
}

/* A node's label on one line, for screen readers: an event's date follows its name. */
static char *
spoken_label (const EntSceneItem *item)
{
  g_auto(GStrv) lines = NULL;

  if (item == NULL || item->label == NULL)
    return g_strdup ("");

  lines = g_strsplit (item->label, "\n", -1);
  return g_strjoinv (", ", lines);
}

/*
 * Screen readers hear what is selected as the view's name, as a list view
 * would speak its focused row, and how much is shown when nothing is.
 */
static void
update_accessible (EntGraphView *self)
{
  g_autofree char *label = NULL;
  g_autofree char *description = NULL;
  int selected = selected_index (self);

  if (selected >= 0 && self->selected_entity != 0)
    {
      const EntSceneItem *item = get_item (self, selected);
      guint n_relations = 0;

      for (guint i = 0; i < self->n_edges; i++)
        {
          const EntSceneItem *edge = get_item (self, i);

          if (edge->from_id == item->id || edge->to_id == item->id)
            n_relations++;
        }

      label = spoken_label (item);
      /* Translators: how a selected entity is described to screen readers, e.g. "Person · 3 relations" */
      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u relation", "%s · %u relations", n_relations),
                                     ent_kind_get_label (item->kind), n_relations);
    }
  else if (selected >= 0)
    {
      const EntSceneItem *item = get_item (self, selected);
      g_autofree char *from = spoken_label (ent_scene_find_node (self->scene, item->from_id));
      g_autofree char *to = spoken_label (ent_scene_find_node (self->scene, item->to_id));

      if (item->directed)
        /* Translators: a selected relation read to screen readers: from which entity to which */
        label = g_strdup_printf (_("%s → %s"), from, to);
      else
        /* Translators: a selected relation without direction read to screen readers: between which entities */
        label = g_strdup_printf (_("%s — %s"), from, to);
      description = g_strdup (ent_scene_get_title (self->scene, selected));
    }
  else if (self->scene != NULL)
    {
      g_autofree char *entities = NULL;
      g_autofree char *relations = NULL;
      guint n_entities = 0, n_relations = 0;

      for (guint i = 0; i < ent_scene_get_n_items (self->scene); i++)
        {
          if (self->hidden[i])
            continue;
          if (i < self->n_edges)
            n_relations++;
          else
            n_entities++;
        }

      label = g_strdup (_("Network diagram"));
      entities = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entity", "%u entities", n_entities), n_entities);
      relations = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u relation", "%u relations", n_relations), n_relations);
      /* Translators: what the diagram shows, e.g. "Showing 19 entities and 24 relations" */
      description = g_strdup_printf (_("Showing %s and %s"), entities, relations);
    }
  else
    {
      label = g_strdup (_("Network diagram"));
      description = g_strdup (_("No network is open"));
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

/*
 * Selects an entity, a relation or nothing. Tab cycles around an anchor
 * node, so every other way of selecting makes the selection the new anchor.
 */
static void
set_selection (EntGraphView *self,
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
  update_states (self);
  update_accessible (self);

  g_object_freeze_notify (G_OBJECT (self));
  if (entity_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ENTITY]);
  if (relation_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_RELATION]);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
select_item (EntGraphView *self,
             int           index)
{
  const EntSceneItem *item;

  if (index < 0)
    {
      set_selection (self, 0, 0, FALSE);
      return;
    }

  item = get_item (self, index);
  if (item->type == ENT_SCENE_ITEM_NODE)
    set_selection (self, item->id, 0, FALSE);
  else
    set_selection (self, 0, item->id, FALSE);
}

/*
 * The entities within @depth relations of @entity_id, breadth first along
 * edges either way, never passing through a hidden kind. Keys point at the
 * ids in the scene's items.
 */
static GHashTable *
reach (EntGraphView *self,
       gint64        entity_id,
       guint         depth)
{
  GHashTable *reached = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) frontier = g_hash_table_new (g_int64_hash, g_int64_equal);
  const EntSceneItem *start = ent_scene_find_node (self->scene, entity_id);

  if (start == NULL)
    return reached;

  g_hash_table_add (reached, (gpointer) &start->id);
  g_hash_table_add (frontier, (gpointer) &start->id);

  for (guint level = 0; level < depth && g_hash_table_size (frontier) > 0; level++)
    {
      g_autoptr(GHashTable) next = g_hash_table_new (g_int64_hash, g_int64_equal);

      for (guint i = 0; i < self->n_edges; i++)
        {
          const EntSceneItem *edge = get_item (self, i);
          const EntSceneItem *from = ent_scene_find_node (self->scene, edge->from_id);
          const EntSceneItem *to = ent_scene_find_node (self->scene, edge->to_id);

          if (self->hidden_kinds[from->kind] || self->hidden_kinds[to->kind])
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

/*
 * Works out what the kind filter and the focus hide, then lets go of
 * whatever became hidden: the selection, the Tab anchor and the hover.
 */
static void
update_visibility (EntGraphView *self)
{
  g_autoptr(GHashTable) reached = NULL;
  guint n_items;

  g_clear_pointer (&self->hidden, g_free);

  if (self->scene != NULL)
    {
      n_items = ent_scene_get_n_items (self->scene);
      self->hidden = g_new0 (guint8, MAX (n_items, 1));

      if (self->focus_entity != 0)
        reached = reach (self, self->focus_entity, self->focus_depth);

      for (guint i = self->n_edges; i < n_items; i++)
        {
          const EntSceneItem *node = get_item (self, i);

          self->hidden[i] = self->hidden_kinds[node->kind] ||
                            (reached != NULL && !g_hash_table_contains (reached, &node->id));
        }

      for (guint i = 0; i < self->n_edges; i++)
        {
          const EntSceneItem *edge = get_item (self, i);

          self->hidden[i] = self->hidden[node_index (self, edge->from_id)] ||
                            self->hidden[node_index (self, edge->to_id)];
        }
    }

  if (self->hover >= 0 && self->hidden[self->hover])
    {
      self->hover = -1;
      update_cursor (self);
    }
  if (self->anchor != 0 && !entity_shown (self, self->anchor))
    self->anchor = 0;

  if ((self->selected_entity != 0 && !entity_shown (self, self->selected_entity)) ||
      (self->selected_relation != 0 && !relation_shown (self, self->selected_relation)))
    set_selection (self, 0, 0, FALSE);

  update_states (self);
  update_accessible (self);
}

/* Brings a node into the viewport when any part of it is outside. */
static void
reveal_node (EntGraphView       *self,
             const EntSceneItem *node)
{
  double x1, y1, x2, y2;

  ent_graph_view_graph_to_widget (self, node->bounds.x1, node->bounds.y1, &x1, &y1);
  ent_graph_view_graph_to_widget (self, node->bounds.x2, node->bounds.y2, &x2, &y2);

  if (x1 < 0 || y1 < 0 || x2 > gtk_widget_get_width (GTK_WIDGET (self)) ||
      y2 > gtk_widget_get_height (GTK_WIDGET (self)))
    ent_graph_view_center_on (self, node->cx, node->cy);
}

/* The shown nodes joined to @entity_id by a shown edge, each once. */
static GPtrArray *
shown_neighbours (EntGraphView *self,
                  gint64        entity_id)
{
  GPtrArray *neighbours = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < self->n_edges; i++)
    {
      const EntSceneItem *edge = get_item (self, i);
      const EntSceneItem *other;

      if (self->hidden[i])
        continue;

      if (edge->from_id == entity_id)
        other = ent_scene_find_node (self->scene, edge->to_id);
      else if (edge->to_id == entity_id)
        other = ent_scene_find_node (self->scene, edge->from_id);
      else
        continue;

      if (other->id == entity_id || g_hash_table_contains (seen, &other->id))
        continue;

      g_hash_table_add (seen, (gpointer) &other->id);
      g_ptr_array_add (neighbours, (gpointer) other);
    }

  return neighbours;
}

/* The angle of @to seen from @from, clockwise from 12 o'clock, in [0, 2π). */
static double
clock_angle (const EntSceneItem *from,
             const EntSceneItem *to)
{
  double angle = atan2 (to->cx - from->cx, -(to->cy - from->cy));

  return angle < 0 ? angle + 2 * G_PI : angle;
}

static int
compare_clockwise (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  const EntSceneItem *centre = user_data;
  const EntSceneItem *item_a = *(const EntSceneItem **) a;
  const EntSceneItem *item_b = *(const EntSceneItem **) b;
  double angle_a = clock_angle (centre, item_a);
  double angle_b = clock_angle (centre, item_b);
  double distance_a = hypot (item_a->cx - centre->cx, item_a->cy - centre->cy);
  double distance_b = hypot (item_b->cx - centre->cx, item_b->cy - centre->cy);

  if (fabs (angle_a - angle_b) > ANGLE_EPSILON)
    return angle_a < angle_b ? -1 : 1;
  if (distance_a != distance_b)
    return distance_a < distance_b ? -1 : 1;
  return (item_a->id > item_b->id) - (item_a->id < item_b->id);
}

/* The first shown node in reading order: top to bottom, then left to right. */
static const EntSceneItem *
first_shown_node (EntGraphView *self)
{
  const EntSceneItem *first = NULL;

  for (guint i = self->n_edges; i < ent_scene_get_n_items (self->scene); i++)
    {
      const EntSceneItem *node = get_item (self, i);

      if (self->hidden[i])
        continue;

      if (first == NULL || node->cy < first->cy ||
          (node->cy == first->cy && (node->cx < first->cx || (node->cx == first->cx && node->id < first->id))))
        first = node;
    }

  return first;
}

/*
 * The next of the anchor's neighbours clockwise (or back) from the selected
 * one; from the anchor itself, the first after 12 o'clock (or the last).
 */
static const EntSceneItem *
next_around_anchor (EntGraphView *self,
                    gboolean      forward)
{
  g_autoptr(GPtrArray) neighbours = NULL;
  const EntSceneItem *anchor;
  guint position;

  if (self->anchor == 0)
    self->anchor = self->selected_entity;

  anchor = ent_scene_find_node (self->scene, self->anchor);
  neighbours = shown_neighbours (self, self->anchor);
  if (neighbours->len == 0)
    return NULL;

  g_ptr_array_sort_with_data (neighbours, compare_clockwise, (gpointer) anchor);

  for (position = 0; position < neighbours->len; position++)
    if (((const EntSceneItem *) g_ptr_array_index (neighbours, position))->id == self->selected_entity)
      break;

  if (position == neighbours->len)
    position = forward ? 0 : neighbours->len - 1;
  else if (forward)
    position = (position + 1) % neighbours->len;
  else
    position = (position + neighbours->len - 1) % neighbours->len;

  return g_ptr_array_index (neighbours, position);
}

/* The nearest neighbour of the selected node within ARROW_ANGLE of the arrow's direction. */
static const EntSceneItem *
nearest_in_direction (EntGraphView     *self,
                      GtkDirectionType  direction)
{
  g_autoptr(GPtrArray) neighbours = shown_neighbours (self, self->selected_entity);
  const EntSceneItem *selected = ent_scene_find_node (self->scene, self->selected_entity);
  const EntSceneItem *best = NULL;
  double best_distance = G_MAXDOUBLE;
  double ux = 0, uy = 0;

  switch (direction)
    {
    case GTK_DIR_UP:
      uy = -1;
      break;
    case GTK_DIR_DOWN:
      uy = 1;
      break;
    case GTK_DIR_LEFT:
      ux = -1;
      break;
    case GTK_DIR_RIGHT:
      ux = 1;
      break;
    case GTK_DIR_TAB_FORWARD:
    case GTK_DIR_TAB_BACKWARD:
    default:
      g_return_val_if_reached (NULL);
    }

  for (guint i = 0; i < neighbours->len; i++)
    {
      const EntSceneItem *node = g_ptr_array_index (neighbours, i);
      double dx = node->cx - selected->cx, dy = node->cy - selected->cy;
      double distance = hypot (dx, dy);

      if (distance == 0 || (dx * ux + dy * uy) / distance < cos (ARROW_ANGLE) - ANGLE_EPSILON)
        continue;

      if (best == NULL || distance < best_distance || (distance == best_distance && node->id < best->id))
        {
          best = node;
          best_distance = distance;
        }
    }

  return best;
}

static void
set_hover (EntGraphView *self,
           int           index)
{
  if (index == self->hover)
    return;

  self->hover = index;
  update_states (self);
  update_cursor (self);
}

static void
hover_at (EntGraphView *self,
          double        x,
          double        y)
{
  double gx, gy;

  ent_graph_view_widget_to_graph (self, x, y, &gx, &gy);
  set_hover (self, hit_test (self, gx, gy));
}

static int
item_at (EntGraphView *self,
         double        x,
         double        y)
{
  double gx, gy;

  ent_graph_view_widget_to_graph (self, x, y, &gx, &gy);
  return hit_test (self, gx, gy);
}

static void
activate_item (EntGraphView *self,
               int           index)
{
  const EntSceneItem *item = get_item (self, index);

  if (item->type == ENT_SCENE_ITEM_NODE)
    g_signal_emit (self, signals[ITEM_ACTIVATED], 0, item->id, (gint64) 0);
  else
    g_signal_emit (self, signals[ITEM_ACTIVATED], 0, (gint64) 0, item->id);
}

static void
click_pressed_cb (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  EntGraphView    *self)
{
  int index;

  gtk_widget_grab_focus (GTK_WIDGET (self));

  if (n_press != 2)
    return;

  index = item_at (self, x, y);
  if (index >= 0)
    {
      select_item (self, index);
      activate_item (self, index);
    }
}

static void
click_released_cb (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   EntGraphView    *self)
{
  /* The press began a drag that moved a node or panned; that is no click. */
  if (self->drag_moved || self->scene == NULL)
    return;

  select_item (self, item_at (self, x, y));
}

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          start_x,
               double          start_y,
               EntGraphView   *self)
{
  int index = item_at (self, start_x, start_y);

  self->drag_active = TRUE;
  self->drag_moved = FALSE;
  self->drag_node = 0;
  self->connect_from = 0;

  if (index >= 0 && get_item (self, index)->type == ENT_SCENE_ITEM_NODE &&
      (gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture)) & GDK_SHIFT_MASK))
    {
      self->connect_from = get_item (self, index)->id;
      self->connect_x = start_x;
      self->connect_y = start_y;
    }
  else if (index >= 0 && get_item (self, index)->type == ENT_SCENE_ITEM_NODE)
    {
      const EntSceneItem *node = get_item (self, index);

      self->drag_node = node->id;
      self->drag_origin_x = node->x;
      self->drag_origin_y = node->y;
    }
  else
    {
      self->drag_origin_x = self->offset_x;
      self->drag_origin_y = self->offset_y;
    }
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          offset_x,
                double          offset_y,
                EntGraphView   *self)
{
  if (!self->drag_active || self->scene == NULL)
    return;

  if (!self->drag_moved)
    {
      if (!gtk_drag_check_threshold (GTK_WIDGET (self), 0, 0, (int) offset_x, (int) offset_y))
        return;

      /* From here on this is a drag, not a click. */
      self->drag_moved = TRUE;
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      update_cursor (self);
    }

  if (self->connect_from != 0)
    {
      double start_x, start_y;

      gtk_gesture_drag_get_start_point (gesture, &start_x, &start_y);
      self->connect_x = start_x + offset_x;
      self->connect_y = start_y + offset_y;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  else if (self->drag_node != 0)
    {
      ent_scene_move_node (self->scene, self->drag_node,
                           self->drag_origin_x + offset_x / self->zoom,
                           self->drag_origin_y + offset_y / self->zoom);
      invalidate (self);
    }
  else
    {
      set_transform (self, self->zoom, self->drag_origin_x + offset_x, self->drag_origin_y + offset_y);
    }
}

static void
drag_end_cb (GtkGestureDrag *gesture,
             double          offset_x,
             double          offset_y,
             EntGraphView   *self)
{
  gint64 node_id = self->drag_node;
  gint64 connect_from = self->connect_from;

  self->drag_active = FALSE;
  self->drag_node = 0;
  self->connect_from = 0;
  update_cursor (self);

  if (connect_from != 0)
    {
      double start_x, start_y;
      int index;

      gtk_widget_queue_draw (GTK_WIDGET (self));
      gtk_gesture_drag_get_start_point (gesture, &start_x, &start_y);
      index = item_at (self, start_x + offset_x, start_y + offset_y);
      if (index >= 0 && get_item (self, index)->type == ENT_SCENE_ITEM_NODE &&
          get_item (self, index)->id != connect_from)
        g_signal_emit (self, signals[CONNECT_REQUESTED], 0, connect_from, get_item (self, index)->id);
      return;
    }

  if (self->drag_moved && node_id != 0 && self->scene != NULL)
    {
      const EntSceneItem *node = ent_scene_find_node (self->scene, node_id);

      if (node != NULL)
        g_signal_emit (self, signals[NODE_MOVED], 0, node_id, node->x, node->y);
    }
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           EntGraphView             *self)
{
  self->pointer_x = x;
  self->pointer_y = y;
  self->pointer_inside = TRUE;
  hover_at (self, x, y);
}

static void
leave_cb (GtkEventControllerMotion *controller,
          EntGraphView             *self)
{
  self->pointer_inside = FALSE;
  set_hover (self, -1);
}

static gboolean
refine_cb (gpointer user_data)
{
  EntGraphView *self = user_data;

  self->refine_id = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));

  return G_SOURCE_REMOVE;
}

/* A step of a zoom gesture: shown stretched until the gesture rests, then drawn anew. */
static void
zoom_step (EntGraphView *self,
           double        zoom,
           double        anchor_x,
           double        anchor_y)
{
  g_clear_handle_id (&self->refine_id, g_source_remove);
  self->refine_id = g_timeout_add (REFINE_DELAY_MS, refine_cb, self);
  ent_graph_view_set_zoom (self, zoom, anchor_x, anchor_y);
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           EntGraphView             *self)
{
  GdkModifierType modifiers = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  gboolean wheel = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL;

  if (self->scene == NULL)
    return FALSE;

  if (modifiers & GDK_CONTROL_MASK)
    {
      double notches = wheel ? dy : dy / WHEEL_STEP;
      double x = self->pointer_inside ? self->pointer_x : gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      double y = self->pointer_inside ? self->pointer_y : gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;

      zoom_step (self, self->zoom * pow (ZOOM_STEP, -notches), x, y);
    }
  else
    {
      double step = wheel ? WHEEL_STEP : 1.0;

      /* A mouse with one wheel pans sideways with Shift held, as scrolled windows do. */
      if ((modifiers & GDK_SHIFT_MASK) && dx == 0)
        {
          dx = dy;
          dy = 0;
        }

      set_transform (self, self->zoom, self->offset_x - dx * step, self->offset_y - dy * step);
    }

  /* The content moved beneath a pointer that did not. */
  if (self->pointer_inside)
    hover_at (self, self->pointer_x, self->pointer_y);

  return TRUE;
}

static void
pinch_begin_cb (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                EntGraphView     *self)
{
  self->pinch_zoom = self->zoom;
}

static void
pinch_scale_changed_cb (GtkGestureZoom *gesture,
                        double          scale,
                        EntGraphView   *self)
{
  double x, y;

  if (self->scene == NULL || !gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    return;

  zoom_step (self, self->pinch_zoom * scale, x, y);
}

static void
dark_changed_cb (EntGraphView    *self,
                 GParamSpec      *pspec,
                 AdwStyleManager *style_manager)
{
  self->dark = adw_style_manager_get_dark (style_manager);
  invalidate (self);
}

static void
zoom_in_cb (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  EntGraphView *self = ENT_GRAPH_VIEW (widget);

  /* Held down, the key repeats: each step is a step of a gesture. */
  zoom_step (self, self->zoom * ZOOM_STEP, gtk_widget_get_width (widget) / 2.0, gtk_widget_get_height (widget) / 2.0);
}

static void
zoom_out_cb (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EntGraphView *self = ENT_GRAPH_VIEW (widget);

  zoom_step (self, self->zoom / ZOOM_STEP, gtk_widget_get_width (widget) / 2.0, gtk_widget_get_height (widget) / 2.0);
}

static void
zoom_fit_cb (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ent_graph_view_zoom_fit (ENT_GRAPH_VIEW (widget));
}

static void
zoom_actual_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ent_graph_view_set_zoom (ENT_GRAPH_VIEW (widget), 1.0,
                           gtk_widget_get_width (widget) / 2.0, gtk_widget_get_height (widget) / 2.0);
}

/*
 * Tab and the arrows walk the diagram. While there are nodes to walk they
 * are ours even where there is nowhere further to go, so that focus does
 * not jump out of the diagram by surprise; Ctrl+Tab leaves it, as it leaves
 * any GTK widget that uses Tab itself.
 */
static gboolean
navigate_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  EntGraphView *self = ENT_GRAPH_VIEW (widget);

  return ent_graph_view_move_selection (self, g_variant_get_int32 (args)) || has_shown_nodes (self);
}

static gboolean
escape_cb (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  EntGraphView *self = ENT_GRAPH_VIEW (widget);

  /* With nothing to clear, Escape is left to whoever else wants it. */
  if (self->selected_entity == 0 && self->selected_relation == 0)
    return FALSE;

  ent_graph_view_clear_selection (self);
  return TRUE;
}

static gboolean
activate_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  EntGraphView *self = ENT_GRAPH_VIEW (widget);
  int index = selected_index (self);

  if (index < 0)
    return FALSE;

  activate_item (self, index);
  return TRUE;
}

static void
update_accent (EntGraphView *self)
{
  GdkRGBA color;

  /* libadwaita 1.2 has no accent colour API; its stylesheet names the colour. */
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (GTK_WIDGET (self)), "accent_bg_color", &color))
    gdk_rgba_parse (&color, FALLBACK_ACCENT);

  self->accent = (EntColor) { color.red, color.green, color.blue };
}

static void
ent_graph_view_css_changed (GtkWidget         *widget,
                            GtkCssStyleChange *change)
{
  EntGraphView *self = ENT_GRAPH_VIEW (widget);

  GTK_WIDGET_CLASS (ent_graph_view_parent_class)->css_changed (widget, change);

  update_accent (self);
  invalidate (self);
}

static void
ent_graph_view_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  EntGraphView *self = ENT_GRAPH_VIEW (widget);

  if (self->fit_pending)
    ent_graph_view_zoom_fit (self);
  else if (self->last_width > 0 && self->last_height > 0 &&
           (width != self->last_width || height != self->last_height))
    /* Resizing keeps what was in the middle in the middle, as when a side panel opens. */
    set_transform (self, self->zoom,
                   self->offset_x + (width - self->last_width) / 2.0,
                   self->offset_y + (height - self->last_height) / 2.0);

  self->last_width = width;
  self->last_height = height;
}

static void
ent_graph_view_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  EntGraphView *self = ENT_GRAPH_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int scale = gtk_widget_get_scale_factor (widget);
  EntRenderOptions options = { 0 };
  cairo_t *cr;

  if (self->scene == NULL || width <= 0 || height <= 0)
    return;

  options.dark = self->dark;
  /* The window's legend, which also filters by kind, stands in for the scene's own. */
  options.legend = FALSE;
  options.item_states = self->states;
  options.accent = self->accent;

  /*
   * Only the viewport is drawn, whatever the size of the network, into an
   * image of its pixels that is kept: unchanged, it is shown again as it is,
   * and panned, it moves and only the uncovered strips are drawn. GTK's
   * Cairo node keeps a copy-on-write snapshot of the image, not a copy. The
   * page colour shows through.
   */
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_scale (cr, 1.0 / scale, 1.0 / scale);
  /* Mid-gesture, the image of the last whole frame is stretched to the new zoom: a copy, where drawing the
   * labels at each new size would not keep up. */
  if (self->refine_id == 0 ||
      !ent_frame_paint_scaled (self->frame, cr, self->zoom * scale, self->offset_x * scale, self->offset_y * scale))
    {
      ent_frame_draw (self->frame, self->scene, &options, width * scale, height * scale,
                      self->zoom * scale, self->offset_x * scale, self->offset_y * scale);
      cairo_set_source_surface (cr, ent_frame_get_surface (self->frame), 0, 0);
      cairo_paint (cr);
    }
  cairo_destroy (cr);

  /* A Shift-drag from a node draws the relation it would make on top. */
  if (self->connect_from != 0 && self->drag_moved)
    {
      const EntSceneItem *from = ent_scene_find_node (self->scene, self->connect_from);

      if (from != NULL)
        {
          static const double dashes[] = { 6.0, 4.0 };

          cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
          cairo_set_source_rgb (cr, self->accent.red, self->accent.green, self->accent.blue);
          cairo_set_line_width (cr, 2.0);
          cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
          cairo_move_to (cr, self->offset_x + from->cx * self->zoom, self->offset_y + from->cy * self->zoom);
          cairo_line_to (cr, self->connect_x, self->connect_y);
          cairo_stroke (cr);
          cairo_destroy (cr);
        }
    }
}

static gboolean
ent_graph_view_query_tooltip (GtkWidget  *widget,
                              int         x,
                              int         y,
                              gboolean    keyboard_mode,
                              GtkTooltip *tooltip)
{
  EntGraphView *self = ENT_GRAPH_VIEW (widget);
  const EntSceneItem *item;
  const char *title;
  double x1, y1, x2, y2;
  int index;

  if (self->scene == NULL)
    return FALSE;

  /* From the keyboard, the tooltip is about the selection rather than the pointer. */
  index = keyboard_mode ? selected_index (self) : item_at (self, x, y);
  if (index < 0)
    return FALSE;

  item = get_item (self, index);
  title = ent_scene_get_title (self->scene, index);
  if (*title == '\0')
    return FALSE;

  /* The tooltip follows the pointer from item to item, not just in and out of the widget. */
  ent_graph_view_graph_to_widget (self, item->bounds.x1, item->bounds.y1, &x1, &y1);
  ent_graph_view_graph_to_widget (self, item->bounds.x2, item->bounds.y2, &x2, &y2);
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { floor (x1), floor (y1), ceil (x2 - x1), ceil (y2 - y1) });
  gtk_tooltip_set_text (tooltip, title);

  return TRUE;
}

static void
ent_graph_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  EntGraphView *self = ENT_GRAPH_VIEW (object);

  switch (prop_id)
    {
    case PROP_SCENE:
      g_value_set_boxed (value, self->scene);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_SELECTED_ENTITY:
      g_value_set_int64 (value, self->selected_entity);
      break;
    case PROP_SELECTED_RELATION:
      g_value_set_int64 (value, self->selected_relation);
      break;
    case PROP_FOCUS_ENTITY:
      g_value_set_int64 (value, self->focus_entity);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ent_graph_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  EntGraphView *self = ENT_GRAPH_VIEW (object);

  switch (prop_id)
    {
    case PROP_SCENE:
      ent_graph_view_set_scene (self, g_value_get_boxed (value));
      break;
    case PROP_ZOOM:
      ent_graph_view_set_zoom (self, g_value_get_double (value),
                               gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
                               gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
      break;
    case PROP_SELECTED_ENTITY:
      ent_graph_view_select_entity (self, g_value_get_int64 (value));
      break;
    case PROP_SELECTED_RELATION:
      ent_graph_view_select_relation (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ent_graph_view_dispose (GObject *object)
{
  EntGraphView *self = ENT_GRAPH_VIEW (object);

  g_cancellable_cancel (self->measuring);
  g_clear_object (&self->measuring);
  g_clear_handle_id (&self->refine_id, g_source_remove);

  /* The indices point into the scene, so they go first. */
  g_clear_pointer (&self->node_indices, g_hash_table_unref);
  g_clear_pointer (&self->edge_indices, g_hash_table_unref);
  g_clear_pointer (&self->scene, ent_scene_unref);

  G_OBJECT_CLASS (ent_graph_view_parent_class)->dispose (object);
}

static void
ent_graph_view_finalize (GObject *object)
{
  EntGraphView *self = ENT_GRAPH_VIEW (object);

  g_free (self->hidden);
  g_free (self->states);
  ent_frame_free (self->frame);

  G_OBJECT_CLASS (ent_graph_view_parent_class)->finalize (object);
}

static void
add_navigation_binding (GtkWidgetClass   *widget_class,
                        guint             keyval,
                        GdkModifierType   modifiers,
                        GtkDirectionType  direction)
{
  gtk_widget_class_add_binding (widget_class, keyval, modifiers, navigate_cb, "i", direction);
}

static void
ent_graph_view_class_init (EntGraphViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const guint activate_keys[] = { GDK_KEY_Return, GDK_KEY_ISO_Enter, GDK_KEY_KP_Enter, GDK_KEY_space };

  object_class->get_property = ent_graph_view_get_property;
  object_class->set_property = ent_graph_view_set_property;
  object_class->dispose = ent_graph_view_dispose;
  object_class->finalize = ent_graph_view_finalize;

  widget_class->snapshot = ent_graph_view_snapshot;
  widget_class->size_allocate = ent_graph_view_size_allocate;
  widget_class->css_changed = ent_graph_view_css_changed;
  widget_class->query_tooltip = ent_graph_view_query_tooltip;

  properties[PROP_SCENE] =
    g_param_spec_boxed ("scene", NULL, NULL,
                        ENT_TYPE_SCENE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL,
                         ZOOM_MIN, ZOOM_MAX, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_ENTITY] =
    g_param_spec_int64 ("selected-entity", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_RELATION] =
    g_param_spec_int64 ("selected-relation", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Read only, as focusing takes a depth too: see ent_graph_view_set_focus(). */
  properties[PROP_FOCUS_ENTITY] =
    g_param_spec_int64 ("focus-entity", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EntGraphView::node-moved:
   * @self: the view
   * @entity_id: the entity whose node was dragged
   * @x: the new centre of the node's box, in graph coordinates
   * @y: the new centre of the node's box, in graph coordinates
   *
   * Emitted once when the user lets go of a dragged node, to store where it
   * was put.
   */
  signals[NODE_MOVED] =
    g_signal_new ("node-moved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_DOUBLE, G_TYPE_DOUBLE);

  /**
   * EntGraphView::item-activated:
   * @self: the view
   * @entity_id: the activated entity, or 0
   * @relation_id: the activated relation, or 0
   *
   * Emitted on a double click or Enter on an entity or a relation.
   */
  /**
   * EntGraphView::connect-requested:
   * @self: a #EntGraphView
   * @from_id: the entity the Shift-drag started on
   * @to_id: the entity it ended on
   *
   * The user dragged from one node to another with Shift held, to relate them.
   */
  signals[CONNECT_REQUESTED] =
    g_signal_new ("connect-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);

  signals[ITEM_ACTIVATED] =
    g_signal_new ("item-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);

  gtk_widget_class_install_action (widget_class, "view.zoom-in", NULL, zoom_in_cb);
  gtk_widget_class_install_action (widget_class, "view.zoom-out", NULL, zoom_out_cb);
  gtk_widget_class_install_action (widget_class, "view.zoom-fit", NULL, zoom_fit_cb);
  gtk_widget_class_install_action (widget_class, "view.zoom-actual", NULL, zoom_actual_cb);

  /* Plain keys, as in image viewers, and with Ctrl, as elsewhere in GNOME. */
  for (guint i = 0; i < 2; i++)
    {
      GdkModifierType modifiers = i == 0 ? 0 : GDK_CONTROL_MASK;

      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, modifiers, "view.zoom-in", NULL);
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, modifiers, "view.zoom-in", NULL);
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, modifiers, "view.zoom-in", NULL);
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, modifiers, "view.zoom-out", NULL);
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, modifiers, "view.zoom-out", NULL);
    }
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "view.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, 0, "view.zoom-actual", NULL);

  add_navigation_binding (widget_class, GDK_KEY_Tab, 0, GTK_DIR_TAB_FORWARD);
  add_navigation_binding (widget_class, GDK_KEY_KP_Tab, 0, GTK_DIR_TAB_FORWARD);
  add_navigation_binding (widget_class, GDK_KEY_Tab, GDK_SHIFT_MASK, GTK_DIR_TAB_BACKWARD);
  add_navigation_binding (widget_class, GDK_KEY_KP_Tab, GDK_SHIFT_MASK, GTK_DIR_TAB_BACKWARD);
  add_navigation_binding (widget_class, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK, GTK_DIR_TAB_BACKWARD);
  add_navigation_binding (widget_class, GDK_KEY_Up, 0, GTK_DIR_UP);
  add_navigation_binding (widget_class, GDK_KEY_KP_Up, 0, GTK_DIR_UP);
  add_navigation_binding (widget_class, GDK_KEY_Down, 0, GTK_DIR_DOWN);
  add_navigation_binding (widget_class, GDK_KEY_KP_Down, 0, GTK_DIR_DOWN);
  add_navigation_binding (widget_class, GDK_KEY_Left, 0, GTK_DIR_LEFT);
  add_navigation_binding (widget_class, GDK_KEY_KP_Left, 0, GTK_DIR_LEFT);
  add_navigation_binding (widget_class, GDK_KEY_Right, 0, GTK_DIR_RIGHT);
  add_navigation_binding (widget_class, GDK_KEY_KP_Right, 0, GTK_DIR_RIGHT);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape_cb, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (activate_keys); i++)
    gtk_widget_class_add_binding (widget_class, activate_keys[i], 0, activate_cb, NULL);

  gtk_widget_class_set_css_name (widget_class, "graphview");
  /*
   * GTK 4.8 has no "application" role, and "widget" is abstract, not meant
   * for use. An image would tell screen readers there is nothing to
   * interact with; a group (a panel to AT-SPI) is a set of interactive
   * objects, and its name and description speak the selected one.
   */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
ent_graph_view_init (EntGraphView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  GtkGesture *click;
  GtkGesture *drag;
  GtkGesture *pinch;
  GtkEventController *motion;
  GtkEventController *scroll;

  self->zoom = 1.0;
  self->hover = -1;
  self->frame = ent_frame_new ();
  self->focus_depth = 1;
  self->node_indices = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->edge_indices = g_hash_table_new (g_int64_hash, g_int64_equal);

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_has_tooltip (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);

  click = gtk_gesture_click_new ();
  g_signal_connect (click, "pressed", G_CALLBACK (click_pressed_cb), self);
  g_signal_connect (click, "released", G_CALLBACK (click_released_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (click));

  drag = gtk_gesture_drag_new ();
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (drag));

  pinch = gtk_gesture_zoom_new ();
  g_signal_connect (pinch, "begin", G_CALLBACK (pinch_begin_cb), self);
  g_signal_connect (pinch, "scale-changed", G_CALLBACK (pinch_scale_changed_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (pinch));

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "enter", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (widget, motion);

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (scroll, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (widget, scroll);

  self->dark = adw_style_manager_get_dark (style_manager);
  g_signal_connect_object (style_manager, "notify::dark", G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);
  update_accent (self);

  update_actions (self);
  update_accessible (self);
}

GtkWidget *
ent_graph_view_new (void)
{
  return g_object_new (ENT_TYPE_GRAPH_VIEW, NULL);
}

/* Called only while the scene measured is the view's: a new scene, or the view's end, cancels. */
static void
edge_labels_measured_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  EntGraphView *self = user_data;

  /* Cancelled, which this also tells once the cancellable is: @self may be gone. */
  if (g_task_had_error (G_TASK (result)))
    return;

  ent_scene_measure_edge_labels_finish (self->scene, result, NULL);
}

/**
 * ent_graph_view_set_scene:
 * @self: a view
 * @scene: (nullable): what to show, or %NULL for nothing
 *
 * Shows @scene. The first scene, or the first after clearing, is fitted to
 * the view. A scene that replaces another — the same network laid out anew
 * or edited — keeps the zoom, the offset and the selection if the selected
 * item is still there; so to show another network, clear the view first.
 */
void
ent_graph_view_set_scene (EntGraphView *self,
                          EntScene     *scene)
{
  gboolean fit;
  guint n_items;

  g_return_if_fail (ENT_IS_GRAPH_VIEW (self));

  if (scene == self->scene)
    return;

  fit = self->scene == NULL;

  g_hash_table_remove_all (self->node_indices);
  g_hash_table_remove_all (self->edge_indices);
  g_clear_pointer (&self->scene, ent_scene_unref);
  g_clear_pointer (&self->hidden, g_free);
  g_clear_pointer (&self->states, g_free);
  self->scene = scene != NULL ? ent_scene_ref (scene) : NULL;
  ent_frame_invalidate (self->frame);
  g_cancellable_cancel (self->measuring);
  g_clear_object (&self->measuring);
  if (scene != NULL)
    {
      self->measuring = g_cancellable_new ();
      ent_scene_measure_edge_labels_async (scene, self->measuring, edge_labels_measured_cb, self);
    }
  self->n_edges = 0;
  self->hover = -1;
  update_cursor (self);

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

  g_object_freeze_notify (G_OBJECT (self));

  if (self->focus_entity != 0 && node_index (self, self->focus_entity) < 0)
    {
      self->focus_entity = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOCUS_ENTITY]);
    }

  /* The selection goes if its item went; either way the view describes the new scene. */
  update_visibility (self);

  if (fit && scene != NULL)
    ent_graph_view_zoom_fit (self);
  update_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCENE]);
  g_object_thaw_notify (G_OBJECT (self));
}

EntScene *
ent_graph_view_get_scene (EntGraphView *self)
{
  g_return_val_if_fail (ENT_IS_GRAPH_VIEW (self), NULL);

  return self->scene;
}

/* 1.0 is 100 %: one graph point is one widget pixel. */
double
ent_graph_view_get_zoom (EntGraphView *self)
{
  g_return_val_if_fail (ENT_IS_GRAPH_VIEW (self), 1.0);

  return self->zoom;
}

/**
 * ent_graph_view_set_zoom:
 * @self: a view
 * @zoom: the new zoom, clamped to what the view allows
 * @anchor_x: a widget point that stays where it is
 * @anchor_y: a widget point that stays where it is
 *
 * Zooms around a point, such as the pointer or the middle of the view.
 */
void
ent_graph_view_set_zoom (EntGraphView *self,
                         double        zoom,
                         double        anchor_x,
                         double        anchor_y)
{
  double gx, gy;

  g_return_if_fail (ENT_IS_GRAPH_VIEW (self));

  zoom = CLAMP (zoom, ZOOM_MIN, ZOOM_MAX);
  ent_graph_view_widget_to_graph (self, anchor_x, anchor_y, &gx, &gy);
  set_transform (self, zoom, anchor_x - gx * zoom, anchor_y - gy * zoom);
}

/**
 * ent_graph_view_zoom_fit:
 * @self: a view
 *
 * Shows the whole scene, with room for the legend below it, centred and
 * with a margin, never zoomed in beyond 150 %. Before the view has a size
 * this happens as soon as it gets one.
 */
void
ent_graph_view_zoom_fit (EntGraphView *self)
{
  int width, height;
  double zoom;
  EntRect bounds;

  g_return_if_fail (ENT_IS_GRAPH_VIEW (self));

  if (self->scene == NULL)
    return;

  width = gtk_widget_get_width (GTK_WIDGET (self));
  height = gtk_widget_get_height (GTK_WIDGET (self));
  if (width <= 0 || height <= 0)
    {
      self->fit_pending = TRUE;
      return;
    }

  ent_scene_get_bounds (self->scene, TRUE, &bounds);
  zoom = MIN (MAX (width - 2 * FIT_MARGIN, 1) / MAX (bounds.x2 - bounds.x1, 1),
              MAX (height - 2 * FIT_MARGIN, 1) / MAX (bounds.y2 - bounds.y1, 1));
  zoom = CLAMP (MIN (zoom, FIT_ZOOM_MAX), ZOOM_MIN, ZOOM_MAX);

  set_transform (self, zoom,
                 width / 2.0 - (bounds.x1 + bounds.x2) / 2 * zoom,
                 height / 2.0 - (bounds.y1 + bounds.y2) / 2 * zoom);
}

void
ent_graph_view_widget_to_graph (EntGraphView *self,
                                double        wx,
                                double        wy,
                                double       *gx,
                                double       *gy)
{
  g_return_if_fail (ENT_IS_GRAPH_VIEW (self));

  *gx = (wx - self->offset_x) / self->zoom;
  *gy = (wy - self->offset_y) / self->zoom;
}

void
ent_graph_view_graph_to_widget (EntGraphView *self,
                                double        gx,
                                double        gy,
                                double       *wx,
                                double       *wy)
{
  g_return_if_fail (ENT_IS_GRAPH_VIEW (self));

  *wx = gx * self->zoom + self->offset_x;
  *wy = gy * self->zoom + self->offset_y;
}

/* Scrolls so that a graph point is in the middle of the view, at the same zoom. */
void
ent_graph_view_center_on (EntGraphView *self,
                          double        gx,
                          double        gy)
{
  g_return_if_fail (ENT_IS_GRAPH_VIEW (self));

  set_transform (self, self->zoom,
                 gtk_widget_get_width (GTK_WIDGET (self)) / 2.0 - gx * self->zoom,
                 gtk_widget_get_height (GTK_WIDGET (self)) / 2.0 - gy * self->zoom);
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

  if (entity_id != 0 && entity_shown (self, entity_id))
    set_selection (self, entity_id, 0, FALSE);
  else
    set_selection (self, 0, 0, FALSE);
}

/* Selects a relation; one that is not shown leaves nothing selected. */
void
ent_graph_view_select_relation (EntGraphView *self,
                                gint64        relation_id)
{
  g_return_if_fail (ENT_IS_GRAPH_VIEW (self));

  if (relation_id != 0 && relation_shown (self, relation_id))
    set_selection (self, 0, relation_id, FALSE);
  else
    set_selection (self, 0, 0, FALSE);
}

void
ent_graph_view_clear_selection (EntGraphView *self)
{
  g_return_if_fail (ENT_IS_GRAPH_VIEW (self));

  set_selection (self, 0, 0, FALSE);
}

/*
 * Shows or hides a kind of entity: its nodes and every edge that touches
 * them are neither drawn nor hit, and a selection among them goes.
 */
void
ent_graph_view_set_kind_visible (EntGraphView *self,
                                 EntKind       kind,
                                 gboolean      visible)
{
  g_return_if_fail (ENT_IS_GRAPH_VIEW (self));
  g_return_if_fail (kind < ENT_N_KINDS);

  if (self->hidden_kinds[kind] == !visible)
    return;

  self->hidden_kinds[kind] = !visible;
  update_visibility (self);
}

gboolean
ent_graph_view_get_kind_visible (EntGraphView *self,
                                 EntKind       kind)
{
  g_return_val_if_fail (ENT_IS_GRAPH_VIEW (self), FALSE);
  g_return_val_if_fail (kind < ENT_N_KINDS, FALSE);

  return !self->hidden_kinds[kind];
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
  gboolean changed;

  g_return_if_fail (ENT_IS_GRAPH_VIEW (self));

  if (self->scene == NULL || node_index (self, entity_id) < 0)
    entity_id = 0;

  changed = entity_id != self->focus_entity;
  if (!changed && depth == self->focus_depth)
    return;

  self->focus_entity = entity_id;
  self->focus_depth = depth;
  update_visibility (self);

  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOCUS_ENTITY]);
}

/* The entity in focus, or 0 when everything is shown. */
gint64
ent_graph_view_get_focus (EntGraphView *self)
{
  g_return_val_if_fail (ENT_IS_GRAPH_VIEW (self), 0);

  return self->focus_entity;
}

/* Whether the entity has a node that neither the kind filter nor the focus hides. */
gboolean
ent_graph_view_is_entity_shown (EntGraphView *self,
                                gint64        entity_id)
{
  g_return_val_if_fail (ENT_IS_GRAPH_VIEW (self), FALSE);

  return entity_shown (self, entity_id);
}

/**
 * ent_graph_view_move_selection:
 * @self: a view
 * @direction: which way to go
 *
 * Moves the selection along the diagram's relations, as the keyboard does.
 * With nothing selected, any direction selects the first node in reading
 * order, and with a relation selected, its source. An arrow goes to the
 * nearest neighbour within 60° of its direction. Tab goes clockwise round
 * the neighbours of the anchor — the node last selected other than by Tab —
 * from 12 o'clock, and Shift+Tab back; both wrap around. The view scrolls
 * to the new selection when it is not in sight.
 *
 * Returns: %FALSE when there is nowhere to go
 */
gboolean
ent_graph_view_move_selection (EntGraphView     *self,
                               GtkDirectionType  direction)
{
  const EntSceneItem *target;
  gboolean by_tab = FALSE;

  g_return_val_if_fail (ENT_IS_GRAPH_VIEW (self), FALSE);

  if (self->scene == NULL)
    return FALSE;

  if (self->selected_entity == 0 && self->selected_relation == 0)
    {
      target = first_shown_node (self);
    }
  else if (self->selected_relation != 0)
    {
      const EntSceneItem *edge = get_item (self, edge_index (self, self->selected_relation));
      target = ent_scene_find_node (self->scene, edge->from_id);
    }
  else if (direction == GTK_DIR_TAB_FORWARD || direction == GTK_DIR_TAB_BACKWARD)
    {
      target = next_around_anchor (self, direction == GTK_DIR_TAB_FORWARD);
      by_tab = TRUE;
    }
  else
    {
      target = nearest_in_direction (self, direction);
    }

  if (target == NULL)
    return FALSE;

  set_selection (self, target->id, 0, by_tab);
  reveal_node (self, target);
  return TRUE;
}
