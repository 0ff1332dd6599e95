# extract prints one JSON object per page: metadata from JSON-LD and
# <meta>, the body without cookie banner, navigation, newsletter box,
# related links or comments.
cmd: $CR extract --format json tests/cli/data/pages/tram.html
needs-module: src/ingest/html.c
exit: 0
expect-stderr: <<END
END
json-check: out["title"] == "Tram line to the university opens"
json-check: out["byline"] == "Dana Kowal"
json-check: out["published"] == "2025-02-03T12:45:00Z"
json-check: out["outlet"] == "Midland Herald"
json-check: out["url"] == "https://herald.example/local/2025/02/03/tram-line-opens/"
json-check: out["lang"] == "en"
json-check: out["is_article"] is True
json-check: out["body"].startswith("The new tram line between the central station")
json-check: out["body"].endswith("said mayor Ruth Ellery.")
json-check: len(out["body"].split("\n")) == 3
json-check: not any(w in out["body"] for w in ["cookies", "Sport", "newsletter", "Bus fares", "Finally", "rights reserved", "By Dana"])
