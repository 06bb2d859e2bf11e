/* test-board-doc-random.c: random sequences of board commands, undo and
 * redo; after them, undoing everything gives the board as it was and
 * redoing everything the board as it ended, in the model and the workspace.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "slv-test-util.h"
#include "board-doc-test-util.h"

static const char *
random_id (SlvBoardDoc *doc,
           GRand       *rand)
{
  guint n = board_doc_test_n_items (doc);

  return n ? board_doc_test_id_at (doc, g_rand_int_range (rand, 0, n)) : NULL;
}

/* A few random ids (NULL-terminated, borrowed from the model). */
static const char **
random_ids (SlvBoardDoc *doc,
            GRand       *rand)
{
  guint k = g_rand_int_range (rand, 1, 5);
  const char **ids = g_new0 (const char *, k + 1);

  for (guint i = 0; i < k; i++)
    ids[i] = random_id (doc, rand);
  return ids;
}

static void
random_gesture (SlvBoardDoc  *doc,
                GRand        *rand,
                const char  **ids)
{
  SlvGestureKind kind = g_rand_int_range (rand, 0, 4);
  g_autoptr(GError) error = NULL;

  g_assert_true (slv_board_doc_begin_gesture (doc, kind, ids, NULL, &error));
  for (int i = 0; i < 12; i++)
    switch (kind)
      {
      case SLV_GESTURE_MOVE:
        slv_board_doc_gesture_move (doc, i * 7.0, -i * 3.0, 5, NULL);
        break;
      case SLV_GESTURE_RESIZE:
        slv_board_doc_gesture_resize (doc, g_rand_int_range (rand, 0, 8),
                                      (SlvPoint) { g_rand_double_range (rand, -500, 1500),
                                                   g_rand_double_range (rand, -500, 1500) },
                                      g_rand_int_range (rand, 0, 4), 5, NULL);
        break;
      case SLV_GESTURE_ROTATE:
        slv_board_doc_gesture_rotate (doc, i * 11.0, i % 2 ? 15 : 0);
        break;
      case SLV_GESTURE_OPACITY:
        slv_board_doc_gesture_opacity (doc, i / 12.0);
        break;
      default:
        g_assert_not_reached ();
      }
  if (g_rand_int_range (rand, 0, 6) == 0)
    slv_board_doc_cancel_gesture (doc);
  else
    g_assert_true (slv_board_doc_end_gesture (doc, &error));
  g_assert_no_error (error);
}

static void
random_command (SlvBoardDoc *doc,
                GRand       *rand)
{
  g_autoptr(GError) error = NULL;
  g_autofree const char **ids = random_ids (doc, rand);
  gboolean ok = TRUE;
  guint32 colours[5] = { 0xff0000, 0x00ff00, 0x0000ff, 0x808080, 0xffff00 };
  int op = g_rand_int_range (rand, 0, 26);

  switch (op)
    {
    case 0: ok = slv_board_doc_add_note (doc, "n", g_rand_double_range (rand, 0, 900), 10, NULL, &error); break;
    case 1: ok = slv_board_doc_add_swatch (doc, g_rand_int (rand) & 0xffffff, 5, 5, NULL, &error); break;
    case 2: ok = slv_board_doc_add_shape (doc, g_rand_int_range (rand, 0, 3), &(SlvRect) { 1, 2, 30, 40 }, 0x123456, NULL, &error); break;
    case 3: ok = slv_board_doc_move (doc, ids, g_rand_double_range (rand, -50, 50), 3, &error); break;
    case 4: ok = slv_board_doc_resize (doc, ids, g_rand_int_range (rand, 0, 8), (SlvPoint) { 700, 700 }, g_rand_int_range (rand, 0, 4), &error); break;
    case 5: ok = slv_board_doc_rotate (doc, ids, g_rand_double_range (rand, -180, 180), &error); break;
    case 6: ok = slv_board_doc_flip (doc, ids, g_rand_boolean (rand), &error); break;
    case 7: ok = slv_board_doc_set_opacity (doc, ids, g_rand_double (rand), &error); break;
    case 8: ok = slv_board_doc_set_grayscale (doc, ids, g_rand_boolean (rand), &error); break;
    case 9: ok = slv_board_doc_set_locked (doc, ids, g_rand_int_range (rand, 0, 4) == 0, &error); break;
    case 10: ok = slv_board_doc_group (doc, ids, NULL, &error) || g_error_matches (error, SLV_BOARD_DOC_ERROR, SLV_BOARD_DOC_ERROR_INVALID); break;
    case 11: ok = slv_board_doc_ungroup (doc, ids, &error); break;
    case 12: ok = slv_board_doc_duplicate (doc, ids, 20, 20, &error); break;
    case 13: ok = slv_board_doc_delete (doc, ids, &error); break;
    case 14: ok = slv_board_doc_reorder (doc, ids, g_rand_int_range (rand, 0, 4), &error); break;
    case 15: ok = slv_board_doc_align (doc, ids, g_rand_int_range (rand, 0, 6), &error); break;
    case 16: ok = slv_board_doc_distribute (doc, ids, g_rand_int_range (rand, 0, 2), &error); break;
    case 17: ok = slv_board_doc_pack (doc, ids, 4, &error); break;
    case 18: ok = slv_board_doc_arrange_grid (doc, ids, 0, 8, &error); break;
    case 19: ok = slv_board_doc_equal_size (doc, ids, g_rand_int_range (rand, 0, 3), &error); break;
    case 20: ok = slv_board_doc_set_text (doc, ids[0], "words", &error) || ids[0] == NULL; break;
    case 21: ok = slv_board_doc_set_color (doc, ids[0], 0xabcdef, &error) || ids[0] == NULL; break;
    case 22:
      ok = slv_board_doc_crop (doc, ids[0], &(SlvRect) { 0.1, 0.2, 0.5, 0.5 }, &error) ||
           g_error_matches (error, SLV_BOARD_DOC_ERROR, SLV_BOARD_DOC_ERROR_NOT_FOUND);
      break;
    case 23: ok = slv_board_doc_arrange_by_colour (doc, ids, colours, 4, &error); break;
    case 24: random_gesture (doc, rand, ids); break;
    case 25: ok = slv_board_doc_add_palette (doc, ids[0], colours, 5, &error) || ids[0] == NULL; break;
    default: g_assert_not_reached ();
    }
  if (!ok)
    g_error ("command %d failed: %s", op, error ? error->message : "(no message)");
}

