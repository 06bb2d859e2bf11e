/* slv-clo-import-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every read, plan, review change and the apply run in a worker thread
 * (GTask) on objects the main thread does not touch meanwhile; the main
 * thread only draws what a finished job handed back (pieces and markers
 * it holds references to) and rebuilds its lists from the plan after.
 */
#define G_LOG_DOMAIN "slv-clo-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "slv-clo-import-dialog-private.h"
#include "core/slv-style.h"
#include "store/slv-repo.h"

G_DEFINE_FINAL_TYPE (SlvCloImportDialog, slv_clo_import_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STATE,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* -- showing a result -- */

void
slv_clo_import_set_state (SlvCloImportDialog *self,
           const char         *state)
{
  if (g_strcmp0 (self->state, state) == 0)
    return;
  self->state = g_intern_string (state);
  if (g_str_equal (state, "choose") || g_str_equal (state, "loading") || g_str_equal (state, "error") ||
      g_str_equal (state, "preview"))
    gtk_stack_set_visible_child_name (self->stack, state);
  gtk_stack_set_visible_child_name (self->title_stack, g_str_equal (state, "preview") ? "switcher" : "title");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

void
slv_clo_import_update_sensitivity (SlvCloImportDialog *self)
{
  gboolean ready = !self->busy && self->plan != NULL && self->import_id == NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "clo-import.apply", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "clo-import.choose-file", !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "clo-import.choose-folder", !self->busy);
  gtk_spinner_set_spinning (self->spinner, self->busy);
}

void
slv_clo_import_set_busy (SlvCloImportDialog *self,
          gboolean            busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  slv_clo_import_update_sensitivity (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
fill_string_list (GtkDropDown *dropdown,
                  GPtrArray   *items,
                  const char  *selected)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  guint pick = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < items->len; i++)
    {
      gtk_string_list_append (model, g_ptr_array_index (items, i));
      if (g_strcmp0 (g_ptr_array_index (items, i), selected) == 0)
        pick = i;
    }
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (model));
  gtk_drop_down_set_selected (dropdown, pick);
}

static void
show_sizes (SlvCloImportDialog *self)
{
  g_autoptr(GPtrArray) sizes = slv_clo_import_dup_sizes (self->import);
  const char *size = self->plan ? slv_clo_plan_get_size (self->plan)
                                : self->size ? self->size : slv_clo_import_get_sample_size (self->import);

  fill_string_list (self->size_dropdown, sizes, size);
  gtk_widget_set_sensitive (GTK_WIDGET (self->size_dropdown), sizes->len > 1);
  g_clear_pointer (&self->pieces, g_ptr_array_unref);
  self->pieces = slv_clo_import_dup_pieces (self->import, size);
}

static void
show_pieces_caption (SlvCloImportDialog *self)
{
  g_autofree char *source = g_path_get_basename (self->path);
  g_autofree char *text = NULL;
  const char *size = self->plan ? slv_clo_plan_get_size (self->plan) : slv_clo_import_get_sample_size (self->import);
  guint cut = 0;

  for (guint i = 0; i < self->pieces->len; i++)
    cut += slv_pattern_piece_get_quantity (g_ptr_array_index (self->pieces, i));
  text = self->pieces->len == 0
    ? g_strdup_printf (_("%s holds no pattern pieces; the consumption needs a DXF pattern."), source)
    : g_strdup_printf (_("%u pieces of size %s (%u cut per garment) from %s. Filled: the cut outline, unfolded "
                         "at a fold; arrows: grain lines; ticks: notches; circles: drill holes; dashed: internal "
                         "and sew lines and folds."), self->pieces->len, size ? size : "—", cut, source);
  gtk_label_set_text (self->pieces_label, text);
}

static void
show_markers (SlvCloImportDialog *self)
{
  GPtrArray *rows = self->plan ? slv_clo_plan_get_fabric_rows (self->plan) : NULL;

  g_ptr_array_set_size (self->markers, 0);
  g_ptr_array_set_size (self->marker_names, 0);
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      SlvCloFabricRow *r = g_ptr_array_index (rows, i);

      if (r->estimate != NULL && r->estimate->marker != NULL)
        {
          g_ptr_array_add (self->markers, g_object_ref (r->estimate->marker));
          g_ptr_array_add (self->marker_names, g_strdup (r->fabric));
        }
    }
  fill_string_list (self->marker_dropdown, self->marker_names,
                    self->marker_names->len ? g_ptr_array_index (self->marker_names, 0) : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->marker_dropdown), self->marker_names->len > 0);
}

