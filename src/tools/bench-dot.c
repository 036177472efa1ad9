/* bench-dot.c: the layout request as DOT for the Graphviz command line, and its drawing read back
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "entente-bench"

#include "config.h"

#include "entente-bench.h"

#include "ent-layout.h"

#include <json-glib/json-glib.h>

#include <math.h>
#include <string.h>

/* Opens the graph with the graph attributes the helper sets for @engine, and forcelabels where it places labels. */
static void
append_graph_attributes (GString    *dot,
                         const char *engine,
                         const char *splines,
                         gboolean    labels)
{
  g_string_append_printf (dot, "digraph layout {\n  graph [splines=%s, start=1", splines);
  if (labels)
    g_string_append (dot, ", forcelabels=true");
  if (!g_str_equal (engine, "dot") && !g_str_equal (engine, "circo"))
    g_string_append (dot, ", overlap=prism");
  if (g_str_equal (engine, "dot"))
    g_string_append (dot, ", nodesep=0.4, ranksep=0.6");
  if (ent_layout_engine_honours_pins (engine))
    g_string_append (dot, ", inputscale=72");
  g_string_append (dot, "];\n");
}

/*
 * Writes the graph as DOT for the Graphviz command line, with exactly the
 * nodes, sizes and attributes that src/worker/entente-layout.c gives
 * libgvc, so both lay out the same problem; @splines is the one attribute
 * that may differ: "line" as the helper asks, or "true" for Graphviz's own
 * routing of the edges around the nodes.
 */
gboolean
bench_write_dot (EntGraph    *graph,
                 const char  *engine,
                 const char  *splines,
                 const char  *path,
                 GError     **error)
{
  g_autoptr(GString) dot = g_string_new (NULL);
  g_autofree double *widths = g_new (double, MAX (graph->entities->len, 1));
  g_autofree double *heights = g_new (double, MAX (graph->entities->len, 1));
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  append_graph_attributes (dot, engine, splines, FALSE);
  g_string_append (dot, "  node [shape=box, fixedsize=true, label=\"\"];\n");

  /* The sizes that ent_diagram_layout_request() asks for, rounded up to whole points as the helper does. */
  ent_scene_measure_nodes (graph, widths, heights);
  for (guint i = 0; i < graph->entities->len; i++)
    {
      EntEntity *entity = g_ptr_array_index (graph->entities, i);

      g_string_append_printf (dot, "  n%" G_GINT64_FORMAT " [width=", entity->id);
      g_string_append (dot, g_ascii_dtostr (buffer, sizeof buffer, ceil (widths[i]) / 72.0));
      g_string_append (dot, ", height=");
      g_string_append (dot, g_ascii_dtostr (buffer, sizeof buffer, ceil (heights[i]) / 72.0));
      g_string_append (dot, "];\n");
    }

  for (guint i = 0; i < graph->relations->len; i++)
    {
      EntRelation *relation = g_ptr_array_index (graph->relations, i);

      g_string_append_printf (dot, "  n%" G_GINT64_FORMAT " -> n%" G_GINT64_FORMAT "%s;\n",
                              relation->from_id, relation->to_id, relation->directed ? "" : " [dir=none]");
    }
  g_string_append (dot, "}\n");

  return g_file_set_contents (path, dot->str, dot->len, error);
}

/*
 * Writes the graph as DOT with the problem the helper lays out when the
 * engine routes the edges (see ent_diagram_layout_request() and
 * src/worker/entente-layout.c): each node a table of its box and margin,
 * the shape's cell its port, each labelled relation an xlabel of its
 * label's size, and splines routed around them.
 */
