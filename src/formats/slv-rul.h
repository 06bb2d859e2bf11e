/* slv-rul.h: ASTM/AAMA grade-rule tables (.RUL beside a DXF).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A table lists its sizes and sample size, then numbered rules; each rule
 * gives one (dx, dy) per size, relative to the sample size, and the DXF
 * ties a rule to a turn or curve point with a "# n" text on layer 2/3.
 *
 *   ASTM/D6673/RUL            (or "version ANSI/AAMA-292-B")
 *   UNITS: METRIC
 *   GRADE RULE TABLE: TEES
 *   SAMPLE SIZE: M
 *   NUMBER OF SIZES: 3
 *   SIZE LIST: S M L
 *   RULE: DELTA 1
 *    -5.0, 2.0  0.0, 0.0  5.0, -2.0
 *   END
 *
 * Deltas come out in millimetres.
 */
#pragma once

#include <gio/gio.h>

#include "core/slv-polygon.h"

G_BEGIN_DECLS

#define SLV_RUL_ERROR (slv_rul_error_quark ())

typedef enum
{
  SLV_RUL_ERROR_SYNTAX,
  SLV_RUL_ERROR_NO_SIZES,
  SLV_RUL_ERROR_TOO_LARGE,
} SlvRulError;

typedef struct _SlvGradeRules SlvGradeRules;

GQuark          slv_rul_error_quark            (void);
SlvGradeRules  *slv_rul_read_bytes             (GBytes         *data,
                                                const char     *source,
                                                GError        **error) G_GNUC_WARN_UNUSED_RESULT;
SlvGradeRules  *slv_rul_read_file              (const char     *path,
                                                GError        **error) G_GNUC_WARN_UNUSED_RESULT;
void            slv_grade_rules_free           (SlvGradeRules  *self);

const char     *slv_grade_rules_get_table_name (SlvGradeRules  *self);
const char     *slv_grade_rules_get_sample_size (SlvGradeRules *self);
/* Sizes in table order (char *). */
GPtrArray      *slv_grade_rules_get_sizes      (SlvGradeRules  *self);
guint           slv_grade_rules_get_n_rules    (SlvGradeRules  *self);
/* The delta of @rule for @size in mm; FALSE if either is unknown. */
gboolean        slv_grade_rules_get_delta      (SlvGradeRules  *self,
                                                int             rule,
                                                const char     *size,
                                                SlvPoint       *out);
/* @base (a sample-size point carrying @rule) moved to @size. */
gboolean        slv_grade_rules_grade_point    (SlvGradeRules  *self,
                                                int             rule,
                                                const char     *size,
                                                SlvPoint        base,
                                                SlvPoint       *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlvGradeRules, slv_grade_rules_free)

G_END_DECLS
