#include "util/path.h"
#include "import/importer.h"

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

/* One imported cell. Keys point into the importer's string set (codes
 * repeat across millions of cells, so each is stored once), and the source
 * position is kept as numbers and formatted only for an error message. */
typedef struct prow {
    const char **keys;
    double v;
    wrrfig_value_kind kind;
    unsigned src;              /* index of the source file */
    int col;
    size_t row;                /* row in the source (JSON: the value index + 1) */
    size_t line, colno;        /* where the cell starts in a CSV source */
    size_t n_keys;             /* for the comparator, which has no context argument */
} prow;

typedef struct rows {
    prow *r;
    size_t n, cap, n_keys;
    strset codes;              /* owns every key string */
} rows;

static void rows_push(rows *rs, char **keys, wrrfig_value_kind kind, double v, unsigned src, size_t row, int col,
                      size_t line, size_t colno)
{
    if (rs->n == rs->cap) {
        rs->cap = rs->cap ? rs->cap * 2 : 256;
        rs->r = xrealloc(rs->r, rs->cap * sizeof *rs->r);
    }
    prow *p = &rs->r[rs->n++];
    p->keys = xcalloc(rs->n_keys, sizeof *p->keys);
    for (size_t i = 0; i < rs->n_keys; i++)
        p->keys[i] = strset_intern(&rs->codes, keys[i]);
    p->kind = kind;
    p->v = v;
    p->src = src;
    p->row = row;
    p->col = col;
    p->line = line;
    p->colno = colno;
    p->n_keys = rs->n_keys;
}

static void rows_free(rows *rs)
{
    for (size_t i = 0; i < rs->n; i++)
        free(rs->r[i].keys);
    free(rs->r);
    strset_free(&rs->codes);
}

static int cmp_prow(const void *a, const void *b)
{
    const prow *x = a, *y = b;
    for (size_t i = 0; i < x->n_keys; i++) {
        int c = strcmp(x->keys[i], y->keys[i]);
        if (c)
            return c;
    }
    if (x->src != y->src)
        return x->src < y->src ? -1 : 1;
    if (x->row != y->row)
        return x->row < y->row ? -1 : 1;
    return x->col - y->col;
}

/* A cell's position; the source's rows are gone by then (only its header
 * is kept), so it comes from the numbers kept in the row. */
static const char *prow_where(const prow *p, const imp_source *srcs, char *buf, size_t n)
{
    const imp_source *s = &srcs[p->src];
    if (s->is_json)
        snprintf(buf, n, "%s: $.value[%zu].%s", s->path, p->row - 1, s->doc->rows[0].f[p->col]);
    else
        snprintf(buf, n, "%s:%zu:%zu", s->path, p->line, p->colno);
    return buf;
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
                      imp_source_where(s, 0, c, where, sizeof where), h->f[c], m->base);
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

