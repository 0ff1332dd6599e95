/* PLACEHOLDER: being written; replaced before landing. */
#include "ingest/jsonl.h"
cr_err cr_jsonl_read(const char *name, const char *data, size_t n, cr_article_sink sink, void *ud, cr_diag *d) { (void)name; (void)data; (void)n; (void)sink; (void)ud; (void)d; return CR_OK; }
int cr_parse_iso8601(const char *s, int64_t *out) { (void)s; (void)out; return 0; }
