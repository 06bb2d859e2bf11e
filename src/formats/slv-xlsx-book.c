/* slv-xlsx-book.c: the workbook around the sheets — relationships, sheet
 * list, date system, number formats and shared strings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-xlsx"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "slv-xlsx-private.h"

#define REL_NS_TRANSITIONAL "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define REL_NS_STRICT "http://purl.oclc.org/ooxml/officeDocument/relationships"

typedef struct
{
  char *type;
  char *target;   /* resolved part name */
} Rel;

static void
rel_free (gpointer data)
{
  Rel *rel = data;

  g_free (rel->type);
  g_free (rel->target);
  g_free (rel);
}

gboolean
slv_xlsx_is_main_ns (const xmlChar *uri)
{
  return uri == NULL ||
         strcmp ((const char *) uri, "http://schemas.openxmlformats.org/spreadsheetml/2006/main") == 0 ||
         strcmp ((const char *) uri, "http://purl.oclc.org/ooxml/spreadsheetml/main") == 0;
}

static char *
attr (xmlTextReaderPtr  reader,
      const char       *name)
{
  xmlChar *value = xmlTextReaderGetAttribute (reader, (const xmlChar *) name);
  char *copy = value ? g_strdup ((const char *) value) : NULL;

  xmlFree (value);
  return copy;
}

static char *
rel_id_attr (xmlTextReaderPtr reader)
{
  xmlChar *value = xmlTextReaderGetAttributeNs (reader, (const xmlChar *) "id",
                                                (const xmlChar *) REL_NS_TRANSITIONAL);
  char *copy;

  if (value == NULL)
    value = xmlTextReaderGetAttributeNs (reader, (const xmlChar *) "id", (const xmlChar *) REL_NS_STRICT);
  copy = value ? g_strdup ((const char *) value) : NULL;
  xmlFree (value);
  return copy;
}

static gboolean
is_element (xmlTextReaderPtr  reader,
            const char       *local)
{
  const xmlChar *name;

  if (xmlTextReaderNodeType (reader) != XML_READER_TYPE_ELEMENT)
    return FALSE;
  name = xmlTextReaderConstLocalName (reader);
  return name != NULL && strcmp ((const char *) name, local) == 0;
}

static gboolean
is_end (xmlTextReaderPtr  reader,
        const char       *local)
{
  const xmlChar *name;

  if (xmlTextReaderNodeType (reader) != XML_READER_TYPE_END_ELEMENT)
    return FALSE;
  name = xmlTextReaderConstLocalName (reader);
  return name != NULL && strcmp ((const char *) name, local) == 0;
}

/* Resolves @target against the folder of @base_part ("xl/workbook.xml"). */
static char *
resolve_target (const char *base_part,
                const char *target)
{
  g_autofree char *folder = NULL;
  g_autofree char *joined = NULL;
  g_auto(GStrv) segments = NULL;
  g_autoptr(GPtrArray) out = g_ptr_array_new ();

  if (*target == '/')
    joined = g_strdup (target + 1);
  else
    {
      const char *slash = base_part ? strrchr (base_part, '/') : NULL;

      folder = slash ? g_strndup (base_part, slash - base_part + 1) : g_strdup ("");
      joined = g_strconcat (folder, target, NULL);
    }
  segments = g_strsplit (joined, "/", -1);
  for (guint i = 0; segments[i] != NULL; i++)
    {
      if (g_str_equal (segments[i], "..") && out->len > 0)
        g_ptr_array_remove_index (out, out->len - 1);
      else if (*segments[i] != '\0' && !g_str_equal (segments[i], ".") && !g_str_equal (segments[i], ".."))
        g_ptr_array_add (out, segments[i]);
    }
  g_ptr_array_add (out, NULL);
  return g_strjoinv ("/", (char **) out->pdata);
}

/* The relationships of @part (from its _rels/NAME.rels), id → Rel. */
static GHashTable *
load_rels (SlvZip      *zip,
           const char  *part,
           GError     **error)
{
  g_autoptr(GHashTable) rels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, rel_free);
  g_autofree char *rels_name = NULL;
  xmlTextReaderPtr reader;
  const char *slash = strrchr (part, '/');
  int rc;

  if (slash == NULL)
    rels_name = g_strconcat ("_rels/", part, ".rels", NULL);
  else
    rels_name = g_strdup_printf ("%.*s/_rels/%s.rels", (int) (slash - part), part, slash + 1);
  if (slv_zip_find (zip, rels_name) == NULL)
    return g_steal_pointer (&rels);

  reader = slv_zip_open_xml (zip, rels_name, error);
  if (reader == NULL)
    return NULL;
  while ((rc = slv_zip_xml_read (zip, reader, error)) == 1)
    {
      g_autofree char *id = NULL, *type = NULL, *target = NULL, *mode = NULL;
      Rel *rel;

      if (!is_element (reader, "Relationship"))
        continue;
      id = attr (reader, "Id");
      type = attr (reader, "Type");
      target = attr (reader, "Target");
      mode = attr (reader, "TargetMode");
      if (id == NULL || type == NULL || target == NULL || g_strcmp0 (mode, "External") == 0)
        continue;
      rel = g_new0 (Rel, 1);
      rel->type = g_steal_pointer (&type);
      rel->target = resolve_target (*part ? part : NULL, target);
      g_hash_table_replace (rels, g_steal_pointer (&id), rel);
    }
  xmlFreeTextReader (reader);
  return rc == 0 ? g_steal_pointer (&rels) : NULL;
}

