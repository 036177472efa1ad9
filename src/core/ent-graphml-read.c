/* ent-graphml-read.c: reading a network from GraphML: its keys, nodes and edges, nested graphs flattened
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-graphml"

#include "config.h"

#include "ent-graphml.h"
#include "ent-graphml-private.h"
#include "ent-csv.h"
#include "ent-xml.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* How often, in elements, the reader tells its progress and looks whether it is cancelled. */
#define ELEMENTS_PER_CHECK 1024

/* The share of the progress that reading the file takes; the rest is finding the edges' ends and the layout. */
#define READ_SHARE 0.95

static void
key_free (EntGraphmlKey *key)
{
  g_free (key->id);
  g_free (key->name);
  g_free (key->fallback);
  g_free (key);
}

static void
element_free (EntGraphmlElement *element)
{
  g_free (element->id);
  g_free (element->source);
  g_free (element->target);
  for (guint i = 0; i < N_USES; i++)
    g_free (element->values[i]);
  g_clear_pointer (&element->properties, g_ptr_array_unref);
  g_ptr_array_unref (element->seen);
  _ent_graphml_graphics_clear (&element->graphics);
  g_free (element);
}

static void
pending_free (EntGraphmlPending *pending)
{
  g_clear_pointer (&pending->relation, ent_relation_free);
  g_free (pending->source);
  g_free (pending->target);
  g_free (pending);
}

static guint64
line (EntGraphmlReader *self)
{
  return ent_xml_reader_get_line (self->reader);
}

/* libxml2 tells of an element that is not closed before the end; this is in case it would not. */
static gboolean
ends_early (GError **error)
{
  g_set_error_literal (error, ENT_IMPORT_ERROR, ENT_IMPORT_ERROR_INVALID, _("The file ends inside an element"));
  return FALSE;
}

/* What a key named @name is used for in @domain, guessed as a CSV file's column of that header would be. */
static EntGraphmlUse
guess_use (EntGraphmlDomain  domain,
           const char       *name)
{
  static const struct {
    EntCsvRole role;
    EntGraphmlUse        node;
    EntGraphmlUse        edge;
  } uses[] = {
    { ENT_CSV_ROLE_NAME, USE_NAME, USE_PROPERTY },
    { ENT_CSV_ROLE_KIND, USE_KIND, USE_KIND },
    { ENT_CSV_ROLE_DESCRIPTION, USE_DESCRIPTION, USE_PROPERTY },
    { ENT_CSV_ROLE_ROLE, USE_ROLE, USE_PROPERTY },
    { ENT_CSV_ROLE_START, USE_START, USE_START },
    { ENT_CSV_ROLE_END, USE_END, USE_END },
    { ENT_CSV_ROLE_LABEL, USE_PROPERTY, USE_LABEL },
    { ENT_CSV_ROLE_DIRECTED, USE_PROPERTY, USE_DIRECTED },
    { ENT_CSV_ROLE_QUOTES, USE_QUOTES, USE_QUOTES },
  };
  EntCsvRole role;

  if (domain == DOMAIN_GRAPH)
    return g_ascii_strcasecmp (name, ENT_GRAPHML_KINDS_KEY) == 0 ? USE_KINDS : USE_IGNORE;
  /* Gephi's position; a key of that name for edges is a property. */
  if (domain == DOMAIN_NODE && g_ascii_strcasecmp (name, "x") == 0)
    return USE_X;
  if (domain == DOMAIN_NODE && g_ascii_strcasecmp (name, "y") == 0)
    return USE_Y;

  role = ent_csv_guess_role (domain == DOMAIN_NODE ? ENT_CSV_NODES : ENT_CSV_EDGES, name);
  for (guint i = 0; i < G_N_ELEMENTS (uses); i++)
    if (uses[i].role == role)
      return domain == DOMAIN_NODE ? uses[i].node : uses[i].edge;
  return USE_PROPERTY;
}

