/* fig/<id>.html and fig/<id>.en.html: one figure with its alt text, notes,
 * numbers, provenance, claims and downloads. */
#define _POSIX_C_SOURCE 200809L
#include "site/html.h"
#include "site/site.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data/table.h"
#include "format/csv.h"
#include "format/jsonfile.h"
#include "util/fileio.h"

#define SITE_MAX_ROWS 500

/* Where this language's build outputs are, seen from fig/. */
static const char *build_prefix(int lang)
{
    return lang == LANG_EN ? "../en/" : "../";
}

static const char *build_dir(const site *s, int lang)
{
    return lang == LANG_EN ? s->en_dir : s->o->out_dir;
}

static int rendered(const cJSON *man, const char *fmt)
{
    const cJSON *it;
    cJSON_ArrayForEach(it, json_at(man, "outputs.rendered")) if (cJSON_IsString(it) && !strcmp(it->valuestring, fmt)) return 1;
    return 0;
}

/* The CSV the manifest names, as a table. A CSV that is named but cannot
 * be read is an error (-1, err): the build is broken, and a page saying
 * "CSV: name" would hide it. */
static int numbers_table(strbuf *b, const site *s, const site_fig *f, int lang, wf_error *err)
{
    const site_ui *u = site_ui_for(lang);
    const cJSON *man = f->man[lang] ? f->man[lang] : f->man[LANG_NL];
    const char *csv = json_at(man, "outputs.data") ? json_str(json_at(man, "outputs"), "data") : NULL;
    sb_printf(b, "<section aria-labelledby=\"numbers\">\n<h2 id=\"numbers\">%s</h2>\n", u->numbers);
    if (!csv || strchr(csv, '/')) {
        sb_printf(b, "<p>%s</p>\n</section>\n", u->no_render);
        return 0;
    }
    strbuf p = STRBUF_INIT;
    sb_printf(&p, "%s/%s", f->man[lang] ? build_dir(s, lang) : s->o->out_dir, csv);
    csv_doc *d = NULL;
    wf_error e;
    csv_opts o = CSV_OPTS_TIDY;
    o.same_width = 0;
    if (csv_read_file(p.s, &o, &d, &e) != 0) {
        wf_errorf(err, "the manifest of %s names its CSV: %s", f->id, e.msg);
        sb_free(&p);
        return -1;
    }
    if (d->n_rows == 0) {
        sb_puts(b, "<p>CSV: empty</p>\n</section>\n");
        csv_free(d);
        sb_free(&p);
        return 0;
    }
    sb_printf(b, "<p>%zu %s (<a href=\"", d->n_rows - 1, u->rows);
    html_url(b, f->man[lang] ? build_prefix(lang) : "../", csv);
    sb_puts(b, "\">CSV</a>)</p>\n<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-labelledby=\"numbers\">"
               "<table class=\"data\">\n<thead><tr>");
    for (size_t c = 0; c < d->rows[0].n; c++) {
        sb_puts(b, "<th scope=\"col\">");
        html_esc(b, d->rows[0].f[c]);
        sb_puts(b, "</th>");
    }
    sb_puts(b, "</tr></thead>\n<tbody>\n");
    /* A page stays light: the first SITE_MAX_ROWS rows, the rest in the CSV. */
    size_t shown = d->n_rows - 1 > SITE_MAX_ROWS ? SITE_MAX_ROWS : d->n_rows - 1;
    for (size_t r = 1; r <= shown; r++) {
        sb_puts(b, "<tr>");
        for (size_t c = 0; c < d->rows[r].n; c++) {
            const char *v = d->rows[r].f[c];
            char *end;
            int num = *v && (strtod(v, &end), *end == '\0');
            sb_puts(b, num ? "<td class=\"num\">" : "<td>");
            html_esc(b, v);
            sb_puts(b, "</td>");
        }
        sb_puts(b, "</tr>\n");
    }
    sb_puts(b, "</tbody></table></div>\n");
    if (shown < d->n_rows - 1)
        sb_printf(b, lang == LANG_EN ? "<p class=\"small\">The first %zu of %zu rows; all of them are in the CSV.</p>\n"
                                     : "<p class=\"small\">De eerste %zu van %zu rijen; alle staan in de CSV.</p>\n",
                  shown, d->n_rows - 1);
    sb_puts(b, "</section>\n");
    csv_free(d);
    sb_free(&p);
    return 0;
}

