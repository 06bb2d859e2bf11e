/* slv-sync-button.c: a menu button showing the sync state (up to date, N
 * changes waiting, offline, signing in needed, error) whose popover says
 * what is going on and offers the action that helps: Sync Now, Sign In…,
 * Conflicts…, Sign Out. The actions are the window's (win.sync-now, …).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-sync-button"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "slv-sync-button.h"

struct _SlvSyncButton
{
  AdwBin         parent_instance;

  GtkMenuButton *button;
  GtkImage      *icon;
  GtkLabel      *label;
  GtkLabel      *detail;
  GtkWidget     *sync_now;
  GtkWidget     *sign_in;
  GtkWidget     *sign_out;
  GtkWidget     *conflicts;
  SlvSyncEngine *engine;
  char          *text;
};

G_DEFINE_FINAL_TYPE (SlvSyncButton, slv_sync_button, ADW_TYPE_BIN)

static void
update (SlvSyncButton *self)
{
  SlvSyncStatus status = self->engine ? slv_sync_engine_get_status (self->engine) : SLV_SYNC_STATUS_SIGNED_OUT;
  const char *message = self->engine ? slv_sync_engine_get_message (self->engine) : NULL;
  gint64 pending = self->engine ? slv_sync_engine_get_pending (self->engine) : 0;
  const char *email = self->engine ? slv_sync_engine_get_email (self->engine) : NULL;
  const char *icon = "emblem-ok-symbolic";
  g_autofree char *text = NULL;
  g_autofree char *detail = NULL;

  switch (status)
    {
    case SLV_SYNC_STATUS_SIGNED_OUT:
      icon = "dialog-password-symbolic";
      text = g_strdup (_("Sign in to sync"));
      break;
    case SLV_SYNC_STATUS_UP_TO_DATE:
      text = g_strdup (_("Up to date"));
      break;
    case SLV_SYNC_STATUS_PENDING:
      icon = "document-send-symbolic";
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%" PRId64 " change waiting",
                                           "%" PRId64 " changes waiting", pending), pending);
      break;
    case SLV_SYNC_STATUS_SYNCING:
      icon = "emblem-synchronizing-symbolic";
      text = g_strdup (_("Syncing…"));
      break;
    case SLV_SYNC_STATUS_OFFLINE:
      icon = "network-offline-symbolic";
      text = g_strdup (_("Offline"));
      break;
    case SLV_SYNC_STATUS_UPGRADE:
      icon = "software-update-available-symbolic";
      text = g_strdup (_("Update needed"));
      break;
    case SLV_SYNC_STATUS_ERROR:
    default:
      icon = "dialog-warning-symbolic";
      text = g_strdup (_("Sync error"));
      break;
    }
  if (message != NULL)
    detail = g_strdup (message);
  else if (pending > 0 && status != SLV_SYNC_STATUS_PENDING)
    detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%" PRId64 " change is waiting to be sent.",
                                           "%" PRId64 " changes are waiting to be sent.", pending), pending);
  else if (email != NULL && status != SLV_SYNC_STATUS_SIGNED_OUT)
    detail = g_strdup_printf (_("Signed in as %s."), email);
  else if (status == SLV_SYNC_STATUS_SIGNED_OUT)
    detail = g_strdup (_("This workspace works offline. Sign in to a Selvedge server to share it."));
  gtk_image_set_from_icon_name (self->icon, icon);
  gtk_label_set_label (self->label, text);
  gtk_label_set_label (self->detail, detail ? detail : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), detail ? detail : text);
  gtk_widget_set_visible (self->sign_in, status == SLV_SYNC_STATUS_SIGNED_OUT);
  gtk_widget_set_visible (self->sync_now, status != SLV_SYNC_STATUS_SIGNED_OUT);
  gtk_widget_set_visible (self->sign_out, status != SLV_SYNC_STATUS_SIGNED_OUT);
  g_free (self->text);
  self->text = g_steal_pointer (&text);
}

static void
changed_cb (SlvSyncButton *self)
{
  update (self);
}

static GtkWidget *
popover_button (const char *label,
                const char *action)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_halign (gtk_button_get_child (GTK_BUTTON (button)), GTK_ALIGN_START);
  return button;
}

static void
build (SlvSyncButton *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *menu = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *popover = gtk_popover_new ();

  self->icon = GTK_IMAGE (gtk_image_new ());
  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->icon));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->label));
  self->detail = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->detail, TRUE);
  gtk_label_set_max_width_chars (self->detail, 36);
  gtk_label_set_xalign (self->detail, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->detail), "dim-label");
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->detail), 6);
  self->sync_now = popover_button (_("_Sync Now"), "win.sync-now");
  self->sign_in = popover_button (_("Sign _In…"), "win.sign-in");
  self->conflicts = popover_button (_("_Conflicts and Refused Changes…"), "win.show-conflicts");
  self->sign_out = popover_button (_("Sign _Out"), "win.sign-out");
  gtk_box_append (GTK_BOX (menu), GTK_WIDGET (self->detail));
  gtk_box_append (GTK_BOX (menu), self->sync_now);
  gtk_box_append (GTK_BOX (menu), self->sign_in);
  gtk_box_append (GTK_BOX (menu), self->conflicts);
  gtk_box_append (GTK_BOX (menu), self->sign_out);
  gtk_popover_set_child (GTK_POPOVER (popover), menu);
  self->button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_child (self->button, box);
  gtk_menu_button_set_popover (self->button, popover);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->button));
}

static void
slv_sync_button_dispose (GObject *object)
{
  SlvSyncButton *self = SLV_SYNC_BUTTON (object);

  slv_sync_button_set_engine (self, NULL);
  G_OBJECT_CLASS (slv_sync_button_parent_class)->dispose (object);
}

static void
slv_sync_button_finalize (GObject *object)
{
  g_free (SLV_SYNC_BUTTON (object)->text);
  G_OBJECT_CLASS (slv_sync_button_parent_class)->finalize (object);
}

static void
slv_sync_button_class_init (SlvSyncButtonClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = slv_sync_button_dispose;
  G_OBJECT_CLASS (klass)->finalize = slv_sync_button_finalize;
}

static void
slv_sync_button_init (SlvSyncButton *self)
{
  build (self);
  update (self);
}

void
slv_sync_button_set_engine (SlvSyncButton *self,
                            SlvSyncEngine *engine)
{
  g_return_if_fail (SLV_IS_SYNC_BUTTON (self));

  if (self->engine == engine)
    return;
  if (self->engine != NULL)
    g_signal_handlers_disconnect_by_data (self->engine, self);
  g_set_object (&self->engine, engine);
  if (engine != NULL)
    {
      g_signal_connect_swapped (engine, "notify::status", G_CALLBACK (changed_cb), self);
      g_signal_connect_swapped (engine, "notify::message", G_CALLBACK (changed_cb), self);
      g_signal_connect_swapped (engine, "notify::pending", G_CALLBACK (changed_cb), self);
      g_signal_connect_swapped (engine, "notify::email", G_CALLBACK (changed_cb), self);
    }
  update (self);
}

SlvSyncEngine *
slv_sync_button_get_engine (SlvSyncButton *self)
{
  g_return_val_if_fail (SLV_IS_SYNC_BUTTON (self), NULL);
  return self->engine;
}

const char *
slv_sync_button_get_text (SlvSyncButton *self)
{
  g_return_val_if_fail (SLV_IS_SYNC_BUTTON (self), NULL);
  return self->text;
}
