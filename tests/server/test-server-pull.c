/* test-server-pull.c: protocol invariants 4 (no skipped changes under
 * concurrent pushes), 5 (atomic visibility) and 10 (RBAC: every pull
 * response scanned for rows outside the user's buckets, moves, revocation),
 * plus signed cursors and gzip.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "core/slv-uuid.h"
#include "slv-server-test-env.h"

#define BRAND   "0190f3c2-7a4e-7b1c-9d2e-3f4a5b6c7d8e"
#define BRAND_B "0190f3c2-bbbb-7000-8000-00000000000b"
#define S1      "0190f3c2-5555-7000-8000-000000000001"
#define S2      "0190f3c2-5555-7000-8000-000000000002"

static char *admin_email;

static SlvSyncPushResponse *
push_ok (SlvTestClient      *c,
         SlvSyncPushRequest *batch)
{
  SlvSyncPushResponse *r = slv_test_client_push (c, batch);

  if (r == NULL)
    g_error ("push: %u %s", c->status, slv_test_client_text (c));
  return r;
}

/* The client's view: (table/row/field) → "value@hlc", applied page by page. */
typedef struct
{
  GHashTable *fields;
  gint64      checkpoint;
} View;

static void
view_apply (View            *view,
            SlvSyncPullPage *page)
{
  g_assert_cmpint (page->checkpoint, >=, view->checkpoint);
  for (guint i = 0; i < page->changes->len; i++)
    {
      SlvSyncChange *ch = page->changes->pdata[i];

      g_assert_cmpint (ch->seq, >, 0);
      for (guint j = 0; j < ch->fields->len; j++)
        {
          SlvSyncFieldValue *fv = ch->fields->pdata[j];
          g_autofree char *value = slv_json_node_to_text (fv->value);

          g_hash_table_replace (view->fields, g_strconcat (ch->table, "/", ch->row, "/", fv->field, NULL),
                                g_strconcat (value, "@", fv->hlc, NULL));
        }
    }
  view->checkpoint = page->checkpoint;
}

static void
view_init (View *view)
{
  view->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  view->checkpoint = 0;
}

/* Pulls until has_more is false; returns the pages read. */
static guint
drain (SlvTestClient *c,
       View          *view,
       int            limit)
{
  guint pages = 0;

  for (;;)
    {
      g_autoptr(SlvSyncPullPage) page = slv_test_client_pull (c, limit);

      g_assert_nonnull (page);
      view_apply (view, page);
      pages++;
      if (!page->has_more)
        return pages;
    }
}

static void
assert_view_is_server (View       *view,
                       const char *bucket_pattern)
{
  PGresult *res = PQexecParams (slv_env.db, "SELECT tbl || '/' || row_id || '/' || field, "
                                "coalesce (value::text, 'null') || '@' || hlc FROM sync_field WHERE bucket LIKE $1",
                                1, NULL, (const char * const[]) { bucket_pattern }, NULL, NULL, 0);
  int n = PQntuples (res);

  g_assert_cmpint (PQresultStatus (res), ==, PGRES_TUPLES_OK);
  for (int i = 0; i < n; i++)
    {
      const char *key = PQgetvalue (res, i, 0);
      const char *seen = g_hash_table_lookup (view->fields, key);
      g_autoptr(JsonNode) node = NULL;
      g_autofree char *canonical = NULL;
      const char *at = strrchr (PQgetvalue (res, i, 1), '@');
      g_autofree char *value = g_strndup (PQgetvalue (res, i, 1), at - PQgetvalue (res, i, 1));
      g_autofree char *text = NULL;

      node = slv_json_parse (value, strlen (value), NULL);
      text = slv_json_node_to_text (node);
      canonical = g_strconcat (text, at, NULL);
      if (g_strcmp0 (seen, canonical) != 0)
        g_error ("%s: server has %s, puller saw %s", key, canonical, seen ? seen : "nothing");
    }
  g_assert_cmpuint (g_hash_table_size (view->fields), ==, (guint) n);
  PQclear (res);
}

typedef struct
{
  char  *email;
  guint  batches;
  char  *shared;
} Pusher;

