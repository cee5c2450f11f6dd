// SPDX-License-Identifier: MIT
/*
 * uart_bridge.cpp - Unix socket end of the simulated UART (see uart_bridge.h).
 */
#include "uart_bridge.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

uart_bridge::~uart_bridge()
{
	if (client >= 0)
		close(client);
	if (listener >= 0) {
		close(listener);
		unlink(sock_path.c_str());
	}
}

bool uart_bridge::listen_on(const std::string &path)
{
	struct sockaddr_un sa;
	struct stat st;

	if (path.size() >= sizeof(sa.sun_path)) {
		fprintf(stderr, "kvmosd-sim: socket path too long: %s\n", path.c_str());
		return false;
	}
	/* replace a stale socket left by a killed run, but never a regular file */
	if (lstat(path.c_str(), &st) == 0) {
		if (!S_ISSOCK(st.st_mode)) {
			fprintf(stderr, "kvmosd-sim: %s exists and is not a socket\n", path.c_str());
			return false;
		}
		unlink(path.c_str());
	}
	listener = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (listener < 0) {
		perror("kvmosd-sim: socket");
		return false;
	}
	memset(&sa, 0, sizeof(sa));
	sa.sun_family = AF_UNIX;
	memcpy(sa.sun_path, path.c_str(), path.size() + 1);
	if (bind(listener, (struct sockaddr *)&sa, sizeof(sa)) < 0 || listen(listener, 1) < 0) {
		fprintf(stderr, "kvmosd-sim: cannot listen on %s: %s\n", path.c_str(),
			strerror(errno));
		close(listener);
		listener = -1;
		return false;
	}
	sock_path = path;
	return true;
}

void uart_bridge::drop_client()
{
	close(client);
	client = -1;
	disconnects++;
	to_client.clear();
}

void uart_bridge::service()
{
	uint8_t buf[512];
	ssize_t n;

	if (listener < 0)
		return;
	if (client < 0) {
		client = accept4(listener, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
		if (client < 0)
			return;
		accepted++;
	}
	for (;;) {
		n = read(client, buf, sizeof(buf));
		if (n > 0) {
			to_board.insert(to_board.end(), buf, buf + n);
			continue;
		}
		if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) {
			drop_client();
			return;
		}
		break;
	}
	while (!to_client.empty()) {
		size_t len = 0;

		for (auto it = to_client.begin(); it != to_client.end() && len < sizeof(buf); ++it)
			buf[len++] = *it;
		n = send(client, buf, len, MSG_NOSIGNAL);
		if (n < 0) {
			if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)
				drop_client();
			return;
		}
		to_client.erase(to_client.begin(), to_client.begin() + n);
	}
}

void uart_bridge::put(uint8_t c)
{
	if (client >= 0)
		to_client.push_back(c);
}

int uart_bridge::get()
{
	int c;

	if (to_board.empty())
		return -1;
	c = to_board.front();
	to_board.pop_front();
	return c;
}
