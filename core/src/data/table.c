#define _GNU_SOURCE /* qsort_r; also gives the POSIX 2008 functions */
#include "data/table.h"
#include "util/strset.h"

#include <stdbool.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "format/csv.h"
#include "util/fileio.h"
#include "format/jsonfile.h"
#include "util/path.h"
#include "util/sha256.h"
#include "util/strbuf.h"
#include "util/text.h"

static char *data_path(const char *data_dir, const char *name, const char *ext)
{
    strbuf b = STRBUF_INIT;
    sb_printf(&b, "%s/%s%s", data_dir, name, ext);
    return sb_take(&b);
}

char *table_csv_path(const char *data_dir, const char *name) { return data_path(data_dir, name, ".csv"); }
char *table_meta_path(const char *data_dir, const char *name)
{
    return data_path(data_dir, name, ".meta.json");
}

bool table_exists(const char *data_dir, const char *name)
{
    static const char *exts[] = {".csv", ".geojson"};
    for (size_t i = 0; i < 2; i++) {
        char *p = data_path(data_dir, name, exts[i]);
        int ok = file_exists(p);
        free(p);
        if (ok)
            return true;
    }
    return false;
}

int table_absent(const char *data_dir, const char *name)
{
    static const char *exts[] = {".csv", ".geojson"};
    for (size_t i = 0; i < 2; i++) {
        char *p = data_path(data_dir, name, exts[i]);
        struct stat st;
        int gone = lstat(p, &st) != 0 && errno == ENOENT;
        free(p);
        if (!gone)
            return 0;
    }
    return 1;
}

int parse_value_cell(const char *s, wrrfig_value_kind *kind, double *v)
{
    if (s[0] == '\0') {
        *kind = WRRFIG_EMPTY;
        return 0;
    }
    if (strcmp(s, ".") == 0) {
        *kind = WRRFIG_MISSING;
        return 0;
    }
    if (strcmp(s, "x") == 0) {
        *kind = WRRFIG_SECRET;
        return 0;
    }
    if (strcmp(s, "-") == 0) {
        *kind = WRRFIG_NIL;
        return 0;
    }
    /* strtod would accept "inf", "nan", hex and leading spaces: data files
     * hold plain decimals only, so check the characters first. */
    const char *p = s;
    if (*p == '-' || *p == '+')
        p++;
    int digits = 0;
    for (; *p; p++) {
        if ((*p >= '0' && *p <= '9'))
            digits++;
        else if (*p != '.' && *p != 'e' && *p != 'E' && *p != '-' && *p != '+')
            return -1;
    }
    if (!digits)
        return -1;
    char *end;
    errno = 0;
    double d = strtod(s, &end);
    if (*end != '\0' || errno == ERANGE || !isfinite(d))
        return -1;
    *kind = WRRFIG_VALUE;
    *v = d;
    return 0;
}

wf_table *table_new(const char *name, const char *const *dims, size_t n_dims, int has_value)
{
    wf_table *t = xcalloc(1, sizeof *t);
    t->name = xstrdup(name);
    t->n_dims = n_dims;
    t->dims = xcalloc(n_dims ? n_dims : 1, sizeof *t->dims);
    for (size_t i = 0; i < n_dims; i++)
        t->dims[i] = xstrdup(dims[i]);
    t->has_value = has_value;
    return t;
}

void table_adopt_pool(wf_table *t, struct strset *pool)
{
    if (t->n_rows || t->pool)
        return; /* only an empty table can switch to pooled keys */
    t->pool = xcalloc(1, sizeof *t->pool);
    *t->pool = *pool;
    memset(pool, 0, sizeof *pool);
}

