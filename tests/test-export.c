/* test-export.c: headless export from the command line
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ent-scene.h"
#include "ent-store.h"
#include "ent-svg-writer.h"
#include "ent-test-util.h"

#include <string.h>
#include <gio/gio.h>
#include <glib/gstdio.h>

static const char *entente_path;
static char *work_dir;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs a program without any display, as on a server or in a build script. */
static void
run_program (Run         *run,
             const char  *worker,
             const char * const *argv)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  if (worker != NULL)
    g_subprocess_launcher_setenv (launcher, "ENTENTE_LAYOUT_WORKER", worker, TRUE);

  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_false (g_subprocess_get_if_signaled (process));
  run->status = g_subprocess_get_exit_status (process);
}

static void
export (Run        *run,
        const char *worker,
        const char *input,
        const char *output,
        const char *engine,
        gboolean    relayout,
        const char *scale)
{
  g_autofree char *export_arg = g_strconcat ("--export=", output, NULL);
  g_autofree char *engine_arg = engine ? g_strconcat ("--engine=", engine, NULL) : NULL;
  g_autofree char *scale_arg = scale ? g_strconcat ("--scale=", scale, NULL) : NULL;
  const char *argv[8];
  int n = 0;

  argv[n++] = entente_path;
  argv[n++] = export_arg;
  if (engine_arg)
    argv[n++] = engine_arg;
  if (scale_arg)
    argv[n++] = scale_arg;
  if (relayout)
    argv[n++] = "--relayout";
  argv[n++] = input;
  argv[n] = NULL;

  run_program (run, worker, argv);
}

static gboolean
tool_accepts (const char *first,
              ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = -1;
  va_list args;

  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL,
                G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  return g_spawn_check_wait_status (status, NULL);
}

/*
 * Labels wrap over lines, and pdftotext joins a word broken after a hyphen
 * without it, so names are compared without spaces and hyphens.
 */
static char *
without_spaces (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)) && *p != '-')
      g_string_append_unichar (out, g_utf8_get_char (p));

  return g_string_free (out, FALSE);
}

typedef struct
{
  GString *texts;
  int      in_text;
} SvgTexts;

static void
svg_start_cb (GMarkupParseContext  *context,
              const char           *element,
              const char          **names,
              const char          **values,
              gpointer              user_data,
              GError              **error)
{
  SvgTexts *texts = user_data;

  if (g_str_equal (element, "text"))
    texts->in_text++;
}

static void
svg_end_cb (GMarkupParseContext  *context,
            const char           *element,
            gpointer              user_data,
            GError              **error)
{
  SvgTexts *texts = user_data;

  if (g_str_equal (element, "text"))
    {
      texts->in_text--;
      g_string_append_c (texts->texts, '\n');
    }
}

static void
svg_text_cb (GMarkupParseContext  *context,
             const char           *text,
             gsize                 length,
             gpointer              user_data,
             GError              **error)
{
  SvgTexts *texts = user_data;

  if (texts->in_text > 0)
    g_string_append_len (texts->texts, text, length);
}

/* The text of every <text> element, as a program reading the SVG would find it. */
static char *
svg_text_content (const char *path)
{
  static const GMarkupParser parser = { svg_start_cb, svg_end_cb, svg_text_cb, NULL, NULL };
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  SvgTexts texts = { g_string_new (NULL), 0 };
  GMarkupParseContext *context;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  context = g_markup_parse_context_new (&parser, 0, &texts, NULL);
  g_markup_parse_context_parse (context, contents, length, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);
  g_markup_parse_context_free (context);

  return g_string_free (texts.texts, FALSE);
}

