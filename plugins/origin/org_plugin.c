/* Plugin "origin": the population by origin, chapters 1 and 2 of the report
 * (figures 1.2, 1.3, 2.5, 2.6, 2.11). */
#include <wrrfig/plugin.h>

#include "org_data.h"
#include "org_figures.h"
#include "org_measures.h"

static const char *const IN_NAT[] = {ORG_T37296, NULL};
static const char *const IN_CTRY[] = {ORG_T_COUNTRY, ORG_T37296, NULL};
static const char *const IN_PROJ[] = {ORG_T_PROJ, NULL};
static const char *const IN_25[] = {ORG_T37296, ORG_T_MIGBG, NULL};

#define NEEDS_NAT "CBS 37296ned (Bevolking, huishoudens en bevolkingsontwikkeling; vanaf 1950)"

static const wrrfig_figure FIGURES[] = {
    {"fig-1-2", IN_NAT, NEEDS_NAT, org_build_fig_1_2},
    {"fig-1-3", IN_CTRY,
     "CBS population by origin country and generation (37325 / 84910NED at national level); here the 1997-2017 country "
     "files (shared/nl_migration_background_by_country_1997_2017) and 37296ned",
     org_build_fig_1_3},
    {"fig-2-5", IN_25,
     NEEDS_NAT " and CBS 70787ned (Bevolking met migratieachtergrond 1972-2022, as cbs/migration_background_1972_2021); "
     "for the origin groups of 1972 and 1995: CBS 70787ned by origin (not in the shared data)",
     org_build_fig_2_5},
    {"fig-2-6", IN_NAT, NEEDS_NAT, org_build_fig_2_6},
    {"fig-2-11", IN_PROJ,
     "CBS Bevolkingsprognose 2017-2060 by migration background (StatLine 'Prognose bevolking; geslacht, leeftijd en "
     "migratieachtergrond', table id to be confirmed) with observations from 1996, as cbs/prognose_migratieachtergrond "
     "(Herkomst x Perioden x Status)",
     org_build_fig_2_11},
};

WRRFIG_PLUGIN("origin", "1.0.0", "Population by origin: groups 1996- (CBS 37296ned), countries 1997-2017, projection",
              WRRFIG_ARRAY(FIGURES), WRRFIG_ARRAY_N(org_measures, ORG_N_MEASURES), WRRFIG_NONE);
