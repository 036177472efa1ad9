/* entente-layout.c: the helper that runs Graphviz layouts
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "entente-layout"

/* For close_range () and dl_iterate_phdr (). */
#define _GNU_SOURCE

#include "config.h"

#include "entente-layout-private.h"

#include <dlfcn.h>
#include <errno.h>
#include <link.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <graphviz/gvc.h>

/*
 * The application starts this program once per layout (see
 * src/core/ent-layout.c), because Graphviz 2.42 crashes on some inputs, is
 * not thread-safe and may run for minutes; here a crash or a kill costs
 * nothing but this process. It reads one request from stdin, lays it out
 * (or has Graphviz's mingle bundle its edges: see entente-layout-bundle.c)
 * and writes one reply to stdout, both GVariants of the types in
 * ent-layout-protocol.h. On any error it prints a message on stderr and exits with
 * status 1, which the application shows to the user inside a translated
 * sentence; Graphviz's own messages there are English, and so are ours.
 *
 * Nothing in a user's file can steer Graphviz. The request holds only
 * numbers: node n<id> is an empty box of the size the application measured,
 * and edges have no labels. The attributes below are the only ones ever set,
 * each with a value chosen here:
 *
 *   graph: splines, start, overlap, nodesep and ranksep (dot), inputscale
 *          (engines that read positions), forcelabels (routed edges)
 *   node:  shape, fixedsize, label, width, height, and pos and pin (engines
 *          that read positions)
 *   edge:  dir, and for routed edges tailport, headport and xlabel
 *
 * mingle, which bundles edges, is given node positions and edge ids only,
 * all of them numbers (see ent-layout-bundle-dot.c).
 *
 * A label is empty, or, for routed edges, an HTML-like table made here of
 * empty cells of the sizes asked for (see ent_layout_empty_table ()): a node's port,
 * its shape, above the rest of its box, where its label goes; an edge's
 * label, the room its text takes.
 *
 * So no label is laid out, no image, shape file or font path is named, and
 * no file is read on the request's behalf.
 *
 * The process is started for every layout, and on small graphs starting it
 * takes longer than the layout, so it does no more than that needs: it
 * links GLib and Graphviz only (no GIO), loads only the Graphviz plugin
 * that holds the engine (see new_context), and exits without freeing what
 * Graphviz allocated.
 */

/* A pipe's capacity on Linux; requests of large graphs take a few of these. */
#define READ_CHUNK_SIZE 65536

/*
 * The ABI version in the names of Graphviz's plugin libraries
 * (GVPLUGIN_VERSION in graphviz_version.h, which cannot be included here:
 * it defines PACKAGE_VERSION too).
 */
#define GRAPHVIZ_PLUGIN_SUFFIX ".so.6"

G_DEFINE_QUARK (entente-layout-worker-error-quark, worker_error)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Agraph_t, agclose)

static void
request_free (Request *request)
{
  g_clear_pointer (&request->variant, g_variant_unref);
  g_clear_pointer (&request->node_array, g_variant_unref);
  g_clear_pointer (&request->edge_array, g_variant_unref);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Request, request_free)

/*
 * The application starts this program with posix_spawn, which leaves open
 * whatever descriptors it has without close-on-exec (see
 * ent_layout_run_async); none of them is any business of Graphviz's.
 * Linux older than 5.9 lacks close_range, and they then stay open.
 */
static void
close_inherited_descriptors (void)
{
  close_range (STDERR_FILENO + 1, ~0U, 0);
}

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
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  gsize length = 0;

  for (;;)
    {
      gssize n_read;

      g_byte_array_set_size (buffer, length + READ_CHUNK_SIZE);
      n_read = read (STDIN_FILENO, buffer->data + length, READ_CHUNK_SIZE);
      if (n_read == 0)
        break;
      if (n_read > 0)
        length += n_read;
      else if (errno != EINTR)
        {
          int saved_errno = errno;

          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       "Could not read the request: %s", g_strerror (saved_errno));
          return NULL;
        }
    }

  g_byte_array_set_size (buffer, length);

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

