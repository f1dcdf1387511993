// Input enumeration. Tested in tests/pipeline/inputs_test.cc.
#include "pipeline/inputs.h"

#include <glob.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

namespace klartext::pipeline {
namespace fs = std::filesystem;

bool looks_like_archive(const std::string& name) {
  std::string n = name;
  for (const char* ext : {".gz", ".zst", ".zstd"}) {
    std::string e = ext;
    if (n.size() > e.size() && n.compare(n.size() - e.size(), e.size(), e) == 0) {
      n.resize(n.size() - e.size());
      break;
    }
  }
  for (const char* ext : {".warc", ".arc", ".wet", ".wat"}) {
    std::string e = ext;
    if (n.size() > e.size() && n.compare(n.size() - e.size(), e.size(), e) == 0) return true;
  }
  return false;
}

namespace {

long long file_size(const std::string& path) {
  std::error_code ec;
  auto size = fs::file_size(path, ec);
  return ec ? -1 : static_cast<long long>(size);
}

Status expand_one(const std::string& spec, bool allow_list, std::vector<InputFile>& out) {
  if (spec == "-") {
    out.push_back({"-", -1});
    return {};
  }
  if (allow_list && spec.size() > 1 && spec[0] == '@') {
    std::ifstream in(spec.substr(1));
    if (!in) return not_found("cannot open input list " + spec.substr(1));
    std::string line;
    while (std::getline(in, line)) {
      while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
      if (line.empty() || line[0] == '#') continue;
      KLARTEXT_RETURN_IF_ERROR(expand_one(line, false, out));
    }
    return {};
  }
  std::error_code ec;
  if (fs::is_directory(spec, ec)) {
    std::vector<std::string> found;
    for (auto it = fs::recursive_directory_iterator(spec, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (it->is_regular_file(ec) && looks_like_archive(it->path().filename().string()))
        found.push_back(it->path().string());
    }
    if (ec) return io_error("cannot list " + spec + ": " + ec.message());
    std::sort(found.begin(), found.end());
    for (auto& f : found) out.push_back({f, file_size(f)});
    return {};
  }
  if (spec.find_first_of("*?[") != std::string::npos) {
    glob_t g{};
    int rc = glob(spec.c_str(), 0, nullptr, &g);
    if (rc == GLOB_NOMATCH) {
      globfree(&g);
      return not_found("no file matches " + spec);
    }
    if (rc != 0) {
      globfree(&g);
      return io_error("cannot expand " + spec);
    }
    std::vector<std::string> found(g.gl_pathv, g.gl_pathv + g.gl_pathc);
    globfree(&g);
    std::sort(found.begin(), found.end());
    for (auto& f : found) out.push_back({f, file_size(f)});
    return {};
  }
  if (!fs::exists(spec, ec)) return not_found("no such input: " + spec);
  out.push_back({spec, file_size(spec)});
  return {};
}

}  // namespace

Result<std::vector<InputFile>> expand_inputs(const std::vector<std::string>& specs) {
  std::vector<InputFile> all;
  for (const auto& s : specs) KLARTEXT_RETURN_IF_ERROR(expand_one(s, true, all));
  std::vector<InputFile> unique;
  std::set<std::string> seen;
  for (auto& f : all)
    if (seen.insert(f.path).second) unique.push_back(std::move(f));
  return unique;
}

}  // namespace klartext::pipeline
