// Tests for src/html/tokenizer.cc: the html5lib tokenizer suite (every *.test file under
// KLARTEXT_DATA_DIR/html5lib-tests/tokenizer), plus zero-copy, state-switching and robustness.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "base/utf8.h"
#include "html/entities.h"
#include "html/tokenizer.h"
#include "support/tokenizer_widths.h"

namespace klartext::html {
namespace {

// A token in a comparable form: html5lib's JSON output list, one string per field.
using Flat = std::vector<std::string>;

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// doubleEscaped tests carry "\uXXXX" sequences (lone surrogates among them) that JSON cannot;
// they become UTF-8, with lone surrogates written as 3-byte sequences, which the tokenizer
// passes through untouched.
std::string unescape(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 5 < s.size() + 0 && s[i + 1] == 'u') {
      uint32_t cp = 0;
      bool ok = true;
      for (size_t k = 2; k < 6; ++k) {
        int h = hex_value(s[i + k]);
        if (h < 0) ok = false;
        cp = cp * 16 + static_cast<uint32_t>(h < 0 ? 0 : h);
      }
      if (ok) {
        i += 5;
        if (cp >= 0xD800 && cp < 0xDC00 && i + 6 < s.size() && s[i + 1] == '\\' &&
            s[i + 2] == 'u') {
          uint32_t lo = 0;
          bool lo_ok = true;
          for (size_t k = 3; k < 7; ++k) {
            int h = hex_value(s[i + k]);
            if (h < 0) lo_ok = false;
            lo = lo * 16 + static_cast<uint32_t>(h < 0 ? 0 : h);
          }
          if (lo_ok && lo >= 0xDC00 && lo < 0xE000) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            i += 6;
          }
        }
        base::append_utf8(out, cp);
        continue;
      }
    }
    out.push_back(s[i]);
  }
  return out;
}

std::string str(simdjson::dom::element e, bool double_escaped) {
  std::string_view v = e.get_string().value();
  return double_escaped ? unescape(v) : std::string(v);
}

// Flattens the expected output, merging adjacent character tokens as html5lib does.
std::vector<Flat> expected_tokens(simdjson::dom::array output, bool double_escaped) {
  std::vector<Flat> out;
  for (simdjson::dom::element tok : output) {
    simdjson::dom::array fields = tok.get_array().value();
    std::string type(fields.at(0).get_string().value());
    Flat f{type};
    if (type == "Character") {
      std::string data = str(fields.at(1), double_escaped);
      if (!out.empty() && out.back()[0] == "Character") {
        out.back()[1] += data;
        continue;
      }
      f.push_back(data);
    } else if (type == "Comment" || type == "EndTag") {
      f.push_back(str(fields.at(1), double_escaped));
    } else if (type == "StartTag") {
      f.push_back(str(fields.at(1), double_escaped));
      std::map<std::string, std::string> attrs;
      simdjson::dom::object object = fields.at(2).get_object().value();
      for (auto [key, value] : object) {
        std::string k(key);
        attrs[double_escaped ? unescape(k) : k] = str(value, double_escaped);
      }
      for (auto& [k, v] : attrs) f.push_back(k + "=" + v);
      bool self_closing = fields.size() > 3 && fields.at(3).get_bool().value();
      f.push_back(self_closing ? "/>" : ">");
    } else if (type == "DOCTYPE") {
      for (size_t i = 1; i <= 3; ++i) {
        simdjson::dom::element e = fields.at(i);
        f.push_back(e.is_null() ? std::string("<null>") : "'" + str(e, double_escaped));
      }
      f.push_back(fields.at(4).get_bool().value() ? "correct" : "quirks");
    }
    out.push_back(std::move(f));
  }
  return out;
}

struct RunResult {
  std::vector<Flat> tokens;
  size_t errors = 0;
};

