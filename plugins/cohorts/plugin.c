/* Descriptor of the cohorts plugin: its figures and measures, declared once. */
#include "cohorts.h"

static const char *const tab21_inputs[] = {TAB21_TABLE, NULL};
static const char *const dep_proxy_inputs[] = {COHORTS_T_DEPARTURE, NULL};
static const char *const dep_report_inputs[] = {COHORTS_T_84140, COHORTS_T_FORECAST, NULL};
static const char *const dep_84140_inputs[] = {COHORTS_T_84140, NULL};
static const char *const stay_motive_inputs[] = {COHORTS_T_84140, COHORTS_T_SCHMEETS, NULL};
static const char *const by_motive_inputs[] = {COHORTS_T_84140, COHORTS_T_EU_MOTIVE, NULL};
static const char *const left_inputs[] = {COHORTS_T_84140, COHORTS_T_DEPARTURE, NULL};
static const char *const forecast_inputs[] = {COHORTS_T_FORECAST, NULL};

static const wrrfig_figure figures[] = {
    {"tab-2-1", tab21_inputs, "the report's Tabel 2.1 (data/report/tab-2-1.csv, shipped)", tab_2_1_build},
    {"fig-2-12", dep_proxy_inputs,
     "CBS news 2025/28 departure table (shared, a proxy); the report's version is fig-2-12-report",
     fig_2_12_build},
    {"fig-2-12-report", dep_report_inputs,
     "CBS 84140NED (immigrants by immigration year and duration of stay up to 10 years) and the CBS forecast of "
     "departure by immigration cohort (the report's 'prognose van het cbs'; no StatLine id known)",
     fig_2_12_report_build},
    {"fig-2-13", dep_84140_inputs,
     "CBS 84140NED (Immigranten; migratiereden, sociaaleconomische categorie): immigrants by migration reason, "
     "immigration year 1999-2010 and duration of stay 0, 2, 5 years",
     fig_2_13_build},
};

static const wrrfig_measure measures[] = {
    {"cohorts.stay_share", "type, cohort ('1999-2005' or '2006-2010'), stay ('<2', '2-5', '>5', '<5')", "percent",
     "Tabel 2.1 cell: share of a cohort's immigrants in a municipality type by length of stay", tab21_inputs,
     cohorts_stay_share},
    {"cohorts.row_sum", "type, cohort", "percent",
     "Sum of the three length-of-stay shares of one Tabel 2.1 row (100 up to rounding)", tab21_inputs,
     cohorts_row_sum},
    {"cohorts.stay_by_motive", "motive ('Totaal', 'Arbeid', 'Asiel', 'Gezin', 'Studie'), cohort, stay", "percent",
     "Share of a cohort's non-Dutch immigrants with the motive that stayed < 2, 2-5, > 5 (or < 5) years, from "
     "CBS 84140NED; without it, the WRR page's totals for stay '<5'",
     stay_motive_inputs, cohorts_m_stay_by_motive},
    {"cohorts.immigrants_by_motive", "motive, from, to, nationality ('non-dutch' or 'eu-efta')", "persons",
     "Immigrants with the motive summed over immigration years from..to (CBS 84140NED; EU/EFTA: CBS news 2020/30)",
     by_motive_inputs, cohorts_m_immigrants_by_motive},
    {"cohorts.left_within", "year, years (2, 5, 10), population ('foreign-born', 'non-dutch', 'eu-efta', 'non-eu-efta')",
     "percent",
     "Share of the immigrants of the year that had left within the years, observed (CBS 84140NED; EU/EFTA split: "
     "CBS news 2025/28)",
     left_inputs, cohorts_m_left_within},
    {"cohorts.left_forecast", "year, years (10 or 0 = eventually)", "percent",
     "CBS forecast of the share of the year's cohort of foreign-born immigrants that will have left", forecast_inputs,
     cohorts_m_left_forecast},
};

WRRFIG_PLUGIN_DEFINE("cohorts", "1.0.0", "Residence cohorts: length of stay of immigrants (ch. 2)", figures,
                     measures);
