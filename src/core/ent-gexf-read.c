/* ent-gexf-read.c: reading a GEXF file (Gephi's format, versions 1.0 to 1.3) into an import
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-gexf"

#include "config.h"

#include "ent-gexf.h"
#include "ent-gexf-private.h"
#include "ent-style.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* Progress is told and cancellation looked at every this many nodes and edges. */
#define PROGRESS_EVERY 1024

static void
element_clear (Element *element)
{
  g_clear_pointer (&element->entity, ent_entity_free);
  g_clear_pointer (&element->relation, ent_relation_free);
  g_clear_pointer (&element->values, g_hash_table_unref);
  g_clear_pointer (&element->keys, g_hash_table_unref);
  if (element->spells != NULL)
    g_string_free (element->spells, TRUE);
  if (element->parents != NULL)
    g_string_free (element->parents, TRUE);
  g_free (element->spell_start);
  g_free (element->spell_end);
  g_free (element->color);
}

static char *
attribute (Reader     *self,
           const char *name)
{
  return ent_xml_reader_get_attribute (self->reader, name);
}

/* Tells the progress and looks whether the read is cancelled, now and then. */
static gboolean
count_element (Reader  *self,
               GError **error)
{
  if (++self->n_elements % PROGRESS_EVERY != 0)
    return TRUE;
  if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
    return FALSE;
  if (self->progress != NULL)
    self->progress (ent_xml_reader_get_fraction (self->reader), self->user_data);
  return TRUE;
}

static gboolean read_node (Reader    *self,
                           EntEntity *parent,
                           GError   **error);
static gboolean read_edge (Reader    *self,
                           GError   **error);

/* <parent for>, as GEXF 1.2 lists a node's parents: the parent's name, or its id where it is not read yet. */
static void
add_parent (Reader     *self,
            Element    *element,
            const char *id)
{
  EntEntity *parent = id != NULL ? g_hash_table_lookup (self->nodes, id) : NULL;

  if (id == NULL)
    return;
  if (element->parents == NULL)
    element->parents = g_string_new (NULL);
  else
    g_string_append (element->parents, "; ");
  g_string_append (element->parents, parent != NULL ? parent->name : id);
}

/* The local names of the viz: elements, which some files put in GEXF's own namespace. */
static const char * const viz_names[] = { "position", "color", "size", "thickness", "shape", NULL };

/* What is inside a node or an edge, up to its end; nodes nested in a node are read as nodes of their own. */
static gboolean
read_children (Reader          *self,
               Element         *element,
               AttributeClass   class,
               GError         **error)
{
  int depth = ent_xml_reader_get_depth (self->reader);

  if (ent_xml_reader_is_empty (self->reader))
    return TRUE;
  for (;;)
    {
      int ret = ent_xml_reader_read (self->reader, error);
      const char *name;

      if (ret < 0)
        return FALSE;
      if (ret == 0)
        return _ent_gexf_fail (self, ENT_IMPORT_ERROR_INVALID, error, _("the file ends inside a node or an edge"));
      if (ent_xml_reader_get_node_type (self->reader) == XML_READER_TYPE_END_ELEMENT &&
          ent_xml_reader_get_depth (self->reader) == depth)
        return TRUE;
      if (ent_xml_reader_get_node_type (self->reader) != XML_READER_TYPE_ELEMENT)
        continue;

      name = ent_xml_reader_get_local_name (self->reader);
      if (g_str_equal (name, "attvalue"))
        _ent_gexf_read_attvalue (self, class, element);
      else if (g_str_equal (name, "spell"))
        _ent_gexf_read_spell (self, element);
      else if (g_str_equal (name, "parent"))
        {
          g_autofree char *id = attribute (self, "for");

          add_parent (self, element, id);
        }
      else if (g_strv_contains (viz_names, name))
        _ent_gexf_read_viz (self, element, name);
      else if (g_str_equal (name, "node") && !read_node (self, element->entity, error))
        return FALSE;
      else if (g_str_equal (name, "edge") && !read_edge (self, error))
        return FALSE;
    }
}

