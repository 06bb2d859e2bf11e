/* slv-boards-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-boards-page"

#include "config.h"

#include <glib/gi18n.h>

#include "slv-boards-page.h"
#include "core/slv-board.h"
#include "store/slv-blobs.h"
#include "store/slv-repo.h"

struct _SlvBoardsPage
{
  GtkWidget     parent_instance;

  GtkStack     *stack;
  GtkGridView  *grid_view;

  SlvStore     *store;
  GListStore   *boards;
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (SlvBoardsPage, slv_boards_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
texture_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;
  GdkTexture *texture = gdk_texture_new_from_filename (task_data, &error);

  if (texture == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, texture, g_object_unref);
}

static void
texture_ready_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GtkPicture) picture = user_data;
  g_autoptr(GdkTexture) texture = g_task_propagate_pointer (G_TASK (result), NULL);

  /* A missing or unreadable cover leaves the placeholder in place. */
  if (texture != NULL)
    gtk_picture_set_paintable (picture, GDK_PAINTABLE (texture));
}

static void
load_cover (SlvBoardsPage *self,
            GtkPicture    *picture,
            const char    *sha256)
{
  g_autoptr(GTask) task = NULL;

  gtk_picture_set_paintable (picture, NULL);
  if (self->store == NULL || !slv_blobs_is_valid_hash (sha256))
    return;
  task = g_task_new (NULL, self->cancellable, texture_ready_cb, g_object_ref (picture));
  g_task_set_source_tag (task, load_cover);
  g_task_set_task_data (task, slv_blobs_dup_path (self->store, sha256), g_free);
  g_task_run_in_thread (task, texture_thread);
}

static void
setup_card_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               SlvBoardsPage            *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *picture = gtk_picture_new ();
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *count = gtk_label_new (NULL);

  gtk_widget_add_css_class (box, "board-card");
  gtk_widget_add_css_class (picture, "board-thumbnail");
  gtk_widget_set_size_request (picture, 180, 180);
  gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
  gtk_picture_set_content_fit (GTK_PICTURE (picture), GTK_CONTENT_FIT_COVER);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (name, "heading");
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "caption");
  gtk_box_append (GTK_BOX (box), picture);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), count);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_card_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              SlvBoardsPage            *self)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *picture = gtk_widget_get_first_child (box);
  GtkWidget *name = gtk_widget_get_next_sibling (picture);
  GtkWidget *count = gtk_widget_get_next_sibling (name);
  SlvBoard *board = gtk_list_item_get_item (list_item);
  guint n = (guint) slv_board_get_item_count (board);
  guint open = (guint) slv_board_get_open_threads (board);
  g_autofree char *items = g_strdup_printf (ngettext ("%u item", "%u items", n), n);

  if (open > 0)
    {
      /* TRANSLATORS: "14 items · 3 open reviews" */
      g_autofree char *reviews = g_strdup_printf (ngettext ("%u open review", "%u open reviews", open), open);
      char *both = g_strdup_printf ("%s · %s", items, reviews);

      g_free (items);
      items = both;
    }

  gtk_label_set_text (GTK_LABEL (name), slv_board_get_name (board));
  gtk_label_set_text (GTK_LABEL (count), items);
  load_cover (self, GTK_PICTURE (picture), slv_board_get_cover_blob (board));
}

static void
boards_ready_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) list = slv_repo_list_finish (SLV_STORE (source), result, &error);
  SlvBoardsPage *self;
  guint n;

  /* Cancelled: the page moved on or went away, and is not touched. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = SLV_BOARDS_PAGE (user_data);
  if (list == NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", error->message);
      return;
    }
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_list_store_remove_all (self->boards);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) board = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_list_store_append (self->boards, board);
    }
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "grid" : "empty");
}

void
slv_boards_page_reload (SlvBoardsPage *self)
{
  g_return_if_fail (SLV_IS_BOARDS_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->store == NULL)
    {
      g_list_store_remove_all (self->boards);
      return;
    }
  self->cancellable = g_cancellable_new ();
  slv_repo_list_async (self->store, SLV_TYPE_BOARD, NULL, self->cancellable,
                       boards_ready_cb, self);
}

static void
board_activated_cb (SlvBoardsPage *self,
                    guint          position)
{
  g_autoptr(SlvBoard) board = g_list_model_get_item (G_LIST_MODEL (self->boards), position);

  if (board != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-board", "s",
                                slv_entity_get_id (SLV_ENTITY (board)));
}

static void
slv_boards_page_dispose (GObject *object)
{
  SlvBoardsPage *self = SLV_BOARDS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer ((GtkWidget **) &self->stack, gtk_widget_unparent);
  g_clear_object (&self->boards);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (slv_boards_page_parent_class)->dispose (object);
}

static void
slv_boards_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SlvBoardsPage *self = SLV_BOARDS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
slv_boards_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SlvBoardsPage *self = SLV_BOARDS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      slv_boards_page_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
slv_boards_page_class_init (SlvBoardsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = slv_boards_page_dispose;
  object_class->get_property = slv_boards_page_get_property;
  object_class->set_property = slv_boards_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SLV_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/selvedge/Selvedge/ui/slv-boards-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, SlvBoardsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SlvBoardsPage, grid_view);
  gtk_widget_class_bind_template_callback (widget_class, board_activated_cb);
}

static void
slv_boards_page_init (SlvBoardsPage *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->boards = g_list_store_new (SLV_TYPE_BOARD);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_card_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_card_cb), self);
  gtk_grid_view_set_factory (self->grid_view, factory);
  g_object_unref (factory);
  gtk_grid_view_set_model (self->grid_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->boards)))));
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

SlvStore *
slv_boards_page_get_store (SlvBoardsPage *self)
{
  g_return_val_if_fail (SLV_IS_BOARDS_PAGE (self), NULL);
  return self->store;
}

void
slv_boards_page_set_store (SlvBoardsPage *self,
                           SlvStore      *store)
{
  g_return_if_fail (SLV_IS_BOARDS_PAGE (self));

  if (!g_set_object (&self->store, store))
    return;
  slv_boards_page_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

GListModel *
slv_boards_page_get_model (SlvBoardsPage *self)
{
  g_return_val_if_fail (SLV_IS_BOARDS_PAGE (self), NULL);
  return G_LIST_MODEL (self->boards);
}
