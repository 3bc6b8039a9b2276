/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * mmap(2)/mprotect(2)/madvise(2) constants as x86_64 v6.12 defines them
 * (include/uapi/asm-generic/mman-common.h, linux/mman.h, asm/mman.h).
 * A program that also includes the C library's <sys/mman.h> (same values)
 * must include it first.
 */
#ifndef NC_UAPI_LINUX_MMAN_H
#define NC_UAPI_LINUX_MMAN_H

#ifndef _SYS_MMAN_H
#define PROT_NONE       0x0
#define PROT_READ       0x1
#define PROT_WRITE      0x2
#define PROT_EXEC       0x4
#define PROT_SEM        0x8
#define PROT_GROWSDOWN  0x01000000
#define PROT_GROWSUP    0x02000000

#define MAP_SHARED      0x01
#define MAP_PRIVATE     0x02
#define MAP_SHARED_VALIDATE 0x03
#define MAP_TYPE        0x0f
#define MAP_FIXED       0x10
#define MAP_ANONYMOUS   0x20
#define MAP_32BIT       0x40
#define MAP_GROWSDOWN   0x0100
#define MAP_DENYWRITE   0x0800
#define MAP_EXECUTABLE  0x1000
#define MAP_LOCKED      0x2000
#define MAP_NORESERVE   0x4000
#define MAP_POPULATE    0x008000
#define MAP_NONBLOCK    0x010000
#define MAP_STACK       0x020000
#define MAP_HUGETLB     0x040000
#define MAP_SYNC        0x080000
#define MAP_FIXED_NOREPLACE 0x100000

#define MADV_NORMAL      0
#define MADV_RANDOM      1
#define MADV_SEQUENTIAL  2
#define MADV_WILLNEED    3
#define MADV_DONTNEED    4
#define MADV_FREE        8
#define MADV_REMOVE      9
#define MADV_DONTFORK    10
#define MADV_DOFORK      11
#define MADV_MERGEABLE   12
#define MADV_UNMERGEABLE 13
#define MADV_HUGEPAGE    14
#define MADV_NOHUGEPAGE  15
#define MADV_DONTDUMP    16
#define MADV_DODUMP      17
#define MADV_WIPEONFORK  18
#define MADV_KEEPONFORK  19
#define MADV_COLD        20
#define MADV_PAGEOUT     21
#define MADV_POPULATE_READ  22
#define MADV_POPULATE_WRITE 23
#define MADV_DONTNEED_LOCKED 24
#define MADV_COLLAPSE    25
#endif

#ifndef MAP_DROPPABLE
#define MAP_DROPPABLE   0x08
#endif

#endif