/* The dates of a node or an edge once it is read: from its spells where it has none of its own, in order. */
static void
finish_dates (Reader   *self,
              Element  *element,
              char    **start,
              char    **end)
{
  if (element->spells != NULL)
    {
      _ent_gexf_add_property (self, element, "spells", ENT_PROPERTY_STRING, element->spells->str);
      if (*start == NULL)
        *start = g_steal_pointer (&element->spell_start);
      if (*end == NULL)
        *end = g_steal_pointer (&element->spell_end);
    }
  if (*start != NULL && *end != NULL && ent_date_is_before (*end, *start))
    {
      ent_import_add_problem (self->import, element->line,
                              _("Line %lu: its end is before its start, so both are kept as properties"),
                              (gulong) element->line);
      _ent_gexf_add_property (self, element, "start", ENT_PROPERTY_DATE, *start);
      _ent_gexf_add_property (self, element, "end", ENT_PROPERTY_DATE, *end);
      g_clear_pointer (start, g_free);
      g_clear_pointer (end, g_free);
    }
}

/*
 * A node's viz:color: a kind the file names and this import made takes the
 * colour of its first node, and a colour that is its kind's says nothing
 * the kind does not; any other is kept as a property.
 */
static void
finish_color (Reader  *self,
              Element *element)
{
  EntEntity *entity = element->entity;
  g_autofree char *kind_color = NULL;

  if (element->color == NULL)
    return;
  if (element->has_kind && entity->kind_key != NULL && !g_hash_table_contains (self->adopted, entity->kind_key))
    {
      EntKindInfo *info = ent_graph_get_kind (self->import->graph, entity->kind_key);

      g_hash_table_add (self->adopted, g_strdup (entity->kind_key));
      if (info != NULL)
        {
          _ent_gexf_set_text (&info->color, element->color);
          g_free (info->dark_color);
          info->dark_color = ent_style_dark_color_for (element->color);
        }
    }
  kind_color = _ent_gexf_kind_color (self->import->graph, entity);
  if (!element->has_kind || g_strcmp0 (kind_color, element->color) != 0)
    _ent_gexf_add_property (self, element, ENT_GEXF_COLOR, ENT_PROPERTY_STRING, element->color);
}

/* <node id label pid start end>, with its values, spells, viz and the nodes nested in it. */
static gboolean
read_node (Reader     *self,
           EntEntity  *parent,
           GError    **error)
{
  g_autofree char *id = attribute (self, "id");
  g_autofree char *label = attribute (self, "label");
  g_autofree char *pid = attribute (self, "pid");
  Element element = { 0, };
  EntEntity *entity;
  gboolean ok;

  if (!count_element (self, error))
    return FALSE;
  if (id == NULL)
    return _ent_gexf_fail (self, ENT_IMPORT_ERROR_INVALID, error, _("a <node> has no id"));
  if (label == NULL || *label == '\0')
    _ent_gexf_set_text (&label, id);
  if (_ent_gexf_too_long (label, ENT_PROPERTY_VALUE_MAX_LENGTH))
    return _ent_gexf_fail (self, ENT_IMPORT_ERROR_TOO_LARGE, error, _("a node's label is longer than Entente reads"));
  _ent_gexf_know_roles (self, CLASS_NODE);

  element.line = ent_xml_reader_get_line (self->reader);
  element.values = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) _ent_gexf_value_free);
  element.keys = g_hash_table_new (g_str_hash, g_str_equal);
  element.entity = entity = g_new0 (EntEntity, 1);
  entity->id = ++self->next_entity;
  entity->name = g_steal_pointer (&label);
  entity->quote_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  entity->properties = g_ptr_array_new_with_free_func ((GDestroyNotify) ent_property_free);
  if (parent != NULL)
    element.parents = g_string_new (parent->name);
  add_parent (self, &element, pid);
  _ent_gexf_read_times (self, &element, &entity->start_date, &entity->end_date);

  /* A node whose id an earlier one has is read, so that what it holds is read too, but left out. */
  if (g_hash_table_contains (self->nodes, id))
    ent_import_add_problem (self->import, element.line, _("Line %lu: a second node with the id “%s” is left out"),
                            (gulong) element.line, id);
  else
    g_hash_table_insert (self->nodes, g_steal_pointer (&id), entity);

  ok = read_children (self, &element, CLASS_NODE, error);
  if (ok && id == NULL)
    {
      _ent_gexf_apply_values (self, CLASS_NODE, &element);
      if (!element.has_kind)
        _ent_gexf_set_kind (self, entity, NULL);
      if (element.parents != NULL)
        _ent_gexf_add_property (self, &element, "parent", ENT_PROPERTY_STRING, element.parents->str);
      finish_dates (self, &element, &entity->start_date, &entity->end_date);
      finish_color (self, &element);
      if (element.placed)
        {
          element.position.entity_id = entity->id;
          g_array_append_val (self->positions, element.position);
        }
      ent_graph_take_entity (self->import->graph, g_steal_pointer (&element.entity));
    }
  element_clear (&element);
  return ok;
}

