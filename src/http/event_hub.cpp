#include "http/event_hub.h"

#include <spdlog/spdlog.h>

#include <boost/json.hpp>

#include "http/ai_views.h"
#include "http/views.h"

namespace textura::http {

namespace json = boost::json;

namespace {

std::shared_ptr<const std::string> Frame(const json::object& o) {
  return std::make_shared<const std::string>(json::serialize(o));
}

}  // namespace

EventHub::EventHub() : thread_([this] { Loop(); }) {}

EventHub::~EventHub() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  cv_.notify_all();
  thread_.join();
}

void EventHub::Add(const std::shared_ptr<EventClient>& client) {
  std::lock_guard lock(mutex_);
  clients_.push_back(client);
}

void EventHub::Remove(const EventClient* client) {
  std::lock_guard lock(mutex_);
  std::erase_if(clients_, [&](const std::weak_ptr<EventClient>& w) {
    auto c = w.lock();
    return !c || c.get() == client;
  });
}

std::size_t EventHub::client_count() const {
  std::lock_guard lock(mutex_);
  return clients_.size();
}

void EventHub::Push(Event event) {
  {
    std::lock_guard lock(mutex_);
    queue_.push_back(std::move(event));
  }
  cv_.notify_one();
}

void EventHub::TicketChanged(const core::TicketEvent& event) {
  Push(event);
}

void EventHub::ChatChanged(const core::ChatEvent& event) {
  Push(event);
}

void EventHub::ReplyStreamed(const core::ReplyDelta& delta) {
  Push(delta);
}

void EventHub::SessionEnded(core::SessionId session) {
  std::vector<std::shared_ptr<EventClient>> ending;
  {
    std::lock_guard lock(mutex_);
    for (const auto& w : clients_) {
      if (auto c = w.lock(); c && c->principal().session.id == session) ending.push_back(c);
    }
  }
  for (auto& c : ending) c->Close();
}

void EventHub::Loop() {
  for (;;) {
    Event event;
    {
      std::unique_lock lock(mutex_);
      cv_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (stopping_) return;
      event = std::move(queue_.front());
      queue_.pop_front();
    }
    try {
      std::visit([this](const auto& e) { Deliver(e); }, event);
    } catch (const std::exception& e) {
      spdlog::error("event delivery failed: {}", e.what());
    }
  }
}

void EventHub::Deliver(const core::TicketEvent& event) {
  if (!tickets_) return;
  // Snapshot the connections allowed to see the ticket, grouped by user.
  std::unordered_map<core::UserId, std::vector<std::shared_ptr<EventClient>>> by_user;
  {
    std::lock_guard lock(mutex_);
    for (const auto& w : clients_) {
      auto c = w.lock();
      if (!c) continue;
      const core::Principal& p = c->principal();
      if (event.kind == core::TicketEvent::Kind::kRead && p.user.id != event.actor) continue;
      if (!services::CanSeeAccount(p, event.account_id)) continue;
      // Notes, presence, assignment and breaches are the team's business alone.
      if (event.StaffOnly() && !core::IsStaff(p.user.role)) continue;
      by_user[p.user.id].push_back(std::move(c));
    }
  }
  for (auto& [user, clients] : by_user) {
    const core::Principal& who = clients.front()->principal();
    std::vector<std::shared_ptr<const std::string>> frames;
    if (event.StaffOnly()) {
      frames = StaffFrames(event, who);
      for (auto& c : clients) {
        for (const auto& f : frames) c->Send(f);
      }
      continue;
    }
    if (event.kind == core::TicketEvent::Kind::kMessageCreated && event.message_id) {
      auto m = tickets_->GetMessage(who, event.ticket_id, *event.message_id);
      if (!m) continue;
      frames.push_back(Frame({{"type", "ticket.message_created"},
                              {"ticket_id", event.ticket_id},
                              {"message", MessageJson(*m)}}));
    }
    auto ticket = tickets_->Get(who, event.ticket_id);
    if (!ticket) continue;
    if (event.kind != core::TicketEvent::Kind::kRead) {
      frames.push_back(
          Frame({{"type", "ticket.updated"}, {"ticket", TicketJsonFor(who, *ticket, *tickets_)}}));
    }
    if (event.kind != core::TicketEvent::Kind::kUpdated) {
      auto summary = tickets_->Summary(who);
      if (summary) {
        frames.push_back(Frame({{"type", "unread.changed"},
                                {"ticket_id", event.ticket_id},
                                {"unread_count", ticket->unread_count},
                                {"unread_total", summary->unread_total}}));
      }
    }
    for (auto& c : clients) {
      for (const auto& f : frames) c->Send(f);
    }
  }
}

