/* slv-import-batch.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-import"

#include "config.h"

#include "slv-import-batch.h"
#include "store/slv-import-store.h"

struct _SlvImportBatch
{
  GObject         parent_instance;

  SlvBatchRecord *record;
};

G_DEFINE_FINAL_TYPE (SlvImportBatch, slv_import_batch, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CREATED_AT,
  PROP_USER,
  PROP_TARGET,
  PROP_FILE_NAME,
  PROP_STATE,
  PROP_MESSAGE,
  PROP_ROWS,
  PROP_INSERTED,
  PROP_UPDATED,
  PROP_UNCHANGED,
  PROP_REJECTED,
  PROP_WARNINGS,
  PROP_CAN_UNDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
slv_import_batch_finalize (GObject *object)
{
  slv_batch_record_free (SLV_IMPORT_BATCH (object)->record);
  G_OBJECT_CLASS (slv_import_batch_parent_class)->finalize (object);
}

static void
slv_import_batch_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SlvImportBatch *self = SLV_IMPORT_BATCH (object);
  SlvBatchRecord *r = self->record;

  switch (prop_id)
    {
    case PROP_ID: g_value_set_string (value, r->id); break;
    case PROP_CREATED_AT: g_value_set_string (value, r->created_at); break;
    case PROP_USER: g_value_set_string (value, r->user_name); break;
    case PROP_TARGET: g_value_set_string (value, r->target); break;
    case PROP_FILE_NAME: g_value_set_string (value, r->file_name); break;
    case PROP_STATE: g_value_set_string (value, r->state); break;
    case PROP_MESSAGE: g_value_set_string (value, r->message); break;
    case PROP_ROWS: g_value_set_int64 (value, r->rows_total); break;
    case PROP_INSERTED: g_value_set_int64 (value, r->inserted); break;
    case PROP_UPDATED: g_value_set_int64 (value, r->updated); break;
    case PROP_UNCHANGED: g_value_set_int64 (value, r->unchanged); break;
    case PROP_REJECTED: g_value_set_int64 (value, r->rejected); break;
    case PROP_WARNINGS: g_value_set_int64 (value, r->warnings); break;
    case PROP_CAN_UNDO: g_value_set_boolean (value, slv_import_batch_get_can_undo (self)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
slv_import_batch_class_init (SlvImportBatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = slv_import_batch_finalize;
  object_class->get_property = slv_import_batch_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_CREATED_AT] = g_param_spec_string ("created-at", NULL, NULL, NULL, flags);
  properties[PROP_USER] = g_param_spec_string ("user", NULL, NULL, NULL, flags);
  properties[PROP_TARGET] = g_param_spec_string ("target", NULL, NULL, NULL, flags);
  properties[PROP_FILE_NAME] = g_param_spec_string ("file-name", NULL, NULL, NULL, flags);
  properties[PROP_STATE] = g_param_spec_string ("state", NULL, NULL, NULL, flags);
  properties[PROP_MESSAGE] = g_param_spec_string ("message", NULL, NULL, NULL, flags);
  properties[PROP_ROWS] = g_param_spec_int64 ("rows", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_INSERTED] = g_param_spec_int64 ("inserted", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_UPDATED] = g_param_spec_int64 ("updated", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_UNCHANGED] = g_param_spec_int64 ("unchanged", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_REJECTED] = g_param_spec_int64 ("rejected", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_WARNINGS] = g_param_spec_int64 ("warnings", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
slv_import_batch_init (SlvImportBatch *self)
{
}

static SlvImportBatch *
batch_new (SlvBatchRecord *record)
{
  SlvImportBatch *self = g_object_new (SLV_TYPE_IMPORT_BATCH, NULL);

  self->record = record;
  return self;
}

GListStore *
slv_import_list_batches (SlvStore  *store,
                         GError   **error)
{
  g_autoptr(GPtrArray) records = slv_import_store_list_batches (store, error);
  GListStore *list;

  if (records == NULL)
    return NULL;
  list = g_list_store_new (SLV_TYPE_IMPORT_BATCH);
  g_ptr_array_set_free_func (records, NULL);
  for (guint i = 0; i < records->len; i++)
    {
      g_autoptr(SlvImportBatch) batch = batch_new (g_ptr_array_index (records, i));

      g_list_store_append (list, batch);
    }
  return list;
}

SlvImportBatch *
slv_import_batch_load (SlvStore    *store,
                       const char  *id,
                       GError     **error)
{
  SlvBatchRecord *record = slv_import_store_get_batch (store, id, error);

  return record ? batch_new (record) : NULL;
}

GListStore *
slv_import_batch_list_issues (SlvImportBatch  *self,
                              SlvStore        *store,
                              GError         **error)
{
  g_autoptr(GPtrArray) records = slv_import_store_list_issues (store, self->record->id, 0, error);
  GListStore *list;

  if (records == NULL)
    return NULL;
  list = g_list_store_new (SLV_TYPE_IMPORT_ISSUE);
  for (guint i = 0; i < records->len; i++)
    {
      SlvIssueRecord *r = g_ptr_array_index (records, i);
      g_autoptr(SlvImportIssue) issue = slv_import_issue_new (r->row_no, r->column, r->value, r->reason,
                                                              (SlvImportSeverity) r->severity);

      g_list_store_append (list, issue);
    }
  return list;
}

#define GETTER(type, name, expr) \
  type slv_import_batch_get_##name (SlvImportBatch *self) \
  { \
    g_return_val_if_fail (SLV_IS_IMPORT_BATCH (self), 0); \
    return self->record->expr; \
  }

GETTER (const char *, id, id)
GETTER (const char *, created_at, created_at)
GETTER (const char *, finished_at, finished_at)
GETTER (const char *, user, user_name)
GETTER (const char *, target, target)
GETTER (const char *, file_name, file_name)
GETTER (const char *, file_sha256, file_sha256)
GETTER (const char *, mapping, mapping)
GETTER (const char *, state, state)
GETTER (const char *, message, message)
GETTER (gint64, rows, rows_total)
GETTER (gint64, inserted, inserted)
GETTER (gint64, updated, updated)
GETTER (gint64, unchanged, unchanged)
GETTER (gint64, rejected, rejected)
GETTER (gint64, warnings, warnings)

gboolean
slv_import_batch_get_can_undo (SlvImportBatch *self)
{
  g_return_val_if_fail (SLV_IS_IMPORT_BATCH (self), FALSE);
  return g_strcmp0 (self->record->state, "done") == 0 &&
         (self->record->inserted > 0 || self->record->updated > 0);
}
