/* test-evidence-properties.c: the evidence panel shows properties and the kinds a file added
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "ent-evidence-panel.h"
#include "ent-kind-swatch.h"
#include "ent-store.h"
#include "ent-test-util.h"
#include "ent-test-widgets.h"

/* A network of a kind the file added: an airport, in a place, and the relation between them. */
static EntGraph *
create_custom_kind_graph (void)
{
  EntGraph *graph = ent_graph_new ();
  EntRelation *relation = g_new0 (EntRelation, 1);

  add_airport_kind (graph);
  add_kind_entity (graph, 1, ENT_KIND_ORGANISATION, "airport", "Minsk National Airport");
  add_kind_entity (graph, 2, ENT_KIND_PLACE, NULL, "Minsk");

  relation->id = 1;
  relation->kind = g_strdup ("located-in");
  relation->from_id = 1;
  relation->to_id = 2;
  relation->directed = TRUE;
  relation->quote_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  ent_graph_take_relation (graph, relation);

  return graph;
}

/* The swatch in @widget draws as @expected does. */
static void
assert_swatch_look (GtkWidget         *widget,
                    const EntKindLook *expected)
{
  EntKindSwatch *swatch = ENT_IS_KIND_SWATCH (widget) ? ENT_KIND_SWATCH (widget)
                                                      : first_descendant (widget, ENT_TYPE_KIND_SWATCH);
  const EntKindLook *look = ent_kind_swatch_get_look (swatch);

  g_assert_cmpint (look->shape, ==, expected->shape);
  g_assert_cmpint (look->glyph, ==, expected->glyph);
  g_assert_cmpfloat (look->light.red, ==, expected->light.red);
  g_assert_cmpfloat (look->light.green, ==, expected->light.green);
  g_assert_cmpfloat (look->light.blue, ==, expected->light.blue);
}

/* An entity of a kind the file added is named by that kind's label and shown in its shape and colour, wherever the panel lists it. */
static void
test_panel_custom_kind (void)
{
  g_autoptr(EntGraph) graph = create_custom_kind_graph ();
  GtkWidget *window;
  GtkWidget *panel = create_panel (&window);
  GType type = ENT_TYPE_EVIDENCE_PANEL;
  g_autoptr(GPtrArray) rows = NULL;
  EntKindLook airport, place;

  ent_style_look_from_info (ent_graph_get_kind (graph, "airport"), &airport);
  ent_style_builtin_look (ENT_KIND_PLACE, &place);
  g_assert_cmpint (airport.shape, !=, ENT_SHAPE_RECTANGLE);

  ent_evidence_panel_set_graph (ENT_EVIDENCE_PANEL (panel), graph);
  assert_shows (panel, 1, 0, "Minsk National Airport", "Airport");
  assert_swatch_look (template_child (panel, type, "kind_dot"), &airport);

  assert_shows (panel, 2, 0, "Minsk", "Place");
  assert_swatch_look (template_child (panel, type, "kind_dot"), &place);
  rows = list_rows (template_child (panel, type, "links_list"));
  g_assert_cmpuint (rows->len, ==, 1);
  assert_swatch_look (g_ptr_array_index (rows, 0), &airport);
  g_clear_pointer (&rows, g_ptr_array_unref);

  assert_shows (panel, 0, 1, "Minsk National Airport → Minsk", "Relation · located in");
  rows = list_rows (template_child (panel, type, "links_list"));
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (adw_action_row_get_subtitle (g_ptr_array_index (rows, 0)), ==, "Airport");
  assert_swatch_look (g_ptr_array_index (rows, 0), &airport);
  g_assert_cmpstr (adw_action_row_get_subtitle (g_ptr_array_index (rows, 1)), ==, "Place");
  assert_swatch_look (g_ptr_array_index (rows, 1), &place);

  gtk_window_destroy (GTK_WINDOW (window));
}

