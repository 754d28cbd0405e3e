/* The hhi plugin: the report's diversity index ("Herfindahl-Hirschman-
 * Index", defined as 1 - sum of squared origin-group shares) as area maps
 * (of municipalities, fig. 2.14, or of a city's wijken, fig. 2.15), the
 * effect of the grouping on the index, and the hhi.* measures. */
#include "wrrfig/plugin.h"

#include "hhi_data.h"
#include "hhi_figures.h"
#include "hhi_measures.h"

/* ABI 1 has no figure kinds yet, so each figure is declared here with its
 * inputs; they repeat its spec's "inputs" (checked by
 * tests/e2e/test_hhi_kinds.c), and every build reads its table, layer,
 * codes and notes from the spec. With kinds (ABI 2) these lines become two
 * kind declarations and the specs' inputs. */
/* ABI1-INPUTS-BEGIN */
static const char *const in_2_14[] = {"hhi/kwb2017_gemeente", "geo/gemeente_2017", NULL};
static const char *const in_2_14r[] = {"hhi/herkomst18_gemeente_2015", "geo/gemeente_2015", NULL};
static const char *const in_2_15[] = {"hhi/kwb2019_denhaag", "geo/wijk_2016_denhaag", NULL};
static const char *const in_2_15b[] = {"hhi/kwb2017_denhaag_wijk", "geo/wijk_2017_denhaag", NULL};
static const char *const in_2_15r[] = {"hhi/herkomst18_denhaag_wijk_2014", "geo/wijk_2016_denhaag", NULL};
static const char *const in_ams[] = {"hhi/kwb2019_amsterdam", "geo/wijk_2016_amsterdam", NULL};
static const char *const in_gran[] = {"hhi/84910ned_cities_2019", NULL};
/* ABI1-INPUTS-END */

#define NEEDS_18                                                                                            \
    "population by origin country per area (CBS 84910NED, or CBS maatwerk for wijken) aggregated to the "    \
    "report's 18 geolinguistic groups with the WRR country -> group crosswalk (Jennissen et al. 2018, De "  \
    "nieuwe verscheidenheid), as the table the spec names (dimensions region, herkomst; persons)"

static const wrrfig_figure figures[] = {
    {"fig-2-14", in_2_14,
     "CBS Kerncijfers wijken en buurten 2017 (origin percentages per municipality) and the 2017 municipal "
     "boundaries: run scripts/import-hhi-geo.sh",
     hhi_build_area_map},
    {"fig-2-14-report", in_2_14r, NEEDS_18, hhi_build_area_map},
    {"fig-2-15", in_2_15,
     "CBS 84583NED (Kerncijfers wijken en buurten 2019) for the wijken of the city (a mapping in data/mappings/"
     ") and its wijk boundaries (scripts/import-hhi-geo.sh)",
     hhi_build_area_map},
    {"fig-2-15-2017", in_2_15b,
     "CBS Kerncijfers wijken en buurten 2017 (origin percentages per wijk) and the 2017 wijk boundaries of "
     "the city: run scripts/import-hhi-geo.sh",
     hhi_build_area_map},
    {"fig-2-15-report", in_2_15r, NEEDS_18, hhi_build_area_map},
    {"hhi-wijk-amsterdam-2019", in_ams,
     "CBS 84583NED (Kerncijfers wijken en buurten 2019) for the wijken of the city (a mapping in data/mappings/"
     ") and its wijk boundaries (scripts/import-hhi-geo.sh)",
     hhi_build_area_map},
    {"hhi-granularity", in_gran,
     "CBS 84910NED for the municipalities of the spec, all origin codes: data/mappings/"
     "hhi_84910ned_cities_2019.json",
     hhi_build_granularity},
};

static const char *const in_national[] = {HHI_T_37296NED, NULL};

#define AREA_DOC " Data: the table data/hhi/tables.csv lists for the area, year and grouping (area='NL' pools " \
                 "the municipalities of that year); anything else is NO-DATA naming the table it needs."

static const wrrfig_measure measures[] = {
    {"hhi.index", "area, year, groups (18, 7, 3 or 'country'; default 18)", "index",
     "D = 1 - sum of squared origin-group shares of the area's residents on 1 January of year (the "
     "report's 'hhi'); area='NL' uses the pooled national shares." AREA_DOC,
     hhi_measure_inputs, hhi_m_index},
    {"hhi.textbook", "area, year, groups (default 18)", "index",
     "H = sum of squared origin-group shares (the textbook Herfindahl-Hirschman index), same shares as "
     "hhi.index." AREA_DOC,
     hhi_measure_inputs, hhi_m_textbook},
    {"hhi.mean", "year, groups (default 18), level ('gemeente'), weight ('population' or 'none')", "index",
     "Mean of D over all municipalities, weighted by population (default) or unweighted. Data: the "
     "municipal table data/hhi/tables.csv lists for year and groups; anything else is NO-DATA.",
     hhi_measure_inputs,
     hhi_m_mean},
    {"hhi.pop_share", "year, groups (default 18), min (default 0), max (default 1)", "percent",
     "100 x residents of municipalities with min <= D < max / all residents (the municipal table of data/hhi/tables.csv).",
     hhi_measure_inputs,
     hhi_m_pop_share},
    {"hhi.rank", "area, year, groups (default 18)", "rank",
     "Rank of municipality area among all municipalities by D, 1 = most diverse (the municipal table of data/hhi/tables.csv).",
     hhi_measure_inputs,
     hhi_m_rank},
    {"hhi.homogeneous_population", "year, min_dutch (default 90)", "persons",
     "Residents of municipalities where more than min_dutch percent has a Dutch background (the "
     "municipal table of data/hhi/tables.csv with 3 groups for that year).",
     hhi_measure_inputs, hhi_m_homogeneous_population},
    {"hhi.national_pooled", "year, groups (3, 7 or 9)", "index",
     "D = 1 - sum p^2 of the national population's shares on 1 January of year from CBS 37296ned (from 1996): "
     "3 = Dutch, western, non-western; 7 = Dutch, western, Moroccan, Antillean/Aruban, Surinamese, Turkish, "
     "other non-western; 9 = the 7 with western split into Central/Eastern EU, GIPS and other western "
     "(from 2004). The pooled reading of the report's national 0,38, at coarser groupings than its 18.",
     in_national, hhi_m_national_pooled},
    {"hhi.homogeneous_share", "year, min_dutch (default 90)", "percent",
     "100 x hhi.homogeneous_population / all residents.", hhi_measure_inputs, hhi_m_homogeneous_share},
};

WRRFIG_PLUGIN_DEFINE("hhi", "1.0.0",
                     "Diversity by origin (the report's 'hhi' = 1 - sum p^2): area maps of municipalities "
                     "or a city's wijken, effect of the grouping, hhi.* measures",
                     figures, measures);
