/* slv-clo-import.h: everything a CLO 3D hand-off says, before it touches
 * a workspace.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Load a file, folder or ZIP: SlvCloImport reads its DXF patterns (with a
 * .RUL if present), meshes, BOM CSV and renders, gathers every warning,
 * matches CLO's Pattern2D ids between DXF pieces and 3-D panels, and
 * estimates the fabric each garment needs: per fabric key, the cut area of
 * the pieces of one size, laid out on the fabric width by the nesting
 * estimate (or at an efficiency the user gives). This is what the import
 * dialog previews; SlvCloPlan (slv-clo-plan.h) turns it into changes to a
 * style.
 */
#pragma once

#include <gio/gio.h>

#include "core/slv-consumption.h"
#include "core/slv-marker.h"
#include "core/slv-pattern-set.h"
#include "formats/slv-bom-csv.h"
#include "formats/slv-clo-bundle.h"
#include "formats/slv-mesh.h"
#include "formats/slv-rul.h"

G_BEGIN_DECLS

#define SLV_CLO_ERROR (slv_clo_error_quark ())

typedef enum
{
  SLV_CLO_ERROR_NOTHING_READ,   /* every file failed */
  SLV_CLO_ERROR_NO_PATTERN,     /* a pattern is needed and none was read */
  SLV_CLO_ERROR_NO_SIZE,
  SLV_CLO_ERROR_NO_STYLE,
  SLV_CLO_ERROR_FABRIC,         /* width/GSM/unit missing for a fabric */
  SLV_CLO_ERROR_UNDO,
  SLV_CLO_ERROR_CANCELLED,
} SlvCloError;

/* One fabric key's pieces in one size. */
typedef struct
{
  char   *fabric;       /* FABRIC, RIB, INTERLINING, "FABRIC 2"… */
  double  net_mm2;      /* Σ cut area × count per garment */
  guint   pieces;       /* distinct pieces */
  guint   cuts;         /* pieces cut per garment */
} SlvFabricUse;

/* A DXF piece and its 3-D panel, matched by CLO's Pattern2D id. */
typedef struct
{
  char   *panel_id;
  char   *piece;        /* DXF piece name, NULL when only the mesh has it */
  char   *mesh;         /* mesh name, NULL when only the DXF has it */
  double  piece_area_m2;
  double  mesh_area_m2;
} SlvPanelMatch;

/* The consumption of one fabric key at one width and GSM. */
typedef struct
{
  char           *fabric;
  double          width_cm;
  double          gsm;
  double          efficiency;          /* used */
  double          nested_efficiency;   /* from the marker, 0 when not nested */
  gboolean        overridden;          /* efficiency given by the user */
  guint           garments;            /* garments laid in the marker */
  guint           pieces;              /* distinct pieces of the fabric */
  guint           cuts;                /* pieces cut per garment */
  SlvMarker      *marker;              /* NULL when overridden */
  SlvConsumption  figures;             /* per garment */
  char           *explanation;
} SlvFabricEstimate;

#define SLV_TYPE_CLO_IMPORT (slv_clo_import_get_type ())
G_DECLARE_FINAL_TYPE (SlvCloImport, slv_clo_import, SLV, CLO_IMPORT, GObject)

GQuark          slv_clo_error_quark            (void);

SlvCloImport   *slv_clo_import_new             (void);
/* Multiply DXF coordinates by @factor (the "unit-scale-suspect" warning
 * suggests one); 0 or 1 keeps the file's scale. Set before loading. */
void            slv_clo_import_set_scale       (SlvCloImport   *self,
                                                double          factor);
/* Metres per mesh unit, overriding the file's (0: the file's). */
void            slv_clo_import_set_mesh_unit   (SlvCloImport   *self,
                                                double          metres_per_unit);
/* The BOM column mapping to start from (copied); unset fields are guessed. */
void            slv_clo_import_set_bom_mapping (SlvCloImport   *self,
                                                const SlvBomMapping *mapping);

gboolean        slv_clo_import_load            (SlvCloImport   *self,
                                                const char     *path,
                                                GCancellable   *cancellable,
                                                GError        **error);
void            slv_clo_import_load_async      (SlvCloImport   *self,
                                                const char     *path,
                                                GCancellable   *cancellable,
                                                GAsyncReadyCallback callback,
                                                gpointer        user_data);
gboolean        slv_clo_import_load_finish     (SlvCloImport   *self,
                                                GAsyncResult   *result,
                                                GError        **error);

const char     *slv_clo_import_get_source      (SlvCloImport   *self);
SlvCloBundle   *slv_clo_import_get_bundle      (SlvCloImport   *self);
GPtrArray      *slv_clo_import_get_pattern_sets (SlvCloImport  *self);   /* SlvPatternSet */
GPtrArray      *slv_clo_import_get_meshes      (SlvCloImport   *self);   /* SlvMeshReport */
GPtrArray      *slv_clo_import_get_bom_lines   (SlvCloImport   *self);   /* SlvBomLine */
const SlvBomMapping *slv_clo_import_get_bom_mapping (SlvCloImport *self);
/* The BOM file's header row (NULL without a BOM file). */
const char * const *slv_clo_import_get_bom_headers (SlvCloImport *self);
GPtrArray      *slv_clo_import_get_renders     (SlvCloImport   *self);   /* SlvCloFile */
SlvGradeRules  *slv_clo_import_get_grade_rules (SlvCloImport   *self);
/* Every warning: bundle, patterns, pieces, meshes, BOM. */
GPtrArray      *slv_clo_import_dup_warnings    (SlvCloImport   *self) G_GNUC_WARN_UNUSED_RESULT;

/* Sizes over all pattern sets, in file order; the sample size. */
GPtrArray      *slv_clo_import_dup_sizes       (SlvCloImport   *self) G_GNUC_WARN_UNUSED_RESULT;
const char     *slv_clo_import_get_sample_size (SlvCloImport   *self);
/* The pieces of @size (NULL: the sample size). */
GPtrArray      *slv_clo_import_dup_pieces      (SlvCloImport   *self,
                                                const char     *size) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray      *slv_clo_import_dup_fabric_uses (SlvCloImport   *self,
                                                const char     *size) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray      *slv_clo_import_dup_panel_matches (SlvCloImport *self,
                                                const char     *size) G_GNUC_WARN_UNUSED_RESULT;

/* Consumption of @fabric in @size. @efficiency > 0 is the user's figure;
 * otherwise the pieces of @garments garments are nested on the width
 * (@options may be NULL: 0/180° grain, no gap). @garments 0 is automatic:
 * as many garments (up to SLV_CLO_MAX_AUTO_GARMENTS) as cover about a
 * square of the fabric, width × width. */
#define SLV_CLO_MAX_AUTO_GARMENTS 24

SlvFabricEstimate *slv_clo_import_estimate     (SlvCloImport   *self,
                                                const char     *size,
                                                const char     *fabric,
                                                double          width_cm,
                                                double          gsm,
                                                double          efficiency,
                                                guint           garments,
                                                const SlvNestOptions *options,
                                                GCancellable   *cancellable,
                                                GError        **error) G_GNUC_WARN_UNUSED_RESULT;

void            slv_fabric_use_free            (SlvFabricUse      *use);
void            slv_panel_match_free           (SlvPanelMatch     *match);
void            slv_fabric_estimate_free       (SlvFabricEstimate *estimate);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlvFabricEstimate, slv_fabric_estimate_free)

G_END_DECLS