/* <edge source target type kind label weight start end>, with its values, spells and viz. */
static gboolean
read_edge (Reader  *self,
           GError **error)
{
  g_autofree char *source = attribute (self, "source");
  g_autofree char *target = attribute (self, "target");
  g_autofree char *type = attribute (self, "type");
  g_autofree char *kind = attribute (self, "kind");
  g_autofree char *label = attribute (self, "label");
  g_autofree char *weight = attribute (self, "weight");
  g_autofree char *type_kind = NULL;
  EntEntity *from = source != NULL ? g_hash_table_lookup (self->nodes, source) : NULL;
  EntEntity *to = target != NULL ? g_hash_table_lookup (self->nodes, target) : NULL;
  Element element = { 0, };
  EntRelation *relation;
  gboolean ok;

  if (!count_element (self, error))
    return FALSE;
  element.line = ent_xml_reader_get_line (self->reader);
  if (from == NULL || to == NULL)
    {
      ent_import_add_problem (self->import, element.line,
                              _("Line %lu: an edge whose source or target is not a node of the file is left out"),
                              (gulong) element.line);
      return ent_xml_reader_skip (self->reader, error);
    }
  if ((label != NULL && _ent_gexf_too_long (label, ENT_PROPERTY_VALUE_MAX_LENGTH)) ||
      (kind != NULL && _ent_gexf_too_long (kind, ENT_PROPERTY_VALUE_MAX_LENGTH)) ||
      (type != NULL && _ent_gexf_too_long (type, ENT_PROPERTY_VALUE_MAX_LENGTH)))
    return _ent_gexf_fail (self, ENT_IMPORT_ERROR_TOO_LARGE, error, _("an edge's label or kind is longer than Entente reads"));
  _ent_gexf_know_roles (self, CLASS_EDGE);

  element.values = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) _ent_gexf_value_free);
  element.keys = g_hash_table_new (g_str_hash, g_str_equal);
  element.relation = relation = g_new0 (EntRelation, 1);
  relation->id = self->import->graph->relations->len + 1;
  relation->from_id = from->id;
  relation->to_id = to->id;
  relation->label = g_steal_pointer (&label);
  relation->kind = kind != NULL && *kind != '\0' ? g_steal_pointer (&kind) : NULL;
  relation->quote_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  relation->properties = g_ptr_array_new_with_free_func ((GDestroyNotify) ent_property_free);
  /* "mutual" is both ways, which Entente says as no way. */
  relation->directed = type != NULL ? g_ascii_strcasecmp (type, "directed") == 0 : self->directed;
  /*
   * networkx writes an edge's "type" data as its type, which GEXF keeps for
   * the direction: such a type is the relation's kind, unless the edge has
   * one, and then a property; the file's default direction holds.
   */
  if (type != NULL && g_ascii_strcasecmp (type, "directed") != 0 && g_ascii_strcasecmp (type, "undirected") != 0 &&
      g_ascii_strcasecmp (type, "mutual") != 0)
    {
      if (!self->told_types)
        ent_import_add_problem (self->import, element.line,
                                _("Line %lu: “%s” is not a direction (directed or undirected): edges' types that are "
                                  "not are kept as their kinds, and the file's default direction is taken"),
                                (gulong) element.line, type);
      self->told_types = TRUE;
      relation->directed = self->directed;
      type_kind = g_steal_pointer (&type);
    }
  if (weight != NULL)
    _ent_gexf_add_property (self, &element, "weight", ENT_PROPERTY_NUMBER, weight);
  _ent_gexf_read_times (self, &element, &relation->start_date, &relation->end_date);

  ok = read_children (self, &element, CLASS_EDGE, error);
  if (ok)
    {
      _ent_gexf_apply_values (self, CLASS_EDGE, &element);
      if (type_kind != NULL && relation->kind != NULL)
        _ent_gexf_add_property (self, &element, "type", ENT_PROPERTY_STRING, type_kind);
      else if (type_kind != NULL)
        relation->kind = g_steal_pointer (&type_kind);
      if (relation->kind == NULL)
        relation->kind = g_strdup (ENT_GEXF_DEFAULT_RELATION_KIND);
      finish_dates (self, &element, &relation->start_date, &relation->end_date);
      if (element.color != NULL)
        _ent_gexf_add_property (self, &element, ENT_GEXF_COLOR, ENT_PROPERTY_STRING, element.color);
      ent_graph_take_relation (self->import->graph, g_steal_pointer (&element.relation));
    }
  element_clear (&element);
  return ok;
}

