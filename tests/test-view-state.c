/* test-view-state.c: what the diagram shows and how, short of drawing it
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ent-renderer.h"
#include "ent-test-scenes.h"
#include "ent-view-state.h"

static EntViewState *
state_for (EntScene *scene)
{
  EntViewState *state = ent_view_state_new ();

  ent_view_state_set_scene (state, scene);
  return state;
}

/* The entities 1 to @n_ids as letters, a dash for each one not in @ids: "-bcd-". */
static char *
spell_ids (GHashTable *ids,
           guint       n_ids)
{
  GString *spelt = g_string_new (NULL);

  for (gint64 id = 1; id <= n_ids; id++)
    g_string_append_c (spelt, g_hash_table_contains (ids, &id) ? 'a' + id - 1 : '-');

  return g_string_free (spelt, FALSE);
}

static void
assert_reach (EntViewState *state,
              gint64        entity_id,
              guint         depth,
              guint         n_ids,
              const char   *expected)
{
  g_autoptr(GHashTable) reached = ent_view_state_reach (state, entity_id, depth);
  g_autofree char *spelt = spell_ids (reached, n_ids);

  g_assert_cmpstr (spelt, ==, expected);
}

/* Which of the entities 1 to @n_ids are shown, spelt as by spell_ids(). */
static void
assert_shown (EntViewState *state,
              guint         n_ids,
              const char   *expected)
{
  g_autoptr(GHashTable) shown = g_hash_table_new (g_int64_hash, g_int64_equal);
  gint64 ids[16];
  g_autofree char *spelt = NULL;

  for (guint i = 0; i < n_ids; i++)
    {
      ids[i] = i + 1;
      if (ent_view_state_entity_shown (state, ids[i]))
        g_hash_table_add (shown, &ids[i]);
    }

  spelt = spell_ids (shown, n_ids);
  g_assert_cmpstr (spelt, ==, expected);
}

static void
test_reach (void)
{
  g_autoptr(EntScene) path = ent_test_make_path ();
  g_autoptr(EntScene) star = ent_test_make_star ();
  g_autoptr(EntViewState) state = state_for (path);

  /* Along a chain, one more link each way at each depth. */
  assert_reach (state, 3, 0, 5, "--c--");
  assert_reach (state, 3, 1, 5, "-bcd-");
  assert_reach (state, 3, 2, 5, "abcde");
  assert_reach (state, 1, 1, 5, "ab---");
  assert_reach (state, 1, 2, 5, "abc--");
  assert_reach (state, 99, 2, 5, "-----");

  /* Not through a hidden kind: b and d are countries. */
  ent_view_state_set_kind_visible (state, "country", FALSE);
  assert_reach (state, 3, 4, 5, "--c--");
  ent_view_state_set_kind_visible (state, "country", TRUE);

  /* From a leaf of the star, the hub, then the other leaves. */
  ent_view_state_set_scene (state, star);
  assert_reach (state, 2, 0, 6, "-b----");
  assert_reach (state, 2, 1, 6, "ab----");
  assert_reach (state, 2, 2, 6, "abcdef");
  assert_reach (state, 1, 1, 6, "abcdef");
}

