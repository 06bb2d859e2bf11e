/* test-server-push.c: protocol invariants 2 (no op applied twice), 8
 * (conflicts recorded), 9 (deletes and GC), the write side of 10 (RBAC),
 * validation, clock skew, and SQL injection strings stored verbatim.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "core/slv-uuid.h"
#include "slv-server-test-env.h"

#define BRAND "0190f3c2-7a4e-7b1c-9d2e-3f4a5b6c7d8e"

static char *admin_email;
static char *merch_email;
static gint64 base_ms;

/* A stamp @offset_ms after the test's base time, on @node. */
static char *
stamp (gint64      offset_ms,
       guint16     counter,
       const char *node)
{
  SlvHlc hlc = { base_ms + offset_ms, counter, 0 };

  g_assert_true (slv_hlc_parse_node (node, &hlc.node));
  return slv_hlc_to_string (&hlc);
}

static char *
new_id (void)
{
  return slv_uuid_v7_new ();
}

static SlvSyncPushResponse *
push_ok (SlvTestClient      *c,
         SlvSyncPushRequest *batch)
{
  SlvSyncPushResponse *r = slv_test_client_push (c, batch);

  if (r == NULL)
    g_error ("push: %u %s", c->status, slv_test_client_text (c));
  return r;
}

static void
assert_all (SlvSyncPushResponse *r,
            SlvSyncOpStatus      status)
{
  for (guint i = 0; i < r->results->len; i++)
    {
      SlvSyncOpResult *res = g_ptr_array_index (r->results, i);

      if (res->status != status)
        g_error ("op %u: %s (%s: %s), expected %s", i, slv_sync_op_status_to_string (res->status),
                 res->code, res->detail, slv_sync_op_status_to_string (status));
    }
}

/* A style with the fields a new style needs. */
static void
create_style (SlvTestClient *c,
              const char    *id,
              const char    *name,
              const char    *hlc)
{
  g_autoptr(SlvSyncPushRequest) b = slv_test_client_batch (c);
  g_autofree char *name_json = slv_json_quote (name);
  g_autoptr(SlvSyncPushResponse) r = NULL;

  slv_env_create_row (b, hlc, "style", id, BRAND, "code", "\"ST-1\"", "name", name_json, NULL);
  r = push_ok (c, b);
  assert_all (r, SLV_SYNC_OP_APPLIED);
}

static SlvSyncPushResponse *
set_field (SlvTestClient *c,
           const char    *table,
           const char    *row,
           const char    *field,
           const char    *value_json,
           const char    *hlc,
           const char    *base)
{
  g_autoptr(SlvSyncPushRequest) b = slv_test_client_batch (c);

  slv_test_batch_op (b, table, row, field, value_json, hlc, base);
  return push_ok (c, b);
}

static char *
db_state (void)
{
  return slv_test_db_scalar (slv_env.db,
                             "SELECT md5 (string_agg (tbl || row_id || field || coalesce (value::text, '') || hlc || seq, ',' "
                             "ORDER BY tbl, row_id, field)) || (SELECT seq FROM sync_counter) || "
                             "(SELECT count (*) FROM conflict) || (SELECT md5 (string_agg (id || coalesce (name, ''), ',' "
                             "ORDER BY id)) FROM style) FROM sync_field", NULL);
}

typedef struct
{
  SlvTestClient *client;
  const char    *json;
  char          *response;
} Sender;

static gpointer
send_thread (gpointer data)
{
  Sender *s = data;
  g_autoptr(GBytes) body = g_bytes_new_static (s->json, strlen (s->json));

  slv_test_client_send (s->client, "POST", "/v1/sync/push", NULL, body, NULL, NULL);
  g_assert_cmpuint (s->client->status, ==, 200);
  s->response = g_strdup (slv_test_client_text (s->client));
  return NULL;
}

