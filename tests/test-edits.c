/* test-edits.c: every edit can be undone and redone
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ent-edit.h"
#include "ent-store.h"
#include "ent-test-util.h"

#include <gio/gio.h>

typedef gboolean (*EditFunc) (EntStore *store, GError **error);

static gint64
first_id (EntStore   *store,
          GPtrArray *(*pick) (EntGraph *))
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EntGraph) graph = ent_store_load_graph (store, &error);
  GPtrArray *items;

  g_assert_no_error (error);
  items = pick (graph);

  /* Every record starts with its id; 0 names nothing, for when the random edits have deleted all. */
  return items->len > 0 ? *(gint64 *) g_ptr_array_index (items, items->len / 2) : 0;
}

static GPtrArray *pick_entities (EntGraph *graph) { return graph->entities; }
static GPtrArray *pick_relations (EntGraph *graph) { return graph->relations; }
static GPtrArray *pick_sources (EntGraph *graph) { return graph->sources; }
static GPtrArray *pick_quotes (EntGraph *graph) { return graph->quotes; }

static gboolean
edit_add_entity (EntStore *store, GError **error)
{
  EntEntity entity = { .kind = ENT_KIND_PLACE, .name = (char *) "Minsk", .description = (char *) "Capital" };
  return ent_store_add_entity (store, &entity, error) > 0;
}

static gboolean
edit_rename_entity (EntStore *store, GError **error)
{
  EntEntity entity = { .id = first_id (store, pick_entities), .kind = ENT_KIND_PERSON,
                       .name = (char *) "Сергей Алейник", .role = (char *) "Minister",
                       .start_date = (char *) "2022", .end_date = (char *) "2024-03" };
  return ent_store_update_entity (store, &entity, error);
}

static gboolean
edit_delete_entity (EntStore *store, GError **error)
{
  return ent_store_delete_entity (store, first_id (store, pick_entities), error);
}

static gboolean
edit_add_relation (EntStore *store, GError **error)
{
  gint64 id = first_id (store, pick_entities);
  EntRelation relation = { .kind = (char *) "knows", .from_id = id, .to_id = id - 1, .directed = TRUE };
  return ent_store_add_relation (store, &relation, error) > 0;
}

static gboolean
edit_update_relation (EntStore *store, GError **error)
{
  EntRelation relation = { .id = first_id (store, pick_relations), .kind = (char *) "meets", .from_id = 1, .to_id = 2,
                           .label = (char *) "met in Delhi", .directed = FALSE, .start_date = (char *) "--03-12" };
  return ent_store_update_relation (store, &relation, error);
}

static gboolean
edit_delete_relation (EntStore *store, GError **error)
{
  return ent_store_delete_relation (store, first_id (store, pick_relations), error);
}

static gboolean
edit_add_source (EntStore *store, GError **error)
{
  EntSource source = { .title = (char *) "Notes", .body = (char *) "Aleinik met Jaishankar.", .published = (char *) "2024-03-12" };
  return ent_store_add_source (store, &source, error) > 0;
}

static gboolean
edit_update_source (EntStore *store, GError **error)
{
  g_autoptr(EntGraph) graph = ent_store_load_graph (store, error);
  EntSource source;

  if (graph->sources->len == 0)
    {
      g_set_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_NOT_FOUND, "no source left");
      return FALSE;
    }

  source = *(EntSource *) g_ptr_array_index (graph->sources, 0);

  source.title = (char *) "A new title";
  source.publisher = (char *) "A publisher";
  source.url = (char *) "https://example.org/article";
  return ent_store_update_source (store, &source, error);
}

static gboolean
edit_delete_source (EntStore *store, GError **error)
{
  return ent_store_delete_source (store, first_id (store, pick_sources), error);
}

static gboolean
edit_add_quote_as_evidence (EntStore *store, GError **error)
{
  gint64 quote = ent_store_add_quote (store, 1, 0, 9, "On Monday", error);
  return quote > 0 && ent_store_add_entity_evidence (store, first_id (store, pick_entities), quote, error);
}

static gboolean
edit_remove_quote (EntStore *store, GError **error)
{
  return ent_store_delete_quote (store, first_id (store, pick_quotes), error);
}

