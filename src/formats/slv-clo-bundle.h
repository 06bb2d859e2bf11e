/* slv-clo-bundle.h: what a CLO 3D hand-off contains.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An import starts from one file, a folder or a ZIP. The bundle lists its
 * files and tells what each is: a DXF pattern, a .RUL grade-rule table, a
 * mesh (and the .bin/.mtl/texture files beside it), a BOM CSV, a render or
 * snapshot (PNG/JPEG, with its pixel size), or one of CLO's proprietary
 * files (.zprj, .zpac, .avt, .zfab), which are recognised and explained.
 * A ZIP is unpacked into a private temporary folder, with limits on entry
 * count, sizes and compression ratio so a ZIP bomb is refused, and entry
 * names that would escape the folder are refused too.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SLV_BUNDLE_ERROR (slv_bundle_error_quark ())

typedef enum
{
  SLV_BUNDLE_ERROR_NOT_FOUND,
  SLV_BUNDLE_ERROR_PROPRIETARY,   /* only CLO project files: export first */
  SLV_BUNDLE_ERROR_NOTHING,       /* nothing Selvedge reads */
  SLV_BUNDLE_ERROR_ARCHIVE,       /* damaged ZIP */
  SLV_BUNDLE_ERROR_BOMB,          /* over a limit */
  SLV_BUNDLE_ERROR_UNSAFE,        /* entry path escaping the folder, links */
  SLV_BUNDLE_ERROR_IO,
} SlvBundleError;

typedef enum
{
  SLV_CLO_FILE_OTHER = 0,
  SLV_CLO_FILE_DXF,
  SLV_CLO_FILE_RUL,
  SLV_CLO_FILE_MESH,
  SLV_CLO_FILE_MESH_PART,     /* .bin, .mtl: read with their mesh */
  SLV_CLO_FILE_BOM,
  SLV_CLO_FILE_RENDER,
  SLV_CLO_FILE_PROPRIETARY,
} SlvCloFileKind;

typedef struct
{
  char           *name;       /* path inside the bundle, '/' separated */
  char           *path;       /* on disk */
  SlvCloFileKind  kind;
  guint           width;      /* renders: pixels */
  guint           height;
  const char     *mime;       /* renders: image/png or image/jpeg */
  goffset         size;
} SlvCloFile;

typedef struct
{
  guint   max_entries;        /* files in a ZIP */
  goffset max_entry_size;     /* bytes, unpacked */
  goffset max_total_size;     /* bytes, unpacked */
  double  max_ratio;          /* unpacked ÷ packed, once past 16 MB */
} SlvBundleLimits;

#define SLV_TYPE_CLO_BUNDLE (slv_clo_bundle_get_type ())
G_DECLARE_FINAL_TYPE (SlvCloBundle, slv_clo_bundle, SLV, CLO_BUNDLE, GObject)

GQuark          slv_bundle_error_quark        (void);
void            slv_bundle_limits_init        (SlvBundleLimits   *limits);

/* Kind of a file from its name and first bytes (may be NULL). */
SlvCloFileKind  slv_clo_classify              (const char        *name,
                                               const guint8      *head,
                                               gsize              head_len);
/* A sentence telling which export to make instead of @name (a CLO
 * project, garment, avatar or fabric file). */
char           *slv_clo_proprietary_advice    (const char        *name) G_GNUC_WARN_UNUSED_RESULT;
/* PNG or JPEG pixel size from the first bytes; FALSE if neither. */
gboolean        slv_image_probe               (const guint8      *head,
                                               gsize              len,
                                               const char       **mime,
                                               guint             *width,
                                               guint             *height);

/* @limits may be NULL for the defaults. */
SlvCloBundle   *slv_clo_bundle_open           (const char        *path,
                                               const SlvBundleLimits *limits,
                                               GError           **error) G_GNUC_WARN_UNUSED_RESULT;
/* SlvCloFile items, sorted by name. */
GPtrArray      *slv_clo_bundle_get_files      (SlvCloBundle      *self);
GPtrArray      *slv_clo_bundle_dup_files_of   (SlvCloBundle      *self,
                                               SlvCloFileKind     kind) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray      *slv_clo_bundle_get_warnings   (SlvCloBundle      *self);
const char     *slv_clo_bundle_get_source     (SlvCloBundle      *self);

G_END_DECLS