static gpointer
pusher_thread (gpointer data)
{
  Pusher *p = data;
  g_autoptr(SlvTestClient) c = slv_env_client (p->email);

  for (guint i = 0; i < p->batches; i++)
    {
      g_autoptr(SlvSyncPushRequest) b = slv_test_client_batch (c);
      g_autofree char *h = slv_test_client_tick (c);
      g_autoptr(SlvSyncPushResponse) r = NULL;
      g_autofree char *name = g_strdup_printf ("\"%s batch %u\"", c->node, i);

      for (guint k = 0; k < 3; k++)
        {
          g_autofree char *id = slv_uuid_v7_new ();

          slv_env_create_row (b, h, "style", id, BRAND, "code", "\"C\"", "name", name, NULL);
        }
      slv_test_batch_op (b, "style", p->shared, "name", name, h, NULL);
      r = push_ok (c, b);
    }
  return NULL;
}

static void
test_no_skipped_changes (void)
{
  g_autoptr(SlvTestClient) puller = NULL;
  g_autofree char *shared = slv_uuid_v7_new ();
  Pusher pushers[4];
  GThread *threads[4];
  View view;
  guint pages = 0;

  SLV_REQUIRE_SERVER ();
  view_init (&view);
  puller = slv_env_client (admin_email);
  {
    g_autoptr(SlvTestClient) a = slv_env_client (admin_email);
    g_autoptr(SlvSyncPushRequest) b = slv_test_client_batch (a);
    g_autofree char *h = slv_test_client_tick (a);
    g_autoptr(SlvSyncPushResponse) r = NULL;

    slv_env_create_row (b, h, "style", shared, BRAND, "code", "\"SH\"", "name", "\"shared\"", NULL);
    r = push_ok (a, b);
  }
  for (guint i = 0; i < G_N_ELEMENTS (pushers); i++)
    {
      pushers[i] = (Pusher) { admin_email, 12, shared };
      threads[i] = g_thread_new ("pusher", pusher_thread, &pushers[i]);
    }
  /* pull while the pushers commit out of order (the server sleeps between
   * taking a sequence number and committing) */
  for (int i = 0; i < 40; i++)
    {
      g_autoptr(SlvSyncPullPage) page = slv_test_client_pull (puller, 7);

      g_assert_nonnull (page);
      view_apply (&view, page);
      pages++;
      g_usleep (10000);
    }
  for (guint i = 0; i < G_N_ELEMENTS (pushers); i++)
    g_thread_join (threads[i]);
  pages += drain (puller, &view, 7);
  g_assert_cmpuint (pages, >, 41);
  assert_view_is_server (&view, "brand:" BRAND "%");
  g_hash_table_unref (view.fields);
}

static gpointer
costing_pusher (gpointer data)
{
  g_autoptr(SlvTestClient) c = slv_env_client (admin_email);
  GPtrArray *costings = data;

  for (guint n = 0; n < 6; n++)
    {
      g_autoptr(SlvSyncPushRequest) b = slv_test_client_batch (c);
      g_autofree char *h = slv_test_client_tick (c);
      g_autofree char *costing = slv_uuid_v7_new ();
      g_autofree char *cj = slv_json_quote (costing);
      g_autoptr(SlvSyncPushResponse) r = NULL;

      slv_env_create_row (b, h, "costing", costing, BRAND, "style_id", "\"" BRAND "\"", NULL);
      for (guint i = 0; i < 30; i++)
        {
          g_autofree char *line = slv_uuid_v7_new ();
          g_autofree char *pos = g_strdup_printf ("\"a%02u\"", i);

          slv_env_create_row (b, h, "bom_line", line, BRAND, "costing_id", cj, "style_id", "\"" BRAND "\"",
                              "position", pos, "consumption", "\"0.1\"", "unit", "\"KG\"", NULL);
        }
      r = push_ok (c, b);
      g_assert_cmpint (slv_test_result_status (r, 0), ==, SLV_SYNC_OP_APPLIED);
      g_ptr_array_add (costings, g_steal_pointer (&costing));
      g_usleep (5000);
    }
  return NULL;
}

/* After every page, a costing is seen with all 30 lines or not at all. */
static void
check_complete (View *view)
{
  g_autoptr(GHashTable) lines = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, view->fields);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_str_has_prefix (key, "bom_line/") && g_str_has_suffix (key, "/costing_id"))
      {
        const char *costing = value;

        g_hash_table_insert (lines, (gpointer) costing,
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (lines, costing)) + 1));
      }
  g_hash_table_iter_init (&iter, lines);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_UINT (value) != 30)
      g_error ("costing %s visible with %u of 30 lines", (char *) key, GPOINTER_TO_UINT (value));
}

