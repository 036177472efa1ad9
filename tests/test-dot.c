/* test-dot.c: DOT files read through the cgraph helper and written for dot
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-dot"

#include "config.h"

#include "ent-data.h"
#include "ent-diagram.h"
#include "ent-dot.h"
#include "ent-dot-private.h"
#include "ent-test-util.h"

#include <string.h>
#include <glib/gstdio.h>

static EntImport *
read_string (const char *contents)
{
  g_autofree char *path = write_temp_file ("in.gv", contents, -1);
  g_autoptr(GError) error = NULL;
  EntImport *import = ent_dot_read (path, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (import);
  return import;
}

/* The error reading @contents gives. */
static GError *
read_error (const char *contents,
            gssize      length)
{
  g_autofree char *path = write_temp_file ("bad.gv", contents, length);
  GError *error = NULL;
  g_autoptr(EntImport) import = ent_dot_read (path, NULL, NULL, NULL, &error);

  g_assert_null (import);
  g_assert_nonnull (error);
  return error;
}

static EntRelation *
relation_at (EntGraph *graph,
             guint     index)
{
  return g_ptr_array_index (graph->relations, index);
}

/* Graphviz's own graphs import with Graphviz's counts; b15.gv, on which dot crashes, among them. */
static void
test_corpus (void)
{
  static const struct {
    const char *name;
    guint       nodes;
    guint       edges;
  } files[] = {
    { "Heawood.gv", 14, 21 }, { "b15.gv", 36, 180 }, { "b7.gv", 6, 4 }, { "clust4.gv", 10, 13 },
    { "dir.gv", 6, 5 }, { "fsm.gv", 9, 14 }, { "html.gv", 3, 2 }, { "japanese.gv", 7, 8 }, { "records.gv", 7, 7 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "dot", files[i].name, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(EntImport) import = ent_dot_read (path, NULL, NULL, NULL, &error);

      g_test_message ("%s", files[i].name);
      g_assert_no_error (error);
      g_assert_cmpuint (import->graph->entities->len, ==, files[i].nodes);
      g_assert_cmpuint (import->graph->relations->len, ==, files[i].edges);
      g_assert_cmpuint (import->problems->len, ==, 0);
    }
}

static EntImport *
read_corpus (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "dot", name, NULL);
  g_autoptr(GError) error = NULL;
  EntImport *import = ent_dot_read (path, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  return import;
}

/* Labels of every sort, clusters, directions and undirected graphs, as the corpus has them. */
static void
test_corpus_contents (void)
{
  g_autoptr(EntImport) html = read_corpus ("html.gv");
  g_autoptr(EntImport) records = read_corpus ("records.gv");
  g_autoptr(EntImport) japanese = read_corpus ("japanese.gv");
  g_autoptr(EntImport) clusters = read_corpus ("clust4.gv");
  g_autoptr(EntImport) reused = read_corpus ("b7.gv");
  g_autoptr(EntImport) dir = read_corpus ("dir.gv");
  g_autoptr(EntImport) heawood = read_corpus ("Heawood.gv");
  EntRelation *relation;

  g_assert_nonnull (find_entity (html->graph, "left mid dle right"));
  g_assert_nonnull (find_entity (html->graph, "one two"));
  g_assert_cmpstr (property_value (relation_at (html->graph, 0)->properties, "headport", ENT_PROPERTY_STRING), ==, "f0");
  g_assert_nonnull (find_entity (records->graph, "Graphs can\nbe fun | mid | right"));
  g_assert_nonnull (find_entity (japanese->graph, "黒塗り桐下駄配列"));

  g_assert_cmpstr (property_value (find_entity (clusters->graph, "a0")->properties, "cluster", ENT_PROPERTY_STRING), ==, "process #1");
  g_assert_cmpstr (property_value (find_entity (clusters->graph, "b0")->properties, "cluster", ENT_PROPERTY_STRING), ==, "process #2");
  g_assert_null (property_value (find_entity (clusters->graph, "start")->properties, "cluster", ENT_PROPERTY_STRING));
  /* cluster_1 nested in cluster_0 and again at the top: one cluster. */
  g_assert_cmpstr (property_value (find_entity (reused->graph, "y")->properties, "cluster", ENT_PROPERTY_STRING), ==, "cluster_1");
  g_assert_cmpstr (property_value (find_entity (reused->graph, "q")->properties, "cluster", ENT_PROPERTY_STRING), ==, "cluster_1");

  /* a -> b, c [forward], d [back], e [both], f [none] */
  for (guint i = 0; i < 5; i++)
    {
      relation = relation_at (dir->graph, i);
      g_assert_cmpint (relation->directed, ==, i != 4);
    }
  relation = relation_at (dir->graph, 2);
  g_assert_cmpint (relation->from_id, ==, find_entity (dir->graph, "d")->id);
  g_assert_cmpint (relation->to_id, ==, find_entity (dir->graph, "a")->id);
  g_assert_cmpstr (property_value (relation_at (dir->graph, 3)->properties, "dir", ENT_PROPERTY_STRING), ==, "both");

  g_assert_false (relation_at (heawood->graph, 0)->directed);
}

/* Graphviz's escapes, HTML-like labels and records, as their text. */
static void
test_label_text (void)
{
  EntDotNames node = { "node \\l", "G", NULL, NULL, NULL };
  EntDotNames edge = { NULL, "G", "a->b", "a", "b" };
  g_autofree char *names = _ent_dot_escaped_text ("\\N in \\G\\nnext\\lline\\r", &node);
  g_autofree char *unknown = _ent_dot_escaped_text ("\\E \\T \\H \\\\ \\\" \\x", &node);
  g_autofree char *edges = _ent_dot_escaped_text ("\\E: \\T to \\H", &edge);
  g_autofree char *html = _ent_dot_html_text ("<TABLE><TR><TD>a &amp; b</TD><TD>&lt;c&gt; &#233;&#x4e2d;</TD></TR>"
                                              "<TR><TD>d<BR/>e &nbsp; &#0; &bogus;</TD></TR></TABLE>");
  g_autofree char *broken = _ent_dot_html_text ("<b>bold</b> and <i unclosed");
  g_autofree char *record = _ent_dot_record_text ("{<f0> a\\|b | { \\N | <p> \\{x\\} } |}", &node);

  /* The name goes in first, and its backslashes are read as the label's. */
  g_assert_cmpstr (names, ==, "node \n in G\nnext\nline");
  /* Graphviz leaves an escape that names nothing, and then reads its backslash as any other. */
  g_assert_cmpstr (unknown, ==, "E T H \\ \" x");
  g_assert_cmpstr (edges, ==, "a->b: a to b");
  g_assert_cmpstr (html, ==, "a & b <c> é中\nd\ne &nbsp; &#0; &bogus;");
  g_assert_cmpstr (broken, ==, "bold and");
  g_assert_cmpstr (record, ==, "a|b | node | {x}");
  g_assert_true (_ent_dot_is_latin1 ("ISO-8859-1"));
  g_assert_false (_ent_dot_is_latin1 ("utf-8"));
}

/* Attributes set on nodes and edges are typed properties; types and descriptions take their roles. */
static void
test_attributes (void)
{
  g_autoptr(EntImport) import = read_string (
    "digraph \"g\" {\n"
    "  node [shape=box];\n"
    "  edge [weight=1073741824];\n"
    "  a [label=\"Alice\", type=person, description=\"a person\", start=\"2001-02\", color=red, "
    "image=\"/etc/passwd\", lp=\"1,2\", age=\"42\", member=TRUE];\n"
    "  b [kind=Airport, age=\"x\"];\n"
    "  a -> b [label=\"flies to \\H\", type=\"travel\", dir=none];\n"
    "}\n");
  EntEntity *alice = find_entity (import->graph, "Alice");
  EntEntity *b = find_entity (import->graph, "b");
  EntRelation *relation = relation_at (import->graph, 0);

  g_assert_cmpstr (ent_entity_get_kind_key (alice), ==, "person");
  g_assert_cmpstr (import->type_key, ==, "type");
  g_assert_cmpstr (alice->description, ==, "a person");
  g_assert_cmpstr (alice->start_date, ==, "2001-02");
  g_assert_cmpstr (property_value (alice->properties, "shape", ENT_PROPERTY_STRING), ==, "box");
  g_assert_cmpstr (property_value (alice->properties, "color", ENT_PROPERTY_STRING), ==, "red");
  g_assert_null (property_value (alice->properties, "lp", ENT_PROPERTY_STRING));
  g_assert_null (property_value (alice->properties, "type", ENT_PROPERTY_STRING));
  g_assert_cmpstr (property_value (alice->properties, "member", ENT_PROPERTY_BOOLEAN), ==, "true");
  /* "x" makes the column of ages strings. */
  g_assert_cmpstr (property_value (alice->properties, "age", ENT_PROPERTY_STRING), ==, "42");
  g_assert_cmpstr (ent_entity_get_kind_key (b), !=, ent_entity_get_kind_key (alice));
  g_assert_nonnull (ent_graph_get_kind (import->graph, ent_entity_get_kind_key (b)));

  /* An image is only text: never opened, its content nowhere. */
  g_assert_cmpstr (property_value (alice->properties, "image", ENT_PROPERTY_STRING), ==, "/etc/passwd");
  for (guint i = 0; i < alice->properties->len; i++)
    g_assert_null (strstr (((EntProperty *) g_ptr_array_index (alice->properties, i))->value, "root:"));

  g_assert_cmpstr (relation->label, ==, "flies to b");
  g_assert_cmpstr (relation->kind, ==, "travel");
  g_assert_false (relation->directed);
  g_assert_cmpstr (property_value (relation->properties, "weight", ENT_PROPERTY_NUMBER), ==, "1073741824");
  g_assert_null (property_value (relation->properties, "dir", ENT_PROPERTY_STRING));
}

/* Parallel edges and self-loops stay, but a strict graph merges them as Graphviz does; a second graph is a problem. */
static void
test_parallel (void)
{
  g_autoptr(EntImport) multi = read_string ("graph { a -- b; a -- b; a -- a; a -- b:p:n }\ngraph second { x }\n");
  g_autoptr(EntImport) strict = read_string ("strict digraph { a -> b; a -> b; b -> b }\n");

  g_assert_cmpuint (multi->graph->entities->len, ==, 2);
  g_assert_cmpuint (multi->graph->relations->len, ==, 4);
  g_assert_cmpuint (multi->problems->len, ==, 1);
  g_assert_cmpuint (strict->graph->relations->len, ==, 2);
}

/* pos comes in as the stored layout of the engine the network opens with, y flipped, only when every node has one. */
static void
test_positions (void)
{
  g_autoptr(EntImport) placed = read_string ("digraph { a [pos=\"10,20\"]; b [pos=\"-5.5,0!\"]; a -> b [pos=\"e,1,1 2,2 3,3 4,4\"] }");
  g_autoptr(EntImport) half = read_string ("digraph { a [pos=\"10,20\"]; b }");
  EntImportLayout *layout;
  EntPosition *a, *b;

  g_assert_cmpuint (placed->layouts->len, ==, 1);
  layout = g_ptr_array_index (placed->layouts, 0);
  g_assert_cmpstr (layout->engine, ==, ent_diagram_choose_engine (placed->graph, NULL));
  g_assert_cmpuint (layout->positions->len, ==, 2);
  a = &g_array_index (layout->positions, EntPosition, 0);
  b = &g_array_index (layout->positions, EntPosition, 1);
  g_assert_cmpfloat (a->x, ==, 10);
  g_assert_cmpfloat (a->y, ==, -20);
  g_assert_false (a->pinned);
  g_assert_cmpfloat (b->x, ==, -5.5);
  g_assert_true (b->pinned);
  g_assert_null (property_value (relation_at (placed->graph, 0)->properties, "pos", ENT_PROPERTY_STRING));
  g_assert_cmpuint (half->layouts->len, ==, 0);
}

/* A label of 40,000 lines becomes the description, and the node keeps its name. */
static void
test_long_label (void)
{
  g_autoptr(GString) contents = g_string_new ("digraph { big [label=\"");
  g_autoptr(EntImport) import = NULL;
  g_autofree char *run = g_strnfill (100 * 1024, 'x');
  g_autofree char *unbroken = g_strconcat ("digraph {\n a [label=\"", run, "\"] }\n", NULL);
  EntEntity *entity;

  for (guint i = 0; i < 40000; i++)
    g_string_append (contents, "line\\n");
  g_string_append (contents, "\"] }\n");
  import = read_string (contents->str);
  entity = g_ptr_array_index (import->graph->entities, 0);
  g_assert_cmpstr (entity->name, ==, "big");
  g_assert_cmpuint (strlen (entity->description), ==, 40000 * 5 - 1);
  g_assert_cmpuint (import->problems->len, ==, 1);

  /*
   * dot refuses a run of 16 KB without a quote or backslash in a quoted
   * string, as it reads files a line at a time; the helper hands cgraph
   * whole chunks, with which it reads any.
   */
  g_clear_pointer (&import, ent_import_free);
  import = read_string (unbroken);
  entity = g_ptr_array_index (import->graph->entities, 0);
  g_assert_cmpstr (entity->name, ==, "a");
  g_assert_cmpuint (strlen (entity->description), ==, 100 * 1024);
}

/* Broken files are errors that say what is wrong, with the line where cgraph knows it. */
static void
test_broken (void)
{
  g_autoptr(GError) truncated = read_error ("digraph {\n  a -> b;\n  c [label=\"x", -1);
  g_autoptr(GError) not_dot = read_error ("{\"elements\": []}\n", -1);
  g_autoptr(GError) binary = read_error ("digraph { a\0 }", 15);
  g_autoptr(GError) empty = read_error ("", 0);
  g_autoptr(GError) bad_utf8 = read_error ("digraph {\n a;\n b [label=\"\xff\xfe\"] }\n", -1);
  g_autoptr(GError) big5 = read_error ("digraph { charset=big5; a }\n", -1);
  g_autoptr(EntImport) latin1 = read_string ("digraph { charset=latin1; a [label=\"caf\xe9\"] }\n");

  g_assert_error (truncated, ENT_IMPORT_ERROR, ENT_IMPORT_ERROR_INVALID);
  g_assert_nonnull (strstr (truncated->message, "line 3"));
  g_assert_nonnull (strstr (truncated->message, "“bad.gv”"));
  g_assert_error (not_dot, ENT_IMPORT_ERROR, ENT_IMPORT_ERROR_INVALID);
  g_assert_nonnull (strstr (not_dot->message, "line 1"));
  g_assert_error (binary, ENT_IMPORT_ERROR, ENT_IMPORT_ERROR_INVALID);
  g_assert_error (empty, ENT_IMPORT_ERROR, ENT_IMPORT_ERROR_INVALID);
  g_assert_error (bad_utf8, ENT_IMPORT_ERROR, ENT_IMPORT_ERROR_INVALID);
  g_assert_nonnull (strstr (bad_utf8->message, "line 3"));
  g_assert_error (big5, ENT_IMPORT_ERROR, ENT_IMPORT_ERROR_INVALID);
  g_assert_nonnull (find_entity (latin1->graph, "café"));
}

/* Points the reader at a fake helper that runs @script. */
static void
use_fake_helper (const char *script)
{
  g_autofree char *contents = g_strconcat ("#!/bin/sh\n", script, NULL);
  g_autofree char *path = write_temp_file ("helper.sh", contents, -1);

  g_assert_cmpint (g_chmod (path, 0755), ==, 0);
  g_setenv ("ENTENTE_READ_DOT_WORKER", path, TRUE);
}

/* A helper that crashes, fails, says nothing or garbles its answer is an error, and the application goes on. */
static void
test_helper_failures (void)
{
  g_autofree char *real = g_strdup (g_getenv ("ENTENTE_READ_DOT_WORKER"));
  g_autoptr(GError) crash = NULL;
  g_autoptr(GError) failure = NULL;
  g_autoptr(GError) garbage = NULL;
  g_autoptr(GError) missing = NULL;

  use_fake_helper ("cat > /dev/null\nkill -SEGV $$\n");
  crash = read_error ("digraph { a }", -1);
  use_fake_helper ("cat > /dev/null\nexit 3\n");
  failure = read_error ("digraph { a }", -1);
  use_fake_helper ("cat > /dev/null\nprintf 'not a reply at all'\n");
  garbage = read_error ("digraph { a }", -1);
  g_setenv ("ENTENTE_READ_DOT_WORKER", "/nonexistent/entente-read-dot", TRUE);
  missing = read_error ("digraph { a }", -1);
  g_setenv ("ENTENTE_READ_DOT_WORKER", real, TRUE);

  g_assert_error (crash, ENT_IMPORT_ERROR, ENT_IMPORT_ERROR_INVALID);
  g_assert_cmpstr (crash->message, ==, "“bad.gv” could not be read: Graphviz stopped on it");
  g_assert_error (failure, ENT_IMPORT_ERROR, ENT_IMPORT_ERROR_INVALID);
  g_assert_error (garbage, ENT_IMPORT_ERROR, ENT_IMPORT_ERROR_INVALID);
  g_assert_nonnull (strstr (garbage->message, "malformed"));
  g_assert_error (missing, ENT_IMPORT_ERROR, ENT_IMPORT_ERROR_INVALID);
}

static gpointer
cancel_soon (gpointer data)
{
  g_usleep (200 * G_TIME_SPAN_MILLISECOND);
  g_cancellable_cancel (data);
  return NULL;
}

/* Cancelling kills the helper, however long it would have taken. */
static void
test_cancel (void)
{
  g_autofree char *real = g_strdup (g_getenv ("ENTENTE_READ_DOT_WORKER"));
  g_autofree char *path = write_temp_file ("slow.gv", "digraph { a }", -1);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EntImport) import = NULL;
  GThread *thread;
  gint64 start;

  use_fake_helper ("exec sleep 600\n");
  thread = g_thread_new ("cancel", cancel_soon, cancellable);
  start = g_get_monotonic_time ();
  import = ent_dot_read (path, cancellable, NULL, NULL, &error);
  g_thread_join (thread);
  g_setenv ("ENTENTE_READ_DOT_WORKER", real, TRUE);

  g_assert_null (import);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 30 * G_TIME_SPAN_SECOND);
}

