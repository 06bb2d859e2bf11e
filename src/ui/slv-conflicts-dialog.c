/* slv-conflicts-dialog.c: open conflicts per document with both values,
 * who and when, to restore the other value or dismiss; refused changes
 * with the server's reason, to dismiss. Actions (parameter: the id):
 * conflicts.restore, conflicts.dismiss, conflicts.dismiss-refused.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-conflicts-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "slv-conflicts-dialog.h"
#include "store/slv-conflict-repo.h"
#include "sync/slv-sync-json.h"

struct _SlvConflictsDialog
{
  AdwWindow          parent_instance;

  AdwToastOverlay   *toasts;
  GtkScrolledWindow *scroller;
  SlvStore          *store;
  char              *user_id;
  guint              n_conflicts;
  guint              n_refused;
};

G_DEFINE_FINAL_TYPE (SlvConflictsDialog, slv_conflicts_dialog, ADW_TYPE_WINDOW)

/* A value as people read it: text unquoted, yes/no, empty. */
static char *
show_value (const char *json)
{
  g_autoptr(JsonNode) node = json ? slv_json_parse (json, strlen (json), NULL) : NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_strdup (_("(empty)"));
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    return g_strdup (json_node_get_boolean (node) ? _("yes") : _("no"));
  return g_strdup (json);
}

static char *
show_who_when (SlvConflictsDialog *self,
               const char         *user,
               gint64              ms)
{
  g_autoptr(GDateTime) when = ms > 0 ? g_date_time_new_from_unix_local (ms / 1000) : NULL;
  g_autofree char *date = when ? g_date_time_format (when, "%e %b %Y, %H:%M") : g_strdup (_("an unknown time"));
  g_autofree char *who = NULL;

  if (user == NULL)
    who = g_strdup (_("someone"));
  else if (g_strcmp0 (user, self->user_id) == 0)
    who = g_strdup (_("you"));
  else
    who = g_strdup_printf (_("another user (%.8s)"), user);
  return g_strdup_printf (_("by %s, %s"), who, g_strstrip (date));
}

static GtkWidget *
row_button (const char *label,
            const char *action,
            const char *id,
            gboolean    suggested)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_string (id));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  if (suggested)
    gtk_widget_add_css_class (button, "suggested-action");
  return button;
}

static GtkWidget *
conflict_row (SlvConflictsDialog *self,
              SlvConflictRecord  *c)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *kept = show_value (c->winner_value);
  g_autofree char *other = show_value (c->loser_value);
  g_autofree char *kept_by = show_who_when (self, c->winner_user, c->winner_ms);
  g_autofree char *other_by = show_who_when (self, c->loser_user, c->loser_ms);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  if (g_strcmp0 (c->kind, "edit_on_deleted") == 0)
    {
      title = g_strdup_printf (_("%s: edited after it was deleted"), c->field);
      subtitle = g_strdup_printf (_("Deleted %s.\nThe edit “%s” %s was kept in the deleted record."),
                                  kept_by, other, other_by);
    }
  else
    {
      title = g_strdup (c->field);
      subtitle = g_strdup_printf (_("Kept: “%s” %s\nOther: “%s” %s"), kept, kept_by, other, other_by);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), row_button (_("_Restore the Other Value"), "conflicts.restore",
                                                               c->id, FALSE));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), row_button (_("_Dismiss"), "conflicts.dismiss", c->id, FALSE));
  return row;
}

static GtkWidget *
refused_row (SlvRejectionRecord *r)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *value = show_value (r->value);
  g_autofree char *title = g_strdup_printf ("%s · %s: “%s”", r->document, r->field, value);
  const char *reason = r->detail ? r->detail : r->code ? r->code : r->status;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), reason);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), row_button (_("_Dismiss"), "conflicts.dismiss-refused",
                                                               r->op_id, FALSE));
  return row;
}

static void
add_conflicts (SlvConflictsDialog *self,
               AdwPreferencesPage *page,
               GPtrArray          *conflicts)
{
  AdwPreferencesGroup *group = NULL;
  const char *row_id = NULL;

  for (guint i = 0; i < conflicts->len; i++)
    {
      SlvConflictRecord *c = g_ptr_array_index (conflicts, i);

      if (group == NULL || g_strcmp0 (row_id, c->row_id) != 0)
        {
          group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          adw_preferences_group_set_title (group, c->document);
          adw_preferences_group_set_description (group, c->table);
          adw_preferences_page_add (page, group);
          row_id = c->row_id;
        }
      adw_preferences_group_add (group, conflict_row (self, c));
    }
}

