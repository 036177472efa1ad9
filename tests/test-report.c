/* test-report.c: the evidence report, as HTML and as PDF: every quote and source, the claims to check first,
 * hostile names escaped, the filters respected, nothing left behind by a cancel
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ent-diagram.h"
#include "ent-export.h"
#include "ent-renderer.h"
#include "ent-report.h"
#include "ent-test-util.h"

#include <string.h>
#include <glib/gstdio.h>
#include <poppler.h>

static char *work_dir;

static char *
work_path (const char *name)
{
  return g_build_filename (work_dir, name, NULL);
}

/* @text without any of its white space, nor the marks of direction poppler puts around right-to-left text: PDF
 * lines wrap where they will, and a search reads them so. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && g_unichar_type (c) != G_UNICODE_FORMAT)
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static char *
read_html (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *html = NULL;

  g_assert_true (g_file_get_contents (path, &html, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (html, -1, NULL));
  return html;
}

/* The text of every page of a PDF, as poppler reads it, squeezed. */
static char *
read_pdf (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
  PopplerDocument *document;
  g_autoptr(GString) text = g_string_new (NULL);

  g_assert_no_error (error);
  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      PopplerPage *page = poppler_document_get_page (document, i);
      g_autofree char *page_text = poppler_page_get_text (page);
      g_autofree char *footer = g_strdup_printf ("— page %d of %d", i + 1, poppler_document_get_n_pages (document));
      char *line = g_strrstr (page_text, footer);

      /* Every page has its number in its footer, which is left out: a name or a quote may go on over the page. */
      g_assert_nonnull (line);
      while (line > page_text && line[-1] != '\n')
        line--;
      *line = '\0';
      g_string_append (text, page_text);
      g_object_unref (page);
    }
  g_object_unref (document);
  return squeeze (text->str);
}

/* Whether the HTML holds @text, escaped as it must be. */
static gboolean
html_has (const char *html,
          const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  return strstr (html, escaped) != NULL;
}

/* Whether the PDF holds @text. poppler_page_get_text() gives right-to-left text in the order it is drawn, where
 * pdftotext gives it in the order it is read: either will do. */
static gboolean
pdf_has (const char *pdf_text,
         const char *text)
{
  g_autofree char *squeezed = squeeze (text);
  g_autofree char *reversed = g_utf8_strreverse (squeezed, -1);

  return strstr (pdf_text, squeezed) != NULL || strstr (pdf_text, reversed) != NULL;
}

/* Where @needle first is in @haystack; it must be there. */
static gsize
position (const char *haystack,
          const char *needle)
{
  const char *at = strstr (haystack, needle);

  if (at == NULL)
    g_error ("“%s” is not in the report", needle);
  return at - haystack;
}

static void
write_report (const EntReportOptions *options,
              const char             *path)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ent_report_write (options, path, NULL, &error));
  g_assert_no_error (error);
}

static EntScene *
bundled_scene (EntGraph **graph)
{
  g_autofree char *path = copy_bundled (work_dir, "network.entente");
  g_autoptr(GError) error = NULL;
  g_autoptr(EntStore) store = ent_store_open (path, ENT_STORE_OPEN_DEFAULT, &error);
  EntScene *scene;

  g_assert_no_error (error);
  *graph = ent_store_load_graph (store, &error);
  g_assert_no_error (error);
  scene = ent_diagram_build (store, *graph, ent_diagram_choose_engine (*graph, NULL), FALSE, NULL, NULL, &error);
  g_assert_no_error (error);
  return scene;
}

static void
test_bundled (void)
{
  g_autoptr(EntGraph) graph = NULL;
  g_autoptr(EntScene) scene = bundled_scene (&graph);
  EntReportOptions options = { .graph = graph, .scene = scene, .title = "Aleinik’s visit" };
  g_autofree char *html_path = work_path ("bundled.html");
  g_autofree char *pdf_path = work_path ("bundled.pdf");
  g_autofree char *html = NULL;
  g_autofree char *pdf = NULL;

  g_assert_cmpuint (graph->quotes->len, >, 0);
  write_report (&options, html_path);
  write_report (&options, pdf_path);
  html = read_html (html_path);
  pdf = read_pdf (pdf_path);

  for (guint i = 0; i < graph->quotes->len; i++)
    {
      EntQuote *quote = g_ptr_array_index (graph->quotes, i);

      g_assert_true (html_has (html, quote->text));
      g_assert_true (pdf_has (pdf, quote->text));
    }
  for (guint i = 0; i < graph->sources->len; i++)
    {
      EntSource *source = g_ptr_array_index (graph->sources, i);

      g_assert_true (html_has (html, source->title));
      g_assert_true (pdf_has (pdf, source->title));
    }

  /* What a fact-checker looks at first comes first, then the lists. */
  g_assert_cmpuint (position (html, ">Unsourced claims<"), <, position (html, ">Disputed claims<"));
  g_assert_cmpuint (position (html, ">Disputed claims<"), <, position (html, ">Entities<"));
  g_assert_cmpuint (position (html, ">Entities<"), <, position (html, ">Relations<"));
  g_assert_cmpuint (position (html, ">Relations<"), <, position (html, ">Sources<"));
  g_assert_cmpuint (position (pdf, "Unsourcedclaims"), <, position (pdf, "Disputedclaims"));
  g_assert_cmpuint (position (pdf, "Disputedclaims"), <, position (pdf, "Entities"));
  /* The diagram, self-contained, and no script. */
  g_assert_nonnull (strstr (html, "src=\"data:image/svg+xml;base64,"));
  g_assert_null (strstr (html, "<script"));
}

