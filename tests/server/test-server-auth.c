/* test-server-auth.c: sign-in, tokens, devices, limits and bad input
 * (protocol invariant 13 and the security cases).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "core/slv-uuid.h"
#include "slv-server-test-env.h"

static char *brand;
static char *admin_email;

static void
assert_problem (SlvTestClient *c,
                guint          status,
                const char    *code)
{
  g_autofree char *got = slv_test_client_problem (c);

  if (c->status != status || g_strcmp0 (got, code) != 0)
    g_error ("expected %u %s, got %u: %s", status, code, c->status, slv_test_client_text (c));
}

static guint
pull_status (SlvTestClient *c,
             const char    *token)
{
  return slv_test_client_send (c, "GET", "/v1/sync/pull", NULL, NULL, token, NULL);
}

static void
test_login (void)
{
  g_autoptr(SlvTestClient) c = NULL;
  g_autoptr(JsonNode) bad = NULL;

  SLV_REQUIRE_SERVER ();
  c = slv_env_client (admin_email);
  g_assert_nonnull (c->access_token);
  g_assert_nonnull (c->refresh_token);
  g_assert_cmpuint (pull_status (c, NULL), ==, 200);

  bad = slv_test_client_call (c, "POST", "/v1/auth/login",
                              "{\"email\":\"nobody@example.org\",\"password\":\"whatever1\"}");
  assert_problem (c, 401, "unauthorized");
  {
    g_autofree char *json = g_strdup_printf ("{\"email\":\"%s\",\"password\":\"wrong password\"}", admin_email);
    g_autoptr(JsonNode) wrong = slv_test_client_call (c, "POST", "/v1/auth/login", json);

    assert_problem (c, 401, "unauthorized");
  }
  {
    g_autoptr(JsonNode) malformed = slv_test_client_call (c, "POST", "/v1/auth/login", "{\"email\":");

    assert_problem (c, 400, "bad_request");
  }
  {
    g_autoptr(JsonNode) missing = slv_test_client_call (c, "POST", "/v1/auth/login", "{\"email\":42}");

    assert_problem (c, 400, "bad_request");
  }
}

static char *
forge (const char *header,
       const char *payload,
       const char *signature)
{
  g_autofree char *h = slv_base64url_encode ((const guint8 *) header, strlen (header));
  g_autofree char *p = slv_base64url_encode ((const guint8 *) payload, strlen (payload));

  return g_strconcat (h, ".", p, ".", signature, NULL);
}

static char *
sign_for (SlvJwtKeys *keys,
          const char *user_id,
          gint64      iat,
          gint64      exp)
{
  SlvJwtClaims claims = { (char *) user_id, NULL, NULL, (char *) "jti", NULL, iat, exp };

  return slv_jwt_sign (keys, &claims);
}

static void
test_jwt (void)
{
  g_autoptr(SlvTestClient) c = NULL;
  g_autoptr(SlvJwtKeys) right = NULL;
  g_autoptr(SlvJwtKeys) wrong = NULL;
  g_autoptr(SlvJwtKeys) hs = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autofree char *good = NULL;
  g_autofree char *other_key = NULL;
  g_autofree char *expired = NULL;
  g_autofree char *hs256 = NULL;
  g_autofree char *none = NULL;
  g_autofree char *payload = NULL;

  SLV_REQUIRE_SERVER ();
  c = slv_env_client (admin_email);
  right = slv_env_jwt_keys (SLV_JWT_EDDSA, TRUE);
  wrong = slv_env_jwt_keys (SLV_JWT_EDDSA, FALSE);
  hs = slv_env_jwt_keys (SLV_JWT_HS256, TRUE);

  /* a token signed like the server's is accepted, so the refusals below are
   * about the flaw each one carries */
  good = sign_for (right, c->user_id, now, now + 600);
  g_assert_cmpuint (pull_status (c, good), ==, 200);

  other_key = sign_for (wrong, c->user_id, now, now + 600);
  pull_status (c, other_key);
  assert_problem (c, 401, "unauthorized");

  expired = sign_for (right, c->user_id, now - 7200, now - 3600);
  pull_status (c, expired);
  assert_problem (c, 401, "token_expired");

  /* within the 60 s leeway it still passes */
  g_free (expired);
  expired = sign_for (right, c->user_id, now - 600, now - 30);
  g_assert_cmpuint (pull_status (c, expired), ==, 200);

  hs256 = sign_for (hs, c->user_id, now, now + 600);
  pull_status (c, hs256);
  assert_problem (c, 401, "unauthorized");

  payload = g_strdup_printf ("{\"iss\":\"selvedge\",\"aud\":\"selvedge-sync\",\"sub\":\"%s\",\"iat\":%" G_GINT64_FORMAT
                             ",\"exp\":%" G_GINT64_FORMAT "}", c->user_id, now, now + 600);
  none = forge ("{\"alg\":\"none\",\"typ\":\"JWT\"}", payload, "");
  pull_status (c, none);
  assert_problem (c, 401, "unauthorized");

  /* tampered payload: another subject under the original signature */
  {
    g_auto(GStrv) parts = g_strsplit (good, ".", 3);
    g_autofree char *other = g_strdup_printf ("{\"iss\":\"selvedge\",\"aud\":\"selvedge-sync\",\"sub\":\"%s\",\"iat\":%"
                                              G_GINT64_FORMAT ",\"exp\":%" G_GINT64_FORMAT "}",
                                              "01900000-0000-7000-8000-000000000001", now, now + 600);
    g_autofree char *p64 = slv_base64url_encode ((const guint8 *) other, strlen (other));
    g_autofree char *tampered = g_strconcat (parts[0], ".", p64, ".", parts[2], NULL);

    pull_status (c, tampered);
    assert_problem (c, 401, "unauthorized");
  }
  /* wrong audience, signed correctly */
  {
    g_autofree char *aud = forge ("{\"alg\":\"EdDSA\",\"typ\":\"JWT\"}",
                                  "{\"iss\":\"selvedge\",\"aud\":\"other\",\"sub\":\"x\"}", "AAAA");

    pull_status (c, aud);
    assert_problem (c, 401, "unauthorized");
  }
  pull_status (c, "");
  assert_problem (c, 401, "unauthorized");
  pull_status (c, "garbage");
  assert_problem (c, 401, "unauthorized");
  pull_status (c, "a.b.c.d");
  assert_problem (c, 401, "unauthorized");
}

