/* slv-mesh.c: mesh statistics through assimp's C API.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-mesh"

#include "config.h"

#include <assimp/cimport.h>
#include <assimp/postprocess.h>
#include <assimp/scene.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "slv-mesh.h"
#include "core/slv-pattern-piece.h"
#include "core/slv-warning.h"

struct _SlvMeshReport
{
  GObject    parent_instance;
  char      *source;
  char      *format;
  double     metres_per_unit;
  char      *unit_source;
  GPtrArray *parts;
  GPtrArray *textures;
  GPtrArray *warnings;
};

G_DEFINE_FINAL_TYPE (SlvMeshReport, slv_mesh_report, G_TYPE_OBJECT)
G_DEFINE_QUARK (slv-mesh-error-quark, slv_mesh_error)

static const struct
{
  const char *ext, *format;
} formats[] = {
  { ".obj", "OBJ" }, { ".fbx", "FBX" }, { ".gltf", "glTF" }, { ".glb", "GLB" },
};

static void
part_free (gpointer data)
{
  SlvMeshPart *p = data;

  g_free (p->name);
  g_free (p->material);
  g_free (p->panel_id);
  g_free (p);
}

static void
texture_free (gpointer data)
{
  SlvMeshTexture *t = data;

  g_free (t->uri);
  g_free (t->path);
  g_free (t->material);
  g_free (t);
}

static void
slv_mesh_report_finalize (GObject *object)
{
  SlvMeshReport *self = SLV_MESH_REPORT (object);

  g_free (self->source);
  g_free (self->format);
  g_free (self->unit_source);
  g_ptr_array_unref (self->parts);
  g_ptr_array_unref (self->textures);
  g_ptr_array_unref (self->warnings);

  G_OBJECT_CLASS (slv_mesh_report_parent_class)->finalize (object);
}

static void
slv_mesh_report_class_init (SlvMeshReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = slv_mesh_report_finalize;
}

static void
slv_mesh_report_init (SlvMeshReport *self)
{
  self->parts = g_ptr_array_new_with_free_func (part_free);
  self->textures = g_ptr_array_new_with_free_func (texture_free);
  self->warnings = slv_warnings_new ();
  self->metres_per_unit = 1;
}

static const char *
format_of (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_str_has_suffix (lower, formats[i].ext))
      return formats[i].format;
  return NULL;
}

gboolean
slv_mesh_is_supported (const char *path)
{
  return path != NULL && format_of (path) != NULL;
}

/* -- geometry -- */

static double
triangle_area (const struct aiVector3D *a,
               const struct aiVector3D *b,
               const struct aiVector3D *c)
{
  double ux = (double) b->x - a->x, uy = (double) b->y - a->y, uz = (double) b->z - a->z;
  double vx = (double) c->x - a->x, vy = (double) c->y - a->y, vz = (double) c->z - a->z;
  double cx = uy * vz - uz * vy, cy = uz * vx - ux * vz, cz = ux * vy - uy * vx;

  return 0.5 * sqrt (cx * cx + cy * cy + cz * cz);
}

static struct aiVector3D
transform (const struct aiMatrix4x4 *m,
           const struct aiVector3D  *v)
{
  struct aiVector3D r;

  r.x = m->a1 * v->x + m->a2 * v->y + m->a3 * v->z + m->a4;
  r.y = m->b1 * v->x + m->b2 * v->y + m->b3 * v->z + m->b4;
  r.z = m->c1 * v->x + m->c2 * v->y + m->c3 * v->z + m->c4;
  return r;
}

/* Σ face area, fan-triangulated; with @m, after transforming vertices. */
static double
mesh_area (const struct aiMesh       *mesh,
           const struct aiMatrix4x4  *m,
           guint                     *triangles)
{
  double sum = 0;
  guint tris = 0;

  for (unsigned f = 0; f < mesh->mNumFaces; f++)
    {
      const struct aiFace *face = &mesh->mFaces[f];
      struct aiVector3D a, b, c;

      if (face->mNumIndices < 3)
        continue;
      if (face->mIndices[0] >= mesh->mNumVertices)
        continue;
      a = mesh->mVertices[face->mIndices[0]];
      if (m != NULL)
        a = transform (m, &a);
      for (unsigned k = 1; k + 1 < face->mNumIndices; k++)
        {
          if (face->mIndices[k] >= mesh->mNumVertices || face->mIndices[k + 1] >= mesh->mNumVertices)
            continue;
          b = mesh->mVertices[face->mIndices[k]];
          c = mesh->mVertices[face->mIndices[k + 1]];
          if (m != NULL)
            b = transform (m, &b), c = transform (m, &c);
          sum += triangle_area (&a, &b, &c);
          tris++;
        }
    }
  if (triangles != NULL)
    *triangles = tris;
  return sum;
}

