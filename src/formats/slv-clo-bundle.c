/* slv-clo-bundle.c: files, folders and ZIP bundles of CLO exports.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-clo-bundle"

#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "slv-clo-bundle.h"
#include "core/slv-warning.h"

#define MAX_FOLDER_FILES 5000
#define RATIO_FLOOR (16 * 1024 * 1024)

struct _SlvCloBundle
{
  GObject    parent_instance;
  char      *source;
  char      *tmpdir;      /* unpacked ZIP, removed on finalize */
  GPtrArray *files;       /* SlvCloFile */
  GPtrArray *warnings;
};

G_DEFINE_FINAL_TYPE (SlvCloBundle, slv_clo_bundle, G_TYPE_OBJECT)
G_DEFINE_QUARK (slv-bundle-error-quark, slv_bundle_error)

static const struct
{
  const char *ext;
  const char *what;
} proprietary[] = {
  { ".zprj", N_("a CLO 3D project") },
  { ".zpac", N_("a CLO 3D garment") },
  { ".avt", N_("a CLO 3D avatar") },
  { ".zfab", N_("a CLO 3D fabric") },
};

static void
file_free (gpointer data)
{
  SlvCloFile *f = data;

  g_free (f->name);
  g_free (f->path);
  g_free (f);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
slv_clo_bundle_finalize (GObject *object)
{
  SlvCloBundle *self = SLV_CLO_BUNDLE (object);

  if (self->tmpdir != NULL)
    remove_tree (self->tmpdir);
  g_free (self->tmpdir);
  g_free (self->source);
  g_ptr_array_unref (self->files);
  g_ptr_array_unref (self->warnings);

  G_OBJECT_CLASS (slv_clo_bundle_parent_class)->finalize (object);
}

static void
slv_clo_bundle_class_init (SlvCloBundleClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = slv_clo_bundle_finalize;
}

static void
slv_clo_bundle_init (SlvCloBundle *self)
{
  self->files = g_ptr_array_new_with_free_func (file_free);
  self->warnings = slv_warnings_new ();
}

void
slv_bundle_limits_init (SlvBundleLimits *limits)
{
  limits->max_entries = 2000;
  limits->max_entry_size = (goffset) 512 * 1024 * 1024;
  limits->max_total_size = (goffset) 1024 * 1024 * 1024;
  limits->max_ratio = 200;
}

/* -- classification -- */

static guint
be16 (const guint8 *p)
{
  return (p[0] << 8) | p[1];
}

static guint
be32 (const guint8 *p)
{
  return ((guint) p[0] << 24) | ((guint) p[1] << 16) | ((guint) p[2] << 8) | p[3];
}

gboolean
slv_image_probe (const guint8  *head,
                 gsize          len,
                 const char   **mime,
                 guint         *width,
                 guint         *height)
{
  if (len >= 24 && memcmp (head, "\x89PNG\r\n\x1a\n", 8) == 0 && memcmp (head + 12, "IHDR", 4) == 0)
    {
      *mime = "image/png";
      *width = be32 (head + 16);
      *height = be32 (head + 20);
      return TRUE;
    }
  if (len >= 4 && head[0] == 0xFF && head[1] == 0xD8)
    {
      gsize i = 2;

      *mime = "image/jpeg";
      *width = *height = 0;
      /* Walk the markers to the first start-of-frame. */
      while (i + 9 < len)
        {
          guint marker, seglen;

          if (head[i] != 0xFF)
            return TRUE;
          marker = head[i + 1];
          if (marker == 0xFF)
            {
              i++;
              continue;
            }
          seglen = be16 (head + i + 2);
          if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC)
            {
              *height = be16 (head + i + 5);
              *width = be16 (head + i + 7);
              return TRUE;
            }
          if (seglen < 2)
            return TRUE;
          i += 2 + seglen;
        }
      return TRUE;
    }
  return FALSE;
}

SlvCloFileKind
slv_clo_classify (const char   *name,
                  const guint8 *head,
                  gsize         head_len)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);
  static const char * const mesh[] = { ".obj", ".fbx", ".gltf", ".glb", NULL };
  static const char * const parts[] = { ".bin", ".mtl", NULL };
  const char *mime;
  guint w, h;

  for (guint i = 0; i < G_N_ELEMENTS (proprietary); i++)
    if (g_str_has_suffix (lower, proprietary[i].ext))
      return SLV_CLO_FILE_PROPRIETARY;
  if (g_str_has_suffix (lower, ".dxf") || g_str_has_suffix (lower, ".aam"))
    return SLV_CLO_FILE_DXF;
  if (g_str_has_suffix (lower, ".rul"))
    return SLV_CLO_FILE_RUL;
  for (guint i = 0; mesh[i] != NULL; i++)
    if (g_str_has_suffix (lower, mesh[i]))
      return SLV_CLO_FILE_MESH;
  for (guint i = 0; parts[i] != NULL; i++)
    if (g_str_has_suffix (lower, parts[i]))
      return SLV_CLO_FILE_MESH_PART;
  if (g_str_has_suffix (lower, ".csv"))
    return SLV_CLO_FILE_BOM;
  if (head != NULL && slv_image_probe (head, head_len, &mime, &w, &h))
    return SLV_CLO_FILE_RENDER;
  if (g_str_has_suffix (lower, ".png") || g_str_has_suffix (lower, ".jpg") ||
      g_str_has_suffix (lower, ".jpeg"))
    return SLV_CLO_FILE_RENDER;
  return SLV_CLO_FILE_OTHER;
}