static void
test_idempotent (void)
{
  g_autoptr(SlvTestClient) c = NULL;
  g_autoptr(SlvSyncPushRequest) b1 = NULL;
  g_autofree char *style = new_id ();
  g_autofree char *h = NULL;
  g_autofree char *json = NULL;
  g_autofree char *first = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GBytes) body = NULL;

  SLV_REQUIRE_SERVER ();
  c = slv_env_client (admin_email);
  h = slv_test_client_tick (c);
  b1 = slv_test_client_batch (c);
  slv_env_create_row (b1, h, "style", style, BRAND, "code", "\"ID-1\"", "name", "\"Idempotent\"", NULL);
  json = slv_sync_push_request_to_json (b1);
  body = g_bytes_new (json, strlen (json));
  g_assert_cmpuint (slv_test_client_send (c, "POST", "/v1/sync/push", NULL, body, NULL, NULL), ==, 200);
  first = g_strdup (slv_test_client_text (c));
  before = db_state ();

  /* a lost response: the same batch again gets the stored response */
  g_assert_cmpuint (slv_test_client_send (c, "POST", "/v1/sync/push", NULL, body, NULL, NULL), ==, 200);
  g_assert_cmpstr (slv_test_client_text (c), ==, first);
  after = db_state ();
  g_assert_cmpstr (before, ==, after);

  /* the same ops in a new batch: duplicates, nothing written */
  {
    g_autoptr(SlvSyncPushRequest) again = slv_test_client_batch (c);
    g_autoptr(SlvSyncPushResponse) r = NULL;

    for (guint i = 0; i < b1->ops->len; i++)
      slv_sync_push_request_add_op (again, slv_sync_op_new (((SlvSyncOp *) b1->ops->pdata[i])->op_id,
                                                            "style", style, ((SlvSyncOp *) b1->ops->pdata[i])->field,
                                                            ((SlvSyncOp *) b1->ops->pdata[i])->value, h, NULL));
    r = push_ok (c, again);
    assert_all (r, SLV_SYNC_OP_DUPLICATE);
    g_assert_cmpint (r->commit_seq, ==, 0);
    g_free (after);
    after = db_state ();
    g_assert_cmpstr (before, ==, after);
  }

  /* four copies of one new batch at once on four connections */
  {
    g_autoptr(SlvSyncPushRequest) b2 = slv_test_client_batch (c);
    g_autofree char *h2 = slv_test_client_tick (c);
    g_autofree char *json2 = NULL;
    g_autofree char *seq_before = slv_test_db_scalar (slv_env.db, "SELECT seq FROM sync_counter", NULL);
    g_autofree char *seq_after = NULL;
    Sender senders[4];
    GThread *threads[4];

    slv_test_batch_op (b2, "style", style, "name", "\"Concurrent\"", h2, h);
    json2 = slv_sync_push_request_to_json (b2);
    for (guint i = 0; i < 4; i++)
      {
        senders[i] = (Sender) { slv_test_client_new (slv_env.url), json2, NULL };
        senders[i].client->access_token = g_strdup (c->access_token);
        threads[i] = g_thread_new ("sender", send_thread, &senders[i]);
      }
    for (guint i = 0; i < 4; i++)
      g_thread_join (threads[i]);
    for (guint i = 1; i < 4; i++)
      g_assert_cmpstr (senders[i].response, ==, senders[0].response);
    for (guint i = 0; i < 4; i++)
      {
        g_free (senders[i].response);
        slv_test_client_free (senders[i].client);
      }
    seq_after = slv_test_db_scalar (slv_env.db, "SELECT seq FROM sync_counter", NULL);
    g_assert_cmpint (g_ascii_strtoll (seq_after, NULL, 10), ==, g_ascii_strtoll (seq_before, NULL, 10) + 1);
    g_assert_cmpint (slv_test_db_count (slv_env.db, "SELECT count (*) FROM conflict WHERE row_id = $1::uuid",
                                        style, NULL), ==, 0);
  }
}

static gint64
conflicts_for (const char *row,
               const char *field)
{
  return slv_test_db_count (slv_env.db, "SELECT count (*) FROM conflict WHERE row_id = $1::uuid AND field = $2",
                            row, field, NULL);
}

