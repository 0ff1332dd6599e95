# With no command at all, crossread shows its usage on stderr: exit 2.
cmd: $CR
exit: 2
expect-stdout: <<END
END
stderr-has: usage: crossread <command> [options] PATH...
