/* PLACEHOLDER: being written; replaced before landing. */
#include "text/sentence.h"
cr_err cr_sentence_split(cr_arena *a, const char *text, size_t len, cr_span **spans, uint32_t **paras, uint32_t *n)
{ (void)a; (void)text; (void)len; *spans = NULL; if (paras) *paras = NULL; *n = 0; return CR_OK; }
