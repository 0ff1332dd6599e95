/*
 * clean.h - removing what is not the article.
 *
 * Works on article->raw, line by line and, inside a line, sentence by
 * sentence. Removes: newsletter, subscription and app promos ("Unlock the
 * ... newsletter for free", "Sign up", "Download our app"); taglines (a
 * short line before the body that describes a product, "Your guide to
 * ..."); teasers ("Updates on X can be followed here", "Read more",
 * "Further information can be found by reading ..."); share prompts
 * ("Share this article", "Click to share on Twitter"); stray one-word
 * lines ("Today", "Advertisement"); credit lines ("Additional reporting
 * by ..."). A site name glued to the title ("... | Global News", "... -
 * BBC News") is stripped and becomes the outlet when none is given.
 * Every removed line or sentence is kept in article->removed with its
 * reason. A real sentence of the article is never removed: rules are
 * anchored on the shape of a whole line or sentence, not on single words.
 */
#ifndef CR_INGEST_CLEAN_H
#define CR_INGEST_CLEAN_H

#include "crossread/article.h"
#include "crossread/err.h"

/* Sets title (unless title_given), body and removed from raw. */
cr_err cr_clean(cr_article *a);

#endif
