/* ent-graphml-yed.c: the labels and geometry in yEd's graphics data of GraphML nodes and edges
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-graphml"

#include "config.h"

#include "ent-graphml-private.h"

#include <glib/gi18n-lib.h>
#include <math.h>

/* A number of a y:Geometry attribute, finite, in the C locale as yEd writes it. */
static gboolean
get_number (EntXmlReader *reader,
            const char   *name,
            double       *value)
{
  g_autofree char *text = ent_xml_reader_get_attribute (reader, name);
  char *end = NULL;

  if (text == NULL)
    return FALSE;
  *value = g_ascii_strtod (text, &end);
  return end != text && *end == '\0' && isfinite (*value);
}

/* The first y:Geometry of a node is its own; a group node's realizers each have one, the first is the shown one. */
static void
read_geometry (EntXmlReader       *reader,
               EntGraphmlGraphics *graphics)
{
  double x, y, width, height;

  if (graphics->has_geometry ||
      !get_number (reader, "x", &x) || !get_number (reader, "y", &y) ||
      !get_number (reader, "width", &width) || !get_number (reader, "height", &height))
    return;

  /* yEd's x and y are the top left corner, and its y grows downwards as a stored layout's does. */
  graphics->x = x + width / 2;
  graphics->y = y + height / 2;
  graphics->has_geometry = TRUE;
}

/**
 * _ent_graphml_read_graphics:
 * @reader: the reader, at the start of a <data> of yEd's nodegraphics or edgegraphics key
 * @graphics: where to put what it says
 * @error: return location for an error
 *
 * Reads the data up to its end: the texts of its y:NodeLabel and y:EdgeLabel
 * elements, and the node's y:Geometry. The rest (fills, shapes, paths, SVG
 * references) is drawing, which the network's kinds do, and is passed over:
 * nothing a file names is opened.
 *
 * Returns: whether the data was read; %FALSE with @error set when the file is broken there
 */
gboolean
_ent_graphml_read_graphics (EntXmlReader        *reader,
                            EntGraphmlGraphics  *graphics,
                            GError             **error)
{
  int depth = ent_xml_reader_get_depth (reader);

  if (ent_xml_reader_is_empty (reader))
    return TRUE;

  for (;;)
    {
      int ret = ent_xml_reader_read (reader, error);

      if (ret < 0)
        return FALSE;
      if (ret == 0)
        {
          g_set_error_literal (error, ENT_IMPORT_ERROR, ENT_IMPORT_ERROR_INVALID, _("The file ends inside an element"));
          return FALSE;
        }
      if (ent_xml_reader_get_node_type (reader) == XML_READER_TYPE_END_ELEMENT &&
          ent_xml_reader_get_depth (reader) == depth)
        return TRUE;
      if (ent_xml_reader_get_node_type (reader) != XML_READER_TYPE_ELEMENT)
        continue;

      if (ent_xml_reader_is_start (reader, "Geometry"))
        read_geometry (reader, graphics);
      else if (ent_xml_reader_is_start (reader, "NodeLabel") || ent_xml_reader_is_start (reader, "EdgeLabel"))
        {
          char *text = ent_xml_reader_read_text (reader, error);

          if (text == NULL)
            return FALSE;
          if (*g_strstrip (text) == '\0')
            {
              g_free (text);
              continue;
            }
          if (graphics->labels == NULL)
            graphics->labels = g_ptr_array_new_with_free_func (g_free);
          g_ptr_array_add (graphics->labels, text);
        }
    }
}

void
_ent_graphml_graphics_clear (EntGraphmlGraphics *graphics)
{
  g_clear_pointer (&graphics->labels, g_ptr_array_unref);
  graphics->has_geometry = FALSE;
}
