/* bench-pricing.c: price every costing of a generated workspace.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Generates a workspace of SELVEDGE_BENCH_STYLES styles (default 100,000)
 * with one costing of 20 lines each (8 BOM lines, among them knit
 * consumption from measurements with a yarn price chain, and 12 process
 * lines: screen print, embroidery, washing, dyeing, making, cutting, trims,
 * testing, packing…) on the demo brand's cost master, then measures:
 *   - loading every costing from the workspace;
 *   - pricing every costing on one core (targets: ≥ 2 M cost lines/s);
 *   - recomputing one costing (target < 50 µs);
 *   - a costing-session edit: validate, write in a transaction, recompute.
 * CPU times are per thread (CLOCK_THREAD_CPUTIME_ID), so other processes
 * on the machine do not inflate them; wall times are printed beside.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "slv-test-util.h"
#include "services/slv-bom-line-item.h"
#include "services/slv-costing-session.h"
#include "services/slv-demo.h"
#include "services/slv-demo-data.h"

typedef struct
{
  double cpu;
  double wall;
} Clock;

static Clock
clock_now (void)
{
  struct timespec c, w;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &c);
  clock_gettime (CLOCK_MONOTONIC, &w);
  return (Clock) { c.tv_sec + c.tv_nsec / 1e9, w.tv_sec + w.tv_nsec / 1e9 };
}

static Clock
clock_since (Clock start)
{
  Clock now = clock_now ();

  return (Clock) { now.cpu - start.cpu, now.wall - start.wall };
}

typedef struct
{
  SlvCostMaster *master;
  char          *brand;
  guint          n_styles;
  GRand         *rand;
} Gen;

static const char *
rate_id (Gen        *g,
         const char *process,
         const char *key,
         const char *supplier)
{
  const SlvRateGroup *group = slv_cost_master_find_rates (g->master, process, key, supplier, NULL);
  const SlvRate *rate = group ? slv_rate_group_pick (group, SLV_DEMO_COSTING_DATE, 0, NULL) : NULL;

  if (rate == NULL)
    g_error ("The demo cost master has no %s/%s rate from %s", process, key, supplier);
  return rate->id;
}

static const char *
material_id (Gen        *g,
             const char *code)
{
  const SlvMaterialRec *m = slv_cost_master_find_material (g->master, code);

  if (m == NULL)
    g_error ("The demo has no material %s", code);
  return m->id;
}

#define YARN_CHAIN \
  "\"price\":{\"yarn\":\"0001100101\",\"knit_loss_pct\":\"0.5\",\"knitting\":{\"key\":\"single-jersey\"," \
  "\"supplier\":\"KN-GAZ-01\"},\"dye_loss_pct\":\"10\",\"dyeing\":{\"key\":\"reactive-medium\"," \
  "\"supplier\":\"DY-GAZ-01\"}"

static gboolean
insert_costing (SlvStore  *store,
                Gen       *g,
                guint      i,
                GError   **error)
{
  g_autofree char *code = g_strdup_printf ("BX%06u", i);
  g_autofree char *style = NULL, *costing = NULL;
  g_autofree char *qty = g_strdup_printf ("%d", g_rand_int_range (g->rand, 300, 20000));
  g_autofree char *knit = g_strdup_printf ("{\"method\":\"knit\",\"body_length\":\"%d\",\"body_allowance\":\"5\","
                                           "\"sleeve_length\":\"%d\",\"sleeve_allowance\":\"4\",\"half_chest\":\"%d\","
                                           "\"chest_allowance\":\"3\",\"gsm\":\"%d\"," YARN_CHAIN ",\"surcharge\":\"0\"}}",
                                           g_rand_int_range (g->rand, 60, 80), g_rand_int_range (g->rand, 18, 26),
                                           g_rand_int_range (g->rand, 48, 62), g_rand_int_range (g->rand, 140, 240));
  g_autofree char *print = g_strdup_printf ("{\"colours\":%d,\"locations\":%d}", g_rand_int_range (g->rand, 1, 4),
                                            g_rand_int_range (g->rand, 1, 3));
  g_autofree char *emb = g_strdup_printf ("{\"stitches\":\"%d\",\"digitising\":\"digitising\"}",
                                          g_rand_int_range (g->rand, 2000, 12000));
  g_autofree char *make = g_strdup_printf ("{\"sam\":\"%d.%d\",\"efficiency\":\"0.%d\"}", g_rand_int_range (g->rand, 8, 30),
                                           g_rand_int_range (g->rand, 0, 10), g_rand_int_range (g->rand, 50, 75));
  static const struct { const char *code, *placement, *consumption, *unit, *wastage; } trims[] = {
    { "0001200113", "collar", "0.060", "KG", "9" }, { "0001400101", "main label", "1", "PC", "2" },
    { "0001400102", "care label", "1", "PC", "2" }, { "0001400103", "hang tag", "1", "PC", "1" },
    { "0001400111", "neck tape", "0.45", "M", "5" }, { "0001400109", "thread", "150", "M", "10" },
  };
  struct { const char *process, *rate, *quantity, *loss, *params; } procs[] = {
    { "printing", rate_id (g, "printing", "screen-first-colour", "PR-DHK-01"), "1", "0", print },
    { "embroidery", rate_id (g, "embroidery", "per-1000-stitches", "EM-DHK-01"), "1", "0", emb },
    { "washing", rate_id (g, "washing", "enzyme", "WS-DHK-01"), "1", "0", NULL },
    { "dyeing", rate_id (g, "dyeing", "garment-dye", "WS-DHK-01"), "1", "2", NULL },
    { "making", rate_id (g, "making", "knit-line", "FA-CTG-01"), "1", "0", make },
    { "making", rate_id (g, "making", "cutting", "FA-CTG-01"), "2", "0", NULL },
    { "trims", rate_id (g, "trims", "basic-knit-pack", "TR-DHK-01"), "1", "0", NULL },
    { "testing", rate_id (g, "testing", "basic-knit", "LB-DHK-01"), "1", "0", NULL },
    { "packing", rate_id (g, "packing", "polybag", "PK-DHK-01"), "1", "0", NULL },
    { "packing", rate_id (g, "packing", "carton", "PK-DHK-01"), "1", "0", NULL },
    { "knitting", rate_id (g, "knitting", "flat-knit-collar", "KN-GAZ-01"), "1", "0", NULL },
    { "printing", rate_id (g, "printing", "digital-dtg", "PR-DHK-01"), "1", "0", NULL },
  };
  static const char params[] =
    "{\"overhead\":{\"rate\":\"factory-overhead\",\"supplier\":\"FA-CTG-01\",\"base\":\"cm\",\"kind\":\"markup\"},"
    "\"commercial\":{\"rate\":\"lc-bank-docs\",\"base\":\"production\",\"kind\":\"markup\"},"
    "\"profit\":{\"rate\":\"factory-profit\",\"base\":\"cost_plus_commercial\",\"kind\":\"markup\"},"
    "\"freight\":{\"rate\":\"sea-ctg-rotterdam\"},\"insurance_pct\":\"0.5\",\"clearance\":{\"rate\":\"eu-broker\"}}";

  if (!slv_store_insert (store, "style", &style, error, "brand_id", g->brand, "code", code, "name", "Bench tee",
                         "category", "tee", "hs_code", "6109.10", NULL) ||
      !slv_store_insert (store, "costing", &costing, error, "brand_id", g->brand, "style_id", style,
                         "scenario", "Base", "currency", "USD", "fx_set", "Budget AW27", "order_qty", qty,
                         "destination", i % 3 ? "EU" : "US", "channel", "retail", "params", params,
                         "costing_date", SLV_DEMO_COSTING_DATE, NULL) ||
      !slv_store_insert (store, "bom_line", NULL, error, "brand_id", g->brand, "costing_id", costing,
                         "style_id", style, "position", "a000", "material_id", material_id (g, "0001200101"),
                         "placement", "body", "consumption", "0", "unit", "KG", "wastage_pct", "8", "calc", knit, NULL) ||
      !slv_store_insert (store, "bom_line", NULL, error, "brand_id", g->brand, "costing_id", costing,
                         "style_id", style, "position", "a001", "material_id", material_id (g, "0001200106"),
                         "placement", "rib", "consumption", "0", "unit", "KG", "wastage_pct", "0",
                         "calc", "{\"method\":\"per_dozen\",\"grams_per_dozen\":\"100\"," YARN_CHAIN ",\"surcharge\":\"0.50\"}}",
                         NULL))
    return FALSE;
  for (guint t = 0; t < G_N_ELEMENTS (trims); t++)
    {
      g_autofree char *pos = g_strdup_printf ("a%03u", t + 2);

      if (!slv_store_insert (store, "bom_line", NULL, error, "brand_id", g->brand, "costing_id", costing,
                             "style_id", style, "position", pos, "material_id", material_id (g, trims[t].code),
                             "placement", trims[t].placement, "consumption", trims[t].consumption,
                             "unit", trims[t].unit, "wastage_pct", trims[t].wastage, NULL))
        return FALSE;
    }
  for (guint p = 0; p < G_N_ELEMENTS (procs); p++)
    {
      g_autofree char *pos = g_strdup_printf ("a%03u", p);

      if (!slv_store_insert (store, "process_line", NULL, error, "brand_id", g->brand, "costing_id", costing,
                             "style_id", style, "position", pos, "process", procs[p].process,
                             "rate_id", procs[p].rate, "quantity", procs[p].quantity, "loss_pct", procs[p].loss,
                             "params", procs[p].params, NULL))
        return FALSE;
    }
  return TRUE;
}

static gboolean
generate_tx (SlvStore  *store,
             gpointer   data,
             GError   **error)
{
  Gen *g = data;

  for (guint i = 0; i < g->n_styles; i++)
    if (!insert_costing (store, g, i, error))
      return FALSE;
  return TRUE;
}

static void
price_all (SlvCostMaster *master,
           GPtrArray     *all,
           guint64        lines,
           const char    *what)
{
  SlvDecimal fob_sum = SLV_DECIMAL_ZERO;
  g_autofree char *sum = NULL;
  Clock t = clock_now ();

  for (guint i = 0; i < all->len; i++)
    {
      g_autoptr(GError) local = NULL;
      g_autoptr(SlvCostSheet) sheet = slv_costing_price (master, g_ptr_array_index (all, i), &local);
      SlvDecimal fob;

      g_assert_no_error (local);
      if (slv_cost_sheet_get_total (sheet, SLV_TOTAL_FOB_ROUNDED, &fob))
        g_assert_true (slv_decimal_add (fob_sum, fob, &fob_sum));
    }
  t = clock_since (t);
  sum = slv_decimal_format (fob_sum, 2, SLV_ROUND_HALF_UP);
  printf ("  %-40s %8.2f s cpu, %8.2f s wall: %.2f M cost lines/s (cpu), %.2f M/s (wall)\n",
          what, t.cpu, t.wall, lines / t.cpu / 1e6, lines / t.wall / 1e6);
  printf ("  %-40s %8.2f µs per costing; Σ FOB %s USD\n", "", t.cpu / all->len * 1e6, sum);
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
bench_recompute (SlvCostMaster   *master,
                 SlvCostingInput *input,
                 const char      *what)
{
  enum { N = 20000 };
  g_autofree double *samples = g_new (double, N);
  guint lines = input->bom->len + input->processes->len;
  double total = 0;

  for (guint i = 0; i < N; i++)
    {
      Clock start = clock_now ();
      g_autoptr(SlvCostSheet) sheet = slv_costing_price (master, input, NULL);

      samples[i] = clock_since (start).cpu * 1e6;
      total += samples[i];
      g_assert_nonnull (sheet);
    }
  qsort (samples, N, sizeof (double), compare_doubles);
  printf ("  %-40s %8.2f µs median, %8.2f µs mean, %8.2f µs p99 (%u lines)\n", what,
          samples[N / 2], total / N, samples[N * 99 / 100], lines);
}

int
main (int argc, char **argv)
{
  /* SELVEDGE_BENCH_WORKSPACE keeps the generated workspace at that path */
  const char *keep = g_getenv ("SELVEDGE_BENCH_WORKSPACE");
  g_autofree char *dir = keep ? NULL : slv_test_make_tmpdir ("slv-bench-pricing");
  g_autofree char *path = keep ? g_strdup (keep) : g_build_filename (dir, "Bench.selvedge", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvStore) store = NULL;
  g_autoptr(SlvPricing) pricing = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(SlvCostMaster) master = NULL;
  const char *env = g_getenv ("SELVEDGE_BENCH_STYLES");
  Gen gen = { NULL, NULL, env ? (guint) atoi (env) : 100000, g_rand_new_with_seed (27) };
  guint64 lines = 0, unreadable = 0;
  Clock t;

  g_test_init (&argc, &argv, NULL);
  store = slv_demo_create (path, &error);
  g_assert_no_error (error);
  gen.brand = slv_costing_repo_dup_first_brand (store, &error);
  pricing = slv_pricing_new (store);
  gen.master = slv_pricing_dup_master (pricing, gen.brand, &error);
  g_assert_no_error (error);

  printf ("Selvedge pricing benchmark: %u generated styles × 20 lines, one core\n", gen.n_styles);
  t = clock_now ();
  g_assert_true (slv_store_transaction (store, generate_tx, &gen, &error));
  g_assert_no_error (error);
  t = clock_since (t);
  printf ("  %-40s %8.2f s wall\n", "generating the workspace", t.wall);

  t = clock_now ();
  {
    guint bad = 0;

    all = slv_costing_repo_load_all (store, &bad, &error);
    unreadable = bad;
  }
  g_assert_no_error (error);
  t = clock_since (t);
  for (guint i = 0; i < all->len; i++)
    {
      SlvCostingInput *in = g_ptr_array_index (all, i);

      lines += in->bom->len + in->processes->len;
    }
  printf ("  %-40s %8.2f s cpu, %8.2f s wall: %u costings, %" G_GUINT64_FORMAT " lines, %.0f lines/s\n",
          "loading every costing", t.cpu, t.wall, all->len, lines, lines / t.cpu);
  g_assert_cmpuint (unreadable, ==, 0);

  master = slv_pricing_dup_master (pricing, gen.brand, &error);
  price_all (master, all, lines, "pricing every costing (unbound)");
  t = clock_now ();
  for (guint i = 0; i < all->len; i++)
    slv_costing_input_bind (g_ptr_array_index (all, i), master);
  t = clock_since (t);
  printf ("  %-40s %8.2f s cpu, %8.2f s wall: %.2f M lines/s\n", "binding every costing to the master",
          t.cpu, t.wall, lines / t.cpu / 1e6);
  price_all (master, all, lines, "pricing every costing (bound)");

  bench_recompute (master, g_ptr_array_index (all, 0), "recomputing a generated costing");
  {
    g_autofree char *tee = slv_costing_repo_find (store, "NL27S-TS001", NULL, &error);
    g_autoptr(SlvCostingInput) in = slv_costing_repo_load (store, tee, &error);
    g_autoptr(SlvCostingSession) session = slv_costing_session_new (pricing, tee, &error);
    g_autoptr(SlvBomLineItem) body = NULL;
    enum { EDITS = 2000 };
    guint64 recompute = 0;

    g_assert_no_error (error);
    bench_recompute (master, in, "recomputing the demo tee (example A)");
    body = g_list_model_get_item (slv_costing_session_get_bom_lines (session), 0);
    t = clock_now ();
    for (guint i = 0; i < EDITS; i++)
      {
        g_autofree char *value = g_strdup_printf ("0.%03u", 200 + i % 100);

        g_assert_true (slv_costing_session_edit_line (session, SLV_COSTING_LINE_BOM,
                                                      slv_bom_line_item_get_id (body), "consumption", value, &error));
        recompute += slv_costing_session_get_recompute_ns (session);
      }
    t = clock_since (t);
    printf ("  %-40s %8.2f µs recompute, %8.2f µs cpu per edit (write + recompute + notify), %.2f ms wall\n",
            "costing-session edit", recompute / (double) EDITS / 1e3, t.cpu / EDITS * 1e6, t.wall / EDITS * 1e3);
  }

  g_rand_free (gen.rand);
  g_free (gen.brand);
  g_clear_object (&gen.master);
  g_clear_pointer (&all, g_ptr_array_unref);
  g_clear_object (&store);
  if (dir != NULL)
    slv_test_rm_rf (dir);
  return 0;
}
