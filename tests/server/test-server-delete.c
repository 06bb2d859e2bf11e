/* test-server-delete.c: protocol invariant 9 (deletes win, restore, GC with
 * resync, nothing purged is resurrected, references hold) and SQL injection
 * strings stored verbatim in every text field of every table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "core/slv-uuid.h"
#include "server/slv-server-migrate.h"
#include "slv-server-test-env.h"

#define BRAND    "0190f3c2-7a4e-7b1c-9d2e-3f4a5b6c7d8e"
#define SUPPLIER "0190f3c2-5555-7000-8000-000000000001"

static char *admin_email;
static char *merch_email;

static SlvSyncPushResponse *
push_ok (SlvTestClient      *c,
         SlvSyncPushRequest *batch)
{
  SlvSyncPushResponse *r = slv_test_client_push (c, batch);

  if (r == NULL)
    g_error ("push: %u %s", c->status, slv_test_client_text (c));
  return r;
}

static SlvSyncOpStatus
set_one (SlvTestClient *c,
         const char    *table,
         const char    *row,
         const char    *field,
         const char    *value,
         const char    *base,
         char         **conflict_id)
{
  g_autofree char *h = slv_test_client_tick (c);
  g_autoptr(SlvSyncPushRequest) b = slv_test_client_batch (c);
  g_autoptr(SlvSyncPushResponse) r = NULL;
  SlvSyncOpResult *res;

  slv_test_batch_op (b, table, row, field, value, h, base);
  r = push_ok (c, b);
  res = r->results->pdata[0];
  if (conflict_id != NULL)
    *conflict_id = g_strdup (res->conflict_id);
  return res->status;
}

static char *
create_style (SlvTestClient *c,
              const char    *name)
{
  char *id = slv_uuid_v7_new ();
  g_autofree char *h = slv_test_client_tick (c);
  g_autofree char *nj = slv_json_quote (name);
  g_autoptr(SlvSyncPushRequest) b = slv_test_client_batch (c);
  g_autoptr(SlvSyncPushResponse) r = NULL;

  slv_env_create_row (b, h, "style", id, BRAND, "code", "\"D-1\"", "name", nj, NULL);
  r = push_ok (c, b);
  g_assert_cmpint (slv_test_result_status (r, 0), ==, SLV_SYNC_OP_APPLIED);
  return id;
}

/* Pulls until up to date; returns the latest change per row (table/row →
 * fields as "field=value;…" sorted), and whether any page asked to resync. */
static GHashTable *
pull_all (SlvTestClient *c,
          gboolean      *resync)
{
  GHashTable *rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_hash_table_unref);

  *resync = FALSE;
  for (int i = 0; i < 1000; i++)
    {
      g_autoptr(SlvSyncPullPage) page = slv_test_client_pull (c, 200);

      g_assert_nonnull (page);
      *resync |= page->resync[0] != NULL;
      for (guint j = 0; j < page->changes->len; j++)
        {
          SlvSyncChange *ch = page->changes->pdata[j];
          g_autofree char *key = g_strconcat (ch->table, "/", ch->row, NULL);
          GHashTable *fields = g_hash_table_lookup (rows, key);

          if (fields == NULL)
            {
              fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
              g_hash_table_insert (rows, g_strdup (key), fields);
            }
          for (guint k = 0; k < ch->fields->len; k++)
            {
              SlvSyncFieldValue *fv = ch->fields->pdata[k];

              g_hash_table_replace (fields, g_strdup (fv->field), slv_json_node_to_text (fv->value));
            }
        }
      if (!page->has_more)
        break;
    }
  return rows;
}

static const char *
pulled (GHashTable *rows,
        const char *table,
        const char *row,
        const char *field)
{
  g_autofree char *key = g_strconcat (table, "/", row, NULL);
  GHashTable *fields = g_hash_table_lookup (rows, key);

  return fields ? g_hash_table_lookup (fields, field) : NULL;
}

