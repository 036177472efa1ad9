/* ent-sprite-cache.h: labels and node shapes drawn once per zoom, then copied
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "ent-renderer.h"

G_BEGIN_DECLS

/* A target sprites are copied to: its device pixels per user unit, and the pixels per point they are drawn at. */
typedef struct
{
  double device_scale;
  double pixels;
} EntSpriteTarget;

gboolean ent_sprite_cache_serves     (cairo_t                *cr,
                                      double                  scale,
                                      EntSpriteTarget        *target);
void     ent_sprite_cache_draw_label (cairo_t                *cr,
                                      const EntSpriteTarget  *target,
                                      PangoLayout            *layout,
                                      const EntColor         *color,
                                      double                  alpha,
                                      const EntColor         *halo,
                                      double                  x,
                                      double                  y);
void     ent_sprite_cache_draw_node  (cairo_t                *cr,
                                      const EntSpriteTarget  *target,
                                      const EntRenderOptions *options,
                                      const EntColor         *background,
                                      EntKind                 kind,
                                      double                  radius,
                                      double                  alpha,
                                      double                  cx,
                                      double                  cy);

G_END_DECLS
