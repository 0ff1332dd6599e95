# The sample corpus (examples/README.md) holds four stories; every
# article lands in the right one and nothing is rejected. examples/README.md
# documents the corpus and must not be briefed as an article.
cmd: $CR brief --format json examples/
needs-module: src/ingest/ingest.c
needs-module: src/brief/briefing.c
needs-module: src/cluster/stories.c
exit: 0
expect-stderr: <<END
END
json-check: out["version"] == 1
json-check: story_of("README") is None
json-check: len(stories) == 4
json-check: sum(len(s["articles"]) for s in stories) == 15
json-check: ids(story_of("npa-bridge-fire")) == ["courier-bridge-fire", "gazette-bridge-fire", "npa-bridge-fire", "riverside-bridge-fire"]
json-check: ids(story_of("npa-recount")) == ["epb-recount", "herald-recount", "ledger-recount", "npa-recount"]
json-check: ids(story_of("npa-recall")) == ["cbj-recall", "healthdesk-recall", "npa-recall"]
json-check: ids(story_of("npa-storm")) == ["coastalpost-storm", "harbourtimes-storm", "npa-storm", "npa-storm-update"]
json-check: all(s["id"] and s["headline"] for s in stories)
json-check: len(set(s["id"] for s in stories)) == 4