static void
add_source (EntGraph   *graph,
            gint64      id,
            const char *title,
            const char *url)
{
  EntSource *source = g_new0 (EntSource, 1);

  source->id = id;
  source->title = g_strdup (title);
  source->url = g_strdup (url);
  source->publisher = g_strdup ("The Daily & Weekly");
  source->published = g_strdup ("2024-03-11");
  source->body = g_strdup ("Body");
  ent_graph_take_source (graph, source);
}

static void
add_quote (EntGraph   *graph,
           gint64      id,
           gint64      source_id,
           const char *text)
{
  EntQuote *quote = g_new0 (EntQuote, 1);

  quote->id = id;
  quote->source_id = source_id;
  quote->end = 4;
  quote->text = g_strdup (text);
  ent_graph_take_quote (graph, quote);
}

static void
back (GArray **ids,
      gint64   quote_id)
{
  if (*ids == NULL)
    *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_val (*ids, quote_id);
}

static EntRelation *
add_relation (EntGraph *graph,
              gint64    id,
              gint64    from,
              gint64    to,
              const char *label)
{
  EntRelation *relation = g_new0 (EntRelation, 1);

  relation->id = id;
  relation->kind = g_strdup ("meets");
  relation->from_id = from;
  relation->to_id = to;
  relation->label = g_strdup (label);
  relation->directed = TRUE;
  relation->quote_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  ent_graph_take_relation (graph, relation);
  return relation;
}

/*
 * Ann (a person, one quote for her, one against), Bob and Cleo; Ann meets Bob, unsourced; Bob calls Cleo,
 * sourced: quote 3.
 */
static EntGraph *
made_up_graph (void)
{
  EntGraph *graph = ent_graph_new ();
  EntEntity *ann = add_kind_entity (graph, 1, ENT_KIND_PERSON, NULL, "Ann Archer");
  EntEntity *bob = add_kind_entity (graph, 2, ENT_KIND_PERSON, NULL, "Bob Baker");
  EntEntity *cleo = add_kind_entity (graph, 3, ENT_KIND_COUNTRY, NULL, "Cleoland");
  EntRelation *calls;

  add_source (graph, 1, "The Gazette", "https://example.org/gazette?a=1&b=2");
  add_source (graph, 2, "The Rebuttal", NULL);
  add_quote (graph, 1, 1, "Ann Archer was there");
  add_quote (graph, 2, 2, "Ann Archer was never there");
  add_quote (graph, 3, 1, "Bob Baker called Cleoland");
  add_quote (graph, 4, 1, "Bob Baker is a baker");
  add_quote (graph, 5, 1, "Cleoland is a country");
  back (&ann->quote_ids, 1);
  back (&ann->quote_ids, 2);
  back (&ann->disputing_ids, 2);
  back (&bob->quote_ids, 4);
  back (&cleo->quote_ids, 5);
  add_relation (graph, 1, 1, 2, "meets");
  calls = add_relation (graph, 2, 2, 3, "calls");
  back (&calls->quote_ids, 3);
  return graph;
}