void table_add_row(wf_table *t, const char *const *keys, wrrfig_value_kind kind, double value)
{
    if (t->n_rows == t->cap_rows) {
        t->cap_rows = t->cap_rows ? t->cap_rows * 2 : 64;
        t->keys = xrealloc(t->keys, t->cap_rows * (t->n_dims ? t->n_dims : 1) * sizeof *t->keys);
        t->values = xrealloc(t->values, t->cap_rows * sizeof *t->values);
        t->kinds = xrealloc(t->kinds, t->cap_rows * sizeof *t->kinds);
    }
    for (size_t d = 0; d < t->n_dims; d++)
        t->keys[t->n_rows * t->n_dims + d] = t->pool ? (char *)strset_intern(t->pool, keys[d]) : xstrdup(keys[d]);
    t->values[t->n_rows] = kind == WRRFIG_VALUE ? value : NAN;
    t->kinds[t->n_rows] = (unsigned char)(t->has_value ? kind : WRRFIG_NO_CELL);
    t->n_rows++;
}

struct wf_label_ix {
    const char *dim, *code, *label; /* label NULL when the entry is not a string */
    size_t order;                   /* position in the sidecar: the first of equal keys wins */
};

static int cmp_label_ix(const void *a, const void *b)
{
    const struct wf_label_ix *x = a, *y = b;
    int c = strcmp(x->dim, y->dim);
    if (!c)
        c = strcmp(x->code, y->code);
    return c ? c : (x->order > y->order) - (x->order < y->order);
}

/* Indexes meta.labels.<dim>.<code>. A dimension named twice keeps its first
 * object, as a cJSON lookup by name would. */
static void index_labels(wf_table *t)
{
    free(t->labels);
    t->labels = NULL;
    t->n_labels = 0;
    const cJSON *labels = t->meta ? cJSON_GetObjectItemCaseSensitive(t->meta, "labels") : NULL;
    if (!cJSON_IsObject(labels))
        return;
    size_t n = 0;
    const cJSON *dl, *it;
    cJSON_ArrayForEach(dl, labels) cJSON_ArrayForEach(it, dl) n += it->string != NULL;
    if (n == 0)
        return;
    t->labels = xmalloc(n * sizeof *t->labels);
    cJSON_ArrayForEach(dl, labels)
    {
        if (!dl->string || cJSON_GetObjectItemCaseSensitive(labels, dl->string) != dl || !cJSON_IsObject(dl))
            continue;
        cJSON_ArrayForEach(it, dl)
        {
            if (!it->string)
                continue;
            t->labels[t->n_labels] = (struct wf_label_ix){dl->string, it->string, cJSON_GetStringValue(it), t->n_labels};
            t->n_labels++;
        }
    }
    qsort(t->labels, t->n_labels, sizeof *t->labels, cmp_label_ix);
}

static const char *find_label(const wf_table *t, const char *dim, const char *code)
{
    size_t lo = 0, hi = t->n_labels;
    while (lo < hi) { /* the first entry not below (dim, code) */
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(t->labels[mid].dim, dim);
        if (!c)
            c = strcmp(t->labels[mid].code, code);
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < t->n_labels && !strcmp(t->labels[lo].dim, dim) && !strcmp(t->labels[lo].code, code))
        return t->labels[lo].label;
    return NULL;
}

void table_set_meta(wf_table *t, cJSON *meta)
{
    cJSON_Delete(t->meta);
    t->meta = meta;
    index_labels(t);
}

void table_free(wf_table *t)
{
    if (!t)
        return;
    if (t->pool) {
        strset_free(t->pool);
        free(t->pool);
    } else {
        for (size_t i = 0; i < t->n_rows * t->n_dims; i++)
            free(t->keys[i]);
    }
    for (size_t i = 0; i < t->n_dims; i++)
        free(t->dims[i]);
    free(t->keys);
    free(t->dims);
    free(t->values);
    free(t->kinds);
    free(t->name);
    free(t->path);
    free(t->labels);
    cJSON_Delete(t->meta);
    free(t);
}

/* A row's codes and line, for finding rows that repeat their codes (each
 * element carries the width, so qsort needs no context). */
