# An unknown --format is a usage error (exit 2) before any input is read.
cmd: $CR brief --format xml examples/
exit: 2
expect-stdout: <<END
END
expect-stderr: <<END
crossread: unknown format 'xml' (md, json or html)
END
