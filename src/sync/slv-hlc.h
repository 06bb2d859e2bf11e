/* slv-hlc.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The hybrid logical clock of the sync protocol (SYNC-PROTOCOL.md §1).
 * Wire form: YYYY-MM-DDTHH:MM:SS.mmmZ-CCCC-NNNNNNNNNNNNNNNN (46 characters):
 * UTC milliseconds, 4 upper-case hex counter, 16 lower-case hex node. The byte
 * order of the text is the order of the clock, so compare with strcmp().
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SLV_HLC_TEXT_LEN      46
#define SLV_HLC_NODE_LEN      16
#define SLV_HLC_MAX_COUNTER   0xFFFF
/* Clients further ahead than this are refused (server) or not followed (client). */
#define SLV_HLC_MAX_SKEW_MS   (5 * 60 * 1000)
/* The largest wall time the text form can hold: 9999-12-31T23:59:59.999Z. */
#define SLV_HLC_MAX_WALL_MS   G_GINT64_CONSTANT (253402300799999)

typedef struct
{
  gint64  wall_ms;   /* Unix time in milliseconds, 0 … SLV_HLC_MAX_WALL_MS */
  guint16 counter;
  guint64 node;
} SlvHlc;

/* Parses the exact wire form; anything else (length, case, impossible dates)
 * fails with SLV_SYNC_ERROR_INVALID and a message naming the text. */
gboolean  slv_hlc_parse        (const char    *text,
                                SlvHlc        *out,
                                GError       **error);
gboolean  slv_hlc_is_valid     (const char    *text);
/* Writes SLV_HLC_TEXT_LEN characters and a NUL into @out. */
void      slv_hlc_format       (const SlvHlc  *hlc,
                                char           out[SLV_HLC_TEXT_LEN + 1]);
char     *slv_hlc_to_string    (const SlvHlc  *hlc) G_GNUC_WARN_UNUSED_RESULT;
int       slv_hlc_compare      (const SlvHlc  *a,
                                const SlvHlc  *b);
/* A node as 16 lower-case hex digits; FALSE if @text is not one. */
gboolean  slv_hlc_parse_node   (const char    *text,
                                guint64       *node);
void      slv_hlc_format_node  (guint64        node,
                                char           out[SLV_HLC_NODE_LEN + 1]);
/* The node part of a wire HLC (which must be valid), as a new string. */
char     *slv_hlc_dup_node     (const char    *text) G_GNUC_WARN_UNUSED_RESULT;
/* The wall time of a wire HLC, or -1 if it is not one. */
gint64    slv_hlc_text_wall_ms (const char    *text);

/* The clock: state (l, c) plus the node and a wall-time source. */
typedef gint64 (*SlvWallClockFunc) (gpointer user_data);

typedef struct _SlvHlcClock SlvHlcClock;

SlvHlcClock *slv_hlc_clock_new        (guint64           node,
                                       SlvWallClockFunc  wall_func,
                                       gpointer          user_data) G_GNUC_WARN_UNUSED_RESULT;
void         slv_hlc_clock_free       (SlvHlcClock      *clock);
/* Restores a persisted state (sync_state.hlc); the node of @state is ignored. */
void         slv_hlc_clock_set_state  (SlvHlcClock      *clock,
                                       const SlvHlc     *state);
void         slv_hlc_clock_get_state  (SlvHlcClock      *clock,
                                       SlvHlc           *state);
guint64      slv_hlc_clock_get_node   (SlvHlcClock      *clock);
gint64       slv_hlc_clock_wall_ms    (SlvHlcClock      *clock);
/* One tick: the stamp of a new local transaction. Thread-safe. */
void         slv_hlc_clock_tick       (SlvHlcClock      *clock,
                                       SlvHlc           *out);
/* Merges a remote stamp. Returns FALSE, leaving the clock alone, when
 * following it would put the clock more than SLV_HLC_MAX_SKEW_MS ahead of
 * local wall time (the caller still applies the data and logs it). */
gboolean     slv_hlc_clock_recv       (SlvHlcClock      *clock,
                                       const SlvHlc     *remote);

/* The default wall clock: g_get_real_time() in milliseconds. */
gint64       slv_hlc_real_wall_ms     (gpointer          user_data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlvHlcClock, slv_hlc_clock_free)

G_END_DECLS
