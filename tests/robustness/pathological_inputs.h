// Generators for pathological web pages (deep nesting, huge nodes, garbage, legacy encodings),
// shared by tests/robustness/robustness_test.cc and bench/pathological_bench.cc.
#ifndef KLARTEXT_TESTS_ROBUSTNESS_PATHOLOGICAL_INPUTS_H_
#define KLARTEXT_TESTS_ROBUSTNESS_PATHOLOGICAL_INPUTS_H_

#include <iconv.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace klartext::robustness {

inline std::string repeat(std::string_view s, size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

// A page shell around `body` (already HTML).
inline std::string page(std::string_view body, std::string_view head = "<title>T</title>") {
  std::string out = "<!DOCTYPE html><html><head>";
  out += head;
  out += "</head><body>";
  out += body;
  out += "</body></html>";
  return out;
}

// Deterministic bytes: mt19937_64's output sequence is fixed by the standard (unlike the
// distributions), so the same seed gives the same garbage on every platform.
inline std::string random_bytes(size_t n, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::string out(n, '\0');
  for (size_t i = 0; i < n; i += 8) {
    uint64_t v = rng();
    for (size_t k = 0; k < 8 && i + k < n; ++k) out[i + k] = char(v >> (8 * k));
  }
  return out;
}

// A sentence of plain English prose, numbered so repeated paragraphs stay distinct (extraction
// drops repeated blocks as boilerplate).
inline std::string prose_sentence(size_t i) {
  return "Paragraph " + std::to_string(i) +
         " tells how the river valley cycle path was planned, built and opened to the public, "
         "with the council, the engineers and the residents who walked it first.";
}

// About `bytes` of article made of many numbered paragraphs.
inline std::string many_paragraphs_page(size_t bytes) {
  std::string body = "<article><h1>A very long article</h1>";
  body.reserve(bytes + 256);
  for (size_t i = 0; body.size() < bytes; ++i) {
    body += "<p>";
    body += prose_sentence(i);
    body += "</p>\n";
  }
  body += "</article>";
  return page(body);
}

// One text node of about `bytes`: words separated by spaces, no markup at all inside. The
// returned page's text node starts with "Giant-start" and ends with "giant-end".
inline std::string giant_text_node_page(size_t bytes) {
  std::string text = "Giant-start ";
  text.reserve(bytes + 64);
  const std::string_view words[] = {"alpha ", "beta ", "gamma ", "delta ", "epsilon. "};
  for (size_t i = 0; text.size() < bytes; ++i) text += words[i % 5];
  text += "giant-end";
  return page("<article><p>" + text + "</p></article>");
}

// `n` nested open tags (never closed) with a text at the bottom.
inline std::string nested_page(std::string_view open_tag, size_t n, std::string_view inner) {
  std::string body = repeat(open_tag, n);
  body += inner;
  return page(body);
}

// Adoption agency stress: formatting elements misnested with blocks, n times.
inline std::string misnested_formatting_page(size_t n) {
  std::string body;
  body.reserve(n * 40);
  for (size_t i = 0; i < n; ++i) body += "<b><i><div>misnested text " + std::to_string(i) + " ";
  for (size_t i = 0; i < n; ++i) body += "</b></i>";
  body += "<p>after the misnesting</p>";
  return page(body);
}

// Formatting elements with distinct attributes (Noah's Ark clause cannot merge them), followed
// by paragraphs that make the tree builder reconstruct them again and again.
inline std::string distinct_formatting_page(size_t n, size_t paragraphs) {
  std::string body = "<p>";
  body.reserve(n * 16 + paragraphs * 32);
  for (size_t i = 0; i < n; ++i) body += "<b id=b" + std::to_string(i) + ">";
  for (size_t i = 0; i < paragraphs; ++i) body += "</p><p>reconstructed " + std::to_string(i);
  return page(body);
}

// Foster parenting stress: content that is not allowed in a table, n times, inside one table.
inline std::string foster_parenting_page(size_t n) {
  std::string body = "<table>";
  body.reserve(n * 24);
  for (size_t i = 0; i < n; ++i) body += "<div>fostered " + std::to_string(i) + " ";
  body += "</table><p>after the table</p>";
  return page(body);
}

// n sibling elements, each with a short text.
inline std::string siblings_page(size_t n) {
  std::string body = "<div>";
  body.reserve(n * 16);
  for (size_t i = 0; i < n; ++i) body += "<span>s</span>";
  body += "</div><p>after the siblings</p>";
  return page(body);
}

// One element with n distinct attributes (and a few duplicates, which must be dropped).
inline std::string many_attributes_page(size_t n) {
  std::string tag = "<div";
  tag.reserve(n * 16);
  for (size_t i = 0; i < n; ++i) tag += " data-a" + std::to_string(i) + "=v";
  tag += " data-a0=dup data-a1=dup>text inside the attribute monster</div>";
  return page("<p>" + tag + "</p>");
}

// Attribute values of `bytes` on a link, an image, a meta description and a JSON-LD-looking
// script, the places where the metadata and Markdown stages read attribute values.
inline std::string huge_attribute_page(size_t bytes) {
  std::string big(bytes, 'x');
  std::string head = "<title>Huge attributes</title><meta name=\"description\" content=\"" + big +
                     "\"><meta property=\"og:image\" content=\"https://e.org/" + big + "\">";
  std::string body = "<article><p>Before the huge link <a href=\"https://e.org/" + big + "\">" +
                     "linked words</a> and an image <img alt=\"" + big + "\" src=\"/" + big +
                     "\"> and after it.</p></article>";
  return page(body, head);
}

inline std::string frameset_page() {
  return "<!DOCTYPE html PUBLIC \"-//W3C//DTD HTML 4.01 Frameset//EN\"><html><head><title>"
         "Frames</title></head><frameset cols=\"25%,75%\"><frame src=\"menu.html\"><frameset "
         "rows=\"50%,50%\"><frame src=\"a.html\"><frame src=\"b.html\"></frameset><noframes>"
         "<body><p>This page uses frames, which your browser does not show.</p></body>"
         "</noframes></frameset></html>";
}

inline std::string noscript_template_page() {
  return page(
      "<noscript><p>Please enable JavaScript to read the story about the river valley cycle "
      "path.</p></noscript><template><article><p>Template content is inert and never "
      "shown.</p></article></template><noscript><img src=x></noscript>");
}

// n nested tables, each cell holding the next table.
inline std::string nested_tables_page(size_t n) {
  return nested_page("<table><tr><td>", n, "innermost cell");
}

// n nested lists, alternating ul and ol.
inline std::string nested_lists_page(size_t n) {
  std::string body;
  body.reserve(n * 16);
  for (size_t i = 0; i < n; ++i) body += (i % 2) ? "<ol><li>item " : "<ul><li>item ";
  body += "innermost item";
  return page(body);
}

// UTF-8 to another encoding with glibc's iconv (a test helper, not the decoder under test).
// Returns "" when the text cannot be represented.
inline std::string iconv_from_utf8(std::string_view utf8, const char* to) {
  iconv_t cd = iconv_open(to, "UTF-8");
  if (cd == iconv_t(-1)) return {};
  std::string out(utf8.size() * 4 + 16, '\0');
  char* in_p = const_cast<char*>(utf8.data());
  size_t in_left = utf8.size();
  char* out_p = out.data();
  size_t out_left = out.size();
  size_t r = iconv(cd, &in_p, &in_left, &out_p, &out_left);
  iconv_close(cd);
  if (r == size_t(-1)) return {};
  out.resize(out.size() - out_left);
  return out;
}

// Natural text per legacy encoding: the detector needs real language, not random characters.
struct LegacySample {
  const char* encoding;  // WHATWG canonical name klartext reports
  const char* iconv_name;
  const char* lang;
  const char* text;  // UTF-8; the page repeats it in several paragraphs
};

inline const std::vector<LegacySample>& legacy_samples() {
  static const std::vector<LegacySample> samples = {
      {"Shift_JIS", "SHIFT_JIS", "ja",
       "吾輩は猫である。名前はまだ無い。どこで生れたかとんと見当がつかぬ。何でも薄暗いじめじめ"
       "した所でニャーニャー泣いていた事だけは記憶している。吾輩はここで始めて人間というものを"
       "見た。"},
      {"GBK", "GBK", "zh",
       "北京是中华人民共和国的首都，是全国的政治中心、文化中心、国际交往中心和科技创新中心。"
       "这座城市历史悠久，有三千多年的建城史和八百多年的建都史，拥有众多的名胜古迹和人文景观。"},
      {"EUC-KR", "EUC-KR", "ko",
       "대한민국은 동아시아의 한반도 남부에 위치한 민주 공화국이다. 수도는 서울특별시이며, "
       "국어는 한국어이다. 사계절이 뚜렷하고 산이 많은 지형을 가지고 있으며, 많은 사람들이 "
       "도시에 살고 있다."},
      {"windows-1251", "CP1251", "ru",
       "Москва — столица России, город федерального значения, административный центр "
       "Центрального федерального округа и самый крупный по численности населения город "
       "страны. Город расположен на реке Москве в центре Восточно-Европейской равнины."},
  };
  return samples;
}

// A page in a legacy encoding: `meta_label` goes into <meta charset> (empty for none).
inline std::string legacy_page(const LegacySample& s, std::string_view meta_label) {
  std::string head;
  if (!meta_label.empty()) head = "<meta charset=\"" + std::string(meta_label) + "\">";
  head += "<title>Legacy</title>";
  std::string body = "<article>";
  for (int i = 0; i < 4; ++i) body += "<p>" + std::string(s.text) + "</p>";
  body += "</article>";
  return iconv_from_utf8(page(body, head), s.iconv_name);
}

// The same page in UTF-16 (little or big endian), with or without a byte order mark. Without a
// BOM and without a label nothing says UTF-16, so the result may be mojibake, but never a crash.
inline std::string utf16_page(bool little_endian, bool bom) {
  std::string html = page(
      "<article><p>Gr\u00fc\u00dfe aus K\u00f6ln, \u65e5\u672c\u8a9e und "
      "\u0420\u0443\u0441\u0441\u043a\u0438\u0439: a page in UTF-16 "
      "with enough words to be an article.</p></article>");
  std::string out = bom ? (little_endian ? "\xff\xfe" : "\xfe\xff") : "";
  return out + iconv_from_utf8(html, little_endian ? "UTF-16LE" : "UTF-16BE");
}

// Prose with malformed UTF-8 between every few characters: lone continuation bytes, truncated
// sequences, overlong forms, UTF-16 surrogates, code points above U+10FFFF, 0xFE/0xFF.
inline std::string invalid_utf8_page(size_t paragraphs) {
  static const std::string_view bad[] = {"\x80",         "\xbf",         "\xc3",
                                         "\xe2\x82",     "\xf0\x9f\x98", "\xc0\xaf",
                                         "\xe0\x80\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80",
                                         "\xfe",         "\xff",         "\xf8\x88\x80\x80\x80"};
  std::string body = "<article>";
  for (size_t i = 0; i < paragraphs; ++i) {
    std::string s = prose_sentence(i);
    body += "<p>";
    for (size_t k = 0; k < s.size(); ++k) {
      body += s[k];
      if (k % 7 == 3) body += bad[(i + k) % std::size(bad)];
    }
    body += "</p>";
  }
  body += "</article>";
  return page(body,
              "<meta charset=\"utf-8\"><title>Gr\xfc\xdf"
              "e \xc3</title>");
}

// windows-1251 bytes under a <meta charset="utf-8"> that is wrong.
inline std::string wrong_meta_page() {
  const auto& s = legacy_samples()[3];
  std::string body = "<article>";
  for (int i = 0; i < 4; ++i) body += "<p>" + std::string(s.text) + "</p>";
  body += "</article>";
  return iconv_from_utf8(page(body, "<meta charset=\"utf-8\"><title>Legacy</title>"), "CP1251");
}

// A named, lazily generated input: the bench runs them all, one at a time.
struct NamedInput {
  std::string name;
  std::function<std::string()> make;
};

// Every pathological input at full size divided by `scale` (1 = the sizes the project promises
// to handle: 50 MB pages, 100,000-deep nesting, 1,000,000 siblings).
inline std::vector<NamedInput> pathological_inputs(size_t scale = 1) {
  const size_t mb50 = (size_t(50) << 20) / scale, k100 = 100000 / scale, m1 = 1000000 / scale;
  std::vector<NamedInput> v;
  v.push_back({"empty", [] { return std::string(); }});
  v.push_back({"one byte '<'", [] { return std::string("<"); }});
  v.push_back({"1 MB random bytes", [=] { return random_bytes((size_t(1) << 20) / scale, 1); }});
  // Beyond the 100 ms budget's input cap (6.25 MiB), and growing by a third when decoded as
  // windows-1252: the decoded-text cap's case.
  v.push_back({"7 MB random bytes", [=] { return random_bytes((size_t(7) << 20) / scale, 2); }});
  v.push_back({"50 MB of paragraphs", [=] { return many_paragraphs_page(mb50); }});
  v.push_back({"50 MB text node", [=] { return giant_text_node_page(mb50); }});
  v.push_back({"100k nested div", [=] { return nested_page("<div>", k100, "deep"); }});
  v.push_back({"100k nested b", [=] { return nested_page("<b>", k100, "deep"); }});
  v.push_back({"100k nested a", [=] { return nested_page("<a href=x>", k100, "deep"); }});
  v.push_back({"100k nested table", [=] { return nested_page("<table>", k100, "deep"); }});
  v.push_back({"100k misnested b/i/div", [=] { return misnested_formatting_page(k100); }});
  // 512 is the tree builder's cap on the formatting list: every </p><p> clones all of them.
  v.push_back(
      {"512 distinct b x 20k p", [=] { return distinct_formatting_page(512, 20000 / scale); }});
  v.push_back({"100k foster-parented div", [=] { return foster_parenting_page(k100); }});
  v.push_back({"100k nested tables", [=] { return nested_tables_page(k100); }});
  v.push_back({"100k nested lists", [=] { return nested_lists_page(k100); }});
  v.push_back({"1M siblings", [=] { return siblings_page(m1); }});
  v.push_back({"100k attributes", [=] { return many_attributes_page(k100); }});
  v.push_back({"10 MB attribute values", [=] { return huge_attribute_page((10 << 20) / scale); }});
  v.push_back({"unclosed comment", [=] { return "<p>a<!--" + repeat("x", mb50 / 10); }});
  v.push_back({"unclosed script", [=] { return "<p>a<script>" + repeat("x<", mb50 / 10); }});
  v.push_back({"unclosed CDATA", [=] { return "<p>a<svg><![CDATA[" + repeat("x]", mb50 / 10); }});
  v.push_back({"frameset", [] { return frameset_page(); }});
  v.push_back({"noscript/template only", [] { return noscript_template_page(); }});
  v.push_back(
      {"NUL bytes", [=] { return page(repeat(std::string("<p>a\0b</p><\0>", 14), k100)); }});
  v.push_back({"UTF-16LE with BOM", [] { return utf16_page(true, true); }});
  v.push_back({"UTF-16BE with BOM", [] { return utf16_page(false, true); }});
  v.push_back({"UTF-16LE without BOM", [] { return utf16_page(true, false); }});
  v.push_back({"invalid UTF-8", [=] { return invalid_utf8_page(k100 / 10); }});
  v.push_back({"wrong meta charset", [] { return wrong_meta_page(); }});
  for (const auto& s : legacy_samples()) {
    v.push_back(
        {std::string(s.encoding) + " labelled", [&s] { return legacy_page(s, s.encoding); }});
    v.push_back({std::string(s.encoding) + " unlabelled", [&s] { return legacy_page(s, ""); }});
  }
  return v;
}

}  // namespace klartext::robustness

#endif  // KLARTEXT_TESTS_ROBUSTNESS_PATHOLOGICAL_INPUTS_H_
