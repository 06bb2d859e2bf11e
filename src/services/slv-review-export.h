/* slv-review-export.h: the review report of a board, from the workspace.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Gathers a board's live threads and comments into an SlvReviewReport and
 * writes it as PDF or CSV (slv-review-report.h). The board picture comes
 * from @draw — the canvas's renderer in the app — or, when @draw is NULL,
 * from an SlvBoardSketch of the stored items and their image blobs.
 */
#pragma once

#include "store/slv-store.h"
#include "formats/slv-board-sketch.h"
#include "formats/slv-review-report.h"

G_BEGIN_DECLS

/* The id of the live board named @name_or_id (or with that id). */
char            *slv_review_export_find_board (SlvStore               *store,
                                               const char             *name_or_id,
                                               GError                **error) G_GNUC_WARN_UNUSED_RESULT;
/* The report of a board. @area (board units; NULL: everything on the
 * board, with a small margin) is the part pictured; only the threads whose
 * marker lies in it are listed. */
SlvReviewReport *slv_review_export_collect    (SlvStore               *store,
                                               const char             *board_id,
                                               const SlvFrameRect     *area,
                                               GError                **error) G_GNUC_WARN_UNUSED_RESULT;
/* The board's items drawn from the workspace (images from their blobs). */
SlvBoardSketch  *slv_review_export_sketch     (SlvStore               *store,
                                               const char             *board_id,
                                               GError                **error) G_GNUC_WARN_UNUSED_RESULT;
/* Collects and writes the report to @path, atomically. */
gboolean         slv_review_export            (SlvStore               *store,
                                               const char             *board_id,
                                               const char             *path,
                                               SlvReviewReportFormat   format,
                                               const SlvFrameRect     *area,
                                               SlvReviewDrawFunc       draw,
                                               gpointer                user_data,
                                               GError                **error);
/* The same in a worker thread, with the sketch (a canvas renderer is not
 * thread-safe: use slv_review_export() with it). */
void             slv_review_export_async      (SlvStore               *store,
                                               const char             *board_id,
                                               const char             *path,
                                               SlvReviewReportFormat   format,
                                               const SlvFrameRect     *area,
                                               GCancellable           *cancellable,
                                               GAsyncReadyCallback     callback,
                                               gpointer                user_data);
gboolean         slv_review_export_finish     (SlvStore               *store,
                                               GAsyncResult           *result,
                                               GError                **error);

G_END_DECLS
