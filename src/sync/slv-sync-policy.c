/* slv-sync-policy.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-sync"

#include "config.h"

#include <string.h>

#include "core/slv-uuid.h"
#include "slv-sync-error.h"
#include "slv-sync-policy-private.h"


static const char *role_names[] = {
  "admin", "merchandiser", "designer", "production", "supplier", "viewer",
};

guint
slv_sync_policy_get_n_tables (void)
{
  return slv_sync_policy_n_tables;
}

const SlvSyncTablePolicy *
slv_sync_policy_get_table (guint index)
{
  g_return_val_if_fail (index < slv_sync_policy_n_tables, NULL);
  return &slv_sync_policy_tables[index];
}

const SlvSyncTablePolicy *
slv_sync_policy_lookup_table (const char *name)
{
  for (guint i = 0; name != NULL && i < slv_sync_policy_n_tables; i++)
    if (strcmp (slv_sync_policy_tables[i].name, name) == 0)
      return &slv_sync_policy_tables[i];
  return NULL;
}

const SlvSyncFieldPolicy *
slv_sync_policy_lookup_field (const SlvSyncTablePolicy *table,
                              const char               *field)
{
  for (guint i = 0; table != NULL && field != NULL && i < table->n_fields; i++)
    if (strcmp (table->fields[i].name, field) == 0)
      return &table->fields[i];
  return NULL;
}

int
slv_sync_field_get_level (const SlvSyncTablePolicy *table,
                          const SlvSyncFieldPolicy *field)
{
  return field->introduced_in > 0 ? field->introduced_in : table->introduced_in;
}

const char **
slv_sync_policy_group_members (const SlvSyncTablePolicy *table,
                               const SlvSyncFieldPolicy *field)
{
  GPtrArray *members;

  if (field->group == NULL)
    return NULL;
  members = g_ptr_array_new ();
  for (guint i = 0; i < table->n_fields; i++)
    if (g_strcmp0 (table->fields[i].group, field->group) == 0)
      g_ptr_array_add (members, (gpointer) table->fields[i].name);
  g_ptr_array_add (members, NULL);
  return (const char **) g_ptr_array_free (members, FALSE);
}

gboolean
slv_sync_policy_is_bucket_key (const SlvSyncTablePolicy *table,
                               const char               *field)
{
  return g_strcmp0 (table->brand_key, field) == 0 ||
         g_strcmp0 (table->supplier_key, field) == 0;
}

const char *
slv_sync_role_to_string (SlvSyncRole role)
{
  for (guint i = 0; i < G_N_ELEMENTS (role_names); i++)
    if (role == (SlvSyncRole) (1u << i))
      return role_names[i];
  return NULL;
}

gboolean
slv_sync_role_from_string (const char  *text,
                           SlvSyncRole *role)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (role_names); i++)
    if (strcmp (text, role_names[i]) == 0)
      {
        *role = (SlvSyncRole) (1u << i);
        return TRUE;
      }
  return FALSE;
}

char *
slv_sync_roles_to_string (guint roles)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (role_names); i++)
    if (roles & (1u << i))
      {
        if (out->len > 0)
          g_string_append_c (out, ',');
        g_string_append (out, role_names[i]);
      }
  return g_string_free (out, FALSE);
}

char *
slv_sync_bucket_for_brand (const char *brand_id)
{
  return g_strconcat ("brand:", brand_id, NULL);
}

char *
slv_sync_bucket_for_costing (const char *brand_id)
{
  return g_strconcat ("brand:", brand_id, ":costing", NULL);
}

char *
slv_sync_bucket_for_supplier (const char *brand_id,
                              const char *supplier_id)
{
  return g_strconcat ("supplier:", brand_id, ":", supplier_id, NULL);
}

gboolean
slv_sync_bucket_parse (const char         *bucket,
                       SlvSyncBucketKind  *kind,
                       char              **brand_id,
                       char              **supplier_id)
{
  g_auto(GStrv) parts = NULL;
  SlvSyncBucketKind k;
  guint n;

  if (bucket == NULL || strlen (bucket) > 200)
    return FALSE;
  parts = g_strsplit (bucket, ":", 4);
  n = g_strv_length (parts);
  if (n == 2 && strcmp (parts[0], "brand") == 0 && slv_uuid_is_valid (parts[1]))
    k = SLV_SYNC_BUCKET_BRAND;
  else if (n == 3 && strcmp (parts[0], "brand") == 0 && slv_uuid_is_valid (parts[1]) &&
           strcmp (parts[2], "costing") == 0)
    k = SLV_SYNC_BUCKET_BRAND_COSTING;
  else if (n == 3 && strcmp (parts[0], "supplier") == 0 && slv_uuid_is_valid (parts[1]) &&
           slv_uuid_is_valid (parts[2]))
    k = SLV_SYNC_BUCKET_SUPPLIER;
  else
    return FALSE;
  if (kind != NULL)
    *kind = k;
  if (brand_id != NULL)
    *brand_id = g_strdup (parts[1]);
  if (supplier_id != NULL)
    *supplier_id = k == SLV_SYNC_BUCKET_SUPPLIER ? g_strdup (parts[2]) : NULL;
  return TRUE;
}

static const char *
key_value (const SlvSyncTablePolicy  *table,
           const char                *key,
           const char                *row_id,
           SlvSyncColumnFunc          get_column,
           gpointer                   user_data,
           GError                   **error)
{
  const char *value = strcmp (key, "id") == 0 ? row_id : get_column (key, user_data);

  if (!slv_uuid_is_valid (value))
    {
      g_set_error (error, SLV_SYNC_ERROR, SLV_SYNC_ERROR_INVALID,
                   "A %s row needs a valid “%s” to decide who may see it.", table->name, key);
      return NULL;
    }
  return value;
}

char *
slv_sync_policy_row_bucket (const SlvSyncTablePolicy  *table,
                            const char                *row_id,
                            SlvSyncColumnFunc          get_column,
                            gpointer                   user_data,
                            GError                   **error)
{
  const char *brand, *supplier;

  if (table->bucket == SLV_SYNC_BUCKET_INHERITED)
    {
      g_set_error (error, SLV_SYNC_ERROR, SLV_SYNC_ERROR_INVALID,
                   "Rows of %s are written by the server only.", table->name);
      return NULL;
    }
  if ((brand = key_value (table, table->brand_key, row_id, get_column, user_data, error)) == NULL)
    return NULL;
  switch (table->bucket)
    {
    case SLV_SYNC_BUCKET_BRAND:
      return slv_sync_bucket_for_brand (brand);
    case SLV_SYNC_BUCKET_BRAND_COSTING:
      return slv_sync_bucket_for_costing (brand);
    case SLV_SYNC_BUCKET_SUPPLIER:
      supplier = key_value (table, table->supplier_key, row_id, get_column, user_data, error);
      return supplier ? slv_sync_bucket_for_supplier (brand, supplier) : NULL;
    case SLV_SYNC_BUCKET_INHERITED:
    default:
      g_assert_not_reached ();
    }
}

gboolean
slv_sync_grant_check (SlvSyncRole  role,
                      const char  *scope,
                      GError     **error)
{
  SlvSyncBucketKind kind;

  if (!slv_sync_bucket_parse (scope, &kind, NULL, NULL))
    {
      g_set_error (error, SLV_SYNC_ERROR, SLV_SYNC_ERROR_INVALID,
                   "“%s” is not a scope; use brand:<brand id>, brand:<brand id>:costing "
                   "or supplier:<brand id>:<supplier id>.", scope ? scope : "");
      return FALSE;
    }
  if ((role == SLV_SYNC_ROLE_SUPPLIER) != (kind == SLV_SYNC_BUCKET_SUPPLIER))
    {
      g_set_error (error, SLV_SYNC_ERROR, SLV_SYNC_ERROR_INVALID,
                   role == SLV_SYNC_ROLE_SUPPLIER
                   ? "A supplier is granted a supplier:<brand id>:<supplier id> scope."
                   : "Only the supplier role takes a supplier: scope; grant brand:<brand id>.");
      return FALSE;
    }
  return TRUE;
}

guint
slv_sync_grants_roles_in_bucket (const SlvSyncGrant *grants,
                                 guint               n_grants,
                                 const char         *bucket)
{
  g_autofree char *brand = NULL;
  g_autofree char *brand_scope = NULL;
  SlvSyncBucketKind kind;
  guint roles = 0;

  if (!slv_sync_bucket_parse (bucket, &kind, &brand, NULL))
    return 0;
  brand_scope = slv_sync_bucket_for_brand (brand);
  for (guint i = 0; i < n_grants; i++)
    {
      const SlvSyncGrant *g = &grants[i];
      gboolean whole_brand = strcmp (g->scope, brand_scope) == 0;
      gboolean exact = strcmp (g->scope, bucket) == 0;
      gboolean all_buckets = g->role == SLV_SYNC_ROLE_ADMIN || g->role == SLV_SYNC_ROLE_MERCHANDISER;

      switch (kind)
        {
        case SLV_SYNC_BUCKET_BRAND:
          if (exact && g->role != SLV_SYNC_ROLE_SUPPLIER)
            roles |= g->role;
          break;
        case SLV_SYNC_BUCKET_BRAND_COSTING:
          if ((whole_brand && all_buckets) || (exact && g->role != SLV_SYNC_ROLE_SUPPLIER))
            roles |= g->role;
          break;
        case SLV_SYNC_BUCKET_SUPPLIER:
          if ((whole_brand && all_buckets) || (exact && g->role == SLV_SYNC_ROLE_SUPPLIER))
            roles |= g->role;
          break;
        case SLV_SYNC_BUCKET_INHERITED:
        default:
          break;
        }
    }
  return roles;
}

guint
slv_sync_bucket_writer_roles (SlvSyncBucketKind kind)
{
  switch (kind)
    {
    case SLV_SYNC_BUCKET_BRAND:
      return SLV_SYNC_ROLE_ADMIN | SLV_SYNC_ROLE_MERCHANDISER | SLV_SYNC_ROLE_DESIGNER |
             SLV_SYNC_ROLE_PRODUCTION;
    case SLV_SYNC_BUCKET_BRAND_COSTING:
      return SLV_SYNC_ROLE_ADMIN | SLV_SYNC_ROLE_MERCHANDISER;
    case SLV_SYNC_BUCKET_SUPPLIER:
      return SLV_SYNC_ROLE_ADMIN | SLV_SYNC_ROLE_MERCHANDISER | SLV_SYNC_ROLE_SUPPLIER;
    case SLV_SYNC_BUCKET_INHERITED:
    default:
      return SLV_SYNC_ROLE_ADMIN | SLV_SYNC_ROLE_MERCHANDISER | SLV_SYNC_ROLE_DESIGNER |
             SLV_SYNC_ROLE_PRODUCTION | SLV_SYNC_ROLE_SUPPLIER;
    }
}

gboolean
slv_sync_policy_can_write (const SlvSyncFieldPolicy *field,
                           SlvSyncBucketKind         kind,
                           guint                     roles)
{
  return (field->write_roles & slv_sync_bucket_writer_roles (kind) & roles) != 0;
}

int
slv_sync_policy_enum_rank (const SlvSyncFieldPolicy *field,
                           const char               *value)
{
  for (int i = 0; field->enum_values != NULL && field->enum_values[i] != NULL; i++)
    if (g_strcmp0 (field->enum_values[i], value) == 0)
      return i;
  return -1;
}