static void
test_conflicts (void)
{
  g_autoptr(SlvTestClient) a = NULL;
  g_autoptr(SlvTestClient) b = NULL;
  g_autofree char *style = new_id ();
  g_autofree char *h0 = NULL, *h1 = NULL, *hb = NULL, *hc = NULL, *h_old = NULL;
  g_autoptr(SlvSyncPushResponse) r1 = NULL, r2 = NULL, r3 = NULL, r4 = NULL;
  SlvSyncOpResult *res;

  SLV_REQUIRE_SERVER ();
  a = slv_env_client (admin_email);
  b = slv_env_client (merch_email);
  h0 = stamp (1000, 0, a->node);
  h1 = stamp (2000, 0, a->node);
  hb = stamp (3000, 0, b->node);
  hc = stamp (2500, 0, "00000000000000c3");
  h_old = stamp (1500, 0, b->node);
  create_style (a, style, "v0", h0);

  /* sequential: the editor had seen the current value */
  r1 = set_field (a, "style", style, "name", "\"v1\"", h1, h0);
  assert_all (r1, SLV_SYNC_OP_APPLIED);
  g_assert_null (((SlvSyncOpResult *) r1->results->pdata[0])->conflict_id);
  g_assert_cmpint (conflicts_for (style, "name"), ==, 0);

  /* concurrent and later: wins, and the overwritten value is logged */
  r2 = set_field (b, "style", style, "name", "\"vB\"", hb, h0);
  assert_all (r2, SLV_SYNC_OP_APPLIED);
  res = r2->results->pdata[0];
  g_assert_nonnull (res->conflict_id);
  g_assert_cmpint (conflicts_for (style, "name"), ==, 1);
  {
    g_autofree char *loser = slv_test_db_scalar (slv_env.db, "SELECT loser_value #>> '{}' FROM conflict WHERE id = $1::uuid",
                                                 res->conflict_id, NULL);
    g_autofree char *winner = slv_test_db_scalar (slv_env.db, "SELECT winner_value #>> '{}' FROM conflict WHERE id = $1::uuid",
                                                  res->conflict_id, NULL);

    g_assert_cmpstr (loser, ==, "v1");
    g_assert_cmpstr (winner, ==, "vB");
  }

  /* concurrent and earlier: superseded, the loser logged, the winner named */
  r3 = set_field (b, "style", style, "name", "\"vC\"", hc, h0);
  res = r3->results->pdata[0];
  g_assert_cmpint (res->status, ==, SLV_SYNC_OP_SUPERSEDED);
  g_assert_cmpstr (json_node_get_string (res->winner_value), ==, "vB");
  g_assert_cmpstr (res->winner_hlc, ==, hb);
  g_assert_nonnull (res->winner_user);
  g_assert_nonnull (res->conflict_id);
  g_assert_cmpint (conflicts_for (style, "name"), ==, 2);

  /* an older write of the winning device is history, not a conflict */
  r4 = set_field (b, "style", style, "name", "\"stale\"", h_old, h0);
  g_assert_cmpint (slv_test_result_status (r4, 0), ==, SLV_SYNC_OP_SUPERSEDED);
  g_assert_null (((SlvSyncOpResult *) r4->results->pdata[0])->conflict_id);
  g_assert_cmpint (conflicts_for (style, "name"), ==, 2);

  /* replaying the loser in a new batch logs nothing new (deterministic ids) */
  {
    g_autoptr(SlvSyncPushResponse) again = set_field (b, "style", style, "name", "\"vC\"", hc, h0);

    g_assert_cmpstr (((SlvSyncOpResult *) again->results->pdata[0])->conflict_id, ==, res->conflict_id);
    g_assert_cmpint (conflicts_for (style, "name"), ==, 2);
  }
  /* the conflict log syncs like any table */
  {
    gboolean seen = FALSE;

    for (int i = 0; i < 100; i++)
      {
        g_autoptr(SlvSyncPullPage) page = slv_test_client_pull (a, 500);

        g_assert_nonnull (page);
        for (guint j = 0; j < page->changes->len; j++)
          {
            SlvSyncChange *ch = page->changes->pdata[j];
            SlvSyncFieldValue *fv = slv_sync_change_find_field (ch, "row_id");

            if (strcmp (ch->table, "conflict") == 0 && fv && strcmp (json_node_get_string (fv->value), style) == 0)
              {
                g_assert_nonnull (slv_sync_change_find_field (ch, "loser_value"));
                g_assert_cmpstr (ch->bucket, ==, "brand:" BRAND);
                seen = TRUE;
              }
          }
        if (!page->has_more)
          break;
      }
    g_assert_true (seen);
  }
}


/* A batch may carry one field twice (different stamps): the later wins and
 * the batch never fails on it. */
