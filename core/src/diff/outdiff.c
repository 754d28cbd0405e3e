#define _POSIX_C_SOURCE 200809L
#include "diff/outdiff.h"

#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "figure/manifest_scan.h"
#include "format/csv.h"
#include "format/jsonfile.h"
#include "util/strset.h"

static void print_claims(strbuf *b, const struct od_claim_change *c, size_t n, const char *indent);
static void free_claims(struct od_claim_change *c, size_t n);

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Figure manifests in a directory (figure/manifest_scan.h): adds their ids
 * to ids. */
static int scan_manifests(const char *dir, strset *ids, wf_error *err)
{
    char **found;
    size_t n;
    if (figure_manifest_ids(dir, NULL, NULL, &found, &n) != 0)
        return wf_errorf(err, "%s: cannot read the directory (expected a build's output directory)", dir);
    for (size_t i = 0; i < n; i++) {
        strset_intern(ids, found[i]);
        free(found[i]);
    }
    free(found);
    return 0;
}

static cJSON *load_manifest(const char *dir, const char *id)
{
    strbuf p = STRBUF_INIT;
    sb_printf(&p, "%s/%s.json", dir, id);
    cJSON *m = NULL;
    wf_error e;
    if (json_read_file(p.s, &m, &e) != 0)
        m = NULL;
    sb_free(&p);
    return m;
}

static bool parse_num(const char *s, double *v)
{
    if (!s || !*s)
        return false;
    char *end;
    *v = strtod(s, &end);
    return *end == '\0' && isfinite(*v);
}

/* One CSV as cells keyed "key col": key columns are the first column and
 * every column with a non-numeric cell; the others are values. */
typedef struct cells {
    strset keys;            /* "k1=v1 k2=v2 column" */
    char **text;            /* per key index */
    size_t cap;
} cells;

static void cells_free(cells *c)
{
    for (size_t i = 0; i < c->keys.n; i++)
        free(c->text[i]);
    free(c->text);
    strset_free(&c->keys);
}

static void read_cells(const char *dir, const char *id, cells *c)
{
    memset(c, 0, sizeof *c);
    strbuf p = STRBUF_INIT;
    sb_printf(&p, "%s/%s.csv", dir, id);
    csv_doc *d = NULL;
    wf_error e;
    csv_opts o = {',', false, false};
    if (csv_read_file(p.s, &o, &d, &e) != 0 || d->n_rows == 0) {
        csv_free(d);
        sb_free(&p);
        return;
    }
    const csv_row *h = &d->rows[0];
    bool *is_key = calloc(h->n ? h->n : 1, sizeof *is_key);
    double v;
    for (size_t col = 0; col < h->n; col++) {
        is_key[col] = col == 0;
        for (size_t r = 1; r < d->n_rows && !is_key[col]; r++)
            if (col < d->rows[r].n && d->rows[r].f[col][0] && !parse_num(d->rows[r].f[col], &v))
                is_key[col] = true;
    }
    strset seen = STRSET_INIT;
    for (size_t r = 1; r < d->n_rows; r++) {
        const csv_row *row = &d->rows[r];
        strbuf k = STRBUF_INIT;
        for (size_t col = 0; col < h->n && col < row->n; col++)
            if (is_key[col])
                sb_printf(&k, "%s%s=%s", k.len ? " " : "", h->f[col], row->f[col]);
        /* A key that repeats (rows that differ only in values) gets #2, #3 */
        size_t before = seen.n;
        strset_intern(&seen, k.s ? k.s : "");
        if (seen.n == before) {
            for (int dup = 2;; dup++) {
                strbuf k2 = STRBUF_INIT;
                sb_printf(&k2, "%s #%d", k.s, dup);
                before = seen.n;
                strset_intern(&seen, k2.s);
                if (seen.n > before) {
                    sb_free(&k);
                    k = k2;
                    break;
                }
                sb_free(&k2);
            }
        }
        for (size_t col = 0; col < h->n && col < row->n; col++) {
            if (is_key[col])
                continue;
            strbuf ck = STRBUF_INIT;
            sb_printf(&ck, "%s %s", k.s ? k.s : "", h->f[col]);
            size_t i = strset_index(&c->keys, ck.s);
            if (c->keys.n > c->cap) {
                c->cap = c->keys.cap;
                c->text = xrealloc(c->text, c->cap * sizeof *c->text);
            }
            c->text[i] = xstrdup(row->f[col]);
            sb_free(&ck);
        }
        sb_free(&k);
    }
    strset_free(&seen);
    free(is_key);
    csv_free(d);
    sb_free(&p);
}

