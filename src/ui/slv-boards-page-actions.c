/* slv-boards-page-actions.c: new, rename, duplicate, delete, undo, redo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-boards-page"

#include "config.h"

#include <glib/gi18n.h>

#include "slv-boards-page-private.h"
#include "core/slv-board.h"

void
slv_boards_page_toast (SlvBoardsPage *self,
                       const char    *message,
                       gboolean       undo)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 6);
  if (undo)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "boards.undo");
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
boards_page_update_actions (SlvBoardsPage *self)
{
  gboolean ready = self->shelf != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "boards.new", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "boards.undo", ready && slv_board_shelf_can_undo (self->shelf));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "boards.redo", ready && slv_board_shelf_can_redo (self->shelf));
}

static SlvBoard *
find_board (SlvBoardsPage *self,
            const char    *id)
{
  GListModel *boards = self->shelf ? slv_board_shelf_get_boards (self->shelf) : NULL;

  for (guint i = 0; boards && i < g_list_model_get_n_items (boards); i++)
    {
      g_autoptr(SlvBoard) board = g_list_model_get_item (boards, i);

      if (g_strcmp0 (slv_entity_get_id (SLV_ENTITY (board)), id) == 0)
        return board;
    }
  return NULL;
}

char *
slv_boards_page_create_board (SlvBoardsPage  *self,
                              const char     *name,
                              const char     *collection_id,
                              GError        **error)
{
  char *id = NULL;

  g_return_val_if_fail (SLV_IS_BOARDS_PAGE (self), NULL);

  if (self->shelf == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, _("No workspace is open."));
      return NULL;
    }
  if (collection_id != NULL && *collection_id == '\0')
    collection_id = NULL;
  if (!slv_board_shelf_create (self->shelf, name, collection_id, &id, error))
    return NULL;
  return id;
}

static void
report (SlvBoardsPage *self,
        gboolean       ok,
        GError        *error)
{
  if (!ok && error != NULL)
    slv_boards_page_toast (self, error->message, FALSE);
  g_clear_error (&error);
}

static void
create_action (GtkWidget  *widget,
               const char *action,
               GVariant   *parameter)
{
  SlvBoardsPage *self = SLV_BOARDS_PAGE (widget);
  g_autofree char *id = NULL;
  const char *name, *collection;
  GError *error = NULL;

  g_variant_get (parameter, "(&s&s)", &name, &collection);
  id = slv_boards_page_create_board (self, name, collection, &error);
  report (self, id != NULL, error);
}

static void
rename_action (GtkWidget  *widget,
               const char *action,
               GVariant   *parameter)
{
  SlvBoardsPage *self = SLV_BOARDS_PAGE (widget);
  const char *id, *name;
  GError *error = NULL;

  g_variant_get (parameter, "(&s&s)", &id, &name);
  if (self->shelf != NULL)
    report (self, slv_board_shelf_rename (self->shelf, id, name, &error), error);
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *action,
                  GVariant   *parameter)
{
  SlvBoardsPage *self = SLV_BOARDS_PAGE (widget);
  GError *error = NULL;

  if (self->shelf != NULL)
    report (self, slv_board_shelf_duplicate (self->shelf, g_variant_get_string (parameter, NULL), NULL, NULL,
                                             &error), error);
}

static void
delete_action (GtkWidget  *widget,
               const char *action,
               GVariant   *parameter)
{
  SlvBoardsPage *self = SLV_BOARDS_PAGE (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  SlvBoard *board = find_board (self, id);
  g_autofree char *name = g_strdup (board ? slv_board_get_name (board) : "");
  GError *error = NULL;

  if (self->shelf == NULL)
    return;
  if (slv_board_shelf_delete (self->shelf, id, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Deleted “%s”"), name);

      slv_boards_page_toast (self, message, TRUE);
    }
  report (self, error == NULL, error);
}

static void
undo_action (GtkWidget  *widget,
             const char *action,
             GVariant   *parameter)
{
  SlvBoardsPage *self = SLV_BOARDS_PAGE (widget);
  GError *error = NULL;

  if (self->shelf != NULL)
    report (self, slv_board_shelf_undo (self->shelf, &error), error);
}

static void
redo_action (GtkWidget  *widget,
             const char *action,
             GVariant   *parameter)
{
  SlvBoardsPage *self = SLV_BOARDS_PAGE (widget);
  GError *error = NULL;

  if (self->shelf != NULL)
    report (self, slv_board_shelf_redo (self->shelf, &error), error);
}

/* -- dialogs -- */

