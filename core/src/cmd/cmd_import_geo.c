/* wrrfig import-geo: converts a third-party GeoJSON file into the project's
 * own geometry layer (data/<ns>/<name>.geojson, RD New, only code and name
 * kept, sorted by code, coordinates to 0.1 m) with a provenance sidecar,
 * and optionally the features' numeric attributes into a tidy table
 * (dimensions region, variable). Output is byte-identical on re-import. */
#include <cjson/cJSON.h>
#include <stddef.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/path.h"
#include "util/fileio.h"
#include "format/geojson.h"
#include "format/jsonfile.h"
#include "cmd/cmd.h"
#include "cmd/options.h"
#include "import/rdnew.h"
#include "util/sha256.h"
#include "util/strbuf.h"
#include "data/table.h"
#include "util/text.h"

typedef struct geo_opts {
    const char *src, *name, *data_dir, *code_key, *name_key, *from, *prefix;
    const char *source, *source_file, *licence, *title;
    const char *attrs, *table, *table_title, *table_source, *unit;
    wf_strlist notes, table_notes;
    bool allow_null;
} geo_opts;

static const wf_usage geo_usage = {
    "import-geo", "SRC.geojson",
    "Converts a GeoJSON file into the project's geometry layer <data>/NS/NAME.geojson (RD New, only the\n"
    "code and name kept, sorted by code, coordinates to 0.1 m) with a provenance sidecar; with --attrs,\n"
    "the features' numeric attributes into a tidy table too. --name, --source and --licence are required.\n",
    1, 1, NULL};

/* Parses into o; returns 0, or -1 with *rc the exit code. */
static int parse_opts(wf_app *a, int argc, char **argv, geo_opts *o, int *rc)
{
    memset(o, 0, sizeof *o);
    o->code_key = "statcode";
    o->name_key = "statnaam";
    static const char *const froms[] = {"rd", "wgs84", NULL};
    const wf_option opts[] = {
        WF_OPT_STRING(0, "name", &o->name, "NS/NAME", "the layer written: <data>/NS/NAME.geojson (required)"),
        WF_OPT_STRING(0, "source", &o->source, "TEXT", "where the file comes from, for the sidecar (required)"),
        WF_OPT_STRING(0, "licence", &o->licence, "TEXT", "its licence (required)"),
        WF_OPT_STRING(0, "title", &o->title, "TEXT", "the layer's title (default: NS/NAME)"),
        WF_OPT_STRING(0, "source-file", &o->source_file, "PATH", "the source path recorded (default SRC)"),
        WF_OPT_STRING(0, "code-key", &o->code_key, "KEY", "the property holding a feature's code (default statcode)"),
        WF_OPT_STRING(0, "name-key", &o->name_key, "KEY", "the property holding its name (default statnaam)"),
        WF_OPT_CHOICE(0, "from", &o->from, "rd|wgs84", froms,
                      "the source's coordinates when it names no crs (default: RD New if the file\n"
                      "says EPSG:28992, WGS84 if it has no crs member)"),
        WF_OPT_STRING(0, "prefix", &o->prefix, "CODE", "keep only features whose code starts with CODE"),
        WF_OPT_FLAG(0, "allow-null-geometry", &o->allow_null, "leave out features without geometry instead of failing"),
        WF_OPT_LIST(0, "note", &o->notes, "TEXT", "a note for the layer's sidecar (repeatable)"),
        WF_OPT_STRING(0, "attrs", &o->attrs, "A,B,...", "numeric properties to write as a table (needs --table)"),
        WF_OPT_STRING(0, "table", &o->table, "NS/NAME", "the attribute table written (with --attrs)"),
        WF_OPT_STRING(0, "table-title", &o->table_title, "TEXT", "its title"),
        WF_OPT_STRING(0, "table-source", &o->table_source, "TEXT", "its source line"),
        WF_OPT_LIST(0, "table-note", &o->table_notes, "TEXT", "a note for its sidecar (repeatable)"),
        WF_OPT_STRING(0, "unit", &o->unit, "TEXT", "the unit of its values"),
        WF_OPT_END,
    };
    char **pos;
    int n_pos;
    if (wf_cmd_parse(a, &geo_usage, opts, argc, argv, &pos, &n_pos, rc) != 0)
        return -1;
    o->src = pos[0];
    free(pos);
    o->data_dir = a->data_dir;
    const char *missing = !o->name ? "--name" : !o->source ? "--source" : !o->licence ? "--licence" : NULL;
    if (missing || !o->attrs != !o->table) {
        if (missing)
            fprintf(stderr, "wrrfig import-geo: %s is required\n", missing);
        else
            fprintf(stderr, "wrrfig import-geo: --attrs and --table go together\n");
        fputs("usage: wrrfig import-geo SRC.geojson --name NS/NAME --source TEXT --licence TEXT [options]\n"
              "(wrrfig import-geo --help lists the options)\n",
              stderr);
        free(o->notes.v);
        free(o->table_notes.v);
        *rc = EXIT_USAGE;
        return -1;
    }
    /* Both are written under the data directory and nowhere else. */
    const char *bad = !path_rel_safe(o->name) ? o->name : (o->table && !path_rel_safe(o->table)) ? o->table : NULL;
    if (bad) {
        fprintf(stderr, "wrrfig import-geo: '%s': expected NS/NAME inside the data directory (no '..', not absolute)\n",
                bad);
        free(o->notes.v);
        free(o->table_notes.v);
        *rc = EXIT_USAGE;
        return -1;
    }
    return 0;
}