static void
show_marker_label (SlvCloImportDialog *self)
{
  SlvMarker *m = slv_clo_import_dialog_get_marker (self);
  g_autofree char *text = NULL;

  if (m != NULL)
    text = g_strdup_printf (_("%u pieces on %.0f cm usable width, %.3f m long: %.1f %% efficiency"),
                            slv_marker_get_n_placements (m), slv_marker_get_width (m) / 10,
                            slv_marker_get_length (m) / 1000, 100 * slv_marker_get_efficiency (m));
  else
    text = g_strdup (self->plan ? _("No fabric was nested: each efficiency was given, or no BOM line matched.")
                                : _("Choose a style: the pieces are nested on its fabrics’ widths."));
  gtk_label_set_text (self->marker_label, text);
  gtk_widget_queue_draw (GTK_WIDGET (self->marker_area));
}

void
slv_clo_import_show_result (SlvCloImportDialog *self)
{
  g_autofree char *source = g_path_get_basename (self->path);

  self->syncing = TRUE;
  adw_window_title_set_subtitle (self->window_title, source);
  show_sizes (self);
  show_pieces_caption (self);
  show_markers (self);
  self->syncing = FALSE;
  show_marker_label (self);
  slv_clo_import_fill_consumption (self);
  slv_clo_import_fill_cost (self);
  slv_clo_import_fill_changes (self);
  slv_clo_import_fill_warnings (self);
  slv_clo_import_fill_meshes (self);
  slv_clo_import_fill_review (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->pieces_area));
  slv_clo_import_set_state (self, "preview");
  slv_clo_import_update_sensitivity (self);
}

/* -- the controls -- */

static void
style_selected_cb (SlvCloImportDialog *self)
{
  guint i = gtk_drop_down_get_selected (self->style_dropdown);
  g_autoptr(SlvStyle) style = NULL;

  if (self->syncing || self->styles == NULL || i >= g_list_model_get_n_items (G_LIST_MODEL (self->styles)))
    return;
  style = g_list_model_get_item (G_LIST_MODEL (self->styles), i);
  gtk_widget_activate_action (GTK_WIDGET (self), "clo-import.set-style", "s", slv_style_get_code (style));
}

static void
size_selected_cb (SlvCloImportDialog *self)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (self->size_dropdown);

  if (!self->syncing && item != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "clo-import.set-size", "s", gtk_string_object_get_string (item));
}

static void
marker_selected_cb (SlvCloImportDialog *self)
{
  if (!self->syncing)
    show_marker_label (self);
}

static void
efficiency_changed_cb (SlvCloImportDialog *self)
{
  if (!self->syncing)
    gtk_widget_activate_action (GTK_WIDGET (self), "clo-import.set-efficiency", "d",
                                gtk_spin_button_get_value (self->efficiency_spin) / 100);
}

void
slv_clo_import_select_style (SlvCloImportDialog *self)
{
  guint n = self->styles ? g_list_model_get_n_items (G_LIST_MODEL (self->styles)) : 0;

  self->syncing = TRUE;
  gtk_drop_down_set_selected (self->style_dropdown, GTK_INVALID_LIST_POSITION);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SlvStyle) style = g_list_model_get_item (G_LIST_MODEL (self->styles), i);

      if (g_strcmp0 (slv_style_get_code (style), self->style_code) == 0)
        gtk_drop_down_set_selected (self->style_dropdown, i);
    }
  self->syncing = FALSE;
}

static void
styles_ready_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) styles = slv_repo_list_finish (SLV_STORE (source), result, &error);
  SlvCloImportDialog *self;
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = SLV_CLO_IMPORT_DIALOG (user_data);
  if (styles == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  g_set_object (&self->styles, styles);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (styles)); i++)
    {
      g_autoptr(SlvStyle) style = g_list_model_get_item (G_LIST_MODEL (styles), i);
      g_autofree char *text = g_strdup_printf ("%s — %s", slv_style_get_code (style), slv_style_get_name (style));

      gtk_string_list_append (model, text);
    }
  self->syncing = TRUE;
  gtk_drop_down_set_model (self->style_dropdown, G_LIST_MODEL (model));
  self->syncing = FALSE;
  slv_clo_import_select_style (self);
}

