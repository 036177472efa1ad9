/* ent-spatial-index.h: a static R-tree for hit-testing and culling
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "ent-geometry.h"

G_BEGIN_DECLS

typedef struct _EntSpatialIndex EntSpatialIndex;

EntSpatialIndex *ent_spatial_index_new         (const EntRect   *rects,
                                                guint            n_rects);
void             ent_spatial_index_free        (EntSpatialIndex *self);
guint            ent_spatial_index_get_size    (EntSpatialIndex *self);
void             ent_spatial_index_move        (EntSpatialIndex *self,
                                                guint            item,
                                                const EntRect   *rect);
void             ent_spatial_index_query_rect  (EntSpatialIndex *self,
                                                const EntRect   *rect,
                                                GArray          *out);
void             ent_spatial_index_query_point (EntSpatialIndex *self,
                                                double           x,
                                                double           y,
                                                GArray          *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntSpatialIndex, ent_spatial_index_free)

G_END_DECLS
