/* test-pricing.c: the costing editor, scenarios, the cost master and the
 * margin rules in the real window on a demo workspace, driven by their
 * actions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "slv-test-util.h"
#include "slv-ui-test-util.h"
#include "slv-cost-master-page.h"
#include "slv-costing-editor.h"
#include "slv-list-page.h"
#include "slv-margin-rules-page.h"
#include "slv-scenario-compare.h"
#include "slv-style-page.h"
#include "slv-window.h"
#include "slv-window-sync.h"
#include "store/slv-store-private.h"
#include "core/slv-cost-rate.h"
#include "core/slv-material.h"
#include "services/slv-bom-line-item.h"
#include "services/slv-demo.h"
#include "store/slv-costing-repo.h"
#include "store/slv-repo.h"

typedef struct
{
  char      *dir;
  SlvStore  *store;
  SlvWindow *window;
} Fixture;

typedef gboolean (*DoneFunc) (gpointer data);

/* The figures settle within this many seconds. */
#define SETTLE_SECONDS 20

static void
wait_until (DoneFunc done,
            gpointer data)
{
  slv_ui_test_wait_until (done, data, SETTLE_SECONDS);
}

static SlvStylePage *
style_page (Fixture *f)
{
  return SLV_STYLE_PAGE (slv_window_get_page_widget (f->window, "style"));
}

static SlvCostingEditor *
editor (Fixture *f)
{
  return slv_style_page_get_editor (style_page (f));
}

static gboolean
style_ready (gpointer data)
{
  SlvStylePage *page = style_page (data);

  return g_strcmp0 (slv_style_page_get_view (page), "loading") != 0 && !slv_style_page_get_busy (page);
}

static gboolean
style_idle (gpointer data)
{
  return !slv_style_page_get_busy (style_page (data));
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = slv_test_make_tmpdir ("slv-ui-pricing");
  path = g_build_filename (f->dir, "Demo.selvedge", NULL);
  f->store = slv_demo_create (path, &error);
  g_assert_no_error (error);
  f->window = g_object_ref_sink (slv_window_new (NULL, f->store));
  gtk_window_present (GTK_WINDOW (f->window));
}

static gboolean
all_idle (gpointer data)
{
  Fixture *f = data;

  return style_idle (f) &&
         !slv_cost_master_page_get_busy (SLV_COST_MASTER_PAGE (slv_window_get_page_widget (f->window, "cost-master"))) &&
         !slv_margin_rules_page_get_busy (SLV_MARGIN_RULES_PAGE (slv_window_get_page_widget (f->window, "margin-rules")));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  /* nothing is left half written */
  wait_until (all_idle, f);
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_assert_finalize_object (f->window);
  g_clear_object (&f->store);
  slv_test_rm_rf (f->dir);
  g_free (f->dir);
}

static void
activate (Fixture    *f,
          const char *action,
          const char *param)
{
  g_action_group_activate_action (G_ACTION_GROUP (f->window), action,
                                  param ? g_variant_new_string (param) : NULL);
}

static void
open_tee (Fixture *f)
{
  activate (f, "open-style", "NL27S-TS001");
  g_assert_cmpstr (slv_window_get_page (f->window), ==, "style");
  wait_until (style_ready, f);
  g_assert_cmpstr (slv_style_page_get_view (style_page (f)), ==, "editor");
}

/* A session of its own, read from the workspace: what was written. */
static SlvCostingSession *
read_back (Fixture    *f,
           const char *scenario)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvPricing) pricing = slv_pricing_new (f->store);
  g_autofree char *id = slv_costing_repo_find (f->store, "NL27S-TS001", scenario, &error);
  SlvCostingSession *session;

  g_assert_no_error (error);
  session = slv_costing_session_new (pricing, id, &error);
  g_assert_no_error (error);
  return session;
}

