/* ent-test-util.c: what several tests need of the bundled network and of a store
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-test-util"

#include "config.h"

#include "ent-test-util.h"

#include "ent-store.h"
#include "ent-user-data.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

/* Reads the network in @path without writing to the file. */
EntGraph *
load_graph (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EntStore) store = NULL;
  EntGraph *graph;

  store = ent_store_open (path, ENT_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  graph = ent_store_load_graph (store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (graph);

  return graph;
}

EntGraph *
load_bundled (void)
{
  g_autofree char *path = ent_bundled_database_path ();

  return load_graph (path);
}

/* The entity called @name, which the test expects to be there. */
EntEntity *
find_entity (EntGraph   *graph,
             const char *name)
{
  for (guint i = 0; i < graph->entities->len; i++)
    {
      EntEntity *entity = g_ptr_array_index (graph->entities, i);

      if (g_str_equal (entity->name, name))
        return entity;
    }

  g_error ("the network has no entity called “%s”", name);
}

/* A copy of the bundled network in @dir, for a test that may write to it. */
char *
copy_bundled (const char *dir,
              const char *name)
{
  g_autofree char *bundled = ent_bundled_database_path ();
  g_autofree char *contents = NULL;
  char *path = g_build_filename (dir, name, NULL);
  gsize length;

  g_assert_true (g_file_get_contents (bundled, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length, NULL));

  return path;
}

/* @properties as "key type value" lines, for one comparison to say all that differs. */
char *
describe_properties (GPtrArray *properties)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; properties != NULL && i < properties->len; i++)
    {
      EntProperty *property = g_ptr_array_index (properties, i);

      g_string_append_printf (text, "%s %s %s\n", property->key, ent_property_type_to_string (property->type),
                              property->value);
    }
  return g_string_free (text, FALSE);
}

/* Adds the kind "airport", as an import adds a kind of its own: a purple pin with a dot. */
void
add_airport_kind (EntGraph *graph)
{
  EntKindInfo *airport = g_new0 (EntKindInfo, 1);

  airport->key = g_strdup ("airport");
  airport->label = g_strdup ("Airport");
  airport->shape = g_strdup ("pin");
  airport->glyph = g_strdup ("dot");
  airport->color = g_strdup ("#613583");
  ent_graph_take_kind (graph, airport);
}

/* Adds an entity of the built-in @kind, or of the kind @kind_key with @kind as it is stored. */
EntEntity *
add_kind_entity (EntGraph   *graph,
                 gint64      id,
                 EntKind     kind,
                 const char *kind_key,
                 const char *name)
{
  EntEntity *entity = g_new0 (EntEntity, 1);

  entity->id = id;
  entity->kind = kind;
  entity->kind_key = g_strdup (kind_key);
  entity->name = g_strdup (name);
  entity->quote_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  ent_graph_take_entity (graph, entity);
  return entity;
}

/* The entity halfway through the network, which has neighbours on both sides in the bundled one. */
EntEntity *
middle_entity (EntGraph *graph)
{
  return g_ptr_array_index (graph->entities, graph->entities->len / 2);
}

/* How much slower than a plain build the programs run here: the sanitizer build sets it. */
double
test_slowdown (void)
{
  const char *factor = g_getenv ("ENTENTE_TEST_SLOWDOWN");

  return factor != NULL ? MAX (g_ascii_strtod (factor, NULL), 1.0) : 1.0;
}

/* A path named @name in a folder of the test's own, made on first use. */
char *
temp_path (const char *name)
{
  static char *dir = NULL;

  if (dir == NULL)
    dir = g_dir_make_tmp ("entente-test-XXXXXX", NULL);

  return g_build_filename (dir, name, NULL);
}

/* Writes @length bytes of @contents (-1: a string) to @path, which it returns. */
static char *
write_contents (char       *path,
                const char *contents,
                gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return path;
}

/* @contents in the file @name of the folder temp_path() makes, written again by each test that names it. */
char *
write_temp_file (const char *name,
                 const char *contents,
                 gssize      length)
{
  return write_contents (temp_path (name), contents, length);
}

void
temp_dir_set_up (TempDir       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("entente-test-XXXXXX", &error);
  g_assert_no_error (error);
}

void
temp_dir_tear_down (TempDir       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

/* @contents in the file @name of the test's own folder. */
char *
temp_dir_write (TempDir    *fixture,
                const char *name,
                const char *contents,
                gssize      length)
{
  return write_contents (g_build_filename (fixture->dir, name, NULL), contents, length);
}

/* The first half of the file @original in the file @name of temp_path()'s folder: a file cut short. */
char *
write_truncated (const char *original,
                 const char *name)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (original, &contents, &length, NULL));
  return write_temp_file (name, contents, length / 2);
}