/* A property key for @name unique among those of @domain, no longer than a key may be. */
static char *
property_name (EntGraphmlReader *self,
               EntGraphmlDomain  domain,
               const char       *name)
{
  g_autofree char *base = g_strdup (name);
  char *key;

  if (g_utf8_strlen (base, -1) > ENT_PROPERTY_KEY_MAX_LENGTH - 10)
    *g_utf8_offset_to_pointer (base, ENT_PROPERTY_KEY_MAX_LENGTH - 10) = '\0';
  key = g_strdup (base);
  for (guint n = 2; g_hash_table_contains (self->names[domain], key); n++)
    {
      g_free (key);
      key = g_strdup_printf ("%s (%u)", base, n);
    }
  g_hash_table_add (self->names[domain], key);
  return g_strdup (key);
}

static EntGraphmlKey *
add_key (EntGraphmlReader *self,
         EntGraphmlDomain  domain,
         const char       *id,
         const char       *name,
         const char       *type,
         const char       *yfiles_type,
         const char       *entente_type,
         const char       *fallback)
{
  EntGraphmlKey *key = g_new0 (EntGraphmlKey, 1);

  key->id = g_strdup (id);
  key->fallback = g_strdup (fallback);
  if (yfiles_type != NULL)
    key->use = g_str_equal (yfiles_type, "nodegraphics") || g_str_equal (yfiles_type, "edgegraphics")
               ? USE_GRAPHICS : USE_IGNORE;
  else
    key->use = guess_use (domain, name);

  /* As with a CSV file's columns, the first key that names a role takes it; the others are properties. */
  if (key->use != USE_PROPERTY && key->use != USE_IGNORE && key->use != USE_GRAPHICS)
    {
      if (self->taken[domain][key->use])
        key->use = USE_PROPERTY;
      self->taken[domain][key->use] = TRUE;
    }
  if (key->use == USE_PROPERTY || key->use == USE_X || key->use == USE_Y)
    key->name = property_name (self, domain, name);
  else
    key->name = g_strdup (name);
  /* The key the assistant offers to take the kinds from, and under which it keeps them should another be chosen. */
  if (domain == DOMAIN_NODE && key->use == USE_KIND)
    self->import->type_key = g_strdup (name);

  if (g_strcmp0 (type, "int") == 0 || g_strcmp0 (type, "long") == 0 ||
      g_strcmp0 (type, "float") == 0 || g_strcmp0 (type, "double") == 0)
    key->type = ENT_PROPERTY_NUMBER;
  else if (g_strcmp0 (type, "boolean") == 0)
    key->type = ENT_PROPERTY_BOOLEAN;
  else if (g_strcmp0 (entente_type, "date") == 0)
    key->type = ENT_PROPERTY_DATE;
  else
    key->type = ENT_PROPERTY_STRING;

  g_ptr_array_add (self->all_keys, key);
  g_hash_table_insert (self->keys[domain], key->id, key);
  return key;
}

