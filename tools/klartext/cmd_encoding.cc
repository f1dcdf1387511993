// `klartext encoding`: which encoding each page is in, and why (the decode stage's sniffing).
// Tested end to end in tests/decode/ (the library) and tests/cli/ (the command line).
#include <cstdio>
#include <cstdlib>
#include <string>

#include "args.h"
#include "base/file.h"
#include "commands.h"
#include "decode/decode.h"
#include "decode/encodings.h"

namespace klartext::cli {
namespace {

constexpr const char* kHelp =
    "usage: klartext encoding [options] FILE...\n"
    "\n"
    "Prints, per file, the character encoding klartext decodes it with and why, following\n"
    "the WHATWG Encoding Standard and HTML's sniffing: byte order mark, then --charset, then\n"
    "<meta charset> in the page, then a UTF-8 check, then a statistical detector (uchardet),\n"
    "then windows-1252. Gzip files are read transparently; '-' is standard input.\n"
    "\n"
    "output: FILE<TAB>ENCODING<TAB>SOURCE<TAB>REPLACED<TAB>REASON\n"
    "  SOURCE is bom, transport, meta, valid-utf8, detected or default; REPLACED counts the\n"
    "  malformed sequences that became U+FFFD.\n"
    "\n"
    "options:\n"
    "  --charset LABEL        the transport charset (as from an HTTP header); a label such as\n"
    "                         latin1 or gb2312, or a whole 'text/html; charset=...' value\n"
    "  --strict               decide as a browser: trust labels even when the bytes disagree,\n"
    "                         and read <meta> only in the first 1024 bytes\n"
    "  --max-detect-bytes N   bytes given to the detector at most (default 16384)\n"
    "  --decode               write the decoded UTF-8 text of the (single) FILE to stdout\n"
    "  --labels               list every encoding label klartext knows, and exit\n"
    "  --help                 this text\n";

void print_labels() {
  for (const auto& l : decode::all_labels())
    std::printf("%.*s\t%.*s\n", int(l.label.size()), l.label.data(), int(l.encoding.size()),
                l.encoding.data());
}

}  // namespace

int run_encoding(int argc, char** argv, int first) {
  Args args({"charset", "max-detect-bytes"}, {"strict", "decode", "labels", "help", "h"});
  if (!args.parse(argc, argv, first)) {
    std::fprintf(stderr, "klartext encoding: %s\n\n%s", args.error().c_str(), kHelp);
    return 2;
  }
  if (args.has("help") || args.has("h")) {
    std::fputs(kHelp, stdout);
    return 0;
  }
  if (args.has("labels")) {
    print_labels();
    return 0;
  }
  const auto& files = args.positionals();
  if (files.empty()) {
    std::fprintf(stderr, "klartext encoding: no FILE given\n\n%s", kHelp);
    return 2;
  }
  if (args.has("decode") && files.size() != 1) {
    std::fprintf(stderr, "klartext encoding: --decode takes exactly one FILE\n");
    return 2;
  }
  decode::DecodeOptions options;
  options.transport_charset = args.get("charset");
  if (!options.transport_charset.empty() &&
      decode::canonical_encoding(options.transport_charset).empty() &&
      options.transport_charset.find('=') == std::string::npos) {
    std::fprintf(stderr, "klartext encoding: unknown --charset label '%s' (see --labels)\n",
                 options.transport_charset.c_str());
    return 2;
  }
  if (args.has("max-detect-bytes")) {
    std::string v = args.get("max-detect-bytes");
    char* end = nullptr;
    unsigned long long n = std::strtoull(v.c_str(), &end, 10);
    if (v.empty() || *end != '\0' || n == 0) {
      std::fprintf(stderr, "klartext encoding: --max-detect-bytes needs a positive number\n");
      return 2;
    }
    options.max_detect_bytes = size_t(n);
  }
  if (args.has("strict")) {
    options.verify_labels = false;
    options.late_meta_bytes = 0;
  }

  int status = 0;
  for (const auto& file : files) {
    auto bytes = base::read_maybe_gzip(file);
    if (!bytes.ok()) {
      std::fprintf(stderr, "klartext encoding: %s\n", bytes.status().to_string().c_str());
      status = 1;
      continue;
    }
    auto d = decode::decode_html(*bytes, options);
    if (!d.ok()) {
      std::fprintf(stderr, "klartext encoding: %s: %s\n", file.c_str(),
                   d.status().to_string().c_str());
      status = 1;
      continue;
    }
    if (args.has("decode")) {
      std::fwrite(d->utf8.data(), 1, d->utf8.size(), stdout);
      continue;
    }
    std::string source(decode::encoding_source_name(d->source));
    std::printf("%s\t%s\t%s\t%zu\t%s\n", file.c_str(), d->encoding.c_str(), source.c_str(),
                d->replaced, d->reason.c_str());
  }
  return status;
}

}  // namespace klartext::cli
