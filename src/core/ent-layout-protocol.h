/* ent-layout-protocol.h: what the layout client and its helper say to each other
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/*
 * Both src/core/ent-layout.c and the helper include this header, and only
 * this one of the core's: the helper links GLib, not GIO nor the core
 * library, whose loading would cost every layout a few milliseconds. So
 * everything here is a type, a constant or an inline function, but for
 * ent_layout_bundle_dot (), whose file (ent-layout-bundle-dot.c, GLib only)
 * both build from source.
 */
#include <glib.h>
#include <math.h>

G_BEGIN_DECLS

/*
 * What the client and the helper (src/worker/entente-layout.c) say to each
 * other, as serialised GVariants. They are built together, so the format
 * carries no version.
 *
 * Request: engine, mode (EntLayoutMode), nodes (id, width, height, port
 * height, has position, x, y, pinned), edges (id, from, to, directed,
 * label width and height, 0 for none).
 * Sizes and positions in points, y down. A node's port is the top part of
 * its box, port height tall, where its edges end when they are routed (the
 * shape, above the label); 0 for the whole box.
 *
 * Reply: bounding box (x1, y1, x2, y2), nodes (id, x, y, width, height),
 * curves (id, number of control points, start arrow?, its tip, end arrow?,
 * its tip, label placed?, the label's centre) and the control points of
 * all curves one after the other, in
 * the order of the request, in points with y down. A reply to a bundling
 * request has curves only for the edges mingle bundled (not for a loop,
 * nor for an edge whose ends stand on the same spot), still in the order
 * of the request, and neither arrowheads nor labels.
 *
 * The helper turns down sizes and coordinates beyond the limits below:
 * Graphviz keeps some coordinates in ints and misbehaves well before them.
 *
 * Every array has elements of a fixed size, so that each side hands whole
 * arrays to GVariant (g_variant_new_fixed_array, g_variant_get_fixed_array)
 * as the structs below instead of building or taking apart one GVariant per
 * element, which on large graphs took longer than starting the helper.
 */
#define ENT_LAYOUT_WIRE_NODE_TYPE  "(xdddbddb)"   /* EntLayoutWireNode */
#define ENT_LAYOUT_WIRE_EDGE_TYPE  "(xxxbdd)"     /* EntLayoutWireEdge */
#define ENT_LAYOUT_NODE_TYPE       "(xdddd)"      /* EntLayoutNode */
#define ENT_LAYOUT_WIRE_CURVE_TYPE "(xubddbddbdd)" /* EntLayoutWireCurve */
#define ENT_LAYOUT_POINT_TYPE      "(dd)"         /* EntLayoutPoint */

#define ENT_LAYOUT_REQUEST_TYPE \
  "(sya" ENT_LAYOUT_WIRE_NODE_TYPE "a" ENT_LAYOUT_WIRE_EDGE_TYPE ")"
#define ENT_LAYOUT_REPLY_TYPE \
  "((dddd)a" ENT_LAYOUT_NODE_TYPE "a" ENT_LAYOUT_WIRE_CURVE_TYPE "a" ENT_LAYOUT_POINT_TYPE ")"

/* For g_variant_new () and g_variant_get (): the engine, the mode, then each array as a GVariant of its own. */
#define ENT_LAYOUT_REQUEST_FORMAT \
  "(sy@a" ENT_LAYOUT_WIRE_NODE_TYPE "@a" ENT_LAYOUT_WIRE_EDGE_TYPE ")"
#define ENT_LAYOUT_REQUEST_GET_FORMAT \
  "(&sy@a" ENT_LAYOUT_WIRE_NODE_TYPE "@a" ENT_LAYOUT_WIRE_EDGE_TYPE ")"

/* What a request asks for. */
typedef enum
{
  /* Place the nodes; the edges are straight lines between their centres. */
  ENT_LAYOUT_MODE_PLACE = 0,
  /* Place the nodes and route the edges around them. */
  ENT_LAYOUT_MODE_PLACE_AND_ROUTE = 1,
  /* Route the edges around nodes that stay where the request puts them: every node has a position. */
  ENT_LAYOUT_MODE_ROUTE = 2,
  /* Bundle the edges between nodes that stay where the request puts them, with Graphviz's mingle:
   * every node has a position, where its edges begin and end. */
  ENT_LAYOUT_MODE_BUNDLE = 3,
} EntLayoutMode;
/* The bounding box as four doubles, then each array as a GVariant of its own. */
#define ENT_LAYOUT_REPLY_FORMAT \
  "((dddd)@a" ENT_LAYOUT_NODE_TYPE "@a" ENT_LAYOUT_WIRE_CURVE_TYPE "@a" ENT_LAYOUT_POINT_TYPE ")"

typedef struct
{
  double x;
  double y;
} EntLayoutPoint;

/* A node's centre and size, in points, y growing downwards. */
typedef struct
{
  gint64 id;
  double x;
  double y;
  double width;
  double height;
} EntLayoutNode;

/*
 * The elements of the arrays above that have no public type of their own,
 * laid out as GVariant serialises them: each member at its natural
 * alignment, booleans as one byte holding 0 or 1. Padding must be zero, or
 * the message is not in normal form. Reply nodes are EntLayoutNode and
 * control points EntLayoutPoint.
 */
typedef struct
{
  gint64  id;
  double  width;
  double  height;
  double  port_height;
  guint8  has_position;
  double  x;
  double  y;
  guint8  pinned;
} EntLayoutWireNode;    /* (xdddbddb) */

typedef struct
{
  gint64  id;
  gint64  from_id;
  gint64  to_id;
  guint8  directed;
  double  label_width;
  double  label_height;
} EntLayoutWireEdge;    /* (xxxbdd) */

