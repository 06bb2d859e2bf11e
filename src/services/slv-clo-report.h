/* slv-clo-report.h: JSON views of a CLO import, for selvedge-cli and for
 * anything that wants the figures as data.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pieces: name, size, block, quantity (effective) and quantity_text (as
 * written), cuts, area_mm2 (boundary as drawn), unfolded_area_mm2 (null
 * without a mirror line), cut_area_mm2, perimeter_mm, bbox, grain_angle,
 * counts of notches and drill holes, panel_id, warnings. Meshes: name,
 * material, panel_id, area (file units²), area_m2, world_area_m2,
 * triangles, vertices, bbox. Warnings: {code, subject, message}.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "slv-clo-import.h"

G_BEGIN_DECLS

JsonNode *slv_clo_report_piece       (SlvPatternPiece *piece,
                                      gboolean         with_outline);
JsonNode *slv_clo_report_pattern_set (SlvPatternSet   *set,
                                      gboolean         with_outlines);
JsonNode *slv_clo_report_mesh        (SlvMeshReport   *report);
JsonNode *slv_clo_report_warnings    (GPtrArray       *warnings);
/* The whole import: files, patterns, meshes, BOM lines and mapping,
 * renders, panel matches, fabric uses of @size, warnings. */
JsonNode *slv_clo_report_import      (SlvCloImport    *import,
                                      const char      *size,
                                      gboolean         with_outlines);
JsonNode *slv_clo_report_estimate    (SlvFabricEstimate *estimate,
                                      gboolean         with_layout);

G_END_DECLS
