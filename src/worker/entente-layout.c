/* entente-layout.c: the helper that runs Graphviz layouts
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "entente-layout"

#include "config.h"

#include "ent-layout.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <gio/gunixinputstream.h>
#include <gio/gunixoutputstream.h>
#include <graphviz/gvc.h>

/*
 * The application starts this program once per layout (see
 * src/core/ent-layout.c), because Graphviz 2.42 crashes on some inputs, is
 * not thread-safe and may run for minutes; here a crash or a kill costs
 * nothing but this process. It reads one request from stdin, lays it out
 * and writes one reply to stdout, both GVariants of the types in
 * ent-layout.h. On any error it prints a message on stderr and exits with
 * status 1, which the application shows to the user inside a translated
 * sentence; Graphviz's own messages there are English, and so are ours.
 *
 * Nothing in a user's file can steer Graphviz. The request holds only
 * numbers: node n<id> is an empty box of the size the application measured,
 * and edges have no labels. The attributes below are the only ones ever set,
 * each with a value chosen here:
 *
 *   graph: splines, start, overlap, nodesep and ranksep (dot), inputscale
 *          (engines that read positions)
 *   node:  shape, fixedsize, label (always empty), width, height, and pos and
 *          pin (engines that read positions)
 *   edge:  dir
 *
 * So no label is laid out, no image, shape file or font path is named, and
 * no file is read on the request's behalf.
 */

/* Graphviz keeps some coordinates in ints and misbehaves well before these limits. */
#define MAX_NODE_SIZE 10000.0
#define MAX_COORDINATE 1000000.0

#define WORKER_ERROR (worker_error_quark ())

typedef enum
{
  WORKER_ERROR_INVALID_REQUEST,
  WORKER_ERROR_GRAPHVIZ,
} WorkerError;

static GQuark worker_error_quark (void);
G_DEFINE_QUARK (entente-layout-worker-error-quark, worker_error)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GVC_t, gvFreeContext)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Agraph_t, agclose)

/*
 * How an engine keeps nodes apart, or NULL where it does so by itself: dot
 * places nodes in ranks, and circo on circles with room between them; there,
 * overlap removal on top makes nodes touch, and spline routing then falls
 * back to straight lines. Without it twopi's nodes touch. Debian's Graphviz
 * is built with GTS, so "prism" is available.
 *
 * With pinned nodes no overlap removal runs at all: in Graphviz 2.42 every
 * method of it moves pinned nodes too.
 */
static const char *
overlap_for_engine (const char *engine,
                    gboolean    has_pins)
{
  if (g_str_equal (engine, "dot") || g_str_equal (engine, "circo"))
    return NULL;

  return has_pins ? "true" : "prism";
}

static GBytes *
read_request_bytes (GError **error)
{
  g_autoptr(GInputStream) input = g_unix_input_stream_new (STDIN_FILENO, FALSE);
  g_autoptr(GOutputStream) buffer = g_memory_output_stream_new_resizable ();

  if (g_output_stream_splice (buffer, input, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, error) < 0)
    return NULL;

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (buffer));
}

static GVariant *
parse_request (GBytes  *bytes,
               GError **error)
{
  g_autoptr(GVariant) request = NULL;
  const char *engine;

  request = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (ENT_LAYOUT_REQUEST_TYPE), bytes, FALSE));

  /* Anything that is not exactly what the client writes is garbage, not a graph to guess at. */
  if (!g_variant_is_normal_form (request))
    {
      g_set_error (error, WORKER_ERROR, WORKER_ERROR_INVALID_REQUEST,
                   "The request is not a well-formed %s value", ENT_LAYOUT_REQUEST_TYPE);
      return NULL;
    }

  g_variant_get_child (request, 0, "&s", &engine);
  if (!ent_layout_engine_is_known (engine))
    {
      g_set_error (error, WORKER_ERROR, WORKER_ERROR_INVALID_REQUEST,
                   "Unknown layout engine “%s”", engine);
      return NULL;
    }

  return g_steal_pointer (&request);
}

static char *
format_number (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  /* Graphviz parses numbers in the C locale, whatever the user's. */
  return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, value));
}

static void
set_number (void   *object,
            Agsym_t *symbol,
            double  value)
{
  g_autofree char *text = format_number (value);

  agxset (object, symbol, text);
}

static gboolean
size_is_valid (double size)
{
  return isfinite (size) && size > 0 && size <= MAX_NODE_SIZE;
}

