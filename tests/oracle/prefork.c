// SPDX-License-Identifier: GPL-2.0-only
/*
 * A prefork server for the oracle: the master makes a socketpair and a
 * pipe, forks workers that take requests from the socket and report on
 * the pipe, feeds them, then closes the socket so they leave, reaps them
 * with wait4(-1), forks a replacement worker it kills and reaps, and exits.
 * tests/cli/oracle_programs.sh replays its strace log with --check.
 */
#define _GNU_SOURCE
#include <signal.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#define WORKERS 3
#define REQUESTS 6

static void worker(int sock, int report)
{
	char req[8];
	ssize_t n;

	while ((n = read(sock, req, sizeof(req))) > 0) {
		if (write(sock, req, (size_t)n) != n || write(report, "+", 1) != 1)
			break;
	}
	_exit(0);
}

int main(void)
{
	int sv[2], pp[2], status;
	char buf[8];
	pid_t pid;

	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) || pipe(pp))
		return 1;
	for (int i = 0; i < WORKERS; i++) {
		pid = fork();
		if (pid == 0) {
			close(sv[0]);
			close(pp[0]);
			worker(sv[1], pp[1]);
		}
	}
	close(pp[1]);
	for (int i = 0; i < REQUESTS; i++) {
		if (write(sv[0], "ping", 4) != 4 || read(sv[0], buf, sizeof(buf)) <= 0 ||
		    read(pp[0], buf, 1) != 1)
			break;
	}
	close(sv[0]);
	close(sv[1]);
	while ((pid = waitpid(-1, &status, 0)) > 0)
		;
	/* a worker that does not leave by itself */
	pid = fork();
	if (pid == 0) {
		pause();
		_exit(1);
	}
	kill(pid, SIGTERM);
	waitpid(pid, &status, 0);
	return 0;
}
