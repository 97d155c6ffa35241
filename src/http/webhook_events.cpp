#include "http/webhook_events.h"

#include <spdlog/spdlog.h>

#include <boost/json.hpp>

#include "http/ai_views.h"
#include "http/views.h"
#include "services/access.h"

namespace textura::http {

namespace json = boost::json;

namespace {

// A queue longer than this is a stuck renderer: drop rather than grow without bound.
constexpr std::size_t kMaxQueued = 100'000;

core::Principal ReaderOf(core::AccountId account) {
  return services::AccountReader(core::Account{account, "", {}});
}

core::Time Now() {
  return std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::system_clock::now());
}

}  // namespace

WebhookEventSink::WebhookEventSink(core::EventSink& next, services::WebhookService& webhooks)
    : next_(next), webhooks_(webhooks), thread_([this] { Loop(); }) {}

WebhookEventSink::~WebhookEventSink() {
  Drain();
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  cv_.notify_all();
  thread_.join();
}

void WebhookEventSink::TicketChanged(const core::TicketEvent& event) {
  next_.TicketChanged(event);
  using Kind = core::TicketEvent::Kind;
  if (event.kind != Kind::kMessageCreated && event.kind != Kind::kUpdated) return;
  std::lock_guard lock(mutex_);
  if (queue_.size() >= kMaxQueued) return;
  queue_.emplace_back(event);
  cv_.notify_all();
}

void WebhookEventSink::ChatChanged(const core::ChatEvent& event) {
  next_.ChatChanged(event);
  std::lock_guard lock(mutex_);
  if (queue_.size() >= kMaxQueued) return;
  queue_.emplace_back(event);
  cv_.notify_all();
}

void WebhookEventSink::Drain() {
  std::unique_lock lock(mutex_);
  cv_.wait(lock, [&] { return stopping_ || (queue_.empty() && !busy_); });
}

void WebhookEventSink::Loop() {
  for (;;) {
    Event event;
    {
      std::unique_lock lock(mutex_);
      cv_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (stopping_ && queue_.empty()) return;
      event = std::move(queue_.front());
      queue_.pop_front();
      busy_ = true;
    }
    try {
      std::visit([this](const auto& e) { Handle(e); }, event);
    } catch (const std::exception& e) {
      spdlog::error("rendering a webhook event failed: {}", e.what());
    }
    {
      std::lock_guard lock(mutex_);
      busy_ = false;
    }
    cv_.notify_all();
  }
}

void WebhookEventSink::Publish(core::AccountId account, std::string_view type, json::object data) {
  json::object body{
      {"type", type}, {"timestamp", core::FormatRfc3339(Now())}, {"data", std::move(data)}};
  auto r = webhooks_.Publish(account, type, json::serialize(body));
  if (!r) spdlog::error("queueing webhook {} failed: {}", type, r.error().message);
}

void WebhookEventSink::Handle(const core::TicketEvent& event) {
  if (!tickets_) return;
  const bool message = event.kind == core::TicketEvent::Kind::kMessageCreated;
  const std::string_view type = message ? "ticket.message_created" : "ticket.updated";
  if (!webhooks_.Wants(event.account_id, type)) return;
  const core::Principal reader = ReaderOf(event.account_id);
  auto ticket = tickets_->Get(reader, event.ticket_id);
  if (!ticket) return;
  json::object data{{"ticket", TicketJsonFor(reader, *ticket, *tickets_)}};
  if (message) {
    if (!event.message_id) return;
    auto m = tickets_->GetMessage(reader, event.ticket_id, *event.message_id);
    if (!m) return;
    data["message"] = MessageJson(*m);
  }
  Publish(event.account_id, type, std::move(data));
}

void WebhookEventSink::Handle(const core::ChatEvent& event) {
  if (!chats_) return;
  const core::Principal reader = ReaderOf(event.account_id);
  const bool message = event.kind == core::ChatEvent::Kind::kMessageCreated && event.message_id;
  const bool wants_message = message && webhooks_.Wants(event.account_id, "chat.message_created");
  const bool wants_created = message && webhooks_.Wants(event.account_id, "chat.created");
  const bool wants_human = message && webhooks_.Wants(event.account_id, "chat.needs_human");
  if (!wants_message && !wants_created && !wants_human) return;
  auto chat = chats_->Get(reader, event.chat_id);
  if (!chat) return;
  std::optional<core::ChatMessage> m;
  if (wants_message || wants_human) {
    auto found = chats_->GetMessage(reader, event.chat_id, *event.message_id);
    if (found) m = std::move(*found);
  }
  if (wants_created) {
    // A chat is announced with its first message (a chat without one is invisible).
    auto first = chats_->Messages(reader, event.chat_id, std::nullopt, std::string("1"));
    if (first && !first->items.empty() && first->items.front().id == *event.message_id) {
      Publish(event.account_id, "chat.created", json::object{{"chat", ChatJson(*chat)}});
    }
  }
  if (wants_message && m) {
    Publish(event.account_id, "chat.message_created",
            json::object{{"chat", ChatJson(*chat)}, {"message", ChatMessageJson(*m)}});
  }
  // The AI hands a chat to a person in the write that stores its last message (a reply
  // or a notice): a message by the employee or the system on a chat that now needs a
  // person is that moment. (While it needs one the AI writes nothing more.)
  const bool by_ai =
      m && (m->author == core::AuthorKind::kEmployee || m->author == core::AuthorKind::kSystem);
  if (wants_human && by_ai && chat->needs_human) {
    Publish(event.account_id, "chat.needs_human",
            json::object{{"chat", ChatJson(*chat)}, {"message", ChatMessageJson(*m)}});
  }
}

}  // namespace textura::http