static void
test_edit_consumption (Fixture       *f,
                       gconstpointer  data)
{
  SlvCostingEditor *ed;
  SlvCostingSession *session;
  g_autofree char *fob_before = NULL;
  g_autofree char *retail_before = NULL;
  g_autoptr(SlvCostingSession) written = NULL;
  g_autoptr(SlvBomLineItem) body = NULL;
  gint64 t0;

  open_tee (f);
  ed = editor (f);
  session = slv_costing_editor_get_session (ed);
  g_assert_cmpstr (slv_style_page_get_title (style_page (f)), ==, "NL27S-TS001  Coastline Crew Tee");
  g_assert_cmpstr (slv_costing_editor_get_figure_text (ed, "fob"), ==, slv_costing_session_get_text (session, "fob"));
  g_assert_cmpstr (slv_costing_editor_get_figure_text (ed, "retail"), ==,
                   slv_costing_session_get_text (session, "retail"));
  fob_before = g_strdup (slv_costing_editor_get_figure_text (ed, "fob"));
  retail_before = g_strdup (slv_costing_editor_get_figure_text (ed, "retail"));

  /* the body fabric's consumption, as typing into its cell does */
  t0 = g_get_monotonic_time ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (ed), "costing.edit-line", "(suss)",
                                             "bom", 0, "consumption", "0.30"));
  g_test_message ("edit validated, priced and shown in %.3f ms (pricing %.1f µs)",
                  (g_get_monotonic_time () - t0) / 1000.0, slv_costing_session_get_recompute_ns (session) / 1000.0);
  /* recomputed before the main loop ran again: within the frame */
  g_assert_cmpstr (slv_costing_editor_get_figure_text (ed, "fob"), !=, fob_before);
  g_assert_cmpstr (slv_costing_editor_get_figure_text (ed, "retail"), !=, retail_before);
  body = g_list_model_get_item (slv_costing_session_get_bom_lines (session), 0);
  g_assert_cmpstr (slv_bom_line_item_get_text (body, "net"), ==, "0.30000000");

  /* what the labels show is what the workspace now prices */
  wait_until (style_idle, f);
  g_assert_cmpstr (slv_costing_editor_get_message (ed), ==, "");
  written = read_back (f, NULL);
  g_assert_cmpstr (slv_costing_editor_get_figure_text (ed, "fob"), ==, slv_costing_session_get_text (written, "fob"));
  g_assert_cmpstr (slv_costing_editor_get_figure_text (ed, "retail"), ==,
                   slv_costing_session_get_text (written, "retail"));
  g_assert_cmpstr (slv_costing_editor_get_figure_text (ed, "landed"), ==,
                   slv_costing_session_get_text (written, "landed"));

  /* a value that is not a number is refused with a message; nothing moves */
  gtk_widget_activate_action (GTK_WIDGET (ed), "costing.edit-line", "(suss)", "bom", 0, "wastage_pct", "lots");
  wait_until (style_idle, f);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpstr (slv_costing_editor_get_message (ed), !=, "");
  g_assert_cmpstr (slv_costing_editor_get_figure_text (ed, "fob"), ==, slv_costing_session_get_text (written, "fob"));
}

static gboolean
has_message (gpointer data)
{
  return *slv_costing_editor_get_message (editor (data)) != '\0';
}

static gboolean
status_is (Fixture    *f,
           const char *status)
{
  return g_strcmp0 (slv_costing_session_get_status (slv_costing_editor_get_session (editor (f))), status) == 0;
}

static void
move_status (Fixture    *f,
             const char *status)
{
  gtk_widget_activate_action (GTK_WIDGET (editor (f)), "costing.set-status", "s", status);
  wait_until (style_idle, f);
  g_assert_true (status_is (f, status));
}

static void
sign_in_as (Fixture    *f,
            const char *role)
{
  SlvSyncEngine *engine = slv_window_get_sync_engine (f->window);
  sqlite3_stmt *stmt = slv_store_prepare (f->store, "SELECT id FROM brand", NULL);
  g_autofree char *brand = sqlite3_step (stmt) == SQLITE_ROW ? g_strdup ((const char *) sqlite3_column_text (stmt, 0))
                                                             : NULL;
  g_autofree char *grants = g_strdup_printf ("[{\"role\":\"%s\",\"scope\":\"brand:%s\"},"
                                             "{\"role\":\"%s\",\"scope\":\"brand:%s:costing\"}]",
                                             role, brand, role, brand);
  g_autoptr(GError) error = NULL;

  sqlite3_reset (stmt);
  g_assert_nonnull (brand);
  slv_sync_engine_set_automatic (engine, FALSE);
  g_assert_true (slv_sync_engine_set_sign_in (engine, "http://127.0.0.1:9", "token", NULL, "u-1", "u@example.org",
                                              grants, &error));
  g_assert_no_error (error);
}

