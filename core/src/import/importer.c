#define _GNU_SOURCE /* qsort_r */
#include "util/path.h"
#include "import/importer.h"

#include <float.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format/cbs_odata.h"
#include "util/fileio.h"
#include "import/mapping.h"
#include "import/reader.h"
#include "import/crosswalk.h"
#include "import/facts.h"
#include "import/titles.h"
#include "import/impdiff.h"
#include "import/input.h"
#include "util/sha256.h"
#include "util/strset.h"
#include "util/strbuf.h"

/* Where an imported cell came from, kept as numbers and formatted only for
 * an error message: a CSV cell's line and column, or a JSON cell's record
 * (index + 1) and column index. Ordered by (src, a, b), which is the order
 * of the cells in the sources. */
typedef struct cellpos {
    size_t a, b;
    unsigned src;
} cellpos;

/* The imported cells: the rows of the table being built (keys in its pool,
 * so each code is stored once), in source order until sorted, and the
 * source position of each. */
typedef struct cells {
    wf_table *t;
    cellpos *pos;
    size_t cap;
} cells;

static void cells_push(cells *c, const char *const *keys, wrrfig_value_kind kind, double v, cellpos at)
{
    if (c->t->n_rows == c->cap) {
        c->cap = c->cap ? c->cap * 2 : 256;
        c->pos = xrealloc(c->pos, c->cap * sizeof *c->pos);
    }
    c->pos[c->t->n_rows] = at;
    table_add_row(c->t, keys, kind, v);
}

/* A cell's position, for messages. */
static const char *cell_where(const cellpos *p, const imp_source *srcs, char *buf, size_t n)
{
    const imp_source *s = &srcs[p->src];
    if (s->is_json)
        snprintf(buf, n, "%s: $.value[%zu].%s", s->path, p->a - 1, s->doc->rows[0].f[p->b]);
    else
        snprintf(buf, n, "%s:%zu:%zu", s->path, p->a, p->b);
    return buf;
}

/* Row order: keys in byte order, dimension by dimension, then source
 * order (so of two equal cells the first in the sources comes first). */
static int cmp_cells(const void *x, const void *y, void *ctx)
{
    const cells *c = ctx;
    size_t i = *(const size_t *)x, j = *(const size_t *)y, nd = c->t->n_dims;
    for (size_t d = 0; d < nd; d++) {
        int r = strcmp(c->t->keys[i * nd + d], c->t->keys[j * nd + d]);
        if (r)
            return r;
    }
    const cellpos *a = &c->pos[i], *b = &c->pos[j];
    if (a->src != b->src)
        return a->src < b->src ? -1 : 1;
    if (a->a != b->a)
        return a->a < b->a ? -1 : 1;
    return (a->b > b->b) - (a->b < b->b);
}

/* Puts the table's rows in the order given (row k becomes old row
 * order[k]), in place, cycle by cycle; order is consumed. */
static void permute_rows(wf_table *t, size_t *order)
{
    size_t nd = t->n_dims;
    char **tmp = xcalloc(nd ? nd : 1, sizeof *tmp);
    for (size_t i = 0; i < t->n_rows; i++) {
        if (order[i] == i)
            continue;
        memcpy(tmp, t->keys + i * nd, nd * sizeof *tmp);
        double v = t->values[i];
        unsigned char k = t->kinds[i];
        size_t j = i;
        for (;;) {
            size_t from = order[j];
            order[j] = j;
            if (from == i) {
                memcpy(t->keys + j * nd, tmp, nd * sizeof *tmp);
                t->values[j] = v;
                t->kinds[j] = k;
                break;
            }
            memcpy(t->keys + j * nd, t->keys + from * nd, nd * sizeof *tmp);
            t->values[j] = t->values[from];
            t->kinds[j] = t->kinds[from];
            j = from;
        }
    }
    free(tmp);
}

/* Sorts the cells into the table's row order; an error naming both
 * positions when two cells have the same keys. */
