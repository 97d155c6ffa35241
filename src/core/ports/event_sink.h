#pragma once

#include <optional>

#include "core/ids.h"

namespace textura::core {

// What changed, for live updates. Delivered after the change is committed; the
// receiver decides who may see it and renders it per reader (events carry ids only,
// so nothing leaks through them that the reader could not fetch).
struct TicketEvent {
  enum class Kind { kMessageCreated, kUpdated, kRead };
  Kind kind = Kind::kUpdated;
  TicketId ticket_id = 0;
  AccountId account_id = 0;
  std::optional<MessageId> message_id;  // kMessageCreated
  UserId actor = 0;                     // kRead: only this user's unread changed
};

class EventSink {
 public:
  virtual ~EventSink() = default;
  // Must not block: implementations queue the work.
  virtual void TicketChanged(const TicketEvent& event) = 0;
  // A session was signed out: live connections opened with it must end.
  virtual void SessionEnded(SessionId session) = 0;
};

// Drops events (tools and tests that do not care).
class NullEventSink final : public EventSink {
 public:
  void TicketChanged(const TicketEvent&) override {}
  void SessionEnded(SessionId) override {}
};

}  // namespace textura::core
