/*
 * render.h - briefings as JSON (the contract), Markdown and HTML.
 *
 * Renderers only format: every decision is already in the cr_briefing.
 * JSON follows docs/json-contract.md (version 1). HTML is one
 * self-contained page (inline CSS, no scripts from elsewhere) with a grid
 * of facts by outlets and the conflicts highlighted; every piece of
 * article text is escaped.
 */
#ifndef CR_BRIEF_RENDER_H
#define CR_BRIEF_RENDER_H

#include <stddef.h>
#include <stdio.h>

#include "crossread/briefing.h"
#include "crossread/err.h"

cr_err cr_render_json(FILE *out, const cr_briefing *const *b, size_t n);
cr_err cr_render_md(FILE *out, const cr_briefing *const *b, size_t n);
cr_err cr_render_html(FILE *out, const cr_briefing *const *b, size_t n);

#endif