static void
test_visibility (void)
{
  g_autoptr(EntScene) path = ent_test_make_path ();
  g_autoptr(EntScene) star = ent_test_make_star ();
  g_autoptr(EntViewState) state = ent_view_state_new ();
  guint n_entities, n_relations;

  /* Nothing to show without a scene. */
  ent_view_state_count_shown (state, &n_entities, &n_relations);
  g_assert_cmpuint (n_entities, ==, 0);
  g_assert_cmpuint (n_relations, ==, 0);
  g_assert_null (ent_view_state_get_states (state));
  g_assert_cmpint (ent_view_state_hit_test (state, 100, 300, ENT_SCENE_HIT_REACH), ==, -1);

  ent_view_state_set_scene (state, path);
  assert_shown (state, 5, "abcde");
  g_assert_cmpuint (ent_view_state_get_n_edges (state), ==, 4);
  ent_view_state_count_shown (state, &n_entities, &n_relations);
  g_assert_cmpuint (n_entities, ==, 5);
  g_assert_cmpuint (n_relations, ==, 4);

  /* The focus shows its reach and the relations among it. */
  g_assert_true (ent_view_state_set_focus (state, 3, 1));
  g_assert_false (ent_view_state_set_focus (state, 3, 1));
  g_assert_cmpint (ent_view_state_get_focus (state), ==, 3);
  assert_shown (state, 5, "-bcd-");
  g_assert_false (ent_view_state_relation_shown (state, 11));
  g_assert_true (ent_view_state_relation_shown (state, 12));
  g_assert_true (ent_view_state_relation_shown (state, 13));
  g_assert_false (ent_view_state_relation_shown (state, 14));
  g_assert_false (ent_view_state_relation_shown (state, 99));
  g_assert_true (ent_view_state_set_focus (state, 3, 2));
  assert_shown (state, 5, "abcde");

  /* A hidden kind takes its nodes and every edge touching them. */
  g_assert_true (ent_view_state_set_focus (state, 0, 1));
  g_assert_true (ent_view_state_set_kind_visible (state, "country", FALSE));
  g_assert_false (ent_view_state_set_kind_visible (state, "country", FALSE));
  g_assert_false (ent_view_state_get_kind_visible (state, "country"));
  g_assert_true (ent_view_state_get_kind_visible (state, "person"));
  assert_shown (state, 5, "a-c-e");
  g_assert_true (ent_view_state_is_hidden (state, ent_view_state_node_index (state, 2)));
  g_assert_true (ent_view_state_is_hidden (state, ent_view_state_edge_index (state, 12)));
  ent_view_state_count_shown (state, &n_entities, &n_relations);
  g_assert_cmpuint (n_entities, ==, 3);
  g_assert_cmpuint (n_relations, ==, 0);
  /* Counting a node's relations counts the hidden ones too. */
  g_assert_cmpuint (ent_view_state_count_relations (state, 3), ==, 2);
  ent_view_state_set_kind_visible (state, "country", TRUE);

  /* An entity without a node cannot be focused on, and a scene without the focus drops it. */
  g_assert_false (ent_view_state_set_focus (state, 99, 1));
  g_assert_cmpint (ent_view_state_get_focus (state), ==, 0);
  ent_view_state_set_scene (state, star);
  ent_view_state_set_focus (state, 6, 1);
  assert_shown (state, 6, "a----f");
  ent_view_state_set_scene (state, path);
  g_assert_cmpint (ent_view_state_get_focus (state), ==, 0);
  assert_shown (state, 5, "abcde");
}

/* The state of the node of @entity_id, or with @entity_id 0, of the edge of @relation_id. */
static guint8
state_of (EntViewState *state,
          gint64        entity_id,
          gint64        relation_id)
{
  int index = entity_id != 0 ? ent_view_state_node_index (state, entity_id)
                             : ent_view_state_edge_index (state, relation_id);

  g_assert_cmpint (index, >=, 0);
  return ent_view_state_get_states (state)[index];
}

/* The states of the star's nodes 1 to 6 and edges 101 to 105, as hexadecimal digits. */
static void
assert_star_states (EntViewState *state,
                    const char   *nodes,
                    const char   *edges)
{
  char spelt_nodes[7] = { 0 };
  char spelt_edges[6] = { 0 };

  for (gint64 id = 1; id <= 6; id++)
    spelt_nodes[id - 1] = "0123456789abcdef"[state_of (state, id, 0)];
  for (gint64 id = 101; id <= 105; id++)
    spelt_edges[id - 101] = "0123456789abcdef"[state_of (state, 0, id)];

  g_assert_cmpstr (spelt_nodes, ==, nodes);
  g_assert_cmpstr (spelt_edges, ==, edges);
}

