/* ent-graph-view.c: the interactive diagram
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-graph-view"

#include "config.h"

#include "ent-graph-view.h"
#include "ent-graph-view-private.h"
#include "ent-renderer.h"

#include <adwaita.h>
#include <math.h>

#define FALLBACK_ACCENT "#3584e4"

G_DEFINE_FINAL_TYPE (EntGraphView, ent_graph_view, GTK_TYPE_WIDGET)

enum {
  NODE_MOVED,
  ITEM_ACTIVATED,
  CONNECT_REQUESTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

void
_ent_graph_view_notify (EntGraphView *self,
                        guint         prop_id)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

/* Something drawn changed other than where the view looks: the next frame is drawn anew. */
void
_ent_graph_view_invalidate (EntGraphView *self)
{
  ent_frame_invalidate (self->frame);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * ent_graph_view_queue_redraw:
 * @self: a graph view
 *
 * Draws the scene anew, after its nodes were moved with ent_scene_move_node().
 */
void
ent_graph_view_queue_redraw (EntGraphView *self)
{
  g_return_if_fail (ENT_IS_GRAPH_VIEW (self));

  _ent_graph_view_invalidate (self);
}

/* Sets the zoom and offset together, telling only about what changed. */
void
_ent_graph_view_set_transform (EntGraphView *self,
                               double        zoom,
                               double        offset_x,
                               double        offset_y)
{
  gboolean zoom_changed = zoom != self->zoom;

  self->zoom = zoom;
  self->offset_x = offset_x;
  self->offset_y = offset_y;
  self->fit_pending = FALSE;
  self->fitted = FALSE;

  gtk_widget_queue_draw (GTK_WIDGET (self));

  if (zoom_changed)
    {
      _ent_graph_view_update_actions (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
    }
}

void
_ent_graph_view_update_cursor (EntGraphView *self)
{
  const char *name = NULL;

  if (self->drag_active && self->drag_moved)
    name = "grabbing";
  else if (self->hover >= 0)
    name = "pointer";

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), name);
}

/* Decides anew how each item is drawn, from the selection and the hover. */
void
_ent_graph_view_update_states (EntGraphView *self)
{
  ent_view_state_update_states (self->state, _ent_graph_view_selected_index (self), self->hover);
  _ent_graph_view_invalidate (self);
}

void
_ent_graph_view_activate_item (EntGraphView *self,
                               int           index)
{
  const EntSceneItem *item = ent_scene_get_item (self->scene, index);

  if (item->type == ENT_SCENE_ITEM_NODE)
    g_signal_emit (self, signals[ITEM_ACTIVATED], 0, item->id, (gint64) 0);
  else
    g_signal_emit (self, signals[ITEM_ACTIVATED], 0, (gint64) 0, item->id);
}

void
_ent_graph_view_emit_node_moved (EntGraphView *self,
                                 gint64        entity_id,
                                 double        x,
                                 double        y)
{
  g_signal_emit (self, signals[NODE_MOVED], 0, entity_id, x, y);
}

void
_ent_graph_view_emit_connect_requested (EntGraphView *self,
                                        gint64        from_id,
                                        gint64        to_id)
{
  g_signal_emit (self, signals[CONNECT_REQUESTED], 0, from_id, to_id);
}

static void
dark_changed_cb (EntGraphView    *self,
                 GParamSpec      *pspec,
                 AdwStyleManager *style_manager)
{
  self->dark = adw_style_manager_get_dark (style_manager);
  _ent_graph_view_invalidate (self);
}

static void
update_accent (EntGraphView *self)
{
  GdkRGBA color;

  /* libadwaita 1.2 has no accent colour API; its stylesheet names the colour. */
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (GTK_WIDGET (self)), "accent_bg_color", &color))
    gdk_rgba_parse (&color, FALLBACK_ACCENT);

  self->accent = (EntColor) { color.red, color.green, color.blue };
}

static void
ent_graph_view_css_changed (GtkWidget         *widget,
                            GtkCssStyleChange *change)
{
  EntGraphView *self = ENT_GRAPH_VIEW (widget);

  GTK_WIDGET_CLASS (ent_graph_view_parent_class)->css_changed (widget, change);

  update_accent (self);
  _ent_graph_view_invalidate (self);
}

static void
ent_graph_view_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  EntGraphView *self = ENT_GRAPH_VIEW (widget);

  if (self->fit_pending)
    ent_graph_view_zoom_fit (self);
  else if (self->fitted)
    _ent_graph_view_refit (self);
  else if (self->last_width > 0 && self->last_height > 0 &&
           (width != self->last_width || height != self->last_height))
    /* Resizing keeps what was in the middle in the middle, as when a side panel opens. */
    _ent_graph_view_set_transform (self, self->zoom,
                                   self->offset_x + (width - self->last_width) / 2.0,
                                   self->offset_y + (height - self->last_height) / 2.0);

  self->last_width = width;
  self->last_height = height;
}

