// The decompressed byte stream under the WARC/ARC record parser: plain, gzip members (libdeflate
// one-shot, zlib streaming fallback), zstd frames (with the IIPC dictionary frame).
// Tested through tests/warc/reader_test.cc and tests/warc/data_test.cc.
#include "warc/stream.h"

#include <libdeflate.h>
#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <cstring>

namespace klartext::warc {
namespace {

constexpr uint32_t kZstdMagic = 0xFD2FB528;
// IIPC WARC zstd spec: a skippable frame with this magic, first in the file, holds the dictionary.
constexpr uint32_t kZstdDictFrameMagic = 0x184D2A5D;
constexpr uint32_t kZstdSkippableMask = 0xFFFFFFF0;
constexpr uint32_t kZstdSkippableMagic = 0x184D2A50;
// A dictionary bigger than this is refused: zstd's trainer defaults to 110 KB and the IIPC spec
// expects dictionaries of some hundred KB at most.
constexpr size_t kMaxDictBytes = 16 << 20;

// Output step for streaming decoders: one call to inflate/ZSTD_decompressStream fills this much,
// which amortises call overhead while keeping the window small for huge single-member files.
constexpr size_t kStreamStep = 1 << 20;
// First output guess for a one-shot libdeflate member: Common Crawl caps payloads at 1 MiB and
// the median decoded response is ~100 KB, so a retry is rare.
constexpr size_t kFirstMemberGuess = 1 << 20;
constexpr size_t kSmallGuess = 64 << 10;
// 2 MiB: room for the first-member guess plus the record being read, small enough to stay in
// L2/L3 cache. In warc_bench (scrapinghub pages, ~175 KB per response) 2 MiB read at 0.90-1.15x
// libdeflate's raw speed against 0.72-0.94x with 8 MiB (noisy shared machine, 3 runs each).
constexpr size_t kMinWindow = 2 << 20;
// Members whose output exceeds this are streamed with zlib instead of decoded in one call:
// 64 MiB is far above any Common Crawl record (payloads capped at 1 MiB), and bounds the window
// (and the wasted one-shot attempts, 8+16+32+64 MiB once) when a whole file is one member.
constexpr size_t kMaxOneShot = 64 << 20;

uint32_t load_le32(const char* p) {
  return uint32_t(uint8_t(p[0])) | uint32_t(uint8_t(p[1])) << 8 | uint32_t(uint8_t(p[2])) << 16 |
         uint32_t(uint8_t(p[3])) << 24;
}

bool all_padding(std::string_view s) {
  // Some writers pad compressed files with zeros or a newline; that is not an error.
  for (char c : s) {
    if (c != 0 && c != '\n' && c != '\r') return false;
  }
  return true;
}

}  // namespace

Result<Compression> detect_compression(std::string_view head) {
  if (head.size() >= 2 && uint8_t(head[0]) == 0x1f && uint8_t(head[1]) == 0x8b) {
    return Compression::kGzip;
  }
  if (head.size() >= 4) {
    uint32_t m = load_le32(head.data());
    if (m == kZstdMagic || (m & kZstdSkippableMask) == kZstdSkippableMagic) {
      return Compression::kZstd;
    }
    if (m == 0x184D2204) return unsupported("LZ4-compressed input is not supported");
  }
  if (head.size() >= 3 && head.substr(0, 3) == "BZh") {
    return unsupported("bzip2-compressed input is not supported");
  }
  return Compression::kNone;
}

Stream::Stream(std::string_view input, Compression compression, Limits limits)
    : in_(input), compression_(compression), limits_(limits) {
  if (compression_ == Compression::kNone) {
    buf_ = const_cast<char*>(in_.data());  // read only: plain input is never written
    end_ = in_.size();
    cap_ = end_;
    done_ = true;
    if (in_.size() > limits_.max_total_bytes) {
      end_ = size_t(limits_.max_total_bytes);
      set_break(limit_exceeded("input larger than the decompressed-size cap"), end_);
    }
  }
}

Stream::~Stream() {
  if (deflate_) libdeflate_free_decompressor(deflate_);
  if (zs_) {
    inflateEnd(zs_);
    delete zs_;
  }
  if (zstd_) ZSTD_freeDCtx(zstd_);
}

void Stream::set_break(Status s, uint64_t offset) {
  broken_ = true;
  break_status_ = std::move(s);
  break_offset_ = offset;
}

void Stream::note_member(uint64_t coffset) {
  members_.emplace_back(base_ + end_, coffset);
  // Keep only members the reader may still ask about: the one holding the read position and
  // those after it.
  uint64_t pos = position();
  while (members_.size() >= 2 && members_[1].first <= pos) members_.pop_front();
}

uint64_t Stream::compressed_offset(uint64_t pos) const {
  if (compression_ == Compression::kNone) return pos;
  uint64_t off = 0;
  for (const auto& m : members_) {
    if (m.first > pos) break;
    off = m.second;
  }
  return off;
}

uint64_t Stream::end_offset(uint64_t pos) const {
  if (compression_ == Compression::kNone) return pos;
  for (const auto& m : members_) {
    if (m.first >= pos) return m.second;
  }
  if (in_member_) return 0;
  // No member starts after pos: the record ends with the last member decoded so far.
  return in_pos_;
}

bool Stream::is_member_start(uint64_t pos) const {
  if (compression_ == Compression::kNone) return pos == 0;
  for (const auto& m : members_) {
    if (m.first == pos) return true;
    if (m.first > pos) break;
  }
  return false;
}

void Stream::compact() {
  if (pos_ == 0) return;
  size_t n = end_ - pos_;
  if (n) std::memmove(buf_, buf_ + pos_, n);
  base_ += pos_;
  end_ = n;
  pos_ = 0;
}

void Stream::reserve_free(size_t n) {
  if (cap_ - end_ >= n) return;
  compact();
  if (cap_ - end_ >= n) return;
  // The window starts at kMinWindow so that compaction (moving the unread bytes to the front)
  // happens once per several records rather than once per record.
  // Small inputs (tests, fuzzing, tiny archives) get a smaller first window: four times the
  // compressed size covers their typical 3-10x ratio.
  size_t min_window = std::clamp(in_.size() * 4, size_t(256) << 10, kMinWindow);
  size_t cap = std::max({cap_ * 2, end_ + n, min_window});
  std::unique_ptr<char[]> fresh(new char[cap]);
  if (end_) std::memcpy(fresh.get(), buf_, end_);
  owned_ = std::move(fresh);
  buf_ = owned_.get();
  cap_ = cap;
}

size_t Stream::fill(size_t want) {
  while (available() < want && !done_ && !broken_) {
    if (!decode_more(want)) break;
  }
  return available();
}

bool Stream::decode_more(size_t want) {
  if (total_out_ >= limits_.max_total_bytes) {
    set_break(limit_exceeded("decompressed-size cap reached"), in_pos_);
    done_ = true;
    return false;
  }
  if (compression_ == Compression::kGzip) {
    if (in_member_) return gzip_stream_step(want);
    return gzip_member();
  }
  return zstd_step(want);
}

bool Stream::gzip_member() {
  if (in_pos_ >= in_.size() || all_padding(in_.substr(in_pos_))) {
    done_ = true;
    return false;
  }
  const char* p = in_.data() + in_pos_;
  size_t left = in_.size() - in_pos_;
  if (left < 2 || uint8_t(p[0]) != 0x1f || uint8_t(p[1]) != 0x8b) {
    set_break(corrupt("no gzip member starts here"), in_pos_);
    member_start_ = in_pos_;
    return false;
  }
  note_member(in_pos_);
  member_start_ = in_pos_;
  if (!deflate_) deflate_ = libdeflate_alloc_decompressor();
  // One-shot decoding needs the output size up front: guess, and double on "insufficient
  // space". Members that outgrow max_member_bytes, and data libdeflate rejects (truncated or
  // corrupt), go to the zlib streaming path, which also recovers the decodable prefix.
  // Small remaining inputs cannot need the full first guess (deflate rarely exceeds 8:1 on web
  // pages; a larger member just takes one retry).
  size_t guess =
      std::max(member_hint_, std::min(kFirstMemberGuess, std::max(left * 8, kSmallGuess)));
  size_t one_shot_cap = std::min<uint64_t>(limits_.max_member_bytes, kMaxOneShot);
  while (deflate_ && guess <= one_shot_cap) {
    reserve_free(guess);
    // All free space is offered: a larger output buffer costs libdeflate nothing and saves
    // a retry when a member is bigger than the guess.
    size_t room = std::min<size_t>(cap_ - end_, one_shot_cap);
    size_t in_used = 0, out_used = 0;
    libdeflate_result r =
        libdeflate_gzip_decompress_ex(deflate_, p, left, buf_ + end_, room, &in_used, &out_used);
    if (r == LIBDEFLATE_SUCCESS) {
      end_ += out_used;
      total_out_ += out_used;
      in_pos_ += in_used;
      // Remember a generous size so that the next member of similar size decodes in one call.
      member_hint_ = std::max(member_hint_ / 2, out_used + out_used / 4);
      return true;
    }
    if (r != LIBDEFLATE_INSUFFICIENT_SPACE || room >= one_shot_cap) break;
    guess = room * 2;
  }
  if (!zs_) {
    zs_ = new z_stream_s{};
    if (inflateInit2(zs_, 15 + 16) != Z_OK) {
      delete zs_;
      zs_ = nullptr;
      set_break(internal_error("zlib init failed"), in_pos_);
      done_ = true;
      return false;
    }
  } else {
    inflateReset2(zs_, 15 + 16);
  }
  in_member_ = true;
  return true;
}

bool Stream::gzip_stream_step(size_t want) {
  size_t step = std::min<size_t>(kStreamStep, std::max<size_t>(want, 64 << 10));
  reserve_free(step);
  zs_->next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in_.data() + in_pos_));
  size_t in_left = in_.size() - in_pos_;
  size_t in_chunk = std::min<size_t>(in_left, 1u << 30);
  zs_->avail_in = uInt(in_chunk);
  zs_->next_out = reinterpret_cast<Bytef*>(buf_ + end_);
  zs_->avail_out = uInt(step);
  int rc = inflate(zs_, Z_NO_FLUSH);
  size_t consumed = in_chunk - zs_->avail_in;
  in_pos_ += consumed;
  size_t got = step - zs_->avail_out;
  end_ += got;
  total_out_ += got;
  if (rc == Z_STREAM_END) {
    in_member_ = false;
    return true;
  }
  if (rc == Z_OK && (got > 0 || consumed > 0)) return true;
  in_member_ = false;
  if (rc == Z_BUF_ERROR || (rc == Z_OK && in_pos_ >= in_.size())) {
    set_break(corrupt("gzip member truncated: the file ends inside it"), member_start_);
    in_pos_ = in_.size();
  } else {
    set_break(corrupt(std::string("gzip member corrupt: ") + (zs_->msg ? zs_->msg : "bad data")),
              member_start_);
  }
  return false;
}

