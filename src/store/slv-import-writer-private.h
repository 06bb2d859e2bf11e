/* slv-import-writer-private.h: the import writer, shared by its files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "slv-import-writer.h"
#include "slv-store-private.h"

G_BEGIN_DECLS

struct _SlvImportWriter
{
  SlvStore             *store;
  const SlvImportTable *table;
  char                 *brand_id;
  char                 *batch_id;
  gboolean              has_brand;
  gint64                next_seq;
  char                 *now;
  char                 *lookup_sql;
  GHashTable           *insert_sql;   /* stage table → its INSERT */
  GHashTable           *flush_ins_sql; /* columns mask → INSERT … SELECT */
  GHashTable           *flush_upd_sql; /* columns mask → UPDATE … FROM */
  GHashTable           *staged_keys;  /* keys of the staged rows */
  guint                 n_staged;
  gboolean              staging;      /* the stage tables exist */
  GString              *pending;      /* JSON array of ids inserted since the flush */
  guint                 n_pending;
  GString              *key;
  char                 *since;        /* rows updated since then were written by this batch */
  gboolean              last_repeat;
  gboolean              fts_bulk;     /* index the staged rows here, not by trigger */
  guint64              *bloom;        /* keys that may exist: a miss skips the lookup */
  guint64               bloom_mask;   /* number of bits − 1 */
};

/* slv-import-writer-keys.c */
/* self->key := the natural key of @values (key columns first). */
void     import_writer_build_key         (SlvImportWriter    *self,
                                          const char * const *values);
void     import_writer_bloom_add         (SlvImportWriter    *self);
gboolean import_writer_bloom_may_contain (SlvImportWriter    *self);
/* Whether a stored value and an imported one are the same (decimals by
 * value). */
gboolean import_writer_same_value        (SlvImportWriter    *self,
                                          guint               column,
                                          const char         *current,
                                          const char         *value);

G_END_DECLS
