/* slv-sync-policy.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The table policy registry shared by the app and the server
 * (SYNC-PROTOCOL.md §3, §12): which tables and fields sync, their wire
 * types, field groups, the bucket of a row, the write matrix per field and
 * role, and the schema level that introduced each table and field. A new
 * synced table is one entry in slv-sync-policy-tables.c.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Workspace schema levels this registry describes (PRAGMA user_version). */
#define SLV_SYNC_SCHEMA_MIN     1
#define SLV_SYNC_SCHEMA_MAX     1
/* Level of tables the server already defines but no workspace migration has
 * created yet: clients keep their rows in sync_unknown. The migration that
 * adds such a table sets its real level here. */
#define SLV_SYNC_LEVEL_PENDING  1000

typedef enum
{
  SLV_SYNC_ROLE_ADMIN        = 1 << 0,
  SLV_SYNC_ROLE_MERCHANDISER = 1 << 1,
  SLV_SYNC_ROLE_DESIGNER     = 1 << 2,
  SLV_SYNC_ROLE_PRODUCTION   = 1 << 3,
  SLV_SYNC_ROLE_SUPPLIER     = 1 << 4,
  SLV_SYNC_ROLE_VIEWER       = 1 << 5,
} SlvSyncRole;

#define SLV_SYNC_ROLES_ALL 0x3f

typedef enum
{
  SLV_SYNC_BUCKET_BRAND,          /* brand:<brand_id> */
  SLV_SYNC_BUCKET_BRAND_COSTING,  /* brand:<brand_id>:costing */
  SLV_SYNC_BUCKET_SUPPLIER,       /* supplier:<brand_id>:<supplier_id> */
  SLV_SYNC_BUCKET_INHERITED,      /* given by the server (the conflict log) */
} SlvSyncBucketKind;

typedef enum
{
  SLV_SYNC_TYPE_TEXT,       /* JSON string */
  SLV_SYNC_TYPE_UUID,       /* JSON string, lower-case UUID */
  SLV_SYNC_TYPE_DECIMAL,    /* JSON string, fixed point: "12.3400" */
  SLV_SYNC_TYPE_INTEGER,    /* JSON integer */
  SLV_SYNC_TYPE_REAL,       /* JSON number */
  SLV_SYNC_TYPE_BOOLEAN,    /* JSON true/false (SQLite 0/1) */
  SLV_SYNC_TYPE_TIMESTAMP,  /* JSON string, ISO-8601 UTC: 2025-03-14T09:26:53.589Z */
  SLV_SYNC_TYPE_DATE,       /* JSON string, YYYY-MM-DD */
  SLV_SYNC_TYPE_ENUM,       /* JSON string from enum_values */
  SLV_SYNC_TYPE_BLOB_REF,   /* JSON string "sha256:<64 hex>" (bare hex in SQLite) */
  SLV_SYNC_TYPE_JSON,       /* JSON string holding a JSON document */
  SLV_SYNC_TYPE_ANY,        /* any JSON scalar (conflict values) */
} SlvSyncFieldType;

typedef enum
{
  SLV_SYNC_FIELD_REQUIRED     = 1 << 0,  /* a new row must carry it, not null */
  SLV_SYNC_FIELD_NOT_NULL     = 1 << 1,  /* never null (SQLite NOT NULL DEFAULT …) */
  SLV_SYNC_FIELD_IMMUTABLE    = 1 << 2,  /* set when the row is created, never changed */
  SLV_SYNC_FIELD_FORWARD_ONLY = 1 << 3,  /* enum moves forward only, except by admin */
  SLV_SYNC_FIELD_SEARCH       = 1 << 4,  /* part of the online search text */
} SlvSyncFieldFlags;

typedef struct
{
  const char         *name;
  SlvSyncFieldType    type;
  guint               flags;          /* SlvSyncFieldFlags */
  guint               write_roles;    /* SlvSyncRole mask; 0 = written by the server only */
  const char         *group;          /* field group written as a unit, or NULL */
  const char         *ref_table;      /* the table a UUID field points at, or NULL */
  const char * const *enum_values;    /* ENUM values, in forward order */
  int                 introduced_in;  /* 0 = the table's level */
} SlvSyncFieldPolicy;

typedef struct
{
  const char               *name;
  SlvSyncBucketKind         bucket;
  const char               *brand_key;     /* field holding the brand id ("id" for brand) */
  const char               *supplier_key;  /* SUPPLIER buckets: field holding the supplier id */
  int                       introduced_in;
  const SlvSyncFieldPolicy *fields;
  guint                     n_fields;
} SlvSyncTablePolicy;

