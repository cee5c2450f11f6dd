/* SPDX-License-Identifier: MIT */
/*
 * tty_baud.c - any baud rate on Linux through the termios2 ioctls (BOTHER). Kept in its own
 * file because <asm/termbits.h> cannot be included together with glibc's <termios.h>.
 */
#include <asm/termbits.h>
#include <sys/ioctl.h>

#include "transport_fd.h"

int tty_set_custom_baud(int fd, unsigned int baud)
{
	struct termios2 tio;

	if (ioctl(fd, TCGETS2, &tio) < 0)
		return -1;
	tio.c_cflag &= ~CBAUD;
	tio.c_cflag |= BOTHER;
	tio.c_cflag &= ~(CBAUD << IBSHIFT);
	tio.c_cflag |= BOTHER << IBSHIFT;
	tio.c_ispeed = baud;
	tio.c_ospeed = baud;
	return ioctl(fd, TCSETS2, &tio);
}
