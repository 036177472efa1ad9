/* ent-svg-writer.h: writes a scene as SVG
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ent-renderer.h"

G_BEGIN_DECLS

/* What an export adds to the scene: a transparent background (no page under the drawing), a caption. */
typedef struct
{
  gboolean     transparent;
  PangoLayout *caption;
  double       caption_x;
  double       caption_y;
  /* The part of the graph the diagram is clipped to, legend and caption aside; NULL for none. */
  const EntRect *clip;
} EntSvgExtras;

void     ent_svg_append_escaped (GString                *out,
                                 const char             *text);
GString *ent_svg_write_scene    (EntScene               *scene,
                                 const EntRect          *area,
                                 const EntRenderOptions *options);
GString *ent_svg_write_scene_full (EntScene             *scene,
                                   const EntRect        *area,
                                   const EntRenderOptions *options,
                                   const EntSvgExtras   *extras);

G_END_DECLS
