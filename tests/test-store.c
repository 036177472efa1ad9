/* test-store.c: the .entente store
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "ent-store.h"
#include "ent-test-util.h"
#include "ent-text.h"
#include "ent-user-data.h"

#define ARTICLE "Minister Sergei Aleinik – of Belarus – met S Jaishankar in Delhi."

static char *
checksum_file (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static EntStore *
new_store (const char *name)
{
  g_autofree char *path = temp_path (name);
  g_autoptr(GError) error = NULL;
  EntStore *store;

  store = ent_store_open (path, ENT_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static gint64
add_article (EntStore *store)
{
  EntSource source = { .title = (char *) "Notes", .body = (char *) ARTICLE };
  g_autoptr(GError) error = NULL;
  gint64 id = ent_store_add_source (store, &source, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
test_create_reopen (void)
{
  g_autoptr(EntStore) store = new_store ("create.entente");
  g_autoptr(EntStore) again = NULL;
  g_autoptr(EntGraph) graph = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup (ent_store_get_path (store));
  g_autofree char *pragmas = NULL;
  EntEntity aleinik = { .kind = ENT_KIND_PERSON, .name = (char *) "Sergei Aleinik",
                        .role = (char *) "Minister of Foreign Affairs", .start_date = (char *) "--03-11" };
  EntEntity belarus = { .kind = ENT_KIND_COUNTRY, .name = (char *) "Беларусь" };
  EntRelation minister = { .kind = (char *) "minister-of", .label = (char *) "minister of", .directed = TRUE };
  EntEntity *entity;
  EntRelation *relation;
  EntQuote *quote;
  gint64 source_id, quote_id;

  g_assert_false (ent_store_is_read_only (store));
  source_id = add_article (store);
  minister.from_id = ent_store_add_entity (store, &aleinik, &error);
  g_assert_no_error (error);
  minister.to_id = ent_store_add_entity (store, &belarus, &error);
  g_assert_no_error (error);
  minister.id = ent_store_add_relation (store, &minister, &error);
  g_assert_no_error (error);

  /* The en dashes before "met" are one character each but three bytes. */
  quote_id = ent_store_add_quote (store, source_id, 39, 55, "met S Jaishankar", &error);
  g_assert_no_error (error);
  g_assert_true (ent_store_add_relation_evidence (store, minister.id, quote_id, &error));
  g_assert_true (ent_store_add_entity_evidence (store, minister.from_id, quote_id, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  pragmas = sqlite_shell (path, "PRAGMA application_id; PRAGMA user_version; PRAGMA journal_mode;");
  g_assert_cmpstr (pragmas, ==, "1162761285\n" G_STRINGIFY (ENT_STORE_SCHEMA_VERSION) "\nwal");

  again = ent_store_open (path, ENT_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ent_store_get_file_version (again), ==, ENT_STORE_SCHEMA_VERSION);
  graph = ent_store_load_graph (again, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (graph->entities->len, ==, 2);
  entity = ent_graph_get_entity (graph, minister.from_id);
  g_assert_cmpstr (entity->name, ==, "Sergei Aleinik");
  g_assert_cmpstr (entity->role, ==, "Minister of Foreign Affairs");
  g_assert_cmpstr (entity->start_date, ==, "--03-11");
  g_assert_cmpint (entity->kind, ==, ENT_KIND_PERSON);
  g_assert_cmpuint (entity->quote_ids->len, ==, 1);
  g_assert_cmpstr (ent_graph_get_entity (graph, minister.to_id)->name, ==, "Беларусь");

  relation = ent_graph_get_relation (graph, minister.id);
  g_assert_nonnull (relation);
  g_assert_true (relation->directed);
  g_assert_cmpint (relation->from_id, ==, minister.from_id);
  g_assert_cmpint (g_array_index (relation->quote_ids, gint64, 0), ==, quote_id);

  quote = ent_graph_get_quote (graph, quote_id);
  g_assert_cmpint (quote->start, ==, 39);
  g_assert_cmpstr (quote->text, ==, "met S Jaishankar");
  g_assert_true (ent_store_check_integrity (again, &error));
  g_assert_no_error (error);
}

static void
test_quote_mismatch (void)
{
  g_autoptr(EntStore) store = new_store ("mismatch.entente");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup (ent_store_get_path (store));
  g_autofree char *count = NULL;
  gint64 source_id = add_article (store);

  /* Byte offsets instead of characters: the passage starts 4 bytes later than its character offset. */
  g_assert_cmpint (ent_store_add_quote (store, source_id, 43, 59, "met S Jaishankar", &error), ==, 0);
  g_assert_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_QUOTE_MISMATCH);
  g_clear_error (&error);

  g_assert_cmpint (ent_store_add_quote (store, source_id, 39, 55, "met S. Jaishankar", &error), ==, 0);
  g_assert_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_QUOTE_MISMATCH);
  g_clear_error (&error);

  g_assert_cmpint (ent_store_add_quote (store, source_id, 60, 90, "Delhi", &error), ==, 0);
  g_assert_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_QUOTE_MISMATCH);
  g_clear_error (&error);

  g_assert_cmpint (ent_store_add_quote (store, source_id + 1, 0, 3, "Min", &error), ==, 0);
  g_assert_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_cmpint (ent_store_add_quote (store, source_id, 59, 64, "Delhi", &error), >, 0);
  g_assert_no_error (error);
  g_clear_object (&store);

  /* The file refuses a wrong quote from the sqlite3 shell as well (which stops at an error only at the end of a line), and a change of text that breaks one. */
  count = sqlite_shell (path,
                        "INSERT INTO quotes (source_id, start_offset, end_offset, text) VALUES (1, 0, 3, 'Max');\n"
                        "UPDATE sources SET body = 'Nothing here' WHERE id = 1;\n"
                        "UPDATE quotes SET end_offset = 63;\n"
                        "SELECT count (*) || ' ' || max (text) FROM quotes;\n"
                        "SELECT substr (body, 1, 8) FROM sources;");
  g_assert_cmpstr (count, ==, "1 Delhi\nMinister");
}

