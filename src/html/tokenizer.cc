// The WHATWG HTML tokenizer (§13.2.5): a pull state machine over the whole input. Tested in
// tests/html/tokenizer_test.cc (html5lib tokenizer suite, plus zero-copy and robustness tests).
#include "html/tokenizer.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "html/entities.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace klartext::html {
namespace {

constexpr char kReplacement[] = "\xEF\xBF\xBD";  // U+FFFD in UTF-8

// Above this many attributes on one tag, duplicates are found with a hash set instead of the
// pairwise scan, which is quadratic. On the scrapinghub pages start tags carry 1.6 attributes
// on average and only 29 of 133,779 carry more than 16, so the set is almost never built.
constexpr size_t kPairwiseDedupLimit = 16;

inline bool is_ws(uint8_t c) {
  // ASCII whitespace as the tokenizer sees it; CR counts because it is normalised to LF.
  return c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r';
}
inline bool is_alpha(uint8_t c) { return static_cast<uint8_t>((c | 0x20) - 'a') < 26; }
inline bool is_digit(uint8_t c) { return static_cast<uint8_t>(c - '0') < 10; }
inline bool is_alnum(uint8_t c) { return is_alpha(c) || is_digit(c); }
inline bool is_upper(uint8_t c) { return static_cast<uint8_t>(c - 'A') < 26; }
inline char to_lower(uint8_t c) { return static_cast<char>(is_upper(c) ? c + 32 : c); }

// Byte classes for the short scalar scans inside tags: 0 = copy as is, 1 = ends the run,
// 2 = needs rewriting (upper case, NUL). Taken from the standard's tag name (§13.2.5.8),
// attribute name (§13.2.5.33), unquoted attribute value (§13.2.5.38) and DOCTYPE name
// (§13.2.5.55) states; bytes that are only parse errors there stay plain.
enum : uint8_t { kPlain = 0, kStop = 1, kRewrite = 2 };

struct ByteClasses {
  uint8_t tag_name[256] = {};
  uint8_t attr_name[256] = {};
  uint8_t unquoted[256] = {};
  uint8_t doctype_name[256] = {};
  constexpr ByteClasses() {
    for (int c = 'A'; c <= 'Z'; ++c) doctype_name[c] = kRewrite;
    doctype_name[0] = kRewrite;
    for (uint8_t c : {' ', '\n', '\t', '\f', '\r', '>'}) doctype_name[c] = kStop;
    for (int c = 'A'; c <= 'Z'; ++c) tag_name[c] = attr_name[c] = kRewrite;
    tag_name[0] = attr_name[0] = unquoted[0] = kRewrite;
    for (uint8_t c : {' ', '\n', '\t', '\f', '\r'})
      tag_name[c] = attr_name[c] = unquoted[c] = kStop;
    tag_name[uint8_t('/')] = tag_name[uint8_t('>')] = kStop;
    attr_name[uint8_t('/')] = attr_name[uint8_t('>')] = attr_name[uint8_t('=')] = kStop;
    unquoted[uint8_t('&')] = unquoted[uint8_t('>')] = kStop;
  }
};
constexpr ByteClasses kClasses;

// First position in [p, end) holding one of Cs, or end. Text and attribute values are long
// runs between few special bytes, so 16 bytes are tested per step.
template <char... Cs>
inline const char* scan_for(const char* p, const char* end) {
#if defined(__SSE2__)
  while (end - p >= 16) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    __m128i m = _mm_setzero_si128();
    ((m = _mm_or_si128(m, _mm_cmpeq_epi8(v, _mm_set1_epi8(Cs)))), ...);
    int mask = _mm_movemask_epi8(m);
    if (mask != 0) return p + __builtin_ctz(static_cast<unsigned>(mask));
    p += 16;
  }
#endif
  while (p < end && ((*p != Cs) && ...)) ++p;
  return p;
}

// Internal states: the public ones plus "script data" sub-states are handled inside one call.
enum class State : uint8_t { kData, kRcdata, kRawtext, kScriptData, kPlaintext, kCdataSection };

// A string being built for the current token: a view of the input while it is an unbroken
// copy of it, else a string in the Scratch blocks (only the latest one may grow).
struct Acc {
  const char* ptr = nullptr;
  size_t len = 0;
  bool scratch = false;
};

// Storage for decoded strings of the current token. Blocks never move, so a finished string's
// view stays valid until clear(); a growing string that outgrows its block is copied to the
// next one. Blocks are kept and reused, so steady-state tokenizing does not allocate; their
// total size stays within a small multiple of the largest token's decoded size.
class Scratch {
 public:
  void clear() {
    index_ = 0;
    used_ = 0;
  }
  // Appends n bytes to the string [ptr, ptr + len), which ends at the write position (len may
  // be 0 for a new string); returns the string's start, which moves if a new block was needed.
  char* append(char* ptr, size_t len, const char* data, size_t n) {
    if (blocks_.empty() || used_ + n > blocks_[index_].size) {
      char* fresh = next_block(len + n);
      if (len != 0) std::memcpy(fresh, ptr, len);
      used_ = len;
      ptr = fresh;
    } else if (len == 0) {
      ptr = blocks_[index_].data.get() + used_;
    }
    if (n != 0) std::memcpy(blocks_[index_].data.get() + used_, data, n);
    used_ += n;
    return ptr;
  }

 private:
  struct Block {
    std::unique_ptr<char[]> data;
    size_t size;
  };
  // 4 KiB: on the scrapinghub pages no decoded text token exceeds 2 KiB; larger needs double.
  char* next_block(size_t need) {
    size_t next = blocks_.empty() ? 0 : index_ + 1;
    if (next >= blocks_.size() || blocks_[next].size < need) {
      size_t size = std::max<size_t>(4096, need * 2);
      // Not make_unique, which zeroes the block: every byte is written before it is read.
      blocks_.insert(blocks_.begin() + static_cast<std::ptrdiff_t>(next),
                     Block{std::unique_ptr<char[]>(new char[size]), size});
    }
    index_ = next;
    used_ = 0;
    return blocks_[index_].data.get();
  }

  std::vector<Block> blocks_;
  size_t index_ = 0;
  size_t used_ = 0;
};

