/* Figuren 3.2-3.5: outcomes predicted by the WRR's models as the HHI of the
 * neighbourhood or municipality rises, recomputed from the coefficients. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "curve.h"
#include "figs.h"

#define MAX_OUTCOMES 8
#define MAX_TERMS 8
#define MAX_POINTS 201

typedef struct model {
    const char *code, *label;
    const char *terms[MAX_TERMS];
    double coef[MAX_TERMS];
    size_t n;
} model;

static int read_model(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_table *t, const char *input, int d_out,
                      int d_term, model *m)
{
    size_t rows = h->table_rows(t);
    m->n = 0;
    for (size_t i = 0; i < rows; i++) {
        if (strcmp(h->table_key(t, i, (size_t)d_out), m->code) != 0)
            continue;
        const char *term = h->table_key(t, i, (size_t)d_term);
        double v, probe;
        if (cv_term(term, 0.5, &probe) < 0) {
            h->log(ctx, WRRFIG_LOG_ERROR,
                   "%s: record %zu: term: expected intercept, hhi, hhi^2, hhi^3 or hinge:K, found '%s'", input, i + 1,
                   term);
            return -1;
        }
        if (h->table_value(t, i, &v) != WRRFIG_VALUE) {
            h->log(ctx, WRRFIG_LOG_ERROR, "%s: record %zu: value: expected a coefficient for %s %s", input, i + 1,
                   m->code, term);
            return -1;
        }
        if (m->n == MAX_TERMS) {
            h->log(ctx, WRRFIG_LOG_ERROR, "%s: outcome %s has more than %d terms", input, m->code, MAX_TERMS);
            return -1;
        }
        m->terms[m->n] = term;
        m->coef[m->n++] = v;
    }
    return 0;
}

wrrfig_status build_model_curves(const wrrfig_host *h, wrrfig_ctx *ctx, const char *input)
{
    const wrrfig_table *t = h->table(ctx, input);
    if (!t)
        return WRRFIG_NODATA;
    int d_out = h->table_dim_index(t, "outcome"), d_term = h->table_dim_index(t, "term");
    if (d_out < 0 || d_term < 0) {
        h->log(ctx, WRRFIG_LOG_ERROR, "%s: expected dimensions outcome and term (one coefficient per row)", input);
        return WRRFIG_ERROR;
    }
    cv_link link;
    double scale = 1, from = 0, to = 1, step = 0.01;
    h->spec_number(ctx, "model.scale", &scale);
    h->spec_number(ctx, "hhi.from", &from);
    h->spec_number(ctx, "hhi.to", &to);
    h->spec_number(ctx, "hhi.step", &step);
    if (cv_parse_link(h->spec_text(ctx, "model.link"), &link) < 0) {
        h->log(ctx, WRRFIG_LOG_ERROR, "spec model.link: expected identity, logit or log");
        return WRRFIG_ERROR;
    }
    if (!(step > 0) || !(to > from) || (to - from) / step > MAX_POINTS - 1 + 1e-9) {
        h->log(ctx, WRRFIG_LOG_ERROR, "spec hhi: expected from < to and at most %d steps", MAX_POINTS - 1);
        return WRRFIG_ERROR;
    }
    size_t no = h->spec_count(ctx, "outcomes");
    if (no == 0 || no > MAX_OUTCOMES) {
        h->log(ctx, WRRFIG_LOG_ERROR, "spec outcomes: expected 1-%d outcomes", MAX_OUTCOMES);
        return WRRFIG_ERROR;
    }
    model m[MAX_OUTCOMES];
    for (size_t o = 0; o < no; o++) {
        char k[48];
        snprintf(k, sizeof k, "outcomes.%zu.code", o);
        m[o].code = h->spec_text(ctx, k);
        snprintf(k, sizeof k, "outcomes.%zu.label", o);
        m[o].label = h->spec_text(ctx, k);
        if (!m[o].code || !m[o].label) {
            h->log(ctx, WRRFIG_LOG_ERROR, "spec outcomes.%zu: expected code and label", o);
            return WRRFIG_ERROR;
        }
        if (read_model(h, ctx, t, input, d_out, d_term, &m[o]) < 0)
            return WRRFIG_ERROR;
        if (m[o].n == 0) {
            h->log(ctx, WRRFIG_LOG_ERROR, "%s: no coefficients for outcome %s", input, m[o].code);
            return WRRFIG_NODATA;
        }
    }

    size_t np = (size_t)floor((to - from) / step + 1e-9) + 1;
    h->csv_row(ctx, "sss", "outcome", "hhi", "predicted");
    const char *lab[MAX_OUTCOMES];
    for (size_t o = 0; o < MAX_OUTCOMES; o++)
        lab[o] = o < no ? m[o].label : "";
    h->gp_block_begin(ctx, "d");
    h->gp_block_row(ctx, "%q %q %q %q %q %q %q %q %q", "hhi", lab[0], lab[1], lab[2], lab[3], lab[4], lab[5], lab[6],
                    lab[7]);
    for (size_t i = 0; i < np; i++) {
        double x = from + (double)i * step, y[MAX_OUTCOMES];
        for (size_t o = 0; o < MAX_OUTCOMES; o++) {
            y[o] = NAN;
            if (o < no) {
                cv_predict(m[o].terms, m[o].coef, m[o].n, link, scale, x, &y[o]);
                h->csv_row(ctx, "snn", m[o].code, x, y[o]);
            }
        }
        h->gp_block_row(ctx, "%.4f %g %g %g %g %g %g %g %g", x, y[0], y[1], y[2], y[3], y[4], y[5], y[6], y[7]);
    }
    h->gp_block_end(ctx);
    const char *xl = h->spec_text(ctx, "xlabel"), *yl = h->spec_text(ctx, "ylabel");
    if (xl)
        h->gp_cmd(ctx, "set xlabel %q", xl);
    if (yl)
        h->gp_cmd(ctx, "set ylabel %q", yl);
    h->gp_cmd(ctx, "set xrange [%g:%g]", from, to);
    h->gp_cmd(ctx, "set key outside top center horizontal Left reverse maxcols 2 samplen 2");
    h->gp_cmd(ctx, "plot for [i=2:%zu] $d using 1:i with lines linewidth 2.5 linecolor (i-1) title columnheader(i)",
              no + 1);
    return WRRFIG_OK;
}
