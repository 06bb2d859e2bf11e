-- selvedge-server schema, level 1: the sync log (SYNC-PROTOCOL.md §13).
-- Clock stamps are COLLATE "C" so that byte order is clock order.

CREATE TABLE sync_counter (
  id  int PRIMARY KEY CHECK (id = 1),
  seq bigint NOT NULL
);
INSERT INTO sync_counter (id, seq) VALUES (1, 0);

CREATE TABLE sync_row (
  tbl         text NOT NULL,
  row_id      uuid NOT NULL,
  bucket      text NOT NULL,
  deleted     boolean NOT NULL DEFAULT false,
  deleted_hlc text COLLATE "C",
  deleted_at  timestamptz,
  purged      boolean NOT NULL DEFAULT false,
  PRIMARY KEY (tbl, row_id)
);
CREATE INDEX sync_row_deleted ON sync_row (deleted_at) WHERE deleted AND NOT purged;

CREATE TABLE sync_field (
  tbl     text NOT NULL,
  row_id  uuid NOT NULL,
  field   text NOT NULL,
  value   jsonb,
  hlc     text COLLATE "C" NOT NULL,
  node    text NOT NULL,
  user_id uuid,
  op_id   uuid,
  bucket  text NOT NULL,
  seq     bigint NOT NULL,
  PRIMARY KEY (tbl, row_id, field)
);
CREATE INDEX sync_field_bucket_seq ON sync_field (bucket, seq);

-- A row left a bucket at seq: clients of that bucket evict it.
CREATE TABLE sync_removal (
  bucket text NOT NULL,
  seq    bigint NOT NULL,
  tbl    text NOT NULL,
  row_id uuid NOT NULL
);
CREATE INDEX sync_removal_bucket_seq ON sync_removal (bucket, seq);

-- Idempotent batches: the stored response is returned byte for byte.
CREATE TABLE sync_push (
  client_id  uuid NOT NULL,
  batch_id   uuid NOT NULL,
  user_id    uuid,
  response   text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (client_id, batch_id)
);
CREATE INDEX sync_push_created ON sync_push (created_at);

-- Every bucket that holds rows, with its garbage-collection floor.
CREATE TABLE sync_bucket_gc (
  bucket   text PRIMARY KEY,
  brand_id uuid NOT NULL,
  kind     text NOT NULL,
  gc_floor bigint NOT NULL DEFAULT 0
);
CREATE INDEX sync_bucket_gc_brand ON sync_bucket_gc (brand_id);

CREATE TABLE device (
  client_id    uuid PRIMARY KEY,
  user_id      uuid NOT NULL,
  node         text UNIQUE,
  name         text,
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz
);

-- Changed searchable rows, for an external indexer (Elasticsearch).
CREATE TABLE search_outbox (
  id         bigserial PRIMARY KEY,
  tbl        text NOT NULL,
  row_id     uuid NOT NULL,
  seq        bigint NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Facts about the projection tables generated from the policy registry.
CREATE TABLE slv_schema_meta (
  key   text PRIMARY KEY,
  value text
);
