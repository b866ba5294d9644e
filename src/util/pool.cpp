#include "util/pool.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

namespace amlint {

unsigned resolve_jobs(unsigned requested) {
  const unsigned n = requested != 0 ? requested : std::max(1U, std::thread::hardware_concurrency());
  return std::min(n, kMaxJobs);
}

void parallel_for(std::size_t n, unsigned jobs, const std::function<void(std::size_t)>& task) {
  const std::size_t threads = std::min<std::size_t>(std::max(1U, std::min(jobs, kMaxJobs)), n);
  if (threads <= 1) {
    for (std::size_t i = 0; i < n; ++i) task(i);
    return;
  }
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  std::exception_ptr first_error;
  std::mutex error_mutex;
  const auto work = [&] {
    for (std::size_t i = next++; i < n && !failed; i = next++) {
      try {
        task(i);
      } catch (...) {
        const std::lock_guard<std::mutex> lock(error_mutex);
        if (!first_error) first_error = std::current_exception();
        failed = true;
      }
    }
  };
  std::vector<std::thread> workers;
  workers.reserve(threads - 1);
  for (std::size_t t = 1; t < threads; ++t) {
    try {
      workers.emplace_back(work);
    } catch (const std::system_error&) {
      break;  // no more threads to be had: the ones running finish the work
    }
  }
  work();
  for (std::thread& w : workers) w.join();
  if (first_error) std::rethrow_exception(first_error);
}

}  // namespace amlint
