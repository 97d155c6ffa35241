#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace textura::app {

// Runs `task(run_number)` on its own thread now and then every `interval` until
// destroyed (background jobs of `serve`, such as collecting attachments). The
// destructor waits for a run in progress to end.
class PeriodicTask {
 public:
  PeriodicTask(std::chrono::steady_clock::duration interval, std::function<void(long)> task);
  ~PeriodicTask();
  PeriodicTask(const PeriodicTask&) = delete;
  PeriodicTask& operator=(const PeriodicTask&) = delete;

 private:
  void Loop();

  const std::chrono::steady_clock::duration interval_;
  const std::function<void(long)> task_;
  std::mutex mutex_;
  std::condition_variable cv_;
  bool stopping_ = false;  // GUARDED_BY(mutex_)
  std::thread thread_;
};

}  // namespace textura::app
