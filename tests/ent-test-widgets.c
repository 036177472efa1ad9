/* ent-test-widgets.c: what the widget tests share: GTK set up, template children, widgets inside others, frames, nodes clear of floating controls, the evidence panel
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-test-widgets"

#include "config.h"

#include "ent-test-widgets.h"

#include "ent-evidence-panel.h"

#include <adwaita.h>

/* The application's widgets are libadwaita's, so it is set up as the application does. */
void
widget_test_init (int    *argc,
                  char ***argv)
{
  gtk_test_init (argc, argv, NULL);
  adw_init ();
}

/*
 * The widgets inside a template are private to their class; a test reads
 * them the way a language binding would, by their names in the template.
 */
gpointer
template_child (gpointer    widget,
                GType       type,
                const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (child);
  return child;
}

/* The rows of @list, in order, without the placeholder or anything else it holds. */
GPtrArray *
list_rows (GtkListBox *list)
{
  GPtrArray *rows = g_ptr_array_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX_ROW (child))
        g_ptr_array_add (rows, child);
    }

  return rows;
}

/* Adds to @found every widget of @type inside @widget, depth first, in the order they are drawn. */
void
collect_descendants (GtkWidget *widget,
                     GType      type,
                     GPtrArray *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        g_ptr_array_add (found, child);
      collect_descendants (child, type, found);
    }
}

/* The first widget of @type inside @widget, which the test expects to be there. */
gpointer
first_descendant (GtkWidget *widget,
                  GType      type)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect_descendants (widget, type, found);
  g_assert_cmpuint (found->len, >, 0);

  return g_ptr_array_index (found, 0);
}

/* Rows activate only inside a window, as activating one moves the focus. */
GtkWidget *
create_panel (GtkWidget **window)
{
  GtkWidget *panel = ent_evidence_panel_new ();

  *window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (*window), panel);

  return panel;
}

/* The name of the page the "stack" of @widget's template shows. */
const char *
visible_page (gpointer widget,
              GType    type)
{
  return gtk_stack_get_visible_child_name (template_child (widget, type, "stack"));
}

/* Shows @entity_id, or else @relation_id, and checks that the panel says which, with @title and @kind. */
void
assert_shows (GtkWidget  *panel,
              gint64      entity_id,
              gint64      relation_id,
              const char *title,
              const char *kind)
{
  EntEvidencePanel *self = ENT_EVIDENCE_PANEL (panel);
  GType type = ENT_TYPE_EVIDENCE_PANEL;

  if (entity_id != 0)
    ent_evidence_panel_show_entity (self, entity_id);
  else
    ent_evidence_panel_show_relation (self, relation_id);

  g_assert_cmpint (ent_evidence_panel_get_entity (self), ==, entity_id);
  g_assert_cmpint (ent_evidence_panel_get_relation (self), ==, relation_id);
  g_assert_cmpstr (visible_page (panel, type), ==, "details");
  g_assert_cmpstr (gtk_label_get_label (template_child (panel, type, "title_label")), ==, title);
  g_assert_cmpstr (gtk_label_get_label (template_child (panel, type, "kind_label")), ==, kind);
}

static gboolean
count_frame_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  guint *frames = user_data;

  (*frames)++;
  return G_SOURCE_CONTINUE;
}

/* Lets the window lay out and draw @n_frames frames, so that what it shows has been measured
 * (a text view its lines) and scrolled. */
void
wait_for_frames (GtkWidget *widget,
                 guint      n_frames)
{
  guint frames = 0;
  guint id = gtk_widget_add_tick_callback (widget, count_frame_cb, &frames, NULL);

  while (frames < n_frames)
    g_main_context_iteration (NULL, TRUE);

  gtk_widget_remove_tick_callback (widget, id);
}

/* The first of @widget's event controllers of @type; there must be one. */
GtkEventController *
find_controller (GtkWidget *widget,
                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      /* The widget keeps its controllers alive. */
      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;
    }

  g_assert_not_reached ();
}