// dom::lookup_tag behind a small direct-mapped memo: pages repeat a few dozen names, and a hit
// costs one integer compare instead of a hash and a string compare. 64 slots: scrapinghub
// pages use 34 distinct names (median; max 63), and 96% of lookups hit. Names of up to 8 bytes
// (nearly all: 'div', 'span', 'a', 'script'...) have a one-word key; 9 to 16 bytes a two-word
// one in a second memo; longer names skip the memo.
class TagCache {
 public:
  // `readable16`: 16 bytes from name.data() may be read (the name lies inside the input),
  // so the key comes from one or two loads instead of a byte loop.
  dom::Tag lookup(std::string_view name, bool readable16) {
    size_t n = name.size();
    if (readable16 && n - 1 < 8) {  // n == 0 wraps around
      uint64_t k;
      std::memcpy(&k, name.data(), 8);
      k &= ~uint64_t{0} >> (64 - 8 * n);
      // Names hold no NUL (the tokenizer replaces it), so zero padding keeps keys distinct,
      // and no key is 0, the empty slot's.
      ShortSlot& slot = short_[(k * 0xFF51AFD7ED558CCDull) >> 58];
      if (slot.key == k) return slot.tag;
      slot = ShortSlot{k, dom::lookup_tag(name)};
      return slot.tag;
    }
    return lookup_long(name, readable16);
  }

 private:
  __attribute__((noinline)) dom::Tag lookup_long(std::string_view name, bool readable16) {
    size_t n = name.size();
    if (n == 0 || n > 16) return dom::lookup_tag(name);
    uint64_t k0 = 0, k1 = 0;
    if (readable16) {
      std::memcpy(&k0, name.data(), 8);
      std::memcpy(&k1, name.data() + 8, 8);
      if (n < 16) k1 &= (uint64_t{1} << (8 * (n - 8))) - 1;
    } else {
      for (size_t i = 0; i < n && i < 8; ++i)
        k0 |= uint64_t{static_cast<uint8_t>(name[i])} << (8 * i);
      for (size_t i = 8; i < n; ++i) k1 |= uint64_t{static_cast<uint8_t>(name[i])} << (8 * (i - 8));
    }
    uint64_t h = (k0 ^ (k1 * 0x9E3779B97F4A7C15ull)) * 0xFF51AFD7ED558CCDull;
    LongSlot& slot = long_[h >> 58];
    if (slot.k0 == k0 && slot.k1 == k1) return slot.tag;
    slot = LongSlot{k0, k1, dom::lookup_tag(name)};
    return slot.tag;
  }

  struct ShortSlot {
    uint64_t key = 0;
    dom::Tag tag = dom::Tag::kUnknown;
  };
  struct LongSlot {
    uint64_t k0 = 0, k1 = 0;
    dom::Tag tag = dom::Tag::kUnknown;
  };
  ShortSlot short_[64];
  LongSlot long_[64];
};

// Attribute names of one tag with many attributes: open addressing over reused storage, so
// even such tags allocate nothing once the table has grown to the largest tag seen.
class NameSet {
 public:
  void clear() {
    used_ = 0;
    slots_.assign(64, std::string_view());
  }
  // Adds a non-empty name; false if it was already there.
  bool insert(std::string_view name) {
    if (2 * (used_ + 1) > slots_.size()) grow();
    size_t mask = slots_.size() - 1;
    for (size_t i = hash(name) & mask;; i = (i + 1) & mask) {
      if (slots_[i].empty()) {
        slots_[i] = name;
        ++used_;
        return true;
      }
      if (slots_[i] == name) return false;
    }
  }

 private:
  static size_t hash(std::string_view s) {
    uint64_t h = 14695981039346656037ull;  // FNV-1a
    for (char c : s) h = (h ^ static_cast<uint8_t>(c)) * 1099511628211ull;
    return static_cast<size_t>(h ^ (h >> 29));
  }
  // The two buffers trade places, so both keep their capacity for later tags.
  void grow() {
    spare_.swap(slots_);
    slots_.assign(spare_.size() * 2, std::string_view());
    used_ = 0;
    for (std::string_view n : spare_)
      if (!n.empty()) insert(n);
  }

  std::vector<std::string_view> slots_ = std::vector<std::string_view>(64);
  std::vector<std::string_view> spare_;
  size_t used_ = 0;
};

}  // namespace

struct Tokenizer::Impl {
  const char* begin;
  const char* end;
  const char* p;
  State state = State::kData;
  bool allow_cdata = false;
  size_t errors = 0;
  // The last start tag's name: a view of the input when the name was, else of the owned copy.
  std::string_view last_start_tag;
  std::string last_start_tag_copy;
  TagCache tag_cache;
  Scratch scratch;  // decoded strings of the current token; cleared by next()
  NameSet seen_names;
  bool dedup_hashed = false;  // this tag has more attributes than the pairwise check handles
  // Where the current RCDATA/RAWTEXT text ends early (end_unclosed_text_at), else null.
  const char* raw_stop = nullptr;
  // The last search for an end tag by end_unclosed_text_at: its name and the first match at or
  // after the position searched from (null: none up to the end). Kept so that many unclosed
  // elements of one name cost one scan of the input, not one each.
  std::string end_search_name;
  const char* end_search_from = nullptr;
  const char* end_search_hit = nullptr;

  explicit Impl(std::string_view input)
      : begin(input.data()), end(input.data() + input.size()), p(input.data()) {}

  // --- accumulators -------------------------------------------------------------------------

  __attribute__((always_inline)) void add(Acc& a, const char* s, size_t n) {
    if (!a.scratch && (a.len == 0 || a.ptr + a.len == s)) {
      if (a.len == 0) a.ptr = s;
      a.len += n;
    } else {
      add_slow(a, s, n);
    }
  }
  __attribute__((noinline)) void add_slow(Acc& a, const char* s, size_t n) { add_decoded(a, s, n); }
  void add_decoded(Acc& a, const char* s, size_t n) {
    if (!a.scratch) {
      // Copy the input-backed part first; the string then lives in scratch.
      a.ptr = scratch.append(nullptr, 0, a.ptr, a.len);
      a.scratch = true;
    }
    a.ptr = scratch.append(const_cast<char*>(a.ptr), a.len, s, n);
    a.len += n;
  }
  static std::string_view view(const Acc& a) { return std::string_view(a.ptr, a.len); }
  // Appends the (normalised) character at q, which is CR or NUL-replaced-by-U+FFFD or plain,
  // and returns the position after it.
  const char* add_newline(Acc& a, const char* q) {
    // q points at CR: CR LF and lone CR both become one LF.
    add_decoded(a, "\n", 1);
    ++q;
    if (q < end && *q == '\n') ++q;
    return q;
  }
  const char* add_replacement(Acc& a, const char* q) {
    ++errors;
    add_decoded(a, kReplacement, 3);
    return q + 1;
  }

