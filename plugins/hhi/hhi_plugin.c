/* The hhi plugin: the report's diversity index ("Herfindahl-Hirschman-
 * Index", defined as 1 - sum of squared origin-group shares) as area maps
 * (of municipalities, fig. 2.14, or of a city's wijken, fig. 2.15), the
 * effect of the grouping on the index, and the hhi.* measures. */
#include "wrrfig/plugin.h"

#include "hhi_data.h"
#include "hhi_figures.h"
#include "hhi_measures.h"

/* The figures are specs of two kinds (figures/<id>.json names the kind,
 * its inputs and params); nothing about a particular area, table or year is
 * declared here. */
static const wrrfig_param area_map_params[] = {
    {.name = "origin", .type = WRRFIG_PARAM_TABLE, .def = NULL,
     .doc = "the origin table: KWB percentages or counts per region, or region x herkomst persons"},
    {.name = "boundaries", .type = WRRFIG_PARAM_LAYER, .def = NULL, .doc = "the boundaries of the data's year"},
    {.name = "layout", .type = WRRFIG_PARAM_TEXT, .def = NULL,
     .doc = "how the origin table reads: kwb-pct, kwb-counts or group-counts"},
    {.name = "code_prefix", .type = WRRFIG_PARAM_TEXT, .def = NULL,
     .doc = "the region codes mapped: GM for municipalities, a city's WK.... for its wijken"},
    {.name = "groups", .type = WRRFIG_PARAM_NUMBER, .def = "7", .doc = "7 or 3 origin groups (kwb-pct only)"},
    {.name = "national", .type = WRRFIG_PARAM_NUMBER, .def = "0",
     .doc = "1: note the pooled and mean index over all areas"},
    {.name = "whole", .type = WRRFIG_PARAM_TEXT, .def = "\"\"",
     .doc = "code of the whole area (a city's GM....) in the same table, noted for comparison"},
};

static const wrrfig_param granularity_params[] = {
    {.name = "origin", .type = WRRFIG_PARAM_TABLE, .def = NULL,
     .doc = "a CBS 84910NED table (all ages, sexes and generations) of the municipalities"},
    {.name = "period", .type = WRRFIG_PARAM_TEXT, .def = NULL, .doc = "the CBS period code, e.g. 2019JJ00"},
    {.name = "areas", .type = WRRFIG_PARAM_LIST, .def = NULL, .doc = "1 to 6 municipality codes"},
};

static const wrrfig_kind kinds[] = {
    {.id = "hhi.area-map",
     .doc = "a choropleth of the diversity index (1 - sum of squared origin-group shares) over any boundary layer "
            "and origin table",
     .params = area_map_params,
     .param_size = sizeof area_map_params[0],
     .n_params = WRRFIG_COUNT(area_map_params),
     .needs = "the origin table and the boundaries the spec names (a mapping in data/mappings/ and "
              "scripts/import-hhi-geo.sh)",
     .build = hhi_build_area_map},
    {.id = "hhi.granularity",
     .doc = "the index of some municipalities at country level, with 7 and with 3 origin groups",
     .params = granularity_params,
     .param_size = sizeof granularity_params[0],
     .n_params = WRRFIG_COUNT(granularity_params),
     .needs = "CBS 84910NED for the municipalities of the spec, all origin codes (a mapping such as "
              "data/mappings/hhi_84910ned_cities_2019.json)",
     .build = hhi_build_granularity},
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

WRRFIG_PLUGIN("hhi", "1.0.0",
                     "Diversity by origin (the report's 'hhi' = 1 - sum p^2): area maps of municipalities "
                     "or a city's wijken, effect of the grouping, hhi.* measures",
              WRRFIG_NONE, WRRFIG_ARRAY(measures), WRRFIG_ARRAY(kinds));
