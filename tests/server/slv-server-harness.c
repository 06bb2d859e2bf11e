/* slv-server-harness.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <pwd.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "slv-server-harness.h"
#include "slv-test-util.h"

#define PG_PORT "5432"

struct _SlvPgCluster
{
  char        *bindir;
  char        *dir;
  char        *data;
  char        *secret_file;
  GSubprocess *postgres;
  gboolean     as_postgres;
  uid_t        uid;
  gid_t        gid;
};

struct _SlvTestServer
{
  SlvPgCluster *cluster;
  char         *conninfo;
  char         *url;
  char         *blob_dir;
  char         *log;
  GSubprocess  *process;
  PGconn       *db;
};

static char *skip_message;

const char *
slv_pg_cluster_skip_message (void)
{
  return skip_message ? skip_message : "PostgreSQL is not available";
}

static char *
find_bindir (void)
{
  const char *env = g_getenv ("SELVEDGE_PG_BINDIR");
  const char *versions[] = { "17", "16", "15", "14", "13" };

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  for (guint i = 0; i < G_N_ELEMENTS (versions); i++)
    {
      g_autofree char *dir = g_strdup_printf ("/usr/lib/postgresql/%s/bin", versions[i]);
      g_autofree char *initdb = g_build_filename (dir, "initdb", NULL);

      if (g_file_test (initdb, G_FILE_TEST_IS_EXECUTABLE))
        return g_steal_pointer (&dir);
    }
  return NULL;
}

/* The postgres server dies with the test, whatever way it ends. */
static void
die_with_parent (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

static GSubprocessLauncher *
launcher_for (SlvPgCluster *cluster,
              const char   *log)
{
  GSubprocessLauncher *launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_INHERIT);

  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  g_subprocess_launcher_unsetenv (launcher, "G_DEBUG");
  if (log != NULL)
    {
      g_subprocess_launcher_set_stdout_file_path (launcher, log);
      g_subprocess_launcher_set_stderr_file_path (launcher, log);
    }
  return launcher;
}

/* argv for a PostgreSQL program, through runuser when we are root. */
static GPtrArray *
pg_argv (SlvPgCluster *cluster,
         const char   *program)
{
  GPtrArray *argv = g_ptr_array_new_with_free_func (g_free);

  if (cluster->as_postgres)
    {
      g_ptr_array_add (argv, g_strdup ("runuser"));
      g_ptr_array_add (argv, g_strdup ("-u"));
      g_ptr_array_add (argv, g_strdup ("postgres"));
      g_ptr_array_add (argv, g_strdup ("--"));
    }
  g_ptr_array_add (argv, g_build_filename (cluster->bindir, program, NULL));
  return argv;
}

static gboolean
run_pg (SlvPgCluster *cluster,
        GPtrArray    *argv,
        GError      **error)
{
  g_autofree char *log = g_build_filename (cluster->dir, "initdb.log", NULL);
  g_autoptr(GSubprocessLauncher) launcher = launcher_for (cluster, log);
  g_autoptr(GSubprocess) proc = NULL;

  g_ptr_array_add (argv, NULL);
  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, error);
  return proc != NULL && g_subprocess_wait_check (proc, NULL, error);
}

static gboolean
wait_for_socket (SlvPgCluster *cluster)
{
  g_autofree char *socket = g_build_filename (cluster->dir, ".s.PGSQL." PG_PORT, NULL);
  g_autofree char *conninfo = g_strdup_printf ("host=%s port=" PG_PORT " user=postgres dbname=postgres", cluster->dir);

  for (int i = 0; i < 1000; i++)
    {
      if (g_file_test (socket, G_FILE_TEST_EXISTS))
        {
          PGconn *conn = PQconnectdb (conninfo);
          gboolean ok = PQstatus (conn) == CONNECTION_OK;

          PQfinish (conn);
          if (ok)
            return TRUE;
        }
      g_usleep (20000);
    }
  return FALSE;
}

static void
make_secret (SlvPgCluster *cluster)
{
  guint8 bytes[48];
  g_autofree char *text = NULL;

  for (guint i = 0; i < sizeof bytes; i++)
    bytes[i] = (guint8) g_random_int ();
  text = g_base64_encode (bytes, sizeof bytes);
  cluster->secret_file = g_build_filename (cluster->dir, "secret", NULL);
  g_assert_true (g_file_set_contents (cluster->secret_file, text, -1, NULL));
}

