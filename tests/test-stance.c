/* test-stance.c: quotes that dispute what they are attached to, stored, drawn and explained
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ent-diagram.h"
#include "ent-edit.h"
#include "ent-renderer.h"
#include "ent-svg-writer.h"
#include "ent-test-util.h"

#include <string.h>

typedef struct
{
  TempDir   dir;
  EntStore *store;
  EntGraph *graph;
  gint64    relation_id;
  gint64    quote_id;
} Fixture;

static void
reload (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&fixture->graph, ent_graph_unref);
  fixture->graph = ent_store_load_graph (fixture->store, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  EntRelation *relation;

  temp_dir_set_up (&fixture->dir, data);
  path = copy_bundled (fixture->dir.dir, "network.entente");
  fixture->store = ent_store_open (path, ENT_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  reload (fixture);

  relation = g_ptr_array_index (fixture->graph->relations, 0);
  g_assert_cmpuint (relation->quote_ids->len, >, 0);
  fixture->relation_id = relation->id;
  fixture->quote_id = g_array_index (relation->quote_ids, gint64, 0);
  g_assert_null (relation->disputing_ids);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->graph, ent_graph_unref);
  g_clear_object (&fixture->store);
  temp_dir_tear_down (&fixture->dir, data);
}

static EntScene *
build_scene (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  EntScene *scene = ent_diagram_build (fixture->store, fixture->graph,
                                       ent_diagram_choose_engine (fixture->graph, NULL), FALSE, NULL, NULL, &error);

  g_assert_no_error (error);
  return scene;
}

static gboolean
has_disputed_legend (EntScene *scene)
{
  const EntSceneLegendEntry *entries;
  guint n_entries;
  EntRect bounds;

  ent_scene_get_legend (scene, &entries, &n_entries, &bounds);
  for (guint i = 0; i < n_entries; i++)
    if (entries[i].type == ENT_LEGEND_EDGE_DISPUTED)
      return TRUE;
  return FALSE;
}

/* Whether the pixels around the middle of @edge, drawn at 200 %, hold the disputed marks' orange. */
static gboolean
drawn_orange (EntScene           *scene,
              const EntSceneItem *edge,
              gboolean            dark)
{
  double x, y, dx, dy;
  int size = 40, found = 0;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, size, size);
  cairo_t *cr = cairo_create (surface);
  EntRenderOptions options = { .scale = 2.0, .dark = dark };
  EntColor orange;

  ent_scene_edge_midpoint (edge, &x, &y, &dx, &dy);
  ent_renderer_get_disputed_color (dark, &orange);
  cairo_set_source_rgb (cr, dark ? 0 : 1, dark ? 0 : 1, dark ? 0 : 1);
  cairo_paint (cr);
  cairo_scale (cr, 2, 2);
  cairo_translate (cr, -x + size / 4.0, -y + size / 4.0);
  ent_renderer_draw (scene, cr, &options, NULL);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  for (int row = 0; row < size; row++)
    for (int col = 0; col < size; col++)
      {
        guint32 p = ((guint32 *) (cairo_image_surface_get_data (surface) +
                                  row * cairo_image_surface_get_stride (surface)))[col];
        int r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;

        found += ABS (r - orange.red * 255) < 24 && ABS (g - orange.green * 255) < 24 && ABS (b - orange.blue * 255) < 24;
      }
  cairo_surface_destroy (surface);
  return found > 4;
}

