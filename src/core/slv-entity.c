/* slv-entity.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-entity"

#include "config.h"

#include "slv-entity.h"

typedef struct
{
  char     *id;
  char     *created_at;
  char     *updated_at;
  gboolean  deleted;
} SlvEntityPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (SlvEntity, slv_entity, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_DELETED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
set_str (char       **field,
         const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static void slv_entity_finalize (GObject *object);

static const SlvFieldSpec *
find_field (SlvEntityClass *klass,
            guint           prop_id)
{
  if (prop_id < klass->first_prop_id || prop_id >= klass->first_prop_id + klass->n_fields)
    return NULL;
  return &klass->fields[prop_id - klass->first_prop_id];
}

static const SlvFieldSpec *
find_field_by_name (SlvEntity  *self,
                    const char *name)
{
  SlvEntityClass *klass = SLV_ENTITY_GET_CLASS (self);

  for (guint i = 0; i < klass->n_fields; i++)
    if (g_str_equal (klass->fields[i].name, name))
      return &klass->fields[i];
  return NULL;
}

static void
subclass_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  const SlvFieldSpec *f = find_field (SLV_ENTITY_GET_CLASS (object), prop_id);
  guint8 *base = (guint8 *) object;

  if (f == NULL)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  switch (f->type)
    {
    case SLV_FIELD_STRING:
      g_value_set_string (value, *(char **) (base + f->offset));
      break;
    case SLV_FIELD_INT:
      g_value_set_int64 (value, *(gint64 *) (base + f->offset));
      break;
    case SLV_FIELD_DOUBLE:
      g_value_set_double (value, *(double *) (base + f->offset));
      break;
    case SLV_FIELD_BOOLEAN:
      g_value_set_boolean (value, *(gboolean *) (base + f->offset));
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
subclass_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  const SlvFieldSpec *f = find_field (SLV_ENTITY_GET_CLASS (object), prop_id);
  guint8 *base = (guint8 *) object;
  gboolean changed = FALSE;

  if (f == NULL)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  switch (f->type)
    {
    case SLV_FIELD_STRING:
      changed = set_str ((char **) (base + f->offset), g_value_get_string (value));
      break;
    case SLV_FIELD_INT:
      changed = *(gint64 *) (base + f->offset) != g_value_get_int64 (value);
      *(gint64 *) (base + f->offset) = g_value_get_int64 (value);
      break;
    case SLV_FIELD_DOUBLE:
      changed = *(double *) (base + f->offset) != g_value_get_double (value);
      *(double *) (base + f->offset) = g_value_get_double (value);
      break;
    case SLV_FIELD_BOOLEAN:
      changed = *(gboolean *) (base + f->offset) != g_value_get_boolean (value);
      *(gboolean *) (base + f->offset) = g_value_get_boolean (value);
      break;
    default:
      g_assert_not_reached ();
    }
  if (changed)
    g_object_notify_by_pspec (object, pspec);
}

static void
subclass_finalize (GObject *object)
{
  SlvEntityClass *klass = SLV_ENTITY_GET_CLASS (object);
  guint8 *base = (guint8 *) object;

  for (guint i = 0; i < klass->n_fields; i++)
    if (klass->fields[i].type == SLV_FIELD_STRING)
      g_clear_pointer ((char **) (base + klass->fields[i].offset), g_free);

  slv_entity_finalize (object);
}

static void
slv_entity_finalize (GObject *object)
{
  SlvEntityPrivate *priv = slv_entity_get_instance_private (SLV_ENTITY (object));

  g_free (priv->id);
  g_free (priv->created_at);
  g_free (priv->updated_at);

  G_OBJECT_CLASS (slv_entity_parent_class)->finalize (object);
}

static void
slv_entity_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SlvEntityPrivate *priv = slv_entity_get_instance_private (SLV_ENTITY (object));

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, priv->id);
      break;
    case PROP_CREATED_AT:
      g_value_set_string (value, priv->created_at);
      break;
    case PROP_UPDATED_AT:
      g_value_set_string (value, priv->updated_at);
      break;
    case PROP_DELETED:
      g_value_set_boolean (value, priv->deleted);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
slv_entity_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  SlvEntityPrivate *priv = slv_entity_get_instance_private (SLV_ENTITY (object));

  switch (prop_id)
    {
    case PROP_ID:
      set_str (&priv->id, g_value_get_string (value));
      break;
    case PROP_CREATED_AT:
      if (set_str (&priv->created_at, g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_UPDATED_AT:
      if (set_str (&priv->updated_at, g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_DELETED:
      if (priv->deleted != g_value_get_boolean (value))
        {
          priv->deleted = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
slv_entity_class_init (SlvEntityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = slv_entity_finalize;
  object_class->get_property = slv_entity_get_property;
  object_class->set_property = slv_entity_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREATED_AT] =
    g_param_spec_string ("created-at", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UPDATED_AT] =
    g_param_spec_string ("updated-at", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DELETED] =
    g_param_spec_boolean ("deleted", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
slv_entity_init (SlvEntity *self)
{
}

void
slv_entity_class_install_fields (SlvEntityClass     *klass,
                                 const char         *table,
                                 const SlvFieldSpec *fields,
                                 guint               n_fields)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  klass->table = table;
  klass->fields = fields;
  klass->n_fields = n_fields;
  klass->first_prop_id = N_PROPS;

  object_class->get_property = subclass_get_property;
  object_class->set_property = subclass_set_property;
  object_class->finalize = subclass_finalize;

  for (guint i = 0; i < n_fields; i++)
    {
      GParamSpec *pspec = NULL;

      switch (fields[i].type)
        {
        case SLV_FIELD_STRING:
          pspec = g_param_spec_string (fields[i].name, NULL, NULL, NULL, flags);
          break;
        case SLV_FIELD_INT:
          pspec = g_param_spec_int64 (fields[i].name, NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
          break;
        case SLV_FIELD_DOUBLE:
          pspec = g_param_spec_double (fields[i].name, NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
          break;
        case SLV_FIELD_BOOLEAN:
          pspec = g_param_spec_boolean (fields[i].name, NULL, NULL, FALSE, flags);
          break;
        default:
          g_assert_not_reached ();
        }
      g_object_class_install_property (object_class, N_PROPS + i, pspec);
    }
}

const char *
slv_entity_get_id (SlvEntity *self)
{
  SlvEntityPrivate *priv = slv_entity_get_instance_private (self);

  g_return_val_if_fail (SLV_IS_ENTITY (self), NULL);
  return priv->id;
}

const char *
slv_entity_get_created_at (SlvEntity *self)
{
  SlvEntityPrivate *priv = slv_entity_get_instance_private (self);

  g_return_val_if_fail (SLV_IS_ENTITY (self), NULL);
  return priv->created_at;
}

const char *
slv_entity_get_updated_at (SlvEntity *self)
{
  SlvEntityPrivate *priv = slv_entity_get_instance_private (self);

  g_return_val_if_fail (SLV_IS_ENTITY (self), NULL);
  return priv->updated_at;
}

gboolean
slv_entity_get_deleted (SlvEntity *self)
{
  SlvEntityPrivate *priv = slv_entity_get_instance_private (self);

  g_return_val_if_fail (SLV_IS_ENTITY (self), FALSE);
  return priv->deleted;
}

const char *
slv_entity_get_table (SlvEntity *self)
{
  g_return_val_if_fail (SLV_IS_ENTITY (self), NULL);
  return SLV_ENTITY_GET_CLASS (self)->table;
}

const char *
slv_entity_get_string (SlvEntity  *self,
                       const char *name)
{
  const SlvFieldSpec *f;

  g_return_val_if_fail (SLV_IS_ENTITY (self), NULL);
  f = find_field_by_name (self, name);
  g_return_val_if_fail (f != NULL && f->type == SLV_FIELD_STRING, NULL);
  return *(char **) ((guint8 *) self + f->offset);
}

gint64
slv_entity_get_int (SlvEntity  *self,
                    const char *name)
{
  const SlvFieldSpec *f;

  g_return_val_if_fail (SLV_IS_ENTITY (self), 0);
  f = find_field_by_name (self, name);
  g_return_val_if_fail (f != NULL && f->type == SLV_FIELD_INT, 0);
  return *(gint64 *) ((guint8 *) self + f->offset);
}

double
slv_entity_get_double (SlvEntity  *self,
                       const char *name)
{
  const SlvFieldSpec *f;

  g_return_val_if_fail (SLV_IS_ENTITY (self), 0);
  f = find_field_by_name (self, name);
  g_return_val_if_fail (f != NULL && f->type == SLV_FIELD_DOUBLE, 0);
  return *(double *) ((guint8 *) self + f->offset);
}