static int add_cell(rows *rs, char **keys, const imp_source *s, unsigned si, size_t r, int col, wf_error *err)
{
    char where[512];
    wrrfig_value_kind kind;
    double v = 0;
    const char *cell = s->doc->rows[r].f[col];
    imp_source_where(s, r, (size_t)col, where, sizeof where);
    if (parse_value_cell(cell, &kind, &v) != 0)
        return wf_errorf(err, "%s: expected a number or one of . x - (or empty) in column '%s', got '%s'", where,
                         s->doc->rows[0].f[col], cell);
    rows_push(rs, keys, kind, v, si, r, col, s->doc->rows[r].line, s->doc->rows[r].col[col]);
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

static int collect_rows(const imp_mapping *m, const imp_source *s, unsigned si, rows *rs, strset *seen_all,
                        wf_error *err)
{
    colmap cm;
    if (resolve_columns(m, s, &cm, err) != 0) {
        colmap_free(&cm);
        return -1;
    }
    char where[512];
    char **keys = xcalloc(rs->n_keys, sizeof *keys);
    size_t *kept = xcalloc(m->n_dims ? m->n_dims : 1, sizeof *kept);
    strset *seen = xcalloc(m->n_dims ? m->n_dims : 1, sizeof *seen);
    size_t before = rs->n;
    int rc = -1;
    for (size_t r = 1; r < s->doc->n_rows; r++) {
        const csv_row *row = &s->doc->rows[r];
        int skip = 0;
        for (size_t d = 0; d < m->n_dims; d++) {
            const imp_dim *dm = &m->dims[d];
            const char *raw;
            if (cm.dim_col[d] >= 0) {
                raw = row->f[cm.dim_col[d]];
                if (raw[0] == '\0') {
                    wf_errorf(err, "%s: empty code in dimension '%s' (expected a code)",
                              imp_source_where(s, r, (size_t)cm.dim_col[d], where, sizeof where), dm->name);
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
                keys[d] = (char *)code;
        }
        if (skip)
            continue;
        if (m->melt_dim) {
            for (size_t i = 0; i < m->n_melt; i++) {
                keys[m->n_dims] = (char *)m->melt[i].code;
                if (add_cell(rs, keys, s, si, r, cm.melt_col[i], err) != 0)
                    goto done;
            }
        } else if (add_cell(rs, keys, s, si, r, cm.value_col, err) != 0) {
            goto done;
        }
    }
    rc = check_file_filters(m, s, kept, seen, rs->n - before, err);
done:
    for (size_t d = 0; d < m->n_dims; d++)
        strset_free(&seen[d]);
    free(seen);
    free(kept);
    free(keys);
    colmap_free(&cm);
    return rc;
}

/* Distinct codes of key k, in the sorted row order. */
static bool code_present(const rows *rs, size_t k, const char *code)
{
    for (size_t i = 0; i < rs->n; i++)
        if (strcmp(rs->r[i].keys[k], code) == 0)
            return true;
    return false;
}

static bool is_year_code(const char *s)
{
    for (int i = 0; i < 4; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return strcmp(s + 4, "JJ00") == 0;
}

/* Labels of one dimension: the mapping's own (which must name codes that
 * occur: a label for nothing is a typo), then a labels file (only codes that
 * occur), then period labels. */
static int dim_labels(const imp_mapping *m, const imp_dim *d, size_t k, const rows *rs, const char *shared_dir,
                      cJSON *labels, cJSON *labels_en, cJSON *files, wf_error *err)
{
    cJSON *own = cJSON_CreateObject(), *own_en = cJSON_CreateObject();
    const cJSON *srcs[2] = {d->labels, d->labels_en};
    cJSON *dsts[2] = {own, own_en};
    for (int w = 0; w < 2; w++)
        for (const cJSON *c = srcs[w] ? srcs[w]->child : NULL; c; c = c->next) {
            if (!code_present(rs, k, c->string)) {
                cJSON_Delete(own);
                cJSON_Delete(own_en);
                return wf_errorf(err, "%s: %s.%s: code '%s' does not occur in the imported rows", m->path, d->path,
                                 w ? "labels_en" : "labels", c->string);
            }
            cJSON_AddStringToObject(dsts[w], c->string, c->valuestring);
        }
    cJSON *fromfile = NULL;
    if (d->labels_file.file) {
        char sha[65];
        if (imp_labels_read(&d->labels_file, shared_dir, &fromfile, sha, err) != 0) {
            cJSON_Delete(own);
            cJSON_Delete(own_en);
            return -1;
        }
        cJSON *f = cJSON_CreateObject();
        cJSON_AddStringToObject(f, "file", d->labels_file.file);
        cJSON_AddStringToObject(f, "sha256", sha);
        cJSON_AddStringToObject(f, "role", "labels");
        cJSON_AddItemToArray(files, f);
    }
    cJSON *out = cJSON_CreateObject(), *out_en = cJSON_CreateObject();
    const char *prev = NULL;
    for (size_t i = 0; i < rs->n; i++) { /* rows are sorted, but key k repeats non-adjacently */
        const char *code = rs->r[i].keys[k];
        if ((prev && strcmp(prev, code) == 0) || cJSON_GetObjectItemCaseSensitive(out, code))
            continue;
        prev = code;
        const cJSON *l = cJSON_GetObjectItemCaseSensitive(own, code);
        if (!l && fromfile)
            l = cJSON_GetObjectItemCaseSensitive(fromfile, code);
        if (l)
            cJSON_AddStringToObject(out, code, l->valuestring);
        else if (d->period_labels && is_year_code(code)) {
            char y[5];
            memcpy(y, code, 4);
            y[4] = '\0';
            cJSON_AddStringToObject(out, code, y);
        }
        const cJSON *le = cJSON_GetObjectItemCaseSensitive(own_en, code);
        if (le)
            cJSON_AddStringToObject(out_en, code, le->valuestring);
    }
    cJSON_Delete(own);
    cJSON_Delete(own_en);
    cJSON_Delete(fromfile);
    /* Labels come out in order of first appearance in sorted rows; sort them
     * by code so the sidecar is stable whatever the dimension order. */
    cJSON *objs[2] = {out, out_en};
    cJSON *into[2] = {labels, labels_en};
    for (int w = 0; w < 2; w++) {
        if (!objs[w]->child) {
            cJSON_Delete(objs[w]);
            continue;
        }
        size_t n = (size_t)cJSON_GetArraySize(objs[w]);
        const char **codes = xcalloc(n, sizeof *codes);
        size_t j = 0;
        for (const cJSON *c = objs[w]->child; c; c = c->next)
            codes[j++] = c->string;
        for (size_t a = 1; a < n; a++) /* insertion sort: label lists are short */
            for (size_t b = a; b > 0 && strcmp(codes[b - 1], codes[b]) > 0; b--) {
                const char *t = codes[b - 1];
                codes[b - 1] = codes[b];
                codes[b] = t;
            }
        cJSON *sorted = cJSON_CreateObject();
        for (j = 0; j < n; j++)
            cJSON_AddStringToObject(sorted, codes[j],
                                    cJSON_GetObjectItemCaseSensitive(objs[w], codes[j])->valuestring);
        free(codes);
        cJSON_Delete(objs[w]);
        cJSON_AddItemToObject(into[w], d->name, sorted);
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

static cJSON *build_meta(const imp_mapping *m, imp_source *srcs, const rows *rs, const char *shared_dir,
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
        if (dim_labels(m, &m->dims[d], d, rs, shared_dir, labels, labels_en, files, err) != 0)
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
    rows rs = {.r = NULL, .n_keys = n_keys};
    wf_table *t = NULL;
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
            collect_rows(m, &srcs[i], (unsigned)i, &rs, seen, err) != 0)
            goto done;
        /* Its cells are in rs now: keep only the header (for messages), so
         * the peak is the rows taken, not the file twice over. */
        csv_truncate(srcs[i].doc, 1);
    }
    /* Every kept code must occur in the source itself (checked on the raw
     * codes, so the message names the code that is really missing rather
     * than one whose rows another filter removed). */
    for (size_t d = 0; d < m->n_dims; d++)
        for (const cJSON *c = m->dims[d].keep ? m->dims[d].keep->child : NULL; c; c = c->next)
            if (!strset_has(&seen[d], c->valuestring)) {
                strbuf b = STRBUF_INIT;
                list_codes(&b, &seen[d], 12);
                wf_errorf(err, "%s: %s.keep: %s=%s does not occur in the source (it has %zu code%s: %s)", m->path,
                          m->dims[d].path, m->dims[d].column ? m->dims[d].column : m->dims[d].constant,
                          c->valuestring, seen[d].n, seen[d].n == 1 ? "" : "s", b.s);
                sb_free(&b);
                goto done;
            }
    if (rs.n == 0) {
        wf_errorf(err, "%s: no rows were imported (check the filters)", m->path);
        goto done;
    }
    qsort(rs.r, rs.n, sizeof *rs.r, cmp_prow);
    for (size_t i = 1; i < rs.n; i++) {
        size_t k = 0;
        while (k < n_keys && strcmp(rs.r[i].keys[k], rs.r[i - 1].keys[k]) == 0)
            k++;
        if (k == n_keys) {
            char w1[512], w2[512];
            wf_errorf(err, "%s: the same cell occurs twice (first at %s); the mapping must keep every dimension that distinguishes rows",
                      prow_where(&rs.r[i], srcs, w1, sizeof w1), prow_where(&rs.r[i - 1], srcs, w2, sizeof w2));
            goto done;
        }
    }
    /* The sidecar first: its labels are read from the collected rows, which
     * are handed to the table (and freed) below. */
    cJSON *meta = build_meta(m, srcs, &rs, shared_dir, err);
    if (!meta)
        goto done;
    imp_meta_declarations(m, meta, xwalk);
    const char **dims = xcalloc(n_keys, sizeof *dims);
    for (size_t d = 0; d < m->n_dims; d++)
        dims[d] = m->dims[d].name;
    if (m->melt_dim)
        dims[m->n_dims] = m->melt_dim;
    t = table_new(m->table, dims, n_keys, 1);
    free(dims);
    table_adopt_pool(t, &rs.codes); /* the codes are stored once, by the table */
    for (size_t i = 0; i < rs.n; i++) {
        table_add_row(t, (const char *const *)rs.r[i].keys, rs.r[i].kind, rs.r[i].v);
        free(rs.r[i].keys);
        rs.r[i].keys = NULL;
    }
    free(rs.r);
    rs.r = NULL;
    rs.n = 0;
    table_sort(t);
    const char *period_dim = NULL;
    for (size_t d = 0; d < m->n_dims && !period_dim; d++)
        if (m->dims[d].period_labels || strcmp(m->dims[d].name, "Perioden") == 0)
            period_dim = m->dims[d].name;
    cJSON *facts = imp_facts(t, period_dim, m->melt_dim);
    if (facts)
        cJSON_AddItemToObject(meta, "computed", facts);
    table_set_meta(t, meta);
    *out = t;
    rc = 0;
done:
    cJSON_Delete(xwalk);
    for (size_t d = 0; d < m->n_dims; d++)
        strset_free(&seen[d]);
    free(seen);
    for (size_t i = 0; i < m->n_files; i++)
        imp_source_free(&srcs[i]);
    free(srcs);
    rows_free(&rs);
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
    d.meta_changed = old && !cJSON_Compare(old->meta, t->meta, 1);
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
