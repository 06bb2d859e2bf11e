/* test-repo.c: typed lists and full-text search.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "slv-test-util.h"
#include "core/slv-material.h"
#include "core/slv-supplier.h"
#include "store/slv-repo.h"

typedef struct
{
  char     *dir;
  SlvStore *store;
  char     *brand;
  char     *supplier;
} Fixture;

static void
add_material (Fixture    *f,
              const char *code,
              const char *name,
              const char *composition)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (slv_store_insert (f->store, "material", NULL, &error, "brand_id", f->brand,
                                   "code", code, "name", name, "kind", "fabric", "unit", "KG",
                                   "composition", composition, "supplier_id", f->supplier,
                                   "price", "5.1954", NULL));
  g_assert_no_error (error);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = slv_test_make_tmpdir ("slv-repo");
  path = g_build_filename (f->dir, "Repo.selvedge", NULL);
  f->store = slv_store_open (path, SLV_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (slv_store_insert (f->store, "brand", &f->brand, &error, "code", "NL", "name", "Northloom", NULL));
  g_assert_true (slv_store_insert (f->store, "supplier", &f->supplier, &error, "brand_id", f->brand,
                                   "code", "KN-GAZ-01", "name", "Gazipur Knit Composite", "kind", "knitter", NULL));
  add_material (f, "0001200101", "Single jersey 180 gsm", "100% cotton");
  add_material (f, "0001200104", "Piqué 220 gsm", "100% cotton");
  add_material (f, "0001300101", "Poplin 120 gsm", "100% cotton");
  add_material (f, "0001200103", "Single Jersey lycra", "95% cotton 5% elastane");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->store);
  slv_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->brand);
  g_free (f->supplier);
}

static guint
count (Fixture    *f,
       GType       type,
       const char *search)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) list = slv_repo_list (f->store, type, search, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (G_LIST_MODEL (list));
}

static void
test_list_all_ordered (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) list = slv_repo_list (f->store, SLV_TYPE_MATERIAL, NULL, &error);
  g_autoptr(SlvMaterial) first = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 4);
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (slv_material_get_code (first), ==, "0001200101");
  g_assert_cmpstr (slv_material_get_supplier_name (first), ==, "Gazipur Knit Composite");
  g_assert_cmpstr (slv_material_get_price (first), ==, "5.1954");
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  g_assert_cmpuint (count (f, SLV_TYPE_MATERIAL, "jersey"), ==, 2);
  g_assert_cmpuint (count (f, SLV_TYPE_MATERIAL, "JERS"), ==, 2);         /* prefix, any case */
  g_assert_cmpuint (count (f, SLV_TYPE_MATERIAL, "jersey lycra"), ==, 1); /* all words */
  g_assert_cmpuint (count (f, SLV_TYPE_MATERIAL, "pique"), ==, 1);        /* diacritics folded */
  g_assert_cmpuint (count (f, SLV_TYPE_MATERIAL, "gazipur"), ==, 4);      /* supplier name */
  g_assert_cmpuint (count (f, SLV_TYPE_MATERIAL, "0001300101"), ==, 1);   /* code */
  g_assert_cmpuint (count (f, SLV_TYPE_MATERIAL, "denim"), ==, 0);
  g_assert_cmpuint (count (f, SLV_TYPE_MATERIAL, "   "), ==, 4);
  /* FTS5 syntax in user text is neither an error nor an operator */
  g_assert_cmpuint (count (f, SLV_TYPE_MATERIAL, "\"jersey OR poplin*) NEAR("), ==, 0);
  g_assert_cmpuint (count (f, SLV_TYPE_MATERIAL, "jersey\""), ==, 2);
}

static void
test_search_follows_edits (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvEntity) poplin = slv_repo_find_by_code (f->store, SLV_TYPE_MATERIAL, "0001300101", &error);

  g_assert_no_error (error);
  g_assert_true (slv_store_update_field (f->store, "material", slv_entity_get_id (poplin),
                                         "name", "Poplin jersey-look 120", &error));
  g_assert_cmpuint (count (f, SLV_TYPE_MATERIAL, "jersey"), ==, 3);
  g_assert_true (slv_store_set_deleted (f->store, "material", slv_entity_get_id (poplin), TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count (f, SLV_TYPE_MATERIAL, "jersey"), ==, 2);
  g_assert_cmpuint (count (f, SLV_TYPE_MATERIAL, NULL), ==, 3);

  /* the index survives VACUUM, which may renumber rowids */
  g_assert_true (slv_store_vacuum (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count (f, SLV_TYPE_MATERIAL, "jersey"), ==, 2);
  g_assert_cmpuint (count (f, SLV_TYPE_MATERIAL, "lycra"), ==, 1);
}

static void
test_find (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvEntity) m = slv_repo_find_by_code (f->store, SLV_TYPE_MATERIAL, "0001200104", &error);
  g_autoptr(SlvEntity) again = NULL;
  g_autoptr(SlvEntity) missing = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (slv_material_get_name (SLV_MATERIAL (m)), ==, "Piqué 220 gsm");
  again = slv_repo_get (f->store, SLV_TYPE_MATERIAL, slv_entity_get_id (m), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (slv_entity_get_id (again), ==, slv_entity_get_id (m));
  missing = slv_repo_find_by_code (f->store, SLV_TYPE_MATERIAL, "nope", &error);
  g_assert_null (missing);
  g_assert_error (error, SLV_STORE_ERROR, SLV_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "material"));
}

static void
list_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GListStore **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = slv_repo_list_finish (SLV_STORE (source), result, &error);
  g_assert_no_error (error);
}

static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GListStore) list = NULL;

  slv_repo_list_async (f->store, SLV_TYPE_SUPPLIER, NULL, NULL, list_done_cb, &list);
  while (list == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
}

static void
test_fts_query (void)
{
  const struct { const char *in, *out; } cases[] = {
    { "jersey", "\"jersey\"*" },
    { "  single   jersey ", "\"single\"* \"jersey\"*" },
    { "95%-cotton", "\"95\"* \"cotton\"*" },
    { "\"", NULL },
    { "", NULL },
    { "piqué", "\"piqué\"*" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *q = slv_repo_fts_query (cases[i].in);

      g_assert_cmpstr (q, ==, cases[i].out);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/store/repo/list-all-ordered", test_list_all_ordered);
  ADD ("/store/repo/search", test_search);
  ADD ("/store/repo/search-follows-edits", test_search_follows_edits);
  ADD ("/store/repo/find", test_find);
  ADD ("/store/repo/async", test_async);
#undef ADD
  g_test_add_func ("/store/repo/fts-query", test_fts_query);
  return g_test_run ();
}