static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static void
test_engine (gconstpointer data)
{
  const char *engine = data;
  g_autofree char *name = g_strdup_printf ("bundled-%s.entente", engine);
  g_autofree char *input = copy_bundled (work_dir, name);
  g_autoptr(EntGraph) graph = load_graph (input);
  const char *formats[] = { "svg", "png", "pdf" };

  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autofree char *output = g_strdup_printf ("%s/%s.%s", work_dir, engine, formats[f]);
      g_autofree char *content = NULL;
      g_autofree char *flat = NULL;
      g_auto(Run) run = { 0 };

      /* The first export lays the graph out; the others use the positions it stored. */
      export (&run, NULL, input, output, engine, f == 0, NULL);
      g_assert_cmpstr (run.err, ==, "");
      g_assert_cmpint (run.status, ==, 0);
      g_assert_true (g_file_test (output, G_FILE_TEST_IS_REGULAR));

      if (f == 0)
        {
          g_autofree char *rendered = g_strconcat (output, ".png", NULL);

          g_assert_true (tool_accepts ("xmllint", "--noout", output, NULL));
          g_assert_true (tool_accepts ("rsvg-convert", output, "-o", rendered, NULL));
          content = svg_text_content (output);
        }
      else if (f == 1)
        {
          g_assert_true (tool_accepts ("pngcheck", "-q", output, NULL));
          continue;
        }
      else
        content = pdf_text (output);

      flat = without_spaces (content);
      for (guint i = 0; i < graph->entities->len; i++)
        {
          EntEntity *entity = g_ptr_array_index (graph->entities, i);
          g_autofree char *name_flat = without_spaces (entity->name);

          if (strstr (flat, name_flat) == NULL)
            g_error ("%s export with %s lacks the name “%s”", formats[f], engine, entity->name);
        }
    }
}

/* Names that have broken layout tools and XML writers. */
static char *
make_hostile_database (void)
{
  g_autofree char *path = g_build_filename (work_dir, "hostile.entente", NULL);
  g_autoptr(EntStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) long_name = g_string_new (NULL);
  g_autoptr(GString) many_lines = g_string_new (NULL);
  const char *names[] = {
    "<b>&amp;\"'", "\\N", "\\G", "trailing\\", "Беларусь", "भारत", "🇮🇳 🤝 🇧🇾 👩‍💼",
    "tab\tand\rcarriage", "\x01\x02 control \x1b[31m", NULL, NULL,
  };
  EntSource source = { .title = (char *) "Hostile", .body = (char *) "A hostile text." };
  gint64 source_id, quote_id, previous = 0;

  g_string_append (long_name, "Long");
  while (long_name->len < 20000)
    g_string_append (long_name, " very long name");
  for (int i = 0; i < 40000; i++)
    g_string_append (many_lines, "line\n");
  names[G_N_ELEMENTS (names) - 2] = long_name->str;
  names[G_N_ELEMENTS (names) - 1] = many_lines->str;

  store = ent_store_open (path, ENT_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  source_id = ent_store_add_source (store, &source, &error);
  quote_id = ent_store_add_quote (store, source_id, 2, 9, "hostile", &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      EntEntity entity = { .kind = i % ENT_N_KINDS, .name = (char *) names[i] };
      EntRelation relation = { .kind = (char *) "knows", .label = (char *) names[i], .directed = i % 2 };
      gint64 id = ent_store_add_entity (store, &entity, &error);

      g_assert_no_error (error);
      g_assert_true (ent_store_add_entity_evidence (store, id, quote_id, &error));
      if (previous != 0)
        {
          relation.from_id = previous;
          relation.to_id = id;
          g_assert_cmpint (ent_store_add_relation (store, &relation, &error), >, 0);
          g_assert_no_error (error);
        }
      previous = id;
    }

  /* The store refuses invalid UTF-8 with a clear message... */
  {
    EntEntity bad = { .kind = ENT_KIND_PERSON, .name = (char *) "bad \xff\xfe utf-8" };
    g_assert_cmpint (ent_store_add_entity (store, &bad, &error), ==, 0);
    g_assert_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "UTF-8"));
    g_clear_error (&error);
  }
  g_clear_object (&store);

  /* ...but a file made elsewhere can hold it all the same. */
  {
    const char *argv[] = { "sqlite3", path,
                           "INSERT INTO entities (kind, name) VALUES ('place', CAST (x'626164fffe20757466' AS TEXT));"
                           "INSERT INTO entity_evidence (entity_id, quote_id) SELECT max (id), 1 FROM entities;", NULL };
    int status = 0;

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }

  return g_steal_pointer (&path);
}