/* RD New when the file says EPSG:28992, WGS84 when it has no crs member
 * (RFC 7946 default); anything else must be named with --from. */
static int source_is_wgs84(const geo_opts *o, const geojson *g)
{
    if (o->from)
        return strcmp(o->from, "wgs84") == 0;
    if (!g->crs)
        return 1;
    if (strstr(g->crs, "28992"))
        return 0;
    return -1;
}

static int keep(const geo_opts *o, const char *code)
{
    return !o->prefix || strncmp(code, o->prefix, strlen(o->prefix)) == 0;
}

/* *bad counts coordinates that are not finite numbers (a huge WGS84
 * coordinate converts to NaN): JSON has no NaN, so the import fails. */
static void write_ring(strbuf *b, const wrrfig_ring *r, int wgs84, size_t *bad)
{
    sb_putc(b, '[');
    for (size_t k = 0; k < r->n_points; k++) {
        double x = r->xy[2 * k], y = r->xy[2 * k + 1];
        if (wgs84)
            rdnew_from_wgs84(x, y, &x, &y);
        if (!isfinite(x) || !isfinite(y) || fabs(x) > 1e9 || fabs(y) > 1e9) {
            (*bad)++;
            x = y = 0;
        }
        sb_printf(b, "%s[%.1f,%.1f]", k ? "," : "", x, y);
    }
    sb_putc(b, ']');
}

/* Rings come flat from the reader; each outer ring starts a polygon and the
 * holes after it belong to it. */
static void write_geometry(strbuf *b, const wrrfig_feature *f, int wgs84, size_t *bad)
{
    size_t outers = 0;
    for (size_t r = 0; r < f->n_rings; r++)
        outers += !f->rings[r].is_hole;
    int multi = outers > 1;
    sb_puts(b, multi ? "{\"type\":\"MultiPolygon\",\"coordinates\":[" : "{\"type\":\"Polygon\",\"coordinates\":");
    for (size_t r = 0; r < f->n_rings; r++) {
        int outer = !f->rings[r].is_hole;
        if (outer) {
            if (r > 0)
                sb_puts(b, multi ? "]," : "],");
            sb_putc(b, '[');
        } else {
            sb_putc(b, ',');
        }
        write_ring(b, &f->rings[r], wgs84, bad);
    }
    sb_puts(b, multi ? "]]}" : "]}");
}

