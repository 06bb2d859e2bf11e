/* fuzz-gpl.c: GIMP palettes: read anything, and what is read writes back
 * and reads again the same.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "formats/slv-gpl.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

/* abort(), not g_error(): libFuzzer saves the input on SIGABRT. */
#define fail(...) G_STMT_START { fprintf (stderr, __VA_ARGS__); fputc ('\n', stderr); abort (); } G_STMT_END

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autofree char *name = NULL;
  g_autoptr(GArray) entries = slv_gpl_parse (bytes, &name, NULL);
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GArray) back = NULL;

  if (entries == NULL)
    return 0;
  written = slv_gpl_write (name, entries);
  back = slv_gpl_parse (written, NULL, NULL);
  if (back == NULL || back->len != entries->len)
    fail ("a palette did not survive writing");
  for (guint i = 0; i < back->len; i++)
    {
      SlvGplEntry *x = &g_array_index (entries, SlvGplEntry, i), *y = &g_array_index (back, SlvGplEntry, i);

      if (x->rgb != y->rgb || g_strcmp0 (x->name, y->name) != 0)
        fail ("entry %u changed on the way", i);
    }
  return 0;
}
