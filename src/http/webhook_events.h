#pragma once

#include <boost/json.hpp>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <unordered_set>
#include <variant>

#include "core/ports/event_sink.h"
#include "services/chat_service.h"
#include "services/ticket_service.h"
#include "services/webhook_service.h"

namespace textura::http {

// Turns the account's events into webhook messages (docs/integrations.md): passes every
// event on to `next` at once, and on its own thread renders those an endpoint of the
// account subscribes to — as the account's read-only key would read them, with the
// API's own JSON — and queues them with WebhookService::Publish. Sits in front of the
// PostgreSQL event bus, so an event is published once, by the instance where it
// happened. An event is queued right after its change committed: a crash in between
// (the process dies within that moment) loses the webhook, never the change; once
// queued it survives restarts.
class WebhookEventSink final : public core::EventSink {
 public:
  WebhookEventSink(core::EventSink& next, services::WebhookService& webhooks);
  ~WebhookEventSink() override;

  // The services that render events; set once during wiring, before any event.
  void Attach(services::TicketService& tickets) { tickets_ = &tickets; }
  void Attach(services::ChatService& chats) { chats_ = &chats; }

  void TicketChanged(const core::TicketEvent& event) override;
  void ChatChanged(const core::ChatEvent& event) override;
  void ReplyStreamed(const core::ReplyDelta& delta) override { next_.ReplyStreamed(delta); }
  void SessionEnded(core::SessionId session) override { next_.SessionEnded(session); }

  // Waits until every event received so far is published (tests, shutdown).
  void Drain();

 private:
  using Event = std::variant<core::TicketEvent, core::ChatEvent>;
  void Loop();
  void Handle(const core::TicketEvent& event);
  void Handle(const core::ChatEvent& event);
  void Publish(core::AccountId account, std::string_view type, boost::json::object data);

  core::EventSink& next_;
  services::WebhookService& webhooks_;
  services::TicketService* tickets_ = nullptr;
  services::ChatService* chats_ = nullptr;
  std::mutex mutex_;
  std::condition_variable cv_;
  std::deque<Event> queue_;  // GUARDED_BY(mutex_)
  bool busy_ = false;        // GUARDED_BY(mutex_)
  bool stopping_ = false;    // GUARDED_BY(mutex_)
  std::thread thread_;
};

}  // namespace textura::http