  // --- token emission -----------------------------------------------------------------------

  static void reset(Token& t, TokenType type) {
    t.attrs.clear();
    reset_keep_attrs(t, type);
  }
  static void reset_keep_attrs(Token& t, TokenType type) {
    t.type = type;
    t.name = {};
    t.tag = dom::Tag::kUnknown;
    t.self_closing = false;
    t.data = {};
    t.data_stable = false;
    t.has_name = t.has_public_id = t.has_system_id = t.force_quirks = false;
    t.public_id = {};
    t.system_id = {};
  }
  bool emit_text(Token& t, const Acc& a) {
    reset(t, TokenType::kCharacter);
    t.data = view(a);
    t.data_stable = !a.scratch;
    return true;
  }
  bool emit_eof(Token& t) {
    reset(t, TokenType::kEof);
    p = end;
    return true;
  }

  // --- character references (§13.2.5.72) ----------------------------------------------------

  // q points at '&'. Appends the reference's expansion (or the text as is) and returns the
  // position after what was consumed.
  const char* char_ref(Acc& a, const char* q, bool in_attr) {
    const char* s = q + 1;
    // "&amp;" is most references on real pages (query strings in href and src): it decodes
    // without the table search, to what the search gives ("amp;" is the longest name there).
    if (end - s >= 4 && std::memcmp(s, "amp;", 4) == 0) {
      add_decoded(a, "&", 1);
      return s + 4;
    }
    // "&quot;" likewise (no longer name opens with "quot;"): JSON in data-* attributes escapes
    // every quote so, and it was nine in ten of the references the table searched (a 300-page
    // sample of the bench WARC: 48k "&quot;" beside 15k "&amp;").
    if (end - s >= 5 && std::memcmp(s, "quot;", 5) == 0) {
      add_decoded(a, "\"", 1);
      return s + 5;
    }
    if (s < end && is_alnum(static_cast<uint8_t>(*s))) {
      EntityMatch m = match_named_entity(std::string_view(s, static_cast<size_t>(end - s)));
      if (m.length == 0) {
        // Ambiguous ampersand: the text stays; "&foo;" with an unknown name is an error.
        const char* r = s;
        while (r < end && is_alnum(static_cast<uint8_t>(*r))) ++r;
        if (r < end && *r == ';') ++errors;
        add(a, q, static_cast<size_t>(r - q));
        return r;
      }
      const char* after = s + m.length;
      bool semicolon = s[m.length - 1] == ';';
      if (!semicolon) {
        if (in_attr && after < end && (*after == '=' || is_alnum(static_cast<uint8_t>(*after)))) {
          add(a, q, static_cast<size_t>(after - q));  // historical: "?a=1&copy=2" stays as is
          return after;
        }
        ++errors;
      }
      add_decoded(a, m.value.data(), m.value.size());
      return after;
    }
    if (s < end && *s == '#') {
      const char* r = s + 1;
      bool hex = false;
      if (r < end && (*r == 'x' || *r == 'X')) {
        hex = true;
        ++r;
      }
      const char* digits = r;
      uint32_t value = 0;
      // Saturate above the Unicode range so long digit strings cannot overflow.
      if (hex) {
        for (; r < end; ++r) {
          uint8_t c = static_cast<uint8_t>(*r);
          uint32_t d;
          if (is_digit(c)) {
            d = c - '0';
          } else if (static_cast<uint8_t>((c | 0x20) - 'a') < 6) {
            d = static_cast<uint32_t>((c | 0x20) - 'a' + 10);
          } else {
            break;
          }
          value = std::min<uint32_t>(value * 16 + d, 0x110000);
        }
      } else {
        for (; r < end && is_digit(static_cast<uint8_t>(*r)); ++r)
          value = std::min<uint32_t>(value * 10 + static_cast<uint32_t>(*r - '0'), 0x110000);
      }
      if (r == digits) {
        ++errors;  // absence-of-digits: "&#" / "&#x" stay as text
        add(a, q, static_cast<size_t>(r - q));
        return r;
      }
      if (r < end && *r == ';') {
        ++r;
      } else {
        ++errors;
      }
      bool error = false;
      uint32_t cp = fix_numeric_reference(value, &error);
      if (error) ++errors;
      char buf[4];
      add_decoded(a, buf, encode_utf8(cp, buf));
      return r;
    }
    add(a, q, 1);
    return s;
  }

  // --- text states -------------------------------------------------------------------------

  // '<' at q in the data state: does it start markup (tag, comment, doctype, bogus comment)?
  bool starts_markup(const char* q) const {
    if (end - q < 2) return false;
    uint8_t c = static_cast<uint8_t>(q[1]);
    if (is_alpha(c) || c == '!' || c == '?') return true;
    return c == '/' && end - q >= 3;
  }

  bool run_data(Token& t) {
    Acc a;
    for (;;) {
      // Most calls start at a '<' (the last token was a tag, or text that ended at one):
      // that needs no scan.
      if (p == end || *p != '<') {
        const char* q = scan_for<'<', '&', '\r', '\0'>(p, end);
        add(a, p, static_cast<size_t>(q - p));
        p = q;
        if (p == end) break;
      }
      switch (*p) {
        case '<':
          if (!starts_markup(p)) {
            ++errors;
            add(a, p, 1);
            ++p;
            continue;
          }
          if (a.len != 0) return emit_text(t, a);
          if (markup(t)) return true;
          if (state != State::kData) return false;  // CDATA section
          continue;
        case '&':
          p = char_ref(a, p, false);
          continue;
        case '\r':
          p = add_newline(a, p);
          continue;
        default:  // NUL: passed on alone, so the tree builder can apply its per-mode rule
          if (a.len != 0) return emit_text(t, a);
          ++errors;
          reset(t, TokenType::kCharacter);
          t.data = std::string_view(p, 1);
          t.data_stable = true;
          ++p;
          return true;
      }
    }
    if (a.len != 0) return emit_text(t, a);
    return emit_eof(t);
  }

