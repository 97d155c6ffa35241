#pragma once

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <variant>
#include <vector>

#include "core/ports/event_sink.h"
#include "core/user.h"
#include "services/chat_service.h"
#include "services/support_console.h"
#include "services/ticket_service.h"

namespace textura::http {

// One open events connection (a WebSocket). Send() may be called from any thread
// and must not block.
class EventClient {
 public:
  virtual ~EventClient() = default;
  virtual const core::Principal& principal() const = 0;
  virtual void Send(std::shared_ptr<const std::string> frame) = 0;
  // Ends the connection (its session was signed out). Non-blocking.
  virtual void Close() = 0;
};

// Live updates for the web app (API.md "Events"). Services report what changed
// (ids only); the hub, on its own thread, renders each event for every connected
// user allowed to see it, through the same service calls the API uses, so an event
// never shows a reader more than GET would. Frames for one user are encoded once and
// sent to each of that user's connections.
class EventHub final : public core::EventSink {
 public:
  EventHub();
  ~EventHub() override;

  // The service used to render events; set once during wiring, before any event.
  void Attach(services::TicketService& tickets) { tickets_ = &tickets; }
  void Attach(services::ChatService& chats) { chats_ = &chats; }
  // The console's services, for its staff-only events (notes, presence, breaches);
  // set once during wiring. Without it those events are dropped.
  void Attach(services::SupportConsole& console) { console_ = &console; }

  // Register before the WebSocket handshake completes, so no event is missed.
  void Add(const std::shared_ptr<EventClient>& client);
  void Remove(const EventClient* client);
  std::size_t client_count() const;

  void TicketChanged(const core::TicketEvent& event) override;
  void SessionEnded(core::SessionId session) override;
  // Chat events go to the account's own users (customers), rendered per reader;
  // reply deltas are the same for every reader and are encoded once.
  void ChatChanged(const core::ChatEvent& event) override;
  void ReplyStreamed(const core::ReplyDelta& delta) override;

 private:
  using Event = std::variant<core::TicketEvent, core::ChatEvent, core::ReplyDelta>;
  void Loop();
  void Push(Event event);
  void Deliver(const core::TicketEvent& event);
  void Deliver(const core::ChatEvent& event);
  void Deliver(const core::ReplyDelta& delta);
  // The connections of the account's customers, grouped by user.
  std::unordered_map<core::UserId, std::vector<std::shared_ptr<EventClient>>> AccountClients(
      core::AccountId account);

  // The frames of a staff-only event for one staff reader.
  std::vector<std::shared_ptr<const std::string>> StaffFrames(const core::TicketEvent& event,
                                                              const core::Principal& who);

  services::TicketService* tickets_ = nullptr;
  services::ChatService* chats_ = nullptr;
  services::SupportConsole* console_ = nullptr;
  mutable std::mutex mutex_;
  std::condition_variable cv_;
  std::vector<std::weak_ptr<EventClient>> clients_;  // GUARDED_BY(mutex_)
  std::deque<Event> queue_;                          // GUARDED_BY(mutex_)
  bool stopping_ = false;                            // GUARDED_BY(mutex_)
  std::thread thread_;
};

}  // namespace textura::http