static double change_size(const od_value_change *v)
{
    if (!v->has_old || !v->has_new)
        return -1; /* added and removed after the changes */
    if (isnan(v->old_v) || isnan(v->new_v))
        return HUGE_VAL;
    return fabs(v->new_v - v->old_v);
}

static int cmp_change(const void *a, const void *b)
{
    const od_value_change *x = a, *y = b;
    double sx = change_size(x), sy = change_size(y);
    if (sx != sy)
        return sx > sy ? -1 : 1;
    return strcmp(x->where, y->where);
}

static void push_value(od_figure *f, const char *where, const char *ot, const char *nt)
{
    f->values = xrealloc(f->values, (f->n_values + 1) * sizeof *f->values);
    od_value_change *v = &f->values[f->n_values++];
    memset(v, 0, sizeof *v);
    v->where = xstrdup(where);
    v->has_old = ot != NULL;
    v->has_new = nt != NULL;
    v->old_text = ot ? xstrdup(ot) : NULL;
    v->new_text = nt ? xstrdup(nt) : NULL;
    v->old_v = v->new_v = NAN;
    if (ot)
        parse_num(ot, &v->old_v);
    if (nt)
        parse_num(nt, &v->new_v);
}

static void diff_values(od_figure *f, const char *old_dir, const char *new_dir, double tol)
{
    cells a, b;
    read_cells(old_dir, f->id, &a);
    read_cells(new_dir, f->id, &b);
    for (size_t i = 0; i < b.keys.n; i++) {
        const char *k = b.keys.order[i];
        if (!strset_has(&a.keys, k)) {
            push_value(f, k, NULL, b.text[i]);
            f->n_added++;
            continue;
        }
        const char *ot = a.text[strset_index(&a.keys, k)], *nt = b.text[i];
        double x, y;
        bool same = strcmp(ot, nt) == 0 || (parse_num(ot, &x) && parse_num(nt, &y) && fabs(x - y) <= tol);
        if (!same) {
            push_value(f, k, ot, nt);
            f->n_changed++;
        }
    }
    for (size_t i = 0; i < a.keys.n; i++)
        if (!strset_has(&b.keys, a.keys.order[i])) {
            push_value(f, a.keys.order[i], a.text[i], NULL);
            f->n_removed++;
        }
    if (f->n_values)
        qsort(f->values, f->n_values, sizeof *f->values, cmp_change);
    cells_free(&a);
    cells_free(&b);
}

/* The manifest's entry for input name, or NULL when it lists none. */
static const cJSON *input_of(const cJSON *m, const char *name)
{
    const cJSON *it;
    cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(m, "inputs"))
    if (json_str(it, "name") && strcmp(json_str(it, "name"), name) == 0)
        return it;
    return NULL;
}

static void diff_inputs(od_figure *f, const cJSON *om, const cJSON *nm)
{
    strset names = STRSET_INIT;
    const cJSON *ms[2] = {om, nm};
    for (int w = 0; w < 2; w++) {
        const cJSON *it;
        cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(ms[w], "inputs"))
        if (json_str(it, "name"))
            strset_intern(&names, json_str(it, "name"));
    }
    char **sorted = xcalloc(names.n ? names.n : 1, sizeof *sorted);
    for (size_t i = 0; i < names.n; i++)
        sorted[i] = names.order[i];
    qsort(sorted, names.n, sizeof *sorted, cmp_str);
    for (size_t i = 0; i < names.n; i++) {
        const cJSON *ia = om ? input_of(om, sorted[i]) : NULL, *ib = nm ? input_of(nm, sorted[i]) : NULL;
        const char *a = json_str(ia, "sha256"), *b = json_str(ib, "sha256");
        /* listed on both sides with the same hash, or with none on either
         * (a manifest without one: nothing says it changed) */
        if (ia && ib && (a && b ? strcmp(a, b) == 0 : !a && !b))
            continue;
        strbuf s = STRBUF_INIT;
        sb_printf(&s, "%s %.12s -> %.12s", sorted[i], a ? a : "(none)", b ? b : "(none)");
        f->inputs_changed = xrealloc(f->inputs_changed, (f->n_inputs_changed + 1) * sizeof *f->inputs_changed);
        f->inputs_changed[f->n_inputs_changed++] = sb_take(&s);
    }
    free(sorted);
    strset_free(&names);
}