/* <graph defaultedgetype timeformat>. */
static void
read_graph (Reader *self)
{
  g_autofree char *edge_type = attribute (self, "defaultedgetype");
  g_autofree char *timeformat = attribute (self, "timeformat");

  self->have_graph = TRUE;
  /* GEXF's default is undirected. */
  self->directed = edge_type != NULL && g_ascii_strcasecmp (edge_type, "directed") == 0;
  self->timeformat_given = timeformat != NULL;
  self->dates = timeformat != NULL && g_str_has_prefix (timeformat, "date");
}

/* The file, element by element: what is not GEXF's is passed over, and the file's first element must be <gexf>. */
static gboolean
read_document (Reader  *self,
               GError **error)
{
  gboolean root = FALSE;
  int ret;

  while ((ret = ent_xml_reader_read (self->reader, error)) > 0)
    {
      const char *name;

      if (ent_xml_reader_get_node_type (self->reader) != XML_READER_TYPE_ELEMENT)
        continue;
      name = ent_xml_reader_get_local_name (self->reader);
      if (!root)
        {
          g_autofree char *version = attribute (self, "version");

          root = TRUE;
          if (!g_str_equal (name, "gexf"))
            return _ent_gexf_fail (self, ENT_IMPORT_ERROR_INVALID, error, _("the file is not GEXF: it does not start with <gexf>"));
          if (version != NULL && !g_str_has_prefix (version, "1."))
            ent_import_add_problem (self->import, 0, _("The file is of GEXF %s, which is read as GEXF 1.3"), version);
        }
      else if (g_str_equal (name, "graph"))
        read_graph (self);
      else if (g_str_equal (name, "attributes"))
        {
          g_autofree char *class = attribute (self, "class");

          self->current_class = g_strcmp0 (class, "edge") == 0 ? CLASS_EDGE : CLASS_NODE;
        }
      else if (g_str_equal (name, "attribute"))
        {
          self->roles_known[self->current_class] = FALSE;
          if (!_ent_gexf_read_attribute (self, error))
            return FALSE;
        }
      else if (g_str_equal (name, "default") && self->attributes[self->current_class]->len > 0)
        {
          GPtrArray *attributes = self->attributes[self->current_class];
          Attribute *attribute = g_ptr_array_index (attributes, attributes->len - 1);

          g_free (attribute->fallback);
          attribute->fallback = ent_xml_reader_read_text (self->reader, error);
          if (attribute->fallback == NULL)
            return FALSE;
        }
      else if (g_str_equal (name, "node") && !read_node (self, NULL, error))
        return FALSE;
      else if (g_str_equal (name, "edge") && !read_edge (self, error))
        return FALSE;
    }
  if (ret < 0)
    return FALSE;
  if (!root)
    return _ent_gexf_fail (self, ENT_IMPORT_ERROR_INVALID, error, _("the file is not GEXF: it has no element"));
  if (!self->have_graph)
    return _ent_gexf_fail (self, ENT_IMPORT_ERROR_INVALID, error, _("the file is not GEXF: it has no <graph>"));
  return TRUE;
}