/* Reads a <key>, with its <default>, and declares it for the domains its "for" names. */
static gboolean
read_key (EntGraphmlReader  *self,
          GError           **error)
{
  g_autofree char *id = ent_xml_reader_get_attribute (self->reader, "id");
  g_autofree char *domain = ent_xml_reader_get_attribute (self->reader, "for");
  g_autofree char *name = ent_xml_reader_get_attribute (self->reader, "attr.name");
  g_autofree char *type = ent_xml_reader_get_attribute (self->reader, "attr.type");
  g_autofree char *yfiles_type = ent_xml_reader_get_attribute (self->reader, "yfiles.type");
  g_autofree char *entente_type = ent_xml_reader_get_attribute (self->reader, ENT_GRAPHML_TYPE_ATTR);
  g_autofree char *fallback = NULL;
  int depth = ent_xml_reader_get_depth (self->reader);
  guint64 at = line (self);

  if (!ent_xml_reader_is_empty (self->reader))
    for (;;)
      {
        int ret = ent_xml_reader_read (self->reader, error);

        if (ret <= 0)
          return ret == 0 ? ends_early (error) : FALSE;
        if (ent_xml_reader_get_node_type (self->reader) == XML_READER_TYPE_END_ELEMENT &&
            ent_xml_reader_get_depth (self->reader) == depth)
          break;
        if (ent_xml_reader_is_start (self->reader, "default") && fallback == NULL)
          {
            fallback = ent_xml_reader_read_text (self->reader, error);
            if (fallback == NULL)
              return FALSE;
          }
        else if (!ent_xml_reader_skip (self->reader, error))
          return FALSE;
      }

  if (id == NULL)
    {
      ent_import_add_problem (self->import, at, _("Line %lu: a key without an id is left out"), (gulong) at);
      return TRUE;
    }
  if (name == NULL)
    name = g_strdup (id);

  for (EntGraphmlDomain d = 0; d < N_DOMAINS; d++)
    {
      static const char * const domains[] = { "node", "edge", "graph" };

      if (domain != NULL && !g_str_equal (domain, "all") && !g_str_equal (domain, domains[d]))
        continue;
      if (g_hash_table_contains (self->keys[d], id))
        ent_import_add_problem (self->import, at, _("Line %lu: the key “%s” is declared again, and the first one is kept"),
                                (gulong) at, id);
      else
        add_key (self, d, id, name, type, yfiles_type, entente_type, fallback);
    }
  return TRUE;
}

static gboolean
is_color (const char *color)
{
  return color != NULL && color[0] == '#' && strlen (color) == 7 && strspn (color + 1, "0123456789abcdef") == 6;
}

/* The kinds a file Entente wrote lists, one a line: key, shape, glyph, colour, dark colour, then the label escaped. */
static void
read_kinds (EntGraphmlReader *self,
            const char       *text,
            guint64           at)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", 6);
      EntKindInfo *kind;

      if (*lines[i] == '\0')
        continue;
      if (g_strv_length (fields) != 6 || *fields[0] == '\0' || _ent_graphml_is_longer (fields[0], ENT_PROPERTY_KEY_MAX_LENGTH) ||
          !is_color (fields[3]) || (*fields[4] != '\0' && !is_color (fields[4])) ||
          _ent_graphml_is_longer (fields[5], ENT_PROPERTY_VALUE_MAX_LENGTH))
        {
          ent_import_add_problem (self->import, at, _("Line %lu: kind %u of the graph's kinds is not as Entente writes them"),
                                  (gulong) at, i + 1);
          continue;
        }
      if (ent_graph_get_kind (self->import->graph, fields[0]) != NULL)
        continue;

      kind = g_new0 (EntKindInfo, 1);
      kind->key = g_strdup (fields[0]);
      kind->shape = g_strdup (fields[1]);
      kind->glyph = g_strdup (fields[2]);
      kind->color = g_strdup (fields[3]);
      kind->dark_color = *fields[4] != '\0' ? g_strdup (fields[4]) : NULL;
      kind->label = g_strcompress (fields[5]);
      ent_graph_take_kind (self->import->graph, kind);
    }
}

/* Reads a <data> of the graph, node or edge it is in; data of anything else (yEd's resources, ports) is passed over. */
static gboolean
read_data (EntGraphmlReader  *self,
           GError           **error)
{
  g_autofree char *id = ent_xml_reader_get_attribute (self->reader, "key");
  int depth = ent_xml_reader_get_depth (self->reader);
  EntGraphmlElement *element = self->elements->len > 0 ? g_ptr_array_index (self->elements, self->elements->len - 1) : NULL;
  guint64 at = line (self);
  EntGraphmlDomain domain;
  EntGraphmlKey *key;
  char *text;

  if (element != NULL && element->depth == depth - 1)
    domain = element->domain;
  else if (self->graphs->len > 0 && g_array_index (self->graphs, EntGraphmlGraph, self->graphs->len - 1).depth == depth - 1)
    domain = DOMAIN_GRAPH, element = NULL;
  else
    return ent_xml_reader_skip (self->reader, error);

  key = id != NULL ? g_hash_table_lookup (self->keys[domain], id) : NULL;
  /* Data of a key the file does not declare is kept under the key's id, as nothing says what it is. */
  if (key == NULL && id != NULL)
    key = add_key (self, domain, id, id, NULL, NULL, NULL, NULL);
  if (key == NULL || key->use == USE_IGNORE)
    return ent_xml_reader_skip (self->reader, error);

  if (key->use == USE_GRAPHICS)
    return element == NULL || _ent_graphml_read_graphics (self->reader, &element->graphics, error);

  text = ent_xml_reader_read_text (self->reader, error);
  if (text == NULL)
    return FALSE;
  if (element == NULL)
    {
      if (key->use == USE_KINDS)
        read_kinds (self, text, at);
      g_free (text);
      return TRUE;
    }
  _ent_graphml_apply_datum (self, element, key, text, at);
  return TRUE;
}

