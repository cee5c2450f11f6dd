// SPDX-License-Identifier: MIT
/*
 * flash_file.cpp - load, patch and save the simulated SPI flash (see flash_file.h).
 */
#include "flash_file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

#include <sys/stat.h>

extern "C" {
#include "fwimage.h"
}

static bool read_all(const std::string &path, std::vector<uint8_t> &buf, size_t max)
{
	FILE *f = fopen(path.c_str(), "rb");
	size_t n;

	if (!f)
		return false;
	buf.resize(max + 1);
	n = fread(buf.data(), 1, buf.size(), f);
	if (ferror(f)) {
		fclose(f);
		errno = EIO;
		return false;
	}
	fclose(f);
	buf.resize(n);
	return true;
}

bool flash_file_load(const std::string &path, std::vector<uint8_t> &mem, size_t size)
{
	std::vector<uint8_t> buf;
	struct stat st;

	mem.assign(size, 0xFF);
	if (stat(path.c_str(), &st) != 0) {
		if (errno != ENOENT) {
			fprintf(stderr, "kvmosd-sim: flash file %s: %s\n", path.c_str(),
				strerror(errno));
			return false;
		}
		fprintf(stderr, "kvmosd-sim: flash file %s does not exist: creating it erased "
			"(%zu bytes of 0xFF)\n", path.c_str(), size);
		return flash_file_save(path, mem);
	}
	if (!S_ISREG(st.st_mode)) {
		fprintf(stderr, "kvmosd-sim: flash file %s is not a regular file\n", path.c_str());
		return false;
	}
	if (!read_all(path, buf, size)) {
		fprintf(stderr, "kvmosd-sim: cannot read flash file %s: %s\n", path.c_str(),
			strerror(errno));
		return false;
	}
	if (buf.size() > size) {
		fprintf(stderr, "kvmosd-sim: flash file %s is larger than the %zu-byte flash: "
			"refusing to use it (wrong file?)\n", path.c_str(), size);
		return false;
	}
	if (buf.size() < size)
		fprintf(stderr, "kvmosd-sim: warning: flash file %s is short (%zu of %zu bytes): "
			"the rest reads erased (0xFF) and the file is written back full size\n",
			path.c_str(), buf.size(), size);
	memcpy(mem.data(), buf.data(), buf.size());
	return true;
}

bool flash_file_put_image(std::vector<uint8_t> &mem, const std::string &img, size_t offset,
			  size_t slot_size)
{
	std::vector<uint8_t> buf;
	struct fwimg_hdr h;
	int err;

	if (!read_all(img, buf, slot_size)) {
		fprintf(stderr, "kvmosd-sim: cannot read firmware image %s: %s\n", img.c_str(),
			strerror(errno));
		return false;
	}
	if (buf.size() > slot_size || offset + slot_size > mem.size()) {
		fprintf(stderr, "kvmosd-sim: firmware image %s is larger than the %zu-byte slot\n",
			img.c_str(), slot_size);
		return false;
	}
	err = fwimg_check(buf.data(), buf.size(), &h);
	if (err != FWIMG_OK)
		fprintf(stderr, "kvmosd-sim: warning: %s is not a valid firmware image (%s); "
			"writing it anyway\n", img.c_str(), fwimg_strerror(err));
	memset(&mem[offset], 0xFF, slot_size);
	memcpy(&mem[offset], buf.data(), buf.size());
	return true;
}

bool flash_file_save(const std::string &path, const std::vector<uint8_t> &mem)
{
	std::string tmp = path + ".tmp";
	FILE *f = fopen(tmp.c_str(), "wb");
	bool ok;

	if (!f) {
		fprintf(stderr, "kvmosd-sim: cannot write %s: %s\n", tmp.c_str(), strerror(errno));
		return false;
	}
	ok = fwrite(mem.data(), 1, mem.size(), f) == mem.size();
	ok = (fclose(f) == 0) && ok;
	if (ok && rename(tmp.c_str(), path.c_str()) != 0)
		ok = false;
	if (!ok) {
		fprintf(stderr, "kvmosd-sim: cannot write flash file %s: %s\n", path.c_str(),
			strerror(errno));
		remove(tmp.c_str());
	}
	return ok;
}
