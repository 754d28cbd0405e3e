/* Figuur 3.8: unemployment by origin and age, Q4 2019 (CBS 82809NED). The
 * shared excerpt of 82809NED has no quarterly or age rows, so this is
 * NO-DATA until that table is imported as labour/unemployment_age_82809
 * (the layout of labour/participation_82809). */
#include <math.h>
#include <string.h>

#include "labour.h"

wrrfig_status lab_build_fig_3_8(const wrrfig_host *h, wrrfig_ctx *ctx)
{
    const wrrfig_table *t = h->table(ctx, LAB_T_UNEMP_AGE);
    if (!t)
        return WRRFIG_NODATA;
    int dims[5] = {
        lab_dim(h, ctx, t, LAB_T_UNEMP_AGE, "herkomst"), lab_dim(h, ctx, t, LAB_T_UNEMP_AGE, "leeftijd"),
        lab_dim(h, ctx, t, LAB_T_UNEMP_AGE, "periode"), lab_dim(h, ctx, t, LAB_T_UNEMP_AGE, "onderwerp"),
        lab_dim(h, ctx, t, LAB_T_UNEMP_AGE, "geslacht"),
    };
    for (int i = 0; i < 5; i++)
        if (dims[i] < 0)
            return WRRFIG_ERROR;
    const char *period = h->spec_text(ctx, "layout.period");
    const char *sex = h->spec_text(ctx, "layout.sex");
    size_t ng = h->spec_count(ctx, "layout.origins"), ns = h->spec_count(ctx, "layout.ages");
    if (!period || !sex || ng == 0 || ng > LAB_MAX_GROUPS || ns == 0 || ns > LAB_MAX_SERIES) {
        h->log(ctx, WRRFIG_LOG_ERROR, "spec: needs layout.period, layout.sex, 1..%d layout.origins and 1..%d layout.ages",
               LAB_MAX_GROUPS, LAB_MAX_SERIES);
        return WRRFIG_ERROR;
    }
    static const char *const keys[] = {"text.decimal_mark"};
    const char *mark;
    if (!wfc_spec_texts(h, ctx, keys, &mark, 1))
        return WRRFIG_ERROR;
    const char *glabels[LAB_MAX_GROUPS], *slabels[LAB_MAX_SERIES];
    int colours[LAB_MAX_SERIES];
    double values[LAB_MAX_GROUPS * LAB_MAX_SERIES];
    lab_bar_series(h, ctx, "layout.ages", ns, colours, slabels);
    /* CBS symbols stay visible in the CSV instead of becoming silent gaps. */
    static const char *const kind_name[] = {"waarde", "onbekend (.)", "geheim (x)", "nihil (-)", "leeg",
                                            "geen cel"};
    h->csv_row(ctx, "ssssss", "herkomst", "leeftijd", "geslacht", "periode", "werkloosheid_pct", "status");
    size_t found = 0;
    for (size_t g = 0; g < ng; g++) {
        const char *origin = wfc_spec_textf(h, ctx, "layout.origins.%zu.key", g);
        glabels[g] = wfc_spec_textf(h, ctx, "layout.origins.%zu.label", g);
        for (size_t s = 0; s < ns; s++) {
            const char *age = wfc_spec_textf(h, ctx, "layout.ages.%zu.key", s);
            values[g * ns + s] = NAN;
            double v = NAN;
            int k = WRRFIG_NO_CELL;
            if (origin && age) {
                const char *codes[5] = {origin, age, period, LAB_TOPIC_UNEMP, sex};
                size_t r = lab_find_row(h, t, dims, codes, 5);
                if (r != LAB_NO_ROW)
                    k = wfc_share_value(h, ctx, t, r, "unemployment", &v);
            }
            if (k < 0)
                return WRRFIG_ERROR;
            if (k == WRRFIG_VALUE) {
                values[g * ns + s] = v;
                found++;
            } else if (k == WRRFIG_NIL) {
                values[g * ns + s] = v = 0; /* '-' is a true zero by definition */
                found++;
            }
            h->csv_row(ctx, "ssssns", origin ? origin : "", age ? age : "", sex, period, v,
                       kind_name[k <= WRRFIG_NO_CELL ? k : WRRFIG_NO_CELL]);
        }
    }
    if (found == 0) {
        h->log(ctx, WRRFIG_LOG_WARN,
               "%s has no unemployment rows by origin and age for %s: import the full CBS 82809NED", LAB_T_UNEMP_AGE,
               period);
        return WRRFIG_NODATA;
    }
    h->gp_cmd(ctx, "set yrange [0:*]");
    h->gp_cmd(ctx, "set ylabel %q", h->spec_text(ctx, "ylabel") ? h->spec_text(ctx, "ylabel") : "");
    h->gp_cmd(ctx, "set key top left");
    lab_plot_bars(h, ctx, glabels, ng, slabels, colours, ns, values, mark);
    return WRRFIG_OK;
}
