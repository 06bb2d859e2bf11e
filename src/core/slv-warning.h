/* slv-warning.h: a non-fatal finding of an import, for people and programs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * @code is stable and machine-readable ("unit-scale-suspect",
 * "texture-missing", …; docs/clo3d-ingestion.md lists them); @message is a
 * sentence a user can act on; @subject names what it is about (a piece,
 * a mesh, a file) or is NULL.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct
{
  char *code;
  char *subject;
  char *message;
} SlvWarning;

#define SLV_TYPE_WARNING (slv_warning_get_type ())
GType       slv_warning_get_type (void) G_GNUC_CONST;

SlvWarning *slv_warning_new      (const char       *code,
                                  const char       *subject,
                                  const char       *message) G_GNUC_WARN_UNUSED_RESULT;
SlvWarning *slv_warning_copy     (const SlvWarning *self) G_GNUC_WARN_UNUSED_RESULT;
void        slv_warning_free     (SlvWarning       *self);

/* A GPtrArray that owns its SlvWarnings. */
GPtrArray  *slv_warnings_new     (void) G_GNUC_WARN_UNUSED_RESULT;
void        slv_warnings_add     (GPtrArray        *warnings,
                                  const char       *code,
                                  const char       *subject,
                                  const char       *format,
                                  ...) G_GNUC_PRINTF (4, 5);
/* TRUE if @warnings holds one with @code. */
gboolean    slv_warnings_has     (GPtrArray        *warnings,
                                  const char       *code);
void        slv_warnings_append  (GPtrArray        *warnings,
                                  GPtrArray        *more);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlvWarning, slv_warning_free)

G_END_DECLS
