/* claims.html / claims.en.html: every claim of the report with its verdict,
 * what it rests on, links to the figure and the input sidecars, and the
 * report passage itself. A search box and three filters narrow the list
 * (site/site.js); without JavaScript every card is shown. */
#define _POSIX_C_SOURCE 200809L
#include "site/html.h"
#include "site/site.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "format/jsonfile.h"

static void num(strbuf *b, const cJSON *c, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(c, key);
    if (cJSON_IsNumber(v))
        sb_double(b, v->valuedouble);
    else if (cJSON_IsString(v))
        html_esc(b, v->valuestring);
    else
        sb_puts(b, "&mdash;");
}

static int chapter_of(const cJSON *c)
{
    double ch;
    return json_num(c, "chapter", &ch) == 0 && ch >= 0 && ch < 100 ? (int)ch : -1;
}

static void card(strbuf *b, const site *s, const site_claim *sc, int lang)
{
    const site_ui *u = site_ui_for(lang);
    const cJSON *c = sc->j;
    const char *id = json_str(c, "id"), *status = site_claim_verdict(sc), *fig = json_str(c, "figure");
    double line = 0;
    json_num(c, "line", &line);
    sb_puts(b, "<article class=\"claim\" id=\"");
    html_id(b, id);
    sb_puts(b, "\" data-verdict=\"");
    html_esc(b, status);
    sb_printf(b, "\" data-chapter=\"%d\" data-figure=\"", chapter_of(c));
    html_esc(b, fig ? fig : "");
    sb_puts(b, "\">\n<h3><a href=\"#");
    html_id(b, id);
    sb_puts(b, "\">");
    html_esc(b, id);
    sb_puts(b, "</a> ");
    site_badge(b, status);
    sb_puts(b, "</h3>\n");
    const char *quote = site_claim_quote(sc), *en = site_claim_en(sc);
    if (quote) {
        sb_puts(b, "<blockquote lang=\"nl\">");
        html_esc(b, quote);
        sb_puts(b, "</blockquote>\n");
    }
    if (en) {
        sb_puts(b, "<p class=\"en\" lang=\"en\">");
        html_esc(b, en);
        sb_puts(b, "</p>\n");
    }
    sb_printf(b, "<dl class=\"facts\"><dt>%s</dt><dd>", u->claimed);
    html_esc(b, json_str(c, "op"));
    sb_puts(b, " ");
    const cJSON *val = site_claim_value(sc);
    if (cJSON_IsNumber(val))
        sb_double(b, val->valuedouble);
    else if (cJSON_IsString(val))
        html_esc(b, val->valuestring);
    if (json_str(c, "unit")) {
        sb_puts(b, " ");
        html_esc(b, json_str(c, "unit"));
    }
    sb_printf(b, "</dd><dt>%s</dt><dd>", u->observed);
    num(b, c, "observed");
    double oy;
    if (json_num(c, "observed_year", &oy) == 0 && oy > 0)
        sb_printf(b, " (%d)", (int)oy);
    sb_puts(b, "</dd>");
    const char *kind = json_str(c, "kind");
    if (kind) {
        sb_printf(b, "<dt>%s</dt><dd>", u->kind);
        if (!strcmp(kind, "data"))
            sb_puts(b, u->kind_data);
        else if (!strcmp(kind, "internal"))
            sb_puts(b, u->kind_internal);
        else
            html_esc(b, kind);
        sb_puts(b, "</dd>");
    }
    if (site_claim_expectation(sc)) {
        sb_printf(b, "<dt>%s</dt><dd>", u->expected);
        html_esc(b, site_claim_expectation(sc));
        sb_puts(b, "</dd>");
    }
    if (json_str(c, "reason")) {
        sb_printf(b, "<dt>%s</dt><dd>", u->reason);
        html_esc(b, json_str(c, "reason"));
        sb_puts(b, "</dd>");
    }
    if (json_str(c, "measure")) {
        sb_puts(b, "<dt>measure</dt><dd><code>");
        html_esc(b, json_str(c, "measure"));
        sb_puts(b, "</code></dd>");
    }
    sb_puts(b, "</dl>\n<p class=\"links\">");
    const site_fig *f = site_find_fig(s, fig);
    if (f) {
        sb_printf(b, "%s: <a href=\"", u->figure);
        html_url(b, "fig/", f->id);
        sb_printf(b, "%s.html\">", u->suffix);
        html_esc(b, f->id);
        sb_puts(b, "</a> (<a href=\"");
        html_url(b, "fig/", f->id);
        sb_printf(b, "%s.html#numbers\">%s</a>)", u->suffix, u->numbers);
    }
    char names[8][128];
    size_t nt = site_claim_tables(s, sc, names, 8);
    if (nt) {
        sb_printf(b, "%s%s: ", f ? " &middot; " : "", u->inputs);
        for (size_t i = 0; i < nt; i++) {
            sb_puts(b, i ? ", <a href=\"" : "<a href=\"");
            html_url(b, "site/data/", names[i]);
            sb_puts(b, ".meta.json\">");
            html_esc(b, names[i]);
            sb_puts(b, "</a>");
        }
    }
    if (line > 0) {
        sb_printf(b, "%s<a href=\"#", (f || nt) ? " &middot; " : "");
        html_id(b, id);
        sb_printf(b, "-passage\">%s %ld</a>", u->report_line, (long)line);
    }
    sb_puts(b, "</p>\n");
    if (line > 0) {
        size_t before = b->len;
        site_passage(b, s, (long)line, 2, id);
        if (b->len == before) {
            /* the id comes from claims.json: made safe like every other id */
            sb_puts(b, "<p class=\"small\" id=\"");
            html_id(b, id);
            sb_printf(b, "-passage\">%s</p>\n", u->passage_missing);
        }
    }
    sb_puts(b, "</article>\n");
}

