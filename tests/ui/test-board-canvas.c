/* test-board-canvas.c: the real window with a board open, driven through
 * the canvas's actions; each step checked in the model and in the
 * workspace (a board read back from disk).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "slv-test-util.h"
#include "slv-ui-test-util.h"
#include "slv-board-canvas.h"
#include "slv-board-page.h"
#include "slv-boards-page.h"
#include "slv-window.h"
#include "core/slv-board.h"
#include "core/slv-style.h"
#include "services/slv-demo.h"
#include "store/slv-repo.h"

typedef struct
{
  char           *dir;
  SlvStore       *store;
  SlvWindow      *window;
  SlvBoardPage   *page;
  SlvBoardCanvas *canvas;
  char           *board_id;
  guint           target;     /* items to wait for */
  const char     *card_style; /* the style card waited for */
} Fixture;

static gboolean
board_open (gpointer data)
{
  Fixture *f = data;

  return !slv_board_page_get_loading (f->page) && slv_board_canvas_get_doc (f->canvas) != NULL;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvEntity) board = NULL;
  g_autofree char *path = NULL;

  f->dir = slv_test_make_tmpdir ("slv-ui-board");
  path = g_build_filename (f->dir, "Demo.selvedge", NULL);
  f->store = slv_demo_create (path, &error);
  g_assert_no_error (error);
  board = slv_repo_find_by_code (f->store, SLV_TYPE_BOARD, "Coastline — mood", &error);
  g_assert_no_error (error);
  f->board_id = g_strdup (slv_entity_get_id (board));
  f->window = g_object_ref_sink (slv_window_new (NULL, f->store));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1100, 760);
  gtk_window_present (GTK_WINDOW (f->window));
  g_action_group_activate_action (G_ACTION_GROUP (f->window), "open-board", g_variant_new_string (f->board_id));
  f->page = SLV_BOARD_PAGE (slv_window_get_page_widget (f->window, "board"));
  f->canvas = slv_board_page_get_canvas (f->page);
  slv_ui_test_wait_until (board_open, f, 10);
  g_assert_cmpstr (slv_window_get_page (f->window), ==, "board");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_assert_finalize_object (f->window);
  g_clear_object (&f->store);
  slv_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->board_id);
}

static SlvBoardDoc *
doc_of (Fixture *f)
{
  return slv_board_canvas_get_doc (f->canvas);
}

static guint
n_items (Fixture *f)
{
  return g_list_model_get_n_items (slv_board_doc_get_items (doc_of (f)));
}

static gboolean
has_target_items (gpointer data)
{
  Fixture *f = data;

  return n_items (f) >= f->target;
}

/* Activates canvas.@name as a button or shortcut would. */
static void
act (Fixture    *f,
     const char *name,
     GVariant   *parameter)
{
  g_autofree char *full = g_strconcat ("canvas.", name, NULL);
  g_autoptr(GVariant) sunk = parameter ? g_variant_ref_sink (parameter) : NULL;

  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (f->canvas), full, sunk));
}

static const SlvBoardItemState *
model_state (Fixture    *f,
             const char *id)
{
  SlvBoardItem *item = slv_board_doc_lookup (doc_of (f), id);

  g_assert_nonnull (item);
  return slv_board_item_get_state (item);
}

/* @id as the workspace has it, read back from disk (NULL if gone). */
static SlvBoardItemState *
saved_state (Fixture    *f,
             const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvBoardDoc) doc = slv_board_doc_load (f->store, f->board_id, &error);
  SlvBoardItem *item;

  g_assert_no_error (error);
  item = slv_board_doc_lookup (doc, id);
  return item ? slv_board_item_dup_state (item) : NULL;
}

static char *
write_png (Fixture    *f,
           const char *name,
           guint32     rgb)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 120, 80);
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->dir, name, NULL);

  gdk_pixbuf_fill (pixbuf, rgb << 8 | 0xff);
  g_assert_true (gdk_pixbuf_save (pixbuf, path, "png", &error, NULL));
  g_assert_no_error (error);
  return path;
}

