/* PLACEHOLDER: being written; replaced before landing. */
#include "text/entity.h"
cr_err cr_entities_find(cr_article *a) { (void)a; return CR_OK; }
const char *cr_country_of(const char *norm, size_t n) { (void)norm; (void)n; return 0; }
