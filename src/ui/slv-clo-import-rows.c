/* slv-clo-import-rows.c: the import dialog's lists, filled from the loaded
 * import and its plan: the consumption table, the cost, what changes, the
 * warnings, the 3-D statistics and the review.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-clo-import-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "slv-clo-import-dialog-private.h"
#include "core/slv-material.h"
#include "core/slv-warning.h"

#define MAX_LIST_ROWS 60

void
slv_clo_import_clear (GtkWidget *container)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (container)) != NULL)
    if (GTK_IS_LIST_BOX (container))
      gtk_list_box_remove (GTK_LIST_BOX (container), child);
    else if (GTK_IS_GRID (container))
      gtk_grid_remove (GTK_GRID (container), child);
    else
      gtk_box_remove (GTK_BOX (container), child);
}

static GtkWidget *
label (const char *text,
       float       xalign,
       const char *css)
{
  GtkWidget *l = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (l), xalign);
  gtk_label_set_ellipsize (GTK_LABEL (l), PANGO_ELLIPSIZE_END);
  if (css != NULL)
    {
      g_auto(GStrv) classes = g_strsplit (css, " ", -1);

      for (guint i = 0; classes[i] != NULL; i++)
        gtk_widget_add_css_class (l, classes[i]);
    }
  return l;
}

/* A figure or key shown whole: the table never cuts a number. */
static GtkWidget *
whole (GtkWidget *l)
{
  gtk_label_set_ellipsize (GTK_LABEL (l), PANGO_ELLIPSIZE_NONE);
  return l;
}

static GtkWidget *
action_row (const char *title,
            const char *subtitle,
            const char *icon)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (icon != NULL)
    adw_action_row_set_icon_name (ADW_ACTION_ROW (row), icon);
  return row;
}

GtkWidget *
slv_clo_import_heading (const char *text)
{
  GtkWidget *l = label (text, 0, "heading");

  gtk_widget_set_margin_top (l, 12);
  return l;
}

GtkWidget *
slv_clo_import_boxed_list (void)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  return list;
}

/* -- the consumption table -- */

static void
wastage_changed_cb (GtkSpinButton      *spin,
                    SlvCloImportDialog *self)
{
  const char *fabric = g_object_get_data (G_OBJECT (spin), "fabric");

  if (self->syncing)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "clo-import.set-wastage", "(sd)", fabric,
                              gtk_spin_button_get_value (spin));
}

static GtkWidget *
wastage_spin (SlvCloImportDialog *self,
              SlvCloFabricRow    *r)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (0, 99, 0.5);

  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 1);
  gtk_editable_set_width_chars (GTK_EDITABLE (spin), 3);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), MAX (r->new_wastage, 0));
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (spin, r->wastage_reason);
  gtk_widget_set_sensitive (spin, r->bom_line_id != NULL && !self->busy);
  g_object_set_data_full (G_OBJECT (spin), "fabric", g_strdup (r->fabric), g_free);
  g_signal_connect_object (spin, "value-changed", G_CALLBACK (wastage_changed_cb), self, 0);
  return spin;
}

static GtkWidget *
delta_cell (SlvCloFabricRow *r)
{
  double pct;
  g_autofree char *text = NULL;

  if (!(r->old_consumption > 0 && r->new_consumption >= 0))
    return label ("", 1, NULL);
  pct = 100 * (r->new_consumption - r->old_consumption) / r->old_consumption;
  text = g_strdup_printf ("%+.1f %%", pct);
  return whole (label (text, 1, pct <= 0 ? "success figure" : "warning figure"));
}