RunResult tokenize(std::string_view input, TokenizerState state, std::string_view last_start_tag) {
  RunResult r;
  Tokenizer tokenizer(input);
  tokenizer.set_state(state);
  if (!last_start_tag.empty()) tokenizer.set_last_start_tag(last_start_tag);
  Token t;
  // Bound the loop so a tokenizer that stops advancing fails instead of hanging.
  for (size_t guard = 0; guard <= input.size() * 4 + 16; ++guard) {
    tokenizer.next(t);
    if (t.type == TokenType::kEof) break;
    switch (t.type) {
      case TokenType::kCharacter:
        if (!r.tokens.empty() && r.tokens.back()[0] == "Character") {
          r.tokens.back()[1].append(t.data);
        } else {
          r.tokens.push_back({"Character", std::string(t.data)});
        }
        break;
      case TokenType::kComment:
        r.tokens.push_back({"Comment", std::string(t.data)});
        break;
      case TokenType::kEndTag:
        r.tokens.push_back({"EndTag", std::string(t.name)});
        break;
      case TokenType::kStartTag: {
        Flat f{"StartTag", std::string(t.name)};
        std::map<std::string, std::string> attrs;
        for (const TokenAttribute& a : t.attrs)
          attrs.emplace(std::string(a.name), std::string(a.value));
        for (auto& [k, v] : attrs) f.push_back(k + "=" + v);
        f.push_back(t.self_closing ? "/>" : ">");
        r.tokens.push_back(std::move(f));
        break;
      }
      case TokenType::kDoctype:
        r.tokens.push_back({"DOCTYPE", t.has_name ? "'" + std::string(t.name) : "<null>",
                            t.has_public_id ? "'" + std::string(t.public_id) : "<null>",
                            t.has_system_id ? "'" + std::string(t.system_id) : "<null>",
                            t.force_quirks ? "quirks" : "correct"});
        break;
      case TokenType::kEof:
        break;
    }
  }
  r.errors = tokenizer.error_count();
  return r;
}

bool parse_state(std::string_view name, TokenizerState* state) {
  static const std::pair<std::string_view, TokenizerState> kStates[] = {
      {"Data state", TokenizerState::kData},
      {"PLAINTEXT state", TokenizerState::kPlaintext},
      {"RCDATA state", TokenizerState::kRcdata},
      {"RAWTEXT state", TokenizerState::kRawtext},
      {"Script data state", TokenizerState::kScriptData},
      {"CDATA section state", TokenizerState::kCdataSection},
  };
  for (auto& [n, s] : kStates) {
    if (n == name) {
      *state = s;
      return true;
    }
  }
  return false;
}

std::string show(const std::vector<Flat>& tokens) {
  std::string out;
  for (const Flat& f : tokens) {
    out += "[";
    for (size_t i = 0; i < f.size(); ++i) {
      if (i) out += " | ";
      out += f[i];
    }
    out += "] ";
  }
  return out;
}

