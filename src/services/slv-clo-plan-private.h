/* slv-clo-plan-private.h: shared by slv-clo-plan.c, slv-clo-apply.c and
 * slv-clo-match.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "slv-clo-plan.h"
#include "core/slv-material.h"

G_BEGIN_DECLS

struct _SlvCloPlan
{
  GObject            parent_instance;
  SlvStore          *store;
  SlvCloImport      *import;
  SlvCloPlanOptions  options;
  char              *size;
  char              *style_id;
  char              *style_code;
  char              *brand_id;
  char              *costing_id;
  char              *cover_blob;
  GPtrArray         *bom_lines;     /* GHashTable rows */
  GPtrArray         *materials;     /* SlvMaterial */
  GPtrArray         *old_pieces;    /* GHashTable rows */
  GPtrArray         *fabrics;       /* SlvCloFabricRow */
  GPtrArray         *bom;           /* SlvCloBomRow */
  GPtrArray         *diffs;         /* SlvCloPieceDiff */
};

/* Matching scores in [0, 1], with the reason in words. */
double      slv_clo_match_fabric     (const char   *fabric,
                                      GHashTable   *bom_line,
                                      gboolean      first_fabric,
                                      char        **reason);
double      slv_clo_match_material   (const char   *code,
                                      const char   *name,
                                      SlvMaterial  *material,
                                      char        **reason);

/* Recomputes the estimate and new consumption of @row. */
void        slv_clo_plan_compute_row (SlvCloPlan      *self,
                                      SlvCloFabricRow *row);
GHashTable *slv_clo_plan_find_line   (SlvCloPlan      *self,
                                      const char      *bom_line_id);
/* What applying the plan writes to one BOM line. */
typedef struct
{
  char       *id;         /* the bom_line id, or "new:N" for a line to add */
  gboolean    is_new;
  GHashTable *fields;     /* column → text (owned) */
} SlvCloLineChange;

/* The BOM line writes of the plan, in apply order (slv-clo-changes.c). */
GPtrArray  *slv_clo_plan_dup_line_changes (SlvCloPlan *self) G_GNUC_WARN_UNUSED_RESULT;
/* The wastage rule of a fabric row (see slv-clo-plan.h). */
void        slv_clo_plan_wastage_rule     (GHashTable      *line,
                                           SlvCloFabricRow *row);
/* "0.123456" whatever the locale. */
char       *slv_clo_format_decimal   (double           value) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