/* Filters hide what any of them leaves out, and an edge whose end they hide. */
static void
test_filters (void)
{
  g_autoptr(EntScene) path = ent_test_make_path ();
  g_autoptr(EntViewState) state = state_for (path);
  g_autoptr(EntItemFilter) sources = ent_item_filter_new ("Only what ‘A’ supports");
  g_autoptr(EntItemFilter) time = ent_item_filter_new ("Only what happened in 1991");
  g_autofree char *both = NULL;
  guint n_entities, n_relations;

  g_assert_null (ent_view_state_describe_filters (state));

  /* b, c, d and the relation between c and d; the one between b and c is left out. */
  ent_item_filter_add_entity (sources, 2);
  ent_item_filter_add_entity (sources, 3);
  ent_item_filter_add_entity (sources, 4);
  ent_item_filter_add_relation (sources, 13);
  g_assert_true (ent_view_state_set_filter (state, ENT_VIEW_FILTER_SOURCES, sources));
  g_assert_false (ent_view_state_set_filter (state, ENT_VIEW_FILTER_SOURCES, sources));
  g_assert_true (ent_view_state_get_filter (state, ENT_VIEW_FILTER_SOURCES) == sources);
  assert_shown (state, 5, "-bcd-");
  g_assert_false (ent_view_state_relation_shown (state, 12));
  g_assert_true (ent_view_state_relation_shown (state, 13));
  ent_view_state_count_shown (state, &n_entities, &n_relations);
  g_assert_cmpuint (n_entities, ==, 3);
  g_assert_cmpuint (n_relations, ==, 1);

  /* A second filter narrows the first; its relation to a hidden end goes with it. */
  ent_item_filter_add_entity (time, 3);
  ent_item_filter_add_entity (time, 5);
  ent_item_filter_add_relation (time, 13);
  ent_view_state_set_filter (state, ENT_VIEW_FILTER_TIME, time);
  assert_shown (state, 5, "--c--");
  g_assert_false (ent_view_state_relation_shown (state, 13));
  both = ent_view_state_describe_filters (state);
  g_assert_cmpstr (both, ==, "Only what ‘A’ supports; Only what happened in 1991");

  /* Filters outlive a scene. */
  ent_view_state_set_scene (state, path);
  assert_shown (state, 5, "--c--");

  ent_view_state_set_filter (state, ENT_VIEW_FILTER_SOURCES, NULL);
  assert_shown (state, 5, "--c-e");
  g_assert_cmpuint (ent_item_filter_get_n_entities (time), ==, 2);
  g_assert_cmpuint (ent_item_filter_get_n_relations (time), ==, 1);
  g_assert_false (ent_item_filter_has_relation (time, 12));
  ent_view_state_set_filter (state, ENT_VIEW_FILTER_TIME, NULL);
  assert_shown (state, 5, "abcde");
}

/* A chain stands out and the rest fades, a selection on it included. */
static void
test_chain (void)
{
  g_autoptr(EntScene) path = ent_test_make_path ();
  g_autoptr(EntViewState) state = state_for (path);
  g_autoptr(GArray) entities = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) relations = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 entity_ids[] = { 2, 3, 4 }, relation_ids[] = { 12, 13 };
  const guint8 *states;

  g_array_append_vals (entities, entity_ids, G_N_ELEMENTS (entity_ids));
  g_array_append_vals (relations, relation_ids, G_N_ELEMENTS (relation_ids));
  g_assert_false (ent_view_state_set_chain (state, NULL, NULL, NULL));
  g_assert_true (ent_view_state_set_chain (state, entities, relations, "The chain from b to d"));
  g_assert_true (ent_view_state_in_chain (state, ent_view_state_node_index (state, 2)));
  g_assert_false (ent_view_state_in_chain (state, ent_view_state_edge_index (state, 14)));
  g_assert_true (ent_view_state_has_chain (state));
  ent_view_state_update_states (state, ent_view_state_node_index (state, 3), -1);
  states = ent_view_state_get_states (state);
  g_assert_cmpuint (states[ent_view_state_node_index (state, 1)], ==, ENT_ITEM_STATE_FADED);
  g_assert_cmpuint (states[ent_view_state_node_index (state, 2)], ==, ENT_ITEM_STATE_HIGHLIGHTED);
  g_assert_cmpuint (states[ent_view_state_node_index (state, 3)], ==, ENT_ITEM_STATE_SELECTED);
  g_assert_cmpuint (states[ent_view_state_node_index (state, 5)], ==, ENT_ITEM_STATE_FADED);
  g_assert_cmpuint (states[ent_view_state_edge_index (state, 11)], ==, ENT_ITEM_STATE_FADED);
  g_assert_cmpuint (states[ent_view_state_edge_index (state, 12)], ==, ENT_ITEM_STATE_HIGHLIGHTED);
  g_assert_cmpuint (states[ent_view_state_edge_index (state, 14)], ==, ENT_ITEM_STATE_FADED);

  {
    g_autofree char *caption = ent_view_state_describe_filters (state);

    g_assert_cmpstr (caption, ==, "The chain from b to d");
  }
  g_assert_true (ent_view_state_set_chain (state, NULL, NULL, NULL));
  g_assert_true (ent_view_state_in_chain (state, ent_view_state_edge_index (state, 14)));
  ent_view_state_update_states (state, -1, -1);
  states = ent_view_state_get_states (state);
  g_assert_cmpuint (states[ent_view_state_node_index (state, 1)], ==, ENT_ITEM_STATE_NORMAL);
}

