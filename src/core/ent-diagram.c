/* ent-diagram.c: from a file to a drawn diagram
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-diagram"

#include "config.h"

#include "ent-diagram.h"
#include "ent-diagram-private.h"
#include "ent-user-data.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* Above this many entities dot takes too long, and sfdp's force-directed layout reads better. */
#define DOT_MAX_ENTITIES 300

/*
 * dot and circo route edges around the nodes as part of their layout, at
 * almost no extra cost. neato, fdp, sfdp and twopi route through a path
 * whose time grows with the square of the nodes: measured with Graphviz
 * 2.42 on networks with 1.5 relations an entity, about 0.3 s at 50
 * entities, 1.1 s at 100 and 7 s at 200, where their layout takes 0.03 to
 * 0.2 s. Up to ENT_DIAGRAM_ROUTED_MAX_ENTITIES, routing keeps under about
 * half a second; beyond it, Entente draws the edges itself.
 */

/**
 * ent_diagram_engine_routes:
 * @engine: a layout engine
 * @n_entities: how many entities the network has
 *
 * Returns: whether a layout of @engine routes the edges around the nodes:
 *   dot's and circo's always do, as routing costs them little; the other
 *   engines' only on small networks
 */
gboolean
ent_diagram_engine_routes (const char *engine,
                           guint       n_entities)
{
  g_return_val_if_fail (engine != NULL, FALSE);

  return g_str_equal (engine, "dot") || g_str_equal (engine, "circo") || n_entities <= ENT_DIAGRAM_ROUTED_MAX_ENTITIES;
}

/**
 * ent_diagram_choose_engine:
 * @graph: the network
 * @reason: (out) (optional): why, for people
 *
 * Picks an engine that gives a readable layout in seconds for a graph of
 * this size; never fdp or circo, which take minutes on large graphs.
 */
const char *
ent_diagram_choose_engine (EntGraph    *graph,
                           const char **reason)
{
  g_return_val_if_fail (graph != NULL, NULL);

  if (graph->entities->len <= DOT_MAX_ENTITIES)
    {
      if (reason != NULL)
        *reason = _("dot draws small networks in ranks that follow their relations");
      return "dot";
    }

  if (reason != NULL)
    *reason = _("sfdp lays out large networks in seconds");
  return "sfdp";
}

gboolean
ent_diagram_positions_complete (EntGraph *graph,
                                GArray   *positions)
{
  g_autoptr(GHashTable) placed = g_hash_table_new (g_int64_hash, g_int64_equal);

  if (positions == NULL)
    return FALSE;

  for (guint i = 0; i < positions->len; i++)
    g_hash_table_add (placed, &g_array_index (positions, EntPosition, i).entity_id);

  for (guint i = 0; i < graph->entities->len; i++)
    {
      EntEntity *entity = g_ptr_array_index (graph->entities, i);
      if (!g_hash_table_contains (placed, &entity->id))
        return FALSE;
    }

  return TRUE;
}

/**
 * ent_diagram_layout_request:
 * @graph: the network
 * @engine: the layout engine
 * @previous: (nullable) (element-type EntPosition): positions to start
 *   from; pinned ones stay where they are with engines that honour pins
 *
 * Returns: (transfer full): a request with every entity, sized as the scene
 *   will draw it, and every relation
 */
