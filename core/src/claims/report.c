/* The reports for people: out/claims.md and out/claims.html. Per chapter,
 * each claim with its Dutch quote, the English reading, the claimed and the
 * observed value, the verdict, the figure it belongs to and the provenance of
 * the data used. */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claims/out.h"
#include "util/fileio.h"

#define N_CHAPTERS 10

static int decided(claim_status s)
{
    return s == CLAIM_PASS || s == CLAIM_FAIL;
}

static int selected(const claims_run *r, size_t i)
{
    return !r->selected || r->selected[i];
}

/* Per chapter: counts by status and how many claims are bound. */
typedef struct chapter_stats {
    size_t n, bound, by[CLAIM_N_VERDICT];
} chapter_stats;

static void chapter_counts(const claims_run *r, chapter_stats st[N_CHAPTERS + 1])
{
    memset(st, 0, sizeof(chapter_stats) * (N_CHAPTERS + 1));
    for (size_t i = 0; i < r->set->n; i++) {
        if (!selected(r, i))
            continue;
        const claim *c = &r->set->v[i];
        int ch = c->chapter >= 0 && c->chapter < N_CHAPTERS ? c->chapter : N_CHAPTERS;
        st[ch].n++;
        st[ch].bound += c->measure != NULL;
        st[ch].by[claims_run_verdict(r, i)]++;
    }
}

/* For people: digits grouped by a thin space from 10 000 up, decimal point
 * kept (the registry and JSON use plain numbers). */
static void num(char *buf, size_t n, double v)
{
    char raw[64];
    claims_fmt_num(raw, sizeof raw, v);
    const char *digits = raw + (raw[0] == '-');
    size_t int_len = strcspn(digits, ".");
    double a = v < 0 ? -v : v;
    if (a < 10000 || int_len > 30) {
        snprintf(buf, n, "%s", raw);
        return;
    }
    char out[96];
    size_t k = 0;
    if (raw[0] == '-')
        out[k++] = '-';
    for (size_t i = 0; i < int_len; i++) {
        if (i && (int_len - i) % 3 == 0) {
            /* U+2009 THIN SPACE */
            out[k++] = (char)0xE2;
            out[k++] = (char)0x80;
            out[k++] = (char)0x89;
        }
        out[k++] = digits[i];
    }
    snprintf(out + k, sizeof out - k, "%s", digits + int_len);
    snprintf(buf, n, "%s", out);
}

/* "> 150000 persons (tolerance 0,5), every year 2010-2018" */
static void claimed_text(strbuf *b, const claim *c)
{
    char v[64], t[64];
    num(v, sizeof v, c->value);
    num(t, sizeof t, c->tolerance);
    sb_printf(b, "%s %s %s", claim_op_str(c->op), v, c->unit);
    if (c->tolerance > 0)
        sb_printf(b, " (tolerance %s)", t);
    if (c->each_year)
        sb_printf(b, ", every year %d-%d", c->year_from, c->year_to);
}

static void observed_text(strbuf *b, const claim *c, const claim_result *x)
{
    if (!decided(x->status)) {
        sb_puts(b, "none");
        return;
    }
    char o[64], d[64];
    num(o, sizeof o, x->observed);
    num(d, sizeof d, x->observed - c->value);
    sb_puts(b, o);
    if (x->observed_year)
        sb_printf(b, " (%d)", x->observed_year);
    sb_printf(b, "; difference %s%s", x->observed - c->value > 0 ? "+" : "", d);
}

/* ------------------------------------------------------------------ Markdown */

static void md_text(strbuf *b, const char *s)
{
    for (; *s; s++) {
        if (strchr("\\`*_[]<>|#", *s))
            sb_putc(b, '\\');
        sb_putc(b, *s == '\n' ? ' ' : *s);
    }
}

/* What the kind means, in one phrase for the reports. */
static const char *kind_text(claim_kind k)
{
    switch (k) {
    case CLAIM_KIND_DATA: return "checked against third-party data";
    case CLAIM_KIND_INTERNAL: return "checked against the report itself (its own tables or printed numbers)";
    default: return "not checked";
    }
}

