/* The GeoJSON reader (polygons, multipolygons, codes, names). */
#include "fuzz.h"

#include "format/geojson.h"

static int fuzz_geojson(const uint8_t *data, size_t size)
{
    geojson g;
    wf_error err;
    if (geojson_parse((const char *)data, size, "fuzz.geojson", NULL, &g, &err) == 0)
        geojson_free(&g);
    return 0;
}
WF_FUZZ_ENTRY(fuzz_geojson)
