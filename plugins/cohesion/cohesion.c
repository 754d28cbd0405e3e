/* cohesion: social cohesion and diversity (chapter 3, figures 3.1-3.5) and
 * partner choice (chapter 8, figure 8.1). None of their data is public in a
 * form the project has: each figure names what it needs and is drawn from
 * that input as soon as it exists (tested on synthetic fixtures). */
#include <wrrfig/plugin.h>

#include "figs.h"

#define MODEL_FIG(fn, name)                                                                                       \
    static wrrfig_status fn(const wrrfig_host *h, wrrfig_ctx *ctx) { return build_model_curves(h, ctx, name); }

static wrrfig_status fig_3_1(const wrrfig_host *h, wrrfig_ctx *ctx)
{
    return build_problembesef(h, ctx, "scp/cob_probleembesef");
}
MODEL_FIG(fig_3_2, "wrr/model_fig_3_2")
MODEL_FIG(fig_3_3, "wrr/model_fig_3_3")
MODEL_FIG(fig_3_4, "wrr/model_fig_3_4")
MODEL_FIG(fig_3_5, "wrr/model_fig_3_5")
static wrrfig_status fig_8_1(const wrrfig_host *h, wrrfig_ctx *ctx)
{
    return build_homogamy(h, ctx, "cbs/70067ned");
}

static const char *const in_3_1[] = {"scp/cob_probleembesef", NULL};
static const char *const in_3_2[] = {"wrr/model_fig_3_2", NULL};
static const char *const in_3_3[] = {"wrr/model_fig_3_3", NULL};
static const char *const in_3_4[] = {"wrr/model_fig_3_4", NULL};
static const char *const in_3_5[] = {"wrr/model_fig_3_5", NULL};
static const char *const in_8_1[] = {"cbs/70067ned", NULL};

static const wrrfig_figure figures[] = {
    {"fig-3-1", in_3_1,
     "SCP Continu Onderzoek Burgerperspectieven (COB): share of adults (18+) naming each topic category as a "
     "national problem, per quarter 2008Q1-2019Q4 (the report's source line: Bron: scp)",
     fig_3_1},
    {"fig-3-2", in_3_2,
     "Model coefficients of the WRR analysis (De nieuwe verscheidenheid, 2018): neighbourhood cohesion on the "
     "neighbourhood HHI, Veiligheidsmonitor 2014 linked to the SSB (CBS microdata, remote access; not public)",
     fig_3_2},
    {"fig-3-3", in_3_3,
     "Model coefficients of the WRR analysis (2018): feeling at home among neighbours and satisfaction with the "
     "neighbourhood's composition on the HHI, Veiligheidsmonitor 2014 + SSB (CBS microdata; not public)",
     fig_3_3},
    {"fig-3-4", in_3_4,
     "Model coefficients of the WRR analysis (2018): probability of being registered as a suspect in 2014 on the "
     "municipal HHI, SSB linked to police BVH, n = 10,746,180 (CBS microdata; not public)",
     fig_3_4},
    {"fig-3-5", in_3_5,
     "Model coefficients of the WRR analysis (2018): five feelings of unsafety on the neighbourhood HHI, "
     "Veiligheidsmonitor 2014 + SSB (CBS microdata; not public)",
     fig_3_5},
    {"fig-8-1", in_8_1,
     "CBS 70067ned: Huishoudens naar migratieachtergrond, 1 januari (couples by the migration background of both "
     "partners), 1 January 2016",
     fig_8_1},
};

WRRFIG_PLUGIN_DEFINE_NO_MEASURES("cohesion", "1.0.0",
                                 "Social cohesion and diversity (figures 3.1-3.5) and partner choice (figure 8.1)",
                                 figures);
