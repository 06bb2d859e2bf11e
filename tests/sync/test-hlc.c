/* test-hlc.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sync/slv-sync.h"

typedef struct
{
  gint64 now;
} FakeWall;

static gint64
fake_wall (gpointer user_data)
{
  return ((FakeWall *) user_data)->now;
}

#define NODE G_GUINT64_CONSTANT (0x5d41402abc4b2a76)

static void
test_parse_format (void)
{
  const char *text = "2025-03-14T09:26:53.589Z-0002-5d41402abc4b2a76";
  g_autoptr(GDateTime) dt = g_date_time_new_utc (2025, 3, 14, 9, 26, 53.589);
  char out[SLV_HLC_TEXT_LEN + 1];
  g_autoptr(GError) error = NULL;
  SlvHlc hlc;

  g_assert_true (slv_hlc_parse (text, &hlc, &error));
  g_assert_no_error (error);
  g_assert_cmpint (hlc.wall_ms, ==, g_date_time_to_unix (dt) * 1000 + 589);
  g_assert_cmpuint (hlc.counter, ==, 2);
  g_assert_cmpuint (hlc.node, ==, NODE);
  slv_hlc_format (&hlc, out);
  g_assert_cmpstr (out, ==, text);
  g_assert_cmpint (strlen (out), ==, SLV_HLC_TEXT_LEN);

  /* Leap day, end of range, epoch. */
  for (guint i = 0; i < 3; i++)
    {
      const char *samples[] = { "2024-02-29T23:59:59.999Z-FFFF-ffffffffffffffff",
                                "9999-12-31T23:59:59.999Z-0000-0000000000000000",
                                "1970-01-01T00:00:00.000Z-0001-0000000000000001" };

      g_assert_true (slv_hlc_parse (samples[i], &hlc, NULL));
      slv_hlc_format (&hlc, out);
      g_assert_cmpstr (out, ==, samples[i]);
    }
}

static void
test_reject (void)
{
  const char *bad[] = {
    "",
    "2025-03-14T09:26:53.589Z-0002-5d41402abc4b2a7",    /* short node */
    "2025-03-14T09:26:53.589Z-0002-5d41402abc4b2a766",  /* long */
    "2025-03-14T09:26:53.589Z-000a-5d41402abc4b2a76",   /* lower-case counter */
    "2025-03-14T09:26:53.589Z-0002-5D41402ABC4B2A76",   /* upper-case node */
    "2025-02-30T09:26:53.589Z-0002-5d41402abc4b2a76",   /* no 30 February */
    "2023-02-29T09:26:53.589Z-0002-5d41402abc4b2a76",   /* not a leap year */
    "1969-12-31T23:59:59.999Z-0002-5d41402abc4b2a76",   /* before the epoch */
    "2025-03-14T24:26:53.589Z-0002-5d41402abc4b2a76",
    "2025-03-14 09:26:53.589Z-0002-5d41402abc4b2a76",
    "2025-03-14T09:26:53.589+-0002-5d41402abc4b2a76",
    "2025-03-14T09:26:53,589Z-0002-5d41402abc4b2a76",
    "2025-03-14T09:26:53.589Z_0002-5d41402abc4b2a76",
    "2025-13-14T09:26:53.589Z-0002-5d41402abc4b2a76",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      SlvHlc hlc;

      g_assert_false (slv_hlc_parse (bad[i], &hlc, &error));
      g_assert_error (error, SLV_SYNC_ERROR, SLV_SYNC_ERROR_INVALID);
      g_assert_false (slv_hlc_is_valid (bad[i]));
    }
  g_assert_false (slv_hlc_is_valid (NULL));
}

