/* test-export-scope.c: exports of part of the network, with their background, legend and caption
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ent-diagram.h"
#include "ent-export-scope.h"
#include "ent-renderer.h"
#include "ent-test-util.h"
#include "ent-view-state.h"

#include <string.h>
#include <cairo.h>
#include <glib/gstdio.h>

static char *work_dir;
static EntStore *store;
static EntGraph *graph;
static EntScene *scene;

/* The bundled network as the window draws it, from the positions it stores: no layout worker is needed. */
static void
set_up_scene (void)
{
  g_autofree char *path = copy_bundled (work_dir, "network.entente");
  g_autoptr(GError) error = NULL;

  store = ent_store_open (path, ENT_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  graph = ent_store_load_graph (store, &error);
  g_assert_no_error (error);
  scene = ent_diagram_build (store, graph, ent_diagram_choose_engine (graph, NULL), FALSE, NULL, NULL, &error);
  g_assert_no_error (error);
}

/* The ids of the entity-N and relation-N groups of an SVG export. */
static GHashTable *
svg_ids (const char *path,
         const char *prefix)
{
  g_autofree char *svg = NULL;
  g_autofree char *needle = g_strdup_printf ("id=\"%s-", prefix);
  GHashTable *ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  const char *at;

  g_assert_true (g_file_get_contents (path, &svg, NULL, NULL));
  for (at = strstr (svg, needle); at != NULL; at = strstr (at + 1, needle))
    {
      gint64 *id = g_new (gint64, 1);

      *id = g_ascii_strtoll (at + strlen (needle), NULL, 10);
      g_assert_false (g_hash_table_contains (ids, id));
      g_hash_table_add (ids, id);
    }

  return ids;
}

static void
assert_same_ids (GHashTable *got,
                 GHashTable *expected)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (got, key))
      g_error ("entity %" G_GINT64_FORMAT " is shown but not exported", *(gint64 *) key);
  g_hash_table_iter_init (&iter, got);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (expected, key))
      g_error ("entity %" G_GINT64_FORMAT " is exported but not shown", *(gint64 *) key);
}

