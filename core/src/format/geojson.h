/*
 * geojson.h - read a GeoJSON FeatureCollection of regions (cJSON based).
 *
 * Only what choropleths need: Polygon and MultiPolygon geometries (every
 * ring kept in file order, inner rings flagged as holes), a code and a name
 * property per feature. Features come back sorted by code so callers can
 * binary-search them, which is also the order the plugin ABI promises.
 *
 * Errors name the source, the feature index in the file and the JSON path,
 * e.g. "x.geojson: features[12].geometry.coordinates[0][3]: expected [x, y]
 * numbers".
 */
#ifndef WRRFIG_GEOJSON_H
#define WRRFIG_GEOJSON_H

#include <stdbool.h>
#include <stddef.h>

#include "util/wf_error.h"
#include "wrrfig/plugin.h"

struct cJSON;

typedef struct geojson_opts {
    const char *code_key;   /* property with the region code; default "statcode" */
    const char *name_key;   /* property with the name; default "statnaam" */
    bool allow_null_geometry; /* keep "geometry": null as a feature without rings */
} geojson_opts;

typedef struct geojson {
    wrrfig_feature *features; /* sorted by code; rings and strings owned here */
    size_t n;
    char *crs;                /* the "crs" name member, or NULL when absent */
} geojson;

/* Parses text (len bytes, not necessarily NUL-terminated). `source` names
 * the input in error messages. Returns 0, or -1 with a message in err (may be NULL). */
int geojson_parse(const char *text, size_t len, const char *source, const geojson_opts *opts,
                  geojson *out, wf_error *err);

/* Same, from an already parsed document (the importer reads attributes from
 * the same tree). */
int geojson_from_cjson(const struct cJSON *root, const char *source, const geojson_opts *opts,
                       geojson *out, wf_error *err);

/* Reads and parses a file. */
int geojson_read_file(const char *path, const geojson_opts *opts, geojson *out, wf_error *err);

/* Binary search by code; NULL when absent. */
const wrrfig_feature *geojson_find(const geojson *g, const char *code);

void geojson_free(geojson *g);

#endif