static void
open_element (EntGraphmlReader *self,
              EntGraphmlDomain  domain)
{
  EntGraphmlElement *element = g_new0 (EntGraphmlElement, 1);
  g_autofree char *directed = NULL;

  element->domain = domain;
  element->depth = ent_xml_reader_get_depth (self->reader);
  element->line = line (self);
  element->id = ent_xml_reader_get_attribute (self->reader, "id");
  element->properties = g_ptr_array_new_with_free_func ((GDestroyNotify) ent_property_free);
  element->seen = g_ptr_array_new ();
  if (domain == DOMAIN_EDGE)
    {
      element->source = ent_xml_reader_get_attribute (self->reader, "source");
      element->target = ent_xml_reader_get_attribute (self->reader, "target");
      element->directed = self->graphs->len > 0 && g_array_index (self->graphs, EntGraphmlGraph, self->graphs->len - 1).directed;
      directed = ent_xml_reader_get_attribute (self->reader, "directed");
      if (directed != NULL && (g_str_equal (directed, "true") || g_str_equal (directed, "false")))
        {
          element->directed = g_str_equal (directed, "true");
          element->direction_given = TRUE;
        }
      else if (directed != NULL)
        ent_import_add_problem (self->import, element->line,
                                _("Line %lu: “%s” is not a direction (true or false), so the graph's default is taken"),
                                (gulong) element->line, directed);
    }
  g_ptr_array_add (self->elements, element);
}

/* The defaults of the keys of @element's domain that it has no data of. */
static void
apply_defaults (EntGraphmlReader  *self,
                EntGraphmlElement *element)
{
  for (guint i = 0; i < self->all_keys->len; i++)
    {
      EntGraphmlKey *key = g_ptr_array_index (self->all_keys, i);
      gboolean seen = FALSE;

      if (key->fallback == NULL || g_hash_table_lookup (self->keys[element->domain], key->id) != key)
        continue;
      for (guint k = 0; k < element->seen->len && !seen; k++)
        seen = g_ptr_array_index (element->seen, k) == key;
      if (!seen)
        _ent_graphml_apply_datum (self, element, key, g_strdup (key->fallback), element->line);
    }
}

/* Ends the innermost open node or edge, at its end tag. */
static gboolean
close_element (EntGraphmlReader  *self,
               GError           **error)
{
  EntGraphmlElement *element = g_ptr_array_steal_index (self->elements, self->elements->len - 1);
  gboolean ok;

  apply_defaults (self, element);
  ok = element->domain == DOMAIN_NODE ? _ent_graphml_close_node (self, element, error)
                                       : _ent_graphml_close_edge (self, element, error);
  element_free (element);
  return ok;
}

static void
open_graph (EntGraphmlReader *self)
{
  g_autofree char *edgedefault = ent_xml_reader_get_attribute (self->reader, "edgedefault");
  /* GraphML's edgedefault is required; a file without one is taken as directed, as networkx takes it. */
  EntGraphmlGraph graph = { g_strcmp0 (edgedefault, "undirected") != 0, ent_xml_reader_get_depth (self->reader) };

  if (self->elements->len > 0 && !self->told_nested)
    {
      guint64 at = line (self);

      ent_import_add_problem (self->import, at,
                              _("Line %lu: a graph inside a node is flattened: its nodes and edges are the network's, beside that node"),
                              (gulong) at);
      self->told_nested = TRUE;
    }
  g_array_append_val (self->graphs, graph);
}

