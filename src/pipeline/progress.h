// The corpus job's progress line: records/s, MB/s, kept share and ETA, redrawn in place on a
// terminal at most a few times a second, silent otherwise. Tested in
// tests/pipeline/progress_test.cc.
#ifndef KLARTEXT_PIPELINE_PROGRESS_H_
#define KLARTEXT_PIPELINE_PROGRESS_H_

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>

namespace klartext::pipeline {

class Progress {
 public:
  // total_bytes: the size of all inputs, or 0 if unknown (then no ETA is shown).
  // enabled: draw at all (the CLI passes isatty(stderr) unless told otherwise).
  Progress(FILE* out, uint64_t total_bytes, bool enabled);

  // Called as work proceeds; cheap when no redraw is due.
  void update(uint64_t bytes_done, uint64_t records, uint64_t pages, uint64_t kept);
  // Draws the final state and ends the line.
  void finish();

  // The text of the line for the given counters and elapsed seconds (for tests).
  static std::string format(uint64_t bytes_done, uint64_t total_bytes, uint64_t records,
                            uint64_t pages, uint64_t kept, double seconds);

 private:
  void draw();

  FILE* out_;
  uint64_t total_bytes_;
  bool enabled_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
  uint64_t bytes_ = 0, records_ = 0, pages_ = 0, kept_ = 0;
  size_t last_width_ = 0;
};

}  // namespace klartext::pipeline

#endif  // KLARTEXT_PIPELINE_PROGRESS_H_
