-- Selvedge workspace schema: the sync client (SYNC-PROTOCOL.md §14).
--
-- The capture triggers are not here: the store generates them from the
-- policy registry (src/sync/slv-sync-policy-tables.c) whenever it opens a
-- workspace whose triggers do not match the registry, one AFTER INSERT
-- trigger per synced table and AFTER UPDATE triggers per synced column or
-- field group (src/store/slv-store-capture.c).
--
-- sync_state: one row. node is this install's clock node (16 hex digits),
--   machine_hash a hash of /etc/machine-id (a copied workspace takes a new
--   node), hlc the persisted clock state, written with every captured edit
--   and every applied pull. Beyond §14: clock_offset_ms corrects a wall
--   clock the server found too far ahead; email and grants (JSON) mirror the
--   signed-in account for the UI; last_error is the last sync failure.
-- sync_pending: fields of rows not yet complete enough to insert (a pull
--   may bring a row's fields in several pages), merged until they are.
-- conflict: the server's conflict log (synced, written by the server).

CREATE TABLE sync_state (
  id              INTEGER PRIMARY KEY CHECK (id = 1),
  node            TEXT NOT NULL,
  machine_hash    TEXT,
  client_id       TEXT,
  hlc             TEXT NOT NULL,
  cursor          TEXT,
  server_url      TEXT,
  user_id         TEXT,
  last_push_ok    INTEGER,
  last_pull_ok    INTEGER,
  clock_offset_ms INTEGER NOT NULL DEFAULT 0,
  email           TEXT,
  grants          TEXT,
  last_error      TEXT
) STRICT;

INSERT INTO sync_state (id, node, hlc)
  SELECT 1, n, '1970-01-01T00:00:00.000Z-0000-' || n
  FROM (SELECT lower (hex (randomblob (8))) AS n);

CREATE TABLE sync_clock (
  tbl    TEXT,
  row_id TEXT,
  field  TEXT,
  hlc    TEXT NOT NULL,
  PRIMARY KEY (tbl, row_id, field)
) STRICT, WITHOUT ROWID;

CREATE TABLE sync_row (
  tbl    TEXT,
  row_id TEXT,
  bucket TEXT NOT NULL,
  PRIMARY KEY (tbl, row_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX sync_row_bucket ON sync_row (bucket);

CREATE TABLE sync_batch (
  batch_id        TEXT PRIMARY KEY,
  created_at      INTEGER NOT NULL,
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER,
  last_error      TEXT
) STRICT;

CREATE TABLE sync_outbox (
  seq      INTEGER PRIMARY KEY AUTOINCREMENT,
  op_id    TEXT NOT NULL UNIQUE,
  tx_hlc   TEXT NOT NULL,
  tbl      TEXT NOT NULL,
  row_id   TEXT NOT NULL,
  field    TEXT NOT NULL,
  value    TEXT,
  hlc      TEXT NOT NULL,
  base_hlc TEXT,
  batch_id TEXT REFERENCES sync_batch (batch_id)
) STRICT;
CREATE UNIQUE INDEX sync_outbox_unsent ON sync_outbox (tbl, row_id, field) WHERE batch_id IS NULL;
CREATE INDEX sync_outbox_batch ON sync_outbox (batch_id) WHERE batch_id IS NOT NULL;

CREATE TABLE sync_rejection (
  op_id     TEXT PRIMARY KEY,
  tbl       TEXT,
  row_id    TEXT,
  field     TEXT,
  value     TEXT,
  hlc       TEXT,
  status    TEXT,
  code      TEXT,
  detail    TEXT,
  at        INTEGER,
  dismissed INTEGER DEFAULT 0
) STRICT;

CREATE TABLE sync_unknown (
  tbl    TEXT,
  row_id TEXT,
  field  TEXT,
  value  TEXT,
  hlc    TEXT,
  bucket TEXT,
  PRIMARY KEY (tbl, row_id, field)
) STRICT, WITHOUT ROWID;

CREATE TABLE sync_pending (
  tbl    TEXT,
  row_id TEXT,
  field  TEXT,
  value  TEXT,
  hlc    TEXT NOT NULL,
  bucket TEXT,
  PRIMARY KEY (tbl, row_id, field)
) STRICT, WITHOUT ROWID;

CREATE TABLE blob_upload (
  sha256     TEXT PRIMARY KEY,
  size       INTEGER,
  mime       TEXT,
  upload_id  TEXT,
  sent_bytes INTEGER DEFAULT 0,
  state      TEXT,
  attempts   INTEGER DEFAULT 0
) STRICT;

CREATE TABLE conflict (
  id           TEXT PRIMARY KEY,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  deleted      INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  tbl          TEXT NOT NULL,
  row_id       TEXT NOT NULL,
  field        TEXT NOT NULL,
  kind         TEXT NOT NULL,
  winner_value TEXT,                -- JSON text of the value
  winner_hlc   TEXT,
  winner_user  TEXT,
  loser_value  TEXT,                -- JSON text of the value
  loser_hlc    TEXT,
  loser_user   TEXT,
  created_seq  INTEGER,
  status       TEXT NOT NULL DEFAULT 'open',
  resolved_by  TEXT
) STRICT;
CREATE INDEX conflict_row ON conflict (tbl, row_id);