/* Two grid rows per fabric: the figures, then which BOM line and why. */
static void
add_fabric_row (SlvCloImportDialog *self,
                SlvCloFabricRow    *r,
                int                 y)
{
  g_autofree char *line = r->bom_line_id
    ? g_strdup_printf (_("%s · %s — %s (%.0f %% sure: %s)"), r->unit ? r->unit : "", r->placement ? r->placement : "",
                       r->material_name ? r->material_name : "", 100 * r->confidence, r->reason ? r->reason : "")
    : g_strdup (_("No BOM line matched: choose one in Review"));
  g_autofree char *old = r->old_consumption >= 0 ? g_strdup_printf ("%.4f", r->old_consumption) : g_strdup ("—");
  g_autofree char *new = r->new_consumption >= 0 ? g_strdup_printf ("%.4f", r->new_consumption) : g_strdup ("—");
  g_autofree char *eff = r->estimate ? g_strdup_printf ("%.1f %%", 100 * r->estimate->efficiency) : g_strdup ("—");
  GtkWidget *l;

  gtk_grid_attach (self->consumption_grid, whole (label (r->fabric, 0, "heading")), 0, y, 1, 1);
  gtk_grid_attach (self->consumption_grid, whole (label (old, 1, "figure dim-label")), 1, y, 1, 1);
  gtk_grid_attach (self->consumption_grid, whole (label (new, 1, "figure heading")), 2, y, 1, 1);
  gtk_grid_attach (self->consumption_grid, delta_cell (r), 3, y, 1, 1);
  l = whole (label (eff, 1, "figure"));
  if (r->estimate != NULL)
    gtk_widget_set_tooltip_text (l, r->estimate->overridden ? _("Given")
                                                             : _("From the nesting estimate (see Marker)"));
  gtk_grid_attach (self->consumption_grid, l, 4, y, 1, 1);
  gtk_grid_attach (self->consumption_grid, wastage_spin (self, r), 5, y, 1, 1);
  l = label (r->problem ? r->problem : line, 0, r->problem || !r->bom_line_id ? "caption warning" : "caption dim-label");
  gtk_label_set_wrap (GTK_LABEL (l), TRUE);
  gtk_label_set_ellipsize (GTK_LABEL (l), PANGO_ELLIPSIZE_NONE);
  gtk_widget_set_tooltip_text (l, r->estimate ? r->estimate->explanation : NULL);
  gtk_grid_attach (self->consumption_grid, l, 0, y + 1, 6, 1);
}

void
slv_clo_import_fill_consumption (SlvCloImportDialog *self)
{
  static const char * const titles[] = { N_("Fabric"), N_("Now"), N_("New"), N_("Change"), N_("Eff."),
                                         N_("Waste %") };
  GPtrArray *rows = self->plan ? slv_clo_plan_get_fabric_rows (self->plan) : NULL;
  g_autofree char *source = self->path ? g_path_get_basename (self->path) : NULL;
  g_autofree char *caption = NULL;
  int y = 1;

  self->syncing = TRUE;
  slv_clo_import_clear (GTK_WIDGET (self->consumption_grid));
  self->n_consumption_rows = 0;
  if (rows == NULL || rows->len == 0)
    {
      gtk_label_set_text (self->consumption_caption,
                          rows ? _("The export holds no pattern pieces of this size, so it gives no consumption; "
                                   "add the DXF pattern to the folder or ZIP.")
                               : _("Choose a style: its BOM lines get the consumption of the pattern’s fabrics."));
      gtk_widget_set_visible (GTK_WIDGET (self->consumption_grid), FALSE);
      self->syncing = FALSE;
      return;
    }
  caption = g_strdup_printf (_("Per garment, size %s of %s, into the BOM of %s. Net area ÷ marker "
                               "efficiency, at each fabric’s width and GSM; cutting waste is in the "
                               "efficiency, so wastage counts only losses outside the marker."),
                             slv_clo_plan_get_size (self->plan) ? slv_clo_plan_get_size (self->plan) : "?",
                             source ? source : "?", self->style_code);
  gtk_label_set_text (self->consumption_caption, caption);
  gtk_widget_set_visible (GTK_WIDGET (self->consumption_grid), TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    gtk_grid_attach (self->consumption_grid, whole (label (_(titles[i]), i < 1 ? 0 : 1, "caption-heading dim-label")),
                     (int) i, 0, 1, 1);
  for (guint i = 0; i < rows->len; i++)
    {
      SlvCloFabricRow *r = g_ptr_array_index (rows, i);

      add_fabric_row (self, r, y);
      y += 2;
      self->n_consumption_rows++;
    }
  self->syncing = FALSE;
}

/* -- cost -- */

void
slv_clo_import_fill_cost (SlvCloImportDialog *self)
{
  GtkWidget *row;

  slv_clo_import_clear (GTK_WIDGET (self->cost_list));
  if (self->plan == NULL)
    row = action_row (_("FOB"), _("Choose a style to price the change."), NULL);
  else if (self->cost_text == NULL)
    row = action_row (_("FOB"), self->cost_error ? self->cost_error : _("Not computed."), "dialog-warning-symbolic");
  else
    {
      double before = g_ascii_strtod (self->cost_before, NULL);
      double after = g_ascii_strtod (self->cost_after, NULL);
      g_autofree char *subtitle = g_strdup_printf (_("%.4f → %.4f %s, unrounded, from the pricing engine"),
                                                   before, after, self->cost_currency);
      g_autofree char *delta = g_strdup_printf ("%+.4f", after - before);

      row = action_row (_("FOB change"), subtitle, NULL);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 label (delta, 1, after <= before ? "title-3 success figure" : "title-3 warning figure"));
    }
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  gtk_list_box_append (self->cost_list, row);
}

