# --one-story briefs every article as one story: the examples, which
# crossread groups into several stories, come out as one briefing of all
# their articles, each summary sentence still naming its articles.
cmd: $CR brief --format json --one-story --words 120 examples
exit: 0
expect-stderr: <<END
END
json-check: len(stories) == 1
json-check: stories[0]["id"] == "story-1"
json-check: len(stories[0]["articles"]) == 15
json-check: len(stories[0]["summary"]) >= 2
json-check: all(len(s["articles"]) >= 1 for s in stories[0]["summary"])
json-check: sum(len(s["text"].split()) for s in stories[0]["summary"]) <= 120
