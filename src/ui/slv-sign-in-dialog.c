/* slv-sign-in-dialog.c: server address, email and password; signs in
 * without blocking (the engine's async sign-in) and says what went wrong.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-sign-in-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "slv-sign-in-dialog.h"

struct _SlvSignInDialog
{
  AdwWindow      parent_instance;

  AdwEntryRow   *server;
  AdwEntryRow   *email;
  AdwPasswordEntryRow *password;
  GtkLabel      *error_label;
  GtkButton     *sign_in_button;
  GtkSpinner    *spinner;
  SlvSyncEngine *engine;
  GCancellable  *cancellable;
  char          *error;
};

G_DEFINE_FINAL_TYPE (SlvSignInDialog, slv_sign_in_dialog, ADW_TYPE_WINDOW)

static void
set_busy (SlvSignInDialog *self,
          gboolean         busy)
{
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sign-in.sign-in", !busy);
}

static void
show_error (SlvSignInDialog *self,
            const char      *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
signed_in_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(SlvSignInDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!slv_sync_engine_sign_in_finish (SLV_SYNC_ENGINE (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          set_busy (self, FALSE);
          show_error (self, error->message);
        }
      return;
    }
  set_busy (self, FALSE);
  gtk_window_close (GTK_WINDOW (self));
}

static void
sign_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SlvSignInDialog *self = SLV_SIGN_IN_DIALOG (widget);
  const char *server = gtk_editable_get_text (GTK_EDITABLE (self->server));
  const char *email = gtk_editable_get_text (GTK_EDITABLE (self->email));
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password));

  if (*server == '\0' || *email == '\0' || *password == '\0')
    {
      show_error (self, _("Fill in the server address, your email and your password."));
      return;
    }
  show_error (self, NULL);
  set_busy (self, TRUE);
  slv_sync_engine_sign_in_async (self->engine, server, email, password, self->cancellable, signed_in_cb,
                                 g_object_ref (self));
}

static GtkWidget *
build_content (SlvSignInDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *intro = gtk_label_new (_("Sign in to share this workspace through a Selvedge server. "
                                      "You keep working offline; changes sync when the server can be reached."));
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (_("Sign In"), NULL));
  gtk_box_append (GTK_BOX (box), header);
  gtk_widget_set_margin_start (page, 18);
  gtk_widget_set_margin_end (page, 18);
  gtk_widget_set_margin_bottom (page, 18);
  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_label_set_xalign (GTK_LABEL (intro), 0);
  gtk_box_append (GTK_BOX (page), intro);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  self->server = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->server), _("Server"));
  gtk_editable_set_text (GTK_EDITABLE (self->server), "https://");
  self->email = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->email), _("Email"));
  self->password = ADW_PASSWORD_ENTRY_ROW (adw_password_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->password), _("Password"));
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (self->password), TRUE);
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (self->server));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (self->email));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (self->password));
  gtk_box_append (GTK_BOX (page), list);
  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_box_append (GTK_BOX (page), GTK_WIDGET (self->error_label));
  self->spinner = GTK_SPINNER (gtk_spinner_new ());
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
  self->sign_in_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Sign In")));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->sign_in_button), "sign-in.sign-in");
  gtk_widget_add_css_class (GTK_WIDGET (self->sign_in_button), "suggested-action");
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (self->spinner));
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (self->sign_in_button));
  gtk_box_append (GTK_BOX (page), buttons);
  gtk_box_append (GTK_BOX (box), page);
  return box;
}

static void
slv_sign_in_dialog_dispose (GObject *object)
{
  SlvSignInDialog *self = SLV_SIGN_IN_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->engine);
  G_OBJECT_CLASS (slv_sign_in_dialog_parent_class)->dispose (object);
}

static void
slv_sign_in_dialog_finalize (GObject *object)
{
  g_free (SLV_SIGN_IN_DIALOG (object)->error);
  G_OBJECT_CLASS (slv_sign_in_dialog_parent_class)->finalize (object);
}

static void
slv_sign_in_dialog_class_init (SlvSignInDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = slv_sign_in_dialog_dispose;
  G_OBJECT_CLASS (klass)->finalize = slv_sign_in_dialog_finalize;
  gtk_widget_class_install_action (widget_class, "sign-in.sign-in", NULL, sign_in_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
slv_sign_in_dialog_init (SlvSignInDialog *self)
{
  self->cancellable = g_cancellable_new ();
  adw_window_set_content (ADW_WINDOW (self), build_content (self));
  gtk_window_set_default_size (GTK_WINDOW (self), 420, -1);
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->sign_in_button));
}

SlvSignInDialog *
slv_sign_in_dialog_new (GtkWindow     *parent,
                        SlvSyncEngine *engine)
{
  SlvSignInDialog *self = g_object_new (SLV_TYPE_SIGN_IN_DIALOG, "modal", TRUE, "transient-for", parent,
                                        "title", _("Sign In"), NULL);

  self->engine = g_object_ref (engine);
  if (slv_sync_engine_get_server_url (engine) != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->server), slv_sync_engine_get_server_url (engine));
  if (slv_sync_engine_get_email (engine) != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->email), slv_sync_engine_get_email (engine));
  return self;
}

void
slv_sign_in_dialog_fill (SlvSignInDialog *self,
                         const char      *server_url,
                         const char      *email,
                         const char      *password)
{
  g_return_if_fail (SLV_IS_SIGN_IN_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->server), server_url ? server_url : "");
  gtk_editable_set_text (GTK_EDITABLE (self->email), email ? email : "");
  gtk_editable_set_text (GTK_EDITABLE (self->password), password ? password : "");
}

const char *
slv_sign_in_dialog_get_error (SlvSignInDialog *self)
{
  g_return_val_if_fail (SLV_IS_SIGN_IN_DIALOG (self), NULL);
  return self->error;
}
