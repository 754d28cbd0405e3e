/* The one status of a measure or expression result, ordered by severity:
 * combining two values keeps the worse. A claim verdict (claim_status) is
 * derived from it. */
#ifndef WF_CLAIMS_STATUS_H
#define WF_CLAIMS_STATUS_H

typedef enum eval_status {
    EVAL_OK = 0,
    EVAL_NODATA = 1,   /* an input is absent, or the plugin found no such cell */
    EVAL_UNBOUND = 2,  /* no plugin provides the measure */
    EVAL_ERROR = 3     /* bad reference, crash, time-out or plugin error */
} eval_status;

#endif