static gboolean
start_postgres (SlvPgCluster *cluster)
{
  g_autoptr(GPtrArray) argv = pg_argv (cluster, "initdb");
  g_autoptr(GError) error = NULL;
  g_autofree char *log = g_build_filename (cluster->dir, "postgres.log", NULL);
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  /* PostgreSQL is not under test: no glibc malloc checking for it */
  const char *extra[] = { "-D", cluster->data, "-k", cluster->dir, "-p", PG_PORT, "-c", "listen_addresses=",
                          "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
                          "-c", "max_connections=200", "-c", "shared_buffers=128MB", NULL };

  g_ptr_array_add (argv, g_strdup ("-D"));
  g_ptr_array_add (argv, g_strdup (cluster->data));
  g_ptr_array_add (argv, g_strdup ("-A"));
  g_ptr_array_add (argv, g_strdup ("trust"));
  g_ptr_array_add (argv, g_strdup ("-U"));
  g_ptr_array_add (argv, g_strdup ("postgres"));
  g_ptr_array_add (argv, g_strdup ("-E"));
  g_ptr_array_add (argv, g_strdup ("UTF8"));
  g_ptr_array_add (argv, g_strdup ("--no-sync"));
  g_ptr_array_add (argv, g_strdup ("--no-locale"));
  if (!run_pg (cluster, argv, &error))
    {
      g_printerr ("initdb failed: %s\n", error->message);
      return FALSE;
    }
  g_clear_pointer (&argv, g_ptr_array_unref);
  argv = pg_argv (cluster, "postgres");
  for (guint i = 0; extra[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (extra[i]));
  if (g_getenv ("SELVEDGE_PG_LOG_MS") != NULL)
    g_ptr_array_add (argv, g_strconcat ("--log_min_duration_statement=", g_getenv ("SELVEDGE_PG_LOG_MS"), NULL));
  g_ptr_array_add (argv, NULL);
  launcher = launcher_for (cluster, log);
  g_subprocess_launcher_unsetenv (launcher, "MALLOC_CHECK_");
  g_subprocess_launcher_unsetenv (launcher, "MALLOC_PERTURB_");
  cluster->postgres = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  if (cluster->postgres == NULL || !wait_for_socket (cluster))
    {
      g_printerr ("postgres did not start (see %s)\n", log);
      return FALSE;
    }
  return TRUE;
}

SlvPgCluster *
slv_pg_cluster_start (void)
{
  g_autofree char *bindir = find_bindir ();
  SlvPgCluster *cluster;

  if (bindir == NULL)
    {
      skip_message = g_strdup ("PostgreSQL server binaries not found (install postgresql or set "
                               "SELVEDGE_PG_BINDIR); skipping the server tests");
      return NULL;
    }
  cluster = g_new0 (SlvPgCluster, 1);
  cluster->bindir = g_steal_pointer (&bindir);
  cluster->dir = slv_test_make_tmpdir ("slv-pg");
  cluster->data = g_build_filename (cluster->dir, "data", NULL);
  cluster->as_postgres = geteuid () == 0;
  if (cluster->as_postgres)
    {
      struct passwd *pw = getpwnam ("postgres");

      if (pw == NULL)
        {
          skip_message = g_strdup ("running as root but there is no postgres user to run PostgreSQL");
          slv_pg_cluster_stop (cluster);
          return NULL;
        }
      g_assert_cmpint (chown (cluster->dir, pw->pw_uid, pw->pw_gid), ==, 0);
    }
  make_secret (cluster);
  if (!start_postgres (cluster))
    g_error ("Could not start a PostgreSQL cluster in %s", cluster->dir);
  return cluster;
}

void
slv_pg_cluster_stop (SlvPgCluster *cluster)
{
  if (cluster == NULL)
    return;
  if (cluster->postgres != NULL)
    {
      /* runuser does not pass SIGINT on: signal the postmaster itself
       * (fast shutdown), whose pid heads postmaster.pid */
      g_autofree char *pid_file = g_build_filename (cluster->data, "postmaster.pid", NULL);
      g_autofree char *text = NULL;

      if (g_file_get_contents (pid_file, &text, NULL, NULL) && atoi (text) > 0)
        kill (atoi (text), SIGINT);
      else
        g_subprocess_send_signal (cluster->postgres, SIGINT);
      g_subprocess_wait (cluster->postgres, NULL, NULL);
      g_object_unref (cluster->postgres);
    }
  if (g_getenv ("SELVEDGE_KEEP_TMP") == NULL)
    slv_test_rm_rf (cluster->dir);
  g_free (cluster->bindir);
  g_free (cluster->dir);
  g_free (cluster->data);
  g_free (cluster->secret_file);
  g_free (cluster);
}

const char *
slv_pg_cluster_get_dir (SlvPgCluster *cluster)
{
  return cluster->dir;
}

const char *
slv_pg_cluster_secret_file (SlvPgCluster *cluster)
{
  return cluster->secret_file;
}

char *
slv_pg_cluster_create_db (SlvPgCluster *cluster,
                          const char   *name)
{
  g_autofree char *admin = g_strdup_printf ("host=%s port=" PG_PORT " user=postgres dbname=postgres", cluster->dir);
  g_autofree char *sql = g_strdup_printf ("CREATE DATABASE \"%s\"", name);
  PGconn *conn = PQconnectdb (admin);
  PGresult *res = PQexec (conn, sql);

  if (PQresultStatus (res) != PGRES_COMMAND_OK)
    g_error ("CREATE DATABASE %s: %s", name, PQerrorMessage (conn));
  PQclear (res);
  PQfinish (conn);
  return g_strdup_printf ("host=%s port=" PG_PORT " user=postgres dbname=%s", cluster->dir, name);
}

static char *
server_binary (void)
{
  return slv_test_build_path ("src/server/selvedge-server");
}

static void
print_log (const char *path)
{
  g_autofree char *text = NULL;

  if (g_file_get_contents (path, &text, NULL, NULL))
    g_printerr ("--- %s ---\n%s\n", path, text);
}

static char *
run_admin (SlvTestServer      *server,
           const char         *input,
           gboolean            expect_ok,
           const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_ptr_array_add (argv, server_binary ());
  g_ptr_array_add (argv, g_strdup (args[0]));
  g_ptr_array_add (argv, g_strdup ("--pg"));
  g_ptr_array_add (argv, g_strdup (server->conninfo));
  for (guint i = 1; args[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (args[i]));
  g_ptr_array_add (argv, NULL);
  g_subprocess_launcher_unsetenv (launcher, "SELVEDGE_PASSWORD");
  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, input, NULL, &out, &err, &error);
  g_assert_no_error (error);
  if (g_subprocess_get_successful (proc) != expect_ok)
    g_error ("selvedge-server %s: expected %s, got: %s%s", args[0], expect_ok ? "success" : "failure", out, err);
  return g_steal_pointer (&out);
}

char *
slv_test_server_admin (SlvTestServer *server,
                       const char    *input,
                       gboolean       expect_ok,
                       const char    *command,
                       ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  g_ptr_array_add (args, (gpointer) command);
  va_start (ap, command);
  for (const char *a = va_arg (ap, const char *); a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) a);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  return run_admin (server, input, expect_ok, (const char * const *) args->pdata);
}

