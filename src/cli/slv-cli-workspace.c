/* slv-cli-workspace.c: init, demo, info, list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "slv-cli.h"
#include "core/slv-cost-rate.h"
#include "core/slv-material.h"
#include "core/slv-style.h"
#include "services/slv-demo.h"
#include "services/slv-workspace.h"
#include "store/slv-repo.h"

static gboolean opt_json;
static char *opt_search;

static GOptionEntry json_entries[] = {
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Print JSON"), NULL },
  { NULL }
};

static GOptionEntry list_entries[] = {
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Print JSON"), NULL },
  { "search", 's', 0, G_OPTION_ARG_STRING, &opt_search, N_("Only records matching these words"), N_("TEXT") },
  { NULL }
};

static int
run_init (int    argc,
          char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvStore) store = NULL;

  if (!slv_cli_parse ("init", "PATH", NULL, &argc, &argv))
    return SLV_CLI_ERROR;
  if (argc != 2)
    return slv_cli_fail (_("init: give the path of the workspace folder to create."));
  if (slv_store_path_is_workspace (argv[1]))
    return slv_cli_fail (_("init: there is already a workspace at “%s”."), argv[1]);
  store = slv_workspace_create_empty (argv[1], NULL, &error);
  if (store == NULL)
    return slv_cli_fail_error (g_steal_pointer (&error));
  fprintf (stderr, _("Created an empty workspace at %s (schema level %d).\n"),
           slv_store_get_path (store), slv_store_get_schema_level (store));
  return SLV_CLI_OK;
}

static int
run_demo (int    argc,
          char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvStore) store = NULL;

  if (!slv_cli_parse ("demo", "PATH", NULL, &argc, &argv))
    return SLV_CLI_ERROR;
  if (argc != 2)
    return slv_cli_fail (_("demo: give the path of the workspace folder to create."));
  store = slv_demo_create (argv[1], &error);
  if (store == NULL)
    return slv_cli_fail_error (g_steal_pointer (&error));
  fprintf (stderr, _("Created the demo workspace at %s.\n"), slv_store_get_path (store));
  return SLV_CLI_OK;
}

static int
run_info (int    argc,
          char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvStore) store = NULL;
  g_autoptr(GHashTable) counts = NULL;
  const char * const *tables = slv_store_list_tables ();

  opt_json = FALSE;
  if (!slv_cli_parse ("info", "PATH", json_entries, &argc, &argv))
    return SLV_CLI_ERROR;
  if (argc != 2)
    return slv_cli_fail (_("info: give the path of a workspace folder."));
  store = slv_cli_open_store (argv[1], &error);
  if (store == NULL || (counts = slv_store_count_rows (store, &error)) == NULL)
    return slv_cli_fail_error (g_steal_pointer (&error));

  if (opt_json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "path");
      json_builder_add_string_value (b, slv_store_get_path (store));
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, slv_store_get_name (store));
      json_builder_set_member_name (b, "schema_level");
      json_builder_add_int_value (b, slv_store_get_schema_level (store));
      json_builder_set_member_name (b, "counts");
      json_builder_begin_object (b);
      for (guint i = 0; tables[i] != NULL; i++)
        {
          json_builder_set_member_name (b, tables[i]);
          json_builder_add_int_value (b, GPOINTER_TO_INT (g_hash_table_lookup (counts, tables[i])));
        }
      json_builder_end_object (b);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      slv_cli_print_json (root);
      return SLV_CLI_OK;
    }

  printf ("%-14s %s\n", _("Workspace:"), slv_store_get_path (store));
  printf ("%-14s %d\n", _("Schema level:"), slv_store_get_schema_level (store));
  for (guint i = 0; tables[i] != NULL; i++)
    printf ("  %-14s %6d\n", tables[i], GPOINTER_TO_INT (g_hash_table_lookup (counts, tables[i])));
  return SLV_CLI_OK;
}

typedef struct
{
  const char *what;
  GType     (*get_type) (void);
  const char *columns[10];   /* properties to print */
} ListKind;

