/* slv-atomic-file.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-atomic-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "slv-atomic-file.h"

static gboolean
io_error (GError     **error,
          int          saved,
          const char  *path)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
               _("Could not write “%s”: %s."), display, g_strerror (saved));
  return FALSE;
}

char *
slv_atomic_file_begin (const char  *path,
                       GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = g_strdup_printf (".%s.XXXXXX", base);
  char *tmp = g_build_filename (dir, name, NULL);
  int fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0644);

  if (fd < 0)
    {
      int saved = errno;

      g_free (tmp);
      io_error (error, saved, path);
      return NULL;
    }
  close (fd);
  return tmp;
}

void
slv_atomic_file_abort (const char *tmp)
{
  if (tmp != NULL)
    g_unlink (tmp);
}

gboolean
slv_atomic_file_commit (const char  *tmp,
                        const char  *path,
                        GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = open (tmp, O_RDONLY | O_CLOEXEC);
  int dir_fd;

  if (fd < 0 || fsync (fd) != 0)
    {
      int saved = errno;

      if (fd >= 0)
        close (fd);
      g_unlink (tmp);
      return io_error (error, saved, path);
    }
  close (fd);
  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;

      g_unlink (tmp);
      return io_error (error, saved, path);
    }
  dir_fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd >= 0)
    {
      fsync (dir_fd);
      close (dir_fd);
    }
  return TRUE;
}

gboolean
slv_atomic_file_write (const char  *path,
                       const char  *data,
                       gsize        length,
                       GError     **error)
{
  return g_file_set_contents_full (path, data, length,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0644, error);
}
