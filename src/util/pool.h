// The threads of a lint run (--jobs) and of the project index: a bounded number of workers that
// take tasks by index. Callers give every task its own result slot and read the slots in index
// order afterwards, so the output never depends on timing.
#pragma once

#include <cstddef>
#include <functional>

namespace amlint {

// At most this many threads, whatever --jobs asks (more only costs memory).
constexpr unsigned kMaxJobs = 64;

// The number of threads for `--jobs requested`: `requested`, or for 0 the
// number of cores (1 when unknown), bounded by kMaxJobs.
unsigned resolve_jobs(unsigned requested);

// Calls task(i) for every i in [0, n) on at most `jobs` threads (the calling
// thread is one of them; jobs <= 1 or n <= 1 runs everything on it) and
// returns when every call is done. Indices are handed out in increasing order
// one at a time, so a slow task does not hold up a share of the others. When
// a task throws, no further task starts and the first exception is rethrown
// here once the running ones are done.
void parallel_for(std::size_t n, unsigned jobs, const std::function<void(std::size_t)>& task);

}  // namespace amlint