static int sort_cells(cells *c, const imp_source *srcs, wf_error *err)
{
    wf_table *t = c->t;
    size_t n = t->n_rows, nd = t->n_dims;
    size_t *order = xmalloc((n ? n : 1) * sizeof *order);
    for (size_t i = 0; i < n; i++)
        order[i] = i;
    qsort_r(order, n, sizeof *order, cmp_cells, c); /* glibc's argument order */
    for (size_t i = 1; i < n; i++) {
        size_t d = 0; /* keys are interned: equal codes are the same pointer */
        while (d < nd && t->keys[order[i] * nd + d] == t->keys[order[i - 1] * nd + d])
            d++;
        if (d == nd) {
            char w1[512], w2[512];
            wf_errorf(err, "%s: the same cell occurs twice (first at %s); the mapping must keep every dimension that distinguishes rows",
                      cell_where(&c->pos[order[i]], srcs, w1, sizeof w1),
                      cell_where(&c->pos[order[i - 1]], srcs, w2, sizeof w2));
            free(order);
            return -1;
        }
    }
    free(c->pos); /* positions are only for that message */
    c->pos = NULL;
    c->cap = 0;
    permute_rows(t, order);
    free(order);
    return 0;
}

static bool in_array(const cJSON *arr, const char *s)
{
    for (const cJSON *c = arr ? arr->child : NULL; c; c = c->next)
        if (strcmp(c->valuestring, s) == 0)
            return true;
    return false;
}

typedef struct colmap {
    int *dim_col;              /* per mapping dim: source column or -1 (constant) */
    int *melt_col;             /* per melt column */
    int value_col;
} colmap;

/* Resolves every column the mapping names and refuses columns it does not
 * account for, so a changed download cannot be imported half-understood. */
static int resolve_columns(const imp_mapping *m, const imp_source *s, colmap *cm, wf_error *err)
{
    const csv_row *h = &s->doc->rows[0];
    char where[512];
    int col;
    cm->dim_col = xcalloc(m->n_dims, sizeof *cm->dim_col);
    cm->melt_col = xcalloc(m->n_melt ? m->n_melt : 1, sizeof *cm->melt_col);
    cm->value_col = -1;
    unsigned char *used = xcalloc(h->n ? h->n : 1, 1);
    int rc = -1;
    for (size_t d = 0; d < m->n_dims; d++) {
        cm->dim_col[d] = -1;
        if (!m->dims[d].column)
            continue;
        if ((col = csv_header_index(s->doc, m->dims[d].column)) < 0) {
            wf_errorf(err, "%s: no column '%s' in the header (mapping %s %s.column)", s->path, m->dims[d].column,
                      m->base, m->dims[d].path);
            goto done;
        }
        cm->dim_col[d] = col;
        used[col] = 1;
    }
    for (size_t i = 0; i < m->n_melt; i++) {
        if ((col = csv_header_index(s->doc, m->melt[i].column)) < 0) {
            wf_errorf(err, "%s: no column '%s' in the header (mapping %s $.melt.columns[%zu])", s->path,
                      m->melt[i].column, m->base, i);
            goto done;
        }
        if (used[col]) {
            wf_errorf(err, "%s: column '%s' is mapped twice (mapping %s $.melt.columns[%zu])", s->path,
                      m->melt[i].column, m->base, i);
            goto done;
        }
        cm->melt_col[i] = col;
        used[col] = 1;
    }
    if (m->value_col) {
        if ((col = csv_header_index(s->doc, m->value_col)) < 0) {
            wf_errorf(err, "%s: no column '%s' in the header (mapping %s $.value.column)", s->path, m->value_col,
                      m->base);
            goto done;
        }
        if (used[col]) {
            wf_errorf(err, "%s: column '%s' is both a dimension and the value (mapping %s)", s->path, m->value_col,
                      m->base);
            goto done;
        }
        cm->value_col = col;
        used[col] = 1;
    }
    for (const cJSON *c = m->ignore ? m->ignore->child : NULL; c; c = c->next) {
        if ((col = csv_header_index(s->doc, c->valuestring)) < 0) {
            wf_errorf(err, "%s: no column '%s' in the header (mapping %s $.ignore_columns)", s->path, c->valuestring,
                      m->base);
            goto done;
        }
        used[col] = 1;
    }
    for (size_t c = 0; c < h->n && !m->ignore_other; c++)
        if (!used[c]) {
            wf_errorf(err, "%s: column '%s' is not mapped (expected it under dimensions, melt, value or ignore_columns of %s)",
                      imp_source_where(s, 0, h, c, where, sizeof where), h->f[c], m->base);
            goto done;
        }
    rc = 0;
done:
    free(used);
    return rc;
}

static void colmap_free(colmap *cm)
{
    free(cm->dim_col);
    free(cm->melt_col);
}

