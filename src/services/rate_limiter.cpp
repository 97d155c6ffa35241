#include "services/rate_limiter.h"

namespace textura::services {
namespace {
constexpr std::size_t kSweepThreshold = 100000;
}

void SlidingWindowLimiter::Expire(std::deque<core::Time>& events, core::Time now) const {
  while (!events.empty() && events.front() + window_ <= now) events.pop_front();
}

int SlidingWindowLimiter::RetryAfter(std::string_view key, core::Time now) {
  std::lock_guard lock(mutex_);
  auto it = events_.find(std::string(key));
  if (it == events_.end()) return 0;
  Expire(it->second, now);
  if (it->second.size() < max_events_) return 0;
  // The oldest event in the window must leave before another one fits.
  const auto wait = it->second.front() + window_ - now;
  const auto secs = std::chrono::ceil<std::chrono::seconds>(wait).count();
  return secs > 0 ? static_cast<int>(secs) : 1;
}

void SlidingWindowLimiter::Record(std::string_view key, core::Time now) {
  std::lock_guard lock(mutex_);
  if (events_.size() >= kSweepThreshold) SweepLocked(now);
  auto& events = events_[std::string(key)];
  Expire(events, now);
  events.push_back(now);
  // Only the newest max_events_ matter for the decision.
  while (events.size() > max_events_) events.pop_front();
}

void SlidingWindowLimiter::Clear(std::string_view key) {
  std::lock_guard lock(mutex_);
  events_.erase(std::string(key));
}

void SlidingWindowLimiter::SweepLocked(core::Time now) {
  for (auto it = events_.begin(); it != events_.end();) {
    Expire(it->second, now);
    it = it->second.empty() ? events_.erase(it) : std::next(it);
  }
}

}  // namespace textura::services
