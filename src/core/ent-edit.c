/* ent-edit.c: the edits a person makes, each one undoable step
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-edit"

#include "config.h"

#include "ent-edit.h"
#include "ent-placement.h"
#include "ent-style.h"

#include <glib/gi18n-lib.h>

/*
 * Every function here is one edit of the store, named by a label that Undo
 * and Redo show: it begins the edit, makes its changes and commits them, or
 * cancels the whole edit when a change fails, leaving the file as it was.
 */

G_DEFINE_QUARK (ent-edit-error-quark, ent_edit_error)

/* Ends the edit begun before the changes: kept when @done says they all succeeded, else taken back. */
static gboolean
end_edit (EntStore  *store,
          gboolean   done,
          GError   **error)
{
  if (!done)
    {
      ent_store_edit_cancel (store);
      return FALSE;
    }

  return ent_store_edit_commit (store, error);
}

/* The edits are named after what they change, so that has to be in the network. */
static EntEntity *
find_entity (EntGraph  *graph,
             gint64     entity_id,
             GError   **error)
{
  EntEntity *entity = ent_graph_get_entity (graph, entity_id);

  if (entity == NULL)
    g_set_error (error, ENT_EDIT_ERROR, ENT_EDIT_ERROR_NOT_FOUND,
                 _("There is no entity with the id %lld"), (long long) entity_id);
  return entity;
}

static const EntProperty *
find_property (GPtrArray  *properties,
               const char *key)
{
  for (guint i = 0; properties != NULL && i < properties->len; i++)
    {
      const EntProperty *property = g_ptr_array_index (properties, i);

      if (g_str_equal (property->key, key))
        return property;
    }

  return NULL;
}

/*
 * Makes the properties of an entity, or of a relation when @relation_id is
 * not 0, @after where they were @before, inside the edit begun by the
 * caller. Only what differs is written, so that the edit, and its undo,
 * holds just the properties that changed. @after %NULL leaves them as they
 * are. An owner has tens of properties, not thousands, so looking each up
 * in the other array costs less than a table would.
 */
static gboolean
save_properties (EntStore   *store,
                 gint64      entity_id,
                 gint64      relation_id,
                 GPtrArray  *before,
                 GPtrArray  *after,
                 GError    **error)
{
  if (after == NULL)
    return TRUE;

  for (guint i = 0; before != NULL && i < before->len; i++)
    {
      const EntProperty *old = g_ptr_array_index (before, i);

      if (find_property (after, old->key) == NULL &&
          !ent_store_remove_property (store, entity_id, relation_id, old->key, error))
        return FALSE;
    }

  for (guint i = 0; i < after->len; i++)
    {
      const EntProperty *property = g_ptr_array_index (after, i);
      const EntProperty *old = find_property (before, property->key);

      if (old != NULL && old->type == property->type && g_strcmp0 (old->value, property->value) == 0)
        continue;
      if (!ent_store_set_property (store, entity_id, relation_id, property, error))
        return FALSE;
    }

  return TRUE;
}

/* The source of @passage, which must be in @graph. */
static EntSource *
find_passage_source (EntGraph        *graph,
                     const EntQuote  *passage,
                     GError         **error)
{
  EntSource *source = ent_graph_get_source (graph, passage->source_id);

  if (source == NULL)
    g_set_error (error, ENT_EDIT_ERROR, ENT_EDIT_ERROR_NOT_FOUND,
                 _("There is no source with the id %lld"), (long long) passage->source_id);
  return source;
}

/**
 * ent_edit_add_entity:
 * @store: the file to edit
 * @entity: the new entity; its id is ignored
 * @engine: the layout whose positions get the new node
 * @x: where the user is looking, in points
 * @y: where the user is looking, in points
 * @new_id: (out): return location for the new entity's id
 * @error: return location for a #GError
 *
 * Adds @entity with its properties and places it in the layout of @engine
 * at a free spot near (@x, @y), without moving the others, in one edit, so
 * that one Undo takes all of it back.
 *
 * Returns: whether the entity was added
 */