/* A dimension cell after rename; NULL when keep/drop filters it out. */
static const char *dim_code(const imp_dim *d, const char *raw)
{
    if (d->keep && !in_array(d->keep, raw))
        return NULL;
    if (d->drop && in_array(d->drop, raw))
        return NULL;
    const cJSON *rn = d->rename ? cJSON_GetObjectItemCaseSensitive(d->rename, raw) : NULL;
    return rn ? rn->valuestring : raw;
}

static int add_cell(cells *c, const char *const *keys, const imp_source *s, unsigned si, size_t r,
                    const csv_row *row, int col, wf_error *err)
{
    wrrfig_value_kind kind;
    double v = 0;
    const char *cell = row->f[col];
    if (parse_value_cell(cell, &kind, &v) != 0) {
        char where[512];
        return wf_errorf(err, "%s: expected a number or one of . x - (or empty) in column '%s', got '%s'",
                         imp_source_where(s, r, row, (size_t)col, where, sizeof where), s->doc->rows[0].f[col], cell);
    }
    cellpos at = s->is_json ? (cellpos){r, (size_t)col, si} : (cellpos){row->line, row->col[col], si};
    cells_push(c, keys, kind, v, at);
    return 0;
}

/* "a, b, c, ... (N codes)" of a set, for messages. */
static void list_codes(strbuf *b, const strset *set, size_t max)
{
    for (size_t i = 0; i < set->n && i < max; i++)
        sb_printf(b, "%s%s", i ? ", " : "", set->order[i]);
    if (set->n > max)
        sb_puts(b, ", ...");
}

static void list_array(strbuf *b, const cJSON *arr)
{
    for (const cJSON *c = arr->child; c; c = c->next)
        sb_printf(b, "%s%s", c == arr->child ? "" : "|", c->valuestring);
}

/* A keep filter that matches no row of a file would drop the whole file
 * without a word (the Leeftijd=10000 case of issue 18): an error naming the
 * file, the dimension and the codes the file has. */
static int check_file_filters(const imp_mapping *m, const imp_source *s, const size_t *kept, const strset *seen,
                              size_t added, wf_error *err)
{
    for (size_t d = 0; d < m->n_dims; d++) {
        const imp_dim *dm = &m->dims[d];
        if (!dm->keep || kept[d] > 0)
            continue;
        strbuf b = STRBUF_INIT;
        const char *dimname = dm->column ? dm->column : dm->constant;
        sb_printf(&b, "%s: %s=", s->path, dimname);
        list_array(&b, dm->keep);
        sb_printf(&b, " not in this file (mapping %s %s.keep); it has %zu %s code%s: ", m->base, dm->path, seen[d].n,
                  dimname, seen[d].n == 1 ? "" : "s");
        list_codes(&b, &seen[d], 12);
        wf_errorf(err, "%s", b.s);
        sb_free(&b);
        return -1;
    }
    if (added == 0)
        return wf_errorf(err, "%s: no row of this file passes the filters of mapping %s (each filter matches some rows, "
                              "but no row matches them all)", s->path, m->base);
    return 0;
}

/* Reads the rows of one source (streamed: a CSV source is never held
 * whole) and adds each cell that passes the filters to c. */
static int collect_rows(const imp_mapping *m, imp_source *s, unsigned si, cells *c, strset *seen_all, wf_error *err)
{
    colmap cm;
    if (resolve_columns(m, s, &cm, err) != 0) {
        colmap_free(&cm);
        return -1;
    }
    char where[512];
    size_t n_keys = c->t->n_dims;
    const char **keys = xcalloc(n_keys, sizeof *keys);
    size_t *kept = xcalloc(m->n_dims ? m->n_dims : 1, sizeof *kept);
    strset *seen = xcalloc(m->n_dims ? m->n_dims : 1, sizeof *seen);
    size_t before = c->t->n_rows;
    int rc = -1, st;
    const csv_row *row;
    size_t r;
    while ((st = imp_source_next(s, &row, &r, err)) == 1) {
        int skip = 0;
        for (size_t d = 0; d < m->n_dims; d++) {
            const imp_dim *dm = &m->dims[d];
            const char *raw;
            if (cm.dim_col[d] >= 0) {
                raw = row->f[cm.dim_col[d]];
                if (raw[0] == '\0') {
                    wf_errorf(err, "%s: empty code in dimension '%s' (expected a code)",
                              imp_source_where(s, r, row, (size_t)cm.dim_col[d], where, sizeof where), dm->name);
                    goto done;
                }
            } else {
                raw = cJSON_GetObjectItemCaseSensitive(s->constants, dm->constant)->valuestring;
            }
            if (dm->keep) {
                strset_intern(&seen[d], raw);
                strset_intern(&seen_all[d], raw);
                if (in_array(dm->keep, raw))
                    kept[d]++;
            }
            if (skip)
                continue; /* keep counting the other filters' matches */
            const char *code = dim_code(dm, raw);
            if (!code)
                skip = 1;
            else
                keys[d] = code;
        }
        if (skip)
            continue;
        if (m->melt_dim) {
            for (size_t i = 0; i < m->n_melt; i++) {
                keys[m->n_dims] = m->melt[i].code;
                if (add_cell(c, keys, s, si, r, row, cm.melt_col[i], err) != 0)
                    goto done;
            }
        } else if (add_cell(c, keys, s, si, r, row, cm.value_col, err) != 0) {
            goto done;
        }
    }
    if (st < 0)
        goto done;
    rc = check_file_filters(m, s, kept, seen, c->t->n_rows - before, err);
done:
    for (size_t d = 0; d < m->n_dims; d++)
        strset_free(&seen[d]);
    free(seen);
    free(kept);
    free(keys);
    colmap_free(&cm);
    return rc;
}

