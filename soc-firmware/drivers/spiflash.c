/* SPDX-License-Identifier: MIT */
/* spiflash.c - SPI NOR flash commands over the manual byte engine, see spiflash.h. */
#include "kvmosd_regs.h"
#include "spiflash.h"

#define SPI_CTRL_MANUAL	(1u << 0)
#define SPI_CTRL_CS	(1u << 1)
#define SPI_STATUS_BUSY	(1u << 0)

#define CMD_WREN	0x06
#define CMD_RDSR	0x05
#define CMD_READ	0x03
#define CMD_PP		0x02
#define CMD_SE_4K	0x20
#define CMD_BE_64K	0xD8
#define CMD_JEDEC	0x9F
#define SR_WIP		0x01

static void (*wait_hook)(void);

void spiflash_set_wait_hook(void (*hook)(void))
{
	wait_hook = hook;
}

static inline __attribute__((always_inline)) uint8_t xfer(uint8_t out)
{
	KVM_REG(KVM_SPI_DATA) = out;
	while (KVM_REG(KVM_SPI_STATUS) & SPI_STATUS_BUSY)
		;
	return (uint8_t)KVM_REG(KVM_SPI_DATA);
}

static inline __attribute__((always_inline)) void select(void)
{
	KVM_REG(KVM_SPI_CTRL) = SPI_CTRL_MANUAL;
	KVM_REG(KVM_SPI_CTRL) = SPI_CTRL_MANUAL | SPI_CTRL_CS;
}

/* Deassert CS; manual mode stays on until release() so the window cannot interleave. */
static inline __attribute__((always_inline)) void deselect(void)
{
	KVM_REG(KVM_SPI_CTRL) = SPI_CTRL_MANUAL;
}

static inline __attribute__((always_inline)) void release(void)
{
	KVM_REG(KVM_SPI_CTRL) = 0;
}

static inline __attribute__((always_inline)) void cmd_addr(uint8_t cmd, uint32_t off)
{
	select();
	xfer(cmd);
	xfer((uint8_t)(off >> 16));
	xfer((uint8_t)(off >> 8));
	xfer((uint8_t)off);
}

static inline __attribute__((always_inline)) void write_enable(void)
{
	select();
	xfer(CMD_WREN);
	deselect();
}

static FW_RAMFUNC void wait_ready(void)
{
	uint8_t sr;

	select();
	xfer(CMD_RDSR);
	do {
		sr = xfer(0);
		if ((sr & SR_WIP) && wait_hook)
			wait_hook();
	} while (sr & SR_WIP);
	deselect();
}

FW_RAMFUNC uint32_t spiflash_jedec_id(void)
{
	uint32_t id;

	select();
	xfer(CMD_JEDEC);
	id = (uint32_t)xfer(0) << 16;
	id |= (uint32_t)xfer(0) << 8;
	id |= xfer(0);
	deselect();
	release();
	return id;
}

FW_RAMFUNC void spiflash_read(uint32_t off, void *buf, uint32_t len)
{
	uint8_t *p = buf;

	cmd_addr(CMD_READ, off);
	while (len--)
		*p++ = xfer(0);
	deselect();
	release();
}

/* writes below the firmware slot (the bitstream) are refused: app/flash_guard */
static const struct flash_guard guard = { KVM_FLASH_FW_OFFSET, KVM_FLASH_SIZE };

static FW_RAMFUNC void erase(uint8_t cmd, uint32_t off)
{
	write_enable();
	cmd_addr(cmd, off);
	deselect();
	wait_ready();
	release();
}

int spiflash_erase_sector(uint32_t off)
{
	int err = flash_guard_check(&guard, off, SPIFLASH_SECTOR, SPIFLASH_SECTOR);

	if (err)
		return err;
	erase(CMD_SE_4K, off);
	return SPIFLASH_OK;
}

int spiflash_erase_block(uint32_t off)
{
	int err = flash_guard_check(&guard, off, SPIFLASH_BLOCK, SPIFLASH_BLOCK);

	if (err)
		return err;
	erase(CMD_BE_64K, off);
	return SPIFLASH_OK;
}

static FW_RAMFUNC void program_page(uint32_t off, const uint8_t *p, uint32_t n)
{
	write_enable();
	cmd_addr(CMD_PP, off);
	while (n--)
		xfer(*p++);
	deselect();
	wait_ready();
	release();
}

int spiflash_program(uint32_t off, const void *buf, uint32_t len)
{
	const uint8_t *p = buf;
	int err = flash_guard_check(&guard, off, len, 1);

	if (err)
		return err;
	while (len) {
		/* a page program wraps inside its 256-byte page: never cross a boundary */
		uint32_t n = SPIFLASH_PAGE - (off & (SPIFLASH_PAGE - 1));

		if (n > len)
			n = len;
		program_page(off, p, n);
		off += n;
		p += n;
		len -= n;
	}
	return SPIFLASH_OK;
}
