/* slv-clo-plan.h: what a CLO import would change in a style, and doing it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A plan compares a loaded SlvCloImport with a style of the workspace:
 *  - fabric rows: each fabric key of the chosen size (FABRIC, RIB…) matched
 *    to a BOM line of the style's base costing, with a confidence, the
 *    consumption now and after (in the line's unit: kg at the material's
 *    GSM, m or yd at its width, m²), the efficiency used and why;
 *  - BOM rows: each line of an imported BOM CSV matched to a material by
 *    code or name, with a confidence; unmatched ones wait for review;
 *  - piece diffs against the pattern pieces the style has now (added,
 *    removed, changed area or quantity);
 *  - the cost delta: the costing's FOB before and after, from the pricing
 *    engine (slv-clo-cost.c, registered by default).
 *
 * Marker efficiency and the line's wastage % do not both count cutting
 * waste: the pattern's figure is net area ÷ marker efficiency, which holds
 * the waste between pieces, and the line's wastage % stays for the losses
 * outside the marker (lay ends, splices, faults). So a line whose old
 * figure had no marker (knit measurements, grams per dozen, an entered
 * figure, woven at 100 %) gets wastage 0 % with the new figure; a line
 * already from a pattern or a woven marker keeps its wastage. The user can
 * set it per fabric (slv_clo_plan_set_wastage()). A BOM CSV's consumption
 * and wastage for a line the pattern prices are set aside.
 * The user may re-match, override efficiencies and pick materials; then
 * slv_clo_plan_apply() writes everything in one transaction and journals
 * before-images, so slv_clo_undo() restores the style exactly.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "slv-clo-import.h"
#include "store/slv-store.h"

G_BEGIN_DECLS

/* Below this, a match waits in the review list. */
#define SLV_CLO_MATCH_ACCEPT 0.6

typedef struct
{
  char              *fabric;            /* fabric key */
  char              *bom_line_id;       /* NULL: unmatched (review) */
  char              *material_code;
  char              *material_name;
  char              *placement;
  char              *unit;              /* the BOM line's unit */
  double             confidence;
  char              *reason;            /* why it matched */
  double             old_consumption;   /* −1 when unknown */
  double             new_consumption;   /* −1 when it cannot be computed */
  double             old_wastage;       /* the line's wastage %, −1 when unknown */
  double             new_wastage;       /* the wastage % written with the new figure */
  char              *wastage_reason;    /* why it changes or stays */
  SlvFabricEstimate *estimate;          /* NULL when not computed */
  char              *problem;           /* why not, or NULL */
} SlvCloFabricRow;

typedef struct
{
  guint   row;                          /* CSV row */
  char   *code, *name, *placement, *consumption, *unit, *wastage;
  char   *material_id;                  /* NULL: unmatched (review) */
  char   *material_code;
  char   *material_name;
  double  confidence;
  char   *reason;
  char   *bom_line_id;                  /* existing line for that material: updated */
  gboolean accepted;
} SlvCloBomRow;

typedef struct
{
  char   *name;
  char   *size;
  char   *status;                       /* added, removed, changed */
  double  old_area_mm2, new_area_mm2;   /* cut areas; −1 when absent */
  guint   old_quantity, new_quantity;
} SlvCloPieceDiff;

typedef struct
{
  const char       *size;               /* NULL: the style's base size if the file has it, else the sample size */
  double            efficiency;         /* > 0: used for every fabric instead of nesting */
  guint             garments;           /* garments per nesting estimate; 0 automatic */
  SlvNestRotations  rotations;
  double            gap_mm;
} SlvCloPlanOptions;

/* The costing's cost (FOB) before and after @changes: bom_line id →
 * GHashTable of column → new text, exactly what slv_clo_plan_apply()
 * writes (consumption, calc, wastage_pct, placement); lines the import
 * adds have ids "new:N" and also carry material_id, unit and note.
 * Runs inside no transaction; must not write. The pricing engine's
 * (slv_clo_pricing_cost()) is registered by default. */
typedef gboolean (*SlvCloCostFunc) (SlvStore    *store,
                                    const char  *costing_id,
                                    GHashTable  *changes,
                                    char       **out_currency,
                                    char       **out_before,
                                    char       **out_after,
                                    gpointer     user_data,
                                    GError     **error);

#define SLV_TYPE_CLO_PLAN (slv_clo_plan_get_type ())
G_DECLARE_FINAL_TYPE (SlvCloPlan, slv_clo_plan, SLV, CLO_PLAN, GObject)

