/* ent-position.h: where a node stands in a stored layout
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A stored node position, in points, y growing downwards. */
typedef struct
{
  gint64   entity_id;
  double   x;
  double   y;
  gboolean pinned;
} EntPosition;

G_END_DECLS
