/* SPDX-License-Identifier: MIT */
/*
 * crc32.h - CRC-32 (IEEE 802.3, reflected, poly 0xEDB88320, init and xorout 0xFFFFFFFF),
 * the same checksum as zlib's crc32() (named kvm_ so it never interposes zlib's symbol). Shared by firmware, boot ROM, host CLI and tools.
 */
#ifndef KVMOSD_CRC32_H
#define KVMOSD_CRC32_H

#include <stddef.h>
#include <stdint.h>

/* One-shot CRC of a buffer: kvm_crc32(data, len) == zlib crc32(0, data, len). */
uint32_t kvm_crc32(const void *data, size_t len);

/*
 * Incremental form: start with kvm_crc32_update(0, ...), feed more with the previous result.
 * kvm_crc32_update(kvm_crc32_update(0, a, n), b, m) == crc32 of a followed by b.
 */
uint32_t kvm_crc32_update(uint32_t crc, const void *data, size_t len);

/*
 * Faster one-shot form for callers with 1 KiB of scratch RAM (the boot ROM uses its stack):
 * returns kvm_crc32(words, len), len bytes in memory order (any len), after filling table
 * with the byte-at-a-time lookup table. words must be 4-byte aligned: it is read a whole
 * word at a time.
 */
#define KVM_CRC32_TABLE_LEN	256

uint32_t kvm_crc32_words(uint32_t table[KVM_CRC32_TABLE_LEN], const uint32_t *words, size_t len);

#endif /* KVMOSD_CRC32_H */