/* RBAC mirrored: a designer reads costings and the cost master but cannot
 * change them; a merchandiser can. */
static void
test_rbac (Fixture       *f,
           gconstpointer  data)
{
  SlvListPage *rates = SLV_LIST_PAGE (slv_window_get_page_widget (f->window, "cost-master"));
  SlvCostingEditor *ed;
  g_autofree char *fob = NULL;
  gboolean editable = TRUE;

  open_tee (f);
  ed = editor (f);
  sign_in_as (f, "designer");
  g_object_get (ed, "editable", &editable, NULL);
  g_assert_false (editable);
  g_assert_nonnull (strstr (slv_costing_editor_get_banner (ed), "role"));
  fob = g_strdup (slv_costing_editor_get_figure_text (ed, "fob"));
  gtk_widget_activate_action (GTK_WIDGET (ed), "costing.edit-line", "(suss)", "bom", 0, "consumption", "0.50");
  wait_until (style_idle, f);
  g_assert_cmpstr (slv_costing_editor_get_figure_text (ed, "fob"), ==, fob);

  activate (f, "show-page", "cost-master");
  wait_until (all_idle, f);
  g_assert_false (slv_list_page_get_editable (rates));

  /* the margin rule's text takes no edit */
  {
    SlvMarginRulesPage *rules = SLV_MARGIN_RULES_PAGE (slv_window_get_page_widget (f->window, "margin-rules"));
    g_autofree char *before = NULL;
    g_autofree char *after = NULL;

    activate (f, "show-page", "margin-rules");
    wait_until (all_idle, f);
    gtk_widget_activate_action (GTK_WIDGET (rules), "margin-rules.select", "s", "wholesale");
    g_assert_nonnull (slv_margin_rules_page_get_rule_id (rules));
    before = slv_margin_rules_page_dup_expression (rules);
    g_assert_cmpstr (before, !=, "landed * 9");
    gtk_widget_activate_action (GTK_WIDGET (rules), "margin-rules.set-expression", "s", "landed * 9");
    after = slv_margin_rules_page_dup_expression (rules);
    g_assert_cmpstr (after, ==, before);
  }

  sign_in_as (f, "merchandiser");
  g_assert_true (slv_list_page_get_editable (rates));
  activate (f, "open-style", "NL27S-TS001");
  wait_until (style_ready, f);
  g_object_get (ed, "editable", &editable, NULL);
  g_assert_true (editable);
  g_assert_null (slv_costing_editor_get_banner (ed));
}

static void
test_frozen (Fixture       *f,
             gconstpointer  data)
{
  SlvCostingEditor *ed;
  g_autofree char *fob = NULL;
  g_autoptr(SlvCostingSession) written = NULL;
  gboolean editable = TRUE;

  open_tee (f);
  ed = editor (f);
  g_assert_null (slv_costing_editor_get_banner (ed));
  move_status (f, "submitted");
  move_status (f, "approved");
  move_status (f, "frozen");
  g_object_get (ed, "editable", &editable, NULL);
  g_assert_false (editable);
  g_assert_nonnull (strstr (slv_costing_editor_get_banner (ed), "frozen"));

  /* an edit is refused and says why; nothing changes */
  fob = g_strdup (slv_costing_editor_get_figure_text (ed, "fob"));
  gtk_widget_activate_action (GTK_WIDGET (ed), "costing.edit-line", "(suss)", "bom", 0, "consumption", "0.50");
  wait_until (has_message, f);
  g_assert_nonnull (strstr (slv_costing_editor_get_message (ed), "frozen"));
  g_assert_nonnull (strstr (slv_costing_editor_get_message (ed), "Copy it"));
  g_assert_cmpstr (slv_costing_editor_get_figure_text (ed, "fob"), ==, fob);
  written = read_back (f, NULL);
  g_assert_cmpstr (slv_costing_session_get_text (written, "fob"), ==, fob);

  /* but it can be copied, and the copy can be edited */
  gtk_widget_activate_action (GTK_WIDGET (style_page (f)), "style.copy-scenario", "s", "What-if");
  wait_until (style_ready, f);
  g_assert_cmpstr (slv_costing_session_get_text (slv_costing_editor_get_session (ed), "scenario"), ==, "What-if");
  g_assert_null (slv_costing_editor_get_banner (ed));
  g_object_get (ed, "editable", &editable, NULL);
  g_assert_true (editable);
  g_assert_cmpstr (slv_costing_editor_get_figure_text (ed, "fob"), ==, fob);
}

