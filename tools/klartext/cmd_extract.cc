// `klartext extract`: main content and metadata of web pages as text, Markdown, JSON or JSONL.
// Tested end to end in tests/api/cli_extract_test.cc.
#include <cstdio>
#include <string>

#include "args.h"
#include "base/file.h"
#include "base/json_writer.h"
#include "commands.h"
#include "klartext/klartext.h"

namespace klartext::cli {
namespace {

constexpr const char* kHelp =
    "usage: klartext extract [options] FILE...\n"
    "\n"
    "Extracts the main content and metadata of web pages. FILE is an HTML file, plain or gzip\n"
    "(detected by its magic bytes), or - for standard input.\n"
    "\n"
    "options:\n"
    "  --format F     text (default), markdown, json or jsonl. text and markdown print the\n"
    "                 headline, then the content; json prints one object per file; jsonl\n"
    "                 prints one line per file, in input order, each with \"source\" (the path\n"
    "                 as given); a page that fails gives {\"source\":...,\"error\":...} and the\n"
    "                 run goes on (exit code 1 at the end)\n"
    "  --url URL      the page's address (metadata, relative links)\n"
    "  --charset L    the transport charset (as from an HTTP header); default: sniff\n"
    "  --comments     keep user comments\n"
    "  --no-tables    leave tables out\n"
    "  --links        Markdown: keep links as [text](href)\n"
    "  --images       Markdown: keep images as ![alt](src)\n"
    "  --precision    drop borderline blocks\n"
    "  --recall       keep borderline blocks\n"
    "  --max-milliseconds MS\n"
    "                 work budget per page (default 100): 64 KiB of input and 1000 DOM nodes\n"
    "                 per ms, and the extraction's CPU time; raise it to read huge pages whole\n"
    "                 (the same option as in `klartext corpus`; --budget-ms is its older name)\n"
    "  --help         this text\n"
    "\n"
    "Text output: paragraphs, headings, quotes and code blocks separated by a blank line; list\n"
    "items and table rows one per line, table cells separated by \" | \"; <pre> verbatim.\n"
    "\n"
    "Work per page is capped (--max-milliseconds 100: 6.25 MiB of input, 100,000 DOM nodes,\n"
    "extraction CPU time). A page beyond a cap is extracted up to the cut and reported: "
    "\"truncated\":true\n"
    "and \"truncation\" in JSON, a line on standard error otherwise.\n";

std::string error_json(const std::string& source, const std::string& message) {
  std::string out;
  base::JsonWriter w(out);
  w.begin_object().key("source").value(source).key("error").value(message).end_object();
  return out;
}

}  // namespace

int run_extract(int argc, char** argv, int first) {
  Args args({"format", "url", "charset", "max-milliseconds", "budget-ms"},
            {"comments", "no-tables", "links", "images", "precision", "recall", "help"});
  if (!args.parse(argc, argv, first)) {
    std::fprintf(stderr, "klartext extract: %s\n\n%s", args.error().c_str(), kHelp);
    return 2;
  }
  if (args.has("help")) {
    std::fputs(kHelp, stdout);
    return 0;
  }
  std::string format = args.get("format", "text");
  if (format != "text" && format != "markdown" && format != "json" && format != "jsonl") {
    std::fprintf(stderr, "klartext extract: unknown --format '%s' (text, markdown, json, jsonl)\n",
                 format.c_str());
    return 2;
  }
  if (args.positionals().empty()) {
    std::fprintf(stderr, "klartext extract: no input file (use - for standard input)\n\n%s", kHelp);
    return 2;
  }
  ExtractOptions options;
  options.url = args.get("url");
  options.charset = args.get("charset");
  options.include_comments = args.has("comments");
  options.include_tables = !args.has("no-tables");
  options.include_links = args.has("links");
  options.include_images = args.has("images");
  options.favor_precision = args.has("precision");
  options.favor_recall = args.has("recall");
  options.with_markdown = format == "markdown";
  // --budget-ms was this option's name before corpus and extract shared one.
  if (args.has("max-milliseconds") && args.has("budget-ms")) {
    std::fprintf(
        stderr, "klartext extract: give --max-milliseconds once (--budget-ms is its older name)\n");
    return 2;
  }
  const char* budget = args.has("budget-ms") ? "budget-ms" : "max-milliseconds";
  if (args.has(budget) && !args.get_positive(budget, &options.max_milliseconds)) {
    std::fprintf(stderr, "klartext extract: --%s needs a positive number\n", budget);
    return 2;
  }
  bool json = format == "json" || format == "jsonl";

  int status = 0;
  bool first_output = true;
  for (const std::string& path : args.positionals()) {
    auto bytes = base::read_maybe_gzip(path, options.max_input_bytes);
    Result<Document> doc = bytes.ok() ? extract(*bytes, options) : Result<Document>(bytes.status());
    if (!doc.ok()) {
      status = 1;
      if (json) {
        std::printf("%s\n", error_json(path, doc.status().to_string()).c_str());
      } else {
        std::fprintf(stderr, "klartext extract: %s: %s\n", path.c_str(),
                     doc.status().to_string().c_str());
      }
      continue;
    }
    if (json) {
      std::printf("%s\n", to_json(*doc, path, options.with_markdown).c_str());
      continue;
    }
    // JSON carries the truncation in the object; text output says it on stderr.
    if (doc->truncated)
      std::fprintf(stderr, "klartext extract: %s: truncated: %s\n", path.c_str(),
                   doc->truncation.c_str());
    // Several files in text form: a form feed line between documents keeps them apart.
    if (!first_output) std::fputs("\f\n", stdout);
    first_output = false;
    std::string out;
    if (!doc->headline.empty()) {
      out += format == "markdown" ? "# " + doc->headline : doc->headline;
      out += "\n\n";
    }
    out += format == "markdown" ? doc->markdown : doc->text;
    std::printf("%s\n", out.c_str());
  }
  std::fflush(stdout);
  return status;
}

}  // namespace klartext::cli
