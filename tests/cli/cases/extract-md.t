# --format md: a heading, the metadata as a list, then the paragraphs.
cmd: $CR extract --format md tests/cli/data/pages/tram.html
needs-module: src/ingest/html.c
exit: 0
stdout-has: # Tram line to the university opens
stdout-has: - byline: Dana Kowal
stdout-has: - published: 2025-02-03T12:45:00Z
stdout-has: - article: yes
stdout-match: half as long as the bus it replaces\.\n\n"It is the biggest change
