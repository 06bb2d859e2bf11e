/* slv-mention.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-mention"

#include "config.h"

#include <json-glib/json-glib.h>

#include "slv-mention.h"

static gboolean
is_name_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c) || c == '_';
}

static gboolean
is_joiner (gunichar c)
{
  return c == '.' || c == '-' || c == '\'' || c == 0x2019 /* ’ */;
}

static void
clear_mention (gpointer data)
{
  g_free (((SlvMention *) data)->name);
}

/* NFC with runs of white space made one space, trimmed. */
static char *
tidy_name (const char *start,
           gsize       len)
{
  g_autofree char *nfc = g_utf8_normalize (start, len, G_NORMALIZE_NFC);
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = nfc; p && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* "'s" or "’s" closing a word: "@ana's sketch" mentions Ana. */
static gboolean
is_possessive (const char *p)
{
  gunichar c = g_utf8_get_char (p);
  const char *s;

  if (c != '\'' && c != 0x2019)
    return FALSE;
  s = g_utf8_next_char (p);
  if (*s != 's' && *s != 'S')
    return FALSE;
  s++;
  if (is_name_char (g_utf8_get_char (s)))
    return FALSE;
  /* "@ana's.sketch" is one name; "@ana's." is Ana. */
  return !(is_joiner (g_utf8_get_char (s)) && *s != '\0' &&
           is_name_char (g_utf8_get_char (g_utf8_next_char (s))));
}

/* A bare name after the "@" at @p; returns its end or NULL. */
static const char *
scan_bare (const char *p)
{
  const char *end = NULL;
  gboolean has_alnum = FALSE;
  guint n = 0;

  while (*p != '\0' && n < SLV_MENTION_MAX_CHARS)
    {
      gunichar c = g_utf8_get_char (p);

      if (is_name_char (c))
        {
          end = g_utf8_next_char (p);
          has_alnum |= g_unichar_isalnum (c);
        }
      else if (!is_joiner (c) || end == NULL)
        break;
      else if (!is_name_char (g_utf8_get_char (g_utf8_next_char (p))))
        break;
      else if (is_possessive (p))
        break;
      p = g_utf8_next_char (p);
      n++;
    }
  /* "@_" or a lone accent names nobody. */
  return has_alnum ? end : NULL;
}

/* A quoted name: @p is on the opening quote. Sets the inner span. */
static const char *
scan_quoted (const char  *p,
             const char **inner,
             gsize       *inner_len)
{
  gboolean has_alnum = FALSE;
  guint n = 0;

  p = g_utf8_next_char (p);
  *inner = p;
  for (; *p != '\0' && n <= SLV_MENTION_MAX_CHARS; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '"' || c == 0x201D /* ” */)
        {
          *inner_len = p - *inner;
          return has_alnum ? g_utf8_next_char (p) : NULL;
        }
      if (c == '\n' || c == '\r' || c == '@')
        return NULL;
      has_alnum |= g_unichar_isalnum (c);
    }
  return NULL;
}

GArray *
slv_mentions_parse (const char *body)
{
  GArray *out = g_array_new (FALSE, TRUE, sizeof (SlvMention));
  gunichar prev = 0;
  glong chars = 0;

  g_array_set_clear_func (out, clear_mention);
  if (body == NULL || !g_utf8_validate (body, -1, NULL))
    return out;

  for (const char *p = body; *p != '\0'; )
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);
      const char *end = NULL;
      const char *inner = next;
      gsize inner_len = 0;

      if (c == '@' && !is_name_char (prev) && prev != '@')
        {
          gunichar q = g_utf8_get_char (next);

          if (q == '"' || q == 0x201C /* “ */)
            end = scan_quoted (next, &inner, &inner_len);
          else if ((end = scan_bare (next)) != NULL)
            inner_len = end - next;
        }
      if (end != NULL)
        {
          SlvMention m = { p - body, end - body, chars, 0, tidy_name (inner, inner_len) };

          m.char_end = chars + g_utf8_strlen (p, end - p);
          g_array_append_val (out, m);
          chars = m.char_end;
          prev = g_utf8_get_char (g_utf8_prev_char (end));
          p = end;
          continue;
        }
      prev = c;
      chars++;
      p = next;
    }
  return out;
}

/* Case, accents and separators ignored. */
static char *
match_key (const char *name,
           gssize      len)
{
  g_autofree char *nfkd = name ? g_utf8_normalize (name, len, G_NORMALIZE_NFKD) : NULL;
  g_autofree char *folded = NULL;
  GString *out = g_string_new (NULL);

  if (nfkd == NULL)
    return g_string_free (out, FALSE);
  folded = g_utf8_casefold (nfkd, -1);
  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

gboolean
slv_mention_matches_user (const char *mention,
                          const char *user_name)
{
  g_autofree char *key = match_key (mention, -1);
  g_autofree char *full = match_key (user_name, -1);
  g_autofree char *first = NULL;
  const char *p;

  if (*key == '\0' || *full == '\0')
    return FALSE;
  if (g_str_equal (key, full))
    return TRUE;
  /* The first word of the user's name. */
  p = user_name;
  while (*p && g_unichar_isspace (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  {
    const char *w = p;

    while (*p && !g_unichar_isspace (g_utf8_get_char (p)))
      p = g_utf8_next_char (p);
    first = match_key (w, p - w);
  }
  return *first != '\0' && g_str_equal (key, first);
}

gboolean
slv_mentions_include_user (const char * const *mentions,
                           const char         *user_name)
{
  for (guint i = 0; mentions != NULL && mentions[i] != NULL; i++)
    if (slv_mention_matches_user (mentions[i], user_name))
      return TRUE;
  return FALSE;
}

char **
slv_mentions_dup_names (const char *body)
{
  g_autoptr(GArray) found = slv_mentions_parse (body);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *names = g_ptr_array_new ();

  for (guint i = 0; i < found->len; i++)
    {
      SlvMention *m = &g_array_index (found, SlvMention, i);
      char *key = match_key (m->name, -1);

      if (*key == '\0' || !g_hash_table_add (seen, key))
        continue;
      g_ptr_array_add (names, g_strdup (m->name));
    }
  g_ptr_array_add (names, NULL);
  return (char **) g_ptr_array_free (names, FALSE);
}

char *
slv_mentions_to_json (const char * const *names)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (b);
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    json_builder_add_string_value (b, names[i]);
  json_builder_end_array (b);
  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  return json_generator_to_data (gen, NULL);
}

char **
slv_mentions_from_json (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  GPtrArray *names = g_ptr_array_new ();
  JsonNode *root;

  if (json != NULL && json_parser_load_from_data (parser, json, -1, NULL) &&
      (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_ARRAY (root))
    {
      JsonArray *array = json_node_get_array (root);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *n = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING)
            g_ptr_array_add (names, g_strdup (json_node_get_string (n)));
        }
    }
  g_ptr_array_add (names, NULL);
  return (char **) g_ptr_array_free (names, FALSE);
}
