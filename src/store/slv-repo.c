/* slv-repo.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-repo"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "slv-repo.h"
#include "slv-store-private.h"
#include "core/slv-board.h"
#include "core/slv-brand.h"
#include "core/slv-cost-rate.h"
#include "core/slv-material.h"
#include "core/slv-style.h"
#include "core/slv-supplier.h"

typedef struct
{
  GType     (*get_type) (void);
  const char *select;   /* SELECT … FROM table alias JOINs; rows are live via WHERE */
  const char *alias;    /* alias of the main table */
  const char *fts;      /* FTS5 table sharing rowids, or NULL */
  const char *key;      /* natural key column */
  const char *order;
  const char *noun;     /* for messages */
} RepoQuery;

static const RepoQuery queries[] = {
  { slv_brand_get_type,
    "SELECT br.* FROM brand br",
    "br", NULL, "code", "br.created_at, br.id", N_("brand") },
  { slv_material_get_type,
    "SELECT m.*, s.name AS supplier_name FROM material m "
    "LEFT JOIN supplier s ON s.id = m.supplier_id",
    "m", "material_fts", "code", "m.code", N_("material") },
  { slv_style_get_type,
    "SELECT st.*, c.name AS collection_name, se.name AS season_name FROM style st "
    "LEFT JOIN collection c ON c.id = st.collection_id "
    "LEFT JOIN season se ON se.id = c.season_id",
    "st", "style_fts", "code", "st.code", N_("style") },
  { slv_cost_rate_get_type,
    "SELECT r.*, s.name AS supplier_name FROM cost_rate r "
    "LEFT JOIN supplier s ON s.id = r.supplier_id",
    "r", "cost_rate_fts", "key", "r.process, r.key, r.tier_min_qty", N_("cost rate") },
  { slv_supplier_get_type,
    "SELECT su.* FROM supplier su",
    "su", NULL, "code", "su.code", N_("supplier") },
  { slv_board_get_type,
    "SELECT b.*, c.name AS collection_name, "
    "(SELECT count(*) FROM board_item i WHERE i.board_id = b.id AND i.deleted = 0 "
    "   AND i.group_id IS NULL) AS item_count, "
    "(SELECT i.blob FROM board_item i WHERE i.board_id = b.id AND i.deleted = 0 "
    "   AND i.kind = 'image' ORDER BY i.z LIMIT 1) AS cover_blob, "
    "coalesce ((SELECT t.open_threads FROM board_open_threads t WHERE t.board_id = b.id), 0) "
    "   AS open_threads "
    "FROM board b LEFT JOIN collection c ON c.id = b.collection_id",
    "b", "board_fts", "name", "b.position, b.name", N_("board") },
};

static const RepoQuery *
find_query (GType type)
{
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    if (queries[i].get_type () == type)
      return &queries[i];
  return NULL;
}

char *
slv_repo_fts_query (const char *text)
{
  g_autoptr(GString) q = g_string_new (NULL);
  g_auto(GStrv) words = NULL;

  if (text == NULL)
    return NULL;
  words = g_strsplit_set (text, " \t\n\r", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *valid = g_utf8_make_valid (words[i], -1);
      g_autoptr(GString) word = g_string_new (NULL);

      /* Keep letters and digits only: FTS5 operators and quotes in user text
       * must never reach the query syntax. */
      for (const char *p = valid; *p; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (g_unichar_isalnum (c))
            g_string_append_unichar (word, c);
          else if (word->len > 0)
            {
              g_string_append_printf (q, "%s\"%s\"*", q->len ? " " : "", word->str);
              g_string_truncate (word, 0);
            }
        }
      if (word->len > 0)
        g_string_append_printf (q, "%s\"%s\"*", q->len ? " " : "", word->str);
    }
  return q->len ? g_string_free (g_steal_pointer (&q), FALSE) : NULL;
}

static void
value_from_column (GValue       *value,
                   GParamSpec   *pspec,
                   sqlite3_stmt *stmt,
                   int           col)
{
  g_value_init (value, pspec->value_type);
  if (sqlite3_column_type (stmt, col) == SQLITE_NULL)
    return;
  switch (G_TYPE_FUNDAMENTAL (pspec->value_type))
    {
    case G_TYPE_STRING:
      g_value_set_string (value, (const char *) sqlite3_column_text (stmt, col));
      break;
    case G_TYPE_INT64:
      g_value_set_int64 (value, sqlite3_column_int64 (stmt, col));
      break;
    case G_TYPE_DOUBLE:
      g_value_set_double (value, sqlite3_column_double (stmt, col));
      break;
    case G_TYPE_BOOLEAN:
      g_value_set_boolean (value, sqlite3_column_int (stmt, col) != 0);
      break;
    default:
      break;
    }
}

/* Builds an object of @type from the current row, matching columns to
 * properties by name (column_name → column-name). */