static const Rel *
find_rel_type (GHashTable *rels,
               const char *suffix)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, rels);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (g_str_has_suffix (((Rel *) value)->type, suffix))
      return value;
  return NULL;
}

static void
sheet_info_free (gpointer data)
{
  SlvXlsxSheetInfo *info = data;

  g_free (info->name);
  g_free (info->part);
  g_free (info->state);
  g_free (info);
}

static gboolean
load_workbook (SlvXlsxBook  *book,
               SlvZip       *zip,
               const char   *part,
               GHashTable   *rels,
               GError      **error)
{
  xmlTextReaderPtr reader = slv_zip_open_xml (zip, part, error);
  int rc;

  if (reader == NULL)
    return FALSE;
  while ((rc = slv_zip_xml_read (zip, reader, error)) == 1)
    {
      if (is_element (reader, "workbookPr"))
        {
          g_autofree char *d = attr (reader, "date1904");

          book->date1904 = d != NULL && (g_str_equal (d, "1") || g_ascii_strcasecmp (d, "true") == 0);
        }
      else if (is_element (reader, "sheet") && book->sheets->len < 10000)
        {
          g_autofree char *id = rel_id_attr (reader);
          const Rel *rel = id ? g_hash_table_lookup (rels, id) : NULL;
          SlvXlsxSheetInfo *info;

          if (rel == NULL)
            continue;
          info = g_new0 (SlvXlsxSheetInfo, 1);
          info->name = attr (reader, "name");
          if (info->name == NULL)
            info->name = g_strdup_printf ("Sheet%u", book->sheets->len + 1);
          info->state = attr (reader, "state");
          if (info->state == NULL)
            info->state = g_strdup ("visible");
          info->part = g_strdup (rel->target);
          info->chart = !g_str_has_suffix (rel->type, "/worksheet");
          g_ptr_array_add (book->sheets, info);
        }
    }
  xmlFreeTextReader (reader);
  return rc == 0;
}

/* -- number formats -- */

static gboolean
bracket_is_elapsed (const char *inner,
                    gsize       len)
{
  if (len == 0)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (g_ascii_tolower (inner[i]) != g_ascii_tolower (inner[0]))
      return FALSE;
  return strchr ("hms", g_ascii_tolower (inner[0])) != NULL;
}

SlvXlsxFormatClass
slv_xlsx_classify_format (guint       id,
                          const char *code)
{
  gboolean date = FALSE, time = FALSE, month = FALSE, elapsed = FALSE;

  if (code == NULL || *code == '\0')
    {
      if (id >= 14 && id <= 17)
        return SLV_XLSX_FORMAT_DATE;
      if (id == 22)
        return SLV_XLSX_FORMAT_DATETIME;
      if ((id >= 18 && id <= 21) || id == 45 || id == 47)
        return SLV_XLSX_FORMAT_TIME;
      if (id == 46)
        return SLV_XLSX_FORMAT_ELAPSED;
      if ((id >= 27 && id <= 36) || (id >= 50 && id <= 58))
        return SLV_XLSX_FORMAT_DATE;
      return SLV_XLSX_FORMAT_PLAIN;
    }
  if (g_ascii_strcasecmp (code, "General") == 0)
    return SLV_XLSX_FORMAT_PLAIN;

  for (const char *p = code; *p && *p != ';'; p++)
    {
      char c = g_ascii_tolower (*p);

      if (*p == '"')
        {
          const char *q = strchr (p + 1, '"');

          if (q == NULL)
            break;
          p = q;
        }
      else if (*p == '\\' || *p == '_' || *p == '*')
        {
          if (p[1] == '\0')
            break;
          p++;
        }
      else if (*p == '[')
        {
          const char *q = strchr (p + 1, ']');

          if (q == NULL)
            break;
          if (bracket_is_elapsed (p + 1, q - p - 1))
            elapsed = TRUE;
          p = q;
        }
      else if (g_ascii_strncasecmp (p, "am/pm", 5) == 0)
        time = TRUE, p += 4;
      else if (g_ascii_strncasecmp (p, "a/p", 3) == 0)
        time = TRUE, p += 2;
      else if (c == 'y' || c == 'd')
        date = TRUE;
      else if (c == 'h' || c == 's')
        time = TRUE;
      else if (c == 'm')
        month = TRUE;
    }
  if (month && !time && !elapsed)
    date = TRUE;
  if (elapsed && !date)
    return SLV_XLSX_FORMAT_ELAPSED;
  if (date && (time || elapsed))
    return SLV_XLSX_FORMAT_DATETIME;
  if (date)
    return SLV_XLSX_FORMAT_DATE;
  if (time)
    return SLV_XLSX_FORMAT_TIME;
  return SLV_XLSX_FORMAT_PLAIN;
}

