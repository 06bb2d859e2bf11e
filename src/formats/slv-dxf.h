/* slv-dxf.h: DXF-AAMA / DXF-ASTM (ASTM D6673) pattern files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads the R12/R13 ASCII DXF that pattern CAD systems (Gerber AccuMark,
 * CLO 3D, Lectra, Optitex, Valentina…) export: one BLOCK per piece and
 * size, boundary on layer 1, the ASTM layers for the rest, piece texts
 * inside the blocks and style texts in ENTITIES. Geometry comes out in
 * millimetres; the drawing unit is taken from the file's Units text (or its
 * header variables) and a scale that does not look like a garment is
 * reported as a warning, never silently changed. See
 * docs/clo3d-ingestion.md for the contract.
 */
#pragma once

#include <gio/gio.h>

#include "core/slv-pattern-set.h"

G_BEGIN_DECLS

#define SLV_DXF_ERROR (slv_dxf_error_quark ())

typedef enum
{
  SLV_DXF_ERROR_SYNTAX,      /* not a group code where one must be, bad number */
  SLV_DXF_ERROR_TRUNCATED,   /* ends inside a section or entity */
  SLV_DXF_ERROR_BINARY,      /* binary DXF or binary garbage */
  SLV_DXF_ERROR_RANGE,       /* NaN, infinite or absurd coordinates */
  SLV_DXF_ERROR_TOO_LARGE,   /* over the reader's limits */
  SLV_DXF_ERROR_NO_PIECES,   /* a valid DXF without pattern pieces */
  SLV_DXF_ERROR_IO,
} SlvDxfError;

/* Limits a file must stay within (a DXF is parsed in memory). */
#define SLV_DXF_MAX_FILE_SIZE   (256 * 1024 * 1024)
#define SLV_DXF_MAX_POINTS      (20 * 1000 * 1000)
#define SLV_DXF_MAX_COORDINATE  1e9

GQuark         slv_dxf_error_quark (void);

SlvPatternSet *slv_dxf_read_bytes  (GBytes       *data,
                                    const char   *source,
                                    GError      **error) G_GNUC_WARN_UNUSED_RESULT;
SlvPatternSet *slv_dxf_read_file   (const char   *path,
                                    GError      **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