/* -- changes -- */

void
slv_clo_import_fill_changes (SlvCloImportDialog *self)
{
  guint added = 0, removed = 0, changed = 0, update = 0, add = 0, review = 0, lines = 0;
  GPtrArray *renders = self->import ? slv_clo_import_get_renders (self->import) : NULL;
  g_autofree char *pieces = NULL;
  g_autofree char *bom = NULL;

  slv_clo_import_clear (GTK_WIDGET (self->changes_list));
  if (self->plan == NULL)
    return;
  for (guint i = 0; i < slv_clo_plan_get_piece_diffs (self->plan)->len; i++)
    {
      SlvCloPieceDiff *d = g_ptr_array_index (slv_clo_plan_get_piece_diffs (self->plan), i);

      added += g_str_equal (d->status, "added");
      removed += g_str_equal (d->status, "removed");
      changed += g_str_equal (d->status, "changed");
    }
  for (guint i = 0; i < slv_clo_plan_get_fabric_rows (self->plan)->len; i++)
    lines += ((SlvCloFabricRow *) g_ptr_array_index (slv_clo_plan_get_fabric_rows (self->plan), i))->new_consumption >= 0;
  for (guint i = 0; i < slv_clo_plan_get_bom_rows (self->plan)->len; i++)
    {
      SlvCloBomRow *r = g_ptr_array_index (slv_clo_plan_get_bom_rows (self->plan), i);

      review += !r->accepted;
      add += r->accepted && r->bom_line_id == NULL;
      update += r->accepted && r->bom_line_id != NULL;
    }
  pieces = g_strdup_printf (_("%u added, %u removed, %u changed (every size)"), added, removed, changed);
  gtk_list_box_append (self->changes_list, action_row (_("Pattern pieces"), pieces, "slv-style-symbolic"));
  bom = slv_clo_plan_get_bom_rows (self->plan)->len == 0
    ? g_strdup_printf (_("%u fabric lines get the pattern’s consumption, wastage and provenance"), lines)
    : g_strdup_printf (_("%u fabric lines get the pattern’s consumption; from the BOM file %u updated, "
                         "%u added, %u to review"), lines, update, add, review);
  gtk_list_box_append (self->changes_list, action_row (_("BOM lines"), bom, "slv-material-symbolic"));
  if (renders != NULL && renders->len > 0)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("%u image stored; the first becomes the cover if the style has none",
                                                         "%u images stored; the first becomes the cover if the style has none",
                                                         renders->len), renders->len);

      gtk_list_box_append (self->changes_list, action_row (_("Renders"), text, "image-x-generic-symbolic"));
    }
}