static cJSON *base_meta(const geo_opts *o, const char *title, const char *sha, int argc, char **argv)
{
    cJSON *m = cJSON_CreateObject();
    cJSON_AddStringToObject(m, "title", title);
    cJSON_AddStringToObject(m, "source", o->source);
    cJSON_AddStringToObject(m, "source_file", o->source_file ? o->source_file : o->src);
    cJSON_AddStringToObject(m, "source_sha256", sha);
    cJSON_AddStringToObject(m, "licence", o->licence);
    /* The command line without the machine-specific source path. */
    strbuf cmd = STRBUF_INIT;
    sb_puts(&cmd, "wrrfig import-geo");
    for (int i = 0; i < argc; i++) {
        int skip = wf_global_option_words(argc, argv, i);
        if (skip) { /* --data and the like are the caller's machine, not the import */
            i += skip - 1;
            continue;
        }
        sb_putc(&cmd, ' ');
        int quote = strpbrk(argv[i], " '\"") != NULL;
        if (argv[i] == o->src)
            sb_puts(&cmd, o->source_file ? o->source_file : o->src);
        else if (quote) {
            sb_putc(&cmd, '"');
            sb_puts(&cmd, argv[i]);
            sb_putc(&cmd, '"');
        } else
            sb_puts(&cmd, argv[i]);
    }
    cJSON_AddStringToObject(m, "importer", sb_cstr(&cmd));
    sb_free(&cmd);
    return m;
}

static int write_json(const char *path, cJSON *j)
{
    char *text = cJSON_Print(j);
    strbuf b = STRBUF_INIT;
    sb_puts(&b, text);
    sb_putc(&b, '\n');
    free(text);
    wf_error err;
    int rc = atomic_write(path, b.s, b.len, &err);
    if (rc != 0)
        text_print_safe(stderr, "wrrfig import-geo: ", err.msg); /* may quote the GeoJSON */
    sb_free(&b);
    return rc;
}

static int write_layer(const geo_opts *o, const geojson *g, int wgs84, const char *sha, int argc,
                       char **argv)
{
    strbuf b = STRBUF_INIT;
    sb_puts(&b, "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":"
                "{\"name\":\"urn:ogc:def:crs:EPSG::28992\"}},\"features\":[\n");
    size_t kept = 0, empty = 0, bad = 0;
    for (size_t i = 0; i < g->n; i++) {
        const wrrfig_feature *f = &g->features[i];
        if (!keep(o, f->code))
            continue;
        if (f->n_rings == 0) {
            empty++;
            continue;
        }
        sb_puts(&b, kept ? ",\n" : "");
        sb_puts(&b, "{\"type\":\"Feature\",\"properties\":{\"statcode\":");
        sb_json_str(&b, f->code);
        sb_puts(&b, ",\"statnaam\":");
        sb_json_str(&b, f->name);
        sb_puts(&b, "},\"geometry\":");
        write_geometry(&b, f, wgs84, &bad);
        sb_putc(&b, '}');
        kept++;
    }
    sb_puts(&b, "\n]}\n");

    wf_error err;
    strbuf path = STRBUF_INIT, dir = STRBUF_INIT, rel = STRBUF_INIT;
    sb_printf(&path, "%s/%s.geojson", o->data_dir, o->name);
    sb_printf(&rel, "%s.geojson", o->name);
    sb_puts(&dir, sb_cstr(&path));
    *strrchr(dir.s, '/') = '\0';
    int rc = -1;
    if (bad)
        wf_errorf(&err, "%s: %zu coordinates are not finite after conversion to RD New (out of range?)", o->src,
                  bad);
    else if (make_dirs(sb_cstr(&dir), &err) == 0 && path_inside(o->data_dir, rel.s, &err) == 0)
        rc = atomic_write(sb_cstr(&path), b.s, b.len, &err);
    sb_free(&rel);
    if (rc != 0)
        text_print_safe(stderr, "wrrfig import-geo: ", err.msg); /* may quote the GeoJSON */
    sb_free(&b);

    if (rc == 0) {
        cJSON *m = base_meta(o, o->title ? o->title : o->name, sha, argc, argv);
        cJSON_AddStringToObject(m, "crs", "EPSG:28992 (Amersfoort / RD New, metres)");
        cJSON_AddStringToObject(
            m, "transformation",
            wgs84 ? "WGS84 lon/lat to RD New with the Schreutelkamp & Strang van Hees (2001) approximation "
                    "polynomials (core/src/rdnew.c); checked against the CBS/PDOK 2015 and 2016 boundaries "
                    "published in both systems: matching vertices agree within 0.3 m"
                  : "none (the source is in RD New)");
        cJSON *notes = cJSON_AddArrayToObject(m, "notes");
        char line[256];
        snprintf(line, sizeof line, "%zu features kept%s%s; properties other than the code and name dropped; "
                 "coordinates rounded to 0.1 m", kept, o->prefix ? " with codes starting " : "",
                 o->prefix ? o->prefix : "");
        cJSON_AddItemToArray(notes, cJSON_CreateString(line));
        if (empty) {
            snprintf(line, sizeof line, "%zu features without geometry (null in the source) left out", empty);
            cJSON_AddItemToArray(notes, cJSON_CreateString(line));
        }
        for (size_t i = 0; i < o->notes.n; i++)
            cJSON_AddItemToArray(notes, cJSON_CreateString(o->notes.v[i]));
        sb_free(&path);
        sb_printf(&path, "%s/%s.meta.json", o->data_dir, o->name);
        rc = write_json(sb_cstr(&path), m);
        cJSON_Delete(m);
        if (rc == 0)
            printf("%s/%s.geojson: %zu features\n", o->data_dir, o->name, kept);
    }
    sb_free(&path);
    sb_free(&dir);
    return rc;
}