static gboolean
load_styles (SlvXlsxBook  *book,
             SlvZip       *zip,
             const char   *part,
             GError      **error)
{
  g_autoptr(GHashTable) codes = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (guint));
  xmlTextReaderPtr reader = slv_zip_open_xml (zip, part, error);
  int xfs_depth = -1;
  int rc;

  if (reader == NULL)
    return FALSE;
  while ((rc = slv_zip_xml_read (zip, reader, error)) == 1)
    {
      int depth = xmlTextReaderDepth (reader);

      if (is_element (reader, "numFmt"))
        {
          g_autofree char *id = attr (reader, "numFmtId");
          char *code = attr (reader, "formatCode");

          if (id != NULL && code != NULL)
            g_hash_table_replace (codes, GUINT_TO_POINTER ((guint) g_ascii_strtoull (id, NULL, 10)), code);
          else
            g_free (code);
        }
      else if (is_element (reader, "cellXfs") && !xmlTextReaderIsEmptyElement (reader))
        xfs_depth = depth;
      else if (is_end (reader, "cellXfs"))
        xfs_depth = -1;
      else if (xfs_depth >= 0 && depth == xfs_depth + 1 && is_element (reader, "xf") && ids->len < 100000)
        {
          g_autofree char *id = attr (reader, "numFmtId");
          guint value = id ? (guint) g_ascii_strtoull (id, NULL, 10) : 0;

          g_array_append_val (ids, value);
        }
    }
  xmlFreeTextReader (reader);
  if (rc != 0)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      guint id = g_array_index (ids, guint, i);
      guint8 klass = slv_xlsx_classify_format (id, g_hash_table_lookup (codes, GUINT_TO_POINTER (id)));

      g_array_append_val (book->xf_classes, klass);
    }
  return TRUE;
}

/* -- text -- */

static int
hex4 (const char *p)
{
  int v = 0;

  for (int i = 0; i < 4; i++)
    {
      int d = g_ascii_xdigit_value (p[i]);

      if (d < 0)
        return -1;
      v = v * 16 + d;
    }
  return v;
}

void
slv_xlsx_decode_escapes (GString *s)
{
  g_autoptr(GString) out = NULL;
  gsize i = 0;

  if (strstr (s->str, "_x") == NULL)
    return;
  out = g_string_sized_new (s->len);
  while (i < s->len)
    {
      int u;

      if (s->str[i] == '_' && i + 6 < s->len && s->str[i + 1] == 'x' &&
          s->str[i + 6] == '_' && (u = hex4 (s->str + i + 2)) >= 0)
        {
          gunichar c = u;

          i += 7;
          if (u >= 0xd800 && u <= 0xdbff && i + 6 < s->len && s->str[i] == '_' && s->str[i + 1] == 'x' &&
              s->str[i + 6] == '_')
            {
              int low = hex4 (s->str + i + 2);

              if (low >= 0xdc00 && low <= 0xdfff)
                {
                  c = 0x10000 + ((u - 0xd800) << 10) + (low - 0xdc00);
                  i += 7;
                }
            }
          if ((c >= 0xd800 && c <= 0xdfff) || c == 0)
            c = 0xfffd;
          g_string_append_unichar (out, c);
          continue;
        }
      g_string_append_c (out, s->str[i++]);
    }
  g_string_assign (s, out->str);
}

int
slv_xlsx_read_text (SlvZip            *zip,
                    xmlTextReaderPtr   reader,
                    GString           *out,
                    GError           **error)
{
  int depth = xmlTextReaderDepth (reader);
  int rc;

  if (xmlTextReaderIsEmptyElement (reader))
    return 1;
  while ((rc = slv_zip_xml_read (zip, reader, error)) == 1)
    {
      int type = xmlTextReaderNodeType (reader);

      if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
          type == XML_READER_TYPE_WHITESPACE || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE)
        {
          const xmlChar *value = xmlTextReaderConstValue (reader);

          if (value != NULL)
            g_string_append (out, (const char *) value);
        }
      else if (type == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth (reader) == depth)
        return 1;
    }
  if (rc == 0)
    g_set_error (error, SLV_READ_ERROR, SLV_READ_ERROR_SYNTAX,
                 _("A part of the workbook ends in the middle of a value."));
  return -1;
}

