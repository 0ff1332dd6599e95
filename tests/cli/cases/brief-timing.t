# --timing prints one line on stderr with the seconds spent analysing and
# briefing; stdout is the briefing as without it.
cmd: $CR brief --format json --timing examples
exit: 0
stderr-match: ^timing: analysis [0-9]+\.[0-9]{6} s, briefing [0-9]+\.[0-9]{6} s$
json-check: len(stories) >= 1
