// `klartext parse`: parse HTML files into our DOM; print the tree (html5lib format), a summary
// line per file, or only failures. Tested end to end in tests/html/cli_parse_test.cc.
#include <chrono>
#include <cstdio>
#include <string>

#include "args.h"
#include "base/file.h"
#include "commands.h"
#include "decode/decode.h"
#include "dom/serialize.h"
#include "html/parser.h"

namespace klartext::cli {
namespace {

constexpr char kUsage[] =
    "usage: klartext parse [options] FILE...\n\n"
    "Parses HTML files (plain or gzip; '-' is standard input) with klartext's HTML5 parser.\n"
    "Bytes are decoded to UTF-8 as browsers do (BOM, --charset, <meta>, detection).\n\n"
    "options:\n"
    "  --tree              print the DOM in the html5lib tree-construction format\n"
    "  --quiet             print nothing but errors; exit 1 if any file failed\n"
    "  --fragment CONTEXT  parse as a fragment in CONTEXT: an HTML tag (\"td\") or\n"
    "                      \"svg NAME\" / \"math NAME\" for foreign contexts\n"
    "  --charset LABEL     the transport charset (as from an HTTP header), e.g. latin1\n"
    "  --max-depth N       flatten elements nested deeper than N (default 512)\n"
    "  --max-nodes N       stop after N nodes (default 4194304)\n"
    "  --help              this text\n\n"
    "Without --tree or --quiet, prints one line per file: nodes, DOM bytes, parse errors,\n"
    "encoding and time.\n"
    "Exit status: 0 all parsed, 1 some file failed, 2 usage error.\n";

bool parse_count(const std::string& s, uint32_t* out) {
  if (s.empty() || s.size() > 9) return false;
  uint32_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<uint32_t>(c - '0');
  }
  *out = v;
  return true;
}

}  // namespace

int run_parse(int argc, char** argv, int first) {
  Args args({"fragment", "charset", "max-depth", "max-nodes"}, {"tree", "quiet", "help", "h"});
  if (!args.parse(argc, argv, first)) {
    std::fprintf(stderr, "klartext parse: %s\n\n%s", args.error().c_str(), kUsage);
    return 2;
  }
  if (args.has("help") || args.has("h")) {
    std::fputs(kUsage, stdout);
    return 0;
  }
  if (args.positionals().empty()) {
    std::fprintf(stderr, "klartext parse: no input files\n\n%s", kUsage);
    return 2;
  }
  const bool tree = args.has("tree");
  const bool quiet = args.has("quiet");
  const bool fragment = args.has("fragment");
  const std::string context = args.get("fragment");
  html::ParseOptions options;
  if (args.has("max-depth") && !parse_count(args.get("max-depth"), &options.max_depth)) {
    std::fprintf(stderr, "klartext parse: --max-depth needs a number\n");
    return 2;
  }
  if (args.has("max-nodes") && !parse_count(args.get("max-nodes"), &options.max_nodes)) {
    std::fprintf(stderr, "klartext parse: --max-nodes needs a number\n");
    return 2;
  }
  decode::DecodeOptions decode_options;
  decode_options.transport_charset = args.get("charset");
  // A charset given by hand is an instruction, not a server default to second-guess.
  if (!decode_options.transport_charset.empty()) decode_options.verify_labels = false;

  int failures = 0;
  for (const std::string& path : args.positionals()) {
    auto start = std::chrono::steady_clock::now();
    auto bytes = base::read_maybe_gzip(path, options.max_input_bytes);
    if (!bytes.ok()) {
      std::fprintf(stderr, "%s: %s\n", path.c_str(), bytes.status().to_string().c_str());
      ++failures;
      continue;
    }
    auto decoded = decode::decode_html(*bytes, decode_options);
    if (!decoded.ok()) {
      std::fprintf(stderr, "%s: %s\n", path.c_str(), decoded.status().to_string().c_str());
      ++failures;
      continue;
    }
    std::string encoding = decoded->encoding;
    html::ParseInfo info;
    auto doc = fragment ? html::parse_fragment(std::move(decoded->utf8), context, options, &info)
                        : html::parse(std::move(decoded->utf8), options, &info);
    if (!doc.ok()) {
      std::fprintf(stderr, "%s: %s\n", path.c_str(), doc.status().to_string().c_str());
      ++failures;
      continue;
    }
    if (quiet) continue;
    if (tree) {
      std::string out = fragment ? dom::dump_fragment(**doc) : dom::dump_tree(**doc);
      std::fwrite(out.data(), 1, out.size(), stdout);
      continue;
    }
    double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    std::printf("%s: %u nodes, %zu DOM bytes, %zu parse errors, %s, %.2f ms%s%s\n", path.c_str(),
                (*doc)->node_count(), (*doc)->memory_bytes(), info.parse_errors, encoding.c_str(),
                ms, info.truncated ? ", truncated (max nodes)" : "",
                info.depth_capped ? ", depth capped" : "");
  }
  return failures ? 1 : 0;
}

}  // namespace klartext::cli