static void
test_unsourced_and_disputed (void)
{
  g_autoptr(EntGraph) graph = made_up_graph ();
  EntReportOptions options = { .graph = graph, .title = "Made up", .caption = "Only what ‘The Gazette’ supports" };
  g_autofree char *html_path = work_path ("made-up.html");
  g_autofree char *pdf_path = work_path ("made-up.pdf");
  g_autofree char *html = NULL;
  g_autofree char *pdf = NULL;
  gsize unsourced, disputed, entities;

  write_report (&options, html_path);
  write_report (&options, pdf_path);
  html = read_html (html_path);
  pdf = read_pdf (pdf_path);

  unsourced = position (html, ">Unsourced claims<");
  disputed = position (html, ">Disputed claims<");
  entities = position (html, ">Entities<");
  g_assert_true (html_has (html, "Only what ‘The Gazette’ supports"));
  /* The unsourced relation under its heading, and nothing else there. */
  g_assert_cmpuint (position (html, "Ann Archer — meets → Bob Baker"), >, unsourced);
  g_assert_cmpuint (position (html, "Ann Archer — meets → Bob Baker"), <, disputed);
  g_assert_cmpuint (position (html + unsourced, "Bob Baker — calls → Cleoland") + unsourced, >, entities);
  /* The disputed entity under its own, its supporting quote and its disputing one apart. */
  g_assert_cmpuint (position (html + disputed, "Ann Archer") + disputed, <, entities);
  g_assert_cmpuint (position (html + disputed, ">Supporting quotes<") + disputed, <,
                    position (html + disputed, "Ann Archer was there") + disputed);
  g_assert_cmpuint (position (html + disputed, "Ann Archer was there") + disputed, <,
                    position (html + disputed, ">Disputing quotes<") + disputed);
  g_assert_cmpuint (position (html + disputed, ">Disputing quotes<") + disputed, <,
                    position (html + disputed, "Ann Archer was never there") + disputed);
  g_assert_cmpuint (position (html + disputed, "Ann Archer was never there") + disputed, <, entities);
  /* Sources: a link, its publisher and date; how many claims cite each. */
  g_assert_nonnull (strstr (html, "href=\"https://example.org/gazette?a=1&amp;b=2\""));
  g_assert_true (html_has (html, "The Gazette, The Daily & Weekly, 11 March 2024"));
  g_assert_nonnull (strstr (html, "<td class=\"number\">4</td>"));
  g_assert_nonnull (strstr (html, "<td class=\"number\">1</td>"));

  unsourced = position (pdf, "Unsourcedclaims");
  disputed = position (pdf, "Disputedclaims");
  entities = position (pdf, "Entities");
  g_assert_cmpuint (position (pdf, "AnnArcher—meets→BobBaker"), >, unsourced);
  g_assert_cmpuint (position (pdf, "AnnArcher—meets→BobBaker"), <, disputed);
  g_assert_cmpuint (position (pdf + disputed, "Supportingquotes") + disputed, <,
                    position (pdf + disputed, "AnnArcherwasthere") + disputed);
  g_assert_cmpuint (position (pdf + disputed, "Disputingquotes") + disputed, <,
                    position (pdf + disputed, "AnnArcherwasneverthere") + disputed);
  g_assert_cmpuint (position (pdf + disputed, "AnnArcherwasneverthere") + disputed, <, entities);
  g_assert_true (pdf_has (pdf, "https://example.org/gazette?a=1&b=2"));
}

static void
test_hostile_names (void)
{
  g_autoptr(EntGraph) graph = ent_graph_new ();
  g_autofree char *long_name = repeat_text ("Long", "x", 5000, "End");
  g_autofree char *long_quote = repeat_text ("Start ", "word ", 2000, "finish");
  static const char *names[] = {
    "<script>alert(1)</script>", "Tom & Jerry", "\"Double\" and 'single'", "مرحبا بالعالم", "a]]>b</p><p>",
  };
  EntReportOptions options = { .graph = graph, .title = "<title>&" };
  g_autofree char *html_path = work_path ("hostile.html");
  g_autofree char *pdf_path = work_path ("hostile.pdf");
  g_autofree char *html = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *xmllint = g_find_program_in_path ("xmllint");

  add_source (graph, 1, "<b>Bold</b> “title”", "javascript:alert(1)");
  add_quote (graph, 1, 1, "<img src=x onerror=alert(1)> & more");
  add_quote (graph, 2, 1, long_quote);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    back (&add_kind_entity (graph, i + 1, ENT_KIND_PERSON, NULL, names[i])->quote_ids, 1);
  back (&add_kind_entity (graph, 10, ENT_KIND_EVENT, NULL, long_name)->quote_ids, 2);
  add_relation (graph, 1, 1, 2, "<i>meets</i>");

  write_report (&options, html_path);
  write_report (&options, pdf_path);
  html = read_html (html_path);
  pdf = read_pdf (pdf_path);

  g_assert_null (strstr (html, "<script"));
  g_assert_null (strstr (html, "<img src=x"));
  g_assert_null (strstr (html, "<b>Bold"));
  g_assert_null (strstr (html, "<i>meets"));
  g_assert_null (strstr (html, "href=\"javascript:"));
  g_assert_nonnull (strstr (html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_assert_true (html_has (html, names[i]));
      if (!pdf_has (pdf, names[i]))
        g_error ("“%s” is not in the PDF", names[i]);
    }
  g_assert_true (html_has (html, long_name));
  g_assert_true (pdf_has (pdf, long_name));
  g_assert_true (html_has (html, "<img src=x onerror=alert(1)> & more"));
  g_assert_true (pdf_has (pdf, "<img src=x onerror=alert(1)> & more"));

  /* A quote past the bound is shortened, and says so. */
  g_assert_false (html_has (html, long_quote));
  g_assert_nonnull (strstr (html, "The quote is shortened here"));
  g_assert_false (pdf_has (pdf, long_quote));
  g_assert_nonnull (strstr (pdf, "Thequoteisshortenedhere"));

  if (xmllint != NULL)
    {
      const char *argv[] = { xmllint, "--html", "--noout", html_path, NULL };
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autoptr(GError) error = NULL;
      int status = 0;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status,
                                   &error));
      g_assert_no_error (error);
      g_assert_cmpstr (err, ==, "");
      g_assert_cmpstr (out, ==, "");
    }
}

