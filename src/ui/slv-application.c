/* slv-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-application"

#include "config.h"

#include <glib/gi18n.h>

#include "slv-application.h"
#include "slv-preferences-window.h"
#include "slv-window.h"
#include "services/slv-demo.h"
#include "services/slv-workspace.h"

struct _SlvApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (SlvApplication, slv_application, ADW_TYPE_APPLICATION)

typedef enum
{
  OPEN_EXISTING,
  OPEN_OR_DEMO,      /* the default workspace: made with the demo brand on first run */
  CREATE_EMPTY,
} OpenMode;

typedef struct
{
  char     *path;
  OpenMode  mode;
} OpenJob;

static void
open_job_free (gpointer data)
{
  OpenJob *job = data;

  g_free (job->path);
  g_free (job);
}

static SlvWindow *
find_window (SlvApplication *self,
             const char     *path)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (SLV_IS_WINDOW (l->data))
      {
        SlvStore *store = slv_window_get_store (l->data);

        if (store != NULL && g_strcmp0 (slv_store_get_path (store), path) == 0)
          return l->data;
      }
  return NULL;
}

static void
error_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   SlvApplication   *self)
{
  if (g_strcmp0 (response, "open") == 0)
    g_action_group_activate_action (G_ACTION_GROUP (self), "open-workspace", NULL);
  g_application_release (G_APPLICATION (self));
}

static void
show_error (SlvApplication *self,
            const char     *heading,
            const char     *message)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, message);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "close", _("_Close"),
                                    "open", _("_Open Another Workspace…"),
                                    NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "open");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  /* Keep the application alive while the only thing shown is this dialog. */
  g_application_hold (G_APPLICATION (self));
  g_signal_connect (dialog, "response", G_CALLBACK (error_response_cb), self);
  if (parent == NULL)
    gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OpenJob *job = task_data;
  GError *error = NULL;
  SlvStore *store = NULL;

  switch (job->mode)
    {
    case OPEN_OR_DEMO:
      if (!slv_store_path_is_workspace (job->path))
        store = slv_demo_create (job->path, &error);
      else
        store = slv_store_open (job->path, SLV_STORE_OPEN_DEFAULT, &error);
      break;
    case CREATE_EMPTY:
      store = slv_workspace_create_empty (job->path, NULL, &error);
      break;
    case OPEN_EXISTING:
    default:
      store = slv_store_open (job->path, SLV_STORE_OPEN_DEFAULT, &error);
      break;
    }
  if (store == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, store, g_object_unref);
}

static void
open_ready_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  SlvApplication *self = SLV_APPLICATION (source);
  OpenJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvStore) store = g_task_propagate_pointer (G_TASK (result), &error);
  SlvWindow *window;

  if (store == NULL)
    {
      show_error (self, _("Could Not Open the Workspace"), error->message);
    }
  else if ((window = find_window (self, slv_store_get_path (store))) != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
    }
  else
    {
      window = slv_window_new (ADW_APPLICATION (self), store);
      gtk_window_present (GTK_WINDOW (window));
      if (job->mode != OPEN_OR_DEMO)
        g_settings_set_string (self->settings, "last-workspace", slv_store_get_path (store));
      else
        g_settings_set_string (self->settings, "last-workspace", "");
    }
  g_application_release (G_APPLICATION (self));
}

static void
open_path (SlvApplication *self,
           const char     *path,
           OpenMode        mode)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, open_ready_cb, NULL);
  g_autofree char *canonical = g_canonicalize_filename (path, NULL);
  SlvWindow *window = find_window (self, canonical);
  OpenJob *job;

  if (window != NULL && mode != CREATE_EMPTY)
    {
      gtk_window_present (GTK_WINDOW (window));
      return;
    }
  job = g_new0 (OpenJob, 1);
  job->path = g_steal_pointer (&canonical);
  job->mode = mode;
  g_task_set_source_tag (task, open_path);
  g_task_set_task_data (task, job, open_job_free);
  /* Hold until the window (or the error) is shown, so the app does not quit. */
  g_application_hold (G_APPLICATION (self));
  g_task_run_in_thread (task, open_thread);
}

void
slv_application_open_workspace (SlvApplication *self,
                                const char     *path)
{
  g_return_if_fail (SLV_IS_APPLICATION (self));
  g_return_if_fail (path != NULL);

  open_path (self, path, OPEN_EXISTING);
}

static void
chooser_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     SlvApplication  *self)
{
  gboolean create = gtk_file_chooser_get_action (GTK_FILE_CHOOSER (dialog)) == GTK_FILE_CHOOSER_ACTION_SAVE;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      if (path == NULL)
        show_error (self, _("Could Not Open the Workspace"),
                    _("Workspaces must be folders on this computer."));
      else if (create)
        {
          g_autofree char *normalized = slv_workspace_normalize_path (path);

          open_path (self, normalized, CREATE_EMPTY);
        }
      else
        open_path (self, path, OPEN_EXISTING);
    }
  g_clear_object (&self->chooser);
}

static void
run_chooser (SlvApplication       *self,
             GtkFileChooserAction  action)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  gboolean create = action == GTK_FILE_CHOOSER_ACTION_SAVE;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (create ? _("New Workspace") : _("Open Workspace"),
                                               parent, action,
                                               create ? _("_Create") : _("_Open"), _("_Cancel"));
  if (create)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), _("New Workspace.selvedge"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
new_workspace_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  run_chooser (SLV_APPLICATION (user_data), GTK_FILE_CHOOSER_ACTION_SAVE);
}

static void
open_workspace_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  run_chooser (SLV_APPLICATION (user_data), GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER);
}