static void sidecar_link(strbuf *b, const site *s, const char *name, const char *root)
{
    char *mp = table_meta_path(s->o->data_dir, name);
    if (file_exists(mp) && !strstr(name, "..")) {
        sb_puts(b, "<a href=\"");
        html_url(b, root, "site/data/");
        html_url(b, "", name);
        sb_puts(b, ".meta.json\">");
        html_esc(b, name);
        sb_puts(b, ".meta.json</a>");
    } else
        sb_puts(b, "&mdash;");
    free(mp);
}

static void provenance(strbuf *b, const site *s, const site_fig *f, int lang)
{
    const site_ui *u = site_ui_for(lang);
    const cJSON *man = f->man[lang] ? f->man[lang] : f->man[LANG_NL];
    sb_printf(b, "<section aria-labelledby=\"prov\">\n<h2 id=\"prov\">%s</h2>\n", u->provenance);
    sb_printf(b, "<div class=\"scroll\"><table class=\"prov\">\n<thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                 "<th scope=\"col\">%s</th><th scope=\"col\">sha256</th><th scope=\"col\">%s</th></tr></thead>\n<tbody>\n",
              u->input, u->source, u->licence, u->sidecar);
    const cJSON *inputs = cJSON_GetObjectItemCaseSensitive(man, "inputs"), *in;
    int any = 0;
    cJSON_ArrayForEach(in, inputs)
    {
        any = 1;
        sb_puts(b, "<tr><td><code>");
        html_esc(b, json_str(in, "name"));
        sb_puts(b, "</code>");
        if (json_str(in, "title") && *json_str(in, "title")) {
            sb_puts(b, "<br><span class=\"small\">");
            html_esc(b, json_str(in, "title"));
            sb_puts(b, "</span>");
        }
        sb_puts(b, "</td><td>");
        html_esc(b, json_str(in, "source"));
        if (json_str(in, "source_file")) {
            sb_puts(b, "<br><span class=\"small\">");
            html_esc(b, json_str(in, "source_file"));
            sb_puts(b, "</span>");
        }
        sb_puts(b, "</td><td>");
        html_esc(b, json_str(in, "licence"));
        sb_puts(b, "</td><td><code class=\"hash\">");
        html_esc(b, json_str(in, "sha256"));
        sb_puts(b, "</code></td><td>");
        if (json_str(in, "name"))
            sidecar_link(b, s, json_str(in, "name"), "../");
        sb_puts(b, "</td></tr>\n");
    }
    /* NO-DATA: the declared inputs, present or not */
    for (size_t i = 0; !any && f->reg && f->reg->inputs && f->reg->inputs[i]; i++) {
        const char *name = f->reg->inputs[i];
        int present = table_exists(s->o->data_dir, name);
        sb_puts(b, "<tr><td><code>");
        html_esc(b, name);
        sb_puts(b, "</code></td><td colspan=\"3\">");
        sb_puts(b, present ? "" : (lang == LANG_EN ? "absent" : "ontbreekt"));
        sb_puts(b, "</td><td>");
        sidecar_link(b, s, name, "../");
        sb_puts(b, "</td></tr>\n");
    }
    sb_puts(b, "</tbody></table></div>\n<dl class=\"facts\">");
    const cJSON *pl = cJSON_GetObjectItemCaseSensitive(man, "plugin");
    if (pl) {
        sb_printf(b, "<dt>%s</dt><dd>", u->plugin);
        html_esc(b, json_str(pl, "name"));
        sb_puts(b, " ");
        html_esc(b, json_str(pl, "version"));
        sb_puts(b, "</dd>");
    }
    const cJSON *host = cJSON_GetObjectItemCaseSensitive(man, "host");
    if (host) {
        sb_printf(b, "<dt>%s</dt><dd>", u->host);
        html_esc(b, json_str(host, "version"));
        sb_puts(b, "</dd>");
    }
    if (json_str(man, "gnuplot")) {
        sb_printf(b, "<dt>%s</dt><dd>", u->gnuplot);
        html_esc(b, json_str(man, "gnuplot"));
        sb_puts(b, "</dd>");
    }
    const cJSON *spec = cJSON_GetObjectItemCaseSensitive(man, "spec");
    if (spec) {
        sb_printf(b, "<dt>%s</dt><dd><code>", u->spec);
        html_esc(b, json_str(spec, "file"));
        sb_puts(b, "</code> <code class=\"hash\">");
        html_esc(b, json_str(spec, "sha256"));
        sb_puts(b, "</code></dd>");
    }
    sb_puts(b, "</dl>\n</section>\n");
}

