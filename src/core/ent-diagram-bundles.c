/* ent-diagram-bundles.c: bundling the edges of a stored layout with Graphviz's mingle, and storing the bundles
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-diagram"

#include "config.h"

#include "ent-diagram.h"
#include "ent-user-data.h"

#include <glib/gi18n-lib.h>

/*
 * Bundling takes a layout as it stands: each node where the scene draws
 * its shape, where its edges begin and end. mingle runs in the layout
 * helper (see src/worker/entente-layout-bundle.c), which answers with a
 * spline per edge, and the bundles are stored with the layout's positions,
 * which they hold for only: the store drops them when a position changes.
 * So they are stored only if the layout is still the one they were made
 * for.
 */

G_STATIC_ASSERT (ENT_LAYOUT_MAX_CURVE_POINTS == ENT_ROUTE_MAX_POINTS);

/**
 * ent_diagram_bundle_request:
 * @scene: a scene of a stored layout
 * @engine: the layout engine whose layout it is
 *
 * Returns: (transfer full): the request that bundles the edges of @scene,
 *   each node at the centre of its shape
 */
EntLayoutRequest *
ent_diagram_bundle_request (EntScene   *scene,
                            const char *engine)
{
  EntLayoutRequest *request;
  guint n_items;

  g_return_val_if_fail (scene != NULL && engine != NULL, NULL);

  request = ent_layout_request_new (engine);
  n_items = ent_scene_get_n_items (scene);
  for (guint i = 0; i < n_items; i++)
    {
      const EntSceneItem *item = ent_scene_get_item (scene, i);

      if (item->type == ENT_SCENE_ITEM_NODE)
        ent_layout_request_add_node (request, item->id, item->box.x2 - item->box.x1, item->box.y2 - item->box.y1,
                                     TRUE, item->cx, item->cy, FALSE);
    }
  for (guint i = 0; i < n_items; i++)
    {
      const EntSceneItem *item = ent_scene_get_item (scene, i);

      if (item->type == ENT_SCENE_ITEM_EDGE)
        ent_layout_request_add_edge (request, item->id, item->from_id, item->to_id, item->directed);
    }
  ent_layout_request_set_mode (request, ENT_LAYOUT_MODE_BUNDLE);

  return request;
}

/**
 * ent_diagram_bundles_from_layout:
 * @result: a finished bundling
 *
 * Returns: (transfer full) (element-type EntRoute): the bundle of each
 *   edge that has one, without a label
 */
GArray *
ent_diagram_bundles_from_layout (EntLayoutResult *result)
{
  GArray *bundles = g_array_sized_new (FALSE, TRUE, sizeof (EntRoute), result->edges->len);

  g_return_val_if_fail (result->bundled, bundles);

  g_array_set_clear_func (bundles, ent_route_clear);
  for (guint i = 0; i < result->edges->len; i++)
    {
      EntLayoutEdge *edge = &g_array_index (result->edges, EntLayoutEdge, i);
      EntRoute bundle = { .relation_id = edge->id, .n_points = edge->points->len };

      if (!ent_route_n_points_is_valid (bundle.n_points))
        continue;
      bundle.points = g_memdup2 (edge->points->data, 2 * sizeof (double) * bundle.n_points);
      g_array_append_val (bundles, bundle);
    }

  return bundles;
}

