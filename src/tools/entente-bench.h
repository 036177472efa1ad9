/* entente-bench.h: what the parts of the benchmark tool share
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ent-scene.h"

#include <cairo.h>

G_BEGIN_DECLS

/* The size of the view that every frame is drawn for. */
#define VIEW_WIDTH  1280
#define VIEW_HEIGHT 800

typedef enum
{
  SHAPE_TREE,
  SHAPE_LOCAL,
  SHAPE_HUB,
  SHAPE_CLUSTERED,
  SHAPE_DENSE,
} Shape;

typedef struct
{
  guint       runs;
  gboolean    quick;
  Shape       shape;
  guint32     seed;
  char       *workdir;
  char       *self_path;
  char       *window_path;
} RunOptions;

typedef struct
{
  double  worker_ms;
  double  cli_ms;
} LayoutFigure;

typedef struct
{
  guint       size;
  char       *path;
  char       *dot_dir;
  double      generate_ms;
  double      first_layout_ms;
  double      plain_cli_ms;
  double      open_ms;
  double      first_frame_ms;
  double      frame_ms[4];     /* fit-all, 50 %, 100 %, 400 % */
  double      pan_ms;
  double      zoom_step_ms;    /* a step of a zoom gesture: the kept image stretched */
  double      pan_max_ms;
  double      pan_fit_max_ms;
  double      hit_us;
  double      svg_ms;
  double      svg_cli_ms;
  double      png_ms;
  double      png_cli_ms;
  double      peak_mb;
  double      window_mb;
  GHashTable *layouts;         /* engine name → LayoutFigure */
} SizeFigures;

/* What the Graphviz command line drew, in points with y down. */
typedef struct
{
  gint64  from_id;
  gint64  to_id;
  guint   n_points;
  double *points;      /* control points of a cubic spline, x, y pairs */
} BenchDrawnEdge;

typedef struct
{
  GArray *positions;   /* EntPosition: each node's centre */
  GArray *edges;       /* BenchDrawnEdge */
} BenchDrawing;

static inline double
bench_now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* bench-generate.c */
const char   *bench_shape_name              (Shape             shape);
gboolean      bench_parse_shape             (const char       *name,
                                             Shape            *shape);
gboolean      bench_generate_file           (const char       *path,
                                             guint             n,
                                             Shape             shape,
                                             guint32           seed,
                                             const char       *engine,
                                             double           *layout_ms,
                                             GError          **error);

/* bench-dot.c */
gboolean      bench_write_dot               (EntGraph         *graph,
                                             const char       *engine,
                                             const char       *splines,
                                             const char       *path,
                                             GError          **error);
gboolean      bench_write_routed_dot        (EntGraph         *graph,
                                             const char       *engine,
                                             const char       *path,
                                             GError          **error);
BenchDrawing *bench_read_drawing            (const char       *text,
                                             GError          **error);
void          bench_drawing_free            (BenchDrawing     *drawing);

/* bench-mentions.c */
int           bench_command_mentions        (int               argc,
                                             char             *argv[]);

/* bench-timeline.c */
int           bench_command_timeline        (int               argc,
                                             char             *argv[]);

/* bench-sources.c */
int           bench_command_sources         (int               argc,
                                             char             *argv[]);
/* bench-paths.c */
int           bench_command_paths           (int               argc,
                                             char            **argv);

/* bench-bundle.c */
int           bench_command_bundle          (int               argc,
                                             char            **argv);

/* bench-quality.c */
int           bench_command_quality         (int               argc,
                                             char            **argv);

/* bench-view.c */
EntScene     *bench_open_network            (const char       *path,
                                             EntGraph        **graph,
                                             GError          **error);
EntScene     *bench_open_scene              (const char       *path,
                                             GError          **error);
double        bench_fit_zoom                (EntScene         *scene);
void          bench_scene_centre            (EntScene         *scene,
                                             double           *cx,
                                             double           *cy);
const EntSceneItem *bench_central_node      (EntScene         *scene);
void          bench_draw_frame              (EntScene         *scene,
                                             cairo_surface_t  *surface,
                                             double            cx,
                                             double            cy,
                                             double            zoom);
void          bench_draw_frame_with_states  (EntScene         *scene,
                                             const guint8     *states,
                                             cairo_surface_t  *surface,
                                             double            cx,
                                             double            cy,
                                             double            zoom);
double        bench_png_scale               (const char       *path);

/* bench-measure.c */
double        bench_median                  (GArray           *samples);
double        bench_time_first_frame        (const char       *path);
SizeFigures  *bench_measure_size            (guint             size,
                                             const RunOptions *options,
                                             GError          **error);
void          bench_size_figures_free       (SizeFigures      *figures);

/* bench-memory.c */
double        bench_read_peak_memory        (const char       *status_path);
double        bench_measure_peak_memory     (const RunOptions *options,
                                             const char       *path);
double        bench_measure_window_memory   (const RunOptions *options,
                                             const char       *path);

/* bench-table.c */
void          bench_print_table             (GPtrArray        *all,
                                             const RunOptions *options);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SizeFigures, bench_size_figures_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BenchDrawing, bench_drawing_free)

G_END_DECLS
