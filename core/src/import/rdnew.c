#include "import/rdnew.h"

/* Reference point Amersfoort in WGS84 degrees and RD metres. */
#define PHI0 52.15517440
#define LAM0 5.38720621
#define X0 155000.0
#define Y0 463000.0

typedef struct term {
    int p, q; /* powers of dphi and dlam */
    double c;
} term;

static const term RX[] = {
    {0, 1, 190094.945}, {1, 1, -11832.228}, {2, 1, -114.221}, {0, 3, -32.391}, {1, 0, -0.705},
    {3, 1, -2.340},     {1, 3, -0.608},     {0, 2, -0.008},   {2, 3, 0.148},
};
static const term SY[] = {
    {1, 0, 309056.544}, {0, 2, 3638.893}, {2, 0, 73.077}, {1, 2, -157.984}, {3, 0, 59.788},
    {0, 1, 0.433},      {2, 2, -6.439},   {1, 1, -0.032}, {0, 4, 0.092},    {1, 4, -0.054},
};

static double ipow(double b, int e)
{
    double r = 1.0;
    while (e-- > 0)
        r *= b;
    return r;
}

void rdnew_from_wgs84(double lon, double lat, double *x, double *y)
{
    /* The polynomials take offsets in units of 10 000 arc seconds. */
    double dphi = 0.36 * (lat - PHI0);
    double dlam = 0.36 * (lon - LAM0);
    double sx = 0.0, sy = 0.0;
    for (unsigned i = 0; i < sizeof RX / sizeof RX[0]; i++)
        sx += RX[i].c * ipow(dphi, RX[i].p) * ipow(dlam, RX[i].q);
    for (unsigned i = 0; i < sizeof SY / sizeof SY[0]; i++)
        sy += SY[i].c * ipow(dphi, SY[i].p) * ipow(dlam, SY[i].q);
    *x = X0 + sx;
    *y = Y0 + sy;
}
