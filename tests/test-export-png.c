/* test-export-png.c: PNG exports: their sizes, their strips, their memory and cancelling them
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ent-diagram.h"
#include "ent-export.h"
#include "ent-renderer.h"
#include "ent-test-util.h"

#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <gio/gio.h>
#include <glib/gstdio.h>

static const char *entente_path;
static const char *bench_path;
static char *work_dir;
static char *network_path;
static EntScene *network;

/* The sanitizer build, many times slower, checks the same on a smaller network. */
static gboolean
slow_build (void)
{
  return g_getenv ("ENTENTE_TEST_SLOWDOWN") != NULL;
}

/* A generated network in clusters, laid out by sfdp once for all tests: 10,000 entities as the issue asks. */
static const char *
generated_network (void)
{
  const char *size = slow_build () ? "1000" : "10000";
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (network_path != NULL)
    return network_path;

  network_path = g_build_filename (work_dir, "clustered.entente", NULL);
  {
    const char *argv[] = { bench_path, "generate", "--size", size, "--shape", "clustered", "--seed", "1",
                           "--layout", "sfdp", network_path, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, &err, &status, &error);
  }
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("entente-bench generate failed: %s", err);

  return network_path;
}

/* The scene of the generated network as `entente --export` builds it: stored positions, no layout. */
static EntScene *
generated_scene (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EntStore) store = NULL;
  g_autoptr(EntGraph) graph = NULL;

  if (network != NULL)
    return network;

  store = ent_store_open (generated_network (), ENT_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  graph = ent_store_load_graph (store, &error);
  g_assert_no_error (error);
  network = ent_diagram_build (store, graph, ent_diagram_choose_engine (graph, NULL), FALSE, NULL, NULL, &error);
  g_assert_no_error (error);

  return network;
}

/* The width and height a PNG's header gives, read without decoding an image that may be very large. */
static void
png_header_size (const char *path,
                 int        *width,
                 int        *height)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, NULL);
  guint8 header[24];
  gsize n_read = 0;

  g_assert_nonnull (stream);
  g_assert_true (g_input_stream_read_all (G_INPUT_STREAM (stream), header, sizeof header, &n_read, NULL, NULL));
  g_assert_cmpuint (n_read, ==, sizeof header);
  g_assert_cmpmem (header, 8, "\x89PNG\r\n\x1a\n", 8);
  g_assert_cmpmem (header + 12, 4, "IHDR", 4);
  *width = (int) ((guint32) header[16] << 24 | header[17] << 16 | header[18] << 8 | header[19]);
  *height = (int) ((guint32) header[20] << 24 | header[21] << 16 | header[22] << 8 | header[23]);
}

static gboolean
tool_accepts (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  int status = -1;

  g_spawn_sync (NULL, (char **) argv, NULL,
                G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  return g_spawn_check_wait_status (status, NULL);
}

/*
 * Runs `entente --export=OUTPUT ARGS… NETWORK` without a display, and gives
 * its exit status and, from wait4(), its peak resident memory in kilobytes.
 */
static int
export_png (const char *output,
            const char *size_arg,
            const char *other_arg,
            long       *peak_kb)
{
  g_autofree char *export_arg = g_strconcat ("--export=", output, NULL);
  const char *argv[6] = { entente_path, export_arg, NULL };
  g_autoptr(GError) error = NULL;
  struct rusage usage = { 0 };
  int n = 2, status = 0;
  GPid pid;

  if (size_arg != NULL)
    argv[n++] = size_arg;
  if (other_arg != NULL)
    argv[n++] = other_arg;
  argv[n] = generated_network ();

  g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                 &pid, &error);
  g_assert_no_error (error);
  g_assert_cmpint (wait4 (pid, &status, 0, &usage), ==, pid);
  g_spawn_close_pid (pid);
  g_assert_true (WIFEXITED (status));
  if (peak_kb != NULL)
    *peak_kb = usage.ru_maxrss;

  return WEXITSTATUS (status);
}

/* Every size option gives the size ent_export_png_size() tells, the one the window shows before writing. */
static void
test_sizes (void)
{
  static const struct
  {
    const char       *arg;
    EntExportOptions  size;
  } cases[] = {
    { NULL, { 0 } },
    { "--width=3000", { .width = 3000 } },
    { "--height=777", { .height = 777 } },
    { "--dpi=36", { .dpi = 36 } },
    { "--scale=0.5", { .scale = 0.5 } },
  };
  EntScene *scene = generated_scene ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *output = g_strdup_printf ("%s/size-%u.png", work_dir, i);
      EntExportOptions options = cases[i].size;
      g_autoptr(GError) error = NULL;
      int expected_width, expected_height, width, height;

      options.legend = TRUE;
      g_assert_true (ent_export_png_size (scene, &options, &expected_width, &expected_height, &error));
      g_assert_no_error (error);
      g_assert_cmpint (export_png (output, cases[i].arg, NULL, NULL), ==, 0);
      png_header_size (output, &width, &height);
      g_assert_cmpint (width, ==, expected_width);
      g_assert_cmpint (height, ==, expected_height);
      g_assert_true (tool_accepts ((const char *[]) { "pngcheck", "-q", output, NULL }));

      if (options.width > 0)
        g_assert_cmpint (width, ==, options.width);
      if (options.height > 0)
        g_assert_cmpint (height, ==, options.height);
    }

  /* 36 dpi is half a pixel a point: the same size as --scale=0.5. */
  {
    int dpi_width, dpi_height, scale_width, scale_height;
    g_autofree char *dpi = g_strdup_printf ("%s/size-3.png", work_dir);
    g_autofree char *scale = g_strdup_printf ("%s/size-4.png", work_dir);

    png_header_size (dpi, &dpi_width, &dpi_height);
    png_header_size (scale, &scale_width, &scale_height);
    g_assert_cmpint (dpi_width, ==, scale_width);
    g_assert_cmpint (dpi_height, ==, scale_height);
  }
}

