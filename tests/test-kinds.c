/* test-kinds.c: entities drawn, exported and filtered by their kind's row of the kinds table
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ent-edit.h"
#include "ent-renderer.h"
#include "ent-scene.h"
#include "ent-store.h"
#include "ent-style.h"
#include "ent-svg-writer.h"
#include "ent-test-util.h"
#include "ent-view-state.h"

#define SURFACE_SIZE 200

typedef struct
{
  EntStore *store;
  EntGraph *graph;
  gint64    airport_id;
  gint64    person_id;
} Fixture;

/* A network of a person and an airport, a kind the file adds, in its own colours. */
static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *dir = g_dir_make_tmp ("entente-kinds-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "kinds.entente", NULL);
  EntKindInfo airport = { .key = (char *) "airport", .label = (char *) "Airport", .shape = (char *) "diamond",
                          .glyph = (char *) "dot", .color = (char *) "#2ec27e", .dark_color = (char *) "#8ff0a4" };
  EntEntity minsk = { .kind_key = (char *) "airport", .name = (char *) "Minsk National Airport" };
  EntEntity aleinik = { .kind = ENT_KIND_PERSON, .name = (char *) "Sergei Aleinik" };
  g_autoptr(GError) error = NULL;

  fixture->store = ent_store_open (path, ENT_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (ent_store_add_kind (fixture->store, &airport, &error));
  fixture->airport_id = ent_store_add_entity (fixture->store, &minsk, &error);
  fixture->person_id = ent_store_add_entity (fixture->store, &aleinik, &error);
  g_assert_no_error (error);
  fixture->graph = ent_store_load_graph (fixture->store, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  ent_graph_unref (fixture->graph);
  g_object_unref (fixture->store);
}

static EntScene *
new_scene (EntGraph *graph,
           gint64    first_id,
           gint64    second_id)
{
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (EntPosition));

  g_array_append_val (positions, ((EntPosition) { first_id, 50, 100, FALSE }));
  g_array_append_val (positions, ((EntPosition) { second_id, 150, 100, FALSE }));
  return ent_scene_new (graph, positions);
}

/* The colour of the pixel at the centre of @entity_id's shape, drawn at 100 %. */
static guint32
pixel_at_node (EntScene *scene,
               gint64    entity_id,
               gboolean  dark)
{
  EntRenderOptions options = { .scale = 1.0, .dark = dark };
  const EntSceneItem *node = ent_scene_find_node (scene, entity_id);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, SURFACE_SIZE, SURFACE_SIZE);
  cairo_t *cr = cairo_create (surface);
  guint32 pixel;
  int x, y;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  ent_renderer_draw (scene, cr, &options, NULL);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* Beside the centre, where no glyph covers the shape's colour. */
  x = (int) (node->cx + node->radius * 0.7);
  y = (int) node->cy;
  pixel = *(guint32 *) (cairo_image_surface_get_data (surface) + y * cairo_image_surface_get_stride (surface) + 4 * x);
  cairo_surface_destroy (surface);

  return pixel & 0xffffff;
}

static void
test_render_colors (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(EntScene) scene = new_scene (fixture->graph, fixture->airport_id, fixture->person_id);
  const EntSceneItem *node = ent_scene_find_node (scene, fixture->airport_id);
  const EntSceneKind *kind = ent_scene_get_kind (scene, node->kind);

  g_assert_cmpstr (kind->key, ==, "airport");
  g_assert_cmpstr (kind->label, ==, "Airport");
  g_assert_cmpint (node->look->shape, ==, ENT_SHAPE_DIAMOND);
  g_assert_cmphex (pixel_at_node (scene, fixture->airport_id, FALSE), ==, 0x2ec27e);
  g_assert_cmphex (pixel_at_node (scene, fixture->airport_id, TRUE), ==, 0x8ff0a4);
  /* A built-in kind looks as it always did. */
  g_assert_cmphex (pixel_at_node (scene, fixture->person_id, FALSE), ==, 0x1c71d8);
  g_assert_cmphex (pixel_at_node (scene, fixture->person_id, TRUE), ==, 0x62a0ea);
}

