// Whole-file input: read a path (or "-" for stdin) and undo gzip when the magic bytes say so.
// Tested in tests/base/file_test.cc.
#ifndef KLARTEXT_BASE_FILE_H_
#define KLARTEXT_BASE_FILE_H_

#include <string>
#include <string_view>

#include "klartext/status.h"

namespace klartext::base {

// Reads all of `path` ("-" means standard input), refusing more than max_bytes.
Result<std::string> read_file(const std::string& path, size_t max_bytes = size_t(1) << 32);

// True when data starts with the gzip magic bytes 1f 8b.
bool is_gzip(std::string_view data);

// Decompresses gzip data (all members), refusing output beyond max_bytes.
Result<std::string> gunzip(std::string_view data, size_t max_bytes = size_t(1) << 32);

// read_file, then gunzip if the content is gzip.
Result<std::string> read_maybe_gzip(const std::string& path, size_t max_bytes = size_t(1) << 32);

// Writes data to path atomically (temporary file in the same folder, then rename).
Status write_file_atomic(const std::string& path, std::string_view data);

}  // namespace klartext::base

#endif  // KLARTEXT_BASE_FILE_H_