  // Is `name` (lower case) + (whitespace | '/' | '>') at s, s just after "</", ASCII
  // case-insensitively?
  bool end_tag_name_at(const char* s, std::string_view name) const {
    size_t n = name.size();
    if (static_cast<size_t>(end - s) <= n) return false;
    for (size_t i = 0; i < n; ++i) {
      uint8_t c = static_cast<uint8_t>(s[i]);
      if (!is_alpha(c) || to_lower(c) != name[i]) return false;
    }
    uint8_t c = static_cast<uint8_t>(s[n]);
    return is_ws(c) || c == '/' || c == '>';
  }

  // Is "</" + last start tag name + (whitespace | '/' | '>') at s (s just after "</")?
  bool appropriate_end_tag(const char* s) const {
    return !last_start_tag.empty() && end_tag_name_at(s, last_start_tag);
  }

  // Is "</" + `name` + (whitespace | '/' | '>') at s (s at the '<')?
  bool end_tag_at(const char* s, std::string_view name) const {
    return end - s >= 2 && s[0] == '<' && s[1] == '/' && end_tag_name_at(s + 2, name);
  }

  // The first end tag `name` at or after `from`, or null.
  const char* find_end_tag(const char* from, std::string_view name) const {
    for (const char* s = from; s < end;) {
      const void* lt = std::memchr(s, '<', static_cast<size_t>(end - s));
      if (!lt) return nullptr;
      s = static_cast<const char*>(lt);
      if (end_tag_at(s, name)) return s;
      ++s;
    }
    return nullptr;
  }

  bool end_unclosed_text_at(std::string_view fallback) {
    if (state != State::kRcdata && state != State::kRawtext) return false;
    if (last_start_tag.empty()) return false;
    // An earlier search for the same name stays true for any later start: its hit (if any) is
    // still the first one as long as we have not passed it.
    if (end_search_name != last_start_tag || !end_search_from || p < end_search_from ||
        (end_search_hit && p > end_search_hit)) {
      end_search_name.assign(last_start_tag);
      end_search_from = p;
      end_search_hit = find_end_tag(p, last_start_tag);
    }
    if (end_search_hit) return false;
    const char* stop = find_end_tag(p, fallback);
    if (!stop) return false;
    raw_stop = stop;
    return true;
  }

  // The end of a limited text (end_unclosed_text_at): an end tag for the element, then on in
  // the data state at the fallback end tag.
  bool emit_raw_stop(Token& t) {
    raw_stop = nullptr;
    state = State::kData;
    reset(t, TokenType::kEndTag);
    t.name = last_start_tag;
    t.tag = dom::lookup_tag(last_start_tag);
    return true;
  }

  // RCDATA and RAWTEXT: text up to the appropriate end tag; only RCDATA decodes references.
  template <bool kRcdata>
  bool run_raw(Token& t) {
    Acc a;
    // A limited text stops at raw_stop, the '<' of the fallback end tag: no character
    // reference or newline pair reaches over a '<', so scanning up to it splits nothing.
    const char* stop = raw_stop ? raw_stop : end;
    for (;;) {
      const char* q =
          kRcdata ? scan_for<'<', '&', '\r', '\0'>(p, stop) : scan_for<'<', '\r', '\0'>(p, stop);
      add(a, p, static_cast<size_t>(q - p));
      p = q;
      if (p == stop) {
        if (!raw_stop) break;
        if (a.len != 0) return emit_text(t, a);
        return emit_raw_stop(t);
      }
      switch (*p) {
        case '<':
          if (end - p >= 2 && p[1] == '/' && appropriate_end_tag(p + 2)) {
            if (a.len != 0) return emit_text(t, a);
            return parse_tag(t, false, p + 2);
          }
          add(a, p, 1);
          ++p;
          continue;
        case '&':
          p = char_ref(a, p, false);
          continue;
        case '\r':
          p = add_newline(a, p);
          continue;
        default:
          p = add_replacement(a, p);
          continue;
      }
    }
    if (a.len != 0) return emit_text(t, a);
    return emit_eof(t);
  }

  bool run_plaintext(Token& t) {
    Acc a;
    for (;;) {
      const char* q = scan_for<'\r', '\0'>(p, end);
      add(a, p, static_cast<size_t>(q - p));
      p = q;
      if (p == end) break;
      p = *p == '\r' ? add_newline(a, p) : add_replacement(a, p);
    }
    if (a.len != 0) return emit_text(t, a);
    return emit_eof(t);
  }

  bool run_cdata(Token& t) {
    Acc a;
    for (;;) {
      const char* q = scan_for<']', '\r', '\0'>(p, end);
      add(a, p, static_cast<size_t>(q - p));
      p = q;
      if (p == end) {
        ++errors;  // eof-in-cdata
        break;
      }
      if (*p == ']') {
        if (end - p >= 3 && p[1] == ']' && p[2] == '>') {
          p += 3;
          state = State::kData;
          if (a.len != 0) return emit_text(t, a);
          return false;
        }
        add(a, p, 1);
        ++p;
      } else if (*p == '\r') {
        p = add_newline(a, p);
      } else {
        // NUL is emitted as is here (the tree builder replaces it in foreign content); alone,
        // as in the data state.
        if (a.len != 0) return emit_text(t, a);
        reset(t, TokenType::kCharacter);
        t.data = std::string_view(p, 1);
        t.data_stable = true;
        ++p;
        return true;
      }
    }
    if (a.len != 0) return emit_text(t, a);
    return emit_eof(t);
  }

