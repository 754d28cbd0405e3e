/* Loading what the site shows (registry figures, specs, manifests of both
 * builds, claims, report text) and writing every page. */
#define _POSIX_C_SOURCE 200809L
#include "site/site.h"
#include "site/html.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "app.h"
#include "claims/read.h"
#include "data/table.h"
#include "format/jsonfile.h"
#include "util/figid.h"
#include "util/fileio.h"

const char *site_text(const cJSON *obj, int lang)
{
    if (cJSON_IsString(obj))
        return obj->valuestring;
    if (!cJSON_IsObject(obj))
        return NULL;
    const char *t = json_str(obj, lang == LANG_EN ? "en" : "nl");
    return t ? t : json_str(obj, lang == LANG_EN ? "nl" : "en");
}

const char *site_fig_title(const site_fig *f, int lang)
{
    const char *t = f->man[lang] ? json_str(f->man[lang], "title") : NULL;
    if (!t && f->spec)
        t = site_text(cJSON_GetObjectItemCaseSensitive(f->spec, "title"), lang);
    return t ? t : f->id;
}

const char *site_fig_status(const site_fig *f)
{
    const char *st = f->man[LANG_NL] ? json_str(f->man[LANG_NL], "status") : NULL;
    if (!st)
        return "not-built";
    return strcmp(st, "ok") == 0 ? "ok" : strcmp(st, "no-data") == 0 ? "no-data" : "not-built";
}

void site_fetchable_fact(strbuf *b, const cJSON *m, const site_ui *u)
{
    const cJSON *fe = cJSON_GetObjectItemCaseSensitive(m, "fetchable");
    int yes = cJSON_IsTrue(fe) || cJSON_IsObject(fe) || (cJSON_IsString(fe) && strcmp(fe->valuestring, "no") != 0);
    sb_printf(b, "<dt>%s</dt><dd>%s", u->fetchable, yes ? u->yes : u->no);
    const char *table = json_str(fe, "table"), *mapping = json_str(fe, "mapping");
    const char *why = json_str(m, "fetchable_reason");
    if (yes && table) {
        sb_puts(b, ": CBS ");
        html_esc(b, table);
        if (mapping) {
            sb_puts(b, " (<code>");
            html_esc(b, mapping);
            sb_puts(b, "</code>");
            if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(fe, "unverified")))
                sb_puts(b, ", unverified");
            sb_puts(b, ")");
        }
    } else if (!yes && why) {
        sb_puts(b, ": ");
        html_esc(b, why);
    }
    sb_puts(b, "</dd>");
}

const site_fig *site_find_fig(const site *s, const char *id)
{
    for (size_t i = 0; id && i < s->n_figs; i++)
        if (strcmp(s->figs[i].id, id) == 0)
            return &s->figs[i];
    return NULL;
}

/* fig-C-N, tab-C-N, kader-C-N: sets chapter and number. */
static int parse_canonical(const char *id, int *chapter, int *num)
{
    return figid_parse(id, chapter, num, NULL);
}

static long leading_number(const char *s)
{
    while (s && *s && !isdigit((unsigned char)*s))
        s++;
    return s && *s ? strtol(s, NULL, 10) : 0;
}

static int fig_cmp(const void *pa, const void *pb)
{
    const site_fig *a = pa, *b = pb;
    if (a->chapter != b->chapter)
        return a->chapter < b->chapter ? -1 : 1;
    /* an extra sorts right after its parent; a parentless extra at the chapter's end */
    const char *ka = a->parent ? a->parent : a->id, *kb = b->parent ? b->parent : b->id;
    int ca = a->canonical || a->parent, cb = b->canonical || b->parent;
    if (ca != cb)
        return ca ? -1 : 1;
    if (strcmp(ka, kb) != 0) {
        if (a->line != b->line)
            return a->line < b->line ? -1 : 1;
        return strcmp(ka, kb);
    }
    if (!a->parent != !b->parent)
        return a->parent ? 1 : -1;
    return strcmp(a->id, b->id);
}

/* The manifest <dir>/<id>.json: *out NULL when there is none (never
 * built). One that is there but unreadable is an error (-1), not "never
 * built": broken is not absent. */
static int read_manifest(const char *dir, const char *id, cJSON **out, wf_error *err)
{
    strbuf p = STRBUF_INIT;
    sb_printf(&p, "%s/%s.json", dir, id);
    *out = NULL;
    struct stat st;
    int rc = 0;
    if (lstat(p.s, &st) == 0 || errno != ENOENT) {
        rc = json_read_file(p.s, out, err);
        if (rc == 0 && !cJSON_IsObject(*out)) {
            rc = wf_errorf(err, "%s: $: expected an object (a figure manifest)", p.s);
            cJSON_Delete(*out);
            *out = NULL;
        }
    }
    sb_free(&p);
    return rc;
}

