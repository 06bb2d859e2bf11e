/* slv-clo-import-dialog-private.h: shared by the dialog's class
 * (slv-clo-import-dialog.c), its worker jobs (slv-clo-import-jobs.c), its
 * actions (slv-clo-import-actions.c), its drawing (slv-clo-import-draw.c)
 * and the lists it fills from a plan (slv-clo-import-rows.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "slv-clo-import-dialog.h"

G_BEGIN_DECLS

struct _SlvCloImportDialog
{
  AdwWindow            parent_instance;

  /* template */
  AdwToastOverlay     *toast_overlay;
  GtkStack            *title_stack;
  AdwWindowTitle      *window_title;
  GtkButton           *apply_button;
  GtkSpinner          *spinner;
  GtkStack            *stack;
  AdwStatusPage       *error_page;
  GtkDropDown         *style_dropdown;
  GtkDropDown         *size_dropdown;
  GtkSpinButton       *efficiency_spin;
  AdwViewStack        *view_stack;
  AdwViewStackPage    *review_page;
  GtkDrawingArea      *pieces_area;
  GtkLabel            *pieces_label;
  GtkDropDown         *marker_dropdown;
  GtkLabel            *marker_label;
  GtkDrawingArea      *marker_area;
  GtkBox              *mesh_box;
  GtkBox              *review_box;
  GtkLabel            *consumption_caption;
  GtkGrid             *consumption_grid;
  GtkListBox          *cost_list;
  GtkListBox          *changes_list;
  GtkLabel            *warnings_title;
  GtkListBox          *warnings_list;

  /* what is shown */
  SlvStore            *store;
  GCancellable        *cancellable;   /* of the dialog's workers */
  char                *path;
  char                *style_code;
  char                *size;          /* chosen; NULL: the plan's choice */
  double               efficiency;    /* 0: nesting estimate */
  double               scale;         /* DXF scale factor the user applied */
  const char          *state;
  gboolean             busy;
  gboolean             replan;        /* options changed while busy */
  gboolean             syncing;       /* setting controls from code */
  SlvCloImport        *import;
  SlvCloPlan          *plan;
  GListStore          *styles;        /* SlvStyle */
  GListStore          *materials;     /* SlvMaterial */
  GPtrArray           *pieces;        /* SlvPatternPiece of the size drawn */
  GPtrArray           *markers;       /* SlvMarker per fabric row with one */
  GPtrArray           *marker_names;  /* fabric keys of @markers */
  guint                n_consumption_rows;
  char                *cost_text;     /* "before → after CUR" */
  char                *cost_currency;
  char                *cost_before;
  char                *cost_after;
  char                *cost_error;
  char                *import_id;
  char                *error;
};

/* A worker job (slv-clo-import-jobs.c). */
typedef enum
{
  JOB_LOAD,     /* read the export, then plan when a style is chosen */
  JOB_PLAN,     /* plan the loaded import into the style */
  JOB_EDIT,     /* a review change to the plan */
  JOB_APPLY,
} SlvCloJobKind;

typedef struct
{
  SlvCloJobKind         kind;
  SlvStore       *store;
  char           *path;
  double          scale;
  char           *style_code;
  char           *size;
  double          efficiency;
  SlvCloImport   *import;
  SlvCloPlan     *plan;
  GListStore     *materials;
  /* JOB_EDIT: one of these */
  char           *fabric;          /* with line_id (match) or wastage (≥ 0) */
  char           *line_id;
  double          wastage;
  guint           csv_row;         /* with material_id */
  char           *material_id;
  /* out */
  char           *plan_error;      /* the export was read, the plan failed */
  char           *currency, *before, *after, *cost_error;
  char           *import_id;
} SlvCloJob;

void       slv_clo_job_free                 (gpointer            job);
void       slv_clo_import_run_job           (SlvCloImportDialog *self,
                                             SlvCloJob          *job);
/* Plans again with the dialog's style, size and efficiency (later, if a
 * job runs). */
void       slv_clo_import_start_plan        (SlvCloImportDialog *self);
/* A review job on the plan, or NULL while busy or after the apply. */
SlvCloJob *slv_clo_import_edit_job          (SlvCloImportDialog *self);

/* slv-clo-import-dialog.c */
void       slv_clo_import_set_state         (SlvCloImportDialog *self,
                                             const char         *state);
void       slv_clo_import_set_busy          (SlvCloImportDialog *self,
                                             gboolean            busy);
void       slv_clo_import_update_sensitivity (SlvCloImportDialog *self);
void       slv_clo_import_show_result       (SlvCloImportDialog *self);
void       slv_clo_import_select_style      (SlvCloImportDialog *self);

/* slv-clo-import-actions.c */
void       slv_clo_import_install_actions   (GtkWidgetClass     *widget_class);
gboolean   slv_clo_import_efficiency_output_cb (GtkSpinButton   *spin);
int        slv_clo_import_efficiency_input_cb  (GtkSpinButton   *spin,
                                                double          *value);

/* slv-clo-import-draw.c */
void  slv_clo_import_draw_pieces (GtkDrawingArea     *area,
                                  cairo_t            *cr,
                                  int                 width,
                                  int                 height,
                                  gpointer            user_data);
void  slv_clo_import_draw_marker (GtkDrawingArea     *area,
                                  cairo_t            *cr,
                                  int                 width,
                                  int                 height,
                                  gpointer            user_data);
SlvMarker *slv_clo_import_dialog_get_marker (SlvCloImportDialog *self);

/* slv-clo-import-rows.c: rebuild the side lists, the 3-D and review pages
 * from the import and the plan. */
void  slv_clo_import_fill_consumption (SlvCloImportDialog *self);
void  slv_clo_import_fill_cost        (SlvCloImportDialog *self);
void  slv_clo_import_fill_changes     (SlvCloImportDialog *self);
void  slv_clo_import_fill_warnings    (SlvCloImportDialog *self);
void  slv_clo_import_fill_meshes      (SlvCloImportDialog *self);
void  slv_clo_import_fill_review      (SlvCloImportDialog *self);
/* A section title and a boxed list, as the side lists use them. */
GtkWidget *slv_clo_import_heading     (const char         *text);
GtkWidget *slv_clo_import_boxed_list  (void);

/* slv-clo-import-mapping.c: the BOM file's columns, each chosen for a
 * field; a change is saved in the workspace and the export read again. */
void  slv_clo_import_add_bom_mapping  (SlvCloImportDialog *self);
void  slv_clo_import_map_bom_column   (SlvCloImportDialog *self,
                                       const char         *field,
                                       const char         *header);
/* Removes every child of a GtkListBox or GtkBox. */
void  slv_clo_import_clear            (GtkWidget          *container);

G_END_DECLS
