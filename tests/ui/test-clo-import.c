/* test-clo-import.c: the CLO 3D import dialog on a corpus DXF, on the real
 * window and a demo workspace, driven by its actions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "slv-test-util.h"
#include "slv-ui-test-util.h"
#include "slv-clo-import-dialog-private.h"
#include "slv-list-page.h"
#include "slv-window.h"
#include "core/slv-style.h"
#include "core/slv-warning.h"
#include "services/slv-clo-plan.h"
#include "services/slv-demo.h"
#include "store/slv-clo-store.h"
#include "store/slv-repo.h"

#define TEE_CODE "NL27S-TS001"

typedef struct
{
  char      *dir;
  char      *path;
  SlvStore  *store;
  SlvWindow *window;
} Fixture;

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @done returns TRUE (or fails after 60 s: the
 * nesting runs in a worker, slower under sanitizers). */
static void
wait_until (gboolean (*done) (gpointer),
            gpointer   data)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (60, timeout_cb, &timed_out);

  while (!done (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
}

static gboolean
idle (gpointer data)
{
  return !slv_clo_import_dialog_get_busy (data) &&
         g_strcmp0 (slv_clo_import_dialog_get_state (data), "loading") != 0;
}

static gboolean
page_loaded (gpointer data)
{
  return !slv_list_page_get_loading (data) && g_strcmp0 (slv_list_page_get_view (data), "loading") != 0;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = slv_test_make_tmpdir ("slv-ui-clo");
  f->path = g_build_filename (f->dir, "Demo.selvedge", NULL);
  f->store = slv_demo_create (f->path, &error);
  g_assert_no_error (error);
  f->window = g_object_ref_sink (slv_window_new (NULL, f->store));
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_assert_finalize_object (f->window);
  g_clear_object (&f->store);
  slv_test_rm_rf (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* The BOM line of the tee placed @placement, read through a second
 * connection: what is on disk, not what the window holds. */
static char *
disk_field (Fixture    *f,
            const char *placement,
            const char *column)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvStore) other = slv_store_open (f->path, 0, &error);
  g_autoptr(SlvEntity) style = NULL;
  g_autofree char *costing = NULL;
  g_autoptr(GPtrArray) lines = NULL;

  g_assert_no_error (error);
  style = slv_repo_find_by_code (other, SLV_TYPE_STYLE, TEE_CODE, &error);
  costing = slv_clo_store_dup_base_costing (other, slv_entity_get_id (style), &error);
  lines = slv_clo_store_list_bom_lines (other, costing, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < lines->len; i++)
    if (g_strcmp0 (g_hash_table_lookup (g_ptr_array_index (lines, i), "placement"), placement) == 0)
      return g_strdup (g_hash_table_lookup (g_ptr_array_index (lines, i), column));
  g_assert_not_reached ();
}

/* Pixels a drawing function leaves not transparent on a blank surface. */
static guint
painted_pixels (SlvCloImportDialog *dialog,
                GtkDrawingArea     *area,
                void              (*draw) (GtkDrawingArea *, cairo_t *, int, int, gpointer))
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 600, 400);
  cairo_t *cr = cairo_create (surface);
  const guint8 *data;
  guint n = 0;

  draw (area, cr, 600, 400, dialog);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  for (int y = 0; y < 400; y++)
    for (int x = 0; x < 600; x++)
      n += data[y * cairo_image_surface_get_stride (surface) + 4 * x + 3] != 0;
  cairo_surface_destroy (surface);
  return n;
}

typedef struct
{
  Fixture    *f;
  const char *want;
} DiskWait;

static gboolean
body_consumption_is (gpointer data)
{
  DiskWait *w = data;
  g_autofree char *now = disk_field (w->f, "body", "consumption");

  return g_strcmp0 (now, w->want) == 0;
}

