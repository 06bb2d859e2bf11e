/* slv-server-auth.c: sign-in, token rotation, devices, and the check every
 * request passes (JWT, then user, family and grants from the database).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-server"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/slv-uuid.h"
#include "slv-server-crypto.h"
#include "slv-server-private.h"

void
slv_principal_free (SlvPrincipal *principal)
{
  if (principal == NULL)
    return;
  g_free (principal->user_id);
  g_free (principal->client_id);
  g_free (principal->family);
  for (guint i = 0; i < principal->n_grants; i++)
    g_free (principal->grants[i].scope);
  g_free (principal->grants);
  g_free (principal);
}

guint
slv_principal_roles_in (SlvPrincipal *principal,
                        const char   *bucket)
{
  return slv_sync_grants_roles_in_bucket (principal->grants, principal->n_grants, bucket);
}

static gboolean
unauthorized (SlvRequest *req,
              const char *code,
              const char *detail)
{
  g_autoptr(SlvSyncProblem) problem = slv_sync_problem_new (401, code, detail);

  slv_request_add_header (req, "WWW-Authenticate", "Bearer realm=\"selvedge\"");
  slv_request_reply_problem (req, problem);
  return FALSE;
}

static SlvPrincipal *
load_principal (SlvRequest    *req,
                SlvJwtClaims  *claims,
                GError       **error)
{
  const char *sql =
    "SELECT u.disabled, f.revoked_at IS NOT NULL OR ($2::uuid IS NOT NULL AND f.id IS NULL), "
    "       g.role, g.scope "
    "FROM auth_user u LEFT JOIN auth_family f ON f.id = $2::uuid "
    "LEFT JOIN auth_grant g ON g.user_id = u.id WHERE u.id = $1::uuid";
  const char *params[] = { claims->sub, claims->fam };
  g_autoptr(PGresult) res = slv_db_query_prepared (req->db, sql, 2, params, error);
  g_autoptr(SlvPrincipal) principal = NULL;
  int n;

  if (res == NULL)
    return NULL;
  n = PQntuples (res);
  if (n == 0 || slv_db_bool (res, 0, 0) || slv_db_bool (res, 0, 1))
    return NULL;
  principal = g_new0 (SlvPrincipal, 1);
  principal->user_id = g_strdup (claims->sub);
  principal->client_id = g_strdup (claims->sid);
  principal->family = g_strdup (claims->fam);
  principal->grants = g_new0 (SlvSyncGrant, n);
  for (int i = 0; i < n; i++)
    {
      SlvSyncRole role;

      if (slv_db_value (res, i, 2) == NULL || !slv_sync_role_from_string (slv_db_value (res, i, 2), &role))
        continue;
      principal->grants[principal->n_grants].role = role;
      principal->grants[principal->n_grants].scope = g_strdup (slv_db_value (res, i, 3));
      principal->n_grants++;
    }
  return g_steal_pointer (&principal);
}

gboolean
slv_request_authenticate (SlvRequest *req)
{
  const char *header = slv_request_header (req, "authorization");
  g_autoptr(SlvJwtClaims) claims = NULL;
  g_autoptr(GError) error = NULL;

  if (header == NULL || g_ascii_strncasecmp (header, "Bearer ", 7) != 0)
    return unauthorized (req, "unauthorized", "Sign in: this request needs an access token.");
  claims = slv_jwt_verify (req->server->jwt, header + 7, g_get_real_time () / G_USEC_PER_SEC, &error);
  if (claims == NULL)
    return unauthorized (req, g_error_matches (error, SLV_JWT_ERROR, SLV_JWT_ERROR_EXPIRED)
                              ? "token_expired" : "unauthorized", error->message);
  if (claims->fam != NULL && !slv_uuid_is_valid (claims->fam))
    return unauthorized (req, "unauthorized", "The access token is not valid.");
  req->principal = load_principal (req, claims, &error);
  if (req->principal == NULL && error != NULL)
    {
      slv_request_fail_internal (req, error);
      return FALSE;
    }
  if (req->principal == NULL)
    return unauthorized (req, "unauthorized",
                         "This account or sign-in is no longer active; sign in again.");
  return TRUE;
}

static char *
grants_json (SlvPrincipal *principal)
{
  GString *out = g_string_new ("[");

  for (guint i = 0; principal != NULL && i < principal->n_grants; i++)
    {
      g_string_append (out, i ? ",{\"role\":" : "{\"role\":");
      slv_json_append_string (out, slv_sync_role_to_string (principal->grants[i].role));
      g_string_append (out, ",\"scope\":");
      slv_json_append_string (out, principal->grants[i].scope);
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, ']');
  return g_string_free (out, FALSE);
}

static char *
roles_hint (SlvPrincipal *principal)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < principal->n_grants; i++)
    g_string_append_printf (out, "%s%s=%s", i ? " " : "",
                            slv_sync_role_to_string (principal->grants[i].role), principal->grants[i].scope);
  return g_string_free (out, FALSE);
}

/* {"access_token", …} for a user whose grants are in @principal. */
static void
reply_tokens (SlvRequest   *req,
              SlvPrincipal *principal,
              const char   *refresh,
              const char   *email,
              const char   *name)
{
  SlvServerConfig *config = req->server->config;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autofree char *jti = slv_uuid_v7_new ();
  g_autofree char *roles = roles_hint (principal);
  g_autofree char *grants = grants_json (principal);
  g_autofree char *server_time = slv_server_now_iso ();
  SlvJwtClaims claims = { principal->user_id, principal->client_id, principal->family, jti, roles,
                          now, now + config->access_ttl_s };
  g_autofree char *access = slv_jwt_sign (req->server->jwt, &claims);
  GString *out = g_string_new ("{\"access_token\":");

  slv_json_append_string (out, access);
  g_string_append_printf (out, ",\"token_type\":\"Bearer\",\"expires_in\":%" G_GINT64_FORMAT
                          ",\"refresh_token\":", config->access_ttl_s);
  slv_json_append_string (out, refresh);
  g_string_append (out, ",\"user\":{\"id\":");
  slv_json_append_string (out, principal->user_id);
  g_string_append (out, ",\"email\":");
  slv_json_append_string (out, email);
  g_string_append (out, ",\"name\":");
  slv_json_append_string (out, name);
  g_string_append_printf (out, "},\"grants\":%s,\"server_time\":", grants);
  slv_json_append_string (out, server_time);
  g_string_append_c (out, '}');
  slv_request_reply_json (req, 200, g_string_free (out, FALSE));
}

