/* test-sync-ui.c: the header bar's sync state, the sign-in dialog, the
 * Conflicts view and the RBAC check widgets use.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <sqlite3.h>

#include "slv-conflicts-dialog.h"
#include "slv-sign-in-dialog.h"
#include "slv-sync-button.h"
#include "slv-test-util.h"
#include "slv-ui-test-util.h"
#include "slv-window-sync.h"
#include "slv-window.h"
#include "core/slv-uuid.h"
#include "store/slv-capture.h"

typedef struct
{
  char      *dir;
  char      *path;
  SlvStore  *store;
  SlvWindow *window;
  char      *brand;
  char      *style;
  char      *rate;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = slv_test_make_tmpdir ("slv-sync-ui");
  f->path = g_build_filename (f->dir, "Sync.selvedge", NULL);
  f->store = slv_store_open (f->path, SLV_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (slv_store_insert (f->store, "brand", &f->brand, &error, "code", "NL", "name", "Northloom", NULL));
  g_assert_true (slv_store_insert (f->store, "style", &f->style, &error, "brand_id", f->brand, "code", "NL-001",
                                   "name", "Linen shirt", NULL));
  g_assert_true (slv_store_insert (f->store, "cost_rate", &f->rate, &error, "brand_id", f->brand, "process",
                                   "dyeing", "key", "reactive", "unit", "kg", "rate", "1.85", NULL));
  g_assert_no_error (error);
  f->window = g_object_ref_sink (slv_window_new (NULL, f->store));
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_assert_finalize_object (f->window);
  g_clear_object (&f->store);
  slv_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->brand);
  g_free (f->style);
  g_free (f->rate);
}

static SlvSyncButton *
find_button (GtkWidget *widget)
{
  if (SLV_IS_SYNC_BUTTON (widget))
    return SLV_SYNC_BUTTON (widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      SlvSyncButton *found = find_button (c);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Offline and not signed in: the header bar says so, the actions exist,
 * edits are counted as waiting. */
static void
test_header_state (Fixture       *f,
                   gconstpointer  data)
{
  SlvSyncButton *button = find_button (GTK_WIDGET (f->window));
  SlvSyncEngine *engine = slv_window_get_sync_engine (f->window);

  g_assert_nonnull (button);
  g_assert_true (slv_sync_button_get_engine (button) == engine);
  g_assert_cmpstr (slv_sync_button_get_text (button), ==, "Sign in to sync");
  for (guint i = 0; i < 4; i++)
    {
      static const char * const actions[] = { "sync-now", "sign-in", "sign-out", "show-conflicts" };

      g_assert_true (g_action_group_has_action (G_ACTION_GROUP (f->window), actions[i]));
    }
  g_assert_cmpint (slv_sync_engine_get_pending (engine), >, 0);
}

/* Signed in (tokens given; no server needed for this): the state reads
 * "N changes waiting" and the write matrix decides what may be edited. */
static void
test_rbac_and_pending (Fixture       *f,
                       gconstpointer  data)
{
  SlvSyncEngine *engine = slv_window_get_sync_engine (f->window);
  SlvSyncButton *button = find_button (GTK_WIDGET (f->window));
  g_autofree char *grants = g_strdup_printf ("[{\"role\":\"designer\",\"scope\":\"brand:%s\"},"
                                             "{\"role\":\"designer\",\"scope\":\"brand:%s:costing\"}]",
                                             f->brand, f->brand);
  g_autofree char *user = slv_uuid_v7_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;

  slv_sync_engine_set_automatic (engine, FALSE);
  g_assert_true (slv_sync_engine_set_sign_in (engine, "http://127.0.0.1:9", "token", NULL, user, "d@example.org",
                                              grants, &error));
  g_assert_no_error (error);
  expected = g_strdup_printf ("%" G_GINT64_FORMAT " changes waiting", slv_sync_engine_get_pending (engine));
  g_object_notify (G_OBJECT (engine), "pending");
  g_assert_cmpstr (slv_sync_button_get_text (button), ==, expected);
  /* designers write styles, and only read costing */
  g_assert_true (slv_window_can_write (f->window, "style", f->style, "name"));
  g_assert_false (slv_window_can_write (f->window, "style", f->style, "target_fob"));
  g_assert_false (slv_window_can_write (f->window, "cost_rate", f->rate, "rate"));
  g_assert_true (slv_window_can_write (f->window, "board_view", f->style, "zoom"));   /* not synced */
}

static void
add_conflict (Fixture    *f,
              const char *id,
              const char *field,
              const char *winner,
              const char *loser,
              const char *loser_hlc)
{
  g_autofree char *db_path = g_build_filename (f->path, "workspace.db", NULL);
  char *sql;
  sqlite3 *db = NULL;

  /* as a pull writes it: with capture off (a second connection has none) */
  g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
  sql = sqlite3_mprintf ("INSERT INTO conflict (id, created_at, updated_at, tbl, row_id, field, kind, winner_value, "
                         "winner_hlc, winner_user, loser_value, loser_hlc, loser_user, created_seq, status) "
                         "VALUES (%Q, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', 'style', %Q, %Q, "
                         "'concurrent_write', %Q, '2026-01-01T00:00:01.000Z-0000-0000000000000001', NULL, %Q, %Q, "
                         "NULL, 7, 'open')", id, f->style, field, winner, loser, loser_hlc);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_free (sql);
  sqlite3_close (db);
}

