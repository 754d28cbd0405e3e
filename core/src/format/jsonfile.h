/* JSON files through cJSON, with errors that say where: a syntax error is
 * reported as file:line:col, a wrong field as file: $.path.to[3].field. */
#ifndef WF_JSONFILE_H
#define WF_JSONFILE_H

#include <cjson/cJSON.h>
#include <stddef.h>

#include "util/wf_error.h"

/* Parses a whole buffer (trailing garbage is an error). */
int json_parse(const char *text, size_t len, const char *name, cJSON **out, wf_error *err);
int json_read_file(const char *path, cJSON **out, wf_error *err);

/* The checks json_parse makes after cJSON has parsed (for a reader that
 * reports syntax errors its own way): every decoded key and string is text
 * (util/text.h), and no object has a key twice ("name: $.a.b: duplicate
 * key"). 0 or -1. */
int json_check_values(const cJSON *j, const char *name, wf_error *err);

/* Case-sensitive member lookups with type checks. Return NULL/-1 when the
 * member is absent or of another type; *_req variants set err with the
 * JSON path ("$.title.nl") and what was expected. */
const char *json_str(const cJSON *obj, const char *key);
int json_num(const cJSON *obj, const char *key, double *out);
const char *json_str_req(const cJSON *obj, const char *key, const char *file, const char *path,
                         wf_error *err);

/* Looks up a dotted path ("title.nl", "classes.2") below obj. */
const cJSON *json_at(const cJSON *obj, const char *dotted);

#endif
