/* slv-server-admin.c: migrate, add-user, grant, revoke, passwd.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-server"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/slv-uuid.h"
#include "slv-server-cli.h"
#include "slv-server-config.h"
#include "slv-server-crypto.h"
#include "slv-server-db.h"
#include "slv-server-migrate.h"
#include "sync/slv-sync.h"

#define MIN_PASSWORD 8

typedef struct
{
  char *email;
  char *name;
  char *password_file;
  char *role;
  char *scope;
  gboolean all;
} AdminArgs;

static void
admin_args_clear (AdminArgs *a)
{
  g_free (a->email);
  g_free (a->name);
  g_free (a->password_file);
  g_free (a->role);
  g_free (a->scope);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AdminArgs, admin_args_clear)

/* Parses --pg and @extra, connects. */
static PGconn *
parse_and_connect (const char    *command,
                   const char    *summary,
                   GOptionEntry  *extra,
                   int           *argc,
                   char        ***argv)
{
  g_autoptr(SlvServerConfig) config = slv_server_config_new ();
  g_autofree char *secret_file = NULL;
  g_autofree GOptionEntry *pg = slv_server_config_pg_entries (config, &secret_file);
  g_autoptr(GOptionContext) ctx = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *param = g_strdup_printf ("- %s", summary);
  PGconn *conn;

  g_option_context_set_summary (ctx, param);
  g_option_context_add_main_entries (ctx, pg, NULL);
  if (extra != NULL)
    g_option_context_add_main_entries (ctx, extra, NULL);
  if (!g_option_context_parse (ctx, argc, argv, &error) ||
      !slv_server_config_finish (config, secret_file, NULL, NULL, FALSE, &error))
    {
      slv_server_fail ("%s: %s", command, error->message);
      return NULL;
    }
  conn = slv_db_connect (config->pg, &error);
  if (conn == NULL)
    slv_server_fail ("%s: %s", command, error->message);
  return conn;
}

int
slv_server_cmd_migrate (int    argc,
                        char **argv)
{
  PGconn *conn = parse_and_connect ("migrate", "create or upgrade the database schema", NULL, &argc, &argv);
  g_autoptr(GError) error = NULL;
  int level = 0;

  if (conn == NULL)
    return 1;
  if (!slv_server_migrate (conn, &level, &error))
    {
      PQfinish (conn);
      return slv_server_fail ("migrate: %s", error->message);
    }
  PQfinish (conn);
  printf ("Database schema at level %d; projection tables up to date.\n", level);
  return 0;
}

static char *
read_password (const char  *file,
               GError     **error)
{
  char *data = NULL;
  gsize len = 0;

  if (file != NULL)
    {
      if (!g_file_get_contents (file, &data, &len, error))
        return NULL;
    }
  else if (g_getenv ("SELVEDGE_PASSWORD") != NULL)
    data = g_strdup (g_getenv ("SELVEDGE_PASSWORD"));
  else
    {
      char line[1024];

      if (fgets (line, sizeof line, stdin) == NULL)
        line[0] = '\0';
      data = g_strdup (line);
    }
  g_strchomp (data);
  if (g_utf8_strlen (data, -1) < MIN_PASSWORD || !g_utf8_validate (data, -1, NULL))
    {
      g_free (data);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "The password must be at least %d characters (read from --password-file, "
                   "$SELVEDGE_PASSWORD or the first line of standard input).", MIN_PASSWORD);
      return NULL;
    }
  return data;
}

int
slv_server_cmd_add_user (int    argc,
                         char **argv)
{
  g_auto(AdminArgs) a = { 0 };
  GOptionEntry entries[] = {
    { "email", 0, 0, G_OPTION_ARG_STRING, &a.email, "Email address (the sign-in name)", "EMAIL" },
    { "name", 0, 0, G_OPTION_ARG_STRING, &a.name, "Display name", "NAME" },
    { "password-file", 0, 0, G_OPTION_ARG_FILENAME, &a.password_file, "File holding the password", "PATH" },
    { NULL }
  };
  PGconn *conn = parse_and_connect ("add-user", "create a user", entries, &argc, &argv);
  g_autoptr(GError) error = NULL;
  g_autofree char *password = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *id = slv_uuid_v7_new ();
  int rc = 0;

  if (conn == NULL)
    return 1;
  if (a.email == NULL || strchr (a.email, '@') == NULL)
    rc = slv_server_fail ("add-user: --email must be an email address.");
  else if (!slv_crypto_init (&error) || (password = read_password (a.password_file, &error)) == NULL ||
           (hash = slv_password_hash (password, &error)) == NULL)
    rc = slv_server_fail ("add-user: %s", error->message);
  else
    {
      const char *params[] = { id, a.email, a.name, hash };

      if (!slv_db_exec (conn, "INSERT INTO auth_user (id, email, name, password_hash, password_changed_at) "
                        "VALUES ($1, $2, $3, $4, now ())", 4, params, &error))
        rc = g_error_matches (error, SLV_DB_ERROR, SLV_DB_ERROR_UNIQUE)
             ? slv_server_fail ("add-user: a user with the email %s already exists.", a.email)
             : slv_server_fail ("add-user: %s", error->message);
      else
        printf ("%s\n", id);
    }
  PQfinish (conn);
  return rc;
}