static void
test_states (void)
{
  g_autoptr(EntScene) star = ent_test_make_star ();
  g_autoptr(EntScene) path = ent_test_make_path ();
  g_autoptr(EntViewState) state = state_for (star);
  int hub = ent_view_state_node_index (state, 1);
  int north = ent_view_state_node_index (state, 2);
  int east = ent_view_state_node_index (state, 3);
  int west_edge = ent_view_state_edge_index (state, 104);

  G_STATIC_ASSERT (ENT_ITEM_STATE_HIDDEN == 1 && ENT_ITEM_STATE_FADED == 2 &&
                   ENT_ITEM_STATE_HIGHLIGHTED == 4 && ENT_ITEM_STATE_SELECTED == 8);

  /* Nothing selected or hovered: all drawn normally. */
  assert_star_states (state, "000000", "00000");

  /* The hub touches everything, so nothing fades. */
  ent_view_state_update_states (state, hub, -1);
  assert_star_states (state, "800000", "00000");

  /* A leaf keeps its edge and the hub; the rest fades. */
  ent_view_state_update_states (state, north, -1);
  assert_star_states (state, "082222", "02222");

  /* A relation keeps its two ends. */
  ent_view_state_update_states (state, west_edge, -1);
  assert_star_states (state, "022202", "22282");

  /* Hovering a faded node brings it and its edges back, highlighted; the hub they lead to stays as it was. */
  ent_view_state_update_states (state, north, east);
  assert_star_states (state, "084222", "04222");
  ent_view_state_update_states (state, -1, hub);
  assert_star_states (state, "400000", "44444");
  ent_view_state_update_states (state, hub, hub);
  assert_star_states (state, "c00000", "44444");

  /* Hidden items stay hidden whatever is selected or hovered. */
  ent_view_state_set_scene (state, path);
  ent_view_state_set_kind_visible (state, "country", FALSE);
  g_assert_cmpint (state_of (state, 2, 0), ==, ENT_ITEM_STATE_HIDDEN);
  ent_view_state_update_states (state, ent_view_state_node_index (state, 3), ent_view_state_node_index (state, 3));
  g_assert_cmpint (state_of (state, 1, 0), ==, ENT_ITEM_STATE_FADED);
  g_assert_cmpint (state_of (state, 2, 0), ==, ENT_ITEM_STATE_HIDDEN);
  g_assert_cmpint (state_of (state, 3, 0), ==, ENT_ITEM_STATE_SELECTED | ENT_ITEM_STATE_HIGHLIGHTED);
  g_assert_cmpint (state_of (state, 0, 12), ==, ENT_ITEM_STATE_HIDDEN);
  g_assert_cmpint (state_of (state, 0, 13), ==, ENT_ITEM_STATE_HIDDEN);
}

static void
test_hit_test (void)
{
  /* A country sits on the relation between two people it is not part of. */
  static const NodeSpec nodes[] = {
    { 1, ENT_KIND_PERSON, "Left", 100, 300 },
    { 2, ENT_KIND_COUNTRY, "Middle", 250, 300 },
    { 3, ENT_KIND_PERSON, "Right", 400, 300 },
  };
  static const EdgeSpec edges[] = { { 21, 1, 3 } };
  g_autoptr(EntScene) scene = ent_test_make_scene (nodes, G_N_ELEMENTS (nodes), edges, G_N_ELEMENTS (edges));
  g_autoptr(EntViewState) state = state_for (scene);
  const EntSceneItem *left = ent_scene_find_node (scene, 1);
  const EntSceneItem *middle = ent_scene_find_node (scene, 2);
  const EntSceneItem *edge = ent_scene_get_item (scene, ent_view_state_edge_index (state, 21));
  double edge_x = (left->cx + middle->cx) / 2;

  /* The scene's edge hit test reaches a little beyond the stroke. */
  g_assert_true (ent_scene_edge_hit (edge, edge_x, left->cy));
  g_assert_true (ent_scene_edge_hit (edge, edge_x, left->cy + edge->line_width / 2 + 2.5));
  g_assert_false (ent_scene_edge_hit (edge, edge_x, left->cy + edge->line_width / 2 + 3.5));
  g_assert_true (ent_scene_edge_hit (edge, middle->cx, middle->cy));

  g_assert_cmpint (ent_view_state_hit_test (state, left->cx, left->cy, ENT_SCENE_HIT_REACH), ==, ent_view_state_node_index (state, 1));
  g_assert_cmpint (ent_view_state_hit_test (state, edge_x, left->cy, ENT_SCENE_HIT_REACH), ==, ent_view_state_edge_index (state, 21));
  g_assert_cmpint (ent_view_state_hit_test (state, middle->cx, middle->cy, ENT_SCENE_HIT_REACH), ==, ent_view_state_node_index (state, 2));
  g_assert_cmpint (ent_view_state_hit_test (state, edge_x, left->cy + 40, ENT_SCENE_HIT_REACH), ==, -1);

  /* Hidden, the country is not hit, and the relation beneath it is. */
  ent_view_state_set_kind_visible (state, "country", FALSE);
  g_assert_cmpint (ent_view_state_hit_test (state, middle->cx, middle->cy, ENT_SCENE_HIT_REACH), ==, ent_view_state_edge_index (state, 21));

  /* Nor is a hidden relation, nor what lies under nothing shown. */
  ent_view_state_set_kind_visible (state, "country", TRUE);
  ent_view_state_set_focus (state, 2, 0);
  g_assert_cmpint (ent_view_state_hit_test (state, edge_x, left->cy, ENT_SCENE_HIT_REACH), ==, -1);
  g_assert_cmpint (ent_view_state_hit_test (state, left->cx, left->cy, ENT_SCENE_HIT_REACH), ==, -1);
  g_assert_cmpint (ent_view_state_hit_test (state, middle->cx, middle->cy, ENT_SCENE_HIT_REACH), ==, ent_view_state_node_index (state, 2));
}