typedef struct row_ref {
    char *const *keys;
    size_t n_dims, line;
} row_ref;

static int cmp_row_ref(const void *pa, const void *pb)
{
    const row_ref *a = pa, *b = pb;
    for (size_t d = 0; d < a->n_dims; d++) {
        int c = strcmp(a->keys[d], b->keys[d]);
        if (c)
            return c;
    }
    return a->line < b->line ? -1 : a->line > b->line;
}

/* Two rows with the same codes would make a lookup take whichever comes
 * last: an error naming both lines. */
static int check_unique_rows(const wf_table *t, const size_t *lines, const char *csvp, wf_error *err)
{
    if (t->n_rows < 2)
        return 0;
    row_ref *refs = xmalloc(t->n_rows * sizeof *refs);
    for (size_t r = 0; r < t->n_rows; r++)
        refs[r] = (row_ref){t->keys + r * t->n_dims, t->n_dims, lines[r]};
    qsort(refs, t->n_rows, sizeof *refs, cmp_row_ref);
    int rc = 0;
    for (size_t r = 1; r < t->n_rows && rc == 0; r++) {
        row_ref x = refs[r - 1];
        x.line = refs[r].line;
        if (cmp_row_ref(&x, &refs[r]) == 0)
            rc = wf_error_at(err, csvp, refs[r].line, 1, "duplicate row: the same codes as line %zu", refs[r - 1].line);
    }
    free(refs);
    return rc;
}

/* The rows of a tidy CSV, read one at a time (display names it in
 * messages). Codes are pooled: a table of millions of rows with few
 * distinct codes stores each once. */
static bool row_after(const wf_table *t, size_t r)
{
    for (size_t d = 0; d < t->n_dims; d++) {
        int c = strcmp(t->keys[(r - 1) * t->n_dims + d], t->keys[r * t->n_dims + d]);
        if (c)
            return c < 0;
    }
    return false;
}

static int table_from_reader(const char *name, csv_reader *rd, const char *display, wf_table **out, bool *sorted,
                             wf_error *err)
{
    *sorted = true;
    *out = NULL;
    const csv_row *hdr;
    int st = csv_reader_next(rd, &hdr, err);
    if (st < 0)
        return -1;
    if (st == 0)
        return wf_error_at(err, display, 1, 1, "empty file: expected a header row");
    int has_value = strcmp(hdr->f[hdr->n - 1], "value") == 0;
    size_t n_dims = has_value ? hdr->n - 1 : hdr->n;
    for (size_t i = 0; i < hdr->n; i++) {
        if (hdr->f[i][0] == '\0')
            return wf_error_at(err, display, 1, hdr->col[i], "empty column name");
        if (strstr(hdr->f[i], "\xEF\xBB\xBF"))
            /* A second BOM, or one inside a name: table_save would write a
             * file whose first name loses it (the reader strips one BOM). */
            return wf_error_at(err, display, 1, hdr->col[i], "byte order mark (U+FEFF) in a column name");
        for (size_t j = 0; j < i; j++)
            if (strcmp(hdr->f[i], hdr->f[j]) == 0)
                return wf_error_at(err, display, 1, hdr->col[i], "duplicate column name '%s'", hdr->f[i]);
    }
    wf_table *t = table_new(name, (const char *const *)hdr->f, n_dims, has_value);
    strset pool = STRSET_INIT;
    table_adopt_pool(t, &pool);
    const csv_row *row;
    while ((st = csv_reader_next(rd, &row, err)) == 1) {
        wrrfig_value_kind kind = WRRFIG_NO_CELL;
        double v = NAN;
        if (has_value && parse_value_cell(row->f[n_dims], &kind, &v) != 0) {
            st = wf_error_at(err, display, row->line, row->col[n_dims],
                             "expected a number or one of . x - (or empty) in column 'value', got '%s'",
                             row->f[n_dims]);
            break;
        }
        /* Codes are trimmed (docs/data-formats.md): "x " next to "x" would be
         * a second code for the same cell, and no lookup finds it. */
        for (size_t d = 0; d < n_dims && st == 1; d++) {
            const char *c = row->f[d];
            size_t len = strlen(c);
            if (len && (c[0] == ' ' || c[0] == '\t' || c[len - 1] == ' ' || c[len - 1] == '\t'))
                st = wf_error_at(err, display, row->line, row->col[d],
                                 "code '%s' in column '%s' has spaces around it (codes are trimmed)", c, t->dims[d]);
        }
        if (st < 0)
            break;
        table_add_row(t, (const char *const *)row->f, kind, v);
        /* rows in strictly increasing order (as table_save writes them)
         * cannot repeat their codes: nothing more to check */
        if (t->n_rows > 1 && *sorted && !row_after(t, t->n_rows - 1))
            *sorted = false;
    }
    if (st < 0) {
        table_free(t);
        return -1;
    }
    *out = t;
    return 0;
}

