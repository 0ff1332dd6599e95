/* diag.c - counts and forwards input rejections; see diag.h. */
#include "crossread/diag.h"

#include <stdarg.h>
#include <stdio.h>

static void emit(cr_diag *d, const char *file, uint64_t line, cr_err code,
                 const char *fmt, va_list ap)
{
	char reason[512];
	vsnprintf(reason, sizeof reason, fmt, ap);
	if (d->fn)
		d->fn(d->ud, file ? file : "-", line, code, reason);
}

void cr_diag_reject(cr_diag *d, const char *file, uint64_t line, cr_err code,
                    const char *fmt, ...)
{
	if (!d)
		return;
	d->n_rejected++;
	va_list ap;
	va_start(ap, fmt);
	emit(d, file, line, code, fmt, ap);
	va_end(ap);
}

void cr_diag_warn(cr_diag *d, const char *file, uint64_t line, cr_err code,
                  const char *fmt, ...)
{
	if (!d)
		return;
	d->n_warnings++;
	va_list ap;
	va_start(ap, fmt);
	emit(d, file, line, code, fmt, ap);
	va_end(ap);
}