void         slv_clo_plan_options_init      (SlvCloPlanOptions  *options);
/* Replaces the cost function; NULL: no cost delta. */
void         slv_clo_set_cost_func          (SlvCloCostFunc      func,
                                             gpointer            user_data);
/* The pricing engine's: FOB (unrounded) before and after, in the
 * costing's currency (slv-clo-cost.c). */
gboolean     slv_clo_pricing_cost           (SlvStore           *store,
                                             const char         *costing_id,
                                             GHashTable         *changes,
                                             char              **out_currency,
                                             char              **out_before,
                                             char              **out_after,
                                             gpointer            user_data,
                                             GError            **error);

SlvCloPlan  *slv_clo_plan_new               (SlvStore           *store,
                                             SlvCloImport       *import,
                                             const char         *style_code,
                                             const SlvCloPlanOptions *options,
                                             GCancellable       *cancellable,
                                             GError            **error) G_GNUC_WARN_UNUSED_RESULT;

const char  *slv_clo_plan_get_style_id      (SlvCloPlan         *self);
const char  *slv_clo_plan_get_costing_id    (SlvCloPlan         *self);
const char  *slv_clo_plan_get_size          (SlvCloPlan         *self);
GPtrArray   *slv_clo_plan_get_fabric_rows   (SlvCloPlan         *self);   /* SlvCloFabricRow */
GPtrArray   *slv_clo_plan_get_bom_rows      (SlvCloPlan         *self);   /* SlvCloBomRow */
GPtrArray   *slv_clo_plan_get_piece_diffs   (SlvCloPlan         *self);   /* SlvCloPieceDiff */
/* The style's BOM lines, for a "match to…" menu (rows as column → text). */
GPtrArray   *slv_clo_plan_get_bom_lines     (SlvCloPlan         *self);
/* Rows waiting for a decision: unmatched fabrics and BOM lines. */
guint        slv_clo_plan_count_review      (SlvCloPlan         *self);
SlvCloFabricRow *slv_clo_plan_find_fabric   (SlvCloPlan         *self,
                                             const char         *fabric);

/* Review actions; each recomputes what depends on it. */
gboolean     slv_clo_plan_set_fabric_line   (SlvCloPlan         *self,
                                             const char         *fabric,
                                             const char         *bom_line_id,
                                             GError            **error);
gboolean     slv_clo_plan_set_efficiency    (SlvCloPlan         *self,
                                             const char         *fabric,
                                             double              efficiency,
                                             GError            **error);
/* @wastage_pct ≥ 0, or < 0 to go back to the rule above. */
gboolean     slv_clo_plan_set_wastage       (SlvCloPlan         *self,
                                             const char         *fabric,
                                             double              wastage_pct,
                                             GError            **error);
gboolean     slv_clo_plan_set_bom_material  (SlvCloPlan         *self,
                                             guint               row,
                                             const char         *material_id,
                                             GError            **error);

/* Cost before/after through the cost function; FALSE (and no error) when
 * there is none. */
gboolean     slv_clo_plan_cost_delta        (SlvCloPlan         *self,
                                             char              **out_currency,
                                             char              **out_before,
                                             char              **out_after,
                                             GError            **error);

/* One transaction: pieces replaced, matched BOM lines updated or added,
 * renders stored (the first becomes the cover when the style has none),
 * a clo_import journal row with before-images. */
gboolean     slv_clo_plan_apply             (SlvCloPlan         *self,
                                             char              **out_import_id,
                                             GError            **error);
JsonNode    *slv_clo_plan_to_json           (SlvCloPlan         *self);

/* The BOM column mapping saved in the workspace (a new, empty one when
 * none is saved), and saving one for the next import. */
SlvBomMapping *slv_clo_dup_saved_bom_mapping (SlvStore          *store) G_GNUC_WARN_UNUSED_RESULT;
gboolean     slv_clo_save_bom_mapping       (SlvStore           *store,
                                             const SlvBomMapping *mapping,
                                             GError            **error);

/* Restores what import @import_id changed; only the newest import of a
 * style can be undone. */
gboolean     slv_clo_undo                   (SlvStore           *store,
                                             const char         *import_id,
                                             GError            **error);
/* The same in a worker thread. */
void         slv_clo_undo_async             (SlvStore           *store,
                                             const char         *import_id,
                                             GCancellable       *cancellable,
                                             GAsyncReadyCallback callback,
                                             gpointer            user_data);
gboolean     slv_clo_undo_finish            (SlvStore           *store,
                                             GAsyncResult       *result,
                                             GError            **error);

G_END_DECLS
