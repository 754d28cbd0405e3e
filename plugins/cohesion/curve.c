#include "curve.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

int cv_parse_link(const char *s, cv_link *out)
{
    if (!s)
        return -1;
    if (strcmp(s, "identity") == 0)
        *out = CV_IDENTITY;
    else if (strcmp(s, "logit") == 0)
        *out = CV_LOGIT;
    else if (strcmp(s, "log") == 0)
        *out = CV_LOG;
    else
        return -1;
    return 0;
}

int cv_term(const char *term, double h, double *out)
{
    if (strcmp(term, "intercept") == 0)
        *out = 1.0;
    else if (strcmp(term, "hhi") == 0)
        *out = h;
    else if (strcmp(term, "hhi^2") == 0)
        *out = h * h;
    else if (strcmp(term, "hhi^3") == 0)
        *out = h * h * h;
    else if (strncmp(term, "hinge:", 6) == 0) {
        char *end;
        double k = strtod(term + 6, &end);
        if (end == term + 6 || *end != '\0' || !isfinite(k))
            return -1;
        *out = h > k ? h - k : 0.0;
    } else
        return -1;
    return 0;
}

int cv_predict(const char *const *terms, const double *coef, size_t n, cv_link link, double scale, double h,
               double *out)
{
    double eta = 0.0;
    for (size_t i = 0; i < n; i++) {
        double x;
        if (cv_term(terms[i], h, &x) < 0)
            return -1;
        eta += coef[i] * x;
    }
    double y = link == CV_LOGIT ? 1.0 / (1.0 + exp(-eta)) : link == CV_LOG ? exp(eta) : eta;
    *out = scale * y;
    return 0;
}