/* Claims as a list of objects with id, status (or verdict) and observed. */
static const cJSON *claims_array(const cJSON *j)
{
    if (cJSON_IsArray(j))
        return j;
    const cJSON *c = cJSON_GetObjectItemCaseSensitive(j, "claims");
    return cJSON_IsArray(c) ? c : NULL;
}

static const cJSON *find_claim(const cJSON *arr, const char *id)
{
    const cJSON *it;
    cJSON_ArrayForEach(it, arr)
    if (json_str(it, "id") && strcmp(json_str(it, "id"), id) == 0)
        return it;
    return NULL;
}

static const char *claim_status(const cJSON *c)
{
    const char *s = json_str(c, "status");
    return s ? s : json_str(c, "verdict");
}

static bool claim_observed(const cJSON *c, double *v)
{
    const cJSON *o = cJSON_GetObjectItemCaseSensitive(c, "observed");
    if (!cJSON_IsNumber(o))
        return false;
    *v = o->valuedouble;
    return true;
}

static size_t diff_claims(const cJSON *oa, const cJSON *na, od_claim_change **out, size_t *n)
{
    strset ids = STRSET_INIT;
    const cJSON *arrs[2] = {oa, na};
    for (int w = 0; w < 2; w++) {
        const cJSON *it;
        cJSON_ArrayForEach(it, arrs[w])
        if (json_str(it, "id"))
            strset_intern(&ids, json_str(it, "id"));
    }
    char **sorted = xcalloc(ids.n ? ids.n : 1, sizeof *sorted);
    for (size_t i = 0; i < ids.n; i++)
        sorted[i] = ids.order[i];
    qsort(sorted, ids.n, sizeof *sorted, cmp_str);
    size_t flips = 0;
    for (size_t i = 0; i < ids.n; i++) {
        const cJSON *a = find_claim(oa, sorted[i]), *b = find_claim(na, sorted[i]);
        const char *sa = a ? claim_status(a) : NULL, *sb = b ? claim_status(b) : NULL;
        double va = 0, vb = 0;
        bool ha = a && claim_observed(a, &va), hb = b && claim_observed(b, &vb);
        bool status_changed = (sa == NULL) != (sb == NULL) || (sa && sb && strcmp(sa, sb) != 0);
        bool obs_changed = ha != hb || (ha && hb && va != vb);
        if (!status_changed && !obs_changed)
            continue;
        *out = xrealloc(*out, (*n + 1) * sizeof **out);
        od_claim_change *c = &(*out)[(*n)++];
        c->id = xstrdup(sorted[i]);
        c->old_status = sa ? xstrdup(sa) : NULL;
        c->new_status = sb ? xstrdup(sb) : NULL;
        c->has_old_obs = ha;
        c->has_new_obs = hb;
        c->old_obs = va;
        c->new_obs = vb;
        flips += status_changed && sa && sb;
    }
    free(sorted);
    strset_free(&ids);
    return flips;
}

/* A file the diff reads is absent (that side has no such output: 0) or
 * readable; one that is there but unreadable (a control character, a JSON
 * syntax error, a directory) is an error with its position (-1). The
 * readers below treat a failed read as absent, which reported a corrupt
 * CSV as every value removed, with exit status 0. */
static int check_present_readable(const char *dir, const char *name, bool is_csv, wf_error *err)
{
    strbuf p = STRBUF_INIT;
    sb_printf(&p, "%s/%s", dir, name);
    struct stat st;
    int rc = 0;
    if (lstat(p.s, &st) == 0 || errno != ENOENT) {
        if (is_csv) {
            csv_doc *d = NULL;
            csv_opts o = {',', false, false}; /* as read_cells reads it */
            rc = csv_read_file(p.s, &o, &d, err);
            csv_free(d);
        } else {
            cJSON *j = NULL;
            rc = json_read_file(p.s, &j, err);
            cJSON_Delete(j);
        }
    }
    sb_free(&p);
    return rc;
}

static int check_figure_files(const char *old_dir, const char *new_dir, const char *id, wf_error *err)
{
    const char *dirs[] = {old_dir, new_dir};
    for (size_t k = 0; k < 2; k++)
        for (int csv = 0; csv < 2; csv++) {
            strbuf n = STRBUF_INIT;
            sb_printf(&n, "%s.%s", id, csv ? "csv" : "json");
            int rc = check_present_readable(dirs[k], n.s, csv, err);
            sb_free(&n);
            if (rc != 0)
                return -1;
        }
    return 0;
}

