#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "core/ports/clock.h"
#include "core/ports/event_sink.h"
#include "core/ports/store.h"
#include "core/result.h"
#include "core/user.h"

namespace textura::services {

// Another agent on the same ticket.
struct Viewer {
  core::UserId id = 0;
  std::string name;
  bool typing = false;
  friend bool operator==(const Viewer&, const Viewer&) = default;
};

// An entry lives this long after its last heartbeat.
inline constexpr std::chrono::seconds kPresenceTtl{30};

// "Who else is viewing / typing": staff send a heartbeat while a ticket is open;
// entries expire kPresenceTtl after the last one. Kept in this process's memory, so
// with several instances an agent sees only those whose heartbeats reach the same
// instance (docs/support-console.md). Reports kPresence to `events` (the local hub)
// whenever a ticket's set of viewers changes. Thread-safe.
class PresenceService {
 public:
  PresenceService(core::Store& store, const core::Clock& clock, core::EventSink& events);

  // state: viewing | typing | left. Returns the others on the ticket. Staff only
  // (kForbidden); an unknown ticket is kNotFound.
  core::Result<std::vector<Viewer>> Heartbeat(const core::Principal& who, core::TicketId ticket,
                                              std::string_view state);
  // The staff on `ticket` now, except `excluding`, by name.
  std::vector<Viewer> Viewers(core::TicketId ticket, core::UserId excluding);
  // Drops expired entries, reporting the tickets whose viewers changed. Called
  // periodically; heartbeats expire entries of their own ticket as well.
  void Expire();

 private:
  struct Entry {
    std::string name;
    bool typing = false;
    core::Time last_seen{};
  };
  struct TicketPresence {
    core::AccountId account_id = 0;
    std::map<core::UserId, Entry> entries;
  };
  // Removes expired entries of one ticket; true when any went. Needs mutex_.
  bool ExpireLocked(TicketPresence& presence, core::Time now);
  void Report(core::TicketId ticket, core::AccountId account);

  core::Store& store_;
  const core::Clock& clock_;
  core::EventSink& events_;
  std::mutex mutex_;
  std::map<core::TicketId, TicketPresence> tickets_;  // GUARDED_BY(mutex_)
};

}  // namespace textura::services
