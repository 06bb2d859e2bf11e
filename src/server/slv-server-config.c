/* slv-server-config.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-server"

#include "config.h"

#include <string.h>

#include "slv-server-config.h"
#include "slv-server-crypto.h"
#include "sync/slv-sync.h"

#define DEFAULT_LISTEN "127.0.0.1:8080"

SlvServerConfig *
slv_server_config_new (void)
{
  SlvServerConfig *config = g_new0 (SlvServerConfig, 1);

  config->jwt_alg = SLV_JWT_EDDSA;
  config->workers = 8;
  config->rate_limit = 50;
  config->rate_burst = 100;
  config->max_body = 256 * 1024;
  config->max_push_body = SLV_SYNC_MAX_BATCH_BYTES;
  config->max_chunk = 8 * 1024 * 1024;
  config->max_blob_size = G_GINT64_CONSTANT (1) << 30;
  config->access_ttl_s = 900;
  config->refresh_ttl_s = 30 * 24 * 3600;
  config->refresh_grace_s = 30;
  return config;
}

void
slv_server_config_free (SlvServerConfig *config)
{
  if (config == NULL)
    return;
  g_free (config->listen);
  g_free (config->pg);
  g_free (config->blob_dir);
  g_free (config->ready_file);
  g_free (config->issuer);
  g_free (config->elasticsearch);
  if (config->secret != NULL)
    memset (config->secret, 0, config->secret_len);
  g_free (config->secret);
  g_free (config);
}

GOptionEntry *
slv_server_config_pg_entries (SlvServerConfig  *config,
                              char            **secret_file)
{
  GOptionEntry entries[] = {
    { "pg", 0, 0, G_OPTION_ARG_STRING, &config->pg,
      "PostgreSQL connection string (else $SELVEDGE_PG, else libpq's PG* variables)", "CONNINFO" },
    { "secret-file", 0, 0, G_OPTION_ARG_FILENAME, secret_file,
      "File holding the server secret, at least 32 bytes (else $SELVEDGE_SECRET_FILE or $SELVEDGE_SECRET)", "PATH" },
    { "blob-dir", 0, 0, G_OPTION_ARG_FILENAME, &config->blob_dir,
      "Folder for blobs and uploads (else $SELVEDGE_BLOB_DIR, else /var/lib/selvedge)", "PATH" },
    { NULL }
  };

  return g_memdup2 (entries, sizeof entries);
}

GOptionEntry *
slv_server_config_serve_entries (SlvServerConfig  *config,
                                 char            **jwt_alg,
                                 char            **node)
{
  GOptionEntry entries[] = {
    { "listen", 0, 0, G_OPTION_ARG_STRING, &config->listen,
      "Address to listen on (else $SELVEDGE_LISTEN, else " DEFAULT_LISTEN ")", "HOST:PORT" },
    { "workers", 0, 0, G_OPTION_ARG_INT, &config->workers,
      "Worker threads, each with one database connection (default 8)", "N" },
    { "jwt-alg", 0, 0, G_OPTION_ARG_STRING, jwt_alg, "Access-token signature: EdDSA (default) or HS256", "ALG" },
    { "issuer", 0, 0, G_OPTION_ARG_STRING, &config->issuer, "Token issuer (default selvedge)", "NAME" },
    { "rate-limit", 0, 0, G_OPTION_ARG_INT, &config->rate_limit,
      "Requests per second per user, 0 for no limit (default 50)", "N" },
    { "rate-burst", 0, 0, G_OPTION_ARG_INT, &config->rate_burst, "Burst size of the rate limit (default 100)", "N" },
    { "max-blob-size", 0, 0, G_OPTION_ARG_INT64, &config->max_blob_size, "Largest blob in bytes (default 1 GiB)", "BYTES" },
    { "access-ttl", 0, 0, G_OPTION_ARG_INT64, &config->access_ttl_s, "Access-token lifetime in seconds (default 900)", "S" },
    { "node", 0, 0, G_OPTION_ARG_STRING, node, "The server's clock node, 16 hex digits (default random)", "HEX" },
    { "ready-file", 0, 0, G_OPTION_ARG_FILENAME, &config->ready_file,
      "Write the server URL to this file once listening", "PATH" },
    { "elasticsearch", 0, 0, G_OPTION_ARG_STRING, &config->elasticsearch,
      "Elasticsearch base URL for the search indexer (else $SELVEDGE_ELASTICSEARCH)", "URL" },
    { NULL }
  };

  return g_memdup2 (entries, sizeof entries);
}

static void
fill (char       **value,
      const char  *env,
      const char  *fallback)
{
  const char *v;

  if (*value != NULL)
    return;
  v = g_getenv (env);
  *value = g_strdup (v != NULL && *v != '\0' ? v : fallback);
}

static gboolean
load_secret (SlvServerConfig  *config,
             const char       *secret_file,
             GError          **error)
{
  const char *path = secret_file ? secret_file : g_getenv ("SELVEDGE_SECRET_FILE");
  const char *inline_secret = g_getenv ("SELVEDGE_SECRET");
  char *data = NULL;
  gsize len = 0;

  if (path != NULL && *path != '\0')
    {
      if (!g_file_get_contents (path, &data, &len, error))
        return FALSE;
      while (len > 0 && (data[len - 1] == '\n' || data[len - 1] == '\r'))
        len--;
    }
  else if (inline_secret != NULL)
    {
      data = g_strdup (inline_secret);
      len = strlen (data);
    }
  if (data == NULL || len < SLV_SECRET_MIN_BYTES)
    {
      g_free (data);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "The server secret is missing or shorter than %d bytes. Create one with "
                   "“head -c 48 /dev/urandom | base64 > secret” and pass --secret-file secret "
                   "(or set SELVEDGE_SECRET_FILE).", SLV_SECRET_MIN_BYTES);
      return FALSE;
    }
  config->secret = (guint8 *) data;
  config->secret_len = len;
  return TRUE;
}

gboolean
slv_server_config_finish (SlvServerConfig  *config,
                          const char       *secret_file,
                          const char       *jwt_alg,
                          const char       *node,
                          gboolean          need_secret,
                          GError          **error)
{
  fill (&config->pg, "SELVEDGE_PG", "");
  fill (&config->listen, "SELVEDGE_LISTEN", DEFAULT_LISTEN);
  fill (&config->blob_dir, "SELVEDGE_BLOB_DIR", "/var/lib/selvedge");
  fill (&config->issuer, "SELVEDGE_ISSUER", "selvedge");
  fill (&config->elasticsearch, "SELVEDGE_ELASTICSEARCH", NULL);
  if (jwt_alg != NULL && !slv_jwt_alg_from_string (jwt_alg, &config->jwt_alg))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "--jwt-alg must be EdDSA or HS256, not “%s”.", jwt_alg);
      return FALSE;
    }
  if (node != NULL && !slv_hlc_parse_node (node, &config->node))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "--node must be 16 lower-case hex digits, not “%s”.", node);
      return FALSE;
    }
  if (node == NULL)
    config->node = slv_random_u64 ();
  if (config->workers < 1 || config->workers > 256)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           "--workers must be between 1 and 256.");
      return FALSE;
    }
  return !need_secret || load_secret (config, secret_file, error);
}