static gboolean
coordinate_is_valid (double coordinate)
{
  return isfinite (coordinate) && fabs (coordinate) <= MAX_COORDINATE;
}

static char *
node_name (gint64 id)
{
  return g_strdup_printf ("n%" G_GINT64_FORMAT, id);
}

/*
 * Builds the Graphviz graph for @request and gives its nodes and edges in
 * the request's order, to read the layout back in that order.
 */
static Agraph_t *
build_graph (GVariant    *request,
             Agnode_t  ***out_nodes,
             Agedge_t  ***out_edges,
             GError     **error)
{
  g_autoptr(Agraph_t) graph = NULL;
  g_autoptr(GVariant) nodes = NULL;
  g_autoptr(GVariant) edges = NULL;
  g_autofree Agnode_t **agnodes = NULL;
  g_autofree Agedge_t **agedges = NULL;
  const char *engine;
  const char *overlap;
  gboolean reads_positions;
  gboolean has_pins = FALSE;
  Agsym_t *width_symbol;
  Agsym_t *height_symbol;
  Agsym_t *pos_symbol = NULL;
  Agsym_t *pin_symbol = NULL;
  Agsym_t *dir_symbol;
  gsize n_nodes;
  gsize n_edges;

  g_variant_get (request, "(&s@a(xddbddb)@a(xxxb))", &engine, &nodes, &edges);
  n_nodes = g_variant_n_children (nodes);
  n_edges = g_variant_n_children (edges);
  reads_positions = ent_layout_engine_honours_pins (engine);

  for (gsize i = 0; i < n_nodes && reads_positions; i++)
    {
      gboolean has_position, pinned;

      g_variant_get_child (nodes, i, "(xddbddb)", NULL, NULL, NULL, &has_position, NULL, NULL, &pinned);
      has_pins |= has_position && pinned;
    }

  graph = agopen ("layout", Agdirected, NULL);

  /* Entente draws edges itself from the node positions, so stored layouts
   * look the same as fresh ones; Graphviz's spline routing, which takes most
   * of the time on large graphs, is not needed. */
  agattr (graph, AGRAPH, "splines", "line");
  /* A fixed seed, so the same graph always gets the same layout. */
  agattr (graph, AGRAPH, "start", "1");

  overlap = overlap_for_engine (engine, has_pins);
  if (overlap != NULL)
    agattr (graph, AGRAPH, "overlap", (char *) overlap);

  if (g_str_equal (engine, "dot"))
    {
      /* A little more room than the defaults, for the edge labels the application draws. */
      agattr (graph, AGRAPH, "nodesep", "0.4");
      agattr (graph, AGRAPH, "ranksep", "0.6");
    }

  agattr (graph, AGNODE, "shape", "box");
  agattr (graph, AGNODE, "fixedsize", "true");
  agattr (graph, AGNODE, "label", "");
  width_symbol = agattr (graph, AGNODE, "width", "1");
  height_symbol = agattr (graph, AGNODE, "height", "1");
  dir_symbol = agattr (graph, AGEDGE, "dir", "forward");

  if (reads_positions)
    {
      /* Positions are in points, as everything else in the request; Graphviz assumes inches. */
      agattr (graph, AGRAPH, "inputscale", "72");
      pos_symbol = agattr (graph, AGNODE, "pos", "");
      pin_symbol = agattr (graph, AGNODE, "pin", "false");
    }

  agnodes = g_new0 (Agnode_t *, n_nodes + 1);
  for (gsize i = 0; i < n_nodes; i++)
    {
      g_autofree char *name = NULL;
      gint64 id;
      double width, height, x, y;
      gboolean has_position, pinned;

      g_variant_get_child (nodes, i, "(xddbddb)", &id, &width, &height, &has_position, &x, &y, &pinned);

      if (!size_is_valid (width) || !size_is_valid (height) ||
          (has_position && (!coordinate_is_valid (x) || !coordinate_is_valid (y))))
        {
          g_set_error (error, WORKER_ERROR, WORKER_ERROR_INVALID_REQUEST,
                       "Node %" G_GINT64_FORMAT " has an invalid size or position", id);
          return NULL;
        }

      name = node_name (id);
      if (agnode (graph, name, FALSE) != NULL)
        {
          g_set_error (error, WORKER_ERROR, WORKER_ERROR_INVALID_REQUEST,
                       "Node %" G_GINT64_FORMAT " occurs more than once", id);
          return NULL;
        }

      /*
       * Graphviz 2.42 rounds a node's size to whole points. Rounding up
       * keeps room for all of the box the application draws; the reply
       * gives back the exact size asked for.
       */
      agnodes[i] = agnode (graph, name, TRUE);
      set_number (agnodes[i], width_symbol, PS2INCH (ceil (width)));
      set_number (agnodes[i], height_symbol, PS2INCH (ceil (height)));

      /* A pin without a position means nothing, and is ignored here as in find_origin (). */
      if (has_position && reads_positions)
        {
          g_autofree char *text_x = format_number (x);
          g_autofree char *text_y = format_number (-y);   /* Graphviz's y grows upwards */
          g_autofree char *pos = g_strdup_printf ("%s,%s%s", text_x, text_y, pinned ? "!" : "");

          agxset (agnodes[i], pos_symbol, pos);
          if (pinned)
            agxset (agnodes[i], pin_symbol, "true");
        }
    }

  agedges = g_new0 (Agedge_t *, n_edges + 1);
  for (gsize i = 0; i < n_edges; i++)
    {
      g_autofree char *from_name = NULL;
      g_autofree char *to_name = NULL;
      Agnode_t *from, *to;
      gint64 id, from_id, to_id;
      gboolean directed;

      g_variant_get_child (edges, i, "(xxxb)", &id, &from_id, &to_id, &directed);

      from_name = node_name (from_id);
      to_name = node_name (to_id);
      from = agnode (graph, from_name, FALSE);
      to = agnode (graph, to_name, FALSE);
      if (from == NULL || to == NULL)
        {
          g_set_error (error, WORKER_ERROR, WORKER_ERROR_INVALID_REQUEST,
                       "Edge %" G_GINT64_FORMAT " joins a node that is not in the request", id);
          return NULL;
        }

      /* Unnamed, so that several edges between the same nodes stay distinct. */
      agedges[i] = agedge (graph, from, to, NULL, TRUE);
      if (!directed)
        agxset (agedges[i], dir_symbol, "none");
    }

  *out_nodes = g_steal_pointer (&agnodes);
  *out_edges = g_steal_pointer (&agedges);

  return g_steal_pointer (&graph);
}