/* The principal for a user id with a family, grants read now. */
static SlvPrincipal *
principal_for (SlvRequest  *req,
               const char  *user_id,
               const char  *client_id,
               const char  *family,
               GError     **error)
{
  SlvJwtClaims claims = { (char *) user_id, (char *) client_id, (char *) family, NULL, NULL, 0, 0 };

  return load_principal (req, &claims, error);
}

static gboolean
verify_password (SlvRequest *req,
                 const char *hash,
                 const char *password)
{
  gpointer slot = g_async_queue_pop (req->server->pwhash_slots);
  gboolean ok;

  if (hash != NULL)
    ok = slv_password_verify (hash, password);
  else
    {
      slv_password_verify_dummy (password);
      ok = FALSE;
    }
  g_async_queue_push (req->server->pwhash_slots, slot);
  return ok;
}

static char *
start_family (SlvRequest  *req,
              const char  *user_id,
              const char  *client_id,
              char       **family_out,
              GError     **error)
{
  g_autofree char *family = slv_uuid_v7_new ();
  g_autofree char *token = slv_token_new ();
  g_autofree char *hash = slv_token_hash (token);
  g_autofree char *ttl = g_strdup_printf ("%" G_GINT64_FORMAT, req->server->config->refresh_ttl_s);
  const char *fam_params[] = { family, user_id, client_id };
  const char *tok_params[] = { hash, family, ttl };

  if (!slv_db_exec (req->db, "INSERT INTO auth_family (id, user_id, client_id) VALUES ($1, $2, $3)",
                    3, fam_params, error) ||
      !slv_db_exec (req->db, "INSERT INTO auth_refresh (token_hash, family, expires_at) "
                    "VALUES ($1, $2, now () + make_interval (secs => $3::int))", 3, tok_params, error))
    return NULL;
  *family_out = g_steal_pointer (&family);
  return g_steal_pointer (&token);
}

static void
remember_device (SlvRequest *req,
                 const char *client_id,
                 const char *user_id,
                 const char *name)
{
  const char *params[] = { client_id, user_id, name };

  (void) slv_db_exec (req->db,
                      "INSERT INTO device (client_id, user_id, name, last_seen_at) VALUES ($1, $2, $3, now ()) "
                      "ON CONFLICT (client_id) DO UPDATE SET name = COALESCE (EXCLUDED.name, device.name), "
                      "last_seen_at = now () WHERE device.user_id = EXCLUDED.user_id", 3, params, NULL);
}