gboolean
ent_edit_add_entity (EntStore         *store,
                     const EntEntity  *entity,
                     const char       *engine,
                     double            x,
                     double            y,
                     gint64           *new_id,
                     GError          **error)
{
  return ent_edit_add_entity_with_quote (store, NULL, entity, NULL, engine, x, y, new_id, error);
}

static gint64 add_quote_as_evidence (EntStore         *store,
                                     gint64            entity_id,
                                     gint64            relation_id,
                                     const EntSource  *source,
                                     const EntQuote   *passage,
                                     GError          **error);

/**
 * ent_edit_add_entity_with_quote:
 * @store: the file to edit
 * @graph: (nullable): the network, for @passage's source
 * @entity: the new entity; its id is ignored
 * @passage: (nullable): a passage of a source (its source_id, start and end) that becomes the entity's first quote
 * @engine: the layout whose positions get the new node
 * @x: where the user is looking, in points
 * @y: where the user is looking, in points
 * @new_id: (out): return location for the new entity's id
 * @error: return location for a #GError
 *
 * ent_edit_add_entity() with the passage the entity was found in as its
 * quote, all in one edit: New Entity from Selection.
 *
 * Returns: whether the entity was added
 */
gboolean
ent_edit_add_entity_with_quote (EntStore         *store,
                                EntGraph         *graph,
                                const EntEntity  *entity,
                                const EntQuote   *passage,
                                const char       *engine,
                                double            x,
                                double            y,
                                gint64           *new_id,
                                GError          **error)
{
  g_autoptr(GArray) positions = NULL;
  g_autoptr(EntGraph) after = NULL;
  g_autofree char *label = NULL;
  EntSource *source = NULL;
  gboolean done;

  g_return_val_if_fail (ENT_IS_STORE (store), FALSE);
  g_return_val_if_fail (entity != NULL && engine != NULL && new_id != NULL, FALSE);
  g_return_val_if_fail (passage == NULL || graph != NULL, FALSE);

  if (passage != NULL && (source = find_passage_source (graph, passage, error)) == NULL)
    return FALSE;

  /* Translators: the name of an edit, shown as "Undo Add “Minsk”" */
  label = g_strdup_printf (_("Add “%s”"), entity->name);
  if (!ent_store_edit_begin (store, label, error))
    return FALSE;

  *new_id = ent_store_add_entity (store, entity, error);
  if (*new_id != 0 && save_properties (store, *new_id, 0, NULL, entity->properties, error) &&
      (entity->aliases == NULL || ent_store_set_aliases (store, *new_id, entity->aliases, error)) &&
      (source == NULL || add_quote_as_evidence (store, *new_id, 0, source, passage, error) != 0))
    positions = ent_store_load_positions (store, engine, error);
  after = positions != NULL ? ent_store_load_graph (store, error) : NULL;
  if (after != NULL)
    ent_placement_place_missing (after, positions, x, y);
  done = after != NULL &&
         ent_store_save_positions (store, engine, (EntPosition *) positions->data, positions->len, error);
  return end_edit (store, done, error);
}

/**
 * ent_edit_update_entity:
 * @store: the file to edit
 * @graph: the network as it is, for the entity's name and properties before
 *   the edit
 * @entity: the entity as it is to be
 * @error: return location for a #GError
 *
 * Stores the new @entity, with its properties and its aliases unless they
 * are %NULL, in one edit; the edit is a rename when its name changes.
 *
 * Returns: whether the entity was stored
 */