static Request *
parse_request (GBytes  *bytes,
               GError **error)
{
  g_autoptr(Request) request = g_new0 (Request, 1);
  guint8 mode;

  request->variant = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (ENT_LAYOUT_REQUEST_TYPE),
                                                                   bytes, FALSE));

  /*
   * Anything that is not exactly what the client writes is garbage, not a
   * graph to guess at. In normal form, the arrays are exactly as long as
   * their elements add up to, and every boolean is 0 or 1.
   */
  if (!g_variant_is_normal_form (request->variant))
    {
      g_set_error (error, WORKER_ERROR, WORKER_ERROR_INVALID_REQUEST,
                   "The request is not a well-formed %s value", ENT_LAYOUT_REQUEST_TYPE);
      return NULL;
    }

  g_variant_get (request->variant, ENT_LAYOUT_REQUEST_GET_FORMAT,
                 &request->engine, &mode, &request->node_array, &request->edge_array);
  if (mode > ENT_LAYOUT_MODE_BUNDLE)
    {
      g_set_error (error, WORKER_ERROR, WORKER_ERROR_INVALID_REQUEST, "Unknown mode %u", mode);
      return NULL;
    }
  request->mode = mode;
  request->routes = mode == ENT_LAYOUT_MODE_PLACE_AND_ROUTE || mode == ENT_LAYOUT_MODE_ROUTE;
  request->route_only = mode == ENT_LAYOUT_MODE_ROUTE;
  if (!ent_layout_engine_is_known (request->engine))
    {
      g_set_error (error, WORKER_ERROR, WORKER_ERROR_INVALID_REQUEST,
                   "Unknown layout engine “%s”", request->engine);
      return NULL;
    }

  request->nodes = g_variant_get_fixed_array (request->node_array, &request->n_nodes, sizeof (EntLayoutWireNode));
  request->edges = g_variant_get_fixed_array (request->edge_array, &request->n_edges, sizeof (EntLayoutWireEdge));
  /* Routing alone keeps every node where it is, whatever the engine of the layout; so does bundling. */
  request->reads_positions = request->route_only || ent_layout_engine_honours_pins (request->engine);
  for (gsize i = 0; i < request->n_nodes && (request->route_only || mode == ENT_LAYOUT_MODE_BUNDLE); i++)
    if (!request->nodes[i].has_position)
      {
        g_set_error (error, WORKER_ERROR, WORKER_ERROR_INVALID_REQUEST,
                     request->route_only ? "Node %" G_GINT64_FORMAT " has no position to route around"
                                         : "Node %" G_GINT64_FORMAT " has no position to bundle its edges at",
                     request->nodes[i].id);
        return NULL;
      }

  return g_steal_pointer (&request);
}

/*
 * Where Graphviz keeps its plugins, found as Graphviz itself finds them:
 * $GVBINDIR, or the folder "graphviz" next to the libgvc this process runs.
 */
static int
find_libgvc_cb (struct dl_phdr_info *info,
                size_t               size,
                void                *user_data)
{
  char **dir = user_data;
  const char *name = info->dlpi_name != NULL ? strstr (info->dlpi_name, "/libgvc.") : NULL;

  if (name == NULL)
    return 0;

  *dir = g_strndup (info->dlpi_name, name - info->dlpi_name);
  return 1;
}

static char *
find_plugin_dir (void)
{
  const char *gvbindir = g_getenv ("GVBINDIR");
  g_autofree char *libdir = NULL;

  if (gvbindir != NULL && *gvbindir != '\0')
    return g_strdup (gvbindir);

  dl_iterate_phdr (find_libgvc_cb, &libdir);
  if (libdir == NULL)
    return NULL;

  return g_build_filename (libdir, "graphviz", NULL);
}

/*
 * A Graphviz context that knows only the plugin with @engine's layout.
 * gvContext () reads Graphviz's list of plugins and loads the text layout
 * plugin at once, and with it Pango, Cairo, fontconfig and some forty other
 * libraries: tens of milliseconds of every layout, for text that is never
 * measured here, as every label is empty and every node has a fixed size.
 * No renderer is needed either, as nothing is drawn.
 *
 * Should the plugin not be where Graphviz 2.42 puts it, gvContext () finds
 * it the slow way; the layout is the same.
 */