/* -- warnings -- */

static double
suggested_scale (SlvCloImportDialog *self)
{
  GPtrArray *sets = slv_clo_import_get_pattern_sets (self->import);

  for (guint i = 0; i < sets->len; i++)
    if (slv_pattern_set_get_suggested_scale (g_ptr_array_index (sets, i)) > 0)
      return slv_pattern_set_get_suggested_scale (g_ptr_array_index (sets, i));
  return 0;
}

void
slv_clo_import_fill_warnings (SlvCloImportDialog *self)
{
  g_autoptr(GPtrArray) warnings = self->import ? slv_clo_import_dup_warnings (self->import) : NULL;
  double scale = self->import ? suggested_scale (self) : 0;

  slv_clo_import_clear (GTK_WIDGET (self->warnings_list));
  gtk_widget_set_visible (GTK_WIDGET (self->warnings_title), warnings != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->warnings_list), warnings != NULL);
  if (warnings == NULL)
    return;
  if (warnings->len == 0)
    gtk_list_box_append (self->warnings_list, action_row (_("No warnings"), NULL, "object-select-symbolic"));
  for (guint i = 0; i < warnings->len && i < MAX_LIST_ROWS; i++)
    {
      SlvWarning *w = g_ptr_array_index (warnings, i);
      g_autofree char *title = g_strdup_printf ("%s%s%s", w->code, w->subject ? " · " : "", w->subject ? w->subject : "");
      GtkWidget *row = action_row (title, w->message, "dialog-warning-symbolic");

      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 6);
      if (g_str_equal (w->code, "unit-scale-suspect") && scale > 0)
        {
          g_autofree char *text = g_strdup_printf (_("Scale ×%g"), scale);
          GtkWidget *button = gtk_button_new_with_label (text);

          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_widget_set_tooltip_text (button, _("Read the pattern again with its coordinates multiplied"));
          gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "clo-import.rescale");
          gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_double (scale));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }
      gtk_list_box_append (self->warnings_list, row);
    }
  if (warnings->len > MAX_LIST_ROWS)
    {
      g_autofree char *more = g_strdup_printf (_("and %u more (selvedge-cli clo inspect lists them all)"),
                                               warnings->len - MAX_LIST_ROWS);

      gtk_list_box_append (self->warnings_list, action_row (more, NULL, NULL));
    }
}

/* -- 3-D -- */

static void
add_mesh_report (SlvCloImportDialog *self,
                 SlvMeshReport      *report)
{
  GPtrArray *parts = slv_mesh_report_get_parts (report);
  GPtrArray *textures = slv_mesh_report_get_textures (report);
  g_autofree char *name = g_path_get_basename (slv_mesh_report_get_source (report));
  g_autofree char *title = g_strdup_printf ("%s — %s", name, slv_mesh_report_get_format (report));
  g_autofree char *summary = g_strdup_printf (_("%u meshes, %.4f m², %u triangles; unit: %s"), parts->len,
                                              slv_mesh_report_get_total_area_m2 (report),
                                              slv_mesh_report_get_total_triangles (report),
                                              slv_mesh_report_get_unit_source (report));
  GtkWidget *list = slv_clo_import_boxed_list ();

  gtk_box_append (self->mesh_box, slv_clo_import_heading (title));
  gtk_box_append (self->mesh_box, label (summary, 0, "dim-label"));
  for (guint i = 0; i < parts->len && i < MAX_LIST_ROWS; i++)
    {
      SlvMeshPart *part = g_ptr_array_index (parts, i);
      g_autofree char *sub = g_strdup_printf ("%s%s%s", part->material ? part->material : _("no material"),
                                              part->panel_id ? " · Pattern2D_" : "", part->panel_id ? part->panel_id : "");
      g_autofree char *fig = g_strdup_printf (_("%.4f m² · %u △"), slv_mesh_report_part_area_m2 (report, part),
                                              part->triangles);
      GtkWidget *row = action_row (part->name, sub, NULL);

      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label (fig, 1, "figure"));
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  for (guint i = 0; i < textures->len && i < MAX_LIST_ROWS; i++)
    {
      SlvMeshTexture *t = g_ptr_array_index (textures, i);

      if (!t->present && !t->embedded)
        gtk_list_box_append (GTK_LIST_BOX (list), action_row (t->uri, _("texture missing beside the model"),
                                                              "dialog-warning-symbolic"));
    }
  gtk_box_append (self->mesh_box, list);
}