static void md_claim(strbuf *b, const claim *c, const claim_result *x)
{
    sb_printf(b, "### %s: %s", c->id, claim_verdict_str(claim_verdict_of(x->status, x->kind)));
    if (!x->matches)
        sb_puts(b, " (differs from the expectation)");
    else if (x->status == CLAIM_FAIL && c->revision)
        sb_puts(b, " (revised since publication)");
    else if (x->status == CLAIM_FAIL)
        sb_puts(b, " (known problem in the report)");
    sb_puts(b, "\n\n> ");
    md_text(b, c->quote_nl);
    sb_printf(b, "\n\n*");
    md_text(b, c->en);
    sb_printf(b, "*\n\n- Basis: %s\n- Where: line ", kind_text(x->kind));
    sb_printf(b, "%ld", c->line);
    if (c->section) {
        sb_puts(b, ", section ");
        md_text(b, c->section);
    }
    if (c->box) {
        sb_puts(b, ", ");
        md_text(b, c->box);
    }
    if (c->subject || c->period) {
        sb_puts(b, "\n- About: ");
        md_text(b, c->subject ? c->subject : "");
        if (c->subject && c->period)
            sb_puts(b, "; ");
        md_text(b, c->period ? c->period : "");
    }
    sb_puts(b, "\n- Claimed: ");
    strbuf t = STRBUF_INIT;
    claimed_text(&t, c);
    md_text(b, sb_cstr(&t));
    t.len = 0;
    sb_puts(b, "\n- Observed: ");
    observed_text(&t, c, x);
    md_text(b, sb_cstr(&t));
    sb_free(&t);
    if (!decided(x->status)) {
        sb_printf(b, " (%s: ", claim_verdict_str(claim_verdict_of(x->status, x->kind)));
        md_text(b, x->reason.msg);
        sb_putc(b, ')');
    }
    /* The figure by id only: whether it was built is the site's business
     * (check reads the registry and the data, never a build's outputs). */
    if (c->figure)
        sb_printf(b, "\n- Figure: %s", c->figure);
    if (c->measure) {
        sb_puts(b, "\n- Measure: `");
        sb_puts(b, c->measure);
        sb_putc(b, '`');
    }
    if (x->inputs.n) {
        strbuf d = STRBUF_INIT;
        cites_describe(&x->inputs, &d);
        sb_puts(b, "\n- Data: ");
        md_text(b, sb_cstr(&d));
        sb_free(&d);
    } else if (decided(x->status))
        sb_puts(b, "\n- Data: no table: arithmetic on the numbers printed in the report");
    if (c->has_expect && c->expect != CLAIM_PASS) {
        sb_printf(b, "\n- Recorded expectation: %s. ", claim_status_key(c->expect));
        md_text(b, c->expect_reason ? c->expect_reason : "");
    }
    if (c->revision) {
        sb_puts(b, "\n- Revised since publication: the report used ");
        md_text(b, c->revision);
        char v[64], o[64];
        num(v, sizeof v, c->value);
        num(o, sizeof o, x->observed);
        sb_printf(b, " (the report: %s; the data today: %s)", v, o);
    }
    if (c->note) {
        sb_puts(b, "\n- Note: ");
        md_text(b, c->note);
    }
    if (c->source) {
        sb_puts(b, "\n- Registry source: ");
        md_text(b, c->source);
    }
    sb_puts(b, "\n\n");
}