static gboolean
all_edges_routed (Agedge_t **edges)
{
  for (gsize i = 0; edges[i] != NULL; i++)
    {
      splines *spl = ED_spl (edges[i]);

      if (spl == NULL || spl->size < 1 || spl->list[0].size < 4)
        return FALSE;
    }

  return TRUE;
}

static gboolean
run_engine (GVC_t       *gvc,
            Agraph_t    *graph,
            const char  *engine,
            Agedge_t   **edges,
            GError     **error)
{
  if (gvLayout (gvc, graph, engine) == 0 && all_edges_routed (edges))
    return TRUE;

  gvFreeLayout (gvc, graph);
  g_set_error (error, WORKER_ERROR, WORKER_ERROR_GRAPHVIZ,
               "Graphviz could not lay out the graph with %s", engine);
  return FALSE;
}

/*
 * Where to put the origin of the reply, whose y grows downwards. With
 * pinned nodes, the caller's own coordinates: Graphviz keeps pinned nodes
 * where they were relative to each other but may shift the whole drawing,
 * so the shift is measured on them and undone. Otherwise the top of the
 * drawing is at y = 0.
 */
static void
find_origin (Agraph_t   *graph,
             GVariant   *nodes,
             Agnode_t  **agnodes,
             gboolean    reads_positions,
             double     *origin_x,
             double     *origin_y)
{
  double shift_x = 0, shift_y = 0;
  guint n_pinned = 0;

  for (gsize i = 0; agnodes[i] != NULL && reads_positions; i++)
    {
      double x, y;
      gboolean has_position, pinned;

      g_variant_get_child (nodes, i, "(xddbddb)", NULL, NULL, NULL, &has_position, &x, &y, &pinned);
      if (!has_position || !pinned)
        continue;

      shift_x += ND_coord (agnodes[i]).x - x;
      shift_y += ND_coord (agnodes[i]).y + y;
      n_pinned++;
    }

  if (n_pinned > 0)
    {
      *origin_x = shift_x / n_pinned;
      *origin_y = shift_y / n_pinned;
    }
  else
    {
      *origin_x = 0;
      *origin_y = GD_bb (graph).UR.y;
    }
}

