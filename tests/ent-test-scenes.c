/* ent-test-scenes.c: small hand-made scenes for the tests
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ent-test-scenes.h"

/* A scene of the nodes at their positions and of directed relations between them. */
EntScene *
ent_test_make_scene (const NodeSpec *nodes,
                     guint           n_nodes,
                     const EdgeSpec *edges,
                     guint           n_edges)
{
  return ent_test_make_routed_scene (nodes, n_nodes, edges, n_edges, NULL);
}

/* The same, with the relations that @routes (of EntRoute, or NULL) names drawn along their routes. */
EntScene *
ent_test_make_routed_scene (const NodeSpec *nodes,
                            guint           n_nodes,
                            const EdgeSpec *edges,
                            guint           n_edges,
                            GArray         *routes)
{
  g_autoptr(EntGraph) graph = ent_graph_new ();
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (EntPosition));

  for (guint i = 0; i < n_nodes; i++)
    {
      EntEntity *entity = g_new0 (EntEntity, 1);
      EntPosition position = { nodes[i].id, nodes[i].x, nodes[i].y, FALSE };

      entity->id = nodes[i].id;
      entity->kind = nodes[i].kind;
      entity->name = g_strdup (nodes[i].name);
      ent_graph_take_entity (graph, entity);
      g_array_append_val (positions, position);
    }

  for (guint i = 0; i < n_edges; i++)
    {
      EntRelation *relation = g_new0 (EntRelation, 1);

      relation->id = edges[i].id;
      relation->kind = g_strdup ("knows");
      relation->from_id = edges[i].from;
      relation->to_id = edges[i].to;
      relation->directed = TRUE;
      ent_graph_take_relation (graph, relation);
    }

  return ent_scene_new_routed (graph, positions, routes);
}

/* A hub (1) with leaves at 12 o'clock (2), 3 (3), 6 (4) and 9 (5), and a farther one half past 1 (6). */
EntScene *
ent_test_make_star (void)
{
  static const NodeSpec nodes[] = {
    { 1, ENT_KIND_PERSON, "Hub", 400, 300 },
    { 2, ENT_KIND_PERSON, "North", 400, 150 },
    { 3, ENT_KIND_PERSON, "East", 550, 300 },
    { 4, ENT_KIND_PERSON, "South", 400, 450 },
    { 5, ENT_KIND_PERSON, "West", 250, 300 },
    { 6, ENT_KIND_PERSON, "Northeast", 400 + 200 * G_SQRT2 / 2, 300 - 200 * G_SQRT2 / 2 },
  };
  static const EdgeSpec edges[] = {
    { 101, 1, 2 }, { 102, 3, 1 }, { 103, 1, 4 }, { 104, 5, 1 }, { 105, 1, 6 },
  };

  return ent_test_make_scene (nodes, G_N_ELEMENTS (nodes), edges, G_N_ELEMENTS (edges));
}

/* Three by three, ids 1 to 9 row by row, 150 points apart, joined to the right and downwards. */
EntScene *
ent_test_make_grid (void)
{
  NodeSpec nodes[9];
  EdgeSpec edges[12];
  guint n_edges = 0;

  for (int i = 0; i < 9; i++)
    {
      nodes[i] = (NodeSpec) { i + 1, ENT_KIND_PERSON, "Node", 100 + 150 * (i % 3), 100 + 150 * (i / 3) };
      if (i % 3 < 2)
        edges[n_edges++] = (EdgeSpec) { 200 + n_edges, i + 1, i + 2 };
      if (i / 3 < 2)
        edges[n_edges++] = (EdgeSpec) { 200 + n_edges, i + 1, i + 4 };
    }

  return ent_test_make_scene (nodes, 9, edges, n_edges);
}

/* a – b – c – d – e, a person, a country, a person, a country and a person. */
EntScene *
ent_test_make_path (void)
{
  static const NodeSpec nodes[] = {
    { 1, ENT_KIND_PERSON, "a", 100, 300 },
    { 2, ENT_KIND_COUNTRY, "b", 250, 300 },
    { 3, ENT_KIND_PERSON, "c", 400, 300 },
    { 4, ENT_KIND_COUNTRY, "d", 550, 300 },
    { 5, ENT_KIND_PERSON, "e", 700, 300 },
  };
  static const EdgeSpec edges[] = { { 11, 1, 2 }, { 12, 2, 3 }, { 13, 3, 4 }, { 14, 4, 5 } };

  return ent_test_make_scene (nodes, G_N_ELEMENTS (nodes), edges, G_N_ELEMENTS (edges));
}