void claims_write_markdown(strbuf *b, const claims_run *r)
{
    chapter_stats st[N_CHAPTERS + 1];
    chapter_counts(r, st);
    sb_puts(b, "# Claims of *Samenleven in verscheidenheid* (WRR 2020), checked against the data\n\n");
    sb_puts(b, "`wrrfig check`: ");
    claims_write_summary(b, r);
    sb_printf(b, ". %zu differ from the expectation recorded in the registry%s.\n\n", r->n_mismatch,
              r->strict ? " (strict: undecided claims count)" : "");
    sb_puts(b, "PASS / FAIL: third-party data (CBS, SCP, a working paper) confirms the claim within its tolerance, "
               "or does not. CONSISTENT / INCONSISTENT: the claim agrees, or not, with the report's own tables or "
               "printed numbers; that says nothing about whether the report is right. A FAIL or INCONSISTENT "
               "recorded as a known problem of the report is expected. NO-DATA: the measure exists but its input "
               "is absent. UNBOUND: no measure decides the claim yet. Rules: `=` and `~` hold when |observed - "
               "claimed| <= tolerance; `>`/`>=` when observed > (>=) claimed - tolerance; `<`/`<=` when observed < "
               "(<=) claimed + tolerance (docs/claims.md).\n\n");
    sb_puts(b, "| Chapter | Claims | Bound | PASS | FAIL | CONSISTENT | INCONSISTENT | NO-DATA | UNBOUND | ERROR |\n"
               "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (int ch = 0; ch <= N_CHAPTERS; ch++) {
        if (!st[ch].n)
            continue;
        sb_printf(b, "| %s | %zu | %zu", claims_chapter_title(ch), st[ch].n, st[ch].bound);
        for (int v = 0; v < CLAIM_N_VERDICT; v++)
            sb_printf(b, " | %zu", st[ch].by[v]);
        sb_puts(b, " |\n");
    }
    sb_putc(b, '\n');
    for (int ch = 0; ch <= N_CHAPTERS; ch++) {
        if (!st[ch].n)
            continue;
        sb_printf(b, "## %s\n\n", claims_chapter_title(ch));
        for (size_t i = 0; i < r->set->n; i++) {
            const claim *c = &r->set->v[i];
            int cch = c->chapter >= 0 && c->chapter < N_CHAPTERS ? c->chapter : N_CHAPTERS;
            if (selected(r, i) && cch == ch)
                md_claim(b, c, &r->res[i]);
        }
    }
}

/* ---------------------------------------------------------------------- HTML */

static void html_text(strbuf *b, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '&': sb_puts(b, "&amp;"); break;
        case '<': sb_puts(b, "&lt;"); break;
        case '>': sb_puts(b, "&gt;"); break;
        case '"': sb_puts(b, "&quot;"); break;
        default: sb_putc(b, *s);
        }
    }
}