static gboolean
wait_ready (SlvTestServer *server,
            const char    *ready)
{
  for (int i = 0; i < 1000; i++)
    {
      if (g_file_get_contents (ready, &server->url, NULL, NULL) && server->url[0] != '\0')
        return TRUE;
      g_clear_pointer (&server->url, g_free);
      if (g_subprocess_get_identifier (server->process) == NULL)
        return FALSE;
      g_usleep (10000);
    }
  return FALSE;
}

SlvTestServer *
slv_test_server_start (SlvPgCluster       *cluster,
                       const char         *conninfo,
                       const char * const *extra_args,
                       const char * const *env)
{
  static guint counter;
  SlvTestServer *server = g_new0 (SlvTestServer, 1);
  guint n = ++counter;
  g_autofree char *ready = g_strdup_printf ("%s/ready-%u", cluster->dir, n);
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *migrated = NULL;
  const char *base[] = { "serve", "--secret-file", cluster->secret_file, "--listen", "127.0.0.1:0",
                         "--ready-file", ready, "--workers", "4", "--rate-limit", "0", NULL };

  server->cluster = cluster;
  server->conninfo = g_strdup (conninfo);
  server->blob_dir = g_strdup_printf ("%s/blobs-%u", cluster->dir, n);
  server->log = g_strdup_printf ("%s/server-%u.log", cluster->dir, n);
  migrated = slv_test_server_admin (server, NULL, TRUE, "migrate", NULL);
  g_ptr_array_add (argv, server_binary ());
  for (guint i = 0; base[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (base[i]));
  g_ptr_array_add (argv, g_strconcat ("--pg=", conninfo, NULL));
  g_ptr_array_add (argv, g_strconcat ("--blob-dir=", server->blob_dir, NULL));
  for (guint i = 0; extra_args != NULL && extra_args[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (extra_args[i]));
  g_ptr_array_add (argv, NULL);
  launcher = launcher_for (cluster, server->log);
  for (guint i = 0; env != NULL && env[i] != NULL; i++)
    {
      g_auto(GStrv) kv = g_strsplit (env[i], "=", 2);

      g_subprocess_launcher_setenv (launcher, kv[0], kv[1], TRUE);
    }
  server->process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  if (!wait_ready (server, ready))
    {
      print_log (server->log);
      g_error ("selvedge-server did not start");
    }
  server->db = PQconnectdb (conninfo);
  g_assert_cmpint (PQstatus (server->db), ==, CONNECTION_OK);
  return server;
}

void
slv_test_server_stop (SlvTestServer *server)
{
  if (server == NULL)
    return;
  g_subprocess_send_signal (server->process, SIGTERM);
  g_subprocess_wait (server->process, NULL, NULL);
  if (g_subprocess_get_if_signaled (server->process) ||
      (g_subprocess_get_if_exited (server->process) && g_subprocess_get_exit_status (server->process) != 0))
    {
      print_log (server->log);
      g_error ("selvedge-server ended badly");
    }
  g_object_unref (server->process);
  PQfinish (server->db);
  g_free (server->conninfo);
  g_free (server->url);
  g_free (server->blob_dir);
  g_free (server->log);
  g_free (server);
}

const char *
slv_test_server_get_url (SlvTestServer *server)
{
  return server->url;
}

const char *
slv_test_server_get_blob_dir (SlvTestServer *server)
{
  return server->blob_dir;
}

PGconn *
slv_test_server_db (SlvTestServer *server)
{
  return server->db;
}

char *
slv_test_server_add_user (SlvTestServer *server,
                          const char    *email,
                          const char    *password,
                          const char    *role,
                          const char    *scope)
{
  g_autofree char *input = g_strconcat (password, "\n", NULL);
  g_autofree char *id = slv_test_server_admin (server, input, TRUE, "add-user", "--email", email, NULL);
  g_autofree char *granted = NULL;

  if (role != NULL)
    granted = slv_test_server_admin (server, NULL, TRUE, "grant", "--email", email, "--role", role,
                                     "--scope", scope, NULL);
  return g_strdup (g_strstrip (id));
}

static PGresult *
query_va (PGconn     *conn,
          const char *sql,
          va_list     ap)
{
  g_autoptr(GPtrArray) params = g_ptr_array_new ();
  PGresult *res;

  for (const char *p = va_arg (ap, const char *); p != NULL; p = va_arg (ap, const char *))
    g_ptr_array_add (params, (gpointer) p);
  res = PQexecParams (conn, sql, params->len, NULL, (const char * const *) params->pdata, NULL, NULL, 0);
  if (PQresultStatus (res) != PGRES_TUPLES_OK && PQresultStatus (res) != PGRES_COMMAND_OK)
    g_error ("%s: %s", sql, PQerrorMessage (conn));
  return res;
}

char *
slv_test_db_scalar (PGconn     *conn,
                    const char *sql,
                    ...)
{
  va_list ap;
  PGresult *res;
  char *value = NULL;

  va_start (ap, sql);
  res = query_va (conn, sql, ap);
  va_end (ap);
  if (PQntuples (res) > 0 && !PQgetisnull (res, 0, 0))
    value = g_strdup (PQgetvalue (res, 0, 0));
  PQclear (res);
  return value;
}

gint64
slv_test_db_count (PGconn     *conn,
                   const char *sql,
                   ...)
{
  va_list ap;
  PGresult *res;
  gint64 n;

  va_start (ap, sql);
  res = query_va (conn, sql, ap);
  va_end (ap);
  n = PQntuples (res) > 0 ? g_ascii_strtoll (PQgetvalue (res, 0, 0), NULL, 10) : -1;
  PQclear (res);
  return n;
}
