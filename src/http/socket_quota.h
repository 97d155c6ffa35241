#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "core/result.h"
#include "services/rate_limiter.h"

namespace textura::http {

// What one live socket (/api/v1/events today; the widget's visitor sockets later) may
// cost the server. docs/security.md explains the figures.
struct SocketLimits {
  // The largest message a client may send: clients have nothing to say yet, so a few
  // KiB leave room for pings and a future subscribe message. A bigger one is closed
  // with 1009 (message too big) as soon as its frame header announces it.
  std::size_t max_message_bytes = 4 * 1024;
  // Open sockets per session (one per browser tab) and per user (all devices).
  std::size_t max_per_session = 16;
  std::size_t max_per_user = 32;
  // Upgrade attempts per client address and minute, answered or not.
  std::size_t upgrades_per_minute = 600;
};

// Who a socket counts against: any strings that name a session and a user — a
// principal's session and user ids today, a visitor's id and its site later.
struct SocketOwner {
  std::string session;
  std::string user;
};

// Counts open sockets per owner and the upgrade rate per address. Over a cap the new
// socket is refused before the handshake (429 rate_limited): a browser treats a
// failed handshake as an error and backs off, whereas closing a socket after it
// opened resets the web client's backoff, and closing the oldest one would make two
// tabs take turns evicting each other. Thread-safe.
class SocketQuota {
 public:
  // One admitted socket; its counts are released when this is destroyed.
  class Slot {
   public:
    Slot(const Slot&) = delete;
    Slot& operator=(const Slot&) = delete;
    ~Slot();

   private:
    friend class SocketQuota;
    Slot(SocketQuota& quota, SocketOwner owner) : quota_(quota), owner_(std::move(owner)) {}
    SocketQuota& quota_;
    SocketOwner owner_;
  };

  explicit SocketQuota(SocketLimits limits);

  const SocketLimits& limits() const { return limits_; }
  // Records an upgrade attempt from `address`: rate_limited (with Retry-After) once the
  // address passed upgrades_per_minute.
  core::Status CheckUpgradeRate(const std::string& address);
  // A slot for one more socket of `owner`, or rate_limited when the session or the
  // user already has its maximum open.
  core::Result<std::unique_ptr<Slot>> Admit(SocketOwner owner);
  std::size_t open_sockets() const;

 private:
  void Release(const SocketOwner& owner);

  const SocketLimits limits_;
  services::SlidingWindowLimiter upgrades_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, std::size_t> per_session_;  // GUARDED_BY(mutex_)
  std::unordered_map<std::string, std::size_t> per_user_;     // GUARDED_BY(mutex_)
  std::size_t open_ = 0;                                      // GUARDED_BY(mutex_)
};

}  // namespace textura::http