/* For a table whose rows are not in order: the line of each row, from a
 * second reading of the same text, then the duplicate check. */
static int check_unsorted(const wf_table *t, csv_reader *again, const char *display, wf_error *err)
{
    size_t *lines = xmalloc((t->n_rows ? t->n_rows : 1) * sizeof *lines), n = 0;
    const csv_row *row;
    int st = csv_reader_next(again, &row, err); /* the header */
    while (st == 1 && (st = csv_reader_next(again, &row, err)) == 1 && n < t->n_rows)
        lines[n++] = row->line;
    int rc = st < 0 || n != t->n_rows ? -1 : check_unique_rows(t, lines, display, err);
    if (rc != 0 && st >= 0 && n != t->n_rows)
        wf_errorf(err, "%s: changed while it was read", display);
    free(lines);
    return rc;
}

/* Each line of a table file as it is read: the text rules and the hash. */
typedef struct table_lines {
    const char *path;
    sha256_ctx sha;
} table_lines;

static int check_table_line(void *ud, char *line, size_t len, size_t lineno, wf_error *err)
{
    table_lines *tl = ud;
    sha256_update(&tl->sha, line, len);
    return text_check_from(tl->path, line, len, lineno, err);
}

/* The documented sidecar fields (docs/data-formats.md) have their types:
 * table_meta returns only strings, so a "licence" of 5 left the manifest
 * without a licence and a label of 5 left its code unexplained, silently. */
static int meta_check_types(const cJSON *meta, const char *metap, wf_error *err)
{
    static const char *const strs[] = {"title", "title_en", "source_file", "source_sha256", "licence", "unit",
                                       "unit_dim", "reference_period", "importer"};
    for (size_t i = 0; i < sizeof strs / sizeof *strs; i++) {
        const cJSON *v = cJSON_GetObjectItemCaseSensitive(meta, strs[i]);
        if (v && !cJSON_IsString(v))
            return wf_errorf(err, "%s: $.%s: expected a string", metap, strs[i]);
    }
    const cJSON *notes = cJSON_GetObjectItemCaseSensitive(meta, "notes"), *it, *lab;
    if (notes && !cJSON_IsArray(notes))
        return wf_errorf(err, "%s: $.notes: expected an array of strings", metap);
    int k = 0;
    cJSON_ArrayForEach(it, notes)
    {
        if (!cJSON_IsString(it))
            return wf_errorf(err, "%s: $.notes[%d]: expected a string", metap, k);
        k++;
    }
    static const char *const maps[] = {"labels", "labels_en"};
    for (size_t i = 0; i < 2; i++) {
        const cJSON *m = cJSON_GetObjectItemCaseSensitive(meta, maps[i]);
        if (m && !cJSON_IsObject(m))
            return wf_errorf(err, "%s: $.%s: expected an object (dimension -> code -> label)", metap, maps[i]);
        cJSON_ArrayForEach(it, m)
        {
            if (!cJSON_IsObject(it))
                return wf_errorf(err, "%s: $.%s.%s: expected an object (code -> label)", metap, maps[i],
                                 it->string);
            cJSON_ArrayForEach(lab, it)
            {
                if (!cJSON_IsString(lab))
                    return wf_errorf(err, "%s: $.%s.%s.%s: expected a string", metap, maps[i], it->string,
                                     lab->string);
            }
        }
    }
    const cJSON *units = cJSON_GetObjectItemCaseSensitive(meta, "units");
    if (units && !cJSON_IsObject(units))
        return wf_errorf(err, "%s: $.units: expected an object (code -> unit)", metap);
    cJSON_ArrayForEach(it, units)
    {
        if (!cJSON_IsString(it))
            return wf_errorf(err, "%s: $.units.%s: expected a string", metap, it->string);
    }
    return 0;
}

