# Named entities of the sample corpus with their types.
cmd: $CR brief --format json examples/
needs-module: src/text/entity.c
exit: 0
json-check: any(e["name"] == "Carrow Falls" and e["type"] == "place" for e in story_of("npa-bridge-fire")["entities"])
json-check: any(e["name"] == "Tomas Reyne" and e["type"] == "person" for e in story_of("npa-bridge-fire")["entities"])
json-check: any(e["name"] == "Halvern Pharmaceuticals" and e["type"] == "organisation" for e in story_of("npa-recall")["entities"])
json-check: any(e["name"] == "Maren Holt" and e["type"] == "person" for e in story_of("npa-recount")["entities"])
json-check: any(e["name"] == "Saltmere" and e["type"] == "place" for e in story_of("npa-storm")["entities"])