/* Restore the other value: it is written as a new edit (captured), the
 * conflict marked restored; Dismiss marks it dismissed. */
static void
test_conflicts_view (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *c1 = slv_uuid_v7_new ();
  g_autofree char *c2 = slv_uuid_v7_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *status = NULL;
  SlvConflictsDialog *dialog;
  gint64 outbox;

  add_conflict (f, c1, "name", "\"Linen shirt\"", "\"Linen shirt SS27\"", "2026-01-01T00:00:00.500Z-0000-0000000000000002");
  add_conflict (f, c2, "description", "\"Kept\"", "null", "2026-01-01T00:00:00.600Z-0000-0000000000000002");
  dialog = g_object_ref_sink (slv_conflicts_dialog_new (GTK_WINDOW (f->window), f->store, NULL));
  g_assert_cmpuint (slv_conflicts_dialog_get_n_conflicts (dialog), ==, 2);
  outbox = slv_store_count_outbox (f->store);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "conflicts.restore", "s", c1));
  name = slv_store_dup_field (f->store, "style", f->style, "name", &error);
  g_assert_cmpstr (name, ==, "Linen shirt SS27");
  status = slv_store_dup_field (f->store, "conflict", c1, "status", &error);
  g_assert_cmpstr (status, ==, "restored");
  g_assert_cmpint (slv_store_count_outbox (f->store), >, outbox);   /* both sync */
  g_assert_cmpuint (slv_conflicts_dialog_get_n_conflicts (dialog), ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "conflicts.dismiss", "s", c2));
  g_free (status);
  status = slv_store_dup_field (f->store, "conflict", c2, "status", &error);
  g_assert_cmpstr (status, ==, "dismissed");
  g_assert_cmpuint (slv_conflicts_dialog_get_n_conflicts (dialog), ==, 0);
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);
}

/* Refused changes are listed with their reason until dismissed. */
static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *db_path = g_build_filename (f->path, "workspace.db", NULL);
  sqlite3 *db = NULL;
  SlvConflictsDialog *dialog;

  g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO sync_rejection (op_id, tbl, row_id, field, value, hlc, status, "
                                     "code, detail, at) VALUES ('op-1', 'cost_rate', 'x', 'rate', '\"9.99\"', NULL, "
                                     "'forbidden', 'forbidden', 'Your role cannot change this field.', 1)",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  dialog = g_object_ref_sink (slv_conflicts_dialog_new (GTK_WINDOW (f->window), f->store, NULL));
  g_assert_cmpuint (slv_conflicts_dialog_get_n_refused (dialog), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "conflicts.dismiss-refused", "s", "op-1"));
  g_assert_cmpuint (slv_conflicts_dialog_get_n_refused (dialog), ==, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);
}

static gboolean
has_error (gpointer data)
{
  return slv_sign_in_dialog_get_error (data) != NULL;
}

/* The dialog checks its fields and shows what went wrong. */
static void
test_sign_in_dialog (Fixture       *f,
                     gconstpointer  data)
{
  SlvSignInDialog *dialog = g_object_ref_sink (slv_sign_in_dialog_new (GTK_WINDOW (f->window),
                                                                       slv_window_get_sync_engine (f->window)));
  gboolean timed_out = FALSE;

  gtk_window_present (GTK_WINDOW (dialog));
  slv_sign_in_dialog_fill (dialog, "https://sync.example.org", "", "");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "sign-in.sign-in", NULL));
  g_assert_nonnull (slv_sign_in_dialog_get_error (dialog));
  slv_sign_in_dialog_fill (dialog, "ftp://example.org", "a@example.org", "secret");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "sign-in.sign-in", NULL));
  while (!has_error (dialog) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_str_has_prefix (slv_sign_in_dialog_get_error (dialog), "“ftp://example.org” is not a server"));
  g_assert_cmpint (slv_sync_engine_get_status (slv_window_get_sync_engine (f->window)), ==,
                   SLV_SYNC_STATUS_SIGNED_OUT);
  gtk_window_destroy (GTK_WINDOW (dialog));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (dialog);
}

int
main (int argc, char **argv)
{
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  if (!slv_ui_test_init (&argc, &argv, "/ui/sync/no-display"))
    return g_test_run ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/ui/sync/header-state", test_header_state);
  ADD ("/ui/sync/rbac-pending", test_rbac_and_pending);
  ADD ("/ui/sync/conflicts", test_conflicts_view);
  ADD ("/ui/sync/refused", test_refused);
  ADD ("/ui/sync/sign-in-dialog", test_sign_in_dialog);
#undef ADD

  return g_test_run ();
}