static gboolean
edit_move_node (EntStore *store, GError **error)
{
  EntPosition position = { .entity_id = first_id (store, pick_entities), .x = 12.5, .y = -40, .pinned = TRUE };
  return ent_store_save_positions (store, "neato", &position, 1, error);
}

static gboolean
edit_merge (EntStore *store, GError **error)
{
  gint64 keep = first_id (store, pick_entities);
  return ent_store_merge_entities (store, keep, keep + 1, error);
}

/* The random edits may have deleted every entity or relation; then no property has an owner. */
static gboolean
owner_left (gint64 id, GError **error)
{
  if (id == 0)
    g_set_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_NOT_FOUND, "nothing left to own a property");
  return id != 0;
}

static gboolean
edit_set_entity_property (EntStore *store, GError **error)
{
  EntProperty property = { .key = (char *) "population", .type = ENT_PROPERTY_NUMBER, .value = (char *) "9.2e6" };
  gint64 id = first_id (store, pick_entities);

  return owner_left (id, error) && ent_store_set_property (store, id, 0, &property, error);
}

static gboolean
edit_change_entity_property (EntStore *store, GError **error)
{
  EntProperty property = { .key = (char *) "population", .type = ENT_PROPERTY_STRING, .value = (char *) "unknown" };
  gint64 id = first_id (store, pick_entities);

  return owner_left (id, error) && ent_store_set_property (store, id, 0, &property, error);
}

static gboolean
edit_set_relation_property (EntStore *store, GError **error)
{
  EntProperty since = { .key = (char *) "since", .type = ENT_PROPERTY_DATE, .value = (char *) "1992-01" };
  EntProperty confirmed = { .key = (char *) "confirmed", .type = ENT_PROPERTY_BOOLEAN, .value = (char *) "true" };
  gint64 relation_id = first_id (store, pick_relations);

  return owner_left (relation_id, error) &&
         ent_store_set_property (store, 0, relation_id, &since, error) &&
         ent_store_set_property (store, 0, relation_id, &confirmed, error);
}

/* Replaces the entity's population, where an earlier edit set one, by its area, which is always a change. */
static gboolean
edit_replace_property (EntStore *store, GError **error)
{
  EntProperty area = { .key = (char *) "area", .type = ENT_PROPERTY_NUMBER, .value = (char *) "207595" };
  gint64 id = first_id (store, pick_entities);
  g_autoptr(GError) missing = NULL;

  if (!owner_left (id, error) || !ent_store_set_property (store, id, 0, &area, error))
    return FALSE;
  if (ent_store_remove_property (store, id, 0, "population", &missing) ||
      g_error_matches (missing, ENT_STORE_ERROR, ENT_STORE_ERROR_NOT_FOUND))
    return TRUE;

  g_propagate_error (error, g_steal_pointer (&missing));
  return FALSE;
}

static gboolean
edit_add_kind (EntStore *store, GError **error)
{
  EntKindInfo kind = { .key = (char *) "ministry", .label = (char *) "Ministry", .shape = (char *) "hexagon",
                       .glyph = (char *) "building", .color = (char *) "#3584e4" };
  EntEntity entity = { .kind_key = (char *) "ministry", .name = (char *) "Ministry of External Affairs" };

  return ent_store_add_kind (store, &kind, error) && ent_store_add_entity (store, &entity, error) > 0;
}

static gboolean
edit_update_kind (EntStore *store, GError **error)
{
  EntKindInfo kind = { .key = (char *) "person", .label = (char *) "Human", .shape = (char *) "ellipse",
                       .glyph = (char *) "group", .color = (char *) "#e01b24", .dark_color = (char *) "#ff7b63" };
  return ent_store_update_kind (store, &kind, error);
}

static const struct {
  const char *name;
  EditFunc    func;
} edits[] = {
  { "add-entity", edit_add_entity },
  { "rename-entity", edit_rename_entity },
  { "delete-entity", edit_delete_entity },
  { "add-relation", edit_add_relation },
  { "update-relation", edit_update_relation },
  { "delete-relation", edit_delete_relation },
  { "add-source", edit_add_source },
  { "update-source", edit_update_source },
  { "delete-source", edit_delete_source },
  { "add-quote", edit_add_quote_as_evidence },
  { "remove-quote", edit_remove_quote },
  { "move-node", edit_move_node },
  { "merge", edit_merge },
  { "set-entity-property", edit_set_entity_property },
  { "change-entity-property", edit_change_entity_property },
  { "set-relation-property", edit_set_relation_property },
  { "replace-property", edit_replace_property },
  { "add-kind", edit_add_kind },
  { "update-kind", edit_update_kind },
};