typedef struct
{
  gint64  id;
  guint32 n_points;
  guint8  has_start_arrow;
  double  start_x;
  double  start_y;
  guint8  has_end_arrow;
  double  end_x;
  double  end_y;
  guint8  has_label;
  double  label_x;
  double  label_y;
} EntLayoutWireCurve;   /* (xubddbddbdd) */

/*
 * C compilers put the members where GVariant does on the platforms Entente
 * is built for; not, for one, on 32-bit x86, which aligns doubles in
 * structs to 4 bytes. There the build stops here.
 */
G_STATIC_ASSERT (sizeof (EntLayoutWireNode) == 64);
G_STATIC_ASSERT (G_STRUCT_OFFSET (EntLayoutWireNode, port_height) == 24);
G_STATIC_ASSERT (G_STRUCT_OFFSET (EntLayoutWireNode, has_position) == 32);
G_STATIC_ASSERT (G_STRUCT_OFFSET (EntLayoutWireNode, x) == 40);
G_STATIC_ASSERT (G_STRUCT_OFFSET (EntLayoutWireNode, pinned) == 56);
G_STATIC_ASSERT (sizeof (EntLayoutWireEdge) == 48);
G_STATIC_ASSERT (G_STRUCT_OFFSET (EntLayoutWireEdge, directed) == 24);
G_STATIC_ASSERT (G_STRUCT_OFFSET (EntLayoutWireEdge, label_width) == 32);
G_STATIC_ASSERT (sizeof (EntLayoutWireCurve) == 80);
G_STATIC_ASSERT (G_STRUCT_OFFSET (EntLayoutWireCurve, has_label) == 56);
G_STATIC_ASSERT (G_STRUCT_OFFSET (EntLayoutWireCurve, label_x) == 64);
G_STATIC_ASSERT (G_STRUCT_OFFSET (EntLayoutWireCurve, has_start_arrow) == 12);
G_STATIC_ASSERT (G_STRUCT_OFFSET (EntLayoutWireCurve, start_x) == 16);
G_STATIC_ASSERT (G_STRUCT_OFFSET (EntLayoutWireCurve, has_end_arrow) == 32);
G_STATIC_ASSERT (G_STRUCT_OFFSET (EntLayoutWireCurve, end_x) == 40);
G_STATIC_ASSERT (sizeof (EntLayoutNode) == 40);
G_STATIC_ASSERT (sizeof (EntLayoutPoint) == 16);

/* The largest node size and coordinate the helper accepts, in points. */
#define ENT_LAYOUT_MAX_NODE_SIZE  10000.0
#define ENT_LAYOUT_MAX_COORDINATE 1000000.0

/* The most control points of one curve of a reply, as many as a stored route may have. */
#define ENT_LAYOUT_MAX_CURVE_POINTS 6001

/* The engines, and what they do with positions: both sides ask. */
#define ENT_LAYOUT_ENGINES "dot", "neato", "fdp", "sfdp", "circo", "twopi"

static inline gboolean
ent_layout_engine_is_known (const char *engine)
{
  static const char * const engines[] = { ENT_LAYOUT_ENGINES, NULL };

  return engine != NULL && g_strv_contains (engines, engine);
}

/* Only the spring models read positions back in and can hold a node in place. */
static inline gboolean
ent_layout_engine_honours_pins (const char *engine)
{
  return g_strcmp0 (engine, "neato") == 0 || g_strcmp0 (engine, "fdp") == 0;
}

/* The name of the port of every routed node, the table cell of its shape. */
#define ENT_LAYOUT_PORT_NAME "s"

/*
 * The label the helper gives a routed node, or an edge: an HTML-like table
 * of the size given, one cell the port on top, @port_height tall (or all
 * of it, for 0), the rest below, both as wide as the table. Made of
 * numbers only, whole points as HTML-like labels take them, rounded up as
 * the boxes of unrouted nodes are. Graphviz routes edges to the outside of
 * a node's port, so no edge crosses the part below, which holds the node's
 * label in the application. Here so that the benchmark gives the Graphviz
 * command line the very problem the helper lays out.
 */
static inline char *
ent_layout_empty_table (double width_points,
                        double port_height,
                        double height_points)
{
  int width = (int) ceil (width_points);
  int height = (int) ceil (height_points);
  int port = port_height > 0 ? MIN ((int) ceil (port_height), height) : height;
  GString *label = g_string_new ("<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\">");

  g_string_append_printf (label, "<TR><TD PORT=\"" ENT_LAYOUT_PORT_NAME "\" FIXEDSIZE=\"TRUE\" WIDTH=\"%d\" "
                                 "HEIGHT=\"%d\"></TD></TR>", width, port);
  if (height > port)
    g_string_append_printf (label, "<TR><TD FIXEDSIZE=\"TRUE\" WIDTH=\"%d\" HEIGHT=\"%d\"></TD></TR>",
                            width, height - port);
  g_string_append (label, "</TABLE>");

  return g_string_free (label, FALSE);
}

/*
 * The graph that the helper gives mingle for a bundling request, as DOT
 * text (see ent-layout-bundle-dot.c); here so that the benchmark gives the
 * mingle command line the very same one. @sent_for gets, for each edge,
 * the index of the edge that was written for it, or -1.
 */
GString *ent_layout_bundle_dot (const EntLayoutWireNode *nodes,
                                gsize                    n_nodes,
                                const EntLayoutWireEdge *edges,
                                gsize                    n_edges,
                                gssize                  *sent_for);

G_END_DECLS
