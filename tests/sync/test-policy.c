/* test-policy.c: the table policy registry.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "slv-test-util.h"
#include "sync/slv-sync.h"

#define BRAND    "0190f3c2-7a4e-7b1c-9d2e-3f4a5b6c7d8e"
#define OTHER    "0190f3c2-7a4e-7b1c-9d2e-3f4a5b6c7d8f"
#define SUPPLIER "0190f3c2-0000-7000-8000-00000000005a"

typedef struct
{
  char *name;
  char *type;
  char *rest;
} Column;

static void
column_free (Column *c)
{
  g_free (c->name);
  g_free (c->type);
  g_free (c->rest);
  g_free (c);
}

static gboolean
unbalanced (const char *text)
{
  int depth = 0;

  for (const char *p = text; *p; p++)
    depth += *p == '(' ? 1 : *p == ')' ? -1 : 0;
  return depth > 0;
}

/* Columns of CREATE TABLE @table in the workspace schema. */
static GPtrArray *
schema_columns (const char *sql,
                const char *table)
{
  g_autofree char *pattern = g_strdup_printf ("CREATE TABLE %s \\((.*?)\\n\\) STRICT;", table);
  g_autoptr(GRegex) re = g_regex_new (pattern, G_REGEX_DOTALL, 0, NULL);
  g_autoptr(GRegex) col_re = g_regex_new ("^\\s*([a-z_0-9]+)\\s+(TEXT|INTEGER|REAL)(.*)$", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *body = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *columns = g_ptr_array_new_with_free_func ((GDestroyNotify) column_free);

  if (!g_regex_match (re, sql, 0, &match))
    return columns;
  body = g_match_info_fetch (match, 1);
  lines = g_strsplit (body, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(GMatchInfo) m = NULL;
      Column *c;

      if (!g_regex_match (col_re, lines[i], 0, &m))
        continue;
      c = g_new0 (Column, 1);
      c->name = g_match_info_fetch (m, 1);
      c->type = g_match_info_fetch (m, 2);
      c->rest = g_match_info_fetch (m, 3);
      /* a CHECK list may continue on the next lines */
      while (unbalanced (c->rest) && lines[i + 1] != NULL)
        {
          char *joined = g_strconcat (c->rest, " ", lines[++i], NULL);

          g_free (c->rest);
          c->rest = joined;
        }
      g_ptr_array_add (columns, c);
    }
  return columns;
}

static void
check_enum (const SlvSyncTablePolicy *table,
            const SlvSyncFieldPolicy *field,
            const Column             *column)
{
  g_autoptr(GRegex) re = g_regex_new ("'([^']*)'", 0, 0, NULL);
  g_autoptr(GMatchInfo) m = NULL;
  const char *check = strstr (column->rest, "CHECK");
  guint n = 0;

  if (field->type == SLV_SYNC_TYPE_BOOLEAN)
    return;
  if (check == NULL || strstr (check, " IN ") == NULL)
    {
      g_assert_cmpint (field->type, !=, SLV_SYNC_TYPE_ENUM);
      return;
    }
  g_assert_cmpint (field->type, ==, SLV_SYNC_TYPE_ENUM);
  g_regex_match (re, check, 0, &m);
  while (g_match_info_matches (m))
    {
      g_autofree char *v = g_match_info_fetch (m, 1);

      if (slv_sync_policy_enum_rank (field, v) < 0)
        g_error ("%s.%s: schema value ‘%s’ missing from the registry", table->name, field->name, v);
      n++;
      g_match_info_next (m, NULL);
    }
  g_assert_cmpuint (n, ==, g_strv_length ((char **) field->enum_values));
}

static void
check_column (const SlvSyncTablePolicy *table,
              const Column             *column)
{
  const SlvSyncFieldPolicy *field = slv_sync_policy_lookup_field (table, column->name);
  gboolean not_null = strstr (column->rest, "NOT NULL") != NULL;
  gboolean has_default = strstr (column->rest, "DEFAULT") != NULL;

  if (field == NULL)
    g_error ("%s.%s is in the workspace schema but not in the policy registry", table->name, column->name);
  if (strcmp (column->type, "REAL") == 0)
    g_assert_cmpint (field->type, ==, SLV_SYNC_TYPE_REAL);
  else if (strcmp (column->type, "INTEGER") == 0)
    g_assert_true (field->type == SLV_SYNC_TYPE_INTEGER || field->type == SLV_SYNC_TYPE_BOOLEAN);
  else
    g_assert_true (field->type != SLV_SYNC_TYPE_INTEGER && field->type != SLV_SYNC_TYPE_REAL &&
                   field->type != SLV_SYNC_TYPE_BOOLEAN);
  /* NOT NULL without a default: a new row must carry the field. (blob.brand_id
   * is nullable locally, but a synced blob needs a bucket.) */
  if (not_null && !has_default)
    g_assert_true (field->flags & SLV_SYNC_FIELD_REQUIRED);
  else if (!(strcmp (table->name, "blob") == 0 && strcmp (column->name, "brand_id") == 0))
    g_assert_false (field->flags & SLV_SYNC_FIELD_REQUIRED);
  if (not_null)
    g_assert_true (field->flags & (SLV_SYNC_FIELD_REQUIRED | SLV_SYNC_FIELD_NOT_NULL));
  check_enum (table, field, column);
}

/* The registry mirrors data/sql/0001-initial.sql column for column. */
static void
test_mirrors_schema (void)
{
  g_autofree char *path = slv_test_source_path ("data/sql/0001-initial.sql");
  g_autofree char *sql = NULL;
  guint released = 0;

  g_assert_true (g_file_get_contents (path, &sql, NULL, NULL));
  for (guint i = 0; i < slv_sync_policy_get_n_tables (); i++)
    {
      const SlvSyncTablePolicy *table = slv_sync_policy_get_table (i);
      g_autoptr(GPtrArray) columns = NULL;
      guint synced = 0;

      if (table->introduced_in > SLV_SYNC_SCHEMA_MAX)
        continue;
      released++;
      columns = schema_columns (sql, table->name);
      g_assert_cmpuint (columns->len, >, 3);
      for (guint j = 0; j < columns->len; j++)
        {
          Column *c = g_ptr_array_index (columns, j);

          if (strcmp (c->name, "id") == 0 || strcmp (c->name, "updated_at") == 0)
            continue;
          check_column (table, c);
          synced++;
        }
      if (synced != table->n_fields)
        g_error ("%s: %u columns in the schema, %u fields in the registry", table->name, synced, table->n_fields);
    }
  g_assert_cmpuint (released, ==, 15);
}

static void
test_registry_shape (void)
{
  for (guint i = 0; i < slv_sync_policy_get_n_tables (); i++)
    {
      const SlvSyncTablePolicy *t = slv_sync_policy_get_table (i);

      g_assert_true (slv_sync_policy_lookup_table (t->name) == t);
      g_assert_nonnull (slv_sync_policy_lookup_field (t, "deleted"));
      g_assert_nonnull (slv_sync_policy_lookup_field (t, "created_at"));
      g_assert_null (slv_sync_policy_lookup_field (t, "id"));
      g_assert_null (slv_sync_policy_lookup_field (t, "updated_at"));
      if (t->brand_key != NULL && strcmp (t->brand_key, "id") != 0)
        g_assert_true (slv_sync_policy_lookup_field (t, t->brand_key)->flags & SLV_SYNC_FIELD_IMMUTABLE);
      if (t->supplier_key != NULL)
        g_assert_nonnull (slv_sync_policy_lookup_field (t, t->supplier_key));
      for (guint j = 0; j < t->n_fields; j++)
        {
          const SlvSyncFieldPolicy *f = &t->fields[j];

          g_assert_true (slv_sync_policy_lookup_field (t, f->name) == f);
          g_assert_cmpint (slv_sync_field_get_level (t, f), >=, t->introduced_in);
          if (f->ref_table != NULL)
            g_assert_nonnull (slv_sync_policy_lookup_table (f->ref_table));
          if (f->type == SLV_SYNC_TYPE_ENUM)
            g_assert_nonnull (f->enum_values);
        }
    }
  g_assert_null (slv_sync_policy_lookup_table ("workspace_meta"));
  g_assert_null (slv_sync_policy_lookup_table ("board_view"));
}

static void
test_groups (void)
{
  const SlvSyncTablePolicy *item = slv_sync_policy_lookup_table ("board_item");
  const SlvSyncTablePolicy *material = slv_sync_policy_lookup_table ("material");
  g_autofree const char **geometry = slv_sync_policy_group_members (item, slv_sync_policy_lookup_field (item, "rotation"));
  g_autofree const char **price = slv_sync_policy_group_members (material, slv_sync_policy_lookup_field (material, "currency"));
  g_autofree char *g = g_strjoinv (",", (char **) geometry);
  g_autofree char *p = g_strjoinv (",", (char **) price);

  g_assert_cmpstr (g, ==, "x,y,w,h,rotation");
  g_assert_cmpstr (p, ==, "price,price_unit,currency");
  g_assert_null (slv_sync_policy_group_members (item, slv_sync_policy_lookup_field (item, "text")));
}

static const char *
columns_cb (const char *field,
            gpointer    user_data)
{
  return g_hash_table_lookup (user_data, field);
}

static void
test_buckets (void)
{
  g_autoptr(GHashTable) row = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  struct { const char *table; const char *expected; } cases[] = {
    { "style", "brand:" BRAND },
    { "material", "brand:" BRAND },
    { "cost_rate", "brand:" BRAND ":costing" },
    { "costing", "brand:" BRAND ":costing" },
    { "bom_line", "brand:" BRAND ":costing" },
    { "process_line", "brand:" BRAND ":costing" },
    { "margin_rule", "brand:" BRAND ":costing" },
    { "fx_rate", "brand:" BRAND ":costing" },
    { "quote", "supplier:" BRAND ":" SUPPLIER },
  };

  g_hash_table_insert (row, (gpointer) "brand_id", (gpointer) BRAND);
  g_hash_table_insert (row, (gpointer) "supplier_id", (gpointer) SUPPLIER);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *bucket = slv_sync_policy_row_bucket (slv_sync_policy_lookup_table (cases[i].table),
                                                            OTHER, columns_cb, row, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (bucket, ==, cases[i].expected);
    }
  {
    g_autofree char *bucket = slv_sync_policy_row_bucket (slv_sync_policy_lookup_table ("brand"),
                                                          OTHER, columns_cb, row, &error);

    g_assert_cmpstr (bucket, ==, "brand:" OTHER);
  }
  g_hash_table_insert (row, (gpointer) "brand_id", (gpointer) "brand'; DROP TABLE style; --");
  g_assert_null (slv_sync_policy_row_bucket (slv_sync_policy_lookup_table ("style"), OTHER, columns_cb, row, &error));
  g_assert_error (error, SLV_SYNC_ERROR, SLV_SYNC_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (slv_sync_policy_row_bucket (slv_sync_policy_lookup_table ("conflict"), OTHER, columns_cb, row, &error));
  g_assert_error (error, SLV_SYNC_ERROR, SLV_SYNC_ERROR_INVALID);

  {
    SlvSyncBucketKind kind;
    g_autofree char *brand = NULL;
    g_autofree char *supplier = NULL;

    g_assert_true (slv_sync_bucket_parse ("supplier:" BRAND ":" SUPPLIER, &kind, &brand, &supplier));
    g_assert_cmpint (kind, ==, SLV_SYNC_BUCKET_SUPPLIER);
    g_assert_cmpstr (brand, ==, BRAND);
    g_assert_cmpstr (supplier, ==, SUPPLIER);
    g_assert_false (slv_sync_bucket_parse ("brand:" BRAND ":other", NULL, NULL, NULL));
    g_assert_false (slv_sync_bucket_parse ("brand:nope", NULL, NULL, NULL));
    g_assert_false (slv_sync_bucket_parse ("", NULL, NULL, NULL));
  }
}

static void
test_roles_in_bucket (void)
{
  SlvSyncGrant grants[] = {
    { SLV_SYNC_ROLE_DESIGNER, (char *) "brand:" BRAND },
    { SLV_SYNC_ROLE_VIEWER, (char *) "brand:" BRAND ":costing" },
    { SLV_SYNC_ROLE_MERCHANDISER, (char *) "brand:" OTHER },
    { SLV_SYNC_ROLE_SUPPLIER, (char *) "supplier:" BRAND ":" SUPPLIER },
  };

  g_assert_cmpuint (slv_sync_grants_roles_in_bucket (grants, 1, "brand:" BRAND), ==, SLV_SYNC_ROLE_DESIGNER);
  /* designers do not see costing unless granted */
  g_assert_cmpuint (slv_sync_grants_roles_in_bucket (grants, 1, "brand:" BRAND ":costing"), ==, 0);
  g_assert_cmpuint (slv_sync_grants_roles_in_bucket (grants, 2, "brand:" BRAND ":costing"), ==, SLV_SYNC_ROLE_VIEWER);
  /* merchandisers see every bucket of their brand, suppliers included */
  g_assert_cmpuint (slv_sync_grants_roles_in_bucket (grants, 4, "brand:" OTHER ":costing"), ==, SLV_SYNC_ROLE_MERCHANDISER);
  g_assert_cmpuint (slv_sync_grants_roles_in_bucket (grants, 4, "supplier:" OTHER ":" SUPPLIER), ==, SLV_SYNC_ROLE_MERCHANDISER);
  /* a supplier sees its own bucket only */
  g_assert_cmpuint (slv_sync_grants_roles_in_bucket (grants + 3, 1, "supplier:" BRAND ":" SUPPLIER), ==, SLV_SYNC_ROLE_SUPPLIER);
  g_assert_cmpuint (slv_sync_grants_roles_in_bucket (grants + 3, 1, "brand:" BRAND), ==, 0);
  g_assert_cmpuint (slv_sync_grants_roles_in_bucket (grants + 3, 1, "supplier:" BRAND ":" OTHER), ==, 0);
  g_assert_cmpuint (slv_sync_grants_roles_in_bucket (grants, 4, "nonsense"), ==, 0);

  g_assert_true (slv_sync_grant_check (SLV_SYNC_ROLE_DESIGNER, "brand:" BRAND ":costing", NULL));
  g_assert_false (slv_sync_grant_check (SLV_SYNC_ROLE_SUPPLIER, "brand:" BRAND, NULL));
  g_assert_false (slv_sync_grant_check (SLV_SYNC_ROLE_ADMIN, "supplier:" BRAND ":" SUPPLIER, NULL));
  g_assert_false (slv_sync_grant_check (SLV_SYNC_ROLE_ADMIN, "everything", NULL));
}

static gboolean
may_write (const char        *table,
           const char        *field,
           SlvSyncBucketKind  kind,
           guint              roles)
{
  const SlvSyncTablePolicy *t = slv_sync_policy_lookup_table (table);

  return slv_sync_policy_can_write (slv_sync_policy_lookup_field (t, field), kind, roles);
}

static void
test_write_matrix (void)
{
  const SlvSyncBucketKind brand = SLV_SYNC_BUCKET_BRAND;
  const SlvSyncBucketKind costing = SLV_SYNC_BUCKET_BRAND_COSTING;
  const SlvSyncBucketKind supplier = SLV_SYNC_BUCKET_SUPPLIER;

  g_assert_true (may_write ("cost_rate", "rate", costing, SLV_SYNC_ROLE_MERCHANDISER));
  g_assert_false (may_write ("cost_rate", "rate", costing, SLV_SYNC_ROLE_DESIGNER));
  g_assert_false (may_write ("bom_line", "consumption", costing, SLV_SYNC_ROLE_PRODUCTION));
  g_assert_true (may_write ("style", "name", brand, SLV_SYNC_ROLE_DESIGNER));
  g_assert_false (may_write ("style", "target_fob", brand, SLV_SYNC_ROLE_DESIGNER));
  g_assert_true (may_write ("style", "status", brand, SLV_SYNC_ROLE_PRODUCTION));
  g_assert_false (may_write ("style", "name", brand, SLV_SYNC_ROLE_PRODUCTION));
  g_assert_false (may_write ("material", "price", brand, SLV_SYNC_ROLE_DESIGNER));
  g_assert_true (may_write ("material", "composition", brand, SLV_SYNC_ROLE_DESIGNER));
  g_assert_true (may_write ("board_item", "x", brand, SLV_SYNC_ROLE_PRODUCTION));
  g_assert_false (may_write ("brand", "name", brand, SLV_SYNC_ROLE_MERCHANDISER));
  g_assert_true (may_write ("brand", "name", brand, SLV_SYNC_ROLE_ADMIN));
  g_assert_true (may_write ("quote", "price", supplier, SLV_SYNC_ROLE_SUPPLIER));
  g_assert_false (may_write ("quote", "supplier_id", supplier, SLV_SYNC_ROLE_SUPPLIER));
  g_assert_false (may_write ("conflict", "winner_value", brand, SLV_SYNC_ROLE_ADMIN));
  g_assert_true (may_write ("conflict", "status", brand, SLV_SYNC_ROLE_DESIGNER));
  /* viewers write nothing anywhere */
  for (guint i = 0; i < slv_sync_policy_get_n_tables (); i++)
    {
      const SlvSyncTablePolicy *t = slv_sync_policy_get_table (i);

      for (guint j = 0; j < t->n_fields; j++)
        for (SlvSyncBucketKind k = SLV_SYNC_BUCKET_BRAND; k <= SLV_SYNC_BUCKET_SUPPLIER; k++)
          g_assert_false (slv_sync_policy_can_write (&t->fields[j], k, SLV_SYNC_ROLE_VIEWER));
    }
  {
    g_autofree char *names = slv_sync_roles_to_string (SLV_SYNC_ROLE_ADMIN | SLV_SYNC_ROLE_VIEWER);
    SlvSyncRole role;

    g_assert_cmpstr (names, ==, "admin,viewer");
    g_assert_true (slv_sync_role_from_string ("merchandiser", &role));
    g_assert_cmpint (role, ==, SLV_SYNC_ROLE_MERCHANDISER);
    g_assert_false (slv_sync_role_from_string ("root", &role));
  }
}

static void
check_value (const char *table,
             const char *field,
             const char *json,
             gboolean    ok)
{
  const SlvSyncTablePolicy *t = slv_sync_policy_lookup_table (table);
  const SlvSyncFieldPolicy *f = slv_sync_policy_lookup_field (t, field);
  g_autoptr(JsonNode) node = slv_json_parse (json, strlen (json), NULL);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (node);
  if (slv_sync_policy_check_value (f, node, &error) != ok)
    g_error ("%s.%s = %s: expected %s (%s)", table, field, json, ok ? "ok" : "refused",
             error ? error->message : "");
  if (!ok)
    g_assert_error (error, SLV_SYNC_ERROR, SLV_SYNC_ERROR_INVALID);
}

static void
test_values (void)
{
  check_value ("material", "price", "\"12.3400\"", TRUE);
  check_value ("material", "price", "\"-0.5\"", TRUE);
  check_value ("material", "price", "12.34", FALSE);
  check_value ("material", "price", "\"12.\"", FALSE);
  check_value ("material", "price", "\"1e5\"", FALSE);
  check_value ("material", "price", "null", TRUE);
  check_value ("material", "currency", "null", FALSE);
  check_value ("material", "name", "\"Robert'); DROP TABLE material;--\"", TRUE);
  check_value ("material", "name", "null", FALSE);
  check_value ("material", "kind", "\"fabric\"", TRUE);
  check_value ("material", "kind", "\"leather\"", FALSE);
  check_value ("material", "lead_time_days", "14", TRUE);
  check_value ("material", "lead_time_days", "14.5", FALSE);
  check_value ("material", "lead_time_days", "\"14\"", FALSE);
  check_value ("material", "supplier_id", "\"" SUPPLIER "\"", TRUE);
  check_value ("material", "supplier_id", "\"nope\"", FALSE);
  check_value ("board_item", "x", "12", TRUE);
  check_value ("board_item", "x", "12.5", TRUE);
  check_value ("board_item", "locked", "true", TRUE);
  check_value ("board_item", "locked", "1", FALSE);
  check_value ("board_item", "blob", "\"sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\"", TRUE);
  check_value ("board_item", "blob", "\"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\"", FALSE);
  check_value ("board_item", "props", "\"{\\\"font\\\":12}\"", TRUE);
  check_value ("board_item", "props", "\"{font\"", FALSE);
  check_value ("style", "created_at", "\"2025-03-14T09:26:53.589Z\"", TRUE);
  check_value ("style", "created_at", "\"2025-03-14T09:26:53Z\"", TRUE);
  check_value ("style", "created_at", "\"2025-03-14 09:26\"", FALSE);
  check_value ("fx_rate", "valid_on", "\"2024-02-29\"", TRUE);
  check_value ("fx_rate", "valid_on", "\"2023-02-29\"", FALSE);
  check_value ("conflict", "winner_value", "\"anything\"", TRUE);
  check_value ("conflict", "winner_value", "3.5", TRUE);
  g_assert_cmpint (slv_sync_policy_enum_rank (slv_sync_policy_lookup_field (slv_sync_policy_lookup_table ("costing"), "status"), "frozen"), ==, 3);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/sync/policy/mirrors-schema", test_mirrors_schema);
  g_test_add_func ("/sync/policy/shape", test_registry_shape);
  g_test_add_func ("/sync/policy/groups", test_groups);
  g_test_add_func ("/sync/policy/buckets", test_buckets);
  g_test_add_func ("/sync/policy/roles-in-bucket", test_roles_in_bucket);
  g_test_add_func ("/sync/policy/write-matrix", test_write_matrix);
  g_test_add_func ("/sync/policy/values", test_values);
  return g_test_run ();
}
