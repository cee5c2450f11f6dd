/* SPDX-License-Identifier: MIT */
/*
 * uart_bridge.h - the simulated board's UART on a Unix stream socket.
 *
 * Listens on a path; one client at a time (a second client waits in the backlog until the
 * first disconnects). Bytes from the client are queued for the board's RX pin; bytes the
 * board transmits go to the client (dropped when no client is connected). Never blocks:
 * service() is called every few hundred clk_sys cycles.
 */
#ifndef KVMOSD_SIM_UART_BRIDGE_H
#define KVMOSD_SIM_UART_BRIDGE_H

#include <cstdint>
#include <deque>
#include <string>

class uart_bridge {
public:
	~uart_bridge();
	/* Create the listening socket (replacing a stale socket file). false + message on error. */
	bool listen_on(const std::string &path);
	/* Accept, read from and write to the client without blocking. */
	void service();
	/* Board -> client. */
	void put(uint8_t c);
	/* Client -> board: next byte for the RX pin, -1 if none. */
	int get();
	bool connected() const { return client >= 0; }
	/* A client connected and has since gone away. */
	bool had_disconnect() const { return disconnects > 0; }
	unsigned int clients() const { return accepted; }

private:
	void drop_client();

	std::string sock_path;
	int listener = -1;
	int client = -1;
	std::deque<uint8_t> to_board, to_client;
	unsigned int accepted = 0, disconnects = 0;
};

#endif /* KVMOSD_SIM_UART_BRIDGE_H */
