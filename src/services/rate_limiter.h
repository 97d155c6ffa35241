#pragma once

#include <chrono>
#include <cstddef>
#include <deque>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/time.h"

namespace textura::services {

// Counts events per key in a sliding window. Thread-safe. Memory stays bounded:
// keys whose events have all left the window are swept once the map grows.
//
// The counts live in this process's memory: with several instances each keeps its
// own, which multiplies the effective limit by the number of instances (documented
// in docs/security.md).
class SlidingWindowLimiter {
 public:
  SlidingWindowLimiter(std::size_t max_events, std::chrono::seconds window)
      : max_events_(max_events), window_(window) {}

  // Seconds until `key` may act again, or 0 when it is under the limit now.
  int RetryAfter(std::string_view key, core::Time now);
  // Records one event for `key` at `now`.
  void Record(std::string_view key, core::Time now);
  void Clear(std::string_view key);

 private:
  void Expire(std::deque<core::Time>& events, core::Time now) const;
  void SweepLocked(core::Time now);

  const std::size_t max_events_;
  const std::chrono::seconds window_;
  std::mutex mutex_;
  std::unordered_map<std::string, std::deque<core::Time>> events_;  // GUARDED_BY(mutex_)
};

}  // namespace textura::services
