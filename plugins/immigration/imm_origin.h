/* Figures from flow tables by origin (not in shared/: NO-DATA until the
 * CBS tables are imported; drawn and tested on synthetic fixtures in the
 * layout below). */
#ifndef IMM_ORIGIN_H
#define IMM_ORIGIN_H

#include <wrrfig/plugin.h>

/* Herkomst x Perioden x Onderwerp (Immigratie, Emigratie, Migratiesaldo). */
#define IMM_T_MIG_HERKOMST "cbs/migratie_herkomst"
/* Nationaliteit x Perioden x Onderwerp (Migratiesaldo). */
#define IMM_T_MIG_NAT "cbs/migratie_nationaliteit"
/* Herkomst x Perioden x Onderwerp (LevendGeborenen, Overledenen). */
#define IMM_T_BIRTHS_DEATHS "cbs/geboorte_sterfte_herkomst"

wrrfig_status imm_build_fig_1_1(const wrrfig_host *h, wrrfig_ctx *ctx);
wrrfig_status imm_build_fig_2_2(const wrrfig_host *h, wrrfig_ctx *ctx);
wrrfig_status imm_build_fig_2_9(const wrrfig_host *h, wrrfig_ctx *ctx);
wrrfig_status imm_build_fig_2_10(const wrrfig_host *h, wrrfig_ctx *ctx);

/* Net migration of one Herkomst code summed over from..to: the Migratiesaldo
 * topic when the table has it, else Immigratie - Emigratie. NODATA when a
 * year is missing. */
wrrfig_status imm_net_sum(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_table *t, const char *code, int from,
                          int to, double *out);

#endif