int table_load(const char *data_dir, const char *name, wf_table **out, wf_error *err)
{
    char *csvp = table_csv_path(data_dir, name);
    char *metap = table_meta_path(data_dir, name);
    csv_reader *rd = NULL;
    cJSON *meta = NULL;
    wf_table *t = NULL;
    int rc = -1;
    csv_opts o = CSV_OPTS_TIDY;

    strbuf rel = STRBUF_INIT;
    sb_printf(&rel, "%s.csv", name);
    int outside = path_inside(data_dir, rel.s, err);
    sb_free(&rel);
    if (outside != 0)
        goto done;
    struct stat cst;
    if (stat(csvp, &cst) != 0) {
        wf_errorf(err, "%s: table '%s' not found", csvp, name);
        goto done;
    }
    if (!S_ISREG(cst.st_mode)) { /* present, but a directory or a FIFO: broken, not absent */
        wf_errorf(err, "%s: table '%s': not a regular file", csvp, name);
        goto done;
    }
    if (!file_exists(metap)) {
        wf_errorf(err, "%s: provenance sidecar missing: every table needs one (docs/data-formats.md)", metap);
        goto done;
    }
    if (json_read_file(metap, &meta, err) != 0)
        goto done;
    if (!cJSON_IsObject(meta)) {
        wf_errorf(err, "%s: $: expected an object", metap);
        goto done;
    }
    if (!json_str_req(meta, "source", metap, "$", err) || meta_check_types(meta, metap, err) != 0)
        goto done;
    /* read line by line: a large table is never held twice */
    table_lines tl = {.path = csvp};
    sha256_init(&tl.sha);
    bool sorted;
    if (csv_reader_open(csvp, &o, check_table_line, &tl, &rd, err) != 0 ||
        table_from_reader(name, rd, csvp, &t, &sorted, err) != 0)
        goto done;
    csv_reader_free(rd);
    rd = NULL;
    if (!sorted && (csv_reader_open(csvp, &o, NULL, NULL, &rd, err) != 0 || check_unsorted(t, rd, csvp, err) != 0))
        goto done;
    t->path = xstrdup(csvp);
    unsigned char dg[32];
    sha256_final(&tl.sha, dg);
    for (int i = 0; i < 32; i++)
        snprintf(t->sha256 + 2 * i, 3, "%02x", dg[i]);
    t->meta = meta;
    meta = NULL;
    index_labels(t);
    *out = t;
    t = NULL;
    rc = 0;
done:
    table_free(t);
    csv_reader_free(rd);
    cJSON_Delete(meta);
    free(csvp);
    free(metap);
    return rc;
}

