// The `klartext` Python module: extract() and extract_text() over the C++ API. Thin by design;
// the logic and its tests live in C++. Tested in tests/python/test_klartext.py.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <string>

#include "klartext/klartext.h"

namespace py = pybind11;

namespace {

// Accepts bytes (raw page, any encoding) or str (already text: passed on as UTF-8).
std::string page_bytes(const py::object& html, std::string& charset) {
  if (py::isinstance<py::bytes>(html)) return std::string(html.cast<py::bytes>());
  if (py::isinstance<py::str>(html)) {
    if (charset.empty()) charset = "utf-8";
    return html.cast<std::string>();
  }
  throw py::type_error("html must be bytes or str");
}

klartext::Document run_extract(const py::object& html, std::string url, std::string charset,
                               bool markdown, bool comments, bool tables, bool links, bool images,
                               bool precision, bool recall) {
  klartext::ExtractOptions o;
  std::string bytes = page_bytes(html, charset);
  o.url = std::move(url);
  o.charset = std::move(charset);
  o.with_markdown = markdown;
  o.include_comments = comments;
  o.include_tables = tables;
  o.include_links = links;
  o.include_images = images;
  o.favor_precision = precision;
  o.favor_recall = recall;
  klartext::Result<klartext::Document> r = klartext::invalid_argument("not run");
  {
    py::gil_scoped_release release;  // extraction is pure C++: let other Python threads run
    r = klartext::extract(bytes, o);
  }
  if (!r.ok()) throw py::value_error(r.status().to_string());
  return std::move(r).value();
}

py::dict to_dict(const klartext::Document& d, bool markdown) {
  py::dict out;
  out["url"] = d.url;
  out["title"] = d.title;
  out["author"] = d.author;
  out["date"] = d.date;
  out["sitename"] = d.sitename;
  out["description"] = d.description;
  out["language"] = d.language;
  out["canonical_url"] = d.canonical_url;
  out["image"] = d.image;
  out["tags"] = d.tags;
  out["categories"] = d.categories;
  out["text"] = d.text;
  if (markdown) out["markdown"] = d.markdown;
  out["encoding"] = d.encoding;
  if (d.truncated) out["truncation"] = d.truncation;  // a work cap cut the page short
  return out;
}

}  // namespace

PYBIND11_MODULE(klartext, m) {
  m.doc() = "klartext: the main content and metadata of web pages, fast.";
  m.attr("__version__") = "0.1.0";
  m.def(
      "extract",
      [](const py::object& html, std::string url, std::string charset, bool markdown, bool comments,
         bool tables, bool links, bool images, bool favor_precision, bool favor_recall) {
        return to_dict(run_extract(html, url, charset, markdown, comments, tables, links, images,
                                   favor_precision, favor_recall),
                       markdown);
      },
      py::arg("html"), py::kw_only(), py::arg("url") = "", py::arg("charset") = "",
      py::arg("markdown") = false, py::arg("comments") = false, py::arg("tables") = true,
      py::arg("links") = false, py::arg("images") = false, py::arg("favor_precision") = false,
      py::arg("favor_recall") = false,
      "Main content and metadata of one page (bytes in any encoding, or str) as a dict.\n"
      "Raises ValueError for input that cannot be processed (e.g. over the size limit).");
  m.def(
      "extract_text",
      [](const py::object& html, std::string url, std::string charset) {
        return run_extract(html, url, charset, false, false, true, false, false, false, false).text;
      },
      py::arg("html"), py::kw_only(), py::arg("url") = "", py::arg("charset") = "",
      "Only the main text of one page.");
}
