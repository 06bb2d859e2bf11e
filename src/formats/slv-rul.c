/* slv-rul.c: grade-rule tables.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-rul"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "slv-rul.h"

#define MAX_SIZE (16 * 1024 * 1024)
#define MAX_SIZES 200
#define MAX_RULES 100000

struct _SlvGradeRules
{
  char       *table;
  char       *sample;
  GPtrArray  *sizes;     /* char * */
  GHashTable *rules;     /* GINT_TO_POINTER (n) → SlvPoint[n_sizes] */
  double      mm_per_unit;
};

G_DEFINE_QUARK (slv-rul-error-quark, slv_rul_error)

void
slv_grade_rules_free (SlvGradeRules *self)
{
  if (self == NULL)
    return;
  g_free (self->table);
  g_free (self->sample);
  g_ptr_array_unref (self->sizes);
  g_hash_table_unref (self->rules);
  g_free (self);
}

static gboolean
key_value (const char  *line,
           const char  *key,
           const char **value)
{
  gsize n = strlen (key);

  if (g_ascii_strncasecmp (line, key, n) != 0)
    return FALSE;
  *value = line + n;
  while (**value == ' ' || **value == '\t')
    (*value)++;
  return TRUE;
}

/* Appends the numbers of @text ("1.0, -2.5  3, 4") to @values. */
static gboolean
add_numbers (const char  *text,
             GArray      *values,
             guint        line,
             GError     **error)
{
  g_auto(GStrv) tokens = g_strsplit_set (text, " \t,", -1);

  for (guint i = 0; tokens[i] != NULL; i++)
    {
      char *end = NULL;
      double v;

      if (*tokens[i] == '\0')
        continue;
      v = g_ascii_strtod (tokens[i], &end);
      if (end == tokens[i] || *end != '\0' || !isfinite (v) || fabs (v) > 1e6)
        {
          g_autofree char *shown = g_utf8_make_valid (tokens[i], MIN (strlen (tokens[i]), 30));

          g_set_error (error, SLV_RUL_ERROR, SLV_RUL_ERROR_SYNTAX,
                       _("Line %u: “%s” is not a grade delta."), line, shown);
          return FALSE;
        }
      g_array_append_val (values, v);
    }
  return TRUE;
}

static gboolean
finish_rule (SlvGradeRules  *self,
             int             rule,
             GArray         *values,
             guint           line,
             GError        **error)
{
  SlvPoint *deltas;

  if (rule < 0)
    return TRUE;
  if (values->len != 2 * self->sizes->len)
    {
      g_set_error (error, SLV_RUL_ERROR, SLV_RUL_ERROR_SYNTAX,
                   _("Rule %d (before line %u) has %u values; %u were expected, two per size."),
                   rule, line, values->len, 2 * self->sizes->len);
      return FALSE;
    }
  if (g_hash_table_size (self->rules) >= MAX_RULES)
    {
      g_set_error (error, SLV_RUL_ERROR, SLV_RUL_ERROR_TOO_LARGE,
                   _("The table has more than %d rules."), MAX_RULES);
      return FALSE;
    }
  deltas = g_new (SlvPoint, self->sizes->len);
  for (guint i = 0; i < self->sizes->len; i++)
    {
      deltas[i].x = g_array_index (values, double, 2 * i) * self->mm_per_unit;
      deltas[i].y = g_array_index (values, double, 2 * i + 1) * self->mm_per_unit;
    }
  g_hash_table_replace (self->rules, GINT_TO_POINTER (rule), deltas);
  g_array_set_size (values, 0);
  return TRUE;
}

