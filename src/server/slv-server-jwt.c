/* slv-server-jwt.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-server"

#include "config.h"

#include <sodium.h>
#include <string.h>

#include "core/slv-uuid.h"
#include "slv-server-crypto.h"
#include "slv-server-jwt.h"
#include "sync/slv-sync.h"

struct _SlvJwtKeys
{
  SlvJwtAlg  alg;
  guint8     hs_key[32];
  guint8     ed_pk[crypto_sign_PUBLICKEYBYTES];
  guint8     ed_sk[crypto_sign_SECRETKEYBYTES];
  char      *issuer;
};

G_DEFINE_QUARK (slv-jwt-error-quark, slv_jwt_error)

static const char *
alg_name (SlvJwtAlg alg)
{
  return alg == SLV_JWT_EDDSA ? "EdDSA" : "HS256";
}

gboolean
slv_jwt_alg_from_string (const char *text,
                         SlvJwtAlg  *alg)
{
  if (g_strcmp0 (text, "EdDSA") == 0)
    *alg = SLV_JWT_EDDSA;
  else if (g_strcmp0 (text, "HS256") == 0)
    *alg = SLV_JWT_HS256;
  else
    return FALSE;
  return TRUE;
}

SlvJwtKeys *
slv_jwt_keys_new (SlvJwtAlg     alg,
                  const guint8 *secret,
                  gsize         secret_len,
                  const char   *issuer)
{
  SlvJwtKeys *keys = g_new0 (SlvJwtKeys, 1);
  guint8 seed[32];

  keys->alg = alg;
  keys->issuer = g_strdup (issuer ? issuer : "selvedge");
  slv_derive_key (secret, secret_len, "selvedge jwt hs256", keys->hs_key);
  slv_derive_key (secret, secret_len, "selvedge jwt ed25519", seed);
  crypto_sign_seed_keypair (keys->ed_pk, keys->ed_sk, seed);
  sodium_memzero (seed, sizeof seed);
  return keys;
}

void
slv_jwt_keys_free (SlvJwtKeys *keys)
{
  if (keys == NULL)
    return;
  sodium_memzero (keys->hs_key, sizeof keys->hs_key);
  sodium_memzero (keys->ed_sk, sizeof keys->ed_sk);
  g_free (keys->issuer);
  g_free (keys);
}

void
slv_jwt_claims_free (SlvJwtClaims *claims)
{
  if (claims == NULL)
    return;
  g_free (claims->sub);
  g_free (claims->sid);
  g_free (claims->fam);
  g_free (claims->jti);
  g_free (claims->roles);
  g_free (claims);
}

static void
append_claim (GString    *out,
              const char *name,
              const char *value)
{
  if (value == NULL)
    return;
  g_string_append_c (out, ',');
  slv_json_append_string (out, name);
  g_string_append_c (out, ':');
  slv_json_append_string (out, value);
}

static char *
sign_input (SlvJwtKeys   *keys,
            const char   *input,
            gsize         len)
{
  if (keys->alg == SLV_JWT_EDDSA)
    {
      guint8 sig[crypto_sign_BYTES];

      crypto_sign_detached (sig, NULL, (const guint8 *) input, len, keys->ed_sk);
      return slv_base64url_encode (sig, sizeof sig);
    }
  else
    {
      guint8 tag[32];

      slv_hmac_sha256 (keys->hs_key, sizeof keys->hs_key, (const guint8 *) input, len, tag);
      return slv_base64url_encode (tag, sizeof tag);
    }
}

char *
slv_jwt_sign (SlvJwtKeys         *keys,
              const SlvJwtClaims *claims)
{
  g_autofree char *header = g_strdup_printf ("{\"alg\":\"%s\",\"typ\":\"JWT\"}", alg_name (keys->alg));
  g_autoptr(GString) payload = g_string_new ("{\"iss\":");
  g_autofree char *h64 = NULL;
  g_autofree char *p64 = NULL;
  g_autofree char *input = NULL;
  g_autofree char *sig = NULL;

  slv_json_append_string (payload, keys->issuer);
  g_string_append (payload, ",\"aud\":\"" SLV_JWT_AUDIENCE "\"");
  append_claim (payload, "sub", claims->sub);
  append_claim (payload, "sid", claims->sid);
  append_claim (payload, "fam", claims->fam);
  append_claim (payload, "jti", claims->jti);
  append_claim (payload, "roles", claims->roles);
  g_string_append_printf (payload, ",\"iat\":%" G_GINT64_FORMAT ",\"exp\":%" G_GINT64_FORMAT "}",
                          claims->iat, claims->exp);
  h64 = slv_base64url_encode ((const guint8 *) header, strlen (header));
  p64 = slv_base64url_encode ((const guint8 *) payload->str, payload->len);
  input = g_strconcat (h64, ".", p64, NULL);
  sig = sign_input (keys, input, strlen (input));
  return g_strconcat (input, ".", sig, NULL);
}

static gboolean
invalid (GError    **error,
         const char *why)
{
  g_set_error (error, SLV_JWT_ERROR, SLV_JWT_ERROR_INVALID, "The access token is not valid: %s.", why);
  return FALSE;
}

static JsonObject *
decode_part (const char *text,
             gsize       len,
             JsonNode  **holder)
{
  g_autofree guint8 *raw = NULL;
  gsize raw_len = 0;

  raw = slv_base64url_decode (text, len, &raw_len);
  if (raw == NULL || (*holder = slv_json_parse ((const char *) raw, raw_len, NULL)) == NULL)
    return NULL;
  return JSON_NODE_HOLDS_OBJECT (*holder) ? json_node_get_object (*holder) : NULL;
}

static gboolean
check_signature (SlvJwtKeys  *keys,
                 const char  *token,
                 gsize        input_len,
                 const char  *sig_text,
                 GError     **error)
{
  g_autofree guint8 *sig = NULL;
  gsize sig_len = 0;

  sig = slv_base64url_decode (sig_text, strlen (sig_text), &sig_len);
  if (sig == NULL)
    return invalid (error, "malformed signature");
  if (keys->alg == SLV_JWT_EDDSA)
    {
      if (sig_len != crypto_sign_BYTES ||
          crypto_sign_verify_detached (sig, (const guint8 *) token, input_len, keys->ed_pk) != 0)
        return invalid (error, "bad signature");
    }
  else
    {
      guint8 tag[32];

      slv_hmac_sha256 (keys->hs_key, sizeof keys->hs_key, (const guint8 *) token, input_len, tag);
      if (!slv_constant_time_equal (sig, sig_len, tag, sizeof tag))
        return invalid (error, "bad signature");
    }
  return TRUE;
}

static gboolean
check_header (SlvJwtKeys  *keys,
              JsonObject  *header,
              GError     **error)
{
  const char *alg = slv_json_get_string (header, "alg", "header", NULL);
  const char *typ = NULL;

  /* A fixed allow-list of one: never "none", never the other algorithm. */
  if (alg == NULL || strcmp (alg, alg_name (keys->alg)) != 0)
    return invalid (error, "algorithm not accepted");
  if (!slv_json_get_string_opt (header, "typ", "header", &typ, NULL) ||
      (typ != NULL && strcmp (typ, "JWT") != 0) || json_object_has_member (header, "crit"))
    return invalid (error, "unsupported header");
  return TRUE;
}

