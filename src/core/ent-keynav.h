/* ent-keynav.h: where the keyboard goes next in the diagram
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "ent-scene.h"
#include "ent-view-state.h"

G_BEGIN_DECLS

const EntSceneItem *ent_keynav_first_node          (EntViewState *state);
const EntSceneItem *ent_keynav_next_around         (EntViewState *state,
                                                    gint64        anchor_id,
                                                    gint64        current_id,
                                                    gboolean      forward);
const EntSceneItem *ent_keynav_nearest_in_direction (EntViewState *state,
                                                     gint64        entity_id,
                                                     double        ux,
                                                     double        uy);

G_END_DECLS
