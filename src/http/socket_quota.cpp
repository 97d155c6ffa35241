#include "http/socket_quota.h"

#include <chrono>

namespace textura::http {

namespace {

constexpr std::chrono::seconds kUpgradeWindow{60};

void Decrement(std::unordered_map<std::string, std::size_t>& counts, const std::string& key) {
  auto it = counts.find(key);
  if (it == counts.end()) return;
  if (--it->second == 0) counts.erase(it);
}

}  // namespace

SocketQuota::Slot::~Slot() {
  quota_.Release(owner_);
}

SocketQuota::SocketQuota(SocketLimits limits)
    : limits_(limits), upgrades_(limits.upgrades_per_minute, kUpgradeWindow) {}

core::Status SocketQuota::CheckUpgradeRate(const std::string& address) {
  const auto now =
      std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::system_clock::now());
  if (const int wait = upgrades_.RetryAfter(address, now); wait > 0) {
    return core::Error::RateLimited(
        "Too many live connections opened from this address; try again in " + std::to_string(wait) +
            " s.",
        wait);
  }
  upgrades_.Record(address, now);
  return core::OkStatus();
}

core::Result<std::unique_ptr<SocketQuota::Slot>> SocketQuota::Admit(SocketOwner owner) {
  // A closed tab frees its slot at once; a retry a few seconds later will find it.
  constexpr int kRetryAfterSeconds = 5;
  std::lock_guard lock(mutex_);
  auto& session = per_session_[owner.session];
  auto& user = per_user_[owner.user];
  if (session >= limits_.max_per_session || user >= limits_.max_per_user) {
    const bool by_session = session >= limits_.max_per_session;
    if (session == 0) per_session_.erase(owner.session);
    if (user == 0) per_user_.erase(owner.user);
    return core::Error::RateLimited(
        by_session ? "This session already has " + std::to_string(limits_.max_per_session) +
                         " live connections open; close a tab first."
                   : "This user already has " + std::to_string(limits_.max_per_user) +
                         " live connections open; close a tab first.",
        kRetryAfterSeconds);
  }
  ++session;
  ++user;
  ++open_;
  return std::unique_ptr<Slot>(new Slot(*this, std::move(owner)));
}

void SocketQuota::Release(const SocketOwner& owner) {
  std::lock_guard lock(mutex_);
  Decrement(per_session_, owner.session);
  Decrement(per_user_, owner.user);
  --open_;
}

std::size_t SocketQuota::open_sockets() const {
  std::lock_guard lock(mutex_);
  return open_;
}

}  // namespace textura::http
