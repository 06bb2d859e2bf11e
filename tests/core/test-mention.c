/* test-mention.c: @mentions in comment bodies.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core/slv-mention.h"

typedef struct
{
  const char *body;
  const char *names[4];   /* expected mention names, in order */
  const char *spans[4];   /* the exact text of each span */
} Case;

static const Case cases[] = {
  { "@ana please check the rib", { "ana" }, { "@ana" } },
  { "Ask @\"Ana Lima\" and @mei.", { "Ana Lima", "mei" }, { "@\"Ana Lima\"", "@mei" } },
  { "cc @“Mei  Chen” — colour?", { "Mei Chen" }, { "@“Mei  Chen”" } },
  { "(@Zoë) looks good", { "Zoë" }, { "@Zoë" } },
  { "@José,@Андрей: ok", { "José", "Андрей" }, { "@José", "@Андрей" } },
  { "@Андрей ok; @李娜 too", { "Андрей", "李娜" }, { "@Андрей", "@李娜" } },
  { "mail ana@northloom.com not a mention", { NULL }, { NULL } },
  { "@ana.lima and @o'neil and @ana's sketch", { "ana.lima", "o'neil", "ana" },
    { "@ana.lima", "@o'neil", "@ana" } },
  { "@-ana @ @\"\" @\"  \" @\"unclosed", { NULL }, { NULL } },
  { "@@ana", { NULL }, { NULL } },
  { "@_ and @__ name nobody", { NULL }, { NULL } },
  { "@rosa_m!", { "rosa_m" }, { "@rosa_m" } },
  { "line one\n@\"Ana\nLima\" no", { NULL }, { NULL } },
  { "end with @ana-", { "ana" }, { "@ana" } },
  { "Ze\xcc\x81 is @Ze\xcc\x81lia", { "Zélia" }, { "@Ze\xcc\x81lia" } },   /* combining accent */
};

static void
test_parse_cases (void)
{
  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(GArray) found = slv_mentions_parse (cases[c].body);
      guint n = 0;

      g_test_message ("body: %s", cases[c].body);
      while (n < G_N_ELEMENTS (cases[c].names) && cases[c].names[n] != NULL)
        n++;
      g_assert_cmpuint (found->len, ==, n);
      for (guint i = 0; i < n; i++)
        {
          SlvMention *m = &g_array_index (found, SlvMention, i);
          g_autofree char *span = g_strndup (cases[c].body + m->start, m->end - m->start);
          g_autofree char *by_chars = g_utf8_substring (cases[c].body, m->char_start, m->char_end);
          g_autofree char *want = g_utf8_normalize (cases[c].names[i], -1, G_NORMALIZE_NFC);

          g_assert_cmpstr (m->name, ==, want);
          g_assert_cmpstr (span, ==, cases[c].spans[i]);
          /* Character offsets mark the same span (for text buffers). */
          g_assert_cmpstr (by_chars, ==, span);
        }
    }
}

static void
test_names_unique (void)
{
  g_auto(GStrv) names = slv_mentions_dup_names ("@Ana and @ana and @\"ANA\" then @Mei, @ana.lima");
  g_auto(GStrv) none = slv_mentions_dup_names (NULL);
  g_auto(GStrv) invalid = slv_mentions_dup_names ("@ana \xff\xfe");

  g_assert_cmpuint (g_strv_length (names), ==, 3);
  g_assert_cmpstr (names[0], ==, "Ana");
  g_assert_cmpstr (names[1], ==, "Mei");
  g_assert_cmpstr (names[2], ==, "ana.lima");
  g_assert_cmpuint (g_strv_length (none), ==, 0);
  g_assert_cmpuint (g_strv_length (invalid), ==, 0);
}

static void
test_matching (void)
{
  static const struct { const char *mention, *user; gboolean match; } m[] = {
    { "Ana Lima", "Ana Lima", TRUE },
    { "ana lima", "Ana Lima", TRUE },
    { "ana.lima", "Ana Lima", TRUE },
    { "AnaLima", "Ana Lima", TRUE },
    { "ana", "Ana Lima", TRUE },          /* first name */
    { "lima", "Ana Lima", FALSE },
    { "an", "Ana Lima", FALSE },
    { "jose", "José Pérez", TRUE },       /* accents ignored */
    { "Zélia", "Ze\xcc\x81lia Costa", TRUE },
    { "андрей", "Андрей Волков", TRUE },
    { "mei", "", FALSE },
    { "", "Mei", FALSE },
    { "ana", NULL, FALSE },
  };
  const char *list[] = { "Mei", "ana.lima", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (m); i++)
    {
      g_test_message ("%s ~ %s", m[i].mention, m[i].user);
      g_assert_cmpint (slv_mention_matches_user (m[i].mention, m[i].user), ==, m[i].match);
    }
  g_assert_true (slv_mentions_include_user (list, "Ana Lima"));
  g_assert_true (slv_mentions_include_user (list, "Mei Chen"));
  g_assert_false (slv_mentions_include_user (list, "Rosa Martín"));
  g_assert_false (slv_mentions_include_user (NULL, "Rosa Martín"));
}

static void
test_json (void)
{
  const char *names[] = { "Ana Lima", "Zoë \"Z\" Ng", "李娜", NULL };
  g_autofree char *json = slv_mentions_to_json (names);
  g_auto(GStrv) back = slv_mentions_from_json (json);
  g_autofree char *empty_json = slv_mentions_to_json (NULL);
  const char *garbage[] = { NULL, "", "{", "{\"a\":1}", "42", "[1, null]" };

  g_assert_true (g_strv_equal ((const char * const *) back, names));
  g_assert_cmpstr (empty_json, ==, "[]");
  for (guint i = 0; i < G_N_ELEMENTS (garbage); i++)
    {
      g_auto(GStrv) none = slv_mentions_from_json (garbage[i]);

      g_assert_nonnull (none);
      g_assert_cmpuint (g_strv_length (none), ==, 0);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/mention/parse", test_parse_cases);
  g_test_add_func ("/core/mention/unique-names", test_names_unique);
  g_test_add_func ("/core/mention/matching", test_matching);
  g_test_add_func ("/core/mention/json", test_json);

  return g_test_run ();
}