static SlvEntity *
entity_from_row (GType         type,
                 sqlite3_stmt *stmt)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);
  int n = sqlite3_column_count (stmt);
  const char *names[64];
  GValue values[64] = { G_VALUE_INIT };
  guint n_props = 0;
  SlvEntity *entity;

  for (int col = 0; col < n && n_props < G_N_ELEMENTS (names); col++)
    {
      g_autofree char *prop = g_strdelimit (g_strdup (sqlite3_column_name (stmt, col)), "_", '-');
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), prop);

      if (pspec == NULL)
        continue;
      names[n_props] = pspec->name;
      value_from_column (&values[n_props], pspec, stmt, col);
      n_props++;
    }
  entity = SLV_ENTITY (g_object_new_with_properties (type, n_props, names, values));
  for (guint i = 0; i < n_props; i++)
    g_value_unset (&values[i]);
  return entity;
}

GListStore *
slv_repo_list (SlvStore    *store,
               GType        type,
               const char  *search,
               GError     **error)
{
  const RepoQuery *q = find_query (type);
  g_autofree char *match = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(GListStore) list = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SLV_IS_STORE (store), NULL);
  g_return_val_if_fail (q != NULL, NULL);

  match = q->fts ? slv_repo_fts_query (search) : NULL;
  if (match != NULL)
    sql = g_strdup_printf ("%s WHERE %s.deleted = 0 AND %s.rowid IN "
                           "(SELECT rowid FROM %s WHERE %s MATCH ?1) ORDER BY %s",
                           q->select, q->alias, q->alias, q->fts, q->fts, q->order);
  else
    sql = g_strdup_printf ("%s WHERE %s.deleted = 0 ORDER BY %s", q->select, q->alias, q->order);

  list = g_list_store_new (type);
  slv_store_lock (store);
  stmt = slv_store_prepare (store, sql, error);
  if (stmt == NULL)
    {
      slv_store_unlock (store);
      return NULL;
    }
  if (match != NULL)
    sqlite3_bind_text (stmt, 1, match, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(SlvEntity) entity = entity_from_row (type, stmt);

      g_list_store_append (list, entity);
    }
  if (rc != SQLITE_DONE)
    {
      slv_store_set_error (store, error, _("Could not read the workspace"));
      g_clear_object (&list);
    }
  sqlite3_reset (stmt);
  slv_store_unlock (store);
  return g_steal_pointer (&list);
}

typedef struct
{
  GType  type;
  char  *search;
} ListData;

static void
list_data_free (gpointer data)
{
  ListData *ld = data;

  g_free (ld->search);
  g_free (ld);
}

static void
list_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ListData *ld = task_data;
  GError *error = NULL;
  GListStore *list = slv_repo_list (source_object, ld->type, ld->search, &error);

  if (list == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, list, g_object_unref);
}

void
slv_repo_list_async (SlvStore            *store,
                     GType                type,
                     const char          *search,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (store, cancellable, callback, user_data);
  ListData *ld = g_new0 (ListData, 1);

  ld->type = type;
  ld->search = g_strdup (search);
  g_task_set_source_tag (task, slv_repo_list_async);
  g_task_set_task_data (task, ld, list_data_free);
  g_task_run_in_thread (task, list_thread);
}

GListStore *
slv_repo_list_finish (SlvStore      *store,
                      GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static SlvEntity *
get_one (SlvStore    *store,
         GType        type,
         const char  *column,
         const char  *value,
         GError     **error)
{
  const RepoQuery *q = find_query (type);
  g_autofree char *sql = NULL;
  SlvEntity *entity = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SLV_IS_STORE (store), NULL);
  g_return_val_if_fail (q != NULL, NULL);

  sql = g_strdup_printf ("%s WHERE %s.%s = ?1 AND %s.deleted = 0 LIMIT 1",
                         q->select, q->alias, column ? column : q->key, q->alias);
  slv_store_lock (store);
  stmt = slv_store_prepare (store, sql, error);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, value, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        entity = entity_from_row (type, stmt);
      else
        g_set_error (error, SLV_STORE_ERROR, SLV_STORE_ERROR_NOT_FOUND,
                     /* TRANSLATORS: first %s is a kind of record (style, material…) */
                     _("There is no %s “%s” in this workspace."), _(q->noun), value);
      sqlite3_reset (stmt);
    }
  slv_store_unlock (store);
  return entity;
}

SlvEntity *
slv_repo_get (SlvStore    *store,
              GType        type,
              const char  *id,
              GError     **error)
{
  return get_one (store, type, "id", id, error);
}

SlvEntity *
slv_repo_find_by_code (SlvStore    *store,
                       GType        type,
                       const char  *code,
                       GError     **error)
{
  return get_one (store, type, NULL, code, error);
}
