/* ent-layout.h: graph layout by Graphviz, in a helper process
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ent-layout-protocol.h"

G_BEGIN_DECLS

#define ENT_LAYOUT_ERROR (ent_layout_error_quark ())

/* A cancelled layout fails with G_IO_ERROR_CANCELLED instead. */
typedef enum
{
  ENT_LAYOUT_ERROR_UNKNOWN_ENGINE,
  ENT_LAYOUT_ERROR_NO_WORKER,
  ENT_LAYOUT_ERROR_CRASHED,
  ENT_LAYOUT_ERROR_TIMED_OUT,
  ENT_LAYOUT_ERROR_FAILED,
} EntLayoutError;

typedef struct
{
  gint64    id;
  /*
   * EntLayoutPoint: the control points of a cubic Bézier spline as
   * Graphviz gives them, 1 + 3k of them (k ≥ 1), from the edge's source
   * to its target, y down.
   */
  GArray   *points;
  /* Where an arrowhead's tip goes, when Graphviz cut the curve short for one. */
  gboolean  has_start_arrow;
  double    start_x;
  double    start_y;
  gboolean  has_end_arrow;
  double    end_x;
  double    end_y;
  /* Where the edge's label is centred, when one was asked for and placed. */
  gboolean  has_label;
  double    label_x;
  double    label_y;
} EntLayoutEdge;

typedef struct _EntLayoutRequest EntLayoutRequest;
typedef struct _EntLayoutResult EntLayoutResult;

struct _EntLayoutResult
{
  /* The drawing's extent, nodes and curves included: points, y down. */
  struct
  {
    double x1, y1, x2, y2;
  } bbox;
  GArray *nodes;   /* EntLayoutNode, in the order they were added */
  GArray *edges;   /* EntLayoutEdge, in the order they were added */
  /* Whether the edges were routed around the nodes (see ent_layout_request_set_mode()), or are
   * straight lines between the centres of their nodes. */
  gboolean routed;
  /* Whether the edges were bundled, from centre to centre: then only those with a bundle have a curve, in edges. */
  gboolean bundled;
};

GQuark               ent_layout_error_quark          (void);

const char * const  *ent_layout_get_engines          (void);

EntLayoutRequest    *ent_layout_request_new          (const char        *engine);
void                 ent_layout_request_free         (EntLayoutRequest  *self);
void                 ent_layout_request_add_node     (EntLayoutRequest  *self,
                                                      gint64             id,
                                                      double             width,
                                                      double             height,
                                                      gboolean           has_position,
                                                      double             x,
                                                      double             y,
                                                      gboolean           pinned);
void                 ent_layout_request_set_port     (EntLayoutRequest  *self,
                                                      double             port_height);
void                 ent_layout_request_set_mode     (EntLayoutRequest  *self,
                                                      EntLayoutMode      mode);
void                 ent_layout_request_add_edge     (EntLayoutRequest  *self,
                                                      gint64             id,
                                                      gint64             from_id,
                                                      gint64             to_id,
                                                      gboolean           directed);
void                 ent_layout_request_set_edge_label (EntLayoutRequest *self,
                                                        double            width,
                                                        double            height);

GString             *ent_layout_request_bundle_dot  (EntLayoutRequest  *self);

void                 ent_layout_result_free          (EntLayoutResult   *self);

void                 ent_layout_run_async            (EntLayoutRequest     *request,
                                                      guint                 timeout_ms,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
EntLayoutResult     *ent_layout_run_finish           (GAsyncResult         *result,
                                                      GError              **error);
EntLayoutResult     *ent_layout_run                  (EntLayoutRequest     *request,
                                                      guint                 timeout_ms,
                                                      GCancellable         *cancellable,
                                                      GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntLayoutRequest, ent_layout_request_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntLayoutResult, ent_layout_result_free)

G_END_DECLS