static gboolean
parse_line (SlvGradeRules  *self,
            char           *line,
            guint           number,
            int            *rule,
            GArray         *values,
            GError        **error)
{
  const char *v;

  g_strstrip (line);
  if (key_value (line, "UNITS:", &v))
    self->mm_per_unit = g_ascii_strncasecmp (v, "ENGLISH", 7) == 0 ? 25.4 : 1;
  else if (key_value (line, "GRADE RULE TABLE:", &v))
    g_free (self->table), self->table = g_strdup (v);
  else if (key_value (line, "SAMPLE SIZE:", &v))
    g_free (self->sample), self->sample = g_strdup (v);
  else if (key_value (line, "SIZE LIST:", &v))
    {
      g_auto(GStrv) sizes = g_strsplit_set (v, " \t", -1);

      /* Each rule holds one delta per size: the list cannot change under them. */
      if (*rule >= 0 || g_hash_table_size (self->rules) > 0)
        {
          g_set_error (error, SLV_RUL_ERROR, SLV_RUL_ERROR_SYNTAX,
                       _("Line %u: a second SIZE LIST after the rules; a grade-rule table has one."), number);
          return FALSE;
        }
      g_ptr_array_set_size (self->sizes, 0);
      for (guint i = 0; sizes[i] != NULL && self->sizes->len <= MAX_SIZES; i++)
        if (*sizes[i] != '\0')
          g_ptr_array_add (self->sizes, g_strdup (sizes[i]));
    }
  else if (key_value (line, "RULE:", &v))
    {
      char *end = NULL;
      long n;

      if (!finish_rule (self, *rule, values, number, error))
        return FALSE;
      if (self->sizes->len == 0)
        {
          g_set_error (error, SLV_RUL_ERROR, SLV_RUL_ERROR_NO_SIZES,
                       _("Line %u: a rule comes before the SIZE LIST."), number);
          return FALSE;
        }
      if (g_ascii_strncasecmp (v, "DELTA", 5) == 0)
        v += 5;
      n = strtol (v, &end, 10);
      if (end == v || n < 0 || n > G_MAXINT)
        {
          g_set_error (error, SLV_RUL_ERROR, SLV_RUL_ERROR_SYNTAX,
                       _("Line %u: a rule without a number."), number);
          return FALSE;
        }
      *rule = (int) n;
      return add_numbers (end, values, number, error);
    }
  else if (g_ascii_strcasecmp (line, "END") == 0)
    {
      if (!finish_rule (self, *rule, values, number, error))
        return FALSE;
      *rule = -1;
    }
  else if (*rule >= 0)
    return add_numbers (line, values, number, error);
  return TRUE;
}

SlvGradeRules *
slv_rul_read_bytes (GBytes      *data,
                    const char  *source,
                    GError     **error)
{
  g_autoptr(SlvGradeRules) self = g_new0 (SlvGradeRules, 1);
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  gsize len = 0;
  const char *bytes = g_bytes_get_data (data, &len);
  int rule = -1;

  self->sizes = g_ptr_array_new_with_free_func (g_free);
  self->rules = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->mm_per_unit = 1;
  if (len > MAX_SIZE)
    {
      g_set_error (error, SLV_RUL_ERROR, SLV_RUL_ERROR_TOO_LARGE,
                   _("“%s” is too large for a grade-rule table."), source ? source : "");
      return NULL;
    }
  text = g_utf8_make_valid (bytes ? bytes : "", len);
  lines = g_strsplit_set (text, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (!parse_line (self, lines[i], i + 1, &rule, values, error))
      return NULL;
  if (!finish_rule (self, rule, values, g_strv_length (lines), error))
    return NULL;
  if (self->sizes->len == 0)
    {
      g_set_error (error, SLV_RUL_ERROR, SLV_RUL_ERROR_NO_SIZES,
                   _("“%s” has no SIZE LIST; it is not a grade-rule table."), source ? source : "");
      return NULL;
    }
  return g_steal_pointer (&self);
}

SlvGradeRules *
slv_rul_read_file (const char  *path,
                   GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = g_file_load_bytes (file, NULL, NULL, error);
  g_autofree char *base = g_path_get_basename (path);

  if (bytes == NULL)
    return NULL;
  return slv_rul_read_bytes (bytes, base, error);
}

const char *
slv_grade_rules_get_table_name (SlvGradeRules *self)
{
  return self->table;
}

const char *
slv_grade_rules_get_sample_size (SlvGradeRules *self)
{
  return self->sample;
}

GPtrArray *
slv_grade_rules_get_sizes (SlvGradeRules *self)
{
  return self->sizes;
}

guint
slv_grade_rules_get_n_rules (SlvGradeRules *self)
{
  return g_hash_table_size (self->rules);
}

gboolean
slv_grade_rules_get_delta (SlvGradeRules *self,
                           int            rule,
                           const char    *size,
                           SlvPoint      *out)
{
  SlvPoint *deltas = g_hash_table_lookup (self->rules, GINT_TO_POINTER (rule));
  guint index;

  if (deltas == NULL || size == NULL ||
      !g_ptr_array_find_with_equal_func (self->sizes, size, g_str_equal, &index))
    return FALSE;
  *out = deltas[index];
  return TRUE;
}

gboolean
slv_grade_rules_grade_point (SlvGradeRules *self,
                             int            rule,
                             const char    *size,
                             SlvPoint       base,
                             SlvPoint      *out)
{
  SlvPoint d, d0 = { 0, 0 };

  if (!slv_grade_rules_get_delta (self, rule, size, &d))
    return FALSE;
  if (self->sample != NULL)
    slv_grade_rules_get_delta (self, rule, self->sample, &d0);
  out->x = base.x + d.x - d0.x;
  out->y = base.y + d.y - d0.y;
  return TRUE;
}
