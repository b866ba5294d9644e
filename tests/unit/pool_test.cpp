// The thread pool of a run: every task once, never more threads than asked,
// and an exception in a task stops the others and reaches the caller.
#include "util/pool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

namespace amlint {
namespace {

TEST(Pool, RunsEveryTaskExactlyOnce) {
  for (const unsigned jobs : {1U, 2U, 8U}) {
    for (const std::size_t n : {std::size_t{0}, std::size_t{1}, std::size_t{1000}}) {
      std::vector<std::atomic<int>> calls(n);
      parallel_for(n, jobs, [&](std::size_t i) { ++calls[i]; });
      for (std::size_t i = 0; i < n; ++i)
        EXPECT_EQ(calls[i], 1) << "jobs " << jobs << ", task " << i;
    }
  }
}

TEST(Pool, UsesAtMostTheThreadsAskedFor) {
  for (const unsigned jobs : {1U, 3U}) {
    std::atomic<int> running{0};
    std::atomic<int> most{0};
    parallel_for(24, jobs, [&](std::size_t) {
      const int now = ++running;
      for (int seen = most; now > seen && !most.compare_exchange_weak(seen, now);) {
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
      --running;
    });
    EXPECT_LE(most, static_cast<int>(jobs));
    EXPECT_GE(most, 1);
  }
}

TEST(Pool, AnExceptionStopsFurtherTasksAndReachesTheCaller) {
  for (const unsigned jobs : {1U, 4U}) {
    // The other tasks take a little time, so that the workers cannot finish
    // all of them while task 3's exception is on its way (with empty tasks they
    // could, on a loaded machine).
    std::atomic<int> started{0};
    EXPECT_THROW(parallel_for(10000, jobs,
                              [&](std::size_t i) {
                                ++started;
                                if (i == 3) throw std::runtime_error("task 3");
                                std::this_thread::sleep_for(std::chrono::microseconds(50));
                              }),
                 std::runtime_error);
    EXPECT_LT(started, 10000) << "jobs " << jobs;
  }
}

TEST(Pool, JobsZeroMeansTheCoresAndEveryCountIsBounded) {
  const unsigned cores = std::max(1U, std::thread::hardware_concurrency());
  EXPECT_EQ(resolve_jobs(0), std::min(cores, kMaxJobs));
  EXPECT_EQ(resolve_jobs(3), 3U);
  EXPECT_EQ(resolve_jobs(100000), kMaxJobs);
}

}  // namespace
}  // namespace amlint
