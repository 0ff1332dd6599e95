# Quotes in the sample corpus keep their speakers in both orders ("..."
# said X; X said: "..."), through a pronoun ("..., she said") and in the
# "..., X said" order.
cmd: $CR brief --format json examples/
needs-module: src/text/quote.c
exit: 0
json-check: any("Reyne" in (q["speaker"] or "") and "wind dropped" in q["text"] for q in story_of("npa-bridge-fire")["quotes"])
json-check: any("Voss" in (q["speaker"] or "") and "set foot on that bridge" in q["text"] for q in story_of("npa-bridge-fire")["quotes"])
json-check: any("Voss" in (q["speaker"] or "") and "scorched" in q["text"] for q in story_of("npa-bridge-fire")["quotes"])
json-check: any("Saale" in (q["speaker"] or "") and "looked at twice" in q["text"] for q in story_of("npa-recount")["quotes"])
json-check: any("Castell" in (q["speaker"] or "") and "double dose" in q["text"] for q in story_of("npa-recall")["quotes"])
json-check: any("Calloway" in (q["speaker"] or "") for q in story_of("npa-storm")["quotes"])
json-check: not any("Reyne" in (q["speaker"] or "") for q in story_of("npa-recall")["quotes"])
