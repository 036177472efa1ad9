/* ent-store-schema.c: the schema of .entente files and the migrations up to it
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-store"

#include "config.h"

#include "ent-store.h"
#include "ent-store-private.h"

#include <glib/gi18n-lib.h>

/*
 * The schema, one migration a version. Version 1 held the network and its
 * evidence; version 2 added roles, stored layouts and the triggers that keep
 * every quote equal to its passage, for files edited outside Entente.
 * Version 3 made the kinds of entities data, in a table that entities
 * refer to, and added typed properties of entities and relations. Version
 * 4 added the layout engine's edge routes beside the positions, and dropped
 * an index of properties by relation that their UNIQUE (relation_id, key)
 * already gives, at the cost of every property written. Version 5 added
 * the edge bundles of a layout, with the triggers that drop them when its
 * positions change. Version 6 added entities' aliases, and the stance of
 * each quote towards what it is attached to. Version 7 rewrote the checks
 * and indexes of properties, which hold the same, so that writing one
 * costs half as much.
 *
 * The triggers are compared word for word when a file is opened, so a file
 * cannot bring its own code under one of our names.
 */
#define TRIGGER_QUOTES_INSERT \
  "CREATE TRIGGER quotes_match_insert BEFORE INSERT ON quotes\n" \
  "WHEN NEW.text IS NOT (SELECT substr (body, NEW.start_offset + 1, NEW.end_offset - NEW.start_offset)\n" \
  "                      FROM sources WHERE id = NEW.source_id)\n" \
  "BEGIN SELECT RAISE (ABORT, 'quote does not match its source'); END"
#define TRIGGER_QUOTES_UPDATE \
  "CREATE TRIGGER quotes_match_update BEFORE UPDATE ON quotes\n" \
  "WHEN NEW.text IS NOT (SELECT substr (body, NEW.start_offset + 1, NEW.end_offset - NEW.start_offset)\n" \
  "                      FROM sources WHERE id = NEW.source_id)\n" \
  "BEGIN SELECT RAISE (ABORT, 'quote does not match its source'); END"
#define TRIGGER_SOURCES_UPDATE \
  "CREATE TRIGGER sources_keep_quotes BEFORE UPDATE OF body ON sources\n" \
  "WHEN EXISTS (SELECT 1 FROM quotes WHERE source_id = NEW.id\n" \
  "             AND text IS NOT substr (NEW.body, start_offset + 1, end_offset - start_offset))\n" \
  "BEGIN SELECT RAISE (ABORT, 'quote does not match its source'); END"

/*
 * An engine's edge bundles hold for its positions only: a position added or
 * moved, by Entente or by anyone else, drops them all in the same
 * transaction. One whose entity is deleted leaves the others, which still
 * join their nodes; its entity's relations take their own bundles along.
 */
#define TRIGGER_POSITIONS_INSERT \
  "CREATE TRIGGER positions_drop_bundles_insert AFTER INSERT ON positions\n" \
  "BEGIN DELETE FROM bundles WHERE engine = NEW.engine; END"
#define TRIGGER_POSITIONS_UPDATE \
  "CREATE TRIGGER positions_drop_bundles_update AFTER UPDATE ON positions\n" \
  "WHEN NEW.x IS NOT OLD.x OR NEW.y IS NOT OLD.y OR NEW.engine IS NOT OLD.engine OR NEW.entity_id IS NOT OLD.entity_id\n" \
  "BEGIN DELETE FROM bundles WHERE engine IN (OLD.engine, NEW.engine); END"

#define HEX6 "[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]"

