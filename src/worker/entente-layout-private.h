/* entente-layout-private.h: what the files of the layout helper share
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ent-layout-protocol.h"

#include <math.h>

G_BEGIN_DECLS

#define WORKER_ERROR (worker_error_quark ())

typedef enum
{
  WORKER_ERROR_INVALID_REQUEST,
  WORKER_ERROR_GRAPHVIZ,
} WorkerError;

GQuark worker_error_quark (void);

/* The request, taken apart once; the arrays point into the GVariants held here. */
typedef struct
{
  GVariant                *variant;
  GVariant                *node_array;
  GVariant                *edge_array;
  const char              *engine;
  EntLayoutMode            mode;
  gboolean                 routes;
  gboolean                 route_only;
  const EntLayoutWireNode *nodes;
  gsize                    n_nodes;
  const EntLayoutWireEdge *edges;
  gsize                    n_edges;
  gboolean                 reads_positions;
} Request;

static inline gboolean
worker_size_is_valid (double size)
{
  return isfinite (size) && size > 0 && size <= ENT_LAYOUT_MAX_NODE_SIZE;
}

static inline gboolean
worker_coordinate_is_valid (double coordinate)
{
  return isfinite (coordinate) && fabs (coordinate) <= ENT_LAYOUT_MAX_COORDINATE;
}

/* entente-layout-bundle.c */
GVariant *worker_bundle (const Request  *request,
                         GError        **error);

G_END_DECLS