static void notes(strbuf *b, const site_fig *f, int lang)
{
    const site_ui *u = site_ui_for(lang);
    sb_printf(b, "<section aria-labelledby=\"notes\">\n<h2 id=\"notes\">%s</h2>\n<ul class=\"notes\">\n", u->notes);
    const cJSON *man = f->man[lang];
    const cJSON *list = cJSON_GetObjectItemCaseSensitive(man, "notes"), *it;
    int from_spec = !cJSON_IsArray(list);
    if (from_spec)
        list = cJSON_GetObjectItemCaseSensitive(f->spec, "notes");
    cJSON_ArrayForEach(it, list)
    {
        const char *t = site_text(it, lang);
        if (t) {
            sb_puts(b, "<li>");
            html_esc(b, t);
            sb_puts(b, "</li>\n");
        }
    }
    const char *chart = site_text(cJSON_GetObjectItemCaseSensitive(f->spec, "chart"), lang);
    if (chart) {
        sb_printf(b, "<li>%s: ", u->chart);
        html_esc(b, chart);
        sb_puts(b, "</li>\n");
    }
    const cJSON *rep = cJSON_GetObjectItemCaseSensitive(f->spec, "report");
    if (rep) {
        sb_printf(b, "<li>%s ", u->report_section);
        html_esc(b, json_str(rep, "section"));
        sb_printf(b, ", %s ", lang == LANG_EN ? "lines" : "regels");
        html_esc(b, json_str(rep, "lines"));
        sb_puts(b, "</li>\n");
    }
    sb_puts(b, "</ul>\n</section>\n");
}

static void claims_list(strbuf *b, const site *s, const site_fig *f, int lang)
{
    const site_ui *u = site_ui_for(lang);
    sb_printf(b, "<section aria-labelledby=\"claims\">\n<h2 id=\"claims\">%s</h2>\n", u->claims_about);
    size_t n = 0;
    for (size_t i = 0; i < s->n_claims; i++) {
        const cJSON *c = s->claims[i].j;
        const char *fig = json_str(c, "figure");
        if (!fig || strcmp(fig, f->id) != 0)
            continue;
        if (n++ == 0)
            sb_puts(b, "<ul class=\"claimlist\">\n");
        sb_puts(b, "<li>");
        site_badge(b, site_claim_verdict(&s->claims[i]));
        sb_puts(b, " <a href=\"../claims");
        sb_puts(b, u->suffix);
        sb_puts(b, ".html#");
        html_id(b, json_str(c, "id"));
        sb_puts(b, "\">");
        html_esc(b, json_str(c, "id"));
        sb_puts(b, "</a> ");
        const char *en = site_claim_en(&s->claims[i]);
        const char *q = lang == LANG_EN && en ? en : site_claim_quote(&s->claims[i]);
        if (q) {
            sb_printf(b, "<q lang=\"%s\">", lang == LANG_EN && en ? "en" : "nl");
            html_esc(b, q);
            sb_puts(b, "</q>");
        }
        sb_puts(b, "</li>\n");
    }
    if (n)
        sb_puts(b, "</ul>\n");
    else if (!s->claims_doc)
        sb_printf(b, "<p>%s</p>\n", u->no_claims);
    else
        sb_printf(b, "<p>%s</p>\n", u->none);
    sb_puts(b, "</section>\n");
}