/* -- GObject -- */

static void
slv_clo_import_dialog_dispose (GObject *object)
{
  SlvCloImportDialog *self = SLV_CLO_IMPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), SLV_TYPE_CLO_IMPORT_DIALOG);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->import);
  g_clear_object (&self->plan);
  g_clear_object (&self->styles);
  g_clear_object (&self->materials);
  g_clear_pointer (&self->pieces, g_ptr_array_unref);
  g_clear_pointer (&self->markers, g_ptr_array_unref);
  g_clear_pointer (&self->marker_names, g_ptr_array_unref);

  G_OBJECT_CLASS (slv_clo_import_dialog_parent_class)->dispose (object);
}

static void
slv_clo_import_dialog_finalize (GObject *object)
{
  SlvCloImportDialog *self = SLV_CLO_IMPORT_DIALOG (object);

  g_free (self->path);
  g_free (self->style_code);
  g_free (self->size);
  g_free (self->cost_text);
  g_free (self->cost_currency);
  g_free (self->cost_before);
  g_free (self->cost_after);
  g_free (self->cost_error);
  g_free (self->import_id);
  g_free (self->error);

  G_OBJECT_CLASS (slv_clo_import_dialog_parent_class)->finalize (object);
}

static void
slv_clo_import_dialog_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  SlvCloImportDialog *self = SLV_CLO_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_string (value, self->state);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
slv_clo_import_dialog_class_init (SlvCloImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = slv_clo_import_dialog_dispose;
  object_class->finalize = slv_clo_import_dialog_finalize;
  object_class->get_property = slv_clo_import_dialog_get_property;

  properties[PROP_STATE] =
    g_param_spec_string ("state", NULL, NULL, "choose", G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/selvedge/Selvedge/ui/slv-clo-import-dialog.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, SlvCloImportDialog, name)
  CHILD (toast_overlay);
  CHILD (title_stack);
  CHILD (window_title);
  CHILD (apply_button);
  CHILD (spinner);
  CHILD (stack);
  CHILD (error_page);
  CHILD (style_dropdown);
  CHILD (size_dropdown);
  CHILD (efficiency_spin);
  CHILD (view_stack);
  CHILD (review_page);
  CHILD (pieces_area);
  CHILD (pieces_label);
  CHILD (marker_dropdown);
  CHILD (marker_label);
  CHILD (marker_area);
  CHILD (mesh_box);
  CHILD (review_box);
  CHILD (consumption_caption);
  CHILD (consumption_grid);
  CHILD (cost_list);
  CHILD (changes_list);
  CHILD (warnings_title);
  CHILD (warnings_list);
#undef CHILD

  slv_clo_import_install_actions (widget_class);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "clo-import.choose-file", NULL);
}

