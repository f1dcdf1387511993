// html::parse and html::parse_fragment: input limits, source adoption, tokenizer + tree builder.
// Tested in tests/html/parser_test.cc and tests/html/tree_builder_test.cc.
#include "html/parser.h"

#include "html/tokenizer.h"
#include "html/tree_builder.h"

namespace klartext::html {
namespace {

Status check_size(std::string_view utf8, const ParseOptions& options) {
  if (utf8.size() > options.max_input_bytes)
    return limit_exceeded("html input of " + std::to_string(utf8.size()) +
                          " bytes exceeds max_input_bytes " +
                          std::to_string(options.max_input_bytes));
  return Status();
}

BuildOptions build_options(const ParseOptions& options) {
  BuildOptions b;
  b.max_depth = options.max_depth;
  b.max_nodes = options.max_nodes;
  b.scripting = options.scripting;
  return b;
}

void fill_info(ParseInfo* info, const BuildResult& r, const Tokenizer& tok) {
  if (!info) return;
  info->truncated = r.truncated;
  info->depth_capped = r.depth_capped;
  info->parse_errors = r.parse_errors + tok.error_count();
}

}  // namespace

Result<std::unique_ptr<dom::Document>> parse(std::string utf8, const ParseOptions& options,
                                             ParseInfo* info) {
  KLARTEXT_RETURN_IF_ERROR(check_size(utf8, options));
  auto doc = std::make_unique<dom::Document>();
  // The document owns the input, so text nodes and attribute values can point into it.
  std::string_view input = doc->adopt_source(std::move(utf8));
  Tokenizer tok(input);
  BuildResult r = build_document(*doc, tok, input, build_options(options));
  fill_info(info, r, tok);
  return doc;
}

Result<std::unique_ptr<dom::Document>> parse_borrowed(std::string_view input,
                                                      const ParseOptions& options,
                                                      ParseInfo* info) {
  KLARTEXT_RETURN_IF_ERROR(check_size(input, options));
  auto doc = std::make_unique<dom::Document>();
  Tokenizer tok(input);
  BuildResult r = build_document(*doc, tok, input, build_options(options));
  fill_info(info, r, tok);
  return doc;
}

Result<std::unique_ptr<dom::Document>> parse_fragment(std::string utf8, std::string_view context,
                                                      const ParseOptions& options,
                                                      ParseInfo* info) {
  KLARTEXT_RETURN_IF_ERROR(check_size(utf8, options));
  FragmentContext ctx;
  ctx.name = context;
  if (context.substr(0, 4) == "svg ") {
    ctx.ns = dom::Namespace::kSvg;
    ctx.name = context.substr(4);
  } else if (context.substr(0, 5) == "math ") {
    ctx.ns = dom::Namespace::kMathMl;
    ctx.name = context.substr(5);
  }
  if (ctx.name.empty() || ctx.name.find(' ') != std::string_view::npos)
    return invalid_argument("bad fragment context '" + std::string(context) +
                            "' (expected NAME, 'svg NAME' or 'math NAME')");
  auto doc = std::make_unique<dom::Document>();
  std::string_view input = doc->adopt_source(std::move(utf8));
  Tokenizer tok(input);
  BuildResult r = build_fragment(*doc, tok, input, ctx, build_options(options));
  fill_info(info, r, tok);
  return doc;
}

}  // namespace klartext::html
