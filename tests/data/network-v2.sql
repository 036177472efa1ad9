-- A network as version 2 of the .entente format stored it: version 1's
-- tables, then what the upgrade to version 2 added, written in the order a
-- file of version 2 got them, so that every release is tested against
-- upgrading it.
PRAGMA application_id = 1162761285;
PRAGMA user_version = 2;
BEGIN;
CREATE TABLE sources (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL CHECK (length (title) > 0),
  publisher TEXT,
  url TEXT,
  published TEXT,
  body TEXT NOT NULL
);
CREATE TABLE entities (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('person', 'country', 'place', 'commission',
                                     'organisation', 'community', 'sector', 'event')),
  name TEXT NOT NULL CHECK (length (name) > 0),
  description TEXT NOT NULL DEFAULT '',
  start_date TEXT,
  end_date TEXT
);
CREATE TABLE relations (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (length (kind) > 0),
  from_entity INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
  to_entity INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
  label TEXT NOT NULL DEFAULT '',
  directed INTEGER NOT NULL DEFAULT 1 CHECK (directed IN (0, 1)),
  start_date TEXT,
  end_date TEXT
);
CREATE TABLE quotes (
  id INTEGER PRIMARY KEY,
  source_id INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  start_offset INTEGER NOT NULL CHECK (start_offset >= 0),
  end_offset INTEGER NOT NULL CHECK (end_offset > start_offset),
  text TEXT NOT NULL
);
CREATE TABLE entity_evidence (
  entity_id INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
  quote_id INTEGER NOT NULL REFERENCES quotes (id) ON DELETE CASCADE,
  PRIMARY KEY (entity_id, quote_id)
) WITHOUT ROWID;
CREATE TABLE relation_evidence (
  relation_id INTEGER NOT NULL REFERENCES relations (id) ON DELETE CASCADE,
  quote_id INTEGER NOT NULL REFERENCES quotes (id) ON DELETE CASCADE,
  PRIMARY KEY (relation_id, quote_id)
) WITHOUT ROWID;
CREATE INDEX relations_from ON relations (from_entity);
CREATE INDEX relations_to ON relations (to_entity);
CREATE INDEX quotes_source ON quotes (source_id);
CREATE INDEX entity_evidence_quote ON entity_evidence (quote_id);
CREATE INDEX relation_evidence_quote ON relation_evidence (quote_id);
ALTER TABLE entities ADD COLUMN role TEXT;
CREATE TABLE positions (
  entity_id INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
  engine TEXT NOT NULL,
  x REAL NOT NULL,
  y REAL NOT NULL,
  pinned INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1)),
  PRIMARY KEY (entity_id, engine)
) WITHOUT ROWID;
CREATE TRIGGER quotes_match_insert BEFORE INSERT ON quotes
WHEN NEW.text IS NOT (SELECT substr (body, NEW.start_offset + 1, NEW.end_offset - NEW.start_offset)
                      FROM sources WHERE id = NEW.source_id)
BEGIN SELECT RAISE (ABORT, 'quote does not match its source'); END;
CREATE TRIGGER quotes_match_update BEFORE UPDATE ON quotes
WHEN NEW.text IS NOT (SELECT substr (body, NEW.start_offset + 1, NEW.end_offset - NEW.start_offset)
                      FROM sources WHERE id = NEW.source_id)
BEGIN SELECT RAISE (ABORT, 'quote does not match its source'); END;
CREATE TRIGGER sources_keep_quotes BEFORE UPDATE OF body ON sources
WHEN EXISTS (SELECT 1 FROM quotes WHERE source_id = NEW.id
             AND text IS NOT substr (NEW.body, start_offset + 1, end_offset - start_offset))
BEGIN SELECT RAISE (ABORT, 'quote does not match its source'); END;

INSERT INTO sources (id, title, publisher, published, body) VALUES
  (1, 'Visit – notes', 'Ministry', '2024-03-11', 'Minister Sergei Aleinik – of Belarus – met S Jaishankar in Delhi.');
INSERT INTO entities (id, kind, name, description, role, start_date, end_date) VALUES
  (1, 'person', 'Sergei Aleinik', 'Minister of Belarus', 'Minister of Foreign Affairs', NULL, NULL),
  (2, 'person', 'S Jaishankar', '', 'External Affairs Minister', NULL, NULL),
  (3, 'place', 'Delhi', '', NULL, NULL, NULL),
  (4, 'event', 'The visit', '', NULL, '--03-11', '--03-13');
INSERT INTO relations (id, kind, from_entity, to_entity, label, directed) VALUES
  (1, 'meets', 1, 2, 'met', 0),
  (2, 'located-in', 4, 3, 'in', 1);
INSERT INTO quotes (id, source_id, start_offset, end_offset, text) VALUES
  (1, 1, 9, 23, 'Sergei Aleinik'),
  (2, 1, 43, 55, 'S Jaishankar'),
  (3, 1, 59, 64, 'Delhi'),
  (4, 1, 39, 55, 'met S Jaishankar');
INSERT INTO entity_evidence VALUES (1, 1), (2, 2), (3, 3), (4, 4);
INSERT INTO relation_evidence VALUES (1, 4), (2, 3);
INSERT INTO positions (entity_id, engine, x, y, pinned) VALUES
  (1, 'sfdp', 10.5, 20.0, 1),
  (2, 'sfdp', 110.0, 20.0, 0);
COMMIT;
