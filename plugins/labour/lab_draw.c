/* Drawing helpers: series as points or lines, and grouped bars. All text
 * from data or specs goes through %q (quoted by the host) or datablock
 * columns; command formats are literals. */
#include <math.h>
#include <stdio.h>

#include "labour.h"

int lab_series_add(lab_series *s, double x, double y)
{
    if (s->n >= LAB_MAX_POINTS)
        return -1;
    size_t i = s->n;
    /* Insertion keeps x ascending whatever order the table rows come in. */
    while (i > 0 && s->x[i - 1] > x) {
        s->x[i] = s->x[i - 1];
        s->y[i] = s->y[i - 1];
        i--;
    }
    s->x[i] = x;
    s->y[i] = y;
    s->n++;
    return 0;
}

static void block_name(char *buf, size_t size, const char *prefix, size_t i)
{
    snprintf(buf, size, "%s%zu", prefix, i);
}

/* One element of a plot command. gnuplot joins lines ending in a
 * backslash, so the last element is the one without ", \". */
static void plot_element(const wrrfig_host *h, wrrfig_ctx *ctx, const lab_series *s, size_t i, int first,
                         int last)
{
    if (first)
        h->gp_cmd(ctx, "plot \\");
    switch (s->style) {
    case LAB_POINTS:
        if (last)
            h->gp_cmd(ctx, "  $s%zu using 1:2 with points lc rgb %c pt %d ps 1.6 title %q", i, s->colour,
                      s->point, s->label ? s->label : "");
        else
            h->gp_cmd(ctx, "  $s%zu using 1:2 with points lc rgb %c pt %d ps 1.6 title %q, \\", i, s->colour,
                      s->point, s->label ? s->label : "");
        break;
    case LAB_LINESPOINTS:
        if (last)
            h->gp_cmd(ctx, "  $s%zu using 1:2 with linespoints lc rgb %c pt %d ps 1.2 dt %d lw 2 title %q", i,
                      s->colour, s->point, s->dash, s->label ? s->label : "");
        else
            h->gp_cmd(ctx, "  $s%zu using 1:2 with linespoints lc rgb %c pt %d ps 1.2 dt %d lw 2 title %q, \\",
                      i, s->colour, s->point, s->dash, s->label ? s->label : "");
        break;
    case LAB_LINES:
        if (last)
            h->gp_cmd(ctx, "  $s%zu using 1:2 with lines lc rgb %c dt %d lw 2 title %q", i, s->colour, s->dash,
                      s->label ? s->label : "");
        else
            h->gp_cmd(ctx, "  $s%zu using 1:2 with lines lc rgb %c dt %d lw 2 title %q, \\", i, s->colour,
                      s->dash, s->label ? s->label : "");
        break;
    }
}

size_t lab_plot_series(const wrrfig_host *h, wrrfig_ctx *ctx, const lab_series *s, size_t ns, int more)
{
    char name[32];
    size_t drawn = 0, last = 0;
    for (size_t i = 0; i < ns; i++) {
        if (s[i].n == 0)
            continue;
        block_name(name, sizeof name, "s", i);
        h->gp_block_begin(ctx, name);
        for (size_t k = 0; k < s[i].n; k++)
            h->gp_block_row(ctx, "%g %g", s[i].x[k], s[i].y[k]);
        h->gp_block_end(ctx);
        drawn++;
        last = i;
    }
    if (drawn == 0)
        return 0;
    int first = 1;
    for (size_t i = 0; i < ns; i++) {
        if (s[i].n == 0)
            continue;
        plot_element(h, ctx, &s[i], i, first, i == last && !more);
        first = 0;
    }
    return drawn;
}

size_t lab_plot_bars(const wrrfig_host *h, wrrfig_ctx *ctx, const char *const *group_labels, size_t ng,
                     const char *const *series_labels, const int *series_colours, size_t ns,
                     const double *values, const char *decimal_mark)
{
    if (ng == 0 || ns == 0)
        return 0;
    /* Bars of one group sit side by side within 0.8 of the group's slot. */
    double width = 0.8 / (double)ns;
    char name[32];
    size_t bars = 0;
    size_t present[LAB_MAX_SERIES] = {0};
    if (ns > LAB_MAX_SERIES)
        return 0;
    for (size_t s = 0; s < ns; s++) {
        for (size_t g = 0; g < ng; g++)
            if (!isnan(values[g * ns + s]))
                present[s]++;
        if (!present[s])
            continue;
        block_name(name, sizeof name, "b", s);
        h->gp_block_begin(ctx, name);
        for (size_t g = 0; g < ng; g++) {
            double v = values[g * ns + s];
            if (isnan(v))
                continue;
            char text[32];
            double x = (double)g + ((double)s - ((double)ns - 1.0) / 2.0) * width;
            h->gp_block_row(ctx, "%g %g %q", x, v, lab_fmt_pct(v, decimal_mark, text, sizeof text));
            bars++;
        }
        h->gp_block_end(ctx);
    }
    if (bars == 0)
        return 0;
    h->gp_cmd(ctx, "set boxwidth %g absolute", width * 0.92);
    h->gp_cmd(ctx, "set style fill solid 0.9 noborder");
    h->gp_cmd(ctx, "set xrange [-0.6:%g]", (double)ng - 0.4);
    h->gp_cmd(ctx, "set xtics scale 0");
    h->gp_cmd(ctx, "set xtics ()");
    for (size_t g = 0; g < ng; g++)
        h->gp_cmd(ctx, "set xtics add (%q %zu)", group_labels[g] ? group_labels[g] : "", g);
    h->gp_cmd(ctx, "plot \\");
    size_t left = 0;
    for (size_t s = 0; s < ns; s++)
        left += present[s] ? 2 : 0;
    for (size_t s = 0; s < ns; s++) {
        if (!present[s])
            continue;
        h->gp_cmd(ctx, "  $b%zu using 1:2 with boxes lc rgb %c title %q, \\", s, series_colours[s],
                  series_labels[s] ? series_labels[s] : "");
        left--;
        if (left == 1)
            h->gp_cmd(ctx, "  $b%zu using 1:2:3 with labels offset 0,0.7 font ',9' notitle", s);
        else
            h->gp_cmd(ctx, "  $b%zu using 1:2:3 with labels offset 0,0.7 font ',9' notitle, \\", s);
        left--;
    }
    return bars;
}

void lab_bar_series(const wrrfig_host *h, wrrfig_ctx *ctx, const char *array, size_t ns, int *colours,
                    const char **labels)
{
    for (size_t s = 0; s < ns; s++) {
        double c = (double)s;
        wfc_spec_numberf(h, ctx, &c, "%s.%zu.colour", array, s);
        colours[s] = (int)c;
        labels[s] = wfc_spec_textf(h, ctx, "%s.%zu.label", array, s);
    }
}
