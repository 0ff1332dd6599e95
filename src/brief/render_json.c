/* PLACEHOLDER: being written; replaced before landing. */
#include "brief/render.h"
cr_err cr_render_json(FILE *out, const cr_briefing *const *b, size_t n) { (void)out; (void)b; (void)n; return CR_OK; }
