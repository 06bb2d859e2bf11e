-- selvedge-server schema, level 3: content-addressed blobs and uploads.

-- Files the server has hashed and stored; the only source for blobs/check.
CREATE TABLE blob_file (
  sha256     text PRIMARY KEY,
  size       bigint NOT NULL,
  mime       text,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE blob_uploader (
  sha256  text NOT NULL,
  user_id uuid NOT NULL,
  PRIMARY KEY (sha256, user_id)
);

-- The blob each blob-valued field currently references.
CREATE TABLE blob_ref (
  tbl    text NOT NULL,
  row_id uuid NOT NULL,
  field  text NOT NULL,
  sha256 text NOT NULL,
  PRIMARY KEY (tbl, row_id, field)
);
CREATE INDEX blob_ref_sha256 ON blob_ref (sha256);

CREATE TABLE upload (
  id         uuid PRIMARY KEY,
  user_id    uuid NOT NULL,
  sha256     text NOT NULL,
  size       bigint NOT NULL,
  mime       text,
  "offset"   bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX upload_user_sha256 ON upload (user_id, sha256);
