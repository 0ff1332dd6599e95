/* PLACEHOLDER: being written; replaced before landing. */
#include "text/quote.h"
cr_err cr_quotes_find(cr_article *a) { (void)a; return CR_OK; }
