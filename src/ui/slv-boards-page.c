/* slv-boards-page.c: the shelf, its cards and thumbnails. The commands
 * and their dialogs are in slv-boards-page-actions.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-boards-page"

#include "config.h"

#include <glib/gi18n.h>

#include "slv-boards-page-private.h"
#include "slv-board-export.h"
#include "core/slv-board.h"
#include "store/slv-blobs.h"

/* Thumbnails are drawn this many pixels on their longer side. */
#define THUMBNAIL_SIDE 360

G_DEFINE_FINAL_TYPE (SlvBoardsPage, slv_boards_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  SlvBoardsPage *page;
  GtkPicture    *picture;
  char          *board_id;
} ThumbRequest;

static void
thumb_request_free (ThumbRequest *request)
{
  g_clear_object (&request->page);
  g_clear_object (&request->picture);
  g_free (request->board_id);
  g_free (request);
}

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

/* Shows @texture on the card's picture, or the empty-board sign. */
static void
show_thumbnail (GtkPicture *picture,
                GdkTexture *texture)
{
  GtkWidget *empty = g_object_get_data (G_OBJECT (picture), "slv-empty");

  gtk_picture_set_paintable (picture, texture ? GDK_PAINTABLE (texture) : NULL);
  if (empty != NULL)
    gtk_widget_set_visible (empty, texture == NULL);
}

/* The picture still shows the board it was asked for. */
static gboolean
still_bound (ThumbRequest *request)
{
  return g_strcmp0 (g_object_get_data (G_OBJECT (request->picture), "slv-board-id"), request->board_id) == 0;
}

static void
texture_ready_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  ThumbRequest *request = user_data;
  g_autoptr(GdkTexture) texture = g_task_propagate_pointer (G_TASK (result), NULL);

  /* A missing or unreadable picture leaves the placeholder in place. */
  if (texture != NULL)
    {
      if (request->page->thumbs != NULL)
        g_hash_table_replace (request->page->thumbs, g_strdup (request->board_id), g_object_ref (texture));
      request->page->n_thumbnails++;
      if (still_bound (request))
        show_thumbnail (request->picture, texture);
    }
  thumb_request_free (request);
}

static void
load_texture (ThumbRequest *request,
              char         *path)
{
  g_autoptr(GTask) task = g_task_new (NULL, request->page->cancellable, texture_ready_cb, request);

  g_task_set_source_tag (task, load_texture);
  g_task_set_task_data (task, path, g_free);
  g_task_run_in_thread (task, texture_thread);
}

static void
thumbnail_ready_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  ThumbRequest *request = user_data;
  g_autoptr(GError) error = NULL;
  char *path = slv_board_thumbnail_finish (result, &error);

  if (path == NULL)
    {
      /* an empty board, or one that could not be drawn: the placeholder */
      if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No thumbnail for board %s: %s", request->board_id, error->message);
      if (error == NULL && still_bound (request))
        show_thumbnail (request->picture, NULL);
      thumb_request_free (request);
      return;
    }
  load_texture (request, path);
}

static void
load_thumbnail (SlvBoardsPage *self,
                GtkPicture    *picture,
                SlvBoard      *board)
{
  const char *id = slv_entity_get_id (SLV_ENTITY (board));
  GdkTexture *known = g_hash_table_lookup (self->thumbs, id);
  ThumbRequest *request;

  g_object_set_data_full (G_OBJECT (picture), "slv-board-id", g_strdup (id), g_free);
  show_thumbnail (picture, known);
  if (self->store == NULL || self->cache == NULL)
    return;
  request = g_new0 (ThumbRequest, 1);
  request->page = g_object_ref (self);
  request->picture = g_object_ref (picture);
  request->board_id = g_strdup (id);
  slv_board_thumbnail_async (self->store, self->cache, id, THUMBNAIL_SIDE, self->cancellable,
                             thumbnail_ready_cb, request);
}

