-- CLO 3D / DXF ingestion: pattern pieces of a style and the journal of
-- imports (what each changed, so it can be shown and undone).

CREATE TABLE pattern_piece (
  id                TEXT PRIMARY KEY,
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  deleted           INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  brand_id          TEXT NOT NULL REFERENCES brand (id),
  style_id          TEXT NOT NULL REFERENCES style (id),
  source            TEXT NOT NULL,          -- file the piece came from
  block             TEXT,                   -- DXF block name
  name              TEXT NOT NULL,
  size              TEXT,
  quantity          INTEGER NOT NULL DEFAULT 1,
  quantity_text     TEXT,                   -- as written: 1, 2, 1,1 (ASTM pairs)
  category          TEXT,
  annotation        TEXT,
  fabric            TEXT,                   -- fabric key: FABRIC, RIB, INTERLINING…
  area_mm2          REAL NOT NULL,          -- boundary as drawn (measure, display)
  unfolded_area_mm2 REAL,                   -- unfolded about the mirror line
  perimeter_mm      REAL,
  bbox              TEXT,                   -- 'x0 y0 x1 y1', mm
  grain_angle       REAL,                   -- degrees in [0, 180)
  outline           TEXT,                   -- JSON [[x, y], …] mm, the outline to cut
  panel_id          TEXT,                   -- CLO Pattern2D id
  import_id         TEXT                    -- clo_import that wrote it
) STRICT;
CREATE INDEX pattern_piece_style ON pattern_piece (style_id);

-- Local, not synced: one row per applied import.
CREATE TABLE clo_import (
  id          TEXT PRIMARY KEY,
  created_at  TEXT NOT NULL,
  style_id    TEXT NOT NULL REFERENCES style (id),
  source      TEXT NOT NULL,
  summary     TEXT NOT NULL,     -- JSON: size, fabrics, efficiency, consumption
  changes     TEXT NOT NULL,     -- JSON: [{"table","id","op":"insert|update|delete","before":{…}}]
  undone_at   TEXT
) STRICT;
CREATE INDEX clo_import_style ON clo_import (style_id);
