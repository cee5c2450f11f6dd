/* SPDX-License-Identifier: MIT */
/*
 * transport_tty.c - serial port (e.g. /dev/ttyUSB1, the FT2232H channel B through ftdi_sio):
 * raw 8N1, no flow control, standard speeds through termios, others through termios2.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "transport_fd.h"

static const struct transport_ops tty_ops = {
	.write = fd_transport_write,
	.read = fd_transport_read,
	.close = fd_transport_close,
};

static speed_t tty_std_speed(unsigned int baud)
{
	static const struct {
		unsigned int baud;
		speed_t speed;
	} speeds[] = {
		{ 9600, B9600 },       { 19200, B19200 },     { 38400, B38400 },
		{ 57600, B57600 },     { 115200, B115200 },   { 230400, B230400 },
		{ 460800, B460800 },   { 500000, B500000 },   { 921600, B921600 },
		{ 1000000, B1000000 }, { 1500000, B1500000 }, { 2000000, B2000000 },
		{ 3000000, B3000000 }, { 4000000, B4000000 },
	};
	size_t i;

	for (i = 0; i < sizeof(speeds) / sizeof(speeds[0]); i++)
		if (speeds[i].baud == baud)
			return speeds[i].speed;
	return B0;
}

struct transport *transport_tty_open(const char *path, unsigned int baud)
{
	struct fd_transport *ft;
	struct termios tio;
	speed_t sp = tty_std_speed(baud);
	int fd;

	fd = open(path, O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		fprintf(stderr, "kvmosd: cannot open %s: %s\n", path, strerror(errno));
		return NULL;
	}
	if (tcgetattr(fd, &tio) < 0) {
		fprintf(stderr, "kvmosd: %s is not a serial port: %s\n", path, strerror(errno));
		close(fd);
		return NULL;
	}
	cfmakeraw(&tio);
	tio.c_cflag &= ~(CSTOPB | PARENB | CRTSCTS | CSIZE);
	tio.c_cflag |= CS8 | CLOCAL | CREAD;
	tio.c_iflag &= ~(IXON | IXOFF | IXANY);
	tio.c_cc[VMIN] = 0;
	tio.c_cc[VTIME] = 0;
	if (sp != B0) {
		cfsetispeed(&tio, sp);
		cfsetospeed(&tio, sp);
	}
	if (tcsetattr(fd, TCSANOW, &tio) < 0) {
		fprintf(stderr, "kvmosd: cannot configure %s: %s\n", path, strerror(errno));
		close(fd);
		return NULL;
	}
	if (sp == B0 && tty_set_custom_baud(fd, baud) < 0) {
		fprintf(stderr, "kvmosd: %s does not accept %u baud: %s\n", path, baud,
			strerror(errno));
		close(fd);
		return NULL;
	}
	tcflush(fd, TCIOFLUSH);
	ft = calloc(1, sizeof(*ft));
	if (!ft) {
		close(fd);
		return NULL;
	}
	ft->t.ops = &tty_ops;
	snprintf(ft->t.name, sizeof(ft->t.name), "%s", path);
	ft->fd = fd;
	return &ft->t;
}