static void
do_edit (EntStore *store,
         guint     which)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ent_store_edit_begin (store, edits[which].name, &error));
  if (!edits[which].func (store, &error))
    g_error ("%s: %s", edits[which].name, error->message);
  g_assert_true (ent_store_edit_commit (store, &error));
  g_assert_no_error (error);
}

static void
test_undo_each (gconstpointer data)
{
  guint which = GPOINTER_TO_UINT (data);
  g_autoptr(EntStore) store = open_copy_of_bundled ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump_store (store);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;

  g_assert_null (ent_store_get_undo_label (store));
  do_edit (store, which);
  after = dump_store (store);
  g_assert_cmpstr (after, !=, before);
  g_assert_cmpstr (ent_store_get_undo_label (store), ==, edits[which].name);

  g_assert_true (ent_store_undo (store, &error));
  g_assert_no_error (error);
  undone = dump_store (store);
  g_assert_cmpstr (undone, ==, before);
  g_assert_cmpstr (ent_store_get_redo_label (store), ==, edits[which].name);

  g_assert_true (ent_store_redo (store, &error));
  g_assert_no_error (error);
  redone = dump_store (store);
  g_assert_cmpstr (redone, ==, after);
  g_assert_true (ent_store_check_integrity (store, &error));
  g_assert_no_error (error);
}

/*
 * Edits, undos and redos at random. The expected file after each step is
 * known from the dumps taken along the way, as an undo stack of its own.
 */
static void
test_random_sequence (void)
{
  g_autoptr(EntStore) store = open_copy_of_bundled ();
  g_autoptr(GPtrArray) past = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) future = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  g_autoptr(GError) error = NULL;
  char *current = dump_store (store);
  guint n_edits = 0, n_undos = 0, n_redos = 0;

  for (int step = 0; step < 2000; step++)
    {
      int choice = g_rand_int_range (rand, 0, 10);

      if (choice < 5)
        {
          guint which = g_rand_int_range (rand, 0, G_N_ELEMENTS (edits));
          g_autoptr(GError) edit_error = NULL;

          /* Some edits find nothing left to change; those are cancelled, and change nothing. */
          g_assert_true (ent_store_edit_begin (store, edits[which].name, &edit_error));
          if (!edits[which].func (store, &edit_error))
            {
              g_autofree char *now = NULL;

              ent_store_edit_cancel (store);
              now = dump_store (store);
              g_assert_cmpstr (now, ==, current);
              continue;
            }
          g_assert_true (ent_store_edit_commit (store, &edit_error));
          {
            char *now = dump_store (store);

            /* An edit that changed nothing leaves Undo and Redo as they were. */
            if (g_str_equal (now, current))
              {
                g_free (now);
                continue;
              }
            g_ptr_array_add (past, current);
            g_ptr_array_set_size (future, 0);
            current = now;
          }
          n_edits++;
        }
      else if (choice < 8 && past->len > 0)
        {
          if (!ent_store_undo (store, &error))
            g_error ("undo of %s: %s", ent_store_get_undo_label (store), error->message);
          g_ptr_array_add (future, current);
          current = g_ptr_array_steal_index (past, past->len - 1);
          n_undos++;
        }
      else if (future->len > 0)
        {
          if (!ent_store_redo (store, &error))
            g_error ("redo of %s: %s", ent_store_get_redo_label (store), error->message);
          g_ptr_array_add (past, current);
          current = g_ptr_array_steal_index (future, future->len - 1);
          n_redos++;
        }
      else
        continue;

      g_assert_no_error (error);
      {
        g_autofree char *now = dump_store (store);
        g_assert_cmpstr (now, ==, current);
      }
      g_assert_true ((ent_store_get_undo_label (store) != NULL) == (past->len > 0));
      g_assert_true ((ent_store_get_redo_label (store) != NULL) == (future->len > 0));

      if (step % 100 == 0)
        {
          g_assert_true (ent_store_check_integrity (store, &error));
          g_assert_no_error (error);
        }
    }

  g_assert_true (ent_store_check_integrity (store, &error));
  g_test_message ("%u edits, %u undos, %u redos", n_edits, n_undos, n_redos);
  g_free (current);
}