static char *
import_one (Fixture *f)
{
  g_autofree char *path = write_png (f, "rust.png", 0xb7410e);
  const char *paths[] = { path, NULL };
  const char * const *sel;

  f->target = n_items (f) + 1;
  act (f, "import", g_variant_new_strv (paths, -1));
  slv_ui_test_wait_until (has_target_items, f, 10);
  sel = slv_board_doc_get_selection (doc_of (f));
  g_assert_nonnull (sel[0]);
  g_assert_null (sel[1]);
  return g_strdup (sel[0]);
}

static const char *
first_of_kind (Fixture    *f,
               const char *kind)
{
  GListModel *items = slv_board_doc_get_items (doc_of (f));

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(SlvBoardItem) item = g_list_model_get_item (items, i);

      if (g_strcmp0 (slv_board_item_get_state (item)->kind, kind) == 0)
        return slv_entity_get_id (SLV_ENTITY (item));
    }
  g_assert_not_reached ();
  return NULL;
}

static void
test_edit_and_undo (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *id = import_one (f);
  g_autoptr(SlvBoardItemState) start = slv_board_item_state_copy (model_state (f, id));
  g_autoptr(SlvBoardItemState) saved = NULL;
  const char *note = first_of_kind (f, "note");
  const char *group_pair[] = { id, note, NULL };
  const char * const *sel;
  g_autofree char *group = NULL;

  g_assert_cmpstr (start->kind, ==, "image");
  g_assert_cmpuint (n_items (f), ==, 15);
  saved = saved_state (f, id);
  g_assert_nonnull (saved);
  g_assert_cmpstr (saved->blob, ==, start->blob);
  g_clear_pointer (&saved, slv_board_item_state_free);

  /* move */
  act (f, "move", g_variant_new ("(dd)", 100.0, 50.0));
  g_assert_cmpfloat_with_epsilon (model_state (f, id)->x, start->x + 100, 1e-9);
  g_assert_cmpfloat_with_epsilon (model_state (f, id)->y, start->y + 50, 1e-9);
  saved = saved_state (f, id);
  g_assert_cmpfloat_with_epsilon (saved->x, start->x + 100, 1e-9);
  g_clear_pointer (&saved, slv_board_item_state_free);

  /* rotate */
  act (f, "rotate", g_variant_new_double (30));
  g_assert_cmpfloat_with_epsilon (model_state (f, id)->rotation, 30, 1e-9);
  saved = saved_state (f, id);
  g_assert_cmpfloat_with_epsilon (saved->rotation, 30, 1e-9);
  g_clear_pointer (&saved, slv_board_item_state_free);

  /* crop to the middle: half as wide and high */
  act (f, "crop", g_variant_new ("(sdddd)", id, 0.25, 0.25, 0.5, 0.5));
  g_assert_cmpstr (model_state (f, id)->crop, ==, "0.25 0.25 0.5 0.5");
  g_assert_cmpfloat_with_epsilon (model_state (f, id)->w, start->w / 2, 1e-6);
  saved = saved_state (f, id);
  g_assert_cmpstr (saved->crop, ==, "0.25 0.25 0.5 0.5");
  g_clear_pointer (&saved, slv_board_item_state_free);

  /* group it with the note */
  act (f, "select", g_variant_new_strv (group_pair, -1));
  act (f, "group", NULL);
  sel = slv_board_doc_get_selection (doc_of (f));
  g_assert_nonnull (sel[0]);
  g_assert_null (sel[1]);
  group = g_strdup (sel[0]);
  g_assert_cmpstr (model_state (f, group)->kind, ==, "group");
  g_assert_cmpstr (model_state (f, id)->group_id, ==, group);
  g_assert_cmpstr (model_state (f, note)->group_id, ==, group);
  saved = saved_state (f, note);
  g_assert_cmpstr (saved->group_id, ==, group);
  g_clear_pointer (&saved, slv_board_item_state_free);

  /* undo all five steps, one at a time */
  act (f, "undo", NULL);
  g_assert_null (model_state (f, id)->group_id);
  g_assert_null (slv_board_doc_lookup (doc_of (f), group));
  act (f, "undo", NULL);
  g_assert_null (model_state (f, id)->crop);
  act (f, "undo", NULL);
  g_assert_cmpfloat_with_epsilon (model_state (f, id)->rotation, 0, 1e-9);
  act (f, "undo", NULL);
  g_assert_true (slv_board_item_state_equal (model_state (f, id), start));
  act (f, "undo", NULL);
  g_assert_null (slv_board_doc_lookup (doc_of (f), id));
  g_assert_cmpuint (n_items (f), ==, 14);
  saved = saved_state (f, id);
  g_assert_null (saved);
  saved = saved_state (f, note);
  g_assert_null (saved->group_id);
  g_clear_pointer (&saved, slv_board_item_state_free);

  /* and redo brings the picture back where it was put */
  act (f, "redo", NULL);
  act (f, "redo", NULL);
  g_assert_cmpfloat_with_epsilon (model_state (f, id)->x, start->x + 100, 1e-9);
}

