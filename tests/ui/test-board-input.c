/* test-board-input.c: the board canvas driven by real input events.
 *
 * xdotool makes the X server (Xvfb) generate them through XTEST, so they
 * reach the canvas as they would from a mouse and keyboard: through GDK,
 * the event controllers and the modifier state. Wheel and Shift + wheel
 * pan, Ctrl + wheel zooms about the pointer, the middle button and Space
 * with the primary button drag the view, Ctrl + 1 / + / − zoom from the
 * keyboard. Files dropped on the canvas (the drop target's "drop", as a
 * file manager's drop ends) become pictures where they were dropped.
 * Pinching needs a touchpad, which XTEST cannot imitate.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <math.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

#include "slv-test-util.h"
#include "slv-ui-test-util.h"
#include "slv-board-canvas.h"
#include "services/slv-board-shelf.h"
#include "services/slv-workspace.h"

#define VIEW_W 640
#define VIEW_H 480

typedef struct
{
  char           *dir;
  SlvStore       *store;
  SlvBoardDoc    *doc;
  SlvMipCache    *cache;
  SlvBoardCanvas *canvas;
  GtkWidget      *window;
  char           *xid;
  char           *xdotool;
  double          ox, oy;   /* the canvas's origin in the X window */
} Fixture;

static gboolean
mapped (gpointer data)
{
  Fixture *f = data;

  return gtk_widget_get_mapped (f->window) && gtk_widget_get_width (GTK_WIDGET (f->canvas)) == VIEW_W;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(SlvBoardShelf) shelf = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *board = NULL;
  g_autoptr(GPtrArray) states = g_ptr_array_new_with_free_func ((GDestroyNotify) slv_board_item_state_free);
  SlvBoardItemState *s = slv_board_item_state_new ();
  GdkSurface *surface;
  graphene_point_t origin;
  double sx, sy;

  f->xdotool = g_find_program_in_path ("xdotool");
  f->dir = slv_test_make_tmpdir ("slv-input");
  path = g_build_filename (f->dir, "Input.selvedge", NULL);
  f->store = slv_workspace_create_empty (path, "Input Brand", &error);
  g_assert_no_error (error);
  shelf = slv_board_shelf_new (f->store);
  g_assert_true (slv_board_shelf_create (shelf, "Inputs", NULL, &board, &error));
  f->doc = slv_board_doc_load (f->store, board, &error);
  g_assert_no_error (error);
  s->kind = g_strdup ("note");
  s->x = 0, s->y = 0, s->w = 200, s->h = 120;
  s->text = g_strdup ("Wheel me");
  g_ptr_array_add (states, s);
  g_assert_true (slv_board_doc_add_states (f->doc, "Set up", states, &error));
  g_assert_no_error (error);
  slv_board_doc_select (f->doc, NULL, SLV_SELECT_REPLACE);
  f->cache = slv_mip_cache_new (f->store, SLV_MIP_CACHE_DEFAULT_BUDGET);
  f->canvas = SLV_BOARD_CANVAS (slv_board_canvas_new ());
  slv_board_canvas_set_doc (f->canvas, f->doc, f->cache, NULL);
  gtk_widget_set_size_request (GTK_WIDGET (f->canvas), VIEW_W, VIEW_H);
  f->window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->canvas));
  gtk_window_set_resizable (GTK_WINDOW (f->window), FALSE);
  gtk_window_present (GTK_WINDOW (f->window));
  slv_ui_test_wait_until (mapped, f, 20);
  gtk_widget_grab_focus (GTK_WIDGET (f->canvas));
  slv_board_canvas_set_view (f->canvas, 100, 60, 1);

  surface = gtk_native_get_surface (GTK_NATIVE (f->window));
#ifdef GDK_WINDOWING_X11
  if (GDK_IS_X11_SURFACE (surface))
    f->xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));
#endif
  /* widget → window → the surface (a client-side frame adds a margin) */
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (f->canvas), f->window, &GRAPHENE_POINT_INIT (0, 0), &origin));
  gtk_native_get_surface_transform (GTK_NATIVE (f->window), &sx, &sy);
  f->ox = origin.x + sx;
  f->oy = origin.y + sy;
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->doc);
  g_clear_object (&f->cache);
  g_clear_object (&f->store);
  slv_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->xid);
  g_free (f->xdotool);
}

static gboolean
can_drive (Fixture *f)
{
  if (f->xdotool == NULL)
    {
      g_test_skip ("xdotool is not installed (build-aux/setup installs it): no input events to send.");
      return FALSE;
    }
  if (f->xid == NULL)
    {
      g_test_skip ("Not an X11 display: xdotool drives X servers only.");
      return FALSE;
    }
  return TRUE;
}

