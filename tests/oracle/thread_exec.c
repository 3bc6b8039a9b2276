// SPDX-License-Identifier: GPL-2.0-only
/*
 * A thread's exec for the oracle: the main thread starts two threads and
 * waits; one thread waits too, the other execs /bin/true, which kills the
 * rest (de_thread()) and takes over the main thread's pid.
 * tests/cli/replay_exec.sh replays its strace log with --check.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <time.h>
#include <unistd.h>

static void *idle(void *arg)
{
	for (;;)
		pause();
	return arg;
}

static void *exec_true(void *arg)
{
	struct timespec ts = { .tv_nsec = 50 * 1000 * 1000 };
	char *argv[] = { (char *)"true", NULL };

	nanosleep(&ts, NULL);      /* the other thread is waiting by then */
	execv("/bin/true", argv);
	return arg;
}

int main(void)
{
	pthread_t a, b;

	if (pthread_create(&a, NULL, idle, NULL) || pthread_create(&b, NULL, exec_true, NULL))
		return 1;
	for (;;)
		pause();
}