static gboolean
card_priced (gpointer data)
{
  Fixture *f = data;
  const SlvStyleCardInfo *info = slv_style_cards_lookup (slv_board_canvas_get_cards (f->canvas), f->card_style);

  return info != NULL && (info->fob != NULL || info->problem != NULL);
}

/* A note's text size and colour, fills through the Colour menu's action,
 * and a style card that shows its style's live price. */
static void
test_notes_and_cards (Fixture       *f,
                      gconstpointer  data)
{
  const char *note = first_of_kind (f, "note");
  const char *one[] = { note, NULL };
  g_autoptr(SlvBoardItemState) saved = NULL;
  g_autoptr(JsonNode) props = NULL;
  const SlvStyleCardInfo *info;
  const char *card = NULL;
  guint before;

  act (f, "select", g_variant_new_strv (one, -1));
  act (f, "note-text-size", g_variant_new_double (24));
  act (f, "note-text-colour", g_variant_new_string ("#1C2D4F"));
  act (f, "fill-colour", g_variant_new_string ("#d6e6f5"));
  saved = saved_state (f, note);
  props = json_from_string (saved->props, NULL);
  g_assert_nonnull (props);
  g_assert_cmpfloat (json_object_get_double_member (json_node_get_object (props), "font-size"), ==, 24);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (props), "text-color"), ==, "#1c2d4f");
  g_assert_cmpstr (saved->color, ==, "#d6e6f5");
  /* each is one undo step */
  act (f, "undo", NULL);
  g_assert_cmpstr (model_state (f, note)->color, ==, "#fff4b8");
  act (f, "undo", NULL);
  g_assert_null (strstr (model_state (f, note)->props, "1c2d4f"));
  /* a size out of range changes nothing */
  act (f, "note-text-size", g_variant_new_double (1000));
  g_assert_nonnull (strstr (model_state (f, note)->props, "24"));

  before = n_items (f);
  act (f, "add-style-card", g_variant_new_string ("NL27S-TS001"));
  g_assert_cmpuint (n_items (f), ==, before + 1);
  for (guint i = 0; i < n_items (f); i++)
    {
      g_autoptr(SlvBoardItem) item = g_list_model_get_item (slv_board_doc_get_items (doc_of (f)), i);
      const SlvBoardItemState *s = slv_board_item_get_state (item);

      if (g_strcmp0 (s->kind, "style") == 0 && s->style_id != NULL)
        {
          g_autoptr(SlvEntity) style = slv_repo_find_by_code (f->store, SLV_TYPE_STYLE, "NL27S-TS001", NULL);

          if (g_strcmp0 (s->style_id, slv_entity_get_id (style)) == 0)
            card = s->style_id;
        }
    }
  g_assert_nonnull (card);
  f->card_style = card;
  slv_ui_test_wait_until (card_priced, f, 10);
  info = slv_style_cards_lookup (slv_board_canvas_get_cards (f->canvas), card);
  g_assert_cmpstr (info->code, ==, "NL27S-TS001");
  g_assert_nonnull (info->fob);
  g_assert_true (g_str_has_prefix (info->fob, "USD "));
  /* an unknown style is refused, nothing added */
  act (f, "add-style-card", g_variant_new_string ("NO-SUCH-STYLE"));
  g_assert_cmpuint (n_items (f), ==, before + 1);
}