static int
change_grant (int      argc,
              char   **argv,
              gboolean grant)
{
  const char *command = grant ? "grant" : "revoke";
  g_auto(AdminArgs) a = { 0 };
  GOptionEntry entries[] = {
    { "email", 0, 0, G_OPTION_ARG_STRING, &a.email, "The user", "EMAIL" },
    { "role", 0, 0, G_OPTION_ARG_STRING, &a.role,
      "admin, merchandiser, designer, production, supplier or viewer", "ROLE" },
    { "scope", 0, 0, G_OPTION_ARG_STRING, &a.scope,
      "brand:<brand id>, brand:<brand id>:costing or supplier:<brand id>:<supplier id>", "SCOPE" },
    { "all", 0, 0, G_OPTION_ARG_NONE, &a.all, "revoke: every grant of the user", NULL },
    { NULL }
  };
  PGconn *conn = parse_and_connect (command, grant ? "give a user a role on a scope" : "take a role away",
                                    entries, &argc, &argv);
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) res = NULL;
  SlvSyncRole role;
  int rc = 0;

  if (conn == NULL)
    return 1;
  if (a.email == NULL)
    rc = slv_server_fail ("%s: --email is required.", command);
  else if (!(a.all && !grant) && (!slv_sync_role_from_string (a.role, &role) ||
                                  !slv_sync_grant_check (role, a.scope, &error)))
    rc = slv_server_fail ("%s: %s", command, error ? error->message
                          : "--role must be admin, merchandiser, designer, production, supplier or viewer.");
  else
    {
      const char *params[] = { a.email, a.role, a.scope };
      const char *sql = grant
        ? "INSERT INTO auth_grant (user_id, role, scope) SELECT id, $2, $3 FROM auth_user "
          "WHERE lower (email) = lower ($1) ON CONFLICT DO NOTHING RETURNING 1"
        : a.all ? "DELETE FROM auth_grant WHERE user_id = (SELECT id FROM auth_user WHERE lower (email) = lower ($1)) "
                  "AND $2::text IS NULL AND $3::text IS NULL RETURNING 1"
        : "DELETE FROM auth_grant WHERE user_id = (SELECT id FROM auth_user WHERE lower (email) = lower ($1)) "
          "AND role = $2 AND scope = $3 RETURNING 1";

      if (a.all)
        params[1] = params[2] = NULL;
      res = slv_db_query (conn, sql, 3, params, &error);
      if (res == NULL)
        rc = slv_server_fail ("%s: %s", command, error->message);
      else
        printf ("%s: %d grant(s) %s.\n", a.email, PQntuples (res), grant ? "added" : "removed");
    }
  PQfinish (conn);
  return rc;
}

int
slv_server_cmd_grant (int    argc,
                      char **argv)
{
  return change_grant (argc, argv, TRUE);
}

int
slv_server_cmd_revoke (int    argc,
                       char **argv)
{
  return change_grant (argc, argv, FALSE);
}

int
slv_server_cmd_passwd (int    argc,
                       char **argv)
{
  g_auto(AdminArgs) a = { 0 };
  GOptionEntry entries[] = {
    { "email", 0, 0, G_OPTION_ARG_STRING, &a.email, "The user", "EMAIL" },
    { "password-file", 0, 0, G_OPTION_ARG_FILENAME, &a.password_file, "File holding the new password", "PATH" },
    { NULL }
  };
  PGconn *conn = parse_and_connect ("passwd", "set a user's password and sign them out everywhere",
                                    entries, &argc, &argv);
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) res = NULL;
  g_autofree char *password = NULL;
  g_autofree char *hash = NULL;
  int rc = 0;

  if (conn == NULL)
    return 1;
  if (a.email == NULL)
    rc = slv_server_fail ("passwd: --email is required.");
  else if (!slv_crypto_init (&error) || (password = read_password (a.password_file, &error)) == NULL ||
           (hash = slv_password_hash (password, &error)) == NULL)
    rc = slv_server_fail ("passwd: %s", error->message);
  else
    {
      const char *params[] = { a.email, hash };
      g_autoptr(PGresult) revoked = NULL;

      res = slv_db_query (conn, "UPDATE auth_user SET password_hash = $2, password_changed_at = now () "
                          "WHERE lower (email) = lower ($1) RETURNING id", 2, params, &error);
      if (res != NULL && PQntuples (res) == 1)
        {
          const char *id[] = { slv_db_value (res, 0, 0) };

          revoked = slv_db_query (conn, "UPDATE auth_family SET revoked_at = now (), "
                                  "revoked_reason = 'password changed' WHERE user_id = $1 "
                                  "AND revoked_at IS NULL RETURNING 1", 1, id, &error);
        }
      if (res == NULL || (PQntuples (res) == 1 && revoked == NULL))
        rc = slv_server_fail ("passwd: %s", error->message);
      else if (PQntuples (res) == 0)
        rc = slv_server_fail ("passwd: there is no user with the email %s.", a.email);
      else
        printf ("Password changed for %s; %d sign-in(s) revoked.\n", a.email, PQntuples (revoked));
    }
  PQfinish (conn);
  return rc;
}