static GMenuModel *
card_menu (const char *board_id)
{
  GMenu *menu = g_menu_new ();
  struct { const char *label, *action; } entries[] = {
    { N_("_Open"), "win.open-board" },
    { N_("_Rename…"), "boards.rename-dialog" },
    { N_("_Duplicate"), "boards.duplicate" },
    { N_("De_lete"), "boards.delete" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_(entries[i].label), NULL);

      g_menu_item_set_action_and_target (item, entries[i].action, "s", board_id);
      g_menu_append_item (menu, item);
    }
  return G_MENU_MODEL (menu);
}

static void
setup_card_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               SlvBoardsPage            *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *overlay = gtk_overlay_new ();
  GtkWidget *picture = gtk_picture_new ();
  GtkWidget *menu = gtk_menu_button_new ();
  GtkWidget *empty = gtk_image_new_from_icon_name ("view-grid-symbolic");
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *count = gtk_label_new (NULL);

  gtk_widget_add_css_class (box, "board-card");
  gtk_widget_add_css_class (picture, "board-thumbnail");
  gtk_widget_set_size_request (picture, 200, 150);
  gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
  gtk_picture_set_content_fit (GTK_PICTURE (picture), GTK_CONTENT_FIT_CONTAIN);
  gtk_overlay_set_child (GTK_OVERLAY (overlay), picture);
  gtk_image_set_pixel_size (GTK_IMAGE (empty), 48);
  gtk_widget_add_css_class (empty, "dim-label");
  gtk_widget_set_can_target (empty, FALSE);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), empty);
  g_object_set_data_full (G_OBJECT (picture), "slv-empty", g_object_ref (empty), g_object_unref);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu), "view-more-symbolic");
  gtk_widget_set_tooltip_text (menu, _("Board Menu"));
  gtk_widget_set_halign (menu, GTK_ALIGN_END);
  gtk_widget_set_valign (menu, GTK_ALIGN_START);
  gtk_widget_set_margin_top (menu, 6);
  gtk_widget_set_margin_end (menu, 6);
  gtk_widget_add_css_class (menu, "osd");
  gtk_widget_add_css_class (menu, "circular");
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), menu);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (name, "heading");
  gtk_label_set_ellipsize (GTK_LABEL (count), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "caption");
  gtk_box_append (GTK_BOX (box), overlay);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), count);
  g_object_set_data (G_OBJECT (box), "slv-picture", picture);
  g_object_set_data (G_OBJECT (box), "slv-menu", menu);
  g_object_set_data (G_OBJECT (box), "slv-name", name);
  g_object_set_data (G_OBJECT (box), "slv-count", count);
  gtk_list_item_set_child (list_item, box);
}

static char *
card_caption (SlvBoard *board)
{
  guint n = (guint) slv_board_get_item_count (board);
  guint open = (guint) slv_board_get_open_threads (board);
  const char *collection = slv_board_get_collection_name (board);
  GString *text = g_string_new (NULL);

  if (collection != NULL && *collection != '\0')
    g_string_append_printf (text, "%s · ", collection);
  g_string_append_printf (text, ngettext ("%u item", "%u items", n), n);
  if (open > 0)
    {
      /* TRANSLATORS: the part after "14 items" in "Coastline · 14 items · 3 open reviews" */
      g_string_append (text, " · ");
      g_string_append_printf (text, ngettext ("%u open review", "%u open reviews", open), open);
    }
  return g_string_free (text, FALSE);
}

static void
bind_card_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              SlvBoardsPage            *self)
{
  GObject *box = G_OBJECT (gtk_list_item_get_child (list_item));
  SlvBoard *board = gtk_list_item_get_item (list_item);
  g_autoptr(GMenuModel) menu = card_menu (slv_entity_get_id (SLV_ENTITY (board)));
  g_autofree char *caption = card_caption (board);

  gtk_label_set_text (g_object_get_data (box, "slv-name"), slv_board_get_name (board));
  gtk_label_set_text (g_object_get_data (box, "slv-count"), caption);
  gtk_menu_button_set_menu_model (g_object_get_data (box, "slv-menu"), menu);
  load_thumbnail (self, g_object_get_data (box, "slv-picture"), board);
}

