/* test-keynav.c: where the keyboard goes next in the diagram
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ent-keynav.h"
#include "ent-test-scenes.h"

static gint64
id_of (const EntSceneItem *item)
{
  return item != NULL ? item->id : 0;
}

static gint64
nearest (EntViewState *state,
         gint64        entity_id,
         double        ux,
         double        uy)
{
  return id_of (ent_keynav_nearest_in_direction (state, entity_id, ux, uy));
}

static void
test_first_node (void)
{
  g_autoptr(EntScene) star = ent_test_make_star ();
  g_autoptr(EntScene) grid = ent_test_make_grid ();
  g_autoptr(EntViewState) state = ent_view_state_new ();

  g_assert_null (ent_keynav_first_node (state));

  /* The topmost, then the leftmost. */
  ent_view_state_set_scene (state, star);
  g_assert_cmpint (id_of (ent_keynav_first_node (state)), ==, 2);
  ent_view_state_set_scene (state, grid);
  g_assert_cmpint (id_of (ent_keynav_first_node (state)), ==, 1);

  /* Among the shown nodes only. */
  ent_view_state_set_focus (state, 5, 0);
  g_assert_cmpint (id_of (ent_keynav_first_node (state)), ==, 5);
  ent_view_state_set_focus (state, 9, 1);
  g_assert_cmpint (id_of (ent_keynav_first_node (state)), ==, 6);
}

static void
test_clockwise (void)
{
  g_autoptr(EntScene) star = ent_test_make_star ();
  g_autoptr(EntScene) grid = ent_test_make_grid ();
  g_autoptr(EntViewState) state = ent_view_state_new ();
  static const gint64 clockwise[] = { 2, 6, 3, 4, 5 };
  static const gint64 round_centre[] = { 2, 6, 8, 4 };
  gint64 current = 1;

  ent_view_state_set_scene (state, star);

  /* From the anchor, the first after 12 o'clock; then on round, wrapping. */
  for (guint i = 0; i < 2 * G_N_ELEMENTS (clockwise); i++)
    {
      current = id_of (ent_keynav_next_around (state, 1, current, TRUE));
      g_assert_cmpint (current, ==, clockwise[i % G_N_ELEMENTS (clockwise)]);
    }

  /* Back, from the anchor the last. */
  current = 1;
  for (guint i = G_N_ELEMENTS (clockwise); i > 0; i--)
    {
      current = id_of (ent_keynav_next_around (state, 1, current, FALSE));
      g_assert_cmpint (current, ==, clockwise[i - 1]);
    }

  /* A leaf's only neighbour is the hub, whichever way. */
  g_assert_cmpint (id_of (ent_keynav_next_around (state, 3, 3, TRUE)), ==, 1);
  g_assert_cmpint (id_of (ent_keynav_next_around (state, 3, 1, FALSE)), ==, 1);
  g_assert_null (ent_keynav_next_around (state, 99, 99, TRUE));

  /* Round the centre of the grid: up, right, down, left. */
  ent_view_state_set_scene (state, grid);
  current = 5;
  for (guint i = 0; i < G_N_ELEMENTS (round_centre); i++)
    {
      current = id_of (ent_keynav_next_around (state, 5, current, TRUE));
      g_assert_cmpint (current, ==, round_centre[i]);
    }
}

static void
test_arrows (void)
{
  g_autoptr(EntScene) star = ent_test_make_star ();
  g_autoptr(EntScene) grid = ent_test_make_grid ();
  g_autoptr(EntScene) path = ent_test_make_path ();
  g_autoptr(EntViewState) state = ent_view_state_new ();

  /* The nearest within 60°: Northeast is 45° off both up and right, but farther. */
  ent_view_state_set_scene (state, star);
  g_assert_cmpint (nearest (state, 1, 0, -1), ==, 2);
  g_assert_cmpint (nearest (state, 1, 1, 0), ==, 3);
  g_assert_cmpint (nearest (state, 1, 0, 1), ==, 4);
  g_assert_cmpint (nearest (state, 1, -1, 0), ==, 5);
  g_assert_cmpint (nearest (state, 5, 1, 0), ==, 1);
  g_assert_cmpint (nearest (state, 5, 0, -1), ==, 0);

  /* With only the hub and Northeast shown, Northeast is both up and right of the hub. */
  ent_view_state_set_focus (state, 6, 1);
  g_assert_cmpint (nearest (state, 1, 1, 0), ==, 6);
  g_assert_cmpint (nearest (state, 1, 0, -1), ==, 6);
  g_assert_cmpint (nearest (state, 1, -1, 0), ==, 0);
  g_assert_cmpint (nearest (state, 1, 0, 1), ==, 0);

  ent_view_state_set_focus (state, 0, 1);
  ent_view_state_set_scene (state, grid);
  g_assert_cmpint (nearest (state, 5, 0, -1), ==, 2);
  g_assert_cmpint (nearest (state, 5, 1, 0), ==, 6);
  g_assert_cmpint (nearest (state, 5, 0, 1), ==, 8);
  g_assert_cmpint (nearest (state, 5, -1, 0), ==, 4);
  g_assert_cmpint (nearest (state, 1, 0, -1), ==, 0);
  g_assert_cmpint (nearest (state, 1, -1, 0), ==, 0);

  /* Hidden relations lead nowhere. */
  ent_view_state_set_scene (state, path);
  g_assert_cmpint (nearest (state, 3, 1, 0), ==, 4);
  ent_view_state_set_kind_visible (state, "country", FALSE);
  g_assert_cmpint (nearest (state, 3, 1, 0), ==, 0);
  g_assert_null (ent_keynav_next_around (state, 3, 3, TRUE));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ent/keynav/first-node", test_first_node);
  g_test_add_func ("/ent/keynav/clockwise", test_clockwise);
  g_test_add_func ("/ent/keynav/arrows", test_arrows);

  return g_test_run ();
}