static void
close_graph (EntGraphmlReader *self)
{
  g_array_set_size (self->graphs, self->graphs->len - 1);
}

/* Reads one element's start: a key, a graph, a node, an edge or data, and passes over the rest. */
static gboolean
read_start (EntGraphmlReader  *self,
            GError           **error)
{
  gboolean empty = ent_xml_reader_is_empty (self->reader);

  if (ent_xml_reader_is_start (self->reader, "key"))
    return read_key (self, error);
  if (ent_xml_reader_is_start (self->reader, "data"))
    return read_data (self, error);
  if (ent_xml_reader_is_start (self->reader, "graph"))
    {
      open_graph (self);
      if (empty)
        close_graph (self);
      return TRUE;
    }
  if (ent_xml_reader_is_start (self->reader, "node") || ent_xml_reader_is_start (self->reader, "edge"))
    {
      open_element (self, ent_xml_reader_is_start (self->reader, "node") ? DOMAIN_NODE : DOMAIN_EDGE);
      return !empty || close_element (self, error);
    }
  if (ent_xml_reader_is_start (self->reader, "hyperedge") && !self->told_hyperedges)
    {
      guint64 at = line (self);

      ent_import_add_problem (self->import, at, _("Line %lu: hyperedges are left out"), (gulong) at);
      self->told_hyperedges = TRUE;
    }
  /* Ports, hyperedges, descriptions and what other programs add. */
  return ent_xml_reader_skip (self->reader, error);
}

/* The root element, which must be <graphml>. */
static gboolean
read_root (EntGraphmlReader  *self,
           GError           **error)
{
  int ret;

  while ((ret = ent_xml_reader_read (self->reader, error)) > 0)
    if (ent_xml_reader_get_node_type (self->reader) == XML_READER_TYPE_ELEMENT)
      {
        if (ent_xml_reader_is_start (self->reader, "graphml"))
          return TRUE;
        g_set_error (error, ENT_IMPORT_ERROR, ENT_IMPORT_ERROR_INVALID,
                     _("“%s” is XML, but not GraphML: its root element is <%s>, not <graphml>"), self->title,
                     ent_xml_reader_get_local_name (self->reader));
        return FALSE;
      }
  if (ret == 0)
    g_set_error (error, ENT_IMPORT_ERROR, ENT_IMPORT_ERROR_INVALID, _("“%s” has no element: it is empty"),
                 self->title);
  return FALSE;
}

static gboolean
read_document (EntGraphmlReader  *self,
               GError           **error)
{
  gboolean saw_graph = FALSE;
  int ret;

  if (!read_root (self, error))
    return FALSE;
  if (ent_xml_reader_is_empty (self->reader))
    ret = 0;
  else
    while ((ret = ent_xml_reader_read (self->reader, error)) > 0)
      {
        xmlReaderTypes type = ent_xml_reader_get_node_type (self->reader);

        if (type == XML_READER_TYPE_ELEMENT)
          {
            if (++self->n_elements % ELEMENTS_PER_CHECK == 0)
              {
                if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
                  return FALSE;
                if (self->progress != NULL)
                  self->progress (READ_SHARE * ent_xml_reader_get_fraction (self->reader), self->user_data);
              }
            saw_graph = saw_graph || ent_xml_reader_is_start (self->reader, "graph");
            if (!read_start (self, error))
              return FALSE;
          }
        else if (type == XML_READER_TYPE_END_ELEMENT)
          {
            if ((ent_xml_reader_is_end (self->reader, "node") || ent_xml_reader_is_end (self->reader, "edge")) &&
                self->elements->len > 0 && !close_element (self, error))
              return FALSE;
            if (ent_xml_reader_is_end (self->reader, "graph") && self->graphs->len > 0)
              close_graph (self);
          }
      }
  if (ret < 0)
    return FALSE;
  if (!saw_graph)
    {
      g_set_error (error, ENT_IMPORT_ERROR, ENT_IMPORT_ERROR_INVALID, _("“%s” is GraphML with no <graph> in it"),
                   self->title);
      return FALSE;
    }
  return TRUE;
}

