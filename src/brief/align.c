/* PLACEHOLDER: being written; replaced before landing. */
#include "brief/align.h"
#include <stdlib.h>
struct cr_align { int x; };
cr_align *cr_align_new(const cr_article *const *arts, uint32_t n) { (void)arts; (void)n; return calloc(1, sizeof(cr_align)); }
void cr_align_free(cr_align *al) { free(al); }
double cr_align_score(const cr_align *al, uint32_t a, uint32_t sa, uint32_t b, uint32_t sb) { (void)al; (void)a; (void)sa; (void)b; (void)sb; return 0; }