gboolean
ent_edit_update_entity (EntStore         *store,
                        EntGraph         *graph,
                        const EntEntity  *entity,
                        GError          **error)
{
  g_autofree char *label = NULL;
  EntEntity *before;

  g_return_val_if_fail (ENT_IS_STORE (store), FALSE);
  g_return_val_if_fail (graph != NULL && entity != NULL, FALSE);

  before = find_entity (graph, entity->id, error);
  if (before == NULL)
    return FALSE;

  if (g_strcmp0 (before->name, entity->name) != 0)
    /* Translators: the name of an edit, shown as "Undo Rename “Sergei Aleinik”" */
    label = g_strdup_printf (_("Rename “%s”"), before->name);
  else
    /* Translators: the name of an edit, shown as "Undo Edit “Belarus”" */
    label = g_strdup_printf (_("Edit “%s”"), entity->name);

  if (!ent_store_edit_begin (store, label, error))
    return FALSE;
  return end_edit (store,
                   ent_store_update_entity (store, entity, error) &&
                   save_properties (store, entity->id, 0, before->properties, entity->properties, error) &&
                   (entity->aliases == NULL || ent_store_set_aliases (store, entity->id, entity->aliases, error)),
                   error);
}

/**
 * ent_edit_move_entity:
 * @store: the file to edit
 * @graph: the network, for the entity's name
 * @engine: the layout the node moves in
 * @entity_id: the entity whose node moves
 * @x: its new place, in points
 * @y: its new place, in points
 * @error: return location for a #GError
 *
 * Moves the node of @entity_id to (@x, @y) in the layout of @engine. A node
 * the user placed stays there: it is pinned for the engines that honour pins.
 *
 * Returns: whether the position was stored
 */
gboolean
ent_edit_move_entity (EntStore    *store,
                      EntGraph    *graph,
                      const char  *engine,
                      gint64       entity_id,
                      double       x,
                      double       y,
                      GError     **error)
{
  EntPosition position = { .entity_id = entity_id, .x = x, .y = y, .pinned = TRUE };
  g_autofree char *label = NULL;
  EntEntity *entity;

  g_return_val_if_fail (ENT_IS_STORE (store), FALSE);
  g_return_val_if_fail (graph != NULL && engine != NULL, FALSE);

  entity = find_entity (graph, entity_id, error);
  if (entity == NULL)
    return FALSE;

  /* Translators: the name of an edit, shown as "Undo Move “Belarus”" */
  label = g_strdup_printf (_("Move “%s”"), entity->name);
  if (!ent_store_edit_begin (store, label, error))
    return FALSE;
  return end_edit (store, ent_store_save_positions (store, engine, &position, 1, error), error);
}

/**
 * ent_edit_delete_entity:
 * @store: the file to edit
 * @graph: the network, for the entity's name
 * @entity_id: the entity to delete
 * @error: return location for a #GError
 *
 * Deletes the entity with its relations and the quotes that back only it,
 * in one edit.
 *
 * Returns: whether the entity was deleted
 */
gboolean
ent_edit_delete_entity (EntStore  *store,
                        EntGraph  *graph,
                        gint64     entity_id,
                        GError   **error)
{
  g_autofree char *label = NULL;
  EntEntity *entity;

  g_return_val_if_fail (ENT_IS_STORE (store), FALSE);
  g_return_val_if_fail (graph != NULL, FALSE);

  entity = find_entity (graph, entity_id, error);
  if (entity == NULL)
    return FALSE;

  /* Translators: the name of an edit, shown as "Undo Delete “Belarus”" */
  label = g_strdup_printf (_("Delete “%s”"), entity->name);
  if (!ent_store_edit_begin (store, label, error))
    return FALSE;
  return end_edit (store, ent_store_delete_entity (store, entity_id, error), error);
}

/**
 * ent_edit_delete_relation:
 * @store: the file to edit
 * @relation_id: the relation to delete
 * @error: return location for a #GError
 *
 * Deletes the relation; its quotes stay in their sources.
 *
 * Returns: whether the relation was deleted
 */
gboolean
ent_edit_delete_relation (EntStore  *store,
                          gint64     relation_id,
                          GError   **error)
{
  g_return_val_if_fail (ENT_IS_STORE (store), FALSE);

  if (!ent_store_edit_begin (store, _("Delete Relation"), error))
    return FALSE;
  return end_edit (store, ent_store_delete_relation (store, relation_id, error), error);
}

