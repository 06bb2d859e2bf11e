/* slv-import-engine-private.h: the engine's insides (private to services).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "slv-import-convert.h"
#include "slv-import-engine.h"
#include "store/slv-import-writer.h"

G_BEGIN_DECLS

struct _SlvImportEngine
{
  SlvStore              *store;
  const SlvImportTarget *target;
  const SlvImportTable  *table;
  const guint           *column_fields;   /* writer column → field */
  SlvRowReader          *reader;
  gboolean               is_csv;
  SlvConvertOptions      convert;
  char                  *brand_id;
  char                  *base_currency;
  GPtrArray             *headers;         /* NULL-terminated */
  guint                  width;
  int                   *source;          /* field → file column, or -1 */
  char                 **constants;       /* field → converted constant */
  char                 **fvalues;         /* field → value of the current row */
  const char           **values;          /* writer column → value */
  const char           **insert_values;
  GString               *missing;
  GHashTable            *refs;            /* "table\x1fcode" → id, "" when missing */
  SlvImportIssueFunc     issue_func;
  gpointer               issue_data;
  guint64                data_rows;
  SlvImportRow           row;
  char                  *first_reason;    /* of the current row, for previews */
  GString               *key_text;        /* the natural key as written in the file */
  guint64                warnings;
};

void     slv_import_engine_report      (SlvImportEngine    *self,
                                        const char         *column,
                                        const char         *value,
                                        const char         *reason,
                                        SlvImportSeverity   severity);
/* Reads rows up to the header (@header_row, or found) and keeps its names. */
gboolean slv_import_engine_find_header (SlvImportEngine    *self,
                                        guint               header_row,
                                        GError            **error);

G_END_DECLS
