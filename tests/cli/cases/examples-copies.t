# The Riverside Daily reprints the NPA wire: a copy, so the bridge story
# has four outlets but three independent ones. The Ledger's rewrite of the
# Herald is not a word-for-word copy but is not independent either.
cmd: $CR brief --format json examples/
needs-module: src/sig/copies.c
needs-module: src/brief/briefing.c
needs-module: src/cluster/stories.c
exit: 0
json-check: article("riverside-bridge-fire")["copy_of"] == "npa-bridge-fire"
json-check: article("npa-bridge-fire")["copy_of"] is None
json-check: article("courier-bridge-fire")["copy_of"] is None
json-check: story_of("npa-bridge-fire")["sources"] == 4
json-check: story_of("npa-bridge-fire")["independent_sources"] == 3
json-check: story_of("npa-recall")["independent_sources"] == 3