int table_from_text(const char *name, const char *csv, const char *meta_json, wf_table **out, wf_error *err)
{
    *out = NULL;
    cJSON *meta = NULL;
    if (json_parse(meta_json, strlen(meta_json), name, &meta, err) != 0)
        return -1;
    if (!cJSON_IsObject(meta) || !json_str(meta, "source")) {
        cJSON_Delete(meta);
        return wf_errorf(err, "%s: sidecar: expected an object with a \"source\"", name);
    }
    csv_opts o = CSV_OPTS_TIDY;
    wf_table *t = NULL;
    if (text_check(name, csv, strlen(csv), err) != 0) {
        cJSON_Delete(meta);
        return -1;
    }
    csv_reader *rd = csv_reader_mem(csv, strlen(csv), name, &o);
    bool sorted;
    int rc = table_from_reader(name, rd, name, &t, &sorted, err);
    csv_reader_free(rd);
    if (rc == 0 && !sorted) {
        rd = csv_reader_mem(csv, strlen(csv), name, &o);
        rc = check_unsorted(t, rd, name, err);
        csv_reader_free(rd);
        if (rc != 0)
            table_free(t);
    }
    if (rc != 0) {
        cJSON_Delete(meta);
        return -1;
    }
    sha256_hex(csv, strlen(csv), t->sha256);
    t->meta = meta;
    index_labels(t);
    *out = t;
    return 0;
}

int table_dim(const wf_table *t, const char *name)
{
    for (size_t i = 0; i < t->n_dims; i++)
        if (strcmp(t->dims[i], name) == 0)
            return (int)i;
    return -1;
}

wrrfig_value_kind table_find_query(const wf_table *t, const char *query, double *out)
{
    /* Parse "dim=code;dim=code" into (index, code) pairs. */
    size_t want_n = 0;
    int idx[32];
    char *codes[32];
    const char *p = query;
    wrrfig_value_kind res = WRRFIG_NO_CELL;
    while (*p && want_n < 32) {
        const char *semi = strchr(p, ';');
        size_t n = semi ? (size_t)(semi - p) : strlen(p);
        const char *eq = memchr(p, '=', n);
        if (!eq)
            goto done;
        char *dim = xstrndup(p, (size_t)(eq - p));
        idx[want_n] = table_dim(t, dim);
        free(dim);
        codes[want_n] = xstrndup(eq + 1, n - (size_t)(eq - p) - 1);
        want_n++;
        if (idx[want_n - 1] < 0)
            goto done;
        p += n;
        if (*p == ';')
            p++;
    }
    if (*p)
        goto done; /* more conditions than fit: matching on a subset would pick a wrong row */
    for (size_t r = 0; r < t->n_rows; r++) {
        size_t k = 0;
        for (; k < want_n; k++)
            if (strcmp(t->keys[r * t->n_dims + (size_t)idx[k]], codes[k]) != 0)
                break;
        if (k == want_n) {
            res = (wrrfig_value_kind)t->kinds[r];
            if (res == WRRFIG_VALUE && out)
                *out = t->values[r];
            break;
        }
    }
done:
    for (size_t i = 0; i < want_n; i++)
        free(codes[i]);
    return res;
}

const char *table_meta_get(const wf_table *t, const char *key)
{
    /* The table's own name and file, so that a plugin's error can say where
     * a bad value is. */
    if (strcmp(key, "name") == 0)
        return t->name;
    if (strcmp(key, "file") == 0)
        return t->path;
    if (!t->meta)
        return NULL;
    if (strncmp(key, "label:", 6) == 0) {
        const char *dim = key + 6;
        const char *colon = strchr(dim, ':');
        if (!colon)
            return NULL;
        char *d = xstrndup(dim, (size_t)(colon - dim));
        const char *label = find_label(t, d, colon + 1);
        free(d);
        return label;
    }
    if (strcmp(key, "sha256") == 0)
        return t->sha256;
    return json_str(t->meta, key);
}

static int cmp_rows(const void *a, const void *b, void *ctx)
{
    const wf_table *sort_table = ctx;
    size_t ra = *(const size_t *)a, rb = *(const size_t *)b;
    for (size_t d = 0; d < sort_table->n_dims; d++) {
        int c = strcmp(sort_table->keys[ra * sort_table->n_dims + d], sort_table->keys[rb * sort_table->n_dims + d]);
        if (c)
            return c;
    }
    return ra < rb ? -1 : ra > rb;
}

