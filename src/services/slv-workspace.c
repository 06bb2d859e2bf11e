/* slv-workspace.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-workspace"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "slv-workspace.h"
#include "core/slv-brand.h"
#include "store/slv-repo.h"

char *
slv_workspace_normalize_path (const char *path)
{
  g_return_val_if_fail (path != NULL, NULL);

  if (g_str_has_suffix (path, ".selvedge") || g_str_has_suffix (path, ".selvedge/"))
    return g_strdup (path);
  return g_strconcat (path, ".selvedge", NULL);
}

typedef struct
{
  const char *brand_name;
} CreateData;

static gboolean
create_tx (SlvStore  *store,
           gpointer   user_data,
           GError   **error)
{
  CreateData *data = user_data;

  return slv_store_insert (store, "brand", NULL, error, "code", "MY", "name", data->brand_name,
                           "base_currency", "USD", NULL);
}

SlvStore *
slv_workspace_create_empty (const char  *path,
                            const char  *brand_name,
                            GError     **error)
{
  g_autoptr(SlvStore) store = NULL;
  CreateData data = { brand_name ? brand_name : _("My Brand") };

  g_return_val_if_fail (path != NULL, NULL);

  if (slv_store_path_is_workspace (path))
    {
      g_set_error (error, SLV_STORE_ERROR, SLV_STORE_ERROR_EXISTS,
                   _("There is already a workspace at “%s”; choose another name."), path);
      return NULL;
    }
  store = slv_store_open (path, SLV_STORE_OPEN_CREATE, error);
  if (store == NULL || !slv_store_transaction (store, create_tx, &data, error))
    return NULL;
  return g_steal_pointer (&store);
}

char *
slv_workspace_dup_brand_id (SlvStore  *store,
                            GError   **error)
{
  g_autoptr(GListStore) brands = NULL;
  g_autoptr(GObject) first = NULL;

  g_return_val_if_fail (SLV_IS_STORE (store), NULL);

  brands = slv_repo_list (store, SLV_TYPE_BRAND, NULL, error);
  if (brands == NULL)
    return NULL;
  first = g_list_model_get_item (G_LIST_MODEL (brands), 0);
  if (first == NULL)
    {
      g_set_error (error, SLV_STORE_ERROR, SLV_STORE_ERROR_NOT_FOUND,
                   _("This workspace has no brand yet; import or create one first."));
      return NULL;
    }
  return g_strdup (slv_entity_get_id (SLV_ENTITY (first)));
}
