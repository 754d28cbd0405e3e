/* The measure worker's answers, as the host decodes them. */
#include "fuzz.h"

#include "claims/measure.h"

static int fuzz_measure_answer(const uint8_t *data, size_t size)
{
    wf_measure_result r;
    if (measure_answer_decode(data, size, &r) != 0)
        return 0;
    if (!memchr(r.reason.msg, '\0', sizeof r.reason.msg) || !memchr(r.unit, '\0', sizeof r.unit) ||
        r.inputs.n > WF_CITES_MAX)
        abort();
    for (size_t i = 0; i < r.inputs.n; i++)
        if (!memchr(r.inputs.v[i].name, '\0', sizeof r.inputs.v[i].name) ||
            !memchr(r.inputs.v[i].source, '\0', sizeof r.inputs.v[i].source) ||
            !memchr(r.inputs.v[i].sha256, '\0', sizeof r.inputs.v[i].sha256))
            abort();
    return 0;
}
WF_FUZZ_ENTRY(fuzz_measure_answer)
