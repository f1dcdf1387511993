// Input enumeration for the corpus job: paths, directories, globs, list files and stdin,
// expanded into a stable, ordered list of archive files. Tested in tests/pipeline/inputs_test.cc.
#ifndef KLARTEXT_PIPELINE_INPUTS_H_
#define KLARTEXT_PIPELINE_INPUTS_H_

#include <string>
#include <vector>

#include "klartext/status.h"

namespace klartext::pipeline {

struct InputFile {
  std::string path;     // as found ("-" for standard input)
  long long size = -1;  // bytes, or -1 when unknown (stdin, pipes)
};

// Expands each spec in order:
//   "-"            standard input
//   "@FILE"        every non-empty, non-'#' line of FILE is a spec (no nesting of @)
//   a directory    every file below it whose name looks like an archive (.warc, .arc, with
//                  optional .gz/.zst), sorted by path
//   a glob pattern (contains * ? or [)  its matches, sorted
//   anything else  that path (it must exist)
// Duplicates (same path twice) are kept once, at their first position.
Result<std::vector<InputFile>> expand_inputs(const std::vector<std::string>& specs);

// True for names like x.warc, x.warc.gz, x.warc.zst, x.arc.gz, x.wet.gz.
bool looks_like_archive(const std::string& name);

}  // namespace klartext::pipeline

#endif  // KLARTEXT_PIPELINE_INPUTS_H_
