/* Geometry inputs for plugins: data/<name>.geojson read with the GeoJSON
 * reader, cached in the ctx for the rest of the callback (a map may ask for
 * the same layer several times) and freed with it. Each layer opened is
 * recorded for the manifest with its hash and provenance. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "host/ctx.h"
#include "util/fileio.h"
#include "format/geojson.h"
#include "format/jsonfile.h"
#include "util/sha256.h"
#include "util/strbuf.h"

typedef struct geo_layer {
    char *name;
    geojson g;
} geo_layer;

typedef struct geo_cache {
    geo_layer *layers;
    size_t n;
} geo_cache;

static void geo_cache_free(void *p)
{
    geo_cache *gc = p;
    if (!gc)
        return;
    for (size_t i = 0; i < gc->n; i++) {
        free(gc->layers[i].name);
        geojson_free(&gc->layers[i].g);
    }
    free(gc->layers);
    free(gc);
}

/* Reads the provenance sidecar; a layer without one is refused, as a table
 * without provenance would be. */
static int record_input(wrrfig_ctx *c, const char *name, const char *path)
{
    strbuf mp = STRBUF_INIT;
    sb_printf(&mp, "%s/%s.meta.json", c->data_dir, name);
    cJSON *meta = NULL;
    wf_error err;
    if (json_read_file(sb_cstr(&mp), &meta, &err) != 0) {
        host_api()->log(c, WRRFIG_LOG_ERROR, "geometry '%s': provenance sidecar: %s", name, err.msg);
        ctx_broken_input(c, err.msg);
        sb_free(&mp);
        return -1;
    }
    sb_free(&mp);
    char hex[65];
    if (sha256_file_hex(path, hex) != 0)
        hex[0] = '\0';
    const char *slash = strrchr(path, '/');
    /* A layer's record always names its source and licence ("" when the
     * sidecar lacks them), so a reader sees they were looked for. */
    const char *src = json_str(meta, "source"), *lic = json_str(meta, "licence");
    wf_input in = {.name = (char *)name,
                   .file = (char *)(slash ? slash + 1 : path),
                   .sha256 = hex,
                   .source = (char *)(src ? src : ""),
                   .licence = (char *)(lic ? lic : "")};
    inputs_add(&c->inputs, &in);
    cJSON_Delete(meta);
    return 0;
}

const wrrfig_feature *host_geo_features(wrrfig_ctx *c, const char *name, size_t *n)
{
    if (n)
        *n = 0;
    if (!name) {
        ctx_misuse(c, "geo_features(NULL)");
        return NULL;
    }
    if (!ctx_declared(c, name)) {
        ctx_misuse(c, "geometry '%s' is not among the declared inputs", name);
        return NULL;
    }
    if (c->geo && c->geo_free != geo_cache_free) {
        ctx_misuse(c, "geometry cache owned by someone else");
        return NULL;
    }
    geo_cache *gc = c->geo;
    if (!gc) {
        gc = xcalloc(1, sizeof *gc);
        c->geo = gc;
        c->geo_free = geo_cache_free;
    }
    for (size_t i = 0; i < gc->n; i++)
        if (strcmp(gc->layers[i].name, name) == 0) {
            if (n)
                *n = gc->layers[i].g.n;
            return gc->layers[i].g.features;
        }

    strbuf path = STRBUF_INIT;
    sb_printf(&path, "%s/%s.geojson", c->data_dir, name);
    geojson g;
    wf_error err;
    if (geojson_read_file(sb_cstr(&path), NULL, &g, &err) != 0) {
        host_api()->log(c, WRRFIG_LOG_ERROR, "%s", err.msg);
        if (!table_absent(c->data_dir, name))
            ctx_broken_input(c, err.msg);
        sb_free(&path);
        return NULL;
    }
    if (record_input(c, name, sb_cstr(&path)) != 0) {
        geojson_free(&g);
        sb_free(&path);
        return NULL;
    }
    sb_free(&path);
    gc->layers = xrealloc(gc->layers, (gc->n + 1) * sizeof *gc->layers);
    gc->layers[gc->n].name = xstrdup(name);
    gc->layers[gc->n].g = g;
    gc->n++;
    if (n)
        *n = g.n;
    return g.features;
}