/* A click on @view as GtkGestureClick reports one, at a graph point. */
void
click_at (EntGraphView *view,
          double        gx,
          double        gy,
          int           n_press)
{
  GtkEventController *click = find_controller (GTK_WIDGET (view), GTK_TYPE_GESTURE_CLICK);
  GtkEventController *drag = find_controller (GTK_WIDGET (view), GTK_TYPE_GESTURE_DRAG);
  double x, y;

  ent_graph_view_graph_to_widget (view, gx, gy, &x, &y);
  g_signal_emit_by_name (click, "pressed", n_press, x, y);
  g_signal_emit_by_name (drag, "drag-begin", x, y);
  g_signal_emit_by_name (drag, "drag-end", 0.0, 0.0);
  g_signal_emit_by_name (click, "released", n_press, x, y);
}

static gboolean
overlaps (const graphene_rect_t *a,
          const graphene_rect_t *b)
{
  return a->origin.x < b->origin.x + b->size.width && b->origin.x < a->origin.x + a->size.width &&
         a->origin.y < b->origin.y + b->size.height && b->origin.y < a->origin.y + a->size.height;
}

/* Checks that all that @view paints of the node of @entity_id is in the view, and under none of the shown @controls. */
void
assert_node_clear (EntGraphView  *view,
                   gint64         entity_id,
                   GtkWidget    **controls,
                   guint          n_controls)
{
  const EntSceneItem *node = ent_scene_find_node (ent_graph_view_get_scene (view), entity_id);
  graphene_rect_t rect, control;
  double x1, y1, x2, y2;

  g_assert_nonnull (node);
  ent_graph_view_graph_to_widget (view, node->bounds.x1, node->bounds.y1, &x1, &y1);
  ent_graph_view_graph_to_widget (view, node->bounds.x2, node->bounds.y2, &x2, &y2);
  graphene_rect_init (&rect, x1, y1, x2 - x1, y2 - y1);
  g_assert_cmpfloat (x1, >=, 0);
  g_assert_cmpfloat (y1, >=, 0);
  g_assert_cmpfloat (x2, <=, gtk_widget_get_width (GTK_WIDGET (view)));
  g_assert_cmpfloat (y2, <=, gtk_widget_get_height (GTK_WIDGET (view)));

  for (guint i = 0; i < n_controls; i++)
    {
      if (!gtk_widget_get_mapped (controls[i]))
        continue;

      g_assert_true (gtk_widget_compute_bounds (controls[i], GTK_WIDGET (view), &control));
      g_assert_cmpfloat (control.size.width, >, 0);
      if (overlaps (&rect, &control))
        g_error ("node %" G_GINT64_FORMAT " at %g,%g %gx%g is under a control at %g,%g %gx%g", entity_id,
                 rect.origin.x, rect.origin.y, rect.size.width, rect.size.height,
                 control.origin.x, control.origin.y, control.size.width, control.size.height);
    }
}

/* Checks every node of the scene @view shows as assert_node_clear() does. */
void
assert_nodes_clear (EntGraphView  *view,
                    GtkWidget    **controls,
                    guint          n_controls)
{
  EntScene *scene = ent_graph_view_get_scene (view);

  g_assert_nonnull (scene);
  for (guint i = 0; i < ent_scene_get_n_items (scene); i++)
    {
      const EntSceneItem *item = ent_scene_get_item (scene, i);

      if (item->type == ENT_SCENE_ITEM_NODE)
        assert_node_clear (view, item->id, controls, n_controls);
    }
}

/* Waits, for at most ten seconds, until the view has a scene: the layout runs in a helper. */
void
wait_for_scene (EntGraphView *view)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (ent_graph_view_get_scene (view) == NULL && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);

  g_assert_nonnull (ent_graph_view_get_scene (view));
}
