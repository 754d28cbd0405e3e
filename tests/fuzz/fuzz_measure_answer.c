/* The measure worker's answers, as the host decodes them. */
#include "fuzz.h"

#include "claims/measure.h"

static int fuzz_measure_answer(const uint8_t *data, size_t size)
{
    wf_measure_result r;
    if (measure_answer_decode(data, size, &r) == 0 &&
        (!memchr(r.reason.msg, '\0', sizeof r.reason.msg) || !memchr(r.unit, '\0', sizeof r.unit) ||
         !memchr(r.inputs, '\0', sizeof r.inputs)))
        abort();
    return 0;
}
WF_FUZZ_ENTRY(fuzz_measure_answer)