static void
test_why (Fixture       *f,
          gconstpointer  data)
{
  SlvCostingEditor *ed;
  SlvWhyPopover *why;

  open_tee (f);
  ed = editor (f);
  gtk_widget_activate_action (GTK_WIDGET (ed), "costing.why", "s", "retail");
  why = slv_costing_editor_get_why (ed);
  g_assert_nonnull (why);
  g_assert_cmpstr (slv_why_popover_get_key (why), ==, "retail");
  /* the tree goes down to the margin rule and the exchange rate */
  g_assert_nonnull (strstr (slv_why_popover_get_explanation (why), "margin rule"));
  g_assert_nonnull (strstr (slv_why_popover_get_explanation (why), "Budget AW27"));

  gtk_widget_activate_action (GTK_WIDGET (ed), "costing.why", "s", "process.1.cost");
  why = slv_costing_editor_get_why (ed);
  g_assert_cmpstr (slv_why_popover_get_key (why), ==, "process.1.cost");
  g_assert_nonnull (strstr (slv_why_popover_get_explanation (why), "knit-line"));
}

static char *
rate_id (Fixture    *f,
         const char *key,
         const char *supplier)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) rates = slv_repo_list (f->store, SLV_TYPE_COST_RATE, NULL, &error);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (rates)); i++)
    {
      g_autoptr(SlvCostRate) r = g_list_model_get_item (G_LIST_MODEL (rates), i);

      if (g_str_equal (slv_cost_rate_get_key (r), key) && g_strcmp0 (slv_cost_rate_get_supplier_name (r), supplier) == 0 &&
          g_strcmp0 (slv_cost_rate_get_valid_from (r), "2026-01-01") == 0 && slv_cost_rate_get_tier_min_qty (r) == 0)
        return g_strdup (slv_entity_get_id (SLV_ENTITY (r)));
    }
  g_assert_not_reached ();
}

static gboolean
compare_shown (gpointer data)
{
  return g_strcmp0 (slv_style_page_get_view (style_page (data)), "compare") == 0;
}

static void
test_compare (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *mirpur = rate_id (f, "knit-line", "Mirpur Knitwear Ltd");
  g_autofree char *base_fob = NULL;
  SlvScenarioCompare *compare;

  open_tee (f);
  base_fob = g_strdup (slv_costing_editor_get_figure_text (editor (f), "fob"));
  gtk_widget_activate_action (GTK_WIDGET (style_page (f)), "style.copy-scenario", "s", "Other factory");
  wait_until (style_ready, f);
  /* the making line (second process) at another factory */
  gtk_widget_activate_action (GTK_WIDGET (editor (f)), "costing.set-rate", "(us)", 1, mirpur);
  wait_until (style_idle, f);
  g_assert_cmpstr (slv_costing_editor_get_message (editor (f)), ==, "");

  activate (f, "compare-scenarios", "NL27S-TS001");
  wait_until (compare_shown, f);
  compare = slv_style_page_get_compare (style_page (f));
  g_assert_cmpuint (slv_scenario_compare_get_n_columns (compare), ==, 2);
  g_assert_cmpstr (slv_scenario_compare_get_text (compare, "factory", 0), ==, "Karnaphuli Apparels");
  g_assert_cmpstr (slv_scenario_compare_get_text (compare, "factory", 1), ==, "Mirpur Knitwear Ltd");
  g_assert_true (slv_scenario_compare_is_different (compare, "factory", 1));
  g_assert_true (slv_scenario_compare_is_different (compare, "fob", 1));
  g_assert_true (slv_scenario_compare_is_different (compare, "making", 1));
  g_assert_false (slv_scenario_compare_is_different (compare, "qty", 1));
  g_assert_false (slv_scenario_compare_is_different (compare, "fabric", 1));
  g_assert_true (g_str_has_prefix (slv_scenario_compare_get_text (compare, "fob", 0), base_fob));
  /* the difference is written beside the figure */
  g_assert_nonnull (strstr (slv_scenario_compare_get_text (compare, "fob", 1), "(-"));

  gtk_widget_activate_action (GTK_WIDGET (style_page (f)), "style.show-editor", NULL);
  g_assert_cmpstr (slv_style_page_get_view (style_page (f)), ==, "editor");
}

