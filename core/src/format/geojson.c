#include "util/text.h"
#include "format/geojson.h"
#include "format/jsonfile.h"
#include "util/fileio.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A feature under construction; `index` is its position in the file, kept so
 * errors found after sorting can still point at it. */
typedef struct pending {
    wrrfig_feature f;
    size_t index;
} pending;

typedef struct reader {
    const char *source;
    wf_error *err;
} reader;

static int fail(const reader *r, const char *fmt, ...) WRRFIG_PRINTF(2, 3);
static int fail(const reader *r, const char *fmt, ...)
{
    if (r->err) {
        va_list ap;
        va_start(ap, fmt);
        wf_error_vin(r->err, r->source ? r->source : "geojson", fmt, ap);
        va_end(ap);
    }
    return -1;
}

static char *dup_trimmed(const char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    char *d = malloc(n + 1);
    if (d) {
        memcpy(d, s, n);
        d[n] = '\0';
    }
    return d;
}

static void free_feature(wrrfig_feature *f)
{
    for (size_t i = 0; i < f->n_rings; i++)
        free((void *)f->rings[i].xy);
    free((void *)f->rings);
    free((void *)f->code);
    free((void *)f->name);
    memset(f, 0, sizeof *f);
}

/* Appends one ring (a JSON array of positions) to f. `path` is the JSON path
 * of the ring, for messages. */
static int read_ring(const reader *r, const cJSON *ring, int is_hole, const char *path,
                     wrrfig_feature *f, size_t *cap)
{
    if (!cJSON_IsArray(ring))
        return fail(r, "%s: expected an array of [x, y] positions", path);
    int n = cJSON_GetArraySize(ring);
    if (n < 4)
        return fail(r, "%s: expected a closed ring of at least 4 positions, got %d", path, n);
    double *xy = malloc(sizeof(double) * 2 * (size_t)n);
    if (!xy)
        return fail(r, "%s: out of memory", path);
    int k = 0;
    for (const cJSON *pt = ring->child; pt; pt = pt->next, k++) {
        const cJSON *x = cJSON_IsArray(pt) ? pt->child : NULL;
        const cJSON *y = x ? x->next : NULL;
        if (!cJSON_IsNumber(x) || !cJSON_IsNumber(y) || !isfinite(x->valuedouble) ||
            !isfinite(y->valuedouble)) {
            free(xy);
            return fail(r, "%s[%d]: expected [x, y] numbers", path, k);
        }
        xy[2 * k] = x->valuedouble;
        xy[2 * k + 1] = y->valuedouble;
    }
    if (xy[0] != xy[2 * (n - 1)] || xy[1] != xy[2 * (n - 1) + 1]) {
        free(xy);
        return fail(r, "%s: ring is not closed (first position differs from last)", path);
    }
    if (f->n_rings == *cap) {
        size_t nc = *cap ? *cap * 2 : 4;
        wrrfig_ring *nr = realloc((void *)f->rings, nc * sizeof *nr);
        if (!nr) {
            free(xy);
            return fail(r, "%s: out of memory", path);
        }
        f->rings = nr;
        *cap = nc;
    }
    wrrfig_ring *dst = (wrrfig_ring *)&f->rings[f->n_rings++];
    dst->xy = xy;
    dst->n_points = (size_t)n;
    dst->is_hole = is_hole;
    return 0;
}

/* A Polygon's coordinates: outer ring first, then holes. */
static int read_polygon(const reader *r, const cJSON *poly, const char *path, wrrfig_feature *f,
                        size_t *cap)
{
    if (!cJSON_IsArray(poly) || cJSON_GetArraySize(poly) < 1)
        return fail(r, "%s: expected a non-empty array of rings", path);
    char rp[160];
    int i = 0;
    for (const cJSON *ring = poly->child; ring; ring = ring->next, i++) {
        snprintf(rp, sizeof rp, "%s[%d]", path, i);
        if (read_ring(r, ring, i > 0, rp, f, cap) != 0)
            return -1;
    }
    return 0;
}