static void
mesh_bbox (const struct aiMesh *mesh,
           double               bbox[6])
{
  for (int i = 0; i < 3; i++)
    bbox[i] = G_MAXDOUBLE, bbox[i + 3] = -G_MAXDOUBLE;
  for (unsigned v = 0; v < mesh->mNumVertices; v++)
    {
      double xyz[3] = { mesh->mVertices[v].x, mesh->mVertices[v].y, mesh->mVertices[v].z };

      for (int i = 0; i < 3; i++)
        bbox[i] = MIN (bbox[i], xyz[i]), bbox[i + 3] = MAX (bbox[i + 3], xyz[i]);
    }
}

static void
multiply (const struct aiMatrix4x4 *a,
          const struct aiMatrix4x4 *b,
          struct aiMatrix4x4       *out)
{
  const ai_real *x = &a->a1, *y = &b->a1;
  ai_real r[16];

  for (int i = 0; i < 4; i++)
    for (int j = 0; j < 4; j++)
      {
        double s = 0;

        for (int k = 0; k < 4; k++)
          s += (double) x[i * 4 + k] * y[k * 4 + j];
        r[i * 4 + j] = (ai_real) s;
      }
  memcpy (out, r, sizeof r);
}

typedef struct
{
  const struct aiScene *scene;
  GPtrArray            *parts;      /* indexed like scene->mMeshes */
  guint                 depth;
} Walk;

static void
walk_nodes (Walk                     *w,
            const struct aiNode      *node,
            const struct aiMatrix4x4 *parent)
{
  struct aiMatrix4x4 world;

  if (node == NULL || w->depth > 256)
    return;
  multiply (parent, &node->mTransformation, &world);
  for (unsigned i = 0; i < node->mNumMeshes; i++)
    {
      unsigned index = node->mMeshes[i];
      SlvMeshPart *part;

      if (index >= w->scene->mNumMeshes)
        continue;
      part = g_ptr_array_index (w->parts, index);
      part->instances++;
      part->world_area += mesh_area (w->scene->mMeshes[index], &world, NULL);
      if ((part->name == NULL || *part->name == '\0') && node->mName.length > 0)
        {
          g_free (part->name);
          part->name = g_strndup (node->mName.data, node->mName.length);
        }
    }
  w->depth++;
  for (unsigned c = 0; c < node->mNumChildren; c++)
    walk_nodes (w, node->mChildren[c], &world);
  w->depth--;
}

/* -- materials and textures -- */

static char *
material_name (const struct aiScene *scene,
               unsigned              index)
{
  struct aiString name;

  if (index >= scene->mNumMaterials)
    return NULL;
  if (aiGetMaterialString (scene->mMaterials[index], AI_MATKEY_NAME, &name) != aiReturn_SUCCESS)
    return NULL;
  return g_strndup (name.data, name.length);
}

static void
add_texture (SlvMeshReport *self,
             const char    *dir,
             const char    *uri,
             const char    *material)
{
  SlvMeshTexture *t;

  for (guint i = 0; i < self->textures->len; i++)
    if (g_str_equal (((SlvMeshTexture *) g_ptr_array_index (self->textures, i))->uri, uri))
      return;
  t = g_new0 (SlvMeshTexture, 1);
  t->uri = g_strdup (uri);
  t->material = g_strdup (material);
  t->embedded = uri[0] == '*' || g_str_has_prefix (uri, "data:");
  if (t->embedded)
    t->present = TRUE;
  else
    {
      g_autofree char *unescaped = g_uri_unescape_string (uri, NULL);
      const char *rel = unescaped ? unescaped : uri;

      t->path = g_path_is_absolute (rel) ? g_strdup (rel) : g_build_filename (dir, rel, NULL);
      t->present = g_file_test (t->path, G_FILE_TEST_IS_REGULAR);
      if (!t->present)
        slv_warnings_add (self->warnings, "texture-missing", uri,
                          _("The texture “%s” of material “%s” is not beside the model; the "
                            "geometry is read without it."), uri, material ? material : "?");
    }
  g_ptr_array_add (self->textures, t);
}

static void
collect_textures (SlvMeshReport        *self,
                  const struct aiScene *scene,
                  const char           *dir)
{
  for (unsigned m = 0; m < scene->mNumMaterials; m++)
    {
      g_autofree char *mat = material_name (scene, m);

      for (int type = aiTextureType_DIFFUSE; type <= AI_TEXTURE_TYPE_MAX; type++)
        {
          unsigned n = aiGetMaterialTextureCount (scene->mMaterials[m], type);

          for (unsigned i = 0; i < n; i++)
            {
              struct aiString path;

              if (aiGetMaterialTexture (scene->mMaterials[m], type, i, &path,
                                        NULL, NULL, NULL, NULL, NULL, NULL) == aiReturn_SUCCESS &&
                  path.length > 0)
                {
                  g_autofree char *uri = g_strndup (path.data, path.length);

                  add_texture (self, dir, uri, mat);
                }
            }
        }
    }
}

