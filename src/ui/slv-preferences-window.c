/* slv-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-preferences"

#include "config.h"

#include "slv-preferences-window.h"

struct _SlvPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwEntryRow          *name_row;
  AdwComboRow          *scheme_row;

  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (SlvPreferencesWindow, slv_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
scheme_selected_cb (SlvPreferencesWindow *self)
{
  g_settings_set_enum (self->settings, "color-scheme", adw_combo_row_get_selected (self->scheme_row));
}

static void
slv_preferences_window_constructed (GObject *object)
{
  SlvPreferencesWindow *self = SLV_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (slv_preferences_window_parent_class)->constructed (object);

  g_settings_bind (self->settings, "user-name", self->name_row, "text", G_SETTINGS_BIND_DEFAULT);
  adw_combo_row_set_selected (self->scheme_row, g_settings_get_enum (self->settings, "color-scheme"));
  g_signal_connect_object (self->scheme_row, "notify::selected",
                           G_CALLBACK (scheme_selected_cb), self, G_CONNECT_SWAPPED);
}

static void
slv_preferences_window_dispose (GObject *object)
{
  SlvPreferencesWindow *self = SLV_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SLV_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (slv_preferences_window_parent_class)->dispose (object);
}

static void
slv_preferences_window_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  SlvPreferencesWindow *self = SLV_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
slv_preferences_window_class_init (SlvPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = slv_preferences_window_constructed;
  object_class->dispose = slv_preferences_window_dispose;
  object_class->set_property = slv_preferences_window_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/selvedge/Selvedge/ui/slv-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SlvPreferencesWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, SlvPreferencesWindow, scheme_row);
}

static void
slv_preferences_window_init (SlvPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

SlvPreferencesWindow *
slv_preferences_window_new (GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  return g_object_new (SLV_TYPE_PREFERENCES_WINDOW, "settings", settings, NULL);
}