static void
test_preview_apply_undo (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *dxf = slv_test_corpus_path ("dxf/MEN CLASSIC TEE.DXF");
  g_autofree char *body_before = NULL;
  g_autofree char *calc_before = NULL;
  g_autofree char *import_id = NULL;
  g_autofree char *want = NULL;
  g_autoptr(GPtrArray) pieces = NULL;
  SlvCloImportDialog *dialog;
  SlvCloFabricRow *fabric;
  DiskWait wait = { f, NULL };

  if (dxf == NULL)
    return;
  body_before = disk_field (f, "body", "consumption");
  calc_before = disk_field (f, "body", "calc");
  dialog = g_object_ref (slv_clo_import_dialog_new (GTK_WINDOW (f->window), f->store, TEE_CODE));
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_cmpstr (slv_clo_import_dialog_get_state (dialog), ==, "choose");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "clo-import.load", "s", dxf);
  g_assert_true (slv_clo_import_dialog_get_busy (dialog));
  wait_until (idle, dialog);
  g_assert_cmpstr (slv_clo_import_dialog_get_error (dialog), ==, NULL);
  g_assert_cmpstr (slv_clo_import_dialog_get_state (dialog), ==, "preview");

  /* The preview: the 7 pieces of size 50 drawn, one table row per fabric,
   * a marker laid, FOB before and after. */
  g_assert_nonnull (slv_clo_import_dialog_get_plan (dialog));
  g_assert_cmpstr (slv_clo_plan_get_size (slv_clo_import_dialog_get_plan (dialog)), ==, "50");
  pieces = slv_clo_import_dup_pieces (slv_clo_import_dialog_get_import (dialog), "50");
  g_assert_cmpuint (slv_clo_import_dialog_get_n_drawn_pieces (dialog), ==, pieces->len);
  g_assert_cmpuint (pieces->len, ==, 7);   /* 9 cut: two of them in pairs */
  g_assert_cmpuint (slv_clo_import_dialog_get_n_consumption_rows (dialog), ==,
                    slv_clo_plan_get_fabric_rows (slv_clo_import_dialog_get_plan (dialog))->len);
  g_assert_cmpuint (slv_clo_import_dialog_get_n_consumption_rows (dialog), ==, 2);
  g_assert_cmpuint (slv_clo_import_dialog_get_n_marker_placements (dialog), >=, 9);
  g_assert_nonnull (slv_clo_import_dialog_get_cost_text (dialog));
  g_assert_nonnull (strstr (slv_clo_import_dialog_get_cost_text (dialog), "USD"));
  g_assert_cmpuint (painted_pixels (dialog, dialog->pieces_area, slv_clo_import_draw_pieces), >, 10000);
  g_assert_cmpuint (painted_pixels (dialog, dialog->marker_area, slv_clo_import_draw_marker), >, 10000);

  /* Review: an efficiency for every fabric, a wastage for the body. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "clo-import.set-efficiency", "d", 0.85);
  wait_until (idle, dialog);
  fabric = slv_clo_plan_find_fabric (slv_clo_import_dialog_get_plan (dialog), "FABRIC");
  g_assert_cmpfloat_with_epsilon (fabric->estimate->efficiency, 0.85, 1e-12);
  g_assert_cmpfloat (fabric->new_wastage, ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "clo-import.set-wastage", "(sd)", "FABRIC", 2.0);
  wait_until (idle, dialog);
  fabric = slv_clo_plan_find_fabric (slv_clo_import_dialog_get_plan (dialog), "FABRIC");
  g_assert_cmpfloat (fabric->new_wastage, ==, 2.0);
  want = g_strdup_printf ("%.6f", fabric->new_consumption);

  /* Import: one transaction, on disk; the dialog closes, the window's
   * toast offers Undo. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "clo-import.apply", NULL);
  wait_until (idle, dialog);
  g_assert_cmpstr (slv_clo_import_dialog_get_state (dialog), ==, "done");
  import_id = g_strdup (slv_clo_import_dialog_get_import_id (dialog));
  g_assert_nonnull (import_id);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  {
    g_autofree char *now = disk_field (f, "body", "consumption");
    g_autofree char *waste = disk_field (f, "body", "wastage_pct");
    g_autofree char *calc = disk_field (f, "body", "calc");

    g_assert_cmpstr (now, ==, want);
    g_assert_cmpstr (now, !=, body_before);
    g_assert_cmpstr (waste, ==, "2.000000");
    g_assert_nonnull (strstr (calc, "clo-pattern"));
  }

  /* Undo, as the toast's button does. */
  g_action_group_activate_action (G_ACTION_GROUP (f->window), "undo-clo-import", g_variant_new_string (import_id));
  wait.want = body_before;
  wait_until (body_consumption_is, &wait);
  {
    g_autofree char *calc = disk_field (f, "body", "calc");
    g_autofree char *waste = disk_field (f, "body", "wastage_pct");

    g_assert_cmpstr (calc, ==, calc_before);
    g_assert_cmpstr (waste, ==, "8");
  }
  g_assert_finalize_object (dialog);
}

