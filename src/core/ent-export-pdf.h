/* ent-export-pdf.h: writes PDF exports, a page at a time
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ent-export-private.h"

G_BEGIN_DECLS

typedef struct _EntPdfWriter EntPdfWriter;

EntPdfWriter *_ent_export_pdf_writer_new          (EntScene                *scene,
                                                   const char              *path,
                                                   const EntExportPicture  *picture,
                                                   const EntExportOptions  *options,
                                                   GError                 **error);
gboolean      _ent_export_pdf_writer_step         (EntPdfWriter            *writer,
                                                   gboolean                *done,
                                                   GError                 **error);
double        _ent_export_pdf_writer_get_fraction (EntPdfWriter            *writer);
void          _ent_export_pdf_writer_free         (EntPdfWriter            *writer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntPdfWriter, _ent_export_pdf_writer_free)

G_END_DECLS
