// SPDX-License-Identifier: GPL-2.0-only
/*
 * Copying versioned structs from user memory, as clone3() and other
 * extensible syscalls do: the kernel accepts a smaller (older) struct and
 * zero-fills the rest, and a larger (newer) one only if every byte it does
 * not know is zero. Models lib/usercopy.c and include/linux/uaccess.h; it
 * sits in mm/ because it reads user memory through mm/uaccess.c.
 */
#include <errno.h>
#include <string.h>

#include "mm/uaccess.h"
#include "mm/usercopy.h"

/* models lib/usercopy.c:check_zeroed_user(): whole aligned words are read,
 * so bytes before `from` in its first word may fault too, and a non-zero
 * word ends the scan before any later fault is seen */
int check_zeroed_user(struct nc_machine *m, unsigned long from, size_t size)
{
	const size_t w = sizeof(unsigned long);
	size_t align = from % w;
	unsigned long val;

	if (size == 0)
		return 1;
	from -= align;
	size += align;
	for (;;) {
		if (copy_from_user(m, &val, from, w))
			return -EFAULT;
		if (align) {
			val &= ~0UL << (8 * align);
			align = 0;
		}
		if (size <= w) {
			if (size < w)
				val &= (1UL << (8 * size)) - 1;
			return val == 0;
		}
		if (val)
			return 0;
		from += w;
		size -= w;
	}
}

/* models include/linux/uaccess.h:copy_struct_from_user() */
int copy_struct_from_user(struct nc_machine *m, void *dst, size_t ksize,
			  unsigned long src, size_t usize)
{
	size_t size = ksize < usize ? ksize : usize;

	if (usize < ksize) {
		memset((char *)dst + size, 0, ksize - size);
	} else if (usize > ksize) {
		int ret = check_zeroed_user(m, src + size, usize - ksize);

		if (ret <= 0)
			return ret ? ret : -E2BIG;
	}
	if (copy_from_user(m, dst, src, size))
		return -EFAULT;
	return 0;
}
