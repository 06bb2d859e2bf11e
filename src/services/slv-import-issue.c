/* slv-import-issue.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-import"

#include "config.h"

#include <inttypes.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "slv-import-issue.h"

struct _SlvImportIssue
{
  GObject            parent_instance;

  guint64            row;
  char              *column;
  char              *value;
  char              *reason;
  SlvImportSeverity  severity;
};

G_DEFINE_FINAL_TYPE (SlvImportIssue, slv_import_issue, G_TYPE_OBJECT)
G_DEFINE_ENUM_TYPE (SlvImportSeverity, slv_import_severity,
                    G_DEFINE_ENUM_VALUE (SLV_IMPORT_SEVERITY_WARNING, "warning"),
                    G_DEFINE_ENUM_VALUE (SLV_IMPORT_SEVERITY_ERROR, "error"))

enum {
  PROP_0,
  PROP_ROW,
  PROP_COLUMN,
  PROP_VALUE,
  PROP_REASON,
  PROP_SEVERITY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
slv_import_issue_finalize (GObject *object)
{
  SlvImportIssue *self = SLV_IMPORT_ISSUE (object);

  g_free (self->column);
  g_free (self->value);
  g_free (self->reason);

  G_OBJECT_CLASS (slv_import_issue_parent_class)->finalize (object);
}

static void
slv_import_issue_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SlvImportIssue *self = SLV_IMPORT_ISSUE (object);

  switch (prop_id)
    {
    case PROP_ROW:
      g_value_set_uint64 (value, self->row);
      break;
    case PROP_COLUMN:
      g_value_set_string (value, self->column);
      break;
    case PROP_VALUE:
      g_value_set_string (value, self->value);
      break;
    case PROP_REASON:
      g_value_set_string (value, self->reason);
      break;
    case PROP_SEVERITY:
      g_value_set_enum (value, self->severity);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
slv_import_issue_class_init (SlvImportIssueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = slv_import_issue_finalize;
  object_class->get_property = slv_import_issue_get_property;

  properties[PROP_ROW] = g_param_spec_uint64 ("row", NULL, NULL, 0, G_MAXUINT64, 0,
                                              G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_COLUMN] = g_param_spec_string ("column", NULL, NULL, NULL,
                                                 G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_VALUE] = g_param_spec_string ("value", NULL, NULL, NULL,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REASON] = g_param_spec_string ("reason", NULL, NULL, NULL,
                                                 G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEVERITY] = g_param_spec_enum ("severity", NULL, NULL, SLV_TYPE_IMPORT_SEVERITY,
                                                 SLV_IMPORT_SEVERITY_ERROR,
                                                 G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
slv_import_issue_init (SlvImportIssue *self)
{
}

SlvImportIssue *
slv_import_issue_new (guint64            row,
                      const char        *column,
                      const char        *value,
                      const char        *reason,
                      SlvImportSeverity  severity)
{
  SlvImportIssue *self = g_object_new (SLV_TYPE_IMPORT_ISSUE, NULL);

  self->row = row;
  self->column = g_strdup (column);
  self->value = g_strdup (value);
  self->reason = g_strdup (reason);
  self->severity = severity;
  return self;
}

guint64
slv_import_issue_get_row (SlvImportIssue *self)
{
  g_return_val_if_fail (SLV_IS_IMPORT_ISSUE (self), 0);
  return self->row;
}

const char *
slv_import_issue_get_column (SlvImportIssue *self)
{
  g_return_val_if_fail (SLV_IS_IMPORT_ISSUE (self), NULL);
  return self->column;
}

const char *
slv_import_issue_get_value (SlvImportIssue *self)
{
  g_return_val_if_fail (SLV_IS_IMPORT_ISSUE (self), NULL);
  return self->value;
}

const char *
slv_import_issue_get_reason (SlvImportIssue *self)
{
  g_return_val_if_fail (SLV_IS_IMPORT_ISSUE (self), NULL);
  return self->reason;
}

SlvImportSeverity
slv_import_issue_get_severity (SlvImportIssue *self)
{
  g_return_val_if_fail (SLV_IS_IMPORT_ISSUE (self), SLV_IMPORT_SEVERITY_ERROR);
  return self->severity;
}

char *
slv_import_issue_to_string (SlvImportIssue *self)
{
  const char *kind = self->severity == SLV_IMPORT_SEVERITY_WARNING ? _("warning: ") : "";

  if (self->row == 0)
    return g_strdup_printf ("%s%s", kind, self->reason);
  if (self->column == NULL)
    return g_strdup_printf (_("Row %" PRIu64 ": %s%s"), self->row, kind, self->reason);
  return g_strdup_printf (_("Row %" PRIu64 ", column ‘%s’: %s%s"), self->row, self->column, kind,
                          self->reason);
}

static void
append_csv_field (GString    *out,
                  const char *value)
{
  if (value == NULL)
    return;
  if (strpbrk (value, ",\"\r\n") == NULL)
    {
      g_string_append (out, value);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = value; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

gboolean
slv_import_issues_write_csv (GListModel  *issues,
                             const char  *path,
                             GError     **error)
{
  g_autoptr(GString) out = g_string_new ("row,column,value,severity,reason\r\n");
  guint n = g_list_model_get_n_items (issues);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SlvImportIssue) issue = g_list_model_get_item (issues, i);

      g_string_append_printf (out, "%" G_GUINT64_FORMAT ",", issue->row);
      append_csv_field (out, issue->column);
      g_string_append_c (out, ',');
      append_csv_field (out, issue->value);
      g_string_append_printf (out, ",%s,", issue->severity == SLV_IMPORT_SEVERITY_WARNING ? "warning" : "error");
      append_csv_field (out, issue->reason);
      g_string_append (out, "\r\n");
    }
  return g_file_set_contents_full (path, out->str, out->len,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0644, error);
}