static void
add_panel_matches (SlvCloImportDialog *self)
{
  const char *size = self->plan ? slv_clo_plan_get_size (self->plan) : self->size;
  g_autoptr(GPtrArray) matches = slv_clo_import_dup_panel_matches (self->import, size);
  GtkWidget *list;

  if (matches->len == 0)
    return;
  list = slv_clo_import_boxed_list ();
  gtk_box_append (self->mesh_box, slv_clo_import_heading (_("DXF pieces and 3-D panels (Pattern2D ids)")));
  for (guint i = 0; i < matches->len && i < MAX_LIST_ROWS; i++)
    {
      SlvPanelMatch *m = g_ptr_array_index (matches, i);
      g_autofree char *title = g_strdup_printf ("Pattern2D_%s", m->panel_id);
      g_autofree char *sub = g_strdup_printf (_("piece %s (%.4f m²) · panel %s (%.4f m²)"),
                                              m->piece ? m->piece : "—", m->piece_area_m2,
                                              m->mesh ? m->mesh : "—", m->mesh_area_m2);

      gtk_list_box_append (GTK_LIST_BOX (list), action_row (title, sub, NULL));
    }
  gtk_box_append (self->mesh_box, list);
}

void
slv_clo_import_fill_meshes (SlvCloImportDialog *self)
{
  GPtrArray *meshes = self->import ? slv_clo_import_get_meshes (self->import) : NULL;

  slv_clo_import_clear (GTK_WIDGET (self->mesh_box));
  if (meshes == NULL || meshes->len == 0)
    {
      GtkWidget *status = adw_status_page_new ();

      adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "slv-insights-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No 3-D Meshes"));
      adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                       _("Put the garment’s glTF, GLB, OBJ or FBX export in the folder or ZIP "
                                         "to see its panels’ areas and match them to the pieces."));
      gtk_widget_set_vexpand (status, TRUE);
      gtk_box_append (self->mesh_box, status);
      return;
    }
  for (guint i = 0; i < meshes->len; i++)
    add_mesh_report (self, g_ptr_array_index (meshes, i));
  add_panel_matches (self);
}

/* -- review -- */

static void
fabric_selected_cb (AdwComboRow        *row,
                    GParamSpec         *pspec,
                    SlvCloImportDialog *self)
{
  GPtrArray *lines = slv_clo_plan_get_bom_lines (self->plan);
  guint i = adw_combo_row_get_selected (row);
  const char *id = i > 0 && i <= lines->len ? g_hash_table_lookup (g_ptr_array_index (lines, i - 1), "id") : "";

  if (!self->syncing)
    gtk_widget_activate_action (GTK_WIDGET (self), "clo-import.match-fabric", "(ss)",
                                g_object_get_data (G_OBJECT (row), "fabric"), id);
}

static void
material_selected_cb (AdwComboRow        *row,
                      GParamSpec         *pspec,
                      SlvCloImportDialog *self)
{
  guint i = adw_combo_row_get_selected (row);
  g_autoptr(SlvMaterial) m = i > 0 ? g_list_model_get_item (G_LIST_MODEL (self->materials), i - 1) : NULL;

  if (!self->syncing)
    gtk_widget_activate_action (GTK_WIDGET (self), "clo-import.match-material", "(us)",
                                GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "csv-row")),
                                m ? slv_entity_get_id (SLV_ENTITY (m)) : "");
}