/* With no size asked for, a PNG is sized for a screen: 4,096 pixels on its longest side, at most 2 a point. */
static void
test_default_size (void)
{
  g_autofree char *output = g_build_filename (work_dir, "default.png", NULL);
  EntScene *scene = generated_scene ();
  EntRect bounds;
  int width, height;

  g_assert_cmpint (export_png (output, NULL, NULL, NULL), ==, 0);
  png_header_size (output, &width, &height);
  ent_scene_get_bounds (scene, TRUE, &bounds);
  if (MAX (bounds.x2 - bounds.x1, bounds.y2 - bounds.y1) * ENT_EXPORT_DEFAULT_SCALE >= ENT_EXPORT_SCREEN_PIXELS)
    g_assert_cmpint (MAX (width, height), ==, ENT_EXPORT_SCREEN_PIXELS);
  else
    g_assert_cmpint (MAX (width, height), <, ENT_EXPORT_SCREEN_PIXELS);

  g_assert_true (tool_accepts ((const char *[]) { "pngcheck", "-q", output, NULL }));
  g_assert_true (tool_accepts ((const char *[]) { "identify", output, NULL }));
}

static void
assert_export_refused (const char *size_arg,
                       const char *other_arg)
{
  g_autofree char *output = g_build_filename (work_dir, "refused.png", NULL);

  g_assert_cmpint (export_png (output, size_arg, other_arg, NULL), ==, 2);
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
}

static void
test_conflicting_options (void)
{
  assert_export_refused ("--width=100", "--height=100");
  assert_export_refused ("--dpi=300", "--scale=2");
  assert_export_refused ("--width=100", "--scale=2");
  assert_export_refused ("--width=40000", NULL);
  assert_export_refused ("--height=-3", NULL);
  assert_export_refused ("--dpi=-1", NULL);
  assert_export_refused ("--scale=-1", NULL);
  assert_export_refused ("--scale=2", "--dpi=72");
}

/* A PNG wider than a screen many times over, in memory that does not grow with it. */
static void
test_large_in_bounded_memory (void)
{
  g_autofree char *output = g_build_filename (work_dir, "wide.png", NULL);
  g_autoptr(GTimer) timer = g_timer_new ();
  long peak_kb = 0;
  int width, height;

  if (slow_build ())
    {
      /* The sanitizers' own memory would be measured, and the image would take many minutes. */
      g_test_skip ("Memory is measured in the build without sanitizers");
      return;
    }

  g_assert_cmpint (export_png (output, "--width=30000", NULL, &peak_kb), ==, 0);
  g_test_message ("A PNG 30,000 pixels wide: %.1f s, peak resident memory %.1f MB",
                  g_timer_elapsed (timer, NULL), peak_kb / 1024.0);
  png_header_size (output, &width, &height);
  g_assert_cmpint (width, ==, 30000);
  g_assert_cmpint (peak_kb, <, 200 * 1024);
  g_assert_true (tool_accepts ((const char *[]) { "pngcheck", "-q", output, NULL }));
  g_unlink (output);
}

/* The drawing of the whole area on one surface, as the export drew before it had strips. */
static cairo_surface_t *
one_piece (EntScene      *scene,
           const EntRect *area,
           double         scale,
           int            width,
           int            height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);
  EntRenderOptions options = {
    .scale = scale,
    .legend = TRUE,
    .visible = area,
    .edge_opacity = ent_renderer_edge_opacity (scene, area, scale, NULL),
  };
  EntColor background, foreground, edge;

  ent_renderer_get_colors (FALSE, &background, &foreground, &edge);
  cairo_set_source_rgb (cr, background.red, background.green, background.blue);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -area->x1, -area->y1);
  ent_renderer_draw (scene, cr, &options, NULL);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

static void
record_progress_cb (double   fraction,
                    gpointer user_data)
{
  GArray *fractions = user_data;

  g_array_append_val (fractions, fraction);
}

