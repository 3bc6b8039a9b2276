// SPDX-License-Identifier: GPL-2.0-only
/*
 * posix_spawn for the oracle: glibc's clone(CLONE_VM|CLONE_VFORK) with an
 * execve in the child. The parent spawns a sleeper, goes on (it asks its
 * pid and maps memory) while the sleeper runs its new program, spawns a
 * second child, and reaps both. tests/cli/replay_exec.sh replays its
 * strace log with --check and looks at the order of the trace's events.
 */
#define _GNU_SOURCE
#include <spawn.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

int main(void)
{
	char *sleeper[] = { (char *)"sleep", (char *)"0.3", NULL };
	char *truth[] = { (char *)"true", NULL };
	pid_t a, b;
	int status;

	if (posix_spawn(&a, "/bin/sleep", NULL, NULL, sleeper, environ))
		return 1;
	syscall(SYS_getpid);
	if (mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) ==
	    MAP_FAILED)
		return 1;
	if (posix_spawn(&b, "/bin/true", NULL, NULL, truth, environ))
		return 1;
	if (waitpid(b, &status, 0) != b || waitpid(a, &status, 0) != a)
		return 1;
	return 0;
}
