/*
 * textfile.h - one plain-text article per file.
 *
 * The raw text (repaired to valid UTF-8) becomes article->raw; cleaning
 * (clean.h) later picks the title: the first non-empty line unless it is
 * boilerplate. The id is the file's base name without its extension.
 */
#ifndef CR_INGEST_TEXTFILE_H
#define CR_INGEST_TEXTFILE_H

#include <stddef.h>

#include "base/diag.h"
#include "crossread/article.h"
#include "crossread/err.h"

/* Makes an article of a text file's bytes. On error reports through d
 * (naming the file and the position) and returns the code. */
cr_err cr_textfile_read(const char *name, const char *data, size_t n,
                        cr_article **out, cr_diag *d);

/* The id for a file name: base name without directory and extension,
 * into the arena. */
char *cr_id_from_path(cr_arena *a, const char *path);

#endif