/**
 * ent_edit_merge_entities:
 * @store: the file to edit
 * @graph: the network, for the kept entity's name
 * @keep_id: the entity that stays, with its name
 * @other_id: the same entity entered twice, which goes
 * @error: return location for a #GError
 *
 * Moves the relations and quotes of @other_id to @keep_id and deletes
 * @other_id, in one edit.
 *
 * Returns: whether the entities were merged
 */
gboolean
ent_edit_merge_entities (EntStore  *store,
                         EntGraph  *graph,
                         gint64     keep_id,
                         gint64     other_id,
                         GError   **error)
{
  g_autofree char *label = NULL;
  EntEntity *keep;

  g_return_val_if_fail (ENT_IS_STORE (store), FALSE);
  g_return_val_if_fail (graph != NULL, FALSE);

  keep = find_entity (graph, keep_id, error);
  if (keep == NULL)
    return FALSE;

  /* Translators: the name of an edit, shown as "Undo Merge into “Belarus”" */
  label = g_strdup_printf (_("Merge into “%s”"), keep->name);
  if (!ent_store_edit_begin (store, label, error))
    return FALSE;
  return end_edit (store, ent_store_merge_entities (store, keep_id, other_id, error), error);
}

/**
 * ent_edit_save_relation:
 * @store: the file to edit
 * @graph: the network, for the names of the entities the relation joins and
 *   the relation's properties before the edit
 * @relation: a new relation (id 0) or a changed one
 * @error: return location for a #GError
 *
 * Adds @relation, or stores the changes to it, with its properties unless
 * they are %NULL, in one edit.
 *
 * Returns: whether the relation was stored
 */
gboolean
ent_edit_save_relation (EntStore           *store,
                        EntGraph           *graph,
                        const EntRelation  *relation,
                        GError            **error)
{
  return ent_edit_save_relation_with_quote (store, graph, relation, NULL, error);
}

/**
 * ent_edit_save_relation_with_quote:
 * @store: the file to edit
 * @graph: the network as it is
 * @relation: a new relation (id 0) or a changed one
 * @passage: (nullable): for a new relation, a passage of a source (its source_id, start and end) that becomes its
 *   first quote
 * @error: return location for a #GError
 *
 * ent_edit_save_relation() with the passage that states the relation as its
 * quote, in the same edit: New Relation from Selection.
 *
 * Returns: whether the relation was stored
 */
gboolean
ent_edit_save_relation_with_quote (EntStore           *store,
                                   EntGraph           *graph,
                                   const EntRelation  *relation,
                                   const EntQuote     *passage,
                                   GError            **error)
{
  g_autofree char *label = NULL;
  EntEntity *from, *to;
  EntSource *source = NULL;
  gboolean done;

  g_return_val_if_fail (ENT_IS_STORE (store), FALSE);
  g_return_val_if_fail (graph != NULL && relation != NULL, FALSE);
  g_return_val_if_fail (passage == NULL || relation->id == 0, FALSE);

  if (passage != NULL && (source = find_passage_source (graph, passage, error)) == NULL)
    return FALSE;

  from = find_entity (graph, relation->from_id, error);
  to = from != NULL ? find_entity (graph, relation->to_id, error) : NULL;
  if (to == NULL)
    return FALSE;

  /* Translators: the name of an edit, shown as "Undo Connect “Minsk” and “Belarus”" */
  label = g_strdup_printf (relation->id == 0 ? _("Connect “%s” and “%s”") : _("Edit the Relation of “%s” and “%s”"),
                           from->name, to->name);
  if (!ent_store_edit_begin (store, label, error))
    return FALSE;

  if (relation->id == 0)
    {
      gint64 new_id = ent_store_add_relation (store, relation, error);

      done = new_id != 0 && save_properties (store, 0, new_id, NULL, relation->properties, error) &&
             (source == NULL || add_quote_as_evidence (store, 0, new_id, source, passage, error) != 0);
    }
  else
    {
      EntRelation *before = ent_graph_get_relation (graph, relation->id);

      done = ent_store_update_relation (store, relation, error) &&
             save_properties (store, 0, relation->id, before != NULL ? before->properties : NULL,
                              relation->properties, error);
    }
  return end_edit (store, done, error);
}

