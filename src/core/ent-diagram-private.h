/* ent-diagram-private.h: what `entente --export` and `entente --report` share
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ent-diagram.h"

G_BEGIN_DECLS

gboolean  _ent_diagram_open_file (const char  *input,
                                  const char  *engine,
                                  gboolean     relayout,
                                  char       **path,
                                  EntStore   **store,
                                  EntGraph   **graph,
                                  EntScene   **scene,
                                  GError     **error);
char     *_ent_diagram_title     (EntGraph    *graph,
                                  const char  *path);

G_END_DECLS
