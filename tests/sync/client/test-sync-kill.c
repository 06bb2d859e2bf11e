/* test-sync-kill.c: invariant 3 (nothing lost on kill).
 *
 * For every fault point of the protocol, `selvedge-cli sync` runs in a
 * child process with SLV_SYNC_FAULT=<point>:1 and dies there (abort);
 * then it runs again until the workspace is quiet. Every edit committed
 * before the kill must be the winning value on the server, the loser of a
 * conflict row, or a rejection; the workspace passes integrity_check; the
 * outbox drains; the workspace, a second client and the server agree.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>

#include "core/slv-uuid.h"
#include "store/slv-blobs.h"
#include "sync-test-util.h"
#include "sync/slv-sync-fault.h"

typedef struct
{
  char       *dir;
  char       *path;          /* the killed workspace */
  char       *tokens;        /* its token file */
  char       *brand;
  SyncUser   *user;
  SyncClient *other;         /* an in-process client editing alongside */
  char       *style;
  char       *board;
} Ctx;

static Ctx ctx;

/* Runs selvedge-cli with @fault (may be NULL); returns the wait status. */
static int
run_cli (const char *fault,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  va_list ap;

  g_ptr_array_add (argv, slv_test_build_path ("src/cli/selvedge-cli"));
  va_start (ap, fault);
  for (const char *a = va_arg (ap, const char *); a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (argv, g_strdup (a));
  va_end (ap);
  g_ptr_array_add (argv, NULL);
  g_subprocess_launcher_setenv (launcher, "SELVEDGE_TOKEN_FILE", ctx.tokens, TRUE);
  g_subprocess_launcher_setenv (launcher, "SELVEDGE_SYNC_CHUNK_BYTES", "65536", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "G_DEBUG");
  if (fault != NULL)
    g_subprocess_launcher_setenv (launcher, "SLV_SYNC_FAULT", fault, TRUE);
  else
    g_subprocess_launcher_unsetenv (launcher, "SLV_SYNC_FAULT");
  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, NULL, &err, &error);
  g_assert_no_error (error);
  if (g_test_verbose () || (fault == NULL && g_subprocess_get_exit_status (proc) > 1))
    g_printerr ("%s", err);
  return g_subprocess_get_status (proc);
}