/* A feature's code and name, in source order, for the region labels. */
typedef struct code_label {
    char *code;
    const char *name; /* points into the source JSON */
    size_t order;
} code_label;

static int cmp_code_label(const void *a, const void *b)
{
    const code_label *x = a, *y = b;
    int c = strcmp(x->code, y->code);
    return c ? c : (x->order > y->order) - (x->order < y->order);
}

/* Adds labels.region.<code> = name in source order, the first name of a
 * code winning. Duplicates are found by sorting a copy (a lookup in the
 * growing JSON object per feature was quadratic over the layer). */
static void add_region_labels(cJSON *region_labels, code_label *cl, size_t n)
{
    code_label *s = xmalloc((n ? n : 1) * sizeof *s);
    memcpy(s, cl, n * sizeof *s);
    qsort(s, n, sizeof *s, cmp_code_label);
    unsigned char *first = xcalloc(n ? n : 1, 1);
    for (size_t i = 0; i < n; i++)
        if (i == 0 || strcmp(s[i].code, s[i - 1].code) != 0)
            first[s[i].order] = 1;
    for (size_t i = 0; i < n; i++)
        if (first[i])
            cJSON_AddStringToObject(region_labels, cl[i].code, cl[i].name);
    free(first);
    free(s);
}

/* The attribute table: one row per kept feature and attribute, the value as
 * the source gives it (a JSON number), '.' for null or absent. */