static void
test_same_field_twice (void)
{
  g_autoptr(SlvTestClient) a = NULL;
  g_autoptr(SlvSyncPushRequest) b = NULL;
  g_autoptr(SlvSyncPushResponse) r = NULL;
  g_autofree char *style = new_id ();
  g_autofree char *h0 = NULL, *h1 = NULL, *h2 = NULL, *name = NULL;

  SLV_REQUIRE_SERVER ();
  a = slv_env_client (admin_email);
  h0 = slv_test_client_tick (a);
  create_style (a, style, "once", h0);
  h1 = slv_test_client_tick (a);
  h2 = slv_test_client_tick (a);
  b = slv_test_client_batch (a);
  slv_test_batch_op (b, "style", style, "name", "\"second\"", h2, h0);
  slv_test_batch_op (b, "style", style, "name", "\"first\"", h1, h0);
  slv_test_batch_op (b, "style", style, "category", "\"a\"", h1, NULL);
  slv_test_batch_op (b, "style", style, "category", "\"b\"", h2, NULL);
  r = push_ok (a, b);
  g_assert_cmpint (slv_test_result_status (r, 0), ==, SLV_SYNC_OP_APPLIED);
  g_assert_cmpint (slv_test_result_status (r, 1), ==, SLV_SYNC_OP_SUPERSEDED);
  name = slv_test_db_scalar (slv_env.db, "SELECT string_agg (value #>> '{}', ',' ORDER BY field) FROM sync_field "
                             "WHERE row_id = $1::uuid AND field IN ('name', 'category')", style, NULL);
  g_assert_cmpstr (name, ==, "b,second");
  g_assert_cmpint (conflicts_for (style, "name"), ==, 0);
}

static void
set_geometry (SlvSyncPushRequest *b,
              const char         *item,
              const char         *hlc,
              int                 v)
{
  const char *fields[] = { "x", "y", "w", "h", "rotation" };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *value = g_strdup_printf ("%d", v + (int) i);

      slv_test_batch_op (b, "board_item", item, fields[i], value, hlc, NULL);
    }
}

static void
test_field_groups (void)
{
  g_autoptr(SlvTestClient) a = NULL;
  g_autoptr(SlvTestClient) b = NULL;
  g_autofree char *board = new_id ();
  g_autofree char *item = new_id ();
  g_autofree char *h0 = NULL, *ha = NULL, *hb = NULL;
  g_autoptr(SlvSyncPushRequest) create = NULL, pa = NULL, pb = NULL, partial = NULL;
  g_autoptr(SlvSyncPushResponse) r = NULL, ra = NULL, rb = NULL, rp = NULL;
  g_autofree char *values = NULL;
  g_autofree char *board_json = NULL;

  SLV_REQUIRE_SERVER ();
  a = slv_env_client (admin_email);
  b = slv_env_client (merch_email);
  h0 = stamp (10000, 0, a->node);
  ha = stamp (11000, 5, a->node);
  hb = stamp (11000, 4, b->node);
  create = slv_test_client_batch (a);
  board_json = slv_json_quote (board);
  slv_env_create_row (create, h0, "board", board, BRAND, "name", "\"Mood\"", NULL);
  slv_env_create_row (create, h0, "board_item", item, BRAND, "board_id", board_json, "kind", "\"note\"",
                      "z", "\"a0\"", NULL);
  set_geometry (create, item, h0, 0);
  r = push_ok (a, create);
  assert_all (r, SLV_SYNC_OP_APPLIED);

  /* two writers move the item at once; each writes the whole group */
  pa = slv_test_client_batch (a);
  set_geometry (pa, item, ha, 100);
  pb = slv_test_client_batch (b);
  set_geometry (pb, item, hb, 200);
  rb = push_ok (b, pb);
  ra = push_ok (a, pa);
  assert_all (rb, SLV_SYNC_OP_APPLIED);
  assert_all (ra, SLV_SYNC_OP_APPLIED);
  values = slv_test_db_scalar (slv_env.db, "SELECT string_agg (value::text, ',' ORDER BY field) FROM sync_field "
                               "WHERE row_id = $1::uuid AND field IN ('x','y','w','h','rotation')", item, NULL);
  /* h, rotation, w, x, y of writer a (100…104) — never a mix */
  g_assert_cmpstr (values, ==, "103,104,102,100,101");

  /* half a group is refused whole */
  partial = slv_test_client_batch (b);
  {
    g_autofree char *h = stamp (12000, 0, b->node);

    slv_test_batch_op (partial, "board_item", item, "x", "999", h, NULL);
  }
  rp = push_ok (b, partial);
  g_assert_cmpint (slv_test_result_status (rp, 0), ==, SLV_SYNC_OP_INVALID);
  g_assert_cmpstr (((SlvSyncOpResult *) rp->results->pdata[0])->code, ==, "partial_group");
}


