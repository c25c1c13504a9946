#ifndef PALAUTE_CVOIKKO_SHIM_H
#define PALAUTE_CVOIKKO_SHIM_H
#include <stddef.h>
#include <libvoikko/voikko.h>
#endif
