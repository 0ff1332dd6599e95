# Conflicts in the sample corpus: 12 vs 14 injured and closed vs reopened
# on the bridge (reports of the same day), open vs closed schools in
# Saltmere, and the storm toll revised from three to five by a later
# report.
cmd: $CR brief --format json examples/
needs-module: src/text/number.c
needs-module: src/brief/conflicts.c
exit: 0
json-check: any(c["kind"] == "contradiction" and any(re.search(r"\b12\b", v or "") for v in values(c)) and any(re.search(r"\b14\b", v or "") for v in values(c)) for c in story_of("npa-bridge-fire")["conflicts"])
json-check: any(any(re.search(r"(?i)closed", v or "") for v in values(c)) and any(re.search(r"(?i)reopen", v or "") for v in values(c)) for c in story_of("npa-bridge-fire")["conflicts"])
json-check: any(c["kind"] == "update" and any(re.search(r"(?i)\b(3|three)\b", v or "") for v in values(c)) and any(re.search(r"(?i)\b(5|five)\b", v or "") for v in values(c)) for c in story_of("npa-storm")["conflicts"])
json-check: any(any(re.search(r"(?i)closed", v or "") for v in values(c)) and any(re.search(r"(?i)open", v or "") for v in values(c)) for c in story_of("npa-storm")["conflicts"])
json-check: all(set(a for cl in c["claims"] for a in cl["articles"]) <= set(ids(s)) for s in stories for c in s["conflicts"])
json-check: story_of("npa-recall")["conflicts"] == []
