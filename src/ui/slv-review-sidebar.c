/* slv-review-sidebar.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-review-sidebar"

#include "config.h"

#include <glib/gi18n.h>

#include "slv-review-sidebar.h"
#include "core/slv-mention.h"

struct _SlvReviewSidebar
{
  GtkWidget           parent_instance;

  GtkWidget          *box;
  GtkLabel           *heading;
  GtkFlowBox         *chips;
  GtkStack           *list_stack;
  GtkListView        *thread_list;
  GtkWidget          *detail;
  GtkLabel           *detail_title;
  GtkFlowBox         *status_box;
  GtkListBox         *comment_list;
  GtkWidget          *editing_label;
  GtkEntry           *reply_entry;
  GtkButton          *send_button;

  SlvReview          *review;
  GtkSingleSelection *selection;
  GtkWidget          *chip[8];
  GtkWidget          *status_button[SLV_REVIEW_N_STATUSES];
  GtkEntryCompletion *people;       /* @mentions of the board's people */
  GtkListStore       *names;
  char               *editing;       /* comment id, or NULL */
  gboolean            syncing;       /* setting the list's selection */
};

G_DEFINE_FINAL_TYPE (SlvReviewSidebar, slv_review_sidebar, GTK_TYPE_WIDGET)

typedef struct
{
  const char *target;     /* review.filter's parameter */
  const char *label;
} Chip;

static const Chip chips[] = {
  { "all", N_("All") },
  { "open", N_("Open") },
  { "resolved", N_("Resolved") },
  { "mine", N_("Mine") },
  { "mentions-me", N_("Mentioning me") },
  { "approved", N_("Approved") },
  { "rejected", N_("Rejected") },
  { "on_hold", N_("On hold") },
};

/* The status buttons, in the order shown, and what they say. */
static const struct { SlvReviewStatus status; const char *label; } statuses[] = {
  { SLV_REVIEW_STATUS_APPROVED, N_("Approve") },
  { SLV_REVIEW_STATUS_REJECTED, N_("Reject") },
  { SLV_REVIEW_STATUS_ON_HOLD, N_("Hold") },
  { SLV_REVIEW_STATUS_RESOLVED, N_("Resolve") },
  { SLV_REVIEW_STATUS_OPEN, N_("Reopen") },
};

/* -- counts -- */

static guint
count_chip (SlvReviewSidebar *self,
            guint             index)
{
  GListModel *threads = slv_review_get_threads (self->review);
  SlvReviewStatus status;
  guint n = 0;

  if (index == 0)
    return g_list_model_get_n_items (threads);
  if (slv_review_status_from_string (chips[index].target, &status))
    return slv_review_count_status (self->review, status);
  for (guint i = 0; i < g_list_model_get_n_items (threads); i++)
    {
      g_autoptr(SlvReviewThread) thread = g_list_model_get_item (threads, i);

      if (index == 3 ? slv_review_thread_get_mine (thread) : slv_review_thread_get_mentions_me (thread))
        n++;
    }
  return n;
}

static void
update_chips (SlvReviewSidebar *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (chips); i++)
    {
      g_autofree char *label = NULL;

      if (self->review == NULL)
        label = g_strdup (_(chips[i].label));
      else
        label = g_strdup_printf ("%s %u", _(chips[i].label), count_chip (self, i));
      gtk_button_set_label (GTK_BUTTON (self->chip[i]), label);
    }
}

static void
update_heading (SlvReviewSidebar *self)
{
  g_autofree char *text = NULL;
  guint n = self->review ? slv_review_get_n_open (self->review) : 0;

  if (n == 0)
    text = g_strdup (_("Review"));
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Review · %u open", "Review · %u open", n), n);
  gtk_label_set_label (self->heading, text);
}

/* -- the selected thread -- */