static gboolean
rates_loaded (gpointer data)
{
  SlvListPage *page = SLV_LIST_PAGE (slv_window_get_page_widget (((Fixture *) data)->window, "cost-master"));

  return !slv_list_page_get_loading (page) && g_strcmp0 (slv_list_page_get_view (page), "loading") != 0;
}

static gboolean
cost_master_idle (gpointer data)
{
  return !slv_cost_master_page_get_busy (SLV_COST_MASTER_PAGE (slv_window_get_page_widget (((Fixture *) data)->window,
                                                                                           "cost-master")));
}

static SlvCostRate *
shown_rate (SlvListPage *page,
            const char  *id)
{
  GListModel *model = slv_list_page_get_model (page);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SlvCostRate) r = g_list_model_get_item (model, i);

      if (g_str_equal (slv_entity_get_id (SLV_ENTITY (r)), id))
        return r;
    }
  return NULL;
}

typedef struct
{
  Fixture    *f;
  const char *fob;
} FobChange;

static gboolean
fob_changed (gpointer data)
{
  FobChange *c = data;

  return g_strcmp0 (slv_costing_editor_get_figure_text (editor (c->f), "fob"), c->fob) != 0;
}

static void
test_cost_master (Fixture       *f,
                  gconstpointer  data)
{
  SlvListPage *page = SLV_LIST_PAGE (slv_window_get_page_widget (f->window, "cost-master"));
  SlvCostMasterPage *cm = SLV_COST_MASTER_PAGE (page);
  GListModel *model = slv_list_page_get_model (page);
  g_autofree char *id = rate_id (f, "knit-line", "Karnaphuli Apparels");
  g_autofree char *stored = NULL;
  g_autofree char *csv_path = g_build_filename (f->dir, "rates.csv", NULL);
  g_autofree char *csv = NULL;
  g_autofree char *fob = NULL;
  guint all;
  FobChange change;

  open_tee (f);
  fob = g_strdup (slv_costing_editor_get_figure_text (editor (f), "fob"));
  activate (f, "show-page", "cost-master");
  wait_until (rates_loaded, f);
  all = g_list_model_get_n_items (model);

  /* filters by process and by supplier */
  gtk_widget_activate_action (GTK_WIDGET (page), "cost-master.filter-process", "s", "making");
  g_assert_cmpuint (g_list_model_get_n_items (model), <, all);
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SlvCostRate) r = g_list_model_get_item (model, i);

      g_assert_cmpstr (slv_cost_rate_get_process (r), ==, "making");
    }
  gtk_widget_activate_action (GTK_WIDGET (page), "cost-master.filter-supplier", "s", "Karnaphuli Apparels");
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SlvCostRate) r = g_list_model_get_item (model, i);

      g_assert_cmpstr (slv_cost_rate_get_supplier_name (r), ==, "Karnaphuli Apparels");
    }
  g_assert_nonnull (shown_rate (page, id));

  /* a bad value is refused with a message a user can act on */
  gtk_widget_activate_action (GTK_WIDGET (page), "cost-master.edit", "(sss)", id, "rate", "abc");
  wait_until (cost_master_idle, f);
  g_assert_nonnull (strstr (slv_cost_master_page_get_message (cm), "not a number"));
  stored = slv_store_dup_field (f->store, "cost_rate", id, "rate", NULL);
  g_assert_cmpstr (stored, ==, "0.045");
  gtk_widget_activate_action (GTK_WIDGET (page), "cost-master.edit", "(sss)", id, "valid-to", "2025-06-30");
  wait_until (cost_master_idle, f);
  g_assert_cmpstr (slv_cost_master_page_get_message (cm), !=, "");

  /* a good one is written, shown, and the open costing is priced again */
  gtk_widget_activate_action (GTK_WIDGET (page), "cost-master.edit", "(sss)", id, "rate", "0.05");
  wait_until (cost_master_idle, f);
  g_assert_cmpstr (slv_cost_master_page_get_message (cm), ==, "");
  g_clear_pointer (&stored, g_free);
  stored = slv_store_dup_field (f->store, "cost_rate", id, "rate", NULL);
  g_assert_cmpstr (stored, ==, "0.05");
  g_assert_cmpstr (slv_cost_rate_get_rate (shown_rate (page, id)), ==, "0.05");
  change.f = f;
  change.fob = fob;
  wait_until (fob_changed, &change);

  /* the cost master as CSV */
  gtk_widget_activate_action (GTK_WIDGET (page), "cost-master.export-to", "s", csv_path);
  wait_until (cost_master_idle, f);
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, NULL));
  g_assert_nonnull (strstr (csv, "knit-line"));
  g_assert_nonnull (strstr (csv, "expired"));

  /* all rates again */
  gtk_widget_activate_action (GTK_WIDGET (page), "cost-master.filter-process", "s", "");
  gtk_widget_activate_action (GTK_WIDGET (page), "cost-master.filter-supplier", "s", "");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, all);
}

