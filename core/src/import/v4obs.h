/* CBS OData v4 Observations (datasets.cbs.nl): long format, one record per
 * dimension combination and Measure:
 *   {"Id": 7, "Measure": "M000352", "ValueAttribute": "None", "Value": 17.3,
 *    "Perioden": "2019JJ00", "RegioS": "GM0363    "}
 * becomes rows of text cells like every other source (header: the first
 * record's members without ValueAttribute and StringValue), so a mapping
 * treats Measure as one more dimension and Value as the value column. The
 * Value cell folds in ValueAttribute: a number stays a number; a null Value
 * becomes a CBS symbol, "" (cannot occur) for "Impossible", "x" (secret)
 * for an attribute naming confidentiality or secrecy, "." (not available)
 * for every other attribute. Strings (dimension keys) are trimmed of CBS's
 * padding. */
#ifndef WF_IMPORT_V4OBS_H
#define WF_IMPORT_V4OBS_H

#include <cjson/cJSON.h>

#include "format/csv.h"
#include "util/wf_error.h"

/* The CBS symbol for a null Value with this ValueAttribute (NULL: none). */
const char *v4_null_symbol(const char *attribute);

/* Converts a parsed Observations document ({"value": [...]}) into *out.
 * Messages name `name` and $.value[k].<member>. */
int v4_observations_to_doc(const cJSON *doc, const char *name, csv_doc **out, wf_error *err);

#endif
