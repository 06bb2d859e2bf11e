/* slv-hlc.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-sync"

#include "config.h"

#include <string.h>

#include "slv-hlc.h"
#include "slv-sync-error.h"

struct _SlvHlcClock
{
  GMutex            lock;
  gint64            l;
  guint             c;
  guint64           node;
  SlvWallClockFunc  wall_func;
  gpointer          wall_data;
};

G_DEFINE_QUARK (slv-sync-error-quark, slv_sync_error)

#define MS_PER_DAY G_GINT64_CONSTANT (86400000)

/* Days since 1970-01-01 of a proleptic Gregorian date (era arithmetic). */
static gint64
days_from_civil (int y,
                 int m,
                 int d)
{
  int era, yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return (gint64) era * 146097 + doe - 719468;
}

static void
civil_from_days (gint64  z,
                 int    *y,
                 int    *m,
                 int    *d)
{
  gint64 era, doe, yoe, doy, mp;

  z += 719468;
  era = (z >= 0 ? z : z - 146096) / 146097;
  doe = z - era * 146097;
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  *d = (int) (doy - (153 * mp + 2) / 5 + 1);
  *m = (int) (mp < 10 ? mp + 3 : mp - 9);
  *y = (int) (yoe + era * 400 + (*m <= 2));
}

static int
days_in_month (int y,
               int m)
{
  static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  gboolean leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

  return m == 2 && leap ? 29 : days[m - 1];
}

static gboolean
read_digits (const char *p,
             int         n,
             int        *out)
{
  int v = 0;

  for (int i = 0; i < n; i++)
    {
      if (p[i] < '0' || p[i] > '9')
        return FALSE;
      v = v * 10 + (p[i] - '0');
    }
  *out = v;
  return TRUE;
}

static int
hex_value (char ch,
           gboolean upper)
{
  if (ch >= '0' && ch <= '9')
    return ch - '0';
  if (upper && ch >= 'A' && ch <= 'F')
    return ch - 'A' + 10;
  if (!upper && ch >= 'a' && ch <= 'f')
    return ch - 'a' + 10;
  return -1;
}

static gboolean
parse_wall (const char *t,
            gint64     *wall_ms)
{
  int y, mo, d, h, mi, s, ms;

  if (!read_digits (t, 4, &y) || t[4] != '-' || !read_digits (t + 5, 2, &mo) || t[7] != '-' ||
      !read_digits (t + 8, 2, &d) || t[10] != 'T' || !read_digits (t + 11, 2, &h) ||
      t[13] != ':' || !read_digits (t + 14, 2, &mi) || t[16] != ':' ||
      !read_digits (t + 17, 2, &s) || t[19] != '.' || !read_digits (t + 20, 3, &ms) ||
      t[23] != 'Z')
    return FALSE;
  if (y < 1970 || mo < 1 || mo > 12 || d < 1 || d > days_in_month (y, mo) || h > 23 ||
      mi > 59 || s > 59)
    return FALSE;
  *wall_ms = days_from_civil (y, mo, d) * MS_PER_DAY +
             ((gint64) h * 3600 + mi * 60 + s) * 1000 + ms;
  return TRUE;
}

gboolean
slv_hlc_parse_node (const char *text,
                    guint64    *node)
{
  guint64 v = 0;

  if (text == NULL)
    return FALSE;
  for (int i = 0; i < SLV_HLC_NODE_LEN; i++)
    {
      int x = hex_value (text[i], FALSE);

      if (x < 0)
        return FALSE;
      v = (v << 4) | (guint) x;
    }
  if (text[SLV_HLC_NODE_LEN] != '\0')
    return FALSE;
  *node = v;
  return TRUE;
}

static gboolean
parse_hlc (const char *text,
           SlvHlc     *out)
{
  guint counter = 0;

  if (text == NULL || strlen (text) != SLV_HLC_TEXT_LEN)
    return FALSE;
  if (!parse_wall (text, &out->wall_ms) || text[24] != '-' || text[29] != '-')
    return FALSE;
  for (int i = 25; i < 29; i++)
    {
      int x = hex_value (text[i], TRUE);

      if (x < 0)
        return FALSE;
      counter = (counter << 4) | (guint) x;
    }
  out->counter = (guint16) counter;
  return slv_hlc_parse_node (text + 30, &out->node);
}

gboolean
slv_hlc_parse (const char  *text,
               SlvHlc      *out,
               GError     **error)
{
  SlvHlc tmp;

  if (!parse_hlc (text, &tmp))
    {
      g_autofree char *shown = text ? g_strndup (text, 60) : g_strdup ("null");

      g_set_error (error, SLV_SYNC_ERROR, SLV_SYNC_ERROR_INVALID,
                   "“%s” is not a clock stamp; expected the form "
                   "2025-03-14T09:26:53.589Z-0002-5d41402abc4b2a76.", shown);
      return FALSE;
    }
  *out = tmp;
  return TRUE;
}

gboolean
slv_hlc_is_valid (const char *text)
{
  SlvHlc tmp;

  return parse_hlc (text, &tmp);
}

gint64
slv_hlc_text_wall_ms (const char *text)
{
  SlvHlc tmp;

  return parse_hlc (text, &tmp) ? tmp.wall_ms : -1;
}

char *
slv_hlc_dup_node (const char *text)
{
  g_return_val_if_fail (text != NULL && strlen (text) == SLV_HLC_TEXT_LEN, NULL);
  return g_strdup (text + 30);
}