static gboolean
rules_loaded (gpointer data)
{
  return !slv_margin_rules_page_get_loading (data) && slv_margin_rules_page_get_rule_id (data) != NULL;
}

static gboolean
rules_idle (gpointer data)
{
  return !slv_margin_rules_page_get_busy (data) && !slv_margin_rules_page_get_loading (data);
}

static void
test_margin_rule (Fixture       *f,
                  gconstpointer  data)
{
  SlvMarginRulesPage *page = SLV_MARGIN_RULES_PAGE (slv_window_get_page_widget (f->window, "margin-rules"));
  g_autofree char *underlined = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *rule_id = NULL;

  activate (f, "show-page", "margin-rules");
  wait_until (rules_loaded, page);
  gtk_widget_activate_action (GTK_WIDGET (page), "margin-rules.select", "s", "wholesale");
  rule_id = g_strdup (slv_margin_rules_page_get_rule_id (page));
  g_assert_cmpstr (slv_margin_rules_page_get_message (page), ==, "");

  /* an unknown name: underlined where it is, with line and column */
  gtk_widget_activate_action (GTK_WIDGET (page), "margin-rules.set-expression", "s",
                              "round_to(landed * 2,\n  1) * (1 + vatt)");
  g_assert_nonnull (strstr (slv_margin_rules_page_get_message (page), "Line 2, column 13"));
  underlined = slv_margin_rules_page_dup_underlined (page);
  g_assert_cmpstr (underlined, ==, "vatt");
  /* and it cannot be saved */
  gtk_widget_activate_action (GTK_WIDGET (page), "margin-rules.save", NULL);
  g_assert_false (slv_margin_rules_page_get_busy (page));

  /* a syntax error points at the unexpected token */
  gtk_widget_activate_action (GTK_WIDGET (page), "margin-rules.set-expression", "s", "landed * * 2");
  g_clear_pointer (&underlined, g_free);
  underlined = slv_margin_rules_page_dup_underlined (page);
  g_assert_cmpstr (underlined, ==, "*");
  g_assert_nonnull (strstr (slv_margin_rules_page_get_message (page), "Line 1, column 10"));

  /* a valid rule clears the underline and saves */
  gtk_widget_activate_action (GTK_WIDGET (page), "margin-rules.set-expression", "s", "round_to(landed * 2.4, 1)");
  g_assert_null (slv_margin_rules_page_dup_underlined (page));
  g_assert_cmpstr (slv_margin_rules_page_get_message (page), ==, "");
  gtk_widget_activate_action (GTK_WIDGET (page), "margin-rules.save", NULL);
  g_assert_true (slv_margin_rules_page_get_busy (page));
  wait_until (rules_idle, page);
  stored = slv_store_dup_field (f->store, "margin_rule", rule_id, "expression", NULL);
  g_assert_cmpstr (stored, ==, "round_to(landed * 2.4, 1)");
  g_assert_cmpstr (slv_margin_rules_page_get_rule_id (page), ==, rule_id);
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *xlsx = g_build_filename (f->dir, "tee.xlsx", NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "tee.pdf", NULL);
  g_autofree char *bad = g_build_filename (f->dir, "tee.doc", NULL);
  g_autofree char *bytes = NULL;
  gsize len = 0;

  open_tee (f);
  gtk_widget_activate_action (GTK_WIDGET (style_page (f)), "style.export-to", "s", xlsx);
  gtk_widget_activate_action (GTK_WIDGET (style_page (f)), "style.export-to", "s", pdf);
  wait_until (style_idle, f);
  g_assert_true (g_file_get_contents (xlsx, &bytes, &len, NULL));
  g_assert_true (len > 4 && memcmp (bytes, "PK", 2) == 0);
  g_clear_pointer (&bytes, g_free);
  g_assert_true (g_file_get_contents (pdf, &bytes, &len, NULL));
  g_assert_true (len > 4 && memcmp (bytes, "%PDF", 4) == 0);

  gtk_widget_activate_action (GTK_WIDGET (style_page (f)), "style.export-to", "s", bad);
  g_assert_nonnull (strstr (slv_style_page_get_message (style_page (f)), ".xlsx"));
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
}