static GtkWindow *
parent_window (SlvBoardsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static GtkWidget *
name_dialog (SlvBoardsPage *self,
             const char    *heading,
             const char    *accept,
             const char    *name,
             GtkWidget     *extra)
{
  GtkWidget *dialog = adw_message_dialog_new (parent_window (self), heading, NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), name ? name : "");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_box_append (GTK_BOX (box), entry);
  if (extra != NULL)
    gtk_box_append (GTK_BOX (box), extra);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "ok", accept, NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "ok", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "ok");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "slv-entry", entry);
  return dialog;
}

static void
rename_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    SlvBoardsPage    *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "slv-entry");
  const char *id = g_object_get_data (G_OBJECT (dialog), "slv-board-id");

  if (g_strcmp0 (response, "ok") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "boards.rename", "(ss)", id, gtk_editable_get_text (entry));
}

static void
rename_dialog_action (GtkWidget  *widget,
                      const char *action,
                      GVariant   *parameter)
{
  SlvBoardsPage *self = SLV_BOARDS_PAGE (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  SlvBoard *board = find_board (self, id);
  GtkWidget *dialog;

  if (board == NULL)
    return;
  dialog = name_dialog (self, _("Rename Board"), _("_Rename"), slv_board_get_name (board), NULL);
  g_object_set_data_full (G_OBJECT (dialog), "slv-board-id", g_strdup (id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (rename_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The collections the shelf's boards belong to: names for a drop-down,
 * ids in @ids (the first, "", is none). */
static GtkStringList *
collections (SlvBoardsPage *self,
             GPtrArray     *ids)
{
  GtkStringList *names = gtk_string_list_new (NULL);
  GListModel *boards = slv_board_shelf_get_boards (self->shelf);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  gtk_string_list_append (names, _("No collection"));
  g_ptr_array_add (ids, g_strdup (""));
  for (guint i = 0; i < g_list_model_get_n_items (boards); i++)
    {
      g_autoptr(SlvBoard) board = g_list_model_get_item (boards, i);
      const char *id = slv_board_get_collection_id (board);

      if (id == NULL || *id == '\0' || g_hash_table_contains (seen, id))
        continue;
      g_hash_table_add (seen, (gpointer) g_intern_string (id));
      gtk_string_list_append (names, slv_board_get_collection_name (board));
      g_ptr_array_add (ids, g_strdup (id));
    }
  return names;
}

static void
new_response_cb (AdwMessageDialog *dialog,
                 const char       *response,
                 SlvBoardsPage    *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "slv-entry");
  GtkDropDown *choice = g_object_get_data (G_OBJECT (dialog), "slv-collection");
  GPtrArray *ids = g_object_get_data (G_OBJECT (dialog), "slv-collection-ids");
  guint i = gtk_drop_down_get_selected (choice);

  if (g_strcmp0 (response, "ok") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "boards.create", "(ss)", gtk_editable_get_text (entry),
                                i < ids->len ? (const char *) g_ptr_array_index (ids, i) : "");
}

static void
new_action (GtkWidget  *widget,
            const char *action,
            GVariant   *parameter)
{
  SlvBoardsPage *self = SLV_BOARDS_PAGE (widget);
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *choice, *dialog;

  if (self->shelf == NULL)
    {
      g_ptr_array_unref (ids);
      return;
    }
  choice = gtk_drop_down_new (G_LIST_MODEL (collections (self, ids)), NULL);
  dialog = name_dialog (self, _("New Board"), _("_Create"), _("Untitled board"), choice);
  g_object_set_data (G_OBJECT (dialog), "slv-collection", choice);
  g_object_set_data_full (G_OBJECT (dialog), "slv-collection-ids", ids, (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (new_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
boards_page_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "boards.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "boards.create", "(ss)", create_action);
  gtk_widget_class_install_action (widget_class, "boards.rename", "(ss)", rename_action);
  gtk_widget_class_install_action (widget_class, "boards.rename-dialog", "s", rename_dialog_action);
  gtk_widget_class_install_action (widget_class, "boards.duplicate", "s", duplicate_action);
  gtk_widget_class_install_action (widget_class, "boards.delete", "s", delete_action);
  gtk_widget_class_install_action (widget_class, "boards.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "boards.redo", NULL, redo_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "boards.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "boards.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "boards.new", NULL);
}
