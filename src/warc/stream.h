// Internal to the warc stage: the decompressed byte stream under the record parser (plain, gzip
// members, zstd frames), with member boundaries and resync after corrupt members.
// Tested through tests/warc/reader_test.cc and tests/warc/data_test.cc.
#ifndef KLARTEXT_WARC_STREAM_H_
#define KLARTEXT_WARC_STREAM_H_

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "klartext/status.h"

struct libdeflate_decompressor;
struct z_stream_s;
struct ZSTD_DCtx_s;

namespace klartext::warc {

enum class Compression { kNone, kGzip, kZstd };

// Detects the compression of a whole file from its first bytes (magic numbers, never names).
// LZ4 frames and bzip2 are recognised to be refused with a clear message.
Result<Compression> detect_compression(std::string_view head);

// Stream turns the compressed input into a contiguous window of decompressed bytes. The record
// parser asks for `fill(n)` bytes, reads `data()`, and `advance()`s. Corrupt or truncated
// compressed data ends the current "segment": fill() returns short, broken() is true, and after
// the caller has used what came before, resume() resyncs to the next member/frame.
class Stream {
 public:
  struct Limits {
    uint64_t max_member_bytes;  // one gzip member / zstd frame decoded in one go beyond this
                                // is streamed in pieces instead
    uint64_t max_total_bytes;   // decompressed bytes of the whole input
  };
  Stream(std::string_view input, Compression compression, Limits limits);
  ~Stream();
  Stream(const Stream&) = delete;
  Stream& operator=(const Stream&) = delete;

  // Makes at least `want` bytes available from the read position if the segment holds them;
  // returns the number available. Invalidates pointers previously obtained from data().
  size_t fill(size_t want);
  const char* data() const { return buf_ + pos_; }
  size_t available() const { return end_ - pos_; }
  void advance(size_t n) { pos_ += n; }
  // Absolute position of data() in the decompressed stream.
  uint64_t position() const { return base_ + pos_; }
  // The segment has no more bytes (end of input or a break).
  bool exhausted() const { return done_ || broken_; }
  bool broken() const { return broken_; }
  // The error that broke the segment and the compressed offset it refers to.
  const Status& break_status() const { return break_status_; }
  uint64_t break_offset() const { return break_offset_; }
  // Resyncs after a break: skips to the next gzip member / zstd frame magic past the break.
  void resume();
  // The compressed offset of the member/frame holding decompressed position `pos` (for plain
  // input, pos itself). Only valid for positions at or after the current read position's member.
  uint64_t compressed_offset(uint64_t pos) const;
  // The compressed offset where the bytes up to decompressed position `pos` end: the start of
  // the first member at or after pos, or the end of the last decoded member; 0 if unknown (a
  // member is still being streamed). For plain input, pos itself.
  uint64_t end_offset(uint64_t pos) const;
  // True when `pos` is the first byte of a gzip member / zstd frame.
  bool is_member_start(uint64_t pos) const;
  Compression compression() const { return compression_; }
  // Compressed input bytes consumed so far (plain input: the read position).
  uint64_t input_consumed() const {
    return compression_ == Compression::kNone ? position() : in_pos_;
  }

 private:
  void reserve_free(size_t n);
  void compact();
  bool decode_more(size_t want);
  bool gzip_member();
  bool gzip_stream_step(size_t want);
  bool zstd_step(size_t want);
  void set_break(Status s, uint64_t offset);
  void note_member(uint64_t coffset);

  std::string_view in_;
  size_t in_pos_ = 0;  // next unread compressed byte
  Compression compression_;
  Limits limits_;

  // The decompressed window: buf_[pos_, end_) is unread. base_ is the absolute position of
  // buf_[0]. For plain input buf_ points into in_ and nothing is copied.
  char* buf_ = nullptr;
  std::unique_ptr<char[]> owned_;
  size_t cap_ = 0;
  size_t pos_ = 0;
  size_t end_ = 0;
  uint64_t base_ = 0;
  uint64_t total_out_ = 0;

  bool done_ = false;
  bool broken_ = false;
  Status break_status_;
  uint64_t break_offset_ = 0;

  // (decompressed position, compressed offset) of each member start not yet read past.
  std::deque<std::pair<uint64_t, uint64_t>> members_;

  libdeflate_decompressor* deflate_ = nullptr;
  z_stream_s* zs_ = nullptr;  // streaming fallback for members too big for one-shot decoding
  bool in_member_ = false;    // zs_ / zstd is inside a member/frame
  uint64_t member_start_ = 0;
  size_t member_hint_ = 0;  // output size that sufficed for recent members

  ZSTD_DCtx_s* zstd_ = nullptr;
  std::string zstd_dict_;
  bool zstd_seen_frame_ = false;
};

}  // namespace klartext::warc

#endif  // KLARTEXT_WARC_STREAM_H_