  // Script data and its escaped / double-escaped sub-states (§13.2.5.4, 15-31). The whole
  // script up to its end tag is one character token, so the sub-state lives only here.
  bool run_script(Token& t) {
    enum Sub : uint8_t {
      kScript,
      kEscaped,
      kEscapedDash,
      kEscapedDashDash,
      kDouble,
      kDoubleDash,
      kDoubleDashDash
    };
    Sub sub = kScript;
    Acc a;
    while (p < end) {
      if (sub == kScript) {
        const char* q = scan_for<'<', '\r', '\0'>(p, end);
        add(a, p, static_cast<size_t>(q - p));
        p = q;
        if (p == end) break;
      } else if (sub == kEscaped || sub == kDouble) {
        const char* q = scan_for<'<', '-', '\r', '\0'>(p, end);
        add(a, p, static_cast<size_t>(q - p));
        p = q;
        if (p == end) break;
      }
      char c = *p;
      if (c == '\r' || c == '\0') {
        p = c == '\r' ? add_newline(a, p) : add_replacement(a, p);
        if (sub != kScript) sub = sub >= kDouble ? kDouble : kEscaped;
        continue;
      }
      if (c == '<') {
        if (sub >= kDouble) {
          // Double-escaped: "</script" + terminator returns to escaped; never an end tag.
          add(a, p, 1);
          ++p;
          sub = kDouble;
          if (p < end && *p == '/') {
            add(a, p, 1);
            ++p;
            if (script_word_at(p)) sub = kEscaped;
          }
          continue;
        }
        if (end - p >= 2 && p[1] == '/' && appropriate_end_tag(p + 2)) {
          if (a.len != 0) return emit_text(t, a);
          return parse_tag(t, false, p + 2);
        }
        if (sub == kScript) {
          add(a, p, 1);
          ++p;
          // "<!--" enters the escaped state (at "--", so "<!-->" leaves it at once).
          if (end - p >= 3 && p[0] == '!' && p[1] == '-' && p[2] == '-') {
            add(a, p, 3);
            p += 3;
            sub = kEscapedDashDash;
          }
          continue;
        }
        // Escaped: "<script" + terminator enters the double-escaped state.
        add(a, p, 1);
        ++p;
        sub = kEscaped;
        if (script_word_at(p)) sub = kDouble;
        continue;
      }
      // c is '-' or, in a dash sub-state, anything.
      add(a, p, 1);
      ++p;
      switch (sub) {
        case kEscaped:
        case kEscapedDash:
          sub = c == '-' ? (sub == kEscaped ? kEscapedDash : kEscapedDashDash) : kEscaped;
          break;
        case kEscapedDashDash:
          sub = c == '-' ? kEscapedDashDash : (c == '>' ? kScript : kEscaped);
          break;
        case kDouble:
        case kDoubleDash:
          sub = c == '-' ? (sub == kDouble ? kDoubleDash : kDoubleDashDash) : kDouble;
          break;
        case kDoubleDashDash:
          sub = c == '-' ? kDoubleDashDash : (c == '>' ? kScript : kDouble);
          break;
        case kScript:
          break;
      }
    }
    if (a.len != 0) return emit_text(t, a);
    return emit_eof(t);
  }

  // "script" (any case) followed by whitespace, '/' or '>' at s: the double-escape switch.
  bool script_word_at(const char* s) const {
    static constexpr char kWord[] = "script";
    if (end - s < 7) return false;
    for (int i = 0; i < 6; ++i)
      if (to_lower(static_cast<uint8_t>(s[i])) != kWord[i]) return false;
    uint8_t c = static_cast<uint8_t>(s[6]);
    return is_ws(c) || c == '/' || c == '>';
  }

  // --- markup -------------------------------------------------------------------------------

  // p at '<' that starts_markup(). Returns true if a token was emitted; otherwise the state and
  // position are updated (EOF inside a tag leaves p at end, "</>" is skipped).
  bool markup(Token& t) {
    const char* s = p + 1;
    uint8_t c = static_cast<uint8_t>(*s);
    if (is_alpha(c)) return parse_tag(t, true, s);
    if (c == '/') {
      uint8_t d = static_cast<uint8_t>(s[1]);
      if (is_alpha(d)) return parse_tag(t, false, s + 1);
      ++errors;
      if (d == '>') {
        p = s + 2;
        return false;
      }
      return parse_bogus_comment(t, s + 1);
    }
    if (c == '?') {
      ++errors;
      return parse_bogus_comment(t, s);
    }
    // "<!": markup declaration open.
    s += 1;
    size_t left = static_cast<size_t>(end - s);
    if (left >= 2 && s[0] == '-' && s[1] == '-') return parse_comment(t, s + 2);
    if (left >= 7) {
      static constexpr char kDoctype[] = "doctype";
      bool doctype = true;
      for (int i = 0; i < 7 && doctype; ++i)
        doctype = to_lower(static_cast<uint8_t>(s[i])) == kDoctype[i];
      if (doctype) return parse_doctype(t, s + 7);
      if (std::memcmp(s, "[CDATA[", 7) == 0 && allow_cdata) {
        p = s + 7;
        state = State::kCdataSection;
        return false;
      }
    }
    ++errors;
    return parse_bogus_comment(t, s);
  }

  // The first byte at or after r that may end or change a tag name (kAttr: attribute name):
  // whitespace, '/', '>', ('='), NUL, A-Z. The vector test also stops at the other control
  // bytes below 0x0E, which callers treat as plain.
  template <bool kAttr>
  const char* skip_name(const char* r) const {
#if defined(__SSE2__)
    const __m128i ctl = _mm_set1_epi8(0x0D), az = _mm_set1_epi8(25);
    while (end - r >= 16) {
      __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(r));
      __m128i m = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('/')),
                               _mm_cmpeq_epi8(v, _mm_set1_epi8('>')));
      m = _mm_or_si128(m, _mm_cmpeq_epi8(v, _mm_set1_epi8(' ')));
      if (kAttr) m = _mm_or_si128(m, _mm_cmpeq_epi8(v, _mm_set1_epi8('=')));
      m = _mm_or_si128(m, _mm_cmpeq_epi8(_mm_min_epu8(v, ctl), v));
      __m128i up = _mm_sub_epi8(v, _mm_set1_epi8('A'));
      m = _mm_or_si128(m, _mm_cmpeq_epi8(_mm_min_epu8(up, az), up));
      int mask = _mm_movemask_epi8(m);
      if (mask != 0) return r + __builtin_ctz(static_cast<unsigned>(mask));
      r += 16;
    }
