/* test-export-pdf.c: PDF exports on paper: page sizes, margins, text kept as text, posters, cancelling them
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ent-diagram.h"
#include "ent-export.h"
#include "ent-export-private.h"
#include "ent-test-util.h"
#include "ent-user-data.h"

#include <math.h>
#include <string.h>
#include <gio/gio.h>
#include <glib/gstdio.h>

static char *work_dir;
static EntScene *network;
static EntGraph *network_graph;

/* The bundled network's scene as `entente --export` builds it, once for all tests. */
static EntScene *
bundled_scene (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EntStore) store = NULL;

  if (network != NULL)
    return network;

  path = ent_bundled_database_path ();
  store = ent_store_open (path, ENT_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  network_graph = ent_store_load_graph (store, &error);
  g_assert_no_error (error);
  network = ent_diagram_build (store, network_graph, ent_diagram_choose_engine (network_graph, NULL), FALSE, NULL,
                               NULL, &error);
  g_assert_no_error (error);

  return network;
}

/* Whether poppler's tools are there; without them the test is skipped. */
static gboolean
have_poppler (void)
{
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");

  if (pdfinfo != NULL && pdftotext != NULL)
    return TRUE;
  g_test_skip ("pdfinfo and pdftotext (poppler-utils) are needed");
  return FALSE;
}