static gboolean
load_shared_strings (SlvXlsxBook  *book,
                     SlvZip       *zip,
                     const char   *part,
                     GError      **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  xmlTextReaderPtr reader = slv_zip_open_xml (zip, part, error);
  gboolean in_si = FALSE;
  int phonetic_depth = -1;
  int rc;

  if (reader == NULL)
    return FALSE;
  while ((rc = slv_zip_xml_read (zip, reader, error)) == 1)
    {
      if (is_element (reader, "si"))
        {
          g_string_truncate (text, 0);
          in_si = !xmlTextReaderIsEmptyElement (reader);
          if (!in_si)
            g_ptr_array_add (book->strings, g_string_chunk_insert (book->chunk, ""));
        }
      else if (is_end (reader, "si") && in_si)
        {
          slv_xlsx_decode_escapes (text);
          g_ptr_array_add (book->strings, g_string_chunk_insert_len (book->chunk, text->str, text->len));
          in_si = FALSE;
        }
      else if (is_element (reader, "rPh") && !xmlTextReaderIsEmptyElement (reader))
        phonetic_depth = xmlTextReaderDepth (reader);
      else if (is_end (reader, "rPh") && xmlTextReaderDepth (reader) == phonetic_depth)
        phonetic_depth = -1;
      else if (in_si && phonetic_depth < 0 && is_element (reader, "t"))
        {
          if (slv_xlsx_read_text (zip, reader, text, error) < 0)
            {
              rc = -1;
              break;
            }
        }
    }
  xmlFreeTextReader (reader);
  return rc == 0;
}

gboolean
slv_xlsx_parse_ref (const char *ref,
                    guint      *col,
                    guint      *row)
{
  guint c = 0, r = 0, letters = 0, digits = 0;
  const char *p = ref;

  for (; g_ascii_isalpha (*p) && letters < 3; p++, letters++)
    c = c * 26 + (g_ascii_toupper (*p) - 'A' + 1);
  for (; g_ascii_isdigit (*p) && digits < 7; p++, digits++)
    r = r * 10 + (*p - '0');
  if (letters == 0 || digits == 0 || *p != '\0' || c > 16384 || r < 1 || r > 1048576)
    return FALSE;
  *col = c - 1;
  *row = r;
  return TRUE;
}

void
slv_xlsx_book_clear (SlvXlsxBook *book)
{
  g_clear_pointer (&book->sheets, g_ptr_array_unref);
  g_clear_pointer (&book->xf_classes, g_array_unref);
  g_clear_pointer (&book->strings, g_ptr_array_unref);
  if (book->chunk != NULL)
    g_string_chunk_free (book->chunk);
  book->chunk = NULL;
}

gboolean
slv_xlsx_book_load (SlvXlsxBook  *book,
                    SlvZip       *zip,
                    GError      **error)
{
  g_autoptr(GHashTable) root = NULL;
  g_autoptr(GHashTable) rels = NULL;
  const Rel *rel;
  const char *workbook = "xl/workbook.xml";

  book->sheets = g_ptr_array_new_with_free_func (sheet_info_free);
  book->xf_classes = g_array_new (FALSE, FALSE, sizeof (guint8));
  book->chunk = g_string_chunk_new (64 * 1024);
  book->strings = g_ptr_array_new ();

  root = load_rels (zip, "", error);
  if (root == NULL)
    return FALSE;
  rel = find_rel_type (root, "/officeDocument");
  if (rel != NULL)
    workbook = rel->target;
  if (slv_zip_find (zip, workbook) == NULL)
    {
      g_set_error (error, SLV_READ_ERROR, SLV_READ_ERROR_NOT_SUPPORTED,
                   _("The file is a ZIP archive but not an Excel workbook (it has no workbook part)."));
      return FALSE;
    }
  rels = load_rels (zip, workbook, error);
  if (rels == NULL || !load_workbook (book, zip, workbook, rels, error))
    return FALSE;
  rel = find_rel_type (rels, "/styles");
  if (rel != NULL && slv_zip_find (zip, rel->target) && !load_styles (book, zip, rel->target, error))
    return FALSE;
  rel = find_rel_type (rels, "/sharedStrings");
  if (rel != NULL && slv_zip_find (zip, rel->target) &&
      !load_shared_strings (book, zip, rel->target, error))
    return FALSE;
  return TRUE;
}
