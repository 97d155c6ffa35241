#pragma once

#include <optional>

#include "core/ids.h"

namespace textura::core {

// What changed, for live updates. Delivered after the change is committed; the
// receiver decides who may see it and renders it per reader (events carry ids only,
// so nothing leaks through them that the reader could not fetch).
// The kinds from kNoteCreated on concern the support team only and reach staff only.
struct TicketEvent {
  enum class Kind {
    kMessageCreated,
    kUpdated,
    kRead,
    kNoteCreated,   // an internal note (message_id carries the note's id)
    kStaffUpdated,  // assignment changed: the staff view of the ticket
    kSlaBreached,   // the team's reply came due unanswered
    kPresence,      // who is viewing/typing changed (this instance's memory)
  };
  static constexpr int kLastKind = static_cast<int>(Kind::kPresence);
  Kind kind = Kind::kUpdated;
  TicketId ticket_id = 0;
  AccountId account_id = 0;
  std::optional<MessageId> message_id;  // kMessageCreated; the note id for kNoteCreated
  UserId actor = 0;                     // kRead: only this user's unread changed

  bool StaffOnly() const { return static_cast<int>(kind) >= static_cast<int>(Kind::kNoteCreated); }
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
