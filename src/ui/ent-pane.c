/* ent-pane.c: what the panes beside the diagram share
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-pane"

#include "config.h"

#include "ent-pane.h"

/*
 * The evidence panel and the source view each show one thing of the network
 * and tell the window which thing the user chose by its id; when the window
 * hands them a new version of the network, they show the same thing in it.
 */

/**
 * ent_pane_replace_graph:
 * @graph_ptr: where a pane holds its graph
 * @graph: (nullable): the graph to hold instead
 *
 * Takes a reference on @graph before dropping the one held, so that handing
 * a pane the graph it already holds keeps it alive.
 */
void
ent_pane_replace_graph (EntGraph **graph_ptr,
                        EntGraph  *graph)
{
  g_return_if_fail (graph_ptr != NULL);

  if (graph != NULL)
    ent_graph_ref (graph);
  g_clear_pointer (graph_ptr, ent_graph_unref);
  *graph_ptr = graph;
}

/**
 * ent_pane_signal_new_id:
 * @type: the pane's type
 * @name: the signal's name
 *
 * Returns: the id of a new signal of @type whose one argument is the id, a
 *   #gint64, of what the user chose
 */
guint
ent_pane_signal_new_id (GType       type,
                        const char *name)
{
  return g_signal_new (name,
                       type,
                       G_SIGNAL_RUN_LAST,
                       0, NULL, NULL, NULL,
                       G_TYPE_NONE, 1, G_TYPE_INT64);
}

/* Takes every row out of @list (gtk_list_box_remove_all() is newer than GTK 4.8). */
void
ent_pane_clear_list (GtkListBox *list)
{
  GtkWidget *child;

  g_return_if_fail (GTK_IS_LIST_BOX (list));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}
