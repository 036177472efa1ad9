/* ent-window-routes.c: routing anew, in the background, the relations that lost their routes
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-window"

#include "config.h"

#include "ent-window.h"
#include "ent-window-private.h"
#include "ent-diagram.h"

/*
 * A node the user drags, or an entity Entente places, leaves the routes of
 * its relations behind: the scene draws those as curves at once, and here
 * the layout helper routes them anew around the nodes as they stand. Only
 * their routes are stored; every other relation keeps its own, byte for
 * byte. The window then draws the routes, where nothing changed meanwhile.
 */

static void
reroute_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(EntWindow) self = user_data;
  g_autoptr(GArray) routes = NULL;
  g_autoptr(GError) error = NULL;

  routes = ent_diagram_reroute_finish (result, &error);
  /* A newer edit took over, or the window closed. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->route_cancellable);
  if (routes == NULL)
    {
      /* The relations stay drawn as they are, which is all the user loses. */
      g_warning ("Could not route the relations anew: %s", error->message);
      return;
    }

  _ent_window_show_layout (self, NULL);
}

/**
 * _ent_window_reroute:
 * @self: a window
 *
 * Routes anew the relations the view's scene draws without routes, when
 * the layout engine routes and the network is small enough for that to
 * take under a second. A routing still running for an earlier scene is
 * given up.
 */
void
_ent_window_reroute (EntWindow *self)
{
  EntScene *scene = ent_graph_view_get_scene (self->graph_view);
  const char *engine = _ent_window_get_engine (self, NULL);
  g_autoptr(GArray) unrouted = NULL;
  g_autoptr(GArray) positions = NULL;

  if (self->route_cancellable != NULL)
    g_cancellable_cancel (self->route_cancellable);
  g_clear_object (&self->route_cancellable);

  if (scene == NULL || self->graph == NULL || ent_store_is_read_only (self->store) ||
      !ent_diagram_can_reroute (engine, self->graph->entities->len))
    return;

  unrouted = ent_scene_list_unrouted (scene);
  if (unrouted->len == 0)
    return;

  /* Without a place for every entity there is nothing to route around yet. */
  positions = ent_store_load_positions (self->store, engine, NULL);
  if (positions == NULL || !ent_diagram_positions_complete (self->graph, positions))
    return;

  self->route_cancellable = g_cancellable_new ();
  ent_diagram_reroute_async (self->store, self->graph, engine, positions, unrouted, self->route_cancellable,
                             reroute_done_cb, g_object_ref (self));
}