static SlvSyncOpResult *
only_result (SlvSyncPushResponse *r)
{
  g_assert_cmpuint (r->results->len, ==, 1);
  return r->results->pdata[0];
}

static void
test_rbac_writes (void)
{
  g_autofree char *designer_email = slv_env_user ("designer", "brand:" BRAND);
  g_autofree char *reader_email = slv_env_user ("designer", "brand:" BRAND);
  g_autofree char *viewer_email = slv_env_user ("viewer", "brand:" BRAND);
  g_autoptr(SlvTestClient) a = NULL, d = NULL, dr = NULL, v = NULL;
  g_autofree char *rate = new_id ();
  g_autofree char *style = new_id ();
  g_autofree char *other = new_id ();
  g_autofree char *before = NULL, *after = NULL, *h = NULL;
  g_autoptr(SlvSyncPushRequest) create = NULL;
  g_autoptr(SlvSyncPushResponse) r = NULL;
  SlvSyncOpResult *res;

  SLV_REQUIRE_SERVER ();
  g_free (slv_test_server_admin (slv_env.server, NULL, TRUE, "grant", "--email", reader_email, "--role", "designer",
                                 "--scope", "brand:" BRAND ":costing", NULL));
  a = slv_env_client (admin_email);
  d = slv_env_client (designer_email);
  dr = slv_env_client (reader_email);
  v = slv_env_client (viewer_email);
  h = slv_test_client_tick (a);
  create = slv_test_client_batch (a);
  slv_env_create_row (create, h, "cost_rate", rate, BRAND, "process", "\"dyeing\"", "key", "\"reactive\"",
                      "unit", "\"kg\"", "rate", "\"1.85\"", "currency", "\"USD\"", NULL);
  slv_env_create_row (create, h, "style", style, BRAND, "code", "\"RB-1\"", "name", "\"Rbac\"",
                      "status", "\"sampling\"", NULL);
  r = push_ok (a, create);
  assert_all (r, SLV_SYNC_OP_APPLIED);
  g_clear_pointer (&r, slv_sync_push_response_free);
  before = db_state ();

  /* a designer without the costing grant cannot see the rate: no value leaks */
  {
    g_autofree char *h1 = slv_test_client_tick (d);
    g_autoptr(SlvSyncPushRequest) b = slv_test_client_batch (d);

    slv_test_batch_op (b, "cost_rate", rate, "rate", "\"0.01\"", h1, NULL);
    slv_test_batch_op (b, "cost_rate", rate, "currency", "\"USD\"", h1, NULL);
    r = push_ok (d, b);
    assert_all (r, SLV_SYNC_OP_FORBIDDEN);
    g_assert_false (((SlvSyncOpResult *) r->results->pdata[0])->has_current);
    g_clear_pointer (&r, slv_sync_push_response_free);
  }
  /* with read access the refusal carries the value to revert to */
  {
    g_autofree char *h1 = slv_test_client_tick (dr);
    g_autoptr(SlvSyncPushRequest) b = slv_test_client_batch (dr);

    slv_test_batch_op (b, "cost_rate", rate, "rate", "\"0.01\"", h1, NULL);
    slv_test_batch_op (b, "cost_rate", rate, "currency", "\"USD\"", h1, NULL);
    r = push_ok (dr, b);
    res = r->results->pdata[0];
    g_assert_cmpint (res->status, ==, SLV_SYNC_OP_FORBIDDEN);
    g_assert_true (res->has_current);
    g_assert_cmpstr (json_node_get_string (res->current_value), ==, "1.85");
    g_assert_cmpstr (res->current_hlc, ==, h);
    g_clear_pointer (&r, slv_sync_push_response_free);
  }
  /* designers do not set target prices; viewers write nothing */
  {
    g_autofree char *h1 = slv_test_client_tick (d);
    g_autoptr(SlvSyncPushRequest) b = slv_test_client_batch (d);

    slv_test_batch_op (b, "style", style, "target_fob", "\"9.99\"", h1, NULL);
    slv_test_batch_op (b, "style", style, "target_retail", "\"29.99\"", h1, NULL);
    slv_test_batch_op (b, "style", style, "currency", "\"EUR\"", h1, NULL);
    r = push_ok (d, b);
    assert_all (r, SLV_SYNC_OP_FORBIDDEN);
    g_clear_pointer (&r, slv_sync_push_response_free);
  }
  {
    g_autofree char *h1 = slv_test_client_tick (v);

    r = set_field (v, "style", style, "name", "\"viewer was here\"", h1, NULL);
    g_assert_cmpint (only_result (r)->status, ==, SLV_SYNC_OP_FORBIDDEN);
    g_clear_pointer (&r, slv_sync_push_response_free);
    r = set_field (v, "style", other, "name", "\"new row\"", h1, NULL);
    g_assert_cmpint (only_result (r)->status, !=, SLV_SYNC_OP_APPLIED);
    g_clear_pointer (&r, slv_sync_push_response_free);
  }
  /* status moves forward only, except by an admin */
  {
    g_autofree char *h1 = slv_test_client_tick (d);

    r = set_field (d, "style", style, "status", "\"concept\"", h1, h);
    g_assert_cmpint (only_result (r)->status, ==, SLV_SYNC_OP_INVALID);
    g_assert_cmpstr (only_result (r)->code, ==, "status_backwards");
    g_clear_pointer (&r, slv_sync_push_response_free);
  }
  /* nobody changes the brand of a row */
  {
    g_autofree char *h1 = slv_test_client_tick (a);

    r = set_field (a, "style", style, "brand_id", "\"0190f3c2-7a4e-7b1c-9d2e-000000000000\"", h1, h);
    g_assert_cmpint (only_result (r)->status, ==, SLV_SYNC_OP_FORBIDDEN);
    g_assert_cmpstr (only_result (r)->code, ==, "immutable");
    g_clear_pointer (&r, slv_sync_push_response_free);
  }
  /* refused ops changed nothing */
  after = db_state ();
  g_assert_cmpstr (before, ==, after);
  {
    g_autofree char *h1 = slv_test_client_tick (a);

    r = set_field (a, "style", style, "status", "\"concept\"", h1, h);
    g_assert_cmpint (only_result (r)->status, ==, SLV_SYNC_OP_APPLIED);
  }
}

