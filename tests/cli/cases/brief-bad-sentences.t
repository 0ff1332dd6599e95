# --sentences takes 1 to 20; 0 and words are usage errors.
cmd: $CR brief -n 0 examples/ || echo "status $?"; $CR brief --sentences five examples/
exit: 2
stdout-has: status 2
expect-stderr: <<END
crossread: --sentences takes 1 to 20
crossread: --sentences takes 1 to 20
END
