# Clustering the same input twice gives the same lines, explanations
# included.
cmd: a=$($CR cluster --explain examples/) && b=$($CR cluster --explain examples/) && [ -n "$a" ] && [ "$a" = "$b" ] && echo same
exit: 0
expect-stdout: <<END
same
END
