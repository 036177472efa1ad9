/* ent-store-routes.c: the stored edge routes of a layout, beside its positions
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-store"

#include "config.h"

#include "ent-store.h"
#include "ent-store-private.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

/*
 * A route is stored as one blob: its control points' coordinates, x then y,
 * each a little-endian IEEE 754 double, so a file reads the same on any
 * machine. The table's CHECK holds its length to 1 + 3k points. The edge
 * bundles of a layout are stored the same way (see ent-store-bundles.c).
 */

static gboolean
coordinate_is_valid (double coordinate)
{
  return isfinite (coordinate) && fabs (coordinate) <= ENT_ROUTE_MAX_COORDINATE;
}

/* Decodes a blob of @n_points points, or returns FALSE for one that is no route. */
static gboolean
decode_points (const guint8 *blob,
               guint         n_points,
               double       *points)
{
  for (guint i = 0; i < 2 * n_points; i++)
    {
      guint64 bits;

      memcpy (&bits, blob + 8 * i, sizeof bits);
      bits = GUINT64_FROM_LE (bits);
      memcpy (&points[i], &bits, sizeof bits);
      if (!coordinate_is_valid (points[i]))
        return FALSE;
    }

  return TRUE;
}

static guint8 *
encode_points (const EntRoute *route)
{
  guint8 *blob = g_malloc (16 * route->n_points);

  for (guint i = 0; i < 2 * route->n_points; i++)
    {
      guint64 bits;

      memcpy (&bits, &route->points[i], sizeof bits);
      bits = GUINT64_TO_LE (bits);
      memcpy (blob + 8 * i, &bits, sizeof bits);
    }

  return blob;
}

/*
 * Reads the points of @route from column @column of @stmt's row. A file from
 * elsewhere may hold any bytes there: a blob that is no spline of points
 * within the drawing is not read, and gives FALSE.
 */
gboolean
_ent_store_read_points (sqlite3_stmt *stmt,
                        int           column,
                        EntRoute     *route)
{
  const guint8 *blob = sqlite3_column_blob (stmt, column);
  gsize size = sqlite3_column_bytes (stmt, column);

  route->n_points = size / 16;
  route->points = NULL;
  if (blob == NULL || size % 16 != 0 || !ent_route_n_points_is_valid (route->n_points))
    return FALSE;

  route->points = g_new (double, 2 * route->n_points);
  if (decode_points (blob, route->n_points, route->points))
    return TRUE;

  ent_route_clear (route);
  return FALSE;
}

/* Binds the points of @route to parameter @index of @stmt, or refuses points that no drawing has. */
gboolean
_ent_store_bind_points (sqlite3_stmt    *stmt,
                        int              index,
                        const EntRoute  *route,
                        GError         **error)
{
  gboolean valid = ent_route_n_points_is_valid (route->n_points);

  for (guint j = 0; j < 2 * route->n_points && valid; j++)
    valid = coordinate_is_valid (route->points[j]);
  if (!valid)
    {
      g_set_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_INVALID,
                   _("An edge route must be a spline of points within the drawing"));
      return FALSE;
    }

  sqlite3_bind_blob (stmt, index, encode_points (route), 16 * route->n_points, g_free);
  return TRUE;
}

/**
 * ent_store_load_routes:
 * @self: a #EntStore
 * @engine: the layout engine the routes were made with
 * @error: return location for an error
 *
 * Routes that are not well formed (a file from elsewhere may hold any
 * bytes) are left out: their relations are drawn as Entente draws them.
 *
 * Returns: (transfer full) (element-type EntRoute): the routes of @engine's
 *   layout, ordered by relation, or %NULL with @error set
 */
