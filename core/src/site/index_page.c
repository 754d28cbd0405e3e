/* index.html / index.en.html: every figure and table of the report, in
 * report order, grouped by chapter, one card each. */
#include "site/html.h"
#include "site/site.h"

#include <ctype.h>
#include <string.h>

#include "format/jsonfile.h"

/* The first CBS table id named in a needs text ("CBS 83787NED", "CBS
 * 70067ned"): five digits and optional letters after "CBS ". */
static int cbs_table_in(const char *needs, char *out, size_t size)
{
    for (const char *p = strstr(needs, "CBS "); p; p = strstr(p + 1, "CBS ")) {
        const char *q = p + 4;
        size_t n = 0;
        while (isdigit((unsigned char)q[n]))
            n++;
        if (n != 5)
            continue;
        while (isalpha((unsigned char)q[n]) && n < 8)
            n++;
        if (n + 1 > size)
            return 0;
        memcpy(out, q, n);
        out[n] = '\0';
        return 1;
    }
    return 0;
}

static void nodata_facts(strbuf *b, const site_fig *f, const site_ui *u)
{
    const cJSON *m = f->man[LANG_NL];
    const char *missing = json_str(m, "missing_input"), *needs = json_str(m, "needs");
    if (!needs && f->reg)
        needs = f->reg->needs;
    sb_puts(b, "<dl class=\"facts\">");
    if (missing) {
        sb_printf(b, "<dt>%s</dt><dd><code>", u->missing_input);
        html_esc(b, missing);
        sb_puts(b, "</code></dd>");
    }
    char table[32];
    if (needs && cbs_table_in(needs, table, sizeof table)) {
        sb_printf(b, "<dt>%s</dt><dd>CBS ", u->table);
        html_esc(b, table);
        sb_puts(b, "</dd>");
    }
    site_fetchable_fact(b, m, u);
    sb_puts(b, "</dl>\n");
    if (needs) {
        sb_printf(b, "<details><summary>%s</summary><p>", u->needs);
        html_esc(b, needs);
        sb_puts(b, "</p></details>\n");
    }
}

static void status_line(strbuf *b, const site_fig *f, const site_ui *u)
{
    const char *k = site_fig_status(f);
    sb_puts(b, "<p class=\"status\"><span class=\"badge s-");
    sb_puts(b, k);
    sb_puts(b, "\">");
    sb_puts(b, !strcmp(k, "ok") ? u->status_ok : !strcmp(k, "no-data") ? u->status_nodata : u->status_missing);
    sb_puts(b, "</span> <code>");
    html_esc(b, f->id);
    sb_puts(b, "</code></p>\n");
}

static void card(strbuf *b, const site *s, const site_fig *f, int lang)
{
    const site_ui *u = site_ui_for(lang);
    const char *k = site_fig_status(f);
    sb_puts(b, "<li class=\"card ");
    sb_puts(b, f->canonical ? "report" : "extra");
    sb_puts(b, " st-");
    sb_puts(b, k);
    sb_puts(b, "\" id=\"");
    html_id(b, f->id);
    sb_puts(b, "\">\n<a class=\"thumb\" href=\"");
    html_url(b, "fig/", f->id);
    sb_printf(b, "%s.html\">", u->suffix);
    /* The thumbnail of this language's build, else the Dutch one. */
    int tl = f->man[lang] && !strcmp(json_str(f->man[lang], "status") ? json_str(f->man[lang], "status") : "", "ok")
                 ? lang
                 : LANG_NL;
    if (!strcmp(k, "ok") && f->man[tl]) {
        const cJSON *r = json_at(f->man[tl], "outputs.rendered"), *it;
        int png = 0;
        cJSON_ArrayForEach(it, r) png |= cJSON_IsString(it) && !strcmp(it->valuestring, "png");
        /* The thumbnail repeats the card's title, so it is decorative here;
         * the figure page carries the full alt text. */
        if (png) {
            sb_puts(b, "<img src=\"");
            html_url(b, tl == LANG_EN ? "en/" : "", f->id);
            sb_puts(b, ".png\" alt=\"\">");
        } else
            sb_puts(b, "<span class=\"noimg\" aria-hidden=\"true\">SVG</span>");
    } else
        sb_puts(b, "<span class=\"noimg\" aria-hidden=\"true\">NO-DATA</span>");
    sb_puts(b, "\n<span class=\"title\">");
    html_esc(b, site_fig_title(f, lang));
    sb_puts(b, "</span></a>\n");
    status_line(b, f, u);
    if (f->parent) {
        sb_printf(b, "<p class=\"variant\">%s <a href=\"#", u->variant_of);
        html_id(b, f->parent);
        sb_puts(b, "\">");
        html_esc(b, f->parent);
        sb_puts(b, "</a></p>\n");
    } else if (!f->canonical) {
        const char *why = site_text(cJSON_GetObjectItemCaseSensitive(f->spec, "extra"), lang);
        sb_puts(b, "<p class=\"variant\">");
        html_esc(b, why ? why : u->extra);
        sb_puts(b, "</p>\n");
    }
    if (!strcmp(k, "no-data"))
        nodata_facts(b, f, u);
    (void)s;
    sb_puts(b, "</li>\n");
}

