/* Figures and codes of the national annual series (CBS 37296ned). */
#ifndef IMM_NATIONAL_H
#define IMM_NATIONAL_H

#include <wrrfig/plugin.h>

#define IMM_T37296 "cbs/37296ned"
#define IMM_IMMIGRATION "Immigratie_73"
#define IMM_EMIGRATION "EmigratieInclusiefAdministratieveC_74"
#define IMM_NET "MigratiesaldoInclusiefAdministratie_75"
#define IMM_POPULATION "TotaleBevolking_1"
#define IMM_BIRTHS "LevendGeborenKind_69"
#define IMM_DEATHS "Overledenen_70"
#define IMM_NATURAL "Geboorteoverschot_71"
#define IMM_GROWTH "TotaleBevolkingsgroei_67"

wrrfig_status imm_build_fig_2_1(const wrrfig_host *h, wrrfig_ctx *ctx);
wrrfig_status imm_build_fig_2_7(const wrrfig_host *h, wrrfig_ctx *ctx);
wrrfig_status imm_build_fig_2_8(const wrrfig_host *h, wrrfig_ctx *ctx);

#endif
