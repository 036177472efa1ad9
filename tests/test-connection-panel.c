/* test-connection-panel.c: the chains of relations between two entities, hop by hop with their quotes
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "ent-connection-panel.h"
#include "ent-paths.h"
#include "ent-test-util.h"
#include "ent-test-widgets.h"

typedef struct
{
  GtkWidget          *window;
  EntConnectionPanel *panel;
  EntGraph           *graph;
  int                 chosen;
  gint64              activated;
} Fixture;

static void
chain_chosen_cb (EntConnectionPanel *panel,
                 guint               index,
                 Fixture            *fixture)
{
  fixture->chosen = index;
}

static void
relation_activated_cb (EntConnectionPanel *panel,
                       gint64              relation_id,
                       Fixture            *fixture)
{
  fixture->activated = relation_id;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->graph = load_bundled ();
  fixture->window = gtk_window_new ();
  fixture->panel = ENT_CONNECTION_PANEL (ent_connection_panel_new ());
  fixture->chosen = -1;
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 640);
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->panel));
  g_signal_connect (fixture->panel, "chain-chosen", G_CALLBACK (chain_chosen_cb), fixture);
  g_signal_connect (fixture->panel, "relation-activated", G_CALLBACK (relation_activated_cb), fixture);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  ent_graph_unref (fixture->graph);
}

static gint64
entity_named (EntGraph   *graph,
              const char *prefix)
{
  for (guint i = 0; i < graph->entities->len; i++)
    {
      EntEntity *entity = g_ptr_array_index (graph->entities, i);

      if (g_str_has_prefix (entity->name, prefix))
        return entity->id;
    }

  g_assert_not_reached ();
}

/* The texts of the labels under @widget, depth first. */
static void
collect_labels (GtkWidget *widget,
                GPtrArray *texts)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    g_ptr_array_add (texts, g_strdup (gtk_label_get_text (GTK_LABEL (widget))));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_labels (child, texts);
}

static GtkListBox *
find_list (GtkWidget *widget)
{
  if (GTK_IS_LIST_BOX (widget))
    return GTK_LIST_BOX (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkListBox *list = find_list (child);

      if (list != NULL)
        return list;
    }
  return NULL;
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  return n;
}

/* Each hop a row with its heading and quote; another chain chosen lists its own hops. */
static void
test_chains (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(EntPathIndex) index = ent_path_index_new (fixture->graph);
  gint64 from = entity_named (fixture->graph, "Sergei Aleinik");
  gint64 to = entity_named (fixture->graph, "UN Security Council");
  g_autoptr(GPtrArray) paths = ent_path_index_find (index, from, to, 3, NULL, NULL);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  GtkListBox *list = find_list (GTK_WIDGET (fixture->panel));
  const EntPath *first, *second;
  guint n_quotes = 0;

  g_assert_cmpuint (paths->len, ==, 3);
  first = g_ptr_array_index (paths, 0);
  second = g_ptr_array_index (paths, 1);
  ent_connection_panel_show (fixture->panel, fixture->graph, from, to, paths, FALSE);
  g_assert_cmpint (ent_connection_panel_get_chosen (fixture->panel), ==, 0);
  g_assert_cmpuint (count_rows (list), ==, first->relation_ids->len);

  collect_labels (GTK_WIDGET (fixture->panel), texts);
  g_assert_cmpstr (g_ptr_array_index (texts, 0), ==, "How Sergei Aleinik and UN Security Council (UNSC) are connected");
  for (guint i = 0; i < texts->len; i++)
    {
      const char *text = g_ptr_array_index (texts, i);

      if (g_str_has_prefix (text, "“"))
        n_quotes++;
      g_assert_null (strstr (text, "No quote supports"));
    }
  g_assert_cmpuint (n_quotes, ==, first->relation_ids->len);

  /* The second chain: its hops, and the signal. */
  ent_connection_panel_choose (fixture->panel, 1);
  g_assert_cmpint (fixture->chosen, ==, 1);
  g_assert_cmpuint (count_rows (list), ==, second->relation_ids->len);
  ent_connection_panel_choose (fixture->panel, 7);
  g_assert_cmpint (ent_connection_panel_get_chosen (fixture->panel), ==, 1);

  /* Activating a hop asks to see its relation. */
  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (list, 0));
  g_assert_cmpint (fixture->activated, ==, g_array_index (second->relation_ids, gint64, 0));
}

/* No chain: the panel says so, and why when filters hide part of the network. */
static void
test_not_connected (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  gint64 from = entity_named (fixture->graph, "Sergei Aleinik");
  gint64 to = entity_named (fixture->graph, "UN Security Council");
  gboolean said = FALSE;

  ent_connection_panel_show (fixture->panel, fixture->graph, from, to, none, TRUE);
  g_assert_cmpint (ent_connection_panel_get_chosen (fixture->panel), ==, -1);
  collect_labels (GTK_WIDGET (fixture->panel), texts);
  for (guint i = 0; i < texts->len; i++)
    said = said || strstr (g_ptr_array_index (texts, i), "among what the filters show") != NULL;
  g_assert_true (said);

  ent_connection_panel_clear (fixture->panel);
  g_assert_cmpint (ent_connection_panel_get_chosen (fixture->panel), ==, -1);
}

int
main (int   argc,
      char *argv[])
{
  widget_test_init (&argc, &argv);

  g_test_add ("/ent/connection-panel/chains", Fixture, NULL, fixture_set_up, test_chains, fixture_tear_down);
  g_test_add ("/ent/connection-panel/not-connected", Fixture, NULL, fixture_set_up, test_not_connected,
              fixture_tear_down);

  return g_test_run ();
}