static void
test_page_action_over_dbus (Fixture       *f,
                            gconstpointer  data)
{
  SlvCostingSession *session;

  open_tee (f);
  session = slv_costing_editor_get_session (editor (f));
  /* what a D-Bus client sends: win.page-action with the page's action */
  g_action_group_activate_action (G_ACTION_GROUP (f->window), "page-action",
                                  g_variant_new ("(sv)", "costing.set-destination", g_variant_new_string ("US")));
  g_assert_cmpstr (slv_costing_session_get_text (session, "destination"), ==, "US");
  g_assert_cmpstr (slv_costing_session_get_text (session, "price-currency"), ==, "USD");
  wait_until (style_idle, f);
  /* a wrong value is refused without harm */
  g_action_group_activate_action (G_ACTION_GROUP (f->window), "page-action",
                                  g_variant_new ("(sv)", "costing.set-destination", g_variant_new_int32 (3)));
  g_assert_cmpstr (slv_costing_session_get_text (session, "destination"), ==, "US");
}

static gboolean
styles_loaded (gpointer data)
{
  return !slv_list_page_get_loading (data) && g_strcmp0 (slv_list_page_get_view (data), "loading") != 0;
}

static void
test_open_from_styles (Fixture       *f,
                       gconstpointer  data)
{
  SlvListPage *styles = SLV_LIST_PAGE (slv_window_get_page_widget (f->window, "styles"));
  GListModel *model = slv_list_page_get_model (styles);
  g_autoptr(GObject) polo = NULL;

  activate (f, "show-page", "styles");
  wait_until (styles_loaded, styles);
  for (guint i = 0; polo == NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SlvEntity) style = g_list_model_get_item (model, i);

      if (g_str_equal (slv_entity_get_string (style, "code"), "NL27S-PO002"))
        polo = G_OBJECT (g_steal_pointer (&style));
    }
  g_assert_nonnull (polo);
  /* what a double click or Enter on the row does */
  SLV_LIST_PAGE_GET_CLASS (styles)->activate_item (styles, polo);
  g_assert_cmpstr (slv_window_get_page (f->window), ==, "style");
  wait_until (style_ready, f);
  g_assert_cmpstr (slv_costing_session_get_text (slv_costing_editor_get_session (editor (f)), "style-code"), ==,
                   "NL27S-PO002");
  /* Styles stays chosen in the sidebar, and going back shows the list */
  gtk_widget_activate_action (GTK_WIDGET (style_page (f)), "style.back", NULL);
  g_assert_cmpstr (slv_window_get_page (f->window), ==, "styles");
}