static int load_figs(site *s, wf_error *err)
{
    const wf_registry *r = s->o->reg;
    s->figs = xcalloc(r->n_figures ? r->n_figures : 1, sizeof *s->figs);
    for (size_t i = 0; i < r->n_figures; i++) {
        site_fig *f = &s->figs[s->n_figs++];
        f->reg = &r->figures[i];
        f->id = xstrdup(r->figures[i].id);
        wf_error e;
        f->spec = spec_load(s->o->figures_dir, f->id, &e);
        if (read_manifest(s->o->out_dir, f->id, &f->man[LANG_NL], err) != 0 ||
            read_manifest(s->en_dir, f->id, &f->man[LANG_EN], err) != 0)
            return -1;
        int num = 0;
        f->canonical = parse_canonical(f->id, &f->chapter, &num);
        const cJSON *rep = f->spec ? cJSON_GetObjectItemCaseSensitive(f->spec, "report") : NULL;
        f->line = leading_number(json_str(rep, "lines"));
        if (!f->canonical) {
            size_t best = 0;
            for (size_t k = 0; k < r->n_figures; k++) {
                const char *pid = r->figures[k].id;
                size_t n = strlen(pid);
                int pc, pn;
                if (n > best && parse_canonical(pid, &pc, &pn) && !strncmp(f->id, pid, n) && f->id[n] == '-') {
                    best = n;
                    f->parent = r->figures[k].id;
                    f->chapter = pc;
                }
            }
            if (!f->parent)
                f->chapter = json_str(rep, "section") ? (int)leading_number(json_str(rep, "section")) : SITE_CH_EXTRA;
        }
    }
    qsort(s->figs, s->n_figs, sizeof *s->figs, fig_cmp);
    return 0;
}

static int load_claims(site *s, wf_error *err)
{
    strbuf p = STRBUF_INIT;
    if (s->o->claims_file)
        sb_puts(&p, s->o->claims_file);
    else
        sb_printf(&p, "%s/claims.json", s->o->out_dir);
    int rc = 0;
    if (file_exists(p.s)) {
        if (json_read_file(p.s, &s->claims_doc, err) != 0)
            rc = -1;
        else {
            const cJSON *arr = cJSON_IsArray(s->claims_doc) ? s->claims_doc
                                                            : cJSON_GetObjectItemCaseSensitive(s->claims_doc, "claims");
            if (!cJSON_IsArray(arr))
                rc = wf_errorf(err, "%s: $.claims: expected an array of claims", p.s);
            else {
                s->claims = xcalloc((size_t)cJSON_GetArraySize(arr) + 1, sizeof *s->claims);
                const cJSON *c;
                cJSON_ArrayForEach(c, arr)
                {
                    if (!cJSON_IsObject(c) || !json_str(c, "id"))
                        continue;
                    site_claim *sc = &s->claims[s->n_claims++];
                    sc->j = c;
                    long k = claim_set_find(&s->registry, json_str(c, "id"));
                    sc->reg = k >= 0 ? &s->registry.v[k] : NULL;
                }
            }
        }
    } else if (s->o->claims_file)
        rc = wf_errorf(err, "%s: no such claims file", p.s);
    sb_free(&p);
    return rc;
}

static int load_report(site *s, wf_error *err)
{
    if (!s->o->report_file)
        return 0;
    size_t len;
    if (read_file(s->o->report_file, &s->report_text, &len, err) != 0)
        return -1;
    size_t n = 1;
    for (size_t i = 0; i < len; i++)
        n += s->report_text[i] == '\n';
    s->lines = xcalloc(n, sizeof *s->lines);
    char *p = s->report_text;
    while (p && *p) {
        s->lines[s->n_lines++] = p;
        char *nl = strchr(p, '\n');
        if (!nl)
            break;
        if (nl > p && nl[-1] == '\r')
            nl[-1] = '\0';
        *nl = '\0';
        p = nl + 1;
    }
    return 0;
}

const char *site_claim_verdict(const site_claim *c)
{
    const char *v = json_str(c->j, "verdict");
    return v ? v : json_str(c->j, "status");
}

const cJSON *site_claim_value(const site_claim *c)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(c->j, "expected");
    return v ? v : cJSON_GetObjectItemCaseSensitive(c->j, "value");
}

const char *site_claim_expectation(const site_claim *c)
{
    const char *v = json_str(c->j, "expectation");
    return v ? v : json_str(c->j, "expect");
}

const char *site_claim_quote(const site_claim *c)
{
    const char *q = json_str(c->j, "quote");
    return q ? q : c->reg ? c->reg->quote_nl : json_str(c->j, "quote_nl");
}

const char *site_claim_en(const site_claim *c)
{
    const char *q = json_str(c->j, "en");
    return q ? q : c->reg ? c->reg->en : NULL;
}