// The html5lib suite with the tokenizer's current vector width; `label` names it in the output.
void run_html5lib_suite(const char* label) {
  namespace fs = std::filesystem;
  fs::path dir = fs::path(KLARTEXT_DATA_DIR) / "html5lib-tests" / "tokenizer";
  ASSERT_TRUE(fs::is_directory(dir)) << dir;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.path().extension() == ".test") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  ASSERT_FALSE(files.empty());

  size_t total = 0, passed = 0, error_count_matches = 0;
  int shown = 0;
  simdjson::dom::parser parser;
  for (const fs::path& file : files) {
    simdjson::dom::element doc;
    ASSERT_EQ(parser.load(file.string()).get(doc), simdjson::SUCCESS) << file;
    size_t file_total = 0, file_passed = 0;
    simdjson::dom::array tests;
    // xmlViolation.test uses "xmlViolationTests" for its XML-infoset variant; not ours.
    if (doc["tests"].get_array().get(tests) != simdjson::SUCCESS) continue;
    for (simdjson::dom::element test : tests) {
      std::string_view description = test["description"].get_string().value();
      bool double_escaped = false;
      if (test["doubleEscaped"].get_bool().get(double_escaped) != simdjson::SUCCESS)
        double_escaped = false;
      std::string input = str(test["input"].value(), double_escaped);
      std::string last_start_tag;
      std::string_view lst;
      if (test["lastStartTag"].get_string().get(lst) == simdjson::SUCCESS) last_start_tag = lst;
      std::vector<Flat> expected =
          expected_tokens(test["output"].get_array().value(), double_escaped);
      size_t expected_errors = 0;
      simdjson::dom::array errors;
      if (test["errors"].get_array().get(errors) == simdjson::SUCCESS)
        expected_errors = errors.size();

      std::vector<std::string_view> states;
      simdjson::dom::array initial;
      if (test["initialStates"].get_array().get(initial) == simdjson::SUCCESS) {
        for (simdjson::dom::element s : initial) states.push_back(s.get_string().value());
      } else {
        states.push_back("Data state");
      }
      for (std::string_view state_name : states) {
        TokenizerState state;
        ASSERT_TRUE(parse_state(state_name, &state)) << state_name;
        RunResult got = tokenize(input, state, last_start_tag);
        ++total;
        ++file_total;
        if (got.errors == expected_errors) ++error_count_matches;
        if (got.tokens == expected) {
          ++passed;
          ++file_passed;
        } else if (shown < 40) {
          ++shown;
          ADD_FAILURE() << file.filename().string() << ": " << description << " [" << state_name
                        << "]\n  input:    " << input << "\n  expected: " << show(expected)
                        << "\n  got:      " << show(got.tokens);
        }
      }
    }
    std::printf("%-6s %-28s %4zu/%4zu\n", label, (file.filename().string() + ":").c_str(),
                file_passed, file_total);
  }
  std::printf("%-6s %-28s %4zu/%4zu  (error counts equal in %zu)\n", label, "total:", passed, total,
              error_count_matches);
  EXPECT_EQ(passed, total) << label;
}

// Every vector width the tokenizer has (bytes only, SSE2, AVX2) passes the whole suite; widths
// this build or CPU lacks are reported and skipped.
TEST(TokenizerTest, Html5libSuite) {
  for_each_tokenizer_width([](const char* label) { run_html5lib_suite(label); });
}

// All widths give the same tokens and error counts on long, markup-dense random inputs, where
// runs cross 16- and 32-byte blocks and end anywhere in them (html5lib's inputs are short).
TEST(TokenizerTest, VectorWidthsAgree) {
  using namespace std::string_view_literals;
  std::mt19937 rng(2026);
  // Pieces of HTML, and runs of plain bytes of every length up to 70 (see below).
  // clang-format off
  const std::string_view kPieces[] = {
      "<", ">", "</", "/>", "=", "\"", "'", "&", "&amp;", "&quot;", "&lt", "&#x41;", "&#65;",
      "\r", "\r\n", "\n", "\t", " ", "\f", "\0"sv, "-", "--", "<!--", "-->", "<!", "<?", "]]>",
      "<![CDATA[", "<script>", "</script>", "<!DOCTYPE html>", "<a href=\"", "<div class='",
      "<P ID=x>", "<img src=", "<textarea>", "</textarea>", "<style>", "</style>", "<title>",
      "</title>", "<plaintext>", "<svg>", "\xC3\xA9", "A", "Z"};
  // clang-format on
  const TokenizerSimd kWidths[] = {TokenizerSimd::kScalar, TokenizerSimd::kSse2,
                                   TokenizerSimd::kAvx2};
  for (int round = 0; round < 4000; ++round) {
    std::string input;
    size_t pieces = 1 + rng() % 40;
    for (size_t i = 0; i < pieces; ++i) {
      unsigned kind = rng() % 12;
      if (kind < 4) {
        // A run of one byte (lower or upper case letter, digit, punctuation) of length 0..70:
        // long enough to span blocks, ending at every offset within one.
        input.append(rng() % 71, "abcxyzQ09.:;"[rng() % 12]);
      } else if (kind == 4) {
        input.push_back(static_cast<char>(rng() & 0xFF));  // any byte: controls, 0x80 and up
      } else {
        input += kPieces[rng() % (sizeof(kPieces) / sizeof(kPieces[0]))];
      }
    }
    TokenizerState state = round % 5 == 0   ? TokenizerState::kScriptData
                           : round % 7 == 0 ? TokenizerState::kRcdata
                                            : TokenizerState::kData;
    std::optional<RunResult> first;
    for (TokenizerSimd simd : kWidths) {
      if (!set_tokenizer_simd(simd)) continue;
      RunResult got = tokenize(input, state, "script");
      if (!first) {
        first = std::move(got);
        continue;
      }
      ASSERT_EQ(show(got.tokens), show(first->tokens))
          << "width " << static_cast<int>(simd) << ", round " << round << ", input: " << input;
      ASSERT_EQ(got.errors, first->errors)
          << "width " << static_cast<int>(simd) << ", round " << round;
    }
  }
  set_tokenizer_simd(TokenizerSimd::kBest);
}