static void
test_merge_keeps_everything (void)
{
  g_autoptr(EntStore) store = open_copy_of_bundled ();
  g_autoptr(EntGraph) before = NULL;
  g_autoptr(EntGraph) after = NULL;
  g_autoptr(GError) error = NULL;
  EntEntity *keep, *other, *merged;
  guint keep_quotes, other_quotes, keep_relations = 0, other_relations = 0, shared = 0;

  before = ent_store_load_graph (store, &error);
  keep = g_ptr_array_index (before->entities, 0);
  other = g_ptr_array_index (before->entities, 1);
  keep_quotes = keep->quote_ids->len;
  other_quotes = other->quote_ids->len;
  for (guint i = 0; i < before->relations->len; i++)
    {
      EntRelation *relation = g_ptr_array_index (before->relations, i);
      gboolean k = relation->from_id == keep->id || relation->to_id == keep->id;
      gboolean o = relation->from_id == other->id || relation->to_id == other->id;

      keep_relations += k;
      other_relations += o;
      shared += k && o;
    }
  g_assert_cmpuint (other_relations, >, 0);

  g_assert_true (ent_store_edit_begin (store, "Merge", &error));
  g_assert_true (ent_store_merge_entities (store, keep->id, other->id, &error));
  g_assert_true (ent_store_edit_commit (store, &error));
  g_assert_no_error (error);

  after = ent_store_load_graph (store, &error);
  g_assert_cmpuint (after->entities->len, ==, before->entities->len - 1);
  g_assert_cmpuint (after->relations->len, ==, before->relations->len);
  g_assert_cmpuint (after->quotes->len, ==, before->quotes->len);
  g_assert_null (ent_graph_get_entity (after, other->id));

  merged = ent_graph_get_entity (after, keep->id);
  g_assert_cmpstr (merged->name, ==, keep->name);
  g_assert_cmpuint (merged->quote_ids->len, >=, MAX (keep_quotes, other_quotes));
  {
    guint merged_relations = 0;

    for (guint i = 0; i < after->relations->len; i++)
      {
        EntRelation *relation = g_ptr_array_index (after->relations, i);
        merged_relations += relation->from_id == keep->id || relation->to_id == keep->id;
      }
    g_assert_cmpuint (merged_relations, ==, keep_relations + other_relations - shared);
  }
}

static void
test_delete_says_what_goes (void)
{
  g_autoptr(EntStore) store = open_copy_of_bundled ();
  g_autoptr(EntGraph) before = NULL;
  g_autoptr(EntGraph) after = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = first_id (store, pick_entities);
  guint n_relations = 0, n_quotes = 0;

  before = ent_store_load_graph (store, &error);
  g_assert_true (ent_store_count_dependents (store, id, &n_relations, &n_quotes, &error));
  g_assert_cmpuint (n_relations, >, 0);

  g_assert_true (ent_store_edit_begin (store, "Delete", &error));
  g_assert_true (ent_store_delete_entity (store, id, &error));
  g_assert_true (ent_store_edit_commit (store, &error));

  after = ent_store_load_graph (store, &error);
  g_assert_cmpuint (after->relations->len, ==, before->relations->len - n_relations);
  g_assert_cmpuint (after->quotes->len, ==, before->quotes->len - n_quotes);
}

/* Deleting what is not there says so, with the id, and changes nothing. */
static void
test_delete_missing (void)
{
  g_autoptr(EntStore) store = open_copy_of_bundled ();
  g_autofree char *before = dump_store (store);
  gboolean (*deletes[]) (EntStore *, gint64, GError **) = {
    ent_store_delete_entity, ent_store_delete_relation, ent_store_delete_source, ent_store_delete_quote,
  };

  for (guint i = 0; i < G_N_ELEMENTS (deletes); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (deletes[i] (store, 987654, &error));
      g_assert_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_NOT_FOUND);
      g_assert_nonnull (strstr (error->message, "987654"));
    }

  assert_unchanged (store, before);
}

/*
 * The edits the window makes, each composed in the core: one undo takes all
 * of an edit back, and the edit is named after what it changed.
 */