/* The first widget under @w that carries its list record. */
static GtkWidget *
find_tagged (GtkWidget *w)
{
  if (g_object_get_data (G_OBJECT (w), "slv-list-item") != NULL && gtk_widget_get_mapped (w) &&
      gtk_widget_get_width (w) > 0)
    return w;
  for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_tagged (c);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
has_tagged (gpointer data)
{
  return find_tagged (data) != NULL;
}

/* The menu's window action opens the dialog on the style selected in the
 * Styles page; import-clo-file loads a path at once. */
static void
test_window_actions (Fixture       *f,
                     gconstpointer  data)
{
  SlvListPage *page = SLV_LIST_PAGE (slv_window_get_page_widget (f->window, "styles"));
  g_autofree char *dxf = slv_test_corpus_path ("dxf/MEN CLASSIC TEE.DXF");
  g_autoptr(GObject) selected = NULL;
  SlvCloImportDialog *dialog = NULL;
  GListModel *toplevels;

  if (dxf == NULL)
    return;
  g_action_group_activate_action (G_ACTION_GROUP (f->window), "show-page", g_variant_new_string ("styles"));
  wait_until (page_loaded, page);
  selected = slv_list_page_get_selected_item (page);
  g_assert_true (SLV_IS_STYLE (selected));
  g_action_group_activate_action (G_ACTION_GROUP (f->window), "import-clo", g_variant_new_string (""));
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && dialog == NULL; i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (SLV_IS_CLO_IMPORT_DIALOG (w))
        dialog = SLV_CLO_IMPORT_DIALOG (g_object_ref (w));
    }
  g_assert_nonnull (dialog);
  g_assert_cmpstr (slv_clo_import_dialog_get_style_code (dialog), ==, slv_style_get_code (SLV_STYLE (selected)));
  g_assert_cmpstr (slv_clo_import_dialog_get_state (dialog), ==, "choose");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);

  /* What a drop on a row does: the row under the point names the style. */
  {
    GtkWidget *label;
    double x = 0, y = 0;
    g_autoptr(GObject) found = NULL;

    wait_until (has_tagged, page);
    label = find_tagged (GTK_WIDGET (page));
    g_assert_true (gtk_widget_translate_coordinates (label, GTK_WIDGET (page), 2, 2, &x, &y));
    found = slv_list_page_get_item_at (page, x, y);

    g_assert_true (found == g_object_get_data (G_OBJECT (label), "slv-list-item"));
  }
}

/* The corpus's unit trap: reported, not silently rescaled; the warning's
 * button reads it again at the suggested scale. */
