/* diag.h - see crossread/diag.h; kept so modules include base/ names. */
#include "crossread/diag.h"
