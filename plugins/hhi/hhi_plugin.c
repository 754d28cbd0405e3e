/* The hhi plugin: the report's diversity index ("Herfindahl-Hirschman-
 * Index", defined as 1 - sum of squared origin-group shares) as maps of
 * municipalities (fig. 2.14) and of Den Haag's wijken (fig. 2.15), the
 * effect of the grouping on the index, and the hhi.* measures. */
#include "wrrfig/plugin.h"

#include "hhi_data.h"
#include "hhi_figures.h"
#include "hhi_measures.h"

#define NEEDS_18_GEM                                                                                      \
    "CBS 84910NED (population by migration background, i.e. origin country, per municipality, 1 January " \
    "2015) aggregated to the report's 18 geolinguistic groups with the WRR country -> group crosswalk "     \
    "(Jennissen et al. 2018, De nieuwe verscheidenheid), as table " HHI_T_18_GEM2015                        \
    " (dimensions region, herkomst; persons)"
#define NEEDS_18_WIJK                                                                                   \
    "Population by origin country per wijk of Den Haag, 1 January 2014 (CBS maatwerk or Gemeente Den "   \
    "Haag), aggregated to the report's 18 geolinguistic groups with the WRR crosswalk, as table "         \
    HHI_T_18_WIJK2014 " (dimensions region, herkomst; persons)"

static const char *const in_2_14[] = {HHI_T_KWB2017, HHI_G_GEM2017, NULL};
static const char *const in_2_14r[] = {HHI_T_18_GEM2015, HHI_G_GEM2015, NULL};
static const char *const in_2_15[] = {HHI_T_KWB2019_DH, HHI_G_WIJK2016_DH, NULL};
static const char *const in_2_15b[] = {HHI_T_KWB2017_DH, HHI_G_WIJK2017_DH, NULL};
static const char *const in_2_15r[] = {HHI_T_18_WIJK2014, HHI_G_WIJK2016_DH, NULL};
static const char *const in_gran[] = {HHI_T_CITIES, NULL};

static const wrrfig_figure figures[] = {
    {"fig-2-14", in_2_14,
     "CBS Kerncijfers wijken en buurten 2017 (origin percentages per municipality) and the 2017 municipal "
     "boundaries: run scripts/import-hhi-geo.sh",
     hhi_build_fig_2_14},
    {"fig-2-14-report", in_2_14r, NEEDS_18_GEM, hhi_build_fig_2_14_report},
    {"fig-2-15", in_2_15,
     "CBS 84583NED (Kerncijfers wijken en buurten 2019) for the wijken of Den Haag: data/mappings/"
     "hhi_kwb2019_denhaag.json; and the 2016 wijk boundaries (scripts/import-hhi-geo.sh)",
     hhi_build_fig_2_15},
    {"fig-2-15-2017", in_2_15b,
     "CBS Kerncijfers wijken en buurten 2017 (origin percentages per wijk) and the 2017 wijk boundaries of "
     "Den Haag: run scripts/import-hhi-geo.sh",
     hhi_build_fig_2_15_2017},
    {"fig-2-15-report", in_2_15r, NEEDS_18_WIJK, hhi_build_fig_2_15_report},
    {"hhi-granularity", in_gran,
     "CBS 84910NED for Den Haag (GM0518) and Amsterdam (GM0363), 1 January 2019, all origin codes: "
     "data/mappings/hhi_84910ned_cities_2019.json",
     hhi_build_granularity},
};

/* Every input a measure may read; which one it opens depends on year and
 * grouping. */
static const char *const in_measures[] = {HHI_T_KWB2017, HHI_T_KWB2019_DH, HHI_T_CITIES, NULL};
static const char *const in_national[] = {HHI_T_37296NED, NULL};
static const char *const in_gem[] = {HHI_T_KWB2017, NULL};

#define AREA_DOC " Data: 1 January 2017 with groups=7 or 3 for every municipality and area='NL' (KWB 2017); " \
                 "2019 for GM0518/GM0363 with groups=3, 7 or 'country' (CBS 84910NED) and WK0518.. with "   \
                 "groups=3 (KWB 2019); groups=18 (the report's) needs " HHI_T_18_GEM2015 ", not imported; "   \
                 "anything else is NO-DATA."

static const wrrfig_measure measures[] = {
    {"hhi.index", "area, year, groups (18, 7, 3 or 'country'; default 18)", "index",
     "D = 1 - sum of squared origin-group shares of the area's residents on 1 January of year (the "
     "report's 'hhi'); area='NL' uses the pooled national shares." AREA_DOC,
     in_measures, hhi_m_index},
    {"hhi.textbook", "area, year, groups (default 18)", "index",
     "H = sum of squared origin-group shares (the textbook Herfindahl-Hirschman index), same shares as "
     "hhi.index." AREA_DOC,
     in_measures, hhi_m_textbook},
    {"hhi.mean", "year, groups (default 18), level ('gemeente'), weight ('population' or 'none')", "index",
     "Mean of D over all municipalities, weighted by population (default) or unweighted. Data: 1 January "
     "2017 with groups=7 or 3 (KWB 2017); other years and groups=18 are NO-DATA.",
     in_gem,
     hhi_m_mean},
    {"hhi.pop_share", "year, groups (default 18), min (default 0), max (default 1)", "percent",
     "100 x residents of municipalities with min <= D < max / all residents (2017, groups=7 or 3).", in_gem,
     hhi_m_pop_share},
    {"hhi.rank", "area, year, groups (default 18)", "rank",
     "Rank of municipality area among all municipalities by D, 1 = most diverse (2017, groups=7 or 3).", in_gem,
     hhi_m_rank},
    {"hhi.homogeneous_population", "year, min_dutch (default 90)", "persons",
     "Residents of municipalities where more than min_dutch percent has a Dutch background (KWB whole "
     "percentages; 1 January 2017 only).",
     in_gem, hhi_m_homogeneous_population},
    {"hhi.national_pooled", "year, groups (3, 7 or 9)", "index",
     "D = 1 - sum p^2 of the national population's shares on 1 January of year from CBS 37296ned (from 1996): "
     "3 = Dutch, western, non-western; 7 = Dutch, western, Moroccan, Antillean/Aruban, Surinamese, Turkish, "
     "other non-western; 9 = the 7 with western split into Central/Eastern EU, GIPS and other western "
     "(from 2004). The pooled reading of the report's national 0,38, at coarser groupings than its 18.",
     in_national, hhi_m_national_pooled},
    {"hhi.homogeneous_share", "year, min_dutch (default 90)", "percent",
     "100 x hhi.homogeneous_population / all residents.", in_gem, hhi_m_homogeneous_share},
};

WRRFIG_PLUGIN_DEFINE("hhi", "1.0.0",
                     "Diversity by origin (the report's 'hhi' = 1 - sum p^2): maps of municipalities and of "
                     "Den Haag's wijken, effect of the grouping, hhi.* measures",
                     figures, measures);
