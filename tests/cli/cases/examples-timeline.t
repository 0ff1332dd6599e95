# Dates in the sample corpus resolve against each article's publication
# time (JSON lines) or the date inferred from its dateline (text files):
# "on Tuesday" is 11 March, "yesterday" in a report of 11 March is 10
# March, "on March 4" keeps its year. Dates are YYYY-MM-DD, YYYY-MM or YYYY
# (docs/json-contract.md).
cmd: $CR brief --format json examples/
needs-module: src/text/date.c
exit: 0
json-check: any(e["date"] == "2025-03-11" for e in story_of("npa-bridge-fire")["timeline"])
json-check: any(e["date"] == "2025-03-10" for e in story_of("npa-recount")["timeline"])
json-check: any(e["date"] == "2025-03-04" for e in story_of("npa-recount")["timeline"])
json-check: any(e["date"] == "2025-03-13" for e in story_of("npa-storm")["timeline"])
json-check: all(e["date"] is None or re.fullmatch(r"\d{4}(-\d\d(-\d\d)?)?", e["date"]) for s in stories for e in s["timeline"])
json-check: not any((e["date"] or "").startswith("2024-03") for s in stories for e in s["timeline"])
json-check: any(e["date"] == "2025-01" and "January" in (e["as_written"] or "") for e in story_of("npa-bridge-fire")["timeline"])
json-check: any(e["date_inferred"] for e in story_of("npa-bridge-fire")["timeline"])
