/* slv-xlsx-zip.c: the ZIP container of a workbook, read through libarchive.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The central directory is read first (the seekable ZIP reader), so a
 * truncated file is refused before anything is unpacked. Every byte
 * unpacked counts against a total limit and a ratio to the file's size.
 */
#define G_LOG_DOMAIN "slv-xlsx"

#include "config.h"

#include <inttypes.h>

#include <archive.h>
#include <archive_entry.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "slv-xlsx-private.h"

#define RATIO_ALLOWANCE (16 * 1024 * 1024)   /* bytes unpacked before the ratio counts */

struct _SlvZip
{
  char           *path;
  GBytes         *bytes;
  guint64         archive_size;
  guint64         max_unpacked;
  guint           max_ratio;
  GPtrArray      *names;
  struct archive *current;
  char           *entry;
  guint64         entry_size;
  guint64         entry_read;
  guint64         unpacked;
  GError         *error;       /* from the read callback */
  char           *xml_error;   /* first XML error of the open entry */
  int             xml_line;
};

static GError *
damaged (SlvZip     *zip,
         const char *detail)
{
  return g_error_new (SLV_READ_ERROR, SLV_READ_ERROR_DAMAGED,
                      _("The workbook is damaged or not a complete XLSX file (%s)."),
                      detail && *detail ? detail : _("unreadable ZIP archive"));
}

static struct archive *
open_archive (SlvZip  *zip,
              GError **error)
{
  struct archive *a = archive_read_new ();
  int rc;

  archive_read_support_format_zip_seekable (a);
  if (zip->path != NULL)
    rc = archive_read_open_filename (a, zip->path, 64 * 1024);
  else
    rc = archive_read_open_memory (a, g_bytes_get_data (zip->bytes, NULL), g_bytes_get_size (zip->bytes));
  if (rc != ARCHIVE_OK)
    {
      g_propagate_error (error, damaged (zip, archive_error_string (a)));
      archive_read_free (a);
      return NULL;
    }
  return a;
}

static const char *
entry_name (struct archive_entry *entry)
{
  const char *name = archive_entry_pathname_utf8 (entry);

  if (name == NULL)
    name = archive_entry_pathname (entry);
  if (name != NULL && *name == '/')
    name++;
  return name;
}

void
slv_zip_free (SlvZip *zip)
{
  if (zip == NULL)
    return;
  if (zip->current != NULL)
    archive_read_free (zip->current);
  g_free (zip->path);
  g_clear_pointer (&zip->bytes, g_bytes_unref);
  g_ptr_array_unref (zip->names);
  g_free (zip->entry);
  g_clear_error (&zip->error);
  g_free (zip->xml_error);
  g_free (zip);
}

SlvZip *
slv_zip_open (const char  *path,
              GBytes      *bytes,
              guint64      max_unpacked,
              guint        max_ratio,
              GError     **error)
{
  SlvZip *zip = g_new0 (SlvZip, 1);
  struct archive *a;
  struct archive_entry *entry;
  int rc;

  zip->path = g_strdup (path);
  zip->bytes = bytes ? g_bytes_ref (bytes) : NULL;
  zip->max_unpacked = max_unpacked;
  zip->max_ratio = max_ratio;
  zip->names = g_ptr_array_new_with_free_func (g_free);
  if (path != NULL)
    {
      GStatBuf st;

      if (g_stat (path, &st) != 0)
        {
          g_set_error (error, SLV_READ_ERROR, SLV_READ_ERROR_IO, _("Could not open “%s”."), path);
          slv_zip_free (zip);
          return NULL;
        }
      zip->archive_size = st.st_size;
    }
  else
    zip->archive_size = g_bytes_get_size (bytes);

  a = open_archive (zip, error);
  if (a == NULL)
    {
      slv_zip_free (zip);
      return NULL;
    }
  while ((rc = archive_read_next_header (a, &entry)) == ARCHIVE_OK)
    {
      const char *name = entry_name (entry);

      if (name != NULL && zip->names->len < 100000)
        g_ptr_array_add (zip->names, g_strdup (name));
    }
  if (rc != ARCHIVE_EOF)
    {
      g_propagate_error (error, damaged (zip, archive_error_string (a)));
      archive_read_free (a);
      slv_zip_free (zip);
      return NULL;
    }
  archive_read_free (a);
  return zip;
}

const char *
slv_zip_find (SlvZip     *zip,
              const char *name)
{
  if (name == NULL)
    return NULL;
  if (*name == '/')
    name++;
  for (guint i = 0; i < zip->names->len; i++)
    if (g_ascii_strcasecmp (g_ptr_array_index (zip->names, i), name) == 0)
      return g_ptr_array_index (zip->names, i);
  return NULL;
}