/**
 * ent_edit_save_source:
 * @store: the file to edit
 * @source: a new source (id 0) or a changed one
 * @error: return location for a #GError
 *
 * Adds @source, or stores the changes to it.
 *
 * Returns: whether the source was stored
 */
gboolean
ent_edit_save_source (EntStore         *store,
                      const EntSource  *source,
                      GError          **error)
{
  return ent_edit_save_source_full (store, source, NULL, error);
}

/**
 * ent_edit_save_source_full:
 * @store: the file to edit
 * @source: a new source (id 0) or a changed one
 * @new_id: (out) (optional): for a new source, its id
 * @error: return location for a #GError
 *
 * ent_edit_save_source(), telling a new source's id.
 *
 * Returns: whether the source was stored
 */
gboolean
ent_edit_save_source_full (EntStore         *store,
                           const EntSource  *source,
                           gint64           *new_id,
                           GError          **error)
{
  g_autofree char *label = NULL;
  gint64 id = 0;
  gboolean done;

  g_return_val_if_fail (ENT_IS_STORE (store), FALSE);
  g_return_val_if_fail (source != NULL, FALSE);

  /* Translators: the name of an edit, shown as "Undo Add the Source “…”" */
  label = g_strdup_printf (source->id == 0 ? _("Add the Source “%s”") : _("Edit the Source “%s”"), source->title);
  if (!ent_store_edit_begin (store, label, error))
    return FALSE;

  if (source->id == 0)
    done = (id = ent_store_add_source (store, source, error)) != 0;
  else
    done = ent_store_update_source (store, source, error);
  if (!end_edit (store, done, error))
    return FALSE;
  if (new_id != NULL)
    *new_id = id;
  return TRUE;
}

static gint64
add_quote_as_evidence (EntStore         *store,
                       gint64            entity_id,
                       gint64            relation_id,
                       const EntSource  *source,
                       const EntQuote   *passage,
                       GError          **error)
{
  g_autofree char *text = g_utf8_substring (source->body, passage->start, passage->end);
  gint64 quote_id = ent_store_add_quote (store, source->id, passage->start, passage->end, text, error);

  if (quote_id == 0)
    return 0;

  if (relation_id != 0 ? !ent_store_add_relation_evidence (store, relation_id, quote_id, error)
                       : !ent_store_add_entity_evidence (store, entity_id, quote_id, error))
    return 0;

  return quote_id;
}

/**
 * ent_edit_add_evidence:
 * @store: the file to edit
 * @graph: the network, for the source and the entity's name
 * @entity_id: the entity the passage backs, unless @relation_id is given
 * @relation_id: the relation the passage backs, or 0
 * @passage: the passage: its source_id, start and end; its text is read from the source
 * @error: return location for a #GError
 *
 * Makes a passage of a source a quote backing a relation, or an entity when
 * @relation_id is 0, in one edit.
 *
 * Returns: the new quote's id, or 0 on error
 */
