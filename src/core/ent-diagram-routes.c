/* ent-diagram-routes.c: routing the edges of a stored layout anew, around nodes that stay where they are
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-diagram"

#include "config.h"

#include "ent-diagram.h"

#include <glib/gi18n-lib.h>

/* How long routing alone may take before it is given up: it is meant to take well under a second. */
#define REROUTE_TIMEOUT_MS (30 * 1000)

/**
 * ent_diagram_can_reroute:
 * @engine: a layout engine
 * @n_entities: how many entities the network has
 *
 * Returns: whether edges of @engine's layout that lost their routes (a
 *   node moved, an entity was placed) are routed anew around the nodes as
 *   they stand: where the engine routes, and the network is small enough
 *   for that to take under a second
 */
gboolean
ent_diagram_can_reroute (const char *engine,
                         guint       n_entities)
{
  g_return_val_if_fail (engine != NULL, FALSE);

  /* Routing alone takes as long as the engines other than dot take to route. */
  return ent_diagram_engine_routes (engine, n_entities) && n_entities <= ENT_DIAGRAM_ROUTED_MAX_ENTITIES;
}

typedef struct
{
  EntStore   *store;
  char       *engine;
  GArray     *relation_ids;
  GHashTable *wanted;      /* the ids of relation_ids, whose routes are stored */
} RerouteData;

static void
reroute_data_free (RerouteData *data)
{
  g_clear_object (&data->store);
  g_free (data->engine);
  g_hash_table_unref (data->wanted);
  g_array_unref (data->relation_ids);
  g_free (data);
}

/* Stores the routes of the wanted relations from @layout, and gives them. */
static GArray *
save_wanted (RerouteData      *data,
             EntLayoutResult  *layout,
             GError          **error)
{
  g_autoptr(GArray) routes = ent_diagram_routes_from_layout (layout);

  for (guint i = routes->len; i > 0; i--)
    if (!g_hash_table_contains (data->wanted, &g_array_index (routes, EntRoute, i - 1).relation_id))
      g_array_remove_index_fast (routes, i - 1);

  if (!ent_store_is_read_only (data->store) &&
      !ent_store_save_routes (data->store, data->engine, (EntRoute *) (void *) routes->data, routes->len, FALSE,
                              error))
    return NULL;

  return g_steal_pointer (&routes);
}

static void
route_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(EntLayoutResult) layout = NULL;
  GError *error = NULL;
  GArray *routes = NULL;

  layout = ent_layout_run_finish (result, &error);
  if (layout != NULL)
    routes = save_wanted (g_task_get_task_data (task), layout, &error);
  if (routes == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, routes, (GDestroyNotify) g_array_unref);
}

/**
 * ent_diagram_reroute_async:
 * @store: the open file
 * @graph: its network
 * @engine: the layout engine whose layout it is
 * @positions: (element-type EntPosition): where every entity's node stands
 * @relation_ids: (element-type gint64): the relations whose routes to store
 * @cancellable: (nullable): stops the routing, ending the helper
 * @callback: called when the routes are stored
 * @user_data: for @callback
 *
 * Routes the edges anew around the nodes where @positions puts them, in the
 * layout helper, and stores the routes of @relation_ids for @engine; every
 * other stored route stays as it was. Positions do not change.
 */
void
ent_diagram_reroute_async (EntStore            *store,
                           EntGraph            *graph,
                           const char          *engine,
                           GArray              *positions,
                           GArray              *relation_ids,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(EntLayoutRequest) request = NULL;
  RerouteData *data;

  g_return_if_fail (ENT_IS_STORE (store));
  g_return_if_fail (graph != NULL && engine != NULL && positions != NULL && relation_ids != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ent_diagram_reroute_async);
  data = g_new0 (RerouteData, 1);
  data->store = g_object_ref (store);
  data->engine = g_strdup (engine);
  data->relation_ids = g_array_ref (relation_ids);
  data->wanted = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < relation_ids->len; i++)
    g_hash_table_add (data->wanted, &g_array_index (relation_ids, gint64, i));
  g_task_set_task_data (task, data, (GDestroyNotify) reroute_data_free);

  if (!ent_diagram_positions_complete (graph, positions))
    {
      g_task_return_new_error (task, ENT_LAYOUT_ERROR, ENT_LAYOUT_ERROR_FAILED, "%s",
                               _("Some entities have no place to route the relations around"));
      return;
    }

  request = ent_diagram_layout_request (graph, engine, positions);
  ent_layout_request_set_mode (request, ENT_LAYOUT_MODE_ROUTE);
  ent_layout_run_async (request, REROUTE_TIMEOUT_MS, cancellable, route_done_cb, g_steal_pointer (&task));
}

/**
 * ent_diagram_reroute_finish:
 * @result: the result given to the callback
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type EntRoute): the routes stored, or
 *   %NULL with @error set
 */
GArray *
ent_diagram_reroute_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
