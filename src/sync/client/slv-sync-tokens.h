/* slv-sync-tokens.h: where the refresh token of a sign-in is kept.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * By default in the Secret Service (libsecret: GNOME Keyring, KWallet),
 * keyed by server and workspace. When SELVEDGE_TOKEN_FILE names a file (or
 * for a store made with slv_token_store_new_file) tokens are kept in that
 * file instead, readable by its owner only: for tests and headless
 * machines, chosen explicitly. Calls block: use them from a worker thread.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _SlvTokenStore SlvTokenStore;

SlvTokenStore *slv_token_store_new_default (void) G_GNUC_WARN_UNUSED_RESULT;
SlvTokenStore *slv_token_store_new_file    (const char     *path) G_GNUC_WARN_UNUSED_RESULT;
SlvTokenStore *slv_token_store_ref         (SlvTokenStore  *self);
void           slv_token_store_unref       (SlvTokenStore  *self);
/* A description for messages: "the keyring" or the file. */
const char    *slv_token_store_describe    (SlvTokenStore  *self);
gboolean       slv_token_store_save        (SlvTokenStore  *self,
                                            const char     *server_url,
                                            const char     *workspace,
                                            const char     *token,
                                            GError        **error);
/* NULL without error when nothing is stored. */
char          *slv_token_store_load        (SlvTokenStore  *self,
                                            const char     *server_url,
                                            const char     *workspace,
                                            GError        **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean       slv_token_store_clear       (SlvTokenStore  *self,
                                            const char     *server_url,
                                            const char     *workspace,
                                            GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlvTokenStore, slv_token_store_unref)

G_END_DECLS
