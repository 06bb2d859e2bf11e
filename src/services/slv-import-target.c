/* slv-import-target.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-import"

#include "config.h"

#include <string.h>

#include "slv-import-target.h"

typedef struct
{
  const SlvImportTarget *target;
  SlvImportTable         table;
  guint                 *fields;   /* writer column → field index */
} TargetTable;

int
slv_import_target_find_field (const SlvImportTarget *target,
                              const char            *name)
{
  for (guint i = 0; name != NULL && i < target->n_fields; i++)
    if (g_str_equal (target->fields[i].name, name))
      return i;
  return -1;
}

const char *
slv_import_field_column (const SlvImportField *field)
{
  static GHashTable *columns;   /* field name → "name_id", interned for ever */
  G_LOCK_DEFINE_STATIC (columns);
  const char *column;

  if (field->type != SLV_IMPORT_FIELD_REFERENCE)
    return field->name;
  G_LOCK (columns);
  if (columns == NULL)
    columns = g_hash_table_new (g_str_hash, g_str_equal);
  column = g_hash_table_lookup (columns, field->name);
  if (column == NULL)
    {
      g_autofree char *name = g_strconcat (field->name, "_id", NULL);

      column = g_intern_string (name);
      g_hash_table_insert (columns, (gpointer) field->name, (gpointer) column);
    }
  G_UNLOCK (columns);
  return column;
}

static TargetTable *
build_table (const SlvImportTarget *target)
{
  TargetTable *t = g_new0 (TargetTable, 1);
  GPtrArray *columns = g_ptr_array_new ();
  GArray *kinds = g_array_new (FALSE, FALSE, sizeof (SlvImportColumnKind));
  GArray *fields = g_array_new (FALSE, FALSE, sizeof (guint));

  /* Keys first, in field order; then the other stored fields. */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < target->n_fields; i++)
      {
        const SlvImportField *f = &target->fields[i];
        gboolean key = (f->flags & SLV_IMPORT_FIELD_KEY) != 0;
        SlvImportColumnKind kind = (f->type == SLV_IMPORT_FIELD_DECIMAL || f->type == SLV_IMPORT_FIELD_PERCENT)
                             ? SLV_IMPORT_COLUMN_DECIMAL : SLV_IMPORT_COLUMN_TEXT;

        if ((f->flags & SLV_IMPORT_FIELD_VIRTUAL) || key != (pass == 0))
          continue;
        g_ptr_array_add (columns, (gpointer) slv_import_field_column (f));
        g_array_append_val (kinds, kind);
        g_array_append_val (fields, i);
        if (key)
          t->table.n_keys++;
      }
  t->target = target;
  t->table.table = target->table;
  t->table.n_columns = columns->len;
  t->table.columns = (const char * const *) g_ptr_array_free (columns, FALSE);
  t->table.kinds = (const SlvImportColumnKind *) (void *) g_array_free (kinds, FALSE);
  t->fields = (guint *) (void *) g_array_free (fields, FALSE);
  return t;
}

static TargetTable *
table_for (const SlvImportTarget *target)
{
  static GPtrArray *tables;   /* built once, kept for the life of the process */
  G_LOCK_DEFINE_STATIC (tables);
  TargetTable *found = NULL;

  G_LOCK (tables);
  if (tables == NULL)
    tables = g_ptr_array_new ();
  for (guint i = 0; i < tables->len && found == NULL; i++)
    if (((TargetTable *) g_ptr_array_index (tables, i))->target == target)
      found = g_ptr_array_index (tables, i);
  if (found == NULL)
    {
      found = build_table (target);
      g_ptr_array_add (tables, found);
    }
  G_UNLOCK (tables);
  return found;
}

const SlvImportTable *
slv_import_target_get_table (const SlvImportTarget *target)
{
  return &table_for (target)->table;
}

const guint *
slv_import_target_get_column_fields (const SlvImportTarget *target)
{
  return table_for (target)->fields;
}

char *
slv_import_target_describe (const SlvImportTarget *target)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < target->n_fields; i++)
    g_string_append_printf (s, "%s%s", i ? "|" : "", target->fields[i].name);
  return g_string_free (s, FALSE);
}
