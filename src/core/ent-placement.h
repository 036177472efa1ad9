/* ent-placement.h: places new entities without moving the others
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ent-graph.h"
#include "ent-position.h"

G_BEGIN_DECLS

guint ent_placement_place_missing (EntGraph *graph,
                                   GArray   *positions,
                                   double    hint_x,
                                   double    hint_y);

G_END_DECLS