static gboolean
composed_add_entity (EntStore *store, EntGraph *graph, char **label, GError **error)
{
  EntEntity entity = { .kind = ENT_KIND_PLACE, .name = (char *) "Minsk", .description = (char *) "Capital" };
  g_autoptr(GArray) positions = NULL;
  gboolean placed = FALSE;
  gint64 id;

  if (!ent_edit_add_entity (store, &entity, "neato", 40, 60, &id, error))
    return FALSE;

  /* The new entity has its place in the same edit. */
  positions = ent_store_load_positions (store, "neato", error);
  for (guint i = 0; positions != NULL && i < positions->len; i++)
    placed |= g_array_index (positions, EntPosition, i).entity_id == id;
  g_assert_true (placed);

  *label = g_strdup ("Add “Minsk”");
  return TRUE;
}

static gboolean
composed_rename_entity (EntStore *store, EntGraph *graph, char **label, GError **error)
{
  EntEntity *before = middle_entity (graph);
  EntEntity entity = *before;

  entity.name = (char *) "Сергей Алейник";
  *label = g_strdup_printf ("Rename “%s”", before->name);
  return ent_edit_update_entity (store, graph, &entity, error);
}

static gboolean
composed_edit_entity (EntStore *store, EntGraph *graph, char **label, GError **error)
{
  EntEntity entity = *middle_entity (graph);

  entity.description = (char *) "Described again";
  *label = g_strdup_printf ("Edit “%s”", entity.name);
  return ent_edit_update_entity (store, graph, &entity, error);
}

static gboolean
composed_move_entity (EntStore *store, EntGraph *graph, char **label, GError **error)
{
  EntEntity *entity = middle_entity (graph);

  *label = g_strdup_printf ("Move “%s”", entity->name);
  return ent_edit_move_entity (store, graph, "neato", entity->id, 12.5, -40, error);
}

static gboolean
composed_delete_entity (EntStore *store, EntGraph *graph, char **label, GError **error)
{
  EntEntity *entity = middle_entity (graph);

  *label = g_strdup_printf ("Delete “%s”", entity->name);
  return ent_edit_delete_entity (store, graph, entity->id, error);
}

static gboolean
composed_merge (EntStore *store, EntGraph *graph, char **label, GError **error)
{
  EntEntity *keep = middle_entity (graph);
  EntEntity *other = g_ptr_array_index (graph->entities, 0);

  *label = g_strdup_printf ("Merge into “%s”", keep->name);
  return ent_edit_merge_entities (store, graph, keep->id, other->id, error);
}

static gboolean
composed_add_relation (EntStore *store, EntGraph *graph, char **label, GError **error)
{
  EntEntity *from = middle_entity (graph);
  EntEntity *to = g_ptr_array_index (graph->entities, 0);
  EntRelation relation = { .kind = (char *) "knows", .from_id = from->id, .to_id = to->id, .directed = TRUE };

  *label = g_strdup_printf ("Connect “%s” and “%s”", from->name, to->name);
  return ent_edit_save_relation (store, graph, &relation, error);
}

static gboolean
composed_update_relation (EntStore *store, EntGraph *graph, char **label, GError **error)
{
  EntRelation relation = *(EntRelation *) g_ptr_array_index (graph->relations, 0);

  relation.label = (char *) "met in Delhi";
  *label = g_strdup_printf ("Edit the Relation of “%s” and “%s”",
                            ent_graph_get_entity (graph, relation.from_id)->name,
                            ent_graph_get_entity (graph, relation.to_id)->name);
  return ent_edit_save_relation (store, graph, &relation, error);
}

static gboolean
composed_delete_relation (EntStore *store, EntGraph *graph, char **label, GError **error)
{
  *label = g_strdup ("Delete Relation");
  return ent_edit_delete_relation (store, ((EntRelation *) g_ptr_array_index (graph->relations, 0))->id, error);
}

static gboolean
composed_add_source (EntStore *store, EntGraph *graph, char **label, GError **error)
{
  EntSource source = { .title = (char *) "Notes", .body = (char *) "Aleinik met Jaishankar." };

  *label = g_strdup ("Add the Source “Notes”");
  return ent_edit_save_source (store, &source, error);
}

static gboolean
composed_update_source (EntStore *store, EntGraph *graph, char **label, GError **error)
{
  EntSource source = *(EntSource *) g_ptr_array_index (graph->sources, 0);

  source.title = (char *) "Retitled";
  *label = g_strdup ("Edit the Source “Retitled”");
  return ent_edit_save_source (store, &source, error);
}