gint64
ent_edit_add_evidence (EntStore        *store,
                       EntGraph        *graph,
                       gint64           entity_id,
                       gint64           relation_id,
                       const EntQuote  *passage,
                       GError         **error)
{
  EntSource *source;
  g_autofree char *label = NULL;
  gint64 quote_id;

  g_return_val_if_fail (ENT_IS_STORE (store), 0);
  g_return_val_if_fail (graph != NULL && passage != NULL, 0);

  source = find_passage_source (graph, passage, error);
  if (source == NULL)
    return 0;

  if (relation_id != 0)
    label = g_strdup (_("Add a Quote to a Relation"));
  else
    {
      EntEntity *entity = find_entity (graph, entity_id, error);

      if (entity == NULL)
        return 0;
      /* Translators: the name of an edit, shown as "Undo Add a Quote to “Belarus”" */
      label = g_strdup_printf (_("Add a Quote to “%s”"), entity->name);
    }

  if (!ent_store_edit_begin (store, label, error))
    return 0;

  quote_id = add_quote_as_evidence (store, entity_id, relation_id, source, passage, error);
  return end_edit (store, quote_id != 0, error) ? quote_id : 0;
}

/* Whether one of the entity's quotes is the passage already, or one added before it in the same edit. */
static gboolean
passage_is_quote (EntGraph        *graph,
                  const EntEntity *entity,
                  GArray          *added,
                  const EntQuote  *passage)
{
  for (guint i = 0; entity->quote_ids != NULL && i < entity->quote_ids->len; i++)
    {
      EntQuote *quote = ent_graph_get_quote (graph, g_array_index (entity->quote_ids, gint64, i));

      if (quote != NULL && quote->source_id == passage->source_id && quote->start == passage->start &&
          quote->end == passage->end)
        return TRUE;
    }

  for (guint i = 0; i < added->len; i++)
    {
      const EntQuote *other = &g_array_index (added, EntQuote, i);

      if (other->source_id == passage->source_id && other->start == passage->start && other->end == passage->end)
        return TRUE;
    }

  return FALSE;
}

/**
 * ent_edit_add_evidence_many:
 * @store: the file to edit
 * @graph: the network, for the sources and the entity's quotes and name
 * @entity_id: the entity the passages back
 * @passages: (element-type EntQuote): the passages: their source_id, start and end
 * @n_added: (out) (optional): how many quotes were added
 * @error: return location for a #GError
 *
 * Makes passages of sources quotes backing an entity, all in one edit, so
 * that one Undo takes them all back. A passage that is a quote of the entity
 * already, or that comes twice (two mentions in one sentence), is added once.
 *
 * Returns: whether the passages were added; when none was new, nothing is
 *   edited and %TRUE is returned
 */
gboolean
ent_edit_add_evidence_many (EntStore  *store,
                            EntGraph  *graph,
                            gint64     entity_id,
                            GArray    *passages,
                            guint     *n_added,
                            GError   **error)
{
  g_autoptr(GArray) todo = g_array_new (FALSE, FALSE, sizeof (EntQuote));
  g_autofree char *label = NULL;
  EntEntity *entity;
  gboolean ok = TRUE;

  g_return_val_if_fail (ENT_IS_STORE (store), FALSE);
  g_return_val_if_fail (graph != NULL && passages != NULL, FALSE);

  if (n_added != NULL)
    *n_added = 0;

  entity = find_entity (graph, entity_id, error);
  if (entity == NULL)
    return FALSE;

  for (guint i = 0; i < passages->len; i++)
    {
      const EntQuote *passage = &g_array_index (passages, EntQuote, i);

      if (ent_graph_get_source (graph, passage->source_id) == NULL)
        {
          g_set_error (error, ENT_EDIT_ERROR, ENT_EDIT_ERROR_NOT_FOUND,
                       _("There is no source with the id %lld"), (long long) passage->source_id);
          return FALSE;
        }
      if (!passage_is_quote (graph, entity, todo, passage))
        g_array_append_val (todo, *passage);
    }

  if (todo->len == 0)
    return TRUE;

  if (todo->len == 1)
    label = g_strdup_printf (_("Add a Quote to “%s”"), entity->name);
  else
    /* Translators: the name of an edit, shown as "Undo Add 3 Quotes to “Sergei Aleinik”" */
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Add %u Quote to “%s”", "Add %u Quotes to “%s”", todo->len),
                             todo->len, entity->name);
  if (!ent_store_edit_begin (store, label, error))
    return FALSE;

  for (guint i = 0; ok && i < todo->len; i++)
    {
      const EntQuote *passage = &g_array_index (todo, EntQuote, i);

      ok = add_quote_as_evidence (store, entity_id, 0, ent_graph_get_source (graph, passage->source_id), passage,
                                  error) != 0;
    }

  if (!end_edit (store, ok, error))
    return FALSE;
  if (n_added != NULL)
    *n_added = todo->len;
  return TRUE;
}

