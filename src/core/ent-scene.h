/* ent-scene.h: what to draw, in graph coordinates
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <pango/pango.h>

#include "ent-geometry.h"
#include "ent-graph.h"
#include "ent-position.h"
#include "ent-style.h"

G_BEGIN_DECLS

typedef enum
{
  ENT_SCENE_ITEM_EDGE,
  ENT_SCENE_ITEM_NODE,
} EntSceneItemType;

/*
 * One thing drawn: a node (an entity) or an edge (a relation). Coordinates
 * are points with y growing downwards.
 */
typedef struct
{
  EntSceneItemType  type;
  gint64            id;
  /* Everything the item paints, label included. */
  EntRect           bounds;
  /* The label as drawn (sanitised, shortened); empty for none. */
  char             *label;
  /* Its extents, in Pango units, measured when the scene is built (for
   * edges, by ent_scene_measure_edge_labels(); zero until then). */
  PangoRectangle    label_ink;
  PangoRectangle    label_logical;
  /* Its layout, made when first asked for with ent_scene_get_layout(). */
  PangoLayout      *layout;
  double            label_x;      /* top-left corner of the label */
  double            label_y;

  /* Nodes: the index of the entity's kind among the scene's kinds, and how that kind looks. */
  guint             kind;
  const EntKindLook *look;
  /* Where the layout put the node's box: the position that is stored. */
  double            x;
  double            y;
  double            cx;           /* centre of the shape */
  double            cy;
  double            radius;

  /* Nodes: the box the layout engine placed, shape above label, centred on (x, y). */
  EntRect           box;

  /* Edges: a cubic Bézier from p0 to p3, as Entente draws a relation itself; or, when route is
   * set, the layout engine's route joined to the two shapes: n_route_points control points (x, y
   * pairs) of a cubic spline, of which p holds the first two and the last two, so that the ends
   * and their directions read the same either way. ent_scene_edge_get_path() gives the whole. */
  gint64            from_id;
  gint64            to_id;
  double            p[8];         /* x0 y0 x1 y1 x2 y2 x3 y3 */
  double            line_width;
  int               slot;         /* which of the relations between the same two entities */
  int               n_slots;
  gboolean          directed;
  gboolean          dashed;       /* no quote backs the relation */
  gboolean          disputed;     /* a quote disputes it */
  double           *route;
  guint             n_route_points;
  /* Where the layout engine centred the edge's label, clear of nodes and other labels, with the route. */
  gboolean          has_route_label;
  double            route_label_x;
  double            route_label_y;
  /* Edges: the edge's bundle, when the layout's edges were bundled: n_bundle_points control points (x, y
   * pairs) of a cubic spline from shape to shape, drawn in place of the route or the curve; p then holds
   * its first two points and its last two. */
  double           *bundle;
  guint             n_bundle_points;
} EntSceneItem;

/* A kind of entity as the scene draws it: its key, the label shown, its look. */
typedef struct
{
  char        *key;
  char        *label;
  EntKindLook  look;
} EntSceneKind;

/* What a legend entry stands for: a kind of entity, or how edges are drawn. */
typedef enum
{
  ENT_LEGEND_KIND,
  /* An edge of one source, and one of ENT_SCENE_MAX_SOURCES_SHOWN or more. */
  ENT_LEGEND_EDGE_SOURCES,
  /* An edge no quote backs: dashed. */
  ENT_LEGEND_EDGE_UNSOURCED,
  /* An edge a quote disputes: crossed in the middle. */
  ENT_LEGEND_EDGE_DISPUTED,
} EntSceneLegendType;

/* From this many distinct sources on, an edge is no wider. */
#define ENT_SCENE_MAX_SOURCES_SHOWN 5

typedef struct
{
  EntSceneLegendType type;
  /* For ENT_LEGEND_KIND. */
  guint        kind;
  double       cx;
  double       cy;
  PangoLayout *layout;
  double       label_x;
  double       label_y;
} EntSceneLegendEntry;

typedef struct _EntScene EntScene;

#define ENT_TYPE_SCENE (ent_scene_get_type ())

char             *ent_scene_sanitize_text     (const char     *text,
                                               gsize           max_chars);