static void
add_fabric_choices (SlvCloImportDialog *self,
                    GtkWidget          *list)
{
  GPtrArray *rows = slv_clo_plan_get_fabric_rows (self->plan);
  GPtrArray *lines = slv_clo_plan_get_bom_lines (self->plan);

  for (guint i = 0; i < rows->len; i++)
    {
      SlvCloFabricRow *r = g_ptr_array_index (rows, i);
      g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
      GtkWidget *row = adw_combo_row_new ();
      guint selected = 0;
      g_autofree char *sub = r->bom_line_id ? g_strdup_printf (_("%s, %.0f %% sure"), r->reason ? r->reason : "",
                                                               100 * r->confidence)
                                            : g_strdup (_("No BOM line matched well enough: choose one"));

      gtk_string_list_append (model, _("Not imported"));
      for (guint k = 0; k < lines->len; k++)
        {
          GHashTable *l = g_ptr_array_index (lines, k);
          g_autofree char *text = g_strdup_printf ("%s — %s", (char *) g_hash_table_lookup (l, "placement"),
                                                   (char *) g_hash_table_lookup (l, "material_name"));

          gtk_string_list_append (model, text);
          if (g_strcmp0 (g_hash_table_lookup (l, "id"), r->bom_line_id) == 0)
            selected = k + 1;
        }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), r->fabric);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sub);
      adw_action_row_set_icon_name (ADW_ACTION_ROW (row), r->bom_line_id ? "object-select-symbolic"
                                                                         : "dialog-warning-symbolic");
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
      g_object_set_data_full (G_OBJECT (row), "fabric", g_strdup (r->fabric), g_free);
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (fabric_selected_cb), self, 0);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
}

static GtkStringList *
material_model (SlvCloImportDialog *self)
{
  GtkStringList *model = gtk_string_list_new (NULL);

  gtk_string_list_append (model, _("Leave out"));
  for (guint k = 0; self->materials != NULL && k < g_list_model_get_n_items (G_LIST_MODEL (self->materials)); k++)
    {
      g_autoptr(SlvMaterial) m = g_list_model_get_item (G_LIST_MODEL (self->materials), k);
      g_autofree char *text = g_strdup_printf ("%s — %s", slv_material_get_code (m), slv_material_get_name (m));

      gtk_string_list_append (model, text);
    }
  return model;
}

static guint
material_index (SlvCloImportDialog *self,
                const char         *id)
{
  for (guint k = 0; id != NULL && self->materials != NULL && k < g_list_model_get_n_items (G_LIST_MODEL (self->materials)); k++)
    {
      g_autoptr(SlvMaterial) m = g_list_model_get_item (G_LIST_MODEL (self->materials), k);

      if (g_str_equal (slv_entity_get_id (SLV_ENTITY (m)), id))
        return k + 1;
    }
  return 0;
}

static void
add_bom_choices (SlvCloImportDialog *self,
                 GtkWidget          *list)
{
  GPtrArray *rows = slv_clo_plan_get_bom_rows (self->plan);
  g_autoptr(GtkStringList) model = material_model (self);

  for (guint pass = 0; pass < 2; pass++)   /* rows to review first */
    for (guint i = 0; i < rows->len; i++)
      {
        SlvCloBomRow *r = g_ptr_array_index (rows, i);
        GtkWidget *row;
        g_autofree char *title = NULL;
        g_autofree char *sub = NULL;

        if (r->accepted != (pass == 1))
          continue;
        row = adw_combo_row_new ();
        title = g_strdup_printf (_("Row %u: %s"), r->row, r->name ? r->name : r->code);
        sub = g_strdup_printf ("%s%s%s %s · %s", r->code ? r->code : "", r->code ? " · " : "",
                               r->consumption ? r->consumption : "—", r->unit ? r->unit : "",
                               !r->accepted ? _("no sure match: choose a material or leave it out")
                                            : r->bom_line_id ? _("updates its line") : _("adds a line"));
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sub);
        adw_action_row_set_icon_name (ADW_ACTION_ROW (row), r->accepted ? "object-select-symbolic"
                                                                         : "dialog-warning-symbolic");
        adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
        adw_combo_row_set_selected (ADW_COMBO_ROW (row), material_index (self, r->material_id));
        g_object_set_data (G_OBJECT (row), "csv-row", GUINT_TO_POINTER (r->row));
        g_signal_connect_object (row, "notify::selected", G_CALLBACK (material_selected_cb), self, 0);
        gtk_list_box_append (GTK_LIST_BOX (list), row);
      }
}