EntLayoutRequest *
ent_diagram_layout_request (EntGraph   *graph,
                            const char *engine,
                            GArray     *previous)
{
  g_autoptr(GHashTable) by_entity = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree double *widths = g_new (double, MAX (graph->entities->len, 1));
  g_autofree double *heights = g_new (double, MAX (graph->entities->len, 1));
  g_autofree double *label_widths = g_new0 (double, MAX (graph->relations->len, 1));
  g_autofree double *label_heights = g_new0 (double, MAX (graph->relations->len, 1));
  EntLayoutRequest *request = ent_layout_request_new (engine);
  gboolean routes = ent_diagram_engine_routes (engine, graph->entities->len);
  double clearance = routes ? ENT_SCENE_ROUTE_CLEARANCE : 0;

  for (guint i = 0; previous != NULL && i < previous->len; i++)
    {
      EntPosition *position = &g_array_index (previous, EntPosition, i);
      g_hash_table_insert (by_entity, &position->entity_id, position);
    }

  ent_scene_measure_nodes (graph, widths, heights);
  for (guint i = 0; i < graph->entities->len; i++)
    {
      EntEntity *entity = g_ptr_array_index (graph->entities, i);
      EntPosition *position = g_hash_table_lookup (by_entity, &entity->id);

      /* Routed edges keep a margin clear around each box; the box stays centred where it was. */
      ent_layout_request_add_node (request, entity->id, widths[i] + 2 * clearance, heights[i] + 2 * clearance,
                                   position != NULL,
                                   position ? position->x : 0,
                                   position ? position->y : 0,
                                   position ? position->pinned : FALSE);
      ent_layout_request_set_port (request, MIN (ent_scene_port_height (), heights[i]) + clearance);
    }
  ent_layout_request_set_mode (request, routes ? ENT_LAYOUT_MODE_PLACE_AND_ROUTE : ENT_LAYOUT_MODE_PLACE);

  /* Routing places the labels of relations too, which only needs their sizes. */
  if (routes)
    ent_scene_measure_relations (graph, label_widths, label_heights);
  for (guint i = 0; i < graph->relations->len; i++)
    {
      EntRelation *relation = g_ptr_array_index (graph->relations, i);

      ent_layout_request_add_edge (request, relation->id, relation->from_id, relation->to_id, relation->directed);
      ent_layout_request_set_edge_label (request, label_widths[i], label_heights[i]);
    }

  return request;
}

/**
 * ent_diagram_positions_from_layout:
 * @result: a finished layout
 * @previous: (nullable) (element-type EntPosition): the positions before,
 *   whose pins are kept
 *
 * Returns: (transfer full) (element-type EntPosition): a position for every
 *   node of @result
 */
GArray *
ent_diagram_positions_from_layout (EntLayoutResult *result,
                                   GArray          *previous)
{
  g_autoptr(GHashTable) pinned = g_hash_table_new (g_int64_hash, g_int64_equal);
  GArray *positions = g_array_sized_new (FALSE, FALSE, sizeof (EntPosition), result->nodes->len);

  for (guint i = 0; previous != NULL && i < previous->len; i++)
    {
      EntPosition *position = &g_array_index (previous, EntPosition, i);
      if (position->pinned)
        g_hash_table_add (pinned, &position->entity_id);
    }

  for (guint i = 0; i < result->nodes->len; i++)
    {
      EntLayoutNode *node = &g_array_index (result->nodes, EntLayoutNode, i);
      EntPosition position = {
        .entity_id = node->id,
        .x = node->x,
        .y = node->y,
        .pinned = g_hash_table_contains (pinned, &node->id),
      };

      g_array_append_val (positions, position);
    }

  return positions;
}

/**
 * ent_diagram_routes_from_layout:
 * @result: a finished layout
 *
 * Returns: (transfer full) (element-type EntRoute): the route of each edge
 *   of @result, ending at its arrowhead's tip; none when the layout did not
 *   route its edges
 */
GArray *
ent_diagram_routes_from_layout (EntLayoutResult *result)
{
  GArray *routes = g_array_sized_new (FALSE, TRUE, sizeof (EntRoute), result->routed ? result->edges->len : 0);

  g_array_set_clear_func (routes, ent_route_clear);
  for (guint i = 0; result->routed && i < result->edges->len; i++)
    {
      EntLayoutEdge *edge = &g_array_index (result->edges, EntLayoutEdge, i);
      g_autoptr(GArray) points = g_array_sized_new (FALSE, FALSE, sizeof (double), 2 * edge->points->len + 6);
      EntRoute route = {
        .relation_id = edge->id,
        .has_label = edge->has_label,
        .label_x = edge->label_x,
        .label_y = edge->label_y,
      };

      g_array_append_vals (points, edge->points->data, 2 * edge->points->len);
      /* Graphviz ends the spline where the arrowhead starts; it goes on, straight, to the tip. */
      if (edge->has_end_arrow)
        {
          double x = g_array_index (points, double, points->len - 2);
          double y = g_array_index (points, double, points->len - 1);
          double dx = edge->end_x - x, dy = edge->end_y - y;
          double straight[] = { x + dx / 3, y + dy / 3, x + 2 * dx / 3, y + 2 * dy / 3, edge->end_x, edge->end_y };

          g_array_append_vals (points, straight, G_N_ELEMENTS (straight));
        }
      route.n_points = points->len / 2;
      if (!ent_route_n_points_is_valid (route.n_points))
        continue;
      route.points = (double *) (void *) g_array_free (g_steal_pointer (&points), FALSE);
      g_array_append_val (routes, route);
    }

  return routes;
}