/* Registry */
guint                     slv_sync_policy_get_n_tables  (void);
const SlvSyncTablePolicy *slv_sync_policy_get_table     (guint                      index);
const SlvSyncTablePolicy *slv_sync_policy_lookup_table  (const char                *name);
const SlvSyncFieldPolicy *slv_sync_policy_lookup_field  (const SlvSyncTablePolicy  *table,
                                                         const char                *field);
int                       slv_sync_field_get_level      (const SlvSyncTablePolicy  *table,
                                                         const SlvSyncFieldPolicy  *field);
/* Members of @field's group (including @field), NULL-terminated; NULL if it
 * has no group. Free the array with g_free (strings are static). */
const char              **slv_sync_policy_group_members (const SlvSyncTablePolicy  *table,
                                                         const SlvSyncFieldPolicy  *field) G_GNUC_WARN_UNUSED_RESULT;
/* TRUE if @field decides the bucket of a row of @table. */
gboolean                  slv_sync_policy_is_bucket_key (const SlvSyncTablePolicy  *table,
                                                         const char                *field);

/* Roles */
const char *slv_sync_role_to_string   (SlvSyncRole  role);
gboolean    slv_sync_role_from_string (const char  *text,
                                       SlvSyncRole *role);
/* A role mask as "admin,designer". */
char       *slv_sync_roles_to_string  (guint        roles) G_GNUC_WARN_UNUSED_RESULT;

/* Buckets */
char       *slv_sync_bucket_for_brand    (const char *brand_id) G_GNUC_WARN_UNUSED_RESULT;
char       *slv_sync_bucket_for_costing  (const char *brand_id) G_GNUC_WARN_UNUSED_RESULT;
char       *slv_sync_bucket_for_supplier (const char *brand_id,
                                          const char *supplier_id) G_GNUC_WARN_UNUSED_RESULT;
/* Splits a bucket name; FALSE if it is not one. @brand_id and @supplier_id
 * may be NULL; the supplier id is NULL for brand buckets. */
gboolean    slv_sync_bucket_parse        (const char         *bucket,
                                          SlvSyncBucketKind  *kind,
                                          char              **brand_id,
                                          char              **supplier_id);

/* Returns the value (a JSON string) of @field in the row, or NULL. */
typedef const char *(*SlvSyncColumnFunc) (const char *field,
                                          gpointer    user_data);
/* The bucket of a row of @table from its bucket-key columns; fails when a key
 * is missing or not a UUID. INHERITED tables have no computable bucket. */
char       *slv_sync_policy_row_bucket   (const SlvSyncTablePolicy  *table,
                                          const char                *row_id,
                                          SlvSyncColumnFunc          get_column,
                                          gpointer                   user_data,
                                          GError                   **error) G_GNUC_WARN_UNUSED_RESULT;

/* Grants and the write matrix */
typedef struct
{
  SlvSyncRole  role;
  char        *scope;   /* brand:<id>, brand:<id>:costing or supplier:<brand>:<supplier> */
} SlvSyncGrant;

/* FALSE with a message if @scope is not a scope @role can be granted on. */
gboolean    slv_sync_grant_check         (SlvSyncRole        role,
                                          const char        *scope,
                                          GError           **error);
/* The roles a user holds inside @bucket; 0 means the bucket is not readable. */
guint       slv_sync_grants_roles_in_bucket (const SlvSyncGrant *grants,
                                             guint               n_grants,
                                             const char         *bucket);
/* The roles that may write anything in a bucket of @kind. */
guint       slv_sync_bucket_writer_roles (SlvSyncBucketKind  kind);
/* Whether holding @roles inside a bucket of @kind allows writing @field. */
gboolean    slv_sync_policy_can_write    (const SlvSyncFieldPolicy *field,
                                          SlvSyncBucketKind         kind,
                                          guint                     roles);

/* Values */
/* Checks @value against the field's wire type (not null-ness for creation). */
gboolean    slv_sync_policy_check_value  (const SlvSyncFieldPolicy  *field,
                                          JsonNode                  *value,
                                          GError                   **error);
/* Position of an ENUM value in its list, or -1. */
int         slv_sync_policy_enum_rank    (const SlvSyncFieldPolicy  *field,
                                          const char                *value);

G_END_DECLS
