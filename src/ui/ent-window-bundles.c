/* ent-window-bundles.c: Bundle Edges, the edges of the stored layout bundled in the background, and Remove Bundles
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-window"

#include "config.h"

#include "ent-window.h"
#include "ent-window-private.h"
#include "ent-diagram.h"
#include "ent-store.h"

#include <glib/gi18n.h>

/*
 * Bundling runs in the layout helper as a layout does, and the window shows
 * it as it shows a layout: the spinner, what runs, and Cancel (or Escape),
 * which share the layout's cancellable; a layout that starts meanwhile
 * cancels it. When the bundles are stored, the view draws the layout with
 * them, where it was looking.
 */

static void
bundle_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(EntWindow) self = user_data;
  g_autoptr(GArray) bundles = NULL;
  g_autoptr(GError) error = NULL;

  bundles = ent_diagram_bundle_finish (result, &error);

  /* A layout (or another file) took over; this bundling's result is stale. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
      (self->layout_cancellable == NULL || !g_cancellable_is_cancelled (self->layout_cancellable)))
    return;

  g_clear_object (&self->layout_cancellable);
  _ent_window_set_running (self, NULL);

  if (bundles == NULL)
    {
      _ent_window_show_toast (self, g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
                                    ? _("Bundling cancelled") : error->message);
      return;
    }

  /* The bundles given, not those read back: a file that is only read cannot store them. */
  _ent_window_show_layout (self, bundles);
  if (bundles->len == 0)
    _ent_window_show_toast (self, _("There are no edges to bundle"));
}

static void
bundle_edges_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  EntWindow *self = ENT_WINDOW (widget);
  EntScene *scene = ent_graph_view_get_scene (self->graph_view);

  if (scene == NULL || self->graph == NULL || self->layout_cancellable != NULL)
    return;

  self->layout_cancellable = g_cancellable_new ();
  _ent_window_set_running (self, _("Bundling the edges…"));
  ent_diagram_bundle_async (self->store, scene, _ent_window_get_engine (self, NULL), self->layout_cancellable,
                            bundle_done_cb, g_object_ref (self));
}

/*
 * Remove Bundles takes the bundles of the stored layout away, and the
 * relations are drawn as before Bundle Edges: along their routes where
 * Graphviz routed them, which bundling leaves stored. Like bundling, it is
 * not an edit of the network and is not undone.
 */
static void
unbundle_edges_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  EntWindow *self = ENT_WINDOW (widget);
  EntScene *scene = ent_graph_view_get_scene (self->graph_view);
  g_autoptr(GArray) none = g_array_new (FALSE, FALSE, sizeof (EntRoute));
  g_autoptr(GError) error = NULL;

  if (scene == NULL || self->graph == NULL || self->layout_cancellable != NULL || !ent_scene_has_bundles (scene))
    return;

  /* A file that is only read was bundled for the view alone: there is nothing stored to remove. */
  if (!ent_store_is_read_only (self->store) &&
      !ent_store_save_bundles (self->store, _ent_window_get_engine (self, NULL), NULL, 0, &error))
    {
      _ent_window_show_toast (self, error->message);
      return;
    }

  _ent_window_show_layout (self, none);
}

/* Remove Bundles is there while the view draws bundles and nothing runs. */
void
_ent_window_bundles_update (EntWindow *self)
{
  EntScene *scene = ent_graph_view_get_scene (self->graph_view);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.unbundle-edges",
                                 self->layout_cancellable == NULL && scene != NULL && ent_scene_has_bundles (scene));
}

void
_ent_window_bundles_class_init (EntWindowClass *klass)
{
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "win.bundle-edges", NULL, bundle_edges_action);
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "win.unbundle-edges", NULL, unbundle_edges_action);
}
