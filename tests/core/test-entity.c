/* test-entity.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core/slv-material.h"
#include "core/slv-style.h"

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

static void
test_properties (void)
{
  g_autoptr(SlvMaterial) m = g_object_new (SLV_TYPE_MATERIAL,
                                           "id", "0190f3c2-7a4e-7b1c-9d2e-3f4a5b6c7d8e",
                                           "code", "0001200101", "name", "Single jersey",
                                           "lead-time-days", (gint64) 21, NULL);
  guint notified = 0;

  g_assert_cmpstr (slv_entity_get_id (SLV_ENTITY (m)), ==, "0190f3c2-7a4e-7b1c-9d2e-3f4a5b6c7d8e");
  g_assert_cmpstr (slv_material_get_code (m), ==, "0001200101");
  g_assert_cmpstr (slv_entity_get_string (SLV_ENTITY (m), "name"), ==, "Single jersey");
  g_assert_cmpint (slv_material_get_lead_time_days (m), ==, 21);
  g_assert_cmpstr (slv_entity_get_table (SLV_ENTITY (m)), ==, "material");

  /* Setting an equal value does not notify; a new value notifies once. */
  g_signal_connect (m, "notify::name", G_CALLBACK (notify_cb), &notified);
  g_object_set (m, "name", "Single jersey", NULL);
  g_assert_cmpuint (notified, ==, 0);
  g_object_set (m, "name", "Single jersey 180", NULL);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpstr (slv_material_get_name (m), ==, "Single jersey 180");
  g_object_set (m, "deleted", TRUE, NULL);
  g_assert_true (slv_entity_get_deleted (SLV_ENTITY (m)));
}

static void
test_finalize_frees (void)
{
  SlvStyle *s = g_object_new (SLV_TYPE_STYLE, "code", "NL27S-TS001", "name", "Tee",
                              "created-at", "2026-01-01T00:00:00.000Z", NULL);

  g_assert_cmpstr (slv_style_get_name (s), ==, "Tee");
  g_assert_finalize_object (s);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/core/entity/properties", test_properties);
  g_test_add_func ("/core/entity/finalize", test_finalize_frees);
  return g_test_run ();
}