char *
slv_clo_proprietary_advice (const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);
  const char *what = N_("a CLO 3D file");

  for (guint i = 0; i < G_N_ELEMENTS (proprietary); i++)
    if (g_str_has_suffix (lower, proprietary[i].ext))
      what = proprietary[i].what;
  return g_strdup_printf (_("“%s” is %s in CLO's own format, which only CLO can open. In CLO, "
                            "export the pattern with File ▸ Export ▸ DXF (AAMA or ASTM), the 3-D "
                            "garment with File ▸ Export ▸ glTF, OBJ or FBX, and the BOM as CSV; then "
                            "import those files, alone, in a folder or zipped together."),
                          name, _(what));
}

/* -- collecting files -- */

static void
add_file (SlvCloBundle *self,
          const char   *name,
          const char   *path)
{
  SlvCloFile *f = g_new0 (SlvCloFile, 1);
  guint8 head[65536];
  gsize n = 0;
  FILE *fp = g_fopen (path, "rb");

  if (fp != NULL)
    {
      n = fread (head, 1, sizeof head, fp);
      fseek (fp, 0, SEEK_END);
      f->size = ftell (fp);
      fclose (fp);
    }
  f->name = g_strdup (name);
  f->path = g_strdup (path);
  f->kind = slv_clo_classify (name, head, n);
  if (f->kind == SLV_CLO_FILE_RENDER &&
      !slv_image_probe (head, n, &f->mime, &f->width, &f->height))
    {
      f->kind = SLV_CLO_FILE_OTHER;
      slv_warnings_add (self->warnings, "image-unreadable", name,
                        _("“%s” is named like an image but is not a PNG or JPEG file; it was left out."),
                        name);
    }
  if (f->kind == SLV_CLO_FILE_PROPRIETARY)
    {
      g_autofree char *advice = slv_clo_proprietary_advice (name);

      slv_warnings_add (self->warnings, "clo-proprietary", name, "%s", advice);
    }
  g_ptr_array_add (self->files, f);
}

static gboolean
scan_folder (SlvCloBundle  *self,
             const char    *root,
             const char    *rel,
             guint          depth,
             GError       **error)
{
  g_autofree char *path = rel ? g_build_filename (root, rel, NULL) : g_strdup (root);
  g_autoptr(GDir) dir = g_dir_open (path, 0, error);
  const char *name;

  if (dir == NULL)
    return FALSE;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child_rel = rel ? g_strconcat (rel, "/", name, NULL) : g_strdup (name);
      g_autofree char *child = g_build_filename (root, child_rel, NULL);

      if (name[0] == '.' || g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        continue;
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        {
          if (depth < 4 && !scan_folder (self, root, child_rel, depth + 1, error))
            return FALSE;
        }
      else if (self->files->len >= MAX_FOLDER_FILES)
        {
          g_set_error (error, SLV_BUNDLE_ERROR, SLV_BUNDLE_ERROR_BOMB,
                       _("The folder holds more than %d files; choose the folder of one style."),
                       MAX_FOLDER_FILES);
          return FALSE;
        }
      else
        add_file (self, child_rel, child);
    }
  return TRUE;
}

/* -- ZIP -- */

/* A relative path that stays inside the folder, '/' separated; NULL if
 * the entry must be refused. */