static void downloads(strbuf *b, const site_fig *f, int lang)
{
    const site_ui *u = site_ui_for(lang);
    lang = f->man[lang] ? lang : LANG_NL; /* no build in this language: the Dutch files */
    const cJSON *man = f->man[lang];
    sb_printf(b, "<section aria-labelledby=\"dl\">\n<h2 id=\"dl\">%s</h2>\n<ul class=\"downloads\">\n", u->downloads);
    static const char *fmts[] = {"svg", "pdf", "png"};
    for (size_t i = 0; man && i < 3; i++)
        if (rendered(man, fmts[i])) {
            sb_puts(b, "<li><a href=\"");
            html_url(b, build_prefix(lang), f->id);
            sb_printf(b, ".%s\" download>%s</a></li>\n", fmts[i], fmts[i]);
        }
    const cJSON *out = cJSON_GetObjectItemCaseSensitive(man, "outputs");
    const char *labels[2][2] = {{"data", "csv"}, {"script", "gp"}};
    for (size_t i = 0; i < 2; i++) {
        const char *fn = json_str(out, labels[i][0]);
        if (fn) {
            sb_puts(b, "<li><a href=\"");
            html_url(b, build_prefix(lang), fn);
            sb_printf(b, "\" download>%s</a></li>\n", labels[i][1]);
        }
    }
    const cJSON *it;
    cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(out, "extra")) if (cJSON_IsString(it))
    {
        sb_puts(b, "<li><a href=\"");
        html_url(b, build_prefix(lang), it->valuestring);
        sb_puts(b, "\">");
        html_esc(b, it->valuestring);
        sb_puts(b, "</a></li>\n");
    }
    if (man) {
        sb_puts(b, "<li><a href=\"");
        html_url(b, build_prefix(lang), f->id);
        sb_puts(b, ".json\">manifest</a></li>\n");
    }
    sb_puts(b, "</ul>\n</section>\n");
}

