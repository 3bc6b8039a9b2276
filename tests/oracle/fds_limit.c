// SPDX-License-Identifier: GPL-2.0-only
/*
 * The kernel as oracle for fd exhaustion: RLIMIT_NOFILE lowered to 8 by
 * setrlimit() in the traced program, then each kind of fd-taking call
 * at the limit (tests/oracle/fds.c's exhaustion()).
 */
#define FDS_LIMIT
#include "fds.c"
