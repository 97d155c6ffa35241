#include "storage/postgres/pg_event_bus.h"

#include <libpq-fe.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <charconv>
#include <chrono>
#include <vector>

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
    std::int64_t v = 0;
    const auto [p, ec] = std::from_chars(field.data(), field.data() + field.size(), v);
    if (ec != std::errc() || p != field.data() + field.size()) return false;
    parts.push_back(v);
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
      if (payload.starts_with("S,")) {
        core::SessionId session = 0;
        const auto rest = payload.substr(2);
        if (std::from_chars(rest.data(), rest.data() + rest.size(), session).ec == std::errc()) {
          local_.SessionEnded(session);
        }
      } else if (Decode(payload, event)) {
        local_.TicketChanged(event);
      }
      PQfreemem(n);
    }
  }
}

}  // namespace textura::storage
