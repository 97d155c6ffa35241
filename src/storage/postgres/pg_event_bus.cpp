#include "storage/postgres/pg_event_bus.h"

#include <libpq-fe.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <vector>

#include "core/numbers.h"

namespace textura::storage {
namespace {

constexpr auto kRetryDelay = std::chrono::seconds(1);

struct Conn {
  PGconn* pg = nullptr;
  ~Conn() {
    if (pg) PQfinish(pg);
  }
  bool Open(const std::string& url) {
    if (pg) PQfinish(pg);
    pg = PQconnectdb(url.c_str());
    return PQstatus(pg) == CONNECTION_OK;
  }
  bool Ok() const { return pg && PQstatus(pg) == CONNECTION_OK; }
  bool Exec(const char* sql, int n = 0, const char* const* params = nullptr) {
    PGresult* r = PQexecParams(pg, sql, n, nullptr, params, nullptr, nullptr, 0);
    const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK || PQresultStatus(r) == PGRES_TUPLES_OK;
    PQclear(r);
    return ok;
  }
};

}  // namespace

std::string PgEventBus::Encode(const core::TicketEvent& e) {
  return std::to_string(static_cast<int>(e.kind)) + "," + std::to_string(e.ticket_id) + "," +
         std::to_string(e.account_id) + "," + std::to_string(e.message_id.value_or(0)) + "," +
         std::to_string(e.actor);
}

bool PgEventBus::Decode(std::string_view s, core::TicketEvent& e) {
  std::vector<std::int64_t> parts;
  while (!s.empty()) {
    const auto comma = s.find(',');
    const std::string_view field = s.substr(0, comma);
    const auto v = core::ParseInt64(field);
    if (!v) return false;
    parts.push_back(*v);
    s = comma == std::string_view::npos ? std::string_view() : s.substr(comma + 1);
  }
  if (parts.size() != 5 || parts[0] < 0 || parts[0] > core::TicketEvent::kLastKind) return false;
  e.kind = static_cast<core::TicketEvent::Kind>(parts[0]);
  e.ticket_id = parts[1];
  e.account_id = parts[2];
  e.message_id = parts[3] > 0 ? std::optional<core::MessageId>(parts[3]) : std::nullopt;
  e.actor = parts[4];
  return true;
}

namespace {

// Splits off the next comma-separated integer of `s`.
bool NextInt(std::string_view& s, std::int64_t& v) {
  const auto comma = s.find(',');
  const std::string_view field = s.substr(0, comma);
  const auto parsed = core::ParseInt64(field);
  if (!parsed) return false;
  v = *parsed;
  s = comma == std::string_view::npos ? std::string_view() : s.substr(comma + 1);
  return true;
}

// NOTIFY payloads must stay under 8000 bytes.
constexpr std::size_t kMaxDeltaBytes = 6000;

}  // namespace

std::string PgEventBus::Encode(const core::ChatEvent& e) {
  return "C," + std::to_string(static_cast<int>(e.kind)) + "," + std::to_string(e.chat_id) + "," +
         std::to_string(e.account_id) + "," + std::to_string(e.message_id.value_or(0));
}

std::string PgEventBus::Encode(const core::ReplyDelta& d) {
  return "D," + std::to_string(d.chat_id) + "," + std::to_string(d.account_id) + "," + d.reply_id +
         "," + d.text;
}

bool PgEventBus::DecodeChat(std::string_view s, core::ChatEvent& e) {
  if (!s.starts_with("C,")) return false;
  s.remove_prefix(2);
  std::int64_t kind = 0, chat = 0, account = 0, message = 0;
  if (!NextInt(s, kind) || !NextInt(s, chat) || !NextInt(s, account) || !NextInt(s, message) ||
      !s.empty() || kind < 0 || kind > 1) {
    return false;
  }
  e.kind = static_cast<core::ChatEvent::Kind>(kind);
  e.chat_id = chat;
  e.account_id = account;
  e.message_id = message > 0 ? std::optional<std::int64_t>(message) : std::nullopt;
  return true;
}

bool PgEventBus::DecodeDelta(std::string_view s, core::ReplyDelta& d) {
  if (!s.starts_with("D,")) return false;
  s.remove_prefix(2);
  if (!NextInt(s, d.chat_id) || !NextInt(s, d.account_id)) return false;
  const auto comma = s.find(',');
  if (comma == std::string_view::npos) return false;
  d.reply_id = std::string(s.substr(0, comma));
  d.text = std::string(s.substr(comma + 1));
  return true;
}

void PgEventBus::ChatChanged(const core::ChatEvent& event) {
  Enqueue(Encode(event));
}

void PgEventBus::ReplyStreamed(const core::ReplyDelta& delta) {
  std::string_view rest = delta.text;
  do {
    std::size_t cut = std::min(rest.size(), kMaxDeltaBytes);
    while (cut < rest.size() && cut > 0 && (static_cast<unsigned char>(rest[cut]) & 0xC0) == 0x80) {
      --cut;
    }
    core::ReplyDelta piece{delta.chat_id, delta.account_id, delta.reply_id,
                           std::string(rest.substr(0, cut))};
    Enqueue(Encode(piece));
    rest.remove_prefix(cut);
  } while (!rest.empty());
}

PgEventBus::PgEventBus(std::string url, core::EventSink& local)
    : url_(std::move(url)), local_(local), wake_fd_(::eventfd(0, EFD_NONBLOCK)) {
  listener_ = std::thread([this] { Listen(); });
  publisher_ = std::thread([this] { Publish(); });
}

PgEventBus::~PgEventBus() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  cv_.notify_all();
  const std::uint64_t one = 1;
  (void)::write(wake_fd_, &one, sizeof one);
  listener_.join();
  publisher_.join();
  ::close(wake_fd_);
}