/* Whether the stored positions of @engine are still those @scene draws, node for node. */
static gboolean
layout_unchanged (EntStore    *store,
                  EntScene    *scene,
                  const char  *engine,
                  GError     **error)
{
  g_autoptr(GArray) positions = ent_store_load_positions (store, engine, error);
  g_autoptr(GHashTable) by_entity = g_hash_table_new (g_int64_hash, g_int64_equal);
  guint n_nodes = 0;

  if (positions == NULL)
    return FALSE;

  for (guint i = 0; i < positions->len; i++)
    {
      EntPosition *position = &g_array_index (positions, EntPosition, i);
      g_hash_table_insert (by_entity, &position->entity_id, position);
    }

  for (guint i = 0; i < ent_scene_get_n_items (scene); i++)
    {
      const EntSceneItem *item = ent_scene_get_item (scene, i);
      EntPosition *position = item->type == ENT_SCENE_ITEM_NODE ? g_hash_table_lookup (by_entity, &item->id) : NULL;

      if (item->type != ENT_SCENE_ITEM_NODE)
        continue;
      if (position == NULL || position->x != item->x || position->y != item->y)
        break;
      n_nodes++;
    }

  if (n_nodes == positions->len && n_nodes == g_hash_table_size (by_entity))
    return TRUE;

  g_set_error (error, ENT_LAYOUT_ERROR, ENT_LAYOUT_ERROR_FAILED, "%s",
               _("The layout changed while the edges were being bundled; bundle them again"));
  return FALSE;
}

/* Stores the bundles of @layout as those of @engine's layout, if @scene still shows it, and gives them. */
static GArray *
save_bundles (EntStore         *store,
              EntScene         *scene,
              const char       *engine,
              EntLayoutResult  *layout,
              GError          **error)
{
  g_autoptr(GArray) bundles = ent_diagram_bundles_from_layout (layout);

  /* A file that is only read still shows its bundles, until it is drawn anew. */
  if (ent_store_is_read_only (store))
    return g_steal_pointer (&bundles);

  if (!ent_store_begin (store, error))
    return NULL;
  if (!layout_unchanged (store, scene, engine, error) ||
      !ent_store_save_bundles (store, engine, (EntRoute *) (void *) bundles->data, bundles->len, error))
    {
      ent_store_rollback (store);
      return NULL;
    }
  if (!ent_store_commit (store, error))
    return NULL;

  return g_steal_pointer (&bundles);
}

typedef struct
{
  EntStore *store;
  EntScene *scene;
  char     *engine;
} BundleData;

static void
bundle_data_free (BundleData *data)
{
  g_clear_object (&data->store);
  g_clear_pointer (&data->scene, ent_scene_unref);
  g_free (data->engine);
  g_free (data);
}

static void
bundle_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  BundleData *data = g_task_get_task_data (task);
  g_autoptr(EntLayoutResult) layout = NULL;
  GError *error = NULL;
  GArray *bundles = NULL;

  layout = ent_layout_run_finish (result, &error);
  if (layout != NULL)
    bundles = save_bundles (data->store, data->scene, data->engine, layout, &error);
  if (bundles == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, bundles, (GDestroyNotify) g_array_unref);
}

/**
 * ent_diagram_bundle_async:
 * @store: the open file
 * @scene: a scene of @engine's stored layout
 * @engine: the layout engine whose layout it is
 * @cancellable: (nullable): stops the bundling, ending the helper and mingle
 * @callback: called when the bundles are stored
 * @user_data: for @callback
 *
 * Bundles the edges of @scene where it puts the nodes, with Graphviz's
 * mingle in the layout helper, and stores the bundles in place of any the
 * layout had, unless the file is only read. Positions do not change.
 */
void
ent_diagram_bundle_async (EntStore            *store,
                          EntScene            *scene,
                          const char          *engine,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(EntLayoutRequest) request = NULL;
  BundleData *data;

  g_return_if_fail (ENT_IS_STORE (store));
  g_return_if_fail (scene != NULL && engine != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ent_diagram_bundle_async);
  data = g_new0 (BundleData, 1);
  data->store = g_object_ref (store);
  data->scene = ent_scene_ref (scene);
  data->engine = g_strdup (engine);
  g_task_set_task_data (task, data, (GDestroyNotify) bundle_data_free);

  request = ent_diagram_bundle_request (scene, engine);
  ent_layout_run_async (request, ENT_DIAGRAM_LAYOUT_TIMEOUT_MS, cancellable, bundle_done_cb, g_steal_pointer (&task));
}

/**
 * ent_diagram_bundle_finish:
 * @result: the result given to the callback
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type EntRoute): the bundles stored, or
 *   %NULL with @error set
 */