static GHashTable *
new_id_set (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

static void
add_id (GHashTable *set,
        gint64      id)
{
  g_hash_table_add (set, g_memdup2 (&id, sizeof id));
}

static char *
export_svg (const char             *name,
            const EntExportOptions *options)
{
  char *path = g_build_filename (work_dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (ent_export_scene (scene, path, ENT_EXPORT_FORMAT_SVG, options, &error));
  g_assert_no_error (error);
  return path;
}

/* The viewBox of an SVG export: the part of the graph it covers. */
static void
svg_view_box (const char *path,
              EntRect    *box)
{
  g_autofree char *svg = NULL;
  const char *at;
  double width, height;

  g_assert_true (g_file_get_contents (path, &svg, NULL, NULL));
  at = strstr (svg, "viewBox=\"");
  g_assert_nonnull (at);
  g_assert_cmpint (sscanf (at, "viewBox=\"%lf %lf %lf %lf\"", &box->x1, &box->y1, &width, &height), ==, 4);
  box->x2 = box->x1 + width;
  box->y2 = box->y1 + height;
}

static void
test_kind_filter (void)
{
  g_autoptr(EntViewState) view = ent_view_state_new ();
  g_autoptr(GHashTable) expected = new_id_set ();
  g_autoptr(GHashTable) got = NULL;
  g_autoptr(GHashTable) relations = NULL;
  g_autofree guint8 *states = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  gpointer key;

  ent_view_state_set_scene (view, scene);
  g_assert_true (ent_view_state_set_kind_visible (view, "event", FALSE));
  g_assert_true (ent_view_state_set_kind_visible (view, "place", FALSE));
  states = ent_export_scope_states (view, ENT_EXPORT_SCOPE_SHOWN, 0, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < graph->entities->len; i++)
    {
      EntEntity *entity = g_ptr_array_index (graph->entities, i);

      if (ent_view_state_entity_shown (view, entity->id))
        add_id (expected, entity->id);
    }
  g_assert_cmpuint (g_hash_table_size (expected), >, 0);
  g_assert_cmpuint (g_hash_table_size (expected), <, graph->entities->len);

  path = export_svg ("kinds.svg", &(EntExportOptions) { .legend = TRUE, .item_states = states });
  got = svg_ids (path, "entity");
  assert_same_ids (got, expected);

  /* Every relation drawn joins two entities drawn, and is one the view shows. */
  relations = svg_ids (path, "relation");
  g_assert_cmpuint (g_hash_table_size (relations), >, 0);
  g_hash_table_iter_init (&iter, relations);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      EntRelation *relation = ent_graph_get_relation (graph, *(gint64 *) key);

      g_assert_true (ent_view_state_relation_shown (view, relation->id));
      g_assert_true (g_hash_table_contains (got, &relation->from_id));
      g_assert_true (g_hash_table_contains (got, &relation->to_id));
    }
}

static void
test_neighbours (void)
{
  g_autoptr(EntViewState) view = ent_view_state_new ();
  g_autoptr(GHashTable) expected = new_id_set ();
  g_autoptr(GHashTable) got = NULL;
  g_autofree guint8 *states = NULL;
  g_autofree char *path = NULL;
  g_autofree char *whole = NULL;
  g_autoptr(GError) error = NULL;
  EntEntity *minister = find_entity (graph, "Sergei Aleinik");
  EntRect part, all;

  ent_view_state_set_scene (view, scene);
  states = ent_export_scope_states (view, ENT_EXPORT_SCOPE_NEIGHBOURS, minister->id, &error);
  g_assert_no_error (error);

  /* The neighbours, worked out here from the relations rather than by the view. */
  add_id (expected, minister->id);
  for (guint i = 0; i < graph->relations->len; i++)
    {
      EntRelation *relation = g_ptr_array_index (graph->relations, i);

      if (relation->from_id == minister->id)
        add_id (expected, relation->to_id);
      else if (relation->to_id == minister->id)
        add_id (expected, relation->from_id);
    }
  g_assert_cmpuint (g_hash_table_size (expected), >, 2);

  path = export_svg ("neighbours.svg", &(EntExportOptions) { .legend = TRUE, .item_states = states });
  got = svg_ids (path, "entity");
  assert_same_ids (got, expected);

  /* The page fits what it shows, legend included, and is smaller than the whole network's. */
  whole = export_svg ("whole.svg", &(EntExportOptions) { .legend = TRUE });
  svg_view_box (path, &part);
  svg_view_box (whole, &all);
  g_assert_cmpfloat ((part.x2 - part.x1) * (part.y2 - part.y1), <, (all.x2 - all.x1) * (all.y2 - all.y1));
  for (guint i = 0; i < ent_scene_get_n_items (scene); i++)
    {
      const EntSceneItem *item = ent_scene_get_item (scene, i);

      if (!(states[i] & ENT_ITEM_STATE_HIDDEN))
        g_assert_true (item->bounds.x1 >= part.x1 && item->bounds.x2 <= part.x2 &&
                       item->bounds.y1 >= part.y1 && item->bounds.y2 <= part.y2);
    }

  /* An entity the filters hide has no neighbours to export; nor has one that is not there. */
  g_assert_true (ent_view_state_set_kind_visible (view, "person", FALSE));
  g_clear_pointer (&states, g_free);
  states = ent_export_scope_states (view, ENT_EXPORT_SCOPE_NEIGHBOURS, minister->id, &error);
  g_assert_error (error, ENT_EXPORT_ERROR, ENT_EXPORT_ERROR_FAILED);
  g_assert_null (states);
  g_clear_error (&error);
  states = ent_export_scope_states (view, ENT_EXPORT_SCOPE_NEIGHBOURS, 987654321, &error);
  g_assert_error (error, ENT_EXPORT_ERROR, ENT_EXPORT_ERROR_FAILED);
  g_assert_null (states);
}

static void
test_area (void)
{
  g_autoptr(GHashTable) expected = new_id_set ();
  g_autoptr(GHashTable) got = NULL;
  g_autofree char *path = NULL;
  const EntSceneItem *node = ent_scene_find_node (scene, find_entity (graph, "India")->id);
  EntRect area = { node->cx - 150, node->cy - 100, node->cx + 150, node->cy + 100 };

  for (guint i = 0; i < ent_scene_get_n_items (scene); i++)
    {
      const EntSceneItem *item = ent_scene_get_item (scene, i);

      if (item->type == ENT_SCENE_ITEM_NODE && item->id > 0 && ent_rect_intersects (&item->bounds, &area))
        add_id (expected, item->id);
    }
  g_assert_cmpuint (g_hash_table_size (expected), <, graph->entities->len);

  path = export_svg ("area.svg", &(EntExportOptions) { .legend = FALSE, .area = &area });
  got = svg_ids (path, "entity");
  assert_same_ids (got, expected);
}

static void
test_background_legend_caption (void)
{
  g_autoptr(GDateTime) date = g_date_time_new_utc (2026, 12, 1, 12, 0, 0);
  g_autofree char *plain = export_svg ("plain.svg", &(EntExportOptions) { .legend = FALSE });
  g_autofree char *captioned = export_svg ("captioned.svg", &(EntExportOptions) {
    .legend = TRUE, .transparent = TRUE, .caption = TRUE, .title = "Aleinik <visit>", .date = date });
  g_autofree char *text = NULL;
  g_autofree char *png = g_build_filename (work_dir, "transparent.png", NULL);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *image;
  const guint32 *pixels;
  int width, height, stride, opaque = 0;
  EntRect without, with;

  g_assert_true (g_file_get_contents (plain, &text, NULL, NULL));
  g_assert_null (strstr (text, "id=\"legend\""));
  g_assert_nonnull (strstr (text, "class=\"background\""));
  g_assert_null (strstr (text, "class=\"caption\""));
  g_clear_pointer (&text, g_free);

  g_assert_true (g_file_get_contents (captioned, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "id=\"legend\""));
  g_assert_null (strstr (text, "class=\"background\""));
  g_assert_nonnull (strstr (text, "Aleinik &lt;visit&gt; — 1 December 2026"));
  svg_view_box (plain, &without);
  svg_view_box (captioned, &with);
  g_assert_cmpfloat (with.y2, >, without.y2 + 20);

  /* A transparent PNG has an alpha channel, clear where nothing is drawn. */
  g_assert_true (ent_export_scene (scene, png, ENT_EXPORT_FORMAT_PNG,
                                   &(EntExportOptions) { .scale = 0.5, .transparent = TRUE, .legend = TRUE }, &error));
  g_assert_no_error (error);
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_format (image), ==, CAIRO_FORMAT_ARGB32);
  width = cairo_image_surface_get_width (image);
  height = cairo_image_surface_get_height (image);
  stride = cairo_image_surface_get_stride (image);
  pixels = (const guint32 *) cairo_image_surface_get_data (image);
  g_assert_cmpuint (pixels[0] >> 24, ==, 0);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      opaque += (((const guint32 *) ((const guint8 *) pixels + y * stride))[x] >> 24) == 0xff;
  g_assert_cmpint (opaque, >, width * height / 200);
  g_assert_cmpint (opaque, <, width * height / 2);
  cairo_surface_destroy (image);
}