static void
ent_graph_view_realize (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (ent_graph_view_parent_class)->realize (widget);

  _ent_graph_view_fit_realize (ENT_GRAPH_VIEW (widget));
}

static void
ent_graph_view_unrealize (GtkWidget *widget)
{
  _ent_graph_view_fit_unrealize (ENT_GRAPH_VIEW (widget));

  GTK_WIDGET_CLASS (ent_graph_view_parent_class)->unrealize (widget);
}

static void
ent_graph_view_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  EntGraphView *self = ENT_GRAPH_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int scale = gtk_widget_get_scale_factor (widget);
  EntRenderOptions options = { 0 };
  cairo_t *cr;

  if (self->scene == NULL || width <= 0 || height <= 0)
    return;

  options.dark = self->dark;
  /* The window's legend, which also filters by kind, stands in for the scene's own. */
  options.legend = FALSE;
  options.item_states = ent_view_state_get_states (self->state);
  options.accent = self->accent;

  /*
   * Only the viewport is drawn, whatever the size of the network, into an
   * image of its pixels that is kept: unchanged, it is shown again as it is,
   * and panned, it moves and only the uncovered strips are drawn. GTK's
   * Cairo node keeps a copy-on-write snapshot of the image, not a copy. The
   * page colour shows through.
   */
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_scale (cr, 1.0 / scale, 1.0 / scale);
  /* Mid-gesture, the image of the last whole frame is stretched to the new zoom: a copy, where drawing the
   * labels at each new size would not keep up. */
  if (self->refine_id == 0 ||
      !ent_frame_paint_scaled (self->frame, cr, self->zoom * scale, self->offset_x * scale, self->offset_y * scale))
    {
      ent_frame_draw (self->frame, self->scene, &options, width * scale, height * scale,
                      self->zoom * scale, self->offset_x * scale, self->offset_y * scale);
      cairo_set_source_surface (cr, ent_frame_get_surface (self->frame), 0, 0);
      cairo_paint (cr);
    }
  cairo_destroy (cr);

  /* A Shift-drag from a node draws the relation it would make on top. */
  if (self->connect_from != 0 && self->drag_moved)
    {
      const EntSceneItem *from = ent_scene_find_node (self->scene, self->connect_from);

      if (from != NULL)
        {
          static const double dashes[] = { 6.0, 4.0 };

          cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
          cairo_set_source_rgb (cr, self->accent.red, self->accent.green, self->accent.blue);
          cairo_set_line_width (cr, 2.0);
          cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
          cairo_move_to (cr, self->offset_x + from->cx * self->zoom, self->offset_y + from->cy * self->zoom);
          cairo_line_to (cr, self->connect_x, self->connect_y);
          cairo_stroke (cr);
          cairo_destroy (cr);
        }
    }
}

static gboolean
ent_graph_view_query_tooltip (GtkWidget  *widget,
                              int         x,
                              int         y,
                              gboolean    keyboard_mode,
                              GtkTooltip *tooltip)
{
  EntGraphView *self = ENT_GRAPH_VIEW (widget);
  const EntSceneItem *item;
  const char *title;
  double x1, y1, x2, y2;
  int index;

  if (self->scene == NULL)
    return FALSE;

  /* From the keyboard, the tooltip is about the selection rather than the pointer. */
  index = keyboard_mode ? _ent_graph_view_selected_index (self) : _ent_graph_view_item_at (self, x, y);
  if (index < 0)
    return FALSE;

  item = ent_scene_get_item (self->scene, index);
  title = ent_scene_get_title (self->scene, index);
  if (*title == '\0')
    return FALSE;

  /* The tooltip follows the pointer from item to item, not just in and out of the widget. */
  ent_graph_view_graph_to_widget (self, item->bounds.x1, item->bounds.y1, &x1, &y1);
  ent_graph_view_graph_to_widget (self, item->bounds.x2, item->bounds.y2, &x2, &y2);
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { floor (x1), floor (y1), ceil (x2 - x1), ceil (y2 - y1) });
  gtk_tooltip_set_text (tooltip, title);

  return TRUE;
}

