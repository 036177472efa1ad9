/* ent-frame.h: the image of a viewport, kept between frames
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "ent-renderer.h"

G_BEGIN_DECLS

typedef struct _EntFrame EntFrame;

EntFrame        *ent_frame_new        (void);
void             ent_frame_free       (EntFrame               *self);
void             ent_frame_invalidate (EntFrame               *self);
gboolean         ent_frame_draw       (EntFrame               *self,
                                       EntScene               *scene,
                                       const EntRenderOptions *options,
                                       int                     width,
                                       int                     height,
                                       double                  zoom,
                                       double                  offset_x,
                                       double                  offset_y);
gboolean         ent_frame_paint_scaled (EntFrame             *self,
                                         cairo_t              *cr,
                                         double                zoom,
                                         double                offset_x,
                                         double                offset_y);
cairo_surface_t *ent_frame_get_surface (EntFrame              *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntFrame, ent_frame_free)

G_END_DECLS
