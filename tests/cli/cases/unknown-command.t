# An unknown command is a usage error (exit 2), named on stderr.
cmd: $CR summarise examples/
exit: 2
expect-stdout: <<END
END
stderr-match: ^crossread: unknown command 'summarise'$
stderr-has: usage: crossread <command>
