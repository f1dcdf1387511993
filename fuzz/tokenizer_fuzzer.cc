// libFuzzer target for html::Tokenizer on its own (fuzz/tokenizer.cmake): fuzzer-chosen state
// switches between tokens, and every token checked against the Token contract. Seeds:
// fuzz/seeds/tokenizer/. The tokenizer's spec conformance is tested in tests/html/.
//
// Input layout: byte 0 = k (k % 33 control bytes follow), then the control bytes, then the HTML.
// Before token i the control byte ctrl[i % k] picks what the tree builder could do:
// low 3 bits 0-3 nothing, 4 set_state, 5 set_allow_cdata, 6 set_last_start_tag(a known name),
// 7 set_last_start_tag(a few bytes of the input: any case, any byte).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "dom/node.h"
#include "html/token.h"
#include "html/tokenizer.h"

namespace {

using klartext::html::Token;
using klartext::html::TokenType;

void check(bool ok) {
  if (!ok) std::abort();
}

constexpr std::string_view kLastTags[] = {"script", "title",     "textarea", "style",
                                          "xmp",    "iframe",    "noembed",  "noframes",
                                          "",       "plaintext", "a",        "noscript"};

// Reads every byte of a view (so ASan sees a dangling one) and checks where it lives: wholly
// inside the input, or wholly outside it (the tokenizer's scratch), never straddling it.
size_t touch(std::string_view v, std::string_view input) {
  size_t sum = 0;
  for (char c : v) sum += static_cast<unsigned char>(c);
  if (!v.empty()) {
    const char* b = input.data();
    const char* e = b + input.size();
    bool inside = v.data() >= b && v.data() + v.size() <= e;
    bool outside = v.data() + v.size() <= b || v.data() >= e;
    check(inside || outside);
  }
  return sum;
}

bool has_upper(std::string_view s) {
  for (char c : s)
    if (c >= 'A' && c <= 'Z') return true;
  return false;
}

// Bytes that end a tag or attribute name (whitespace, '/', '>'); NUL must have become U+FFFD.
bool has_name_terminator(std::string_view s) {
  for (char c : s)
    if (c == '\t' || c == '\n' || c == '\f' || c == ' ' || c == '/' || c == '>' || c == '\0' ||
        c == '\r')
      return true;
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  size_t k = std::min<size_t>(data[0] % 33, size - 1);
  const uint8_t* ctrl = data + 1;
  std::string_view input(reinterpret_cast<const char*>(data + 1 + k), size - 1 - k);

  klartext::html::Tokenizer tok(input);
  Token t;
  size_t out_bytes = 0, sum = 0;
  // Every token but the last consumes input, so more tokens than this means a loop.
  const size_t max_tokens = 2 * input.size() + 16;
  size_t i = 0;
  for (;; ++i) {
    check(i <= max_tokens);
    if (k > 0) {
      uint8_t c = ctrl[i % k];
      switch (c & 7) {
        case 4:
          tok.set_state(static_cast<klartext::html::TokenizerState>((c >> 3) % 6));
          break;
        case 5:
          tok.set_allow_cdata((c & 8) != 0);
          break;
        case 6:
          tok.set_last_start_tag(kLastTags[(c >> 3) % std::size(kLastTags)]);
          break;
        case 7: {
          size_t from = std::min<size_t>(c >> 3, input.size());
          tok.set_last_start_tag(input.substr(from, (c >> 5) + 1));
          break;
        }
        default:
          break;
      }
    }
    tok.next(t);
    if (t.data_stable) {
      // Stable views point into the input itself.
      check(t.data.empty() || (t.data.data() >= input.data() &&
                               t.data.data() + t.data.size() <= input.data() + input.size()));
    }
    sum += touch(t.data, input) + touch(t.name, input) + touch(t.public_id, input) +
           touch(t.system_id, input);
    out_bytes += t.data.size() + t.name.size() + t.public_id.size() + t.system_id.size();
    switch (t.type) {
      case TokenType::kStartTag:
      case TokenType::kEndTag: {
        check(!t.name.empty());
        check(!has_upper(t.name) && !has_name_terminator(t.name));
        check(t.tag == klartext::dom::lookup_tag(t.name));
        for (size_t a = 0; a < t.attrs.size(); ++a) {
          const auto& at = t.attrs[a];
          check(!at.name.empty());
          check(!has_upper(at.name) && !has_name_terminator(at.name));
          // '=' can only start a name (the attribute name state ends at a later '=').
          check(at.name.find('=', 1) == std::string_view::npos);
          check(at.value.find('\0') == std::string_view::npos);
          // attrs_in_input promises views of the input, empty values as null views.
          if (t.attrs_in_input) {
            check(at.name.data() >= input.data() &&
                  at.name.data() + at.name.size() <= input.data() + input.size());
            check(at.value.empty()
                      ? at.value.data() == nullptr
                      : at.value.data() >= input.data() &&
                            at.value.data() + at.value.size() <= input.data() + input.size());
          }
          sum += touch(at.name, input) + touch(at.value, input);
          out_bytes += at.name.size() + at.value.size();
          // Duplicates are dropped, first one wins (pairwise only for small lists: cheap).
          if (t.attrs.size() <= 64)
            for (size_t b = 0; b < a; ++b) check(t.attrs[b].name != at.name);
        }
        break;
      }
      case TokenType::kCharacter:
        check(!t.data.empty());
        break;
      case TokenType::kComment:
        check(t.data.find('\0') == std::string_view::npos);
        break;
      case TokenType::kDoctype:
        check(!has_upper(t.name));
        check(t.name.find('\0') == std::string_view::npos);
        check(t.has_name || t.name.empty());
        check(t.has_public_id || t.public_id.empty());
        check(t.has_system_id || t.system_id.empty());
        break;
      case TokenType::kEof:
        break;
    }
    if (t.type == TokenType::kEof) break;
  }
  // Output is bounded by the input: a NUL (1 byte) becoming U+FFFD (3 bytes) is the largest
  // growth; character references never grow more than that.
  check(out_bytes <= 3 * input.size() + 16);
  // After the end, the end again.
  tok.next(t);
  check(t.type == TokenType::kEof);
  tok.next(t);
  check(t.type == TokenType::kEof);
  // Keep `sum` alive; a non-zero return value is reserved by libFuzzer.
  asm volatile("" : : "r"(sum));
  return 0;
}
