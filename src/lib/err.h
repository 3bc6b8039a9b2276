/* SPDX-License-Identifier: GPL-2.0-only */
/* Pointers that carry an errno, as include/linux/err.h encodes them: the
 * last page of the address space is never a valid object. */
#ifndef NC_LIB_ERR_H
#define NC_LIB_ERR_H

#include <stdbool.h>
#include <stdint.h>

#define MAX_ERRNO 4095

static inline void *ERR_PTR(long error)
{
	return (void *)error;
}

static inline long PTR_ERR(const void *ptr)
{
	return (long)ptr;
}

static inline bool IS_ERR(const void *ptr)
{
	return (uintptr_t)ptr >= (uintptr_t)-MAX_ERRNO;
}

#endif
