#pragma once

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "core/ports/event_sink.h"

namespace textura::storage {

// Carries ticket events between server instances over PostgreSQL LISTEN/NOTIFY
// (DESIGN.md §4): TicketChanged() sends a NOTIFY on its own connection; a listener
// thread LISTENs on another and hands every event — this instance's own included —
// to `local`, so each instance's hub serves its own WebSocket clients. Reconnects
// with backoff when the server goes away (events sent meanwhile are lost; clients
// refetch when their socket reconnects).
class PgEventBus final : public core::EventSink {
 public:
  static constexpr const char* kChannel = "textura_events";

  PgEventBus(std::string url, core::EventSink& local);
  ~PgEventBus() override;

  void TicketChanged(const core::TicketEvent& event) override;
  void SessionEnded(core::SessionId session) override;
  void ChatChanged(const core::ChatEvent& event) override;
  void ReplyStreamed(const core::ReplyDelta& delta) override;

  // The NOTIFY payload of an event and back (exposed for tests).
  static std::string Encode(const core::TicketEvent& event);
  static bool Decode(std::string_view payload, core::TicketEvent& event);
  // Chat events travel as "C,kind,chat,account,message"; reply pieces as
  // "D,chat,account,reply_id,text" (text last: it may hold commas).
  static std::string Encode(const core::ChatEvent& event);
  static std::string Encode(const core::ReplyDelta& delta);
  static bool DecodeChat(std::string_view payload, core::ChatEvent& event);
  static bool DecodeDelta(std::string_view payload, core::ReplyDelta& delta);

 private:
  void Listen();
  void Publish();
  void Enqueue(std::string payload);

  const std::string url_;
  core::EventSink& local_;
  std::mutex mutex_;
  std::condition_variable cv_;
  std::deque<std::string> outbox_;  // GUARDED_BY(mutex_)
  bool stopping_ = false;           // GUARDED_BY(mutex_)
  int wake_fd_ = -1;                // eventfd that wakes the listener for shutdown
  std::thread listener_;
  std::thread publisher_;
};

}  // namespace textura::storage