static int write_attrs(const geo_opts *o, const cJSON *root, const char *sha, int argc, char **argv)
{
    static const char *dims[] = {"region", "variable"};
    wf_table *t = table_new(o->table, dims, 2, 1);
    cJSON *labels = cJSON_CreateObject();
    cJSON *region_labels = cJSON_AddObjectToObject(labels, "region");
    size_t missing = 0, fi = 0, n_cl = 0;
    code_label *cl = xmalloc(((size_t)cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(root, "features")) + 1) *
                             sizeof *cl);
    int rc = 0;
    const cJSON *ft;
    cJSON_ArrayForEach(ft, cJSON_GetObjectItemCaseSensitive(root, "features"))
    {
        const cJSON *props = cJSON_GetObjectItemCaseSensitive(ft, "properties");
        const char *code_raw = json_str(props, o->code_key), *name = json_str(props, o->name_key);
        fi++;
        if (!code_raw || !name)
            continue; /* the geometry reader already refused such files */
        char *code = xstrdup(code_raw);
        for (size_t n = strlen(code); n && code[n - 1] == ' '; n--)
            code[n - 1] = '\0';
        if (!keep(o, code)) {
            free(code);
            continue;
        }
        cl[n_cl] = (code_label){xstrdup(code), name, n_cl};
        n_cl++;
        char *list = xstrdup(o->attrs);
        for (char *a = list, *next; a; a = next) {
            next = strchr(a, ',');
            if (next)
                *next++ = '\0';
            const cJSON *v = cJSON_GetObjectItemCaseSensitive(props, a);
            const char *keys[] = {code, a};
            if (cJSON_IsNumber(v)) {
                table_add_row(t, keys, WRRFIG_VALUE, v->valuedouble);
            } else if (!v || cJSON_IsNull(v)) {
                table_add_row(t, keys, WRRFIG_MISSING, 0);
                missing++;
            } else {
                fprintf(stderr, "wrrfig import-geo: %s: features[%zu].properties.%s: expected a number or null\n",
                        o->src, fi - 1, a);
                rc = -1;
            }
        }
        free(list);
        free(code);
    }
    add_region_labels(region_labels, cl, n_cl);
    for (size_t i = 0; i < n_cl; i++)
        free(cl[i].code);
    free(cl);
    if (rc == 0) {
        table_sort(t);
        cJSON *m = base_meta(o, o->table_title ? o->table_title : o->table, sha, argc, argv);
        if (o->table_source)
            cJSON_ReplaceItemInObjectCaseSensitive(m, "source", cJSON_CreateString(o->table_source));
        if (o->unit)
            cJSON_AddStringToObject(m, "unit", o->unit);
        cJSON *notes = cJSON_AddArrayToObject(m, "notes");
        char line[256];
        snprintf(line, sizeof line, "attributes %s of each feature's properties, as the source gives them", o->attrs);
        cJSON_AddItemToArray(notes, cJSON_CreateString(line));
        if (missing) {
            snprintf(line, sizeof line, "%zu cells null or absent in the source, written as '.'", missing);
            cJSON_AddItemToArray(notes, cJSON_CreateString(line));
        }
        for (size_t i = 0; i < o->table_notes.n; i++)
            cJSON_AddItemToArray(notes, cJSON_CreateString(o->table_notes.v[i]));
        cJSON_AddItemToObject(m, "labels", labels);
        labels = NULL;
        table_set_meta(t, m);
        wf_error err;
        rc = table_save(t, o->data_dir, &err);
        if (rc != 0)
            text_print_safe(stderr, "wrrfig import-geo: ", err.msg); /* may quote the GeoJSON */
        else
            printf("%s/%s.csv: %zu rows\n", o->data_dir, o->table, t->n_rows);
    }
    cJSON_Delete(labels);
    table_free(t);
    return rc;
}

static int import_geo(const geo_opts *po, int argc, char **argv);

int cmd_import_geo(wf_app *a, int argc, char **argv)
{
    geo_opts o;
    int rc;
    if (parse_opts(a, argc, argv, &o, &rc) != 0)
        return rc;
    rc = import_geo(&o, argc, argv);
    free(o.notes.v);
    free(o.table_notes.v);
    return rc;
}

static int import_geo(const geo_opts *po, int argc, char **argv)
{
    geo_opts o = *po;
    int rc;
    char sha[65];
    if (sha256_file_hex(o.src, sha) != 0) {
        fprintf(stderr, "wrrfig import-geo: %s: cannot read\n", o.src);
        return 1;
    }
    cJSON *root = NULL;
    wf_error err;
    if (json_read_file(o.src, &root, &err) != 0) {
        text_print_safe(stderr, "wrrfig import-geo: ", err.msg); /* may quote the GeoJSON */
        return 1;
    }
    geojson g;
    geojson_opts go = {o.code_key, o.name_key, o.allow_null};
    if (geojson_from_cjson(root, o.src, &go, &g, &err) != 0) {
        text_print_safe(stderr, "wrrfig import-geo: ", err.msg); /* may quote the GeoJSON */
        cJSON_Delete(root);
        return 1;
    }
    int wgs84 = source_is_wgs84(&o, &g);
    if (wgs84 < 0) {
        fprintf(stderr, "wrrfig import-geo: %s: crs '%s' is neither RD New nor WGS84; say which with --from\n",
                o.src, g.crs);
        rc = 1;
    } else {
        rc = write_layer(&o, &g, wgs84, sha, argc, argv) == 0 ? 0 : 1;
        if (rc == 0 && o.attrs)
            rc = write_attrs(&o, root, sha, argc, argv) == 0 ? 0 : 1;
    }
    geojson_free(&g);
    cJSON_Delete(root);
    return rc;
}