/* @start, @unit @n times, then @end: a value longer than a reader takes. */
char *
repeat_text (const char *start,
             const char *unit,
             guint       n,
             const char *end)
{
  GString *text = g_string_new (start);

  for (guint i = 0; i < n; i++)
    g_string_append (text, unit);
  g_string_append (text, end);
  return g_string_free (text, FALSE);
}

/* @start, @depth arrays each in the one before, then @end: JSON nested deeper than a reader goes. */
char *
deep_text (const char *start,
           guint       depth,
           const char *end)
{
  g_autofree char *open = repeat_text (start, "[", depth, "");

  return repeat_text (open, "]", depth, end);
}

/*
 * A layout by @engine of every entity of @graph, at places that no decimal
 * writes exactly, tiny and huge among them; every other entity pinned when
 * @pins is TRUE.
 */
EntImportLayout *
awkward_layout (EntGraph   *graph,
                const char *engine,
                gboolean    pins)
{
  static const double awkward[] = { 0.1, 1.0 / 3.0, -123.45678901234567, 3e-7, 6.02214076e23, 1e18, -0.5 };
  EntImportLayout *layout = g_new0 (EntImportLayout, 1);

  layout->engine = g_strdup (engine);
  layout->positions = g_array_new (FALSE, FALSE, sizeof (EntPosition));
  for (guint i = 0; i < graph->entities->len; i++)
    {
      EntPosition position = {
        ((EntEntity *) g_ptr_array_index (graph->entities, i))->id,
        awkward[i % G_N_ELEMENTS (awkward)] + i,
        -awkward[(i + 3) % G_N_ELEMENTS (awkward)],
        pins && i % 2 == 1,
      };
      g_array_append_val (layout->positions, position);
    }
  return layout;
}

/* Adds the kind "ministry", called @label, and makes @entity an organisation of that kind. */
void
make_ministry (EntGraph   *graph,
               EntEntity  *entity,
               const char *label)
{
  EntKindInfo *kind = g_new0 (EntKindInfo, 1);

  kind->key = g_strdup ("ministry");
  kind->label = g_strdup (label);
  kind->shape = g_strdup ("hexagon");
  kind->glyph = g_strdup ("building");
  kind->color = g_strdup ("#2ec27e");
  ent_graph_take_kind (graph, kind);
  entity->kind = ENT_KIND_ORGANISATION;
  g_free (entity->kind_key);
  entity->kind_key = g_strdup ("ministry");
}

/* The file @name of the real files in tests/data/@folder. */
char *
data_path (const char *folder,
           const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", folder, name, NULL);
}

