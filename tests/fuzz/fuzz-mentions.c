/* fuzz-mentions.c: any comment body gives well-formed mention spans (in
 * bounds, in order, each starting with "@", byte and character offsets
 * agreeing), and the stored JSON of the names round-trips.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "core/slv-mention.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *body = g_strndup ((const char *) data, size);
  g_autoptr(GArray) found = slv_mentions_parse (body);
  g_auto(GStrv) names = slv_mentions_dup_names (body);
  g_autofree char *json = slv_mentions_to_json ((const char * const *) names);
  g_auto(GStrv) back = slv_mentions_from_json (json);
  gsize len = strlen (body);
  gsize last_end = 0;

  if (!g_strv_equal ((const char * const *) names, (const char * const *) back))
    abort ();
  for (guint i = 0; i < found->len; i++)
    {
      SlvMention *m = &g_array_index (found, SlvMention, i);

      if (m->start < last_end || m->end <= m->start || m->end > len || body[m->start] != '@')
        abort ();
      if (g_utf8_pointer_to_offset (body, body + m->start) != m->char_start ||
          g_utf8_pointer_to_offset (body, body + m->end) != m->char_end)
        abort ();
      if (m->name == NULL || *m->name == '\0' || !g_utf8_validate (m->name, -1, NULL))
        abort ();
      /* Every mention names someone it matches. */
      if (!slv_mention_matches_user (m->name, m->name))
        abort ();
      last_end = m->end;
    }
  if (found->len > 0 && g_strv_length (names) == 0)
    abort ();
  return 0;
}