#endif
    const uint8_t* table = kAttr ? kClasses.attr_name : kClasses.tag_name;
    while (r < end && table[static_cast<uint8_t>(*r)] == kPlain) ++r;
    return r;
  }

  // The rest of a name (kAttr: attribute name, else tag name) that skip_name stopped inside
  // at q, at a byte that is not a terminator (upper case, NUL, a control byte): goes on
  // rewriting into `name` and returns the terminator's position, or null at the end of input.
  // Out of line: most names are lower case and end at their first stop.
  template <bool kAttr>
  __attribute__((noinline)) const char* name_rest(Acc& name, const char* q) {
    const uint8_t* table = kAttr ? kClasses.attr_name : kClasses.tag_name;
    for (;;) {
      uint8_t c = static_cast<uint8_t>(*q);
      if (table[c] == kPlain) {  // a control byte the vector test flags too
        add(name, q, 1);
        ++q;
      } else if (c == 0) {
        q = add_replacement(name, q);
      } else {
        char l = to_lower(c);
        add_decoded(name, &l, 1);
        ++q;
      }
      const char* r = skip_name<kAttr>(q);
      add(name, q, static_cast<size_t>(r - q));
      q = r;
      if (q == end) return nullptr;
      if (table[static_cast<uint8_t>(*q)] == kStop) return q;
    }
  }

  // The rest of a quoted attribute value after the first scan stopped at q on '&', CR or NUL
  // (not the quote): decodes into `value` and returns the position after the closing quote,
  // or null at the end of input. Out of line: most values hold none of these.
  __attribute__((noinline)) const char* quoted_rest(Acc& value, const char* q, char quote) {
    for (;;) {
      char d = *q;
      if (d == '&') {
        q = char_ref(value, q, true);
      } else if (d == '\r') {
        q = add_newline(value, q);
      } else {
        q = add_replacement(value, q);
      }
      const char* r = quote == '"' ? scan_for<'"', '&', '\r', '\0'>(q, end)
                                   : scan_for<'\'', '&', '\r', '\0'>(q, end);
      add(value, q, static_cast<size_t>(r - q));
      q = r;
      if (q == end) return nullptr;
      if (*q == quote) return q + 1;
    }
  }

  // s is just after "<" (start tag) or "</" (end tag), at an ASCII letter.
  bool parse_tag(Token& t, bool start, const char* s) {
    // The name: in the usual case one scan to its terminator, a view of the input.
    const char* q = skip_name<false>(s);
    Acc name{s, static_cast<size_t>(q - s), false};
    if (q == end) return eof_in_tag();
    if (kClasses.tag_name[static_cast<uint8_t>(*q)] != kStop) {
      q = name_rest<false>(name, q);
      if (!q) return eof_in_tag();
    }
    // Attributes go straight into the token (end tags parse and drop theirs).
    t.attrs.clear();
    t.attrs_in_input = true;
    dedup_hashed = false;
    bool had_attrs = false;
    bool self_closing = false;
    for (;;) {
      // Before attribute name / after attribute name.
      while (q < end && is_ws(static_cast<uint8_t>(*q))) ++q;
      if (q == end) return eof_in_tag();
      uint8_t c = static_cast<uint8_t>(*q);
      if (c == '>') {
        ++q;
        break;
      }
      if (c == '/') {
        ++q;
        if (q == end) return eof_in_tag();
        if (*q == '>') {
          self_closing = true;
          ++q;
          break;
        }
        ++errors;  // unexpected-solidus-in-tag
        continue;
      }
      had_attrs = true;
      // A leading '=' is part of the name (an error); the name is then one view of the input
      // up to its terminator unless it needs rewriting.
      const char* name_start = q;
      if (c == '=') {
        ++errors;
        ++q;
      }
      q = skip_name<true>(q);
      Acc an{name_start, static_cast<size_t>(q - name_start), false};
      if (q == end) return eof_in_tag();
      if (kClasses.attr_name[static_cast<uint8_t>(*q)] != kStop) {
        q = name_rest<true>(an, q);
        if (!q) return eof_in_tag();
      }
      Acc value;
      // q is at the name's terminator; most often the '=' itself.
      if (*q != '=') {
        while (q < end && is_ws(static_cast<uint8_t>(*q))) ++q;
        if (q == end) return eof_in_tag();
        if (*q != '=') {  // attribute without value; '/', '>' or the next name follow
          if (start) push_attr(t, an, value);
          continue;
        }
      }
      ++q;
      if (q == end) return eof_in_tag();
      c = static_cast<uint8_t>(*q);
      if (is_ws(c)) {
        while (q < end && is_ws(static_cast<uint8_t>(*q))) ++q;
        if (q == end) return eof_in_tag();
        c = static_cast<uint8_t>(*q);
      }
      if (c == '"' || c == '\'') {
        ++q;
        const char* r = c == '"' ? scan_for<'"', '&', '\r', '\0'>(q, end)
                                 : scan_for<'\'', '&', '\r', '\0'>(q, end);
        value = Acc{q, static_cast<size_t>(r - q), false};
        q = r;
        if (q == end) return eof_in_tag();
        if (*q == static_cast<char>(c)) {
          ++q;
        } else {
          q = quoted_rest(value, q, static_cast<char>(c));
          if (!q) return eof_in_tag();
        }
        if (start) push_attr(t, an, value);
        // After attribute value (quoted): whitespace, '/', '>' or (an error) the next name.
        if (q == end) return eof_in_tag();
        c = static_cast<uint8_t>(*q);
        if (c == '>') {
          ++q;
          break;
        }
        if (!is_ws(c) && c != '/') ++errors;
        continue;
      }
      if (c == '>') {
        ++errors;  // missing-attribute-value
        if (start) push_attr(t, an, value);
        ++q;
        break;
      }
      for (;;) {
        const char* r = q;
        while (r < end && kClasses.unquoted[static_cast<uint8_t>(*r)] == kPlain) ++r;
        add(value, q, static_cast<size_t>(r - q));
        q = r;
        if (q == end) return eof_in_tag();
        uint8_t d = static_cast<uint8_t>(*q);
        if (d == '&') {
          q = char_ref(value, q, true);
        } else if (d == 0) {
          q = add_replacement(value, q);
        } else {
          break;  // whitespace or '>'
        }
      }
      if (start) push_attr(t, an, value);
    }

    // Locals, not fields read back from `t`: reloading a just-stored view stalls store forwarding.
    // The id is looked up before the token is reset, so that no call (the memo's miss path)
    // comes between the reset's stores and these: the compiler drops the reset's name, tag and
    // flag stores that these overwrite.
    std::string_view tag_name = view(name);
    dom::Tag tag = tag_cache.lookup(tag_name, !name.scratch && end - name.ptr >= 16);
    reset_keep_attrs(t, start ? TokenType::kStartTag : TokenType::kEndTag);
    t.name = tag_name;
    t.tag = tag;
    t.self_closing = self_closing;
    if (start) {
      if (name.scratch) {
        last_start_tag_copy.assign(tag_name);
        last_start_tag = last_start_tag_copy;
      } else {
        last_start_tag = tag_name;
      }
    } else if (had_attrs || self_closing) {
      ++errors;  // end-tag-with-attributes / end-tag-with-trailing-solidus
    }
    p = q;
    state = State::kData;
    return true;
  }

  // Adds a finished attribute unless its name is already there (the first one wins).
  // Inline in parse_tag's four call sites: most tags have one or two attributes, and the call
  // cost as much as the check; the hashed case for many attributes stays out of line.
  __attribute__((always_inline)) void push_attr(Token& t, const Acc& name, const Acc& value) {
    std::string_view an = view(name);
    if (!dedup_hashed) {
      for (const TokenAttribute& prev : t.attrs) {
        if (prev.name.size() == an.size() && prev.name.data()[0] == an.data()[0] &&
            prev.name == an) {
          ++errors;
          return;
        }
      }
      if (t.attrs.size() == kPairwiseDedupLimit) start_hashed_dedup(t, an);
    } else if (!seen_names.insert(an)) {
      ++errors;
      return;
    }
    // An empty value is a null view whatever the Acc held, as the tree builder keeps it.
    std::string_view v = value.len != 0 ? view(value) : std::string_view();
    // A store only when a string was rewritten (rare), not a load, test and store each time.
    if (name.scratch | value.scratch) t.attrs_in_input = false;
    t.attrs.push_back(TokenAttribute{an, v, dom::AttrNamespace::kNone});
  }
  // The tag reached kPairwiseDedupLimit attributes: names from now on are checked in a set
  // holding the ones so far and `an` (already known to be new).
  __attribute__((noinline)) void start_hashed_dedup(const Token& t, std::string_view an) {
    dedup_hashed = true;
    seen_names.clear();
    for (const TokenAttribute& prev : t.attrs) seen_names.insert(prev.name);
    seen_names.insert(an);
  }

  bool eof_in_tag() {
    ++errors;
    p = end;
    state = State::kData;
    return false;
  }

  bool emit_comment(Token& t, const Acc& a, const char* q) {
    reset(t, TokenType::kComment);
    t.data = view(a);
    t.data_stable = !a.scratch;
    p = q;
    state = State::kData;
    return true;
  }

  // s just after "<!--" (§13.2.5.43-52). The '<'-states of comments only report errors, so
  // they are not tracked.
  bool parse_comment(Token& t, const char* s) {
    enum Sub : uint8_t { kStart, kStartDash, kBody, kEndDash, kEnd, kEndBang };
    Sub sub = kStart;
    Acc a;
    const char* q = s;
    for (;;) {
      if (q == end) {
        ++errors;  // eof-in-comment
        return emit_comment(t, a, q);
      }
      char c = *q;
      switch (sub) {
        case kStart:
          if (c == '-') {
            ++q;
            sub = kStartDash;
          } else if (c == '>') {
            ++errors;
            return emit_comment(t, a, q + 1);
          } else {
            sub = kBody;
          }
          break;
        case kStartDash:
          if (c == '-') {
            ++q;
            sub = kEnd;
          } else if (c == '>') {
            ++errors;
            return emit_comment(t, a, q + 1);
          } else {
            add(a, q - 1, 1);
            sub = kBody;
          }
          break;
        case kBody: {
          const char* r = scan_for<'-', '\r', '\0'>(q, end);
          add(a, q, static_cast<size_t>(r - q));
          q = r;
          if (q == end) break;
          if (*q == '-') {
            ++q;
            sub = kEndDash;
          } else if (*q == '\r') {
            q = add_newline(a, q);
          } else {
            q = add_replacement(a, q);
          }
          break;
        }
        case kEndDash:
          if (c == '-') {
            ++q;
            sub = kEnd;
          } else {
            add(a, q - 1, 1);
            sub = kBody;
          }
          break;
        case kEnd:
          // The two dashes seen are at q-2 and q-1.
          if (c == '>') return emit_comment(t, a, q + 1);
          if (c == '!') {
            ++errors;
            ++q;
            sub = kEndBang;
          } else if (c == '-') {
            add(a, q - 2, 1);
            ++q;
          } else {
            add(a, q - 2, 2);
            sub = kBody;
          }
          break;
        case kEndBang:
          // "--!" is at q-3.
          if (c == '>') return emit_comment(t, a, q + 1);
          add(a, q - 3, 3);
          if (c == '-') {
            ++q;
            sub = kEndDash;
          } else {
            sub = kBody;
          }
          break;
      }
    }
  }

  // Bogus comment (§13.2.5.41): s is where its data starts.
  bool parse_bogus_comment(Token& t, const char* s) {
    Acc a;
    const char* q = s;
    for (;;) {
      const char* r = scan_for<'>', '\r', '\0'>(q, end);
      add(a, q, static_cast<size_t>(r - q));
      q = r;
      if (q == end) return emit_comment(t, a, q);
      if (*q == '>') return emit_comment(t, a, q + 1);
      q = *q == '\r' ? add_newline(a, q) : add_replacement(a, q);
    }
  }

  // s just after "<!DOCTYPE" (§13.2.5.53-69).
  bool parse_doctype(Token& t, const char* s) {
    Acc name, public_id, system_id;
    bool has_name = false, has_public = false, has_system = false, quirks = false;
    const char* q = s;
    auto skip_ws = [&] {
      while (q < end && is_ws(static_cast<uint8_t>(*q))) ++q;
    };
    auto finish = [&](const char* after) {
      reset(t, TokenType::kDoctype);
      t.has_name = has_name;
      t.name = view(name);
      t.has_public_id = has_public;
      t.public_id = view(public_id);
      t.has_system_id = has_system;
      t.system_id = view(system_id);
      t.force_quirks = quirks;
      p = after;
      state = State::kData;
      return true;
    };
    auto eof = [&] {
      ++errors;
      quirks = true;
      return finish(end);
    };
    // Bogus doctype: skip to '>' (the token keeps what was read so far).
    auto bogus = [&] {
      const char* r = static_cast<const char*>(std::memchr(q, '>', static_cast<size_t>(end - q)));
      return finish(r ? r + 1 : end);
    };
    // A quoted identifier starting at the quote at q; returns false if the token ended in it.
    auto quoted = [&](Acc& id) {
      char quote = *q++;
      for (;;) {
        const char* r = quote == '"' ? scan_for<'"', '>', '\r', '\0'>(q, end)
                                     : scan_for<'\'', '>', '\r', '\0'>(q, end);
        add(id, q, static_cast<size_t>(r - q));
        q = r;
        if (q == end) return false;
        if (*q == quote) {
          ++q;
          return true;
        }
        if (*q == '>') return false;
        q = *q == '\r' ? add_newline(id, q) : add_replacement(id, q);
      }
    };

    if (q == end) return eof();
    if (!is_ws(static_cast<uint8_t>(*q)) && *q != '>') ++errors;
    skip_ws();
    if (q == end) return eof();
    if (*q == '>') {
      ++errors;
      quirks = true;
      return finish(q + 1);
    }
    has_name = true;
    for (;;) {
      const char* r = q;
      while (r < end && kClasses.doctype_name[static_cast<uint8_t>(*r)] == kPlain) ++r;
      add(name, q, static_cast<size_t>(r - q));
      q = r;
      if (q == end) return eof();
      uint8_t c = static_cast<uint8_t>(*q);
      if (kClasses.doctype_name[c] == kStop) break;
      if (c == 0) {
        q = add_replacement(name, q);
      } else {
        char l = to_lower(c);
        add_decoded(name, &l, 1);
        ++q;
      }
    }
    skip_ws();
    if (q == end) return eof();
    if (*q == '>') return finish(q + 1);
    auto keyword = [&](const char* word) {
      if (end - q < 6) return false;
      for (int i = 0; i < 6; ++i)
        if (to_lower(static_cast<uint8_t>(q[i])) != word[i]) return false;
      return true;
    };
    bool is_public = keyword("public");
    if (!is_public && !keyword("system")) {
      ++errors;
      quirks = true;
      return bogus();
    }
    q += 6;
    // After the keyword, before its identifier: the same rules for public and system.
    if (q < end && !is_ws(static_cast<uint8_t>(*q)) && *q != '>') ++errors;
    skip_ws();
    if (q == end) return eof();
    if (*q == '>') {
      ++errors;
      quirks = true;
      return finish(q + 1);
    }
    if (*q != '"' && *q != '\'') {
      ++errors;
      quirks = true;
      return bogus();
    }
    if (is_public) {
      has_public = true;
      if (!quoted(public_id)) {
        if (q == end) return eof();
        ++errors;  // abrupt-doctype-public-identifier
        quirks = true;
        return finish(q + 1);
      }
      // After DOCTYPE public identifier / between public and system identifiers.
      const char* before = q;
      skip_ws();
      if (q == end) return eof();
      if (*q == '>') return finish(q + 1);
      if (*q != '"' && *q != '\'') {
        ++errors;
        quirks = true;
        return bogus();
      }
      if (q == before) ++errors;  // missing whitespace between identifiers
    }
    has_system = true;
    if (!quoted(system_id)) {
      if (q == end) return eof();
      ++errors;  // abrupt-doctype-system-identifier
      quirks = true;
      return finish(q + 1);
    }
    // After DOCTYPE system identifier: anything but '>' is an error, not quirks.
    skip_ws();
    if (q == end) return eof();
    if (*q == '>') return finish(q + 1);
    ++errors;
    return bogus();
  }
};

