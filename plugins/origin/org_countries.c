/* Figure 1.3: the ten largest origin countries, split by generation where
 * the data split them (country table 1997-2017; generations and Morocco
 * from CBS 37296ned). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "org_countries.h"
#include "org_data.h"
#include "common/spectext.h"
#include "org_figures.h"
#include "common/period.h"

#define MAX_COUNTRIES 512

static int by_total_desc(const void *a, const void *b)
{
    const org_country *x = a, *y = b;
    if (x->total != y->total)
        return x->total < y->total ? 1 : -1;
    return strcmp(x->code, y->code);
}

int org_latest_year(const wrrfig_host *h, const wrrfig_table *t)
{
    int dp = h->table_dim_index(t, "Perioden"), dn = h->table_dim_index(t, "Niveau");
    if (dp < 0 || dn < 0)
        return 0;
    int best = 0;
    size_t n = h->table_rows(t);
    for (size_t r = 0; r < n; r++) {
        double v;
        int y = wfc_period_year_or(h->table_key(t, r, (size_t)dp), 0);
        if (strcmp(h->table_key(t, r, (size_t)dn), "land") == 0 && h->table_value(t, r, &v) == WRRFIG_VALUE && y > best)
            best = y;
    }
    return best;
}

const org_extra org_default_extras[] = {{"Marokko", "Marokko_35"}};
const size_t org_n_default_extras = sizeof org_default_extras / sizeof org_default_extras[0];

int org_countries(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_table *tc, const wrrfig_table *tn, int year,
                  const org_extra *extras, size_t n_extras, org_country *out, size_t max, size_t *n_out)
{
    *n_out = 0;
    int dp = h->table_dim_index(tc, "Perioden"), dn = h->table_dim_index(tc, "Niveau"),
        dh = h->table_dim_index(tc, "Herkomst");
    if (dp < 0 || dn < 0 || dh < 0)
        return 0;
    size_t n = 0, rows = h->table_rows(tc);
    for (size_t r = 0; r < rows && n < max; r++) {
        double v;
        if (strcmp(h->table_key(tc, r, (size_t)dn), "land") != 0 || wfc_period_year_or(h->table_key(tc, r, (size_t)dp), 0) != year)
            continue;
        int k = org_value(h, ctx, tc, r, &v);
        if (k < 0)
            return -1;
        if (k != WRRFIG_VALUE)
            continue;
        out[n].code = h->table_key(tc, r, (size_t)dh);
        out[n].total = v;
        out[n].from_37296 = 0;
        n++;
    }
    for (size_t i = 0; i < n_extras && n < max && tn; i++) {
        int dup = 0;
        for (size_t j = 0; j < n; j++)
            dup |= strcmp(out[j].code, extras[i].country) == 0;
        double v;
        int k = dup ? WRRFIG_NO_CELL : org_cell(h, ctx, tn, "Onderwerp", extras[i].topic, NULL, NULL, year, &v);
        if (k < 0)
            return -1;
        if (k != WRRFIG_VALUE)
            continue;
        out[n].code = extras[i].country;
        out[n].total = v;
        out[n].from_37296 = 1;
        n++;
    }
    qsort(out, n, sizeof *out, by_total_desc);
    *n_out = n;
    return 0;
}

wrrfig_status org_build_fig_1_3(const wrrfig_host *h, wrrfig_ctx *ctx)
{
    const wrrfig_table *tc = h->table(ctx, ORG_T_COUNTRY), *tn = h->table(ctx, ORG_T37296);
    if (!tc || !tn)
        return WRRFIG_NODATA;
    /* every word the figure writes, in the output language, before any data */
    static const char *const keys[] = {"text.latest_year", "text.generations_differ", "legend.first",
                                       "legend.second", "legend.unknown"};
    const char *words[5];
    if (!wfc_spec_texts(h, ctx, keys, words, 5))
        return WRRFIG_ERROR;
    const char *latest_year = words[0];
    int year = org_latest_year(h, tc);
    if (!year) {
        h->log(ctx, WRRFIG_LOG_ERROR, "%s has no country values", ORG_T_COUNTRY);
        return WRRFIG_NODATA;
    }
    org_extra extras[8];
    size_t ne = h->spec_count(ctx, "extra_countries");
    if (ne > 8)
        ne = 8;
    for (size_t i = 0; i < ne; i++) {
        char k1[48], k2[48];
        snprintf(k1, sizeof k1, "extra_countries.%zu.country", i);
        snprintf(k2, sizeof k2, "extra_countries.%zu.code", i);
        extras[i].country = h->spec_text(ctx, k1);
        extras[i].topic = h->spec_text(ctx, k2);
        if (!extras[i].country || !extras[i].topic)
            return WRRFIG_ERROR;
    }
    org_country *c = calloc(MAX_COUNTRIES, sizeof *c);
    size_t n;
    if (org_countries(h, ctx, tc, tn, year, extras, ne, c, MAX_COUNTRIES, &n) != 0) {
        free(c);
        return WRRFIG_ERROR;
    }
    double top = 10;
    h->spec_number(ctx, "top", &top);
    size_t k = n < (size_t)top ? n : (size_t)top;
    if (k == 0) {
        free(c);
        return WRRFIG_NODATA;
    }
    static const char *const year_name[] = {"year"};
    char ytext[16], buf[512];
    snprintf(ytext, sizeof ytext, "%d", year);
    const char *const year_value[] = {ytext};
    const char *tt = h->spec_text(ctx, "title_template");
    if (tt) {
        wfc_fill(buf, sizeof buf, tt, year_name, year_value, 1);
        h->set_title(ctx, buf);
    }
    wfc_fill(buf, sizeof buf, latest_year, year_name, year_value, 1);
    h->note(ctx, "%s", buf);
    h->csv_row(ctx, "ssssssss", "rank", "country", "label", "total", "first_generation", "second_generation",
               "generation_not_in_data", "total_from");
    h->gp_block_begin(ctx, "c");
    size_t ng = h->spec_count(ctx, "generation_codes");
    for (size_t i = 0; i < k; i++) {
        size_t r = k - 1 - i; /* ascending left to right, largest at the right as in the report */
        const org_country *e = &c[r];
        double f = 0, s = 0, u = e->total;
        for (size_t g = 0; g < ng; g++) {
            char kc[48], kf[48], ks[48];
            snprintf(kc, sizeof kc, "generation_codes.%zu.country", g);
            snprintf(kf, sizeof kf, "generation_codes.%zu.first", g);
            snprintf(ks, sizeof ks, "generation_codes.%zu.second", g);
            const char *cc = h->spec_text(ctx, kc);
            double fv, sv;
            if (!cc || strcmp(cc, e->code) != 0 || !h->spec_text(ctx, kf) || !h->spec_text(ctx, ks))
                continue;
            int kfv = org_cell(h, ctx, tn, "Onderwerp", h->spec_text(ctx, kf), NULL, NULL, year, &fv);
            int ksv = kfv < 0 ? kfv : org_cell(h, ctx, tn, "Onderwerp", h->spec_text(ctx, ks), NULL, NULL, year, &sv);
            if (kfv < 0 || ksv < 0) {
                h->gp_block_end(ctx); /* an open block would be reported as misuse, not as this error */
                free(c);
                return WRRFIG_ERROR;
            }
            if (kfv != WRRFIG_VALUE || ksv != WRRFIG_VALUE)
                continue;
            f = fv;
            s = sv;
            u = 0;
            if (fv + sv != e->total) {
                static const char *const names[] = {"country", "generations", "total"};
                char gen[32], tot[32], note[512];
                snprintf(gen, sizeof gen, "%.0f", fv + sv);
                snprintf(tot, sizeof tot, "%.0f", e->total);
                const char *const values[] = {e->code, gen, tot};
                wfc_fill(note, sizeof note, words[1], names, values, 3);
                h->note(ctx, "%s", note);
            }
        }
        char key[256];
        snprintf(key, sizeof key, "label:Herkomst:%s", e->code);
        const char *label = e->from_37296 ? e->code : h->table_meta(tc, key);
        if (!label)
            label = e->code;
        h->csv_row(ctx, "issnnnns", (int)(r + 1), e->code, label, e->total, f, s, u,
                   e->from_37296 ? "cbs/37296ned" : ORG_T_COUNTRY);
        h->gp_block_row(ctx, "%zu %g %g %g %q", i, f / 1000.0, s / 1000.0, u / 1000.0, label);
    }
    h->gp_block_end(ctx);
    free(c);
    const char *yl = h->spec_text(ctx, "ylabel");
    if (yl)
        h->gp_cmd(ctx, "set ylabel %q", yl);
    h->gp_cmd(ctx, "set style fill solid 0.9 noborder");
    h->gp_cmd(ctx, "set key top left");
    h->gp_cmd(ctx, "set xrange [-0.6:%g]", k - 0.4);
    h->gp_cmd(ctx, "set yrange [0:*]");
    h->gp_cmd(ctx, "set xtics rotate by 30 right");
    h->gp_cmd(ctx, "set bmargin 9");
    h->gp_cmd(ctx, "plot $c using 1:($2/2):($1-0.35):($1+0.35):(0):2:xtic(5) with boxxyerror lt 1 title %q, \\",
              words[2]);
    h->gp_cmd(ctx, "     $c using 1:($2+$3/2):($1-0.35):($1+0.35):2:($2+$3) with boxxyerror lt 2 title %q, \\",
              words[3]);
    h->gp_cmd(ctx, "     $c using 1:($4/2):($1-0.35):($1+0.35):(0):4 with boxxyerror lt 8 fs pattern 4 title %q",
              words[4]);
    return WRRFIG_OK;
}
