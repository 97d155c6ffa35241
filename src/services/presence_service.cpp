#include "services/presence_service.h"

#include <algorithm>

#include "core/numbers.h"
#include "services/access.h"

namespace textura::services {

using core::Error;
using core::Result;

PresenceService::PresenceService(core::Store& store, const core::Clock& clock,
                                 core::EventSink& events)
    : store_(store), clock_(clock), events_(events) {}

bool PresenceService::ExpireLocked(TicketPresence& presence, core::Time now) {
  return std::erase_if(presence.entries, [&](const auto& kv) {
           return now - kv.second.last_seen >= kPresenceTtl;
         }) > 0;
}

void PresenceService::Report(core::TicketId ticket, core::AccountId account) {
  events_.TicketChanged({core::TicketEvent::Kind::kPresence, ticket, account, std::nullopt, 0});
}

Result<std::vector<Viewer>> PresenceService::Heartbeat(const core::Principal& who,
                                                       core::TicketId ticket,
                                                       std::string_view state) {
  if (auto s = Require(who, Capability::kStaff); !s) return std::move(s).error();
  if (state != "viewing" && state != "typing" && state != "left") {
    return Error::Validation("state", "must be one of viewing, typing, left");
  }
  auto account = core::ReadValue<core::AccountId>(
      store_, [&](core::Repositories& repos) -> Result<core::AccountId> {
        auto t = repos.tickets().Find(ticket);
        if (!t) return TicketNotFound(ticket);
        return t->account_id;
      });
  if (!account) return std::move(account).error();
  const core::Time now = clock_.Now();
  bool changed = false;
  {
    std::lock_guard lock(mutex_);
    TicketPresence& p = tickets_[ticket];
    p.account_id = *account;
    changed = ExpireLocked(p, now);
    if (state == "left") {
      changed = p.entries.erase(who.user.id) > 0 || changed;
    } else {
      const bool typing = state == "typing";
      auto [it, inserted] = p.entries.try_emplace(who.user.id);
      changed = changed || inserted || it->second.typing != typing;
      it->second = {who.user.name, typing, now};
    }
    if (p.entries.empty()) tickets_.erase(ticket);
  }
  if (changed) Report(ticket, *account);
  return Viewers(ticket, who.user.id);
}

std::vector<Viewer> PresenceService::Viewers(core::TicketId ticket, core::UserId excluding) {
  const core::Time now = clock_.Now();
  std::vector<Viewer> out;
  std::lock_guard lock(mutex_);
  const auto it = tickets_.find(ticket);
  if (it == tickets_.end()) return out;
  for (const auto& [id, e] : it->second.entries) {
    if (id == excluding || now - e.last_seen >= kPresenceTtl) continue;
    out.push_back({id, e.name, e.typing});
  }
  std::sort(out.begin(), out.end(), [](const Viewer& a, const Viewer& b) {
    return std::tie(a.name, a.id) < std::tie(b.name, b.id);
  });
  return out;
}

void PresenceService::Expire() {
  const core::Time now = clock_.Now();
  std::vector<std::pair<core::TicketId, core::AccountId>> changed;
  {
    std::lock_guard lock(mutex_);
    for (auto it = tickets_.begin(); it != tickets_.end();) {
      if (ExpireLocked(it->second, now)) changed.emplace_back(it->first, it->second.account_id);
      it = it->second.entries.empty() ? tickets_.erase(it) : std::next(it);
    }
  }
  for (const auto& [ticket, account] : changed) Report(ticket, account);
}

}  // namespace textura::services
