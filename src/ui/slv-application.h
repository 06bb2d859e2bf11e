/* slv-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SLV_TYPE_APPLICATION (slv_application_get_type ())
G_DECLARE_FINAL_TYPE (SlvApplication, slv_application, SLV, APPLICATION, AdwApplication)

SlvApplication *slv_application_new (void);
/* Opens the workspace folder at @path in a window (an existing window on it
 * is presented). Errors are shown to the user. */
void            slv_application_open_workspace (SlvApplication *self,
                                                const char     *path);

G_END_DECLS
