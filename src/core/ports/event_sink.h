#pragma once

#include <optional>
#include <string>

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

// A chat changed (ids only, rendered per reader like tickets). For the account's users.
struct ChatEvent {
  enum class Kind { kMessageCreated, kUpdated };
  Kind kind = Kind::kUpdated;
  std::int64_t chat_id = 0;
  AccountId account_id = 0;
  std::optional<std::int64_t> message_id;  // kMessageCreated
};

// A piece of an AI reply while it is being written. Ephemeral: not stored, carried
// whole (it is the same for every reader of the account), lost if nobody listens.
struct ReplyDelta {
  std::int64_t chat_id = 0;
  AccountId account_id = 0;
  std::string reply_id;  // opaque; the same for every piece of one reply
  std::string text;
};

class EventSink {
 public:
  virtual ~EventSink() = default;
  // Must not block: implementations queue the work.
  virtual void TicketChanged(const TicketEvent& event) = 0;
  // Chats (AI employees); sinks that do not carry chat events ignore them.
  virtual void ChatChanged(const ChatEvent&) {}
  virtual void ReplyStreamed(const ReplyDelta&) {}
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
