# Markdown and HTML briefings of the sample corpus name all four stories.
cmd: $CR brief --format md examples/ && $CR brief -f html examples/
needs-module: src/brief/briefing.c
needs-module: src/cluster/stories.c
exit: 0
expect-stderr: <<END
END
stdout-has: Harlan Street
stdout-has: Dunmore North
stdout-has: Corvadine
stdout-has: Saltmere
stdout-match: <[a-zA-Z]+[ >]
stdout-match: ^#