bool Stream::zstd_step(size_t want) {
  if (!zstd_) {
    zstd_ = ZSTD_createDCtx();
    if (!zstd_) {
      set_break(internal_error("zstd init failed"), in_pos_);
      done_ = true;
      return false;
    }
  }
  if (!in_member_) {
    if (in_pos_ >= in_.size() || all_padding(in_.substr(in_pos_))) {
      done_ = true;
      return false;
    }
    size_t left = in_.size() - in_pos_;
    const char* p = in_.data() + in_pos_;
    member_start_ = in_pos_;
    uint32_t magic = left >= 4 ? load_le32(p) : 0;
    if ((magic & kZstdSkippableMask) == kZstdSkippableMagic) {
      uint32_t size = left >= 8 ? load_le32(p + 4) : UINT32_MAX;
      if (left < 8 || size > left - 8) {
        set_break(corrupt("zstd skippable frame truncated"), in_pos_);
        in_pos_ = in_.size();
        return false;
      }
      if (magic == kZstdDictFrameMagic && !zstd_seen_frame_) {
        std::string_view dict(p + 8, size);
        if (dict.size() > kMaxDictBytes) {
          set_break(limit_exceeded("zstd dictionary larger than the cap"), in_pos_);
          done_ = true;
          return false;
        }
        if (dict.size() >= 4 && load_le32(dict.data()) == kZstdMagic) {
          // The IIPC spec allows the dictionary itself to be zstd-compressed.
          unsigned long long n = ZSTD_getFrameContentSize(dict.data(), dict.size());
          if (n == ZSTD_CONTENTSIZE_ERROR || n == ZSTD_CONTENTSIZE_UNKNOWN || n > kMaxDictBytes) {
            set_break(corrupt("zstd dictionary frame unreadable"), in_pos_);
            done_ = true;
            return false;
          }
          zstd_dict_.resize(size_t(n));
          size_t r =
              ZSTD_decompress(zstd_dict_.data(), zstd_dict_.size(), dict.data(), dict.size());
          if (ZSTD_isError(r)) {
            set_break(corrupt("zstd dictionary frame unreadable"), in_pos_);
            done_ = true;
            return false;
          }
          zstd_dict_.resize(r);
        } else {
          zstd_dict_.assign(dict);
        }
        if (ZSTD_isError(ZSTD_DCtx_loadDictionary(zstd_, zstd_dict_.data(), zstd_dict_.size()))) {
          set_break(corrupt("zstd dictionary rejected"), in_pos_);
          done_ = true;
          return false;
        }
      }
      in_pos_ += 8 + size_t(size);
      return true;
    }
    if (magic != kZstdMagic) {
      set_break(corrupt("no zstd frame starts here"), in_pos_);
      return false;
    }
    note_member(in_pos_);
    zstd_seen_frame_ = true;
    in_member_ = true;
  }
  size_t step = std::min<size_t>(kStreamStep, std::max<size_t>(want, 64 << 10));
  reserve_free(step);
  ZSTD_inBuffer in{in_.data(), in_.size(), in_pos_};
  ZSTD_outBuffer out{buf_ + end_, step, 0};
  size_t r = ZSTD_decompressStream(zstd_, &out, &in);
  in_pos_ = in.pos;
  end_ += out.pos;
  total_out_ += out.pos;
  if (ZSTD_isError(r)) {
    in_member_ = false;
    ZSTD_DCtx_reset(zstd_, ZSTD_reset_session_only);
    set_break(corrupt(std::string("zstd frame corrupt: ") + ZSTD_getErrorName(r)), member_start_);
    return false;
  }
  if (r == 0) {
    in_member_ = false;
    return true;
  }
  if (out.pos == 0 && in_pos_ >= in_.size()) {
    in_member_ = false;
    ZSTD_DCtx_reset(zstd_, ZSTD_reset_session_only);
    set_break(corrupt("zstd frame truncated: the file ends inside it"), member_start_);
    return false;
  }
  return true;
}

