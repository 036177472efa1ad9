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

/*
 * A frame that sprites serve: its device pixels per user unit, the pixels
 * per point sprites are drawn at, what the frame draws and its page colour.
 */
typedef struct
{
  double                  device_scale;
  double                  pixels;
  const EntRenderOptions *options;
  EntColor                background;
} EntSpriteTarget;

gboolean ent_sprite_cache_serves     (cairo_t                *cr,
                                      const EntRenderOptions *options,
                                      const EntColor         *background,
                                      EntSpriteTarget        *target);
void     ent_sprite_cache_draw_label (cairo_t                *cr,
                                      const EntSpriteTarget  *target,
                                      const EntSceneItem     *item,
                                      PangoLayout            *layout,
                                      const EntColor         *color,
                                      double                  alpha);
void     ent_sprite_cache_draw_node  (cairo_t                *cr,
                                      const EntSpriteTarget  *target,
                                      const EntSceneItem     *item,
                                      double                  alpha);

G_END_DECLS
