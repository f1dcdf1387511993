// The API's internal steps, declared without klartext/klartext.h: its klartext::extract()
// function and the klartext::extract namespace cannot meet in one translation unit.
// Tested via tests/api/api_test.cc.
#ifndef KLARTEXT_API_PIPELINE_STEPS_H_
#define KLARTEXT_API_PIPELINE_STEPS_H_

#include <string>

#include "dom/document.h"

namespace klartext::api {

struct ContentOptions {
  bool include_comments = false;
  bool include_tables = true;
  bool include_links = false;
  bool include_images = false;
  bool with_markdown = false;
  bool favor_precision = false;
  bool favor_recall = false;
  std::string title;   // metadata title, to drop a repeated headline
  std::string author;  // metadata author, to drop a biography naming the author
  double max_milliseconds = 100;
};

struct Content {
  std::string text;
  std::string markdown;
  std::string headline;
  bool truncated = false;  // extraction hit its node cap or its CPU-time budget
};

// Main-content extraction of a parsed page.
Content extract_content(const dom::Document& dom, const ContentOptions& options);

}  // namespace klartext::api

#endif  // KLARTEXT_API_PIPELINE_STEPS_H_