static void
update_detail (SlvReviewSidebar *self)
{
  SlvReviewThread *thread = self->review ? slv_review_get_selected (self->review) : NULL;
  g_autofree char *title = NULL;
  SlvReviewStatus status;

  gtk_widget_set_visible (self->detail, thread != NULL);
  if (thread == NULL)
    return;
  status = slv_review_thread_get_status (thread);
  if (slv_review_thread_get_status_by (thread) != NULL && status != SLV_REVIEW_STATUS_OPEN)
    /* Translators: "3 · Pin · Approved by Rosa Martín" */
    title = g_strdup_printf (_("%s · %s · %s by %s"), slv_review_thread_get_label (thread),
                             slv_annotation_kind_get_label (slv_review_thread_get_kind (thread)),
                             slv_review_status_get_label (status), slv_review_thread_get_status_by (thread));
  else
    title = g_strdup_printf ("%s · %s · %s", slv_review_thread_get_label (thread),
                             slv_annotation_kind_get_label (slv_review_thread_get_kind (thread)),
                             slv_review_status_get_label (status));
  gtk_label_set_label (self->detail_title, title);
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    gtk_widget_set_visible (self->status_button[i], slv_review_status_allows (status, statuses[i].status));
}

static guint
position_of (GListModel      *model,
             SlvReviewThread *thread)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SlvReviewThread) item = g_list_model_get_item (model, i);

      if (item == thread)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static void
sync_selection (SlvReviewSidebar *self)
{
  SlvReviewThread *thread = self->review ? slv_review_get_selected (self->review) : NULL;
  guint pos = thread ? position_of (G_LIST_MODEL (self->selection), thread) : GTK_INVALID_LIST_POSITION;

  self->syncing = TRUE;
  gtk_single_selection_set_selected (self->selection, pos);
  self->syncing = FALSE;
  if (pos != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->thread_list), "list.scroll-to-item", "u", pos);
}

static void
selected_cb (SlvReviewSidebar *self)
{
  if (self->editing != NULL)
    slv_review_sidebar_edit_comment (self, NULL);
  update_detail (self);
  sync_selection (self);
}

static void update_people (SlvReviewSidebar *self);

static void
changed_cb (SlvReviewSidebar *self)
{
  update_people (self);
  update_chips (self);
  update_heading (self);
  update_detail (self);
  gtk_stack_set_visible_child_name (self->list_stack,
                                    g_list_model_get_n_items (slv_review_get_visible (self->review)) > 0
                                    ? "list" : "empty");
  sync_selection (self);
}

static void
list_selected_cb (SlvReviewSidebar *self)
{
  SlvReviewThread *thread = gtk_single_selection_get_selected_item (self->selection);

  if (self->syncing || thread == NULL)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "review.select", "s", slv_review_thread_get_id (thread));
}

/* -- comments -- */

static char *
format_time (const char *iso)
{
  g_autoptr(GDateTime) utc = iso ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;
  g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;

  /* Translators: a comment's time, see g_date_time_format() */
  return local ? g_date_time_format (local, _("%e %b, %H:%M")) : g_strdup ("");
}

/* The body with its @mentions in bold. */
static char *
body_markup (const char *body)
{
  g_autoptr(GArray) mentions = slv_mentions_parse (body);
  GString *out = g_string_new (NULL);
  gsize at = 0;

  for (guint i = 0; i < mentions->len; i++)
    {
      SlvMention *m = &g_array_index (mentions, SlvMention, i);
      g_autofree char *before = g_markup_escape_text (body + at, m->start - at);
      g_autofree char *name = g_markup_escape_text (body + m->start, m->end - m->start);

      g_string_append_printf (out, "%s<b>%s</b>", before, name);
      at = m->end;
    }
  if (body != NULL)
    {
      g_autofree char *rest = g_markup_escape_text (body + at, -1);

      g_string_append (out, rest);
    }
  return g_string_free (out, FALSE);
}

static gboolean
markup_transform (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  g_value_take_string (to, body_markup (g_value_get_string (from)));
  return TRUE;
}

static GtkWidget *
icon_button (const char *icon,
             const char *action,
             const char *id,
             const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", id);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");
  return button;
}

/* "29 Nov, 12:30 (edited)" once the author changed it, at once. */
static void
show_edited (SlvReviewComment *comment,
             GParamSpec       *pspec,
             GtkLabel         *time)
{
  const char *when = g_object_get_data (G_OBJECT (time), "slv-when");
  g_autofree char *edited = NULL;

  if (slv_review_comment_get_edited_at (comment) != NULL)
    edited = g_strconcat (when, " ", _("(edited)"), NULL);
  gtk_label_set_label (time, edited ? edited : when);
}

