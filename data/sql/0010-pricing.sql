-- Selvedge workspace schema, level 10: what the pricing engine needs.
--
-- cost_rate.price_unit: the rate is per price_unit units (SAP's KPEIN), so a
--   wage of 8470 BDT a month over 12480 minutes is kept as entered.
-- costing.costing_date: the date rates, duty and exchange rates are taken on.
-- destination: a market's price currency, the basis of its customs value
--   (cif: EU, UK; fob: US) and its consumer VAT.
-- duty_rate: duty by destination and HS-code prefix (the longest prefix
--   wins), dated, with its source.

ALTER TABLE cost_rate ADD COLUMN price_unit TEXT NOT NULL DEFAULT '1';
ALTER TABLE costing ADD COLUMN costing_date TEXT;

CREATE TABLE destination (
  id            TEXT PRIMARY KEY,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  deleted       INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  brand_id      TEXT NOT NULL REFERENCES brand (id),
  code          TEXT NOT NULL,                  -- EU, US, UK…
  name          TEXT NOT NULL,
  currency      TEXT NOT NULL,
  customs_basis TEXT NOT NULL DEFAULT 'cif' CHECK (customs_basis IN ('cif', 'fob')),
  vat_pct       TEXT NOT NULL DEFAULT '0'       -- decimal percentage
) STRICT;
CREATE INDEX destination_code ON destination (brand_id, code);

CREATE TABLE duty_rate (
  id           TEXT PRIMARY KEY,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  deleted      INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  brand_id     TEXT NOT NULL REFERENCES brand (id),
  destination  TEXT NOT NULL,                   -- destination.code
  hs_prefix    TEXT NOT NULL,                   -- '6109', '6105.10'
  duty_pct     TEXT NOT NULL,                   -- decimal percentage
  valid_from   TEXT,
  valid_to     TEXT,
  source       TEXT
) STRICT;
CREATE INDEX duty_rate_destination ON duty_rate (destination, hs_prefix);