static void
test_validation (void)
{
  g_autoptr(SlvTestClient) a = NULL;
  g_autofree char *style = new_id ();
  g_autofree char *costing = new_id ();
  g_autofree char *line = new_id ();
  g_autofree char *h = NULL;
  g_autofree char *before = NULL, *after = NULL;
  g_autoptr(SlvSyncPushResponse) r = NULL;

  SLV_REQUIRE_SERVER ();
  a = slv_env_client (admin_email);
  h = slv_test_client_tick (a);
  create_style (a, style, "Validation", h);
  {
    g_autofree char *h1 = slv_test_client_tick (a);
    g_autoptr(SlvSyncPushRequest) b = slv_test_client_batch (a);

    slv_test_batch_op (b, "style", style, "target_fob", "12.5", h1, NULL);          /* a number, not a decimal string */
    slv_test_batch_op (b, "style", style, "target_retail", "\"30\"", h1, NULL);
    slv_test_batch_op (b, "style", style, "currency", "\"EUR\"", h1, NULL);
    slv_test_batch_op (b, "style", style, "status", "\"shipped\"", h1, NULL);
    slv_test_batch_op (b, "style", style, "name", "null", h1, NULL);
    slv_test_batch_op (b, "style", style, "colour", "\"red\"", h1, NULL);
    slv_test_batch_op (b, "invoice", style, "total", "\"1\"", h1, NULL);
    slv_test_batch_op (b, "style", style, "cover_blob",
                       "\"sha256:0000000000000000000000000000000000000000000000000000000000000000\"", h1, NULL);
    r = push_ok (a, b);
    g_assert_cmpint (slv_test_result_status (r, 0), ==, SLV_SYNC_OP_INVALID);
    g_assert_cmpstr (((SlvSyncOpResult *) r->results->pdata[0])->code, ==, "validation_failed");
    g_assert_nonnull (strstr (((SlvSyncOpResult *) r->results->pdata[0])->detail, "target_fob"));
    /* the rest of the group is refused with it */
    g_assert_cmpint (slv_test_result_status (r, 1), ==, SLV_SYNC_OP_INVALID);
    g_assert_cmpint (slv_test_result_status (r, 2), ==, SLV_SYNC_OP_INVALID);
    g_assert_cmpint (slv_test_result_status (r, 3), ==, SLV_SYNC_OP_INVALID);
    g_assert_cmpint (slv_test_result_status (r, 4), ==, SLV_SYNC_OP_INVALID);
    g_assert_cmpint (slv_test_result_status (r, 5), ==, SLV_SYNC_OP_UNKNOWN_FIELD);
    g_assert_cmpint (slv_test_result_status (r, 6), ==, SLV_SYNC_OP_UNKNOWN_FIELD);
    g_assert_cmpint (slv_test_result_status (r, 7), ==, SLV_SYNC_OP_BLOB_MISSING);
    g_assert_false (slv_sync_op_status_is_final_refusal (SLV_SYNC_OP_BLOB_MISSING));
    g_clear_pointer (&r, slv_sync_push_response_free);
  }
  /* a new row without its required fields is not created */
  {
    g_autofree char *h1 = slv_test_client_tick (a);
    g_autofree char *incomplete = new_id ();

    r = set_field (a, "style", incomplete, "brand_id", "\"" BRAND "\"", h1, NULL);
    g_assert_cmpint (only_result (r)->status, ==, SLV_SYNC_OP_INVALID);
    g_assert_cmpstr (only_result (r)->code, ==, "incomplete_row");
    g_assert_cmpint (slv_test_db_count (slv_env.db, "SELECT count (*) FROM sync_row WHERE row_id = $1::uuid",
                                        incomplete, NULL), ==, 0);
    g_clear_pointer (&r, slv_sync_push_response_free);
  }
  /* a frozen costing refuses edits to its lines */
  {
    g_autofree char *h1 = slv_test_client_tick (a);
    g_autofree char *h2 = NULL;
    g_autofree char *sj = slv_json_quote (style), *cj = slv_json_quote (costing);
    g_autoptr(SlvSyncPushRequest) b = slv_test_client_batch (a);

    slv_env_create_row (b, h1, "costing", costing, BRAND, "style_id", sj, "status", "\"frozen\"", NULL);
    slv_env_create_row (b, h1, "bom_line", line, BRAND, "costing_id", cj, "style_id", sj, "position", "\"a0\"",
                        "consumption", "\"0.25\"", "unit", "\"KG\"", NULL);
    r = push_ok (a, b);
    assert_all (r, SLV_SYNC_OP_APPLIED);
    g_clear_pointer (&r, slv_sync_push_response_free);
    h2 = slv_test_client_tick (a);
    r = set_field (a, "bom_line", line, "note", "\"more wastage\"", h2, NULL);
    g_assert_cmpint (only_result (r)->status, ==, SLV_SYNC_OP_INVALID);
    g_assert_cmpstr (only_result (r)->code, ==, "frozen");
    g_clear_pointer (&r, slv_sync_push_response_free);
  }
  /* a clock an hour fast: the batch is refused whole */
  before = db_state ();
  {
    SlvHlc fast = { g_get_real_time () / 1000 + 3600 * 1000, 0, 0x1234 };
    g_autofree char *hf = slv_hlc_to_string (&fast);
    g_autoptr(SlvSyncPushRequest) b = slv_test_client_batch (a);
    g_autofree char *code = NULL;

    slv_test_batch_op (b, "style", style, "name", "\"from the future\"", hf, NULL);
    g_assert_null (slv_test_client_push (a, b));
    code = slv_test_client_problem (a);
    g_assert_cmpuint (a->status, ==, 409);
    g_assert_cmpstr (code, ==, "clock_skew");
    g_assert_nonnull (strstr (slv_test_client_text (a), "server_time"));
  }
  after = db_state ();
  g_assert_cmpstr (before, ==, after);
}

int
main (int argc, char *argv[])
{
  int rc;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  base_ms = g_get_real_time () / 1000 - 3600 * 1000;
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
        assert_all (r, SLV_SYNC_OP_APPLIED);
      }
    }
  g_test_add_func ("/server/push/idempotent", test_idempotent);
  g_test_add_func ("/server/push/conflicts", test_conflicts);
  g_test_add_func ("/server/push/field-groups", test_field_groups);
  g_test_add_func ("/server/push/same-field-twice", test_same_field_twice);
  g_test_add_func ("/server/push/rbac-writes", test_rbac_writes);
  g_test_add_func ("/server/push/validation", test_validation);
  rc = g_test_run ();
  if (slv_env.server != NULL)
    slv_server_test_env_teardown ();
  g_free (admin_email);
  g_free (merch_email);
  return rc;
}