int od_compare(const char *old_dir, const char *new_dir, double tolerance, od_result *r, wf_error *err)
{
    memset(r, 0, sizeof *r);
    strset ids = STRSET_INIT;
    if (scan_manifests(old_dir, &ids, err) != 0 || scan_manifests(new_dir, &ids, err) != 0) {
        strset_free(&ids);
        return -1;
    }
    char **sorted = xcalloc(ids.n ? ids.n : 1, sizeof *sorted);
    for (size_t i = 0; i < ids.n; i++)
        sorted[i] = ids.order[i];
    qsort(sorted, ids.n, sizeof *sorted, cmp_str);
    bool broken = check_present_readable(old_dir, "claims.json", false, err) != 0 ||
                  check_present_readable(new_dir, "claims.json", false, err) != 0;
    for (size_t i = 0; i < ids.n && !broken; i++)
        broken = check_figure_files(old_dir, new_dir, sorted[i], err) != 0;
    if (broken) {
        free(sorted);
        strset_free(&ids);
        return -1;
    }
    for (size_t i = 0; i < ids.n; i++) {
        cJSON *om = load_manifest(old_dir, sorted[i]), *nm = load_manifest(new_dir, sorted[i]);
        od_figure f;
        memset(&f, 0, sizeof f);
        f.id = xstrdup(sorted[i]);
        /* NULL means "no manifest on that side"; a manifest without a
         * status is there all the same */
        f.old_status = om ? xstrdup(json_str(om, "status") ? json_str(om, "status") : "(no status)") : NULL;
        f.new_status = nm ? xstrdup(json_str(nm, "status") ? json_str(nm, "status") : "(no status)") : NULL;
        diff_inputs(&f, om, nm);
        diff_values(&f, old_dir, new_dir, tolerance);
        f.n_verdicts_changed = diff_claims(claims_array(cJSON_GetObjectItemCaseSensitive(om, "claims")),
                                           claims_array(cJSON_GetObjectItemCaseSensitive(nm, "claims")), &f.claims,
                                           &f.n_claims);
        bool status_same = f.old_status && f.new_status && strcmp(f.old_status, f.new_status) == 0;
        if (status_same && !f.n_inputs_changed && !f.n_values && !f.n_claims) {
            r->n_same++;
            free(f.id);
            free(f.old_status);
            free(f.new_status);
        } else {
            r->n_verdicts_changed += f.n_verdicts_changed;
            r->figs = xrealloc(r->figs, (r->n_figs + 1) * sizeof *r->figs);
            r->figs[r->n_figs++] = f;
        }
        cJSON_Delete(om);
        cJSON_Delete(nm);
    }
    free(sorted);
    strset_free(&ids);
    /* The whole registry's results, when both builds have them
     * (`wrrfig check --out` writes claims.json; manifests hold only the
     * claim ids). A change goes under its figure when that figure is listed,
     * else into the claims.json section. */
    strbuf a = STRBUF_INIT, b = STRBUF_INIT;
    sb_printf(&a, "%s/claims.json", old_dir);
    sb_printf(&b, "%s/claims.json", new_dir);
    cJSON *ca = NULL, *cb = NULL;
    wf_error e;
    if (json_read_file(a.s, &ca, &e) == 0 && json_read_file(b.s, &cb, &e) == 0) {
        od_claim_change *all = NULL;
        size_t n_all = 0;
        r->n_verdicts_changed += diff_claims(claims_array(ca), claims_array(cb), &all, &n_all);
        for (size_t i = 0; i < n_all; i++) {
            const cJSON *c = find_claim(claims_array(cb), all[i].id);
            if (!c)
                c = find_claim(claims_array(ca), all[i].id);
            const char *fig = json_str(c, "figure");
            od_figure *f = NULL;
            for (size_t k = 0; fig && k < r->n_figs && !f; k++)
                if (strcmp(r->figs[k].id, fig) == 0)
                    f = &r->figs[k];
            od_claim_change **dst = f ? &f->claims : &r->claims;
            size_t *dn = f ? &f->n_claims : &r->n_claims;
            *dst = xrealloc(*dst, (*dn + 1) * sizeof **dst);
            (*dst)[(*dn)++] = all[i];
        }
        free(all);
    }
    cJSON_Delete(ca);
    cJSON_Delete(cb);
    sb_free(&a);
    sb_free(&b);
    return 0;
}