static GtkWidget *
comment_row (gpointer item,
             gpointer user_data)
{
  SlvReviewComment *comment = item;
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *author = gtk_label_new (slv_review_comment_get_author (comment));
  g_autofree char *when = format_time (slv_review_comment_get_created_at (comment));
  GtkWidget *time = gtk_label_new (when);
  GtkWidget *body = gtk_label_new (NULL);

  gtk_widget_add_css_class (row, "review-comment");
  gtk_widget_add_css_class (author, "caption-heading");
  gtk_widget_add_css_class (time, "caption");
  gtk_widget_add_css_class (time, "dim-label");
  gtk_widget_set_hexpand (time, TRUE);
  gtk_label_set_xalign (GTK_LABEL (time), 0);
  gtk_box_append (GTK_BOX (top), author);
  gtk_box_append (GTK_BOX (top), time);
  g_object_set_data_full (G_OBJECT (time), "slv-when", g_strdup (when), g_free);
  show_edited (comment, NULL, GTK_LABEL (time));
  g_signal_connect_object (comment, "notify::edited-at", G_CALLBACK (show_edited), time, 0);
  if (slv_review_comment_get_mine (comment))
    {
      const char *id = slv_review_comment_get_id (comment);

      gtk_box_append (GTK_BOX (top), icon_button ("document-edit-symbolic", "review.start-edit", id,
                                                  _("Edit Comment")));
      gtk_box_append (GTK_BOX (top), icon_button ("edit-delete-symbolic", "review.delete-comment", id,
                                                  _("Delete Comment")));
    }
  gtk_label_set_wrap (GTK_LABEL (body), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (body), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (body), 0);
  gtk_label_set_selectable (GTK_LABEL (body), TRUE);
  gtk_label_set_use_markup (GTK_LABEL (body), TRUE);
  g_object_bind_property_full (comment, "body", body, "label", G_BINDING_SYNC_CREATE,
                               markup_transform, NULL, NULL, NULL);
  gtk_box_append (GTK_BOX (row), top);
  gtk_box_append (GTK_BOX (row), body);
  return row;
}

/* -- @mentions in the reply -- */

/* Where the "@" of the mention being typed at the cursor is, or -1. */
static glong
mention_start (GtkEntry *entry,
               char    **typed)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  int cursor = gtk_editable_get_position (GTK_EDITABLE (entry));
  g_autofree char *before = g_utf8_substring (text, 0, cursor);
  const char *at = strrchr (before, '@');

  if (at == NULL || strchr (at, ' ') != NULL || (at > before && g_ascii_isalnum (at[-1])))
    return -1;
  if (typed != NULL)
    *typed = g_utf8_casefold (at + 1, -1);
  return g_utf8_pointer_to_offset (before, at);
}

static gboolean
match_person_cb (GtkEntryCompletion *completion,
                 const char         *key,
                 GtkTreeIter        *iter,
                 gpointer            user_data)
{
  SlvReviewSidebar *self = user_data;
  g_autofree char *typed = NULL;
  g_autofree char *name = NULL;
  g_autofree char *folded = NULL;

  if (mention_start (self->reply_entry, &typed) < 0)
    return FALSE;
  gtk_tree_model_get (GTK_TREE_MODEL (self->names), iter, 0, &name, -1);
  folded = g_utf8_casefold (name, -1);
  return g_str_has_prefix (folded, typed) || (strstr (folded, typed) != NULL && typed[0] != '\0');
}

static gboolean
person_chosen_cb (GtkEntryCompletion *completion,
                  GtkTreeModel       *model,
                  GtkTreeIter        *iter,
                  SlvReviewSidebar   *self)
{
  GtkEditable *editable = GTK_EDITABLE (self->reply_entry);
  glong start = mention_start (self->reply_entry, NULL);
  int end = gtk_editable_get_position (editable);
  g_autofree char *name = NULL;
  g_autofree char *mention = NULL;
  int at;

  if (start < 0)
    return FALSE;
  gtk_tree_model_get (model, iter, 0, &name, -1);
  mention = strchr (name, ' ') ? g_strdup_printf ("@\"%s\" ", name) : g_strdup_printf ("@%s ", name);
  at = (int) start;
  gtk_editable_delete_text (editable, at, end);
  gtk_editable_insert_text (editable, mention, -1, &at);
  gtk_editable_set_position (editable, at);
  return TRUE;
}

