/* ent-test-widgets.h: what the widget tests share: GTK set up, template children, widgets inside others, frames, nodes clear of floating controls, the evidence panel
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ent-graph-view.h"

G_BEGIN_DECLS

/* Helpers for the tests only, so they go without the library's prefix. */
void     widget_test_init (int         *argc,
                           char      ***argv);
gpointer template_child   (gpointer     widget,
                           GType        type,
                           const char  *name);

GPtrArray  *list_rows           (GtkListBox  *list);
void        collect_descendants (GtkWidget   *widget,
                                 GType        type,
                                 GPtrArray   *found);
gpointer    first_descendant    (GtkWidget   *widget,
                                 GType        type);
const char *visible_page        (gpointer     widget,
                                 GType        type);
void        wait_for_frames     (GtkWidget   *widget,
                                 guint        n_frames);
void        wait_for_scene      (EntGraphView *view);

GtkEventController *find_controller (GtkWidget    *widget,
                                     GType         type);
void        click_at            (EntGraphView *view,
                                 double        gx,
                                 double        gy,
                                 int           n_press);

/* Nodes of a graph view's scene, and the controls floating over the view. */
void        assert_node_clear   (EntGraphView *view,
                                 gint64        entity_id,
                                 GtkWidget   **controls,
                                 guint         n_controls);
void        assert_nodes_clear  (EntGraphView *view,
                                 GtkWidget   **controls,
                                 guint         n_controls);

/* The evidence panel in a window of its own, and what it shows of one selection. */
GtkWidget  *create_panel        (GtkWidget  **window);
void        assert_shows        (GtkWidget   *panel,
                                 gint64       entity_id,
                                 gint64       relation_id,
                                 const char  *title,
                                 const char  *kind);

G_END_DECLS