int od_compare_claims(const char *baseline_path, const char *new_json, strbuf *out, size_t *flips, size_t *moved,
                      wf_error *err)
{
    cJSON *ca = NULL, *cb = NULL;
    if (json_read_file(baseline_path, &ca, err) != 0)
        return -1;
    if (!claims_array(ca)) {
        cJSON_Delete(ca);
        return wf_errorf(err, "%s: $.claims: expected an array (a claims.json written by wrrfig check --out)",
                         baseline_path);
    }
    cb = cJSON_Parse(new_json);
    od_claim_change *ch = NULL;
    size_t n = 0;
    *flips = diff_claims(claims_array(ca), claims_array(cb), &ch, &n);
    *moved = 0;
    for (size_t i = 0; i < n; i++)
        *moved += ch[i].has_old_obs && ch[i].has_new_obs && ch[i].old_obs != ch[i].new_obs;
    print_claims(out, ch, n, "  ");
    sb_printf(out, "against %s: %zu verdict%s changed, %zu observed value%s moved\n", baseline_path, *flips,
              *flips == 1 ? "" : "s", *moved, *moved == 1 ? "" : "s");
    free_claims(ch, n);
    cJSON_Delete(ca);
    cJSON_Delete(cb);
    return 0;
}

static void free_claims(od_claim_change *c, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(c[i].id);
        free(c[i].old_status);
        free(c[i].new_status);
    }
    free(c);
}

void od_free(od_result *r)
{
    for (size_t i = 0; i < r->n_figs; i++) {
        od_figure *f = &r->figs[i];
        free(f->id);
        free(f->old_status);
        free(f->new_status);
        for (size_t k = 0; k < f->n_inputs_changed; k++)
            free(f->inputs_changed[k]);
        free(f->inputs_changed);
        for (size_t k = 0; k < f->n_values; k++) {
            free(f->values[k].where);
            free(f->values[k].old_text);
            free(f->values[k].new_text);
        }
        free(f->values);
        free_claims(f->claims, f->n_claims);
    }
    free(r->figs);
    free_claims(r->claims, r->n_claims);
    memset(r, 0, sizeof *r);
}

static void print_value(strbuf *b, const od_value_change *v)
{
    if (!v->has_old)
        sb_printf(b, "    added   %s: %s\n", v->where, v->new_text);
    else if (!v->has_new)
        sb_printf(b, "    removed %s: %s\n", v->where, v->old_text);
    else if (!isnan(v->old_v) && !isnan(v->new_v))
        sb_printf(b, "    changed %s: %s -> %s (%+.15g)\n", v->where, v->old_text, v->new_text, v->new_v - v->old_v);
    else
        sb_printf(b, "    changed %s: '%s' -> '%s'\n", v->where, v->old_text, v->new_text);
}

static void print_claims(strbuf *b, const od_claim_change *c, size_t n, const char *indent)
{
    for (size_t i = 0; i < n; i++) {
        const char *sa = c[i].old_status ? c[i].old_status : "(absent)", *sn = c[i].new_status ? c[i].new_status : "(absent)";
        sb_printf(b, "%sclaim %s: ", indent, c[i].id);
        if (strcmp(sa, sn) != 0)
            sb_printf(b, "verdict %s -> %s", sa, sn);
        else
            sb_printf(b, "%s", sn);
        if (c[i].has_old_obs && c[i].has_new_obs && c[i].old_obs != c[i].new_obs)
            sb_printf(b, "; observed %.15g -> %.15g", c[i].old_obs, c[i].new_obs);
        else if (c[i].has_new_obs != c[i].has_old_obs)
            sb_printf(b, "; observed %s", c[i].has_new_obs ? "now known" : "no longer known");
        sb_putc(b, '\n');
    }
}

void od_print(strbuf *b, const od_result *r, size_t max_values)
{
    for (size_t i = 0; i < r->n_figs; i++) {
        const od_figure *f = &r->figs[i];
        sb_printf(b, "%s:", f->id);
        if (!f->old_status)
            sb_puts(b, " new figure");
        else if (!f->new_status)
            sb_puts(b, " no longer built");
        else if (strcmp(f->old_status, f->new_status) != 0)
            sb_printf(b, " %s -> %s", f->old_status, f->new_status);
        sb_putc(b, '\n');
        for (size_t k = 0; k < f->n_inputs_changed; k++)
            sb_printf(b, "  input %s\n", f->inputs_changed[k]);
        if (f->n_values) {
            sb_printf(b, "  values: %zu changed, %zu added, %zu removed\n", f->n_changed, f->n_added, f->n_removed);
            for (size_t k = 0; k < f->n_values && k < max_values; k++)
                print_value(b, &f->values[k]);
            if (f->n_values > max_values)
                sb_printf(b, "    ... and %zu more\n", f->n_values - max_values);
        }
        print_claims(b, f->claims, f->n_claims, "  ");
    }
    if (r->n_claims) {
        sb_puts(b, "claims.json:\n");
        print_claims(b, r->claims, r->n_claims, "  ");
    }
    sb_printf(b, "%zu figure%s changed, %zu unchanged; %zu claim verdict%s changed\n", r->n_figs,
              r->n_figs == 1 ? "" : "s", r->n_same, r->n_verdicts_changed, r->n_verdicts_changed == 1 ? "" : "s");
}

