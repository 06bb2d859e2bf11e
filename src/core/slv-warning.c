/* slv-warning.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-warning"

#include "config.h"

#include "slv-warning.h"

G_DEFINE_BOXED_TYPE (SlvWarning, slv_warning, slv_warning_copy, slv_warning_free)

SlvWarning *
slv_warning_new (const char *code,
                 const char *subject,
                 const char *message)
{
  SlvWarning *self = g_new0 (SlvWarning, 1);

  self->code = g_strdup (code);
  self->subject = g_strdup (subject);
  self->message = g_strdup (message);
  return self;
}

SlvWarning *
slv_warning_copy (const SlvWarning *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return slv_warning_new (self->code, self->subject, self->message);
}

void
slv_warning_free (SlvWarning *self)
{
  if (self == NULL)
    return;
  g_free (self->code);
  g_free (self->subject);
  g_free (self->message);
  g_free (self);
}

GPtrArray *
slv_warnings_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) slv_warning_free);
}

void
slv_warnings_add (GPtrArray  *warnings,
                  const char *code,
                  const char *subject,
                  const char *format,
                  ...)
{
  g_autofree char *msg = NULL;
  va_list args;

  g_return_if_fail (warnings != NULL && code != NULL && format != NULL);

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (warnings, slv_warning_new (code, subject, msg));
}

gboolean
slv_warnings_has (GPtrArray  *warnings,
                  const char *code)
{
  g_return_val_if_fail (warnings != NULL && code != NULL, FALSE);

  for (guint i = 0; i < warnings->len; i++)
    if (g_str_equal (((SlvWarning *) g_ptr_array_index (warnings, i))->code, code))
      return TRUE;
  return FALSE;
}

void
slv_warnings_append (GPtrArray *warnings,
                     GPtrArray *more)
{
  g_return_if_fail (warnings != NULL);

  if (more == NULL)
    return;
  for (guint i = 0; i < more->len; i++)
    g_ptr_array_add (warnings, slv_warning_copy (g_ptr_array_index (more, i)));
}