static const char * const migrations[ENT_STORE_SCHEMA_VERSION] = {
  /* 0 → 1 */
  "CREATE TABLE sources (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  title TEXT NOT NULL CHECK (length (title) > 0),\n"
  "  publisher TEXT,\n"
  "  url TEXT,\n"
  "  published TEXT,\n"
  "  body TEXT NOT NULL\n"
  ");\n"
  "CREATE TABLE entities (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  kind TEXT NOT NULL CHECK (kind IN ('person', 'country', 'place', 'commission',\n"
  "                                     'organisation', 'community', 'sector', 'event')),\n"
  "  name TEXT NOT NULL CHECK (length (name) > 0),\n"
  "  description TEXT NOT NULL DEFAULT '',\n"
  "  start_date TEXT,\n"
  "  end_date TEXT\n"
  ");\n"
  "CREATE TABLE relations (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  kind TEXT NOT NULL CHECK (length (kind) > 0),\n"
  "  from_entity INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,\n"
  "  to_entity INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,\n"
  "  label TEXT NOT NULL DEFAULT '',\n"
  "  directed INTEGER NOT NULL DEFAULT 1 CHECK (directed IN (0, 1)),\n"
  "  start_date TEXT,\n"
  "  end_date TEXT\n"
  ");\n"
  "CREATE TABLE quotes (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  source_id INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,\n"
  "  start_offset INTEGER NOT NULL CHECK (start_offset >= 0),\n"
  "  end_offset INTEGER NOT NULL CHECK (end_offset > start_offset),\n"
  "  text TEXT NOT NULL\n"
  ");\n"
  "CREATE TABLE entity_evidence (\n"
  "  entity_id INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,\n"
  "  quote_id INTEGER NOT NULL REFERENCES quotes (id) ON DELETE CASCADE,\n"
  "  PRIMARY KEY (entity_id, quote_id)\n"
  ") WITHOUT ROWID;\n"
  "CREATE TABLE relation_evidence (\n"
  "  relation_id INTEGER NOT NULL REFERENCES relations (id) ON DELETE CASCADE,\n"
  "  quote_id INTEGER NOT NULL REFERENCES quotes (id) ON DELETE CASCADE,\n"
  "  PRIMARY KEY (relation_id, quote_id)\n"
  ") WITHOUT ROWID;\n"
  "CREATE INDEX relations_from ON relations (from_entity);\n"
  "CREATE INDEX relations_to ON relations (to_entity);\n"
  "CREATE INDEX quotes_source ON quotes (source_id);\n"
  "CREATE INDEX entity_evidence_quote ON entity_evidence (quote_id);\n"
  "CREATE INDEX relation_evidence_quote ON relation_evidence (quote_id);\n",

  /* 1 → 2 */
  "ALTER TABLE entities ADD COLUMN role TEXT;\n"
  "CREATE TABLE positions (\n"
  "  entity_id INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,\n"
  "  engine TEXT NOT NULL,\n"
  "  x REAL NOT NULL,\n"
  "  y REAL NOT NULL,\n"
  "  pinned INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1)),\n"
  "  PRIMARY KEY (entity_id, engine)\n"
  ") WITHOUT ROWID;\n"
  TRIGGER_QUOTES_INSERT ";\n"
  TRIGGER_QUOTES_UPDATE ";\n"
  TRIGGER_SOURCES_UPDATE ";\n",

  /* 2 → 3. The built-in kinds are the ones ent-style.c draws, with its colours. SQLite cannot
   * drop the CHECK that named them from entities, so the table is copied into one that refers
   * to kinds; _ent_store_migrate turns foreign keys off meanwhile, or dropping the old table
   * would cascade into relations, evidence and positions. The columns keep their order. */
  "CREATE TABLE kinds (\n"
  "  key TEXT PRIMARY KEY CHECK (length (key) BETWEEN 1 AND 200),\n"
  "  label TEXT NOT NULL CHECK (length (label) > 0),\n"
  "  shape TEXT NOT NULL CHECK (length (shape) > 0),\n"
  "  glyph TEXT NOT NULL CHECK (length (glyph) > 0),\n"
  "  color TEXT NOT NULL CHECK (color GLOB '#" HEX6 "'),\n"
  "  dark_color TEXT CHECK (dark_color GLOB '#" HEX6 "')\n"
  ");\n"
  "INSERT INTO kinds (key, label, shape, glyph, color, dark_color) VALUES\n"
  "  ('person', 'Person', 'circle', 'person', '#1c71d8', '#62a0ea'),\n"
  "  ('country', 'Country', 'rounded-rectangle', 'flag', '#26a269', '#57e389'),\n"
  "  ('place', 'Place', 'pin', 'dot', '#1a7b8c', '#4fb6c4'),\n"
  "  ('commission', 'Commission', 'hexagon', 'table', '#813d9c', '#c061cb'),\n"
  "  ('organisation', 'Organisation', 'rectangle', 'building', '#c64600', '#ffa348'),\n"
  "  ('community', 'Community', 'ellipse', 'group', '#c88800', '#f8e45c'),\n"
  "  ('sector', 'Sector', 'diamond', 'bar-chart', '#865e3c', '#cdab8f'),\n"
  "  ('event', 'Event', 'card', 'calendar', '#c01c28', '#f66151');\n"
  "CREATE TABLE entities_v3 (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  kind TEXT NOT NULL REFERENCES kinds (key),\n"
  "  name TEXT NOT NULL CHECK (length (name) > 0),\n"
  "  description TEXT NOT NULL DEFAULT '',\n"
  "  start_date TEXT,\n"
  "  end_date TEXT,\n"
  "  role TEXT\n"
  ");\n"
  "INSERT INTO entities_v3 (id, kind, name, description, start_date, end_date, role)\n"
  "  SELECT id, kind, name, description, start_date, end_date, role FROM entities;\n"
  "DROP TABLE entities;\n"
  "ALTER TABLE entities_v3 RENAME TO entities;\n"
  "CREATE INDEX entities_kind ON entities (kind);\n"
  "CREATE TABLE properties (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  entity_id INTEGER REFERENCES entities (id) ON DELETE CASCADE,\n"
  "  relation_id INTEGER REFERENCES relations (id) ON DELETE CASCADE,\n"
  "  key TEXT NOT NULL CHECK (length (key) BETWEEN 1 AND " G_STRINGIFY (ENT_PROPERTY_KEY_MAX_LENGTH) "),\n"
  "  type TEXT NOT NULL CHECK (type IN ('string', 'number', 'boolean', 'date')),\n"
  "  value TEXT NOT NULL CHECK (length (value) <= " G_STRINGIFY (ENT_PROPERTY_VALUE_MAX_LENGTH) "),\n"
  "  CHECK ((entity_id IS NULL) <> (relation_id IS NULL)),\n"
  "  CHECK (type <> 'boolean' OR value IN ('true', 'false')),\n"
  "  UNIQUE (entity_id, key),\n"
  "  UNIQUE (relation_id, key)\n"
  ");\n"
  "CREATE INDEX properties_relation ON properties (relation_id);\n",

  /* 3 → 4. A route's blob is 1 + 3k points of two 8-byte doubles (see ent-store-routes.c). */
  "CREATE TABLE routes (\n"
  "  relation_id INTEGER NOT NULL REFERENCES relations (id) ON DELETE CASCADE,\n"
  "  engine TEXT NOT NULL,\n"
  "  points BLOB NOT NULL CHECK (typeof (points) = 'blob' AND length (points) % 48 = 16\n"
  "                              AND length (points) BETWEEN 64 AND " G_STRINGIFY (ENT_ROUTE_MAX_BYTES) "),\n"
  "  label_x REAL,\n"
  "  label_y REAL,\n"
  "  CHECK ((label_x IS NULL) = (label_y IS NULL)),\n"
  "  PRIMARY KEY (relation_id, engine)\n"
  ") WITHOUT ROWID;\n"
  "DROP INDEX IF EXISTS properties_relation;\n",

  /* 4 → 5. A bundle's blob is a route's (see ent-store-bundles.c). The triggers delete by engine, which the
   * primary key leads with; deleting a relation finds its bundles by the index. */
  "CREATE TABLE bundles (\n"
  "  relation_id INTEGER NOT NULL REFERENCES relations (id) ON DELETE CASCADE,\n"
  "  engine TEXT NOT NULL,\n"
  "  points BLOB NOT NULL CHECK (typeof (points) = 'blob' AND length (points) % 48 = 16\n"
  "                              AND length (points) BETWEEN 64 AND " G_STRINGIFY (ENT_ROUTE_MAX_BYTES) "),\n"
  "  PRIMARY KEY (engine, relation_id)\n"
  ") WITHOUT ROWID;\n"
  "CREATE INDEX bundles_relation ON bundles (relation_id);\n"
  TRIGGER_POSITIONS_INSERT ";\n"
  TRIGGER_POSITIONS_UPDATE ";\n",

  /* 5 → 6. The other names an entity goes by in the sources, which its mentions are found by. */
  "CREATE TABLE aliases (\n"
  "  entity_id INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,\n"
  "  alias TEXT NOT NULL CHECK (length (alias) BETWEEN 1 AND " G_STRINGIFY (ENT_ALIAS_MAX_LENGTH) "),\n"
  "  PRIMARY KEY (entity_id, alias)\n"
  ") WITHOUT ROWID;\n"
  /* Whether a quote supports what it is attached to or disputes it. */
  "ALTER TABLE entity_evidence ADD COLUMN stance TEXT NOT NULL DEFAULT 'supports'\n"
  "  CHECK (stance IN ('supports', 'disputes'));\n"
  "ALTER TABLE relation_evidence ADD COLUMN stance TEXT NOT NULL DEFAULT 'supports'\n"
  "  CHECK (stance IN ('supports', 'disputes'));\n"
  /* Rows written before hold no stance but read the default; the session that records an edit for undo reads them
   * as they are, and undoing a delete would put a NULL back. Written anew, every row holds its stance. */
  "UPDATE entity_evidence SET stance = 'supports';\n"
  "UPDATE relation_evidence SET stance = 'supports';\n",

  /* 6 → 7. The same properties, with checks that cost less to write. SQLite checks `x IN (a, b, c, d)` by
   * building a table of the list each time a statement runs, which was half of what writing a property
   * cost; comparisons are checked in place. Each owner's keys are unique in a partial index of its own,
   * where before an entity's property was also written into the index of relations' under NULL. The
   * columns and their ids are kept, and so is every value the old checks allowed. */
  "CREATE TABLE properties_v7 (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  entity_id INTEGER REFERENCES entities (id) ON DELETE CASCADE,\n"
  "  relation_id INTEGER REFERENCES relations (id) ON DELETE CASCADE,\n"
  "  key TEXT NOT NULL CHECK (length (key) BETWEEN 1 AND " G_STRINGIFY (ENT_PROPERTY_KEY_MAX_LENGTH) "),\n"
  "  type TEXT NOT NULL CHECK (type = 'string' OR type = 'number' OR type = 'boolean' OR type = 'date'),\n"
  "  value TEXT NOT NULL CHECK (length (value) <= " G_STRINGIFY (ENT_PROPERTY_VALUE_MAX_LENGTH) "),\n"
  "  CHECK ((entity_id IS NULL) <> (relation_id IS NULL)),\n"
  "  CHECK (type <> 'boolean' OR value = 'true' OR value = 'false')\n"
  ");\n"
  "INSERT INTO properties_v7 (id, entity_id, relation_id, key, type, value)\n"
  "  SELECT id, entity_id, relation_id, key, type, value FROM properties;\n"
  "DROP TABLE properties;\n"
  "ALTER TABLE properties_v7 RENAME TO properties;\n"
  "CREATE UNIQUE INDEX properties_entity_key ON properties (entity_id, key) WHERE entity_id IS NOT NULL;\n"
  "CREATE UNIQUE INDEX properties_relation_key ON properties (relation_id, key) WHERE relation_id IS NOT NULL;\n",
};