/*
 * Stores a layout: its positions, and its routes in place of any the engine
 * had. Routes that cannot be stored, as in a file whose routes table is
 * not ours, are made again when the network is next laid out.
 */
static gboolean
save_layout (EntStore    *store,
             const char  *engine,
             GArray      *positions,
             GArray      *routes,
             GError     **error)
{
  g_autoptr(GError) routes_error = NULL;

  if (ent_store_is_read_only (store))
    return TRUE;

  if (!ent_store_save_positions (store, engine, (EntPosition *) positions->data, positions->len, error))
    return FALSE;
  if (!ent_store_save_routes (store, engine, (EntRoute *) (void *) routes->data, routes->len, TRUE, &routes_error))
    g_message ("The routes are not stored: %s", routes_error->message);
  return TRUE;
}

typedef struct
{
  EntStore *store;
  EntGraph *graph;
  char     *engine;
  GArray   *positions;
  gboolean  laid_out;
} BuildData;

static void
build_data_free (BuildData *data)
{
  g_clear_object (&data->store);
  g_clear_pointer (&data->graph, ent_graph_unref);
  g_clear_pointer (&data->positions, g_array_unref);
  g_free (data->engine);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BuildData, build_data_free)

/* The scene from a finished layout, whose positions are stored first. */
static EntScene *
scene_from_layout (BuildData        *data,
                   EntLayoutResult  *layout,
                   GError          **error)
{
  g_autoptr(GArray) positions = ent_diagram_positions_from_layout (layout, data->positions);
  g_autoptr(GArray) routes = ent_diagram_routes_from_layout (layout);

  if (!save_layout (data->store, data->engine, positions, routes, error))
    return NULL;

  data->laid_out = TRUE;
  return ent_scene_new_routed (data->graph, positions, routes);
}

static void
layout_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  BuildData *data = g_task_get_task_data (task);
  g_autoptr(EntLayoutResult) layout = NULL;
  EntScene *scene;
  GError *error = NULL;

  layout = ent_layout_run_finish (result, &error);
  scene = layout != NULL ? scene_from_layout (data, layout, &error) : NULL;
  if (scene == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, scene, (GDestroyNotify) ent_scene_unref);
}

/*
 * The first step of a build: the scene when the stored positions do, or
 * else the layout request to run. Returns FALSE with @error set on failure.
 */
static gboolean
begin_build (BuildData         *data,
             gboolean           relayout,
             EntScene         **scene,
             EntLayoutRequest **request,
             GError           **error)
{
  if (!ent_layout_engine_is_known (data->engine))
    {
      g_set_error (error, ENT_LAYOUT_ERROR, ENT_LAYOUT_ERROR_UNKNOWN_ENGINE,
                   _("There is no layout engine “%s”; choose one of dot, neato, fdp, sfdp, circo or twopi"),
                   data->engine);
      return FALSE;
    }

  data->positions = ent_store_load_positions (data->store, data->engine, error);
  if (data->positions == NULL)
    return FALSE;

  if (!relayout && ent_diagram_positions_complete (data->graph, data->positions))
    *scene = ent_diagram_new_scene (data->store, data->graph, data->engine, data->positions, NULL);
  else
    *request = ent_diagram_layout_request (data->graph, data->engine, relayout ? NULL : data->positions);

  return TRUE;
}

/**
 * ent_diagram_new_scene:
 * @store: the open file
 * @graph: its network
 * @engine: the layout engine whose layout it is
 * @positions: (element-type EntPosition): where the layout puts the nodes
 * @bundles: (nullable) (element-type EntRoute): the edge bundles to draw,
 *   or %NULL for those stored with the layout
 *
 * The scene of @engine's layout, its relations drawn along the routes
 * stored with it, and along their bundles where they have one. Without
 * them, as in a file whose tables of them are not ours, the layout still
 * draws.
 *
 * Returns: (transfer full): the scene
 */
