-- What a network of version 1 of the .entente format (network-v1.sql, run
-- first) became in version 2: the upgrade to version 2 as it was written
-- then, and what a person added to the file with it, so that every release
-- is tested against upgrading a file of version 2.
PRAGMA user_version = 2;
BEGIN;
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

UPDATE sources SET publisher = 'Ministry', published = '2024-03-11' WHERE id = 1;
UPDATE entities SET role = 'Minister of Foreign Affairs' WHERE id = 1;
UPDATE entities SET role = 'External Affairs Minister' WHERE id = 2;
INSERT INTO entities (id, kind, name, description, start_date, end_date) VALUES
  (4, 'event', 'The visit', '', '--03-11', '--03-13');
INSERT INTO relations (id, kind, from_entity, to_entity, label, directed) VALUES
  (2, 'located-in', 4, 3, 'in', 1);
INSERT INTO entity_evidence VALUES (4, 4);
INSERT INTO relation_evidence VALUES (2, 3);
INSERT INTO positions (entity_id, engine, x, y, pinned) VALUES
  (1, 'sfdp', 10.5, 20.0, 1),
  (2, 'sfdp', 110.0, 20.0, 0);
COMMIT;