typedef struct
{
  const char *name;
  int         since;
} SchemaObject;

static const SchemaObject our_tables[] = {
  { "sources", 1 },
  { "entities", 1 },
  { "relations", 1 },
  { "quotes", 1 },
  { "entity_evidence", 1 },
  { "relation_evidence", 1 },
  { "positions", 2 },
  { "kinds", 3 },
  { "properties", 3 },
  { "routes", 4 },
  { "bundles", 5 },
  { "aliases", 6 },
};

static const struct {
  const char *name;
  const char *sql;
  int         since;
} our_triggers[] = {
  { "quotes_match_insert", TRIGGER_QUOTES_INSERT, 2 },
  { "quotes_match_update", TRIGGER_QUOTES_UPDATE, 2 },
  { "sources_keep_quotes", TRIGGER_SOURCES_UPDATE, 2 },
  { "positions_drop_bundles_insert", TRIGGER_POSITIONS_INSERT, 5 },
  { "positions_drop_bundles_update", TRIGGER_POSITIONS_UPDATE, 5 },
};

/* Whether @sql is word for word the trigger @name of our schema of @version. */
gboolean
_ent_store_is_our_trigger (const char *name,
                           const char *sql,
                           int         version)
{
  for (guint i = 0; i < G_N_ELEMENTS (our_triggers); i++)
    if (our_triggers[i].since <= version &&
        g_str_equal (name, our_triggers[i].name) &&
        g_strcmp0 (sql, our_triggers[i].sql) == 0)
      return TRUE;
  return FALSE;
}