GArray *
ent_diagram_bundle_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ent_diagram_bundle_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * ent_diagram_bundle:
 * @store: the open file
 * @scene: a scene of @engine's stored layout
 * @engine: the layout engine whose layout it is
 * @cancellable: (nullable): stops the bundling
 * @error: return location for an error
 *
 * As ent_diagram_bundle_async(), blocking until done, for the command line.
 *
 * Returns: (transfer full) (element-type EntRoute): the bundles stored, or
 *   %NULL with @error set
 */
GArray *
ent_diagram_bundle (EntStore      *store,
                    EntScene      *scene,
                    const char    *engine,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(EntLayoutRequest) request = NULL;
  g_autoptr(EntLayoutResult) layout = NULL;

  g_return_val_if_fail (ENT_IS_STORE (store), NULL);
  g_return_val_if_fail (scene != NULL && engine != NULL, NULL);

  request = ent_diagram_bundle_request (scene, engine);
  layout = ent_layout_run (request, ENT_DIAGRAM_LAYOUT_TIMEOUT_MS, cancellable, error);

  return layout != NULL ? save_bundles (store, scene, engine, layout, error) : NULL;
}

/**
 * ent_diagram_bundle_file:
 * @input: (nullable): a .entente file, or %NULL for the user's copy of the
 *   bundled network
 * @output: (nullable): a diagram to write as well: .svg, .png or .pdf
 * @engine: (nullable): the layout engine, or %NULL to choose by size
 * @relayout: lay out anew even when positions are stored
 * @png_size: (nullable): the width, height, dpi or scale of a PNG; %NULL for
 *   the size of a screen
 * @n_bundled: (out) (optional): how many relations got a bundle
 * @error: return location for an error
 *
 * What `entente --bundle` does: bundles the edges of the stored layout (made
 * first if there is none), stores the bundles in @input, and draws them in
 * @output. A file that can only be read is bundled only for @output. No
 * display is needed.
 */
gboolean
ent_diagram_bundle_file (const char              *input,
                         const char              *output,
                         const char              *engine,
                         gboolean                 relayout,
                         const EntExportOptions  *png_size,
                         guint                   *n_bundled,
                         GError                 **error)
{
  g_autofree char *path = NULL;
  g_autoptr(EntStore) store = NULL;
  g_autoptr(EntGraph) graph = NULL;
  g_autoptr(EntScene) scene = NULL;
  g_autoptr(EntScene) bundled = NULL;
  g_autoptr(GArray) bundles = NULL;
  g_autoptr(GArray) positions = NULL;
  EntExportFormat format = ENT_EXPORT_FORMAT_PNG;
  EntExportOptions options = { 0 };

  if (output != NULL && !ent_export_format_for_path (output, &format, error))
    return FALSE;

  path = input != NULL ? g_strdup (input) : ent_user_database_ensure (error);
  store = path != NULL ? ent_store_open (path, ENT_STORE_OPEN_DEFAULT, error) : NULL;
  graph = store != NULL ? ent_store_load_graph (store, error) : NULL;
  if (graph == NULL)
    return FALSE;

  /* Bundles that could be stored nowhere are worth making only for a drawing. */
  if (output == NULL && ent_store_is_read_only (store))
    {
      g_set_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_READ_ONLY, "%s", ent_store_get_read_only_reason (store));
      return FALSE;
    }

  if (engine == NULL)
    engine = ent_diagram_choose_engine (graph, NULL);

  scene = ent_diagram_build (store, graph, engine, relayout, NULL, NULL, error);
  bundles = scene != NULL ? ent_diagram_bundle (store, scene, engine, NULL, error) : NULL;
  if (bundles == NULL)
    return FALSE;
  if (n_bundled != NULL)
    *n_bundled = bundles->len;
  if (output == NULL)
    return TRUE;

  positions = ent_store_load_positions (store, engine, error);
  if (positions == NULL)
    return FALSE;
  bundled = ent_diagram_new_scene (store, graph, engine, positions, bundles);
  if (png_size != NULL)
    options = *png_size;
  options.legend = TRUE;

  return ent_export_scene (bundled, output, format, &options, error);
}