/* Verdict kinds present, in a stable order: the known ones first. */
static size_t verdicts(const site *s, const char *out[], size_t max)
{
    static const char *known[] = {"pass", "fail", "consistent", "inconsistent", "no-data", "unbound", "error"};
    size_t n = 0;
    for (size_t k = 0; k < sizeof known / sizeof *known; k++)
        for (size_t i = 0; i < s->n_claims; i++) {
            const char *st = site_claim_verdict(&s->claims[i]);
            if (st && !strcmp(st, known[k])) {
                out[n++] = known[k];
                break;
            }
        }
    for (size_t i = 0; i < s->n_claims && n < max; i++) {
        const char *st = site_claim_verdict(&s->claims[i]);
        int seen = !st;
        for (size_t k = 0; k < n && !seen; k++)
            seen = !strcmp(out[k], st);
        if (!seen)
            out[n++] = st;
    }
    return n;
}

int site_write_claims(const site *s, int lang, wf_error *err)
{
    const site_ui *u = site_ui_for(lang);
    strbuf b = STRBUF_INIT;
    char title[256];
    snprintf(title, sizeof title, "%s", u->claims_title);
    html_page_begin(&b, u->lang, title, "");
    sb_printf(&b, "<header class=\"top\"><nav aria-label=\"site\"><a href=\"index%s.html\">%s</a> "
                  "<a href=\"claims%s.html\" class=\"here\">%s</a> "
                  "<a class=\"lang\" hreflang=\"%s\" lang=\"%s\" href=\"claims%s.html\">%s</a></nav></header>\n",
              u->suffix, u->all_figures, u->suffix, u->claims, u->other_lang, u->other_lang, u->other_suffix,
              u->other_name);
    sb_puts(&b, "<main id=\"main\">\n<h1>");
    html_esc(&b, title);
    sb_puts(&b, "</h1>\n");
    if (!s->claims_doc) {
        sb_printf(&b, "<p>%s</p>\n</main>\n", u->no_claims);
        html_page_end(&b, "", 0);
        int rc = site_write_file(s->o->out_dir, lang == LANG_EN ? "claims.en.html" : "claims.html", &b, err);
        sb_free(&b);
        return rc;
    }
    const cJSON *sum = cJSON_GetObjectItemCaseSensitive(s->claims_doc, "summary"), *it;
    if (json_str(sum, "text")) {
        sb_puts(&b, "<p class=\"counts\">");
        html_esc(&b, json_str(sum, "text"));
        sb_puts(&b, "</p>\n");
    } else if (cJSON_IsObject(sum)) {
        sb_puts(&b, "<p class=\"counts\">");
        int first = 1;
        cJSON_ArrayForEach(it, sum) if (cJSON_IsNumber(it))
        {
            sb_puts(&b, first ? "" : " &middot; ");
            first = 0;
            html_esc(&b, it->string);
            sb_printf(&b, " %d", (int)it->valuedouble);
        }
        sb_puts(&b, "</p>\n");
    }
    /* Filters */
    sb_printf(&b, "<form class=\"filters\" role=\"search\" onsubmit=\"return false\">\n"
                  "<label>%s <input type=\"search\" id=\"q\" autocomplete=\"off\"></label>\n"
                  "<label>%s <select id=\"verdict\"><option value=\"\">%s</option>",
              u->search, u->verdict, u->all);
    const char *kinds[32];
    size_t nk = verdicts(s, kinds, 32);
    for (size_t k = 0; k < nk; k++) {
        sb_puts(&b, "<option value=\"");
        html_esc(&b, kinds[k]);
        sb_puts(&b, "\">");
        for (const char *q = kinds[k]; *q; q++) {
            char up[2] = {(char)toupper((unsigned char)*q), 0};
            html_esc(&b, up);
        }
        sb_puts(&b, "</option>");
    }
    sb_printf(&b, "</select></label>\n<label>%s <select id=\"chapter\"><option value=\"\">%s</option>", u->chapter, u->all);
    for (int ch = 0; ch < 100; ch++) {
        int any = 0;
        for (size_t i = 0; i < s->n_claims && !any; i++)
            any = chapter_of(s->claims[i].j) == ch;
        if (any) {
            if (ch == 0)
                sb_printf(&b, "<option value=\"0\">%s</option>", u->summary);
            else
                sb_printf(&b, "<option value=\"%d\">%d</option>", ch, ch);
        }
    }
    sb_printf(&b, "</select></label>\n<label>%s <select id=\"figure\"><option value=\"\">%s</option>", u->figure, u->all);
    for (size_t i = 0; i < s->n_figs; i++) {
        int any = 0;
        for (size_t k = 0; k < s->n_claims && !any; k++) {
            const char *fg = json_str(s->claims[k].j, "figure");
            any = fg && !strcmp(fg, s->figs[i].id);
        }
        if (any) {
            sb_puts(&b, "<option value=\"");
            html_esc(&b, s->figs[i].id);
            sb_puts(&b, "\">");
            html_esc(&b, s->figs[i].id);
            sb_puts(&b, "</option>");
        }
    }
    sb_printf(&b, "</select></label>\n<p class=\"shown\" aria-live=\"polite\"><output id=\"shown\">%zu</output> / %zu %s</p>\n"
                  "</form>\n<h2 class=\"vh\">%s</h2>\n<div id=\"claimlist\">\n",
              s->n_claims, s->n_claims, u->shown, u->claims);
    for (size_t i = 0; i < s->n_claims; i++)
        card(&b, s, &s->claims[i], lang);
    sb_puts(&b, "</div>\n</main>\n");
    html_page_end(&b, "", 1);
    int rc = site_write_file(s->o->out_dir, lang == LANG_EN ? "claims.en.html" : "claims.html", &b, err);
    sb_free(&b);
    return rc;
}
