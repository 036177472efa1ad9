/* ent-graph-view-fit.c: fitting and centring the diagram where the controls floating over it leave it clear
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window floats its legend and its zoom buttons over the diagram. Each
 * control takes a strip along one side of the view out of the area where
 * the view fits and centres the network, so that no node ends up beneath
 * one: the side that shows a fitted network the largest, or for centring
 * the side that leaves the most room.
 */

#define G_LOG_DOMAIN "ent-graph-view"

#include "config.h"

#include "ent-graph-view-private.h"

/* Fitting never blows a small network up beyond this, where it would look coarse. */
#define FIT_ZOOM_MAX  1.5
#define FIT_MARGIN    24.0
/* A control is kept clear of by a strip along any of the four sides, and every way to choose the sides is tried. */
#define MAX_FLOATING  6
/* Controls that would leave less than this share of the width or the height are not made room for. */
#define MIN_CLEAR     0.25

static void
free_weak_ref (gpointer data)
{
  GWeakRef *ref = data;

  g_weak_ref_clear (ref);
  g_free (ref);
}

void
_ent_graph_view_fit_init (EntGraphView *self)
{
  /* Weak, as the controls are the view's siblings, and the legend holds the view. */
  self->floating = g_ptr_array_new_with_free_func (free_weak_ref);
}

/* The parts of the view the shown floating controls cover, in widget coordinates; returns how many. */
static guint
covered_rects (EntGraphView    *self,
               graphene_rect_t  rects[MAX_FLOATING])
{
  GtkWidget *widget = GTK_WIDGET (self);
  graphene_rect_t view;
  guint n = 0;

  graphene_rect_init (&view, 0, 0, gtk_widget_get_width (widget), gtk_widget_get_height (widget));

  for (guint i = 0; i < self->floating->len; i++)
    {
      g_autoptr(GtkWidget) control = g_weak_ref_get (g_ptr_array_index (self->floating, i));
      graphene_rect_t bounds;

      if (control != NULL && gtk_widget_get_mapped (control) &&
          gtk_widget_compute_bounds (control, widget, &bounds) &&
          graphene_rect_intersection (&bounds, &view, &rects[n]) &&
          rects[n].size.width > 0 && rects[n].size.height > 0)
        n++;
    }

  return n;
}

/* The view less a strip along one side for each rectangle, the sides being the base-4 digits of @sides. */
static void
area_beside (const graphene_rect_t *rects,
             guint                  n_rects,
             guint                  sides,
             double                 width,
             double                 height,
             graphene_rect_t       *area)
{
  double left = 0, top = 0, right = width, bottom = height;

  for (guint i = 0; i < n_rects; i++, sides /= 4)
    {
      const graphene_rect_t *rect = &rects[i];

      switch (sides % 4)
        {
        case 0:
          left = MAX (left, rect->origin.x + rect->size.width);
          break;
        case 1:
          right = MIN (right, rect->origin.x);
          break;
        case 2:
          top = MAX (top, rect->origin.y + rect->size.height);
          break;
        default:
          bottom = MIN (bottom, rect->origin.y);
          break;
        }
    }

  graphene_rect_init (area, left, top, MAX (right - left, 0), MAX (bottom - top, 0));
}

static double
fit_zoom (const graphene_rect_t *area,
          const EntRect         *bounds)
{
  double zoom = MIN (MAX (area->size.width - 2 * FIT_MARGIN, 1) / MAX (bounds->x2 - bounds->x1, 1),
                     MAX (area->size.height - 2 * FIT_MARGIN, 1) / MAX (bounds->y2 - bounds->y1, 1));

  return CLAMP (MIN (zoom, FIT_ZOOM_MAX), ENT_GRAPH_VIEW_ZOOM_MIN, ENT_GRAPH_VIEW_ZOOM_MAX);
}

/*
 * The part of the view the floating controls leave clear: where @bounds,
 * if given, fits the largest, and of those (or without @bounds) the
 * largest. Controls that would leave too little are covered, not avoided.
 */
