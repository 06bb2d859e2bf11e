/* clo-test-util.h: shared by the CLO ingestion tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "services/slv-clo-import.h"
#include "store/slv-store.h"

G_BEGIN_DECLS

/* Loads @path (file, folder or ZIP), asserting it reads. */
SlvCloImport *clo_test_load        (const char *path) G_GNUC_WARN_UNUSED_RESULT;
/* The ground-truth JSON object at @rel in the corpus. */
JsonObject   *clo_test_load_truth  (JsonParser *parser,
                                    const char *rel);

/* The BOM line of @costing at @placement (its fields), or NULL. */
GHashTable   *clo_test_bom_line    (SlvStore   *store,
                                    const char *costing,
                                    const char *placement) G_GNUC_WARN_UNUSED_RESULT;
/* A demo workspace in a new temporary folder @dir. */
SlvStore     *clo_test_demo_store  (char      **dir) G_GNUC_WARN_UNUSED_RESULT;
/* Copies corpus file @corpus_rel into @dir as @name; returns its path. */
char         *clo_test_copy_into   (const char *dir,
                                    const char *corpus_rel,
                                    const char *name) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
