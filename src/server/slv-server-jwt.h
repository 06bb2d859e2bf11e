/* slv-server-jwt.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Access tokens (SYNC-PROTOCOL.md §10): JWT signed EdDSA (Ed25519, libsodium
 * crypto_sign) or HS256. Verification accepts only the configured algorithm,
 * checks iss, aud and exp (60 s leeway) and compares in constant time.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SLV_JWT_AUDIENCE   "selvedge-sync"
#define SLV_JWT_LEEWAY_S   60
#define SLV_JWT_MAX_LEN    8192

#define SLV_JWT_ERROR (slv_jwt_error_quark ())

typedef enum
{
  SLV_JWT_ERROR_INVALID,
  SLV_JWT_ERROR_EXPIRED,
} SlvJwtError;

typedef enum
{
  SLV_JWT_EDDSA,
  SLV_JWT_HS256,
} SlvJwtAlg;

typedef struct _SlvJwtKeys SlvJwtKeys;

typedef struct
{
  char   *sub;     /* user id */
  char   *sid;     /* device (client_id) */
  char   *fam;     /* refresh family: revoked families lose access at once */
  char   *jti;
  char   *roles;   /* a hint only; grants are read from the database */
  gint64  iat;
  gint64  exp;
} SlvJwtClaims;

GQuark        slv_jwt_error_quark   (void);
gboolean      slv_jwt_alg_from_string (const char     *text,
                                       SlvJwtAlg      *alg);
/* Keys derived from the server secret. */
SlvJwtKeys   *slv_jwt_keys_new      (SlvJwtAlg       alg,
                                     const guint8   *secret,
                                     gsize           secret_len,
                                     const char     *issuer) G_GNUC_WARN_UNUSED_RESULT;
void          slv_jwt_keys_free     (SlvJwtKeys     *keys);
char         *slv_jwt_sign          (SlvJwtKeys     *keys,
                                     const SlvJwtClaims *claims) G_GNUC_WARN_UNUSED_RESULT;
SlvJwtClaims *slv_jwt_verify        (SlvJwtKeys     *keys,
                                     const char     *token,
                                     gint64          now_s,
                                     GError        **error) G_GNUC_WARN_UNUSED_RESULT;
void          slv_jwt_claims_free   (SlvJwtClaims   *claims);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlvJwtKeys, slv_jwt_keys_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlvJwtClaims, slv_jwt_claims_free)

G_END_DECLS
