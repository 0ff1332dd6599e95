# brief reads a saved page like any article: the outlet and title come
# from the page's metadata.
cmd: $CR brief --format json tests/cli/data/pages/tram.html
needs-module: src/ingest/html.c
exit: 0
json-check: len(stories) == 1
json-check: stories[0]["articles"][0]["title"] == "Tram line to the university opens"
json-check: stories[0]["articles"][0]["source"] == "Midland Herald"
json-check: stories[0]["articles"][0]["published"] == "2025-02-03T12:45:00Z"
