-- Selvedge workspace schema, level 1.
-- Every synced table: id TEXT PRIMARY KEY (UUIDv7), created_at, updated_at
-- (ISO-8601 UTC with milliseconds), deleted (tombstone, 0/1), brand_id (the
-- sync bucket key). Money and quantities are decimal strings (fixed point);
-- measures used only for display may be REAL.

CREATE TABLE workspace_meta (
  key   TEXT PRIMARY KEY,
  value TEXT
) STRICT;

CREATE TABLE brand (
  id            TEXT PRIMARY KEY,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  deleted       INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  code          TEXT NOT NULL,
  name          TEXT NOT NULL,
  base_currency TEXT NOT NULL DEFAULT 'USD'
) STRICT;

CREATE TABLE season (
  id          TEXT PRIMARY KEY,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  deleted     INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  brand_id    TEXT NOT NULL REFERENCES brand (id),
  code        TEXT NOT NULL,
  name        TEXT NOT NULL,
  starts_on   TEXT,
  ends_on     TEXT
) STRICT;

CREATE TABLE collection (
  id          TEXT PRIMARY KEY,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  deleted     INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  brand_id    TEXT NOT NULL REFERENCES brand (id),
  season_id   TEXT NOT NULL REFERENCES season (id),
  name        TEXT NOT NULL,
  theme       TEXT
) STRICT;

CREATE TABLE supplier (
  id             TEXT PRIMARY KEY,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  deleted        INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  brand_id       TEXT NOT NULL REFERENCES brand (id),
  code           TEXT NOT NULL,
  name           TEXT NOT NULL,
  kind           TEXT NOT NULL CHECK (kind IN ('mill', 'spinner', 'knitter', 'dyehouse',
                   'printer', 'embroiderer', 'laundry', 'factory', 'trim', 'lab',
                   'packaging', 'forwarder')),
  country        TEXT,
  city           TEXT,
  currency       TEXT NOT NULL DEFAULT 'USD',
  lead_time_days INTEGER
) STRICT;

CREATE TABLE blob (
  id          TEXT PRIMARY KEY,   -- UUIDv5 of 'blob:' || sha256: every device agrees
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  deleted     INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  brand_id    TEXT REFERENCES brand (id),
  sha256      TEXT NOT NULL UNIQUE CHECK (length (sha256) = 64),
  mime        TEXT NOT NULL,
  size        INTEGER NOT NULL,
  width       INTEGER,
  height      INTEGER,
  name        TEXT
) STRICT;

CREATE TABLE material (
  id             TEXT PRIMARY KEY,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  deleted        INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  brand_id       TEXT NOT NULL REFERENCES brand (id),
  code           TEXT NOT NULL,          -- SAP MATNR, kept as text (leading zeros)
  name           TEXT NOT NULL,          -- MAKTX
  kind           TEXT NOT NULL CHECK (kind IN ('yarn', 'fabric', 'trim')),
  sap_type       TEXT,                   -- MTART: ROH, HALB, FERT, VERP
  material_group TEXT,                   -- MATKL
  composition    TEXT,
  construction   TEXT,                   -- single jersey, interlock, poplin…
  gsm            TEXT,                   -- g/m², decimal
  width_cm       TEXT,                   -- usable width, decimal
  yarn_count     TEXT,                   -- e.g. 30/1 Ne
  unit           TEXT NOT NULL,          -- MEINS: KG, M, YD, PC…
  price          TEXT,                   -- per price_unit units, decimal
  price_unit     TEXT NOT NULL DEFAULT '1',  -- PEINH
  currency       TEXT NOT NULL DEFAULT 'USD',
  moq            TEXT,
  lead_time_days INTEGER,
  supplier_id    TEXT REFERENCES supplier (id),
  color          TEXT                    -- #rrggbb for swatches
) STRICT;
CREATE INDEX material_code ON material (code);
CREATE INDEX material_supplier ON material (supplier_id);

