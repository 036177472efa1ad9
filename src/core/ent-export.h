/* ent-export.h: writes diagrams to SVG, PNG and PDF files
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ent-scene.h"

G_BEGIN_DECLS

#define ENT_EXPORT_ERROR (ent_export_error_quark ())

typedef enum
{
  ENT_EXPORT_ERROR_UNKNOWN_FORMAT,
  ENT_EXPORT_ERROR_TOO_LARGE,
  ENT_EXPORT_ERROR_FAILED,
} EntExportError;

typedef enum
{
  ENT_EXPORT_FORMAT_SVG,
  ENT_EXPORT_FORMAT_PNG,
  ENT_EXPORT_FORMAT_PDF,
} EntExportFormat;

/* The largest PNG side: Cairo's image surfaces end at 32,767 pixels. */
#define ENT_EXPORT_MAX_PIXELS 32767
/* The longest side of a PNG sized for a screen, when no size is asked for. */
#define ENT_EXPORT_SCREEN_PIXELS 4096
/* Pixels per point of a PNG sized for a screen, at most: more only blurs what a screen shows anyway. */
#define ENT_EXPORT_DEFAULT_SCALE 2.0

/* The paper of a PDF. */
typedef enum
{
  /* One page the diagram's own size (up to 200 inches a side), with no margin of paper. */
  ENT_EXPORT_PAGE_DIAGRAM,
  ENT_EXPORT_PAGE_A4,
  ENT_EXPORT_PAGE_LETTER,
  ENT_EXPORT_PAGE_A3,
} EntExportPage;

/* The paper margin of a PDF page when none is asked for, in points: 10 mm. */
#define ENT_EXPORT_PDF_MARGIN (10.0 * 72.0 / 25.4)
/* How much each page of a poster repeats of its neighbours, in points: 10 mm, to glue them over. */
#define ENT_EXPORT_POSTER_OVERLAP (10.0 * 72.0 / 25.4)
/* The most pages of a poster. */
#define ENT_EXPORT_POSTER_MAX_PAGES 64

/* Called between the strips of a PNG with the share of it written, from 0 to 1. */
typedef void (*EntExportProgressFunc) (double   fraction,
                                       gpointer user_data);

typedef struct
{
  /* The size of a PNG, by the first of these that is set (above 0): its width or height in pixels, its dots
   * per inch (72 a point) or its pixels per point. With none, its longest side is
   * ENT_EXPORT_SCREEN_PIXELS at ENT_EXPORT_DEFAULT_SCALE at most. */
  int                    width;
  int                    height;
  double                 dpi;
  double                 scale;
  /* The dark style's colours and background; a transparent background, with no page colour under the drawing. */
  gboolean               dark;
  gboolean               transparent;
  gboolean               legend;
  gboolean               edge_labels;
  /* A caption under the diagram: @title (NULL for none) and @date (NULL for now), as "Title — 2 December 2026". */
  gboolean               caption;
  const char            *title;
  GDateTime             *date;
  /* The filters the export follows, as ent_view_state_describe_filters() says them: a line of the caption,
   * which is drawn for them even without @caption. NULL for none. */
  const char            *filters;
  /* A PDF's paper (see EntExportPage), turned landscape or not, with @margin points of paper clear on each side
   * (0 for ENT_EXPORT_PDF_MARGIN, below 0 for none). The diagram is scaled to fit the page, never enlarged;
   * its text stays text. With @poster_pages above 1 it is a poster: the diagram enlarged over that many pages
   * of the paper (A4 when @page is ENT_EXPORT_PAGE_DIAGRAM), in the grid of columns and rows that prints it
   * largest (exactly that many pages, none left mostly blank if a grid allows), each page overlapping the next
   * by ENT_EXPORT_POSTER_OVERLAP with marks to align them. On the diagram's own paper, without a poster,
   * @landscape and @margin do nothing. */
  EntExportPage          page;
  gboolean               landscape;
  double                 margin;
  int                    poster_pages;
  /* The part of the graph to export; NULL for all that is shown. */
  const EntRect         *area;
  /* One EntItemState per scene item, as the view's filters set them: items with ENT_ITEM_STATE_HIDDEN are left
   * out, and with no @area the export is as large as the rest. NULL for every item. */
  const guint8          *item_states;
  /* A PNG is written in strips; between them it can be cancelled, and tells how far it is. */
  GCancellable          *cancellable;
  EntExportProgressFunc  progress;
  gpointer               progress_data;
  /* The most rows a strip has; 0 for as many as fit in 32 MB. Fewer let a test draw a small PNG in strips. */
  int                    strip_rows;
} EntExportOptions;

typedef struct _EntExportJob EntExportJob;

GQuark   ent_export_error_quark     (void);

gboolean ent_export_format_for_path (const char              *path,
                                     EntExportFormat         *format,
                                     GError                 **error);
gboolean ent_export_page_from_name (const char              *name,
                                     EntExportPage           *page,
                                     GError                 **error);
gboolean ent_export_png_size        (EntScene                *scene,
                                     const EntExportOptions  *options,
                                     int                     *width,
                                     int                     *height,
                                     GError                 **error);
gboolean ent_export_scene           (EntScene                *scene,
                                     const char              *path,
                                     EntExportFormat          format,
                                     const EntExportOptions  *options,
                                     GError                 **error);

EntExportJob *ent_export_job_new          (EntScene                *scene,
                                           const char              *path,
                                           EntExportFormat          format,
                                           const EntExportOptions  *options,
                                           GError                 **error);
gboolean      ent_export_job_step         (EntExportJob            *self,
                                           gboolean                *done,
                                           GError                 **error);
double        ent_export_job_get_fraction (EntExportJob            *self);
void          ent_export_job_free         (EntExportJob            *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntExportJob, ent_export_job_free)

G_END_DECLS