void
slv_conflicts_dialog_reload (SlvConflictsDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) conflicts = slv_conflicts_list_open (self->store, &error);
  g_autoptr(GPtrArray) refused = conflicts ? slv_rejections_list (self->store, &error) : NULL;
  GtkWidget *page = adw_preferences_page_new ();

  self->n_conflicts = conflicts ? conflicts->len : 0;
  self->n_refused = refused ? refused->len : 0;
  if (error != NULL)
    adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
  if (conflicts != NULL)
    add_conflicts (self, ADW_PREFERENCES_PAGE (page), conflicts);
  if (refused != NULL && refused->len > 0)
    {
      AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

      adw_preferences_group_set_title (group, _("Refused Changes"));
      adw_preferences_group_set_description (group, _("The server did not take these changes; "
                                                      "the records show the server’s values."));
      for (guint i = 0; i < refused->len; i++)
        adw_preferences_group_add (group, refused_row (g_ptr_array_index (refused, i)));
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), group);
    }
  if (self->n_conflicts == 0 && self->n_refused == 0)
    {
      GtkWidget *empty = adw_status_page_new ();

      adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "emblem-ok-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Conflicts"));
      adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                       _("Edits made at the same time elsewhere, and changes the server "
                                         "refused, are listed here."));
      gtk_scrolled_window_set_child (self->scroller, empty);
      g_object_ref_sink (page);
      g_object_unref (page);
      return;
    }
  gtk_scrolled_window_set_child (self->scroller, page);
}

static void
resolve_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SlvConflictsDialog *self = SLV_CONFLICTS_DIALOG (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (g_str_equal (action_name, "conflicts.restore"))
    ok = slv_conflict_restore (self->store, id, self->user_id, &error);
  else if (g_str_equal (action_name, "conflicts.dismiss"))
    ok = slv_conflict_dismiss (self->store, id, self->user_id, &error);
  else
    ok = slv_rejection_dismiss (self->store, id, &error);
  if (!ok)
    adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
  slv_conflicts_dialog_reload (self);
}

static void
slv_conflicts_dialog_dispose (GObject *object)
{
  g_clear_object (&SLV_CONFLICTS_DIALOG (object)->store);
  G_OBJECT_CLASS (slv_conflicts_dialog_parent_class)->dispose (object);
}

static void
slv_conflicts_dialog_finalize (GObject *object)
{
  g_free (SLV_CONFLICTS_DIALOG (object)->user_id);
  G_OBJECT_CLASS (slv_conflicts_dialog_parent_class)->finalize (object);
}

static void
slv_conflicts_dialog_class_init (SlvConflictsDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = slv_conflicts_dialog_dispose;
  G_OBJECT_CLASS (klass)->finalize = slv_conflicts_dialog_finalize;
  gtk_widget_class_install_action (widget_class, "conflicts.restore", "s", resolve_action);
  gtk_widget_class_install_action (widget_class, "conflicts.dismiss", "s", resolve_action);
  gtk_widget_class_install_action (widget_class, "conflicts.dismiss-refused", "s", resolve_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
slv_conflicts_dialog_init (SlvConflictsDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();

  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (_("Conflicts"), NULL));
  gtk_box_append (GTK_BOX (box), header);
  self->scroller = GTK_SCROLLED_WINDOW (gtk_scrolled_window_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->scroller), TRUE);
  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, GTK_WIDGET (self->scroller));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->toasts));
  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_window_set_default_size (GTK_WINDOW (self), 640, 560);
}

SlvConflictsDialog *
slv_conflicts_dialog_new (GtkWindow  *parent,
                          SlvStore   *store,
                          const char *user_id)
{
  SlvConflictsDialog *self = g_object_new (SLV_TYPE_CONFLICTS_DIALOG, "transient-for", parent,
                                           "title", _("Conflicts"), NULL);

  self->store = g_object_ref (store);
  self->user_id = g_strdup (user_id);
  slv_conflicts_dialog_reload (self);
  return self;
}

guint
slv_conflicts_dialog_get_n_conflicts (SlvConflictsDialog *self)
{
  return self->n_conflicts;
}

guint
slv_conflicts_dialog_get_n_refused (SlvConflictsDialog *self)
{
  return self->n_refused;
}