/* Byte order of the text is the order of the clock. */
static void
test_order (void)
{
  GRand *rand = g_rand_new_with_seed (42);

  for (guint i = 0; i < 2000; i++)
    {
      SlvHlc a = { g_rand_int_range (rand, 0, 4) * G_GINT64_CONSTANT (86400001) * 365 + g_rand_int_range (rand, 0, 3),
                   (guint16) g_rand_int_range (rand, 0, 3), g_rand_int_range (rand, 0, 3) };
      SlvHlc b = { g_rand_int_range (rand, 0, 4) * G_GINT64_CONSTANT (86400001) * 365 + g_rand_int_range (rand, 0, 3),
                   (guint16) g_rand_int_range (rand, 0, 3), g_rand_int_range (rand, 0, 3) };
      char ta[SLV_HLC_TEXT_LEN + 1], tb[SLV_HLC_TEXT_LEN + 1];
      int by_text, by_value;

      slv_hlc_format (&a, ta);
      slv_hlc_format (&b, tb);
      by_text = strcmp (ta, tb);
      by_value = slv_hlc_compare (&a, &b);
      g_assert_cmpint ((by_text > 0) - (by_text < 0), ==, by_value);
    }
  g_rand_free (rand);
}

static void
test_tick (void)
{
  FakeWall wall = { 1000000 };
  g_autoptr(SlvHlcClock) clock = slv_hlc_clock_new (NODE, fake_wall, &wall);
  SlvHlc a, b, c, d;

  slv_hlc_clock_tick (clock, &a);
  g_assert_cmpint (a.wall_ms, ==, 1000000);
  g_assert_cmpuint (a.counter, ==, 0);
  g_assert_cmpuint (a.node, ==, NODE);

  slv_hlc_clock_tick (clock, &b);   /* same millisecond */
  g_assert_cmpint (b.wall_ms, ==, 1000000);
  g_assert_cmpuint (b.counter, ==, 1);

  wall.now = 900000;                /* wall clock jumps back */
  slv_hlc_clock_tick (clock, &c);
  g_assert_cmpint (slv_hlc_compare (&c, &b), >, 0);
  g_assert_cmpint (c.wall_ms, ==, 1000000);
  g_assert_cmpuint (c.counter, ==, 2);

  wall.now = 1000005;
  slv_hlc_clock_tick (clock, &d);
  g_assert_cmpint (d.wall_ms, ==, 1000005);
  g_assert_cmpuint (d.counter, ==, 0);
}

static void
test_overflow (void)
{
  FakeWall wall = { 5000 };
  g_autoptr(SlvHlcClock) clock = slv_hlc_clock_new (NODE, fake_wall, &wall);
  SlvHlc state = { 5000, SLV_HLC_MAX_COUNTER, NODE };
  SlvHlc out;

  slv_hlc_clock_set_state (clock, &state);
  slv_hlc_clock_tick (clock, &out);
  g_assert_cmpint (out.wall_ms, ==, 5001);
  g_assert_cmpuint (out.counter, ==, 0);

  /* recv with a remote at the counter limit also advances the millis */
  {
    SlvHlc remote = { 7000, SLV_HLC_MAX_COUNTER, 1 };
    SlvHlc after;

    g_assert_true (slv_hlc_clock_recv (clock, &remote));
    slv_hlc_clock_get_state (clock, &after);
    g_assert_cmpint (after.wall_ms, ==, 7001);
    g_assert_cmpuint (after.counter, ==, 0);
  }
}

static void
test_recv (void)
{
  FakeWall wall = { 10000 };
  g_autoptr(SlvHlcClock) clock = slv_hlc_clock_new (NODE, fake_wall, &wall);
  SlvHlc state = { 10000, 3, NODE };
  SlvHlc after, tick;

  slv_hlc_clock_set_state (clock, &state);

  /* l == l' == lm: max(c, cm) + 1 */
  {
    SlvHlc remote = { 10000, 7, 1 };

    g_assert_true (slv_hlc_clock_recv (clock, &remote));
    slv_hlc_clock_get_state (clock, &after);
    g_assert_cmpint (after.wall_ms, ==, 10000);
    g_assert_cmpuint (after.counter, ==, 8);
  }
  /* remote ahead of both: cm + 1 */
  {
    SlvHlc remote = { 12000, 4, 1 };

    g_assert_true (slv_hlc_clock_recv (clock, &remote));
    slv_hlc_clock_get_state (clock, &after);
    g_assert_cmpint (after.wall_ms, ==, 12000);
    g_assert_cmpuint (after.counter, ==, 5);
  }
  /* remote behind: l stays, c + 1 */
  {
    SlvHlc remote = { 11000, 90, 1 };

    g_assert_true (slv_hlc_clock_recv (clock, &remote));
    slv_hlc_clock_get_state (clock, &after);
    g_assert_cmpint (after.wall_ms, ==, 12000);
    g_assert_cmpuint (after.counter, ==, 6);
  }
  /* physical time ahead of both: counter resets */
  {
    SlvHlc remote = { 12500, 9, 1 };

    wall.now = 13000;
    g_assert_true (slv_hlc_clock_recv (clock, &remote));
    slv_hlc_clock_get_state (clock, &after);
    g_assert_cmpint (after.wall_ms, ==, 13000);
    g_assert_cmpuint (after.counter, ==, 0);
  }
  /* a later local tick beats the remote stamp (causality) */
  {
    SlvHlc remote = { 13000, 40, 0xffffffffffffffff };

    g_assert_true (slv_hlc_clock_recv (clock, &remote));
    slv_hlc_clock_tick (clock, &tick);
    g_assert_cmpint (slv_hlc_compare (&tick, &remote), >, 0);
  }
}