static void
test_hostile_names (void)
{
  g_autofree char *input = make_hostile_database ();
  const char *engines[] = { "dot", "neato", "sfdp" };

  for (guint e = 0; e < G_N_ELEMENTS (engines); e++)
    {
      g_autofree char *svg = g_strdup_printf ("%s/hostile-%s.svg", work_dir, engines[e]);
      g_autofree char *png = g_strdup_printf ("%s/hostile-%s.png", work_dir, engines[e]);
      g_autofree char *rendered = g_strconcat (svg, ".png", NULL);
      g_autofree char *texts = NULL;
      g_auto(Run) run_svg = { 0 };
      g_auto(Run) run_png = { 0 };

      export (&run_svg, NULL, input, svg, engines[e], TRUE, NULL);
      g_assert_cmpstr (run_svg.err, ==, "");
      g_assert_cmpint (run_svg.status, ==, 0);
      g_assert_true (tool_accepts ("xmllint", "--noout", svg, NULL));
      g_assert_true (tool_accepts ("rsvg-convert", svg, "-o", rendered, NULL));
      texts = svg_text_content (svg);
      g_assert_nonnull (strstr (texts, "<b>&amp;\"'"));
      g_assert_nonnull (strstr (texts, "Беларусь"));
      g_assert_nonnull (strstr (texts, "भारत"));
      g_assert_nonnull (strstr (texts, "trailing\\"));

      export (&run_png, NULL, input, png, engines[e], FALSE, NULL);
      g_assert_cmpint (run_png.status, ==, 0);
      g_assert_true (tool_accepts ("pngcheck", "-q", png, NULL));
    }
}

static void
test_stored_positions_need_no_worker (void)
{
  g_autofree char *input = copy_bundled (work_dir, "stored.entente");
  g_autofree char *first = g_build_filename (work_dir, "stored-first.svg", NULL);
  g_autofree char *second = g_build_filename (work_dir, "stored-second.svg", NULL);
  g_autofree char *third = g_build_filename (work_dir, "stored-third.svg", NULL);
  g_autofree char *a = NULL, *b = NULL;
  g_auto(Run) run1 = { 0 };
  g_auto(Run) run2 = { 0 };
  g_auto(Run) run3 = { 0 };

  export (&run1, NULL, input, first, "neato", FALSE, NULL);
  g_assert_cmpint (run1.status, ==, 0);

  /* No worker can be started now: the stored positions must do. */
  export (&run2, "/nonexistent/entente-layout", input, second, "neato", FALSE, NULL);
  g_assert_cmpstr (run2.err, ==, "");
  g_assert_cmpint (run2.status, ==, 0);
  g_assert_true (g_file_get_contents (first, &a, NULL, NULL));
  g_assert_true (g_file_get_contents (second, &b, NULL, NULL));
  g_assert_cmpstr (a, ==, b);

  /* Asked to lay out again, it says that it cannot. */
  export (&run3, "/nonexistent/entente-layout", input, third, "neato", TRUE, NULL);
  g_assert_cmpint (run3.status, !=, 0);
  g_assert_nonnull (strstr (run3.err, "layout"));
  g_assert_false (g_file_test (third, G_FILE_TEST_EXISTS));
}

/* An export that must fail: it exits with 1, says @message_part and writes nothing. */
static void
assert_export_fails (const char *input,
                     const char *output_name,
                     const char *engine,
                     const char *scale,
                     const char *message_part)
{
  g_autofree char *output = g_build_filename (work_dir, output_name, NULL);
  g_auto(Run) run = { 0 };

  export (&run, NULL, input, output, engine, FALSE, scale);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, message_part));
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
}

static void
test_errors (void)
{
  g_autofree char *input = copy_bundled (work_dir, "errors.entente");
  g_autofree char *garbage = g_build_filename (work_dir, "garbage.entente", NULL);
  g_auto(Run) version = { 0 };
  const char *version_argv[] = { entente_path, "--version", NULL };

  assert_export_fails (input, "huge.png", "dot", "500", "32767");

  g_assert_true (g_file_set_contents (garbage, "\x01\x02garbage", -1, NULL));
  assert_export_fails (garbage, "out.svg", NULL, NULL, "not an Entente file");

  assert_export_fails (input, "out.gif", NULL, NULL, ".svg");
  assert_export_fails (input, "out.svg", "magic", NULL, "magic");

  run_program (&version, NULL, version_argv);
  g_assert_cmpint (version.status, ==, 0);
  g_assert_cmpstr (version.out, ==, "entente " PACKAGE_VERSION "\n");
}