/*
 * An export while a filter holds draws what it lets through and says which
 * filter in its caption; a chain picked out fades the rest, in SVG too.
 */
static void
test_filters_and_chain (void)
{
  g_autoptr(EntViewState) view = ent_view_state_new ();
  g_autoptr(EntItemFilter) filter = ent_item_filter_new ("Only what ‘A <source>’ supports");
  g_autoptr(GHashTable) expected = new_id_set ();
  g_autoptr(GHashTable) got = NULL;
  g_autoptr(GArray) chain_entities = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) chain_relations = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree guint8 *states = NULL;
  g_autofree guint8 *chain_states = NULL;
  g_autofree char *filters = NULL;
  g_autofree char *path = NULL;
  g_autofree char *chained = NULL;
  g_autofree char *svg = NULL;
  g_autoptr(GError) error = NULL;
  const EntRelation *relation = g_ptr_array_index (graph->relations, 0);
  guint n_faded = 0, n_groups = 0;
  const char *at;

  /* The first relation and its two ends. */
  ent_item_filter_add_relation (filter, relation->id);
  ent_item_filter_add_ends (filter, graph);
  g_assert_cmpuint (ent_item_filter_get_n_entities (filter), ==, relation->from_id == relation->to_id ? 1 : 2);
  add_id (expected, relation->from_id);
  if (relation->to_id != relation->from_id)
    add_id (expected, relation->to_id);

  ent_view_state_set_scene (view, scene);
  ent_view_state_set_filter (view, ENT_VIEW_FILTER_SOURCES, filter);
  states = ent_export_scope_states (view, ENT_EXPORT_SCOPE_SHOWN, 0, &error);
  g_assert_no_error (error);
  filters = ent_view_state_describe_filters (view);
  path = export_svg ("filtered.svg", &(EntExportOptions) { .item_states = states, .filters = filters });
  got = svg_ids (path, "entity");
  assert_same_ids (got, expected);
  g_assert_true (g_file_get_contents (path, &svg, NULL, NULL));
  g_assert_nonnull (strstr (svg, "class=\"caption\""));
  g_assert_nonnull (strstr (svg, "Only what ‘A &lt;source&gt;’ supports"));
  g_clear_pointer (&svg, g_free);

  /* Without the filter, a chain of that one relation: everything drawn, all but the chain faded. */
  ent_view_state_set_filter (view, ENT_VIEW_FILTER_SOURCES, NULL);
  g_array_append_val (chain_entities, relation->from_id);
  g_array_append_val (chain_entities, relation->to_id);
  g_array_append_val (chain_relations, relation->id);
  ent_view_state_set_chain (view, chain_entities, chain_relations, "The chain from one to the other");
  chain_states = ent_export_scope_states (view, ENT_EXPORT_SCOPE_SHOWN, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < ent_scene_get_n_items (scene); i++)
    {
      g_assert_false (chain_states[i] & ENT_ITEM_STATE_HIDDEN);
      n_faded += (chain_states[i] & ENT_ITEM_STATE_FADED) != 0;
    }
  g_assert_cmpuint (n_faded, ==, ent_scene_get_n_items (scene) - g_hash_table_size (expected) - 1);
  chained = export_svg ("chain.svg", &(EntExportOptions) { .item_states = chain_states, .filters = "The chain" });
  g_assert_true (g_file_get_contents (chained, &svg, NULL, NULL));
  for (at = strstr (svg, "<g opacity=\"0.25\">"); at != NULL; at = strstr (at + 1, "<g opacity=\"0.25\">"))
    n_groups++;
  g_assert_cmpuint (n_groups, ==, n_faded);
}

