/* ent-svg-writer.h: writes a scene as SVG
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ent-renderer.h"

G_BEGIN_DECLS

void     ent_svg_append_escaped (GString                *out,
                                 const char             *text);
GString *ent_svg_write_scene    (EntScene               *scene,
                                 const EntRect          *area,
                                 const EntRenderOptions *options);

G_END_DECLS
