/* Checking a spec that instantiates a figure kind against the kind's
 * declaration (plugin.h, "figure kinds"), before any plugin code runs. */
#ifndef WF_KIND_H
#define WF_KIND_H

#include <stdbool.h>

#include <cjson/cJSON.h>

#include "host/registry.h"
#include "util/wf_error.h"

/* Checks spec (read from file, named in messages) against k. On success
 * returns 0 with *params a new object holding every declared parameter
 * (the spec's inputs and params, defaults filled in; caller owns) and
 * *inputs a NULL-terminated list of the table and layer names, in
 * declaration order (caller frees each and the list). On failure returns
 * -1 with err as "file: $.json.path: what (expected ...)". */
int kind_check_spec(const wf_kind *k, const cJSON *spec, const char *file, cJSON **params, char ***inputs,
                    wf_error *err);

/* A table or layer name as the data directory stores it: segments of
 * [A-Za-z0-9_-] (and '.' inside a segment) joined by '/', no segment
 * starting with '.', so a spec cannot point outside the data directory. */
bool kind_table_name_ok(const char *name);

/* "table", "layer", "text", "number", "list" */
const char *kind_type_name(wrrfig_param_type t);

#endif
