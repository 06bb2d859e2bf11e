/* slv-sync-json.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Small helpers shared by the codec and the server: a fast JSON text writer
 * (pull pages run to millions of fields) and strict readers for JSON objects
 * that set a GError naming the member at fault.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Appends @text as a quoted JSON string (NULL becomes null). */
void         slv_json_append_string    (GString     *out,
                                        const char  *text);
/* Appends a scalar node (string, number, boolean, null) as JSON text;
 * containers are written with JsonGenerator. */
void         slv_json_append_node      (GString     *out,
                                        JsonNode    *node);
char        *slv_json_node_to_text     (JsonNode    *node) G_GNUC_WARN_UNUSED_RESULT;
/* Parses @data (not NUL-terminated) as one JSON value. */
JsonNode    *slv_json_parse            (const char  *data,
                                        gsize        length,
                                        GError     **error) G_GNUC_WARN_UNUSED_RESULT;

/* Members of an object. @what names the object in messages ("op 3").
 * Strings: the member must be a string; _opt also accepts absence and null. */
const char  *slv_json_get_string       (JsonObject  *object,
                                        const char  *member,
                                        const char  *what,
                                        GError     **error);
gboolean     slv_json_get_string_opt   (JsonObject  *object,
                                        const char  *member,
                                        const char  *what,
                                        const char **out,
                                        GError     **error);
gboolean     slv_json_get_int          (JsonObject  *object,
                                        const char  *member,
                                        const char  *what,
                                        gint64      *out,
                                        GError     **error);
gboolean     slv_json_get_bool         (JsonObject  *object,
                                        const char  *member,
                                        const char  *what,
                                        gboolean    *out,
                                        GError     **error);
JsonArray   *slv_json_get_array        (JsonObject  *object,
                                        const char  *member,
                                        const char  *what,
                                        GError     **error);
JsonObject  *slv_json_get_object       (JsonObject  *object,
                                        const char  *member,
                                        const char  *what,
                                        GError     **error);
/* Element @i of @array as an object, or NULL with an error. */
JsonObject  *slv_json_array_get_object (JsonArray   *array,
                                        guint        i,
                                        const char  *what,
                                        GError     **error);
/* A string array member as a NULL-terminated vector (absent → empty). */
char       **slv_json_get_strv         (JsonObject  *object,
                                        const char  *member,
                                        const char  *what,
                                        GError     **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean     slv_json_node_is_scalar   (JsonNode    *node);

G_END_DECLS
