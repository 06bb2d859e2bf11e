/* slv-atomic-file.h: writing export files atomically.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writers that need a file name (libxlsxwriter, cairo) write to a fresh
 * temporary file beside the target; slv_atomic_file_commit() flushes it to
 * disk and renames it over the target, so a reader sees either the old file
 * or the whole new one, never a half-written export.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A new empty temporary file in @path's folder; its name, or NULL. */
char     *slv_atomic_file_begin  (const char  *path,
                                  GError     **error) G_GNUC_WARN_UNUSED_RESULT;
/* fsync @tmp, rename it to @path, fsync the folder. Removes @tmp on error. */
gboolean  slv_atomic_file_commit (const char  *tmp,
                                  const char  *path,
                                  GError     **error);
/* Removes @tmp after a failed write. */
void      slv_atomic_file_abort  (const char  *tmp);
/* Writes @data to @path atomically. */
gboolean  slv_atomic_file_write  (const char  *path,
                                  const char  *data,
                                  gsize        length,
                                  GError     **error);

G_END_DECLS
