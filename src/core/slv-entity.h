/* slv-entity.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SlvEntity is the base of every synced record type (material, style, …): it
 * carries the columns every synced row has (id, created_at, updated_at,
 * deleted). Subclasses declare their fields in a table; the base class turns
 * the table into GObject properties, so list widgets can bind to them and the
 * store can fill them by column name.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SLV_TYPE_ENTITY (slv_entity_get_type ())
G_DECLARE_DERIVABLE_TYPE (SlvEntity, slv_entity, SLV, ENTITY, GObject)

typedef enum
{
  SLV_FIELD_STRING,   /* char *, owned */
  SLV_FIELD_INT,      /* gint64 */
  SLV_FIELD_DOUBLE,   /* double (measures for display and sort only) */
  SLV_FIELD_BOOLEAN,  /* gboolean */
} SlvFieldType;

typedef struct
{
  const char   *name;    /* property name, dashes; the column uses underscores */
  SlvFieldType  type;
  gsize         offset;  /* of the field in the instance struct */
} SlvFieldSpec;

struct _SlvEntityClass
{
  GObjectClass parent_class;

  /* Set by slv_entity_class_install_fields() */
  const SlvFieldSpec *fields;
  guint               n_fields;
  guint               first_prop_id;
  const char         *table;   /* SQL table name */
};

void         slv_entity_class_install_fields (SlvEntityClass     *klass,
                                              const char         *table,
                                              const SlvFieldSpec *fields,
                                              guint               n_fields);

const char  *slv_entity_get_id          (SlvEntity   *self);
const char  *slv_entity_get_created_at  (SlvEntity   *self);
const char  *slv_entity_get_updated_at  (SlvEntity   *self);
gboolean     slv_entity_get_deleted     (SlvEntity   *self);
const char  *slv_entity_get_table       (SlvEntity   *self);

/* Field access by property name, for the store and generic code. */
const char  *slv_entity_get_string      (SlvEntity   *self,
                                         const char  *name);
gint64       slv_entity_get_int         (SlvEntity   *self,
                                         const char  *name);
double       slv_entity_get_double      (SlvEntity   *self,
                                         const char  *name);

G_END_DECLS
