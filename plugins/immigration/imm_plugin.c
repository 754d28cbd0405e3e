/* Plugin "immigration": immigration trends, chapters 1 and 2 of the report
 * (figures 1.1, 2.1-2.4, 2.7-2.10). */
#include <wrrfig/plugin.h>

#include "imm_forecast.h"
#include "imm_measures.h"
#include "imm_national.h"
#include "imm_origin.h"

static const char *const IN_NAT[] = {IMM_T37296, NULL};
static const char *const IN_MIG[] = {IMM_T_MIG_HERKOMST, NULL};
static const char *const IN_MIG_NAT[] = {IMM_T_MIG_HERKOMST, IMM_T_MIG_NAT, NULL};
static const char *const IN_BD[] = {IMM_T_BIRTHS_DEATHS, NULL};
static const char *const IN_FC[] = {IMM_T37296, IMM_T_FORECAST, NULL};
static const char *const IN_COVID[] = {IMM_T37296, IMM_T_COVID, NULL};

#define NEEDS_MIG                                                                                                    \
    "CBS immigration and emigration (incl. administrative corrections) by migration background / origin country "   \
    "(herkomstland), 1996-2018, as table cbs/migratie_herkomst (Herkomst x Perioden x Onderwerp). StatLine 03742 has " \
    "the same flows by country of birth (a different concept); 60032 in shared/ is by country of previous residence "  \
    "and has no emigration"

static const wrrfig_figure FIGURES[] = {
    {"fig-1-1", IN_MIG, NEEDS_MIG, imm_build_fig_1_1},
    {"fig-2-1", IN_NAT, "CBS 37296ned (Bevolking, huishoudens en bevolkingsontwikkeling; vanaf 1950)", imm_build_fig_2_1},
    {"fig-2-2", IN_MIG, NEEDS_MIG, imm_build_fig_2_2},
    {"fig-2-3", IN_FC,
     "CBS 83787NED (Prognose intervallen levendgeborenen, overledenen en migratie, 2017-2059) as cbs/83787ned, "
     "plus 37296ned for the observed years",
     imm_build_fig_2_3},
    {"fig-2-4", IN_COVID,
     "CBS covid-19 immigration scenarios (Stoeldraijer and Van Duin 2020, Statistische Trends; no StatLine table known) "
     "as cbs/covid_scenarios_immigratie, plus 37296ned",
     imm_build_fig_2_4},
    {"fig-2-7", IN_NAT, "CBS 37296ned (Bevolking, huishoudens en bevolkingsontwikkeling; vanaf 1950)", imm_build_fig_2_7},
    {"fig-2-8", IN_NAT, "CBS 37296ned (Bevolking, huishoudens en bevolkingsontwikkeling; vanaf 1950)", imm_build_fig_2_8},
    {"fig-2-9", IN_MIG_NAT,
     NEEDS_MIG "; and CBS 84484NED (Immi- en emigratie; nationaliteit, leeftijd en geslacht; from 1995, 1977-1994 from "
               "its predecessor) as cbs/migratie_nationaliteit",
     imm_build_fig_2_9},
    {"fig-2-10", IN_BD,
     "CBS live births and deaths by migration background, 1996-2018 (StatLine table by migratieachtergrond), as "
     "cbs/geboorte_sterfte_herkomst (Herkomst x Perioden x Onderwerp LevendGeborenen/Overledenen)",
     imm_build_fig_2_10},
};

WRRFIG_PLUGIN("immigration", "1.0.0", "Immigration trends: national flows 1950- (CBS 37296ned), flows by origin, forecasts",
              WRRFIG_ARRAY(FIGURES), WRRFIG_ARRAY_N(imm_measures, IMM_N_MEASURES), WRRFIG_NONE);