/* What @read makes of @path, which must be read; what it left out goes to the test's log. */
EntImport *
read_ok (EntDataReadFileFunc  read,
         const char          *path)
{
  g_autoptr(GError) error = NULL;
  EntImport *import = read (path, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (import);
  for (guint i = 0; i < import->problems->len; i++)
    g_test_message ("problem: %s", ((EntImportProblem *) g_ptr_array_index (import->problems, i))->message);
  return import;
}

EntImport *
read_data_file (EntDataReadFileFunc  read,
                const char          *folder,
                const char          *name)
{
  g_autofree char *path = data_path (folder, name);

  return read_ok (read, path);
}

/*
 * Reading @path with @read fails with @code, saying @part_of_message unless
 * that is NULL, and nothing of /etc/passwd, which a hostile file may name, is
 * in what it says.
 */
void
assert_read_fails (EntDataReadFileFunc  read,
                   const char          *path,
                   int                  code,
                   const char          *part_of_message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EntImport) import = read (path, NULL, NULL, NULL, &error);

  g_assert_null (import);
  g_assert_error (error, ENT_IMPORT_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_null (strstr (error->message, "root:"));
  if (part_of_message != NULL)
    g_assert_nonnull (strstr (error->message, part_of_message));
}

/* Reading @contents, in the file @name of temp_path()'s folder, with @read fails as assert_read_fails() expects. */
void
assert_contents_fail (EntDataReadFileFunc  read,
                      const char          *name,
                      const char          *contents,
                      int                  code,
                      const char          *part_of_message)
{
  g_autofree char *path = write_temp_file (name, contents, -1);

  assert_read_fails (read, path, code, part_of_message);
}

/* A new network at @path made of @import, whole as its integrity check has it. */
EntStore *
store_of_import (EntImport  *import,
                 const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EntStore) store = ent_store_open (path, ENT_STORE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_true (ent_store_import (store, import, NULL, TRUE, NULL, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (ent_store_check_integrity (store, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&store);
}

/* The value of the property @key, which must be of @type, or NULL where there is none. */
const char *
property_value (GPtrArray       *properties,
                const char      *key,
                EntPropertyType  type)
{
  for (guint i = 0; properties != NULL && i < properties->len; i++)
    {
      EntProperty *property = g_ptr_array_index (properties, i);

      if (g_str_equal (property->key, key))
        {
          g_assert_cmpint (property->type, ==, type);
          return property->value;
        }
    }
  return NULL;
}

/* Adds a property, as the store would hold it, to *@properties, made if there is none yet. */
void
add_property (GPtrArray       **properties,
              const char       *key,
              EntPropertyType   type,
              const char       *value)
{
  EntProperty *property = g_new0 (EntProperty, 1);

  property->key = g_strdup (key);
  property->type = type;
  property->value = g_strdup (value);
  if (*properties == NULL)
    *properties = g_ptr_array_new_with_free_func ((GDestroyNotify) ent_property_free);
  g_ptr_array_add (*properties, property);
}

/* Runs SQL through the sqlite3 shell, as a person editing a file by hand would. */
char *
sqlite_shell (const char *path,
              const char *sql)
{
  g_autoptr(GSubprocess) shell = NULL;
  g_autoptr(GError) error = NULL;
  char *out = NULL;

  shell = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                            G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                            &error, "sqlite3", "-batch", path, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (shell, sql, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_strstrip (out);
  return out;
}

void
sqlite_shell_script (const char *path,
                     const char *script)
{
  g_autofree char *sql = NULL;
  g_autofree char *out = NULL;

  g_assert_true (g_file_get_contents (script, &sql, NULL, NULL));
  out = sqlite_shell (path, sql);
}

/* A copy of the bundled network, open for writing, in a folder of its own. */
EntStore *
open_copy_of_bundled (void)
{
  g_autofree char *dir = g_dir_make_tmp ("entente-edits-XXXXXX", NULL);
  g_autofree char *path = copy_bundled (dir, "network.entente");
  g_autoptr(GError) error = NULL;
  EntStore *store;

  store = ent_store_open (path, ENT_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  return store;
}

char *
dump_store (EntStore *store)
{
  g_autoptr(GError) error = NULL;
  char *text = ent_store_dump (store, &error);

  g_assert_no_error (error);
  return text;
}

/* One undo gives back @before, with nothing left to undo, and one redo @after: the edit was one step. */
void
assert_one_step (EntStore   *store,
                 const char *before,
                 const char *after)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;

  g_assert_true (ent_store_undo (store, &error));
  g_assert_no_error (error);
  undone = dump_store (store);
  g_assert_cmpstr (undone, ==, before);
  g_assert_null (ent_store_get_undo_label (store));

  g_assert_true (ent_store_redo (store, &error));
  g_assert_no_error (error);
  redone = dump_store (store);
  g_assert_cmpstr (redone, ==, after);
}

/* The file is as @before has it, and there is nothing to undo: whatever was tried left no trace. */
void
assert_unchanged (EntStore   *store,
                  const char *before)
{
  g_autofree char *after = dump_store (store);

  g_assert_cmpstr (after, ==, before);
  g_assert_null (ent_store_get_undo_label (store));
}

/*
 * One composed edit on a copy of the bundled network: it changes the file,
 * is named as it says, and one undo takes all of it back.
 */
static void
test_composed (gconstpointer data)
{
  const ComposedEdit *edit = data;
  g_autoptr(EntStore) store = open_copy_of_bundled ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EntGraph) graph = ent_store_load_graph (store, &error);
  g_autofree char *before = dump_store (store);
  g_autofree char *label = NULL;
  g_autofree char *after = NULL;

  g_assert_no_error (error);
  if (!edit->func (store, graph, &label, &error))
    g_error ("%s: %s", edit->name, error->message);
  after = dump_store (store);
  g_assert_cmpstr (after, !=, before);
  g_assert_cmpstr (ent_store_get_undo_label (store), ==, label);

  assert_one_step (store, before, after);
  g_assert_true (ent_store_check_integrity (store, &error));
  g_assert_no_error (error);
}

/* Adds a test of each of @edits, named after it under /ent/edits/composed/. */
void
add_composed_tests (const ComposedEdit *edits,
                    guint               n_edits)
{
  for (guint i = 0; i < n_edits; i++)
    {
      g_autofree char *path = g_strdup_printf ("/ent/edits/composed/%s", edits[i].name);
      g_test_add_data_func (path, &edits[i], test_composed);
    }
}

/* The edge of the relation @relation_id in @scene, which the test expects to be there. */
const EntSceneItem *
find_edge (EntScene *scene,
           gint64    relation_id)
{
  for (guint i = 0; i < ent_scene_get_n_items (scene); i++)
    {
      const EntSceneItem *item = ent_scene_get_item (scene, i);

      if (item->type == ENT_SCENE_ITEM_EDGE && item->id == relation_id)
        return item;
    }
  g_error ("the scene has no edge for relation %" G_GINT64_FORMAT, relation_id);
}
