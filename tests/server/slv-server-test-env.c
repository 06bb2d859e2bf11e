/* slv-server-test-env.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "core/slv-uuid.h"
#include "slv-server-test-env.h"

SlvServerTestEnv slv_env;

gboolean
slv_server_test_env_setup (const char * const *extra_args,
                           const char * const *env)
{
  slv_env.cluster = slv_pg_cluster_start ();
  if (slv_env.cluster == NULL)
    return FALSE;
  slv_env.conninfo = slv_pg_cluster_create_db (slv_env.cluster, "selvedge");
  slv_env.server = slv_test_server_start (slv_env.cluster, slv_env.conninfo, extra_args, env);
  slv_env.url = slv_test_server_get_url (slv_env.server);
  slv_env.db = slv_test_server_db (slv_env.server);
  return TRUE;
}

void
slv_server_test_env_teardown (void)
{
  slv_test_server_stop (slv_env.server);
  slv_pg_cluster_stop (slv_env.cluster);
  g_free (slv_env.conninfo);
  memset (&slv_env, 0, sizeof slv_env);
}

char *
slv_env_user (const char *role,
              const char *scope)
{
  static guint counter;
  char *email = g_strdup_printf ("user%u.%u@example.org", ++counter, g_random_int ());
  g_autofree char *id = slv_test_server_add_user (slv_env.server, email, SLV_PASSWORD, role, scope);

  return email;
}

SlvTestClient *
slv_env_client (const char *email)
{
  SlvTestClient *client = slv_test_client_new (slv_env.url);

  slv_test_client_login (client, email, SLV_PASSWORD);
  return client;
}

SlvJwtKeys *
slv_env_jwt_keys (SlvJwtAlg alg,
                  gboolean  right_secret)
{
  g_autofree char *secret = NULL;
  gsize len = 0;

  if (right_secret)
    g_assert_true (g_file_get_contents (slv_pg_cluster_secret_file (slv_env.cluster), &secret, &len, NULL));
  else
    {
      secret = g_strdup ("a different secret that is long enough to be used");
      len = strlen (secret);
    }
  return slv_jwt_keys_new (alg, (const guint8 *) secret, len, "selvedge");
}

char *
slv_json_quote (const char *text)
{
  GString *out = g_string_new (NULL);

  slv_json_append_string (out, text);
  return g_string_free (out, FALSE);
}

void
slv_env_create_row (SlvSyncPushRequest *batch,
                    const char         *hlc,
                    const char         *table,
                    const char         *row,
                    const char         *brand,
                    ...)
{
  g_autofree char *brand_json = slv_json_quote (brand);
  g_autofree char *now = slv_timestamp_now ();
  g_autofree char *now_json = slv_json_quote (now);
  va_list ap;

  slv_test_batch_op (batch, table, row, "created_at", now_json, hlc, NULL);
  slv_test_batch_op (batch, table, row, "deleted", "false", hlc, NULL);
  if (strcmp (table, "brand") != 0)
    slv_test_batch_op (batch, table, row, "brand_id", brand_json, hlc, NULL);
  va_start (ap, brand);
  for (const char *field = va_arg (ap, const char *); field != NULL; field = va_arg (ap, const char *))
    slv_test_batch_op (batch, table, row, field, va_arg (ap, const char *), hlc, NULL);
  va_end (ap);
}
