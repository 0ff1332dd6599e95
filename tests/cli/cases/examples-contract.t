# The JSON of the sample corpus keeps the shape of docs/json-contract.md:
# keys in the documented order, lists always present, unknowns null,
# times in UTC with a Z, and every claim's ids drawn from its story's
# articles, in the order of that list.
cmd: $CR brief --format json examples/
needs-module: src/brief/render_json.c
exit: 0
json-check: list(out) == ["version", "stories"]
json-check: all(list(s)[:12] == ["id", "headline", "articles", "sources", "independent_sources", "summary", "facts", "conflicts", "quotes", "reported", "entities", "timeline"] for s in stories)
json-check: all(list(q) == ["speaker", "cue", "text", "articles", "variants"] for s in stories for k in ("quotes", "reported") for q in s[k])
json-check: all(v["articles"] and set(v["articles"]) <= set(q["articles"]) for s in stories for k in ("quotes", "reported") for q in s[k] for v in q["variants"])
json-check: all(q["speaker"] for s in stories for q in s["reported"]) and any(s["reported"] for s in stories)
json-check: all(list(a)[:7] == ["id", "source", "title", "url", "published", "copy_of", "removed_lines"] for s in stories for a in s["articles"])
json-check: all(a["published"] is None or re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", a["published"]) for s in stories for a in s["articles"])
json-check: article("epb-recount")["published"] == "2025-03-11T05:00:00Z"
json-check: article("courier-bridge-fire")["url"] is None
json-check: article("npa-recount")["url"] == "https://npa.example/news/2025/03/11/dunmore-north-recount"
json-check: all(s["sources"] >= s["independent_sources"] >= 1 for s in stories)
json-check: all(x["articles"] == [i for i in [a["id"] for a in s["articles"]] if i in x["articles"]] and len(x["articles"]) >= 1 for s in stories for k in ("summary", "facts", "quotes", "reported", "entities", "timeline") for x in s[k])
json-check: all(cl["articles"] == [i for i in [a["id"] for a in s["articles"]] if i in cl["articles"]] for s in stories for c in s["conflicts"] for cl in c["claims"])
json-check: all(e["type"] in ("person", "place", "organisation", "other") for s in stories for e in s["entities"])
json-check: all(1 <= len(s["summary"]) <= 5 for s in stories)
