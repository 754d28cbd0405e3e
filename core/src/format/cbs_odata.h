/* CBS OData v3 (opendata.cbs.nl/ODataApi/OData/<id>): a TypedDataSet
 * response ({"value": [{"ID": 0, "Perioden": "2019JJ00", "Immigratie_1":
 * 269064, ...}]}) becomes the same rows of text cells as a StatLine CSV, so
 * the importer maps both with one code path. DataProperties ({"value":
 * [{"Key": .., "Title": .., "Type": .., "Unit": ..}]}) supplies default
 * labels and units for topics. */
#ifndef WF_CBS_ODATA_H
#define WF_CBS_ODATA_H

#include <cjson/cJSON.h>

#include "format/csv.h"
#include "util/wf_error.h"

/* Converts a parsed TypedDataSet into a csv_doc: the header is the members
 * of the first record in order; numbers are written in shortest round-trip
 * form, null as '.', strings trimmed. Every record must have the same
 * members. `name` is used in messages. */
int odata_to_doc(const cJSON *dataset, const char *name, csv_doc **out, wf_error *err);

/* A compiled JSON file whose top-level member `member` is an array of
 * flat records ({"timeline": [{"year": 1972, ...}, ...]}): the same rows of
 * text cells, header = the first record's members. Booleans, arrays and
 * objects keep their JSON text. Messages name $.<member>[k].<name>. */
int json_records_to_doc(const cJSON *doc, const char *member, const char *name, csv_doc **out, wf_error *err);

/* The "value" array of a DataProperties document, checked to hold objects
 * with a string Key (NULL with err set otherwise). Borrowed from doc. */
const cJSON *odata_properties(const cJSON *doc, const char *name, wf_error *err);

/* Title or Unit of a property Key, or NULL. */
const char *odata_property(const cJSON *props, const char *key, const char *member);

#endif