static void
test_structure (Fixture       *f,
                gconstpointer  data)
{
  const char *image = first_of_kind (f, "image");
  const char *one[] = { image, NULL };
  GActionGroup *actions = slv_board_canvas_get_actions (f->canvas);
  double x = model_state (f, image)->x;

  /* lock keeps it in place */
  act (f, "select", g_variant_new_strv (one, -1));
  act (f, "lock", NULL);
  g_assert_true (model_state (f, image)->locked);
  act (f, "move", g_variant_new ("(dd)", 40.0, 0.0));
  g_assert_cmpfloat (model_state (f, image)->x, ==, x);
  act (f, "unlock", NULL);

  /* flip, opacity, grayscale */
  act (f, "flip", g_variant_new_string ("horizontal"));
  g_assert_true (model_state (f, image)->flip_h);
  act (f, "opacity", g_variant_new_double (0.5));
  g_assert_cmpfloat (model_state (f, image)->opacity, ==, 0.5);
  act (f, "grayscale", g_variant_new_boolean (TRUE));
  g_assert_true (model_state (f, image)->grayscale);

  /* duplicate, then delete the copy and undo that */
  act (f, "duplicate", NULL);
  g_assert_cmpuint (n_items (f), ==, 15);
  act (f, "delete", NULL);
  g_assert_cmpuint (n_items (f), ==, 14);
  act (f, "undo", NULL);
  g_assert_cmpuint (n_items (f), ==, 15);

  /* z-order: to the back makes it the first item */
  act (f, "order", g_variant_new_string ("back"));
  {
    g_autoptr(SlvBoardItem) bottom = g_list_model_get_item (slv_board_doc_get_items (doc_of (f)), 0);

    g_assert_true (slv_board_doc_is_selected (doc_of (f), slv_entity_get_id (SLV_ENTITY (bottom))));
  }

  /* select all, then arrange: pack leaves no two items overlapping */
  act (f, "select-all", NULL);
  act (f, "pack", NULL);
  {
    GListModel *items = slv_board_doc_get_items (doc_of (f));
    guint n = g_list_model_get_n_items (items);

    for (guint i = 0; i < n; i++)
      for (guint j = i + 1; j < n; j++)
        {
          g_autoptr(SlvBoardItem) a = g_list_model_get_item (items, i);
          g_autoptr(SlvBoardItem) b = g_list_model_get_item (items, j);
          SlvRect ra, rb;

          slv_board_item_get_bounds (a, &ra);
          slv_board_item_get_bounds (b, &rb);
          g_assert_false (slv_rect_overlaps (&ra, &rb, 1e-6));
        }
  }

  /* read-only: commands that change the board are off, export stays */
  slv_board_canvas_set_read_only (f->canvas, TRUE);
  g_assert_false (g_action_group_get_action_enabled (actions, "delete"));
  g_assert_false (g_action_group_get_action_enabled (actions, "undo"));
  g_assert_true (g_action_group_get_action_enabled (actions, "export"));
  g_assert_true (g_action_group_get_action_enabled (actions, "fit-all"));
}