gboolean
bench_write_routed_dot (EntGraph    *graph,
                        const char  *engine,
                        const char  *path,
                        GError     **error)
{
  g_autoptr(GString) dot = g_string_new (NULL);
  g_autofree double *widths = g_new (double, MAX (graph->entities->len, 1));
  g_autofree double *heights = g_new (double, MAX (graph->entities->len, 1));
  g_autofree double *label_widths = g_new0 (double, MAX (graph->relations->len, 1));
  g_autofree double *label_heights = g_new0 (double, MAX (graph->relations->len, 1));
  double clearance = ENT_SCENE_ROUTE_CLEARANCE;

  append_graph_attributes (dot, engine, "true", TRUE);
  g_string_append (dot, "  node [shape=plain];\n  edge [tailport=" ENT_LAYOUT_PORT_NAME ", headport="
                        ENT_LAYOUT_PORT_NAME "];\n");

  ent_scene_measure_nodes (graph, widths, heights);
  ent_scene_measure_relations (graph, label_widths, label_heights);
  for (guint i = 0; i < graph->entities->len; i++)
    {
      EntEntity *entity = g_ptr_array_index (graph->entities, i);
      g_autofree char *label = ent_layout_empty_table (widths[i] + 2 * clearance,
                                                       MIN (ent_scene_port_height (), heights[i]) + clearance,
                                                       heights[i] + 2 * clearance);

      g_string_append_printf (dot, "  n%" G_GINT64_FORMAT " [label=<%s>];\n", entity->id, label);
    }

  for (guint i = 0; i < graph->relations->len; i++)
    {
      EntRelation *relation = g_ptr_array_index (graph->relations, i);

      g_string_append_printf (dot, "  n%" G_GINT64_FORMAT " -> n%" G_GINT64_FORMAT " [dir=%s", relation->from_id,
                              relation->to_id, relation->directed ? "forward" : "none");
      if (label_widths[i] > 0 && label_heights[i] > 0)
        {
          g_autofree char *label = ent_layout_empty_table (label_widths[i], 0, label_heights[i]);

          g_string_append_printf (dot, ", xlabel=<%s>", label);
        }
      g_string_append (dot, "];\n");
    }
  g_string_append (dot, "}\n");

  return g_file_set_contents (path, dot->str, dot->len, error);
}

static void
clear_drawn_edge (gpointer data)
{
  BenchDrawnEdge *edge = data;

  g_clear_pointer (&edge->points, g_free);
}

void
bench_drawing_free (BenchDrawing *drawing)
{
  g_clear_pointer (&drawing->positions, g_array_unref);
  g_clear_pointer (&drawing->edges, g_array_unref);
  g_free (drawing);
}

static gboolean
parse_node_id (const char *name,
               gint64     *id)
{
  char *end = NULL;

  if (name == NULL || name[0] != 'n')
    return FALSE;
  *id = g_ascii_strtoll (name + 1, &end, 10);
  return end != name + 1 && *end == '\0';
}

/* The points of the first drawing operation of @object that is one of @ops, or NULL. */
static JsonArray *
find_points (JsonObject *object,
             const char *ops)
{
  JsonArray *draw = json_object_get_array_member (object, "_draw_");

  for (guint i = 0; draw != NULL && i < json_array_get_length (draw); i++)
    {
      JsonObject *op = json_array_get_object_element (draw, i);
      const char *name = op != NULL ? json_object_get_string_member_with_default (op, "op", "") : "";

      if (strlen (name) == 1 && strchr (ops, name[0]) != NULL && json_object_has_member (op, "points"))
        return json_object_get_array_member (op, "points");
    }

  return NULL;
}

/* Reads the @i-th point of @points, flipped to y down below @top. */
static gboolean
read_point (JsonArray *points,
            guint      i,
            double     top,
            double    *x,
            double    *y)
{
  JsonArray *point = json_array_get_array_element (points, i);

  if (point == NULL || json_array_get_length (point) != 2)
    return FALSE;
  *x = json_array_get_double_element (point, 0);
  *y = top - json_array_get_double_element (point, 1);
  return TRUE;
}