static void
test_dispute (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EntScene) before = build_scene (fixture);
  g_autoptr(EntScene) scene = NULL;
  g_autoptr(GString) svg = NULL;
  EntRenderOptions options = { .scale = 1.0, .legend = TRUE };
  EntRelation *relation;
  const EntSceneItem *edge;
  g_autofree char *group = g_strdup_printf ("id=\"relation-%" G_GINT64_FORMAT "\"", fixture->relation_id);
  const char *at;
  EntRect area;

  g_assert_false (find_edge (before, fixture->relation_id)->disputed);
  g_assert_false (has_disputed_legend (before));
  g_assert_false (drawn_orange (before, find_edge (before, fixture->relation_id), FALSE));

  g_assert_true (ent_edit_set_stance (fixture->store, 0, fixture->relation_id, fixture->quote_id, TRUE, &error));
  g_assert_no_error (error);
  reload (fixture);
  relation = ent_graph_get_relation (fixture->graph, fixture->relation_id);
  g_assert_nonnull (relation->disputing_ids);
  g_assert_cmpuint (relation->disputing_ids->len, ==, 1);
  g_assert_true (ent_quote_ids_contain (relation->disputing_ids, fixture->quote_id));

  /* Drawn with the marks, on screen and in PNG and PDF alike (the renderer), and in SVG; the legend says so. */
  scene = build_scene (fixture);
  edge = find_edge (scene, fixture->relation_id);
  g_assert_true (edge->disputed);
  g_assert_true (has_disputed_legend (scene));
  g_assert_true (drawn_orange (scene, edge, FALSE));
  g_assert_true (drawn_orange (scene, edge, TRUE));

  ent_scene_get_bounds (scene, TRUE, &area);
  svg = ent_svg_write_scene (scene, &area, &options);
  at = strstr (svg->str, group);
  g_assert_nonnull (at);
  g_assert_nonnull (strstr (at, "class=\"disputed\""));
  g_assert_nonnull (strstr (at, "Disputed by 1 quote: “"));
  g_assert_nonnull (strstr (svg->str, "legend-entry edge-disputed"));

  /* One undoable edit. */
  g_assert_true (ent_store_undo (fixture->store, &error));
  reload (fixture);
  g_assert_null (ent_graph_get_relation (fixture->graph, fixture->relation_id)->disputing_ids);
  g_assert_true (ent_store_redo (fixture->store, &error));
  reload (fixture);
  g_assert_nonnull (ent_graph_get_relation (fixture->graph, fixture->relation_id)->disputing_ids);

  /* And back to supporting. */
  g_assert_true (ent_edit_set_stance (fixture->store, 0, fixture->relation_id, fixture->quote_id, FALSE, &error));
  reload (fixture);
  g_assert_null (ent_graph_get_relation (fixture->graph, fixture->relation_id)->disputing_ids);
}

static void
test_not_attached (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  EntEntity *entity = find_entity (fixture->graph, "Trade");

  g_assert_false (ent_quote_ids_contain (entity->quote_ids, fixture->quote_id));
  g_assert_false (ent_edit_set_stance (fixture->store, entity->id, 0, fixture->quote_id, TRUE, &error));
  g_assert_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_NOT_FOUND);
  reload (fixture);
  g_assert_null (find_entity (fixture->graph, "Trade")->disputing_ids);
}

static void
test_entity_title (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EntScene) scene = NULL;
  EntEntity *entity = find_entity (fixture->graph, "Sergei Aleinik");
  gint64 entity_id = entity->id;
  gint64 quote = g_array_index (entity->quote_ids, gint64, 0);
  guint index;

  g_assert_true (ent_edit_set_stance (fixture->store, entity_id, 0, quote, TRUE, &error));
  reload (fixture);
  scene = build_scene (fixture);
  for (index = 0; index < ent_scene_get_n_items (scene); index++)
    if (ent_scene_get_item (scene, index)->type == ENT_SCENE_ITEM_NODE && ent_scene_get_item (scene, index)->id == entity_id)
      break;
  g_assert_nonnull (strstr (ent_scene_get_title (scene, index), "Disputed by 1 quote"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/ent/stance/dispute", Fixture, NULL, fixture_set_up, test_dispute, fixture_tear_down);
  g_test_add ("/ent/stance/not-attached", Fixture, NULL, fixture_set_up, test_not_attached, fixture_tear_down);
  g_test_add ("/ent/stance/entity-title", Fixture, NULL, fixture_set_up, test_entity_title, fixture_tear_down);

  return g_test_run ();
}