static void
test_skew (void)
{
  FakeWall wall = { 1000000 };
  g_autoptr(SlvHlcClock) clock = slv_hlc_clock_new (NODE, fake_wall, &wall);
  SlvHlc before, after;
  SlvHlc far = { 1000000 + SLV_HLC_MAX_SKEW_MS + 1, 0, 1 };
  SlvHlc near = { 1000000 + SLV_HLC_MAX_SKEW_MS, 0, 1 };

  slv_hlc_clock_get_state (clock, &before);
  g_assert_false (slv_hlc_clock_recv (clock, &far));
  slv_hlc_clock_get_state (clock, &after);
  g_assert_cmpint (slv_hlc_compare (&before, &after), ==, 0);

  g_assert_true (slv_hlc_clock_recv (clock, &near));
  slv_hlc_clock_get_state (clock, &after);
  g_assert_cmpint (after.wall_ms, ==, near.wall_ms);
}

/* A restored state keeps the clock strictly increasing across a restart
 * with a wall clock that went back. */
static void
test_restart (void)
{
  FakeWall wall = { 50000 };
  g_autoptr(SlvHlcClock) first = slv_hlc_clock_new (NODE, fake_wall, &wall);
  g_autoptr(SlvHlcClock) second = NULL;
  SlvHlc last, next;
  char text[SLV_HLC_TEXT_LEN + 1];

  for (int i = 0; i < 10; i++)
    slv_hlc_clock_tick (first, &last);
  slv_hlc_format (&last, text);

  wall.now = 40000;
  second = slv_hlc_clock_new (NODE, fake_wall, &wall);
  g_assert_true (slv_hlc_parse (text, &last, NULL));
  slv_hlc_clock_set_state (second, &last);
  slv_hlc_clock_tick (second, &next);
  g_assert_cmpint (slv_hlc_compare (&next, &last), >, 0);
}

static void
test_node (void)
{
  char out[SLV_HLC_NODE_LEN + 1];
  guint64 node;

  slv_hlc_format_node (NODE, out);
  g_assert_cmpstr (out, ==, "5d41402abc4b2a76");
  g_assert_true (slv_hlc_parse_node (out, &node));
  g_assert_cmpuint (node, ==, NODE);
  g_assert_false (slv_hlc_parse_node ("5D41402ABC4B2A76", &node));
  g_assert_false (slv_hlc_parse_node ("5d41402abc4b2a7", &node));
  g_assert_false (slv_hlc_parse_node ("5d41402abc4b2a76a", &node));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/sync/hlc/parse-format", test_parse_format);
  g_test_add_func ("/sync/hlc/reject", test_reject);
  g_test_add_func ("/sync/hlc/order", test_order);
  g_test_add_func ("/sync/hlc/tick", test_tick);
  g_test_add_func ("/sync/hlc/overflow", test_overflow);
  g_test_add_func ("/sync/hlc/recv", test_recv);
  g_test_add_func ("/sync/hlc/skew", test_skew);
  g_test_add_func ("/sync/hlc/restart", test_restart);
  g_test_add_func ("/sync/hlc/node", test_node);
  return g_test_run ();
}