static void
test_refresh_rotation (void)
{
  g_autoptr(SlvTestClient) c = NULL;
  g_autofree char *rt0 = NULL;
  g_autofree char *rt1 = NULL;
  g_autofree char *at2 = NULL;

  SLV_REQUIRE_SERVER ();
  c = slv_env_client (admin_email);
  rt0 = g_strdup (c->refresh_token);
  g_assert_cmpuint (slv_test_client_refresh (c), ==, 200);
  rt1 = g_strdup (c->refresh_token);
  g_assert_cmpstr (rt0, !=, rt1);

  /* the response was lost: the old token within the grace period gets the
   * same new refresh token, not a revocation */
  g_free (c->refresh_token);
  c->refresh_token = g_strdup (rt0);
  g_assert_cmpuint (slv_test_client_refresh (c), ==, 200);
  g_assert_cmpstr (c->refresh_token, ==, rt1);

  /* the successor is used; presenting the rotated token again is reuse */
  g_assert_cmpuint (slv_test_client_refresh (c), ==, 200);
  at2 = g_strdup (c->access_token);
  g_assert_cmpuint (pull_status (c, at2), ==, 200);
  g_free (c->refresh_token);
  c->refresh_token = g_strdup (rt0);
  slv_test_client_refresh (c);
  assert_problem (c, 401, "refresh_invalid");

  /* the whole family is revoked: the newest tokens stop working too */
  g_free (c->refresh_token);
  c->refresh_token = g_strdup (rt1);
  slv_test_client_refresh (c);
  assert_problem (c, 401, "refresh_invalid");
  pull_status (c, at2);
  assert_problem (c, 401, "unauthorized");
  g_assert_cmpint (slv_test_db_count (slv_env.db, "SELECT count (*) FROM auth_family WHERE revoked_reason = "
                                      "'refresh token reused'", NULL), >=, 1);

  /* an expired sign-in asks for the password again */
  {
    g_autoptr(SlvTestClient) old = slv_env_client (admin_email);
    g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, old->refresh_token, -1);

    g_assert_cmpint (slv_test_db_count (slv_env.db, "WITH u AS (UPDATE auth_refresh SET expires_at = now () - "
                                        "interval '1 day' WHERE token_hash = $1 RETURNING 1) SELECT count (*) FROM u",
                                        hash, NULL), ==, 1);
    slv_test_client_refresh (old);
    assert_problem (old, 401, "refresh_invalid");
  }

  /* a token never issued */
  g_free (c->refresh_token);
  c->refresh_token = g_strdup ("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
  slv_test_client_refresh (c);
  assert_problem (c, 401, "refresh_invalid");
}

