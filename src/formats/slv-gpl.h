/* slv-gpl.h: GIMP palettes (.gpl), read and written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The text format GIMP, Inkscape and Krita share: a "GIMP Palette" line, a
 * Name and Columns header, then one "R G B<tab>name" line per colour.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SLV_GPL_ERROR (slv_gpl_error_quark ())

typedef enum
{
  SLV_GPL_ERROR_NOT_A_PALETTE,
  SLV_GPL_ERROR_BAD_LINE,
} SlvGplError;

typedef struct
{
  guint32  rgb;    /* 0xRRGGBB */
  char    *name;   /* may be NULL */
} SlvGplEntry;

GQuark  slv_gpl_error_quark  (void);

/* An array of SlvGplEntry that frees the names with it. */
GArray *slv_gpl_entries_new  (void) G_GNUC_WARN_UNUSED_RESULT;
void    slv_gpl_entries_add  (GArray       *entries,
                              guint32       rgb,
                              const char   *name);

GBytes *slv_gpl_write        (const char   *palette_name,
                              GArray       *entries) G_GNUC_WARN_UNUSED_RESULT;
/* Writes atomically: a temporary file, flushed, renamed over @path. */
gboolean slv_gpl_save        (const char   *path,
                              const char   *palette_name,
                              GArray       *entries,
                              GError      **error);
/* Reads a palette; @palette_name (optional) receives its Name. */
GArray *slv_gpl_parse        (GBytes       *bytes,
                              char        **palette_name,
                              GError      **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