static void
test_glide (void)
{
  g_autoptr(EntScene) before = ent_test_make_path ();
  g_autoptr(EntScene) after = ent_test_make_path ();
  g_autoptr(GArray) none = NULL;
  g_autoptr(GArray) glides = NULL;
  const EntSceneItem *c = ent_scene_find_node (after, 3);
  const EntSceneItem *d = ent_scene_find_node (after, 4);
  const EntNodeGlide *glide;
  double from_y, to_y;

  /* As if laid out anew: c goes down, d hardly moves. */
  ent_scene_move_node (after, 3, c->x, c->y + 200);
  ent_scene_move_node (after, 4, d->x + 0.3, d->y + 0.2);
  none = ent_view_state_find_glides (NULL, after);
  glides = ent_view_state_find_glides (before, after);

  /* Quick at first, slowing down to arrive at the end. */
  g_assert_cmpfloat (ent_view_state_glide_ease (-1.0), ==, 0.0);
  g_assert_cmpfloat (ent_view_state_glide_ease (0.0), ==, 0.0);
  g_assert_cmpfloat_with_epsilon (ent_view_state_glide_ease (0.5), 0.875, 1e-12);
  g_assert_cmpfloat (ent_view_state_glide_ease (1.0), ==, 1.0);
  g_assert_cmpfloat (ent_view_state_glide_ease (2.0), ==, 1.0);

  /* Only c moved by more than half a point. */
  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (glides->len, ==, 1);
  glide = &g_array_index (glides, EntNodeGlide, 0);
  g_assert_cmpint (glide->entity_id, ==, 3);
  g_assert_cmpfloat (glide->from_x, ==, ent_scene_find_node (before, 3)->x);
  g_assert_cmpfloat (glide->from_y, ==, ent_scene_find_node (before, 3)->y);
  g_assert_cmpfloat (glide->to_x, ==, c->x);
  g_assert_cmpfloat (glide->to_y, ==, c->y);
  from_y = glide->from_y;
  to_y = glide->to_y;

  ent_view_state_apply_glides (after, glides, 0.0);
  g_assert_cmpfloat (c->y, ==, from_y);
  ent_view_state_apply_glides (after, glides, 0.5);
  g_assert_cmpfloat_with_epsilon (c->y, from_y + 0.875 * (to_y - from_y), 1e-9);
  ent_view_state_apply_glides (after, glides, 1.0);
  g_assert_cmpfloat (c->y, ==, to_y);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ent/view-state/reach", test_reach);
  g_test_add_func ("/ent/view-state/visibility", test_visibility);
  g_test_add_func ("/ent/view-state/filters", test_filters);
  g_test_add_func ("/ent/view-state/chain", test_chain);
  g_test_add_func ("/ent/view-state/states", test_states);
  g_test_add_func ("/ent/view-state/hit-test", test_hit_test);
  g_test_add_func ("/ent/view-state/glide", test_glide);

  return g_test_run ();
}