TEST(TokenizerTest, EntityTableIsComplete) {
  EXPECT_EQ(named_entity_count(), 2231u);
  EntityMatch m = match_named_entity("notit;");
  EXPECT_EQ(m.length, 3u);
  EXPECT_EQ(m.value, "\xC2\xAC");
  m = match_named_entity("notin;x");
  EXPECT_EQ(m.length, 6u);
  m = match_named_entity("CounterClockwiseContourIntegral;");
  EXPECT_EQ(m.length, 32u);
  EXPECT_EQ(match_named_entity("xyzzy").length, 0u);
  EXPECT_EQ(match_named_entity("").length, 0u);
}

// Plain text, tag names and attribute values that need no decoding are views of the input.
TEST(TokenizerTest, UndecodedRunsPointIntoInput) {
  std::string input = "<div class=\"a b\" id=x>Hello, world<p>caf&eacute;</p>";
  Tokenizer tok(input);
  Token t;
  const char* lo = input.data();
  const char* hi = input.data() + input.size();
  auto inside = [&](std::string_view v) { return v.data() >= lo && v.data() + v.size() <= hi; };
  tok.next(t);
  ASSERT_EQ(t.type, TokenType::kStartTag);
  EXPECT_EQ(t.name, "div");
  EXPECT_EQ(t.tag, dom::Tag::kDiv);
  EXPECT_TRUE(inside(t.name));
  ASSERT_EQ(t.attrs.size(), 2u);
  EXPECT_EQ(t.attrs[0].value, "a b");
  EXPECT_TRUE(inside(t.attrs[0].value));
  EXPECT_TRUE(inside(t.attrs[1].value));
  EXPECT_TRUE(t.attrs_in_input);
  tok.next(t);
  ASSERT_EQ(t.type, TokenType::kCharacter);
  EXPECT_EQ(t.data, "Hello, world");
  EXPECT_TRUE(t.data_stable);
  EXPECT_TRUE(inside(t.data));
  tok.next(t);
  EXPECT_EQ(t.type, TokenType::kStartTag);
  tok.next(t);
  ASSERT_EQ(t.type, TokenType::kCharacter);
  EXPECT_EQ(t.data, "caf\xC3\xA9");
  EXPECT_FALSE(t.data_stable);
  tok.next(t);
  EXPECT_EQ(t.type, TokenType::kEndTag);
  tok.next(t);
  EXPECT_EQ(t.type, TokenType::kEof);
  tok.next(t);
  EXPECT_EQ(t.type, TokenType::kEof);
}