static void
test_delete_wins (void)
{
  g_autoptr(SlvTestClient) a = NULL, b = NULL;
  g_autofree char *style = NULL, *created = NULL, *cid = NULL;
  g_autoptr(GHashTable) rows = NULL;
  gboolean resync;

  SLV_REQUIRE_SERVER ();
  a = slv_env_client (admin_email);
  b = slv_env_client (merch_email);
  style = create_style (a, "Before");
  created = slv_test_db_scalar (slv_env.db, "SELECT hlc FROM sync_field WHERE row_id = $1::uuid AND field = 'name'",
                                style, NULL);
  g_assert_cmpint (set_one (a, "style", style, "deleted", "true", created, NULL), ==, SLV_SYNC_OP_APPLIED);

  /* b edits the row it still sees alive: kept in the tombstone, logged */
  g_assert_cmpint (set_one (b, "style", style, "name", "\"Edited offline\"", created, &cid), ==,
                   SLV_SYNC_OP_APPLIED_ON_DELETED);
  g_assert_nonnull (cid);
  g_assert_cmpint (slv_test_db_count (slv_env.db, "SELECT count (*) FROM conflict WHERE id = $1::uuid "
                                      "AND kind = 'edit_on_deleted'", cid, NULL), ==, 1);
  rows = pull_all (b, &resync);
  g_assert_cmpstr (pulled (rows, "style", style, "deleted"), ==, "true");
  g_clear_pointer (&rows, g_hash_table_unref);

  /* restore: deleted=false with a newer stamp brings every field back */
  g_assert_cmpint (set_one (a, "style", style, "deleted", "false", NULL, NULL), ==, SLV_SYNC_OP_APPLIED);
  rows = pull_all (b, &resync);
  g_assert_cmpstr (pulled (rows, "style", style, "deleted"), ==, "false");
  g_assert_false (resync);
  g_clear_pointer (&rows, g_hash_table_unref);
  {
    g_autoptr(SlvTestClient) c = slv_env_client (merch_email);

    rows = pull_all (c, &resync);
    g_assert_cmpstr (pulled (rows, "style", style, "deleted"), ==, "false");
    g_assert_cmpstr (pulled (rows, "style", style, "name"), ==, "\"Edited offline\"");
    g_assert_cmpstr (pulled (rows, "style", style, "code"), ==, "\"D-1\"");
  }
  {
    g_autofree char *name = slv_test_db_scalar (slv_env.db, "SELECT name FROM style WHERE id = $1::uuid", style, NULL);
    g_autofree char *deleted = slv_test_db_scalar (slv_env.db, "SELECT deleted FROM style WHERE id = $1::uuid", style, NULL);

    g_assert_cmpstr (name, ==, "Edited offline");
    g_assert_cmpstr (deleted, ==, "f");
  }
}