static char *
material_id (Fixture    *f,
             const char *code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvEntity) m = slv_repo_find_by_code (f->store, SLV_TYPE_MATERIAL, code, &error);

  g_assert_no_error (error);
  return g_strdup (slv_entity_get_id (m));
}

static void
test_lines (Fixture       *f,
            gconstpointer  data)
{
  SlvCostingEditor *ed;
  GListModel *bom;
  g_autofree char *label = material_id (f, "0001400101");
  g_autofree char *pique = material_id (f, "0001200104");
  g_autofree char *fob = NULL;
  g_autoptr(SlvBomLineItem) body = NULL;

  open_tee (f);
  ed = editor (f);
  bom = slv_costing_session_get_bom_lines (slv_costing_editor_get_session (ed));
  fob = g_strdup (slv_costing_editor_get_figure_text (ed, "fob"));

  /* a main label from the master */
  gtk_widget_activate_action (GTK_WIDGET (ed), "costing.add-material", "s", label);
  wait_until (style_idle, f);
  g_assert_cmpuint (g_list_model_get_n_items (bom), ==, 3);
  gtk_widget_activate_action (GTK_WIDGET (ed), "costing.edit-line", "(suss)", "bom", 2, "consumption", "1");
  g_assert_cmpstr (slv_costing_editor_get_figure_text (ed, "fob"), !=, fob);
  wait_until (style_idle, f);
  gtk_widget_activate_action (GTK_WIDGET (ed), "costing.remove-line", "(su)", "bom", 2);
  wait_until (style_idle, f);
  g_assert_cmpuint (g_list_model_get_n_items (bom), ==, 2);
  g_assert_cmpstr (slv_costing_editor_get_figure_text (ed, "fob"), ==, fob);

  /* another fabric for the body */
  gtk_widget_activate_action (GTK_WIDGET (ed), "costing.set-material", "(us)", 0, pique);
  wait_until (style_idle, f);
  body = g_list_model_get_item (bom, 0);
  g_assert_cmpstr (slv_bom_line_item_get_text (body, "material-code"), ==, "0001200104");
  g_assert_cmpstr (slv_costing_editor_get_message (ed), ==, "");

  /* a line that is not there */
  gtk_widget_activate_action (GTK_WIDGET (ed), "costing.remove-line", "(su)", "process", 9);
  g_assert_nonnull (strstr (slv_costing_editor_get_message (ed), "no process line"));

  /* the pickers open (the master's materials, searched) */
  gtk_widget_activate_action (GTK_WIDGET (ed), "costing.pick-material", NULL);
  gtk_widget_activate_action (GTK_WIDGET (ed), "costing.pick-process", NULL);
}

int
main (int argc, char **argv)
{
  if (!slv_ui_test_init (&argc, &argv, "/ui/pricing/no-display"))
    return g_test_run ();
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/ui/pricing/open-from-styles", test_open_from_styles);
  ADD ("/ui/pricing/edit-consumption", test_edit_consumption);
  ADD ("/ui/pricing/frozen", test_frozen);
  ADD ("/ui/pricing/rbac", test_rbac);
  ADD ("/ui/pricing/why", test_why);
  ADD ("/ui/pricing/lines", test_lines);
  ADD ("/ui/pricing/compare", test_compare);
  ADD ("/ui/pricing/cost-master", test_cost_master);
  ADD ("/ui/pricing/margin-rule", test_margin_rule);
  ADD ("/ui/pricing/export", test_export);
  ADD ("/ui/pricing/page-action", test_page_action_over_dbus);
#undef ADD
  return g_test_run ();
}