static gboolean
composed_add_entity_evidence (EntStore *store, EntGraph *graph, char **label, GError **error)
{
  EntEntity *entity = middle_entity (graph);
  EntSource *source = g_ptr_array_index (graph->sources, 0);
  g_autoptr(EntGraph) after = NULL;
  EntQuote passage = { .source_id = source->id, .start = 0, .end = 9 };
  gint64 quote_id = ent_edit_add_evidence (store, graph, entity->id, 0, &passage, error);
  g_autofree char *text = g_utf8_substring (source->body, 0, 9);

  if (quote_id == 0)
    return FALSE;

  after = ent_store_load_graph (store, error);
  g_assert_cmpstr (ent_graph_get_quote (after, quote_id)->text, ==, text);
  g_assert_cmpint (g_array_index (ent_graph_get_entity (after, entity->id)->quote_ids, gint64,
                                  ent_graph_get_entity (after, entity->id)->quote_ids->len - 1), ==, quote_id);

  *label = g_strdup_printf ("Add a Quote to “%s”", entity->name);
  return TRUE;
}

/* A relation selected takes the passage, whatever entity was selected before. */
static gboolean
composed_add_relation_evidence (EntStore *store, EntGraph *graph, char **label, GError **error)
{
  EntRelation *relation = g_ptr_array_index (graph->relations, 0);
  EntSource *source = g_ptr_array_index (graph->sources, 0);
  g_autoptr(EntGraph) after = NULL;
  EntQuote passage = { .source_id = source->id, .start = 10, .end = 30 };
  gint64 quote_id = ent_edit_add_evidence (store, graph, middle_entity (graph)->id, relation->id, &passage, error);
  GArray *ids;

  if (quote_id == 0)
    return FALSE;

  after = ent_store_load_graph (store, error);
  ids = ent_graph_get_relation (after, relation->id)->quote_ids;
  g_assert_cmpint (g_array_index (ids, gint64, ids->len - 1), ==, quote_id);

  *label = g_strdup ("Add a Quote to a Relation");
  return TRUE;
}

/* Passages accepted together are one edit; one the entity has as a quote already, or one that
 * comes twice, is added once. */
static gboolean
composed_add_evidence_many (EntStore *store, EntGraph *graph, char **label, GError **error)
{
  EntEntity *entity = NULL;
  EntQuote *existing;
  EntSource *source;
  g_autoptr(GArray) passages = g_array_new (FALSE, TRUE, sizeof (EntQuote));
  g_autoptr(EntGraph) after = NULL;
  EntQuote passage = { 0 };
  guint n_added = 0;

  for (guint i = 0; entity == NULL && i < graph->entities->len; i++)
    if (((EntEntity *) g_ptr_array_index (graph->entities, i))->quote_ids->len > 0)
      entity = g_ptr_array_index (graph->entities, i);
  g_assert_nonnull (entity);
  existing = ent_graph_get_quote (graph, g_array_index (entity->quote_ids, gint64, 0));
  source = ent_graph_get_source (graph, existing->source_id);

  passage = (EntQuote) { .source_id = source->id, .start = 0, .end = 9 };
  g_array_append_val (passages, passage);
  passage = (EntQuote) { .source_id = source->id, .start = 10, .end = 30 };
  g_array_append_val (passages, passage);
  g_array_append_val (passages, passage);
  passage = (EntQuote) { .source_id = source->id, .start = existing->start, .end = existing->end };
  g_array_append_val (passages, passage);

  if (!ent_edit_add_evidence_many (store, graph, entity->id, passages, &n_added, error))
    return FALSE;
  g_assert_cmpuint (n_added, ==, existing->start == 0 && existing->end == 9 ? 1 : 2);

  after = ent_store_load_graph (store, error);
  g_assert_cmpuint (ent_graph_get_entity (after, entity->id)->quote_ids->len, ==, entity->quote_ids->len + n_added);

  *label = n_added == 1 ? g_strdup_printf ("Add a Quote to “%s”", entity->name)
                        : g_strdup_printf ("Add %u Quotes to “%s”", n_added, entity->name);
  return TRUE;
}