/* -- units -- */

static gboolean
metadata_double (const struct aiScene *scene,
                 const char           *key,
                 double               *out)
{
  const struct aiMetadata *meta = scene->mMetaData;

  for (unsigned i = 0; meta != NULL && i < meta->mNumProperties; i++)
    {
      const struct aiMetadataEntry *e = &meta->mValues[i];

      if (strcmp (meta->mKeys[i].data, key) != 0 || e->mData == NULL)
        continue;
      if (e->mType == AI_DOUBLE)
        *out = *(double *) e->mData;
      else if (e->mType == AI_FLOAT)
        *out = *(float *) e->mData;
      else if (e->mType == AI_INT32)
        *out = *(int32_t *) e->mData;
      else
        return FALSE;
      return isfinite (*out) && *out > 0;
    }
  return FALSE;
}

static void
choose_unit (SlvMeshReport        *self,
             const struct aiScene *scene,
             double                override)
{
  double factor;

  if (override > 0)
    {
      self->metres_per_unit = override;
      self->unit_source = g_strdup_printf (_("set by the user: 1 unit = %g m"), override);
    }
  else if (g_str_equal (self->format, "glTF") || g_str_equal (self->format, "GLB"))
    {
      self->metres_per_unit = 1;
      self->unit_source = g_strdup (_("glTF: metres, by specification"));
    }
  else if (g_str_equal (self->format, "FBX") && metadata_double (scene, "UnitScaleFactor", &factor))
    {
      self->metres_per_unit = factor / 100;
      self->unit_source = g_strdup_printf (_("FBX UnitScaleFactor %g (centimetres per unit)"), factor);
    }
  else
    {
      self->metres_per_unit = g_str_equal (self->format, "FBX") ? 0.01 : 1;
      self->unit_source = g_strdup (g_str_equal (self->format, "FBX") ?
                                    _("FBX without UnitScaleFactor: centimetres assumed") :
                                    _("OBJ has no unit: metres assumed"));
      slv_warnings_add (self->warnings, "mesh-unit-assumed", self->source,
                        _("“%s” does not say its unit; areas assume 1 unit = %g m. Set the unit "
                          "if the model was made in another one."), self->source, self->metres_per_unit);
    }
}

/* -- reading -- */

static void
collect_parts (SlvMeshReport        *self,
               const struct aiScene *scene)
{
  struct aiMatrix4x4 identity = { 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1 };
  Walk w = { scene, self->parts, 0 };

  for (unsigned i = 0; i < scene->mNumMeshes; i++)
    {
      const struct aiMesh *mesh = scene->mMeshes[i];
      SlvMeshPart *part = g_new0 (SlvMeshPart, 1);

      part->name = g_strndup (mesh->mName.data, mesh->mName.length);
      part->material = material_name (scene, mesh->mMaterialIndex);
      part->vertices = mesh->mNumVertices;
      part->faces = mesh->mNumFaces;
      part->area = mesh_area (mesh, NULL, &part->triangles);
      mesh_bbox (mesh, part->bbox);
      g_ptr_array_add (self->parts, part);
    }
  walk_nodes (&w, scene->mRootNode, &identity);
  for (guint i = 0; i < self->parts->len; i++)
    {
      SlvMeshPart *part = g_ptr_array_index (self->parts, i);

      part->panel_id = slv_pattern_panel_id_from_name (part->name);
      if (part->name == NULL || *part->name == '\0')
        {
          g_free (part->name);
          part->name = g_strdup_printf ("mesh %u", i);
        }
    }
}

static gboolean
check_file (const char  *path,
            const char  *base,
            GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, &local);
  if (info == NULL)
    {
      g_set_error (error, SLV_MESH_ERROR, SLV_MESH_ERROR_IO, _("Could not read “%s”: %s"), base,
                   local->message);
      return FALSE;
    }
  if (g_file_info_get_size (info) > SLV_MESH_MAX_FILE_SIZE)
    {
      g_set_error (error, SLV_MESH_ERROR, SLV_MESH_ERROR_TOO_LARGE,
                   _("“%s” is larger than %d MB; export the garment with fewer polygons."), base,
                   SLV_MESH_MAX_FILE_SIZE / (1024 * 1024));
      return FALSE;
    }
  return TRUE;
}

