/* policy: the text tables of chapter 4 (Tabel 4.1, 4.2, 4.3 and the table in
 * Kader 4.5), typeset with gnuplot and written as CSV, Markdown and HTML. */
#include <wrrfig/plugin.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "policy_measures.h"
#include "tabledoc.h"
#include "tablegp.h"
#include "tablelayout.h"
#include "texttable.h"

#define MAX_COLS 16

static double spec_num(const wrrfig_host *h, wrrfig_ctx *ctx, const char *key, double dflt)
{
    double v;
    return h->spec_number(ctx, key, &v) ? v : dflt;
}

/* Layout settings from the spec's "layout" object; defaults suit an A4 page
 * column at 8 pt. */
static int read_params(const wrrfig_host *h, wrrfig_ctx *ctx, size_t ncols, tl_params *p, double *weights)
{
    double size = spec_num(h, ctx, "layout.font_size", 8.0);
    memset(p, 0, sizeof *p);
    p->width_pt = spec_num(h, ctx, "layout.width_pt", 640.0);
    p->pad_x_pt = spec_num(h, ctx, "layout.pad_x_pt", 5.0);
    p->pad_y_pt = spec_num(h, ctx, "layout.pad_y_pt", 4.0);
    p->leading = spec_num(h, ctx, "layout.leading", 1.25);
    p->row_labels_bold = spec_num(h, ctx, "layout.row_labels_bold", 1.0) != 0.0;
    p->body = (tw_style){&tw_font_regular, size, spec_num(h, ctx, "layout.bullet_indent_pt", 9.0)};
    p->head = (tw_style){&tw_font_bold, size, p->body.bullet_indent_pt};
    if (size < 4.0 || size > 24.0 || p->width_pt < 50.0 || p->leading < 1.0 || p->pad_x_pt < 0 || p->pad_y_pt < 0) {
        h->log(ctx, WRRFIG_LOG_ERROR, "spec layout: expected font_size 4-24, width_pt >= 50, leading >= 1, pads >= 0");
        return -1;
    }
    size_t nw = h->spec_count(ctx, "layout.weights");
    if (nw == 0)
        return 0;
    if (nw != ncols) {
        h->log(ctx, WRRFIG_LOG_ERROR, "spec layout.weights: expected %zu weights (one per column), found %zu", ncols, nw);
        return -1;
    }
    for (size_t c = 0; c < ncols; c++) {
        char key[48];
        snprintf(key, sizeof key, "layout.weights.%zu", c);
        if (!h->spec_number(ctx, key, &weights[c]) || weights[c] < 0) {
            h->log(ctx, WRRFIG_LOG_ERROR, "spec %s: expected a number >= 0", key);
            return -1;
        }
    }
    p->weights = weights;
    return 0;
}

/* --lang en: the spec's English column headers replace row 0; the cells stay
 * as the report prints them. */
static int english_headers(const wrrfig_host *h, wrrfig_ctx *ctx, tl_table *t)
{
    if (strcmp(h->lang(ctx), "en") != 0)
        return 0;
    size_t n = h->spec_count(ctx, "headers_en");
    if (n == 0) {
        h->note(ctx, "No English column headers in the spec: the headers are the report's Dutch ones.");
        return 0;
    }
    if (n != t->ncols) {
        h->log(ctx, WRRFIG_LOG_ERROR, "spec headers_en: expected %zu headers (one per column), found %zu", t->ncols, n);
        return -1;
    }
    for (size_t c = 0; c < n; c++) {
        char key[32];
        snprintf(key, sizeof key, "headers_en.%zu", c);
        const char *s = h->spec_text(ctx, key);
        if (!s || tl_set(t, 0, c, s) < 0) {
            h->log(ctx, WRRFIG_LOG_ERROR, "spec %s: expected a string", key);
            return -1;
        }
    }
    h->note(ctx, "Column headers in English from the spec; cell text is the report's Dutch.");
    return 0;
}

static void write_csv(const wrrfig_host *h, wrrfig_ctx *ctx, const tl_table *t)
{
    h->csv_row(ctx, "sss", "row", "col", "text");
    for (size_t r = 0; r < t->nrows; r++)
        for (size_t c = 0; c < t->ncols; c++)
            h->csv_row(ctx, "iis", (int)r, (int)c, tl_get(t, r, c));
}

static void write_docs(const wrrfig_host *h, wrrfig_ctx *ctx, const tl_table *t, const char *title,
                       const char *source)
{
    const char *notes[32];
    size_t nn = h->spec_count(ctx, "notes");
    if (nn > 32)
        nn = 32;
    for (size_t i = 0; i < nn; i++) {
        char key[32];
        snprintf(key, sizeof key, "notes.%zu", i);
        notes[i] = h->spec_text(ctx, key);
        if (!notes[i])
            notes[i] = "";
    }
    tabledoc_info info = {h->lang(ctx), title, source, notes, nn};
    char *md = tabledoc_markdown(t, &info), *html = tabledoc_html(t, &info);
    if (md && html) {
        h->output_text(ctx, "md", md);
        h->output_text(ctx, "html", html);
    } else {
        h->log(ctx, WRRFIG_LOG_ERROR, "out of memory writing Markdown/HTML");
    }
    free(md);
    free(html);
}

/* The host sizes the canvas from the spec's "size"; the page is drawn at one
 * plot unit per pixel, so the spec must be exactly as wide as the page and at
 * least as high (the English headers can need fewer lines than the Dutch, so
 * a spec sized for both leaves some space under the shorter). A spec that
 * would clip the table is an error naming the size to write. */
