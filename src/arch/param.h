/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * include/asm-generic/param.h: the scheduling-clock rate the kernel was
 * built with, Debian's 6.12 CONFIG_HZ (250). The model has no clock; the
 * rate sizes what the kernel counts in jiffies (RCU's holdout wait,
 * SCHED_RR's time slice).
 */
#ifndef NC_ARCH_PARAM_H
#define NC_ARCH_PARAM_H

#define HZ 250

#endif