void PgEventBus::TicketChanged(const core::TicketEvent& event) {
  Enqueue(Encode(event));
}

// Ended sessions travel as "S,<session id>".
void PgEventBus::SessionEnded(core::SessionId session) {
  Enqueue("S," + std::to_string(session));
}

void PgEventBus::Enqueue(std::string payload) {
  {
    std::lock_guard lock(mutex_);
    outbox_.push_back(std::move(payload));
  }
  cv_.notify_one();
}

void PgEventBus::Publish() {
  Conn conn;
  for (;;) {
    std::string payload;
    {
      std::unique_lock lock(mutex_);
      cv_.wait(lock, [&] { return stopping_ || !outbox_.empty(); });
      if (stopping_) return;
      payload = outbox_.front();
    }
    const char* params[] = {kChannel, payload.c_str()};
    if ((!conn.Ok() && !conn.Open(url_)) || !conn.Exec("SELECT pg_notify($1, $2)", 2, params)) {
      std::unique_lock lock(mutex_);
      cv_.wait_for(lock, kRetryDelay, [&] { return stopping_; });
      if (stopping_) return;
      continue;  // retry the same event
    }
    std::lock_guard lock(mutex_);
    outbox_.pop_front();
  }
}

void PgEventBus::Listen() {
  Conn conn;
  for (;;) {
    {
      std::lock_guard lock(mutex_);
      if (stopping_) return;
    }
    if (!conn.Ok()) {
      if (!conn.Open(url_) || !conn.Exec("LISTEN textura_events")) {
        pollfd wake{wake_fd_, POLLIN, 0};
        ::poll(&wake, 1, static_cast<int>(std::chrono::milliseconds(kRetryDelay).count()));
        continue;
      }
    }
    pollfd fds[2] = {{PQsocket(conn.pg), POLLIN, 0}, {wake_fd_, POLLIN, 0}};
    if (::poll(fds, 2, -1) < 0) continue;
    if (fds[1].revents) continue;            // woken for shutdown: the loop head checks
    if (!PQconsumeInput(conn.pg)) continue;  // broken: reopened at the loop head
    while (PGnotify* n = PQnotifies(conn.pg)) {
      const std::string_view payload = n->extra;
      core::TicketEvent event;
      core::ChatEvent chat_event;
      core::ReplyDelta delta;
      if (payload.starts_with("C,")) {
        if (DecodeChat(payload, chat_event)) local_.ChatChanged(chat_event);
      } else if (payload.starts_with("D,")) {
        if (DecodeDelta(payload, delta)) local_.ReplyStreamed(delta);
      } else if (payload.starts_with("S,")) {
        if (const auto session = core::ParseInt64(payload.substr(2))) {
          local_.SessionEnded(*session);
        }
      } else if (Decode(payload, event)) {
        local_.TicketChanged(event);
      }
      PQfreemem(n);
    }
  }
}

}  // namespace textura::storage
