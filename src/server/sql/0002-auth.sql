-- selvedge-server schema, level 2: users, grants, refresh-token families.

CREATE TABLE auth_user (
  id                  uuid PRIMARY KEY,
  email               text NOT NULL,
  name                text,
  password_hash       text NOT NULL,
  disabled            boolean NOT NULL DEFAULT false,
  created_at          timestamptz NOT NULL DEFAULT now(),
  password_changed_at timestamptz
);
CREATE UNIQUE INDEX auth_user_email ON auth_user (lower(email));

CREATE TABLE auth_grant (
  user_id    uuid NOT NULL REFERENCES auth_user (id) ON DELETE CASCADE,
  role       text NOT NULL,
  scope      text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, role, scope)
);

-- One family per sign-in; rotation keeps the family, reuse revokes it.
CREATE TABLE auth_family (
  id             uuid PRIMARY KEY,
  user_id        uuid NOT NULL REFERENCES auth_user (id) ON DELETE CASCADE,
  client_id      uuid,
  created_at     timestamptz NOT NULL DEFAULT now(),
  revoked_at     timestamptz,
  revoked_reason text
);
CREATE INDEX auth_family_user ON auth_family (user_id);

CREATE TABLE auth_refresh (
  token_hash     text PRIMARY KEY,
  family         uuid NOT NULL REFERENCES auth_family (id) ON DELETE CASCADE,
  created_at     timestamptz NOT NULL DEFAULT now(),
  expires_at     timestamptz NOT NULL,
  rotated_at     timestamptz,
  successor_hash text
);
CREATE INDEX auth_refresh_family ON auth_refresh (family);