static const ListKind list_kinds[] = {
  { "styles", slv_style_get_type,
    { "code", "name", "category", "collection-name", "status", "target-fob", "target-retail", NULL } },
  { "materials", slv_material_get_type,
    { "code", "name", "kind", "composition", "gsm", "width-cm", "unit", "price", "currency", NULL } },
  { "rates", slv_cost_rate_get_type,
    { "process", "key", "supplier-name", "unit", "rate", "currency", "tier-min-qty", "valid-to", NULL } },
};

static char *
property_text (GObject    *object,
               const char *name)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), name);
  g_auto(GValue) value = G_VALUE_INIT;
  g_auto(GValue) text = G_VALUE_INIT;

  g_value_init (&value, pspec->value_type);
  g_object_get_property (object, name, &value);
  g_value_init (&text, G_TYPE_STRING);
  if (!g_value_transform (&value, &text))
    return g_strdup ("");
  return g_strdup (g_value_get_string (&text) ? g_value_get_string (&text) : "");
}

static void
print_list (GListModel     *list,
            const ListKind *kind)
{
  guint n = g_list_model_get_n_items (list);

  if (opt_json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (b);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (list, i);

          json_builder_begin_object (b);
          json_builder_set_member_name (b, "id");
          json_builder_add_string_value (b, slv_entity_get_id (SLV_ENTITY (item)));
          for (guint c = 0; kind->columns[c] != NULL; c++)
            {
              GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (item), kind->columns[c]);
              g_autofree char *member = g_strdelimit (g_strdup (kind->columns[c]), "-", '_');
              g_autofree char *text = property_text (item, kind->columns[c]);

              json_builder_set_member_name (b, member);
              if (pspec->value_type == G_TYPE_INT64)
                json_builder_add_int_value (b, g_ascii_strtoll (text, NULL, 10));
              else if (*text == '\0')
                json_builder_add_null_value (b);
              else
                json_builder_add_string_value (b, text);
            }
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      root = json_builder_get_root (b);
      slv_cli_print_json (root);
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);
      g_autoptr(GString) line = g_string_new (NULL);

      for (guint c = 0; kind->columns[c] != NULL; c++)
        {
          g_autofree char *text = property_text (item, kind->columns[c]);

          g_string_append_printf (line, "%s%s", c ? "\t" : "", text);
        }
      printf ("%s\n", line->str);
    }
}

static int
run_list (int    argc,
          char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvStore) store = NULL;
  g_autoptr(GListStore) list = NULL;
  const ListKind *kind = NULL;

  opt_json = FALSE;
  g_clear_pointer (&opt_search, g_free);
  if (!slv_cli_parse ("list", "styles|materials|rates PATH", list_entries, &argc, &argv))
    return SLV_CLI_ERROR;
  if (argc != 3)
    return slv_cli_fail (_("list: give what to list (styles, materials or rates) and a workspace path."));
  for (guint i = 0; i < G_N_ELEMENTS (list_kinds); i++)
    if (g_str_equal (list_kinds[i].what, argv[1]))
      kind = &list_kinds[i];
  if (kind == NULL)
    return slv_cli_fail (_("list: “%s” is not one of styles, materials, rates."), argv[1]);

  store = slv_cli_open_store (argv[2], &error);
  if (store == NULL)
    return slv_cli_fail_error (g_steal_pointer (&error));
  list = slv_repo_list (store, kind->get_type (), opt_search, &error);
  if (list == NULL)
    return slv_cli_fail_error (g_steal_pointer (&error));
  print_list (G_LIST_MODEL (list), kind);
  return SLV_CLI_OK;
}

const SlvCliCommand slv_cli_workspace_commands[] = {
  { "init", "PATH", N_("Create an empty workspace folder"), run_init },
  { "demo", "PATH", N_("Create a workspace filled with the Northloom demo brand"), run_demo },
  { "info", "[--json] PATH", N_("Schema level and record counts of a workspace"), run_info },
  { "list", "styles|materials|rates [--search TEXT] [--json] PATH", N_("List records"), run_list },
  { NULL }
};
