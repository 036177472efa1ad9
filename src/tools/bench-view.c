/* bench-view.c: the scene of a file, and its frames drawn as the graph view draws them
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "entente-bench"

#include "config.h"

#include "entente-bench.h"

#include "ent-diagram.h"
#include "ent-renderer.h"
#include "ent-store.h"

#include <math.h>

/* The view draws this much beyond its edges, as EntGraphView does. */
#define CULL_MARGIN 8.0

/* The viewport of a 1280 × 800 view at @zoom, centred on (@cx, @cy), with the view's cull margin. */
static void
viewport (double   cx,
          double   cy,
          double   zoom,
          EntRect *visible)
{
  double half_w = VIEW_WIDTH / 2.0 / zoom, half_h = VIEW_HEIGHT / 2.0 / zoom;

  *visible = (EntRect) { cx - half_w - CULL_MARGIN, cy - half_h - CULL_MARGIN,
                         cx + half_w + CULL_MARGIN, cy + half_h + CULL_MARGIN };
}

double
bench_fit_zoom (EntScene *scene)
{
  EntRect bounds;
  double w, h;

  ent_scene_get_bounds (scene, FALSE, &bounds);
  w = MAX (bounds.x2 - bounds.x1, 1) + 32;
  h = MAX (bounds.y2 - bounds.y1, 1) + 32;

  return MIN (VIEW_WIDTH / w, VIEW_HEIGHT / h);
}

/* Draws one frame as EntGraphView's snapshot does: the page colour, then the viewport. */
void
bench_draw_frame (EntScene        *scene,
                  cairo_surface_t *surface,
                  double           cx,
                  double           cy,
                  double           zoom)
{
  bench_draw_frame_with_states (scene, NULL, surface, cx, cy, zoom);
}

/* The same, with the items in @states' states (one EntItemState per item; %NULL for all normal). */
void
bench_draw_frame_with_states (EntScene        *scene,
                              const guint8    *states,
                              cairo_surface_t *surface,
                              double           cx,
                              double           cy,
                              double           zoom)
{
  EntRenderOptions options = { .scale = zoom, .accent = { 0.21, 0.52, 0.89 }, .item_states = states };
  EntColor background, foreground, edge;
  EntRect visible;
  cairo_t *cr = cairo_create (surface);

  viewport (cx, cy, zoom, &visible);
  options.visible = &visible;
  options.edge_opacity = ent_renderer_edge_opacity (scene, &visible, zoom, NULL);

  ent_renderer_get_colors (FALSE, &background, &foreground, &edge);
  cairo_set_source_rgb (cr, background.red, background.green, background.blue);
  cairo_paint (cr);
  cairo_translate (cr, VIEW_WIDTH / 2.0 - cx * zoom, VIEW_HEIGHT / 2.0 - cy * zoom);
  cairo_scale (cr, zoom, zoom);
  ent_renderer_draw (scene, cr, &options, NULL);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
}

void
bench_scene_centre (EntScene *scene,
                    double   *cx,
                    double   *cy)
{
  EntRect bounds;

  ent_scene_get_bounds (scene, FALSE, &bounds);
  *cx = (bounds.x1 + bounds.x2) / 2;
  *cy = (bounds.y1 + bounds.y2) / 2;
}

/* The node nearest the middle of the scene: zoomed in views look at nodes, not at gaps. */
const EntSceneItem *
bench_central_node (EntScene *scene)
{
  const EntSceneItem *best = NULL;
  double cx, cy, best_distance = G_MAXDOUBLE;

  bench_scene_centre (scene, &cx, &cy);
  for (guint i = 0; i < ent_scene_get_n_items (scene); i++)
    {
      const EntSceneItem *item = ent_scene_get_item (scene, i);
      double distance;

      if (item->type != ENT_SCENE_ITEM_NODE)
        continue;
      distance = hypot (item->cx - cx, item->cy - cy);
      if (distance < best_distance)
        {
          best = item;
          best_distance = distance;
        }
    }

  return best;
}

EntScene *
bench_open_scene (const char  *path,
                  GError     **error)
{
  return bench_open_network (path, NULL, error);
}

/* The scene of the file's stored layout (laid out if it has none), and its graph in @graph if given. */
EntScene *
bench_open_network (const char  *path,
                    EntGraph   **graph_out,
                    GError     **error)
{
  g_autoptr(EntStore) store = ent_store_open (path, ENT_STORE_OPEN_READ_ONLY, error);
  g_autoptr(EntGraph) graph = NULL;
  EntScene *scene;

  if (store == NULL)
    return NULL;

  graph = ent_store_load_graph (store, error);
  if (graph == NULL)
    return NULL;

  scene = ent_diagram_build (store, graph, ent_diagram_choose_engine (graph, NULL), FALSE, NULL, NULL, error);
  if (scene != NULL && graph_out != NULL)
    *graph_out = g_steal_pointer (&graph);
  return scene;
}

/* PNG export at 100 %, or smaller for networks too big for one image of 8192 pixels, as a user would choose. */
double
bench_png_scale (const char *path)
{
  g_autoptr(EntScene) scene = bench_open_scene (path, NULL);
  EntRect bounds;

  if (scene == NULL)
    return 1.0;

  ent_scene_get_bounds (scene, TRUE, &bounds);
  return MIN (1.0, 8192.0 / MAX (bounds.x2 - bounds.x1 + 32, bounds.y2 - bounds.y1 + 32));
}