static const char css[] =
    ":root{--pass:#1a7f37;--fail:#cf222e;--consistent:#0969da;--inconsistent:#bc4c00;--nodata:#9a6700;--unbound:#6e7781;--error:#8250df;--ink:#1f2328;"
    "--muted:#59636e;--line:#d1d9e0;--bg:#f6f8fa}\n"
    "*{box-sizing:border-box}body{margin:0;font:15px/1.5 system-ui,-apple-system,'Segoe UI',sans-serif;"
    "color:var(--ink);background:#fff}\n"
    "header{background:var(--bg);border-bottom:1px solid var(--line);padding:28px 0 18px}\n"
    ".wrap{max-width:1080px;margin:0 auto;padding:0 24px}\n"
    "h1{font-size:26px;margin:0 0 6px}h2{font-size:20px;margin:36px 0 12px;padding-bottom:6px;"
    "border-bottom:2px solid var(--ink)}\n"
    ".lede{color:var(--muted);max-width:80ch;margin:4px 0 16px}\n"
    ".totals{display:flex;gap:10px;flex-wrap:wrap;margin:12px 0}\n"
    ".total{background:#fff;border:1px solid var(--line);border-radius:8px;padding:8px 14px;min-width:110px}\n"
    ".total b{display:block;font-size:22px}.total span{color:var(--muted);font-size:13px}\n"
    "table.chapters{border-collapse:collapse;width:100%;margin:10px 0 4px;font-size:14px;background:#fff}\n"
    "table.chapters th,table.chapters td{padding:5px 8px;border-bottom:1px solid var(--line);text-align:right}\n"
    "table.chapters th:first-child,table.chapters td:first-child{text-align:left}\n"
    "table.chapters td.bar{width:34%}\n"
    ".bar div{display:flex;height:12px;border-radius:3px;overflow:hidden;background:#eee}\n"
    ".bar i{display:block;height:100%}\n"
    ".s-pass{background:var(--pass)}.s-fail{background:var(--fail)}.s-no-data{background:var(--nodata)}"
    ".s-unbound{background:var(--unbound)}.s-error{background:var(--error)}"
    ".s-consistent{background:var(--consistent)}.s-inconsistent{background:var(--inconsistent)}\n"
    "nav.filter{margin:14px 0 0;display:flex;gap:6px;flex-wrap:wrap}\n"
    "nav.filter button{font:inherit;font-size:13px;border:1px solid var(--line);background:#fff;border-radius:16px;"
    "padding:3px 12px;cursor:pointer}nav.filter button.on{background:var(--ink);color:#fff;border-color:var(--ink)}\n"
    "article{border:1px solid var(--line);border-left:6px solid var(--unbound);border-radius:6px;"
    "padding:12px 16px;margin:12px 0;background:#fff}\n"
    "article.st-pass{border-left-color:var(--pass)}article.st-fail{border-left-color:var(--fail)}"
    "article.st-no-data{border-left-color:var(--nodata)}article.st-error{border-left-color:var(--error)}"
    "article.st-consistent{border-left-color:var(--consistent)}"
    "article.st-inconsistent{border-left-color:var(--inconsistent)}\n"
    ".head{display:flex;gap:10px;align-items:baseline;flex-wrap:wrap}\n"
    ".badge{font-size:12px;font-weight:700;color:#fff;border-radius:4px;padding:1px 7px;letter-spacing:.02em}\n"
    ".flag{font-size:12px;border:1px solid currentColor;border-radius:4px;padding:0 6px}\n"
    ".flag.known{color:var(--fail)}.flag.diff{color:#fff;background:var(--fail)}\n"
    ".id{font:13px ui-monospace,SFMono-Regular,Menlo,monospace;color:var(--ink);text-decoration:none}\n"
    ".where{color:var(--muted);font-size:13px}\n"
    "blockquote{margin:8px 0 4px;padding:2px 0 2px 12px;border-left:3px solid var(--line);font-style:italic}\n"
    "p.en{margin:2px 0 8px;color:var(--muted)}\n"
    "dl.nums{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;margin:6px 0}\n"
    "dl.nums dt{color:var(--muted)}dl.nums dd{margin:0;font-variant-numeric:tabular-nums}\n"
    "p.expect{margin:6px 0;padding:6px 10px;background:#fff8f8;border-radius:4px;font-size:14px}\n"
    "p.note{margin:6px 0;font-size:14px;color:var(--muted)}\n"
    "details{font-size:13px;margin-top:6px}summary{cursor:pointer;color:var(--muted)}\n"
    "code{font:12.5px ui-monospace,SFMono-Regular,Menlo,monospace;background:var(--bg);padding:1px 4px;"
    "border-radius:3px;word-break:break-word}\n"
    "details.byfig{font-size:14px;margin:10px 0 0}details.byfig table{margin-top:6px}\n"
    "details.byfig td:first-child{white-space:nowrap;width:1%}\n"
    ".chip{display:inline-block;font:11.5px ui-monospace,SFMono-Regular,Menlo,monospace;color:#fff;"
    "border-radius:3px;padding:0 5px;margin:1px 0;text-decoration:none}\n"
    "footer{color:var(--muted);font-size:13px;margin:40px 0;border-top:1px solid var(--line);padding-top:12px}\n";

/* Filtering by verdict; the page works without it. */
static const char js[] =
    "document.querySelectorAll('nav.filter button').forEach(function(b){b.addEventListener('click',function(){"
    "document.querySelectorAll('nav.filter button').forEach(function(x){x.classList.toggle('on',x===b)});"
    "var f=b.getAttribute('data-f');document.querySelectorAll('article').forEach(function(a){"
    "a.hidden=!(f==='all'||a.classList.contains(f))});"
    "document.querySelectorAll('section').forEach(function(s){"
    "s.hidden=!s.querySelector('article:not([hidden])')})})});\n";

static void html_bar(strbuf *b, const size_t by[CLAIM_N_VERDICT], size_t n)
{
    sb_puts(b, "<td class=\"bar\"><div>");
    for (int s = 0; s < CLAIM_N_VERDICT; s++)
        if (by[s] && n)
            sb_printf(b, "<i class=\"s-%s\" style=\"width:%.2f%%\" title=\"%s %zu\"></i>", claim_verdict_key(s),
                      100.0 * (double)by[s] / (double)n, claim_verdict_str(s), by[s]);
    sb_puts(b, "</div></td>");
}

