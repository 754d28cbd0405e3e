/* Evaluating a measure reference such as
 *   immigration.total{year=2016}
 *   cohorts.stay_share{type='Totaal', cohort='2006-2010', stay='<2'}
 * against the loaded plugins. Plugin code runs in a forked worker with a time
 * limit, so a crashing measure fails that claim alone. */
#ifndef WF_MEASURE_H
#define WF_MEASURE_H

#include "app.h"
#include "claims/status.h"
#include "data/provenance.h"


typedef struct wf_measure_result {
    eval_status status;
    double value;              /* set when status is EVAL_OK */
    wf_error reason;           /* why, when not OK */
    wf_cites inputs;           /* the data used */
    char unit[64];             /* the measure's unit */
} wf_measure_result;

/* Splits "name{params}" into name and params text. Returns -1 on a
 * malformed reference. Caller frees both. */
int measure_ref_split(const char *ref, char **name, char **params);

/* Evaluates one reference (starts and ends a worker). */
int wf_measure_eval(const wf_app *a, const char *ref, wf_measure_result *res);

/* For many references: one worker process serves them all, keeping the
 * tables it loaded; a crash or time-out fails that reference alone and the
 * next one gets a fresh worker. */
typedef struct wf_measure_server wf_measure_server;
wf_measure_server *measure_server_new(const wf_app *a);
void measure_server_eval(wf_measure_server *s, const char *ref, wf_measure_result *res);
void measure_server_free(wf_measure_server *s);

/* Decodes the payload of a measure worker's answer (the wire format is in
 * measure.c). 0, or -1 when it is not a valid answer. For the fuzzer. */
int measure_answer_decode(const unsigned char *payload, size_t len, wf_measure_result *r);

#endif