static void
test_view_restored (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvBoardDoc) doc = NULL;
  double x, y, zoom;

  act (f, "set-view", g_variant_new ("(ddd)", 120.0, -40.0, 2.5));
  act (f, "zoom-in", NULL);
  g_assert_cmpfloat_with_epsilon (slv_board_canvas_get_zoom (f->canvas), 2.5 * 1.25, 1e-9);
  /* the view is written once it has stayed put a moment (or when the
   * board is left) */
  g_action_group_activate_action (G_ACTION_GROUP (f->window), "show-page", g_variant_new_string ("boards"));
  slv_ui_test_spin (800);
  doc = slv_board_doc_load (f->store, f->board_id, &error);
  g_assert_no_error (error);
  slv_board_doc_get_view (doc, &x, &y, &zoom);
  g_assert_cmpfloat_with_epsilon (x, 120, 1e-6);
  g_assert_cmpfloat_with_epsilon (y, -40, 1e-6);
  g_assert_cmpfloat_with_epsilon (zoom, 2.5 * 1.25, 1e-9);

  /* opening another board and this one again shows it as it was left */
  g_action_group_activate_action (G_ACTION_GROUP (f->window), "open-board",
                                  g_variant_new_string ("Harbour Knits — yarns"));
  slv_ui_test_wait_until (board_open, f, 10);
  g_assert_cmpstr (slv_board_page_get_title (f->page), ==, "Harbour Knits — yarns");
  g_action_group_activate_action (G_ACTION_GROUP (f->window), "open-board", g_variant_new_string (f->board_id));
  slv_ui_test_wait_until (board_open, f, 10);
  slv_board_canvas_get_center (f->canvas, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 120, 1e-6);
  g_assert_cmpfloat_with_epsilon (slv_board_canvas_get_zoom (f->canvas), 2.5 * 1.25, 1e-9);
}

static void
test_palette (Fixture       *f,
              gconstpointer  data)
{
  const char *image = first_of_kind (f, "image");
  const char *one[] = { image, NULL };
  guint before = n_items (f), added;

  act (f, "select", g_variant_new_strv (one, -1));
  f->target = before + 5;
  act (f, "extract-palette", NULL);
  slv_ui_test_wait_until (has_target_items, f, 20);
  added = n_items (f) - before;
  g_assert_cmpuint (added, >=, 5);
  g_assert_cmpuint (added, <=, 8);
  /* one step: undo takes every swatch away */
  act (f, "undo", NULL);
  g_assert_cmpuint (n_items (f), ==, before);
}

static gboolean
file_written (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *png = g_build_filename (f->dir, "board.png", NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "board.pdf", NULL);
  g_autofree char *sel = g_build_filename (f->dir, "selection.png", NULL);
  g_autofree char *gpl = g_build_filename (f->dir, "palette.gpl", NULL);
  g_autofree char *head = NULL;
  g_autofree char *text = NULL;
  const char *image = first_of_kind (f, "image");
  const char *one[] = { image, NULL };
  SlvRect extents;
  int w = 0, h = 0;

  g_assert_true (slv_board_doc_get_extents (doc_of (f), &extents));
  act (f, "export", g_variant_new ("(ssdb)", png, "png", 0.5, FALSE));
  slv_ui_test_wait_until (file_written, png, 20);
  g_assert_nonnull (gdk_pixbuf_get_file_info (png, &w, &h));
  g_assert_cmpint (w, ==, (int) ceil ((extents.w + 48) * 0.5));
  g_assert_cmpint (h, ==, (int) ceil ((extents.h + 48) * 0.5));

  act (f, "export", g_variant_new ("(ssdb)", pdf, "pdf", 1.0, FALSE));
  slv_ui_test_wait_until (file_written, pdf, 20);
  g_assert_true (g_file_get_contents (pdf, &head, NULL, NULL));
  g_assert_true (g_str_has_prefix (head, "%PDF-"));

  /* the selection alone, at 200 % */
  act (f, "select", g_variant_new_strv (one, -1));
  act (f, "export", g_variant_new ("(ssdb)", sel, "png", 2.0, TRUE));
  slv_ui_test_wait_until (file_written, sel, 20);
  g_assert_nonnull (gdk_pixbuf_get_file_info (sel, &w, &h));
  g_assert_cmpint (w, ==, (int) ceil ((model_state (f, image)->w + 48) * 2));

  /* the swatches as a GIMP palette */
  act (f, "select", g_variant_new_strv ((const char *[]) { first_of_kind (f, "swatch"), NULL }, -1));
  act (f, "export-palette", g_variant_new_string (gpl));
  g_assert_true (g_file_get_contents (gpl, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "GIMP Palette"));
}

