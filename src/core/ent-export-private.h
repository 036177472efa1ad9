/* ent-export-private.h: what the SVG, PNG and PDF exports share
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stdio.h>

#include "ent-export.h"
#include "ent-renderer.h"

G_BEGIN_DECLS

/* The room left around the diagram when the export is as large as what it shows, in points. */
#define ENT_EXPORT_MARGIN 16.0

/*
 * What an export draws, in graph coordinates: the area it covers, where the
 * legend goes (moved from below the whole network to below what is shown)
 * and the caption, if any.
 */
typedef struct
{
  EntRect      area;
  /* With a chosen area, the drawing is clipped to it, and the items outside it are left out (@states, which
   * the picture owns, hides them): the legend and caption below it show no more of the network. */
  gboolean     clip;
  EntRect      content;
  guint8      *states;
  double       legend_dx;
  double       legend_dy;
  /* The caption's text laid out, its top-left corner at (caption_x, caption_y); NULL for none. */
  PangoLayout *caption;
  double       caption_x;
  double       caption_y;
} EntExportPicture;

void     _ent_export_picture_init   (EntExportPicture        *picture,
                                     EntScene                *scene,
                                     const EntExportOptions  *options);
void     _ent_export_picture_clear  (EntExportPicture        *picture);
char    *_ent_export_caption_text   (const EntExportOptions  *options);
void     _ent_export_render_options (const EntExportPicture  *picture,
                                     EntScene                *scene,
                                     const EntExportOptions  *options,
                                     double                   scale,
                                     EntRenderOptions        *render_options);
void     _ent_export_draw           (const EntExportPicture  *picture,
                                     EntScene                *scene,
                                     cairo_t                 *cr,
                                     const EntRenderOptions  *render_options,
                                     const EntExportOptions  *options);

gboolean _ent_export_set_errno_error  (GError                 **error,
                                      const char              *path,
                                      int                      saved_errno);
FILE    *_ent_export_open_temporary   (const char              *path,
                                      char                   **temporary,
                                      GError                 **error);
gboolean _ent_export_finish_temporary (FILE                    *file,
                                      const char              *temporary,
                                      const char              *path,
                                      GError                 **error);

G_END_DECLS