static void
ent_graph_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  EntGraphView *self = ENT_GRAPH_VIEW (object);

  switch (prop_id)
    {
    case PROP_SCENE:
      g_value_set_boxed (value, self->scene);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_SELECTED_ENTITY:
      g_value_set_int64 (value, self->selected_entity);
      break;
    case PROP_SELECTED_RELATION:
      g_value_set_int64 (value, self->selected_relation);
      break;
    case PROP_FOCUS_ENTITY:
      g_value_set_int64 (value, ent_view_state_get_focus (self->state));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ent_graph_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  EntGraphView *self = ENT_GRAPH_VIEW (object);

  switch (prop_id)
    {
    case PROP_SCENE:
      ent_graph_view_set_scene (self, g_value_get_boxed (value));
      break;
    case PROP_ZOOM:
      ent_graph_view_set_zoom (self, g_value_get_double (value),
                               gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
                               gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
      break;
    case PROP_SELECTED_ENTITY:
      ent_graph_view_select_entity (self, g_value_get_int64 (value));
      break;
    case PROP_SELECTED_RELATION:
      ent_graph_view_select_relation (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ent_graph_view_dispose (GObject *object)
{
  EntGraphView *self = ENT_GRAPH_VIEW (object);

  g_cancellable_cancel (self->measuring);
  g_clear_object (&self->measuring);
  g_clear_handle_id (&self->refine_id, g_source_remove);
  _ent_graph_view_glide_dispose (self);

  g_clear_pointer (&self->state, ent_view_state_free);
  g_clear_pointer (&self->scene, ent_scene_unref);

  G_OBJECT_CLASS (ent_graph_view_parent_class)->dispose (object);
}

static void
ent_graph_view_finalize (GObject *object)
{
  EntGraphView *self = ENT_GRAPH_VIEW (object);

  ent_frame_free (self->frame);
  g_ptr_array_unref (self->floating);

  G_OBJECT_CLASS (ent_graph_view_parent_class)->finalize (object);
}

static void
ent_graph_view_class_init (EntGraphViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = ent_graph_view_get_property;
  object_class->set_property = ent_graph_view_set_property;
  object_class->dispose = ent_graph_view_dispose;
  object_class->finalize = ent_graph_view_finalize;

  widget_class->snapshot = ent_graph_view_snapshot;
  widget_class->size_allocate = ent_graph_view_size_allocate;
  widget_class->realize = ent_graph_view_realize;
  widget_class->unrealize = ent_graph_view_unrealize;
  widget_class->css_changed = ent_graph_view_css_changed;
  widget_class->query_tooltip = ent_graph_view_query_tooltip;

  properties[PROP_SCENE] =
    g_param_spec_boxed ("scene", NULL, NULL,
                        ENT_TYPE_SCENE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL,
                         ENT_GRAPH_VIEW_ZOOM_MIN, ENT_GRAPH_VIEW_ZOOM_MAX, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_ENTITY] =
    g_param_spec_int64 ("selected-entity", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_RELATION] =
    g_param_spec_int64 ("selected-relation", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Read only, as focusing takes a depth too: see ent_graph_view_set_focus(). */
  properties[PROP_FOCUS_ENTITY] =
    g_param_spec_int64 ("focus-entity", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EntGraphView::node-moved:
   * @self: the view
   * @entity_id: the entity whose node was dragged
   * @x: the new centre of the node's box, in graph coordinates
   * @y: the new centre of the node's box, in graph coordinates
   *
   * Emitted once when the user lets go of a dragged node, to store where it
   * was put.
   */
  signals[NODE_MOVED] =
    g_signal_new ("node-moved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_DOUBLE, G_TYPE_DOUBLE);

  /**
   * EntGraphView::item-activated:
   * @self: the view
   * @entity_id: the activated entity, or 0
   * @relation_id: the activated relation, or 0
   *
   * Emitted on a double click or Enter on an entity or a relation.
   */
  /**
   * EntGraphView::connect-requested:
   * @self: a #EntGraphView
   * @from_id: the entity the Shift-drag started on
   * @to_id: the entity it ended on
   *
   * The user dragged from one node to another with Shift held, to relate them.
   */
  signals[CONNECT_REQUESTED] =
    g_signal_new ("connect-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);

  signals[ITEM_ACTIVATED] =
    g_signal_new ("item-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);

  _ent_graph_view_actions_class_init (widget_class);

  gtk_widget_class_set_css_name (widget_class, "graphview");
  /*
   * GTK 4.8 has no "application" role, and "widget" is abstract, not meant
   * for use. An image would tell screen readers there is nothing to
   * interact with; a group (a panel to AT-SPI) is a set of interactive
   * objects, and its name and description speak the selected one.
   */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
ent_graph_view_init (EntGraphView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  AdwStyleManager *style_manager = adw_style_manager_get_default ();

  self->zoom = 1.0;
  self->hover = -1;
  self->frame = ent_frame_new ();
  self->state = ent_view_state_new ();

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_has_tooltip (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);

  _ent_graph_view_input_init (self);
  _ent_graph_view_glide_init (self);
  _ent_graph_view_fit_init (self);

  self->dark = adw_style_manager_get_dark (style_manager);
  g_signal_connect_object (style_manager, "notify::dark", G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);
  update_accent (self);

  _ent_graph_view_update_actions (self);
  _ent_graph_view_update_accessible (self);
}

GtkWidget *
ent_graph_view_new (void)
{
  return g_object_new (ENT_TYPE_GRAPH_VIEW, NULL);
}

/* Called only while the scene measured is the view's: a new scene, or the view's end, cancels. */
static void
edge_labels_measured_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  EntGraphView *self = user_data;

  /* Cancelled, which this also tells once the cancellable is: @self may be gone. */
  if (g_task_had_error (G_TASK (result)))
    return;

  ent_scene_measure_edge_labels_finish (self->scene, result, NULL);
}

/**
 * ent_graph_view_set_scene:
 * @self: a view
 * @scene: (nullable): what to show, or %NULL for nothing
 *
 * Shows @scene. The first scene, or the first after clearing, is fitted to
 * the view. A scene that replaces another — the same network laid out anew
 * or edited — keeps the zoom, the offset and the selection if the selected
 * item is still there; so to show another network, clear the view first.
 */
void
ent_graph_view_set_scene (EntGraphView *self,
                          EntScene     *scene)
{
  gboolean fit;
  gint64 focus;

  g_return_if_fail (ENT_IS_GRAPH_VIEW (self));

  if (scene == self->scene)
    return;

  fit = self->scene == NULL;
  /* Cleared, the view has nothing left to keep fitted. */
  if (scene == NULL)
    self->fitted = FALSE;

  focus = ent_view_state_get_focus (self->state);
  g_clear_pointer (&self->scene, ent_scene_unref);
  self->scene = scene != NULL ? ent_scene_ref (scene) : NULL;
  ent_view_state_set_scene (self->state, scene);
  ent_frame_invalidate (self->frame);
  g_cancellable_cancel (self->measuring);
  g_clear_object (&self->measuring);
  if (scene != NULL)
    {
      self->measuring = g_cancellable_new ();
      ent_scene_measure_edge_labels_async (scene, self->measuring, edge_labels_measured_cb, self);
    }
  self->hover = -1;
  _ent_graph_view_update_cursor (self);

  g_object_freeze_notify (G_OBJECT (self));

  if (ent_view_state_get_focus (self->state) != focus)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOCUS_ENTITY]);

  /* The selection goes if its item went; either way the view describes the new scene. */
  _ent_graph_view_update_visibility (self);

  if (fit && scene != NULL)
    ent_graph_view_zoom_fit (self);
  _ent_graph_view_update_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCENE]);
  g_object_thaw_notify (G_OBJECT (self));
}

EntScene *
ent_graph_view_get_scene (EntGraphView *self)
{
  g_return_val_if_fail (ENT_IS_GRAPH_VIEW (self), NULL);

  return self->scene;
}

/* 1.0 is 100 %: one graph point is one widget pixel. */
double
ent_graph_view_get_zoom (EntGraphView *self)
{
  g_return_val_if_fail (ENT_IS_GRAPH_VIEW (self), 1.0);

  return self->zoom;
}

/**
 * ent_graph_view_set_zoom:
 * @self: a view
 * @zoom: the new zoom, clamped to what the view allows
 * @anchor_x: a widget point that stays where it is
 * @anchor_y: a widget point that stays where it is
 *
 * Zooms around a point, such as the pointer or the middle of the view.
 */
void
ent_graph_view_set_zoom (EntGraphView *self,
                         double        zoom,
                         double        anchor_x,
                         double        anchor_y)
{
  double gx, gy;

  g_return_if_fail (ENT_IS_GRAPH_VIEW (self));

  zoom = CLAMP (zoom, ENT_GRAPH_VIEW_ZOOM_MIN, ENT_GRAPH_VIEW_ZOOM_MAX);
  ent_graph_view_widget_to_graph (self, anchor_x, anchor_y, &gx, &gy);
  _ent_graph_view_set_transform (self, zoom, anchor_x - gx * zoom, anchor_y - gy * zoom);
}

void
ent_graph_view_widget_to_graph (EntGraphView *self,
                                double        wx,
                                double        wy,
                                double       *gx,
                                double       *gy)
{
  g_return_if_fail (ENT_IS_GRAPH_VIEW (self));

  *gx = (wx - self->offset_x) / self->zoom;
  *gy = (wy - self->offset_y) / self->zoom;
}

void
ent_graph_view_graph_to_widget (EntGraphView *self,
                                double        gx,
                                double        gy,
                                double       *wx,
                                double       *wy)
{
  g_return_if_fail (ENT_IS_GRAPH_VIEW (self));

  *wx = gx * self->zoom + self->offset_x;
  *wy = gy * self->zoom + self->offset_y;
}