/*
 * String attributes whose every value is a date hold dates, as a CSV file's
 * columns do; and the attribute the kinds come from is the import's type
 * key, which a person may change for another.
 */
static void
type_attributes (Reader *self)
{
  for (guint i = 0; i < self->attributes[CLASS_NODE]->len && self->import->type_key == NULL; i++)
    {
      Attribute *attribute = g_ptr_array_index (self->attributes[CLASS_NODE], i);

      if (attribute->role == ENT_CSV_ROLE_KIND && !attribute->ignored)
        self->import->type_key = g_strdup (attribute->title);
    }
  for (guint c = 0; c < N_CLASSES; c++)
    for (guint i = 0; i < self->attributes[c]->len; i++)
      {
        Attribute *attribute = g_ptr_array_index (self->attributes[c], i);

        for (guint p = 0; attribute->dates && p < attribute->properties->len; p++)
          ((EntProperty *) g_ptr_array_index (attribute->properties, p))->type = ENT_PROPERTY_DATE;
      }
}

/* The file's positions as the layout the network opens with, where every node has one. */
static void
keep_layout (Reader *self)
{
  EntGraph *graph = self->import->graph;

  if (self->positions->len > 0 && !ent_import_add_opening_layout (self->import, self->positions))
    ent_import_add_problem (self->import, 0,
                            _("Only %u of the %u nodes have a position, so the network is laid out anew"),
                            self->positions->len, graph->entities->len);
}

/**
 * ent_gexf_read:
 * @path: a GEXF file, of any version from 1.0 to 1.3
 * @cancellable: (nullable): a #GCancellable, looked at between nodes
 * @progress: (nullable) (scope call): called now and then with how much is read
 * @user_data: data for @progress
 * @error: return location for an error
 *
 * Reads the nodes and edges of @path, elements matched by their local
 * names in whatever namespace. Node labels are the names; an attribute
 * titled as a CSV column of a kind, description, role, start or end would
 * be is read as that; every other attribute, an edge's weight, viz:color,
 * viz:size and the spells become properties, and the values of dynamic
 * attributes are kept as text, "value [start, end]; …". A node inside
 * another has the other's name as its property "parent". Positions are
 * the layout the network opens with when every node has one. The file's
 * own ids are not kept.
 *
 * Returns: (transfer full): what the file holds, or %NULL with @error set
 */
EntImport *
ent_gexf_read (const char             *path,
               GCancellable           *cancellable,
               EntImportProgressFunc   progress,
               gpointer                user_data,
               GError                **error)
{
  Reader self = { .cancellable = cancellable, .progress = progress, .user_data = user_data, };
  EntImport *import = NULL;
  gboolean ok;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      (self.reader = ent_xml_reader_new (path, error)) == NULL)
    return NULL;

  self.import = ent_import_new ();
  self.attributes[CLASS_NODE] = g_ptr_array_new_with_free_func ((GDestroyNotify) _ent_gexf_attribute_free);
  self.attributes[CLASS_EDGE] = g_ptr_array_new_with_free_func ((GDestroyNotify) _ent_gexf_attribute_free);
  self.nodes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self.positions = g_array_new (FALSE, FALSE, sizeof (EntPosition));
  self.adopted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self.kinds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) ent_entity_free);

  ok = read_document (&self, error) && !g_cancellable_set_error_if_cancelled (cancellable, error);
  _ent_gexf_clear_kinds (&self);
  if (ok)
    {
      type_attributes (&self);
      keep_layout (&self);
      import = g_steal_pointer (&self.import);
    }

  g_clear_pointer (&self.import, ent_import_free);
  ent_xml_reader_free (self.reader);
  for (guint c = 0; c < N_CLASSES; c++)
    g_ptr_array_unref (self.attributes[c]);
  g_hash_table_unref (self.nodes);
  g_array_unref (self.positions);
  g_hash_table_unref (self.adopted);
  if (import != NULL && progress != NULL)
    progress (1.0, user_data);
  return import;
}