/* Runs xdotool with @args (space-separated; "%W" is the window), then
 * lets GTK take in the events. */
static void
xdotool (Fixture    *f,
         const char *args)
{
  g_auto(GStrv) words = g_strsplit (args, " ", -1);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_ptr_array_add (argv, f->xdotool);
  for (guint i = 0; words[i] != NULL; i++)
    g_ptr_array_add (argv, g_str_equal (words[i], "%W") ? f->xid : words[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                               &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);
  slv_ui_test_spin (150);
}

/* Puts the pointer on canvas point (x, y). */
static void
point_at (Fixture *f,
          double   x,
          double   y)
{
  g_autofree char *args = g_strdup_printf ("mousemove --window %%W %d %d", (int) round (f->ox + x),
                                           (int) round (f->oy + y));

  xdotool (f, args);
}

typedef struct
{
  Fixture *f;
  double   x, y, zoom;
} View;

static View
view_of (Fixture *f)
{
  View v = { f };

  slv_board_canvas_get_center (f->canvas, &v.x, &v.y);
  v.zoom = slv_board_canvas_get_zoom (f->canvas);
  return v;
}

static gboolean
view_moved (gpointer data)
{
  View *before = data;
  View now = view_of (before->f);

  return now.x != before->x || now.y != before->y || now.zoom != before->zoom;
}

/* Waits until the view is not @before any more; returns the new one. */
static View
wait_view_change (Fixture *f,
                  View     before)
{
  slv_ui_test_wait_until (view_moved, &before, 10);
  slv_ui_test_spin (100);
  return view_of (f);
}

static void
test_wheel (Fixture       *f,
            gconstpointer  data)
{
  View v0, v1, v2;

  if (!can_drive (f))
    return;
  point_at (f, 320, 240);
  v0 = view_of (f);
  /* a notch down scrolls the view down, and only down */
  xdotool (f, "click 5");
  v1 = wait_view_change (f, v0);
  g_assert_cmpfloat (v1.y, >, v0.y);
  g_assert_cmpfloat_with_epsilon (v1.x, v0.x, 1e-9);
  g_assert_cmpfloat (v1.zoom, ==, v0.zoom);
  /* Shift turns it sideways */
  xdotool (f, "keydown shift click 5 keyup shift");
  v2 = wait_view_change (f, v1);
  g_assert_cmpfloat (v2.x, >, v1.x);
  g_assert_cmpfloat_with_epsilon (v2.y, v1.y, 1e-9);
}

static void
test_ctrl_wheel_zooms_about_pointer (Fixture       *f,
                                     gconstpointer  data)
{
  SlvPoint under, after;
  View v0, v1, v2;

  if (!can_drive (f))
    return;
  point_at (f, 200, 150);
  under = slv_board_canvas_widget_to_board (f->canvas, 200, 150);
  v0 = view_of (f);
  xdotool (f, "keydown ctrl click 4 keyup ctrl");
  v1 = wait_view_change (f, v0);
  /* a notch up: a fifth closer, the board point under the pointer stays */
  g_assert_cmpfloat_with_epsilon (v1.zoom, v0.zoom * 1.2, 1e-9);
  after = slv_board_canvas_widget_to_board (f->canvas, 200, 150);
  g_assert_cmpfloat_with_epsilon (after.x, under.x, 1e-6);
  g_assert_cmpfloat_with_epsilon (after.y, under.y, 1e-6);
  xdotool (f, "keydown ctrl click 5 keyup ctrl");
  v2 = wait_view_change (f, v1);
  g_assert_cmpfloat_with_epsilon (v2.zoom, v0.zoom, 1e-9);
}

static const char *
note_id (Fixture *f)
{
  g_autoptr(SlvBoardItem) note = g_list_model_get_item (slv_board_doc_get_items (f->doc), 0);

  return slv_entity_get_id (SLV_ENTITY (note));
}

static void
test_drag_to_pan (Fixture       *f,
                  gconstpointer  data)
{
  guint history = slv_board_doc_get_history_length (f->doc);
  View v0, v1, v2;

  if (!can_drive (f))
    return;
  /* the middle button drags the board along */
  point_at (f, 300, 300);
  v0 = view_of (f);
  xdotool (f, "mousedown 2");
  point_at (f, 340, 320);
  point_at (f, 420, 380);
  xdotool (f, "mouseup 2");
  v1 = wait_view_change (f, v0);
  g_assert_cmpfloat_with_epsilon (v1.x, v0.x - 120 / v0.zoom, 1.0);
  g_assert_cmpfloat_with_epsilon (v1.y, v0.y - 80 / v0.zoom, 1.0);
  /* Space + the primary button too, even over an item: nothing moves
   * but the view */
  point_at (f, 100, 60);
  xdotool (f, "keydown space mousedown 1");
  point_at (f, 60, 40);
  point_at (f, 20, 20);
  xdotool (f, "mouseup 1 keyup space");
  v2 = wait_view_change (f, v1);
  g_assert_cmpfloat_with_epsilon (v2.x, v1.x + 80 / v1.zoom, 1.0);
  g_assert_cmpfloat_with_epsilon (v2.y, v1.y + 40 / v1.zoom, 1.0);
  g_assert_cmpuint (slv_board_doc_get_history_length (f->doc), ==, history);
  g_assert_false (slv_board_doc_is_selected (f->doc, note_id (f)));
}

static void
test_zoom_keys (Fixture       *f,
                gconstpointer  data)
{
  View v0, v1, v2;

  if (!can_drive (f))
    return;
  point_at (f, 320, 240);
  slv_board_canvas_set_view (f->canvas, 100, 60, 0.5);
  v0 = view_of (f);
  xdotool (f, "key ctrl+1");
  v1 = wait_view_change (f, v0);
  g_assert_cmpfloat_with_epsilon (v1.zoom, 1.0, 1e-9);
  xdotool (f, "key ctrl+plus");
  v2 = wait_view_change (f, v1);
  g_assert_cmpfloat (v2.zoom, >, 1.0);
  v1 = v2;
  xdotool (f, "key ctrl+minus");
  v2 = wait_view_change (f, v1);
  g_assert_cmpfloat (v2.zoom, <, v1.zoom);
}

static gboolean
items_at_least (gpointer data)
{
  Fixture *f = data;

  return g_list_model_get_n_items (slv_board_doc_get_items (f->doc)) >= 3;
}

static void
test_drop_files (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *a = slv_test_corpus_path ("images/skimage");
  g_autoptr(GDir) dir = NULL;
  GtkDropTarget *target = NULL;
  GListModel *controllers;
  GSList *files = NULL;
  GValue value = G_VALUE_INIT;
  const char *name;
  gboolean taken = FALSE;
  SlvPoint at;

  if (a == NULL)
    return;
  dir = g_dir_open (a, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL && g_slist_length (files) < 2)
    if (g_str_has_suffix (name, ".jpg") || g_str_has_suffix (name, ".png"))
      files = g_slist_prepend (files, g_file_new_build_filename (a, name, NULL));
  g_assert_cmpuint (g_slist_length (files), ==, 2);

  controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->canvas));
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && target == NULL; i++)
    {
      g_autoptr(GObject) c = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (c))
        target = GTK_DROP_TARGET (c);
    }
  g_object_unref (controllers);
  g_assert_nonnull (target);

  /* two files from a file manager, let go at canvas point (500, 400) */
  at = slv_board_canvas_widget_to_board (f->canvas, 500, 400);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, files);
  g_signal_emit_by_name (target, "drop", &value, 500.0, 400.0, &taken);
  g_value_unset (&value);
  g_assert_true (taken);
  slv_ui_test_wait_until (items_at_least, f, 30);
  for (guint i = 1; i < 3; i++)
    {
      g_autoptr(SlvBoardItem) item = g_list_model_get_item (slv_board_doc_get_items (f->doc), i);
      const SlvBoardItemState *s = slv_board_item_get_state (item);

      g_assert_cmpint (slv_board_item_get_kind (item), ==, SLV_BOARD_ITEM_IMAGE);
      g_assert_nonnull (slv_board_item_get_blob (item));
      /* near where they were let go */
      g_assert_cmpfloat (fabs (s->x + s->w / 2 - at.x), <, s->w * 2 + 50);
      g_assert_cmpfloat (fabs (s->y + s->h / 2 - at.y), <, s->h * 2 + 50);
    }
}

int
main (int argc, char **argv)
{
  if (!slv_ui_test_init (&argc, &argv, "/ui/board-input/no-display"))
    return g_test_run ();
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/ui/board-input/wheel", test_wheel);
  ADD ("/ui/board-input/ctrl-wheel-zooms-about-pointer", test_ctrl_wheel_zooms_about_pointer);
  ADD ("/ui/board-input/drag-to-pan", test_drag_to_pan);
  ADD ("/ui/board-input/zoom-keys", test_zoom_keys);
  ADD ("/ui/board-input/drop-files", test_drop_files);
#undef ADD
  return g_test_run ();
}
