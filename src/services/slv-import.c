/* slv-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "slv-import.h"
#include "slv-import-job.h"

struct _SlvImport
{
  GObject           parent_instance;

  SlvStore         *store;
  char             *path;
  SlvImportPeek     peek;
  gboolean          decimal_comma;    /* the sample's suggestion */
  SlvImportMapping *mapping;
  GListStore       *preview;
  GListStore       *issues;
  SlvImportCounts   counts;
};

G_DEFINE_FINAL_TYPE (SlvImport, slv_import, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_TARGET,
  PROP_MAPPING,
  PROP_FORMAT,
  PROP_PREVIEW,
  PROP_ISSUES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* -- decimal separator suggestion -- */

/* 1 for "1.234,56" / "12,5", -1 for "1,234.56" / "12.5", 0 when the text
 * says neither (integers, "1,234" and "1.234" are ambiguous). */
static int
decimal_vote (const char *text)
{
  const char *p = text;
  const char *last_comma, *last_dot;
  gsize tail;

  if (*p == '-' || *p == '+')
    p++;
  if (!g_ascii_isdigit (*p))
    return 0;
  for (const char *q = p; *q; q++)
    if (!g_ascii_isdigit (*q) && *q != ',' && *q != '.' && !(*q == '-' && q[1] == '\0'))
      return 0;
  last_comma = strrchr (p, ',');
  last_dot = strrchr (p, '.');
  if (last_comma == NULL && last_dot == NULL)
    return 0;
  if (last_comma != NULL && last_dot != NULL)
    return last_comma > last_dot ? 1 : -1;
  tail = strspn ((last_comma ? last_comma : last_dot) + 1, "0123456789");
  if (tail == 3)
    return 0;
  return last_comma ? 1 : -1;
}

static gboolean
suggests_comma (GPtrArray *rows)
{
  int votes = 0;

  for (guint r = 0; rows != NULL && r < rows->len; r++)
    for (GStrv cell = g_ptr_array_index (rows, r); *cell; cell++)
      votes += decimal_vote (*cell);
  return votes > 0;
}

/* -- object -- */

static void
slv_import_finalize (GObject *object)
{
  SlvImport *self = SLV_IMPORT (object);

  g_clear_object (&self->store);
  g_free (self->path);
  slv_import_peek_clear (&self->peek);
  g_clear_object (&self->mapping);
  g_clear_object (&self->preview);
  g_clear_object (&self->issues);

  G_OBJECT_CLASS (slv_import_parent_class)->finalize (object);
}

static void
slv_import_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SlvImport *self = SLV_IMPORT (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_TARGET:
      g_value_set_string (value, slv_import_get_target (self));
      break;
    case PROP_MAPPING:
      g_value_set_object (value, self->mapping);
      break;
    case PROP_FORMAT:
      g_value_set_string (value, self->peek.description);
      break;
    case PROP_PREVIEW:
      g_value_set_object (value, self->preview);
      break;
    case PROP_ISSUES:
      g_value_set_object (value, self->issues);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
slv_import_class_init (SlvImportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = slv_import_finalize;
  object_class->get_property = slv_import_get_property;

  properties[PROP_PATH] = g_param_spec_string ("path", NULL, NULL, NULL, flags);
  properties[PROP_TARGET] = g_param_spec_string ("target", NULL, NULL, NULL, flags);
  properties[PROP_MAPPING] = g_param_spec_object ("mapping", NULL, NULL, SLV_TYPE_IMPORT_MAPPING, flags);
  properties[PROP_FORMAT] = g_param_spec_string ("format", NULL, NULL, NULL, flags);
  /* The models stay the same objects; a dry run refills them. */
  properties[PROP_PREVIEW] = g_param_spec_object ("preview", NULL, NULL, G_TYPE_LIST_MODEL, flags);
  properties[PROP_ISSUES] = g_param_spec_object ("issues", NULL, NULL, G_TYPE_LIST_MODEL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
slv_import_init (SlvImport *self)
{
  self->preview = g_list_store_new (SLV_TYPE_IMPORT_PREVIEW_ROW);
  self->issues = g_list_store_new (SLV_TYPE_IMPORT_ISSUE);
}

SlvImport *
slv_import_new (SlvStore   *store,
                const char *path)
{
  SlvImport *self;

  g_return_val_if_fail (SLV_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (SLV_TYPE_IMPORT, NULL);
  self->store = g_object_ref (store);
  self->path = g_canonicalize_filename (path, NULL);
  return self;
}

const char *
slv_import_get_path (SlvImport *self)
{
  g_return_val_if_fail (SLV_IS_IMPORT (self), NULL);
  return self->path;
}

gboolean
slv_import_inspect (SlvImport  *self,
                    GError    **error)
{
  SlvReadOptions options = { 0 };
  guint header_row = 0;

  g_return_val_if_fail (SLV_IS_IMPORT (self), FALSE);

  if (self->mapping != NULL)
    {
      slv_import_mapping_get_read_options (self->mapping, &options);
      header_row = slv_import_mapping_get_header_row (self->mapping);
    }
  slv_import_peek_clear (&self->peek);
  if (!slv_import_peek (self->path, &options, header_row, 50, &self->peek, error))
    return FALSE;
  self->decimal_comma = suggests_comma (self->peek.rows);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FORMAT]);
  return TRUE;
}

const char * const *
slv_import_get_headers (SlvImport *self)
{
  g_return_val_if_fail (SLV_IS_IMPORT (self), NULL);
  return (const char * const *) self->peek.headers;
}

GPtrArray *
slv_import_get_sample (SlvImport *self)
{
  g_return_val_if_fail (SLV_IS_IMPORT (self), NULL);
  return self->peek.rows;
}

const char * const *
slv_import_get_sheets (SlvImport *self)
{
  g_return_val_if_fail (SLV_IS_IMPORT (self), NULL);
  return (const char * const *) self->peek.sheets;
}

const char *
slv_import_get_format (SlvImport *self)
{
  g_return_val_if_fail (SLV_IS_IMPORT (self), NULL);
  return self->peek.description;
}

gboolean
slv_import_get_suggests_decimal_comma (SlvImport *self)
{
  g_return_val_if_fail (SLV_IS_IMPORT (self), FALSE);
  return self->decimal_comma;
}

static void
set_mapping (SlvImport        *self,
             SlvImportMapping *mapping)
{
  g_set_object (&self->mapping, mapping);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAPPING]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET]);
}

