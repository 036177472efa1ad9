/* ent-test-util.h: what several tests need of the bundled network
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ent-graph.h"

G_BEGIN_DECLS

/* Helpers for the tests only, so they go without the library's prefix. */
EntGraph  *load_graph   (const char *path);
EntGraph  *load_bundled (void);
EntEntity *find_entity  (EntGraph   *graph,
                         const char *name);
char      *copy_bundled (const char *dir,
                         const char *name);
char      *describe_properties (GPtrArray *properties);
void       add_airport_kind (EntGraph  *graph);
EntEntity *add_kind_entity  (EntGraph   *graph,
                             gint64      id,
                             EntKind     kind,
                             const char *kind_key,
                             const char *name);

G_END_DECLS