static int read_geometry(const reader *r, const cJSON *geom, size_t fi, const geojson_opts *o,
                         wrrfig_feature *f)
{
    char path[128];
    if (!geom || cJSON_IsNull(geom)) {
        if (o->allow_null_geometry)
            return 0;
        return fail(r, "features[%zu].geometry: expected a Polygon or MultiPolygon, got null", fi);
    }
    if (!cJSON_IsObject(geom))
        return fail(r, "features[%zu].geometry: expected an object", fi);
    const cJSON *type = cJSON_GetObjectItemCaseSensitive(geom, "type");
    const cJSON *coords = cJSON_GetObjectItemCaseSensitive(geom, "coordinates");
    if (!cJSON_IsString(type))
        return fail(r, "features[%zu].geometry.type: expected a string", fi);
    if (!coords)
        return fail(r, "features[%zu].geometry.coordinates: missing", fi);
    size_t cap = 0;
    snprintf(path, sizeof path, "features[%zu].geometry.coordinates", fi);
    if (strcmp(type->valuestring, "Polygon") == 0)
        return read_polygon(r, coords, path, f, &cap);
    if (strcmp(type->valuestring, "MultiPolygon") == 0) {
        if (!cJSON_IsArray(coords) || cJSON_GetArraySize(coords) < 1)
            return fail(r, "%s: expected a non-empty array of polygons", path);
        char pp[144];
        int i = 0;
        for (const cJSON *poly = coords->child; poly; poly = poly->next, i++) {
            snprintf(pp, sizeof pp, "%s[%d]", path, i);
            if (read_polygon(r, poly, pp, f, &cap) != 0)
                return -1;
        }
        return 0;
    }
    return fail(r, "features[%zu].geometry.type: expected \"Polygon\" or \"MultiPolygon\", got \"%.40s\"",
                fi, type->valuestring);
}

static int read_property(const reader *r, const cJSON *props, size_t fi, const char *key,
                         char **out)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(props, key);
    if (!v)
        return fail(r, "features[%zu].properties.%s: missing", fi, key);
    if (!cJSON_IsString(v))
        return fail(r, "features[%zu].properties.%s: expected a string", fi, key);
    *out = dup_trimmed(v->valuestring);
    if (!*out)
        return fail(r, "features[%zu].properties.%s: out of memory", fi, key);
    return 0;
}

static int by_code(const void *a, const void *b)
{
    const pending *pa = a, *pb = b;
    int c = strcmp(pa->f.code, pb->f.code);
    if (c)
        return c;
    return pa->index < pb->index ? -1 : pa->index > pb->index;
}

static char *read_crs(const cJSON *root)
{
    const cJSON *crs = cJSON_GetObjectItemCaseSensitive(root, "crs");
    const cJSON *props = crs ? cJSON_GetObjectItemCaseSensitive(crs, "properties") : NULL;
    const cJSON *name = props ? cJSON_GetObjectItemCaseSensitive(props, "name") : NULL;
    return cJSON_IsString(name) ? dup_trimmed(name->valuestring) : NULL;
}

int geojson_from_cjson(const cJSON *root, const char *source, const geojson_opts *opts,
                       geojson *out, wf_error *err)
{
    static const geojson_opts defaults = {"statcode", "statnaam", 0};
    const geojson_opts *o = opts ? opts : &defaults;
    const char *code_key = o->code_key ? o->code_key : "statcode";
    const char *name_key = o->name_key ? o->name_key : "statnaam";
    reader r = {source, err};
    memset(out, 0, sizeof *out);

    if (!cJSON_IsObject(root))
        return fail(&r, "(root): expected a FeatureCollection object");
    const cJSON *type = cJSON_GetObjectItemCaseSensitive(root, "type");
    if (!cJSON_IsString(type) || strcmp(type->valuestring, "FeatureCollection") != 0)
        return fail(&r, "type: expected \"FeatureCollection\"");
    const cJSON *feats = cJSON_GetObjectItemCaseSensitive(root, "features");
    if (!cJSON_IsArray(feats))
        return fail(&r, "features: expected an array");

    size_t n = (size_t)cJSON_GetArraySize(feats);
    pending *p = calloc(n ? n : 1, sizeof *p);
    if (!p)
        return fail(&r, "features: out of memory");
    size_t i = 0;
    int rc = 0;
    for (const cJSON *ft = feats->child; ft; ft = ft->next, i++) {
        p[i].index = i;
        if (!cJSON_IsObject(ft)) {
            rc = fail(&r, "features[%zu]: expected a Feature object", i);
            break;
        }
        const cJSON *props = cJSON_GetObjectItemCaseSensitive(ft, "properties");
        if (!cJSON_IsObject(props)) {
            rc = fail(&r, "features[%zu].properties: expected an object", i);
            break;
        }
        char *code = NULL, *name = NULL;
        if (read_property(&r, props, i, code_key, &code) != 0 ||
            read_property(&r, props, i, name_key, &name) != 0) {
            free(code);
            free(name);
            rc = -1;
            break;
        }
        p[i].f.code = code;
        p[i].f.name = name;
        if (read_geometry(&r, cJSON_GetObjectItemCaseSensitive(ft, "geometry"), i, o, &p[i].f) != 0) {
            rc = -1;
            break;
        }
    }
    if (rc == 0 && n > 1) {
        qsort(p, n, sizeof *p, by_code);
        for (size_t k = 1; k < n; k++)
            if (strcmp(p[k - 1].f.code, p[k].f.code) == 0) {
                rc = fail(&r, "features[%zu].properties.%s: code \"%.20s\" repeats features[%zu]",
                          p[k].index, code_key, p[k].f.code, p[k - 1].index);
                break;
            }
    }
    if (rc != 0) {
        for (size_t k = 0; k < n; k++)
            free_feature(&p[k].f);
        free(p);
        return -1;
    }
    wrrfig_feature *fs = malloc((n ? n : 1) * sizeof *fs);
    if (!fs) {
        for (size_t k = 0; k < n; k++)
            free_feature(&p[k].f);
        free(p);
        return fail(&r, "features: out of memory");
    }
    for (size_t k = 0; k < n; k++)
        fs[k] = p[k].f;
    free(p);
    out->features = fs;
    out->n = n;
    out->crs = read_crs(root);
    return 0;
}

