# An RSS feed (named .xml, recognised by its content) is briefed item by
# item: full content where the item has it, else the description; ids
# from guid, then link; the channel title is every item's outlet.
cmd: $CR brief --format json tests/cli/data/harbour-feed.xml
needs-module: src/ingest/feed.c
exit: 0
expect-stderr: <<END
END
json-check: len(stories) == 2
json-check: ids(story_of("gazette-strike-1")) == sorted(["gazette-strike-1", "https://gazette.example/news/port-reopens"])
json-check: article("gazette-strike-1")["source"] == "Saltmarsh Gazette"
json-check: article("gazette-strike-1")["url"] == "https://gazette.example/news/strike-ends"
json-check: article("gazette-strike-1")["published"] == "2024-03-07T18:20:00Z"
json-check: article("https://gazette.example/news/port-reopens")["title"] == "Port of Saltmarsh reopens as strikers accept pay offer"
json-check: any(q["speaker"] == "Tomas Brandt" for q in story_of("gazette-strike-1")["quotes"])
json-check: not any("Teaser" in f["text"] for f in story_of("gazette-strike-1")["facts"])
json-check: any("nine-day strike" in f["text"] and len(f["articles"]) == 2 for f in story_of("gazette-strike-1")["facts"])
json-check: story_of("https://gazette.example/news/ferry-timetable")["articles"][0]["published"] == "2024-03-08T09:00:00Z"