void Stream::resume() {
  if (!broken_) return;
  broken_ = false;
  break_status_ = Status();
  pos_ = end_;  // whatever the broken member produced has been handed out already
  if (done_ || compression_ == Compression::kNone) {
    done_ = true;
    return;
  }
  // Look for the next member/frame magic after the start of the broken one.
  size_t from = size_t(std::min<uint64_t>(member_start_ + 1, in_.size()));
  while (from < in_.size()) {
    if (compression_ == Compression::kGzip) {
      const void* hit = std::memchr(in_.data() + from, 0x1f, in_.size() - from);
      if (!hit) break;
      size_t at = static_cast<const char*>(hit) - in_.data();
      // 1f 8b 08 (deflate) with no reserved flag bits set: a plausible member header.
      if (at + 4 <= in_.size() && uint8_t(in_[at + 1]) == 0x8b && in_[at + 2] == 8 &&
          (uint8_t(in_[at + 3]) & 0xe0) == 0) {
        in_pos_ = at;
        return;
      }
      from = at + 1;
    } else {
      const void* hit = std::memchr(in_.data() + from, 0x28, in_.size() - from);
      if (!hit) break;
      size_t at = static_cast<const char*>(hit) - in_.data();
      if (at + 4 <= in_.size() && load_le32(in_.data() + at) == kZstdMagic) {
        in_pos_ = at;
        return;
      }
      from = at + 1;
    }
  }
  in_pos_ = in_.size();
  done_ = true;
}

}  // namespace klartext::warc