/* A file edited outside Entente may name a shape or glyph Entente does not draw, or no colour. */
static void
test_unknown_looks (void)
{
  EntKindInfo odd = { .key = (char *) "odd", .label = (char *) "Odd", .shape = (char *) "star",
                      .glyph = (char *) "rocket", .color = (char *) "#A51D2D", .dark_color = (char *) "red" };
  EntKindLook look;
  EntKindInfo *info;
  g_autoptr(EntGraph) graph = ent_graph_new ();
  EntEntity *entity = g_new0 (EntEntity, 1);
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (EntPosition));
  g_autoptr(EntScene) scene = NULL;
  EntRenderOptions options = { .scale = 1.0 };
  cairo_surface_t *surface;
  cairo_t *cr;

  ent_style_look_from_info (&odd, &look);
  g_assert_cmpint (look.shape, ==, ENT_SHAPE_CIRCLE);
  g_assert_cmpint (look.glyph, ==, ENT_GLYPH_DOT);
  g_assert_cmpfloat_with_epsilon (look.light.red, 0xa5 / 255.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (look.dark.red, look.light.red, 1e-9);

  /* Drawn as a circle and a dot, whatever else the graph says. */
  info = g_new0 (EntKindInfo, 1);
  info->key = g_strdup (odd.key);
  info->label = g_strdup (odd.label);
  info->shape = g_strdup (odd.shape);
  info->glyph = g_strdup (odd.glyph);
  ent_graph_take_kind (graph, info);
  entity->id = 1;
  entity->kind_key = g_strdup ("odd");
  entity->name = g_strdup ("Odd one");
  ent_graph_take_entity (graph, entity);
  g_array_append_val (positions, ((EntPosition) { 1, 100, 100, FALSE }));
  scene = ent_scene_new (graph, positions);
  g_assert_cmpint (ent_scene_find_node (scene, 1)->look->shape, ==, ENT_SHAPE_CIRCLE);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, SURFACE_SIZE, SURFACE_SIZE);
  cr = cairo_create (surface);
  ent_renderer_draw (scene, cr, &options, NULL);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_legend (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) kinds = ent_scene_list_kinds (fixture->graph);
  g_autoptr(EntScene) scene = new_scene (fixture->graph, fixture->airport_id, fixture->person_id);
  const EntSceneLegendEntry *entries;
  guint n_entries;
  EntRect bounds;

  /* Only the kinds that have entities, in the order of the file's kinds: the built-in person first. */
  g_assert_cmpuint (kinds->len, ==, 2);
  g_assert_cmpstr (((EntSceneKind *) g_ptr_array_index (kinds, 0))->key, ==, "person");
  g_assert_cmpstr (((EntSceneKind *) g_ptr_array_index (kinds, 1))->key, ==, "airport");

  ent_scene_get_legend (scene, &entries, &n_entries, &bounds);
  g_assert_cmpuint (n_entries, ==, 2);
  g_assert_cmpstr (ent_scene_get_kind (scene, entries[1].kind)->label, ==, "Airport");
}

static void
test_view_state_hides (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(EntScene) scene = new_scene (fixture->graph, fixture->airport_id, fixture->person_id);
  g_autoptr(EntScene) next = NULL;
  g_autoptr(EntViewState) state = ent_view_state_new ();

  ent_view_state_set_scene (state, scene);
  g_assert_true (ent_view_state_entity_shown (state, fixture->airport_id));
  g_assert_true (ent_view_state_set_kind_visible (state, "airport", FALSE));
  g_assert_false (ent_view_state_get_kind_visible (state, "airport"));
  g_assert_false (ent_view_state_entity_shown (state, fixture->airport_id));
  g_assert_true (ent_view_state_entity_shown (state, fixture->person_id));

  /* The kind stays hidden in the next scene, whose kinds may be in another order. */
  next = new_scene (fixture->graph, fixture->person_id, fixture->airport_id);
  ent_view_state_set_scene (state, next);
  g_assert_false (ent_view_state_entity_shown (state, fixture->airport_id));
  g_assert_true (ent_view_state_set_kind_visible (state, "airport", TRUE));
  g_assert_true (ent_view_state_entity_shown (state, fixture->airport_id));
}

