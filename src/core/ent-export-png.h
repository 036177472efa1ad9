/* ent-export-png.h: sizes PNG exports and writes them in strips
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ent-export.h"

G_BEGIN_DECLS

gboolean _ent_export_png_measure (const EntRect           *area,
                                  const EntExportOptions  *options,
                                  double                  *scale,
                                  int                     *width,
                                  int                     *height,
                                  GError                 **error);
gboolean _ent_export_png         (EntScene                *scene,
                                  const char              *path,
                                  const EntRect           *area,
                                  const EntExportOptions  *options,
                                  GError                 **error);

G_END_DECLS
