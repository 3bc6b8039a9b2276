// SPDX-License-Identifier: GPL-2.0-only
/*
 * User memory of the current task (arch/x86/include/asm/uaccess_64.h and
 * the fault path behind it). Which addresses are accessible, in order:
 *   1. inside a VMA the task mapped: as its protection allows (x86: any of
 *      PROT_READ/WRITE/EXEC reads, PROT_WRITE writes); touching a page
 *      faults it in, as the MMU would;
 *   2. inside a range the task unmapped (and did not map again): unmapped;
 *   3. below mmap_min_addr (65536) or at/above TASK_SIZE_MAX: bad;
 *   4. anything else is the real process's own memory (stack, heap,
 *      image), readable and writable.
 * mprotect() and madvise() follow the same rule (own memory counts as
 * mapped, though the model keeps no VMA for it and changes nothing there).
 * What is written is kept (memory.c's table), so it reads back. A task
 * without an mm (a kernel thread) has no user memory. Left out: the exact
 * byte count a partial copy stops at inside a page (the model stops at the
 * first inaccessible page).
 */
#include <errno.h>
#include <string.h>
#include <stdlib.h>

#include "arch/task.h"
#include "mm/mmap.h"
#include "mm/uaccess.h"

#define USER_PTR_MAX (TASK_SIZE_MAX - 1)

/* models arch/x86/include/asm/uaccess_64.h:__access_ok() for a size the
 * compiler does not know */
static bool access_ok(unsigned long addr, unsigned long n)
{
	unsigned long sum = addr + n;

	return sum <= USER_PTR_MAX && sum >= addr;
}

/* Whether the page at addr can be accessed; faults in VMA pages. */
static bool user_page_ok(struct nc_machine *m, struct mm_struct *mm,
			 unsigned long addr, bool write)
{
	struct vm_area_struct *vma = vma_lookup(mm, addr);

	if (vma) {
		if (!(vma->vm_flags & (write ? VM_WRITE : VM_ACCESS_FLAGS)))
			return false;
		return handle_mm_fault(m, vma, addr, write) == 0;
	}
	addr &= PAGE_MASK;
	return nc_range_own(mm, addr, addr + PAGE_SIZE);
}

static struct mm_struct *current_mm(const struct nc_machine *m)
{
	struct task_struct *cur = nc_current(m);

	return cur ? cur->mm : NULL;
}

/* Copies n bytes between kernel buffer kbuf and user address uaddr
 * (to_user: kbuf → user; kbuf NULL clears). Returns bytes not done. */
static unsigned long user_copy(struct nc_machine *m, unsigned long uaddr,
			       void *kbuf, unsigned long n, bool to_user)
{
	struct mm_struct *mm = current_mm(m);
	unsigned long done = 0;

	if (!n)
		return 0;
	if (!mm || !access_ok(uaddr, n))
		return n;
	while (done < n) {
		unsigned long addr = uaddr + done;
		unsigned long off = addr & ~PAGE_MASK;
		unsigned long chunk = PAGE_SIZE - off;
		struct nc_pte *pte;

		if (chunk > n - done)
			chunk = n - done;
		if (!user_page_ok(m, mm, addr, to_user))
			break;
		if (to_user) {
			pte = nc_pte_get(&mm->pt, addr);
			if (!pte)
				break;
			if (!pte->data && kbuf) {
				pte->data = calloc(1, PAGE_SIZE);
				if (!pte->data)
					break;
			}
			if (pte->data) {
				if (kbuf)
					memcpy(pte->data + off, (char *)kbuf + done, chunk);
				else
					memset(pte->data + off, 0, chunk);
			}
		} else {
			pte = nc_pte_lookup(&mm->pt, addr);
			if (pte && pte->data)
				memcpy((char *)kbuf + done, pte->data + off, chunk);
			else
				memset((char *)kbuf + done, 0, chunk);
		}
		done += chunk;
	}
	return n - done;
}

unsigned long copy_from_user(struct nc_machine *m, void *to,
			     unsigned long from, unsigned long n)
{
	unsigned long left = user_copy(m, from, to, n, false);

	/* the kernel zeroes what it could not copy */
	if (left)
		memset((char *)to + (n - left), 0, left);
	return left;
}

unsigned long copy_to_user(struct nc_machine *m, unsigned long to,
			   const void *from, unsigned long n)
{
	return user_copy(m, to, (void *)from, n, true);
}

unsigned long clear_user(struct nc_machine *m, unsigned long to, unsigned long n)
{
	return user_copy(m, to, NULL, n, true);
}

/* Reads the string at src, a page at a time (a string ending before a bad
 * page reads fine), into dst[max] if dst is given: its length without the
 * NUL (max if none came within max bytes), or -EFAULT. */
static long user_string(struct nc_machine *m, char *dst, unsigned long src, long max)
{
	char page[PAGE_SIZE];
	long done = 0;

	while (done < max) {
		unsigned long addr = src + (unsigned long)done;
		long chunk = (long)(PAGE_SIZE - (addr & ~PAGE_MASK));
		const char *nul;

		if (chunk > max - done)
			chunk = max - done;
		if (copy_from_user(m, page, addr, (unsigned long)chunk))
			return -EFAULT;
		if (dst)
			memcpy(dst + done, page, (size_t)chunk);
		nul = memchr(page, 0, (size_t)chunk);
		if (nul)
			return done + (nul - page);
		done += chunk;
	}
	return max;
}

long strncpy_from_user(struct nc_machine *m, char *dst, unsigned long src, long count)
{
	return count > 0 ? user_string(m, dst, src, count) : 0;
}

long strnlen_user(struct nc_machine *m, unsigned long src, long n)
{
	long len = n > 0 ? user_string(m, NULL, src, n) : 0;

	return len < 0 ? 0 : len + 1;
}