static void
slv_clo_import_dialog_init (SlvCloImportDialog *self)
{
  g_autoptr(GtkExpression) search = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->markers = g_ptr_array_new_with_free_func (g_object_unref);
  self->marker_names = g_ptr_array_new_with_free_func (g_free);
  self->state = g_intern_static_string ("choose");
  /* The style list is searched by its text ("CODE — Name"). */
  search = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_drop_down_set_expression (self->style_dropdown, search);
  gtk_drawing_area_set_draw_func (self->pieces_area, slv_clo_import_draw_pieces, self, NULL);
  gtk_drawing_area_set_draw_func (self->marker_area, slv_clo_import_draw_marker, self, NULL);
  g_signal_connect_object (self->style_dropdown, "notify::selected", G_CALLBACK (style_selected_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->size_dropdown, "notify::selected", G_CALLBACK (size_selected_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->marker_dropdown, "notify::selected", G_CALLBACK (marker_selected_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->efficiency_spin, "value-changed", G_CALLBACK (efficiency_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect (self->efficiency_spin, "output", G_CALLBACK (slv_clo_import_efficiency_output_cb), NULL);
  g_signal_connect (self->efficiency_spin, "input", G_CALLBACK (slv_clo_import_efficiency_input_cb), NULL);
  slv_clo_import_update_sensitivity (self);
}

/* -- public -- */

SlvCloImportDialog *
slv_clo_import_dialog_new (GtkWindow  *parent,
                           SlvStore   *store,
                           const char *style_code)
{
  SlvCloImportDialog *self;

  g_return_val_if_fail (SLV_IS_STORE (store), NULL);
  self = g_object_new (SLV_TYPE_CLO_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->style_code = style_code && *style_code ? g_strdup (style_code) : NULL;
  slv_repo_list_async (store, SLV_TYPE_STYLE, NULL, self->cancellable, styles_ready_cb, self);
  return self;
}

void
slv_clo_import_dialog_load (SlvCloImportDialog *self,
                            const char         *path)
{
  SlvCloJob *j;

  g_return_if_fail (SLV_IS_CLO_IMPORT_DIALOG (self) && path != NULL);
  if (self->busy || self->import_id != NULL)
    return;
  if (g_strcmp0 (self->path, path) != 0)
    {
      g_free (self->path);
      self->path = g_strdup (path);
      self->scale = 0;
      g_clear_pointer (&self->size, g_free);
    }
  g_clear_object (&self->import);
  g_clear_object (&self->plan);
  j = g_new0 (SlvCloJob, 1);
  j->kind = JOB_LOAD;
  j->path = g_strdup (path);
  j->scale = self->scale;
  j->style_code = g_strdup (self->style_code);
  j->efficiency = self->efficiency;
  slv_clo_import_set_state (self, "loading");
  slv_clo_import_run_job (self, j);
}

const char *
slv_clo_import_dialog_get_state (SlvCloImportDialog *self)
{
  g_return_val_if_fail (SLV_IS_CLO_IMPORT_DIALOG (self), NULL);
  return self->state;
}

gboolean
slv_clo_import_dialog_get_busy (SlvCloImportDialog *self)
{
  g_return_val_if_fail (SLV_IS_CLO_IMPORT_DIALOG (self), FALSE);
  return self->busy;
}

const char *
slv_clo_import_dialog_get_style_code (SlvCloImportDialog *self)
{
  g_return_val_if_fail (SLV_IS_CLO_IMPORT_DIALOG (self), NULL);
  return self->style_code;
}

SlvCloImport *
slv_clo_import_dialog_get_import (SlvCloImportDialog *self)
{
  g_return_val_if_fail (SLV_IS_CLO_IMPORT_DIALOG (self), NULL);
  return self->import;
}

SlvCloPlan *
slv_clo_import_dialog_get_plan (SlvCloImportDialog *self)
{
  g_return_val_if_fail (SLV_IS_CLO_IMPORT_DIALOG (self), NULL);
  return self->plan;
}

guint
slv_clo_import_dialog_get_n_drawn_pieces (SlvCloImportDialog *self)
{
  g_return_val_if_fail (SLV_IS_CLO_IMPORT_DIALOG (self), 0);
  return self->pieces ? self->pieces->len : 0;
}

guint
slv_clo_import_dialog_get_n_consumption_rows (SlvCloImportDialog *self)
{
  g_return_val_if_fail (SLV_IS_CLO_IMPORT_DIALOG (self), 0);
  return self->n_consumption_rows;
}

SlvMarker *
slv_clo_import_dialog_get_marker (SlvCloImportDialog *self)
{
  guint i = gtk_drop_down_get_selected (self->marker_dropdown);

  return i < self->markers->len ? g_ptr_array_index (self->markers, i) : NULL;
}

guint
slv_clo_import_dialog_get_n_marker_placements (SlvCloImportDialog *self)
{
  SlvMarker *m;

  g_return_val_if_fail (SLV_IS_CLO_IMPORT_DIALOG (self), 0);
  m = slv_clo_import_dialog_get_marker (self);
  return m ? slv_marker_get_n_placements (m) : 0;
}

const char *
slv_clo_import_dialog_get_cost_text (SlvCloImportDialog *self)
{
  g_return_val_if_fail (SLV_IS_CLO_IMPORT_DIALOG (self), NULL);
  return self->cost_text;
}

const char *
slv_clo_import_dialog_get_import_id (SlvCloImportDialog *self)
{
  g_return_val_if_fail (SLV_IS_CLO_IMPORT_DIALOG (self), NULL);
  return self->import_id;
}

const char *
slv_clo_import_dialog_get_error (SlvCloImportDialog *self)
{
  g_return_val_if_fail (SLV_IS_CLO_IMPORT_DIALOG (self), NULL);
  return self->error;
}