void
slv_handle_login (SlvRequest *req)
{
  g_autoptr(JsonNode) holder = NULL;
  JsonObject *body = slv_request_json_object (req, &holder);
  JsonObject *device = NULL;
  const char *email, *password, *client_id = NULL, *device_name = NULL;
  const char *params[1];
  g_autoptr(PGresult) res = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvPrincipal) principal = NULL;
  g_autofree char *family = NULL;
  g_autofree char *refresh = NULL;

  if (body == NULL)
    return;
  if ((email = slv_json_get_string (body, "email", "Sign-in", &error)) == NULL ||
      (password = slv_json_get_string (body, "password", "Sign-in", &error)) == NULL)
    {
      slv_request_fail (req, "bad_request", "%s", error->message);
      return;
    }
  if (json_object_has_member (body, "device") &&
      ((device = slv_json_get_object (body, "device", "Sign-in", &error)) == NULL ||
       !slv_json_get_string_opt (device, "client_id", "Device", &client_id, &error) ||
       !slv_json_get_string_opt (device, "name", "Device", &device_name, &error) ||
       (client_id != NULL && !slv_sync_check_uuid (client_id, "Device", "client_id", &error))))
    {
      slv_request_fail (req, "bad_request", "%s", error->message);
      return;
    }

  params[0] = email;
  res = slv_db_query (req->db, "SELECT id, password_hash, disabled, email, name FROM auth_user "
                      "WHERE lower (email) = lower ($1)", 1, params, &error);
  if (res == NULL)
    {
      slv_request_fail_internal (req, error);
      return;
    }
  if (!verify_password (req, slv_db_value (res, 0, 1), password) || slv_db_bool (res, 0, 2))
    {
      unauthorized (req, "unauthorized", "The email or password is wrong.");
      return;
    }
  if (!slv_db_run (req->db, "BEGIN", &error) ||
      (refresh = start_family (req, slv_db_value (res, 0, 0), client_id, &family, &error)) == NULL ||
      (principal = principal_for (req, slv_db_value (res, 0, 0), client_id, family, &error)) == NULL ||
      !slv_db_run (req->db, "COMMIT", &error))
    {
      slv_request_fail_internal (req, error);
      return;
    }
  if (client_id != NULL)
    remember_device (req, client_id, principal->user_id, device_name);
  reply_tokens (req, principal, refresh, slv_db_value (res, 0, 3), slv_db_value (res, 0, 4));
}

/* The successor of a refresh token is derived from it with a server key, so
 * a lost response can be answered again without storing tokens in clear. */
static char *
successor_of (SlvRequest *req,
              const char *token)
{
  guint8 tag[32];

  slv_hmac_sha256 (req->server->refresh_key, sizeof req->server->refresh_key,
                   (const guint8 *) token, strlen (token), tag);
  return slv_base64url_encode (tag, sizeof tag);
}

static gboolean
refresh_invalid (SlvRequest *req,
                 const char *detail)
{
  slv_db_rollback (req->db);
  return unauthorized (req, "refresh_invalid", detail);
}

static gboolean
rotate (SlvRequest  *req,
        const char  *hash,
        const char  *family,
        const char  *successor,
        GError     **error)
{
  g_autofree char *next_hash = slv_token_hash (successor);
  g_autofree char *ttl = g_strdup_printf ("%" G_GINT64_FORMAT, req->server->config->refresh_ttl_s);
  const char *insert[] = { next_hash, family, ttl };
  const char *update[] = { hash, next_hash };

  return slv_db_exec (req->db, "INSERT INTO auth_refresh (token_hash, family, expires_at) "
                      "VALUES ($1, $2, now () + make_interval (secs => $3::int))", 3, insert, error) &&
         slv_db_exec (req->db, "UPDATE auth_refresh SET rotated_at = now (), successor_hash = $2 "
                      "WHERE token_hash = $1", 2, update, error);
}

/* A rotated token presented again: the same pair within the grace period
 * when the successor is still unused, else the whole family is revoked. */
static gboolean
within_grace (SlvRequest *req,
              PGresult   *row,
              const char *successor)
{
  g_autofree char *successor_hash = slv_token_hash (successor);
  const char *params[] = { slv_db_value (row, 0, 4) };
  g_autoptr(PGresult) next = NULL;
  double age = g_ascii_strtod (slv_db_value (row, 0, 3) ? slv_db_value (row, 0, 3) : "1e9", NULL);

  if (age > req->server->config->refresh_grace_s || params[0] == NULL ||
      strcmp (params[0], successor_hash) != 0)
    return FALSE;
  next = slv_db_query (req->db, "SELECT rotated_at IS NULL FROM auth_refresh WHERE token_hash = $1",
                       1, params, NULL);
  return next != NULL && slv_db_bool (next, 0, 0);
}