static GVariant *
read_layout (Agraph_t   *graph,
             GVariant   *request,
             Agnode_t  **agnodes,
             Agedge_t  **agedges)
{
  g_autoptr(GVariant) nodes = NULL;
  g_autoptr(GVariant) edges = NULL;
  const char *engine;
  GVariantBuilder node_builder;
  GVariantBuilder edge_builder;
  boxf bb = GD_bb (graph);
  double ox, oy;

  g_variant_get (request, "(&s@a(xddbddb)@a(xxxb))", &engine, &nodes, &edges);
  find_origin (graph, nodes, agnodes, ent_layout_engine_honours_pins (engine), &ox, &oy);

  g_variant_builder_init (&node_builder, G_VARIANT_TYPE ("a(xdddd)"));
  for (gsize i = 0; agnodes[i] != NULL; i++)
    {
      gint64 id;
      double width, height;

      g_variant_get_child (nodes, i, "(xddbddb)", &id, &width, &height, NULL, NULL, NULL, NULL);
      g_variant_builder_add (&node_builder, "(xdddd)", id,
                             ND_coord (agnodes[i]).x - ox, oy - ND_coord (agnodes[i]).y,
                             width, height);
    }

  g_variant_builder_init (&edge_builder, G_VARIANT_TYPE ("a(xa(dd)bddbdd)"));
  for (gsize i = 0; agedges[i] != NULL; i++)
    {
      /*
       * An edge's curve comes in several pieces only with clusters or
       * concentrate=true, neither of which is ever set here.
       */
      const bezier *curve = &ED_spl (agedges[i])->list[0];
      GVariantBuilder points;
      gint64 id;

      g_variant_get_child (edges, i, "(xxxb)", &id, NULL, NULL, NULL);
      g_variant_builder_init (&points, G_VARIANT_TYPE ("a(dd)"));
      for (int p = 0; p < curve->size; p++)
        g_variant_builder_add (&points, "(dd)", curve->list[p].x - ox, oy - curve->list[p].y);

      g_variant_builder_add (&edge_builder, "(xa(dd)bddbdd)", id, &points,
                             curve->sflag != 0, curve->sp.x - ox, oy - curve->sp.y,
                             curve->eflag != 0, curve->ep.x - ox, oy - curve->ep.y);
    }

  return g_variant_ref_sink (g_variant_new (ENT_LAYOUT_REPLY_TYPE,
                                            bb.LL.x - ox, oy - bb.UR.y, bb.UR.x - ox, oy - bb.LL.y,
                                            &node_builder, &edge_builder));
}

static GVariant *
lay_out (GVariant  *request,
         GError   **error)
{
  g_autoptr(GVC_t) gvc = NULL;
  g_autoptr(Agraph_t) graph = NULL;
  g_autofree Agnode_t **nodes = NULL;
  g_autofree Agedge_t **edges = NULL;
  const char *engine;
  GVariant *reply;

  /* Warnings, such as falling back to straight edges, are no one's business; errors are. */
  agseterr (AGERR);

  gvc = gvContext ();
  graph = build_graph (request, &nodes, &edges, error);
  if (graph == NULL)
    return NULL;

  g_variant_get_child (request, 0, "&s", &engine);
  if (!run_engine (gvc, graph, engine, edges, error))
    return NULL;

  reply = read_layout (graph, request, nodes, edges);
  gvFreeLayout (gvc, graph);

  return reply;
}

static gboolean
write_reply (GVariant  *reply,
             GError   **error)
{
  g_autoptr(GOutputStream) output = g_unix_output_stream_new (STDOUT_FILENO, FALSE);

  return g_output_stream_write_all (output, g_variant_get_data (reply), g_variant_get_size (reply),
                                    NULL, NULL, error) &&
         g_output_stream_close (output, NULL, error);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) input = NULL;
  g_autoptr(GVariant) request = NULL;
  g_autoptr(GVariant) reply = NULL;

  input = read_request_bytes (&error);
  if (input != NULL)
    request = parse_request (input, &error);
  if (request != NULL)
    reply = lay_out (request, &error);

  /*
   * The message goes out as UTF-8, which the application expects, and not
   * through g_printerr, which would convert it to the charset of this
   * process's C locale.
   */
  if (reply == NULL || !write_reply (reply, &error))
    {
      fprintf (stderr, "entente-layout: %s\n", error->message);
      return EXIT_FAILURE;
    }

  return EXIT_SUCCESS;
}