static void
test_gc (void)
{
  g_autoptr(SlvTestClient) a = NULL, stale = NULL, fresh = NULL;
  g_autofree char *gone = NULL, *kept = NULL, *season = NULL, *collection = NULL, *out = NULL, *cj = NULL, *sj = NULL;
  g_autoptr(GHashTable) rows = NULL;
  gboolean resync;

  SLV_REQUIRE_SERVER ();
  a = slv_env_client (admin_email);
  stale = slv_env_client (merch_email);
  gone = create_style (a, "To be purged");
  kept = create_style (a, "Lives on");

  /* a collection referenced by a live style is never purged */
  season = slv_uuid_v7_new ();
  collection = slv_uuid_v7_new ();
  sj = slv_json_quote (season);
  cj = slv_json_quote (collection);
  {
    g_autofree char *h = slv_test_client_tick (a);
    g_autoptr(SlvSyncPushRequest) b = slv_test_client_batch (a);
    g_autoptr(SlvSyncPushResponse) r = NULL;

    slv_env_create_row (b, h, "season", season, BRAND, "code", "\"SS26\"", "name", "\"Spring\"", NULL);
    slv_env_create_row (b, h, "collection", collection, BRAND, "season_id", sj, "name", "\"Linen\"", NULL);
    slv_test_batch_op (b, "style", kept, "collection_id", cj, h, NULL);
    r = push_ok (a, b);
  }
  rows = pull_all (stale, &resync);    /* positioned before the deletes */
  g_clear_pointer (&rows, g_hash_table_unref);
  g_assert_cmpint (set_one (a, "style", gone, "deleted", "true", NULL, NULL), ==, SLV_SYNC_OP_APPLIED);
  g_assert_cmpint (set_one (a, "collection", collection, "deleted", "true", NULL, NULL), ==, SLV_SYNC_OP_APPLIED);

  out = slv_test_server_admin (slv_env.server, NULL, TRUE, "gc", "--ttl-seconds", "0", NULL);
  g_assert_nonnull (strstr (out, "\"purged_rows\":"));
  g_assert_cmpint (slv_test_db_count (slv_env.db, "SELECT count (*) FROM sync_field WHERE row_id = $1::uuid", gone, NULL), ==, 0);
  g_assert_cmpint (slv_test_db_count (slv_env.db, "SELECT count (*) FROM sync_row WHERE row_id = $1::uuid AND purged",
                                      gone, NULL), ==, 1);
  g_assert_cmpint (slv_test_db_count (slv_env.db, "SELECT count (*) FROM sync_row WHERE row_id = $1::uuid AND NOT purged",
                                      collection, NULL), ==, 1);
  g_assert_cmpint (slv_test_db_count (slv_env.db, "SELECT count (*) FROM style WHERE id = $1::uuid", gone, NULL), ==, 0);

  /* the stale cursor is below the floor: resync, not a silent gap */
  rows = pull_all (stale, &resync);
  g_assert_true (resync);
  g_clear_pointer (&rows, g_hash_table_unref);
  g_free (stale->cursor);
  stale->cursor = NULL;
  rows = pull_all (stale, &resync);
  g_assert_false (resync);
  g_assert_null (pulled (rows, "style", gone, "name"));
  g_assert_null (pulled (rows, "style", gone, "deleted"));
  g_assert_cmpstr (pulled (rows, "style", kept, "collection_id"), ==, cj);
  g_assert_cmpstr (pulled (rows, "collection", collection, "deleted"), ==, "true");

  /* a long-offline edit to the purged row does not resurrect it */
  g_assert_cmpint (set_one (stale, "style", gone, "name", "\"Back from the dead\"", NULL, NULL), ==,
                   SLV_SYNC_OP_APPLIED_ON_DELETED);
  g_assert_cmpint (set_one (stale, "style", gone, "deleted", "false", NULL, NULL), ==, SLV_SYNC_OP_APPLIED_ON_DELETED);
  g_assert_cmpint (slv_test_db_count (slv_env.db, "SELECT count (*) FROM sync_field WHERE row_id = $1::uuid", gone, NULL), ==, 0);
  fresh = slv_env_client (admin_email);
  g_clear_pointer (&rows, g_hash_table_unref);
  rows = pull_all (fresh, &resync);
  g_assert_null (pulled (rows, "style", gone, "name"));
}

static const char *injections[] = {
  "Robert'); DROP TABLE style;--",
  "' OR '1'='1",
  "\"; SELECT pg_sleep(10); --",
  "$1::text); DELETE FROM sync_field; --",
  "' UNION SELECT password_hash FROM auth_user --",
  "E'\\\\x00'",
  "%s%s%n",
  "${jndi:ldap://example.org/a}",
  "a\nb\tc\r\\",
  "\xf0\x9f\xa7\xb5 linen \xe2\x80\xae" "reversed",
  "NULL",
  "null",
  "'; COMMIT; DROP DATABASE selvedge; --",
};

static const char *
sample_value (const SlvSyncTablePolicy *t,
              const SlvSyncFieldPolicy *f,
              guint                     n,
              char                    **owned)
{
  switch (f->type)
    {
    case SLV_SYNC_TYPE_TEXT:
      return *owned = slv_json_quote (injections[n % G_N_ELEMENTS (injections)]);
    case SLV_SYNC_TYPE_UUID:
      return *owned = slv_json_quote (g_strcmp0 (f->name, t->supplier_key) == 0 ? SUPPLIER
                                      : f->ref_table && strcmp (f->ref_table, "brand") == 0 ? BRAND
                                      : "0190f3c2-0000-7000-8000-0000000000ff");
    case SLV_SYNC_TYPE_DECIMAL: return "\"1.5\"";
    case SLV_SYNC_TYPE_INTEGER: return "3";
    case SLV_SYNC_TYPE_REAL: return "1.5";
    case SLV_SYNC_TYPE_BOOLEAN: return "false";
    case SLV_SYNC_TYPE_TIMESTAMP: return "\"2025-03-14T09:26:53.589Z\"";
    case SLV_SYNC_TYPE_DATE: return "\"2025-03-14\"";
    case SLV_SYNC_TYPE_ENUM: return *owned = slv_json_quote (f->enum_values[0]);
    case SLV_SYNC_TYPE_JSON: return "\"{\\\"note\\\":\\\"'; DROP TABLE style; --\\\"}\"";
    case SLV_SYNC_TYPE_BLOB_REF:
    case SLV_SYNC_TYPE_ANY:
    default:
      return NULL;
    }
}

