/* ent-layout.h: graph layout by Graphviz, in a helper process
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ENT_LAYOUT_ERROR (ent_layout_error_quark ())

/* A cancelled layout fails with G_IO_ERROR_CANCELLED instead. */
typedef enum
{
  ENT_LAYOUT_ERROR_UNKNOWN_ENGINE,
  ENT_LAYOUT_ERROR_NO_WORKER,
  ENT_LAYOUT_ERROR_CRASHED,
  ENT_LAYOUT_ERROR_TIMED_OUT,
  ENT_LAYOUT_ERROR_FAILED,
} EntLayoutError;

/*
 * What the client and the helper (src/worker/entente-layout.c) say to each
 * other, as serialised GVariants. They are built together, so the format
 * carries no version.
 *
 * Request: engine, nodes (id, width, height, has position, x, y, pinned),
 * edges (id, from, to, directed). Sizes and positions in points, y down.
 *
 * Reply: bounding box (x1, y1, x2, y2), nodes (id, x, y, width, height),
 * curves (id, number of control points, start arrow?, its tip, end arrow?,
 * its tip) and the control points of all curves one after the other, in
 * the order of the request, in points with y down.
 *
 * Every array has elements of a fixed size, so that each side hands whole
 * arrays to GVariant (g_variant_new_fixed_array, g_variant_get_fixed_array)
 * as the structs below instead of building or taking apart one GVariant per
 * element, which on large graphs took longer than starting the helper.
 */
#define ENT_LAYOUT_REQUEST_TYPE "(sa(xddbddb)a(xxxb))"
#define ENT_LAYOUT_REPLY_TYPE   "((dddd)a(xdddd)a(xubddbdd)a(dd))"

typedef struct
{
  double x;
  double y;
} EntLayoutPoint;

/* A node's centre and size, in points, y growing downwards. */
typedef struct
{
  gint64 id;
  double x;
  double y;
  double width;
  double height;
} EntLayoutNode;

typedef struct
{
  gint64    id;
  /*
   * EntLayoutPoint: the control points of a cubic Bézier spline as
   * Graphviz gives them, 1 + 3k of them (k ≥ 1), from the edge's source
   * to its target, y down.
   */
  GArray   *points;
  /* Where an arrowhead's tip goes, when Graphviz cut the curve short for one. */
  gboolean  has_start_arrow;
  double    start_x;
  double    start_y;
  gboolean  has_end_arrow;
  double    end_x;
  double    end_y;
} EntLayoutEdge;

/*
 * The elements of the arrays above that have no public type of their own,
 * laid out as GVariant serialises them: each member at its natural
 * alignment, booleans as one byte holding 0 or 1. Padding must be zero, or
 * the message is not in normal form. Reply nodes are EntLayoutNode and
 * control points EntLayoutPoint.
 */
typedef struct
{
  gint64  id;
  double  width;
  double  height;
  guint8  has_position;
  double  x;
  double  y;
  guint8  pinned;
} EntLayoutWireNode;    /* (xddbddb) */

typedef struct
{
  gint64  id;
  gint64  from_id;
  gint64  to_id;
  guint8  directed;
} EntLayoutWireEdge;    /* (xxxb) */

typedef struct
{
  gint64  id;
  guint32 n_points;
  guint8  has_start_arrow;
  double  start_x;
  double  start_y;
  guint8  has_end_arrow;
  double  end_x;
  double  end_y;
} EntLayoutWireCurve;   /* (xubddbdd) */

/*
 * C compilers put the members where GVariant does on the platforms Entente
 * is built for; not, for one, on 32-bit x86, which aligns doubles in
 * structs to 4 bytes. There the build stops here.
 */
G_STATIC_ASSERT (sizeof (EntLayoutWireNode) == 56);
G_STATIC_ASSERT (G_STRUCT_OFFSET (EntLayoutWireNode, has_position) == 24);
G_STATIC_ASSERT (G_STRUCT_OFFSET (EntLayoutWireNode, x) == 32);
G_STATIC_ASSERT (G_STRUCT_OFFSET (EntLayoutWireNode, pinned) == 48);
G_STATIC_ASSERT (sizeof (EntLayoutWireEdge) == 32);
G_STATIC_ASSERT (G_STRUCT_OFFSET (EntLayoutWireEdge, directed) == 24);
G_STATIC_ASSERT (sizeof (EntLayoutWireCurve) == 56);
G_STATIC_ASSERT (G_STRUCT_OFFSET (EntLayoutWireCurve, has_start_arrow) == 12);
G_STATIC_ASSERT (G_STRUCT_OFFSET (EntLayoutWireCurve, start_x) == 16);
G_STATIC_ASSERT (G_STRUCT_OFFSET (EntLayoutWireCurve, has_end_arrow) == 32);
G_STATIC_ASSERT (G_STRUCT_OFFSET (EntLayoutWireCurve, end_x) == 40);
G_STATIC_ASSERT (sizeof (EntLayoutNode) == 40);
G_STATIC_ASSERT (sizeof (EntLayoutPoint) == 16);

typedef struct _EntLayoutRequest EntLayoutRequest;
typedef struct _EntLayoutResult EntLayoutResult;

struct _EntLayoutResult
{
  /* The drawing's extent, nodes and curves included: points, y down. */
  struct
  {
    double x1, y1, x2, y2;
  } bbox;
  GArray *nodes;   /* EntLayoutNode, in the order they were added */
  GArray *edges;   /* EntLayoutEdge, in the order they were added */
};

GQuark               ent_layout_error_quark          (void);

const char * const  *ent_layout_get_engines          (void);

EntLayoutRequest    *ent_layout_request_new          (const char        *engine);
void                 ent_layout_request_free         (EntLayoutRequest  *self);
void                 ent_layout_request_add_node     (EntLayoutRequest  *self,
                                                      gint64             id,
                                                      double             width,
                                                      double             height,
                                                      gboolean           has_position,
                                                      double             x,
                                                      double             y,
                                                      gboolean           pinned);
void                 ent_layout_request_add_edge     (EntLayoutRequest  *self,
                                                      gint64             id,
                                                      gint64             from_id,
                                                      gint64             to_id,
                                                      gboolean           directed);

void                 ent_layout_result_free          (EntLayoutResult   *self);

void                 ent_layout_run_async            (EntLayoutRequest     *request,
                                                      guint                 timeout_ms,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
EntLayoutResult     *ent_layout_run_finish           (GAsyncResult         *result,
                                                      GError              **error);
EntLayoutResult     *ent_layout_run                  (EntLayoutRequest     *request,
                                                      guint                 timeout_ms,
                                                      GCancellable         *cancellable,
                                                      GError              **error);

/*
 * The engines and what they do with positions are inline, because the
 * helper asks too: calling into ent-layout.c would link the helper with
 * GIO, whose loading costs every layout a few milliseconds.
 */
#define ENT_LAYOUT_ENGINES "dot", "neato", "fdp", "sfdp", "circo", "twopi"

static inline gboolean
ent_layout_engine_is_known (const char *engine)
{
  static const char * const engines[] = { ENT_LAYOUT_ENGINES, NULL };

  return engine != NULL && g_strv_contains (engines, engine);
}

/* Only the spring models read positions back in and can hold a node in place. */
static inline gboolean
ent_layout_engine_honours_pins (const char *engine)
{
  return g_strcmp0 (engine, "neato") == 0 || g_strcmp0 (engine, "fdp") == 0;
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntLayoutRequest, ent_layout_request_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntLayoutResult, ent_layout_result_free)

G_END_DECLS
