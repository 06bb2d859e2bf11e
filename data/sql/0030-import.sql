-- Selvedge workspace schema, level 30: data ingestion and the job queue.
--
-- Synced domain tables (same rules as 0001): factory, production_order,
-- order_line; material weights from the SAP material master.
-- Local tables (not synced): import_batch, import_change, import_issue,
-- import_mapping, job.

-- SAP MARA weights: BRGEW / NTGEW in GEWEI.
ALTER TABLE material ADD COLUMN gross_weight TEXT;   -- decimal
ALTER TABLE material ADD COLUMN net_weight   TEXT;   -- decimal
ALTER TABLE material ADD COLUMN weight_unit  TEXT;   -- KG, G, LB

-- A sewing factory and its capacity.
CREATE TABLE factory (
  id              TEXT PRIMARY KEY,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  deleted         INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  brand_id        TEXT NOT NULL REFERENCES brand (id),
  code            TEXT NOT NULL,              -- SAP plant (WERKS) or our own code
  name            TEXT NOT NULL,
  supplier_id     TEXT REFERENCES supplier (id),
  country         TEXT,
  lines           INTEGER NOT NULL DEFAULT 1 CHECK (lines >= 0),
  minutes_per_day INTEGER NOT NULL DEFAULT 480 CHECK (minutes_per_day BETWEEN 0 AND 1440),
  efficiency_pct  TEXT NOT NULL DEFAULT '60', -- decimal, 0–100
  calendar        TEXT                        -- JSON: working days, holidays
) STRICT;
CREATE INDEX factory_code ON factory (code);

-- An order: production (SAP AUFNR), sales (VBELN) or purchase (EBELN) header.
CREATE TABLE production_order (
  id            TEXT PRIMARY KEY,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  deleted       INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  brand_id      TEXT NOT NULL REFERENCES brand (id),
  order_no      TEXT NOT NULL,                -- kept as text: leading zeros
  kind          TEXT NOT NULL DEFAULT 'production' CHECK (kind IN ('production', 'sales', 'purchase')),
  style_id      TEXT REFERENCES style (id),
  product_code  TEXT,                         -- style or material code as exported
  factory_id    TEXT REFERENCES factory (id),
  partner_code  TEXT,                         -- customer or vendor number
  quantity      TEXT,                         -- decimal
  unit          TEXT,
  order_date    TEXT,                         -- YYYY-MM-DD
  start_date    TEXT,
  due_date      TEXT,
  status        TEXT,
  currency      TEXT,
  gross_amount  TEXT,                         -- decimal
  net_amount    TEXT,
  tax_amount    TEXT
) STRICT;
CREATE INDEX production_order_no ON production_order (order_no);

-- Order history: one line (item) of an order.
CREATE TABLE order_line (
  id            TEXT PRIMARY KEY,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  deleted       INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  brand_id      TEXT NOT NULL REFERENCES brand (id),
  order_no      TEXT NOT NULL,
  item_no       TEXT NOT NULL,
  product_code  TEXT,
  material_id   TEXT REFERENCES material (id),
  style_id      TEXT REFERENCES style (id),
  quantity      TEXT,                         -- decimal
  unit          TEXT,
  currency      TEXT,
  gross_amount  TEXT,
  net_amount    TEXT,
  tax_amount    TEXT,
  delivery_date TEXT,                         -- YYYY-MM-DD
  status        TEXT
) STRICT;
CREATE INDEX order_line_key ON order_line (order_no, item_no);

-- One import: who, when, which file, how it was read, what it did.
CREATE TABLE import_batch (
  id           TEXT PRIMARY KEY,              -- UUIDv7
  created_at   TEXT NOT NULL,
  finished_at  TEXT,
  user_name    TEXT NOT NULL,
  target       TEXT NOT NULL,
  file_name    TEXT NOT NULL,
  file_path    TEXT,
  file_size    INTEGER,
  file_mtime   INTEGER,
  file_sha256  TEXT,
  mapping      TEXT NOT NULL,                 -- JSON: columns, constants, read options
  state        TEXT NOT NULL DEFAULT 'running' CHECK (state IN ('running', 'done',
                 'failed', 'rolled_back', 'undone')),
  next_row     INTEGER NOT NULL DEFAULT 0,    -- data rows consumed by committed chunks
  next_seq     INTEGER NOT NULL DEFAULT 0,    -- next import_change seq
  rows_total   INTEGER NOT NULL DEFAULT 0,
  inserted     INTEGER NOT NULL DEFAULT 0,
  updated      INTEGER NOT NULL DEFAULT 0,
  unchanged    INTEGER NOT NULL DEFAULT 0,
  rejected     INTEGER NOT NULL DEFAULT 0,
  warnings     INTEGER NOT NULL DEFAULT 0,
  job_id       TEXT,
  message      TEXT
) STRICT;

-- Before-images: what each written row looked like, to undo a batch.
-- action 0 = inserted (undo: tombstone), 1 = updated (undo: restore before).
CREATE TABLE import_change (
  batch_id     TEXT NOT NULL,
  seq          INTEGER NOT NULL,
  tbl          TEXT NOT NULL,
  row_id       TEXT NOT NULL,
  action       INTEGER NOT NULL CHECK (action IN (0, 1)),
  before       TEXT,                          -- JSON {column: old value}
  after        TEXT,                          -- JSON {column: new value}
  PRIMARY KEY (batch_id, seq)
) STRICT, WITHOUT ROWID;

-- The report: one line per problem (capped per batch; counts are complete).
CREATE TABLE import_issue (
  batch_id     TEXT NOT NULL,
  seq          INTEGER NOT NULL,
  row_no       INTEGER NOT NULL,              -- line (CSV) or row (XLSX) in the file
  col_name     TEXT,
  value        TEXT,
  reason       TEXT NOT NULL,
  severity     INTEGER NOT NULL DEFAULT 2,    -- 1 warning, 2 rejected
  PRIMARY KEY (batch_id, seq)
) STRICT, WITHOUT ROWID;

-- Named mapping profiles, reused from import to import.
CREATE TABLE import_mapping (
  name         TEXT PRIMARY KEY,
  target       TEXT NOT NULL,
  mapping      TEXT NOT NULL,                 -- JSON
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL
) STRICT;

-- The job queue: long work that survives a restart.
CREATE TABLE job (
  id           TEXT PRIMARY KEY,              -- UUIDv7
  kind         TEXT NOT NULL,                 -- 'import', 'import-undo', 'pricing-run', …
  title        TEXT NOT NULL,
  state        TEXT NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed',
                 'cancelled', 'interrupted', 'rolled-back')),
  params       TEXT NOT NULL,                 -- JSON
  checkpoint   TEXT,                          -- JSON, written with each committed chunk
  result       TEXT,                          -- JSON
  done         INTEGER NOT NULL DEFAULT 0,
  total        INTEGER NOT NULL DEFAULT 0,
  message      TEXT,
  created_at   TEXT NOT NULL,
  started_at   TEXT,
  finished_at  TEXT
) STRICT;
CREATE INDEX job_state ON job (state);
