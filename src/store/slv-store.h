/* slv-store.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SlvStore is an open workspace: a folder NAME.selvedge/ holding workspace.db
 * (SQLite, WAL, foreign keys on), blobs/ (content-addressed files) and cache/.
 * Every public function is thread-safe; blocking calls have _async variants
 * for the main thread.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SLV_STORE_ERROR (slv_store_error_quark ())

typedef enum
{
  SLV_STORE_ERROR_NOT_FOUND,       /* no such workspace or record */
  SLV_STORE_ERROR_NOT_A_WORKSPACE, /* folder without a valid workspace.db */
  SLV_STORE_ERROR_TOO_NEW,         /* made by a newer Selvedge */
  SLV_STORE_ERROR_CORRUPT,         /* integrity check failed */
  SLV_STORE_ERROR_EXISTS,          /* create over an existing workspace */
  SLV_STORE_ERROR_INVALID,         /* a value the schema refuses */
  SLV_STORE_ERROR_CONSTRAINT,      /* foreign key, unique, check */
  SLV_STORE_ERROR_BUSY,            /* locked by another process for too long */
  SLV_STORE_ERROR_IO,              /* disk full, permissions, … */
  SLV_STORE_ERROR_FAILED,
} SlvStoreError;

typedef enum
{
  SLV_STORE_OPEN_DEFAULT = 0,
  SLV_STORE_OPEN_CREATE  = 1 << 0,   /* create the folder and schema if missing */
} SlvStoreOpenFlags;

#define SLV_TYPE_STORE (slv_store_get_type ())
G_DECLARE_FINAL_TYPE (SlvStore, slv_store, SLV, STORE, GObject)

GQuark      slv_store_error_quark           (void);

SlvStore   *slv_store_open                  (const char          *path,
                                             SlvStoreOpenFlags    flags,
                                             GError             **error) G_GNUC_WARN_UNUSED_RESULT;
void        slv_store_open_async            (const char          *path,
                                             SlvStoreOpenFlags    flags,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
SlvStore   *slv_store_open_finish           (GAsyncResult        *result,
                                             GError             **error) G_GNUC_WARN_UNUSED_RESULT;

/* TRUE if @path looks like a workspace folder (has workspace.db). */
gboolean    slv_store_path_is_workspace     (const char          *path);
/* The default workspace: $XDG_DATA_HOME/selvedge/Default.selvedge */
char       *slv_store_default_path          (void) G_GNUC_WARN_UNUSED_RESULT;

const char *slv_store_get_path              (SlvStore            *self);
const char *slv_store_get_name              (SlvStore            *self);
char       *slv_store_dup_blob_dir          (SlvStore            *self) G_GNUC_WARN_UNUSED_RESULT;
char       *slv_store_dup_cache_dir         (SlvStore            *self) G_GNUC_WARN_UNUSED_RESULT;
int         slv_store_get_schema_level      (SlvStore            *self);
int         slv_store_get_latest_schema_level (void);

/* Runs @func inside BEGIN IMMEDIATE … COMMIT; rolls back if it fails. */
typedef gboolean (*SlvStoreTxFunc) (SlvStore  *store,
                                    gpointer   user_data,
                                    GError   **error);
gboolean    slv_store_transaction           (SlvStore            *self,
                                             SlvStoreTxFunc       func,
                                             gpointer             user_data,
                                             GError             **error);

/* Workspace-local settings (workspace_meta). */
char       *slv_store_dup_meta              (SlvStore            *self,
                                             const char          *key) G_GNUC_WARN_UNUSED_RESULT;
gboolean    slv_store_set_meta              (SlvStore            *self,
                                             const char          *key,
                                             const char          *value,
                                             GError             **error);

/* Row counts of the main tables (not deleted), for `selvedge-cli info`. */
GHashTable *slv_store_count_rows            (SlvStore            *self,
                                             GError             **error) G_GNUC_WARN_UNUSED_RESULT;
const char * const *slv_store_list_tables   (void);
gboolean    slv_store_check_integrity       (SlvStore            *self,
                                             GError             **error);
/* VACUUM, then rebuild the full-text indexes (whose rows follow rowids). */
gboolean    slv_store_vacuum                (SlvStore            *self,
                                             GError             **error);

/* Generic writes, used by repositories and services. Values are text (NULL =
 * SQL NULL); columns are checked against the table. id, created_at,
 * updated_at and deleted are filled in when not given. The new id is
 * returned in @out_id. */
gboolean    slv_store_insert                (SlvStore            *self,
                                             const char          *table,
                                             char               **out_id,
                                             GError             **error,
                                             const char          *first_column,
                                             ...) G_GNUC_NULL_TERMINATED;
gboolean    slv_store_insertv               (SlvStore            *self,
                                             const char          *table,
                                             const char * const  *columns,
                                             const char * const  *values,
                                             char               **out_id,
                                             GError             **error);
gboolean    slv_store_update_field          (SlvStore            *self,
                                             const char          *table,
                                             const char          *id,
                                             const char          *column,
                                             const char          *value,
                                             GError             **error);
/* Marks a row deleted (tombstone); @deleted = FALSE restores it. */
gboolean    slv_store_set_deleted           (SlvStore            *self,
                                             const char          *table,
                                             const char          *id,
                                             gboolean             deleted,
                                             GError             **error);
/* The value of one column of one row, or NULL with an error. */
char       *slv_store_dup_field             (SlvStore            *self,
                                             const char          *table,
                                             const char          *id,
                                             const char          *column,
                                             GError             **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
