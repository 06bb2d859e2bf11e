/* slv-review-report.h: the review report of a board, as PDF or CSV.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PDF: a landscape page with the board (or a part of it) and every thread's
 * annotation with its numbered marker, then the threads in number order,
 * each with its status (who set it, when) and its comments, wrapped and
 * paged with Pango. The board itself is drawn by a SlvReviewDrawFunc, so the
 * canvas can plug in its renderer; slv-board-sketch.h draws items from the
 * workspace when there is no canvas (command line).
 *
 * CSV (RFC 4180, UTF-8, CRLF): one row per comment, and one with empty
 * comment fields for a thread without comments. Columns: board, thread,
 * number, status, status_by, status_at, annotation_kind, item_id,
 * annotation_author, comment_id, comment_author, created_at, edited_at,
 * body, mentions ("; " between names). A cell that a spreadsheet would run
 * as a formula (starting with =, +, -, @, tab or CR) gets a leading "'";
 * slv_review_csv_parse() takes it off again, so the file round-trips.
 *
 * Files are written atomically (temporary file, fsync, rename).
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "core/slv-review-record.h"

G_BEGIN_DECLS

typedef enum
{
  SLV_REVIEW_REPORT_PDF,
  SLV_REVIEW_REPORT_CSV,
} SlvReviewReportFormat;

/* Draws the board region @area (board units) into @cr, whose transform
 * already maps board units onto the page and whose clip is @area. */
typedef void (*SlvReviewDrawFunc) (cairo_t            *cr,
                                   const SlvFrameRect *area,
                                   gpointer            user_data);

typedef struct
{
  SlvAnnotationRecord *annotation;   /* owned */
  char                *label;        /* "3", "3a" */
  gboolean             has_frame;    /* the item frame of an attached annotation */
  SlvItemFrame         frame;
  GPtrArray           *comments;     /* SlvCommentRecord, oldest first */
} SlvReviewReportThread;

typedef struct
{
  char         *title;       /* the board's name */
  char         *subtitle;    /* e.g. workspace and date; may be NULL */
  SlvFrameRect  area;        /* the board region shown; empty: no picture */
  GPtrArray    *threads;     /* SlvReviewReportThread, in order */
} SlvReviewReport;

SlvReviewReport       *slv_review_report_new          (const char              *title) G_GNUC_WARN_UNUSED_RESULT;
void                   slv_review_report_free         (SlvReviewReport         *report);
/* Adds a copy of @annotation; @frame is its item's frame (NULL on the
 * board). Returns the thread, to add comments to. */
SlvReviewReportThread *slv_review_report_add_thread   (SlvReviewReport         *report,
                                                       const SlvAnnotationRecord *annotation,
                                                       const char              *label,
                                                       const SlvItemFrame      *frame);
void                   slv_review_report_thread_add_comment (SlvReviewReportThread *thread,
                                                       const SlvCommentRecord  *comment);

/* Renders the report; @draw (may be NULL: an empty board) paints items. */
GBytes                *slv_review_report_to_pdf       (const SlvReviewReport   *report,
                                                       SlvReviewDrawFunc        draw,
                                                       gpointer                 user_data,
                                                       GError                 **error) G_GNUC_WARN_UNUSED_RESULT;
GBytes                *slv_review_report_to_csv       (const SlvReviewReport   *report) G_GNUC_WARN_UNUSED_RESULT;
gboolean               slv_review_report_write        (const SlvReviewReport   *report,
                                                       const char              *path,
                                                       SlvReviewReportFormat    format,
                                                       SlvReviewDrawFunc        draw,
                                                       gpointer                 user_data,
                                                       GError                 **error);
/* PDF for ".pdf", CSV for ".csv" (any case); FALSE otherwise. */
gboolean               slv_review_report_format_from_path (const char          *path,
                                                       SlvReviewReportFormat   *format);

/* The CSV columns, in order, NULL-terminated. */
const char * const    *slv_review_csv_columns         (void);
/* Reads CSV text (RFC 4180; a UTF-8 BOM is skipped) into rows, each a
 * NULL-terminated array of cells, with the formula guard taken off. */
GPtrArray             *slv_review_csv_parse           (const char              *text,
                                                       gssize                   length,
                                                       GError                 **error) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlvReviewReport, slv_review_report_free)

G_END_DECLS