GArray *
ent_store_load_routes (EntStore    *self,
                       const char  *engine,
                       GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) routes = g_array_new (FALSE, TRUE, sizeof (EntRoute));
  int rc;

  g_return_val_if_fail (ENT_IS_STORE (self), NULL);
  g_return_val_if_fail (engine != NULL, NULL);

  g_array_set_clear_func (routes, ent_route_clear);
  stmt = _ent_store_prepare (self->db, "SELECT relation_id, points, label_x, label_y FROM routes WHERE engine = ? "
                             "ORDER BY relation_id",
                             error, "s", engine);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EntRoute route = {
        .relation_id = sqlite3_column_int64 (stmt, 0),
        .has_label = sqlite3_column_type (stmt, 2) == SQLITE_FLOAT && sqlite3_column_type (stmt, 3) == SQLITE_FLOAT,
        .label_x = sqlite3_column_double (stmt, 2),
        .label_y = sqlite3_column_double (stmt, 3),
      };

      /* A label somewhere no drawing reaches is dropped, and placed as if none were stored. */
      if (route.has_label && !(coordinate_is_valid (route.label_x) && coordinate_is_valid (route.label_y)))
        route.has_label = FALSE;
      if (_ent_store_read_points (stmt, 1, &route))
        g_array_append_val (routes, route);
    }

  if (rc != SQLITE_DONE)
    {
      _ent_store_set_sqlite_error (error, self->db, rc, _("Could not read the layout"));
      return NULL;
    }

  return g_steal_pointer (&routes);
}

/**
 * ent_store_save_routes:
 * @self: a #EntStore
 * @engine: the layout engine the routes were made with
 * @routes: (array length=n_routes): the routes
 * @n_routes: how many
 * @replace: whether the routes replace all of @engine's, or only those of
 *   the same relations
 * @error: return location for an error
 *
 * Stores routes of @engine's layout, in one transaction.
 */
gboolean
ent_store_save_routes (EntStore        *self,
                       const char      *engine,
                       const EntRoute  *routes,
                       guint            n_routes,
                       gboolean         replace,
                       GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (ENT_IS_STORE (self), FALSE);
  g_return_val_if_fail (engine != NULL && *engine != '\0', FALSE);
  g_return_val_if_fail (routes != NULL || n_routes == 0, FALSE);

  if (!ent_store_begin (self, error))
    return FALSE;

  if (replace)
    {
      g_autoptr(sqlite3_stmt) clear = _ent_store_prepare (self->db, "DELETE FROM routes WHERE engine = ?",
                                                          error, "s", engine);
      ok = clear != NULL && _ent_store_step_done (self->db, clear, _("Could not save the layout"), error);
    }

  if (ok)
    stmt = _ent_store_prepare (self->db,
                               "INSERT INTO routes (relation_id, engine, points, label_x, label_y) VALUES (?, ?, ?, ?, ?) "
                               "ON CONFLICT (relation_id, engine) DO UPDATE SET points = excluded.points, "
                               "label_x = excluded.label_x, label_y = excluded.label_y",
                               error, "");
  ok = ok && stmt != NULL;

  for (guint i = 0; ok && i < n_routes; i++)
    {
      if (routes[i].has_label && !(coordinate_is_valid (routes[i].label_x) && coordinate_is_valid (routes[i].label_y)))
        {
          g_set_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_INVALID,
                       _("An edge route must be a spline of points within the drawing"));
          ok = FALSE;
          break;
        }

      _ent_store_bind (stmt, "is", routes[i].relation_id, engine);
      ok = _ent_store_bind_points (stmt, 3, &routes[i], error);
      if (!ok)
        break;
      if (routes[i].has_label)
        {
          sqlite3_bind_double (stmt, 4, routes[i].label_x);
          sqlite3_bind_double (stmt, 5, routes[i].label_y);
        }
      else
        {
          sqlite3_bind_null (stmt, 4);
          sqlite3_bind_null (stmt, 5);
        }
      ok = _ent_store_step_done (self->db, stmt, _("Could not save the layout"), error);
    }

  return _ent_store_finish (self, ok, error);
}