/* -- every picture of the corpus through the canvas's import -- */

static void
test_corpus_import (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *root = slv_test_corpus_path ("images");
  g_autofree char *truth_path = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) folders = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GList) names = NULL;
  g_autoptr(GHashTable) blobs = g_hash_table_new (g_str_hash, g_str_equal);
  JsonObject *truth;
  const char * const *sel;
  guint before = n_items (f), n_pictures;

  if (root == NULL)
    return;
  truth_path = g_build_filename (root, "images.groundtruth.json", NULL);
  g_assert_true (json_parser_load_from_file (parser, truth_path, &error));
  g_assert_no_error (error);
  truth = json_node_get_object (json_parser_get_root (parser));
  names = json_object_get_members (truth);
  n_pictures = g_list_length (names);
  for (GList *l = names; l != NULL; l = l->next)
    {
      g_autofree char *dir = g_path_get_dirname (l->data);
      g_autofree char *folder = g_build_filename (root, dir, NULL);
      gboolean known = FALSE;

      for (guint i = 0; i < folders->len; i++)
        known |= g_strcmp0 (g_ptr_array_index (folders, i), folder) == 0;
      if (!known)
        g_ptr_array_add (folders, g_steal_pointer (&folder));
    }
  g_ptr_array_add (folders, NULL);

  /* the folders, as Import Images… with folders chosen does */
  f->target = before + n_pictures;
  act (f, "import", g_variant_new_strv ((const char * const *) folders->pdata, -1));
  slv_ui_test_wait_until (has_target_items, f, 120);
  g_assert_cmpuint (n_items (f), ==, before + n_pictures);

  /* each picture is on the board once, content-addressed, with its shape */
  sel = slv_board_doc_get_selection (doc_of (f));
  g_assert_cmpuint (g_strv_length ((GStrv) sel), ==, n_pictures);
  for (guint i = 0; sel[i] != NULL; i++)
    g_hash_table_add (blobs, (gpointer) model_state (f, sel[i])->blob);
  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonObject *entry = json_object_get_object_member (truth, l->data);
      const char *sha = json_object_get_string_member (entry, "sha256");

      g_assert_true (g_hash_table_contains (blobs, sha));
    }
  for (guint i = 0; sel[i] != NULL; i++)
    {
      const SlvBoardItemState *s = model_state (f, sel[i]);

      for (GList *l = names; l != NULL; l = l->next)
        {
          JsonObject *entry = json_object_get_object_member (truth, l->data);

          if (g_strcmp0 (json_object_get_string_member (entry, "sha256"), s->blob) == 0)
            g_assert_cmpfloat_with_epsilon (s->w / s->h,
                                            (double) json_object_get_int_member (entry, "width") /
                                            json_object_get_int_member (entry, "height"), 0.01);
        }
    }
}

int
main (int argc, char **argv)
{
  if (!slv_ui_test_init (&argc, &argv, "/ui/board-canvas/no-display"))
    return g_test_run ();
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/ui/board-canvas/edit-and-undo", test_edit_and_undo);
  ADD ("/ui/board-canvas/structure", test_structure);
  ADD ("/ui/board-canvas/notes-and-cards", test_notes_and_cards);
  ADD ("/ui/board-canvas/view-restored", test_view_restored);
  ADD ("/ui/board-canvas/palette", test_palette);
  ADD ("/ui/board-canvas/export", test_export);
  ADD ("/ui/board-canvas/corpus-import", test_corpus_import);
#undef ADD
  return g_test_run ();
}