static GVC_t *
new_context (const char *engine)
{
  /* In Graphviz 2.42 the dot_layout plugin holds dot, and neato_layout all the others and nop. */
  static const char * const dot_plugin[] = { "libgvplugin_dot_layout" GRAPHVIZ_PLUGIN_SUFFIX,
                                             "gvplugin_dot_layout_LTX_library" };
  static const char * const neato_plugin[] = { "libgvplugin_neato_layout" GRAPHVIZ_PLUGIN_SUFFIX,
                                               "gvplugin_neato_layout_LTX_library" };
  /* The context keeps pointing at this list, so it outlives the function. */
  static lt_symlist_t builtins[2];
  const char * const *plugin = g_str_equal (engine, "dot") ? dot_plugin : neato_plugin;
  g_autofree char *dir = find_plugin_dir ();
  g_autofree char *path = NULL;
  void *module = NULL;
  void *library = NULL;

  if (dir != NULL)
    {
      path = g_build_filename (dir, plugin[0], NULL);
      module = dlopen (path, RTLD_NOW | RTLD_LOCAL);
    }
  if (module != NULL)
    library = dlsym (module, plugin[1]);
  if (library == NULL)
    return gvContext ();

  builtins[0].name = plugin[1];
  builtins[0].address = library;

  return gvContextPlugins (builtins, FALSE);
}

static void
set_number (void    *object,
            Agsym_t *symbol,
            double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  /* Graphviz parses numbers in the C locale, whatever the user's. */
  agxset (object, symbol, g_ascii_dtostr (buffer, sizeof buffer, value));
}

/* An edge label's width or height: none is 0. */
static gboolean
label_size_is_valid (double size)
{
  return size == 0 || worker_size_is_valid (size);
}

/* Big enough for "n" and any gint64. */
#define NODE_NAME_SIZE 24

static char *
node_name (char   buffer[NODE_NAME_SIZE],
           gint64 id)
{
  g_snprintf (buffer, NODE_NAME_SIZE, "n%" G_GINT64_FORMAT, id);
  return buffer;
}

/*
 * Builds the Graphviz graph for @request and gives its nodes and edges in
 * the request's order, to read the layout back in that order.
 */
