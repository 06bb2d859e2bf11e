/* board-doc-test-util.h: shared by the board-doc tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "services/slv-board-doc.h"
#include "store/slv-store.h"

G_BEGIN_DECLS

typedef struct
{
  char        *dir;
  SlvStore    *store;
  char        *board_id;
  SlvBoardDoc *doc;
} Fixture;

void          board_doc_test_fixture_set_up     (Fixture       *f,
                                                 gconstpointer  data);
void          board_doc_test_fixture_tear_down  (Fixture       *f,
                                                 gconstpointer  data);
/* id → state for the model, and for the workspace. */
GHashTable   *board_doc_test_model_states       (SlvBoardDoc   *doc);
GHashTable   *board_doc_test_stored_states      (SlvStore      *store,
                                                 const char    *board_id);
void          board_doc_test_assert_same_states (GHashTable    *a,
                                                 GHashTable    *b);
/* The model matches the workspace, and a board opened afresh matches both. */
void          board_doc_test_assert_saved       (Fixture       *f);
/* The model's item @i (kept alive by the model), its id, the count. */
SlvBoardItem *board_doc_test_item_at            (SlvBoardDoc   *doc,
                                                 guint          i);
const char   *board_doc_test_id_at              (SlvBoardDoc   *doc,
                                                 guint          i);
guint         board_doc_test_n_items            (SlvBoardDoc   *doc);

G_END_DECLS