Tokenizer::Tokenizer(std::string_view input) : impl_(new Impl(input)) {}
Tokenizer::~Tokenizer() { delete impl_; }

void Tokenizer::next(Token& token) {
  Impl& s = *impl_;
  s.scratch.clear();
  for (;;) {
    bool emitted = false;
    switch (s.state) {
      case State::kData:
        emitted = s.run_data(token);
        break;
      case State::kRcdata:
        emitted = s.run_raw<true>(token);
        break;
      case State::kRawtext:
        emitted = s.run_raw<false>(token);
        break;
      case State::kScriptData:
        emitted = s.run_script(token);
        break;
      case State::kPlaintext:
        emitted = s.run_plaintext(token);
        break;
      case State::kCdataSection:
        emitted = s.run_cdata(token);
        break;
    }
    if (emitted) return;
  }
}

void Tokenizer::set_state(TokenizerState state) {
  switch (state) {
    case TokenizerState::kData:
      impl_->state = State::kData;
      break;
    case TokenizerState::kRcdata:
      impl_->state = State::kRcdata;
      break;
    case TokenizerState::kRawtext:
      impl_->state = State::kRawtext;
      break;
    case TokenizerState::kScriptData:
      impl_->state = State::kScriptData;
      break;
    case TokenizerState::kPlaintext:
      impl_->state = State::kPlaintext;
      break;
    case TokenizerState::kCdataSection:
      impl_->state = State::kCdataSection;
      break;
  }
}

void Tokenizer::set_last_start_tag(std::string_view name) {
  impl_->last_start_tag_copy.assign(name);
  impl_->last_start_tag = impl_->last_start_tag_copy;
}

void Tokenizer::set_allow_cdata(bool allow) { impl_->allow_cdata = allow; }

bool Tokenizer::end_unclosed_text_at(std::string_view fallback) {
  return impl_->end_unclosed_text_at(fallback);
}

size_t Tokenizer::error_count() const { return impl_->errors; }

}  // namespace klartext::html
