/* ent-scene-quality.h: how readable a drawn network is, counted
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ent-scene.h"

G_BEGIN_DECLS

/* How far two things may reach into each other, in points, and still only touch. */
#define ENT_SCENE_QUALITY_TOLERANCE 1.0

/*
 * What makes a drawing hard to read, counted: edges that run through the
 * boxes of nodes they do not join (shape and label, as the layout engine
 * placed them) or through those nodes' labels, and labels drawn over each
 * other.
 */
typedef struct
{
  guint n_nodes;
  guint n_edges;
  /* Edges whose path enters the box of at least one node that is not one of its two ends. */
  guint n_edges_through_nodes;
  /* The pairs of such an edge and such a node. */
  guint n_edge_node_crossings;
  /* Edges whose path enters the label of at least one node that is not one of its two ends. */
  guint n_edges_through_labels;
  /* Pairs of labels (of nodes, and of edges where they are counted) drawn over each other. */
  guint n_label_overlaps;
  /* Pairs of node boxes that overlap. */
  guint n_node_overlaps;
} EntSceneQuality;

/* A node as the counts see it: its box, and its label's logical rectangle (empty for none). */
typedef struct
{
  gint64  id;
  EntRect box;
  EntRect label;
} EntQualityNode;

/* An edge: its ends, its path (1 + 3k control points of a cubic spline, x, y pairs), and its label. */
typedef struct
{
  gint64        from_id;
  gint64        to_id;
  const double *points;
  guint         n_points;
  EntRect       label;
} EntQualityEdge;

void ent_quality_measure       (const EntQualityNode *nodes,
                                guint                 n_nodes,
                                const EntQualityEdge *edges,
                                guint                 n_edges,
                                EntSceneQuality      *out);
void ent_scene_label_rect      (const EntSceneItem   *item,
                                EntRect              *rect);
void ent_scene_measure_quality (EntScene             *scene,
                                gboolean              with_edge_labels,
                                EntSceneQuality      *out);

G_END_DECLS