EntScene *
ent_diagram_new_scene (EntStore   *store,
                       EntGraph   *graph,
                       const char *engine,
                       GArray     *positions,
                       GArray     *bundles)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) routes = NULL;
  g_autoptr(GArray) stored = NULL;

  g_return_val_if_fail (ENT_IS_STORE (store), NULL);
  g_return_val_if_fail (graph != NULL && engine != NULL && positions != NULL, NULL);

  routes = ent_store_load_routes (store, engine, &error);
  if (routes == NULL)
    {
      g_message ("The stored routes are left out: %s", error->message);
      g_clear_error (&error);
    }
  if (bundles == NULL)
    {
      bundles = stored = ent_store_load_bundles (store, engine, &error);
      if (bundles == NULL)
        g_message ("The stored edge bundles are left out: %s", error->message);
    }

  return ent_scene_new_full (graph, positions, routes, bundles);
}

static BuildData *
build_data_new (EntStore   *store,
                EntGraph   *graph,
                const char *engine)
{
  BuildData *data = g_new0 (BuildData, 1);

  data->store = g_object_ref (store);
  data->graph = ent_graph_ref (graph);
  data->engine = g_strdup (engine);

  return data;
}

/**
 * ent_diagram_build_async:
 * @store: the open file
 * @graph: its network
 * @engine: the layout engine
 * @relayout: lay out anew even when positions are stored
 * @cancellable: (nullable): stops the layout, ending the worker
 * @callback: called when the scene is ready
 * @user_data: for @callback
 *
 * As ent_diagram_build(), without blocking: the layout runs in the worker
 * process while the caller's main loop goes on.
 */
void
ent_diagram_build_async (EntStore            *store,
                         EntGraph            *graph,
                         const char          *engine,
                         gboolean             relayout,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(EntLayoutRequest) request = NULL;
  EntScene *scene = NULL;
  GError *error = NULL;
  BuildData *data;

  g_return_if_fail (ENT_IS_STORE (store));
  g_return_if_fail (graph != NULL);
  g_return_if_fail (engine != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ent_diagram_build_async);
  data = build_data_new (store, graph, engine);
  g_task_set_task_data (task, data, (GDestroyNotify) build_data_free);

  if (!begin_build (data, relayout, &scene, &request, &error))
    g_task_return_error (task, error);
  else if (scene != NULL)
    g_task_return_pointer (task, scene, (GDestroyNotify) ent_scene_unref);
  else
    ent_layout_run_async (request, ENT_DIAGRAM_LAYOUT_TIMEOUT_MS, cancellable, layout_done_cb, g_steal_pointer (&task));
}

/**
 * ent_diagram_build_finish:
 * @result: the result given to the callback
 * @laid_out: (out) (optional): whether Graphviz ran
 * @error: return location for an error
 *
 * Returns: (transfer full): the scene, or %NULL with @error set
 */
