#include "core/channels/outbox_rules.h"

#include <algorithm>

namespace textura::core::telegram {

CallOutcome::Kind ClassifyStatus(int status) {
  using Kind = CallOutcome::Kind;
  if (status >= 200 && status < 300) return Kind::kOk;
  if (status == 429) return Kind::kRetryAfter;
  if (status == 401 || status == 404) return Kind::kUnauthorized;  // 404: no such bot token
  if (status == 403) return Kind::kBlocked;
  if (status == 409) return Kind::kConflict;
  if (status >= 400 && status < 500) return Kind::kRejected;
  return Kind::kTransient;  // 0 (no answer), 5xx, anything odd
}

std::chrono::seconds Backoff(int attempt, std::chrono::seconds cap) {
  if (attempt < 1) attempt = 1;
  const int shift = std::min(attempt - 1, 30);
  const auto wait = std::chrono::seconds(std::int64_t{1} << shift);
  return std::min(wait, cap);
}

Time SendPacer::NextSlot(std::int64_t chat, Time now) const {
  Time slot = std::max(now, paused_until_);
  if (auto it = last_by_chat_.find(chat); it != last_by_chat_.end()) {
    slot = std::max(slot, it->second + per_chat_);
  }
  if (static_cast<int>(recent_.size()) >= per_bot_) {
    // The oldest of the last per_bot_ sends must be a second old.
    slot = std::max(slot, recent_[recent_.size() - per_bot_] + std::chrono::seconds(1));
  }
  return slot;
}

void SendPacer::Sent(std::int64_t chat, Time at) {
  last_by_chat_[chat] = at;
  recent_.push_back(at);
  while (!recent_.empty() && recent_.front() + std::chrono::seconds(1) <= at) recent_.pop_front();
  while (static_cast<int>(recent_.size()) > per_bot_) recent_.pop_front();
  if (last_by_chat_.size() > 10000) {
    // Chats quiet for more than the interval no longer constrain anything.
    std::erase_if(last_by_chat_, [&](const auto& kv) { return kv.second + per_chat_ <= at; });
  }
}

}  // namespace textura::core::telegram