int site_write_index(const site *s, int lang, wf_error *err)
{
    const site_ui *u = site_ui_for(lang);
    strbuf b = STRBUF_INIT;
    html_page_begin(&b, u->lang, u->site_title, "");
    size_t n_rep = 0, ready = 0, nodata = 0, extras = 0;
    for (size_t i = 0; i < s->n_figs; i++) {
        const site_fig *f = &s->figs[i];
        if (!f->canonical) {
            extras++;
            continue;
        }
        n_rep++;
        ready += !strcmp(site_fig_status(f), "ok");
        nodata += !strcmp(site_fig_status(f), "no-data");
    }
    sb_puts(&b, "<header class=\"top\"><nav aria-label=\"site\"><a href=\"index");
    sb_puts(&b, u->suffix);
    sb_printf(&b, ".html\" class=\"here\">%s</a> <a href=\"claims%s.html\">%s</a> "
                  "<a class=\"lang\" hreflang=\"%s\" lang=\"%s\" href=\"index%s.html\">%s</a></nav></header>\n",
              u->all_figures, u->suffix, u->claims, u->other_lang, u->other_lang, u->other_suffix, u->other_name);
    sb_puts(&b, "<main id=\"main\">\n<h1>");
    html_esc(&b, u->site_title);
    sb_puts(&b, "</h1>\n<p class=\"intro\">");
    html_esc(&b, u->intro);
    sb_puts(&b, "</p>\n");
    if (lang == LANG_EN)
        sb_printf(&b, "<p class=\"counts\">%zu figures and tables: %zu drawn, %zu NO-DATA; %zu extra variants.</p>\n",
                  n_rep, ready, nodata, extras);
    else
        sb_printf(&b, "<p class=\"counts\">%zu figuren en tabellen: %zu getekend, %zu NO-DATA; %zu extra varianten.</p>\n",
                  n_rep, ready, nodata, extras);
    int open_chapter = -1;
    for (size_t i = 0; i < s->n_figs; i++) {
        const site_fig *f = &s->figs[i];
        if (f->chapter != open_chapter) {
            if (open_chapter >= 0)
                sb_puts(&b, "</ul>\n</section>\n");
            open_chapter = f->chapter;
            if (f->chapter == SITE_CH_EXTRA)
                sb_printf(&b, "<section aria-labelledby=\"extra\">\n<h2 id=\"extra\">%s</h2>\n<ul class=\"cards\">\n",
                          u->extra_figures);
            else
                sb_printf(&b, "<section aria-labelledby=\"ch%d\">\n<h2 id=\"ch%d\">%s %d</h2>\n<ul class=\"cards\">\n",
                          f->chapter, f->chapter, u->chapter, f->chapter);
        }
        card(&b, s, f, lang);
    }
    if (open_chapter >= 0)
        sb_puts(&b, "</ul>\n</section>\n");
    sb_puts(&b, "</main>\n");
    html_page_end(&b, "", 0);
    int rc = site_write_file(s->o->out_dir, lang == LANG_EN ? "index.en.html" : "index.html", &b, err);
    sb_free(&b);
    return rc;
}
