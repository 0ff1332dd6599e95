# Facts of the sample corpus point back to their articles with the right
# agreement, counted among independent outlets: the NPA-only Corbel
# packaging line is "one", a fact told only by NPA and its reprint is "one"
# though two articles carry it, and every fact's articles belong to its
# story.
cmd: $CR brief --format json examples/
exit: 0
json-check: all(set(f["articles"]) <= set(ids(s)) for s in stories for f in s["facts"])
json-check: all(f["agreement"] in ("all", "some", "one") for s in stories for f in s["facts"])
json-check: all((f["agreement"] == "one") == (f["independent"] == 1) for s in stories for f in s["facts"])
json-check: all((f["agreement"] == "all") == (f["independent"] == s["independent_sources"] > 1) for s in stories for f in s["facts"])
json-check: any(f["agreement"] == "one" and len(f["articles"]) == 2 for f in story_of("npa-bridge-fire")["facts"])
json-check: any(f["agreement"] == "one" and f["articles"] == ["npa-recall"] and "packaging line" in f["text"] for f in story_of("npa-recall")["facts"])
json-check: any(f["agreement"] == "one" and f["articles"] == ["cbj-recall"] and "410 million" in f["text"] for f in story_of("npa-recall")["facts"])
json-check: any(f["articles"] == ["gazette-bridge-fire"] and "1911" in f["text"] for f in story_of("npa-bridge-fire")["facts"])