void
slv_hlc_format_node (guint64 node,
                     char    out[SLV_HLC_NODE_LEN + 1])
{
  static const char hex[] = "0123456789abcdef";

  for (int i = SLV_HLC_NODE_LEN - 1; i >= 0; i--)
    {
      out[i] = hex[node & 0xf];
      node >>= 4;
    }
  out[SLV_HLC_NODE_LEN] = '\0';
}

void
slv_hlc_format (const SlvHlc *hlc,
                char          out[SLV_HLC_TEXT_LEN + 1])
{
  static const char hex[] = "0123456789ABCDEF";
  gint64 wall = CLAMP (hlc->wall_ms, 0, SLV_HLC_MAX_WALL_MS);
  gint64 days = wall / MS_PER_DAY;
  gint64 rest = wall % MS_PER_DAY;
  int y, m, d;

  civil_from_days (days, &y, &m, &d);
  g_snprintf (out, 25, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", y, m, d,
              (int) (rest / 3600000), (int) (rest / 60000 % 60), (int) (rest / 1000 % 60),
              (int) (rest % 1000));
  out[24] = '-';
  for (int i = 0; i < 4; i++)
    out[25 + i] = hex[(hlc->counter >> (12 - 4 * i)) & 0xf];
  out[29] = '-';
  slv_hlc_format_node (hlc->node, out + 30);
}

char *
slv_hlc_to_string (const SlvHlc *hlc)
{
  char buf[SLV_HLC_TEXT_LEN + 1];

  slv_hlc_format (hlc, buf);
  return g_strdup (buf);
}

int
slv_hlc_compare (const SlvHlc *a,
                 const SlvHlc *b)
{
  if (a->wall_ms != b->wall_ms)
    return a->wall_ms < b->wall_ms ? -1 : 1;
  if (a->counter != b->counter)
    return a->counter < b->counter ? -1 : 1;
  if (a->node != b->node)
    return a->node < b->node ? -1 : 1;
  return 0;
}

gint64
slv_hlc_real_wall_ms (gpointer user_data)
{
  return g_get_real_time () / 1000;
}

SlvHlcClock *
slv_hlc_clock_new (guint64          node,
                   SlvWallClockFunc wall_func,
                   gpointer         user_data)
{
  SlvHlcClock *clock = g_new0 (SlvHlcClock, 1);

  g_mutex_init (&clock->lock);
  clock->node = node;
  clock->wall_func = wall_func ? wall_func : slv_hlc_real_wall_ms;
  clock->wall_data = user_data;
  return clock;
}

void
slv_hlc_clock_free (SlvHlcClock *clock)
{
  if (clock == NULL)
    return;
  g_mutex_clear (&clock->lock);
  g_free (clock);
}

void
slv_hlc_clock_set_state (SlvHlcClock  *clock,
                         const SlvHlc *state)
{
  g_mutex_lock (&clock->lock);
  clock->l = state->wall_ms;
  clock->c = state->counter;
  g_mutex_unlock (&clock->lock);
}

void
slv_hlc_clock_get_state (SlvHlcClock *clock,
                         SlvHlc      *state)
{
  g_mutex_lock (&clock->lock);
  state->wall_ms = clock->l;
  state->counter = (guint16) clock->c;
  state->node = clock->node;
  g_mutex_unlock (&clock->lock);
}

guint64
slv_hlc_clock_get_node (SlvHlcClock *clock)
{
  return clock->node;
}

gint64
slv_hlc_clock_wall_ms (SlvHlcClock *clock)
{
  return CLAMP (clock->wall_func (clock->wall_data), 0, SLV_HLC_MAX_WALL_MS);
}

/* Counter overflow: advance one millisecond rather than fail an edit. */
static void
normalise (SlvHlcClock *clock)
{
  if (clock->c > SLV_HLC_MAX_COUNTER)
    {
      clock->l++;
      clock->c = 0;
    }
}

void
slv_hlc_clock_tick (SlvHlcClock *clock,
                    SlvHlc      *out)
{
  gint64 pt = slv_hlc_clock_wall_ms (clock);
  gint64 old_l;

  g_mutex_lock (&clock->lock);
  old_l = clock->l;
  clock->l = MAX (old_l, pt);
  clock->c = clock->l == old_l ? clock->c + 1 : 0;
  normalise (clock);
  out->wall_ms = clock->l;
  out->counter = (guint16) clock->c;
  out->node = clock->node;
  g_mutex_unlock (&clock->lock);
}

gboolean
slv_hlc_clock_recv (SlvHlcClock  *clock,
                    const SlvHlc *remote)
{
  gint64 pt = slv_hlc_clock_wall_ms (clock);
  gint64 old_l, l;
  guint c;

  if (remote->wall_ms > pt + SLV_HLC_MAX_SKEW_MS)
    {
      g_debug ("Not following a clock stamp %" G_GINT64_FORMAT " ms ahead of local time.",
               remote->wall_ms - pt);
      return FALSE;
    }

  g_mutex_lock (&clock->lock);
  old_l = clock->l;
  l = MAX (MAX (old_l, remote->wall_ms), pt);
  if (l == old_l && l == remote->wall_ms)
    c = MAX (clock->c, remote->counter) + 1;
  else if (l == old_l)
    c = clock->c + 1;
  else if (l == remote->wall_ms)
    c = (guint) remote->counter + 1;
  else
    c = 0;
  clock->l = l;
  clock->c = c;
  normalise (clock);
  g_mutex_unlock (&clock->lock);
  return TRUE;
}
