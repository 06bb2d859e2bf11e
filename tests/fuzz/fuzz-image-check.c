/* fuzz-image-check.c: the completeness walkers for PNG, JPEG, GIF and WebP
 * never read out of bounds, whatever the bytes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "services/slv-image.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

/* abort(), not g_error(): libFuzzer saves the input on SIGABRT. */
#define fail(...) G_STMT_START { fprintf (stderr, __VA_ARGS__); fputc ('\n', stderr); abort (); } G_STMT_END

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  /* A copy of exactly @size bytes so ASan sees any overread. */
  g_autofree guint8 *copy = g_memdup2 (data, size);
  g_autoptr(GBytes) bytes = g_bytes_new_static (copy, size);
  g_autoptr(GError) error = NULL;

  if (!slv_image_check_complete (bytes, "fuzz", &error) && error == NULL)
    fail ("refused without saying why");
  return 0;
}