static void
test_random_sequences (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (GPOINTER_TO_UINT (data));
  g_autoptr(GHashTable) initial = board_doc_test_stored_states (f->store, f->board_id);
  g_autoptr(GHashTable) final = NULL;
  g_autoptr(GError) error = NULL;
  guint steps = 0;

  for (int i = 0; i < 150; i++)
    {
      int r = g_rand_int_range (rand, 0, 10);

      if (r == 0)
        g_assert_true (slv_board_doc_undo (f->doc, &error));
      else if (r == 1)
        g_assert_true (slv_board_doc_redo (f->doc, &error));
      else
        random_command (f->doc, rand);
      g_assert_no_error (error);
      if (i % 10 == 0)
        board_doc_test_assert_saved (f);
    }
  board_doc_test_assert_saved (f);
  final = board_doc_test_stored_states (f->store, f->board_id);

  /* undo everything: the board as it was */
  while (slv_board_doc_can_undo (f->doc))
    {
      g_assert_true (slv_board_doc_undo (f->doc, &error));
      steps++;
    }
  g_assert_no_error (error);
  {
    g_autoptr(GHashTable) now = board_doc_test_stored_states (f->store, f->board_id);
    g_autoptr(GHashTable) model = board_doc_test_model_states (f->doc);

    board_doc_test_assert_same_states (initial, now);
    board_doc_test_assert_same_states (initial, model);
  }
  /* redo everything: the board as it ended */
  while (slv_board_doc_can_redo (f->doc))
    g_assert_true (slv_board_doc_redo (f->doc, &error));
  {
    g_autoptr(GHashTable) now = board_doc_test_stored_states (f->store, f->board_id);

    board_doc_test_assert_same_states (final, now);
  }
  board_doc_test_assert_saved (f);
  g_assert_true (slv_store_check_integrity (f->store, &error));
  g_assert_no_error (error);
  g_test_message ("%u steps undone and redone", steps);
  g_assert_cmpuint (steps, >, 50);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
#define ADD(path, func, data) \
  g_test_add ("/services/board-doc/" path, Fixture, data, board_doc_test_fixture_set_up, func, \
              board_doc_test_fixture_tear_down)
  ADD ("random-sequences/1", test_random_sequences, GUINT_TO_POINTER (1));
  ADD ("random-sequences/2", test_random_sequences, GUINT_TO_POINTER (2));
  ADD ("random-sequences/3", test_random_sequences, GUINT_TO_POINTER (3));
#undef ADD
  return g_test_run ();
}
