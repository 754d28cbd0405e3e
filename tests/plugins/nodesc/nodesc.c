/* Test plugin without a descriptor: a shared object that is not a plugin. */
#include <wrrfig/plugin.h>

WRRFIG_EXPORT int nodesc_answer(void);
WRRFIG_EXPORT int nodesc_answer(void) { return 42; }
