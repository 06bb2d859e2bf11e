/* slv-server-crypto.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Passwords (Argon2id via libsodium crypto_pwhash), random tokens, token
 * hashes and key derivation from the server secret.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SLV_SECRET_MIN_BYTES 32

gboolean  slv_crypto_init          (GError      **error);
/* Argon2id, libsodium's "interactive" cost (64 MiB, 2 passes). */
char     *slv_password_hash        (const char   *password,
                                    GError      **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean  slv_password_verify      (const char   *hash,
                                    const char   *password);
/* Spends the time of a verification, so unknown accounts answer as slowly
 * as known ones. */
void      slv_password_verify_dummy (const char  *password);
/* 256 random bits, base64url. */
char     *slv_token_new            (void) G_GNUC_WARN_UNUSED_RESULT;
/* SHA-256 of @token as lower-case hex (what the database stores). */
char     *slv_token_hash           (const char   *token) G_GNUC_WARN_UNUSED_RESULT;
/* HMAC-SHA256(secret, purpose): independent keys from one secret. */
void      slv_derive_key           (const guint8 *secret,
                                    gsize         secret_len,
                                    const char   *purpose,
                                    guint8        out[32]);
/* A random 64-bit value. */
guint64   slv_random_u64           (void);

G_END_DECLS