static SlvStore *
open_store (void)
{
  g_autoptr(GError) error = NULL;
  SlvStore *store = slv_store_open (ctx.path, SLV_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  return store;
}

/* The killed workspace's latest op per field: the edits that must survive. */
static GPtrArray *
snapshot_outbox (void)
{
  g_autofree char *db_path = g_build_filename (ctx.path, "workspace.db", NULL);
  GPtrArray *ops = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT tbl, row_id, field, coalesce (value, 'null'), hlc FROM sync_outbox o "
                                           "WHERE hlc = (SELECT max (hlc) FROM sync_outbox p WHERE p.tbl = o.tbl "
                                           "AND p.row_id = o.row_id AND p.field = o.field)", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      char **op = g_new0 (char *, 6);

      for (int i = 0; i < 5; i++)
        op[i] = g_strdup ((const char *) sqlite3_column_text (stmt, i));
      g_ptr_array_add (ops, op);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return ops;
}

static gboolean
survived (char **op)
{
  g_autoptr(JsonNode) node = slv_json_parse (op[3], strlen (op[3]), NULL);
  g_autofree char *want = sync_canonical_json (node);
  g_autofree char *value = slv_test_db_scalar (slv_env.db, "SELECT coalesce (value::text, 'null') FROM sync_field "
                                               "WHERE tbl = $1 AND row_id = $2::uuid AND field = $3 AND hlc = $4",
                                               op[0], op[1], op[2], op[4], NULL);
  g_autoptr(JsonNode) got = value ? slv_json_parse (value, strlen (value), NULL) : NULL;
  g_autofree char *have = got ? sync_canonical_json (got) : NULL;

  if (g_strcmp0 (want, have) == 0)
    return TRUE;
  /* lost to a concurrent writer: the conflict log keeps it */
  return slv_test_db_count (slv_env.db, "SELECT count(*) FROM sync_field f WHERE f.tbl = 'conflict' "
                                        "AND f.field = 'loser_hlc' AND f.value #>> '{}' = $1", op[4], NULL) > 0;
}

static void
assert_nothing_lost (GPtrArray  *ops,
                     const char *point)
{
  g_autofree char *db_path = g_build_filename (ctx.path, "workspace.db", NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  for (guint i = 0; i < ops->len; i++)
    {
      char **op = g_ptr_array_index (ops, i);
      g_autofree char *sql = NULL;

      if (survived (op))
        continue;
      g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
      sql = sqlite3_mprintf ("SELECT count(*) FROM sync_rejection WHERE tbl = %Q AND row_id = %Q AND field = %Q "
                             "AND hlc = %Q", op[0], op[1], op[2], op[4]);
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      if (sqlite3_column_int (stmt, 0) == 0)
        g_error ("fault %s: the edit %s.%s = %s (%s) was lost", point, op[0], op[2], op[3], op[4]);
      sqlite3_finalize (stmt);
      sqlite3_close (db);
      sqlite3_free (g_steal_pointer (&sql));
    }
}

static void
check_integrity (void)
{
  g_autoptr(SlvStore) store = open_store ();
  g_autoptr(GError) error = NULL;

  g_assert_true (slv_store_check_integrity (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (slv_store_count_outbox (store), ==, 0);
}

static void
edit (SlvStore   *store,
      const char *table,
      const char *id,
      const char *column,
      const char *value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (slv_store_update_field (store, table, id, column, value, &error));
  g_assert_no_error (error);
}

/* Local edits (one racing the other client), a new item with a blob
 * bigger than one upload chunk, and remote edits for the pull to bring. */
static void
make_work (const char *point)
{
  g_autoptr(SlvStore) store = open_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree guint8 *data = g_malloc (300 * 1024);
  g_autofree char *sha = NULL;
  g_autofree char *name = g_strdup_printf ("%s (killed)", point);
  g_autofree char *other = g_strdup_printf ("%s (other)", point);

  for (gsize i = 0; i < 300 * 1024; i++)
    data[i] = (guint8) g_random_int ();
  bytes = g_bytes_new (data, 300 * 1024);
  edit (store, "style", ctx.style, "name", name);
  edit (store, "style", ctx.style, "description", point);
  sha = slv_blobs_put (store, bytes, "image/png", point, 10, 10, &error);
  g_assert_no_error (error);
  g_assert_true (slv_store_insert (store, "board_item", NULL, &error, "brand_id", ctx.brand, "board_id", ctx.board,
                                   "kind", "image", "z", "b0", "blob", sha, NULL));
  g_assert_no_error (error);
  edit (ctx.other->store, "style", ctx.style, "name", other);
  edit (ctx.other->store, "board", ctx.board, "background", point);
  sync_client_quiesce (ctx.other);
}

static void
test_fault (gconstpointer data)
{
  const char *point = data;
  g_autofree char *fault = g_strdup_printf ("%s:1", point);
  g_autoptr(GPtrArray) ops = NULL;
  g_autoptr(GHashTable) mine = NULL;
  g_autoptr(GHashTable) theirs = NULL;
  g_autoptr(GHashTable) server = NULL;
  int status;

  SLV_REQUIRE_SERVER ();
  make_work (point);
  ops = snapshot_outbox ();
  g_assert_cmpuint (ops->len, >, 0);
  status = run_cli (fault, "sync", ctx.path, NULL);
  if (!WIFSIGNALED (status) || WTERMSIG (status) != SIGABRT)
    g_error ("fault %s: selvedge-cli was not killed there (status %d)", point, status);
  if (strcmp (point, "upload") == 0)
    {
      SyncClient killed = { ctx.dir, ctx.path, NULL, NULL, NULL, 0, NULL };

      killed.store = open_store ();
      /* killed after its first chunk: the upload resumes from there */
      g_assert_cmpint (sync_client_count (&killed, "SELECT sent_bytes FROM blob_upload WHERE state = 'uploading' "
                                                   "AND upload_id IS NOT NULL"), ==, 65536);
      g_clear_pointer (&killed.read_db, sqlite3_close);
      g_clear_object (&killed.store);
    }
  for (int i = 0; i < 2; i++)
    g_assert_cmpint (WEXITSTATUS (run_cli (NULL, "sync", ctx.path, NULL)), ==, 0);
  sync_client_quiesce (ctx.other);
  g_assert_cmpint (WEXITSTATUS (run_cli (NULL, "sync", ctx.path, NULL)), ==, 0);
  check_integrity ();
  assert_nothing_lost (ops, point);

  {
    SyncClient killed = { ctx.dir, ctx.path, NULL, NULL, NULL, 0, NULL };

    killed.store = open_store ();
    mine = sync_client_dump (&killed);
    g_clear_pointer (&killed.read_db, sqlite3_close);
    g_clear_object (&killed.store);
  }
  theirs = sync_client_dump (ctx.other);
  server = sync_server_dump (ctx.brand);
  sync_assert_same_dump (mine, point, theirs, "other client", 0);
  sync_assert_same_dump (mine, point, server, "server", 0);
  /* the other client fetched every image, verified */
  {
    g_autofree char *missing = sync_client_query (ctx.other, "SELECT count(*) FROM blob");
    g_auto(GStrv) wanted = slv_sync_store_blobs_to_download (slv_sync_engine_get_sync_store (ctx.other->engine), NULL);

    g_assert_cmpint (g_ascii_strtoll (missing, NULL, 10), >, 0);
    g_assert_cmpuint (g_strv_length (wanted), ==, 0);
  }
}

/* `selvedge-cli sync --json` on the new workspace: a summary of what went
 * up, and nothing left waiting. */
static void
sync_json_first (void)
{
  const char *argv[] = { NULL, "sync", "--json", ctx.path, NULL };
  g_autofree char *cli = slv_test_build_path ("src/cli/selvedge-cli");
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *out = NULL;
  JsonObject *o;

  argv[0] = cli;
  g_subprocess_launcher_setenv (launcher, "SELVEDGE_TOKEN_FILE", ctx.tokens, TRUE);
  g_subprocess_launcher_unsetenv (launcher, "SLV_SYNC_FAULT");
  proc = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_subprocess_get_exit_status (proc), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  o = json_node_get_object (json_parser_get_root (parser));
  g_assert_true (json_object_get_boolean_member (o, "ok"));
  g_assert_cmpstr (json_object_get_string_member (o, "status"), ==, "up-to-date");
  /* brand, season, collection, style and board, every field of each */
  g_assert_cmpint (json_object_get_int_member (o, "pushed"), >=, 5);
  g_assert_cmpint (json_object_get_int_member (o, "acknowledged"), ==, json_object_get_int_member (o, "pushed"));
  g_assert_cmpint (json_object_get_int_member (o, "refused"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (o, "pending"), ==, 0);
}

static void
setup (void)
{
  g_autofree char *pw = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvStore) store = NULL;
  g_autofree char *season = NULL;
  g_autofree char *collection = NULL;

  ctx.user = sync_user_new ("admin", "brand:{}", &ctx.brand);
  ctx.dir = slv_test_make_tmpdir ("slv-sync-kill");
  ctx.path = g_build_filename (ctx.dir, "Killed.selvedge", NULL);
  ctx.tokens = g_build_filename (ctx.dir, "tokens", NULL);
  pw = g_build_filename (ctx.dir, "password", NULL);
  g_assert_true (g_file_set_contents (pw, SLV_PASSWORD "\n", -1, NULL));
  store = slv_store_open (ctx.path, SLV_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_cmpint (WEXITSTATUS (run_cli (NULL, "login", "--server", slv_env.url, "--email", ctx.user->email,
                                         "--password-file", pw, ctx.path, NULL)), ==, 0);
  store = open_store ();
  g_assert_true (slv_store_insert (store, "brand", NULL, &error, "id", ctx.brand, "code", "K", "name", "Kill", NULL));
  g_assert_true (slv_store_insert (store, "season", &season, &error, "brand_id", ctx.brand, "code", "S",
                                   "name", "S", NULL));
  g_assert_true (slv_store_insert (store, "collection", &collection, &error, "brand_id", ctx.brand, "season_id",
                                   season, "name", "C", NULL));
  g_assert_true (slv_store_insert (store, "style", &ctx.style, &error, "brand_id", ctx.brand, "collection_id",
                                   collection, "code", "K1", "name", "Kill tee", NULL));
  g_assert_true (slv_store_insert (store, "board", &ctx.board, &error, "brand_id", ctx.brand, "name", "B", NULL));
  g_assert_no_error (error);
  g_clear_object (&store);
  sync_json_first ();
  ctx.other = sync_client_new (ctx.user);
  sync_client_quiesce (ctx.other);
}

int
main (int argc, char *argv[])
{
  static const char * const points[] = { "commit", "batch", "sent", "response", "pull", "apply", "upload",
                                         "uploaded" };
  int rc;

  sync_test_prepare ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  if (sync_env_setup ())
    setup ();
  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    {
      g_autofree char *path = g_strdup_printf ("/sync/client/kill/%s", points[i]);

      g_test_add_data_func (path, points[i], test_fault);
    }
  rc = g_test_run ();
  g_clear_pointer (&ctx.other, sync_client_free);
  g_clear_pointer (&ctx.user, sync_user_free);
  if (ctx.dir != NULL && g_getenv ("SELVEDGE_KEEP_TMP") == NULL)
    slv_test_rm_rf (ctx.dir);
  sync_env_teardown ();
  return rc;
}