/* Every text field of every table a user can write, full of SQL. */
static void
test_injection (void)
{
  g_autoptr(SlvTestClient) a = NULL;
  g_autoptr(SlvSyncPushRequest) b = NULL;
  g_autoptr(SlvSyncPushResponse) r = NULL;
  g_autoptr(GHashTable) rows = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *h = NULL;
  guint n = 0, checked = 0;
  gboolean resync;

  SLV_REQUIRE_SERVER ();
  a = slv_env_client (admin_email);
  h = slv_test_client_tick (a);
  b = slv_test_client_batch (a);
  for (guint i = 0; i < slv_sync_policy_get_n_tables (); i++)
    {
      const SlvSyncTablePolicy *t = slv_sync_policy_get_table (i);
      char *id = strcmp (t->name, "brand") == 0 ? g_strdup (BRAND) : slv_uuid_v7_new ();

      g_ptr_array_add (ids, id);
      if (strcmp (t->name, "conflict") == 0 || strcmp (t->name, "blob") == 0)
        continue;
      for (guint j = 0; j < t->n_fields; j++)
        {
          g_autofree char *owned = NULL;
          const char *value = sample_value (t, &t->fields[j], n++, &owned);

          /* the brand row exists already: only its editable fields */
          if (strcmp (t->name, "brand") == 0 && (t->fields[j].flags & SLV_SYNC_FIELD_IMMUTABLE))
            continue;
          if (value != NULL)
            slv_test_batch_op (b, t->name, id, t->fields[j].name, value, h, NULL);
        }
    }
  r = push_ok (a, b);
  for (guint i = 0; i < r->results->len; i++)
    {
      SlvSyncOpResult *res = r->results->pdata[i];
      SlvSyncOp *op = b->ops->pdata[i];

      if (res->status != SLV_SYNC_OP_APPLIED)
        g_error ("%s.%s: %s %s", op->table, op->field, slv_sync_op_status_to_string (res->status), res->detail);
    }
  rows = pull_all (a, &resync);
  for (guint i = 0; i < b->ops->len; i++)
    {
      SlvSyncOp *op = b->ops->pdata[i];
      const SlvSyncTablePolicy *t = slv_sync_policy_lookup_table (op->table);
      const SlvSyncFieldPolicy *f = slv_sync_policy_lookup_field (t, op->field);
      g_autofree char *sent = slv_json_node_to_text (op->value);
      g_autofree char *sql = NULL, *stored = NULL;

      if (f->type != SLV_SYNC_TYPE_TEXT)
        continue;
      g_assert_cmpstr (pulled (rows, op->table, op->row, op->field), ==, sent);
      sql = g_strdup_printf ("SELECT \"%s\" FROM \"%s\" WHERE id = $1::uuid", op->field, op->table);
      stored = slv_test_db_scalar (slv_env.db, sql, op->row, NULL);
      g_assert_cmpstr (stored, ==, json_node_get_string (op->value));
      checked++;
    }
  g_assert_cmpuint (checked, >, 40);
  g_assert_cmpint (slv_test_db_count (slv_env.db, "SELECT count (*) FROM style", NULL), >, 0);
}

int
main (int argc, char *argv[])
{
  int rc;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  if (slv_server_test_env_setup (NULL, NULL))
    {
      admin_email = slv_env_user ("admin", "brand:" BRAND);
      merch_email = slv_env_user ("merchandiser", "brand:" BRAND);
      {
        g_autoptr(SlvTestClient) a = slv_env_client (admin_email);
        g_autoptr(SlvSyncPushRequest) b = slv_test_client_batch (a);
        g_autofree char *h = slv_test_client_tick (a);
        g_autoptr(SlvSyncPushResponse) r = NULL;

        slv_env_create_row (b, h, "brand", BRAND, BRAND, "code", "\"ACME\"", "name", "\"Acme\"", NULL);
        r = push_ok (a, b);
      }
    }
  g_test_add_func ("/server/delete/delete-wins", test_delete_wins);
  g_test_add_func ("/server/delete/gc", test_gc);
  g_test_add_func ("/server/delete/injection", test_injection);
  rc = g_test_run ();
  if (slv_env.server != NULL)
    slv_server_test_env_teardown ();
  g_free (admin_email);
  g_free (merch_email);
  return rc;
}
