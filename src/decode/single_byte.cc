// Single-byte decoders: a 256-entry byte -> UTF-8 table per encoding, ours for windows-1252,
// ISO-8859-16 and x-user-defined, built once from ICU for the others. Tested in
// tests/decode/convert_test.cc and tests/decode/fixtures_test.cc.
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>

#include <array>
#include <cstring>
#include <memory>
#include <mutex>

#include "base/windows1252.h"
#include "decode/internal.h"

namespace klartext::decode::internal {
namespace {

constexpr uint32_t kNone = 0xFFFFFFFF;  // byte not mapped: decodes to U+FFFD, counted

struct ByteMapping {
  uint8_t byte;
  uint16_t code_point;
};

// Origin: ISO/IEC 8859-16:2001 (= WHATWG index-iso-8859-16), the bytes where it differs from
// ISO-8859-1. Debian's ICU data lacks this converter.
constexpr ByteMapping kIso8859_16[] = {
    {0xA1, 0x0104}, {0xA2, 0x0105}, {0xA3, 0x0141}, {0xA4, 0x20AC}, {0xA5, 0x201E}, {0xA6, 0x0160},
    {0xA8, 0x0161}, {0xAA, 0x0218}, {0xAC, 0x0179}, {0xAE, 0x017A}, {0xAF, 0x017B}, {0xB2, 0x010C},
    {0xB3, 0x0142}, {0xB4, 0x017D}, {0xB5, 0x201D}, {0xB8, 0x017E}, {0xB9, 0x010D}, {0xBA, 0x0219},
    {0xBC, 0x0152}, {0xBD, 0x0153}, {0xBE, 0x0178}, {0xBF, 0x017C}, {0xC3, 0x0102}, {0xC5, 0x0106},
    {0xD0, 0x0110}, {0xD1, 0x0143}, {0xD5, 0x0150}, {0xD7, 0x015A}, {0xD8, 0x0170}, {0xDD, 0x0118},
    {0xDE, 0x021A}, {0xE3, 0x0103}, {0xE5, 0x0107}, {0xF0, 0x0111}, {0xF1, 0x0144}, {0xF5, 0x0151},
    {0xF7, 0x015B}, {0xF8, 0x0171}, {0xFD, 0x0119}, {0xFE, 0x021B},
};

// Origin: WHATWG index-koi8-u, which is KOI8-RU at these two bytes (ICU's KOI8-U has box
// drawing characters there).
constexpr ByteMapping kKoi8UOverrides[] = {{0xAE, 0x045E}, {0xBE, 0x040E}};

// One byte's UTF-8 form: up to 3 bytes (every single-byte encoding stays in the BMP).
struct Entry {
  char utf8[3];
  uint8_t len;  // 1-3; 0 marks an unmapped byte (emit U+FFFD, count it)
};
using Table = std::array<Entry, 256>;

Table make_table(const std::array<uint32_t, 256>& cps) {
  Table t{};
  for (int b = 0; b < 256; ++b) {
    // Every single-byte encoding of the Encoding Standard is ASCII below 0x80, and the decoder
    // relies on it (it copies ASCII runs as they are), whatever a converter's data says.
    uint32_t cp = b < 0x80 ? uint32_t(b) : cps[b];
    std::string s;
    append_utf8(s, cp == kNone ? 0xFFFD : cp);
    Entry e{};
    for (size_t i = 0; i < s.size(); ++i) e.utf8[i] = s[i];
    e.len = cp == kNone ? 0 : uint8_t(s.size());
    t[b] = e;
  }
  return t;
}

struct UnmappedFlag {
  bool hit = false;
};

void flag_callback(const void* context, UConverterToUnicodeArgs* args, const char*, int32_t,
                   UConverterCallbackReason reason, UErrorCode* err) {
  if (reason > UCNV_IRREGULAR) return;  // reset, close, clone: nothing to replace
  const_cast<UnmappedFlag*>(static_cast<const UnmappedFlag*>(context))->hit = true;
  *err = U_ZERO_ERROR;
}

// The code points ICU's converter gives each byte; unmapped bytes are kNone, except that
// unmapped 0x80-0x9F become the C1 control of the same value, as in WHATWG's windows-125x
// indexes (which fill Microsoft's holes that way).
Result<std::array<uint32_t, 256>> icu_code_points(const char* icu_name) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> cnv(ucnv_open(icu_name, &err), ucnv_close);
  if (U_FAILURE(err)) return internal_error(std::string("ICU has no converter ") + icu_name);
  UnmappedFlag flag;
  ucnv_setToUCallBack(cnv.get(), flag_callback, &flag, nullptr, nullptr, &err);
  std::array<uint32_t, 256> cps{};
  for (int b = 0; b < 256; ++b) {
    char in = char(b);
    const char* src = &in;
    UChar buf[4];
    UChar* dst = buf;
    flag.hit = false;
    err = U_ZERO_ERROR;
    ucnv_reset(cnv.get());
    ucnv_toUnicode(cnv.get(), &dst, buf + 4, &src, &in + 1, nullptr, true, &err);
    // ICU gives some holes private-use code points (ISO-8859-3's 0xA5 is U+F8C1); WHATWG's
    // single-byte indexes have none but macintosh's Apple logo U+F8FF.
    bool pua = buf[0] >= 0xE000 && buf[0] <= 0xF8FE;
    bool single =
        !U_FAILURE(err) && !flag.hit && dst - buf == 1 && !U16_IS_SURROGATE(buf[0]) && !pua;
    if (single)
      cps[b] = buf[0];
    else
      cps[b] = (b >= 0x80 && b <= 0x9F) ? uint32_t(b) : kNone;
  }
  return cps;
}

Result<Table> build_table(const EncodingInfo& enc) {
  std::array<uint32_t, 256> cps;
  for (int b = 0; b < 256; ++b) cps[b] = uint32_t(b);
  if (enc.name == "windows-1252") {
    for (int i = 0; i < 32; ++i) cps[0x80 + i] = base::kWindows1252High[i];
  } else if (enc.name == "ISO-8859-16") {
    for (auto m : kIso8859_16) cps[m.byte] = m.code_point;
  } else if (enc.name == "x-user-defined") {
    // WHATWG x-user-defined decoder: 0x80-0xFF map to U+F780-U+F7FF.
    for (int b = 0x80; b < 256; ++b) cps[b] = 0xF780 + uint32_t(b - 0x80);
  } else {
    if (!enc.icu_name) return internal_error("no table for " + std::string(enc.name));
    auto icu = icu_code_points(enc.icu_name);
    if (!icu.ok()) return icu.status();
    cps = *icu;
    if (enc.name == "KOI8-U")
      for (auto m : kKoi8UOverrides) cps[m.byte] = m.code_point;
  }
  return make_table(cps);
}

// Tables are built on first use and kept for the process (one per encoding, 1 KiB each).
const Table* table_for(const EncodingInfo& enc) {
  static std::mutex mu;
  static std::array<std::unique_ptr<Table>, 64> tables;
  static std::array<bool, 64> failed{};
  auto all = all_encodings();
  size_t index = size_t(&enc - all.data());
  if (index >= all.size() || index >= tables.size()) return nullptr;
  std::lock_guard<std::mutex> lock(mu);
  if (!tables[index] && !failed[index]) {
    auto t = build_table(enc);
    if (t.ok())
      tables[index] = std::make_unique<Table>(*t);
    else
      failed[index] = true;
  }
  return tables[index].get();
}

}  // namespace