static void html_claim(strbuf *b, const claim *c, const claim_result *x)
{
    claim_verdict v = claim_verdict_of(x->status, x->kind);
    const char *key = claim_verdict_key(v);
    sb_printf(b, "<article class=\"st-%s%s\" id=\"", key, x->matches ? "" : " mismatch");
    html_text(b, c->id);
    sb_printf(b, "\">\n<div class=\"head\"><span class=\"badge s-%s\">%s</span> <a class=\"id\" href=\"#", key,
              claim_verdict_str(v));
    html_text(b, c->id);
    sb_puts(b, "\">");
    html_text(b, c->id);
    sb_puts(b, "</a>");
    if (!x->matches)
        sb_puts(b, " <span class=\"flag diff\">differs from the expectation</span>");
    else if (x->status == CLAIM_FAIL && c->revision)
        sb_puts(b, " <span class=\"flag known\">revised since publication</span>");
    else if (x->status == CLAIM_FAIL)
        sb_puts(b, " <span class=\"flag known\">known problem in the report</span>");
    sb_printf(b, " <span class=\"where\">line %ld", c->line);
    if (c->section) {
        sb_puts(b, " &middot; ");
        html_text(b, c->section);
    }
    if (c->box) {
        sb_puts(b, " &middot; ");
        html_text(b, c->box);
    }
    sb_puts(b, "</span></div>\n<blockquote lang=\"nl\">");
    html_text(b, c->quote_nl);
    sb_puts(b, "</blockquote>\n<p class=\"en\">");
    html_text(b, c->en);
    sb_printf(b, "</p>\n<dl class=\"nums\"><dt>Basis</dt><dd>%s</dd>", kind_text(x->kind));
    if (c->subject || c->period) {
        sb_puts(b, "<dt>About</dt><dd>");
        html_text(b, c->subject ? c->subject : "");
        if (c->subject && c->period)
            sb_puts(b, "; ");
        html_text(b, c->period ? c->period : "");
        sb_puts(b, "</dd>");
    }
    sb_puts(b, "<dt>Claimed</dt><dd>");
    strbuf t = STRBUF_INIT;
    claimed_text(&t, c);
    html_text(b, sb_cstr(&t));
    sb_puts(b, "</dd><dt>Observed</dt><dd>");
    if (decided(x->status)) {
        t.len = 0;
        observed_text(&t, c, x);
        html_text(b, sb_cstr(&t));
        if (c->each_year && *x->reason.msg) {
            sb_puts(b, " &middot; ");
            html_text(b, x->reason.msg);
        }
    } else {
        sb_printf(b, "<strong>%s</strong>: ", claim_verdict_str(v));
        html_text(b, x->reason.msg);
    }
    sb_free(&t);
    sb_puts(b, "</dd>");
    if (c->figure) {
        sb_puts(b, "<dt>Figure</dt><dd>");
        html_text(b, c->figure);
        sb_puts(b, "</dd>");
    }
    if (x->inputs.n) {
        strbuf d = STRBUF_INIT;
        cites_describe(&x->inputs, &d);
        sb_puts(b, "<dt>Data</dt><dd>");
        html_text(b, sb_cstr(&d));
        sb_puts(b, "</dd>");
        sb_free(&d);
    } else if (decided(x->status))
        sb_puts(b, "<dt>Data</dt><dd>no table: arithmetic on the numbers printed in the report</dd>");
    sb_puts(b, "</dl>\n");
    if (c->has_expect && c->expect != CLAIM_PASS) {
        sb_printf(b, "<p class=\"expect\"><strong>Recorded expectation: %s.</strong> ", claim_status_key(c->expect));
        html_text(b, c->expect_reason ? c->expect_reason : "");
        sb_puts(b, "</p>\n");
    }
    if (c->revision) {
        char rv[64], ro[64];
        num(rv, sizeof rv, c->value);
        num(ro, sizeof ro, x->observed);
        sb_puts(b, "<p class=\"expect\"><strong>Revised since publication.</strong> The report used ");
        html_text(b, c->revision);
        sb_printf(b, ": the report %s, the data today %s.</p>\n", rv, ro);
    }
    if (c->note) {
        sb_puts(b, "<p class=\"note\">");
        html_text(b, c->note);
        sb_puts(b, "</p>\n");
    }
    sb_puts(b, "<details><summary>Measure and registry entry</summary><p>Measure: ");
    if (c->measure) {
        sb_puts(b, "<code>");
        html_text(b, c->measure);
        sb_puts(b, "</code>");
    } else
        sb_puts(b, "none (the claim is not bound to data)");
    sb_puts(b, "<br>Registry: ");
    html_text(b, c->file ? c->file : "");
    sb_printf(b, " $[%zu]", c->index);
    if (c->source) {
        sb_puts(b, " &middot; ");
        html_text(b, c->source);
    }
    sb_puts(b, "</p></details>\n</article>\n");
}