SlvMeshReport *
slv_mesh_read_file (const char  *path,
                    double       metres_per_unit,
                    GError     **error)
{
  g_autoptr(SlvMeshReport) self = NULL;
  g_autofree char *base = NULL;
  g_autofree char *dir = NULL;
  const struct aiScene *scene;
  const char *format;

  g_return_val_if_fail (path != NULL, NULL);

  base = g_path_get_basename (path);
  format = format_of (path);
  if (format == NULL)
    {
      g_set_error (error, SLV_MESH_ERROR, SLV_MESH_ERROR_UNSUPPORTED,
                   _("“%s” is not a mesh Selvedge reads; export OBJ, FBX, glTF or GLB."), base);
      return NULL;
    }
  if (!check_file (path, base, error))
    return NULL;
  scene = aiImportFile (path, aiProcess_ValidateDataStructure);
  if (scene == NULL)
    {
      g_set_error (error, SLV_MESH_ERROR, SLV_MESH_ERROR_PARSE, _("“%s” could not be read as %s: %s"),
                   base, format, aiGetErrorString ());
      return NULL;
    }
  self = g_object_new (SLV_TYPE_MESH_REPORT, NULL);
  self->source = g_strdup (base);
  self->format = g_strdup (format);
  dir = g_path_get_dirname (path);
  choose_unit (self, scene, metres_per_unit);
  collect_parts (self, scene);
  collect_textures (self, scene, dir);
  aiReleaseImport (scene);
  if (slv_mesh_report_get_total_triangles (self) == 0)
    {
      g_set_error (error, SLV_MESH_ERROR, SLV_MESH_ERROR_EMPTY,
                   _("“%s” holds no surfaces (no faces with three or more corners)."), base);
      return NULL;
    }
  return g_steal_pointer (&self);
}

const char *
slv_mesh_report_get_source (SlvMeshReport *self)
{
  g_return_val_if_fail (SLV_IS_MESH_REPORT (self), NULL);
  return self->source;
}

const char *
slv_mesh_report_get_format (SlvMeshReport *self)
{
  g_return_val_if_fail (SLV_IS_MESH_REPORT (self), NULL);
  return self->format;
}

double
slv_mesh_report_get_metres_per_unit (SlvMeshReport *self)
{
  g_return_val_if_fail (SLV_IS_MESH_REPORT (self), 1);
  return self->metres_per_unit;
}

const char *
slv_mesh_report_get_unit_source (SlvMeshReport *self)
{
  g_return_val_if_fail (SLV_IS_MESH_REPORT (self), NULL);
  return self->unit_source;
}

GPtrArray *
slv_mesh_report_get_parts (SlvMeshReport *self)
{
  g_return_val_if_fail (SLV_IS_MESH_REPORT (self), NULL);
  return self->parts;
}

GPtrArray *
slv_mesh_report_get_textures (SlvMeshReport *self)
{
  g_return_val_if_fail (SLV_IS_MESH_REPORT (self), NULL);
  return self->textures;
}

GPtrArray *
slv_mesh_report_get_warnings (SlvMeshReport *self)
{
  g_return_val_if_fail (SLV_IS_MESH_REPORT (self), NULL);
  return self->warnings;
}

double
slv_mesh_report_get_total_area (SlvMeshReport *self)
{
  double sum = 0;

  g_return_val_if_fail (SLV_IS_MESH_REPORT (self), 0);
  for (guint i = 0; i < self->parts->len; i++)
    sum += ((SlvMeshPart *) g_ptr_array_index (self->parts, i))->area;
  return sum;
}

double
slv_mesh_report_part_area_m2 (SlvMeshReport     *self,
                              const SlvMeshPart *part)
{
  g_return_val_if_fail (SLV_IS_MESH_REPORT (self) && part != NULL, 0);
  return part->area * self->metres_per_unit * self->metres_per_unit;
}

double
slv_mesh_report_get_total_area_m2 (SlvMeshReport *self)
{
  g_return_val_if_fail (SLV_IS_MESH_REPORT (self), 0);
  return slv_mesh_report_get_total_area (self) * self->metres_per_unit * self->metres_per_unit;
}

guint
slv_mesh_report_get_total_triangles (SlvMeshReport *self)
{
  guint sum = 0;

  g_return_val_if_fail (SLV_IS_MESH_REPORT (self), 0);
  for (guint i = 0; i < self->parts->len; i++)
    sum += ((SlvMeshPart *) g_ptr_array_index (self->parts, i))->triangles;
  return sum;
}

GHashTable *
slv_mesh_report_dup_area_by_material (SlvMeshReport *self)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_return_val_if_fail (SLV_IS_MESH_REPORT (self), table);
  for (guint i = 0; i < self->parts->len; i++)
    {
      SlvMeshPart *p = g_ptr_array_index (self->parts, i);
      const char *key = p->material ? p->material : "";
      double *sum = g_hash_table_lookup (table, key);

      if (sum == NULL)
        {
          sum = g_new0 (double, 1);
          g_hash_table_insert (table, g_strdup (key), sum);
        }
      *sum += slv_mesh_report_part_area_m2 (self, p);
    }
  return table;
}
