/* Descriptor of the cohorts plugin: its figures and measures, declared once. */
#include "cohorts.h"

static const char *const tab21_inputs[] = {TAB21_TABLE, NULL};

static const wrrfig_figure figures[] = {
    {"tab-2-1", tab21_inputs, "the report's Tabel 2.1 (data/report/tab-2-1.csv, shipped)", tab_2_1_build},
};

static const wrrfig_measure measures[] = {
    {"cohorts.stay_share", "type, cohort ('1999-2005' or '2006-2010'), stay ('<2', '2-5', '>5')", "percent",
     "Tabel 2.1 cell: share of a cohort's immigrants in a municipality type by length of stay", tab21_inputs,
     cohorts_stay_share},
    {"cohorts.row_sum", "type, cohort", "percent",
     "Sum of the three length-of-stay shares of one Tabel 2.1 row (100 up to rounding)", tab21_inputs,
     cohorts_row_sum},
};

WRRFIG_PLUGIN_DEFINE("cohorts", "1.0.0", "Residence cohorts: length of stay of immigrants (ch. 2)", figures,
                     measures);
