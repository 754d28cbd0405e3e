/* Figuur 2.5: the population with a migration background on 1 January of
 * the report's three years (1972, 1995, 2018), as columns of % of the
 * population. Where CBS 37296ned has the origin groups (from 1996) the
 * column is split into the spec's groups; earlier years come from
 * cbs/migration_background_1972_2021 (CBS 70787ned reconstruction) and
 * carry only the total: their split by origin group is not in any table
 * here, and the figure says so rather than guessing one. */
#include <stdio.h>
#include <string.h>

#include "org_data.h"
#include "org_figures.h"
#include "common/period.h"
#include "common/spectext.h"

#define MAX_YEARS 4
#define MAX_GROUPS 6
#define MAX_CODES 8

typedef struct column {
    int year;
    int split;                 /* 1: groups from 37296ned; 0: total only */
    double pop, total;         /* persons */
    double v[MAX_GROUPS];      /* persons per group (split only) */
    const char *quality;       /* Kwaliteit code of the totals table, or NULL */
} column;

static int spec_int(const wrrfig_host *h, wrrfig_ctx *ctx, const char *key, int *out)
{
    double v;
    if (!h->spec_number(ctx, key, &v))
        return 0;
    *out = (int)v;
    return 1;
}

/* Sum of the 37296ned topics of group g in a year; 0 when one is absent,
 * -1 when one is negative (logged). */
static int group_value(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_table *t, size_t g, int year,
                       double *out)
{
    char k[64];
    snprintf(k, sizeof k, "groups.%zu.codes", g);
    size_t nc = h->spec_count(ctx, k);
    if (nc == 0 || nc > MAX_CODES)
        return 0;
    double s = 0, v;
    for (size_t c = 0; c < nc; c++) {
        snprintf(k, sizeof k, "groups.%zu.codes.%zu", g, c);
        const char *code = h->spec_text(ctx, k);
        int kind = code ? org_cell(h, ctx, t, "Onderwerp", code, NULL, NULL, year, &v) : WRRFIG_NO_CELL;
        if (kind != WRRFIG_VALUE)
            return kind < 0 ? -1 : 0;
        s += v;
    }
    *out = s;
    return 1;
}

/* The totals table's row for a year: population and migration background,
 * and the Kwaliteit code that row carries. 1 when both are there, 0 when
 * not, -1 when one is negative (logged). */
static int totals_of(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_table *t, int year, column *c)
{
    int dq = h->table_dim_index(t, "Kwaliteit"), dp = h->table_dim_index(t, "Perioden");
    int dt = h->table_dim_index(t, "Onderwerp");
    if (dq < 0 || dp < 0 || dt < 0)
        return 0;
    int have = 0;
    size_t n = h->table_rows(t);
    for (size_t r = 0; r < n; r++) {
        if (wfc_period_year_or(h->table_key(t, r, (size_t)dp), 0) != year)
            continue;
        const char *topic = h->table_key(t, r, (size_t)dt);
        double v;
        int k = org_value(h, ctx, t, r, &v);
        if (k < 0)
            return -1;
        if (k != WRRFIG_VALUE)
            continue;
        if (strcmp(topic, "Bevolking") == 0) {
            c->pop = v;
            have |= 1;
        } else if (strcmp(topic, "Migratieachtergrond") == 0) {
            c->total = v;
            have |= 2;
        } else {
            continue;
        }
        c->quality = h->table_key(t, r, (size_t)dq);
    }
    return have == 3;
}

/* A share with one decimal, written with the spec's decimal mark. */
static const char *fmt_pct(double v, const char *decimal_mark, char *buf, size_t n)
{
    snprintf(buf, n, "%.1f", v);
    return wfc_decimal(buf, n, decimal_mark);
}