static int check_size(const wrrfig_host *h, wrrfig_ctx *ctx, tablegp_page *pg)
{
    double w = 0, hh = 0;
    int need_w = (int)(pg->width + 0.999), need_h = (int)(pg->height + 0.999);
    if (!h->spec_number(ctx, "size.0", &w) || !h->spec_number(ctx, "size.1", &hh) || (int)w != need_w ||
        (int)hh < need_h) {
        h->log(ctx, WRRFIG_LOG_ERROR, "spec size: the laid-out table needs a canvas of [%d, %d] pixels, "
                                      "the spec has [%g, %g]; write \"size\": [%d, %d]",
               need_w, need_h, w, hh, need_w, need_h);
        return -1;
    }
    pg->width = w;
    pg->height = hh;
    return 0;
}

static wrrfig_status build_text_table(const wrrfig_host *h, wrrfig_ctx *ctx, const char *input)
{
    tl_table t;
    wrrfig_status st = texttable_load(h, ctx, input, &t);
    if (st != WRRFIG_OK)
        return st;
    if (t.ncols > MAX_COLS) {
        h->log(ctx, WRRFIG_LOG_ERROR, "%s: %zu columns, at most %d supported", input, t.ncols, MAX_COLS);
        tl_free(&t);
        return WRRFIG_ERROR;
    }
    tl_params p;
    double weights[MAX_COLS];
    if (read_params(h, ctx, t.ncols, &p, weights) < 0 || english_headers(h, ctx, &t) < 0) {
        tl_free(&t);
        return WRRFIG_ERROR;
    }
    if (tl_layout(&t, &p) < 0) {
        h->log(ctx, WRRFIG_LOG_ERROR, "out of memory laying out %s", input);
        tl_free(&t);
        return WRRFIG_ERROR;
    }
    if (t.width > p.width_pt + 0.5)
        h->note(ctx, "The longest words need %.0f pt, more than the %.0f pt asked for; the table is wider.", t.width,
                p.width_pt);
    const char *title = h->spec_text(ctx, "title"), *source = h->spec_text(ctx, "source");
    tablegp_page pg;
    if (tablegp_page_layout(&t, title, source, &pg) < 0) {
        h->log(ctx, WRRFIG_LOG_ERROR, "out of memory laying out %s", input);
        tl_free(&t);
        return WRRFIG_ERROR;
    }
    if (check_size(h, ctx, &pg) < 0) {
        tablegp_page_free(&pg);
        tl_free(&t);
        return WRRFIG_ERROR;
    }
    tablegp_draw(h, ctx, &t, &p, title, source, &pg);
    write_csv(h, ctx, &t);
    write_docs(h, ctx, &t, title, source);
    tablegp_page_free(&pg);
    tl_free(&t);
    return WRRFIG_OK;
}

static wrrfig_status build_4_1(const wrrfig_host *h, wrrfig_ctx *ctx)
{
    return build_text_table(h, ctx, "report/tab-4-1");
}
static wrrfig_status build_4_2(const wrrfig_host *h, wrrfig_ctx *ctx)
{
    return build_text_table(h, ctx, "report/tab-4-2");
}
static wrrfig_status build_4_3(const wrrfig_host *h, wrrfig_ctx *ctx)
{
    return build_text_table(h, ctx, "report/tab-4-3");
}
static wrrfig_status build_k4_5(const wrrfig_host *h, wrrfig_ctx *ctx)
{
    return build_text_table(h, ctx, "report/kader-4-5");
}

static const char *const in_4_1[] = {"report/tab-4-1", NULL};
static const char *const in_4_2[] = {"report/tab-4-2", NULL};
static const char *const in_4_3[] = {"report/tab-4-3", NULL};
static const char *const in_k4_5[] = {"report/kader-4-5", NULL};
static const char *const in_k2_3[] = {"report/kader-2-3", NULL};

static const wrrfig_figure figures[] = {
    {"tab-4-1", in_4_1, "WRR 2020 Tabel 4.1, transcribed from the report (data/report/tab-4-1.csv)", build_4_1},
    {"tab-4-2", in_4_2, "WRR 2020 Tabel 4.2, transcribed from the report (data/report/tab-4-2.csv)", build_4_2},
    {"tab-4-3", in_4_3, "WRR 2020 Tabel 4.3, transcribed from the report (data/report/tab-4-3.csv)", build_4_3},
    {"kader-4-5", in_k4_5, "WRR 2020 Kader 4.5 table, transcribed from the report (data/report/kader-4-5.csv)",
     build_k4_5},
};

static const wrrfig_measure measures[] = {
    {"policy.integration_term", "period ('1998-2006', '2007-2012', '2013-2021', 'na 2021')", "years",
     "The Inburgeringstermijn Kader 4.5 gives for that period (the transcription report/kader-4-5).", in_k4_5,
     policy_m_integration_term},
    {"policy.n_types", "(none)", "count",
     "Number of distinct municipality types in the transcription of Kader 2.3 (report/kader-2-3), the 'gemiddelde "
     "Nederlandse gemeente' not counted.",
     in_k2_3, policy_m_n_types},
};

WRRFIG_PLUGIN_DEFINE("policy", "1.0.0",
                     "Chapter 4 policy-model tables (Tabel 4.1-4.3, Kader 4.5) typeset as figures; the Kader 4.5 "
                     "integration term and the number of Kader 2.3 municipality types as measures",
                     figures, measures);
