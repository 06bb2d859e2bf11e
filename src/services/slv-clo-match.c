/* slv-clo-match.c: how sure Selvedge is that two things are the same.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fabric keys from the pattern (FABRIC, RIB, INTERLINING…) against a
 * style's BOM lines, and BOM CSV lines against the material master. The
 * scores are fixed steps, so a user can read why: same code 1.0; same
 * code but for leading zeros 0.95; same name 0.9; a fabric word in the
 * placement 0.9 or in the material 0.85; the first fabric line for the
 * main fabric 0.7; shared words 0.4 + 0.5 × (shared ÷ all).
 */
#define G_LOG_DOMAIN "slv-clo-plan"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "slv-clo-plan-private.h"

static const char * const main_words[] = { "FABRIC", "SELF", "SHELL", "MAIN", NULL };
static const char * const main_placements[] = { "body", "main", "shell", "self", "front", NULL };

static gboolean
in_list (const char         *word,
         const char * const *list)
{
  for (guint i = 0; list[i] != NULL; i++)
    if (g_ascii_strcasecmp (word, list[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
contains (const char *haystack,
          const char *needle)
{
  g_autofree char *h = NULL;
  g_autofree char *n = NULL;

  if (haystack == NULL || needle == NULL || *needle == '\0')
    return FALSE;
  h = g_utf8_casefold (haystack, -1);
  n = g_utf8_casefold (needle, -1);
  return strstr (h, n) != NULL;
}

/* Words Selvedge also accepts for a fabric key. */
static const char *
synonym (const char *word)
{
  if (g_ascii_strcasecmp (word, "INTERLINING") == 0)
    return "fusible";
  if (g_ascii_strcasecmp (word, "RIB") == 0)
    return "1x1";
  return NULL;
}

double
slv_clo_match_fabric (const char  *fabric,
                      GHashTable  *line,
                      gboolean     first_fabric,
                      char       **reason)
{
  g_auto(GStrv) words = g_strsplit (fabric, " ", 2);
  const char *placement = g_hash_table_lookup (line, "placement");
  const char *name = g_hash_table_lookup (line, "material_name");
  const char *construction = g_hash_table_lookup (line, "construction");
  const char *kind = g_hash_table_lookup (line, "material_kind");
  const char *unit = g_hash_table_lookup (line, "unit");
  const char *word = words[0] ? words[0] : fabric;
  gboolean is_fabric = g_strcmp0 (kind, "fabric") == 0;

  *reason = NULL;
  if (unit != NULL && (g_ascii_strcasecmp (unit, "PC") == 0 || g_ascii_strcasecmp (unit, "PCS") == 0))
    return 0;
  if (in_list (word, main_words))
    {
      if (is_fabric && placement != NULL && in_list (placement, main_placements))
        {
          *reason = g_strdup_printf (_("main fabric: placement “%s”"), placement);
          return 0.9;
        }
      if (is_fabric && first_fabric)
        {
          *reason = g_strdup (_("main fabric: the first fabric line"));
          return 0.7;
        }
      return 0;
    }
  if (contains (placement, word))
    {
      *reason = g_strdup_printf (_("“%s” in the placement “%s”"), word, placement);
      return 0.9;
    }
  if (contains (name, word) || contains (construction, word))
    {
      *reason = g_strdup_printf (_("“%s” in the material “%s”"), word, name);
      return 0.85;
    }
  if (synonym (word) && (contains (name, synonym (word)) || contains (construction, synonym (word))))
    {
      *reason = g_strdup_printf (_("“%s” (as “%s”) in the material “%s”"), word, synonym (word), name);
      return 0.75;
    }
  return 0;
}

static GPtrArray *
tokens (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text ? text : "", -1);
  g_auto(GStrv) parts = g_regex_split_simple ("[^[:alnum:]]+", folded, 0, 0);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; parts[i] != NULL; i++)
    if (strlen (parts[i]) >= 2 && !g_ptr_array_find_with_equal_func (out, parts[i], g_str_equal, NULL))
      g_ptr_array_add (out, g_strdup (parts[i]));
  return out;
}

static double
jaccard (const char *a,
         const char *b)
{
  g_autoptr(GPtrArray) ta = tokens (a);
  g_autoptr(GPtrArray) tb = tokens (b);
  guint shared = 0;

  for (guint i = 0; i < ta->len; i++)
    shared += g_ptr_array_find_with_equal_func (tb, g_ptr_array_index (ta, i), g_str_equal, NULL);
  if (ta->len + tb->len == shared)
    return 0;
  return (double) shared / (ta->len + tb->len - shared);
}

static const char *
skip_zeros (const char *code)
{
  while (*code == '0' && code[1] != '\0')
    code++;
  return code;
}

double
slv_clo_match_material (const char   *code,
                        const char   *name,
                        SlvMaterial  *material,
                        char        **reason)
{
  const char *mcode = slv_material_get_code (material);
  const char *mname = slv_material_get_name (material);
  double j;

  *reason = NULL;
  if (code != NULL && mcode != NULL)
    {
      if (g_ascii_strcasecmp (code, mcode) == 0)
        {
          *reason = g_strdup_printf (_("same code %s"), mcode);
          return 1.0;
        }
      if (g_ascii_strcasecmp (skip_zeros (code), skip_zeros (mcode)) == 0)
        {
          *reason = g_strdup_printf (_("code %s is %s without leading zeros"), code, mcode);
          return 0.95;
        }
    }
  if (name != NULL && mname != NULL)
    {
      g_autofree char *a = g_utf8_casefold (name, -1);
      g_autofree char *b = g_utf8_casefold (mname, -1);

      if (g_str_equal (g_strstrip (a), g_strstrip (b)))
        {
          *reason = g_strdup_printf (_("same name “%s”"), mname);
          return 0.9;
        }
      j = jaccard (name, mname);
      if (j >= 0.25)
        {
          *reason = g_strdup_printf (_("%.0f %% of the words of “%s” are shared"), 100 * j, mname);
          return 0.4 + 0.5 * j;
        }
    }
  return 0;
}