gboolean
slv_import_set_target (SlvImport   *self,
                       const char  *target,
                       GError     **error)
{
  g_autoptr(SlvImportMapping) mapping = NULL;

  g_return_val_if_fail (SLV_IS_IMPORT (self), FALSE);

  if (slv_import_target_find (target) == NULL)
    {
      g_autoptr(GString) names = g_string_new (NULL);

      for (const SlvImportTarget * const *t = slv_import_target_list (); *t; t++)
        g_string_append_printf (names, "%s%s", names->len ? ", " : "", (*t)->name);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("There is no import target ‘%s’ (choose one of %s)."), target, names->str);
      return FALSE;
    }
  if (self->peek.headers == NULL && !slv_import_inspect (self, error))
    return FALSE;
  mapping = slv_import_mapping_new (target);
  slv_import_mapping_set_delimiter (mapping, self->peek.delimiter);
  slv_import_mapping_set_encoding (mapping, self->peek.encoding);
  slv_import_mapping_set_decimal_comma (mapping, self->decimal_comma);
  if (self->mapping != NULL)
    {
      slv_import_mapping_set_sheet (mapping, slv_import_mapping_get_sheet (self->mapping));
      slv_import_mapping_set_header_row (mapping, slv_import_mapping_get_header_row (self->mapping));
    }
  slv_import_mapping_propose (mapping, (const char * const *) self->peek.headers);
  set_mapping (self, mapping);
  return TRUE;
}

const char *
slv_import_get_target (SlvImport *self)
{
  g_return_val_if_fail (SLV_IS_IMPORT (self), NULL);
  return self->mapping ? slv_import_mapping_get_target (self->mapping) : NULL;
}

SlvImportMapping *
slv_import_get_mapping (SlvImport *self)
{
  g_return_val_if_fail (SLV_IS_IMPORT (self), NULL);
  return self->mapping;
}

gboolean
slv_import_use_profile (SlvImport   *self,
                        const char  *name,
                        GError     **error)
{
  g_autoptr(SlvImportMapping) mapping = slv_import_mapping_load (self->store, name, error);

  if (mapping == NULL)
    return FALSE;
  set_mapping (self, mapping);
  return slv_import_inspect (self, error);
}

/* -- dry run -- */

typedef struct
{
  SlvStore         *store;
  char             *path;
  SlvImportMapping *mapping;
  GListStore       *preview;
  GListStore       *issues;
  SlvImportCounts   counts;
} DryRun;

static void
dry_run_free (gpointer data)
{
  DryRun *d = data;

  g_object_unref (d->store);
  g_free (d->path);
  g_object_unref (d->mapping);
  g_object_unref (d->preview);
  g_object_unref (d->issues);
  g_free (d);
}

static void
collect_issue (guint64            row,
               const char        *column,
               const char        *value,
               const char        *reason,
               SlvImportSeverity  severity,
               gpointer           user_data)
{
  GListStore *issues = user_data;
  g_autoptr(SlvImportIssue) issue = NULL;

  if (g_list_model_get_n_items (G_LIST_MODEL (issues)) >= SLV_IMPORT_REPORT_ROWS)
    return;
  issue = slv_import_issue_new (row, column, value, reason, severity);
  g_list_store_append (issues, issue);
}

