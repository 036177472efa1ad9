/* ent-export-png.h: sizes PNG exports and writes them in strips
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ent-export-private.h"

G_BEGIN_DECLS

gboolean _ent_export_png_measure (const EntRect           *area,
                                  const EntExportOptions  *options,
                                  double                  *scale,
                                  int                     *width,
                                  int                     *height,
                                  GError                 **error);

typedef struct _EntPngWriter EntPngWriter;

EntPngWriter *_ent_export_png_writer_new          (EntScene                *scene,
                                                   const char              *path,
                                                   const EntExportPicture  *picture,
                                                   const EntExportOptions  *options,
                                                   GError                 **error);
gboolean      _ent_export_png_writer_step         (EntPngWriter            *writer,
                                                   gboolean                *done,
                                                   GError                 **error);
double        _ent_export_png_writer_get_fraction (EntPngWriter            *writer);
void          _ent_export_png_writer_free         (EntPngWriter            *writer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntPngWriter, _ent_export_png_writer_free)

G_END_DECLS