/* A new text that drops a quoted passage is refused, told apart by its error code, and the old text stays. */
static void
test_source_update_breaks_quote (void)
{
  g_autoptr(EntStore) store = new_store ("source-update.entente");
  g_autoptr(EntGraph) graph = NULL;
  g_autoptr(GError) error = NULL;
  gint64 source_id = add_article (store);
  EntSource changed = { .id = source_id, .title = (char *) "Notes", .body = (char *) "Nothing here" };
  EntSource missing = { .id = source_id + 1, .title = (char *) "Notes", .body = (char *) "Nothing here" };

  g_assert_cmpint (ent_store_add_quote (store, source_id, 59, 64, "Delhi", &error), >, 0);
  g_assert_no_error (error);

  g_assert_false (ent_store_update_source (store, &changed, &error));
  g_assert_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_QUOTE_MISMATCH);
  g_clear_error (&error);

  g_assert_false (ent_store_update_source (store, &missing, &error));
  g_assert_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  graph = ent_store_load_graph (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ent_graph_get_source (graph, source_id)->body, ==, ARTICLE);
}

/* Undo and redo turn foreign key actions off while they apply a change, and on again after it. */
static void
test_undo_keeps_foreign_keys (void)
{
  g_autoptr(EntStore) store = new_store ("undo-foreign-keys.entente");
  g_autoptr(EntGraph) graph = NULL;
  g_autoptr(GError) error = NULL;
  EntEntity belarus = { .kind = ENT_KIND_COUNTRY, .name = (char *) "Belarus" };
  EntEntity india = { .kind = ENT_KIND_COUNTRY, .name = (char *) "India" };
  EntRelation visit = { .kind = (char *) "visit", .directed = TRUE };

  g_assert_true (ent_store_edit_begin (store, "Add", &error));
  visit.from_id = ent_store_add_entity (store, &belarus, &error);
  visit.to_id = ent_store_add_entity (store, &india, &error);
  g_assert_cmpint (ent_store_add_relation (store, &visit, &error), >, 0);
  g_assert_true (ent_store_edit_commit (store, &error));
  g_assert_no_error (error);

  g_assert_true (ent_store_undo (store, &error));
  g_assert_no_error (error);
  g_assert_true (ent_store_redo (store, &error));
  g_assert_no_error (error);

  /* The relation goes with its entity only when foreign key actions are on. */
  g_assert_true (ent_store_delete_entity (store, visit.from_id, &error));
  g_assert_no_error (error);
  graph = ent_store_load_graph (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (graph->entities->len, ==, 1);
  g_assert_cmpuint (graph->relations->len, ==, 0);
}

static void
test_transactions (void)
{
  g_autoptr(EntStore) store = new_store ("transactions.entente");
  g_autoptr(EntGraph) graph = NULL;
  g_autoptr(GError) error = NULL;
  EntEntity a = { .kind = ENT_KIND_SECTOR, .name = (char *) "Trade" };
  EntEntity b = { .kind = ENT_KIND_SECTOR, .name = (char *) "Defense" };
  EntEntity bad = { .kind = ENT_KIND_SECTOR, .name = (char *) "", };
  EntEntity bad_date = { .kind = ENT_KIND_EVENT, .name = (char *) "Visit", .start_date = (char *) "March 11" };

  g_assert_true (ent_store_begin (store, &error));
  g_assert_cmpint (ent_store_add_entity (store, &a, &error), >, 0);
  /* A failing edit inside a transaction undoes only itself. */
  g_assert_cmpint (ent_store_add_entity (store, &bad, &error), ==, 0);
  g_assert_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (ent_store_add_entity (store, &bad_date, &error), ==, 0);
  g_assert_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (ent_store_commit (store, &error));

  g_assert_true (ent_store_begin (store, &error));
  g_assert_cmpint (ent_store_add_entity (store, &b, &error), >, 0);
  ent_store_rollback (store);

  graph = ent_store_load_graph (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (graph->entities->len, ==, 1);
  g_assert_cmpstr (((EntEntity *) graph->entities->pdata[0])->name, ==, "Trade");
}

/* A file that must not open: made by @make, when not %NULL, then changed by @sql, when not %NULL. */
typedef struct
{
  const char *name;
  void      (*make) (const char *path);
  const char *sql;
  int         code;
} BadFile;

static void
make_truncated (const char *path)
{
  g_autoptr(EntStore) store = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  store = ent_store_open (path, ENT_STORE_OPEN_CREATE, NULL);
  for (int i = 0; i < 200; i++)
    {
      g_autofree char *name = g_strdup_printf ("Entity %d with a long enough name to fill pages", i);
      EntEntity entity = { .kind = ENT_KIND_PERSON, .name = name };
      ent_store_add_entity (store, &entity, NULL);
    }
  g_clear_object (&store);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8192);
  g_assert_true (g_file_set_contents (path, contents, length / 2 + 100, NULL));
}

static void
write_random (const char *path,
              guint32     seed,
              gboolean    sqlite_header)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  guint8 bytes[8192];

  for (guint i = 0; i < sizeof bytes; i++)
    bytes[i] = g_rand_int (rand);
  if (sqlite_header)
    memcpy (bytes, "SQLite format 3", 16);
  g_assert_true (g_file_set_contents (path, (const char *) bytes, sizeof bytes, NULL));
}