CREATE TABLE cost_rate (
  id           TEXT PRIMARY KEY,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  deleted      INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  brand_id     TEXT NOT NULL REFERENCES brand (id),
  process      TEXT NOT NULL CHECK (process IN ('knitting', 'dyeing', 'printing',
                 'embroidery', 'washing', 'making', 'trims', 'testing', 'packing',
                 'freight', 'overhead', 'commercial', 'duty', 'clearance')),
  key          TEXT NOT NULL,           -- e.g. 'single-jersey', 'reactive-dark', 'screen-extra-colour'
  description  TEXT,
  supplier_id  TEXT REFERENCES supplier (id),
  unit         TEXT NOT NULL CHECK (unit IN ('kg', 'piece', 'dozen', '1000-stitches',
                 'minute', 'colour', 'screen', 'percent', 'metre', 'yard', 'order', 'carton')),
  rate         TEXT NOT NULL,           -- decimal
  currency     TEXT NOT NULL DEFAULT 'USD',
  min_charge   TEXT,                    -- decimal, per order
  tier_min_qty INTEGER NOT NULL DEFAULT 0,
  valid_from   TEXT,                    -- YYYY-MM-DD
  valid_to     TEXT
) STRICT;
CREATE INDEX cost_rate_process_key ON cost_rate (process, key);

CREATE TABLE style (
  id             TEXT PRIMARY KEY,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  deleted        INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  brand_id       TEXT NOT NULL REFERENCES brand (id),
  collection_id  TEXT REFERENCES collection (id),
  code           TEXT NOT NULL,
  name           TEXT NOT NULL,
  category       TEXT,                  -- tee, polo, sweater, shirt, trouser…
  gender         TEXT,
  status         TEXT NOT NULL DEFAULT 'concept' CHECK (status IN ('concept', 'design',
                   'sampling', 'costing', 'approved', 'production', 'dropped')),
  size_range     TEXT,
  base_size      TEXT,
  hs_code        TEXT,
  target_fob     TEXT,
  target_retail  TEXT,
  currency       TEXT NOT NULL DEFAULT 'USD',
  cover_blob     TEXT,                  -- sha256 of a blob
  description    TEXT
) STRICT;
CREATE INDEX style_code ON style (code);
CREATE INDEX style_collection ON style (collection_id);

CREATE TABLE costing (
  id               TEXT PRIMARY KEY,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  deleted          INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  brand_id         TEXT NOT NULL REFERENCES brand (id),
  style_id         TEXT NOT NULL REFERENCES style (id),
  scenario         TEXT NOT NULL DEFAULT 'Base',
  parent_id        TEXT REFERENCES costing (id),   -- the costing a scenario was copied from
  currency         TEXT NOT NULL DEFAULT 'USD',    -- costing (FOB) currency
  fx_set           TEXT,
  fx_kind          TEXT NOT NULL DEFAULT 'budget' CHECK (fx_kind IN ('actual', 'budget', 'simulation')),
  order_qty        INTEGER NOT NULL DEFAULT 1000,
  destination      TEXT NOT NULL DEFAULT 'EU',
  channel          TEXT NOT NULL DEFAULT 'retail',
  status           TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'approved', 'frozen')),
  params           TEXT,                           -- JSON: overhead/commercial/profit rules, freight…
  notes            TEXT
) STRICT;
CREATE INDEX costing_style ON costing (style_id);

CREATE TABLE bom_line (
  id           TEXT PRIMARY KEY,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  deleted      INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  brand_id     TEXT NOT NULL REFERENCES brand (id),
  costing_id   TEXT NOT NULL REFERENCES costing (id),
  style_id     TEXT NOT NULL REFERENCES style (id),
  position     TEXT NOT NULL,          -- fractional index
  material_id  TEXT REFERENCES material (id),
  placement    TEXT,                   -- body, rib, collar, label…
  consumption  TEXT NOT NULL,          -- decimal, in unit per piece
  unit         TEXT NOT NULL,
  wastage_pct  TEXT NOT NULL DEFAULT '0',
  calc         TEXT,                   -- JSON: consumption from measurements
  note         TEXT
) STRICT;
CREATE INDEX bom_line_costing ON bom_line (costing_id);