/**
 * ent_edit_remove_evidence:
 * @store: the file to edit
 * @entity_id: the entity the quote backs, unless @relation_id is given
 * @relation_id: the relation the quote backs, or 0
 * @quote_id: the quote
 * @error: return location for a #GError
 *
 * Withdraws @quote_id as evidence for a relation, or for an entity when
 * @relation_id is 0.
 *
 * Returns: whether the quote was withdrawn
 */
gboolean
ent_edit_remove_evidence (EntStore  *store,
                          gint64     entity_id,
                          gint64     relation_id,
                          gint64     quote_id,
                          GError   **error)
{
  g_return_val_if_fail (ENT_IS_STORE (store), FALSE);

  if (relation_id != 0)
    entity_id = 0;

  if (!ent_store_edit_begin (store, _("Remove a Quote"), error))
    return FALSE;
  return end_edit (store, ent_store_remove_evidence (store, entity_id, relation_id, quote_id, error), error);
}

/**
 * ent_edit_set_stance:
 * @store: the file to edit
 * @entity_id: the entity the quote is attached to, unless @relation_id is given
 * @relation_id: the relation it is attached to, or 0
 * @quote_id: the quote
 * @disputes: whether the quote disputes it, or supports it
 * @error: return location for a #GError
 *
 * Marks a quote as disputing, or supporting, what it is attached to, in one
 * edit.
 *
 * Returns: whether the stance was stored
 */
gboolean
ent_edit_set_stance (EntStore  *store,
                     gint64     entity_id,
                     gint64     relation_id,
                     gint64     quote_id,
                     gboolean   disputes,
                     GError   **error)
{
  g_return_val_if_fail (ENT_IS_STORE (store), FALSE);

  if (relation_id != 0)
    entity_id = 0;

  if (!ent_store_edit_begin (store, disputes ? _("Mark a Quote as Disputing") : _("Mark a Quote as Supporting"), error))
    return FALSE;
  return end_edit (store, ent_store_set_stance (store, entity_id, relation_id, quote_id, disputes, error), error);
}

/**
 * ent_edit_update_kind:
 * @store: the file to edit
 * @graph: the network as it is, for the kind's name before the edit
 * @kind: the kind as it is to be, with the key of one of @graph's kinds
 * @error: return location for a #GError
 *
 * Renames the kind or changes how its entities are drawn, in one edit.
 *
 * Returns: whether the kind was stored
 */
gboolean
ent_edit_update_kind (EntStore           *store,
                      EntGraph           *graph,
                      const EntKindInfo  *kind,
                      GError            **error)
{
  EntKindInfo *before = graph != NULL && kind != NULL && kind->key != NULL ? ent_graph_get_kind (graph, kind->key) : NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (ENT_IS_STORE (store), FALSE);
  g_return_val_if_fail (graph != NULL && kind != NULL && kind->key != NULL, FALSE);

  if (before == NULL)
    {
      g_set_error (error, ENT_EDIT_ERROR, ENT_EDIT_ERROR_NOT_FOUND, _("There is no kind “%s”"), kind->key);
      return FALSE;
    }

  /* Translators: the name of an edit, shown as "Undo Edit Kind “Airport”" */
  label = g_strdup_printf (_("Edit Kind “%s”"), ent_style_kind_label (before));
  if (!ent_store_edit_begin (store, label, error))
    return FALSE;
  return end_edit (store, ent_store_update_kind (store, kind, error), error);
}
