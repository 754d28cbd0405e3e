/* Figures 3.2-3.5: the report's model curves of an outcome against the HHI,
 * recomputed from model coefficients (a linear predictor in the HHI and a
 * link function). Pure. */
#ifndef COHESION_CURVE_H
#define COHESION_CURVE_H

#include <stddef.h>

typedef enum cv_link { CV_IDENTITY, CV_LOGIT, CV_LOG } cv_link;

/* "identity", "logit" (inverse: 1/(1+e^-x)), "log" (inverse: e^x). -1 for
 * anything else. */
int cv_parse_link(const char *s, cv_link *out);

/* The value of one model term at hhi h: "intercept" (1), "hhi" (h),
 * "hhi^2", "hhi^3", or "hinge:K" (max(0, h-K), a kink at K for a curve
 * that levels off). Returns 0, or -1 for an unknown term. */
int cv_term(const char *term, double h, double *out);

/* scale * inverse_link(sum of coef[i] * term[i](h)). Returns 0, or -1 when
 * a term is unknown. */
int cv_predict(const char *const *terms, const double *coef, size_t n, cv_link link, double scale, double h,
               double *out);

#endif
