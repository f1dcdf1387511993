// Benchmark dataset loaders. Tested in tests/eval/dataset_test.cc.
#include "eval/dataset.h"

#include <simdjson.h>

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "base/file.h"
#include "base/utf8.h"

namespace klartext::eval {

namespace fs = std::filesystem;

namespace {

// Largest gold file we read: the biggest (scrapinghub ground-truth.json) is about 2 MB.
constexpr size_t kMaxGoldBytes = size_t(64) << 20;

template <typename Element>
std::string_view get_string(Element e, std::string_view key) {
  std::string_view s;
  if (e[key].get(s) != simdjson::SUCCESS) return {};
  return s;
}

template <typename Element>
std::vector<std::string> get_strings(Element e, std::string_view key) {
  std::vector<std::string> out;
  simdjson::dom::array arr;
  if (e[key].get(arr) != simdjson::SUCCESS) return out;
  for (auto item : arr) {
    std::string_view s;
    if (item.get(s) == simdjson::SUCCESS) out.emplace_back(s);
  }
  return out;
}

Result<simdjson::dom::element> parse_json(simdjson::dom::parser& parser, const std::string& path,
                                          std::string& storage) {
  auto data = base::read_file(path, kMaxGoldBytes);
  if (!data.ok()) return data.status();
  storage = std::move(*data);
  simdjson::dom::element root;
  auto err = parser.parse(storage).get(root);
  if (err) return corrupt(path + ": " + simdjson::error_message(err));
  return root;
}

// Trimmed file content, or empty when missing or the dataset's "UNKNOWN" placeholder.
std::string read_field_file(const fs::path& p) {
  auto data = base::read_file(p.string(), kMaxGoldBytes);
  if (!data.ok()) return {};
  std::string s = std::move(*data);
  auto not_space = [](unsigned char c) { return !std::isspace(c); };
  s.erase(s.begin(), std::find_if(s.begin(), s.end(), not_space));
  s.erase(std::find_if(s.rbegin(), s.rend(), not_space).base(), s.end());
  if (s == "UNKNOWN") return {};
  return s;
}

Result<std::vector<GoldPage>> load_scrapinghub(const fs::path& dir) {
  simdjson::dom::parser parser;
  std::string storage;
  auto root = parse_json(parser, (dir / "ground-truth.json").string(), storage);
  if (!root.ok()) return root.status();
  simdjson::dom::object obj;
  if (root->get(obj)) return corrupt("scrapinghub ground-truth.json is not an object");
  std::vector<GoldPage> pages;
  for (auto field : obj) {
    GoldPage p;
    p.id = std::string(field.key);
    p.html_path = (dir / "html" / (p.id + ".html.gz")).string();
    p.url = get_string(field.value, "url");
    p.text = get_string(field.value, "articleBody");
    pages.push_back(std::move(p));
  }
  return pages;
}

Result<std::vector<GoldPage>> load_wcxb(const fs::path& dir) {
  std::vector<GoldPage> pages;
  std::error_code ec;
  simdjson::dom::parser parser;
  std::string storage;
  for (const auto& entry : fs::directory_iterator(dir / "ground-truth", ec)) {
    if (entry.path().extension() != ".json") continue;
    auto root = parse_json(parser, entry.path().string(), storage);
    if (!root.ok()) return root.status();
    simdjson::dom::element gt;
    if ((*root)["ground_truth"].get(gt)) continue;  // the WCXB script skips such files too
    GoldPage p;
    p.id = entry.path().stem().string();
    p.html_path = (dir / "html" / (p.id + ".html.gz")).string();
    p.url = get_string(*root, "url");
    p.text = get_string(gt, "main_content");
    p.title = get_string(gt, "title");
    p.author = get_string(gt, "author");
    p.date = get_string(gt, "publish_date");
    p.with = get_strings(gt, "with");
    p.without = get_strings(gt, "without");
    // Page type as the WCXB script reads it: default article, "category" means collection.
    std::string_view type = get_string((*root)["_internal"]["page_type"], "primary");
    if (type.empty()) type = get_string((*root)["_internal"], "page_type");
    p.page_type = type.empty() ? "article" : type == "category" ? "collection" : std::string(type);
    pages.push_back(std::move(p));
  }
  if (ec) return io_error("cannot list " + (dir / "ground-truth").string() + ": " + ec.message());
  return pages;
}

Result<std::vector<GoldPage>> load_chinese(const fs::path& dir) {
  std::vector<GoldPage> pages;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir / "original", ec)) {
    if (entry.path().extension() != ".html") continue;
    GoldPage p;
    p.id = entry.path().stem().string();
    p.html_path = entry.path().string();
    auto text = base::read_file((dir / "cleaned" / (p.id + ".txt")).string(), kMaxGoldBytes);
    if (!text.ok()) return text.status();
    p.text = std::move(*text);
    p.author = read_field_file(dir / "author" / (p.id + ".txt"));
    p.date = read_field_file(dir / "date" / (p.id + ".txt"));
    pages.push_back(std::move(p));
  }
  if (ec) return io_error("cannot list " + (dir / "original").string() + ": " + ec.message());
  return pages;
}