int site_write_figure(const site *s, const site_fig *f, int lang, wf_error *err)
{
    const site_ui *u = site_ui_for(lang);
    const char *title = site_fig_title(f, lang);
    const char *status = site_fig_status(f);
    strbuf b = STRBUF_INIT;
    html_page_begin(&b, u->lang, title, "../");
    sb_printf(&b, "<header class=\"top\"><nav aria-label=\"site\"><a href=\"../index%s.html#", u->suffix);
    html_id(&b, f->id);
    sb_printf(&b, "\">%s</a> <a href=\"../claims%s.html\">%s</a> <a class=\"lang\" hreflang=\"%s\" lang=\"%s\" href=\"",
              u->all_figures, u->suffix, u->claims, u->other_lang, u->other_lang);
    html_url(&b, "", f->id);
    sb_printf(&b, "%s.html\">%s</a></nav></header>\n<main id=\"main\">\n<h1>", u->other_suffix, u->other_name);
    html_esc(&b, title);
    sb_puts(&b, "</h1>\n<p class=\"status\"><span class=\"badge s-");
    sb_puts(&b, status);
    sb_puts(&b, "\">");
    sb_puts(&b, !strcmp(status, "ok") ? u->status_ok : !strcmp(status, "no-data") ? u->status_nodata : u->status_missing);
    sb_puts(&b, "</span> <code>");
    html_esc(&b, f->id);
    sb_puts(&b, "</code>");
    if (f->parent) {
        sb_printf(&b, " &middot; %s <a href=\"", u->variant_of);
        html_url(&b, "", f->parent);
        sb_printf(&b, "%s.html\">", u->suffix);
        html_esc(&b, f->parent);
        sb_puts(&b, "</a>");
    }
    size_t nv = 0;
    for (size_t i = 0; i < s->n_figs; i++)
        if (s->figs[i].parent && !strcmp(s->figs[i].parent, f->id)) {
            sb_printf(&b, nv++ ? ", " : " &middot; %s: ", u->variants);
            sb_puts(&b, "<a href=\"");
            html_url(&b, "", s->figs[i].id);
            sb_printf(&b, "%s.html\">", u->suffix);
            html_esc(&b, s->figs[i].id);
            sb_puts(&b, "</a>");
        }
    sb_puts(&b, "</p>\n");
    const char *alt = site_text(cJSON_GetObjectItemCaseSensitive(f->spec, "alt"), lang);
    const char *source = site_text(cJSON_GetObjectItemCaseSensitive(f->spec, "source"), lang);
    int bl = f->man[lang] ? lang : LANG_NL; /* no build in this language: the Dutch render */
    const cJSON *man = f->man[bl];
    /* The spec's alt describes the figure over the report's period (as far
     * as the data reach: what the default build shows); a --latest build
     * shows more years, and says so rather than describe less than it
     * shows. */
    strbuf alt_latest = STRBUF_INIT;
    const cJSON *per = cJSON_GetObjectItemCaseSensitive(man, "period");
    const cJSON *dat = cJSON_GetObjectItemCaseSensitive(per, "data");
    double pf, pt, rf, rt, df, dt;
    if (alt && json_str(per, "mode") && strcmp(json_str(per, "mode"), "latest") == 0 &&
        json_num(per, "from", &pf) == 0 && json_num(per, "to", &pt) == 0 &&
        json_num(cJSON_GetObjectItemCaseSensitive(per, "report"), "from", &rf) == 0 &&
        json_num(cJSON_GetObjectItemCaseSensitive(per, "report"), "to", &rt) == 0) {
        if (json_num(dat, "first", &df) == 0 && df > rf)
            rf = df;
        if (json_num(dat, "last", &dt) == 0 && dt < rt)
            rt = dt;
    } else {
        pf = pt = rf = rt = 0;
    }
    if ((pf != rf || pt != rt) && fabs(pf) < 1e5 && fabs(pt) < 1e5 && fabs(rf) < 1e5 && fabs(rt) < 1e5) {
        sb_printf(&alt_latest, "%s ", alt);
        sb_printf(&alt_latest, u->alt_period, (int)rf, (int)rt, (int)pf, (int)pt);
        alt = alt_latest.s;
    }
    if (!strcmp(status, "ok") && man && rendered(man, "svg")) {
        sb_puts(&b, "<figure class=\"fig\">\n<img src=\"");
        html_url(&b, build_prefix(bl), f->id);
        sb_puts(&b, ".svg\" alt=\"");
        html_esc(&b, alt ? alt : title);
        sb_puts(&b, "\">\n<figcaption>");
        if (alt) {
            /* shown for sighted readers; hidden from screen readers, which read the alt text */
            sb_puts(&b, "<span class=\"alt\" aria-hidden=\"true\">");
            html_esc(&b, alt);
            sb_puts(&b, "</span> ");
        }
        html_esc(&b, source);
        sb_puts(&b, "</figcaption>\n</figure>\n");
    } else {
        sb_printf(&b, "<div class=\"nodata\"><p>%s</p>\n", u->no_render);
        if (alt) {
            sb_puts(&b, "<p class=\"alt\">");
            html_esc(&b, alt);
            sb_puts(&b, "</p>\n");
        }
        const cJSON *m = f->man[LANG_NL];
        const char *missing = json_str(m, "missing_input");
        const char *needs = json_str(m, "needs") ? json_str(m, "needs") : f->reg ? f->reg->needs : NULL;
        sb_puts(&b, "<dl class=\"facts\">");
        if (missing) {
            sb_printf(&b, "<dt>%s</dt><dd><code>", u->missing_input);
            html_esc(&b, missing);
            sb_puts(&b, "</code></dd>");
        }
        if (needs) {
            sb_printf(&b, "<dt>%s</dt><dd>", u->needs);
            html_esc(&b, needs);
            sb_puts(&b, "</dd>");
        }
        site_fetchable_fact(&b, m, u);
        sb_puts(&b, "</dl>\n</div>\n");
    }
    notes(&b, f, lang);
    if (numbers_table(&b, s, f, lang, err) != 0) {
        sb_free(&b);
        sb_free(&alt_latest);
        return -1;
    }
    provenance(&b, s, f, lang);
    claims_list(&b, s, f, lang);
    downloads(&b, f, lang);
    sb_puts(&b, "</main>\n");
    html_page_end(&b, "../", 0);
    strbuf rel = STRBUF_INIT;
    html_url(&rel, "fig/", f->id);
    sb_printf(&rel, "%s.html", u->suffix);
    int rc = site_write_file(s->o->out_dir, rel.s, &b, err);
    sb_free(&rel);
    sb_free(&b);
    sb_free(&alt_latest);
    return rc;
}