static void
test_hidden_left_out (void)
{
  g_autoptr(EntGraph) graph = made_up_graph ();
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (EntPosition));
  g_autoptr(EntScene) scene = NULL;
  g_autofree guint8 *states = NULL;
  g_autofree char *html_path = work_path ("hidden.html");
  g_autofree char *pdf_path = work_path ("hidden.pdf");
  g_autofree char *html = NULL;
  g_autofree char *pdf = NULL;
  EntReportOptions options = { .graph = graph, .title = "Hidden" };
  guint n_items;

  for (gint64 id = 1; id <= 3; id++)
    g_array_append_val (positions, ((EntPosition) { id, id * 150.0, 100.0, FALSE }));
  scene = ent_scene_new (graph, positions);
  n_items = ent_scene_get_n_items (scene);
  states = g_new0 (guint8, n_items);
  /* Cleoland hidden, and with it what links it; the relation between Ann and Bob hidden on its own. */
  for (guint i = 0; i < n_items; i++)
    {
      const EntSceneItem *item = ent_scene_get_item (scene, i);

      if ((item->type == ENT_SCENE_ITEM_NODE && item->id == 3) || (item->type == ENT_SCENE_ITEM_EDGE && item->id == 1))
        states[i] = ENT_ITEM_STATE_HIDDEN;
    }
  options.scene = scene;
  options.states = states;

  write_report (&options, html_path);
  write_report (&options, pdf_path);
  html = read_html (html_path);
  pdf = read_pdf (pdf_path);

  g_assert_true (html_has (html, "Ann Archer was there"));
  g_assert_true (html_has (html, "Bob Baker is a baker"));
  g_assert_false (html_has (html, "Cleoland"));
  g_assert_false (html_has (html, "meets"));
  g_assert_true (pdf_has (pdf, "Bob Baker is a baker"));
  g_assert_false (pdf_has (pdf, "Cleoland"));
  g_assert_false (pdf_has (pdf, "meets"));
  /* Two claims now cite the gazette: Ann and Bob. */
  g_assert_nonnull (strstr (html, "<td class=\"number\">2</td>"));
}

/* The names of the files in the work folder that start with @prefix or its hidden temporary. */
static guint
count_files (const char *prefix)
{
  g_autoptr(GDir) dir = g_dir_open (work_dir, 0, NULL);
  g_autofree char *hidden = g_strconcat (".", prefix, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, prefix) || g_str_has_prefix (name, hidden))
      n++;
  return n;
}

static void
test_cancelled (void)
{
  g_autoptr(EntGraph) graph = NULL;
  g_autoptr(EntScene) scene = bundled_scene (&graph);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  EntReportOptions options = { .graph = graph, .scene = scene, .title = "Cancelled" };
  static const char *names[] = { "cancelled.html", "cancelled.pdf" };

  g_cancellable_cancel (cancellable);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = work_path (names[i]);
      g_autoptr(GError) error = NULL;

      g_assert_false (ent_report_write (&options, path, cancellable, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }
  g_assert_cmpuint (count_files ("cancelled."), ==, 0);
}

static void
test_bad_extension (void)
{
  g_autoptr(EntGraph) graph = made_up_graph ();
  EntReportOptions options = { .graph = graph };
  g_autofree char *path = work_path ("report.txt");
  g_autoptr(GError) error = NULL;

  g_assert_false (ent_report_write (&options, path, NULL, &error));
  g_assert_error (error, ENT_EXPORT_ERROR, ENT_EXPORT_ERROR_UNKNOWN_FORMAT);
  g_assert_cmpuint (count_files ("report."), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  work_dir = g_dir_make_tmp ("entente-report-XXXXXX", NULL);

  g_test_add_func ("/report/bundled", test_bundled);
  g_test_add_func ("/report/unsourced-and-disputed", test_unsourced_and_disputed);
  g_test_add_func ("/report/hostile-names", test_hostile_names);
  g_test_add_func ("/report/hidden-left-out", test_hidden_left_out);
  g_test_add_func ("/report/cancelled", test_cancelled);
  g_test_add_func ("/report/bad-extension", test_bad_extension);

  status = g_test_run ();
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
