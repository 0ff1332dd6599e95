/*
 * err.h - the one error enum of libcrossread.
 *
 * Fallible functions return a cr_err; results come back through
 * out-parameters. cr_strerror() gives the message; the CLI maps codes to
 * messages and exit statuses in one place (src/cli/main.c).
 */
#ifndef CROSSREAD_ERR_H
#define CROSSREAD_ERR_H

#define CR_ERRNO_MAP(X)                                                        \
	X(OK, "success")                                                       \
	X(ENOMEM, "out of memory")                                             \
	X(EIO, "cannot read input")                                            \
	X(ETOOBIG, "input exceeds a size limit")                               \
	X(ETOODEEP, "input exceeds a nesting limit")                           \
	X(EEMPTY, "input is empty")                                            \
	X(EBINARY, "input is binary, not text")                                \
	X(EUTF8, "input is not valid UTF-8")                                   \
	X(EJSON, "malformed JSON")                                             \
	X(EFIELD, "missing or mistyped field")                                 \
	X(EFORMAT, "unrecognised input format")                                \
	X(EINVAL, "invalid argument")                                          \
	X(ESTEMMER, "stemmer unavailable")

typedef enum cr_err {
#define CR_ERR_ENUM(name, msg) CR_##name,
	CR_ERRNO_MAP(CR_ERR_ENUM)
#undef CR_ERR_ENUM
	        CR_ERR_COUNT
} cr_err;

/* A static, human-readable message for e. Never NULL. */
const char *cr_strerror(cr_err e);

#endif