Result<std::vector<GoldPage>> load_readability(const fs::path& dir) {
  std::vector<GoldPage> pages;
  std::error_code ec;
  simdjson::dom::parser parser;
  std::string storage;
  for (const auto& entry : fs::directory_iterator(dir / "pages", ec)) {
    if (!entry.is_directory()) continue;
    GoldPage p;
    p.id = entry.path().filename().string();
    p.html_path = (entry.path() / "source.html").string();
    // The address Readability's own test harness gives every case.
    p.url = "http://fakehost/test/page.html";
    auto expected = base::read_file((entry.path() / "expected.html").string(), kMaxGoldBytes);
    if (!expected.ok()) return expected.status();
    p.text = html_fragment_text(*expected);
    auto meta = parse_json(parser, (entry.path() / "expected-metadata.json").string(), storage);
    if (meta.ok()) {
      p.title = get_string(*meta, "title");
      p.author = get_string(*meta, "byline");
      p.date = get_string(*meta, "publishedTime");
    }
    pages.push_back(std::move(p));
  }
  if (ec) return io_error("cannot list " + (dir / "pages").string() + ": " + ec.message());
  return pages;
}

// Named character references decoded by html_fragment_text: the ones that occur in
// readability-testpages' expected.html files (counted with grep), values from the WHATWG
// HTML named character reference list. Anything else is left as written.
struct NamedRef {
  std::string_view name;
  std::string_view utf8;
};
constexpr NamedRef kNamedRefs[] = {
    {"amp", "&"},
    {"lt", "<"},
    {"gt", ">"},
    {"quot", "\""},
    {"apos", "'"},
    {"nbsp", "\xC2\xA0"},
    {"mdash", "\xE2\x80\x94"},
    {"ndash", "\xE2\x80\x93"},
    {"hellip", "\xE2\x80\xA6"},
    {"lsquo", "\xE2\x80\x98"},
    {"rsquo", "\xE2\x80\x99"},
    {"ldquo", "\xE2\x80\x9C"},
    {"rdquo", "\xE2\x80\x9D"},
    {"copy", "\xC2\xA9"},
    {"reg", "\xC2\xAE"},
    {"middot", "\xC2\xB7"},
    {"bull", "\xE2\x80\xA2"},
};

// Elements whose boundaries are line breaks in rendered text (a subset of the HTML block
// elements, enough to keep words from gluing together).
constexpr std::string_view kBlockTags[] = {
    "p",       "div",     "br",     "li",         "ul", "ol", "h1",    "h2",         "h3",
    "h4",      "h5",      "h6",     "tr",         "td", "th", "table", "blockquote", "pre",
    "section", "article", "figure", "figcaption", "hr", "dd", "dt"};

bool is_block_tag(std::string_view name) {
  for (auto t : kBlockTags)
    if (t == name) return true;
  return false;
}

}  // namespace

std::string_view dataset_name(Dataset d) {
  switch (d) {
    case Dataset::kScrapinghub:
      return "scrapinghub";
    case Dataset::kWcxb:
      return "wcxb";
    case Dataset::kChinese:
      return "chinese";
    case Dataset::kReadability:
      return "readability";
  }
  return "?";
}

Result<Dataset> parse_dataset(std::string_view name) {
  for (Dataset d :
       {Dataset::kScrapinghub, Dataset::kWcxb, Dataset::kChinese, Dataset::kReadability})
    if (dataset_name(d) == name) return d;
  return invalid_argument("unknown dataset '" + std::string(name) +
                          "' (scrapinghub, wcxb, chinese, readability)");
}

