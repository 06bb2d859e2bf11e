/* test-crash.c: a writer killed with SIGKILL at random points, 200 times.
 * After every kill the workspace opens, passes PRAGMA integrity_check and
 * holds every row whose commit the writer had reported.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "slv-test-util.h"
#include "core/slv-material.h"
#include "store/slv-repo.h"

#define ROUNDS 200

typedef struct
{
  const char *brand;
  gint64      n;
} WriteData;

static gboolean
write_one (SlvStore  *store,
           gpointer   user_data,
           GError   **error)
{
  WriteData *w = user_data;
  g_autofree char *code = g_strdup_printf ("%010" G_GINT64_FORMAT, w->n);
  g_autofree char *name = g_strdup_printf ("Crash jersey %" G_GINT64_FORMAT, w->n);
  g_autofree char *id = NULL;

  /* an insert and an update in one transaction: both or neither survive */
  return slv_store_insert (store, "material", &id, error, "brand_id", w->brand, "code", code,
                           "name", "pending", "kind", "fabric", "unit", "KG", NULL) &&
         slv_store_update_field (store, "material", id, "name", name, error);
}

G_GNUC_NORETURN static void
writer (const char *path,
        const char *brand,
        gint64      first,
        int         fd)
{
  g_autoptr(SlvStore) store = slv_store_open (path, SLV_STORE_OPEN_DEFAULT, NULL);
  WriteData w = { brand, first };

  if (store == NULL)
    _exit (3);
  for (;; w.n++)
    {
      if (!slv_store_transaction (store, write_one, &w, NULL))
        _exit (4);
      /* reported only once the commit has returned */
      if (write (fd, &w.n, sizeof w.n) != sizeof w.n)
        _exit (5);
    }
}

static gint64
count_materials (SlvStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) counts = slv_store_count_rows (store, &error);

  g_assert_no_error (error);
  return GPOINTER_TO_INT (g_hash_table_lookup (counts, "material"));
}

static void
test_kill_writer (void)
{
  g_autofree char *dir = slv_test_make_tmpdir ("slv-crash");
  g_autofree char *path = g_build_filename (dir, "Crash.selvedge", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *brand = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  gint64 committed = 0;

  {
    g_autoptr(SlvStore) store = slv_store_open (path, SLV_STORE_OPEN_CREATE, &error);

    g_assert_no_error (error);
    g_assert_true (slv_store_insert (store, "brand", &brand, &error, "code", "NL", "name", "Northloom", NULL));
  }

  for (int round = 0; round < ROUNDS; round++)
    {
      g_autoptr(SlvStore) store = NULL;
      int fds[2];
      pid_t pid;
      gint64 n, last = committed, present;
      int status;

      g_assert_cmpint (pipe (fds), ==, 0);
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          close (fds[0]);
          writer (path, brand, committed + 1, fds[1]);
        }
      close (fds[1]);
      /* Wait for the writer's first commit (its start-up time varies a lot,
       * e.g. under sanitizers), then kill it at a random later moment. */
      if (read (fds[0], &n, sizeof n) == sizeof n)
        last = MAX (last, n);
      g_usleep (g_rand_int_range (rand, 0, 20000));
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status));
      while (read (fds[0], &n, sizeof n) == sizeof n)
        last = MAX (last, n);
      close (fds[0]);

      store = slv_store_open (path, SLV_STORE_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
      g_assert_true (slv_store_check_integrity (store, &error));
      g_assert_no_error (error);
      present = count_materials (store);
      /* every reported commit is there; at most one more (committed, not yet reported) */
      g_assert_cmpint (present, >=, last);
      g_assert_cmpint (present, <=, last + 1);
      /* and the last one is whole: its update landed with its insert */
      if (present > 0)
        {
          g_autofree char *code = g_strdup_printf ("%010" G_GINT64_FORMAT, present);
          g_autofree char *name = g_strdup_printf ("Crash jersey %" G_GINT64_FORMAT, present);
          g_autoptr(SlvEntity) m = slv_repo_find_by_code (store, SLV_TYPE_MATERIAL, code, &error);

          g_assert_no_error (error);
          g_assert_cmpstr (slv_material_get_name (SLV_MATERIAL (m)), ==, name);
        }
      committed = present;
    }
  g_test_message ("%d kills, %" G_GINT64_FORMAT " committed rows all present", ROUNDS, committed);
  g_assert_cmpint (committed, >, 0);
  slv_test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/store/crash/kill-writer", test_kill_writer);
  return g_test_run ();
}
