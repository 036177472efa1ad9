/* ent-renderer-private.h: the painting the renderer and its sprite cache share
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ent-renderer.h"

G_BEGIN_DECLS

void _ent_renderer_paint_label      (cairo_t                *cr,
                                     PangoLayout            *layout,
                                     const EntColor         *color,
                                     double                  alpha,
                                     const EntColor         *halo);
void _ent_renderer_paint_node_shape (cairo_t                *cr,
                                     const EntRenderOptions *options,
                                     const EntColor         *background,
                                     EntKind                 kind,
                                     double                  cx,
                                     double                  cy,
                                     double                  radius,
                                     double                  alpha);

G_END_DECLS