void              ent_scene_measure_node      (EntGraph       *graph,
                                               EntEntity      *entity,
                                               double         *width,
                                               double         *height);
void              ent_scene_measure_nodes     (EntGraph       *graph,
                                               double         *widths,
                                               double         *heights);
void              ent_scene_measure_relations (EntGraph       *graph,
                                               double         *widths,
                                               double         *heights);
double            ent_scene_port_height       (void);
double            ent_scene_edge_width        (guint           n_sources);

/*
 * How much room, in points, a node's box is given on every side when the
 * layout engine routes edges around it: the engine's splines may cut a
 * corner by a point or two, which then falls in this margin instead of
 * the box that Entente draws.
 */
#define ENT_SCENE_ROUTE_CLEARANCE 3.0
/* How near an edge's stroke, in points, a point still hits it in a hit test without a reach of its own. */
#define ENT_SCENE_HIT_REACH 3.0

GPtrArray        *ent_scene_list_kinds        (EntGraph       *graph);

EntScene         *ent_scene_new               (EntGraph       *graph,
                                               GArray         *positions);
EntScene         *ent_scene_new_routed        (EntGraph       *graph,
                                               GArray         *positions,
                                               GArray         *routes);
EntScene         *ent_scene_new_full          (EntGraph       *graph,
                                               GArray         *positions,
                                               GArray         *routes,
                                               GArray         *bundles);
void              ent_scene_edge_midpoint     (const EntSceneItem *edge,
                                               double             *x,
                                               double             *y,
                                               double             *dx,
                                               double             *dy);
const double     *ent_scene_edge_get_path     (const EntSceneItem *edge,
                                               guint          *n_points);
gboolean          ent_scene_has_routes        (EntScene       *self);
gboolean          ent_scene_has_bundles       (EntScene       *self);
GArray           *ent_scene_list_unrouted     (EntScene       *self);
GType             ent_scene_get_type          (void) G_GNUC_CONST;
EntScene         *ent_scene_ref               (EntScene       *self);
void              ent_scene_unref             (EntScene       *self);

guint             ent_scene_get_n_items       (EntScene       *self);
const EntSceneItem *ent_scene_get_item        (EntScene       *self,
                                               guint           index);
const char       *ent_scene_get_title         (EntScene       *self,
                                               guint           index);
PangoLayout      *ent_scene_get_layout        (EntScene       *self,
                                               const EntSceneItem *item);
void              ent_scene_measure_edge_labels (EntScene     *self);
gboolean          ent_scene_has_edge_labels   (EntScene       *self);
void              ent_scene_measure_edge_labels_async (EntScene            *self,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean          ent_scene_measure_edge_labels_finish (EntScene      *self,
                                                        GAsyncResult  *result,
                                                        GError       **error);
const EntSceneItem *ent_scene_find_node       (EntScene       *self,
                                               gint64          entity_id);
guint             ent_scene_get_n_kinds       (EntScene       *self);
const EntSceneKind *ent_scene_get_kind        (EntScene       *self,
                                               guint           index);
int               ent_scene_find_kind         (EntScene       *self,
                                               const char     *key);
void              ent_scene_get_bounds        (EntScene       *self,
                                               gboolean        with_legend,
                                               EntRect        *bounds);
void              ent_scene_get_legend        (EntScene       *self,
                                               const EntSceneLegendEntry **entries,
                                               guint          *n_entries,
                                               EntRect        *bounds);
void              ent_scene_query_rect        (EntScene       *self,
                                               const EntRect  *rect,
                                               GArray         *out);
gboolean          ent_scene_move_node         (EntScene       *self,
                                               gint64          entity_id,
                                               double          x,
                                               double          y);
int               ent_scene_hit_test          (EntScene       *self,
                                               double          x,
                                               double          y);
int               ent_scene_pick              (EntScene       *self,
                                               double          x,
                                               double          y,
                                               double          reach,
                                               const guint8   *skip);
gboolean          ent_scene_edge_hit          (const EntSceneItem *edge,
                                               double          x,
                                               double          y);
double            ent_scene_edge_distance     (const EntSceneItem *edge,
                                               double          x,
                                               double          y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntScene, ent_scene_unref)

G_END_DECLS