std::unordered_map<core::UserId, std::vector<std::shared_ptr<EventClient>>>
EventHub::AccountClients(core::AccountId account) {
  std::unordered_map<core::UserId, std::vector<std::shared_ptr<EventClient>>> by_user;
  std::lock_guard lock(mutex_);
  for (const auto& w : clients_) {
    auto c = w.lock();
    if (!c) continue;
    const core::Principal& p = c->principal();
    if (core::IsStaff(p.user.role) || !p.account || p.account->id != account) continue;
    by_user[p.user.id].push_back(std::move(c));
  }
  return by_user;
}

void EventHub::Deliver(const core::ChatEvent& event) {
  if (!chats_) return;
  for (auto& [user, clients] : AccountClients(event.account_id)) {
    const core::Principal& who = clients.front()->principal();
    std::vector<std::shared_ptr<const std::string>> frames;
    if (event.kind == core::ChatEvent::Kind::kMessageCreated && event.message_id) {
      auto m = chats_->GetMessage(who, event.chat_id, *event.message_id);
      if (!m) continue;
      frames.push_back(Frame({{"type", "chat.message_created"},
                              {"chat_id", event.chat_id},
                              {"message", ChatMessageJson(*m)}}));
    }
    auto chat = chats_->Get(who, event.chat_id);
    if (!chat) continue;
    frames.push_back(Frame({{"type", "chat.updated"}, {"chat", ChatJson(*chat)}}));
    for (auto& c : clients) {
      for (const auto& f : frames) c->Send(f);
    }
  }
}

void EventHub::Deliver(const core::ReplyDelta& delta) {
  const auto frame = Frame({{"type", "chat.reply_delta"},
                            {"chat_id", delta.chat_id},
                            {"reply_id", delta.reply_id},
                            {"text", delta.text}});
  for (auto& [user, clients] : AccountClients(delta.account_id)) {
    for (auto& c : clients) c->Send(frame);
  }
}

std::vector<std::shared_ptr<const std::string>> EventHub::StaffFrames(
    const core::TicketEvent& event, const core::Principal& who) {
  using Kind = core::TicketEvent::Kind;
  std::vector<std::shared_ptr<const std::string>> frames;
  if (!console_) return frames;
  if (event.kind == Kind::kPresence) {
    frames.push_back(Frame(
        {{"type", "ticket.presence"},
         {"ticket_id", event.ticket_id},
         {"viewers", ViewersJson(console_->presence().Viewers(event.ticket_id, who.user.id))}}));
    return frames;
  }
  if (event.kind == Kind::kNoteCreated && event.message_id) {
    auto note = console_->notes().Get(who, event.ticket_id, *event.message_id);
    if (!note) return frames;
    frames.push_back(Frame({{"type", "ticket.note_created"},
                            {"ticket_id", event.ticket_id},
                            {"note", NoteJson(*note)}}));
  }
  auto ticket = tickets_->Get(who, event.ticket_id);
  if (!ticket) return frames;
  json::object staff_ticket = StaffTicketJson(*ticket, tickets_->SlaNow(ticket->ticket));
  if (event.kind == Kind::kSlaBreached) {
    frames.push_back(Frame({{"type", "ticket.sla_breached"},
                            {"ticket_id", event.ticket_id},
                            {"ticket", std::move(staff_ticket)}}));
  } else {
    frames.push_back(Frame({{"type", "ticket.updated"}, {"ticket", std::move(staff_ticket)}}));
  }
  return frames;
}

}  // namespace textura::http
