/* CBS OData responses: a v3 dataset document, a records document and v4
 * Observations (import/v4obs.c). */
#include "fuzz.h"

#include "format/cbs_odata.h"
#include "format/jsonfile.h"
#include "import/v4obs.h"

static int fuzz_odata(const uint8_t *data, size_t size)
{
    cJSON *j = NULL;
    wf_error err;
    if (json_parse((const char *)data, size, "fuzz.json", &j, &err) != 0)
        return 0;
    csv_doc *d = NULL;
    if (odata_to_doc(j, "fuzz", &d, &err) == 0)
        csv_free(d);
    d = NULL;
    if (json_records_to_doc(j, "value", "fuzz", &d, &err) == 0)
        csv_free(d);
    d = NULL;
    if (v4_observations_to_doc(j, "fuzz", &d, &err) == 0)
        csv_free(d);
    cJSON_Delete(j);
    return 0;
}
WF_FUZZ_ENTRY(fuzz_odata)
