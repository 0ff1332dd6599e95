/*
 * diag.h - reporting rejected input as "file:line: reason".
 *
 * The library never prints. Stages that reject part of their input call
 * cr_diag_report(); the CLI installs a sink that writes to stderr, tests
 * install one that records. Rejections are counted so the exit status can
 * say that some input was rejected.
 */
#ifndef CROSSREAD_DIAG_H
#define CROSSREAD_DIAG_H

#include <stddef.h>
#include <stdint.h>

#include "crossread/err.h"

typedef void (*cr_diag_fn)(void *ud, const char *file, uint64_t line,
                           cr_err code, const char *reason);

typedef struct cr_diag {
	cr_diag_fn fn; /* may be NULL: reports are only counted */
	void *ud;
	size_t n_rejected; /* inputs (files, lines, records) rejected */
	size_t n_warnings; /* repaired but kept (e.g. invalid UTF-8 fixed) */
} cr_diag;

/* Reports that the input at file:line was rejected. line is 1-based; 0
 * means "the whole file". reason is printf-style. Accepts d == NULL. */
void cr_diag_reject(cr_diag *d, const char *file, uint64_t line, cr_err code,
                    const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* Same, for input that was repaired and kept. */
void cr_diag_warn(cr_diag *d, const char *file, uint64_t line, cr_err code,
                  const char *fmt, ...) __attribute__((format(printf, 5, 6)));

#endif