/* A table name is kept only when it has a sidecar in data/ (so a link is
 * never made to nothing) and holds no ".." or leading '/'. */
static void add_table(const site *s, const char *name, size_t k, char names[][128], size_t *n)
{
    if (k == 0 || k > 127)
        return;
    char buf[128];
    memcpy(buf, name, k);
    buf[k] = '\0';
    if (strstr(buf, "..") || buf[0] == '/')
        return;
    for (size_t i = 0; i < *n; i++)
        if (!strcmp(names[i], buf))
            return;
    char *mp = table_meta_path(s->o->data_dir, buf);
    if (file_exists(mp))
        memcpy(names[(*n)++], buf, k + 1);
    free(mp);
}

size_t site_claim_tables(const site *s, const site_claim *c, char names[][128], size_t max)
{
    size_t n = 0;
    const cJSON *tables = cJSON_GetObjectItemCaseSensitive(c->j, "tables"), *t;
    if (cJSON_IsArray(tables)) {
        cJSON_ArrayForEach(t, tables)
        {
            const char *name = json_str(t, "name");
            if (name && n < max)
                add_table(s, name, strlen(name), names, &n);
        }
        return n;
    }
    const char *inputs = json_str(c->j, "inputs");
    for (const char *p = inputs; p && *p && n < max;) {
        size_t k = 0;
        while (p[k] && (isalnum((unsigned char)p[k]) || strchr("_-./", p[k])) && k < 127)
            k++;
        if (k > 0 && p[k] == ' ' && p[k + 1] == '(')
            add_table(s, p, k, names, &n);
        /* next element: after "); " */
        const char *next = strstr(p, "); ");
        if (!next)
            break;
        p = next + 3;
    }
    return n;
}

int site_write_file(const char *dir, const char *rel, const strbuf *b, wf_error *err)
{
    strbuf p = STRBUF_INIT;
    sb_printf(&p, "%s/%s", dir, rel);
    char *slash = strrchr(p.s, '/');
    int rc = 0;
    if (slash) {
        *slash = '\0';
        rc = make_dirs(p.s, err);
        *slash = '/';
    }
    if (rc == 0)
        rc = atomic_write(p.s, b->s ? b->s : "", b->len, err);
    sb_free(&p);
    return rc;
}

static void site_free(site *s)
{
    for (size_t i = 0; i < s->n_figs; i++) {
        free(s->figs[i].id);
        cJSON_Delete(s->figs[i].spec);
        cJSON_Delete(s->figs[i].man[0]);
        cJSON_Delete(s->figs[i].man[1]);
    }
    free(s->figs);
    free(s->claims);
    cJSON_Delete(s->claims_doc);
    claim_set_free(&s->registry);
    free(s->lines);
    free(s->report_text);
}

int site_generate(const site_opts *o, site_stats *st, wf_error *err)
{
    site s = {0};
    s.o = o;
    strbuf en = STRBUF_INIT;
    if (o->en_dir)
        sb_puts(&en, o->en_dir);
    else
        sb_printf(&en, "%s/en", o->out_dir);
    s.en_dir = en.s;
    site_stats z = {0};
    if (st)
        *st = z;
    int rc = 0;
    /* The registry gives each claim its quote; a registry that does not
     * load only costs the quotes. */
    strbuf rd = STRBUF_INIT;
    wf_errors rerr = {0};
    sb_printf(&rd, "%s/claims", o->data_dir);
    if (dir_exists(rd.s))
        claims_load_dir(rd.s, &s.registry, &rerr);
    sb_free(&rd);
    wf_errors_free(&rerr);
    if (load_figs(&s, err) != 0 || load_claims(&s, err) != 0 || load_report(&s, err) != 0)
        rc = -1;
    size_t n_sidecars = 0;
    for (int lang = 0; rc == 0 && lang < 2; lang++) {
        if (site_write_index(&s, lang, err) != 0 || site_write_claims(&s, lang, err) != 0)
            rc = -1;
        for (size_t i = 0; rc == 0 && i < s.n_figs; i++)
            if (site_write_figure(&s, &s.figs[i], lang, err) != 0)
                rc = -1;
    }
    if (rc == 0)
        rc = site_write_assets(&s, &n_sidecars, err);
    if (st && rc == 0) {
        st->figures = s.n_figs;
        for (size_t i = 0; i < s.n_figs; i++) {
            st->report_figures += s.figs[i].canonical;
            const char *k = site_fig_status(&s.figs[i]);
            if (!strcmp(k, "ok"))
                st->ready++;
            else if (!strcmp(k, "no-data"))
                st->nodata++;
            else
                st->not_built++;
        }
        st->claims = s.n_claims;
        st->pages = 2 * (2 + s.n_figs);
        st->sidecars = n_sidecars;
    }
    site_free(&s);
    sb_free(&en);
    return rc;
}