static Agraph_t *
build_graph (const Request  *request,
             Agnode_t     ***out_nodes,
             Agedge_t     ***out_edges,
             GError        **error)
{
  g_autoptr(Agraph_t) graph = NULL;
  g_autofree Agnode_t **agnodes = NULL;
  g_autofree Agedge_t **agedges = NULL;
  const char *engine = request->engine;
  const char *overlap;
  gboolean has_pins = FALSE;
  Agsym_t *width_symbol;
  Agsym_t *height_symbol;
  Agsym_t *pos_symbol = NULL;
  Agsym_t *pin_symbol = NULL;
  Agsym_t *dir_symbol;
  Agsym_t *label_symbol;
  Agsym_t *xlabel_symbol = NULL;

  for (gsize i = 0; i < request->n_nodes && request->reads_positions; i++)
    has_pins |= request->nodes[i].has_position && request->nodes[i].pinned;

  graph = agopen ("layout", Agdirected, NULL);

  /* Routed edges are splines around the nodes. Otherwise Entente draws the edges itself from the
   * node positions, and Graphviz's spline routing, which takes most of the time of the engines
   * other than dot on large graphs, is left out. */
  agattr (graph, AGRAPH, "splines", request->routes ? "true" : "line");
  /* A fixed seed, so the same graph always gets the same layout. */
  agattr (graph, AGRAPH, "start", "1");

  overlap = request->route_only ? NULL : overlap_for_engine (engine, has_pins);
  if (overlap != NULL)
    agattr (graph, AGRAPH, "overlap", (char *) overlap);

  if (g_str_equal (engine, "dot"))
    {
      /* A little more room than the defaults, for the edge labels the application draws. */
      agattr (graph, AGRAPH, "nodesep", "0.4");
      agattr (graph, AGRAPH, "ranksep", "0.6");
    }

  /* A routed node is its label, a table of the size asked for, which plain shapes take exactly. */
  agattr (graph, AGNODE, "shape", request->routes ? "plain" : "box");
  agattr (graph, AGNODE, "fixedsize", request->routes ? "false" : "true");
  label_symbol = agattr (graph, AGNODE, "label", "");
  width_symbol = agattr (graph, AGNODE, "width", "1");
  height_symbol = agattr (graph, AGNODE, "height", "1");
  dir_symbol = agattr (graph, AGEDGE, "dir", "forward");
  if (request->routes)
    {
      /* Edges end on a side of the port that is on the outside of the node: its top, or its left or right. */
      agattr (graph, AGEDGE, "tailport", ENT_LAYOUT_PORT_NAME);
      agattr (graph, AGEDGE, "headport", ENT_LAYOUT_PORT_NAME);
      /* Edge labels go beside their edges, placed after the routing, clear of nodes and of each other
       * where Graphviz can, and placed anyway where it cannot. */
      agattr (graph, AGRAPH, "forcelabels", "true");
      xlabel_symbol = agattr (graph, AGEDGE, "xlabel", "");
    }

  if (request->reads_positions)
    {
      /* Positions are in points, as everything else in the request; Graphviz assumes inches. */
      agattr (graph, AGRAPH, "inputscale", "72");
      pos_symbol = agattr (graph, AGNODE, "pos", "");
      pin_symbol = agattr (graph, AGNODE, "pin", "false");
    }

  agnodes = g_new0 (Agnode_t *, request->n_nodes + 1);
  for (gsize i = 0; i < request->n_nodes; i++)
    {
      const EntLayoutWireNode *node = &request->nodes[i];
      char name[NODE_NAME_SIZE];

      if (!worker_size_is_valid (node->width) || !worker_size_is_valid (node->height) ||
          !isfinite (node->port_height) || node->port_height < 0 || node->port_height > node->height ||
          (node->has_position && (!worker_coordinate_is_valid (node->x) || !worker_coordinate_is_valid (node->y))))
        {
          g_set_error (error, WORKER_ERROR, WORKER_ERROR_INVALID_REQUEST,
                       "Node %" G_GINT64_FORMAT " has an invalid size or position", node->id);
          return NULL;
        }

      if (agnode (graph, node_name (name, node->id), FALSE) != NULL)
        {
          g_set_error (error, WORKER_ERROR, WORKER_ERROR_INVALID_REQUEST,
                       "Node %" G_GINT64_FORMAT " occurs more than once", node->id);
          return NULL;
        }

      /*
       * Graphviz 2.42 rounds a node's size to whole points. Rounding up
       * keeps room for all of the box the application draws; the reply
       * gives back the exact size asked for.
       */
      agnodes[i] = agnode (graph, name, TRUE);
      if (request->routes)
        {
          g_autofree char *label = ent_layout_empty_table (node->width, node->port_height, node->height);

          agxset (agnodes[i], label_symbol, agstrdup_html (graph, label));
        }
      else
        {
          set_number (agnodes[i], width_symbol, PS2INCH (ceil (node->width)));
          set_number (agnodes[i], height_symbol, PS2INCH (ceil (node->height)));
        }

      /* A pin without a position means nothing, and is ignored here as in find_origin (). */
      if (node->has_position && request->reads_positions)
        {
          char text_x[G_ASCII_DTOSTR_BUF_SIZE];
          char text_y[G_ASCII_DTOSTR_BUF_SIZE];
          g_autofree char *pos = NULL;

          g_ascii_dtostr (text_x, sizeof text_x, node->x);
          g_ascii_dtostr (text_y, sizeof text_y, -node->y);   /* Graphviz's y grows upwards */
          pos = g_strconcat (text_x, ",", text_y, node->pinned ? "!" : "", NULL);

          agxset (agnodes[i], pos_symbol, pos);
          if (node->pinned)
            agxset (agnodes[i], pin_symbol, "true");
        }
    }

  agedges = g_new0 (Agedge_t *, request->n_edges + 1);
  for (gsize i = 0; i < request->n_edges; i++)
    {
      const EntLayoutWireEdge *edge = &request->edges[i];
      char from_name[NODE_NAME_SIZE];
      char to_name[NODE_NAME_SIZE];
      Agnode_t *from, *to;

      from = agnode (graph, node_name (from_name, edge->from_id), FALSE);
      to = agnode (graph, node_name (to_name, edge->to_id), FALSE);
      if (from == NULL || to == NULL)
        {
          g_set_error (error, WORKER_ERROR, WORKER_ERROR_INVALID_REQUEST,
                       "Edge %" G_GINT64_FORMAT " joins a node that is not in the request", edge->id);
          return NULL;
        }
      if (!label_size_is_valid (edge->label_width) || !label_size_is_valid (edge->label_height))
        {
          g_set_error (error, WORKER_ERROR, WORKER_ERROR_INVALID_REQUEST,
                       "Edge %" G_GINT64_FORMAT " has an invalid label size", edge->id);
          return NULL;
        }

      /* Unnamed, so that several edges between the same nodes stay distinct. */
      agedges[i] = agedge (graph, from, to, NULL, TRUE);
      if (!edge->directed)
        agxset (agedges[i], dir_symbol, "none");
      if (request->routes && edge->label_width > 0 && edge->label_height > 0)
        {
          g_autofree char *label = ent_layout_empty_table (edge->label_width, 0, edge->label_height);

          agxset (agedges[i], xlabel_symbol, agstrdup_html (graph, label));
        }
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

  g_set_error (error, WORKER_ERROR, WORKER_ERROR_GRAPHVIZ,
               "Graphviz could not lay out the graph with %s", engine);
  return FALSE;
}

/*
 * Where to put the origin of the reply, whose y grows downwards. With
 * pinned nodes, the caller's own coordinates: Graphviz keeps pinned nodes
 * where they were relative to each other but may shift the whole drawing,
 * so the shift is measured on them and undone. Otherwise the top of the
 * drawing is at y = 0. Routing alone keeps every node, and measures on all of them.
 */
static void
find_origin (Agraph_t       *graph,
             const Request  *request,
             Agnode_t      **agnodes,
             double         *origin_x,
             double         *origin_y)
{
  double shift_x = 0, shift_y = 0;
  guint n_pinned = 0;

  for (gsize i = 0; i < request->n_nodes && request->reads_positions; i++)
    {
      const EntLayoutWireNode *node = &request->nodes[i];

      if (!node->has_position || (!node->pinned && !request->route_only))
        continue;

      shift_x += ND_coord (agnodes[i]).x - node->x;
      shift_y += ND_coord (agnodes[i]).y + node->y;
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
read_layout (Agraph_t       *graph,
             const Request  *request,
             Agnode_t      **agnodes,
             Agedge_t      **agedges)
{
  /* Zeroed, as the padding between members goes out too and must be zero. */
  g_autofree EntLayoutNode *nodes = g_new0 (EntLayoutNode, request->n_nodes);
  g_autofree EntLayoutWireCurve *curves = g_new0 (EntLayoutWireCurve, request->n_edges);
  g_autoptr(GArray) points = g_array_sized_new (FALSE, FALSE, sizeof (EntLayoutPoint), 4 * request->n_edges);
  boxf bb = GD_bb (graph);
  double ox, oy;

  find_origin (graph, request, agnodes, &ox, &oy);

  for (gsize i = 0; i < request->n_nodes; i++)
    {
      nodes[i].id = request->nodes[i].id;
      nodes[i].x = ND_coord (agnodes[i]).x - ox;
      nodes[i].y = oy - ND_coord (agnodes[i]).y;
      nodes[i].width = request->nodes[i].width;
      nodes[i].height = request->nodes[i].height;
    }

  for (gsize i = 0; i < request->n_edges; i++)
    {
      /*
       * An edge's curve comes in several pieces only with clusters or
       * concentrate=true, neither of which is ever set here.
       */
      const bezier *curve = &ED_spl (agedges[i])->list[0];

      curves[i].id = request->edges[i].id;
      curves[i].n_points = curve->size;
      curves[i].has_start_arrow = curve->sflag != 0;
      curves[i].start_x = curve->sp.x - ox;
      curves[i].start_y = oy - curve->sp.y;
      curves[i].has_end_arrow = curve->eflag != 0;
      curves[i].end_x = curve->ep.x - ox;
      curves[i].end_y = oy - curve->ep.y;
      if (ED_xlabel (agedges[i]) != NULL && ED_xlabel (agedges[i])->set)
        {
          curves[i].has_label = TRUE;
          curves[i].label_x = ED_xlabel (agedges[i])->pos.x - ox;
          curves[i].label_y = oy - ED_xlabel (agedges[i])->pos.y;
        }

      for (int p = 0; p < curve->size; p++)
        {
          EntLayoutPoint point = { curve->list[p].x - ox, oy - curve->list[p].y };

          g_array_append_val (points, point);
        }
    }

  return g_variant_ref_sink (g_variant_new (ENT_LAYOUT_REPLY_FORMAT,
                                            bb.LL.x - ox, oy - bb.UR.y, bb.UR.x - ox, oy - bb.LL.y,
                                            g_variant_new_fixed_array (G_VARIANT_TYPE (ENT_LAYOUT_NODE_TYPE), nodes,
                                                                       request->n_nodes, sizeof (EntLayoutNode)),
                                            g_variant_new_fixed_array (G_VARIANT_TYPE (ENT_LAYOUT_WIRE_CURVE_TYPE), curves,
                                                                       request->n_edges, sizeof (EntLayoutWireCurve)),
                                            g_variant_new_fixed_array (G_VARIANT_TYPE (ENT_LAYOUT_POINT_TYPE), points->data,
                                                                       points->len, sizeof (EntLayoutPoint))));
}

static GVariant *
lay_out (const Request  *request,
         GError        **error)
{
  g_autofree Agnode_t **nodes = NULL;
  g_autofree Agedge_t **edges = NULL;
  /*
   * Neither the context nor the graph is freed: the process ends as soon
   * as the reply is out (see main ()), and freeing Graphviz's many small
   * allocations one by one would only delay that.
   */
  GVC_t *gvc;
  Agraph_t *graph;
  /* Routing alone is neato's "-n" mode, which takes every node where it is and routes the edges. */
  const char *engine = request->route_only ? "nop" : request->engine;

  /* Warnings, such as falling back to straight edges, are no one's business; errors are. */
  agseterr (AGERR);

  gvc = new_context (engine);
  graph = build_graph (request, &nodes, &edges, error);
  if (graph == NULL)
    return NULL;

  if (!run_engine (gvc, graph, engine, edges, error))
    return NULL;

  return read_layout (graph, request, nodes, edges);
}

/* Straight to the descriptor, so nothing is left in a buffer when the process ends. */
static gboolean
write_reply (GVariant  *reply,
             GError   **error)
{
  const guint8 *data = g_variant_get_data (reply);
  gsize size = g_variant_get_size (reply);

  while (size > 0)
    {
      gssize n_written = write (STDOUT_FILENO, data, size);

      if (n_written >= 0)
        {
          data += n_written;
          size -= n_written;
        }
      else if (errno != EINTR)
        {
          int saved_errno = errno;

          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       "Could not write the reply: %s", g_strerror (saved_errno));
          return FALSE;
        }
    }

  return TRUE;
}

/* Reads the request, lays it out and writes the reply. */
static gboolean
serve_request (GError **error)
{
  g_autoptr(GBytes) input = NULL;
  g_autoptr(Request) request = NULL;
  g_autoptr(GVariant) reply = NULL;

  input = read_request_bytes (error);
  if (input == NULL)
    return FALSE;

  request = parse_request (input, error);
  if (request == NULL)
    return FALSE;

  if (request->mode == ENT_LAYOUT_MODE_BUNDLE)
    reply = worker_bundle (request, error);
  else
    reply = lay_out (request, error);

  return reply != NULL && write_reply (reply, error);
}

int
main (int   argc,
      char *argv[])
{
  GError *error = NULL;
  int status = EXIT_SUCCESS;

  close_inherited_descriptors ();

  /*
   * The message goes out as UTF-8, which the application expects, and not
   * through g_printerr, which would convert it to the charset of this
   * process's C locale.
   */
  if (!serve_request (&error))
    {
      fprintf (stderr, "entente-layout: %s\n", error->message);
      status = EXIT_FAILURE;
    }

  /*
   * The reply went straight to its descriptor and stderr is unbuffered, so
   * nothing is left for the at-exit handlers to do, and _exit () skips them.
   * The kernel takes back the memory of the process, Graphviz's context and
   * graph with it. In a build with AddressSanitizer, the leak check is one
   * of those handlers: it would count them, and what Graphviz's dot itself
   * never frees, as leaks of a program that has nothing left to free them
   * for. Every read and write before this point is still checked.
   */
  _exit (status);
}
