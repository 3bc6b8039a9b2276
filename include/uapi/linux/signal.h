/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Signal numbers of Linux v6.12 on x86_64 (arch/x86/include/uapi/asm/signal.h),
 * the model's own copy. The kernel numbers the real-time signals from 32;
 * glibc's <signal.h> reserves two for itself and redefines SIGRTMIN as a
 * call (34), so this header refuses to be combined with <signal.h>.
 * sigaction, sigset_t and siginfo are left out until a call needs them.
 */
#ifndef NC_UAPI_LINUX_SIGNAL_H
#define NC_UAPI_LINUX_SIGNAL_H

#ifdef _SIGNAL_H
#error "uapi/linux/signal.h numbers SIGRTMIN as the kernel does; do not combine with <signal.h>"
#endif

#define SIGHUP		 1
#define SIGINT		 2
#define SIGQUIT		 3
#define SIGILL		 4
#define SIGTRAP		 5
#define SIGABRT		 6
#define SIGIOT		 6
#define SIGBUS		 7
#define SIGFPE		 8
#define SIGKILL		 9
#define SIGUSR1		10
#define SIGSEGV		11
#define SIGUSR2		12
#define SIGPIPE		13
#define SIGALRM		14
#define SIGTERM		15
#define SIGSTKFLT	16
#define SIGCHLD		17
#define SIGCONT		18
#define SIGSTOP		19
#define SIGTSTP		20
#define SIGTTIN		21
#define SIGTTOU		22
#define SIGURG		23
#define SIGXCPU		24
#define SIGXFSZ		25
#define SIGVTALRM	26
#define SIGPROF		27
#define SIGWINCH	28
#define SIGIO		29
#define SIGPOLL		SIGIO
#define SIGPWR		30
#define SIGSYS		31

#define SIGRTMIN	32
#define _NSIG		64
#define SIGRTMAX	_NSIG

#endif