CREATE TABLE process_line (
  id           TEXT PRIMARY KEY,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  deleted      INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  brand_id     TEXT NOT NULL REFERENCES brand (id),
  costing_id   TEXT NOT NULL REFERENCES costing (id),
  style_id     TEXT NOT NULL REFERENCES style (id),
  position     TEXT NOT NULL,
  process      TEXT NOT NULL,
  rate_id      TEXT REFERENCES cost_rate (id),
  quantity     TEXT NOT NULL DEFAULT '1',   -- decimal: kg, minutes, stitches/1000, colours…
  loss_pct     TEXT NOT NULL DEFAULT '0',
  params       TEXT,                         -- JSON: colours, locations, SAM, efficiency…
  note         TEXT
) STRICT;
CREATE INDEX process_line_costing ON process_line (costing_id);

CREATE TABLE margin_rule (
  id           TEXT PRIMARY KEY,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  deleted      INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  brand_id     TEXT NOT NULL REFERENCES brand (id),
  channel      TEXT NOT NULL,
  name         TEXT NOT NULL,
  expression   TEXT NOT NULL,
  price_ending TEXT,                         -- '.99', '.95', '9.00', 'whole'
  priority     INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE fx_rate (
  id           TEXT PRIMARY KEY,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  deleted      INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  brand_id     TEXT NOT NULL REFERENCES brand (id),
  set_name     TEXT NOT NULL,
  kind         TEXT NOT NULL CHECK (kind IN ('actual', 'budget', 'simulation')),
  valid_on     TEXT NOT NULL,                -- YYYY-MM-DD
  from_ccy     TEXT NOT NULL,
  to_ccy       TEXT NOT NULL,
  rate         TEXT NOT NULL                 -- 1 from_ccy = rate to_ccy
) STRICT;

CREATE TABLE board (
  id            TEXT PRIMARY KEY,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  deleted       INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  brand_id      TEXT NOT NULL REFERENCES brand (id),
  collection_id TEXT REFERENCES collection (id),
  name          TEXT NOT NULL,
  position      TEXT NOT NULL DEFAULT 'a0',
  background    TEXT
) STRICT;

CREATE TABLE board_item (
  id          TEXT PRIMARY KEY,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  deleted     INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  brand_id    TEXT NOT NULL REFERENCES brand (id),
  board_id    TEXT NOT NULL REFERENCES board (id),
  kind        TEXT NOT NULL CHECK (kind IN ('image', 'note', 'swatch', 'style', 'shape', 'group')),
  x           REAL NOT NULL DEFAULT 0,
  y           REAL NOT NULL DEFAULT 0,
  w           REAL NOT NULL DEFAULT 100,
  h           REAL NOT NULL DEFAULT 100,
  rotation    REAL NOT NULL DEFAULT 0,      -- degrees, about the centre
  z           TEXT NOT NULL,                -- fractional index
  opacity     REAL NOT NULL DEFAULT 1,
  locked      INTEGER NOT NULL DEFAULT 0,
  group_id    TEXT REFERENCES board_item (id),
  blob        TEXT,                         -- sha256 of the image blob
  crop        TEXT,                         -- 'x y w h', normalised
  flip_h      INTEGER NOT NULL DEFAULT 0,
  flip_v      INTEGER NOT NULL DEFAULT 0,
  grayscale   INTEGER NOT NULL DEFAULT 0,
  text        TEXT,
  color       TEXT,                         -- #rrggbb
  style_id    TEXT REFERENCES style (id),
  props       TEXT                          -- JSON: font size, shape kind, stroke…
) STRICT;
CREATE INDEX board_item_board ON board_item (board_id);

-- Local, not synced: per-device state of a board view.
CREATE TABLE board_view (
  board_id  TEXT PRIMARY KEY REFERENCES board (id),
  x         REAL NOT NULL DEFAULT 0,
  y         REAL NOT NULL DEFAULT 0,
  zoom      REAL NOT NULL DEFAULT 1
) STRICT;

-- Full-text search (FTS5), kept current by triggers. An index row shares the
-- rowid of its record (fast deletes); slv_store_vacuum() rebuilds the indexes
-- because VACUUM may renumber the implicit rowids.
CREATE VIRTUAL TABLE material_fts USING fts5 (
  row_id UNINDEXED, code, name, composition, construction, kind, supplier,
  tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE style_fts USING fts5 (
  row_id UNINDEXED, code, name, category, description, collection,
  tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE cost_rate_fts USING fts5 (
  row_id UNINDEXED, process, key, description, supplier,
  tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE board_fts USING fts5 (
  row_id UNINDEXED, name, notes,
  tokenize = 'unicode61 remove_diacritics 2');

CREATE TRIGGER material_fts_ai AFTER INSERT ON material BEGIN
  INSERT INTO material_fts (rowid, row_id, code, name, composition, construction, kind, supplier)
  VALUES (NEW.rowid, NEW.id, NEW.code, NEW.name, NEW.composition, NEW.construction, NEW.kind,
          (SELECT name FROM supplier WHERE id = NEW.supplier_id));
END;
CREATE TRIGGER material_fts_au AFTER UPDATE OF code, name, composition, construction, kind, supplier_id ON material BEGIN
  DELETE FROM material_fts WHERE rowid = OLD.rowid;
  INSERT INTO material_fts (rowid, row_id, code, name, composition, construction, kind, supplier)
  VALUES (NEW.rowid, NEW.id, NEW.code, NEW.name, NEW.composition, NEW.construction, NEW.kind,
          (SELECT name FROM supplier WHERE id = NEW.supplier_id));
END;
CREATE TRIGGER material_fts_ad AFTER DELETE ON material BEGIN
  DELETE FROM material_fts WHERE rowid = OLD.rowid;
END;

CREATE TRIGGER style_fts_ai AFTER INSERT ON style BEGIN
  INSERT INTO style_fts (rowid, row_id, code, name, category, description, collection)
  VALUES (NEW.rowid, NEW.id, NEW.code, NEW.name, NEW.category, NEW.description,
          (SELECT name FROM collection WHERE id = NEW.collection_id));
END;
CREATE TRIGGER style_fts_au AFTER UPDATE OF code, name, category, description, collection_id ON style BEGIN
  DELETE FROM style_fts WHERE rowid = OLD.rowid;
  INSERT INTO style_fts (rowid, row_id, code, name, category, description, collection)
  VALUES (NEW.rowid, NEW.id, NEW.code, NEW.name, NEW.category, NEW.description,
          (SELECT name FROM collection WHERE id = NEW.collection_id));
END;
CREATE TRIGGER style_fts_ad AFTER DELETE ON style BEGIN
  DELETE FROM style_fts WHERE rowid = OLD.rowid;
END;

CREATE TRIGGER cost_rate_fts_ai AFTER INSERT ON cost_rate BEGIN
  INSERT INTO cost_rate_fts (rowid, row_id, process, key, description, supplier)
  VALUES (NEW.rowid, NEW.id, NEW.process, NEW.key, NEW.description,
          (SELECT name FROM supplier WHERE id = NEW.supplier_id));
END;
CREATE TRIGGER cost_rate_fts_au AFTER UPDATE OF process, key, description, supplier_id ON cost_rate BEGIN
  DELETE FROM cost_rate_fts WHERE rowid = OLD.rowid;
  INSERT INTO cost_rate_fts (rowid, row_id, process, key, description, supplier)
  VALUES (NEW.rowid, NEW.id, NEW.process, NEW.key, NEW.description,
          (SELECT name FROM supplier WHERE id = NEW.supplier_id));
END;
CREATE TRIGGER cost_rate_fts_ad AFTER DELETE ON cost_rate BEGIN
  DELETE FROM cost_rate_fts WHERE rowid = OLD.rowid;
END;

CREATE TRIGGER board_fts_ai AFTER INSERT ON board BEGIN
  INSERT INTO board_fts (rowid, row_id, name, notes) VALUES (NEW.rowid, NEW.id, NEW.name, NULL);
END;
CREATE TRIGGER board_fts_au AFTER UPDATE OF name ON board BEGIN
  UPDATE board_fts SET name = NEW.name WHERE rowid = NEW.rowid;
END;
CREATE TRIGGER board_fts_ad AFTER DELETE ON board BEGIN
  DELETE FROM board_fts WHERE rowid = OLD.rowid;
END;
