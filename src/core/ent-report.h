/* ent-report.h: the evidence report: the diagram, then every claim with the quotes behind it
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ent-graph.h"
#include "ent-scene.h"

G_BEGIN_DECLS

typedef struct
{
  EntGraph     *graph;
  /* The diagram; NULL for none. */
  EntScene     *scene;
  /* One EntItemState per scene item or NULL: items with ENT_ITEM_STATE_HIDDEN are left out of the diagram and of
   * the lists, so that the report shows what the filters let through. */
  const guint8 *states;
  const char   *title;
  /* Which filters are in force, said under the title; NULL for none. */
  const char   *caption;
  /* The diagram's colours; reports are normally light. */
  gboolean      dark;
} EntReportOptions;

/* A quote longer than this many characters is shortened in a report, which says so. */
#define ENT_REPORT_QUOTE_MAX_CHARS 4000

gboolean ent_report_write (const EntReportOptions  *options,
                           const char              *path,
                           GCancellable            *cancellable,
                           GError                 **error);

G_END_DECLS
