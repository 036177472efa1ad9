-- A network as version 1 of the .entente format stored it, kept as it was
-- written then so that every release is tested against upgrading it.
PRAGMA application_id = 1162761285;
PRAGMA user_version = 1;
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

INSERT INTO sources (id, title, body) VALUES
  (1, 'Visit – notes', 'Minister Sergei Aleinik – of Belarus – met S Jaishankar in Delhi.');
INSERT INTO entities (id, kind, name, description) VALUES
  (1, 'person', 'Sergei Aleinik', 'Minister of Belarus'),
  (2, 'person', 'S Jaishankar', ''),
  (3, 'place', 'Delhi', '');
INSERT INTO relations (id, kind, from_entity, to_entity, label, directed) VALUES
  (1, 'meets', 1, 2, 'met', 0);
INSERT INTO quotes (id, source_id, start_offset, end_offset, text) VALUES
  (1, 1, 9, 23, 'Sergei Aleinik'),
  (2, 1, 43, 55, 'S Jaishankar'),
  (3, 1, 59, 64, 'Delhi'),
  (4, 1, 39, 55, 'met S Jaishankar');
INSERT INTO entity_evidence VALUES (1, 1), (2, 2), (3, 3);
INSERT INTO relation_evidence VALUES (1, 4);
COMMIT;
