/* ent-report-private.h: what the HTML and PDF evidence reports share
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stdio.h>

#include "ent-report.h"

G_BEGIN_DECLS

/* An entity or a relation, and what the report says of it: one of @entity and @relation is set. */
typedef struct
{
  EntEntity   *entity;
  EntRelation *relation;
  /* Its quotes that support it and those that dispute it (EntQuote *, borrowed from the graph). */
  GPtrArray   *supporting;
  GPtrArray   *disputing;
} EntReportClaim;

typedef struct
{
  EntSource *source;
  /* How many of the claims the report lists quote it. */
  guint      n_claims;
} EntReportSource;

/* What a report holds, in the order it says it: only what the options' states let through. */
typedef struct
{
  const EntReportOptions *options;
  EntGraph   *graph;
  char       *title;
  char       *date;
  /* EntReportClaim *, entities by kind then name, relations by their ends' names and their label. */
  GPtrArray  *entities;
  GPtrArray  *relations;
  /* Borrowed from the two above: claims no quote supports, and claims a quote disputes. */
  GPtrArray  *unsourced;
  GPtrArray  *disputed;
  /* EntReportSource, by title. */
  GArray     *sources;
} EntReport;

gboolean    _ent_report_init           (EntReport              *report,
                                        const EntReportOptions *options,
                                        GCancellable           *cancellable,
                                        GError                **error);
void        _ent_report_clear          (EntReport              *report);
const char *_ent_report_kind_label     (EntReport              *report,
                                        const EntEntity        *entity);
char       *_ent_report_claim_name     (EntReport              *report,
                                        const EntReportClaim   *claim);
char       *_ent_report_claim_details  (EntReport              *report,
                                        const EntReportClaim   *claim,
                                        gboolean                with_kind);
char       *_ent_report_quote_text     (const EntQuote         *quote,
                                        gboolean               *shortened);
char       *_ent_report_source_line    (const EntSource        *source);
gboolean    _ent_report_is_web_address (const char             *url);

gboolean    _ent_report_write_html     (EntReport              *report,
                                        GString                *out,
                                        GCancellable           *cancellable,
                                        GError                **error);
gboolean    _ent_report_write_pdf      (EntReport              *report,
                                        FILE                   *file,
                                        const char             *path,
                                        GCancellable           *cancellable,
                                        GError                **error);

G_END_DECLS