/* A node's centre: the middle of the box it is drawn as, whose corners Graphviz writes more precisely than its pos. */
static gboolean
read_node (JsonObject  *object,
           double       top,
           EntPosition *position)
{
  JsonArray *points = find_points (object, "pP");
  EntRect box = { 0, 0, -1, -1 };

  if (points == NULL || !parse_node_id (json_object_get_string_member_with_default (object, "name", NULL),
                                        &position->entity_id))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (points); i++)
    {
      double x, y;

      if (!read_point (points, i, top, &x, &y))
        return FALSE;
      ent_rect_union (&box, &(EntRect) { x, y, x, y });
    }
  position->x = (box.x1 + box.x2) / 2;
  position->y = (box.y1 + box.y2) / 2;

  return !ent_rect_is_empty (&box);
}

static gboolean
read_edge (JsonObject     *object,
           GArray         *ids,
           double          top,
           BenchDrawnEdge *edge)
{
  JsonArray *points = find_points (object, "bB");
  gint64 tail = json_object_get_int_member_with_default (object, "tail", -1);
  gint64 head = json_object_get_int_member_with_default (object, "head", -1);

  if (points == NULL || tail < 0 || head < 0 || tail >= ids->len || head >= ids->len ||
      !ent_route_n_points_is_valid (json_array_get_length (points)))
    return FALSE;

  edge->from_id = g_array_index (ids, gint64, tail);
  edge->to_id = g_array_index (ids, gint64, head);
  edge->n_points = json_array_get_length (points);
  edge->points = g_new (double, 2 * edge->n_points);
  for (guint i = 0; i < edge->n_points; i++)
    if (!read_point (points, i, top, &edge->points[2 * i], &edge->points[2 * i + 1]))
      return FALSE;

  return TRUE;
}

/* The top of the drawing, the last of the four numbers of its "bb". */
static gboolean
read_top (JsonObject *root,
          double     *top)
{
  g_auto(GStrv) numbers = g_strsplit (json_object_get_string_member_with_default (root, "bb", ""), ",", -1);
  char *end = NULL;

  if (g_strv_length (numbers) != 4)
    return FALSE;
  *top = g_ascii_strtod (numbers[3], &end);
  return end != numbers[3] && *end == '\0';
}

/*
 * Reads the output of `ENGINE -Tjson`: the nodes' centres and the edges'
 * splines, in points with y down from the top of the drawing, as the
 * layout helper gives them. The drawing operations are read rather than
 * the pos attributes, which have five significant digits: whole points, on
 * a drawing of 10,000 entities.
 */
BenchDrawing *
bench_read_drawing (const char  *text,
                    GError     **error)
{
  g_autoptr(BenchDrawing) drawing = g_new0 (BenchDrawing, 1);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  JsonObject *root;
  JsonArray *objects, *edges;
  double top;

  if (!json_parser_load_from_data (parser, text, -1, error))
    return NULL;
  root = JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)) ? json_node_get_object (json_parser_get_root (parser))
                                                                 : NULL;
  if (root == NULL || !read_top (root, &top))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "Graphviz wrote no drawing");
      return NULL;
    }

  drawing->positions = g_array_new (FALSE, FALSE, sizeof (EntPosition));
  drawing->edges = g_array_new (FALSE, TRUE, sizeof (BenchDrawnEdge));
  g_array_set_clear_func (drawing->edges, clear_drawn_edge);

  objects = json_object_get_array_member (root, "objects");
  for (guint i = 0; objects != NULL && i < json_array_get_length (objects); i++)
    {
      EntPosition position = { 0 };

      if (!read_node (json_array_get_object_element (objects, i), top, &position))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "Graphviz's node %u cannot be read", i);
          return NULL;
        }
      g_array_append_val (drawing->positions, position);
      g_array_append_val (ids, position.entity_id);
    }

  edges = json_object_has_member (root, "edges") ? json_object_get_array_member (root, "edges") : NULL;
  for (guint i = 0; edges != NULL && i < json_array_get_length (edges); i++)
    {
      g_array_set_size (drawing->edges, drawing->edges->len + 1);
      if (!read_edge (json_array_get_object_element (edges, i), ids, top,
                      &g_array_index (drawing->edges, BenchDrawnEdge, drawing->edges->len - 1)))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "Graphviz's edge %u cannot be read", i);
          return NULL;
        }
    }

  return g_steal_pointer (&drawing);
}
