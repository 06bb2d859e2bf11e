/* slv-clo-import.c: loading a CLO hand-off.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-clo-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "slv-clo-import.h"
#include "core/slv-warning.h"
#include "formats/slv-dxf.h"

struct _SlvCloImport
{
  GObject        parent_instance;
  double         scale;
  double         mesh_unit;
  SlvBomMapping *mapping;

  char          *source;
  SlvCloBundle  *bundle;
  GPtrArray     *sets;       /* SlvPatternSet */
  GPtrArray     *meshes;     /* SlvMeshReport */
  GPtrArray     *bom;        /* SlvBomLine */
  GStrv          bom_headers; /* the BOM file's header row, or NULL */
  GPtrArray     *renders;    /* SlvCloFile, owned by the bundle */
  SlvGradeRules *rules;
  GPtrArray     *warnings;   /* read failures turned into warnings */
};

G_DEFINE_FINAL_TYPE (SlvCloImport, slv_clo_import, G_TYPE_OBJECT)
G_DEFINE_QUARK (slv-clo-error-quark, slv_clo_error)

static void
slv_clo_import_finalize (GObject *object)
{
  SlvCloImport *self = SLV_CLO_IMPORT (object);

  g_free (self->source);
  g_clear_pointer (&self->mapping, slv_bom_mapping_free);
  g_clear_pointer (&self->bom_headers, g_strfreev);
  g_clear_object (&self->bundle);
  g_ptr_array_unref (self->sets);
  g_ptr_array_unref (self->meshes);
  g_ptr_array_unref (self->bom);
  g_ptr_array_unref (self->renders);
  g_clear_pointer (&self->rules, slv_grade_rules_free);
  g_ptr_array_unref (self->warnings);

  G_OBJECT_CLASS (slv_clo_import_parent_class)->finalize (object);
}

static void
slv_clo_import_class_init (SlvCloImportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = slv_clo_import_finalize;
}

static void
slv_clo_import_init (SlvCloImport *self)
{
  self->sets = g_ptr_array_new_with_free_func (g_object_unref);
  self->meshes = g_ptr_array_new_with_free_func (g_object_unref);
  self->bom = g_ptr_array_new_with_free_func ((GDestroyNotify) slv_bom_line_free);
  self->renders = g_ptr_array_new ();
  self->warnings = slv_warnings_new ();
  self->mapping = slv_bom_mapping_new ();
}

SlvCloImport *
slv_clo_import_new (void)
{
  return g_object_new (SLV_TYPE_CLO_IMPORT, NULL);
}

void
slv_clo_import_set_scale (SlvCloImport *self,
                          double        factor)
{
  g_return_if_fail (SLV_IS_CLO_IMPORT (self));
  self->scale = factor > 0 ? factor : 0;
}

void
slv_clo_import_set_mesh_unit (SlvCloImport *self,
                              double        metres_per_unit)
{
  g_return_if_fail (SLV_IS_CLO_IMPORT (self));
  self->mesh_unit = metres_per_unit > 0 ? metres_per_unit : 0;
}

const char * const *
slv_clo_import_get_bom_headers (SlvCloImport *self)
{
  g_return_val_if_fail (SLV_IS_CLO_IMPORT (self), NULL);
  return (const char * const *) self->bom_headers;
}

void
slv_clo_import_set_bom_mapping (SlvCloImport        *self,
                                const SlvBomMapping *mapping)
{
  g_return_if_fail (SLV_IS_CLO_IMPORT (self));
  g_clear_pointer (&self->mapping, slv_bom_mapping_free);
  self->mapping = slv_bom_mapping_copy (mapping);
}

/* -- loading -- */

typedef struct
{
  guint   inputs;      /* files that should have been read */
  guint   read;
  GError *first;       /* the first failure, for when nothing was read */
} Tally;

/* A failed file: the error when it is the only input, else a warning. */
static void
failed (SlvCloImport *self,
        Tally        *tally,
        SlvCloFile   *file,
        GError       *error)
{
  slv_warnings_add (self->warnings, "file-unreadable", file->name, "%s", error->message);
  if (tally->first == NULL)
    tally->first = error;
  else
    g_error_free (error);
}

