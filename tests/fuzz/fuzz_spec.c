/* Figure specs (figures/<id>.json) and measure parameters. */
#include "fuzz.h"

#include "app.h"
#include "host/ctx.h"

static int fuzz_spec(const uint8_t *data, size_t size)
{
    char path[128];
    snprintf(path, sizeof path, "%s/fz.json", fuzz_dir());
    fuzz_write(path, data, size);
    wf_error err;
    cJSON *spec = spec_load(fuzz_dir(), "fz", &err);
    cJSON_Delete(spec);
    char *p = fuzz_cstr(data, size);
    struct wrrfig_params prm;
    if (params_parse(p, &prm, &err) == 0)
        params_free(&prm);
    free(p);
    return 0;
}
WF_FUZZ_ENTRY(fuzz_spec)
