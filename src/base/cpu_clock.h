// The calling thread's CPU time, for per-document work budgets. Wall-clock budgets made results
// depend on machine load (a page that needs 9 ms of CPU took 73 ms of wall time on a loaded
// machine and was cut short); CPU time does not grow with load. Tested in
// tests/base/cpu_clock_test.cc.
#ifndef KLARTEXT_BASE_CPU_CLOCK_H_
#define KLARTEXT_BASE_CPU_CLOCK_H_

#include <time.h>

namespace klartext::base {

// Milliseconds of CPU time this thread has used (CLOCK_THREAD_CPUTIME_ID).
inline double thread_cpu_ms() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

}  // namespace klartext::base

#endif  // KLARTEXT_BASE_CPU_CLOCK_H_