static gboolean
check_audience (JsonObject *payload)
{
  JsonNode *aud = json_object_get_member (payload, "aud");

  if (aud == NULL)
    return FALSE;
  if (JSON_NODE_HOLDS_VALUE (aud) && json_node_get_value_type (aud) == G_TYPE_STRING)
    return strcmp (json_node_get_string (aud), SLV_JWT_AUDIENCE) == 0;
  if (JSON_NODE_HOLDS_ARRAY (aud))
    {
      JsonArray *list = json_node_get_array (aud);

      for (guint i = 0; i < json_array_get_length (list); i++)
        {
          JsonNode *e = json_array_get_element (list, i);

          if (JSON_NODE_HOLDS_VALUE (e) && json_node_get_value_type (e) == G_TYPE_STRING &&
              strcmp (json_node_get_string (e), SLV_JWT_AUDIENCE) == 0)
            return TRUE;
        }
    }
  return FALSE;
}

static SlvJwtClaims *
read_claims (SlvJwtKeys  *keys,
             JsonObject  *payload,
             gint64       now_s,
             GError     **error)
{
  g_autoptr(SlvJwtClaims) claims = g_new0 (SlvJwtClaims, 1);
  const char *iss, *sub, *opt;

  iss = slv_json_get_string (payload, "iss", "token", NULL);
  if (iss == NULL || strcmp (iss, keys->issuer) != 0)
    return invalid (error, "wrong issuer"), NULL;
  if (!check_audience (payload))
    return invalid (error, "wrong audience"), NULL;
  if (!slv_json_get_int (payload, "exp", "token", &claims->exp, NULL) ||
      !slv_json_get_int (payload, "iat", "token", &claims->iat, NULL))
    return invalid (error, "missing times"), NULL;
  if (claims->iat > now_s + SLV_JWT_LEEWAY_S)
    return invalid (error, "issued in the future"), NULL;
  sub = slv_json_get_string (payload, "sub", "token", NULL);
  if (!slv_uuid_is_valid (sub))
    return invalid (error, "no subject"), NULL;
  claims->sub = g_strdup (sub);
  if (slv_json_get_string_opt (payload, "sid", "token", &opt, NULL))
    claims->sid = g_strdup (opt);
  if (slv_json_get_string_opt (payload, "fam", "token", &opt, NULL))
    claims->fam = g_strdup (opt);
  if (slv_json_get_string_opt (payload, "jti", "token", &opt, NULL))
    claims->jti = g_strdup (opt);
  if (slv_json_get_string_opt (payload, "roles", "token", &opt, NULL))
    claims->roles = g_strdup (opt);
  if (now_s > claims->exp + SLV_JWT_LEEWAY_S)
    {
      g_set_error_literal (error, SLV_JWT_ERROR, SLV_JWT_ERROR_EXPIRED,
                           "The access token has expired; refresh it.");
      return NULL;
    }
  return g_steal_pointer (&claims);
}

SlvJwtClaims *
slv_jwt_verify (SlvJwtKeys  *keys,
                const char  *token,
                gint64       now_s,
                GError     **error)
{
  g_autoptr(JsonNode) header_node = NULL;
  g_autoptr(JsonNode) payload_node = NULL;
  const char *dot1, *dot2;
  JsonObject *header, *payload;

  if (token == NULL || strlen (token) > SLV_JWT_MAX_LEN ||
      (dot1 = strchr (token, '.')) == NULL || (dot2 = strchr (dot1 + 1, '.')) == NULL ||
      strchr (dot2 + 1, '.') != NULL)
    return invalid (error, "not a JWT"), NULL;
  header = decode_part (token, dot1 - token, &header_node);
  if (header == NULL)
    return invalid (error, "malformed header"), NULL;
  if (!check_header (keys, header, error) ||
      !check_signature (keys, token, dot2 - token, dot2 + 1, error))
    return NULL;
  payload = decode_part (dot1 + 1, dot2 - dot1 - 1, &payload_node);
  if (payload == NULL)
    return invalid (error, "malformed payload"), NULL;
  return read_claims (keys, payload, now_s, error);
}