static gboolean
composed_remove_evidence (EntStore *store, EntGraph *graph, char **label, GError **error)
{
  for (guint i = 0; i < graph->entities->len; i++)
    {
      EntEntity *entity = g_ptr_array_index (graph->entities, i);

      if (entity->quote_ids->len > 0)
        {
          *label = g_strdup ("Remove a Quote");
          return ent_edit_remove_evidence (store, entity->id, 0, g_array_index (entity->quote_ids, gint64, 0), error);
        }
    }

  g_assert_not_reached ();
}

static const ComposedEdit composed[] = {
  { "add-entity", composed_add_entity },
  { "rename-entity", composed_rename_entity },
  { "edit-entity", composed_edit_entity },
  { "move-entity", composed_move_entity },
  { "delete-entity", composed_delete_entity },
  { "merge", composed_merge },
  { "add-relation", composed_add_relation },
  { "update-relation", composed_update_relation },
  { "delete-relation", composed_delete_relation },
  { "add-source", composed_add_source },
  { "update-source", composed_update_source },
  { "add-entity-evidence", composed_add_entity_evidence },
  { "add-relation-evidence", composed_add_relation_evidence },
  { "add-evidence-many", composed_add_evidence_many },
  { "remove-evidence", composed_remove_evidence },
};

/* A composed edit that fails leaves the file as it was, with nothing to undo. */
static void
test_composed_failure (void)
{
  g_autoptr(EntStore) store = open_copy_of_bundled ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EntGraph) graph = ent_store_load_graph (store, &error);
  g_autofree char *before = dump_store (store);
  EntEntity *keep = middle_entity (graph);

  g_assert_false (ent_edit_merge_entities (store, graph, keep->id, 987654, &error));
  g_assert_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_false (ent_edit_delete_entity (store, graph, 987654, &error));
  g_assert_error (error, ENT_EDIT_ERROR, ENT_EDIT_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "987654"));

  assert_unchanged (store, before);
}

/* Accepting only passages that are quotes already edits nothing, so there is nothing to undo. */
static void
test_add_evidence_many_nothing_new (void)
{
  g_autoptr(EntStore) store = open_copy_of_bundled ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EntGraph) graph = ent_store_load_graph (store, &error);
  g_autoptr(GArray) passages = g_array_new (FALSE, TRUE, sizeof (EntQuote));
  g_autofree char *before = dump_store (store);
  EntEntity *entity = NULL;
  EntQuote *existing;
  guint n_added = 99;

  for (guint i = 0; entity == NULL && i < graph->entities->len; i++)
    if (((EntEntity *) g_ptr_array_index (graph->entities, i))->quote_ids->len > 0)
      entity = g_ptr_array_index (graph->entities, i);
  existing = ent_graph_get_quote (graph, g_array_index (entity->quote_ids, gint64, 0));
  g_array_append_vals (passages, &(EntQuote) { .source_id = existing->source_id, .start = existing->start,
                                               .end = existing->end }, 1);

  g_assert_true (ent_edit_add_evidence_many (store, graph, entity->id, passages, &n_added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, 0);
  assert_unchanged (store, before);

  /* A passage of a source the network does not have is refused before anything is written. */
  g_array_append_vals (passages, &(EntQuote) { .source_id = 987654, .start = 0, .end = 1 }, 1);
  g_assert_false (ent_edit_add_evidence_many (store, graph, entity->id, passages, NULL, &error));
  g_assert_error (error, ENT_EDIT_ERROR, ENT_EDIT_ERROR_NOT_FOUND);
  assert_unchanged (store, before);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autofree char *path = g_strdup_printf ("/ent/edits/undo/%s", edits[i].name);
      g_test_add_data_func (path, GUINT_TO_POINTER (i), test_undo_each);
    }
  add_composed_tests (composed, G_N_ELEMENTS (composed));
  g_test_add_func ("/ent/edits/composed-failure", test_composed_failure);
  g_test_add_func ("/ent/edits/random-2000", test_random_sequence);
  g_test_add_func ("/ent/edits/merge-keeps-everything", test_merge_keeps_everything);
  g_test_add_func ("/ent/edits/delete-says-what-goes", test_delete_says_what_goes);
  g_test_add_func ("/ent/edits/delete-missing", test_delete_missing);
  g_test_add_func ("/ent/edits/add-evidence-many-nothing-new", test_add_evidence_many_nothing_new);

  return g_test_run ();
}