static void
add_name (GHashTable *seen,
          const char *name)
{
  if (name != NULL && name[0] != '\0')
    g_hash_table_add (seen, (gpointer) name);
}

/* Everyone who wrote, was mentioned or set a status on this board. */
static void
update_people (SlvReviewSidebar *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *threads = slv_review_get_threads (self->review);
  g_autofree gpointer *names = NULL;
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (threads); i++)
    {
      g_autoptr(SlvReviewThread) thread = g_list_model_get_item (threads, i);

      add_name (seen, slv_review_thread_get_author (thread));
      add_name (seen, slv_review_thread_get_status_by (thread));
    }
  gtk_list_store_clear (self->names);
  names = g_hash_table_get_keys_as_array (seen, &n);
  for (guint i = 0; i < n; i++)
    gtk_list_store_insert_with_values (self->names, NULL, -1, 0, names[i], -1);
}

/* -- reply -- */

static void
send_cb (SlvReviewSidebar *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->reply_entry));
  g_autofree char *body = g_strstrip (g_strdup (text));

  if (body[0] == '\0')
    return;
  if (self->editing != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "review.edit-comment", "(ss)", self->editing, body);
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "review.comment", "s", body);
}

/* -- vfuncs -- */

static void
slv_review_sidebar_dispose (GObject *object)
{
  SlvReviewSidebar *self = SLV_REVIEW_SIDEBAR (object);

  slv_review_sidebar_set_review (self, NULL);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->selection);
  g_clear_object (&self->people);
  g_clear_object (&self->names);

  G_OBJECT_CLASS (slv_review_sidebar_parent_class)->dispose (object);
}

static void
slv_review_sidebar_finalize (GObject *object)
{
  SlvReviewSidebar *self = SLV_REVIEW_SIDEBAR (object);

  g_free (self->editing);

  G_OBJECT_CLASS (slv_review_sidebar_parent_class)->finalize (object);
}

static void
slv_review_sidebar_class_init (SlvReviewSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = slv_review_sidebar_dispose;
  object_class->finalize = slv_review_sidebar_finalize;

  g_type_ensure (SLV_TYPE_REVIEW_THREAD);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/selvedge/Selvedge/ui/slv-review-sidebar.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, SlvReviewSidebar, box);
  gtk_widget_class_bind_template_child (widget_class, SlvReviewSidebar, heading);
  gtk_widget_class_bind_template_child (widget_class, SlvReviewSidebar, chips);
  gtk_widget_class_bind_template_child (widget_class, SlvReviewSidebar, list_stack);
  gtk_widget_class_bind_template_child (widget_class, SlvReviewSidebar, thread_list);
  gtk_widget_class_bind_template_child (widget_class, SlvReviewSidebar, detail);
  gtk_widget_class_bind_template_child (widget_class, SlvReviewSidebar, detail_title);
  gtk_widget_class_bind_template_child (widget_class, SlvReviewSidebar, status_box);
  gtk_widget_class_bind_template_child (widget_class, SlvReviewSidebar, comment_list);
  gtk_widget_class_bind_template_child (widget_class, SlvReviewSidebar, editing_label);
  gtk_widget_class_bind_template_child (widget_class, SlvReviewSidebar, reply_entry);
  gtk_widget_class_bind_template_child (widget_class, SlvReviewSidebar, send_button);
}

