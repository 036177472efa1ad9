/* ent-dot-private.h: what the DOT reader and writer share
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "ent-graph.h"

G_BEGIN_DECLS

/* What Graphviz's escapes in a label stand for: \N, \G, \E, \T and \H. */
typedef struct
{
  const char *node;   /* (nullable) */
  const char *graph;
  const char *edge;   /* (nullable) */
  const char *tail;   /* (nullable) */
  const char *head;   /* (nullable) */
} EntDotNames;

char *_ent_dot_escaped_text (const char        *label,
                             const EntDotNames *names);
char *_ent_dot_html_text    (const char        *label);
char *_ent_dot_record_text  (const char        *label,
                             const EntDotNames *names);
gboolean _ent_dot_is_latin1 (const char        *charset);
char *_ent_dot_look_value   (EntGraph          *graph,
                             const EntEntity   *entity,
                             const char        *key);

G_END_DECLS