static char *
safe_entry_path (const char *raw)
{
  g_autofree char *slashed = g_strdup (raw);
  g_auto(GStrv) parts = NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  g_strdelimit (slashed, "\\", '/');
  if (slashed[0] == '/' || (g_ascii_isalpha (slashed[0]) && slashed[1] == ':'))
    return NULL;
  parts = g_strsplit (slashed, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (parts[i][0] == '\0' || g_str_equal (parts[i], "."))
        continue;
      if (g_str_equal (parts[i], ".."))
        return NULL;
      if (out->len)
        g_string_append_c (out, '/');
      g_string_append (out, parts[i]);
    }
  return out->len ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

/* Sets a refusal with @message (taken) and returns FALSE. */
static gboolean
bomb (GError **error,
      char    *message)
{
  g_set_error_literal (error, SLV_BUNDLE_ERROR, SLV_BUNDLE_ERROR_BOMB, message);
  g_free (message);
  return FALSE;
}

static gboolean
extract_entry (struct archive        *a,
               const char            *dest,
               const char            *name,
               const SlvBundleLimits *limits,
               goffset                packed,
               goffset               *total,
               GError               **error)
{
  g_autofree char *dir = g_path_get_dirname (dest);
  goffset written = 0;
  char buf[65536];
  la_ssize_t n;
  FILE *out;

  if (g_mkdir_with_parents (dir, 0700) != 0 || (out = g_fopen (dest, "wb")) == NULL)
    {
      g_set_error (error, SLV_BUNDLE_ERROR, SLV_BUNDLE_ERROR_IO, _("Could not unpack “%s”: %s"),
                   name, g_strerror (errno));
      return FALSE;
    }
  while ((n = archive_read_data (a, buf, sizeof buf)) > 0)
    {
      written += n;
      *total += n;
      if (written > limits->max_entry_size)
        return fclose (out), bomb (error, g_strdup_printf (_("“%s” unpacks to more than the size limit; the ZIP was refused."), name));
      if (*total > limits->max_total_size)
        return fclose (out), bomb (error, g_strdup_printf (_("The ZIP unpacks to more than the size limit (at “%s”); it was refused."), name));
      if (*total > RATIO_FLOOR && packed > 0 && (double) *total / packed > limits->max_ratio)
        return fclose (out), bomb (error, g_strdup_printf (_("The ZIP is compressed far beyond what real files allow (at “%s”): "
                                            "it looks like a ZIP bomb and was refused."), name));
      if (fwrite (buf, 1, n, out) != (size_t) n)
        {
          fclose (out);
          g_set_error (error, SLV_BUNDLE_ERROR, SLV_BUNDLE_ERROR_IO, _("Could not unpack “%s”: %s"),
                       name, g_strerror (errno));
          return FALSE;
        }
    }
  fclose (out);
  if (n < 0)
    {
      g_set_error (error, SLV_BUNDLE_ERROR, SLV_BUNDLE_ERROR_ARCHIVE, _("The ZIP is damaged at “%s”: %s"),
                   name, archive_error_string (a));
      return FALSE;
    }
  return TRUE;
}

static gboolean
unpack_zip (SlvCloBundle          *self,
            const char            *zip,
            const SlvBundleLimits *limits,
            GError               **error)
{
  struct archive *a = archive_read_new ();
  struct archive_entry *entry;
  goffset packed = 0, total = 0;
  guint entries = 0;
  gboolean ok = TRUE;
  int r = ARCHIVE_OK;
  GStatBuf st;

  if (g_stat (zip, &st) == 0)
    packed = st.st_size;
  archive_read_support_format_zip (a);
  if (archive_read_open_filename (a, zip, 65536) != ARCHIVE_OK)
    {
      g_set_error (error, SLV_BUNDLE_ERROR, SLV_BUNDLE_ERROR_ARCHIVE, _("“%s” is not a readable ZIP: %s"),
                   self->source, archive_error_string (a));
      archive_read_free (a);
      return FALSE;
    }
  self->tmpdir = g_dir_make_tmp ("selvedge-clo-XXXXXX", error);
  ok = self->tmpdir != NULL;
  while (ok && (r = archive_read_next_header (a, &entry)) == ARCHIVE_OK)
    {
      const char *raw = archive_entry_pathname (entry);
      g_autofree char *rel = raw ? safe_entry_path (raw) : NULL;
      g_autofree char *dest = NULL;

      if (archive_entry_filetype (entry) == AE_IFDIR)
        continue;
      if (archive_entry_filetype (entry) != AE_IFREG || rel == NULL)
        {
          g_set_error (error, SLV_BUNDLE_ERROR, SLV_BUNDLE_ERROR_UNSAFE,
                       _("The ZIP entry “%s” is a link or points outside the folder; the ZIP was refused."),
                       raw ? raw : "?");
          ok = FALSE;
          break;
        }
      if (++entries > limits->max_entries)
        {
          g_set_error (error, SLV_BUNDLE_ERROR, SLV_BUNDLE_ERROR_BOMB,
                       _("The ZIP holds more than %u files; it was refused."), limits->max_entries);
          ok = FALSE;
          break;
        }
      if (g_str_has_prefix (rel, "__MACOSX/"))
        continue;
      if (archive_entry_size_is_set (entry) && archive_entry_size (entry) > limits->max_entry_size)
        {
          ok = bomb (error, g_strdup_printf (_("“%s” unpacks to more than the size limit; the ZIP was refused."), rel));
          break;
        }
      dest = g_build_filename (self->tmpdir, rel, NULL);
      ok = extract_entry (a, dest, rel, limits, packed, &total, error);
      if (ok)
        add_file (self, rel, dest);
    }
  if (ok && r != ARCHIVE_EOF)
    {
      g_set_error (error, SLV_BUNDLE_ERROR, SLV_BUNDLE_ERROR_ARCHIVE, _("“%s” is a damaged ZIP: %s"),
                   self->source, archive_error_string (a));
      ok = FALSE;
    }
  archive_read_free (a);
  return ok;
}

/* -- public -- */

static gint
cmp_files (gconstpointer a,
           gconstpointer b)
{
  return g_strcmp0 ((*(SlvCloFile * const *) a)->name, (*(SlvCloFile * const *) b)->name);
}

static gboolean
looks_like_zip (const char *path)
{
  guint8 head[4] = { 0 };
  FILE *fp = g_fopen (path, "rb");
  gsize n = 0;

  if (fp != NULL)
    {
      n = fread (head, 1, 4, fp);
      fclose (fp);
    }
  return n == 4 && memcmp (head, "PK\003\004", 4) == 0;
}

static gboolean
check_usable (SlvCloBundle  *self,
              GError       **error)
{
  guint usable = 0, clo = 0;
  SlvCloFile *first_clo = NULL;

  for (guint i = 0; i < self->files->len; i++)
    {
      SlvCloFile *f = g_ptr_array_index (self->files, i);

      usable += f->kind != SLV_CLO_FILE_OTHER && f->kind != SLV_CLO_FILE_PROPRIETARY &&
                f->kind != SLV_CLO_FILE_MESH_PART;
      if (f->kind == SLV_CLO_FILE_PROPRIETARY && clo++ == 0)
        first_clo = f;
    }
  if (usable > 0)
    return TRUE;
  if (first_clo != NULL)
    {
      g_autofree char *advice = slv_clo_proprietary_advice (first_clo->name);

      g_set_error_literal (error, SLV_BUNDLE_ERROR, SLV_BUNDLE_ERROR_PROPRIETARY, advice);
      return FALSE;
    }
  g_set_error (error, SLV_BUNDLE_ERROR, SLV_BUNDLE_ERROR_NOTHING,
               _("“%s” holds nothing Selvedge imports: DXF-AAMA/ASTM patterns, OBJ/FBX/glTF/GLB "
                 "meshes, a BOM as CSV, or PNG/JPEG renders."), self->source);
  return FALSE;
}

SlvCloBundle *
slv_clo_bundle_open (const char             *path,
                     const SlvBundleLimits  *limits,
                     GError                **error)
{
  g_autoptr(SlvCloBundle) self = g_object_new (SLV_TYPE_CLO_BUNDLE, NULL);
  SlvBundleLimits defaults;
  gboolean ok;

  g_return_val_if_fail (path != NULL, NULL);

  if (limits == NULL)
    {
      slv_bundle_limits_init (&defaults);
      limits = &defaults;
    }
  self->source = g_path_get_basename (path);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, SLV_BUNDLE_ERROR, SLV_BUNDLE_ERROR_NOT_FOUND, _("“%s” does not exist."), path);
      return NULL;
    }
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    ok = scan_folder (self, path, NULL, 0, error);
  else if (looks_like_zip (path) && slv_clo_classify (path, NULL, 0) != SLV_CLO_FILE_PROPRIETARY &&
           slv_clo_classify (path, NULL, 0) != SLV_CLO_FILE_MESH)
    ok = unpack_zip (self, path, limits, error);
  else
    {
      /* A glTF's .bin and textures sit beside it; the mesh reader finds them. */
      add_file (self, self->source, path);
      ok = TRUE;
    }
  if (!ok)
    return NULL;
  g_ptr_array_sort (self->files, cmp_files);
  if (!check_usable (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

GPtrArray *
slv_clo_bundle_get_files (SlvCloBundle *self)
{
  g_return_val_if_fail (SLV_IS_CLO_BUNDLE (self), NULL);
  return self->files;
}

GPtrArray *
slv_clo_bundle_dup_files_of (SlvCloBundle   *self,
                             SlvCloFileKind  kind)
{
  GPtrArray *out = g_ptr_array_new ();

  g_return_val_if_fail (SLV_IS_CLO_BUNDLE (self), out);
  for (guint i = 0; i < self->files->len; i++)
    if (((SlvCloFile *) g_ptr_array_index (self->files, i))->kind == kind)
      g_ptr_array_add (out, g_ptr_array_index (self->files, i));
  return out;
}

GPtrArray *
slv_clo_bundle_get_warnings (SlvCloBundle *self)
{
  g_return_val_if_fail (SLV_IS_CLO_BUNDLE (self), NULL);
  return self->warnings;
}

const char *
slv_clo_bundle_get_source (SlvCloBundle *self)
{
  g_return_val_if_fail (SLV_IS_CLO_BUNDLE (self), NULL);
  return self->source;
}
