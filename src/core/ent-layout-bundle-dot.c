/* ent-layout-bundle-dot.c: the graph Graphviz's mingle is given to bundle the edges of a layout
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-layout"

#include "config.h"

#include "ent-layout-protocol.h"

#include <math.h>

/*
 * Both the layout helper, which runs mingle, and the benchmark, which runs
 * the mingle command line on the same graph, build this file: it uses
 * GLib only (see ent-layout-protocol.h).
 *
 * mingle of Graphviz 2.42 crashes on some graphs that relations make: a
 * second edge between the same two nodes, either way, or an edge of a node
 * with itself, ends it with a segmentation fault, and an edge whose ends
 * stand on one spot with a failed assertion. So mingle is given one edge of
 * each pair of nodes, the first of the request, whose bundle the others
 * share, and no loops nor edges of no length; those are drawn as Entente
 * draws them. The graph is undirected, as mingle bundles edges that run
 * either way alike; the helper turns each bundle to run from its own edge's
 * source to its target.
 *
 * Everything written is a number or a name made of one: nodes "n<id>" with
 * their position, edges with the id "e<id>" of the edge they stand for.
 */

/* Edges shorter than this, in points, are not bundled: mingle writes coordinates to a thousandth. */
#define MIN_EDGE_LENGTH 0.01

/* The two ends of an edge, lower id first, as a key of a hash table. */
typedef struct
{
  gint64 a;
  gint64 b;
} Pair;

static guint
pair_hash (gconstpointer key)
{
  const Pair *pair = key;

  return g_int64_hash (&pair->a) * 31 + g_int64_hash (&pair->b);
}

static gboolean
pair_equal (gconstpointer a,
            gconstpointer b)
{
  const Pair *x = a, *y = b;

  return x->a == y->a && x->b == y->b;
}

static void
append_number (GString *dot,
               double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  /* mingle parses numbers in the C locale, whatever the user's. */
  g_string_append (dot, g_ascii_dtostr (buffer, sizeof buffer, value));
}

/**
 * ent_layout_bundle_dot:
 * @nodes: (array length=n_nodes): the nodes of a bundling request, each
 *   with a position
 * @n_nodes: how many
 * @edges: (array length=n_edges): its edges
 * @n_edges: how many
 * @sent_for: (array length=n_edges) (out caller-allocates): for each edge,
 *   the index in @edges of the edge that mingle is given for it, or -1
 *   when it gets none
 *
 * An edge that names a node missing from @nodes, or one without a position,
 * gets none: the helper turns such requests down before it gets here.
 *
 * Returns: (transfer full): the graph, as DOT text
 */
GString *
ent_layout_bundle_dot (const EntLayoutWireNode *nodes,
                       gsize                    n_nodes,
                       const EntLayoutWireEdge *edges,
                       gsize                    n_edges,
                       gssize                  *sent_for)
{
  g_autoptr(GHashTable) node_index = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) first_of_pair = g_hash_table_new (pair_hash, pair_equal);
  g_autofree Pair *pairs = g_new (Pair, MAX (n_edges, 1));
  g_autofree gboolean *used = g_new0 (gboolean, MAX (n_nodes, 1));
  GString *dot = g_string_sized_new (64 * (n_nodes + n_edges) + 16);

  /* The first node of an id stands for it, as in the helper's own lookup. */
  for (gsize i = n_nodes; i > 0; i--)
    g_hash_table_insert (node_index, (gpointer) &nodes[i - 1].id, GSIZE_TO_POINTER (i));

  for (gsize i = 0; i < n_edges; i++)
    {
      gsize from = GPOINTER_TO_SIZE (g_hash_table_lookup (node_index, &edges[i].from_id));
      gsize to = GPOINTER_TO_SIZE (g_hash_table_lookup (node_index, &edges[i].to_id));
      gpointer first;

      sent_for[i] = -1;
      if (from == 0 || to == 0 || from == to || !nodes[from - 1].has_position || !nodes[to - 1].has_position ||
          hypot (nodes[from - 1].x - nodes[to - 1].x, nodes[from - 1].y - nodes[to - 1].y) < MIN_EDGE_LENGTH)
        continue;

      pairs[i] = (Pair) { MIN (edges[i].from_id, edges[i].to_id), MAX (edges[i].from_id, edges[i].to_id) };
      if (g_hash_table_lookup_extended (first_of_pair, &pairs[i], NULL, &first))
        {
          sent_for[i] = GPOINTER_TO_SIZE (first);
          continue;
        }

      g_hash_table_insert (first_of_pair, &pairs[i], GSIZE_TO_POINTER (i));
      sent_for[i] = i;
      used[from - 1] = used[to - 1] = TRUE;
    }

  g_string_append (dot, "graph {\n");
  for (gsize i = 0; i < n_nodes; i++)
    {
      if (!used[i])
        continue;
      g_string_append_printf (dot, "\"n%" G_GINT64_FORMAT "\" [pos=\"", nodes[i].id);
      append_number (dot, nodes[i].x);
      g_string_append_c (dot, ',');
      append_number (dot, nodes[i].y);
      g_string_append (dot, "\"];\n");
    }
  for (gsize i = 0; i < n_edges; i++)
    if (sent_for[i] == (gssize) i)
      g_string_append_printf (dot, "\"n%" G_GINT64_FORMAT "\" -- \"n%" G_GINT64_FORMAT "\" [id=\"e%" G_GINT64_FORMAT "\"];\n",
                              edges[i].from_id, edges[i].to_id, edges[i].id);
  g_string_append (dot, "}\n");

  return dot;
}