static void
add_piece_diffs (SlvCloImportDialog *self)
{
  GPtrArray *diffs = slv_clo_plan_get_piece_diffs (self->plan);
  GtkWidget *list;

  if (diffs->len == 0)
    return;
  list = slv_clo_import_boxed_list ();
  gtk_box_append (self->review_box, slv_clo_import_heading (_("Pattern pieces against the style’s")));
  for (guint i = 0; i < diffs->len && i < MAX_LIST_ROWS; i++)
    {
      SlvCloPieceDiff *d = g_ptr_array_index (diffs, i);
      g_autofree char *title = g_strdup_printf ("%s %s", d->name, d->size ? d->size : "");
      g_autofree char *sub = g_str_equal (d->status, "changed")
        ? g_strdup_printf (_("changed: %.0f → %.0f mm², ×%u → ×%u"), d->old_area_mm2, d->new_area_mm2,
                           d->old_quantity, d->new_quantity)
        : g_str_equal (d->status, "added") ? g_strdup_printf (_("added: %.0f mm² ×%u"), d->new_area_mm2, d->new_quantity)
                                           : g_strdup_printf (_("removed: %.0f mm² ×%u"), d->old_area_mm2, d->old_quantity);

      gtk_list_box_append (GTK_LIST_BOX (list), action_row (title, sub, NULL));
    }
  if (diffs->len > MAX_LIST_ROWS)
    {
      g_autofree char *more = g_strdup_printf (_("and %u more"), diffs->len - MAX_LIST_ROWS);

      gtk_list_box_append (GTK_LIST_BOX (list), action_row (more, NULL, NULL));
    }
  gtk_box_append (self->review_box, list);
}

void
slv_clo_import_fill_review (SlvCloImportDialog *self)
{
  guint review = self->plan ? slv_clo_plan_count_review (self->plan) : 0;
  GtkWidget *list;

  self->syncing = TRUE;
  slv_clo_import_clear (GTK_WIDGET (self->review_box));
  adw_view_stack_page_set_needs_attention (self->review_page, review > 0);
  adw_view_stack_page_set_badge_number (self->review_page, review);
  if (self->plan == NULL)
    {
      GtkWidget *status = adw_status_page_new ();

      adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "slv-style-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (status), _("Choose a Style"));
      adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                       _("The pattern’s fabrics and the BOM file’s rows are matched to the "
                                         "style’s BOM lines and the workspace’s materials."));
      gtk_widget_set_vexpand (status, TRUE);
      gtk_box_append (self->review_box, status);
      self->syncing = FALSE;
      return;
    }
  gtk_box_append (self->review_box, slv_clo_import_heading (_("Pattern fabrics → the style’s BOM lines")));
  list = slv_clo_import_boxed_list ();
  add_fabric_choices (self, list);
  gtk_box_append (self->review_box, list);
  if (slv_clo_plan_get_bom_rows (self->plan)->len > 0)
    {
      gtk_box_append (self->review_box, slv_clo_import_heading (_("BOM file rows → materials")));
      list = slv_clo_import_boxed_list ();
      add_bom_choices (self, list);
      gtk_box_append (self->review_box, list);
    }
  slv_clo_import_add_bom_mapping (self);
  add_piece_diffs (self);
  self->syncing = FALSE;
}
