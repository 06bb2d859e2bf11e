/* slv-server-config.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Settings of selvedge-server: command-line options, with the environment
 * (SELVEDGE_*) as fallback and secrets read from files or the environment,
 * never from the command line.
 */
#pragma once

#include <glib.h>

#include "slv-server-jwt.h"

G_BEGIN_DECLS

typedef struct
{
  char      *listen;            /* host:port; port 0 picks a free one */
  char      *pg;                /* libpq connection string */
  char      *blob_dir;          /* blobs/ and uploads/ live here */
  char      *ready_file;        /* written with the URL once listening */
  char      *issuer;
  char      *elasticsearch;     /* bulk endpoint base URL, optional */
  guint8    *secret;
  gsize      secret_len;
  SlvJwtAlg  jwt_alg;
  guint      workers;
  guint      rate_limit;        /* requests per second per user; 0 = off */
  guint      rate_burst;
  gsize      max_body;          /* JSON requests other than push */
  gsize      max_push_body;
  gsize      max_chunk;         /* upload PATCH bodies */
  gint64     max_blob_size;
  gint64     access_ttl_s;
  gint64     refresh_ttl_s;
  gint64     refresh_grace_s;
  guint64    node;              /* the server's HLC node */
} SlvServerConfig;

SlvServerConfig *slv_server_config_new          (void) G_GNUC_WARN_UNUSED_RESULT;
void             slv_server_config_free         (SlvServerConfig  *config);
/* Options shared by the subcommands (--pg) and by serve (the rest). */
GOptionEntry    *slv_server_config_pg_entries   (SlvServerConfig  *config,
                                                 char            **secret_file) G_GNUC_WARN_UNUSED_RESULT;
GOptionEntry    *slv_server_config_serve_entries (SlvServerConfig *config,
                                                  char           **jwt_alg,
                                                  char           **node) G_GNUC_WARN_UNUSED_RESULT;
/* Fills unset values from the environment and loads the secret from
 * @secret_file or SELVEDGE_SECRET_FILE / SELVEDGE_SECRET. */
gboolean         slv_server_config_finish       (SlvServerConfig  *config,
                                                 const char       *secret_file,
                                                 const char       *jwt_alg,
                                                 const char       *node,
                                                 gboolean          need_secret,
                                                 GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlvServerConfig, slv_server_config_free)

G_END_DECLS