/*
 * The bundled network in a file of its own, with properties given through
 * the store as an import gives them: Belarus gets @n_extra numbered ones
 * besides its own, and the first relation one.
 */
static EntGraph *
load_with_properties (guint n_extra)
{
  g_autofree char *dir = g_dir_make_tmp ("entente-evidence-XXXXXX", NULL);
  g_autofree char *path = copy_bundled (dir, "network.entente");
  g_autoptr(GError) error = NULL;
  g_autoptr(EntStore) store = ent_store_open (path, ENT_STORE_OPEN_DEFAULT, &error);
  g_autoptr(EntGraph) bundled = NULL;
  const EntProperty properties[] = {
    { (char *) "independence", ENT_PROPERTY_DATE, (char *) "1991-08-25" },
    { (char *) "landlocked", ENT_PROPERTY_BOOLEAN, (char *) "true" },
    { (char *) "coastline", ENT_PROPERTY_BOOLEAN, (char *) "false" },
    { (char *) "population", ENT_PROPERTY_NUMBER, (char *) "9.2e6" },
    { (char *) "website", ENT_PROPERTY_STRING, (char *) "https://www.belarus.by/en/?a=1&b=2" },
    { (char *) "motto", ENT_PROPERTY_STRING, (char *) "http is not a link without its colon and slashes" },
  };
  EntProperty since = { (char *) "since", ENT_PROPERTY_DATE, (char *) "1992" };
  gint64 belarus;

  g_assert_no_error (error);
  bundled = ent_store_load_graph (store, &error);
  g_assert_no_error (error);
  belarus = find_entity (bundled, "Belarus")->id;
  for (guint i = 0; i < G_N_ELEMENTS (properties); i++)
    g_assert_true (ent_store_set_property (store, belarus, 0, &properties[i], &error));
  for (guint i = 0; i < n_extra; i++)
    {
      g_autofree char *key = g_strdup_printf ("extra %02u", i);
      g_autofree char *value = g_strdup_printf ("A value long enough to wrap in a narrow panel, number %u", i);
      EntProperty extra = { key, ENT_PROPERTY_STRING, value };

      g_assert_true (ent_store_set_property (store, belarus, 0, &extra, &error));
    }
  g_assert_true (ent_store_set_property (store, 0, ((EntRelation *) g_ptr_array_index (bundled->relations, 0))->id,
                                         &since, &error));
  g_assert_no_error (error);

  return ent_store_load_graph (store, &error);
}

/* The key and the value each row of the panel's properties shows, "key=value" a line, a link as its markup. */
static char *
describe_property_rows (GtkWidget *panel)
{
  GtkWidget *list = template_child (panel, ENT_TYPE_EVIDENCE_PANEL, "property_list");
  g_autoptr(GPtrArray) rows = list_rows (first_descendant (list, GTK_TYPE_LIST_BOX));
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      g_autoptr(GPtrArray) labels = g_ptr_array_new ();
      GtkLabel *key, *value;

      collect_descendants (g_ptr_array_index (rows, i), GTK_TYPE_LABEL, labels);
      g_assert_cmpuint (labels->len, ==, 2);
      key = g_ptr_array_index (labels, 0);
      value = g_ptr_array_index (labels, 1);
      g_assert_true (gtk_label_get_selectable (value));
      g_assert_true (gtk_label_get_wrap (value));
      g_string_append_printf (text, "%s=%s\n", gtk_label_get_label (key), gtk_label_get_label (value));
    }
  return g_string_free (text, FALSE);
}

