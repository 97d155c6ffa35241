#pragma once

#include <atomic>
#include <functional>

#include "core/ports/event_sink.h"

namespace textura::services {

// Passes every event on to `next` and tells the channel outboxes when a chat got a
// message (an AI reply, an operator's message), so a channel sends it at once instead
// of at its next sweep. The listener is set once, before traffic starts.
class OutboxWakeSink final : public core::EventSink {
 public:
  explicit OutboxWakeSink(core::EventSink& next) : next_(next) {}

  void SetListener(std::function<void(std::int64_t chat)> listener) {
    listener_ = std::move(listener);
    ready_ = true;
  }

  void TicketChanged(const core::TicketEvent& e) override { next_.TicketChanged(e); }
  void ChatChanged(const core::ChatEvent& e) override {
    next_.ChatChanged(e);
    if (e.kind == core::ChatEvent::Kind::kMessageCreated && ready_) listener_(e.chat_id);
  }
  void ReplyStreamed(const core::ReplyDelta& d) override { next_.ReplyStreamed(d); }
  void SessionEnded(core::SessionId s) override { next_.SessionEnded(s); }

 private:
  core::EventSink& next_;
  std::function<void(std::int64_t)> listener_;
  std::atomic<bool> ready_{false};
};

}  // namespace textura::services