static int
read_cb (void *context,
         char *buffer,
         int   len)
{
  SlvZip *zip = context;
  la_ssize_t n;

  if (zip->error != NULL || zip->current == NULL)
    return -1;
  n = archive_read_data (zip->current, buffer, len);
  if (n < 0)
    {
      zip->error = damaged (zip, archive_error_string (zip->current));
      return -1;
    }
  zip->entry_read += n;
  zip->unpacked += n;
  if (zip->unpacked > zip->max_unpacked)
    {
      zip->error = g_error_new (SLV_READ_ERROR, SLV_READ_ERROR_TOO_LARGE,
                                _("The workbook unpacks to more than %" PRIu64 " MB, which is "
                                  "more than Selvedge reads from one file (or it is a ZIP bomb)."),
                                zip->max_unpacked / (1024 * 1024));
      return -1;
    }
  if (zip->unpacked > RATIO_ALLOWANCE && zip->unpacked / MAX (zip->archive_size, 1) > zip->max_ratio)
    {
      zip->error = g_error_new (SLV_READ_ERROR, SLV_READ_ERROR_TOO_LARGE,
                                _("The workbook unpacks to more than %u times its size on disk, which "
                                  "spreadsheets never do: it looks like a ZIP bomb and was not read."),
                                zip->max_ratio);
      return -1;
    }
  return (int) n;
}

static int
close_cb (void *context)
{
  return 0;
}

static void
xml_error_cb (void        *context,
              xmlErrorPtr  err)
{
  SlvZip *zip = context;

  if (zip->xml_error != NULL || err == NULL || err->level < XML_ERR_ERROR)
    return;
  zip->xml_error = g_strstrip (g_strdup (err->message ? err->message : "?"));
  zip->xml_line = err->line;
}

xmlTextReaderPtr
slv_zip_open_xml (SlvZip      *zip,
                  const char  *name,
                  GError     **error)
{
  static gsize xml_ready = 0;
  const char *stored = slv_zip_find (zip, name);
  struct archive_entry *entry;
  xmlTextReaderPtr reader;
  int rc;

  if (g_once_init_enter (&xml_ready))
    {
      xmlInitParser ();
      g_once_init_leave (&xml_ready, 1);
    }
  if (stored == NULL)
    {
      g_set_error (error, SLV_READ_ERROR, SLV_READ_ERROR_DAMAGED,
                   _("The workbook has no part “%s”; it is damaged or not an XLSX file."), name);
      return NULL;
    }
  if (zip->current != NULL)
    archive_read_free (zip->current);
  zip->current = open_archive (zip, error);
  if (zip->current == NULL)
    return NULL;
  while ((rc = archive_read_next_header (zip->current, &entry)) == ARCHIVE_OK)
    if (g_strcmp0 (entry_name (entry), stored) == 0)
      break;
  if (rc != ARCHIVE_OK)
    {
      g_propagate_error (error, damaged (zip, archive_error_string (zip->current)));
      return NULL;
    }
  if (archive_entry_is_encrypted (entry))
    {
      g_set_error (error, SLV_READ_ERROR, SLV_READ_ERROR_NOT_SUPPORTED,
                   _("The workbook is encrypted. Save it without a password and import it again."));
      return NULL;
    }
  zip->entry_size = archive_entry_size_is_set (entry) ? (guint64) archive_entry_size (entry) : 0;
  if (zip->entry_size > zip->max_unpacked)
    {
      g_set_error (error, SLV_READ_ERROR, SLV_READ_ERROR_TOO_LARGE,
                   _("The part “%s” of the workbook unpacks to %" PRIu64 " MB, more than "
                     "Selvedge reads from one file."), stored, zip->entry_size / (1024 * 1024));
      return NULL;
    }
  zip->entry_read = 0;
  g_free (zip->entry);
  zip->entry = g_strdup (stored);
  g_clear_error (&zip->error);
  g_clear_pointer (&zip->xml_error, g_free);

  reader = xmlReaderForIO (read_cb, close_cb, zip, stored, NULL,
                           XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_COMPACT);
  if (reader == NULL)
    {
      g_set_error (error, SLV_READ_ERROR, SLV_READ_ERROR_DAMAGED,
                   _("The part “%s” of the workbook could not be read."), stored);
      return NULL;
    }
  xmlTextReaderSetStructuredErrorHandler (reader, xml_error_cb, zip);
  return reader;
}

int
slv_zip_xml_read (SlvZip            *zip,
                  xmlTextReaderPtr   reader,
                  GError           **error)
{
  int rc = xmlTextReaderRead (reader);

  if (rc == 1 && xmlTextReaderNodeType (reader) == XML_READER_TYPE_DOCUMENT_TYPE)
    {
      g_set_error (error, SLV_READ_ERROR, SLV_READ_ERROR_SYNTAX,
                   _("The part “%s” of the workbook declares a document type, which workbooks "
                     "never do; it was not read."), zip->entry);
      return -1;
    }
  if (rc == 1 && xmlTextReaderNodeType (reader) == XML_READER_TYPE_ENTITY_REFERENCE)
    {
      g_set_error (error, SLV_READ_ERROR, SLV_READ_ERROR_SYNTAX,
                   _("The part “%s” of the workbook uses an undeclared entity."), zip->entry);
      return -1;
    }
  if (rc >= 0)
    return rc;
  if (zip->error != NULL)
    g_propagate_error (error, g_steal_pointer (&zip->error));
  else
    g_set_error (error, SLV_READ_ERROR, SLV_READ_ERROR_SYNTAX,
                 _("The part “%s” of the workbook is not well-formed XML (line %d: %s)."),
                 zip->entry, zip->xml_line, zip->xml_error ? zip->xml_error : _("unexpected end"));
  return -1;
}

double
slv_zip_get_fraction (SlvZip *zip)
{
  if (zip->entry_size == 0)
    return 0.0;
  return MIN (1.0, (double) zip->entry_read / (double) zip->entry_size);
}