static bool is_year_code(const char *s)
{
    for (int i = 0; i < 4; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return strcmp(s + 4, "JJ00") == 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The distinct codes of key k of the table (into set), sorted by byte
 * order; *n gets their number. Caller frees the array. */
static const char **sorted_codes(const wf_table *t, size_t k, strset *set, size_t *n)
{
    const char *prev = NULL;
    for (size_t i = 0; i < t->n_rows; i++) {
        const char *code = t->keys[i * t->n_dims + k];
        if (code != prev) /* pooled keys: a repeated code is the same pointer */
            strset_intern(set, code);
        prev = code;
    }
    const char **codes = xmalloc((set->n ? set->n : 1) * sizeof *codes);
    memcpy(codes, set->order, set->n * sizeof *codes);
    qsort(codes, set->n, sizeof *codes, cmp_str);
    *n = set->n;
    return codes;
}

/* The members of a JSON object by name, through a hash (a labels file may
 * hold thousands of codes; a cJSON lookup walks them all). The first of
 * equal names wins, as with cJSON_GetObjectItemCaseSensitive. */
typedef struct obj_ix {
    strset names;
    const cJSON **item;
} obj_ix;

static void obj_ix_build(obj_ix *ix, const cJSON *obj)
{
    size_t n = obj ? (size_t)cJSON_GetArraySize(obj) : 0;
    ix->item = xcalloc(n ? n : 1, sizeof *ix->item);
    for (const cJSON *c = obj ? obj->child : NULL; c; c = c->next) {
        size_t before = ix->names.n, i = strset_index(&ix->names, c->string);
        if (i == before)
            ix->item[i] = c;
    }
}

static const cJSON *obj_ix_get(obj_ix *ix, const char *name)
{
    return strset_has(&ix->names, name) ? ix->item[strset_index(&ix->names, name)] : NULL;
}

static void obj_ix_free(obj_ix *ix)
{
    strset_free(&ix->names);
    free(ix->item);
}

/* Labels of one dimension: the mapping's own (which must name codes that
 * occur: a label for nothing is a typo), then a labels file (only codes that
 * occur), then period labels; in code order. */
static int dim_labels(const imp_mapping *m, const imp_dim *d, size_t k, const wf_table *t, const char *shared_dir,
                      cJSON *labels, cJSON *labels_en, cJSON *files, wf_error *err)
{
    strset present = STRSET_INIT;
    size_t n = 0;
    const char **codes = sorted_codes(t, k, &present, &n);
    const cJSON *srcs[2] = {d->labels, d->labels_en};
    for (int w = 0; w < 2; w++)
        for (const cJSON *c = srcs[w] ? srcs[w]->child : NULL; c; c = c->next)
            if (!strset_has(&present, c->string)) {
                free(codes);
                strset_free(&present);
                return wf_errorf(err, "%s: %s.%s: code '%s' does not occur in the imported rows", m->path, d->path,
                                 w ? "labels_en" : "labels", c->string);
            }
    cJSON *fromfile = NULL;
    if (d->labels_file.file) {
        char sha[65];
        if (imp_labels_read(&d->labels_file, shared_dir, &fromfile, sha, err) != 0) {
            free(codes);
            strset_free(&present);
            return -1;
        }
        cJSON *f = cJSON_CreateObject();
        cJSON_AddStringToObject(f, "file", d->labels_file.file);
        cJSON_AddStringToObject(f, "sha256", sha);
        cJSON_AddStringToObject(f, "role", "labels");
        cJSON_AddItemToArray(files, f);
    }
    obj_ix own = {STRSET_INIT, NULL}, own_en = {STRSET_INIT, NULL}, file = {STRSET_INIT, NULL};
    obj_ix_build(&own, d->labels);
    obj_ix_build(&own_en, d->labels_en);
    obj_ix_build(&file, fromfile);
    cJSON *out = cJSON_CreateObject(), *out_en = cJSON_CreateObject();
    for (size_t i = 0; i < n; i++) {
        const char *code = codes[i];
        const cJSON *l = obj_ix_get(&own, code);
        if (!l)
            l = obj_ix_get(&file, code);
        if (l)
            cJSON_AddStringToObject(out, code, l->valuestring);
        else if (d->period_labels && is_year_code(code)) {
            char y[5];
            memcpy(y, code, 4);
            y[4] = '\0';
            cJSON_AddStringToObject(out, code, y);
        }
        const cJSON *le = obj_ix_get(&own_en, code);
        if (le)
            cJSON_AddStringToObject(out_en, code, le->valuestring);
    }
    obj_ix_free(&own);
    obj_ix_free(&own_en);
    obj_ix_free(&file);
    cJSON_Delete(fromfile);
    free(codes);
    strset_free(&present);
    cJSON *objs[2] = {out, out_en};
    cJSON *into[2] = {labels, labels_en};
    for (int w = 0; w < 2; w++) {
        if (objs[w]->child)
            cJSON_AddItemToObject(into[w], d->name, objs[w]);
        else
            cJSON_Delete(objs[w]);
    }
    return 0;
}

static void melt_labels(const imp_mapping *m, const imp_source *first, cJSON *labels, cJSON *labels_en,
                        cJSON *meta_units, int *n_units)
{
    cJSON *l = cJSON_CreateObject(), *le = cJSON_CreateObject();
    for (size_t i = 0; i < m->n_melt; i++) {
        const imp_melt_col *c = &m->melt[i];
        const char *label = c->label, *unit = c->unit;
        if (!label && first->properties)
            label = odata_property(cJSON_GetObjectItemCaseSensitive(first->properties, "value"), c->column, "Title");
        if (!unit && first->properties)
            unit = odata_property(cJSON_GetObjectItemCaseSensitive(first->properties, "value"), c->column, "Unit");
        if (label)
            cJSON_AddStringToObject(l, c->code, label);
        if (c->label_en)
            cJSON_AddStringToObject(le, c->code, c->label_en);
        if (unit) {
            cJSON_AddStringToObject(meta_units, c->code, unit);
            (*n_units)++;
        }
    }
    if (l->child)
        cJSON_AddItemToObject(labels, m->melt_dim, l);
    else
        cJSON_Delete(l);
    if (le->child)
        cJSON_AddItemToObject(labels_en, m->melt_dim, le);
    else
        cJSON_Delete(le);
}

static void add_opt(cJSON *o, const char *k, const char *v)
{
    if (v)
        cJSON_AddStringToObject(o, k, v);
}

static cJSON *build_meta(const imp_mapping *m, imp_source *srcs, const wf_table *t, const char *shared_dir,
                         wf_error *err)
{
    cJSON *meta = cJSON_CreateObject();
    cJSON *files = cJSON_CreateArray(), *labels = cJSON_CreateObject(), *labels_en = cJSON_CreateObject();
    cJSON *units = cJSON_CreateObject(), *notes = cJSON_CreateArray();
    strbuf sf = STRBUF_INIT, ss = STRBUF_INIT;
    for (size_t i = 0; i < m->n_files; i++) {
        sb_printf(&sf, "%s%s", i ? "; " : "", srcs[i].rel);
        sb_printf(&ss, "%s%s", i ? "; " : "", srcs[i].sha256);
        cJSON *f = cJSON_CreateObject();
        cJSON_AddStringToObject(f, "file", srcs[i].rel);
        cJSON_AddStringToObject(f, "sha256", srcs[i].sha256);
        cJSON_AddStringToObject(f, "role", "data");
        cJSON_AddItemToArray(files, f);
    }
    if (m->properties) {
        char sha[65];
        const char *prel = m->properties_resolved ? m->properties_resolved : m->properties;
        char *pp = imp_join(shared_dir, prel);
        if (sha256_file_hex(pp, sha) == 0) {
            cJSON *f = cJSON_CreateObject();
            cJSON_AddStringToObject(f, "file", prel);
            cJSON_AddStringToObject(f, "sha256", sha);
            cJSON_AddStringToObject(f, "role", "properties");
            cJSON_AddItemToArray(files, f);
        }
        free(pp);
    }
    for (size_t d = 0; d < m->n_dims; d++)
        if (dim_labels(m, &m->dims[d], d, t, shared_dir, labels, labels_en, files, err) != 0)
            goto fail;
    int n_units = 0;
    if (m->melt_dim)
        melt_labels(m, &srcs[0], labels, labels_en, units, &n_units);
    for (const cJSON *c = m->notes ? m->notes->child : NULL; c; c = c->next)
        cJSON_AddItemToArray(notes, cJSON_CreateString(c->valuestring));
    for (size_t i = 0; i < m->n_files; i++)
        if (srcs[i].stray_quotes) {
            char note[1024];
            snprintf(note, sizeof note,
                     "Importer repair: %zu line(s) of %s held one stray '\"' that was blanked (first on line %zu).",
                     srcs[i].stray_quotes, srcs[i].rel, srcs[i].first_stray_line);
            cJSON_AddItemToArray(notes, cJSON_CreateString(note));
        }

    cJSON_AddStringToObject(meta, "title", m->title);
    add_opt(meta, "title_en", m->title_en);
    cJSON_AddStringToObject(meta, "source", m->source);
    cJSON_AddStringToObject(meta, "source_file", sf.s);
    cJSON_AddStringToObject(meta, "source_sha256", ss.s);
    cJSON_AddItemToObject(meta, "source_files", files);
    cJSON_AddStringToObject(meta, "licence", m->licence);
    const char *unit = m->value_unit ? m->value_unit : m->unit;
    add_opt(meta, "unit", unit);
    if (n_units) {
        cJSON_AddStringToObject(meta, "unit_dim", m->melt_dim);
        cJSON_AddItemToObject(meta, "units", units);
    } else {
        cJSON_Delete(units);
    }
    add_opt(meta, "reference_period", m->reference_period);
    cJSON_AddItemToObject(meta, "notes", notes);
    cJSON_AddItemToObject(meta, "labels", labels);
    if (labels_en->child)
        cJSON_AddItemToObject(meta, "labels_en", labels_en);
    else
        cJSON_Delete(labels_en);
    if (m->value_label)
        cJSON_AddStringToObject(meta, "value_label", m->value_label);
    char imp[512];
    snprintf(imp, sizeof imp, "wrrfig import, mapping data/mappings/%s", m->base);
    cJSON_AddStringToObject(meta, "importer", imp);
    cJSON_AddStringToObject(meta, "mapping_sha256", m->sha256);
    sb_free(&sf);
    sb_free(&ss);
    return meta;
fail:
    sb_free(&sf);
    sb_free(&ss);
    cJSON_Delete(meta);
    cJSON_Delete(files);
    cJSON_Delete(labels);
    cJSON_Delete(labels_en);
    cJSON_Delete(units);
    cJSON_Delete(notes);
    return NULL;
}

int import_build(const char *mapping_path, const char *shared_dir, wf_table **out, wf_error *err)
{
    imp_mapping *m = NULL;
    if (imp_mapping_load(mapping_path, &m, err) != 0)
        return -1;
    imp_source *srcs = xcalloc(m->n_files, sizeof *srcs);
    size_t n_keys = m->n_dims + (m->melt_dim ? 1 : 0);
    const char **dims = xcalloc(n_keys, sizeof *dims);
    for (size_t d = 0; d < m->n_dims; d++)
        dims[d] = m->dims[d].name;
    if (m->melt_dim)
        dims[m->n_dims] = m->melt_dim;
    /* The cells go straight into the table (codes stored once, in its
     * pool); a source's rows are read, mapped and added one at a time. */
    cells c = {table_new(m->table, dims, n_keys, 1), NULL, 0};
    free(dims);
    strset pool = STRSET_INIT;
    table_adopt_pool(c.t, &pool);
    int rc = -1;
    cJSON *xwalk = NULL; /* the crosswalk applied, for the sidecar */
    strset *seen = xcalloc(m->n_dims ? m->n_dims : 1, sizeof *seen);
    if (m->properties && imp_input_resolve(shared_dir, m->properties, &m->properties_resolved, err) != 0) {
        char msg[sizeof err->msg];
        snprintf(msg, sizeof msg, "%s", err->msg);
        wf_errorf(err, "%s: $.input.properties: %s", m->path, msg);
        goto done;
    }
    /* Titles become keys, and a crosswalk joins the renames, before any
     * row is read (import/titles.c, import/crosswalk.c). */
    if (imp_titles_resolve(m, shared_dir, err) != 0 || imp_crosswalk_apply(m, &xwalk, err) != 0)
        goto done;
    for (size_t i = 0; i < m->n_files; i++) {
        int rr = imp_input_resolve(shared_dir, m->files[i].file, &m->files[i].resolved, err);
        if (rr == 0 && path_inside(shared_dir, m->files[i].resolved, err) != 0)
            rr = -1; /* a symbolic link out of the shared directory */
        if (rr != 0) {
            char msg[sizeof err->msg];
            snprintf(msg, sizeof msg, "%s", err->msg);
            wf_errorf(err, "%s: $.input: %s", m->path, msg);
            goto done;
        }
        if (imp_source_read(m, i, shared_dir, &srcs[i], err) != 0 ||
            collect_rows(m, &srcs[i], (unsigned)i, &c, seen, err) != 0)
            goto done;
        /* Its cells are in the table now: keep only the header (for
         * messages). A JSON source was read whole. */
        csv_truncate(srcs[i].doc, 1);
    }
    /* Every kept code must occur in the source itself (checked on the raw
     * codes, so the message names the code that is really missing rather
     * than one whose rows another filter removed). */
    for (size_t d = 0; d < m->n_dims; d++)
        for (const cJSON *k = m->dims[d].keep ? m->dims[d].keep->child : NULL; k; k = k->next)
            if (!strset_has(&seen[d], k->valuestring)) {
                strbuf b = STRBUF_INIT;
                list_codes(&b, &seen[d], 12);
                wf_errorf(err, "%s: %s.keep: %s=%s does not occur in the source (it has %zu code%s: %s)", m->path,
                          m->dims[d].path, m->dims[d].column ? m->dims[d].column : m->dims[d].constant,
                          k->valuestring, seen[d].n, seen[d].n == 1 ? "" : "s", b.s);
                sb_free(&b);
                goto done;
            }
    if (c.t->n_rows == 0) {
        wf_errorf(err, "%s: no rows were imported (check the filters)", m->path);
        goto done;
    }
    if (sort_cells(&c, srcs, err) != 0)
        goto done;
    cJSON *meta = build_meta(m, srcs, c.t, shared_dir, err);
    if (!meta)
        goto done;
    imp_meta_declarations(m, meta, xwalk);
    const char *period_dim = NULL;
    for (size_t d = 0; d < m->n_dims && !period_dim; d++)
        if (m->dims[d].period_labels || strcmp(m->dims[d].name, "Perioden") == 0)
            period_dim = m->dims[d].name;
    cJSON *facts = imp_facts(c.t, period_dim, m->melt_dim);
    if (facts)
        cJSON_AddItemToObject(meta, "computed", facts);
    table_set_meta(c.t, meta);
    *out = c.t;
    c.t = NULL;
    rc = 0;
done:
    cJSON_Delete(xwalk);
    for (size_t d = 0; d < m->n_dims; d++)
        strset_free(&seen[d]);
    free(seen);
    for (size_t i = 0; i < m->n_files; i++)
        imp_source_free(&srcs[i]);
    free(srcs);
    free(c.pos);
    table_free(c.t);
    imp_mapping_free(m);
    return rc;
}

static int same_file(const char *path, const char *text, size_t len)
{
    char *old;
    size_t n;
    wf_error e;
    if (read_file(path, &old, &n, &e) != 0)
        return 0;
    int same = n == len && memcmp(old, text, len) == 0;
    free(old);
    return same;
}

static int cmp_member(const void *a, const void *b)
{
    return strcmp((*(const cJSON *const *)a)->string, (*(const cJSON *const *)b)->string);
}

static const cJSON **sorted_members(const cJSON *o, size_t *n)
{
    *n = (size_t)cJSON_GetArraySize(o);
    const cJSON **v = xmalloc((*n ? *n : 1) * sizeof *v);
    size_t i = 0;
    for (const cJSON *c = o->child; c; c = c->next)
        v[i++] = c;
    qsort(v, *n, sizeof *v, cmp_member);
    return v;
}

/* cJSON_Compare(a, b, true) for sidecars, whose objects have no duplicate
 * names: members matched by sorting them, not by cJSON_Compare's lookup
 * of each member in the other object (quadratic: thousands of period
 * labels made it most of a large import's time). */
static bool json_same(const cJSON *a, const cJSON *b)
{
    if (!a || !b || (a->type & 0xFF) != (b->type & 0xFF))
        return false;
    if (cJSON_IsNumber(a)) {
        double x = a->valuedouble, y = b->valuedouble, mx = fabs(x) > fabs(y) ? fabs(x) : fabs(y);
        return fabs(x - y) <= mx * DBL_EPSILON; /* cJSON's own tolerance */
    }
    if (cJSON_IsString(a) || cJSON_IsRaw(a))
        return a->valuestring && b->valuestring && strcmp(a->valuestring, b->valuestring) == 0;
    if (cJSON_IsArray(a)) {
        const cJSON *x = a->child, *y = b->child;
        for (; x && y; x = x->next, y = y->next)
            if (!json_same(x, y))
                return false;
        return !x && !y;
    }
    if (cJSON_IsObject(a)) {
        size_t na, nb;
        const cJSON **x = sorted_members(a, &na), **y = sorted_members(b, &nb);
        bool same = na == nb;
        for (size_t i = 0; same && i < na; i++)
            same = strcmp(x[i]->string, y[i]->string) == 0 && json_same(x[i], y[i]);
        free(x);
        free(y);
        return same;
    }
    return true; /* null, true, false of the same type */
}

/* The summary of what this import changes against the table on disk. */
static void summarise(const wf_table *t, const char *data_dir, strbuf *summary)
{
    wf_table *old = NULL;
    wf_error e;
    if (table_exists(data_dir, t->name) && table_load(data_dir, t->name, &old, &e) != 0) {
        sb_printf(summary, "  the table on disk cannot be read (%s); everything counts as new\n", e.msg);
        old = NULL;
    }
    if (old)
        table_sort(old);
    const cJSON *pf = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(
                                                           cJSON_GetObjectItemCaseSensitive(t->meta, "computed"), "periods"),
                                                       "dimension");
    imp_diff d;
    imp_diff_tables(old, t, cJSON_GetStringValue(pf), &d);
    d.meta_changed = old && !json_same(old->meta, t->meta);
    if (!old)
        sb_printf(summary, "  new table: %zu rows\n", t->n_rows);
    else if (imp_diff_empty(&d))
        sb_puts(summary, "  no change\n");
    else
        imp_diff_print(summary, &d, old, t, 10);
    imp_diff_free(&d);
    table_free(old);
}

int import_run_report(const char *mapping_path, const char *shared_dir, const char *data_dir, int check_only,
                      int *differs, char **name, strbuf *summary, wf_error *err)
{
    wf_table *t = NULL;
    if (import_build(mapping_path, shared_dir, &t, err) != 0)
        return -1;
    if (name)
        *name = xstrdup(t->name);
    if (summary)
        summarise(t, data_dir, summary);
    int rc = 0;
    if (check_only) {
        char *csv = table_to_csv(t);
        char *m = cJSON_Print(t->meta);
        strbuf mb = STRBUF_INIT;
        sb_puts(&mb, m);
        sb_putc(&mb, '\n');
        char *cp = table_csv_path(data_dir, t->name), *mp = table_meta_path(data_dir, t->name);
        *differs = !(same_file(cp, csv, strlen(csv)) && same_file(mp, mb.s, mb.len));
        free(cp);
        free(mp);
        free(csv);
        cJSON_free(m);
        sb_free(&mb);
    } else {
        rc = table_save(t, data_dir, err);
        if (differs)
            *differs = 0;
    }
    table_free(t);
    return rc;
}

int import_run(const char *mapping_path, const char *shared_dir, const char *data_dir, int check_only,
               int *differs, char **name, wf_error *err)
{
    return import_run_report(mapping_path, shared_dir, data_dir, check_only, differs, name, NULL, err);
}

int import_inputs_absent(const char *mapping_path, const char *shared_dir, char **which)
{
    imp_mapping *m = NULL;
    wf_error e;
    *which = NULL;
    if (imp_mapping_load(mapping_path, &m, &e) != 0)
        return 0; /* a broken mapping is for import itself to report */
    for (size_t i = 0; i < m->n_files && !*which; i++)
        if (imp_input_absent(shared_dir, m->files[i].file))
            *which = imp_join(shared_dir, m->files[i].file);
    imp_mapping_free(m);
    return *which != NULL;
}
