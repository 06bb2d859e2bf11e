/* slv-server.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SlvServer is a running selvedge-server: a SoupServer on the main context
 * that hands each request to a pool of worker threads, each with its own
 * PostgreSQL connection. It keeps no state between requests that another
 * instance behind the same load balancer would need.
 */
#pragma once

#include <gio/gio.h>

#include "slv-server-config.h"

G_BEGIN_DECLS

#define SLV_TYPE_SERVER (slv_server_get_type ())
G_DECLARE_FINAL_TYPE (SlvServer, slv_server, SLV, SERVER, GObject)

/* Takes ownership of @config. */
SlvServer  *slv_server_new        (SlvServerConfig  *config) G_GNUC_WARN_UNUSED_RESULT;
/* Checks the database and blob folder, then listens. */
gboolean    slv_server_start      (SlvServer        *self,
                                   GError          **error);
/* The URL it listens on, after start. */
const char *slv_server_get_url    (SlvServer        *self);

G_END_DECLS