EntScene *
ent_diagram_build_finish (GAsyncResult  *result,
                          gboolean      *laid_out,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  if (laid_out != NULL)
    *laid_out = ((BuildData *) g_task_get_task_data (G_TASK (result)))->laid_out;

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * ent_diagram_build:
 * @store: the open file
 * @graph: its network
 * @engine: the layout engine
 * @relayout: lay out anew even when positions are stored
 * @cancellable: (nullable): stops the layout
 * @laid_out: (out) (optional): whether Graphviz ran
 * @error: return location for an error
 *
 * Builds the scene from the positions stored for @engine, and only when
 * some are missing (or @relayout) runs the layout worker and stores what it
 * found. Blocks until done, as ent_layout_run() does, for the command line,
 * which has no main loop.
 *
 * Returns: (transfer full): the scene, or %NULL with @error set
 */
EntScene *
ent_diagram_build (EntStore      *store,
                   EntGraph      *graph,
                   const char    *engine,
                   gboolean       relayout,
                   GCancellable  *cancellable,
                   gboolean      *laid_out,
                   GError       **error)
{
  g_autoptr(BuildData) data = NULL;
  g_autoptr(EntLayoutRequest) request = NULL;
  g_autoptr(EntLayoutResult) layout = NULL;
  EntScene *scene = NULL;

  g_return_val_if_fail (ENT_IS_STORE (store), NULL);
  g_return_val_if_fail (graph != NULL, NULL);
  g_return_val_if_fail (engine != NULL, NULL);

  data = build_data_new (store, graph, engine);
  if (begin_build (data, relayout, &scene, &request, error) && scene == NULL)
    {
      layout = ent_layout_run (request, ENT_DIAGRAM_LAYOUT_TIMEOUT_MS, cancellable, error);
      scene = layout != NULL ? scene_from_layout (data, layout, error) : NULL;
    }

  if (laid_out != NULL)
    *laid_out = data->laid_out;

  return scene;
}

/*
 * Opens @input, or the user's copy of the bundled network without it, and
 * builds its scene: from the stored positions, or laid out by @engine (by
 * the network's size when %NULL) when there are none or @relayout is set.
 * @path gets the file's path; the rest is the caller's to unref.
 */
gboolean
_ent_diagram_open_file (const char  *input,
                        const char  *engine,
                        gboolean     relayout,
                        char       **path,
                        EntStore   **store,
                        EntGraph   **graph,
                        EntScene   **scene,
                        GError     **error)
{
  *path = input != NULL ? g_strdup (input) : ent_user_database_ensure (error);
  if (*path == NULL)
    return FALSE;

  *store = ent_store_open (*path, ENT_STORE_OPEN_DEFAULT, error);
  if (*store == NULL)
    return FALSE;

  *graph = ent_store_load_graph (*store, error);
  if (*graph == NULL)
    return FALSE;

  if (engine == NULL)
    engine = ent_diagram_choose_engine (*graph, NULL);

  *scene = ent_diagram_build (*store, *graph, engine, relayout, NULL, NULL, error);
  return *scene != NULL;
}

/* The network's title, as the window goes by: its first source's, or the file's name. */
char *
_ent_diagram_title (EntGraph   *graph,
                    const char *path)
{
  char *title;

  if (graph->sources->len > 0)
    return g_strdup (((EntSource *) g_ptr_array_index (graph->sources, 0))->title);

  title = g_path_get_basename (path);
  if (g_str_has_suffix (title, ".entente") && !g_str_equal (title, ".entente"))
    title[strlen (title) - strlen (".entente")] = '\0';
  return title;
}

/**
 * ent_diagram_export_file:
 * @input: (nullable): a .entente file, or %NULL for the user's copy of the
 *   bundled network
 * @output: the file to write: .svg, .png or .pdf
 * @engine: (nullable): the layout engine, or %NULL to choose by size
 * @relayout: lay out anew even when positions are stored
 * @options: (nullable): size, colours, legend, caption, paper; %NULL for a PNG
 *   the size of a screen, with the legend
 * @scope: (nullable): the part of the network to draw; %NULL for all of it
 * @error: return location for an error
 *
 * What `entente --export` does: no display is needed.
 */
gboolean
ent_diagram_export_file (const char              *input,
                         const char              *output,
                         const char              *engine,
                         gboolean                 relayout,
                         const EntExportOptions  *export_options,
                         const EntDiagramScope   *scope,
                         GError                 **error)
{
  g_autofree guint8 *states = NULL;
  g_autofree char *filters = NULL;
  g_autofree char *title = NULL;
  g_autofree char *path = NULL;
  g_autoptr(EntStore) store = NULL;
  g_autoptr(EntGraph) graph = NULL;
  g_autoptr(EntScene) scene = NULL;
  EntExportFormat format;
  EntExportOptions options = { 0 };

  g_return_val_if_fail (output != NULL, FALSE);

  if (export_options != NULL)
    options = *export_options;
  else
    options.legend = TRUE;

  if (!ent_export_format_for_path (output, &format, error))
    return FALSE;

  if (!_ent_diagram_open_file (input, engine, relayout, &path, &store, &graph, &scene, error))
    return FALSE;

  /* A caption goes by the network's title, as the window's does. */
  if (options.caption && options.title == NULL)
    {
      title = _ent_diagram_title (graph, path);
      options.title = title;
    }

  if (scope != NULL)
    {
      states = ent_diagram_scope_states (scene, graph, scope, &filters, error);
      if (states == NULL)
        return FALSE;
      options.item_states = states;
      options.filters = filters;
      if (scope->has_area)
        options.area = &scope->area;
    }

  return ent_export_scene (scene, output, format, &options, error);
}
