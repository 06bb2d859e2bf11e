/* slv-image.h: reading image files without a display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Images are decoded with gdk-pixbuf (PNG, JPEG, WebP, GIF — the first
 * frame — and whatever loaders are installed). A file is checked whole
 * before it is imported: a truncated or damaged image gives a GError that
 * says so, never a half-grey picture on the board. Imported files become
 * content-addressed blobs, so the same picture is stored once.
 */
#pragma once

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <gio/gio.h>

#include "store/slv-store.h"

G_BEGIN_DECLS

#define SLV_IMAGE_ERROR (slv_image_error_quark ())

typedef enum
{
  SLV_IMAGE_ERROR_UNSUPPORTED,   /* not an image format we can read */
  SLV_IMAGE_ERROR_CORRUPT,       /* damaged or truncated */
  SLV_IMAGE_ERROR_TOO_LARGE,     /* beyond SLV_IMAGE_MAX_PIXELS */
} SlvImageError;

/* 30000 × 30000: larger pictures are refused rather than exhausting memory. */
#define SLV_IMAGE_MAX_PIXELS (G_GINT64_CONSTANT (900000000))

typedef struct
{
  char *sha256;
  char *mime;
  char *name;     /* the file's base name, or NULL */
  int   width;    /* as shown (after EXIF orientation) */
  int   height;
} SlvImageInfo;

/* One file of an import: @info on success, else @error. */
typedef struct
{
  char         *path;
  SlvImageInfo *info;
  GError       *error;
} SlvImageImport;

GQuark        slv_image_error_quark       (void);

void          slv_image_info_free         (SlvImageInfo  *info);
void          slv_image_import_free       (SlvImageImport *import);

/* Decodes @bytes (named @name in messages; may be NULL), the first frame
 * of an animation, turned by its EXIF orientation, scaled down so neither
 * side exceeds @max_side (0: full size). */
GdkPixbuf    *slv_image_decode            (GBytes        *bytes,
                                           const char    *name,
                                           int            max_side,
                                           GError       **error) G_GNUC_WARN_UNUSED_RESULT;
/* As above, also giving the picture's own size (after orientation, before
 * any scaling). */
GdkPixbuf    *slv_image_decode_full       (GBytes        *bytes,
                                           const char    *name,
                                           int            max_side,
                                           int           *src_width,
                                           int           *src_height,
                                           GError       **error) G_GNUC_WARN_UNUSED_RESULT;
/* FALSE with an error if @bytes is a known format cut short. */
gboolean      slv_image_check_complete    (GBytes        *bytes,
                                           const char    *name,
                                           GError       **error);

/* Checks the image and stores it as a blob. Blocking: use from a worker. */
SlvImageInfo *slv_image_import_bytes      (SlvStore      *store,
                                           GBytes        *bytes,
                                           const char    *name,
                                           GError       **error) G_GNUC_WARN_UNUSED_RESULT;
SlvImageInfo *slv_image_import_file       (SlvStore      *store,
                                           const char    *path,
                                           GError       **error) G_GNUC_WARN_UNUSED_RESULT;
/* Blocking form of the below, for a worker of the caller's own. */
GPtrArray    *slv_image_import_paths      (SlvStore            *store,
                                           const char * const  *paths,
                                           GCancellable        *cancellable,
                                           GError             **error) G_GNUC_WARN_UNUSED_RESULT;
/* Imports @paths in a worker; a folder brings in the images directly in it
 * (by name). The result is a GPtrArray of SlvImageImport, one per file, in
 * order; a file that fails does not stop the others. */
void          slv_image_import_async      (SlvStore            *store,
                                           const char * const  *paths,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
GPtrArray    *slv_image_import_finish     (SlvStore            *store,
                                           GAsyncResult        *result,
                                           GError             **error) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlvImageInfo, slv_image_info_free)

G_END_DECLS
