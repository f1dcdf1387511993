// The windows-1252 characters at bytes 0x80-0x9F, shared by the single-byte decoder
// (decode/single_byte.cc) and the mojibake repair (metadata/text_util.cc); tested through both.
#ifndef KLARTEXT_BASE_WINDOWS1252_H_
#define KLARTEXT_BASE_WINDOWS1252_H_

#include <cstdint>

namespace klartext::base {

// Origin: the WHATWG Encoding Standard's index-windows-1252 (pointers 0-31 = bytes 0x80-0x9F;
// bytes 0xA0-0xFF are ISO-8859-1). The five holes of Microsoft's table (0x81, 0x8D, 0x8F, 0x90,
// 0x9D) map to the C1 controls of the same value, as browsers decode them.
inline constexpr uint16_t kWindows1252High[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

}  // namespace klartext::base

#endif  // KLARTEXT_BASE_WINDOWS1252_H_