wrrfig_status org_build_fig_2_5(const wrrfig_host *h, wrrfig_ctx *ctx)
{
    const wrrfig_table *t = h->table(ctx, ORG_T37296), *tt = h->table(ctx, ORG_T_MIGBG);
    if (!t || !tt)
        return WRRFIG_NODATA;
    size_t ny = h->spec_count(ctx, "years"), ng = h->spec_count(ctx, "groups");
    if (ny == 0 || ny > MAX_YEARS || ng == 0 || ng > MAX_GROUPS) {
        h->log(ctx, WRRFIG_LOG_ERROR, "spec needs 1-%d years and 1-%d groups", MAX_YEARS, MAX_GROUPS);
        return WRRFIG_ERROR;
    }
    static const char *const keys[] = {"text.decimal_mark"};
    const char *mark;
    if (!wfc_spec_texts(h, ctx, keys, &mark, 1))
        return WRRFIG_ERROR;
    column col[MAX_YEARS];
    memset(col, 0, sizeof col);
    const char *label[MAX_GROUPS];
    for (size_t g = 0; g < ng; g++) {
        char k[48];
        snprintf(k, sizeof k, "groups.%zu.label", g);
        label[g] = h->spec_text(ctx, k) ? h->spec_text(ctx, k) : "?";
    }
    const char *unsplit = h->spec_text(ctx, "unsplit_label");
    if (!unsplit) {
        h->log(ctx, WRRFIG_LOG_ERROR, "spec: needs 'unsplit_label' (the legend of a column without groups)");
        return WRRFIG_ERROR;
    }
    h->csv_row(ctx, "sssssss", "year", "group", "persons", "population", "share_percent", "table", "quality");
    size_t nc = 0;
    for (size_t i = 0; i < ny; i++) {
        char k[32];
        snprintf(k, sizeof k, "years.%zu", i);
        column *c = &col[nc];
        if (!spec_int(h, ctx, k, &c->year))
            return WRRFIG_ERROR;
        int in_totals = totals_of(h, ctx, tt, c->year, c);
        double pop37, tot37;
        int kp = in_totals < 0 ? -1 : org_cell(h, ctx, t, "Onderwerp", "TotaleBevolking_26", NULL, NULL, c->year, &pop37);
        int kt = kp < 0 ? -1
                        : org_cell(h, ctx, t, "Onderwerp", "PersoonMetEenMigratieachtergrond_28", NULL, NULL, c->year,
                                   &tot37);
        int split = kp == WRRFIG_VALUE && kt == WRRFIG_VALUE;
        for (size_t g = 0; g < ng && split; g++)
            split = group_value(h, ctx, t, g, c->year, &c->v[g]);
        if (kt < 0 || split < 0)
            return WRRFIG_ERROR; /* a negative count (logged) */
        if (split) {
            /* Two tables for one year must tell the same total. */
            if (in_totals && (c->total != tot37 || c->pop != pop37))
                h->note(ctx, "%d: %s %.0f / %.0f, %s %.0f / %.0f", c->year, ORG_T37296, tot37, pop37, ORG_T_MIGBG,
                        c->total, c->pop);
            c->split = 1;
            c->pop = pop37;
            c->total = tot37;
            c->quality = NULL;
            double sum = 0;
            for (size_t g = 0; g < ng; g++) {
                sum += c->v[g];
                h->csv_row(ctx, "isnnnss", c->year, label[g], c->v[g], c->pop, 100.0 * c->v[g] / c->pop, ORG_T37296,
                           "");
            }
            if (sum != c->total)
                h->note(ctx, "%d: %.0f / %.0f", c->year, sum, c->total);
        } else if (in_totals) {
            h->csv_row(ctx, "isnnnss", c->year, unsplit, c->total, c->pop, 100.0 * c->total / c->pop, ORG_T_MIGBG,
                       c->quality);
        } else {
            h->log(ctx, WRRFIG_LOG_WARN, "1 January %d: neither %s nor %s has it", c->year, ORG_T37296, ORG_T_MIGBG);
            continue;
        }
        nc++;
    }
    if (nc == 0)
        return WRRFIG_NODATA;

    /* Stacked columns: each band is a box from 0 to its cumulative top,
     * drawn from the top band down so each covers only its own strip. */
    h->gp_block_begin(ctx, "cum");
    for (size_t i = 0; i < nc; i++) {
        double cum[MAX_GROUPS] = {0}, acc = 0;
        for (size_t g = 0; g < ng; g++) {
            acc += col[i].split ? 100.0 * col[i].v[g] / col[i].pop : 0;
            cum[g] = acc;
        }
        h->gp_block_row(ctx, "%zu %g %g %g %g %g %g %g", i, cum[0], cum[1], cum[2], cum[3], cum[4], cum[5],
                        col[i].split ? 0 : 100.0 * col[i].total / col[i].pop);
    }
    h->gp_block_end(ctx);
    h->gp_block_begin(ctx, "lab");
    for (size_t i = 0; i < nc; i++) {
        char num[32];
        double acc = 0;
        for (size_t g = 0; col[i].split && g < ng; g++) {
            double pct = 100.0 * col[i].v[g] / col[i].pop;
            if (pct >= 1.5)
                h->gp_block_row(ctx, "%zu %g %q", i, acc + pct / 2, fmt_pct(pct, mark, num, sizeof num));
            acc += pct;
        }
    }
    h->gp_block_end(ctx);
    h->gp_block_begin(ctx, "tot");
    for (size_t i = 0; i < nc; i++) {
        char num[32], text[64];
        double pct = 100.0 * col[i].total / col[i].pop;
        fmt_pct(pct, mark, num, sizeof num);
        snprintf(text, sizeof text, "%s%%", num);
        h->gp_block_row(ctx, "%zu %g %q", i, pct, text);
    }
    h->gp_block_end(ctx);

    const char *xl = h->spec_text(ctx, "xlabel"), *yl = h->spec_text(ctx, "ylabel");
    if (xl)
        h->gp_cmd(ctx, "set xlabel %q", xl);
    if (yl)
        h->gp_cmd(ctx, "set ylabel %q", yl);
    double ymax = 30;
    h->spec_number(ctx, "ymax", &ymax);
    h->gp_cmd(ctx, "set yrange [0:%g]", ymax);
    h->gp_cmd(ctx, "set xrange [-0.6:%g]", (double)nc - 0.4);
    h->gp_cmd(ctx, "set boxwidth 0.55 absolute");
    h->gp_cmd(ctx, "set style fill solid 0.9 noborder");
    h->gp_cmd(ctx, "set xtics scale 0");
    h->gp_cmd(ctx, "set xtics ()");
    for (size_t i = 0; i < nc; i++) {
        char tic[160], k[96];
        const char *q = NULL;
        if (col[i].quality) {
            snprintf(k, sizeof k, "quality_labels.%s", col[i].quality);
            q = h->spec_text(ctx, k);
        }
        if (q)
            snprintf(tic, sizeof tic, "%d\n(%s)", col[i].year, q);
        else
            snprintf(tic, sizeof tic, "%d", col[i].year);
        h->gp_cmd(ctx, "set xtics add (%q %zu)", tic, i);
    }
    h->gp_cmd(ctx, "set key top left reverse Left samplen 1.5");
    h->gp_cmd(ctx, "plot \\");
    for (size_t g = ng; g-- > 0;)
        h->gp_cmd(ctx, "     $cum using 1:%zu with boxes lt %zu title %q, \\", g + 2, g + 1, label[g]);
    h->gp_cmd(ctx, "     $cum using 1:8 with boxes lc rgb '#a0a0a0' title %q, \\", unsplit);
    h->gp_cmd(ctx, "     $lab using 1:2:3 with labels font ',9' tc rgb 'white' notitle, \\");
    h->gp_cmd(ctx, "     $tot using 1:2:3 with labels offset 0,0.8 font ',10' notitle");
    return WRRFIG_OK;
}
