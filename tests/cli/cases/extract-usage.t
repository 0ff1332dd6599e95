# extract without a path is a usage error; a bad format too.
cmd: $CR extract; $CR extract --format xml x.html
exit: 2
stderr-has: crossread: extract needs at least one PATH
stderr-has: crossread: unknown format 'xml' (json or md)