static void
test_unit_trap (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *dxf = slv_test_corpus_path ("dxf/clo2-pattern.dxf");
  SlvCloImportDialog *dialog;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;

  if (dxf == NULL)
    return;
  dialog = g_object_ref (slv_clo_import_dialog_new (GTK_WINDOW (f->window), f->store, NULL));
  gtk_window_present (GTK_WINDOW (dialog));
  slv_clo_import_dialog_load (dialog, dxf);
  wait_until (idle, dialog);
  g_assert_cmpstr (slv_clo_import_dialog_get_state (dialog), ==, "preview");
  /* No style: the pieces alone, nothing to apply. */
  g_assert_null (slv_clo_import_dialog_get_plan (dialog));
  g_assert_cmpuint (slv_clo_import_dialog_get_n_drawn_pieces (dialog), >, 0);
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (dialog->apply_button)));
  before = slv_clo_import_dup_warnings (slv_clo_import_dialog_get_import (dialog));
  g_assert_true (slv_warnings_has (before, "unit-scale-suspect"));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "clo-import.rescale", "d", 10.0);
  wait_until (idle, dialog);
  after = slv_clo_import_dup_warnings (slv_clo_import_dialog_get_import (dialog));
  g_assert_false (slv_warnings_has (after, "unit-scale-suspect"));
  g_assert_true (slv_warnings_has (after, "scale-applied"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);
}

/* The BOM file's columns chosen in the dialog: saved in the workspace and
 * the export read again with them. */
static void
test_bom_columns (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *dxf = slv_test_corpus_path ("dxf/MEN CLASSIC TEE.DXF");
  g_autofree char *bundle = g_build_filename (f->dir, "handoff", NULL);
  g_autofree char *csv = g_build_filename (bundle, "bom.csv", NULL);
  g_autofree char *copy = g_build_filename (bundle, "tee.dxf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(SlvBomMapping) saved = NULL;
  SlvCloImportDialog *dialog;
  SlvBomLine *line;
  gsize len;

  if (dxf == NULL)
    return;
  g_assert_cmpint (g_mkdir (bundle, 0700), ==, 0);
  g_assert_true (g_file_get_contents (dxf, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (copy, contents, len, NULL));
  g_assert_true (g_file_set_contents (csv, "Material ID;Description;Placement;Qty;Qty per dozen;UOM\n"
                                           "1200106;Rib;Neck rib;0,02;0,24;KG\n", -1, NULL));
  dialog = g_object_ref (slv_clo_import_dialog_new (GTK_WINDOW (f->window), f->store, TEE_CODE));
  gtk_window_present (GTK_WINDOW (dialog));
  slv_clo_import_dialog_load (dialog, bundle);
  wait_until (idle, dialog);
  line = g_ptr_array_index (slv_clo_import_get_bom_lines (slv_clo_import_dialog_get_import (dialog)), 0);
  g_assert_cmpstr (line->values[SLV_BOM_FIELD_CONSUMPTION], ==, "0.02");
  g_assert_cmpstr (slv_clo_import_get_bom_headers (slv_clo_import_dialog_get_import (dialog))[4], ==, "Qty per dozen");

  gtk_widget_activate_action (GTK_WIDGET (dialog), "clo-import.map-bom-column", "(ss)", "consumption",
                              "Qty per dozen");
  wait_until (idle, dialog);
  line = g_ptr_array_index (slv_clo_import_get_bom_lines (slv_clo_import_dialog_get_import (dialog)), 0);
  g_assert_cmpstr (line->values[SLV_BOM_FIELD_CONSUMPTION], ==, "0.24");
  saved = slv_clo_dup_saved_bom_mapping (f->store);
  g_assert_cmpstr (saved->headers[SLV_BOM_FIELD_CONSUMPTION], ==, "Qty per dozen");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);
}

int
main (int argc, char **argv)
{
  if (!slv_ui_test_init (&argc, &argv, "/ui/clo-import/no-display"))
    return g_test_run ();
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/ui/clo-import/preview-apply-undo", test_preview_apply_undo);
  ADD ("/ui/clo-import/window-actions", test_window_actions);
  ADD ("/ui/clo-import/unit-trap", test_unit_trap);
  ADD ("/ui/clo-import/bom-columns", test_bom_columns);
#undef ADD
  return g_test_run ();
}
