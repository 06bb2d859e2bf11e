/* slv-server-crypto.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-server"

#include "config.h"

#include <sodium.h>
#include <string.h>

#include "slv-server-crypto.h"
#include "sync/slv-sync.h"

gboolean
slv_crypto_init (GError **error)
{
  if (sodium_init () < 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           "libsodium could not initialise (no entropy source?).");
      return FALSE;
    }
  return TRUE;
}

char *
slv_password_hash (const char  *password,
                   GError     **error)
{
  char out[crypto_pwhash_STRBYTES];

  if (crypto_pwhash_str_alg (out, password, strlen (password),
                             crypto_pwhash_OPSLIMIT_INTERACTIVE,
                             crypto_pwhash_MEMLIMIT_INTERACTIVE,
                             crypto_pwhash_ALG_ARGON2ID13) != 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                           "Not enough memory to hash the password.");
      return NULL;
    }
  return g_strdup (out);
}

gboolean
slv_password_verify (const char *hash,
                     const char *password)
{
  if (hash == NULL || password == NULL || strlen (hash) >= crypto_pwhash_STRBYTES)
    return FALSE;
  return crypto_pwhash_str_verify (hash, password, strlen (password)) == 0;
}

void
slv_password_verify_dummy (const char *password)
{
  static char dummy[crypto_pwhash_STRBYTES];
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      if (crypto_pwhash_str_alg (dummy, "selvedge", 8, crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                 crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0)
        dummy[0] = '\0';
      g_once_init_leave (&once, 1);
    }
  if (dummy[0] != '\0' && password != NULL && crypto_pwhash_str_verify (dummy, password, strlen (password)) == 0)
    g_debug ("The dummy password matched.");
}

char *
slv_token_new (void)
{
  guint8 bytes[32];

  randombytes_buf (bytes, sizeof bytes);
  return slv_base64url_encode (bytes, sizeof bytes);
}

char *
slv_token_hash (const char *token)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, token, -1);
}

void
slv_derive_key (const guint8 *secret,
                gsize         secret_len,
                const char   *purpose,
                guint8        out[32])
{
  slv_hmac_sha256 (secret, secret_len, (const guint8 *) purpose, strlen (purpose), out);
}

guint64
slv_random_u64 (void)
{
  guint64 v;

  randombytes_buf (&v, sizeof v);
  return v;
}