void
slv_handle_refresh (SlvRequest *req)
{
  const char *sql =
    "SELECT r.family, r.expires_at < now () OR f.revoked_at IS NOT NULL OR u.disabled, "
    "       r.rotated_at IS NOT NULL, extract (epoch FROM now () - r.rotated_at), r.successor_hash, "
    "       f.user_id, f.client_id, u.email, u.name "
    "FROM auth_refresh r JOIN auth_family f ON f.id = r.family JOIN auth_user u ON u.id = f.user_id "
    "WHERE r.token_hash = $1 FOR UPDATE OF r";
  g_autoptr(JsonNode) holder = NULL;
  JsonObject *body = slv_request_json_object (req, &holder);
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) row = NULL;
  g_autoptr(SlvPrincipal) principal = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *successor = NULL;
  const char *token, *params[1];

  if (body == NULL)
    return;
  if ((token = slv_json_get_string (body, "refresh_token", "Refresh", &error)) == NULL)
    {
      slv_request_fail (req, "bad_request", "%s", error->message);
      return;
    }
  hash = slv_token_hash (token);
  params[0] = hash;
  if (!slv_db_run (req->db, "BEGIN", &error) ||
      (row = slv_db_query (req->db, sql, 1, params, &error)) == NULL)
    {
      slv_request_fail_internal (req, error);
      return;
    }
  if (PQntuples (row) == 0 || slv_db_bool (row, 0, 1))
    {
      refresh_invalid (req, "This sign-in has expired or was revoked; sign in again.");
      return;
    }
  successor = successor_of (req, token);
  if (slv_db_bool (row, 0, 2) && !within_grace (req, row, successor))
    {
      const char *fam[] = { slv_db_value (row, 0, 0) };

      if (!slv_db_exec (req->db, "UPDATE auth_family SET revoked_at = now (), "
                        "revoked_reason = 'refresh token reused' WHERE id = $1", 1, fam, &error) ||
          !slv_db_run (req->db, "COMMIT", &error))
        {
          slv_request_fail_internal (req, error);
          return;
        }
      slv_log_event ("warning", "refresh token reused; family revoked", "family", fam[0], NULL);
      unauthorized (req, "refresh_invalid",
                    "This sign-in was revoked because an old refresh token was used again; sign in again.");
      return;
    }
  if ((!slv_db_bool (row, 0, 2) && !rotate (req, hash, slv_db_value (row, 0, 0), successor, &error)) ||
      (principal = principal_for (req, slv_db_value (row, 0, 5), slv_db_value (row, 0, 6),
                                  slv_db_value (row, 0, 0), &error)) == NULL ||
      !slv_db_run (req->db, "COMMIT", &error))
    {
      if (error == NULL)
        {
          (void) refresh_invalid (req, "This account is no longer active.");
          return;
        }
      slv_request_fail_internal (req, error);
      return;
    }
  reply_tokens (req, principal, successor, slv_db_value (row, 0, 7), slv_db_value (row, 0, 8));
}

void
slv_handle_logout (SlvRequest *req)
{
  g_autoptr(JsonNode) holder = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = NULL;
  const char *token = NULL, *params[1];
  JsonObject *body = slv_request_json_object (req, &holder);

  if (body == NULL)
    return;
  if (!slv_json_get_string_opt (body, "refresh_token", "Sign-out", &token, &error) || token == NULL)
    {
      slv_request_fail (req, "bad_request", "Sign-out needs the “refresh_token” to revoke.");
      return;
    }
  hash = slv_token_hash (token);
  params[0] = hash;
  if (!slv_db_exec (req->db, "UPDATE auth_family SET revoked_at = now (), revoked_reason = 'signed out' "
                    "WHERE id = (SELECT family FROM auth_refresh WHERE token_hash = $1) AND revoked_at IS NULL",
                    1, params, &error))
    {
      slv_request_fail_internal (req, error);
      return;
    }
  {
    g_autofree char *now = slv_server_now_iso ();

    slv_request_reply_json (req, 200, g_strdup_printf ("{\"signed_out\":true,\"server_time\":\"%s\"}", now));
  }
}