static void
load_pattern (SlvCloImport *self,
              SlvCloFile   *file,
              Tally        *tally)
{
  GError *error = NULL;
  g_autoptr(SlvPatternSet) set = slv_dxf_read_file (file->path, &error);

  tally->inputs++;
  if (set == NULL)
    {
      failed (self, tally, file, error);
      return;
    }
  if (self->scale > 0 && self->scale != 1)
    {
      GPtrArray *warnings = slv_pattern_set_get_warnings (set);

      /* The suggested factor answers the scale warning: it is resolved. */
      if (fabs (self->scale - slv_pattern_set_get_suggested_scale (set)) < 1e-9)
        for (guint i = warnings->len; i-- > 0; )
          if (g_str_equal (((SlvWarning *) g_ptr_array_index (warnings, i))->code, "unit-scale-suspect"))
            g_ptr_array_remove_index (warnings, i);
      slv_pattern_set_rescale (set, self->scale);
      slv_warnings_add (slv_pattern_set_get_warnings (set), "scale-applied", file->name,
                        _("The coordinates of “%s” were multiplied by %g as requested."),
                        file->name, self->scale);
    }
  tally->read++;
  g_ptr_array_add (self->sets, g_steal_pointer (&set));
}

static void
load_mesh (SlvCloImport *self,
           SlvCloFile   *file,
           Tally        *tally)
{
  GError *error = NULL;
  SlvMeshReport *report = slv_mesh_read_file (file->path, self->mesh_unit, &error);

  tally->inputs++;
  if (report == NULL)
    failed (self, tally, file, error);
  else
    tally->read++, g_ptr_array_add (self->meshes, report);
}

static void
load_bom (SlvCloImport *self,
          SlvCloFile   *file,
          Tally        *tally)
{
  GError *error = NULL;
  g_autoptr(GFile) f = g_file_new_for_path (file->path);
  g_autoptr(GBytes) bytes = g_file_load_bytes (f, NULL, NULL, &error);
  g_autoptr(GPtrArray) lines = NULL;

  tally->inputs++;
  if (bytes != NULL && self->bom_headers == NULL)
    self->bom_headers = slv_bom_csv_read_headers (bytes, file->name, NULL);
  if (bytes != NULL)
    lines = slv_bom_csv_read (bytes, file->name, self->mapping, self->warnings, &error);
  if (lines == NULL)
    {
      failed (self, tally, file, error);
      return;
    }
  tally->read++;
  for (guint i = 0; i < lines->len; i++)
    g_ptr_array_add (self->bom, g_steal_pointer (&g_ptr_array_index (lines, i)));
  g_ptr_array_set_free_func (lines, NULL);
}

static void
load_rules (SlvCloImport *self,
            SlvCloFile   *file,
            Tally        *tally)
{
  GError *error = NULL;
  SlvGradeRules *rules = slv_rul_read_file (file->path, &error);

  tally->inputs++;
  if (rules == NULL)
    failed (self, tally, file, error);
  else if (self->rules != NULL)
    {
      tally->read++;
      slv_grade_rules_free (rules);
      slv_warnings_add (self->warnings, "extra-rul", file->name,
                        _("More than one grade-rule table: “%s” was not used."), file->name);
    }
  else
    tally->read++, self->rules = rules;
}

/* A picture a mesh uses as a texture is not a render of the garment. */
static void
drop_textures (SlvCloImport *self)
{
  for (guint i = self->renders->len; i-- > 0; )
    {
      SlvCloFile *f = g_ptr_array_index (self->renders, i);
      g_autoptr(GFile) render = g_file_new_for_path (f->path);
      gboolean texture = FALSE;

      for (guint m = 0; m < self->meshes->len && !texture; m++)
        {
          GPtrArray *textures = slv_mesh_report_get_textures (g_ptr_array_index (self->meshes, m));

          for (guint t = 0; t < textures->len && !texture; t++)
            {
              SlvMeshTexture *tex = g_ptr_array_index (textures, t);
              g_autoptr(GFile) used = tex->path ? g_file_new_for_path (tex->path) : NULL;

              texture = used != NULL && g_file_equal (used, render);
            }
        }
      if (texture)
        g_ptr_array_remove_index (self->renders, i);
    }
}

