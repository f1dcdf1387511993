// The extract step of the API pipeline (see pipeline_steps.h). Tested via tests/api/api_test.cc.
#include "api/pipeline_steps.h"
#include "extract/extract.h"

namespace klartext::api {

Content extract_content(const dom::Document& dom, const ContentOptions& options) {
  extract::Options eopt;
  eopt.include_comments = options.include_comments;
  eopt.include_tables = options.include_tables;
  eopt.include_links = options.include_links;
  eopt.include_images = options.include_images;
  eopt.with_markdown = options.with_markdown;
  eopt.favor_precision = options.favor_precision;
  eopt.favor_recall = options.favor_recall;
  eopt.title = options.title;
  eopt.author = options.author;
  eopt.max_milliseconds = options.max_milliseconds;
  extract::Extracted ex = extract::extract(dom, eopt);
  return Content{std::move(ex.text), std::move(ex.markdown), std::move(ex.headline), ex.truncated};
}

}  // namespace klartext::api