static void
clear_area (EntGraphView    *self,
            const EntRect   *bounds,
            graphene_rect_t *area)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  graphene_rect_t rects[MAX_FLOATING];
  guint n_rects = covered_rects (self, rects);
  guint n_choices = 1u << (2 * n_rects);
  double best_zoom = -1.0, best_size = -1.0;

  graphene_rect_init (area, 0, 0, width, height);

  for (guint sides = 0; sides < n_choices; sides++)
    {
      graphene_rect_t candidate;
      double zoom, size;

      area_beside (rects, n_rects, sides, width, height, &candidate);
      if (candidate.size.width < width * MIN_CLEAR || candidate.size.height < height * MIN_CLEAR)
        continue;

      zoom = bounds != NULL ? fit_zoom (&candidate, bounds) : 0.0;
      size = candidate.size.width * candidate.size.height;
      if (zoom > best_zoom || (zoom == best_zoom && size > best_size))
        {
          best_zoom = zoom;
          best_size = size;
          *area = candidate;
        }
    }
}

static void
fit (EntGraphView  *self,
     const EntRect *bounds)
{
  graphene_rect_t area;
  double zoom, offset_x, offset_y;

  clear_area (self, bounds, &area);
  zoom = fit_zoom (&area, bounds);
  offset_x = area.origin.x + area.size.width / 2 - (bounds->x1 + bounds->x2) / 2 * zoom;
  offset_y = area.origin.y + area.size.height / 2 - (bounds->y1 + bounds->y2) / 2 * zoom;

  /* Fitted again after each layout of the window, the view is drawn anew only when that moves it. */
  if (!self->fitted || zoom != self->zoom || offset_x != self->offset_x || offset_y != self->offset_y)
    _ent_graph_view_set_transform (self, zoom, offset_x, offset_y);

  self->fit_pending = FALSE;
  self->fitted = TRUE;
  self->fitted_bounds = *bounds;
}

/*
 * The bounds of what the filters show, when they hide something and show
 * something: fitting then fits what is shown, not the whole network.
 */
static gboolean
shown_bounds (EntGraphView *self,
              EntRect      *bounds)
{
  guint n_items = ent_scene_get_n_items (self->scene);
  gboolean any_shown = FALSE, any_hidden = FALSE;

  for (guint i = 0; i < n_items; i++)
    {
      const EntSceneItem *item;

      if (ent_view_state_is_hidden (self->state, i))
        {
          any_hidden = TRUE;
          continue;
        }
      item = ent_scene_get_item (self->scene, i);
      if (!any_shown)
        *bounds = item->bounds;
      else
        ent_rect_union (bounds, &item->bounds);
      any_shown = TRUE;
    }

  return any_shown && any_hidden;
}

/**
 * ent_graph_view_zoom_fit:
 * @self: a view
 *
 * Shows the whole network centred, with a margin, in the part of the view
 * its floating controls leave clear, never zoomed in beyond 150 %; while
 * filters hide part of it, what they show. Before
 * the view has a size this happens as soon as it gets one. Until the view
 * is moved, it fits again as its size and the controls change: while the
 * window settles, and as a document viewer keeps a page fitted.
 */
void
ent_graph_view_zoom_fit (EntGraphView *self)
{
  EntRect bounds;

  g_return_if_fail (ENT_IS_GRAPH_VIEW (self));

  if (self->scene == NULL)
    return;

  if (gtk_widget_get_width (GTK_WIDGET (self)) <= 0 || gtk_widget_get_height (GTK_WIDGET (self)) <= 0)
    {
      self->fit_pending = TRUE;
      self->fitted = FALSE;
      return;
    }

  /* The scene's own legend is for exports: the view shows the window's floating one instead. */
  if (!shown_bounds (self, &bounds))
    ent_scene_get_bounds (self->scene, FALSE, &bounds);
  fit (self, &bounds);
}

/* A fitted view fits what it fitted again, as it or its controls changed; nodes moved since then stay where they are. */
void
_ent_graph_view_refit (EntGraphView *self)
{
  if (self->fitted && self->scene != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)) &&
      gtk_widget_get_width (GTK_WIDGET (self)) > 0 && gtk_widget_get_height (GTK_WIDGET (self)) > 0)
    fit (self, &self->fitted_bounds);
}