static void
test_strips_equal_one_piece (void)
{
  g_autofree char *output = g_build_filename (work_dir, "strips.png", NULL);
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  EntScene *scene = generated_scene ();
  EntRect area;
  /* Strips of an odd height, so that their edges fall anywhere across the drawing. */
  EntExportOptions options = { .width = 3000, .legend = TRUE, .area = &area, .strip_rows = 97,
                               .progress = record_progress_cb, .progress_data = fractions };
  cairo_surface_t *strips, *whole;
  int width, height, differing = 0;

  ent_scene_measure_edge_labels (scene);
  ent_scene_get_bounds (scene, TRUE, &area);
  g_assert_true (ent_export_scene (scene, output, ENT_EXPORT_FORMAT_PNG, &options, &error));
  g_assert_no_error (error);

  g_assert_true (ent_export_png_size (scene, &options, &width, &height, &error));
  g_assert_cmpint (width, ==, 3000);
  g_assert_cmpuint (fractions->len, ==, (guint) (height + 96) / 97);
  for (guint i = 1; i < fractions->len; i++)
    g_assert_cmpfloat (g_array_index (fractions, double, i), >, g_array_index (fractions, double, i - 1));
  g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), ==, 1.0);

  strips = cairo_image_surface_create_from_png (output);
  g_assert_cmpint (cairo_surface_status (strips), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (strips), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (strips), ==, height);
  whole = one_piece (scene, &area, width / (area.x2 - area.x1), width, height);

  for (int row = 0; row < height; row++)
    {
      const guint32 *a = (const guint32 *) (cairo_image_surface_get_data (strips) +
                                            row * cairo_image_surface_get_stride (strips));
      const guint32 *b = (const guint32 *) (cairo_image_surface_get_data (whole) +
                                            row * cairo_image_surface_get_stride (whole));

      for (int x = 0; x < width; x++)
        for (int shift = 0; shift < 24; shift += 8)
          {
            int pa = (a[x] >> shift) & 0xff, pb = (b[x] >> shift) & 0xff;

            /* Cairo's rasteriser, clipped to a strip, may round a pixel of a stroke across its edge a few levels
             * differently, as when the view pans. */
            if (ABS (pa - pb) > 16)
              g_error ("pixel (%d, %d) is %06x in strips but %06x in one piece", x, row, a[x] & 0xffffff,
                       b[x] & 0xffffff);
            differing += pa != pb;
          }
    }
  g_test_message ("%d channels of %d × %d pixels differ slightly between strips and one piece",
                  differing, width, height);

  cairo_surface_destroy (strips);
  cairo_surface_destroy (whole);
}

static void
cancel_cb (double   fraction,
           gpointer user_data)
{
  g_cancellable_cancel (user_data);
}

/* The folder's files other than the network: a cancelled export must leave neither its file nor a temporary. */
static guint
count_outputs (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (listing);
  for (const char *name = g_dir_read_name (listing); name != NULL; name = g_dir_read_name (listing))
    n++;

  return n;
}

static void
test_cancel (void)
{
  g_autofree char *dir = g_build_filename (work_dir, "cancel", NULL);
  g_autofree char *output = g_build_filename (dir, "cancelled.png", NULL);
  g_autofree char *kept = g_build_filename (dir, "kept.png", NULL);
  g_autofree char *contents = NULL;
  EntScene *scene = generated_scene ();

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (kept, "the old file", -1, NULL));

  /* Cancelled after the first strip, from the progress callback; before the first, as from another thread. */
  for (guint before = 0; before < 2; before++)
    for (guint existing = 0; existing < 2; existing++)
      {
        g_autoptr(GCancellable) cancellable = g_cancellable_new ();
        g_autoptr(GError) error = NULL;
        EntExportOptions options = { .width = 1000, .legend = TRUE, .strip_rows = 50, .cancellable = cancellable,
                                     .progress = cancel_cb, .progress_data = cancellable };

        if (before)
          g_cancellable_cancel (cancellable);
        g_assert_false (ent_export_scene (scene, existing ? kept : output, ENT_EXPORT_FORMAT_PNG, &options, &error));
        g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
        g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
        g_assert_cmpuint (count_outputs (dir), ==, 1);
      }

  /* A file that was there is kept as it was. */
  g_assert_true (g_file_get_contents (kept, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "the old file");
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

  if (argc != 3)
    {
      g_printerr ("Usage: %s ENTENTE ENTENTE-BENCH\n", argv[0]);
      return 2;
    }
  entente_path = argv[1];
  bench_path = argv[2];
  work_dir = g_dir_make_tmp ("entente-export-png-XXXXXX", NULL);
  g_assert_nonnull (work_dir);

  g_test_add_func ("/ent/export-png/sizes", test_sizes);
  g_test_add_func ("/ent/export-png/default-size", test_default_size);
  g_test_add_func ("/ent/export-png/conflicting-options", test_conflicting_options);
  g_test_add_func ("/ent/export-png/large-in-bounded-memory", test_large_in_bounded_memory);
  g_test_add_func ("/ent/export-png/strips-equal-one-piece", test_strips_equal_one_piece);
  g_test_add_func ("/ent/export-png/cancel", test_cancel);

  status = g_test_run ();
  g_clear_pointer (&network, ent_scene_unref);
  g_free (network_path);
  remove_tree (work_dir);
  g_free (work_dir);

  return status;
}