/* Line and column (1-based) of byte offset `at` in text, for syntax errors. */
static void line_col(const char *text, size_t at, size_t *line, size_t *col)
{
    *line = 1;
    *col = 1;
    for (size_t i = 0; i < at; i++) {
        if (text[i] == '\n') {
            (*line)++;
            *col = 1;
        } else {
            (*col)++;
        }
    }
}

int geojson_parse(const char *text, size_t len, const char *source, const geojson_opts *opts,
                  geojson *out, wf_error *err)
{
    reader r = {source, err};
    memset(out, 0, sizeof *out);
    const char *end = NULL;
    /* Names become labels: the same text rule as every project file. */
    if (text_check(source, text, len, err) != 0)
        return -1;
    cJSON *root = cJSON_ParseWithLengthOpts(text, len, &end, 0);
    if (!root) {
        size_t line, col;
        size_t at = end && end >= text && (size_t)(end - text) <= len ? (size_t)(end - text) : 0;
        line_col(text, at, &line, &col);
        return fail(&r, "%zu:%zu: invalid JSON (expected a value, ',' or a closing bracket)", line, col);
    }
    /* As for every JSON file: "\u001b" in a name would reach labels and
     * SVGs, and of a key given twice cJSON keeps the first. */
    if (json_check_values(root, source, err) != 0) {
        cJSON_Delete(root);
        return -1;
    }
    int rc = geojson_from_cjson(root, source, opts, out, err);
    cJSON_Delete(root);
    return rc;
}

int geojson_read_file(const char *path, const geojson_opts *opts, geojson *out, wf_error *err)
{
    reader r = {path, err};
    memset(out, 0, sizeof *out);
    const char *why;
    FILE *fp = fopen_regular(path, &why);
    if (!fp)
        return fail(&r, "cannot open: %s", why);
    char *buf = NULL;
    size_t len = 0, cap = 0;
    for (;;) {
        if (cap - len < 65536) {
            size_t nc = cap ? cap * 2 : 262144;
            char *nb = realloc(buf, nc);
            if (!nb) {
                free(buf);
                fclose(fp);
                return fail(&r, "out of memory");
            }
            buf = nb;
            cap = nc;
        }
        size_t got = fread(buf + len, 1, cap - len, fp);
        len += got;
        if (got == 0)
            break;
    }
    int bad = ferror(fp);
    fclose(fp);
    if (bad) {
        free(buf);
        return fail(&r, "read error");
    }
    int rc = geojson_parse(buf, len, path, opts, out, err);
    free(buf);
    return rc;
}

const wrrfig_feature *geojson_find(const geojson *g, const char *code)
{
    size_t lo = 0, hi = g->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(g->features[mid].code, code);
        if (c == 0)
            return &g->features[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

void geojson_free(geojson *g)
{
    if (!g)
        return;
    for (size_t i = 0; i < g->n; i++)
        free_feature(&g->features[i]);
    free(g->features);
    free(g->crs);
    memset(g, 0, sizeof *g);
}