gboolean
slv_device_check (SlvRequest *req,
                  const char *client_id,
                  const char *node,
                  const char *name)
{
  const char *params[] = { client_id, req->principal->user_id, node, name };
  g_autoptr(PGresult) res = NULL;
  g_autoptr(GError) error = NULL;

  res = slv_db_query_prepared (req->db, "SELECT user_id = $2::uuid, node IS NOT DISTINCT FROM $3 "
                      "FROM device WHERE client_id = $1", 3, params, &error);
  if (res == NULL)
    return slv_request_fail_internal (req, error), FALSE;
  if (PQntuples (res) == 1 && !slv_db_bool (res, 0, 0))
    return slv_request_fail (req, "forbidden", "This device is registered to another user."), FALSE;
  if (PQntuples (res) == 1 && slv_db_bool (res, 0, 1) && name == NULL)
    return TRUE;
  g_clear_pointer (&res, PQclear);
  res = slv_db_query (req->db,
                      "INSERT INTO device (client_id, user_id, node, name, last_seen_at) "
                      "VALUES ($1, $2, $3, $4, now ()) ON CONFLICT (client_id) DO UPDATE SET "
                      "node = EXCLUDED.node, name = COALESCE (EXCLUDED.name, device.name), last_seen_at = now () "
                      "WHERE device.user_id = EXCLUDED.user_id RETURNING 1", 4, params, &error);
  if (res == NULL && g_error_matches (error, SLV_DB_ERROR, SLV_DB_ERROR_UNIQUE))
    return slv_request_fail (req, "node_conflict",
                             "Node %s is already used by another device; take a new node.", node), FALSE;
  if (res == NULL)
    return slv_request_fail_internal (req, error), FALSE;
  if (PQntuples (res) == 0)
    return slv_request_fail (req, "forbidden", "This device is registered to another user."), FALSE;
  return TRUE;
}

void
slv_handle_devices (SlvRequest *req)
{
  g_autoptr(JsonNode) holder = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *body = slv_request_json_object (req, &holder);
  const char *client_id, *node, *name = NULL;
  guint64 node_value;
  GString *out;
  g_autofree char *now = NULL;

  if (body == NULL)
    return;
  if ((client_id = slv_json_get_string (body, "client_id", "Device", &error)) == NULL ||
      !slv_sync_check_uuid (client_id, "Device", "client_id", &error) ||
      (node = slv_json_get_string (body, "node", "Device", &error)) == NULL ||
      !slv_json_get_string_opt (body, "name", "Device", &name, &error))
    {
      slv_request_fail (req, "bad_request", "%s", error->message);
      return;
    }
  if (!slv_hlc_parse_node (node, &node_value))
    {
      slv_request_fail (req, "bad_request", "Device: “node” must be 16 lower-case hex digits.");
      return;
    }
  if (!slv_device_check (req, client_id, node, name ? name : ""))
    return;
  now = slv_server_now_iso ();
  out = g_string_new ("{\"client_id\":");
  slv_json_append_string (out, client_id);
  g_string_append (out, ",\"node\":");
  slv_json_append_string (out, node);
  g_string_append (out, ",\"server_time\":");
  slv_json_append_string (out, now);
  g_string_append_c (out, '}');
  slv_request_reply_json (req, 200, g_string_free (out, FALSE));
}

static int
compare_strings (const void *a,
                 const void *b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

char **
slv_principal_readable_buckets (SlvRequest  *req,
                                GError     **error)
{
  g_autoptr(GHashTable) set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) brands = g_string_new ("{");
  SlvPrincipal *p = req->principal;
  guint n = 0;
  char **list;

  for (guint i = 0; i < p->n_grants; i++)
    {
      SlvSyncBucketKind kind;
      g_autofree char *brand = NULL;

      if (!slv_sync_bucket_parse (p->grants[i].scope, &kind, &brand, NULL))
        continue;
      g_hash_table_add (set, g_strdup (p->grants[i].scope));
      if (kind == SLV_SYNC_BUCKET_BRAND &&
          (p->grants[i].role == SLV_SYNC_ROLE_ADMIN || p->grants[i].role == SLV_SYNC_ROLE_MERCHANDISER))
        {
          g_hash_table_add (set, slv_sync_bucket_for_costing (brand));
          g_string_append_printf (brands, "%s%s", brands->len > 1 ? "," : "", brand);
        }
    }
  g_string_append_c (brands, '}');
  if (brands->len > 2)
    {
      const char *params[] = { brands->str };
      g_autoptr(PGresult) res = slv_db_query (req->db, "SELECT bucket FROM sync_bucket_gc "
                                              "WHERE kind = 'supplier' AND brand_id = ANY ($1::uuid[])",
                                              1, params, error);

      if (res == NULL)
        return NULL;
      for (int i = 0; i < PQntuples (res); i++)
        g_hash_table_add (set, g_strdup (slv_db_value (res, i, 0)));
    }
  list = (char **) g_hash_table_get_keys_as_array (set, &n);
  g_hash_table_steal_all (set);
  qsort (list, n, sizeof (char *), compare_strings);
  return list;
}
