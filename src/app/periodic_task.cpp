#include "app/periodic_task.h"

namespace textura::app {

PeriodicTask::PeriodicTask(std::chrono::steady_clock::duration interval,
                           std::function<void(long)> task)
    : interval_(interval), task_(std::move(task)), thread_([this] { Loop(); }) {}

PeriodicTask::~PeriodicTask() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  cv_.notify_all();
  thread_.join();
}

void PeriodicTask::Loop() {
  for (long run = 0;; ++run) {
    task_(run);
    std::unique_lock lock(mutex_);
    if (cv_.wait_for(lock, interval_, [this] { return stopping_; })) return;
  }
}

}  // namespace textura::app
