/* slv-mesh.h: garment meshes (OBJ, FBX, glTF, GLB) through assimp.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For each mesh of the file: its name, material, CLO pattern id
 * (Pattern2D_<id>), triangle and vertex counts, bounding box and surface
 * area — the sum of its faces' areas, faces fan-triangulated — in the
 * file's own units (mesh space, node transforms not applied) and, with the
 * node transforms, in the scene. The unit is stated with its source: glTF
 * is metres by specification, FBX gives UnitScaleFactor (centimetres per
 * unit), OBJ says nothing (metres are assumed, with a warning) unless the
 * caller sets it. Texture files the materials name are checked on disk; a
 * missing one is a warning, not an error.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SLV_MESH_ERROR (slv_mesh_error_quark ())

typedef enum
{
  SLV_MESH_ERROR_UNSUPPORTED,   /* not OBJ/FBX/glTF/GLB (or a CLO project) */
  SLV_MESH_ERROR_PARSE,         /* the importer refused the file */
  SLV_MESH_ERROR_EMPTY,         /* no triangles */
  SLV_MESH_ERROR_TOO_LARGE,
  SLV_MESH_ERROR_IO,
} SlvMeshError;

#define SLV_MESH_MAX_FILE_SIZE (512 * 1024 * 1024)

typedef struct
{
  char   *name;           /* the mesh's name, else its node's */
  char   *material;       /* material name, or NULL */
  char   *panel_id;       /* "22597" for …Pattern2D_22597…, or NULL */
  guint   vertices;
  guint   faces;
  guint   triangles;      /* after fan triangulation */
  guint   instances;      /* nodes that place it */
  double  area;           /* file units², mesh space */
  double  world_area;     /* file units², node transforms applied, all instances */
  double  bbox[6];        /* x0 y0 z0 x1 y1 z1, mesh space */
} SlvMeshPart;

typedef struct
{
  char     *uri;          /* as written in the file */
  char     *path;         /* resolved on disk, NULL when embedded */
  char     *material;
  gboolean  embedded;
  gboolean  present;
} SlvMeshTexture;

#define SLV_TYPE_MESH_REPORT (slv_mesh_report_get_type ())
G_DECLARE_FINAL_TYPE (SlvMeshReport, slv_mesh_report, SLV, MESH_REPORT, GObject)

GQuark         slv_mesh_error_quark             (void);

/* TRUE if @path names a mesh Selvedge reads (by extension). */
gboolean       slv_mesh_is_supported            (const char     *path);
/* @metres_per_unit > 0 overrides the file's unit (e.g. 0.1 for a
 * MakeHuman OBJ in decimetres); 0 takes it from the file. */
SlvMeshReport *slv_mesh_read_file               (const char     *path,
                                                 double          metres_per_unit,
                                                 GError        **error) G_GNUC_WARN_UNUSED_RESULT;

const char    *slv_mesh_report_get_source       (SlvMeshReport  *self);
const char    *slv_mesh_report_get_format       (SlvMeshReport  *self);
/* Metres per file unit, and where that figure came from. */
double         slv_mesh_report_get_metres_per_unit (SlvMeshReport *self);
const char    *slv_mesh_report_get_unit_source  (SlvMeshReport  *self);
GPtrArray     *slv_mesh_report_get_parts        (SlvMeshReport  *self);   /* SlvMeshPart */
GPtrArray     *slv_mesh_report_get_textures     (SlvMeshReport  *self);   /* SlvMeshTexture */
GPtrArray     *slv_mesh_report_get_warnings     (SlvMeshReport  *self);   /* SlvWarning */
/* Σ part area in file units², and in m² at the stated unit. */
double         slv_mesh_report_get_total_area   (SlvMeshReport  *self);
double         slv_mesh_report_get_total_area_m2 (SlvMeshReport *self);
double         slv_mesh_report_part_area_m2     (SlvMeshReport  *self,
                                                 const SlvMeshPart *part);
guint          slv_mesh_report_get_total_triangles (SlvMeshReport *self);
/* Material name → Σ area in m² (a new table). */
GHashTable    *slv_mesh_report_dup_area_by_material (SlvMeshReport *self) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