// attrs_in_input tells the tree builder it may copy the attributes as they are: false as soon
// as one name or value was rewritten, and empty values are null views either way.
TEST(TokenizerTest, AttrsInInputFlag) {
  Tokenizer tok("<a href=\"?a=1&amp;b=2\" title=\"\"><b id=x class=''><i CLASS=y>");
  Token t;
  tok.next(t);
  ASSERT_EQ(t.attrs.size(), 2u);
  EXPECT_EQ(t.attrs[0].value, "?a=1&b=2");
  EXPECT_FALSE(t.attrs_in_input);
  EXPECT_EQ(t.attrs[1].value.data(), nullptr);
  tok.next(t);
  ASSERT_EQ(t.attrs.size(), 2u);
  EXPECT_TRUE(t.attrs_in_input);
  EXPECT_EQ(t.attrs[1].value.data(), nullptr);
  tok.next(t);
  EXPECT_FALSE(t.attrs_in_input);
}

// "&amp;" and "&quot;" decode on a fast path: the same as the table gives, in attribute
// values and text, and the legacy "&quot" without its semicolon still goes to the table.
TEST(TokenizerTest, CommonReferencesDecode) {
  Tokenizer tok(
      "<div data-x=\"{&quot;a&quot;:&quot;b&amp;c&quot;}\" title='&quot&quotx'>"
      "&quot;q&quot; &amp;&quo");
  Token t;
  tok.next(t);
  ASSERT_EQ(t.attrs.size(), 2u);
  EXPECT_EQ(t.attrs[0].value, "{\"a\":\"b&c\"}");
  EXPECT_EQ(t.attrs[1].value, "\"&quotx");
  tok.next(t);
  EXPECT_EQ(t.type, TokenType::kCharacter);
  EXPECT_EQ(t.data, "\"q\" &&quo");
}

// Upper-case names are lower-cased; the id comes from dom::lookup_tag.
TEST(TokenizerTest, UpperCaseNamesAreLowered) {
  Tokenizer tok("<TABLE BORDER=1></Table>");
  Token t;
  tok.next(t);
  EXPECT_EQ(t.name, "table");
  EXPECT_EQ(t.tag, dom::Tag::kTable);
  ASSERT_EQ(t.attrs.size(), 1u);
  EXPECT_EQ(t.attrs[0].name, "border");
  EXPECT_FALSE(t.attrs_in_input);  // the lower-cased name was rewritten
  tok.next(t);
  EXPECT_EQ(t.type, TokenType::kEndTag);
  EXPECT_EQ(t.tag, dom::Tag::kTable);
}

// Tag ids agree with dom::lookup_tag for every known name, in any case, mixed with unknown
// names that compete for the same memo slots.
TEST(TokenizerTest, TagIdsMatchDomLookup) {
  std::string input;
  std::vector<std::string> names;
  for (size_t i = 1; i < static_cast<size_t>(dom::Tag::kCount); ++i) {
    std::string n(dom::tag_name(static_cast<dom::Tag>(i)));
    names.push_back(n);
    names.push_back(n + "x");
    std::string upper = n;
    for (char& c : upper) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
    names.push_back(upper);
  }
  names.push_back("averyveryverylongname");
  names.push_back("abcdefghijklmnop");  // 16 bytes: the longest the memo keys
  for (int round = 0; round < 2; ++round)
    for (const std::string& n : names) input += "<" + n + "></" + n + ">";
  Tokenizer tok(input);
  Token t;
  size_t i = 0;
  for (tok.next(t); t.type != TokenType::kEof; tok.next(t), ++i) {
    std::string lower(t.name);
    EXPECT_EQ(t.tag, dom::lookup_tag(lower)) << t.name;
    EXPECT_EQ(lower, [&] {
      std::string n = names[(i / 2) % names.size()];
      for (char& c : n) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
      return n;
    }());
  }
  EXPECT_EQ(i, names.size() * 4);
}

