/* ent-label-measure.h: the size of labels, measured as they are drawn
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pango.h>

G_BEGIN_DECLS

/* One label to measure: its text and wrap width in, its extents in Pango units out. */
typedef struct
{
  const char     *text;
  double          wrap_width;
  PangoRectangle  ink;
  PangoRectangle  logical;
} EntLabelMeasure;

PangoLayout *ent_label_layout_new      (const char      *text,
                                        double           wrap_width);
void         ent_label_measure         (EntLabelMeasure *measures,
                                        guint            n_measures);
void         ent_label_measure_in_pool (EntLabelMeasure *measures,
                                        guint            n_measures);

G_END_DECLS
