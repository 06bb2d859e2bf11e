/* slv-import-engine.h: file rows to checked field values (private to services).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The engine opens the file, finds the header, checks the mapping against
 * it, and then turns each data row into the values the writer stores —
 * converting, range-checking and resolving references — reporting every
 * problem with its row, column and value. Dry runs and imports share it.
 */
#pragma once

#include "slv-import-issue.h"
#include "slv-import-mapping.h"
#include "slv-import-preview-row.h"
#include "slv-import-target.h"
#include "store/slv-store.h"

G_BEGIN_DECLS

typedef struct _SlvImportEngine SlvImportEngine;

typedef void (*SlvImportIssueFunc) (guint64            row,
                                    const char        *column,
                                    const char        *value,
                                    const char        *reason,
                                    SlvImportSeverity  severity,
                                    gpointer           user_data);

typedef struct
{
  guint64 rows;        /* data rows read */
  guint64 inserted;
  guint64 updated;
  guint64 unchanged;
  guint64 rejected;
  guint64 warnings;
} SlvImportCounts;

/* One converted row, valid until the next call. */
typedef struct
{
  guint64              number;         /* row number in the file */
  const char * const  *values;         /* per writer column; NULL = not given */
  const char * const  *insert_values;  /* with defaults, or NULL if a new record lacks a required field */
  const char          *missing;        /* the required fields a new record lacks, or NULL */
  gboolean             rejected;       /* a problem was reported; do not write */
} SlvImportRow;

SlvImportEngine       *slv_import_engine_new          (SlvStore            *store,
                                                       const char          *path,
                                                       SlvImportMapping    *mapping,
                                                       const char          *brand_code,
                                                       GError             **error);
void                   slv_import_engine_free         (SlvImportEngine     *self);

void                   slv_import_engine_set_issue_func (SlvImportEngine   *self,
                                                       SlvImportIssueFunc   func,
                                                       gpointer             user_data);
const SlvImportTarget *slv_import_engine_get_target   (SlvImportEngine     *self);
const char            *slv_import_engine_get_brand    (SlvImportEngine     *self);
/* The header row of the file. */
const char * const    *slv_import_engine_get_headers  (SlvImportEngine     *self);
double                 slv_import_engine_get_fraction (SlvImportEngine     *self);
const char            *slv_import_engine_describe     (SlvImportEngine     *self);
/* Warnings reported so far. */
guint64                slv_import_engine_get_warnings (SlvImportEngine    *self);
/* Data rows read so far (blank rows not counted). */
guint64                slv_import_engine_get_data_rows (SlvImportEngine    *self);

/* The next data row; NULL at the end (error unset) or with @error. */
const SlvImportRow    *slv_import_engine_next         (SlvImportEngine     *self,
                                                       GError             **error);
/* Skips @n data rows without converting them (resuming an import). */
gboolean               slv_import_engine_skip         (SlvImportEngine     *self,
                                                       guint64              n,
                                                       GError             **error);
/* Reports a rejection of the current row (from the writer's side). */
void                   slv_import_engine_reject       (SlvImportEngine     *self,
                                                       const SlvImportRow  *row,
                                                       const char          *reason);
void                   slv_import_engine_warn         (SlvImportEngine     *self,
                                                       const SlvImportRow  *row,
                                                       const char          *reason);
/* "0001200101" or "42 / 10". */
char                  *slv_import_engine_key_text     (SlvImportEngine     *self,
                                                       const SlvImportRow  *row) G_GNUC_WARN_UNUSED_RESULT;

/* Reads the whole file and says what an import would do, without writing.
 * @preview receives SlvImportPreviewRow items (at most @max_preview of each
 * action), the issue function gets every problem. */
gboolean               slv_import_engine_dry_run      (SlvImportEngine     *self,
                                                       SlvImportCounts     *counts,
                                                       GListStore          *preview,
                                                       guint                max_preview,
                                                       GCancellable        *cancellable,
                                                       GError             **error);

/* A first look at a file: its header and a few rows. */
typedef struct
{
  GStrv        headers;
  GPtrArray   *rows;          /* GStrv each */
  char        *description;   /* "CSV, utf-8, ‘;’" */
  char         delimiter;     /* CSV: the one in use (sniffed if not given) */
  SlvEncoding  encoding;
  GStrv        sheets;        /* XLSX: worksheet names; NULL for CSV */
} SlvImportPeek;

gboolean               slv_import_peek                (const char            *path,
                                                       const SlvReadOptions  *options,
                                                       guint                  header_row,
                                                       guint                  max_rows,
                                                       SlvImportPeek         *peek,
                                                       GError               **error);
void                   slv_import_peek_clear          (SlvImportPeek         *peek);

G_END_DECLS