Result<std::vector<GoldPage>> load_dataset(Dataset d, const std::string& data_dir) {
  fs::path root(data_dir);
  Result<std::vector<GoldPage>> pages = std::vector<GoldPage>{};
  switch (d) {
    case Dataset::kScrapinghub:
      pages = load_scrapinghub(root / "scrapinghub");
      break;
    case Dataset::kWcxb:
      pages = load_wcxb(root / "wcxb-dev");
      break;
    case Dataset::kChinese:
      pages = load_chinese(root / "chinese-wce");
      break;
    case Dataset::kReadability:
      pages = load_readability(root / "readability-testpages");
      break;
  }
  if (!pages.ok()) return pages;
  if (pages->empty())
    return not_found("no " + std::string(dataset_name(d)) + " pages under " + data_dir);
  std::sort(pages->begin(), pages->end(),
            [](const GoldPage& a, const GoldPage& b) { return a.id < b.id; });
  return pages;
}

std::vector<std::string> anchor_names(const std::string& data_dir) {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e :
       fs::directory_iterator(fs::path(data_dir) / "scrapinghub/anchor-outputs", ec))
    if (e.path().extension() == ".json") out.push_back(e.path().stem().string());
  std::sort(out.begin(), out.end());
  return out;
}

Result<std::map<std::string, std::string>> load_anchor(const std::string& data_dir,
                                                       const std::string& name) {
  simdjson::dom::parser parser;
  std::string storage;
  std::string path =
      (fs::path(data_dir) / "scrapinghub/anchor-outputs" / (name + ".json")).string();
  auto root = parse_json(parser, path, storage);
  if (!root.ok()) return root.status();
  simdjson::dom::object obj;
  simdjson::dom::element inner;
  if ((*root)["output"].get(inner) == simdjson::SUCCESS) {
    if (inner.get(obj)) return corrupt(path + ": \"output\" is not an object");
  } else if (root->get(obj)) {
    return corrupt(path + " is not an object");
  }
  std::map<std::string, std::string> out;
  for (auto field : obj)
    out.emplace(std::string(field.key), get_string(field.value, "articleBody"));
  return out;
}

std::string html_fragment_text(std::string_view html) {
  std::string out;
  out.reserve(html.size() / 2);
  size_t i = 0;
  while (i < html.size()) {
    char c = html[i];
    if (c == '<') {
      size_t end = html.find('>', i);
      if (end == std::string_view::npos) break;
      if (html.substr(i, 4) == "<!--") {
        size_t close = html.find("-->", i + 4);
        i = close == std::string_view::npos ? html.size() : close + 3;
        continue;
      }
      size_t n = i + 1 + (i + 1 < html.size() && html[i + 1] == '/');
      size_t name_end = n;
      while (name_end < end && std::isalnum(static_cast<unsigned char>(html[name_end]))) ++name_end;
      std::string name(html.substr(n, name_end - n));
      for (char& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      bool closing = html[i + 1] == '/';
      if (!closing && (name == "script" || name == "style")) {
        size_t close = html.find("</" + name, end);
        i = close == std::string_view::npos ? html.size() : html.find('>', close);
        i = i == std::string_view::npos ? html.size() : i + 1;
        continue;
      }
      if (is_block_tag(name)) out += '\n';
      i = end + 1;
      continue;
    }
    if (c == '&') {
      size_t semi = html.find(';', i);
      if (semi != std::string_view::npos && semi - i <= 10) {
        std::string_view ref = html.substr(i + 1, semi - i - 1);
        if (!ref.empty() && ref[0] == '#') {
          uint32_t cp = 0;
          bool hex = ref.size() > 1 && (ref[1] == 'x' || ref[1] == 'X');
          bool ok = ref.size() > (hex ? 2u : 1u);
          for (size_t k = hex ? 2 : 1; k < ref.size() && ok; ++k) {
            int v = std::isdigit(static_cast<unsigned char>(ref[k])) ? ref[k] - '0'
                    : hex && std::isxdigit(static_cast<unsigned char>(ref[k]))
                        ? (std::tolower(static_cast<unsigned char>(ref[k])) - 'a' + 10)
                        : -1;
            ok = v >= 0 && cp < 0x110000;
            cp = cp * (hex ? 16 : 10) + static_cast<uint32_t>(v < 0 ? 0 : v);
          }
          if (ok) {
            base::append_utf8(out, base::scalar_or_replacement(cp));
            i = semi + 1;
            continue;
          }
        } else {
          bool done = false;
          for (const auto& r : kNamedRefs) {
            if (r.name == ref) {
              out += r.utf8;
              i = semi + 1;
              done = true;
              break;
            }
          }
          if (done) continue;
        }
      }
    }
    out += c;
    ++i;
  }
  return out;
}

}  // namespace klartext::eval
