/* Import mappings (the JSON files under data/mappings). */
#include "fuzz.h"

#include "import/mapping.h"

static int fuzz_mapping(const uint8_t *data, size_t size)
{
    char path[128];
    snprintf(path, sizeof path, "%s/mapping.json", fuzz_dir());
    fuzz_write(path, data, size);
    imp_mapping *m = NULL;
    wf_error err;
    if (imp_mapping_load(path, &m, &err) == 0)
        imp_mapping_free(m);
    return 0;
}
WF_FUZZ_ENTRY(fuzz_mapping)
