/* slv-pattern-set.h: the pattern pieces of one style, as a file gave them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One DXF-AAMA/ASTM export: its header texts (Style Name, Sample Size,
 * Units…), the unit it was drawn in, its pieces in every size (geometry in
 * millimetres) and the warnings the reader raised.
 */
#pragma once

#include "slv-pattern-piece.h"

G_BEGIN_DECLS

#define SLV_TYPE_PATTERN_SET (slv_pattern_set_get_type ())
G_DECLARE_FINAL_TYPE (SlvPatternSet, slv_pattern_set, SLV, PATTERN_SET, GObject)

SlvPatternSet   *slv_pattern_set_new               (const char        *source);

const char      *slv_pattern_set_get_source        (SlvPatternSet     *self);
/* Header texts by upper-case key ("STYLE NAME", "SAMPLE SIZE", "UNITS"…). */
void             slv_pattern_set_set_header        (SlvPatternSet     *self,
                                                    const char        *key,
                                                    const char        *value);
const char      *slv_pattern_set_get_header        (SlvPatternSet     *self,
                                                    const char        *key);
GHashTable      *slv_pattern_set_get_headers       (SlvPatternSet     *self);
const char      *slv_pattern_set_get_style_name    (SlvPatternSet     *self);
const char      *slv_pattern_set_get_sample_size   (SlvPatternSet     *self);

/* Millimetres per drawing unit (25.4 for ENGLISH, 1 for METRIC), and the
 * unit's name as shown to users ("in", "mm"). */
void             slv_pattern_set_set_unit          (SlvPatternSet     *self,
                                                    const char        *name,
                                                    double             mm_per_unit);
const char      *slv_pattern_set_get_unit_name     (SlvPatternSet     *self);
double           slv_pattern_set_get_mm_per_unit   (SlvPatternSet     *self);

/* A factor that would make the pieces garment-sized when the file's scale
 * looks wrong (see the "unit-scale-suspect" warning), else 0. */
void             slv_pattern_set_set_suggested_scale (SlvPatternSet *self,
                                                    double             factor);
double           slv_pattern_set_get_suggested_scale (SlvPatternSet *self);

void             slv_pattern_set_add_piece         (SlvPatternSet     *self,
                                                    SlvPatternPiece   *piece);
GPtrArray       *slv_pattern_set_get_pieces        (SlvPatternSet     *self);
/* Sizes in file order, each once. */
GPtrArray       *slv_pattern_set_dup_sizes         (SlvPatternSet     *self) G_GNUC_WARN_UNUSED_RESULT;
/* The pieces of @size (NULL: the sample size, else the first size). */
GPtrArray       *slv_pattern_set_dup_pieces_for_size (SlvPatternSet   *self,
                                                    const char        *size) G_GNUC_WARN_UNUSED_RESULT;
gboolean         slv_pattern_set_has_size          (SlvPatternSet     *self,
                                                    const char        *size);
SlvPatternPiece *slv_pattern_set_find_piece        (SlvPatternSet     *self,
                                                    const char        *name,
                                                    const char        *size);

/* Multiplies all geometry by @factor (a user's scale correction). */
void             slv_pattern_set_rescale           (SlvPatternSet     *self,
                                                    double             factor);
/* Lets every size inherit the base size's texts, then updates pieces. */
void             slv_pattern_set_finish            (SlvPatternSet     *self);

GPtrArray       *slv_pattern_set_get_warnings      (SlvPatternSet     *self);
/* The set's warnings followed by every piece's. */
GPtrArray       *slv_pattern_set_dup_all_warnings  (SlvPatternSet     *self) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