static void
update_view (SlvBoardsPage *self)
{
  guint n = self->shelf ? g_list_model_get_n_items (slv_board_shelf_get_boards (self->shelf)) : 0;

  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "grid" : "empty");
  boards_page_update_actions (self);
}

void
slv_boards_page_reload (SlvBoardsPage *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (SLV_IS_BOARDS_PAGE (self));

  if (self->shelf != NULL && !slv_board_shelf_reload (self->shelf, &error))
    slv_boards_page_toast (self, error->message, FALSE);
  update_view (self);
}

static void
board_activated_cb (SlvBoardsPage *self,
                    guint          position)
{
  g_autoptr(SlvBoard) board = NULL;

  if (self->shelf == NULL)
    return;
  board = g_list_model_get_item (slv_board_shelf_get_boards (self->shelf), position);
  if (board != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-board", "s",
                                slv_entity_get_id (SLV_ENTITY (board)));
}

static void
slv_boards_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (slv_boards_page_parent_class)->map (widget);
  /* boards change while they are open: show them as they are now */
  slv_boards_page_reload (SLV_BOARDS_PAGE (widget));
}

static void
slv_boards_page_dispose (GObject *object)
{
  SlvBoardsPage *self = SLV_BOARDS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), SLV_TYPE_BOARDS_PAGE);
  g_clear_object (&self->boards);
  g_clear_object (&self->shelf);
  g_clear_object (&self->cache);
  g_clear_object (&self->store);
  g_clear_pointer (&self->thumbs, g_hash_table_unref);

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
  widget_class->map = slv_boards_page_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SLV_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/selvedge/Selvedge/ui/slv-boards-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, SlvBoardsPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SlvBoardsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SlvBoardsPage, grid_view);
  gtk_widget_class_bind_template_callback (widget_class, board_activated_cb);
  boards_page_class_init_actions (widget_class);
}

static void
slv_boards_page_init (SlvBoardsPage *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->thumbs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->cancellable = g_cancellable_new ();
  /* the grid shows the shelf's list through this one, which stays */
  self->boards = gtk_flatten_list_model_new (G_LIST_MODEL (g_list_store_new (G_TYPE_LIST_MODEL)));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_card_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_card_cb), self);
  gtk_grid_view_set_factory (self->grid_view, factory);
  g_object_unref (factory);
  gtk_grid_view_set_model (self->grid_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->boards)))));
  update_view (self);
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
  GListStore *models;

  g_return_if_fail (SLV_IS_BOARDS_PAGE (self));

  if (!g_set_object (&self->store, store))
    return;
  g_clear_object (&self->shelf);
  g_hash_table_remove_all (self->thumbs);
  models = G_LIST_STORE (gtk_flatten_list_model_get_model (self->boards));
  g_list_store_remove_all (models);
  if (store != NULL)
    {
      self->shelf = slv_board_shelf_new (store);
      g_signal_connect_object (self->shelf, "changed", G_CALLBACK (update_view), self, G_CONNECT_SWAPPED);
      g_list_store_append (models, slv_board_shelf_get_boards (self->shelf));
    }
  slv_boards_page_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

void
slv_boards_page_set_mip_cache (SlvBoardsPage *self,
                               SlvMipCache   *cache)
{
  g_return_if_fail (SLV_IS_BOARDS_PAGE (self));
  g_set_object (&self->cache, cache);
}

GListModel *
slv_boards_page_get_model (SlvBoardsPage *self)
{
  g_return_val_if_fail (SLV_IS_BOARDS_PAGE (self), NULL);
  return G_LIST_MODEL (self->boards);
}

SlvBoardShelf *
slv_boards_page_get_shelf (SlvBoardsPage *self)
{
  g_return_val_if_fail (SLV_IS_BOARDS_PAGE (self), NULL);
  return self->shelf;
}

guint
slv_boards_page_get_n_thumbnails (SlvBoardsPage *self)
{
  g_return_val_if_fail (SLV_IS_BOARDS_PAGE (self), 0);
  return self->n_thumbnails;
}
