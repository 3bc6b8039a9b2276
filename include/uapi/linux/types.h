/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The fixed-width types of the kernel's UAPI (include/uapi/linux/types.h,
 * asm-generic/int-ll64.h) for the model's own UAPI headers. Spelled as the
 * kernel spells them, so the host's <linux/types.h> may also be included.
 */
#ifndef NC_UAPI_LINUX_TYPES_H
#define NC_UAPI_LINUX_TYPES_H

typedef int __s32;
typedef unsigned int __u32;
typedef unsigned long long __u64;
typedef signed long long __s64;

/* 8-byte aligned on every ABI, so 32- and 64-bit user space agree */
#define __aligned_u64 __u64 __attribute__((aligned(8)))

#endif
