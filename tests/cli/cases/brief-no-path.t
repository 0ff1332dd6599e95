# brief without a PATH is a usage error (exit 2).
cmd: $CR brief --format json
exit: 2
expect-stdout: <<END
END
stderr-match: ^crossread: brief needs at least one PATH$
stderr-has: usage: crossread brief [options] PATH...