// Control bytes other than whitespace are ordinary name characters, also where the names are
// scanned 16 bytes at a time; upper case is lowered past the first 16 bytes too.
TEST(TokenizerTest, NamesWithControlBytesAndLongNames) {
  std::string input =
      "<a\x01b\x0B\x0E c\x02D=1 averyLongAttributeNameBeyondSixteen=2>"
      "<customElementNameIsLONG></customElementNameIsLONG >" +
      std::string(32, ' ');
  Tokenizer tok(input);
  Token t;
  tok.next(t);
  ASSERT_EQ(t.type, TokenType::kStartTag);
  EXPECT_EQ(t.name, "a\x01b\x0B\x0E");
  ASSERT_EQ(t.attrs.size(), 2u);
  EXPECT_EQ(t.attrs[0].name, "c\x02d");
  EXPECT_EQ(t.attrs[0].value, "1");
  EXPECT_EQ(t.attrs[1].name, "averylongattributenamebeyondsixteen");
  tok.next(t);
  EXPECT_EQ(t.name, "customelementnameislong");
  tok.next(t);
  EXPECT_EQ(t.type, TokenType::kEndTag);
  EXPECT_EQ(t.name, "customelementnameislong");
}

// The tree builder's use: switch to script data after <script>; the whole script is one run.
TEST(TokenizerTest, ScriptIsOneRunAfterSetState) {
  std::string input = "<script>if (a < b && c) { x = '</div>'; }</script>after";
  Tokenizer tok(input);
  Token t;
  tok.next(t);
  ASSERT_EQ(t.type, TokenType::kStartTag);
  tok.set_state(TokenizerState::kScriptData);
  tok.next(t);
  ASSERT_EQ(t.type, TokenType::kCharacter);
  EXPECT_EQ(t.data, "if (a < b && c) { x = '</div>'; }");
  EXPECT_TRUE(t.data_stable);
  tok.next(t);
  EXPECT_EQ(t.type, TokenType::kEndTag);
  EXPECT_EQ(t.name, "script");
  tok.next(t);
  EXPECT_EQ(t.data, "after");
}

// The tokenizer remembers its own last start tag, so RCDATA ends without set_last_start_tag.
TEST(TokenizerTest, LastStartTagIsTrackedByTheTokenizer) {
  Tokenizer tok("<title>a &amp; </b></TITLE >");
  Token t;
  tok.next(t);
  tok.set_state(TokenizerState::kRcdata);
  tok.next(t);
  ASSERT_EQ(t.type, TokenType::kCharacter);
  EXPECT_EQ(t.data, "a & </b>");
  tok.next(t);
  EXPECT_EQ(t.type, TokenType::kEndTag);
  EXPECT_EQ(t.name, "title");
}

// end_unclosed_text_at: a text element with no end tag anywhere ahead ends at the fallback
// end tag (an end tag for it is emitted there); one with an end tag ahead is left alone.
TEST(TokenizerTest, UnclosedTextEndsAtTheFallbackEndTag) {
  Tokenizer tok("<iframe src=x /><p>a</p></NOSCRIPT >after");
  Token t;
  tok.next(t);
  ASSERT_EQ(t.type, TokenType::kStartTag);
  tok.set_state(TokenizerState::kRawtext);
  EXPECT_TRUE(tok.end_unclosed_text_at("noscript"));
  tok.next(t);
  ASSERT_EQ(t.type, TokenType::kCharacter);
  EXPECT_EQ(t.data, "<p>a</p>");
  tok.next(t);
  ASSERT_EQ(t.type, TokenType::kEndTag);
  EXPECT_EQ(t.name, "iframe");
  EXPECT_EQ(t.tag, dom::Tag::kIframe);
  tok.next(t);
  ASSERT_EQ(t.type, TokenType::kEndTag);
  EXPECT_EQ(t.name, "noscript");
  tok.next(t);
  EXPECT_EQ(t.data, "after");

  // The element's own end tag further on: the standard reading.
  Tokenizer closed("<iframe>a</noscript>b</iframe>");
  closed.next(t);
  closed.set_state(TokenizerState::kRawtext);
  EXPECT_FALSE(closed.end_unclosed_text_at("noscript"));
  closed.next(t);
  EXPECT_EQ(t.data, "a</noscript>b");

  // No fallback end tag either: the text runs to the end as before.
  Tokenizer open("<xmp>a</noscrip>b");
  open.next(t);
  open.set_state(TokenizerState::kRawtext);
  EXPECT_FALSE(open.end_unclosed_text_at("noscript"));
  open.next(t);
  EXPECT_EQ(t.data, "a</noscrip>b");

  // Text ending right at the fallback: the end tag comes first, with no empty run.
  Tokenizer empty("<textarea></noscript>");
  empty.next(t);
  empty.set_state(TokenizerState::kRcdata);
  EXPECT_TRUE(empty.end_unclosed_text_at("noscript"));
  empty.next(t);
  ASSERT_EQ(t.type, TokenType::kEndTag);
  EXPECT_EQ(t.name, "textarea");
}

