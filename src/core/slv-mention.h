/* slv-mention.h: @mentions of people in comment bodies.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A mention is "@name" — letters, digits and marks of any script, with
 * "_" and, inside the name, ".", "-" and apostrophes — or "@"Full Name""
 * (also with typographic quotes “…”) for names with spaces. An "@" right
 * after a letter or digit (an e-mail address) is not a mention.
 *
 * Matching a mention to a person is lenient, as people type names: case,
 * accents and separators are ignored ("@ana.lima", "@AnaLima" and
 * "@"Ana Lima"" all name "Ana Lima"), and a single word also matches the
 * first word of a name ("@ana" names "Ana Lima").
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  gsize  start;        /* byte offset of the "@" */
  gsize  end;          /* byte offset just past the name (and closing quote) */
  glong  char_start;   /* the same in characters, for text buffers */
  glong  char_end;
  char  *name;         /* NFC, inner white space collapsed to one space */
} SlvMention;

#define SLV_MENTION_MAX_CHARS 100

/* The mentions in @body in order, as an array of SlvMention (cleared with
 * the array). Empty for NULL or invalid UTF-8. */
GArray   *slv_mentions_parse         (const char         *body) G_GNUC_WARN_UNUSED_RESULT;
/* The names mentioned in @body, each person once (by the matching key),
 * in order of first mention. Never NULL. */
char    **slv_mentions_dup_names     (const char         *body) G_GNUC_WARN_UNUSED_RESULT;
gboolean  slv_mention_matches_user   (const char         *mention,
                                      const char         *user_name);
gboolean  slv_mentions_include_user  (const char * const *mentions,
                                      const char         *user_name);

/* The comment.mentions column: a JSON array of strings. Parsing never
 * fails: anything but an array of strings reads as no mentions. */
char     *slv_mentions_to_json       (const char * const *names) G_GNUC_WARN_UNUSED_RESULT;
char    **slv_mentions_from_json     (const char         *json) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