/* The first table of our schema of @version that is not among @tables, or %NULL. */
const char *
_ent_store_find_missing_table (GHashTable *tables,
                               int         version)
{
  for (guint i = 0; i < G_N_ELEMENTS (our_tables); i++)
    if (our_tables[i].since <= version && !g_hash_table_contains (tables, our_tables[i].name))
      return our_tables[i].name;
  return NULL;
}

/* Runs the migrations from version @from to ours, in one transaction, with foreign keys off. */
static gboolean
migrate (EntStore  *self,
         int        from,
         GError   **error)
{
  g_autofree char *pragmas = NULL;
  gint64 mismatched = 0;
  gint64 broken = 0;

  if (!ent_store_begin (self, error))
    return FALSE;

  for (int v = from; v < ENT_STORE_SCHEMA_VERSION; v++)
    {
      if (!_ent_store_exec (self->db, migrations[v], _("Could not upgrade the file"), error))
        goto failed;
    }

  /* Files of version 1 had no triggers to keep quotes exact; refuse to adopt a broken one. */
  if (!_ent_store_count_mismatched_quotes (self->db, &mismatched, error))
    goto failed;

  if (mismatched > 0)
    {
      g_set_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_QUOTE_MISMATCH,
                   g_dngettext (GETTEXT_PACKAGE,
                                "“%s” cannot be upgraded: %lld quote does not match its source",
                                "“%s” cannot be upgraded: %lld quotes do not match their sources",
                                mismatched),
                   self->path, (long long) mismatched);
      goto failed;
    }

  /* With foreign keys off nothing checked the copied rows; a file edited by hand may refer to nothing. */
  if (!_ent_store_query_int (self->db, "SELECT count (*) FROM pragma_foreign_key_check", &broken, error))
    goto failed;

  if (broken > 0)
    {
      g_set_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_CORRUPT,
                   _("“%s” cannot be upgraded: some of its rows refer to rows that do not exist"), self->path);
      goto failed;
    }

  pragmas = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                             ENT_STORE_APPLICATION_ID, ENT_STORE_SCHEMA_VERSION);
  if (!_ent_store_exec (self->db, pragmas, _("Could not upgrade the file"), error))
    goto failed;

  return ent_store_commit (self, error);

failed:
  ent_store_rollback (self);
  return FALSE;
}

/* Upgrades the file from version @from to ours, in one transaction. */
gboolean
_ent_store_migrate (EntStore  *self,
                    int        from,
                    GError   **error)
{
  gboolean ok;

  /* Foreign keys can only be turned off outside a transaction; see migration 2 → 3. */
  if (!_ent_store_exec (self->db, "PRAGMA foreign_keys = OFF", _("Could not upgrade the file"), error))
    return FALSE;

  ok = migrate (self, from, error);

  return _ent_store_exec (self->db, "PRAGMA foreign_keys = ON", _("Could not upgrade the file"),
                          ok ? error : NULL) && ok;
}