/* What a poppler tool prints about @path, which it must read without complaint. */
static char *
run_tool (const char *tool,
          const char *first_page,
          const char *last_page,
          const char *path)
{
  const char *argv[10] = { tool, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int n = 1, status = -1;

  if (first_page != NULL)
    {
      argv[n++] = "-f";
      argv[n++] = first_page;
      argv[n++] = "-l";
      argv[n++] = last_page;
    }
  if (g_str_equal (tool, "pdftotext"))
    {
      /* Whatever the locale: names have dashes and accents. */
      argv[n++] = "-enc";
      argv[n++] = "UTF-8";
    }
  argv[n++] = path;
  if (g_str_equal (tool, "pdftotext"))
    argv[n++] = "-";

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s %s failed: %s", tool, path, err);
  g_assert_cmpstr (err, ==, "");

  return g_steal_pointer (&out);
}

/* The value pdfinfo gives for @key ("Pages", "Title"…), without the spaces around it. */
static char *
info_value (const char *info,
            const char *key)
{
  g_autofree char *prefix = g_strconcat (key, ":", NULL);
  g_auto(GStrv) lines = g_strsplit (info, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      return g_strstrip (g_strdup (lines[i] + strlen (prefix)));

  return NULL;
}

/* A page size as pdfinfo gives it, "595.276 x 841.89 pts (A4)", read as two numbers. */
static void
parse_size (const char *value,
            double     *width,
            double     *height)
{
  char *end = NULL;

  g_assert_nonnull (value);
  *width = g_ascii_strtod (value, &end);
  g_assert_true (g_str_has_prefix (end, " x "));
  *height = g_ascii_strtod (end + 3, NULL);
}

static void
assert_page_size (const char *value,
                  double      width,
                  double      height)
{
  double page_width, page_height;

  parse_size (value, &page_width, &page_height);
  g_assert_cmpfloat_with_epsilon (page_width, width, 0.01);
  g_assert_cmpfloat_with_epsilon (page_height, height, 0.01);
}

/* Options as the command line gives them: no caption, the legend shown. */
static EntExportOptions
paper_options (EntExportPage page,
               gboolean      landscape)
{
  return (EntExportOptions) { .page = page, .landscape = landscape, .legend = TRUE };
}

static char *
export_pdf (const char             *name,
            const EntExportOptions *options)
{
  g_autofree char *path = g_build_filename (work_dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (ent_export_scene (bundled_scene (), path, ENT_EXPORT_FORMAT_PDF, options, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

/* @text with every space, line break and hyphen taken out, so that a label wrapped over lines still reads as
 * one: pdftotext joins a word wrapped after its hyphen ("Inter-" "governmental") without it. */
static char *
without_spaces (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p) && *p != '-')
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

/* A4 turned: one page 842 × 595 points, the title in its metadata, every entity's name in it as text. */
static void
test_a4_landscape (void)
{
  EntExportOptions options = paper_options (ENT_EXPORT_PAGE_A4, TRUE);
  g_autofree char *path = NULL;
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  g_autofree char *pages = NULL;
  g_autofree char *size = NULL;
  g_autofree char *title = NULL;
  g_autofree char *creator = NULL;

  if (!have_poppler ())
    return;

  options.title = "India and Belarus";
  path = export_pdf ("a4-landscape.pdf", &options);
  info = run_tool ("pdfinfo", NULL, NULL, path);
  pages = info_value (info, "Pages");
  g_assert_cmpstr (pages, ==, "1");
  size = info_value (info, "Page size");
  assert_page_size (size, 841.89, 595.28);
  title = info_value (info, "Title");
  g_assert_cmpstr (title, ==, "India and Belarus");
  creator = info_value (info, "Creator");
  g_assert_cmpstr (creator, ==, "Entente " PACKAGE_VERSION);

  text = run_tool ("pdftotext", NULL, NULL, path);
  flat = without_spaces (text);
  g_assert_cmpuint (network_graph->entities->len, >, 10);
  for (guint i = 0; i < network_graph->entities->len; i++)
    {
      EntEntity *entity = g_ptr_array_index (network_graph->entities, i);
      g_autofree char *name = without_spaces (entity->name);

      if (strstr (flat, name) == NULL)
        {
          g_printerr ("%s", text);
          g_error ("“%s” is not in the PDF's text (above)", entity->name);
        }
    }
}

/* Letter upright, with a margin of its own: 612 × 792 points. */
static void
test_letter_portrait (void)
{
  EntExportOptions options = paper_options (ENT_EXPORT_PAGE_LETTER, FALSE);
  g_autofree char *path = NULL;
  g_autofree char *info = NULL;
  g_autofree char *pages = NULL;
  g_autofree char *size = NULL;

  if (!have_poppler ())
    return;

  options.margin = 72.0;
  path = export_pdf ("letter.pdf", &options);
  info = run_tool ("pdfinfo", NULL, NULL, path);
  pages = info_value (info, "Pages");
  g_assert_cmpstr (pages, ==, "1");
  size = info_value (info, "Page size");
  assert_page_size (size, 612.0, 792.0);
}

/* The diagram's own paper: one page its size, as large as the picture the export draws, at 100 %. */
static void
test_diagram_page (void)
{
  EntExportOptions options = paper_options (ENT_EXPORT_PAGE_DIAGRAM, FALSE);
  EntExportPicture picture;
  g_autofree char *path = NULL;
  g_autofree char *info = NULL;
  g_autofree char *size = NULL;

  if (!have_poppler ())
    return;

  /* Neither turning nor margins change the diagram's own page. */
  options.landscape = TRUE;
  options.margin = 100.0;
  _ent_export_picture_init (&picture, bundled_scene (), &options);
  path = export_pdf ("diagram.pdf", &options);
  info = run_tool ("pdfinfo", NULL, NULL, path);
  size = info_value (info, "Page size");
  assert_page_size (size, picture.area.x2 - picture.area.x1, picture.area.y2 - picture.area.y1);
  _ent_export_picture_clear (&picture);
}

/* A poster of four A4 sheets, written a sheet a step, the file there only after the last; each sheet A4 and
 * labelled with its column and row. */
static void
test_poster (void)
{
  EntExportOptions options = paper_options (ENT_EXPORT_PAGE_DIAGRAM, FALSE);
  g_autofree char *path = g_build_filename (work_dir, "poster.pdf", NULL);
  g_autoptr(EntExportJob) job = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *info = NULL;
  g_autofree char *pages = NULL;
  g_autofree char *text = NULL;
  gboolean done = FALSE;
  int steps = 0;

  if (!have_poppler ())
    return;

  options.poster_pages = 4;
  job = ent_export_job_new (bundled_scene (), path, ENT_EXPORT_FORMAT_PDF, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (ent_export_job_get_fraction (job), ==, 0.0);
  while (!done)
    {
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
      g_assert_true (ent_export_job_step (job, &done, &error));
      g_assert_no_error (error);
      steps++;
      g_assert_cmpfloat_with_epsilon (ent_export_job_get_fraction (job), steps / 4.0, 1e-9);
    }
  g_assert_cmpint (steps, ==, 4);

  info = run_tool ("pdfinfo", NULL, NULL, path);
  pages = info_value (info, "Pages");
  g_assert_cmpstr (pages, ==, "4");
  g_clear_pointer (&info, g_free);
  info = run_tool ("pdfinfo", "1", "4", path);
  for (int i = 1; i <= 4; i++)
    {
      g_autofree char *key = g_strdup_printf ("Page    %d size", i);
      g_autofree char *size = info_value (info, key);

      assert_page_size (size, 595.28, 841.89);
    }

  /* A wide diagram on upright sheets: two by two, labelled A1, B1, A2 and B2. */
  text = run_tool ("pdftotext", NULL, NULL, path);
  for (const char * const *label = (const char *[]) { "A1", "B1", "A2", "B2", NULL }; *label != NULL; label++)
    g_assert_nonnull (strstr (text, *label));
}

/* A poster given up half way leaves no file, and an old file where it was to go. */
static void
test_cancel (void)
{
  g_autofree char *dir = g_build_filename (work_dir, "cancel", NULL);
  g_autofree char *old = g_build_filename (dir, "old.pdf", NULL);
  g_autofree char *fresh = g_build_filename (dir, "new.pdf", NULL);
  EntExportOptions options = paper_options (ENT_EXPORT_PAGE_A3, TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  g_autofree char *contents = NULL;
  const char *target[] = { old, fresh };

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (old, "the old file", -1, NULL));
  options.poster_pages = 6;

  for (guint i = 0; i < G_N_ELEMENTS (target); i++)
    {
      EntExportJob *job = ent_export_job_new (bundled_scene (), target[i], ENT_EXPORT_FORMAT_PDF, &options, &error);
      gboolean done = FALSE;

      g_assert_no_error (error);
      g_assert_true (ent_export_job_step (job, &done, &error));
      g_assert_true (ent_export_job_step (job, &done, &error));
      g_assert_no_error (error);
      g_assert_false (done);
      g_assert_cmpfloat_with_epsilon (ent_export_job_get_fraction (job), 2.0 / 6.0, 1e-9);
      ent_export_job_free (job);
    }

  g_assert_true (g_file_get_contents (old, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "the old file");
  g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));
  /* No temporary file is left beside them either. */
  listing = g_dir_open (dir, 0, NULL);
  g_assert_cmpstr (g_dir_read_name (listing), ==, "old.pdf");
  g_assert_null (g_dir_read_name (listing));
}

/* Options that cannot make a PDF are errors that say why, and write nothing. */
static void
test_errors (void)
{
  g_autofree char *path = g_build_filename (work_dir, "refused.pdf", NULL);
  EntExportOptions options = paper_options (ENT_EXPORT_PAGE_A4, FALSE);
  g_autoptr(GError) error = NULL;

  options.poster_pages = ENT_EXPORT_POSTER_MAX_PAGES + 1;
  g_assert_false (ent_export_scene (bundled_scene (), path, ENT_EXPORT_FORMAT_PDF, &options, &error));
  g_assert_error (error, ENT_EXPORT_ERROR, ENT_EXPORT_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "64"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  options.poster_pages = -3;
  g_assert_false (ent_export_scene (bundled_scene (), path, ENT_EXPORT_FORMAT_PDF, &options, &error));
  g_assert_error (error, ENT_EXPORT_ERROR, ENT_EXPORT_ERROR_FAILED);
  g_clear_error (&error);

  /* 100 mm on each side of an A4 sheet 210 mm wide leaves 10 mm. */
  options.poster_pages = 0;
  options.margin = 100.0 * 72.0 / 25.4;
  g_assert_false (ent_export_scene (bundled_scene (), path, ENT_EXPORT_FORMAT_PDF, &options, &error));
  g_assert_error (error, ENT_EXPORT_ERROR, ENT_EXPORT_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "no room"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  options.margin = NAN;
  g_assert_false (ent_export_scene (bundled_scene (), path, ENT_EXPORT_FORMAT_PDF, &options, &error));
  g_assert_error (error, ENT_EXPORT_ERROR, ENT_EXPORT_ERROR_FAILED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);

  for (const char *name = dir != NULL ? g_dir_read_name (dir) : NULL; name != NULL; name = g_dir_read_name (dir))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      remove_tree (child);
    }
  g_remove (path);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  work_dir = g_dir_make_tmp ("entente-export-pdf-XXXXXX", NULL);
  g_assert_nonnull (work_dir);

  g_test_add_func ("/ent/export-pdf/a4-landscape", test_a4_landscape);
  g_test_add_func ("/ent/export-pdf/letter-portrait", test_letter_portrait);
  g_test_add_func ("/ent/export-pdf/diagram-page", test_diagram_page);
  g_test_add_func ("/ent/export-pdf/poster", test_poster);
  g_test_add_func ("/ent/export-pdf/cancel", test_cancel);
  g_test_add_func ("/ent/export-pdf/errors", test_errors);

  status = g_test_run ();

  g_clear_pointer (&network, ent_scene_unref);
  g_clear_pointer (&network_graph, ent_graph_unref);
  remove_tree (work_dir);
  g_free (work_dir);
  return status;
}
