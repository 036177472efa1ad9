/* ent-export.h: writes diagrams to SVG, PNG and PDF files
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ent-scene.h"

G_BEGIN_DECLS

#define ENT_EXPORT_ERROR (ent_export_error_quark ())

typedef enum
{
  ENT_EXPORT_ERROR_UNKNOWN_FORMAT,
  ENT_EXPORT_ERROR_TOO_LARGE,
  ENT_EXPORT_ERROR_FAILED,
} EntExportError;

typedef enum
{
  ENT_EXPORT_FORMAT_SVG,
  ENT_EXPORT_FORMAT_PNG,
  ENT_EXPORT_FORMAT_PDF,
} EntExportFormat;

/* The largest PNG side: Cairo's image surfaces end at 32,767 pixels. */
#define ENT_EXPORT_MAX_PIXELS 32767

typedef struct
{
  /* Pixels per point, for PNG. */
  double         scale;
  gboolean       dark;
  gboolean       legend;
  gboolean       edge_labels;
  /* The part of the graph to export; NULL for all of it. */
  const EntRect *area;
} EntExportOptions;

GQuark   ent_export_error_quark     (void);

gboolean ent_export_format_for_path (const char              *path,
                                     EntExportFormat         *format,
                                     GError                 **error);
gboolean ent_export_scene           (EntScene                *scene,
                                     const char              *path,
                                     EntExportFormat          format,
                                     const EntExportOptions  *options,
                                     GError                 **error);

G_END_DECLS
