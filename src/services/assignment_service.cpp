#include "services/assignment_service.h"

#include "core/numbers.h"
#include "core/support/console.h"
#include "services/access.h"
#include "services/audit_service.h"

namespace textura::services {

using core::Error;
using core::Result;
using core::support::HistoryKind;

namespace {

core::support::HistoryEntry AssignmentEntry(core::TicketId ticket,
                                            std::optional<core::UserId> actor,
                                            const std::optional<core::User>& assignee,
                                            core::Time now) {
  core::support::HistoryEntry h;
  h.ticket_id = ticket;
  h.actor_id = actor;
  h.created_at = now;
  if (assignee) {
    h.kind = HistoryKind::kAssigned;
    h.details = {{"assignee_id", std::to_string(assignee->id)}, {"assignee_name", assignee->name}};
  } else {
    h.kind = HistoryKind::kUnassigned;
  }
  return h;
}

bool AutoAssignOn(core::Repositories& repos) {
  return repos.console().Setting(kAutoAssignSetting).value_or("false") == "true";
}

}  // namespace

std::optional<core::User> AutoAssignNew(core::Repositories& repos, const core::User& creator,
                                        core::TicketId ticket, core::AccountId account,
                                        core::Time now) {
  // Locked until this write commits: instances creating tickets at the same time take
  // turns, each seeing the previous pick's last_auto_assigned_at.
  if (repos.console().SettingForUpdate(kAutoAssignSetting).value_or("false") != "true") {
    return std::nullopt;
  }
  auto agent = repos.console().NextOnShift();
  if (!agent) return std::nullopt;
  repos.tickets().SetAssignee(ticket, agent->id);
  repos.console().MarkAutoAssigned(agent->id, now);
  auto entry = AssignmentEntry(ticket, std::nullopt, agent, now);
  entry.details.emplace_back("auto", "true");
  repos.console().InsertHistory(std::move(entry));
  // The audit log needs an actor: the customer whose new ticket set off the rule.
  RecordAudit(repos, creator, core::audit::kTicketAssigned,
              {.ticket_id = ticket, .account_id = account, .target_user_id = agent->id},
              {{"assignee_id", std::to_string(agent->id)},
               {"assignee_name", agent->name},
               {"auto", "true"}},
              now);
  return agent;
}

AssignmentService::AssignmentService(core::Store& store, const core::Clock& clock,
                                     core::EventSink& events)
    : store_(store), clock_(clock), events_(events) {}

Result<core::TicketView> AssignmentService::Assign(const core::Principal& who,
                                                   core::TicketId ticket,
                                                   std::optional<core::UserId> assignee) {
  if (auto s = Require(who, Capability::kStaff); !s) return std::move(s).error();
  const core::Time now = clock_.Now();
  bool changed = false;
  auto view = core::WriteValue<core::TicketView>(
      store_, [&](core::Repositories& repos) -> Result<core::TicketView> {
        auto current = repos.tickets().View(ticket, who.user.id, core::support::Side::kTeam);
        if (!current) return TicketNotFound(ticket);
        if (auto s = core::support::CheckOpen(current->ticket); !s) return std::move(s).error();
        std::optional<core::User> agent;
        if (assignee) {
          agent = repos.users().Find(*assignee);
          // Deactivated staff cannot sign in, so they could never answer.
          if (!agent || !core::IsStaff(agent->role) || !agent->active) {
            return Error::Validation("assignee_id", "user " + std::to_string(*assignee) +
                                                        " is not a member of the support team");
          }
        }
        if (current->assignee_id == assignee) return std::move(*current);
        repos.tickets().SetAssignee(ticket, assignee);
        repos.console().InsertHistory(AssignmentEntry(ticket, who.user.id, agent, now));
        core::audit::Details details{{"auto", "false"}};
        if (agent) {
          details.emplace("assignee_id", std::to_string(agent->id));
          details.emplace("assignee_name", agent->name);
        } else {
          details.emplace("assignee_id", "none");
        }
        if (current->assignee_id) {
          details.emplace("previous_assignee_id", std::to_string(*current->assignee_id));
        }
        RecordAudit(repos, who.user, core::audit::kTicketAssigned,
                    {.ticket_id = ticket,
                     .account_id = current->ticket.account_id,
                     .target_user_id = assignee},
                    std::move(details), now);
        changed = true;
        return *repos.tickets().View(ticket, who.user.id, core::support::Side::kTeam);
      });
  if (view && changed) {
    events_.TicketChanged({core::TicketEvent::Kind::kStaffUpdated, ticket, view->ticket.account_id,
                           std::nullopt, who.user.id});
  }
  return view;
}

Result<core::TicketView> AssignmentService::Take(const core::Principal& who,
                                                 core::TicketId ticket) {
  return Assign(who, ticket, who.user.id);
}

Result<std::vector<core::Agent>> AssignmentService::Agents(const core::Principal& who) {
  if (auto s = Require(who, Capability::kStaff); !s) return std::move(s).error();
  return core::ReadValue<std::vector<core::Agent>>(
      store_, [&](core::Repositories& repos) -> Result<std::vector<core::Agent>> {
        return repos.console().Agents();
      });
}

Result<bool> AssignmentService::SetShift(const core::Principal& who, bool on_shift) {
  if (auto s = Require(who, Capability::kStaff); !s) return std::move(s).error();
  core::Status s = store_.Write([&](core::Repositories& repos) -> core::Status {
    repos.console().SetOnShift(who.user.id, on_shift);
    return core::OkStatus();
  });
  if (!s) return std::move(s).error();
  return on_shift;
}

Result<bool> AssignmentService::AutoAssign(const core::Principal& who) {
  if (auto s = Require(who, Capability::kStaff); !s) return std::move(s).error();
  return core::ReadValue<bool>(
      store_, [&](core::Repositories& repos) -> Result<bool> { return AutoAssignOn(repos); });
}

Result<bool> AssignmentService::SetAutoAssign(const core::Principal& who, bool on) {
  if (auto s = Require(who, Capability::kAdmin); !s) return std::move(s).error();
  core::Status s = store_.Write([&](core::Repositories& repos) -> core::Status {
    repos.console().PutSetting(kAutoAssignSetting, on ? "true" : "false");
    return core::OkStatus();
  });
  if (!s) return std::move(s).error();
  return on;
}

}  // namespace textura::services