/* Figures in the order of the report (chapter, then number), each with its
 * claims as links, so a reviewer looking at one figure finds what the report
 * says about it. */
static int figure_key(const char *id, int *kind, int *ch, int *num)
{
    *kind = !strncmp(id, "fig-", 4) ? 0 : !strncmp(id, "tab-", 4) ? 1 : 2;
    const char *p = strchr(id, '-');
    return p && sscanf(p + 1, "%d-%d", ch, num) == 2;
}

static int figure_before(const char *a, const char *b)
{
    int ka, ca, na, kb, cb, nb;
    figure_key(a, &ka, &ca, &na);
    figure_key(b, &kb, &cb, &nb);
    if (ca != cb)
        return ca < cb;
    if (ka != kb)
        return ka < kb;
    return na < nb;
}

static void html_by_figure(strbuf *b, const claims_run *r)
{
    const char **figs = NULL;
    size_t n = 0;
    for (size_t i = 0; i < r->set->n; i++) {
        const char *f = r->set->v[i].figure;
        if (!selected(r, i) || !f)
            continue;
        size_t k = 0;
        while (k < n && strcmp(figs[k], f) != 0)
            k++;
        if (k == n) {
            figs = xrealloc(figs, (n + 1) * sizeof *figs);
            figs[n++] = f;
        }
    }
    if (!n)
        return;
    for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0 && figure_before(figs[j], figs[j - 1]); j--) {
            const char *t = figs[j];
            figs[j] = figs[j - 1];
            figs[j - 1] = t;
        }
    sb_printf(b, "<details class=\"byfig\"><summary>Claims by figure (%zu figures and tables)</summary>\n"
                 "<table class=\"chapters\"><tbody>\n", n);
    for (size_t k = 0; k < n; k++) {
        sb_puts(b, "<tr><td>");
        html_text(b, figs[k]);
        sb_puts(b, "</td><td style=\"text-align:left\">");
        for (size_t i = 0; i < r->set->n; i++) {
            const claim *c = &r->set->v[i];
            if (!selected(r, i) || !c->figure || strcmp(c->figure, figs[k]) != 0)
                continue;
            sb_printf(b, "<a class=\"chip s-%s\" href=\"#", claim_verdict_key(claims_run_verdict(r, i)));
            html_text(b, c->id);
            sb_printf(b, "\" title=\"%s\">", claim_verdict_str(claims_run_verdict(r, i)));
            html_text(b, c->id);
            sb_puts(b, "</a> ");
        }
        sb_puts(b, "</td></tr>\n");
    }
    sb_puts(b, "</tbody></table></details>\n");
    free(figs);
}

