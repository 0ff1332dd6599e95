# Boilerplate in the sample corpus is removed and listed per article, the
# glued site name leaves the title and becomes the outlet, and no real
# sentence is lost.
cmd: $CR brief --format json examples/
needs-module: src/ingest/clean.c
needs-module: src/brief/briefing.c
needs-module: src/cluster/stories.c
exit: 0
json-check: article("courier-bridge-fire")["title"] == "Harlan Street Bridge fire leaves 12 hurt as town faces long detour"
json-check: article("courier-bridge-fire")["source"] == "Valley Courier"
json-check: any("Morning Brief newsletter" in l for l in article("courier-bridge-fire")["removed_lines"])
json-check: any("Your guide to" in l for l in article("courier-bridge-fire")["removed_lines"])
json-check: any(l.startswith("Read more:") for l in article("coastalpost-storm")["removed_lines"])
json-check: "Share this article" in article("healthdesk-recall")["removed_lines"]
json-check: "Share this article" in article("epb-recount")["removed_lines"]
json-check: "Advertisement" in article("herald-recount")["removed_lines"]
json-check: any("Riverside Daily app" in l for l in article("riverside-bridge-fire")["removed_lines"])
json-check: any("NPA Daily" in l for l in article("npa-bridge-fire")["removed_lines"])
json-check: len(article("gazette-bridge-fire")["removed_lines"]) == 0
json-check: len(article("ledger-recount")["removed_lines"]) == 0
json-check: article("npa-recall")["source"] == "Northern Press Agency"
json-check: article("npa-storm")["published"].startswith("2025-03-14")
json-check: {r["reason"] for r in article("courier-bridge-fire")["removed"]} == {"promo", "tagline", "site-name"}
json-check: [r["reason"] for r in article("herald-recount")["removed"]] == ["stray"]
json-check: [r["reason"] for r in article("coastalpost-storm")["removed"]] == ["teaser"]
json-check: [r["reason"] for r in article("healthdesk-recall")["removed"]] == ["share"]
json-check: all(article(i)["removed_lines"] == [r["text"] for r in article(i)["removed"]] for s in stories for i in ids(s))