static void
slv_review_sidebar_init (SlvReviewSidebar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (chips); i++)
    {
      self->chip[i] = gtk_toggle_button_new_with_label (_(chips[i].label));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->chip[i]), "review.filter");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->chip[i]), "s", chips[i].target);
      gtk_widget_add_css_class (self->chip[i], "review-chip");
      gtk_flow_box_append (self->chips, self->chip[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      self->status_button[i] = gtk_button_new_with_label (_(statuses[i].label));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->status_button[i]), "review.set-status");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->status_button[i]), "s",
                                        slv_review_status_to_string (statuses[i].status));
      gtk_widget_add_css_class (self->status_button[i], "review-chip");
      gtk_flow_box_append (self->status_box, self->status_button[i]);
    }
  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_list_view_set_model (self->thread_list, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (list_selected_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reply_entry, "activate", G_CALLBACK (send_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->send_button, "clicked", G_CALLBACK (send_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_set_visible (self->detail, FALSE);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  self->names = gtk_list_store_new (1, G_TYPE_STRING);
  self->people = gtk_entry_completion_new ();
  gtk_entry_completion_set_model (self->people, GTK_TREE_MODEL (self->names));
  gtk_entry_completion_set_text_column (self->people, 0);
  gtk_entry_completion_set_minimum_key_length (self->people, 1);
  gtk_entry_completion_set_match_func (self->people, match_person_cb, self, NULL);
  gtk_entry_completion_set_popup_single_match (self->people, TRUE);
  gtk_entry_set_completion (self->reply_entry, self->people);
  G_GNUC_END_IGNORE_DEPRECATIONS
  g_signal_connect_object (self->people, "match-selected", G_CALLBACK (person_chosen_cb), self, 0);
}

/* -- public API -- */

GtkWidget *
slv_review_sidebar_new (void)
{
  return g_object_new (SLV_TYPE_REVIEW_SIDEBAR, NULL);
}

void
slv_review_sidebar_set_review (SlvReviewSidebar *self,
                               SlvReview        *review)
{
  g_return_if_fail (SLV_IS_REVIEW_SIDEBAR (self));
  g_return_if_fail (review == NULL || SLV_IS_REVIEW (review));

  if (self->review == review)
    return;
  if (self->review != NULL)
    g_signal_handlers_disconnect_by_data (self->review, self);
  g_set_object (&self->review, review);
  g_clear_pointer (&self->editing, g_free);
  gtk_single_selection_set_model (self->selection, review ? slv_review_get_visible (review) : NULL);
  gtk_list_box_bind_model (self->comment_list, review ? slv_review_get_comments (review) : NULL,
                           review ? comment_row : NULL, NULL, NULL);
  if (review == NULL)
    {
      update_chips (self);
      gtk_widget_set_visible (self->detail, FALSE);
      return;
    }
  g_signal_connect_object (review, "changed", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (review, "notify::selected", G_CALLBACK (selected_cb), self, G_CONNECT_SWAPPED);
  changed_cb (self);
}

const char *
slv_review_sidebar_get_editing (SlvReviewSidebar *self)
{
  g_return_val_if_fail (SLV_IS_REVIEW_SIDEBAR (self), NULL);
  return self->editing;
}

void
slv_review_sidebar_edit_comment (SlvReviewSidebar *self,
                                 const char       *comment_id)
{
  GListModel *comments;

  g_return_if_fail (SLV_IS_REVIEW_SIDEBAR (self));

  g_clear_pointer (&self->editing, g_free);
  gtk_widget_set_visible (self->editing_label, FALSE);
  if (comment_id == NULL || self->review == NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->reply_entry), "");
      return;
    }
  comments = slv_review_get_comments (self->review);
  for (guint i = 0; i < g_list_model_get_n_items (comments); i++)
    {
      g_autoptr(SlvReviewComment) comment = g_list_model_get_item (comments, i);

      if (g_strcmp0 (slv_review_comment_get_id (comment), comment_id) != 0)
        continue;
      self->editing = g_strdup (comment_id);
      gtk_widget_set_visible (self->editing_label, TRUE);
      gtk_editable_set_text (GTK_EDITABLE (self->reply_entry), slv_review_comment_get_body (comment));
      slv_review_sidebar_focus_reply (self);
      return;
    }
}

void
slv_review_sidebar_focus_reply (SlvReviewSidebar *self)
{
  g_return_if_fail (SLV_IS_REVIEW_SIDEBAR (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->reply_entry));
}

void
slv_review_sidebar_reply_done (SlvReviewSidebar *self)
{
  g_return_if_fail (SLV_IS_REVIEW_SIDEBAR (self));
  slv_review_sidebar_edit_comment (self, NULL);
}

guint
slv_review_sidebar_get_n_rows (SlvReviewSidebar *self)
{
  g_return_val_if_fail (SLV_IS_REVIEW_SIDEBAR (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->selection));
}