void claims_write_html(strbuf *b, const claims_run *r)
{
    chapter_stats st[N_CHAPTERS + 1];
    chapter_counts(r, st);
    size_t bound = 0;
    for (int ch = 0; ch <= N_CHAPTERS; ch++)
        bound += st[ch].bound;
    sb_puts(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
               "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
               "<title>Claims of Samenleven in verscheidenheid, checked against the data</title>\n<style>\n");
    sb_puts(b, css);
    sb_puts(b, "</style>\n</head>\n<body>\n<header><div class=\"wrap\">\n"
               "<h1>The report&rsquo;s numbers, checked against the data</h1>\n<p class=\"lede\">Every quantitative "
               "statement of the WRR report <em>Samenleven in verscheidenheid</em> (2020) that data could decide, "
               "with its verdict. PASS / FAIL: third-party data confirms the claim within its tolerance, or does "
               "not. CONSISTENT / INCONSISTENT: the claim agrees, or not, with the report&rsquo;s own tables or "
               "printed numbers (which says nothing about whether the report is right). A FAIL or INCONSISTENT "
               "recorded as a known problem of the report is expected. NO-DATA: the measure exists but its input "
               "table is not in the project yet. UNBOUND: no measure decides the claim.</p>\n<p class=\"lede\">");
    strbuf sum = STRBUF_INIT;
    claims_write_summary(&sum, r);
    html_text(b, sb_cstr(&sum));
    sb_free(&sum);
    sb_puts(b, ".</p>\n<div class=\"totals\">");
    sb_printf(b, "<div class=\"total\"><b>%zu</b><span>claims checked</span></div>", r->n_checked);
    sb_printf(b, "<div class=\"total\"><b>%zu</b><span>bound to a measure</span></div>", bound);
    static const char *const var[CLAIM_N_VERDICT] = {"pass",    "fail",    "consistent", "inconsistent",
                                                     "nodata",  "unbound", "error"};
    for (int s = 0; s < CLAIM_N_VERDICT; s++)
        if (r->counts[s] || s != VERDICT_ERROR)
            sb_printf(b, "<div class=\"total\" style=\"border-top:4px solid var(--%s)\"><b>%zu</b><span>%s</span></div>",
                      var[s], r->counts[s], claim_verdict_str(s));
    sb_printf(b, "<div class=\"total\"%s><b>%zu</b><span>differ from expectation</span></div></div>\n",
              r->n_mismatch ? " style=\"border-top:4px solid var(--fail)\"" : "", r->n_mismatch);
    sb_puts(b, "<table class=\"chapters\"><thead><tr><th>Chapter</th><th>Claims</th><th>Bound</th><th>PASS</th>"
               "<th>FAIL</th><th>CONSISTENT</th><th>INCONSISTENT</th><th>NO-DATA</th><th>UNBOUND</th>"
               "<th>Verdicts</th></tr></thead><tbody>\n");
    for (int ch = 0; ch <= N_CHAPTERS; ch++) {
        if (!st[ch].n)
            continue;
        sb_printf(b, "<tr><td><a href=\"#ch%d\">", ch);
        html_text(b, claims_chapter_title(ch));
        sb_printf(b, "</a></td><td>%zu</td><td>%zu</td>", st[ch].n, st[ch].bound);
        for (int v = 0; v < VERDICT_ERROR; v++)
            sb_printf(b, "<td>%zu</td>", st[ch].by[v]);
        html_bar(b, st[ch].by, st[ch].n);
        sb_puts(b, "</tr>\n");
    }
    sb_puts(b, "</tbody></table>\n");
    html_by_figure(b, r);
    sb_puts(b, "<nav class=\"filter\"><button class=\"on\" data-f=\"all\">All</button>"
               "<button data-f=\"st-pass\">PASS</button><button data-f=\"st-fail\">FAIL</button>"
               "<button data-f=\"st-consistent\">CONSISTENT</button>"
               "<button data-f=\"st-inconsistent\">INCONSISTENT</button>"
               "<button data-f=\"st-no-data\">NO-DATA</button><button data-f=\"st-unbound\">UNBOUND</button>"
               "<button data-f=\"mismatch\">Differs from expectation</button></nav>\n</div></header>\n"
               "<main class=\"wrap\">\n");
    for (int ch = 0; ch <= N_CHAPTERS; ch++) {
        if (!st[ch].n)
            continue;
        sb_printf(b, "<section id=\"ch%d\">\n<h2>", ch);
        html_text(b, claims_chapter_title(ch));
        sb_puts(b, "</h2>\n");
        for (size_t i = 0; i < r->set->n; i++) {
            const claim *c = &r->set->v[i];
            int cch = c->chapter >= 0 && c->chapter < N_CHAPTERS ? c->chapter : N_CHAPTERS;
            if (selected(r, i) && cch == ch)
                html_claim(b, c, &r->res[i]);
        }
        sb_puts(b, "</section>\n");
    }
    sb_puts(b, "<footer>Made by <code>wrrfig check</code> from the claim registry (data/claims/) and the project's "
               "data; each verdict names the tables it used and their sha256. Operator rules: <code>=</code> and "
               "<code>~</code> hold when |observed &minus; claimed| &le; tolerance; <code>&gt;</code>/<code>&ge;"
               "</code> when observed &gt; (&ge;) claimed &minus; tolerance; <code>&lt;</code>/<code>&le;</code> "
               "when observed &lt; (&le;) claimed + tolerance.</footer>\n</main>\n<script>\n");
    sb_puts(b, js);
    sb_puts(b, "</script>\n</body>\n</html>\n");
}
