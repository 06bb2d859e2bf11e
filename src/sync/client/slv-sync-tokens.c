/* slv-sync-tokens.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-sync-tokens"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libsecret/secret.h>

#include "slv-sync-tokens.h"

struct _SlvTokenStore
{
  gint   ref_count;
  char  *file;          /* NULL: the Secret Service */
  GMutex lock;
};

static const SecretSchema token_schema = {
  "org.selvedge.Selvedge.Sync", SECRET_SCHEMA_NONE,
  {
    { "server", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "workspace", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { NULL, 0 },
  },
};

SlvTokenStore *
slv_token_store_new_file (const char *path)
{
  SlvTokenStore *self = g_new0 (SlvTokenStore, 1);

  self->ref_count = 1;
  self->file = g_strdup (path);
  g_mutex_init (&self->lock);
  return self;
}

SlvTokenStore *
slv_token_store_new_default (void)
{
  const char *file = g_getenv ("SELVEDGE_TOKEN_FILE");

  return slv_token_store_new_file (file != NULL && *file != '\0' ? file : NULL);
}

SlvTokenStore *
slv_token_store_ref (SlvTokenStore *self)
{
  g_atomic_int_inc (&self->ref_count);
  return self;
}

void
slv_token_store_unref (SlvTokenStore *self)
{
  if (self == NULL || !g_atomic_int_dec_and_test (&self->ref_count))
    return;
  g_free (self->file);
  g_mutex_clear (&self->lock);
  g_free (self);
}

const char *
slv_token_store_describe (SlvTokenStore *self)
{
  return self->file ? self->file : _("the keyring");
}

static void
keyring_error (GError **error,
               GError  *cause)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
               _("No keyring is available to keep your sign-in (%s). Start a Secret Service such as "
                 "GNOME Keyring, or set SELVEDGE_TOKEN_FILE to keep it in a file only you can read."),
               cause->message);
  g_error_free (cause);
}

static char *
file_key (const char *server_url,
          const char *workspace)
{
  return g_strconcat (server_url, " ", workspace, NULL);
}

static GKeyFile *
read_file (SlvTokenStore *self)
{
  GKeyFile *kf = g_key_file_new ();

  g_key_file_load_from_file (kf, self->file, G_KEY_FILE_NONE, NULL);
  return kf;
}

static gboolean
write_file (SlvTokenStore  *self,
            GKeyFile       *kf,
            GError        **error)
{
  g_autofree char *data = g_key_file_to_data (kf, NULL, NULL);
  g_autofree char *dir = g_path_get_dirname (self->file);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("Could not create “%s”: %s."), dir,
                   g_strerror (saved));
      return FALSE;
    }
  if (!g_file_set_contents_full (self->file, data, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    return FALSE;
  return TRUE;
}

gboolean
slv_token_store_save (SlvTokenStore  *self,
                      const char     *server_url,
                      const char     *workspace,
                      const char     *token,
                      GError        **error)
{
  g_autofree char *label = NULL;
  GError *cause = NULL;
  gboolean ok;

  if (self->file != NULL)
    {
      g_autoptr(GKeyFile) kf = NULL;
      g_autofree char *key = file_key (server_url, workspace);

      g_mutex_lock (&self->lock);
      kf = read_file (self);
      g_key_file_set_string (kf, "tokens", key, token);
      ok = write_file (self, kf, error);
      g_mutex_unlock (&self->lock);
      return ok;
    }
  label = g_strdup_printf (_("Selvedge sync sign-in (%s)"), server_url);
  if (!secret_password_store_sync (&token_schema, SECRET_COLLECTION_DEFAULT, label, token, NULL, &cause,
                                   "server", server_url, "workspace", workspace, NULL))
    {
      keyring_error (error, cause);
      return FALSE;
    }
  return TRUE;
}

char *
slv_token_store_load (SlvTokenStore  *self,
                      const char     *server_url,
                      const char     *workspace,
                      GError        **error)
{
  GError *cause = NULL;
  char *secret;
  char *token;

  if (self->file != NULL)
    {
      g_autoptr(GKeyFile) kf = NULL;
      g_autofree char *key = file_key (server_url, workspace);

      g_mutex_lock (&self->lock);
      kf = read_file (self);
      token = g_key_file_get_string (kf, "tokens", key, NULL);
      g_mutex_unlock (&self->lock);
      return token;
    }
  secret = secret_password_lookup_sync (&token_schema, NULL, &cause, "server", server_url,
                                        "workspace", workspace, NULL);
  if (cause != NULL)
    {
      keyring_error (error, cause);
      return NULL;
    }
  token = g_strdup (secret);
  secret_password_free (secret);
  return token;
}

gboolean
slv_token_store_clear (SlvTokenStore  *self,
                       const char     *server_url,
                       const char     *workspace,
                       GError        **error)
{
  GError *cause = NULL;
  gboolean ok;

  if (self->file != NULL)
    {
      g_autoptr(GKeyFile) kf = NULL;
      g_autofree char *key = file_key (server_url, workspace);

      g_mutex_lock (&self->lock);
      kf = read_file (self);
      g_key_file_remove_key (kf, "tokens", key, NULL);
      ok = write_file (self, kf, error);
      g_mutex_unlock (&self->lock);
      return ok;
    }
  secret_password_clear_sync (&token_schema, NULL, &cause, "server", server_url, "workspace", workspace, NULL);
  if (cause != NULL)
    {
      keyring_error (error, cause);
      return FALSE;
    }
  return TRUE;
}
