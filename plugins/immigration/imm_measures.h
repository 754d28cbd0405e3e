/* The immigration.* measures of docs/measures.md. */
#ifndef IMM_MEASURES_H
#define IMM_MEASURES_H

#include <wrrfig/plugin.h>

/* The descriptor needs the count as a constant expression; imm_measures.c
 * checks it against the array. */
#define IMM_N_MEASURES 26
extern const wrrfig_measure imm_measures[];

#endif
