/* slv-gpl.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-gpl"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "slv-gpl.h"

G_DEFINE_QUARK (slv-gpl-error-quark, slv_gpl_error)

static void
clear_entry (gpointer data)
{
  SlvGplEntry *e = data;

  g_clear_pointer (&e->name, g_free);
}

GArray *
slv_gpl_entries_new (void)
{
  GArray *a = g_array_new (FALSE, TRUE, sizeof (SlvGplEntry));

  g_array_set_clear_func (a, clear_entry);
  return a;
}

/* One line of text: control characters (newlines) become spaces. */
static char *
one_line (const char *text)
{
  char *s = g_utf8_make_valid (text, -1);

  for (char *p = s; *p; p++)
    if ((guchar) *p < 0x20 || *p == 0x7f)
      *p = ' ';
  return g_strstrip (s);
}

void
slv_gpl_entries_add (GArray     *entries,
                     guint32     rgb,
                     const char *name)
{
  SlvGplEntry e = { rgb & 0xffffff, name ? one_line (name) : NULL };

  g_return_if_fail (entries != NULL);
  g_array_append_val (entries, e);
}

GBytes *
slv_gpl_write (const char *palette_name,
               GArray     *entries)
{
  g_autofree char *name = one_line (palette_name ? palette_name : "Selvedge");
  GString *s = g_string_new ("GIMP Palette\n");

  g_return_val_if_fail (entries != NULL, NULL);

  g_string_append_printf (s, "Name: %s\n", name);
  g_string_append_printf (s, "Columns: %u\n#\n", MIN (entries->len, 16));
  for (guint i = 0; i < entries->len; i++)
    {
      const SlvGplEntry *e = &g_array_index (entries, SlvGplEntry, i);

      g_string_append_printf (s, "%3u %3u %3u\t%s\n", (e->rgb >> 16) & 0xff, (e->rgb >> 8) & 0xff,
                              e->rgb & 0xff, e->name ? e->name : "");
    }
  return g_string_free_to_bytes (s);
}

gboolean
slv_gpl_save (const char  *path,
              const char  *palette_name,
              GArray      *entries,
              GError     **error)
{
  g_autoptr(GBytes) bytes = slv_gpl_write (palette_name, entries);
  gsize len = 0;
  const char *data = g_bytes_get_data (bytes, &len);

  return g_file_set_contents_full (path, data, len,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0644, error);
}

/* "R G B name": three numbers 0–255, then the rest of the line. */
static gboolean
parse_colour (const char  *line,
              SlvGplEntry *out)
{
  const char *p = line;
  guint v[3];

  for (guint i = 0; i < 3; i++)
    {
      char *end = NULL;
      guint64 n;

      while (*p == ' ' || *p == '\t')
        p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      n = g_ascii_strtoull (p, &end, 10);
      if (n > 255)
        return FALSE;
      v[i] = (guint) n;
      p = end;
    }
  if (*p != '\0' && *p != ' ' && *p != '\t')
    return FALSE;
  out->rgb = (v[0] << 16) | (v[1] << 8) | v[2];
  out->name = *p ? one_line (p) : NULL;
  if (out->name != NULL && *out->name == '\0')
    g_clear_pointer (&out->name, g_free);
  return TRUE;
}

GArray *
slv_gpl_parse (GBytes  *bytes,
               char   **palette_name,
               GError **error)
{
  g_autoptr(GArray) entries = slv_gpl_entries_new ();
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  gsize len = 0;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &len);
  text = g_utf8_make_valid (data ? data : "", len);
  lines = g_strsplit (text, "\n", -1);
  if (lines[0] == NULL || !g_str_has_prefix (g_strstrip (lines[0]), "GIMP Palette"))
    {
      g_set_error (error, SLV_GPL_ERROR, SLV_GPL_ERROR_NOT_A_PALETTE,
                   _("This is not a GIMP palette: it does not start with “GIMP Palette”."));
      return NULL;
    }
  for (guint i = 1; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);
      SlvGplEntry e;

      if (*line == '\0' || *line == '#')
        continue;
      if (g_str_has_prefix (line, "Name:"))
        {
          if (palette_name != NULL && *palette_name == NULL)
            *palette_name = one_line (line + 5);
          continue;
        }
      if (g_str_has_prefix (line, "Columns:"))
        continue;
      if (!parse_colour (line, &e))
        {
          g_set_error (error, SLV_GPL_ERROR, SLV_GPL_ERROR_BAD_LINE,
                       _("Line %u of the palette is not a colour (three numbers 0–255 and a name): “%.40s”."),
                       i + 1, line);
          if (palette_name != NULL)
            g_clear_pointer (palette_name, g_free);
          return NULL;
        }
      g_array_append_val (entries, e);
    }
  return g_steal_pointer (&entries);
}