gboolean
slv_clo_import_load (SlvCloImport  *self,
                     const char    *path,
                     GCancellable  *cancellable,
                     GError       **error)
{
  GPtrArray *files;
  Tally tally = { 0, 0, NULL };

  g_return_val_if_fail (SLV_IS_CLO_IMPORT (self) && path != NULL, FALSE);
  g_return_val_if_fail (self->bundle == NULL, FALSE);

  self->source = g_path_get_basename (path);
  self->bundle = slv_clo_bundle_open (path, NULL, error);
  if (self->bundle == NULL)
    return FALSE;
  files = slv_clo_bundle_get_files (self->bundle);
  for (guint i = 0; i < files->len; i++)
    {
      SlvCloFile *f = g_ptr_array_index (files, i);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          g_clear_error (&tally.first);
          return FALSE;
        }
      switch (f->kind)
        {
        case SLV_CLO_FILE_DXF:
          load_pattern (self, f, &tally);
          break;
        case SLV_CLO_FILE_MESH:
          load_mesh (self, f, &tally);
          break;
        case SLV_CLO_FILE_BOM:
          load_bom (self, f, &tally);
          break;
        case SLV_CLO_FILE_RUL:
          load_rules (self, f, &tally);
          break;
        case SLV_CLO_FILE_RENDER:
          g_ptr_array_add (self->renders, f);
          tally.read++;
          break;
        case SLV_CLO_FILE_OTHER:
        case SLV_CLO_FILE_MESH_PART:
        case SLV_CLO_FILE_PROPRIETARY:
        default:
          break;
        }
    }
  if (tally.read == 0 || (tally.inputs == 1 && tally.first != NULL))
    {
      g_propagate_error (error, tally.first);
      return FALSE;
    }
  g_clear_error (&tally.first);
  drop_textures (self);
  return TRUE;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;

  if (slv_clo_import_load (source_object, task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
slv_clo_import_load_async (SlvCloImport        *self,
                           const char          *path,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_return_if_fail (SLV_IS_CLO_IMPORT (self) && path != NULL);

  g_task_set_source_tag (task, slv_clo_import_load_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, load_thread);
}

gboolean
slv_clo_import_load_finish (SlvCloImport  *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* -- getters -- */

const char *
slv_clo_import_get_source (SlvCloImport *self)
{
  g_return_val_if_fail (SLV_IS_CLO_IMPORT (self), NULL);
  return self->source;
}

SlvCloBundle *
slv_clo_import_get_bundle (SlvCloImport *self)
{
  g_return_val_if_fail (SLV_IS_CLO_IMPORT (self), NULL);
  return self->bundle;
}

GPtrArray *
slv_clo_import_get_pattern_sets (SlvCloImport *self)
{
  g_return_val_if_fail (SLV_IS_CLO_IMPORT (self), NULL);
  return self->sets;
}

GPtrArray *
slv_clo_import_get_meshes (SlvCloImport *self)
{
  g_return_val_if_fail (SLV_IS_CLO_IMPORT (self), NULL);
  return self->meshes;
}

GPtrArray *
slv_clo_import_get_bom_lines (SlvCloImport *self)
{
  g_return_val_if_fail (SLV_IS_CLO_IMPORT (self), NULL);
  return self->bom;
}

const SlvBomMapping *
slv_clo_import_get_bom_mapping (SlvCloImport *self)
{
  g_return_val_if_fail (SLV_IS_CLO_IMPORT (self), NULL);
  return self->mapping;
}

GPtrArray *
slv_clo_import_get_renders (SlvCloImport *self)
{
  g_return_val_if_fail (SLV_IS_CLO_IMPORT (self), NULL);
  return self->renders;
}

SlvGradeRules *
slv_clo_import_get_grade_rules (SlvCloImport *self)
{
  g_return_val_if_fail (SLV_IS_CLO_IMPORT (self), NULL);
  return self->rules;
}

GPtrArray *
slv_clo_import_dup_warnings (SlvCloImport *self)
{
  GPtrArray *all = slv_warnings_new ();

  g_return_val_if_fail (SLV_IS_CLO_IMPORT (self), all);

  if (self->bundle != NULL)
    slv_warnings_append (all, slv_clo_bundle_get_warnings (self->bundle));
  slv_warnings_append (all, self->warnings);
  for (guint i = 0; i < self->sets->len; i++)
    {
      g_autoptr(GPtrArray) w = slv_pattern_set_dup_all_warnings (g_ptr_array_index (self->sets, i));

      slv_warnings_append (all, w);
    }
  for (guint i = 0; i < self->meshes->len; i++)
    slv_warnings_append (all, slv_mesh_report_get_warnings (g_ptr_array_index (self->meshes, i)));
  return all;
}
