/* slv-board-import.h: images dropped, pasted or imported onto a board.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A worker checks and stores each file (content-addressed: the same
 * picture is stored once) and makes its mip levels; then, on the caller's
 * thread, the images are laid out in rows centred on a point and added as
 * one undoable step, selected. Files that fail are reported one by one and
 * do not stop the others.
 */
#pragma once

#include <gio/gio.h>

#include "slv-board-doc.h"
#include "slv-image.h"
#include "slv-mip-cache.h"

G_BEGIN_DECLS

/* The longest side of an imported image on the board, in board units. */
#define SLV_BOARD_IMPORT_SIDE 400.0

/* @paths: files or folders (a folder brings in the images directly in
 * it). @cache may be NULL (no mip levels made ahead). */
void       slv_board_import_files_async  (SlvBoardDoc          *doc,
                                          SlvMipCache          *cache,
                                          const char * const   *paths,
                                          double                x,
                                          double                y,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
/* Encoded image bytes, e.g. a PNG from the clipboard. */
void       slv_board_import_bytes_async  (SlvBoardDoc          *doc,
                                          SlvMipCache          *cache,
                                          GBytes               *bytes,
                                          const char           *name,
                                          double                x,
                                          double                y,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
/* One SlvImageImport per file, in order. FALSE (NULL) only if the board
 * could not be written; failed files are in the array with their error. */
GPtrArray *slv_board_import_finish       (SlvBoardDoc          *doc,
                                          GAsyncResult         *result,
                                          GError              **error) G_GNUC_WARN_UNUSED_RESULT;
/* The layout used: rows of up to six, @gap apart, centred on (x, y). */
GPtrArray *slv_board_import_place        (GPtrArray            *imports,
                                          double                x,
                                          double                y,
                                          double                gap) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