static void
test_panel_properties (void)
{
  g_autoptr(EntGraph) graph = load_with_properties (0);
  g_autoptr(EntGraph) bundled = load_bundled ();
  GtkWidget *window;
  GtkWidget *panel = create_panel (&window);
  GtkWidget *list = template_child (panel, ENT_TYPE_EVIDENCE_PANEL, "property_list");
  g_autofree char *shown = NULL;
  g_autofree char *relation_shown = NULL;

  ent_evidence_panel_set_graph (ENT_EVIDENCE_PANEL (panel), graph);
  ent_evidence_panel_show_entity (ENT_EVIDENCE_PANEL (panel), find_entity (graph, "Belarus")->id);
  g_assert_true (gtk_widget_get_visible (list));

  /* Dates and yes-or-no values as people say them, numbers as stored, web addresses as links. */
  shown = describe_property_rows (panel);
  g_assert_cmpstr (shown, ==,
                   "coastline=No\n"
                   "independence=25 August 1991\n"
                   "landlocked=Yes\n"
                   "motto=http is not a link without its colon and slashes\n"
                   "population=9.2e6\n"
                   "website=<a href=\"https://www.belarus.by/en/?a=1&amp;b=2\">https://www.belarus.by/en/?a=1&amp;b=2</a>\n");

  ent_evidence_panel_show_relation (ENT_EVIDENCE_PANEL (panel),
                                    ((EntRelation *) g_ptr_array_index (graph->relations, 0))->id);
  relation_shown = describe_property_rows (panel);
  g_assert_cmpstr (relation_shown, ==, "since=1992\n");

  /* Nothing is shown of an entity without properties, not even the heading. */
  ent_evidence_panel_show_entity (ENT_EVIDENCE_PANEL (panel), find_entity (graph, "India")->id);
  g_assert_false (gtk_widget_get_visible (list));
  ent_evidence_panel_set_graph (ENT_EVIDENCE_PANEL (panel), bundled);
  ent_evidence_panel_show_entity (ENT_EVIDENCE_PANEL (panel), find_entity (bundled, "Belarus")->id);
  g_assert_false (gtk_widget_get_visible (list));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Shows @entity_id and waits until it is drawn; returns how long that took, in seconds. */
static double
time_showing (GtkWidget *window,
              GtkWidget *panel,
              gint64     entity_id)
{
  g_autoptr(GTimer) timer = g_timer_new ();

  ent_evidence_panel_show_entity (ENT_EVIDENCE_PANEL (panel), entity_id);
  wait_for_frames (window, 2);
  return g_timer_elapsed (timer, NULL);
}

/* Fifty properties on one entity are shown, and drawn, about as fast as an entity without any. */
static void
test_panel_many_properties (void)
{
  g_autoptr(EntGraph) graph = load_with_properties (44);
  GtkWidget *window;
  GtkWidget *panel = create_panel (&window);
  GtkWidget *list = template_child (panel, ENT_TYPE_EVIDENCE_PANEL, "property_list");
  g_autoptr(GPtrArray) rows = NULL;
  double without, with;

  gtk_window_present (GTK_WINDOW (window));
  ent_evidence_panel_set_graph (ENT_EVIDENCE_PANEL (panel), graph);
  wait_for_frames (window, 2);

  without = time_showing (window, panel, find_entity (graph, "India")->id);
  with = time_showing (window, panel, find_entity (graph, "Belarus")->id);
  g_test_message ("India, without properties, shown and drawn in %.0f ms; Belarus, with 50, in %.0f ms",
                  without * 1000, with * 1000);

  rows = list_rows (first_descendant (list, GTK_TYPE_LIST_BOX));
  g_assert_cmpuint (rows->len, ==, 50);
  /* Measured against the panel's own pace, which a sanitizer build slows some fifty times: a list
   * that grew quadratic would be far slower than an entity without one. */
  g_assert_cmpfloat (with, <, 5 * without);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  widget_test_init (&argc, &argv);

  g_test_add_func ("/ent/evidence/panel/custom-kind", test_panel_custom_kind);
  g_test_add_func ("/ent/evidence/panel/properties", test_panel_properties);
  g_test_add_func ("/ent/evidence/panel/many-properties", test_panel_many_properties);

  return g_test_run ();
}