static void
test_logout (void)
{
  g_autoptr(SlvTestClient) c = NULL;
  g_autofree char *json = NULL;
  g_autoptr(JsonNode) out = NULL;

  SLV_REQUIRE_SERVER ();
  c = slv_env_client (admin_email);
  json = g_strdup_printf ("{\"refresh_token\":\"%s\"}", c->refresh_token);
  out = slv_test_client_call (c, "POST", "/v1/auth/logout", json);
  g_assert_cmpuint (c->status, ==, 200);
  slv_test_client_refresh (c);
  assert_problem (c, 401, "refresh_invalid");
  pull_status (c, NULL);
  assert_problem (c, 401, "unauthorized");
}

static void
test_passwd (void)
{
  g_autofree char *email = NULL;
  g_autoptr(SlvTestClient) c = NULL;
  g_autofree char *out = NULL;

  SLV_REQUIRE_SERVER ();
  email = slv_env_user ("viewer", brand);
  c = slv_env_client (email);
  out = slv_test_server_admin (slv_env.server, "a brand new password\n", TRUE, "passwd", "--email", email, NULL);
  g_assert_nonnull (strstr (out, "1 sign-in"));
  pull_status (c, NULL);
  assert_problem (c, 401, "unauthorized");
  {
    g_autofree char *json = g_strdup_printf ("{\"email\":\"%s\",\"password\":\"a brand new password\"}", email);
    g_autoptr(JsonNode) ok = slv_test_client_call (c, "POST", "/v1/auth/login", json);

    g_assert_cmpuint (c->status, ==, 200);
  }
  g_free (slv_test_server_admin (slv_env.server, "short\n", FALSE, "passwd", "--email", email, NULL));
  g_free (slv_test_server_admin (slv_env.server, "long enough pw\n", FALSE, "passwd", "--email", "no@one.org", NULL));
}

static void
test_devices (void)
{
  g_autoptr(SlvTestClient) a = NULL;
  g_autoptr(SlvTestClient) b = NULL;
  g_autofree char *other = NULL;
  g_autofree char *json = NULL;
  g_autoptr(JsonNode) r1 = NULL;

  SLV_REQUIRE_SERVER ();
  a = slv_env_client (admin_email);
  json = g_strdup_printf ("{\"client_id\":\"%s\",\"node\":\"%s\",\"name\":\"Studio Mac\"}", a->client_id, a->node);
  r1 = slv_test_client_call (a, "POST", "/v1/devices", json);
  g_assert_cmpuint (a->status, ==, 200);
  g_clear_pointer (&r1, json_node_unref);
  r1 = slv_test_client_call (a, "POST", "/v1/devices", json);   /* idempotent */
  g_assert_cmpuint (a->status, ==, 200);

  /* another device may not take this node */
  other = slv_uuid_v7_new ();
  g_free (json);
  json = g_strdup_printf ("{\"client_id\":\"%s\",\"node\":\"%s\"}", other, a->node);
  g_clear_pointer (&r1, json_node_unref);
  r1 = slv_test_client_call (a, "POST", "/v1/devices", json);
  assert_problem (a, 409, "node_conflict");

  /* another user may not claim this device */
  {
    g_autofree char *email = slv_env_user ("viewer", brand);

    b = slv_env_client (email);
  }
  g_free (json);
  json = g_strdup_printf ("{\"client_id\":\"%s\",\"node\":\"0123456789abcdef\"}", a->client_id);
  g_clear_pointer (&r1, json_node_unref);
  r1 = slv_test_client_call (b, "POST", "/v1/devices", json);
  assert_problem (b, 403, "forbidden");

  g_clear_pointer (&r1, json_node_unref);
  r1 = slv_test_client_call (a, "POST", "/v1/devices", "{\"client_id\":\"x\",\"node\":\"y\"}");
  assert_problem (a, 400, "bad_request");
}