static gboolean
dry_run_work (DryRun        *d,
              GCancellable  *cancellable,
              GError       **error)
{
  SlvImportEngine *engine = slv_import_engine_new (d->store, d->path, d->mapping, NULL, error);
  gboolean ok;

  if (engine == NULL)
    return FALSE;
  slv_import_engine_set_issue_func (engine, collect_issue, d->issues);
  ok = slv_import_engine_dry_run (engine, &d->counts, d->preview, SLV_IMPORT_PREVIEW_ROWS, cancellable, error);
  slv_import_engine_free (engine);
  return ok;
}

static DryRun *
dry_run_new (SlvImport  *self,
             GError    **error)
{
  DryRun *d;

  if (self->mapping == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Choose what to import first."));
      return NULL;
    }
  d = g_new0 (DryRun, 1);
  d->store = g_object_ref (self->store);
  d->path = g_strdup (self->path);
  d->mapping = slv_import_mapping_copy (self->mapping);
  d->preview = g_list_store_new (SLV_TYPE_IMPORT_PREVIEW_ROW);
  d->issues = g_list_store_new (SLV_TYPE_IMPORT_ISSUE);
  return d;
}

/* Moves a dry run's results into the models the UI watches. */
static void
publish (SlvImport *self,
         DryRun    *d)
{
  g_autofree gpointer *rows = NULL;
  g_autofree gpointer *issues = NULL;
  guint n_rows, n_issues;

  self->counts = d->counts;
  rows = g_new (gpointer, g_list_model_get_n_items (G_LIST_MODEL (d->preview)) + 1);
  n_rows = g_list_model_get_n_items (G_LIST_MODEL (d->preview));
  for (guint i = 0; i < n_rows; i++)
    rows[i] = g_list_model_get_item (G_LIST_MODEL (d->preview), i);
  g_list_store_splice (self->preview, 0, g_list_model_get_n_items (G_LIST_MODEL (self->preview)), rows, n_rows);
  for (guint i = 0; i < n_rows; i++)
    g_object_unref (rows[i]);
  n_issues = g_list_model_get_n_items (G_LIST_MODEL (d->issues));
  issues = g_new (gpointer, n_issues + 1);
  for (guint i = 0; i < n_issues; i++)
    issues[i] = g_list_model_get_item (G_LIST_MODEL (d->issues), i);
  g_list_store_splice (self->issues, 0, g_list_model_get_n_items (G_LIST_MODEL (self->issues)), issues, n_issues);
  for (guint i = 0; i < n_issues; i++)
    g_object_unref (issues[i]);
}

gboolean
slv_import_dry_run (SlvImport     *self,
                    GCancellable  *cancellable,
                    GError       **error)
{
  DryRun *d = dry_run_new (self, error);
  gboolean ok;

  if (d == NULL)
    return FALSE;
  ok = dry_run_work (d, cancellable, error);
  if (ok)
    publish (self, d);
  dry_run_free (d);
  return ok;
}

static void
dry_run_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;

  if (dry_run_work (task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
slv_import_dry_run_async (SlvImport           *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  GError *error = NULL;
  DryRun *d = dry_run_new (self, &error);

  g_task_set_source_tag (task, slv_import_dry_run_async);
  if (d == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_set_task_data (task, d, dry_run_free);
  g_task_run_in_thread (task, dry_run_thread);
}

gboolean
slv_import_dry_run_finish (SlvImport     *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  publish (self, g_task_get_task_data (G_TASK (result)));
  return TRUE;
}

GListModel *
slv_import_get_preview (SlvImport *self)
{
  g_return_val_if_fail (SLV_IS_IMPORT (self), NULL);
  return G_LIST_MODEL (self->preview);
}

GListModel *
slv_import_get_issues (SlvImport *self)
{
  g_return_val_if_fail (SLV_IS_IMPORT (self), NULL);
  return G_LIST_MODEL (self->issues);
}

void
slv_import_get_counts (SlvImport       *self,
                       SlvImportCounts *counts)
{
  g_return_if_fail (SLV_IS_IMPORT (self));
  *counts = self->counts;
}

SlvJob *
slv_import_start (SlvImport    *self,
                  SlvJobQueue  *queue,
                  GError      **error)
{
  g_return_val_if_fail (SLV_IS_IMPORT (self), NULL);
  if (self->mapping == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Choose what to import first."));
      return NULL;
    }
  return slv_import_job_submit (queue, self->path, self->mapping, NULL, 0, error);
}
