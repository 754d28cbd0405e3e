/* The JSON reader with positions, duplicate keys and text checks. */
#include "fuzz.h"

#include "format/jsonfile.h"

static int fuzz_json(const uint8_t *data, size_t size)
{
    cJSON *j = NULL;
    wf_error err;
    if (json_parse((const char *)data, size, "fuzz.json", &j, &err) == 0)
        cJSON_Delete(j);
    else if (!strchr(err.msg, ':'))
        abort(); /* every error names where */
    return 0;
}
WF_FUZZ_ENTRY(fuzz_json)