static GBytes *
filled (gsize       len,
        const char *prefix)
{
  guint8 *data = g_malloc (len);

  memset (data, 'x', len);
  memcpy (data, prefix, MIN (strlen (prefix), len));
  return g_bytes_new_take (data, len);
}

static void
send_chunked (SlvTestClient *c,
              const char    *path,
              GBytes        *body)
{
  g_autofree char *uri = g_strconcat (c->url, path + 1, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", uri);
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (body);
  g_autofree char *auth = g_strconcat ("Bearer ", c->access_token, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) reply = NULL;

  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
  soup_message_set_request_body (msg, "application/json", stream, -1);
  reply = soup_session_send_and_read (c->session, msg, NULL, &error);
  /* the server may answer before reading everything and close */
  if (error == NULL)
    g_assert_cmpuint (soup_message_get_status (msg), ==, 413);
}

static void
test_limits (void)
{
  g_autoptr(SlvTestClient) c = NULL;
  const char *json_paths[] = { "/v1/sync/push", "/v1/devices", "/v1/blobs/check", "/v1/uploads", "/v1/auth/login",
                               "/v1/auth/refresh", "/v1/auth/logout" };
  const char *bad_bodies[] = { "", "{", "[]", "null", "{\"ops\":[{]}", "\xff\xfe\xfd", "{\"a\":\"\\ud800\"}" };

  SLV_REQUIRE_SERVER ();
  c = slv_env_client (admin_email);

  {
    g_autoptr(GBytes) big = filled (SLV_SYNC_MAX_BATCH_BYTES + 1, "{\"client_id\":\"");

    slv_test_client_send (c, "POST", "/v1/sync/push", NULL, big, NULL, NULL);
    assert_problem (c, 413, "payload_too_large");
  }
  {
    g_autoptr(GBytes) big = filled (300 * 1024, "{\"email\":\"");

    slv_test_client_send (c, "POST", "/v1/auth/login", NULL, big, NULL, NULL);
    assert_problem (c, 413, "payload_too_large");
  }
  {
    g_autoptr(GBytes) big = filled (SLV_SYNC_MAX_BATCH_BYTES + 4096, "[");

    send_chunked (c, "/v1/sync/push", big);
  }
  /* 1,001 ops is one too many even when small */
  {
    g_autoptr(SlvSyncPushRequest) batch = slv_test_client_batch (c);
    g_autofree char *hlc = slv_test_client_tick (c);
    g_autofree char *json = NULL;
    g_autoptr(GBytes) body = NULL;

    for (int i = 0; i <= SLV_SYNC_MAX_BATCH_OPS; i++)
      slv_test_batch_op (batch, "style", brand + 6, "name", "\"x\"", hlc, NULL);
    json = slv_sync_push_request_to_json (batch);
    body = g_bytes_new (json, strlen (json));
    slv_test_client_send (c, "POST", "/v1/sync/push", NULL, body, NULL, NULL);
    assert_problem (c, 413, "payload_too_large");
  }
  for (guint i = 0; i < G_N_ELEMENTS (json_paths); i++)
    for (guint j = 0; j < G_N_ELEMENTS (bad_bodies); j++)
      {
        g_autoptr(GBytes) body = g_bytes_new (bad_bodies[j], strlen (bad_bodies[j]));

        slv_test_client_send (c, "POST", json_paths[i], NULL, body, NULL, NULL);
        if (c->status != 400 && c->status != 401)
          g_error ("%s with body “%s”: %u", json_paths[i], bad_bodies[j], c->status);
        g_free (slv_test_client_problem (c));
      }
  slv_test_client_send (c, "GET", "/v1/nothing/here", NULL, NULL, NULL, NULL);
  assert_problem (c, 404, "not_found");
  slv_test_client_send (c, "GET", "/v1/auth/login", NULL, NULL, NULL, NULL);
  assert_problem (c, 405, "method_not_allowed");
  /* still alive */
  g_assert_cmpuint (slv_test_client_send (c, "GET", "/v1/health", NULL, NULL, "", NULL), ==, 200);
}

static void
test_schema (void)
{
  g_autoptr(SlvTestClient) c = NULL;
  const char *old[] = { "Selvedge-Schema", "0", NULL };
  g_autoptr(JsonNode) health = NULL;
  JsonObject *o;

  SLV_REQUIRE_SERVER ();
  c = slv_env_client (admin_email);
  slv_test_client_send (c, "GET", "/v1/sync/pull", NULL, NULL, NULL, old);
  assert_problem (c, 426, "upgrade_required");
  health = slv_test_client_call (c, "GET", "/v1/health", NULL);
  g_assert_cmpuint (c->status, ==, 200);
  o = json_node_get_object (health);
  g_assert_cmpint (json_object_get_int_member (o, "min_schema"), ==, SLV_SYNC_SCHEMA_MIN);
  g_assert_cmpint (json_object_get_int_member (o, "max_schema"), ==, SLV_SYNC_SCHEMA_MAX);
  g_assert_nonnull (json_object_get_string_member (o, "server_time"));
  g_assert_nonnull (soup_message_headers_get_one (c->headers, "Selvedge-Server-Time"));

  /* migrate again on a current database: nothing changes, and it says so. */
  {
    gint64 level = json_object_get_int_member (o, "database_level");
    g_autofree char *again = slv_test_server_admin (slv_env.server, NULL, TRUE, "migrate", NULL);
    g_autoptr(JsonNode) after = NULL;

    g_test_message ("migrate, again: %s", again);
    g_assert_cmpint (level, >, 0);
    after = slv_test_client_call (c, "GET", "/v1/health", NULL);
    g_assert_cmpuint (c->status, ==, 200);
    g_assert_cmpint (json_object_get_int_member (json_node_get_object (after), "database_level"), ==, level);
  }
}

static void
test_rate_limit (void)
{
  g_autofree char *conninfo = NULL;
  const char *args[] = { "--rate-limit=1", "--rate-burst=3", "--jwt-alg=HS256", NULL };   /* and HS256 tokens */
  SlvTestServer *limited;
  g_autoptr(SlvTestClient) c = NULL;
  guint limited_at = 0;

  SLV_REQUIRE_SERVER ();
  conninfo = slv_pg_cluster_create_db (slv_env.cluster, "ratelimit");
  limited = slv_test_server_start (slv_env.cluster, conninfo, args, NULL);
  g_free (slv_test_server_add_user (limited, "rl@example.org", SLV_PASSWORD, "viewer", brand));
  c = slv_test_client_new (slv_test_server_get_url (limited));
  slv_test_client_login (c, "rl@example.org", SLV_PASSWORD);
  for (guint i = 1; i <= 10 && limited_at == 0; i++)
    if (pull_status (c, NULL) == 429)
      limited_at = i;
  g_assert_cmpuint (limited_at, >=, 3);
  g_assert_cmpuint (limited_at, <=, 5);
  assert_problem (c, 429, "rate_limited");
  g_assert_nonnull (soup_message_headers_get_one (c->headers, "Retry-After"));
  g_assert_nonnull (strstr (slv_test_client_text (c), "\"retryable\":true"));
  slv_test_server_stop (limited);
}

int
main (int argc, char *argv[])
{
  int rc;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  if (slv_server_test_env_setup (NULL, NULL))
    {
      brand = g_strconcat ("brand:", "0190f3c2-7a4e-7b1c-9d2e-3f4a5b6c7d8e", NULL);
      admin_email = slv_env_user ("admin", brand);
    }
  g_test_add_func ("/server/auth/login", test_login);
  g_test_add_func ("/server/auth/jwt", test_jwt);
  g_test_add_func ("/server/auth/refresh-rotation", test_refresh_rotation);
  g_test_add_func ("/server/auth/logout", test_logout);
  g_test_add_func ("/server/auth/passwd", test_passwd);
  g_test_add_func ("/server/auth/devices", test_devices);
  g_test_add_func ("/server/auth/limits", test_limits);
  g_test_add_func ("/server/auth/schema", test_schema);
  g_test_add_func ("/server/auth/rate-limit", test_rate_limit);
  rc = g_test_run ();
  if (slv_env.server != NULL)
    slv_server_test_env_teardown ();
  g_free (brand);
  g_free (admin_email);
  return rc;
}
