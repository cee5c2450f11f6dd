/* SPDX-License-Identifier: MIT */
/*
 * flash_file.h - the file behind the simulated SPI flash.
 *
 * The whole chip lives in memory while the simulator runs; the file is read at start and
 * written back (atomically: temporary file, then rename) at exit, so a byte programmed in
 * one run is there in the next.
 */
#ifndef KVMOSD_SIM_FLASH_FILE_H
#define KVMOSD_SIM_FLASH_FILE_H

#include <cstdint>
#include <string>
#include <vector>

/*
 * Load path into mem (size bytes). A missing file is created erased (0xFF). A short file is
 * padded with 0xFF with a warning; a longer one, or one that cannot be read, is an error.
 * Returns false after printing why.
 */
bool flash_file_load(const std::string &path, std::vector<uint8_t> &mem, size_t size);

/*
 * Put a firmware image at offset: the slot (slot_size bytes) is erased first. Warns when
 * the image does not start with the "KVFW" header magic. false on error (missing file,
 * image larger than the slot).
 */
bool flash_file_put_image(std::vector<uint8_t> &mem, const std::string &img, size_t offset,
			  size_t slot_size);

/* Write mem back to path. Safe to call from the exit path after a signal. */
bool flash_file_save(const std::string &path, const std::vector<uint8_t> &mem);

#endif /* KVMOSD_SIM_FLASH_FILE_H */