/* What `entente --export` does with a scope: kinds and a focus as the window's filters would set them. */
static void
test_diagram_scope (void)
{
  g_autoptr(GError) error = NULL;
  const char *kinds[] = { "person", "country", NULL };
  EntDiagramScope scope = { .kinds = kinds };
  g_autofree guint8 *states = ent_diagram_scope_states (scene, graph, &scope, NULL, &error);
  const char *unknown[] = { "person", "minister", NULL };

  g_assert_no_error (error);
  for (guint i = 0; i < ent_scene_get_n_items (scene); i++)
    {
      const EntSceneItem *item = ent_scene_get_item (scene, i);

      if (item->type == ENT_SCENE_ITEM_NODE && item->id > 0)
        {
          const char *key = ent_entity_get_kind_key (ent_graph_get_entity (graph, item->id));

          g_assert_cmpint (!(states[i] & ENT_ITEM_STATE_HIDDEN), ==, g_strv_contains (kinds, key));
        }
    }

  g_clear_pointer (&states, g_free);
  scope = (EntDiagramScope) { .kinds = unknown };
  states = ent_diagram_scope_states (scene, graph, &scope, NULL, &error);
  g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
  g_assert_nonnull (strstr (error->message, "minister"));
  g_clear_error (&error);

  /* By name, ignoring case, as on the command line. */
  scope = (EntDiagramScope) { .scope = ENT_EXPORT_SCOPE_NEIGHBOURS, .entity = "sergei aleinik" };
  states = ent_diagram_scope_states (scene, graph, &scope, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (states);
  g_clear_pointer (&states, g_free);

  scope = (EntDiagramScope) { .focus = "nobody at all" };
  states = ent_diagram_scope_states (scene, graph, &scope, NULL, &error);
  g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
  g_assert_null (states);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  work_dir = g_dir_make_tmp ("entente-export-scope-XXXXXX", NULL);
  g_assert_nonnull (work_dir);
  set_up_scene ();

  g_test_add_func ("/ent/export-scope/kind-filter", test_kind_filter);
  g_test_add_func ("/ent/export-scope/neighbours", test_neighbours);
  g_test_add_func ("/ent/export-scope/area", test_area);
  g_test_add_func ("/ent/export-scope/background-legend-caption", test_background_legend_caption);
  g_test_add_func ("/ent/export-scope/diagram-scope", test_diagram_scope);
  g_test_add_func ("/ent/export-scope/filters-and-chain", test_filters_and_chain);
  status = g_test_run ();

  ent_scene_unref (scene);
  ent_graph_unref (graph);
  g_object_unref (store);
  {
    g_autoptr(GDir) dir = g_dir_open (work_dir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (work_dir, name, NULL);

        g_unlink (path);
      }
  }
  g_rmdir (work_dir);
  g_free (work_dir);
  return status;
}