size_t decode_single_byte(const EncodingInfo& enc, std::string_view bytes, std::string& out) {
  const Table* table = table_for(enc);
  if (!table) table = table_for(*encoding_by_name("windows-1252"));
  size_t replaced = 0;
  // Every non-ASCII byte becomes at most 3 UTF-8 bytes; entries are stored as 4 bytes and
  // copied whole (an ASCII entry's 3 spare bytes and a 3-byte entry's 4th land in the 4 bytes
  // of slack, or are overwritten, and are cut by the final resize). The output is sized from the
  // count of non-ASCII bytes rather than 3x the input: zero-filling 3x was most of the cost on
  // large, mostly ASCII pages (150 MB for a 50 MB page).
  size_t high = 0;
  for (char c : bytes) high += static_cast<unsigned char>(c) >= 0x80;  // vectorised
  size_t start = out.size();
  out.resize(start + bytes.size() + high * 2 + 4);
  char* w = out.data() + start;
  const unsigned char* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const unsigned char* end = p + bytes.size();
  while (p < end) {
    // Markup is mostly ASCII: copy 8 ASCII bytes at a time while they last.
    while (end - p >= 8) {
      uint64_t chunk;
      std::memcpy(&chunk, p, 8);
      if (chunk & 0x8080808080808080ULL) {
        // A mixed chunk goes through the table without branching on each byte (text in a
        // legacy script, or binary garbage, is half high bytes: the branch was unpredictable).
        // ASCII entries are the byte itself (make_table), unmapped ones hold U+FFFD.
        for (int k = 0; k < 8; ++k) {
          const Entry& e = (*table)[p[k]];
          std::memcpy(w, &e, 4);
          replaced += e.len == 0;
          w += e.len == 0 ? 3 : e.len;
        }
        p += 8;
        continue;
      }
      std::memcpy(w, p, 8);
      p += 8;
      w += 8;
    }
    if (p >= end) break;
    unsigned char b = *p++;
    if (b < 0x80) {
      *w++ = char(b);
      continue;
    }
    const Entry& e = (*table)[b];
    std::memcpy(w, &e, 4);
    if (e.len == 0) {
      std::memcpy(w, "\xEF\xBF\xBD", 3);
      w += 3;
      ++replaced;
    } else {
      w += e.len;
    }
  }
  out.resize(size_t(w - out.data()));
  return replaced;
}

}  // namespace klartext::decode::internal