static void
open_path_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  slv_application_open_workspace (SLV_APPLICATION (user_data), g_variant_get_string (parameter, NULL));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  SlvApplication *self = SLV_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  SlvPreferencesWindow *prefs = slv_preferences_window_new (self->settings);

  gtk_window_set_transient_for (GTK_WINDOW (prefs), parent);
  gtk_window_present (GTK_WINDOW (prefs));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  SlvApplication *self = SLV_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *developers[] = { "The Selvedge developers", NULL };

  adw_show_about_window (parent,
                         "application-name", _("Selvedge"),
                         "application-icon", APP_ID,
                         "developer-name", _("The Selvedge developers"),
                         "version", PACKAGE_VERSION,
                         "comments", _("From mood board to priced, produced garment: design, costing "
                                       "and production for apparel brands and their suppliers."),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "developers", developers,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

/* Closing a window can destroy others with it (dialogs destroyed with
 * their parent) and always changes the application's list: walk a copy,
 * and close only the windows still open. */
static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GList *windows = g_list_copy_deep (gtk_application_get_windows (app), (GCopyFunc) g_object_ref, NULL);

  for (GList *l = windows; l != NULL; l = l->next)
    if (g_list_find (gtk_application_get_windows (app), l->data) != NULL)
      gtk_window_close (l->data);
  g_list_free_full (windows, g_object_unref);
}

static void
apply_color_scheme (SlvApplication *self)
{
  static const AdwColorScheme schemes[] = {
    ADW_COLOR_SCHEME_DEFAULT, ADW_COLOR_SCHEME_FORCE_LIGHT, ADW_COLOR_SCHEME_FORCE_DARK,
  };
  guint value = g_settings_get_enum (self->settings, "color-scheme");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      schemes[MIN (value, G_N_ELEMENTS (schemes) - 1)]);
}

static const GActionEntry app_actions[] = {
  { "new-workspace", new_workspace_action },
  { "open-workspace", open_workspace_action },
  { "open-path", open_path_action, "s" },
  { "preferences", preferences_action },
  { "about", about_action },
  { "quit", quit_action },
};

static void
slv_application_startup (GApplication *application)
{
  SlvApplication *self = SLV_APPLICATION (application);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *prefs_accels[] = { "<Control>comma", NULL };
  static const char *open_accels[] = { "<Control>o", NULL };
  static const char *new_accels[] = { "<Control><Shift>n", NULL };

  G_APPLICATION_CLASS (slv_application_parent_class)->startup (application);

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::color-scheme",
                           G_CALLBACK (apply_color_scheme), self, G_CONNECT_SWAPPED);
  apply_color_scheme (self);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", prefs_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.open-workspace", open_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.new-workspace", new_accels);
}

static void
slv_application_activate (GApplication *application)
{
  SlvApplication *self = SLV_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autofree char *last = NULL;

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }
  last = g_settings_get_string (self->settings, "last-workspace");
  if (*last != '\0' && slv_store_path_is_workspace (last))
    open_path (self, last, OPEN_EXISTING);
  else
    {
      g_autofree char *default_path = slv_store_default_path ();

      open_path (self, default_path, OPEN_OR_DEMO);
    }
}

static void
slv_application_open (GApplication  *application,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  SlvApplication *self = SLV_APPLICATION (application);

  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);

      if (path == NULL)
        {
          g_autofree char *uri = g_file_get_uri (files[i]);
          g_autofree char *msg = g_strdup_printf (_("“%s” is not a folder on this computer."), uri);

          show_error (self, _("Could Not Open the Workspace"), msg);
          continue;
        }
      open_path (self, path, OPEN_EXISTING);
    }
}

static void
slv_application_dispose (GObject *object)
{
  SlvApplication *self = SLV_APPLICATION (object);

  g_clear_object (&self->chooser);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (slv_application_parent_class)->dispose (object);
}

/* Quit asked for over D-Bus (org.gtk.Actions.Activate "quit") returns
 * before its reply is written: send what is queued before the process
 * ends, so the caller hears back. */
static void
slv_application_shutdown (GApplication *application)
{
  GDBusConnection *bus = g_application_get_dbus_connection (application);

  G_APPLICATION_CLASS (slv_application_parent_class)->shutdown (application);
  if (bus != NULL)
    g_dbus_connection_flush_sync (bus, NULL, NULL);
}

static void
slv_application_class_init (SlvApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = slv_application_dispose;
  app_class->startup = slv_application_startup;
  app_class->shutdown = slv_application_shutdown;
  app_class->activate = slv_application_activate;
  app_class->open = slv_application_open;
}

static void
slv_application_init (SlvApplication *self)
{
}

/* SELVEDGE_INSTANCE=NAME runs a separate instance (application id
 * org.selvedge.Selvedge.NAME): two windows on two workspaces that do not
 * hand their files to each other, each with its own bus name for D-Bus
 * (tests drive two syncing apps this way). */
static char *
application_id (void)
{
  const char *instance = g_getenv ("SELVEDGE_INSTANCE");
  g_autofree char *id = NULL;

  if (instance == NULL || *instance == '\0')
    return g_strdup (APP_ID);
  id = g_strconcat (APP_ID, ".", instance, NULL);
  return g_application_id_is_valid (id) ? g_steal_pointer (&id) : g_strdup (APP_ID);
}

SlvApplication *
slv_application_new (void)
{
  g_autofree char *id = application_id ();

  return g_object_new (SLV_TYPE_APPLICATION,
                       "application-id", id,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/org/selvedge/Selvedge",
                       NULL);
}