static void
make_random (const char *path)
{
  write_random (path, 42, FALSE);
}

static void
make_random_with_header (const char *path)
{
  write_random (path, 7, TRUE);
}

static void
make_empty (const char *path)
{
  g_assert_true (g_file_set_contents (path, "", 0, NULL));
}

static void
make_valid (const char *path)
{
  g_autoptr(EntStore) store = ent_store_open (path, ENT_STORE_OPEN_CREATE, NULL);
  g_autofree char *out = NULL;

  g_assert_nonnull (store);
  add_article (store);
  g_clear_object (&store);
  /* Back to a rollback journal, so that reading the file cannot leave files beside it. */
  out = sqlite_shell (path, "PRAGMA journal_mode = DELETE");
}

static const BadFile bad_files[] = {
  { "truncated", make_truncated, NULL, ENT_STORE_ERROR_CORRUPT },
  { "random", make_random, NULL, ENT_STORE_ERROR_NOT_ENTENTE },
  { "random-with-header", make_random_with_header, NULL, -1 },
  { "empty", make_empty, NULL, ENT_STORE_ERROR_NOT_ENTENTE },
  { "foreign-application-id", NULL,
    "PRAGMA application_id = 1; PRAGMA user_version = 2; CREATE TABLE t (x);", ENT_STORE_ERROR_NOT_ENTENTE },
  { "plain-sqlite", NULL, "CREATE TABLE entities (x); PRAGMA user_version = 2;", ENT_STORE_ERROR_NOT_ENTENTE },
  { "extra-trigger", make_valid,
    "CREATE TRIGGER spy AFTER INSERT ON entities BEGIN DELETE FROM sources; END;", ENT_STORE_ERROR_UNSAFE_SCHEMA },
  { "replaced-trigger", make_valid,
    "DROP TRIGGER quotes_match_insert;"
    "CREATE TRIGGER quotes_match_insert BEFORE INSERT ON quotes BEGIN DELETE FROM entities; END;",
    ENT_STORE_ERROR_UNSAFE_SCHEMA },
  { "view", make_valid, "CREATE VIEW names AS SELECT name FROM entities;", ENT_STORE_ERROR_UNSAFE_SCHEMA },
  { "missing-table", make_valid, "DROP TABLE relation_evidence;", ENT_STORE_ERROR_CORRUPT },
  { "missing-kinds", make_valid, "DROP TABLE properties; DROP TABLE kinds;", ENT_STORE_ERROR_CORRUPT },
  { "trigger-on-properties", make_valid,
    "CREATE TRIGGER spy AFTER INSERT ON properties BEGIN DELETE FROM kinds; END;", ENT_STORE_ERROR_UNSAFE_SCHEMA },
};

