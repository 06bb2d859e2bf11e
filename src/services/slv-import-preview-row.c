/* slv-import-preview-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-import"

#include "config.h"

#include "slv-import-preview-row.h"

struct _SlvImportPreviewRow
{
  GObject          parent_instance;

  guint64          row;
  SlvImportAction  action;
  char            *key;
  char            *summary;
};

G_DEFINE_FINAL_TYPE (SlvImportPreviewRow, slv_import_preview_row, G_TYPE_OBJECT)
G_DEFINE_ENUM_TYPE (SlvImportAction, slv_import_action,
                    G_DEFINE_ENUM_VALUE (SLV_IMPORT_ACTION_INSERT, "insert"),
                    G_DEFINE_ENUM_VALUE (SLV_IMPORT_ACTION_UPDATE, "update"),
                    G_DEFINE_ENUM_VALUE (SLV_IMPORT_ACTION_UNCHANGED, "unchanged"),
                    G_DEFINE_ENUM_VALUE (SLV_IMPORT_ACTION_REJECTED, "rejected"))

enum {
  PROP_0,
  PROP_ROW,
  PROP_ACTION,
  PROP_KEY,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
slv_import_preview_row_finalize (GObject *object)
{
  SlvImportPreviewRow *self = SLV_IMPORT_PREVIEW_ROW (object);

  g_free (self->key);
  g_free (self->summary);

  G_OBJECT_CLASS (slv_import_preview_row_parent_class)->finalize (object);
}

static void
slv_import_preview_row_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  SlvImportPreviewRow *self = SLV_IMPORT_PREVIEW_ROW (object);

  switch (prop_id)
    {
    case PROP_ROW:
      g_value_set_uint64 (value, self->row);
      break;
    case PROP_ACTION:
      g_value_set_enum (value, self->action);
      break;
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
slv_import_preview_row_class_init (SlvImportPreviewRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = slv_import_preview_row_finalize;
  object_class->get_property = slv_import_preview_row_get_property;

  properties[PROP_ROW] = g_param_spec_uint64 ("row", NULL, NULL, 0, G_MAXUINT64, 0,
                                              G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTION] = g_param_spec_enum ("action", NULL, NULL, SLV_TYPE_IMPORT_ACTION,
                                               SLV_IMPORT_ACTION_INSERT,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_KEY] = g_param_spec_string ("key", NULL, NULL, NULL,
                                              G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUMMARY] = g_param_spec_string ("summary", NULL, NULL, NULL,
                                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
slv_import_preview_row_init (SlvImportPreviewRow *self)
{
}

SlvImportPreviewRow *
slv_import_preview_row_new (guint64          row,
                            SlvImportAction  action,
                            const char      *key,
                            const char      *summary)
{
  SlvImportPreviewRow *self = g_object_new (SLV_TYPE_IMPORT_PREVIEW_ROW, NULL);

  self->row = row;
  self->action = action;
  self->key = g_strdup (key);
  self->summary = g_strdup (summary);
  return self;
}

guint64
slv_import_preview_row_get_row (SlvImportPreviewRow *self)
{
  g_return_val_if_fail (SLV_IS_IMPORT_PREVIEW_ROW (self), 0);
  return self->row;
}

SlvImportAction
slv_import_preview_row_get_action (SlvImportPreviewRow *self)
{
  g_return_val_if_fail (SLV_IS_IMPORT_PREVIEW_ROW (self), SLV_IMPORT_ACTION_REJECTED);
  return self->action;
}

const char *
slv_import_preview_row_get_key (SlvImportPreviewRow *self)
{
  g_return_val_if_fail (SLV_IS_IMPORT_PREVIEW_ROW (self), NULL);
  return self->key;
}

const char *
slv_import_preview_row_get_summary (SlvImportPreviewRow *self)
{
  g_return_val_if_fail (SLV_IS_IMPORT_PREVIEW_ROW (self), NULL);
  return self->summary;
}

const char *
slv_import_action_to_string (SlvImportAction action)
{
  switch (action)
    {
    case SLV_IMPORT_ACTION_INSERT:
      return "insert";
    case SLV_IMPORT_ACTION_UPDATE:
      return "update";
    case SLV_IMPORT_ACTION_UNCHANGED:
      return "unchanged";
    case SLV_IMPORT_ACTION_REJECTED:
    default:
      return "rejected";
    }
}