static void
reader_clear (EntGraphmlReader *self)
{
  for (EntGraphmlDomain d = 0; d < N_DOMAINS; d++)
    {
      g_clear_pointer (&self->keys[d], g_hash_table_unref);
      g_clear_pointer (&self->names[d], g_hash_table_unref);
    }
  g_clear_pointer (&self->all_keys, g_ptr_array_unref);
  g_clear_pointer (&self->elements, g_ptr_array_unref);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_pointer (&self->graphs, g_array_unref);
  g_clear_pointer (&self->nodes, g_hash_table_unref);
  g_clear_pointer (&self->geometry, g_array_unref);
  g_clear_pointer (&self->xy, g_array_unref);
  g_clear_pointer (&self->xy_properties, g_array_unref);
  g_clear_pointer (&self->quotes, ent_import_quotes_free);
  g_clear_pointer (&self->reader, ent_xml_reader_free);
  g_free (self->title);
}

/**
 * ent_graphml_read:
 * @path: a GraphML file
 * @cancellable: (nullable): a #GCancellable, looked at between elements
 * @progress: (nullable) (scope call): called now and then with how much is read
 * @user_data: data for @progress
 * @error: return location for an error
 *
 * Reads the nodes and edges of @path as entities and relations. Keys are
 * found by their "attr.name" as a CSV file's columns by their headers
 * (label or name, type or kind, description, start and end, directed), the
 * rest become properties of their types; yEd's labels name nodes and
 * edges without a label key, and its geometry or Gephi's x and y become
 * the stored layout. Nested graphs are flattened, with a note among the
 * import's problems, as is each node or edge left out. A file that is not
 * GraphML, is broken or holds more than Entente reads is an error in
 * %ENT_IMPORT_ERROR, with the line.
 *
 * Returns: (transfer full): what the file holds, or %NULL with @error set
 */
EntImport *
ent_graphml_read (const char             *path,
                  GCancellable           *cancellable,
                  EntImportProgressFunc   progress,
                  gpointer                user_data,
                  GError                **error)
{
  g_autoptr(EntImport) import = NULL;
  EntGraphmlReader self = { 0, };
  gboolean ok;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  self.reader = ent_xml_reader_new (path, error);
  if (self.reader == NULL)
    return NULL;

  import = ent_import_new ();
  self.import = import;
  self.title = g_path_get_basename (path);
  self.cancellable = cancellable;
  self.progress = progress;
  self.user_data = user_data;
  self.all_keys = g_ptr_array_new_with_free_func ((GDestroyNotify) key_free);
  for (EntGraphmlDomain d = 0; d < N_DOMAINS; d++)
    {
      self.keys[d] = g_hash_table_new (g_str_hash, g_str_equal);
      self.names[d] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    }
  self.elements = g_ptr_array_new_with_free_func ((GDestroyNotify) element_free);
  self.pending = g_ptr_array_new_with_free_func ((GDestroyNotify) pending_free);
  self.graphs = g_array_new (FALSE, FALSE, sizeof (EntGraphmlGraph));
  self.nodes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self.geometry = g_array_new (FALSE, FALSE, sizeof (EntPosition));
  self.xy = g_array_new (FALSE, FALSE, sizeof (EntPosition));
  self.xy_properties = g_array_new (FALSE, FALSE, sizeof (gpointer));

  ok = read_document (&self, error) && !g_cancellable_set_error_if_cancelled (cancellable, error);
  if (ok)
    _ent_graphml_finish (&self);
  reader_clear (&self);
  if (!ok)
    return NULL;

  if (progress != NULL)
    progress (1.0, user_data);
  return g_steal_pointer (&import);
}
