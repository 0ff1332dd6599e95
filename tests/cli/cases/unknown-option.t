# An unknown option of brief is a usage error (exit 2) with brief's usage.
cmd: $CR brief --colour examples/
exit: 2
expect-stdout: <<END
END
stderr-has: unrecognized option '--colour'
stderr-has: usage: crossread brief [options] PATH...
