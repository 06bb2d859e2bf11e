/* clo-test-util.h: shared by the CLO ingestion tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "services/slv-clo-import.h"

G_BEGIN_DECLS

/* Loads @path (file, folder or ZIP), asserting it reads. */
SlvCloImport *clo_test_load        (const char *path) G_GNUC_WARN_UNUSED_RESULT;
/* The ground-truth JSON object at @rel in the corpus. */
JsonObject   *clo_test_load_truth  (JsonParser *parser,
                                    const char *rel);

G_END_DECLS