static void
test_atomic_visibility (void)
{
  g_autoptr(SlvTestClient) puller = NULL;
  g_autoptr(GPtrArray) costings = g_ptr_array_new_with_free_func (g_free);
  GThread *thread;
  View view;
  gboolean oversized = FALSE;

  SLV_REQUIRE_SERVER ();
  view_init (&view);
  puller = slv_env_client (admin_email);
  drain (puller, &view, 500);
  thread = g_thread_new ("costings", costing_pusher, costings);
  for (int i = 0; i < 200; i++)
    {
      g_autoptr(SlvSyncPullPage) page = slv_test_client_pull (puller, 5);
      guint fields = 0;

      g_assert_nonnull (page);
      for (guint j = 0; j < page->changes->len; j++)
        fields += ((SlvSyncChange *) page->changes->pdata[j])->fields->len;
      /* a page runs past its limit to finish the batch's seq */
      oversized |= fields > 5;
      view_apply (&view, page);
      check_complete (&view);
      if (!page->has_more && costings->len == 6)
        break;
      g_usleep (2000);
    }
  g_thread_join (thread);
  drain (puller, &view, 5);
  check_complete (&view);
  g_assert_true (oversized);
  g_hash_table_unref (view.fields);
}

static void
test_cursor_signed (void)
{
  g_autoptr(SlvTestClient) c = NULL;
  g_autoptr(SlvSyncPullPage) page = NULL;
  g_autofree char *code = NULL;

  SLV_REQUIRE_SERVER ();
  c = slv_env_client (admin_email);
  page = slv_test_client_pull (c, 10);
  g_assert_nonnull (page);
  /* move the position forward by editing the payload: the tag fails */
  {
    g_autoptr(SlvSyncCursor) forged = slv_sync_cursor_new ();

    slv_sync_cursor_set (forged, "brand:" BRAND, 999999);
    g_free (c->cursor);
    c->cursor = slv_sync_cursor_encode (forged, (const guint8 *) "guessed key", 11);
  }
  g_assert_null (slv_test_client_pull (c, 10));
  code = slv_test_client_problem (c);
  g_assert_cmpuint (c->status, ==, 400);
  g_assert_cmpstr (code, ==, "bad_request");
  g_free (c->cursor);
  c->cursor = g_strdup ("not a cursor at all");
  g_assert_null (slv_test_client_pull (c, 10));
  g_assert_cmpuint (c->status, ==, 400);
}

static void
test_gzip (void)
{
  g_autoptr(SlvTestClient) c = NULL;
  const char *accept[] = { "Accept-Encoding", "gzip", NULL };
  gsize len = 0;
  const guint8 *data;

  SLV_REQUIRE_SERVER ();
  c = slv_env_client (admin_email);
  soup_session_remove_feature_by_type (c->session, SOUP_TYPE_CONTENT_DECODER);
  g_assert_cmpuint (slv_test_client_send (c, "GET", "/v1/sync/pull?limit=500", NULL, NULL, NULL, accept), ==, 200);
  g_assert_cmpstr (soup_message_headers_get_one (c->headers, "Content-Encoding"), ==, "gzip");
  data = g_bytes_get_data (c->body, &len);
  g_assert_cmpuint (len, >, 2);
  g_assert_cmpuint (data[0], ==, 0x1f);
  g_assert_cmpuint (data[1], ==, 0x8b);
}

int
main (int argc, char *argv[])
{
  const char *env[] = { "SELVEDGE_TEST_COMMIT_DELAY_MS=15", NULL };
  const char *args[] = { "--workers=8", NULL };
  int rc;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  if (slv_server_test_env_setup (args, env))
    admin_email = slv_env_user ("admin", "brand:" BRAND);
  g_test_add_func ("/server/pull/no-skipped-changes", test_no_skipped_changes);
  g_test_add_func ("/server/pull/atomic-visibility", test_atomic_visibility);
  g_test_add_func ("/server/pull/cursor-signed", test_cursor_signed);
  g_test_add_func ("/server/pull/gzip", test_gzip);
  rc = g_test_run ();
  if (slv_env.server != NULL)
    slv_server_test_env_teardown ();
  g_free (admin_email);
  return rc;
}