// Many unclosed elements of one name: each is cut at its own fallback (the search for the
// missing end tag is remembered, not repeated).
TEST(TokenizerTest, ManyUnclosedTextElements) {
  std::string input;
  for (int i = 0; i < 3; ++i) input += "<iframe/>x" + std::to_string(i) + "</noscript>";
  Tokenizer tok(input);
  Token t;
  for (int i = 0; i < 3; ++i) {
    tok.next(t);
    ASSERT_EQ(t.type, TokenType::kStartTag);
    tok.set_state(TokenizerState::kRawtext);
    EXPECT_TRUE(tok.end_unclosed_text_at("noscript"));
    tok.next(t);
    EXPECT_EQ(t.data, "x" + std::to_string(i));
    tok.next(t);
    EXPECT_EQ(t.name, "iframe");
    tok.next(t);
    EXPECT_EQ(t.name, "noscript");
  }
  tok.next(t);
  EXPECT_EQ(t.type, TokenType::kEof);
}

// A NUL in the data state arrives as its own one-byte run.
TEST(TokenizerTest, NulInDataIsItsOwnRun) {
  std::string input("ab\0cd", 5);
  Tokenizer tok(input);
  Token t;
  tok.next(t);
  EXPECT_EQ(t.data, "ab");
  tok.next(t);
  EXPECT_EQ(t.data, std::string_view("\0", 1));
  tok.next(t);
  EXPECT_EQ(t.data, "cd");
}

TEST(TokenizerTest, CdataOnlyWhenAllowed) {
  Token t;
  {
    Tokenizer tok("<![CDATA[x<y]]>z");
    tok.next(t);
    EXPECT_EQ(t.type, TokenType::kComment);
    EXPECT_EQ(t.data, "[CDATA[x<y]]");
  }
  {
    Tokenizer tok("<![CDATA[x<y]]>z");
    tok.set_allow_cdata(true);
    tok.next(t);
    EXPECT_EQ(t.type, TokenType::kCharacter);
    EXPECT_EQ(t.data, "x<y");
    tok.next(t);
    EXPECT_EQ(t.data, "z");
  }
}

// Many attributes take the hashed duplicate check; the first of each name wins.
TEST(TokenizerTest, DuplicateAttributesAmongMany) {
  std::string input = "<a";
  for (int i = 0; i < 100; ++i) input += " n" + std::to_string(i % 40) + "=" + std::to_string(i);
  input += ">";
  Tokenizer tok(input);
  Token t;
  tok.next(t);
  ASSERT_EQ(t.attrs.size(), 40u);
  EXPECT_EQ(t.attrs[5].name, "n5");
  EXPECT_EQ(t.attrs[5].value, "5");
  EXPECT_GT(tok.error_count(), 0u);
}