/* Runs dot -Tsvg on @path and xmllint on what it draws. */
static void
assert_dot_draws (const char *path)
{
  g_autofree char *svg = temp_path ("drawn.svg");
  g_autofree char *output = g_strconcat ("-o", svg, NULL);
  const char *dot[] = { "dot", "-Tsvg", output, path, NULL };
  const char *xmllint[] = { "xmllint", "--noout", svg, NULL };
  g_autoptr(GError) error = NULL;
  int status;

  g_spawn_sync (NULL, (char **) dot, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
  g_spawn_sync (NULL, (char **) xmllint, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
}

static void
assert_same_properties (GPtrArray *expected,
                        GPtrArray *actual)
{
  g_autofree char *want = describe_properties (expected);
  g_autofree char *got = describe_properties (actual);

  g_assert_cmpstr (got, ==, want);
}

/* What was written reads back with the same entities, kinds, relations, directions, properties and positions. */
static void
assert_reads_back (EntGraph  *graph,
                   GPtrArray *layouts,
                   EntImport *import)
{
  g_assert_cmpuint (import->graph->entities->len, ==, graph->entities->len);
  g_assert_cmpuint (import->graph->relations->len, ==, graph->relations->len);
  for (guint i = 0; i < graph->entities->len; i++)
    {
      EntEntity *want = g_ptr_array_index (graph->entities, i);
      EntEntity *got = g_ptr_array_index (import->graph->entities, i);

      g_assert_cmpstr (got->name, ==, want->name);
      g_assert_cmpstr (ent_entity_get_kind_key (got), ==, ent_entity_get_kind_key (want));
      g_assert_cmpstr (got->description, ==, want->description);
      g_assert_cmpstr (got->role, ==, want->role);
      g_assert_cmpstr (got->start_date, ==, want->start_date);
      assert_same_properties (want->properties, got->properties);
    }
  for (guint i = 0; i < graph->relations->len; i++)
    {
      EntRelation *want = g_ptr_array_index (graph->relations, i);
      EntRelation *got = g_ptr_array_index (import->graph->relations, i);

      g_assert_cmpstr (got->label, ==, want->label);
      g_assert_cmpstr (got->kind, ==, want->kind);
      g_assert_cmpint (got->directed, ==, want->directed);
      g_assert_cmpint (got->from_id, ==, want->from_id);
      g_assert_cmpint (got->to_id, ==, want->to_id);
      assert_same_properties (want->properties, got->properties);
    }
  g_assert_cmpuint (import->layouts->len, ==, layouts->len);
  for (guint i = 0; i < layouts->len; i++)
    {
      EntImportLayout *want = g_ptr_array_index (layouts, i);
      EntImportLayout *got = g_ptr_array_index (import->layouts, i);

      g_assert_cmpstr (got->engine, ==, want->engine);
      g_assert_cmpuint (got->positions->len, ==, want->positions->len);
      for (guint k = 0; k < want->positions->len; k++)
        {
          EntPosition *a = &g_array_index (want->positions, EntPosition, k);
          EntPosition *b = &g_array_index (got->positions, EntPosition, k);

          g_assert_cmpint (b->entity_id, ==, a->entity_id);
          g_assert_cmpfloat (b->x, ==, a->x);
          g_assert_cmpfloat (b->y, ==, a->y);
          g_assert_cmpint (b->pinned, ==, a->pinned);
        }
    }
}

/* The bundled network with names no file format likes, a description of 100 KB, properties and a layout. */
static EntGraph *
hostile_graph (GPtrArray *layouts)
{
  static const char * const names[] = {
    "He said \"no\"", "back\\slash\\", "{braces} | <ports>", "two\nlines", "Алейник «МИД» मंत्रालय", "\\N \\G \\\"",
  };
  EntGraph *graph = load_bundled ();
  EntImportLayout *layout = g_new0 (EntImportLayout, 1);
  g_autoptr(GString) huge = g_string_new (NULL);
  EntRelation *relation = g_ptr_array_index (graph->relations, 0);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      EntEntity *entity = g_ptr_array_index (graph->entities, i);

      g_free (entity->name);
      entity->name = g_strdup (names[i]);
    }
  while (huge->len < 100 * 1024)
    g_string_append (huge, "Ünïcödé \"quoted\" \\ {x}\n");
  /* dot takes no run of 16 KB without a quote or a backslash in one quoted string. */
  for (guint i = 0; i < 100 * 1024; i++)
    g_string_append_c (huge, 'y');
  g_free (((EntEntity *) g_ptr_array_index (graph->entities, 2))->description);
  ((EntEntity *) g_ptr_array_index (graph->entities, 2))->description = g_strdup (huge->str);
  g_free (relation->label);
  relation->label = g_strdup ("a \"b\" \\ {c}\nd <e>");
  relation->directed = FALSE;
  add_property (&((EntEntity *) g_ptr_array_index (graph->entities, 0))->properties, "weight", ENT_PROPERTY_NUMBER, "2.5");
  add_property (&((EntEntity *) g_ptr_array_index (graph->entities, 1))->properties,
                "quote \"key\"", ENT_PROPERTY_STRING, "a \"value\"\nover lines");
  add_property (&relation->properties, "since", ENT_PROPERTY_DATE, "1991-12");

  layout->engine = g_strdup (ent_diagram_choose_engine (graph, NULL));
  layout->positions = g_array_new (FALSE, TRUE, sizeof (EntPosition));
  for (guint i = 0; i < graph->entities->len; i++)
    {
      EntPosition position = { ((EntEntity *) g_ptr_array_index (graph->entities, i))->id, i * 72.25, i * -10.5 + 3,
                               i == 2 };

      g_array_append_val (layout->positions, position);
    }
  g_ptr_array_add (layouts, layout);
  return graph;
}

/* Our DOT draws with dot, and reads back as what was written, hostile names and a 100 KB text included. */
static void
test_round_trip (void)
{
  g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func ((GDestroyNotify) ent_import_layout_free);
  g_autoptr(EntGraph) graph = hostile_graph (layouts);
  g_autoptr(EntGraph) bundled = load_bundled ();
  g_autoptr(GPtrArray) no_layouts = g_ptr_array_new ();
  g_autofree char *path = temp_path ("out.gv");
  g_autofree char *bundled_path = temp_path ("bundled.gv");
  g_autoptr(GError) error = NULL;
  g_autoptr(EntImport) import = NULL;
  g_autoptr(EntImport) bundled_import = NULL;

  g_assert_true (ent_dot_write (bundled, NULL, bundled_path, NULL, &error));
  g_assert_no_error (error);
  assert_dot_draws (bundled_path);
  bundled_import = ent_dot_read (bundled_path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_reads_back (bundled, no_layouts, bundled_import);

  g_assert_true (ent_dot_write (graph, layouts, path, NULL, &error));
  g_assert_no_error (error);
  assert_dot_draws (path);
  import = ent_dot_read (path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (import->problems->len, ==, 0);
  assert_reads_back (graph, layouts, import);
}

/* DOT is in the format table: exports by extension, imports by either. */
static void
test_format_table (void)
{
  EntDataFormat format;
  g_autoptr(GError) error = NULL;

  g_assert_true (ent_data_format_for_path ("network.gv", &format, &error));
  g_assert_cmpint (format, ==, ENT_DATA_FORMAT_DOT);
  g_assert_true (ent_data_format_for_path ("network.DOT", &format, &error));
  g_assert_cmpint (format, ==, ENT_DATA_FORMAT_DOT);
  g_assert_true (ent_data_format_for_name ("dot", &format, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ent_data_format_get_info (ENT_DATA_FORMAT_DOT)->extensions[0], ==, "gv");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add_func ("/ent/dot/" name, func)
  ADD ("corpus", test_corpus);
  ADD ("corpus-contents", test_corpus_contents);
  ADD ("label-text", test_label_text);
  ADD ("attributes", test_attributes);
  ADD ("parallel", test_parallel);
  ADD ("positions", test_positions);
  ADD ("long-label", test_long_label);
  ADD ("broken", test_broken);
  ADD ("helper-failures", test_helper_failures);
  ADD ("cancel", test_cancel);
  ADD ("round-trip", test_round_trip);
  ADD ("format-table", test_format_table);
#undef ADD

  return g_test_run ();
}