static void
test_edit_undo (Fixture       *fixture,
                gconstpointer  data)
{
  EntKindInfo changed = { .key = (char *) "airport", .label = (char *) "Aerodrome", .shape = (char *) "pin",
                          .glyph = (char *) "dot", .color = (char *) "#1a5fb4", .dark_color = (char *) "#99c1f1" };
  EntKindInfo missing = changed;
  g_autofree char *before = ent_store_dump (fixture->store, NULL);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EntGraph) graph = NULL;

  g_assert_nonnull (before);
  g_assert_true (ent_edit_update_kind (fixture->store, fixture->graph, &changed, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ent_store_get_undo_label (fixture->store), ==, "Edit Kind “Airport”");
  after = ent_store_dump (fixture->store, &error);
  g_assert_cmpstr (after, !=, before);
  graph = ent_store_load_graph (fixture->store, &error);
  g_assert_cmpstr (ent_graph_get_kind (graph, "airport")->label, ==, "Aerodrome");

  g_assert_true (ent_store_undo (fixture->store, &error));
  undone = ent_store_dump (fixture->store, &error);
  g_assert_cmpstr (undone, ==, before);
  g_assert_true (ent_store_redo (fixture->store, &error));
  redone = ent_store_dump (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (redone, ==, after);

  missing.key = (char *) "harbour";
  g_assert_false (ent_edit_update_kind (fixture->store, fixture->graph, &missing, &error));
  g_assert_error (error, ENT_EDIT_ERROR, ENT_EDIT_ERROR_NOT_FOUND);
}

static void
test_svg_colors (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(EntScene) scene = NULL;
  EntRenderOptions options = { .scale = 1.0, .legend = TRUE };
  EntRect area;
  g_autoptr(GString) svg = NULL;

  /* The SVG export also keeps an entity's properties, in its title. */
  add_property (&ent_graph_get_entity (fixture->graph, fixture->airport_id)->properties, "iata", ENT_PROPERTY_STRING,
                "MSQ <&>");
  scene = new_scene (fixture->graph, fixture->airport_id, fixture->person_id);
  ent_scene_get_bounds (scene, TRUE, &area);
  svg = ent_svg_write_scene (scene, &area, &options);
  g_assert_nonnull (strstr (svg->str, "class=\"node airport\""));
  g_assert_nonnull (strstr (svg->str, "class=\"legend-entry airport\""));
  g_assert_nonnull (strstr (svg->str, "#2ec27e"));
  g_assert_nonnull (strstr (svg->str, "#1c71d8"));
  g_assert_nonnull (strstr (svg->str, "\niata: MSQ &lt;&amp;&gt;</title>"));

  options.dark = TRUE;
  g_string_free (svg, TRUE);
  svg = ent_svg_write_scene (scene, &area, &options);
  g_assert_nonnull (strstr (svg->str, "#8ff0a4"));
}

/* An entity's kind is named and drawn as its graph's kinds say, or else as the built-in kind of its key, or by the key itself. */
static void
test_entity_kind (void)
{
  g_autoptr(EntGraph) graph = ent_graph_new ();
  EntKindInfo *info = g_new0 (EntKindInfo, 1);
  EntEntity airport = { .kind = ENT_KIND_ORGANISATION, .kind_key = (char *) "airport" };
  EntEntity harbour = { .kind = ENT_KIND_ORGANISATION, .kind_key = (char *) "harbour" };
  EntEntity place = { .kind = ENT_KIND_PLACE };
  EntEntity event = { .kind = ENT_KIND_ORGANISATION, .kind_key = (char *) "event" };
  EntKindLook look, expected;

  info->key = g_strdup ("airport");
  info->label = g_strdup ("Airport");
  info->shape = g_strdup ("pin");
  info->glyph = g_strdup ("flag");
  info->color = g_strdup ("#613583");
  ent_graph_take_kind (graph, info);

  g_assert_cmpstr (ent_entity_get_kind_key (&airport), ==, "airport");
  g_assert_cmpstr (ent_entity_get_kind_key (&place), ==, "place");

  g_assert_cmpstr (ent_style_entity_kind_label (graph, &airport), ==, "Airport");
  ent_style_entity_look (graph, &airport, &look);
  g_assert_cmpint (look.shape, ==, ENT_SHAPE_PIN);
  g_assert_cmpint (look.glyph, ==, ENT_GLYPH_FLAG);
  g_assert_cmpfloat_with_epsilon (look.light.red, 0x61 / 255.0, 1e-9);

  g_assert_cmpstr (ent_style_entity_kind_label (graph, &place), ==, "Place");
  ent_style_entity_look (graph, &place, &look);
  ent_style_builtin_look (ENT_KIND_PLACE, &expected);
  g_assert_cmpmem (&look, sizeof look, &expected, sizeof expected);

  /* The key says which built-in kind it is, whatever the stored enum. */
  g_assert_cmpstr (ent_style_entity_kind_label (graph, &event), ==, "Event");
  ent_style_entity_look (graph, &event, &look);
  ent_style_builtin_look (ENT_KIND_EVENT, &expected);
  g_assert_cmpmem (&look, sizeof look, &expected, sizeof expected);

  /* A kind the graph does not list keeps its key for a name and is drawn as its entity's built-in kind. */
  g_assert_cmpstr (ent_style_entity_kind_label (graph, &harbour), ==, "harbour");
  ent_style_entity_look (graph, &harbour, &look);
  ent_style_builtin_look (ENT_KIND_ORGANISATION, &expected);
  g_assert_cmpmem (&look, sizeof look, &expected, sizeof expected);
}

/* The dark shade a new colour brings is lighter in every channel. */
static void
test_dark_color (void)
{
  g_autofree char *dark = ent_style_dark_color_for ("#1c71d8");

  g_assert_cmpstr (dark, ==, "#6ba3e6");
  g_assert_null (ent_style_dark_color_for ("blue"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/ent/kinds/render-colors", Fixture, NULL, fixture_setup, test_render_colors, fixture_teardown);
  g_test_add_func ("/ent/kinds/unknown-looks", test_unknown_looks);
  g_test_add ("/ent/kinds/legend", Fixture, NULL, fixture_setup, test_legend, fixture_teardown);
  g_test_add ("/ent/kinds/view-state", Fixture, NULL, fixture_setup, test_view_state_hides, fixture_teardown);
  g_test_add ("/ent/kinds/edit-undo", Fixture, NULL, fixture_setup, test_edit_undo, fixture_teardown);
  g_test_add ("/ent/kinds/svg", Fixture, NULL, fixture_setup, test_svg_colors, fixture_teardown);
  g_test_add_func ("/ent/kinds/dark-color", test_dark_color);
  g_test_add_func ("/ent/kinds/entity-kind", test_entity_kind);

  return g_test_run ();
}
