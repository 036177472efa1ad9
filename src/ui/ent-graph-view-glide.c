/* ent-graph-view-glide.c: nodes glide to where a new layout puts them
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Laid out anew, a network keeps most nodes where they were; the ones
 * that move glide there rather than jump, so the eye can follow them.
 */

#define G_LOG_DOMAIN "ent-graph-view"

#include "config.h"

#include "ent-graph-view-private.h"

static void
stop_gliding (EntGraphView *self)
{
  if (self->glides_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->glides_tick);
  self->glides_tick = 0;
  g_array_set_size (self->glides, 0);
}

static gboolean
glides_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  EntGraphView *self = ENT_GRAPH_VIEW (widget);
  double t = (double) (gdk_frame_clock_get_frame_time (clock) - self->glides_start) / ENT_VIEW_STATE_GLIDE_US;

  if (self->scene != NULL)
    ent_view_state_apply_glides (self->scene, self->glides, t);
  _ent_graph_view_invalidate (self);

  if (t < 1.0 && self->scene != NULL)
    return G_SOURCE_CONTINUE;

  g_array_set_size (self->glides, 0);
  self->glides_tick = 0;
  return G_SOURCE_REMOVE;
}

/**
 * ent_graph_view_set_scene_gliding:
 * @self: a view
 * @scene: what to show
 *
 * Shows @scene as ent_graph_view_set_scene() does, letting the nodes that
 * moved since the scene before glide to their new places.
 */
void
ent_graph_view_set_scene_gliding (EntGraphView *self,
                                  EntScene     *scene)
{
  g_return_if_fail (ENT_IS_GRAPH_VIEW (self));
  g_return_if_fail (scene != NULL);

  stop_gliding (self);
  g_array_unref (self->glides);
  self->glides = ent_view_state_find_glides (self->scene, scene);
  ent_view_state_apply_glides (scene, self->glides, 0.0);

  ent_graph_view_set_scene (self, scene);

  if (self->glides->len > 0)
    {
      GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

      self->glides_start = clock != NULL ? gdk_frame_clock_get_frame_time (clock) : g_get_monotonic_time ();
      self->glides_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), glides_tick_cb, NULL, NULL);
    }
}

void
_ent_graph_view_glide_init (EntGraphView *self)
{
  self->glides = g_array_new (FALSE, FALSE, sizeof (EntNodeGlide));
}

void
_ent_graph_view_glide_dispose (EntGraphView *self)
{
  if (self->glides != NULL)
    stop_gliding (self);
  g_clear_pointer (&self->glides, g_array_unref);
}