static void html_text(strbuf *b, const char *s)
{
    for (; s && *s; s++)
        switch (*s) {
        case '<': sb_puts(b, "&lt;"); break;
        case '>': sb_puts(b, "&gt;"); break;
        case '&': sb_puts(b, "&amp;"); break;
        case '"': sb_puts(b, "&quot;"); break;
        case '\'': sb_puts(b, "&#39;"); break;
        default: sb_putc(b, *s);
        }
}

void od_html(strbuf *b, const od_result *r, const char *old_dir, const char *new_dir)
{
    sb_puts(b, "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>wrrfig diff</title>\n"
               "<style>body{font-family:sans-serif}td,th{padding:2px 8px;text-align:left}"
               ".pair{display:flex;gap:1em}.pair figure{margin:0;flex:1}.pair img{max-width:100%;border:1px solid #ccc}"
               "</style></head><body>\n<h1>wrrfig diff</h1>\n<p>");
    html_text(b, old_dir);
    sb_puts(b, " &rarr; ");
    html_text(b, new_dir);
    sb_printf(b, ": %zu figure(s) changed, %zu unchanged, %zu claim verdict(s) changed.</p>\n", r->n_figs, r->n_same,
              r->n_verdicts_changed);
    for (size_t i = 0; i < r->n_figs; i++) {
        const od_figure *f = &r->figs[i];
        sb_puts(b, "<h2>");
        html_text(b, f->id);
        sb_puts(b, "</h2>\n<div class=\"pair\">");
        const char *dirs[2] = {old_dir, new_dir}, *names[2] = {"old", "new"};
        const char *st[2] = {f->old_status, f->new_status};
        for (int w = 0; w < 2; w++) {
            sb_printf(b, "<figure><figcaption>%s</figcaption>", names[w]);
            if (st[w] && strcmp(st[w], "ok") == 0) {
                sb_puts(b, "<img src=\"");
                html_text(b, dirs[w]);
                sb_putc(b, '/');
                html_text(b, f->id);
                sb_puts(b, ".svg\" alt=\"\">");
            } else {
                /* the status is a manifest's text, like every other string here */
                sb_puts(b, "<p>");
                html_text(b, st[w] ? st[w] : "absent");
                sb_puts(b, "</p>");
            }
            sb_puts(b, "</figure>");
        }
        sb_puts(b, "</div>\n");
        if (f->n_inputs_changed) {
            sb_puts(b, "<p>Inputs changed:</p><ul>");
            for (size_t k = 0; k < f->n_inputs_changed; k++) {
                sb_puts(b, "<li>");
                html_text(b, f->inputs_changed[k]);
                sb_puts(b, "</li>");
            }
            sb_puts(b, "</ul>\n");
        }
        if (f->n_values) {
            sb_puts(b, "<table><tr><th>cell</th><th>old</th><th>new</th></tr>\n");
            for (size_t k = 0; k < f->n_values; k++) {
                sb_puts(b, "<tr><td>");
                html_text(b, f->values[k].where);
                sb_puts(b, "</td><td>");
                html_text(b, f->values[k].old_text ? f->values[k].old_text : "");
                sb_puts(b, "</td><td>");
                html_text(b, f->values[k].new_text ? f->values[k].new_text : "");
                sb_puts(b, "</td></tr>\n");
            }
            sb_puts(b, "</table>\n");
        }
        if (f->n_claims) {
            strbuf t = STRBUF_INIT;
            print_claims(&t, f->claims, f->n_claims, "");
            sb_puts(b, "<pre>");
            html_text(b, t.s);
            sb_puts(b, "</pre>\n");
            sb_free(&t);
        }
    }
    sb_puts(b, "</body></html>\n");
}
