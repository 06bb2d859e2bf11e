-- Selvedge workspace schema: annotations and review threads on boards.
--
-- annotation: a pin, ink stroke, arrow, rectangle, ellipse or highlight on a
-- board, optionally attached to one of its items. geometry is JSON written
-- as one field (sync field group): its points are in board units, or — when
-- item_id is set — in the item's normalised image coordinates, so they
-- follow the item through moves, resizes, rotations and crops. status,
-- status_by and status_at are written together (field group). number
-- orders markers and reports; it is never reused on a board.
--
-- comment: one row per comment (append-only thread: no long text fights
-- over one field when people sync). Only its author edits or deletes it;
-- deleting leaves a tombstone. mentions is a JSON array of the names
-- @mentioned in body.

CREATE TABLE annotation (
  id          TEXT PRIMARY KEY,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  deleted     INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  brand_id    TEXT NOT NULL REFERENCES brand (id),
  board_id    TEXT NOT NULL REFERENCES board (id),
  item_id     TEXT REFERENCES board_item (id),
  kind        TEXT NOT NULL CHECK (kind IN ('pin', 'ink', 'arrow', 'rect', 'ellipse', 'highlight')),
  geometry    TEXT NOT NULL,
  color       TEXT NOT NULL DEFAULT 'red',
  status      TEXT NOT NULL DEFAULT 'open'
                CHECK (status IN ('open', 'approved', 'rejected', 'on_hold', 'resolved')),
  status_by   TEXT,
  status_at   TEXT,
  number      INTEGER NOT NULL CHECK (number > 0),
  author      TEXT NOT NULL
) STRICT;
CREATE INDEX annotation_board ON annotation (board_id, number);
CREATE INDEX annotation_item ON annotation (item_id);

CREATE TABLE comment (
  id             TEXT PRIMARY KEY,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  deleted        INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  brand_id       TEXT NOT NULL REFERENCES brand (id),
  annotation_id  TEXT NOT NULL REFERENCES annotation (id),
  author         TEXT NOT NULL,
  body           TEXT NOT NULL,
  mentions       TEXT NOT NULL DEFAULT '[]',
  edited_at      TEXT
) STRICT;
CREATE INDEX comment_annotation ON comment (annotation_id, created_at);

-- Live threads of a board: the annotation and its board are not deleted,
-- nor the item it is attached to (an annotation lives and dies with its
-- item; undoing the item's deletion brings its threads back).
CREATE VIEW review_thread AS
  SELECT a.* FROM annotation a
  JOIN board b ON b.id = a.board_id AND b.deleted = 0
  LEFT JOIN board_item i ON i.id = a.item_id
  WHERE a.deleted = 0 AND (a.item_id IS NULL OR i.deleted = 0);

-- Open threads per board, for the Boards page.
CREATE VIEW board_open_threads AS
  SELECT board_id, count(*) AS open_threads FROM review_thread
  WHERE status = 'open' GROUP BY board_id;
