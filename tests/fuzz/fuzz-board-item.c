/* fuzz-board-item.c: stored text into board item states, and crops.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <math.h>
#include <string.h>

#include "core/slv-board-item.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

/* abort(), not g_error(): libFuzzer saves the input on SIGABRT. */
#define fail(...) G_STMT_START { fprintf (stderr, __VA_ARGS__); fputc ('\n', stderr); abort (); } G_STMT_END

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(SlvBoardItemState) s = slv_board_item_state_new ();
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;
  guint n = 0;
  SlvRect crop;

  if (size == 0)
    return 0;
  slv_board_item_state_columns (&n);
  text = g_strndup ((const char *) data + 1, size - 1);
  if (slv_board_item_state_set_column (s, data[0] % n, text))
    {
      g_autofree char *back = slv_board_item_state_dup_column (s, data[0] % n);
      g_autoptr(SlvBoardItemState) t = slv_board_item_state_new ();

      /* what was taken writes back and reads again the same */
      if (!slv_board_item_state_set_column (t, data[0] % n, back))
        fail ("column %u refused its own text “%s”", data[0] % n, back);
    }
  slv_board_item_parse_crop (text, &crop);
  if (!(crop.x >= 0 && crop.y >= 0 && crop.w > 0 && crop.h > 0 && isfinite (crop.w) &&
        crop.x + crop.w <= 1 + 1e-9 && crop.y + crop.h <= 1 + 1e-9))
    fail ("crop out of the image");
  again = slv_board_item_format_crop (&crop);
  return 0;
}
