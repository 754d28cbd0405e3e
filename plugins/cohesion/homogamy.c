#include "homogamy.h"

int hg_share(double same, double total, double *out)
{
    if (!(total > 0.0) || !(same >= 0.0) || same > total)
        return -1;
    *out = 100.0 * same / total;
    return 0;
}
