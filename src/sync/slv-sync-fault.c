/* slv-sync-fault.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-sync"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "slv-sync-fault.h"

static GMutex fault_lock;
static gboolean fault_loaded;
static char *fault_name;
static guint fault_at;
static guint fault_seen;

static void
load (void)
{
  const char *spec = g_getenv ("SLV_SYNC_FAULT");
  const char *colon;

  fault_loaded = TRUE;
  g_clear_pointer (&fault_name, g_free);
  fault_seen = 0;
  if (spec == NULL || (colon = strchr (spec, ':')) == NULL)
    return;
  fault_name = g_strndup (spec, colon - spec);
  fault_at = (guint) g_ascii_strtoull (colon + 1, NULL, 10);
}

void
slv_sync_fault_reset (void)
{
  g_mutex_lock (&fault_lock);
  load ();
  g_mutex_unlock (&fault_lock);
}

void
slv_sync_fault_point (const char *point)
{
  gboolean fire = FALSE;

  g_mutex_lock (&fault_lock);
  if (!fault_loaded)
    load ();
  if (fault_name != NULL && strcmp (fault_name, point) == 0)
    fire = ++fault_seen == fault_at;
  g_mutex_unlock (&fault_lock);
  if (fire)
    {
      fprintf (stderr, "selvedge: injected fault at “%s”\n", point);
      fflush (stderr);
      abort ();
    }
}
