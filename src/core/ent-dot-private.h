/* ent-dot-private.h: what the DOT reader and writer share
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ent-dot-protocol.h"
#include "ent-graph.h"

G_BEGIN_DECLS

/* What the helper read of a DOT file, taken apart and checked; the arrays point into the GVariants held here. */
typedef struct
{
  GVariant             *reply;
  GVariant             *arrays[5];
  char                **texts;      /* UTF-8 */
  gsize                 n_texts;
  const guint8         *html;
  const EntDotWireNode *nodes;
  gsize                 n_nodes;
  const EntDotWireEdge *edges;
  gsize                 n_edges;
  const EntDotWirePair *attributes;
  gsize                 n_attributes;
  const EntDotWirePair *clusters;
  gsize                 n_clusters;
  guint32               name;
  guint32               charset;
  gboolean              directed;
  guint32               more_graphs;
} EntDotReply;

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

EntDotReply *_ent_dot_read_reply (const char   *path,
                                  const char   *base,
                                  GCancellable *cancellable,
                                  GError      **error);
void _ent_dot_reply_free (EntDotReply *self);
gboolean _ent_dot_cannot_read (GError     **error,
                               const char  *base,
                               const char  *why);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntDotReply, _ent_dot_reply_free)

G_END_DECLS
