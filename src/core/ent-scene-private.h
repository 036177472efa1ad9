/* ent-scene-private.h: what the files of the scene share
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ent-scene.h"
#include "ent-spatial-index.h"
#include "ent-style.h"

G_BEGIN_DECLS

/* The radius of every node's shape. */
static inline double
_ent_scene_shape_radius (void)
{
  return ENT_STYLE_NODE_SIZE / 2;
}

/*
 * The size of a label's text, and where it starts: a centred layout with a
 * wrap width starts its lines to the right of the layout's origin.
 */
static inline void
_ent_scene_label_extents (const PangoRectangle *logical,
                          double               *x_offset,
                          double               *width,
                          double               *height)
{
  if (x_offset != NULL)
    *x_offset = (double) logical->x / PANGO_SCALE;
  *width = (double) logical->width / PANGO_SCALE;
  *height = (double) logical->height / PANGO_SCALE;
}

/*
 * The kinds a scene draws: the graph's, in its order, and then any that its
 * entities name beside them (a graph built in memory lists none).
 */
typedef struct
{
  GPtrArray  *kinds;    /* EntSceneKind */
  GHashTable *index;    /* key → index + 1 */
} EntSceneKinds;

/* The scene's state, which its files share. */
struct _EntScene
{
  gatomicrefcount      ref_count;
  EntGraph            *graph;
  GArray              *items;        /* EntSceneItem, edges first: paint order */
  GHashTable          *node_index;   /* entity id → item index + 1 */
  EntSpatialIndex     *index;
  EntRect              bounds;
  EntSceneKinds        kinds;
  GArray              *legend;       /* EntSceneLegendEntry */
  EntRect              legend_bounds;
  /* Labels with the same text share one layout, measured once: relation kinds repeat a lot. */
  GHashTable          *layouts;      /* wrap width and text → PangoLayout */
  GMutex               lock;         /* for the layouts and edge labels, made from any thread that draws */
  /* Edge labels are measured when first needed: most views never show them. */
  gboolean             edge_labels_measured;
  /* Each edge's end nodes, as indices of items, in the order of the edges. */
  guint               *edge_ends;
  /* Titles, made when first asked for: most items never show one. */
  char               **titles;
};

/* ent-scene-kinds.c */
void      _ent_scene_kinds_init        (EntSceneKinds        *kinds,
                                        EntGraph             *graph);
void      _ent_scene_kinds_clear       (EntSceneKinds        *kinds);
guint     _ent_scene_kinds_resolve     (EntSceneKinds        *kinds,
                                        EntGraph             *graph,
                                        const EntEntity      *entity);
EntShape  _ent_scene_entity_shape      (EntGraph             *graph,
                                        const EntEntity      *entity);
void      _ent_scene_kinds_build_legend (EntSceneKinds       *kinds,
                                         EntGraph            *graph,
                                         const EntRect       *bounds,
                                         GArray              *legend,
                                         EntRect             *legend_bounds);

/* ent-scene-text.c */
char   *_ent_scene_node_label        (EntEntity            *entity);
char   *_ent_scene_edge_label        (EntRelation          *relation);
char   *_ent_scene_item_title        (EntGraph             *graph,
                                      const EntSceneItem   *item);

/* ent-scene-geometry.c */
void    _ent_scene_place_node        (EntSceneItem         *item,
                                      double                x,
                                      double                y);
void    _ent_scene_place_edge        (EntSceneItem         *item,
                                      const EntSceneItem   *from,
                                      const EntSceneItem   *to);
void    _ent_scene_route_edge        (EntSceneItem         *item,
                                      const EntSceneItem   *from,
                                      const EntSceneItem   *to,
                                      const EntRoute       *route);
void    _ent_scene_bundle_edge       (EntSceneItem         *item,
                                      const EntSceneItem   *from,
                                      const EntSceneItem   *to,
                                      const EntRoute       *bundle);

G_END_DECLS
