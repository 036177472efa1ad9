/* test-evidence-strength.c: relations drawn wider with more sources, dashed with none, as the legend says
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ent-scene.h"
#include "ent-svg-writer.h"
#include "ent-test-util.h"

#include <string.h>

static void
add_quote (EntGraph *graph,
           gint64    id,
           gint64    source_id)
{
  EntQuote *quote = g_new0 (EntQuote, 1);

  quote->id = id;
  quote->source_id = source_id;
  quote->start = 0;
  quote->end = 4;
  quote->text = g_strdup ("Text");
  ent_graph_take_quote (graph, quote);
}

static void
add_relation (EntGraph     *graph,
              gint64        id,
              const gint64 *quote_ids,
              guint         n_quotes)
{
  EntRelation *relation = g_new0 (EntRelation, 1);

  relation->id = id;
  relation->kind = g_strdup ("meets");
  relation->from_id = 1;
  relation->to_id = 2 + id % 2;
  relation->label = g_strdup ("meets");
  relation->directed = TRUE;
  relation->quote_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_vals (relation->quote_ids, quote_ids, n_quotes);
  ent_graph_take_relation (graph, relation);
}

/* Three entities; relation 1 has three quotes of one source, 2 two of two sources, 3 six of six, 4 none. */
static EntScene *
make_scene (void)
{
  g_autoptr(EntGraph) graph = ent_graph_new ();
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (EntPosition));
  static const gint64 one_source[] = { 1, 2, 3 }, two_sources[] = { 4, 5 }, six_sources[] = { 6, 7, 8, 9, 10, 11 };

  for (gint64 id = 1; id <= 3; id++)
    {
      EntEntity *entity = g_new0 (EntEntity, 1);

      entity->id = id;
      entity->kind = ENT_KIND_PERSON;
      entity->name = g_strdup_printf ("Person %" G_GINT64_FORMAT, id);
      entity->quote_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      ent_graph_take_entity (graph, entity);
      g_array_append_val (positions, ((EntPosition) { id, id * 120.0, 100.0, FALSE }));
    }
  for (gint64 source = 1; source <= 7; source++)
    {
      EntSource *s = g_new0 (EntSource, 1);

      s->id = source;
      s->title = g_strdup_printf ("Source %" G_GINT64_FORMAT, source);
      s->body = g_strdup ("Text of it");
      ent_graph_take_source (graph, s);
    }
  add_quote (graph, 1, 1);
  add_quote (graph, 2, 1);
  add_quote (graph, 3, 1);
  add_quote (graph, 4, 2);
  add_quote (graph, 5, 3);
  for (gint64 q = 6; q <= 11; q++)
    add_quote (graph, q, q - 4);

  add_relation (graph, 1, one_source, G_N_ELEMENTS (one_source));
  add_relation (graph, 2, two_sources, G_N_ELEMENTS (two_sources));
  add_relation (graph, 3, six_sources, G_N_ELEMENTS (six_sources));
  add_relation (graph, 4, NULL, 0);

  return ent_scene_new (graph, positions);
}

static void
test_width_by_sources (void)
{
  g_autoptr(EntScene) scene = make_scene ();

  /* Three quotes of one article are one source: as wide as a single quote. */
  g_assert_cmpfloat (find_edge (scene, 1)->line_width, ==, ent_scene_edge_width (1));
  g_assert_cmpfloat (find_edge (scene, 2)->line_width, ==, ent_scene_edge_width (2));
  g_assert_cmpfloat (find_edge (scene, 2)->line_width, >, find_edge (scene, 1)->line_width);
  /* No wider past the most sources shown. */
  g_assert_cmpfloat (find_edge (scene, 3)->line_width, ==, ent_scene_edge_width (ENT_SCENE_MAX_SOURCES_SHOWN));
  g_assert_false (find_edge (scene, 1)->dashed);
  g_assert_true (find_edge (scene, 4)->dashed);
}

static void
test_legend_explains (void)
{
  g_autoptr(EntScene) scene = make_scene ();
  const EntSceneLegendEntry *entries;
  guint n_entries;
  EntRect bounds, area;
  gboolean sources = FALSE, unsourced = FALSE;
  EntRenderOptions options = { .scale = 1.0, .legend = TRUE };
  g_autoptr(GString) svg = NULL;

  ent_scene_get_legend (scene, &entries, &n_entries, &bounds);
  for (guint i = 0; i < n_entries; i++)
    {
      sources |= entries[i].type == ENT_LEGEND_EDGE_SOURCES;
      unsourced |= entries[i].type == ENT_LEGEND_EDGE_UNSOURCED;
    }
  g_assert_true (sources);
  g_assert_true (unsourced);

  /* And so does the SVG's: a thin and a wide line, a dashed one, each with its words. */
  ent_scene_get_bounds (scene, TRUE, &area);
  svg = ent_svg_write_scene (scene, &area, &options);
  g_assert_nonnull (strstr (svg->str, "legend-entry edge-sources"));
  g_assert_nonnull (strstr (svg->str, "legend-entry edge-unsourced"));
  g_assert_nonnull (strstr (svg->str, ">More sources, wider<"));
  g_assert_nonnull (strstr (svg->str, ">No quote yet<"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ent/evidence-strength/width-by-sources", test_width_by_sources);
  g_test_add_func ("/ent/evidence-strength/legend-explains", test_legend_explains);

  return g_test_run ();
}