// Decoded values larger than a scratch block: earlier attributes' views must stay valid when
// later ones move to a new block.
TEST(TokenizerTest, LargeDecodedAttributesStayValid) {
  std::string input = "<DIV";
  std::vector<std::string> expected;
  for (int i = 0; i < 4; ++i) {
    std::string raw, decoded;
    for (int k = 0; k < 700 * (i + 1); ++k) {
      raw += "x&amp;";
      decoded += "x&";
    }
    input += " A" + std::to_string(i) + "=\"" + raw + "\"";
    expected.push_back(decoded);
  }
  input += ">";
  Tokenizer tok(input);
  Token t;
  tok.next(t);
  EXPECT_EQ(t.name, "div");
  ASSERT_EQ(t.attrs.size(), 4u);
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(t.attrs[i].name, "a" + std::to_string(i));
    EXPECT_EQ(t.attrs[i].value, expected[i]) << i;
  }
}

// Thousands of distinct attributes, twice, on separate tags: all kept, in order.
TEST(TokenizerTest, ManyDistinctAttributes) {
  std::string one = "<p";
  for (int i = 0; i < 3000; ++i) one += " a" + std::to_string(i);
  one += " a7=x>";
  std::string input = one + one;
  Tokenizer tok(input);
  Token t;
  for (int round = 0; round < 2; ++round) {
    tok.next(t);
    ASSERT_EQ(t.attrs.size(), 3000u);
    EXPECT_EQ(t.attrs[2999].name, "a2999");
    EXPECT_EQ(t.attrs[7].value, "");
  }
}

// Around the switch from the pairwise to the hashed check (after 16 names).
TEST(TokenizerTest, DuplicateAttributesAtTheHashSwitch) {
  for (int dup_at = 14; dup_at <= 19; ++dup_at) {
    std::string input = "<a";
    for (int i = 0; i < 20; ++i) input += " n" + std::to_string(i == dup_at ? 3 : i) + "=v";
    input += " N3=w N19=x>";
    Tokenizer tok(input);
    Token t;
    tok.next(t);
    std::vector<std::string> names;
    for (const TokenAttribute& a : t.attrs) names.emplace_back(a.name);
    std::vector<std::string> expected;
    for (int i = 0; i < 20; ++i)
      if (i != dup_at) expected.push_back("n" + std::to_string(i));
    if (dup_at == 19) expected.push_back("n19");
    EXPECT_EQ(names, expected) << dup_at;
    for (const TokenAttribute& a : t.attrs)
      EXPECT_EQ(a.value, a.name == "n19" && dup_at == 19 ? "x" : "v");
  }
}

// Arbitrary bytes in every state: the tokenizer must terminate and stay within the input
// (run under ASan in CI).
TEST(TokenizerTest, RandomBytesTerminate) {
  std::mt19937 rng(12345);
  const char alphabet[] = "<>/!-=&#;'\"\r\n\t ?[]CDATAscriptSCRIPTxX09aZ\0\xC3\xA9";
  const TokenizerState states[] = {TokenizerState::kData,      TokenizerState::kRcdata,
                                   TokenizerState::kRawtext,   TokenizerState::kScriptData,
                                   TokenizerState::kPlaintext, TokenizerState::kCdataSection};
  for (int round = 0; round < 3000; ++round) {
    size_t len = rng() % 64;
    std::string input;
    for (size_t i = 0; i < len; ++i)
      input.push_back(round % 2 ? static_cast<char>(rng() & 0xFF)
                                : alphabet[rng() % (sizeof(alphabet) - 1)]);
    Tokenizer tok(input);
    tok.set_state(states[round % 6]);
    tok.set_last_start_tag("script");
    tok.set_allow_cdata(round % 3 == 0);
    Token t;
    size_t n = 0;
    do {
      tok.next(t);
      ASSERT_LT(++n, input.size() * 4 + 16) << "no progress on round " << round;
    } while (t.type != TokenType::kEof);
  }
}

}  // namespace
}  // namespace klartext::html