void table_sort(wf_table *t)
{
    size_t n = t->n_rows, nd = t->n_dims;
    size_t *order = xmalloc(n * sizeof *order);
    for (size_t i = 0; i < n; i++)
        order[i] = i;
    qsort_r(order, n, sizeof *order, cmp_rows, t); /* glibc's argument order */
    char **keys = xmalloc((n * nd > 0 ? n * nd : 1) * sizeof *keys);
    double *values = xmalloc((n ? n : 1) * sizeof *values);
    unsigned char *kinds = xmalloc(n ? n : 1);
    for (size_t i = 0; i < n; i++) {
        memcpy(keys + i * nd, t->keys + order[i] * nd, nd * sizeof *keys);
        values[i] = t->values[order[i]];
        kinds[i] = t->kinds[order[i]];
    }
    free(t->keys);
    free(t->values);
    free(t->kinds);
    t->keys = keys;
    t->values = values;
    t->kinds = kinds;
    t->cap_rows = n;
    free(order);
}

char *table_to_csv(const wf_table *t)
{
    strbuf b = STRBUF_INIT;
    for (size_t d = 0; d < t->n_dims; d++) {
        if (d)
            sb_putc(&b, ',');
        csv_put_field(&b, t->dims[d], ',');
    }
    if (t->has_value)
        sb_puts(&b, t->n_dims ? ",value" : "value");
    sb_putc(&b, '\n');
    for (size_t r = 0; r < t->n_rows; r++) {
        for (size_t d = 0; d < t->n_dims; d++) {
            if (d)
                sb_putc(&b, ',');
            csv_put_field(&b, t->keys[r * t->n_dims + d], ',');
        }
        if (t->has_value) {
            if (t->n_dims)
                sb_putc(&b, ',');
            switch ((wrrfig_value_kind)t->kinds[r]) {
            case WRRFIG_VALUE: sb_double(&b, t->values[r]); break;
            case WRRFIG_MISSING: sb_putc(&b, '.'); break;
            case WRRFIG_SECRET: sb_putc(&b, 'x'); break;
            case WRRFIG_NIL: sb_putc(&b, '-'); break;
            default: break;
            }
        }
        sb_putc(&b, '\n');
    }
    return sb_take(&b);
}

int table_save(const wf_table *t, const char *data_dir, wf_error *err)
{
    char *csvp = table_csv_path(data_dir, t->name);
    char *metap = table_meta_path(data_dir, t->name);
    int rc = -1;
    if (!path_rel_safe(t->name)) {
        wf_errorf(err, "table name '%s': expected a relative path inside %s (no '..', not absolute)", t->name,
                  data_dir);
        goto done;
    }
    char *slash = strrchr(csvp, '/');
    if (slash) {
        *slash = '\0';
        int mk = make_dirs(csvp, err);
        *slash = '/';
        if (mk != 0)
            goto done;
    }
    strbuf rel = STRBUF_INIT;
    sb_printf(&rel, "%s.csv", t->name);
    int outside = path_inside(data_dir, rel.s, err);
    sb_free(&rel);
    if (outside != 0)
        goto done;
    char *csv = table_to_csv(t);
    rc = atomic_write(csvp, csv, strlen(csv), err);
    free(csv);
    if (rc == 0) {
        char *m = t->meta ? cJSON_Print(t->meta) : xstrdup("{}");
        strbuf mb = STRBUF_INIT;
        sb_puts(&mb, m);
        sb_putc(&mb, '\n');
        cJSON_free(m);
        rc = atomic_write(metap, mb.s, mb.len, err);
        sb_free(&mb);
    }
done:
    free(csvp);
    free(metap);
    return rc;
}
