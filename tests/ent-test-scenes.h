/* ent-test-scenes.h: small hand-made scenes for the tests
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ent-scene.h"

G_BEGIN_DECLS

typedef struct
{
  gint64      id;
  EntKind     kind;
  const char *name;
  double      x;
  double      y;
} NodeSpec;

typedef struct
{
  gint64 id;
  gint64 from;
  gint64 to;
} EdgeSpec;

EntScene *ent_test_make_scene (const NodeSpec *nodes,
                               guint           n_nodes,
                               const EdgeSpec *edges,
                               guint           n_edges);
EntScene *ent_test_make_routed_scene (const NodeSpec *nodes,
                                      guint           n_nodes,
                                      const EdgeSpec *edges,
                                      guint           n_edges,
                                      GArray         *routes);
EntScene *ent_test_make_star  (void);
EntScene *ent_test_make_grid  (void);
EntScene *ent_test_make_path  (void);

G_END_DECLS
