/* The labour plugin: chapter 3's labour-market figures (3.6-3.12) and
 * Tabel 7.1, and the labour.* measures of docs/measures.md. */
#include "labour.h"

static const char *const in_part[] = {LAB_T_PART, NULL};
static const char *const in_part_measure[] = {LAB_T_PART, LAB_T_PART_YEARS, NULL};
static const char *const in_part_years[] = {LAB_T_PART_YEARS, NULL};
static const char *const in_unemp_age[] = {LAB_T_UNEMP_AGE, NULL};
static const char *const in_fig37[] = {LAB_T_FIG37, NULL};
static const char *const in_asylum[] = {LAB_T_ASYLUM, NULL};
static const char *const in_motive9599[] = {LAB_T_MOTIVE9599, NULL};
static const char *const in_asyl9599[] = {LAB_T_ASYL9599, NULL};
static const char *const in_polish[] = {LAB_T_POLISH, NULL};
static const char *const in_tab71[] = {LAB_T_TAB71, NULL};
static const char *const in_job8h[] = {LAB_T_ASYLUM_8H, NULL};
static const char *const in_bijstand[] = {LAB_T_ASYLUM_BIJSTAND, NULL};
static const char *const in_9599[] = {LAB_T_MOTIVE9599, LAB_T_ASYL9599, NULL};

static const wrrfig_figure figures[] = {
    {"fig-3-6", in_part_years,
     "CBS 82809NED (Arbeidsdeelname; migratieachtergrond) or the table of CBS news 2020/46: net labour "
     "participation by origin, every year 2003-2019 (labour/participation_2003_2019)",
     lab_build_fig_3_6},
    {"fig-3-7", in_fig37,
     "the report's prose values (data/report/fig-3-7); for all groups CBS 82809NED, Q4 2019 by migration "
     "background and sex",
     lab_build_fig_3_7},
    {"fig-3-8", in_unemp_age,
     "CBS 82809NED (Arbeidsdeelname; migratieachtergrond): unemployment rate 2019KW04 by migration background "
     "and age, imported as labour/unemployment_age_82809",
     lab_build_fig_3_8},
    {"fig-3-9", in_motive9599,
     "CBS custom (SSB) figures behind WRR policy brief 'Geen tijd verliezen' (2015): share employed > 8 h/week "
     "of inflow cohort 1995-1999 by migration motive and years of residence (no StatLine table; nearest public "
     "table CBS 84140NED)",
     lab_build_fig_3_9},
    {"fig-3-10", in_asyl9599,
     "CBS custom (SSB) figures behind WRR policy brief 'Geen tijd verliezen' (2015): share employed > 8 h/week "
     "of asylum cohort 1995-1999 by country of origin and years of residence (no StatLine table)",
     lab_build_fig_3_10},
    {"fig-3-11", in_asylum,
     "CBS news 2018/16 table (shared); for the report's version Boot et al. 2020 / CBS: job >= 8 h/week, 2014 "
     "permit cohort, to 54 months",
     lab_build_fig_3_11},
    {"fig-3-11-report", in_job8h,
     "Boot et al. 2020 / CBS cohort study of 2014 asylum permit holders: share with a job of at least 8 h/week by "
     "country and months since the permit, to 54 months (labour/asylum2014_job8h)",
     lab_build_fig_3_11_report},
    {"fig-3-12", in_polish,
     "Gijsberts et al. 2018 (SCP) / CBS custom figures: net participation of Poles registered from 2004 and of "
     "the Dutch background, 2006-2016 (CBS 82809NED has no Polish category)",
     lab_build_fig_3_12},
    {"tab-7-1", in_tab71, "the transcription of Tabel 7.1 (data/report/tab-7-1; SCP 2018 survey)",
     lab_build_tab_7_1},
};

static const wrrfig_measure measures[] = {
    {"labour.net_participation", "origin, year, quarter (0 = annual), sex ('Totaal')", "percent",
     "Net labour participation of 15-74-year-olds: CBS's published rate, or employed / population x 100 when "
     "only the counts are there (CBS 82809NED in labour/participation_82809); annual values for both sexes "
     "not in that table come from CBS news 2020/46 (labour/participation_2003_2019, 2003-2019).",
     in_part_measure, lab_m_net_participation},
    {"labour.unemployment", "origin, year, quarter (0), sex ('Totaal'), age ('15-75')", "percent",
     "Unemployment rate, % of the labour force (CBS 82809NED and CBS articles in labour/participation_82809); "
     "two sources for one cell must agree.",
     in_part, lab_m_unemployment},
    {"labour.asylum2014_working", "country, months", "percent",
     "Share working (employee or self-employed) of 18-65-year-olds with a 2014 asylum permit, months after the "
     "permit (CBS news 2018/16).",
     in_asylum, lab_m_asylum2014_working},
    {"labour.asylum2014_job8h", "country, months", "percent",
     "Share with a job of at least 8 h/week, 2014 permit cohort (Boot et al. 2020; fig. 3.11).", in_job8h,
     lab_m_asylum2014_job8h},
    {"labour.asylum2014_bijstand", "months, country ('Totaal')", "percent",
     "Share on social assistance, 2014 permit cohort, months after the permit.", in_bijstand,
     lab_m_asylum2014_bijstand},
    {"labour.cohort9599_employed", "motive, years, country ('Totaal')", "percent",
     "Share employed > 8 h/week of the 1995-1999 inflow cohort after years of residence (figs. 3.9, 3.10).",
     in_9599, lab_m_cohort9599_employed},
    {"labour.polish_participation", "group ('Polen', 'Nederlands'), year", "percent",
     "Net participation of Poles registered since 2004 vs the Dutch background (fig. 3.12).", in_polish,
     lab_m_polish_participation},
    {"labour.discrimination", "origin, domain ('werk', 'voorwaarden'), doubt ('zonder', 'inclusief')", "percent",
     "A cell of Tabel 7.1 (report lines 7174-7209).", in_tab71, lab_m_discrimination},
};

WRRFIG_PLUGIN_DEFINE("labour", "1.0.0", "Labour market by origin (figures 3.6-3.12) and Tabel 7.1", figures,
                     measures);