/**
 * ent_graph_view_add_floating_control:
 * @self: a view
 * @control: a widget floating over @self, as a child of the same #GtkOverlay
 *
 * Keeps the diagram clear of @control: fitting and centring leave room for
 * it while it is shown, at whatever size it is, and a fitted view fits
 * again when it changes. The view does not keep @control alive; it takes
 * six controls at the most.
 */
void
ent_graph_view_add_floating_control (EntGraphView *self,
                                     GtkWidget    *control)
{
  GWeakRef *ref;

  g_return_if_fail (ENT_IS_GRAPH_VIEW (self));
  g_return_if_fail (GTK_IS_WIDGET (control));
  g_return_if_fail (self->floating->len < MAX_FLOATING);

  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, control);
  g_ptr_array_add (self->floating, ref);
  _ent_graph_view_refit (self);
}

/**
 * ent_graph_view_show_bounds:
 * @self: a view
 * @bounds: a part of the graph, in graph coordinates
 *
 * Brings @bounds into the part of the view the floating controls leave
 * clear, fitted as the whole network is fitted, unless it all is there
 * already.
 */
void
ent_graph_view_show_bounds (EntGraphView  *self,
                            const EntRect *bounds)
{
  g_return_if_fail (ENT_IS_GRAPH_VIEW (self));
  g_return_if_fail (bounds != NULL);

  if (gtk_widget_get_width (GTK_WIDGET (self)) <= 0 || gtk_widget_get_height (GTK_WIDGET (self)) <= 0 ||
      !_ent_graph_view_is_hidden (self, bounds))
    return;

  fit (self, bounds);
}

/* Scrolls so that a graph point is in the middle of what the floating controls leave clear, at the same zoom. */
void
ent_graph_view_center_on (EntGraphView *self,
                          double        gx,
                          double        gy)
{
  graphene_rect_t area;

  g_return_if_fail (ENT_IS_GRAPH_VIEW (self));

  clear_area (self, NULL, &area);
  _ent_graph_view_set_transform (self, self->zoom,
                                 area.origin.x + area.size.width / 2 - gx * self->zoom,
                                 area.origin.y + area.size.height / 2 - gy * self->zoom);
}

/* Whether any of @bounds, in graph coordinates, is outside the view or under a floating control. */
gboolean
_ent_graph_view_is_hidden (EntGraphView  *self,
                           const EntRect *bounds)
{
  graphene_rect_t rects[MAX_FLOATING];
  guint n_rects = covered_rects (self, rects);
  double x1, y1, x2, y2;

  ent_graph_view_graph_to_widget (self, bounds->x1, bounds->y1, &x1, &y1);
  ent_graph_view_graph_to_widget (self, bounds->x2, bounds->y2, &x2, &y2);
  if (x1 < 0 || y1 < 0 || x2 > gtk_widget_get_width (GTK_WIDGET (self)) ||
      y2 > gtk_widget_get_height (GTK_WIDGET (self)))
    return TRUE;

  for (guint i = 0; i < n_rects; i++)
    if (x1 < rects[i].origin.x + rects[i].size.width && rects[i].origin.x < x2 &&
        y1 < rects[i].origin.y + rects[i].size.height && rects[i].origin.y < y2)
      return TRUE;

  return FALSE;
}

/*
 * GTK 4.8 tells a widget nothing when its siblings are allocated, which an
 * overlay does after its main child; so once the window is laid out, before
 * it is drawn, a fitted view fits again if its controls moved or changed.
 */
static void
layout_cb (GdkFrameClock *clock,
           EntGraphView  *self)
{
  _ent_graph_view_refit (self);
}

void
_ent_graph_view_fit_realize (EntGraphView *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  /* After the window's own handler, which lays it out. */
  if (clock != NULL)
    self->layout_handler = g_signal_connect_object (clock, "layout", G_CALLBACK (layout_cb), self, G_CONNECT_AFTER);
}

void
_ent_graph_view_fit_unrealize (EntGraphView *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (clock != NULL && self->layout_handler != 0)
    g_signal_handler_disconnect (clock, self->layout_handler);
  self->layout_handler = 0;
}
