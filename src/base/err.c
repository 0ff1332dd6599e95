/* err.c - messages for cr_err, generated from the X-macro in err.h. */
#include "crossread/err.h"

const char *cr_strerror(cr_err e)
{
	static const char *const msgs[] = {
#define CR_ERR_MSG(name, msg) msg,
	        CR_ERRNO_MAP(CR_ERR_MSG)
#undef CR_ERR_MSG
	};
	if ((unsigned)e >= CR_ERR_COUNT)
		return "unknown error";
	return msgs[e];
}