static void
test_svg_escaping (void)
{
  static const GMarkupParser parser = { NULL, NULL, NULL, NULL, NULL };
  const char *inputs[] = {
    "<b>&amp;\"'", "\x01\x02\x1f ok \x7f", "bad \xff\xfe utf-8 \xc3", "\\N \\G \\", "Беларусь भारत 🇧🇾",
    "]]> <!-- --> <![CDATA[", "\xef\xbf\xbe \xef\xbf\xbf",
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GString) xml = g_string_new ("<t>");
      g_autoptr(GError) error = NULL;
      GMarkupParseContext *context;

      ent_svg_append_escaped (xml, inputs[i]);
      g_string_append (xml, "</t>");
      g_assert_true (g_utf8_validate (xml->str, -1, NULL));

      context = g_markup_parse_context_new (&parser, 0, NULL, NULL);
      g_markup_parse_context_parse (context, xml->str, xml->len, &error);
      if (error == NULL)
        g_markup_parse_context_end_parse (context, &error);
      g_assert_no_error (error);
      g_markup_parse_context_free (context);
    }
}

static void
test_sanitize (void)
{
  g_autofree char *a = ent_scene_sanitize_text ("  two\n\nlines\t ", 100);
  g_autofree char *b = ent_scene_sanitize_text ("abcdefghij", 5);
  g_autofree char *c = ent_scene_sanitize_text ("bad \xff utf", 100);
  g_autofree char *d = ent_scene_sanitize_text ("\x01\x02", 100);

  g_assert_cmpstr (a, ==, "two lines");
  g_assert_cmpstr (b, ==, "abcd…");
  g_assert_true (g_utf8_validate (c, -1, NULL));
  g_assert_cmpstr (d, ==, "");
}

/*
 * Points the home and XDG folders of this process, and so of the programs it
 * starts, into @root, before anything asks GLib for them. The program's own
 * data goes there, never to the user's. G_TEST_OPTION_ISOLATE_DIRS would do
 * the same for each test, but GLib keeps the names of the folders it gives
 * up on purpose, and a build with LeakSanitizer reports them as leaks.
 */
static void
isolate_user_dirs (const char *root)
{
  static const char * const variables[] = {
    "HOME", "XDG_CACHE_HOME", "XDG_CONFIG_DIRS", "XDG_CONFIG_HOME", "XDG_DATA_DIRS",
    "XDG_DATA_HOME", "XDG_RUNTIME_DIR", "XDG_STATE_HOME",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (variables); i++)
    {
      g_autofree char *dir = g_build_filename (root, variables[i], NULL);

      g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
      g_setenv (variables[i], dir, TRUE);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *user_dirs = NULL;

  g_test_init (&argc, &argv, NULL);

  if (argc != 2)
    {
      g_printerr ("Usage: %s ENTENTE\n", argv[0]);
      return 2;
    }
  entente_path = argv[1];
  work_dir = g_dir_make_tmp ("entente-export-XXXXXX", NULL);
  user_dirs = g_build_filename (work_dir, "user", NULL);
  isolate_user_dirs (user_dirs);

  g_test_add_func ("/ent/export/svg-escaping", test_svg_escaping);
  g_test_add_func ("/ent/export/sanitize", test_sanitize);
  for (const char * const *engine = (const char *[]) { "dot", "neato", "fdp", "sfdp", "circo", "twopi", NULL };
       *engine != NULL; engine++)
    {
      g_autofree char *path = g_strdup_printf ("/ent/export/engine/%s", *engine);
      g_test_add_data_func (path, *engine, test_engine);
    }
  g_test_add_func ("/ent/export/hostile-names", test_hostile_names);
  g_test_add_func ("/ent/export/stored-positions-need-no-worker", test_stored_positions_need_no_worker);
  g_test_add_func ("/ent/export/errors", test_errors);

  return g_test_run ();
}
