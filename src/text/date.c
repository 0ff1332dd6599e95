/* PLACEHOLDER: being written; replaced before landing. */
#include "text/date.h"
cr_err cr_dates_find(cr_article *a) { (void)a; return CR_OK; }
void cr_date_resolve(cr_date *d, int y, int m, int day) { (void)d; (void)y; (void)m; (void)day; }
int64_t cr_days_from_civil(int y, int m, int d) { (void)y; (void)m; (void)d; return 0; }
void cr_civil_from_days(int64_t z, int *y, int *m, int *d) { (void)z; *y = 1970; *m = 1; *d = 1; }
int cr_weekday(int y, int m, int d) { (void)y; (void)m; (void)d; return 0; }
int cr_dates_infer_anchor(const cr_article *a, int *y, int *m, int *d) { (void)a; (void)y; (void)m; (void)d; return 0; }
