#!/bin/sh
# Rebuilds the hhi plugin's geometry layers and the KWB 2017 attribute table
# from ../shared/data with `wrrfig import-geo`. Re-running gives identical
# bytes. Usage: scripts/import-hhi-geo.sh [SHARED_DATA_DIR]
set -eu
S=${1:-../shared/data}
W=${WRRFIG:-build/bin/wrrfig}
CC0="CC BY 4.0"

$W --data data import-geo "$S/gemeente_wijk_kwb2017_origin_pct/municipality.json" --name geo/gemeente_2017 \
  --source-file ../shared/data/gemeente_wijk_kwb2017_origin_pct/municipality.json \
  --title "Gemeentegrenzen 1 januari 2017 (388 gemeenten), vereenvoudigd, RD New" \
  --source "CBS Wijk- en buurtkaart 2017 (layer gemeente_2017), as simplified in github.com/Digital-Banana/migration_test map/municipality.json (commit dba44065)" \
  --licence "$CC0 (CBS; inferred, the repository states none)" \
  --code-key GM_CODE --name-key GM_NAAM --from wgs84 \
  --note "388 features = the municipal division of 1 January 2017 (the data year of hhi/kwb2017_gemeente)" \
  --note "source coordinates are WGS84 with 5 decimals (about 1 m)" \
  --attrs AANT_INW,P_WEST_AL,P_N_W_AL,P_MAROKKO,P_ANT_ARU,P_SURINAM,P_TURKIJE,P_OVER_NW \
  --table hhi/kwb2017_gemeente \
  --table-title "Inwoners en herkomst per gemeente, 1 januari 2017 (KWB 2017)" \
  --table-source "CBS Kerncijfers wijken en buurten 2017 (attributes of the Wijk- en buurtkaart 2017 layer gemeente_2017), from github.com/Digital-Banana/migration_test map/municipality.json (commit dba44065)" \
  --table-note "AANT_INW: inhabitants (persons) on 1 January 2017. P_WEST_AL, P_N_W_AL: % of inhabitants with a western / non-western migration background; P_MAROKKO, P_ANT_ARU, P_SURINAM, P_TURKIJE, P_OVER_NW: % with a Moroccan, Antillean/Aruban, Surinamese, Turkish, other non-western background. Whole percentages as rounded by CBS; the Dutch-background share is not given (100 - P_WEST_AL - P_N_W_AL)." \
  --table-note "Sum of AANT_INW over the 388 municipalities = 17,081,507 = CBS population on 1 January 2017 (37296ned)."

$W --data data import-geo "$S/gemeente_boundaries/rd_gemeente_2015.geojson" --name geo/gemeente_2015 \
  --source-file ../shared/data/gemeente_boundaries/rd_gemeente_2015.geojson \
  --title "Gemeentegrenzen 2015 (393 gemeenten), vereenvoudigd, RD New" \
  --source "CBS/PDOK gebiedsindelingen 2015, as simplified in github.com/edwindj/nl_maps rd/gemeente_2015.geojson (commit 8d4f7148)" \
  --licence "$CC0 (CBS/PDOK; the repository states none)" \
  --note "the municipal division of 2015 (393 municipalities), for the report's fig. 2.14 (1 January 2015)"

$W --data data import-geo "$S/wijk_boundaries/rd_wijk_2016.geojson" --name geo/wijk_2016_denhaag --prefix WK0518 \
  --source-file ../shared/data/wijk_boundaries/rd_wijk_2016.geojson --allow-null-geometry \
  --title "Wijkgrenzen Den Haag 2016 (44 wijken), vereenvoudigd, RD New" \
  --source "CBS/PDOK Wijk- en buurtkaart 2016 (layer wijk_2016), as simplified in github.com/edwindj/nl_maps rd/wijk_2016.geojson (commit 8d4f7148)" \
  --licence "$CC0 (CBS/PDOK; the repository states none)" \
  --note "only the wijken of 's-Gravenhage (codes WK0518..)"

$W --data data import-geo "$S/wijk_boundaries/rd_wijk_2016.geojson" --name geo/wijk_2016_amsterdam --prefix WK0363 \
  --source-file ../shared/data/wijk_boundaries/rd_wijk_2016.geojson --allow-null-geometry \
  --title "Wijkgrenzen Amsterdam 2016 (99 wijken, 97 met grenzen), vereenvoudigd, RD New" \
  --source "CBS/PDOK Wijk- en buurtkaart 2016 (layer wijk_2016), as simplified in github.com/edwindj/nl_maps rd/wijk_2016.geojson (commit 8d4f7148)" \
  --licence "$CC0 (CBS/PDOK; the repository states none)" \
  --note "only the wijken of Amsterdam (codes WK0363..); the 99 wijk codes of 2016 equal those of KWB 2019 (hhi/kwb2019_amsterdam); 2 have no geometry in the source"

$W --data data import-geo "$S/gemeente_wijk_kwb2017_origin_pct/district.json" --name geo/wijk_2017_denhaag --prefix WK0518 \
  --source-file ../shared/data/gemeente_wijk_kwb2017_origin_pct/district.json --allow-null-geometry \
  --title "Wijkgrenzen Den Haag 1 januari 2017 (44 wijken), vereenvoudigd, RD New" \
  --source "CBS Wijk- en buurtkaart 2017 (layer wijk_2017), as simplified in github.com/Digital-Banana/migration_test map/district.json (commit dba44065)" \
  --licence "$CC0 (CBS; inferred, the repository states none)" \
  --code-key WK_CODE --name-key WK_NAAM --from wgs84 \
  --note "only the wijken of 's-Gravenhage (codes WK0518..); the division of 1 January 2017" \
  --note "source coordinates are WGS84 with 5 decimals (about 1 m)" \
  --attrs AANT_INW,P_WEST_AL,P_N_W_AL,P_MAROKKO,P_ANT_ARU,P_SURINAM,P_TURKIJE,P_OVER_NW \
  --table hhi/kwb2017_denhaag_wijk \
  --table-title "Inwoners en herkomst per wijk van Den Haag, 1 januari 2017 (KWB 2017)" \
  --table-source "CBS Kerncijfers wijken en buurten 2017 (attributes of the Wijk- en buurtkaart 2017 layer wijk_2017), from github.com/Digital-Banana/migration_test map/district.json (commit dba44065)" \
  --table-note "Same variables as hhi/kwb2017_gemeente: AANT_INW persons; P_* whole percentages of inhabitants as rounded by CBS; Dutch background = 100 - P_WEST_AL - P_N_W_AL." \
  --table-note "CBS suppresses small groups at wijk level; the source repository has no missing-value codes, so a suppressed percentage probably appears as 0 (../shared/data/gemeente_wijk_kwb2017_origin_pct/SOURCE.md). Wijk 01 Oostduinen has no inhabitants (all percentages 0)."