static void
assert_nothing_beside (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);

  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
}

static void
test_bad_file (gconstpointer data)
{
  const BadFile *bad = data;
  g_autofree char *name = g_strconcat (bad->name, ".entente", NULL);
  g_autofree char *path = temp_path (name);
  g_autofree char *out = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(EntStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (bad->make != NULL)
    bad->make (path);
  if (bad->sql != NULL)
    out = sqlite_shell (path, bad->sql);
  before = checksum_file (path);

  for (int attempt = 0; attempt < 2; attempt++)
    {
      EntStoreOpenFlags flags = attempt == 0 ? ENT_STORE_OPEN_DEFAULT : ENT_STORE_OPEN_CREATE;

      store = ent_store_open (path, flags, &error);
      g_assert_null (store);
      g_assert_nonnull (error);
      g_assert_true (error->domain == ENT_STORE_ERROR);
      if (bad->code >= 0)
        g_assert_cmpint (error->code, ==, bad->code);
      g_assert_nonnull (strstr (error->message, path));
      g_test_message ("%s: %s", bad->name, error->message);
      g_clear_error (&error);
    }

  after = checksum_file (path);
  g_assert_cmpstr (before, ==, after);
  assert_nothing_beside (path);
}

static void
test_newer_version (void)
{
  g_autofree char *path = temp_path ("newer.entente");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *out = NULL;
  g_autofree char *newer = g_strdup_printf ("PRAGMA user_version = %d;", ENT_STORE_SCHEMA_VERSION + 1);
  g_autofree char *sql = NULL;
  g_autoptr(EntStore) store = NULL;
  g_autoptr(EntGraph) graph = NULL;
  g_autoptr(GError) error = NULL;
  EntEntity entity = { .kind = ENT_KIND_PLACE, .name = (char *) "Minsk" };

  make_valid (path);
  sql = g_strconcat (newer,
                     "CREATE TABLE annotations (id INTEGER PRIMARY KEY, note TEXT);"
                     "CREATE TRIGGER annotations_touch AFTER UPDATE ON entities BEGIN SELECT 1; END;", NULL);
  out = sqlite_shell (path, sql);
  before = checksum_file (path);

  store = ent_store_open (path, ENT_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (ent_store_is_read_only (store));
  g_assert_nonnull (strstr (ent_store_get_read_only_reason (store), "newer version"));
  g_assert_cmpint (ent_store_get_file_version (store), ==, ENT_STORE_SCHEMA_VERSION + 1);

  graph = ent_store_load_graph (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (graph->sources->len, ==, 1);

  g_assert_cmpint (ent_store_add_entity (store, &entity, &error), ==, 0);
  g_assert_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (ent_store_set_entity_name (store, 1, "Minsk", &error));
  g_assert_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_READ_ONLY);
  g_clear_object (&store);

  after = checksum_file (path);
  g_assert_cmpstr (before, ==, after);
  assert_nothing_beside (path);
}

static void
test_open_missing (void)
{
  g_autofree char *path = temp_path ("missing.entente");
  g_autoptr(GError) error = NULL;
  g_autoptr(EntStore) store = ent_store_open (path, ENT_STORE_OPEN_DEFAULT, &error);

  g_assert_null (store);
  g_assert_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* The folder holds nothing but @expected: no half-written copy stays beside it. */
static void
assert_folder_holds (const char *dir,
                     const char *expected)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_assert_cmpstr (name, ==, expected);
      n++;
    }
  g_assert_cmpuint (n, ==, 1);
}

static void
test_save_copy (void)
{
  g_autoptr(EntStore) store = new_store ("copied.entente");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("entente-copy-XXXXXX", NULL);
  g_autofree char *copy = g_build_filename (dir, "copy.entente", NULL);
  g_autofree char *check = NULL;
  g_autofree char *counts = NULL;
  EntEntity belarus = { .kind = ENT_KIND_COUNTRY, .name = (char *) "Belarus" };

  add_article (store);
  ent_store_add_entity (store, &belarus, &error);
  g_assert_no_error (error);

  /* A copy replaces the file the user chose to overwrite. */
  g_assert_true (g_file_set_contents (copy, "not a network", -1, NULL));
  g_assert_true (ent_store_save_copy (store, copy, &error));
  g_assert_no_error (error);
  assert_folder_holds (dir, "copy.entente");

  check = sqlite_shell (copy, "PRAGMA integrity_check;");
  g_assert_cmpstr (check, ==, "ok");
  counts = sqlite_shell (copy, "PRAGMA application_id; SELECT count(*) FROM entities; SELECT count(*) FROM sources;");
  g_assert_cmpstr (counts, ==, "1162761285\n1\n1");

  g_assert_no_errno (g_unlink (copy));
  g_assert_no_errno (g_rmdir (dir));
}

static void
test_save_copy_missing_folder (void)
{
  g_autoptr(EntStore) store = new_store ("uncopied.entente");
  g_autofree char *missing = temp_path ("missing-folder");
  g_autofree char *copy = g_build_filename (missing, "copy.entente", NULL);
  g_autoptr(GError) error = NULL;

  /* Nothing is made on the way, not even the folder. */
  g_assert_false (ent_store_save_copy (store, copy, &error));
  g_assert_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_FAILED);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

static void
test_text_find (void)
{
  g_autoptr(GError) error = NULL;
  gint64 start = -1, end = -1;
  g_autofree char *sub = NULL;

  g_assert_true (ent_text_find_unique (ARTICLE, "S Jaishankar", &start, &end, &error));
  g_assert_no_error (error);
  g_assert_cmpint (start, ==, 43);
  g_assert_cmpint (end, ==, 55);
  sub = ent_text_substring (ARTICLE, start, end);
  g_assert_cmpstr (sub, ==, "S Jaishankar");

  g_assert_false (ent_text_find_unique (ARTICLE, " – ", &start, &end, &error));
  g_assert_error (error, ENT_TEXT_ERROR, ENT_TEXT_ERROR_AMBIGUOUS);
  g_clear_error (&error);

  /* Overlapping occurrences are ambiguous too. */
  g_assert_false (ent_text_find_unique ("aaa", "aa", &start, &end, &error));
  g_assert_error (error, ENT_TEXT_ERROR, ENT_TEXT_ERROR_AMBIGUOUS);
  g_clear_error (&error);

  g_assert_false (ent_text_find_unique (ARTICLE, "Minsk", &start, &end, &error));
  g_assert_error (error, ENT_TEXT_ERROR, ENT_TEXT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_false (ent_text_find_unique (ARTICLE, "", &start, &end, &error));
  g_assert_error (error, ENT_TEXT_ERROR, ENT_TEXT_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_null (ent_text_substring (ARTICLE, 60, 100));
  g_assert_null (ent_text_substring (ARTICLE, 5, 4));
}

static void
test_dates (void)
{
  const char *valid[] = { "1991", "2024-03", "2024-03-11", "--03-11", "--02-29", "2024-02-29" };
  const char *invalid[] = { "", "91", "1991-13", "2023-02-29", "--13-01", "March 11", "1991-3-1", "0000", "--03-1" };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    g_assert_true (ent_date_is_valid (valid[i]));
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    g_assert_false (ent_date_is_valid (invalid[i]));

  g_assert_true (ent_date_is_before ("2019", "2020-05"));
  g_assert_true (ent_date_is_before ("2020-04-30", "2020-05"));
  g_assert_false (ent_date_is_before ("2020", "2020-05"));
  g_assert_false (ent_date_is_before ("2020-05-01", "2020-05"));
  g_assert_false (ent_date_is_before ("2021", "2020-12-31"));
  g_assert_false (ent_date_is_before ("--03-11", "2020"));
  g_assert_false (ent_date_is_before ("2020", "--03-11"));
}

static void
test_user_copy (void)
{
  g_autofree char *data_home = temp_path ("xdg-data");
  g_autofree char *bundled_dir = temp_path ("bundled");
  g_autofree char *bundled = NULL;
  g_autofree char *path = NULL;
  g_autofree char *again = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (bundled_dir, 0700), ==, 0);
  bundled = g_build_filename (bundled_dir, "india-belarus.entente", NULL);
  g_assert_true (g_file_set_contents (bundled, "bundled", -1, NULL));
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("ENTENTE_DATA_DIR", bundled_dir, TRUE);
  g_reload_user_special_dirs_cache ();

  path = ent_user_database_ensure (&error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (path, data_home));
  g_assert_true (g_str_has_suffix (path, "/entente/india-belarus.entente"));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "bundled");

  /* The user's edits are never overwritten by the bundled file. */
  g_assert_true (g_file_set_contents (path, "edited", -1, NULL));
  again = ent_user_database_ensure (&error);
  g_assert_no_error (error);
  g_assert_cmpstr (again, ==, path);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "edited");
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (bundled, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "bundled");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ent/store/create-reopen", test_create_reopen);
  g_test_add_func ("/ent/store/quote-mismatch", test_quote_mismatch);
  g_test_add_func ("/ent/store/source-update-breaks-quote", test_source_update_breaks_quote);
  g_test_add_func ("/ent/store/undo-keeps-foreign-keys", test_undo_keeps_foreign_keys);
  g_test_add_func ("/ent/store/transactions", test_transactions);
  g_test_add_func ("/ent/store/newer-version", test_newer_version);
  g_test_add_func ("/ent/store/open-missing", test_open_missing);
  g_test_add_func ("/ent/store/save-copy", test_save_copy);
  g_test_add_func ("/ent/store/save-copy-missing-folder", test_save_copy_missing_folder);
  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *test_path = g_strdup_printf ("/ent/store/refuse/%s", bad_files[i].name);
      g_test_add_data_func (test_path, &bad_files[i], test_bad_file);
    }
  g_test_add_func ("/ent/text/find-unique", test_text_find);
  g_test_add_func ("/ent/date/valid", test_dates);
  g_test_add_func ("/ent/user-data/first-run-copy", test_user_copy);

  return g_test_run ();
}
